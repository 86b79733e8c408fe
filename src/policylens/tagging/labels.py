"""The four mention labels, defined once: their order is the tie-break when spans compete."""

from __future__ import annotations

LABELS: tuple[str, ...] = ("THERAPY", "COST", "REGULATION", "NHS_WORKFORCE")

# Where the tagger puts its mentions on a Doc (doc.spans[SPANS_KEY]).
SPANS_KEY = "policy"
# Where the span ruler and the finders put candidates for the resolver to decide on.
CANDIDATES_KEY = "policy_candidates"

# A pattern label that marks text where nothing may be tagged (organisations, diseases...).
EXCLUDE = "EXCLUDE"
# The pattern id of a case-sensitive pattern: the resolver keeps its match only in that case.
EXACT_CASE = "exact_case"


def label_rank(label: str) -> int:
    """Priority of a label at equal span length: exclusions first, then LABELS order."""
    if label == EXCLUDE:
        return -1
    return LABELS.index(label)
