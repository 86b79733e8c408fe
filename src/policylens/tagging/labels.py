"""The four mention labels, defined once: their order is the tie-break when spans compete."""

from __future__ import annotations

import re

LABELS: tuple[str, ...] = ("THERAPY", "COST", "REGULATION", "NHS_WORKFORCE")

# Where the tagger puts its mentions on a Doc (doc.spans[SPANS_KEY]).
SPANS_KEY = "policy"
# Where the span ruler and the finders put candidates for the resolver to decide on.
CANDIDATES_KEY = "policy_candidates"

# A pattern label that marks text where nothing may be tagged (organisations, diseases...).
EXCLUDE = "EXCLUDE"
# The pattern id of a case-sensitive pattern: the resolver keeps its match only in that case.
# A case-sensitive pattern with a condition has the id "exact_case|<condition>".
EXACT_CASE = "exact_case"


def pattern_rule(exact_case: bool, condition: str | None) -> str:
    """The id a pattern's matches carry: its case rule and its condition, "" for neither."""
    if exact_case:
        return f"{EXACT_CASE}|{condition}" if condition else EXACT_CASE
    return condition or ""


def rule_parts(rule: str) -> tuple[bool, str]:
    """(exact case?, condition name or "") of a pattern id made by ``pattern_rule``."""
    if rule == EXACT_CASE or rule.startswith(EXACT_CASE + "|"):
        return True, rule[len(EXACT_CASE) + 1:]
    return False, rule


# A label a researcher adds in their own pattern file (`--patterns`): upper case, as ours.
LABEL_NAME_RE = re.compile(r"[A-Z][A-Z0-9_]{0,39}")


def label_rank(label: str) -> int:
    """Priority of a label at equal span length: exclusions first, then LABELS order, then
    any label a researcher added."""
    if label == EXCLUDE:
        return -1
    return LABELS.index(label) if label in LABELS else len(LABELS)
