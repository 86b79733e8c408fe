"""The resolver: the one component that decides which candidates become mentions.

``Resolver.resolve(doc)`` is pure: it reads the candidates (``doc.spans[CANDIDATES_KEY]``),
keeps those whose condition holds (:mod:`policylens.tagging.conditions`), widens each over the
words that say which one ("NHS" staff), lets the longer of two competing spans win (ties go to
the label listed first in LABELS; exclusions win over everything of their length), joins
touching parts of one name, and returns the mentions with a canonical name in ``span.kb_id_``.
``set_annotations`` writes them to ``doc.spans[SPANS_KEY]``, as spaCy's SpanRuler separates
matching from writing.

Factory names carry a version suffix ("_v1": spaCy allows no dot there); a registered name
never changes behaviour, a changed component gets a new name.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import Path

from spacy.attrs import LOWER, ORTH
from spacy.language import Language
from spacy.strings import hash_string
from spacy.tokens import Doc, Span
from spacy.util import ensure_path

from policylens.tagging.amounts import parse_amount
from policylens.tagging.batching import BatchPipe
from policylens.tagging.conditions import CONDITIONS, described_person, is_title, part_of_name
from policylens.tagging.labels import CANDIDATES_KEY, EXCLUDE, SPANS_KEY, label_rank, rule_parts
from policylens.tagging.names import normalise_name, singular
from policylens.tagging.tokenizer import doc_text, forget_text

# Distinct mention texts whose canonical name is remembered (the same few recur).
CANONICAL_CACHE_SIZE = 50_000
_PLURAL_ACRONYM_RE = re.compile(r"[A-Z]{2,}s")
# The longest abbreviation in brackets that a phrase may hold inside it ("(ILAP)", "(CAR-T)").
MAX_ABBREVIATION = 8

# --- span attributes: computed from what the Doc stores, so they survive to_bytes/spacy.load


def _span_amount(span: Span) -> float | None:
    parsed = parse_amount(span.text) if span.label_ == "COST" else None
    return parsed[0] if parsed else None


def _span_currency(span: Span) -> str | None:
    parsed = parse_amount(span.text) if span.label_ == "COST" else None
    return parsed[1] if parsed else None


Span.set_extension("canonical", getter=lambda span: span.kb_id_ or None, force=True)
Span.set_extension("amount", getter=_span_amount, force=True)
Span.set_extension("currency", getter=_span_currency, force=True)


@Language.factory(
    "policylens_resolve_v1",
    default_config={"candidates_key": CANDIDATES_KEY, "spans_key": SPANS_KEY},
)
def make_resolver(nlp: Language, name: str, candidates_key: str, spans_key: str) -> Resolver:
    """Turn candidates into mentions: context checks, modifiers, overlaps, canonical names."""
    return Resolver(candidates_key=candidates_key, spans_key=spans_key)


class Resolver(BatchPipe):
    """Decides which candidates become mentions; holds the canonical names and modifiers."""

    def __init__(self, *, candidates_key: str, spans_key: str) -> None:
        self.candidates_key = candidates_key
        self.spans_key = spans_key
        self.canonical: dict[str, str] = {}
        self.modifiers: dict[str, dict[str, list[str]]] = {}
        self.exact_forms: dict[str, list[str]] = {}
        self._compile()

    # -- data ------------------------------------------------------------------------------

    def set_data(self, canonical_groups: list[dict], modifiers: dict,
                 exact_forms: dict[str, Iterable[str]] | None = None) -> None:
        """Load canonical name groups, per-label modifier words and the exact forms of
        case-sensitive patterns (build time)."""
        self.canonical = {}
        for group in canonical_groups:
            for name in [group["canonical"], *group["names"]]:
                self.canonical[normalise_name(name)] = group["canonical"]
        self.modifiers = {label: dict(sides) for label, sides in sorted(modifiers.items())}
        self.exact_forms = {label: sorted(forms) for label, forms in
                            sorted((exact_forms or {}).items())}
        self._compile()

    def add_exact_forms(self, exact_forms: dict[str, Iterable[str]]) -> None:
        """Add the exact forms of more case-sensitive patterns (a researcher's own file)."""
        merged = {label: set(forms) for label, forms in self.exact_forms.items()}
        for label, forms in exact_forms.items():
            merged.setdefault(label, set()).update(forms)
        self.exact_forms = {label: sorted(forms) for label, forms in sorted(merged.items())}
        self._compile()

    def _compile(self) -> None:
        # Modifier phrases as lower-case token tuples (longest first), each with the head
        # words it may attach to (None: any head of the label).
        self._left: dict[str, list[tuple[tuple[str, ...], frozenset[str] | None]]] = {}
        self._right: dict[str, list[tuple[tuple[str, ...], frozenset[str] | None]]] = {}
        self._persons: dict[str, frozenset[str]] = {}
        for label, sides in self.modifiers.items():
            for side, table in (("left", self._left), ("right", self._right)):
                rules = set()
                for group in sides.get(side, []):
                    heads = frozenset(group["heads"]) if "heads" in group else None
                    rules.update((tuple(_split(p)), heads) for p in group["words"])
                table[label] = sorted(rules, key=lambda r: (-len(r[0]), r[0], sorted(r[1] or ())))
            self._persons[label] = frozenset(sides.get("persons", []))
        self._exact = {label: frozenset(forms) for label, forms in self.exact_forms.items()}
        # Which labels can be widened at all, and by which rules, for a quick first test.
        self._cache: dict[tuple[str, int], tuple[dict, dict]] = {}
        self._canonical_cache: dict[tuple[str, str], str] = {}
        self._widenable = {label for label in self.modifiers if self._left.get(label)
                           or self._right.get(label)}

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        data = {"canonical": dict(sorted(self.canonical.items())), "modifiers": self.modifiers,
                "exact_forms": self.exact_forms}
        return (json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False) + "\n").encode()

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> Resolver:
        loaded = json.loads(data.decode("utf-8"))
        self.canonical = loaded["canonical"]
        self.modifiers = loaded["modifiers"]
        self.exact_forms = loaded.get("exact_forms", {})
        self._compile()
        return self

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        path = ensure_path(path)
        path.mkdir(parents=True, exist_ok=True)
        (path / "resolver.json").write_bytes(self.to_bytes())

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> Resolver:
        return self.from_bytes((ensure_path(path) / "resolver.json").read_bytes())

    # -- processing ------------------------------------------------------------------------

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.resolve(doc))
        return doc

    def resolve(self, doc: Doc) -> list[Span]:
        """The mentions the Doc's candidates make, in text order (the Doc is left as it is)."""
        group = doc.spans.get(self.candidates_key)
        if not group:
            return []
        text = doc_text(doc)
        candidates = [
            span for span in group
            if not rule_parts(span.id_)[0]
            or text[span.start_char: span.end_char] in self._exact.get(span.label_, ())
        ]
        words = _Words(doc) if any(s.label_ in self._widenable for s in candidates) else None
        widened = []
        for span in candidates:
            wide = self._widen(doc, span, words) if words is not None else span
            # A modifier that says which group ("agency staff") settles what a bare word
            # ("staff") would need its context for.
            condition = rule_parts(span.id_)[1] if span.id_ else ""
            if wide is span and condition and not CONDITIONS[condition](span, candidates):
                continue
            widened.append(wide)
        chosen = [
            span for span in resolve_overlaps(widened)
            if span.label_ != EXCLUDE
            and not (span.label_ in ("THERAPY", "NHS_WORKFORCE") and part_of_name(span))
        ]
        return [
            Span(doc, span.start, span.end, label=span.label_, kb_id=self._canonical(span))
            for span in merge_adjacent(chosen)
            if not self._is_person_not_workforce(span)
        ]

    def set_annotations(self, doc: Doc, spans: list[Span]) -> None:
        """Write the mentions to ``doc.spans[spans_key]`` and leave nothing else behind (no
        candidates, no kept text)."""
        doc.spans[self.spans_key] = spans
        if self.candidates_key in doc.spans:
            del doc.spans[self.candidates_key]
        forget_text(doc)

    def _widen(self, doc: Doc, span: Span, words: _Words) -> Span:
        """Extend a span over the modifier words that say which one ("NHS cancer workforce")."""
        label = span.label_
        if label not in self._widenable:
            return span
        start, end = span.start, span.end
        key = (label, words.lower[end - 1])
        rules = self._cache.get(key)
        if rules is None:
            head = doc[end - 1].lower_
            rules = self._cache[key] = (
                _index([p for p, h in self._left.get(label, ()) if h is None or head in h], -1),
                _index([p for p, h in self._right.get(label, ()) if h is None or head in h], 0),
            )
        left, right = rules
        if left:
            start = _extend_left(words.lower, start, left)
        if right:
            # Longest phrase: "HST evaluation committee" takes both modifier words.
            while (wider := _extend_right(words.orth, end, right)) > end:
                end = wider
            if end == span.end and _abbreviation_after(doc, end, words.orth):
                # "Technology Appraisal (TA) guidance": the abbreviation inside the phrase
                wider = _extend_right(words.orth, end + 3, right)
                end = wider if wider > end + 3 else end
        if label == "THERAPY":
            start = _extend_over_target(doc, start)
        if start == span.start and end == span.end:
            return span
        return Span(doc, start, end, label=label, span_id=span.id_)

    def _is_person_not_workforce(self, span: Span) -> bool:
        """An MP who "is a clinician", or a job title used as a byline, is not the workforce."""
        persons = self._persons.get(span.label_)
        return bool(persons) and span[-1].lower_ in persons and described_person(span)

    def _canonical(self, span: Span) -> str:
        text = doc_text(span.doc)[span.start_char: span.end_char]
        key = (span.label_, text)
        found = self._canonical_cache.get(key)
        if found is None:
            if len(self._canonical_cache) >= CANONICAL_CACHE_SIZE:
                self._canonical_cache.clear()
            found = self._canonical_cache[key] = self._find_canonical(span, text)
        return found

    def _find_canonical(self, span: Span, text: str) -> str:
        if span.label_ == "COST" and parse_amount(text) is not None:
            return ""  # an amount's value and currency are its normal form
        key = normalise_name(text)
        # The project's own groups first, then the name a finder knew (a medicine's INN).
        found = self.canonical.get(key) or self.canonical.get(singular(key)) or span.kb_id_
        if found:
            return found
        last = span[-1].text
        if last.islower() or len(span) == 1 and span[0].is_title:
            return singular(key)  # "prices", and "Prices" opening a sentence: "price"
        if _PLURAL_ACRONYM_RE.fullmatch(last):
            return key[:-1]  # "GPs": "gp", as "nurses" is "nurse"
        return key  # a name keeps its form ("Highly Specialised Technologies")


def _split(phrase: str) -> list[str]:
    return [t for t in re.split(r"(\s+|-)", phrase.lower()) if t.strip()]


class _Words:
    """A Doc's lower-case and exact word forms as string hashes, read once for the resolver:
    comparing hashes avoids making a Token object for every word looked at."""

    def __init__(self, doc: Doc) -> None:
        self.lower = doc.to_array(LOWER).tolist()
        self.orth = doc.to_array(ORTH).tolist()


_COORDINATORS = frozenset(hash_string(w) for w in ("and", "or", ","))
Phrase = tuple[int, ...]


def _extend_left(lower: list[int], start: int, by_last: dict[int, list[Phrase]]) -> int:
    """Walk left over modifier phrases, and across "and"/"or"/"," once one was taken."""
    took = False
    while True:
        found = _match_before(lower, start, by_last)
        if found is None and took and start >= 2 and lower[start - 1] in _COORDINATORS:
            found = _match_before(lower, start - 1, by_last)
        if found is None:
            return start
        start, took = found, True


def _index(phrases: list[tuple[str, ...]], position: int) -> dict[int, list[Phrase]]:
    """Phrases as hash tuples by the hash of their first (0) or last (-1) word, keeping their
    longest-first order."""
    index: dict[int, list[Phrase]] = {}
    for phrase in phrases:
        hashed = tuple(hash_string(w) for w in phrase)
        index.setdefault(hashed[position], []).append(hashed)
    return index


def _match_before(lower: list[int], start: int, by_last: dict[int, list[Phrase]]) -> int | None:
    if start == 0:
        return None
    for phrase in by_last.get(lower[start - 1], ()):
        n = len(phrase)
        if start - n >= 0 and tuple(lower[start - n: start]) == phrase:
            return start - n
    return None


def _extend_right(orth: list[int], end: int, by_first: dict[int, list[Phrase]]) -> int:
    # Matching the exact (lower-case) forms: title-case words after a span belong to a name
    # ("EMA Committee for Advanced Therapies"), which merge_adjacent joins when the whole name
    # is a mention.
    if end >= len(orth):
        return end
    for phrase in by_first.get(orth[end], ()):
        n = len(phrase)
        if end + n <= len(orth) and tuple(orth[end: end + n]) == phrase:
            return end + n
    return end


_OPEN_BRACKET, _CLOSE_BRACKET = hash_string("("), hash_string(")")


def _abbreviation_after(doc: Doc, end: int, orth: list[int]) -> bool:
    """The span is followed by an abbreviation in brackets: "(TA)", "(ILAP)". (The brackets
    are compared as the words' hashes, ``orth``: no Token is made for most spans.)"""
    if end + 3 > len(orth) or orth[end] != _OPEN_BRACKET or orth[end + 2] != _CLOSE_BRACKET:
        return False
    word = doc[end + 1].text
    return len(word) <= MAX_ABBREVIATION and sum(c.isupper() for c in word) >= 2


# "CD19-directed CAR T-cell therapy", "anti-BCMA CAR-T": the target says which therapy.
_TARGET_BEFORE_RE = re.compile(
    r"(?<![\w-])(?:anti-)?[A-Z][A-Z0-9]{1,7}(?:-(?:directed|targeted|targeting|specific))?\s+$"
)


def _extend_over_target(doc: Doc, start: int) -> int:
    text = doc_text(doc)
    begin = doc[start].idx
    match = _TARGET_BEFORE_RE.search(text, max(0, begin - 30), begin)
    if match is None or not ("-" in match.group() or match.group().startswith("anti")):
        return start
    span = doc.char_span(match.start(), begin, alignment_mode="expand")
    return span.start if span is not None and span.end <= start else start


def merge_adjacent(spans: list[Span]) -> list[Span]:
    """Join touching spans that name one thing: workforce words ("Nurse" + "vacancies"),
    a therapy before a workforce word ("cell therapy" + "laboratory staff"), and a regulator
    before its title-case unit ("EMA" + "Committee for Advanced Therapies")."""
    merged: list[Span] = []
    for span in spans:
        if merged and merged[-1].end == span.start:
            label = _merged_label(merged[-1], span)
            if label is not None:
                prev = merged.pop()
                span = Span(span.doc, prev.start, span.end, label=label)
        merged.append(span)
    return merged


# Workforce words that join the group word before them ("Nurse vacancies"); others, such as
# "recruitment" after "staff", stay mentions of their own.
JOINING_WORKFORCE_WORDS = frozenset({
    "vacancies", "vacancy", "shortage", "shortages", "gaps", "gap",
})


def _merged_label(first: Span, second: Span) -> str | None:
    if second.label_ == "NHS_WORKFORCE" and first.label_ == "THERAPY":
        return "NHS_WORKFORCE"
    if first.label_ == second.label_ == "NHS_WORKFORCE" and (
            second[0].lower_ in JOINING_WORKFORCE_WORDS or len(first) == 1
            and first[0].lower_ in ("consultant", "specialist", "nurse", "nursing")):
        return "NHS_WORKFORCE"
    if (first.label_ == second.label_ == "REGULATION" and first.text.isupper()
            and is_title(second)):
        return "REGULATION"
    return None


def resolve_overlaps(spans: Iterable[Span]) -> list[Span]:
    """Non-overlapping spans: the longer wins; at equal length the earlier label in LABELS
    (see labels.label_rank)."""
    keyed = sorted(
        ((-(s.end_char - s.start_char), label_rank(s.label_), s.start_char, i, s)
         for i, s in enumerate(spans)),
    )
    taken: set[int] = set()  # token indices already in a chosen span
    chosen: list[Span] = []
    for *_, span in keyed:
        tokens = range(span.start, span.end)
        if taken.isdisjoint(tokens):
            taken.update(tokens)
            chosen.append(span)
    chosen.sort(key=lambda s: s.start)
    return chosen
