"""Finders: spaCy components that propose candidates the phrase patterns cannot list:
money amounts (see :mod:`policylens.tagging.amounts`), medicine names by their INN stem, and
medicine names from a dictionary (data/medicines.tsv).

They only propose (``doc.spans[CANDIDATES_KEY]``); the resolver decides what becomes a mention.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path

import numpy
from spacy.attrs import LOWER
from spacy.language import Language
from spacy.strings import hash_string
from spacy.tokens import Doc, Span, SpanGroup
from spacy.util import ensure_path

from policylens.tagging.amounts import find_amounts
from policylens.tagging.batching import BatchPipe
from policylens.tagging.labels import CANDIDATES_KEY
from policylens.tagging.tokenizer import doc_text


def candidates(doc: Doc) -> SpanGroup:
    """The Doc's candidate group, made empty if it has none yet."""
    if CANDIDATES_KEY not in doc.spans:
        doc.spans[CANDIDATES_KEY] = []
    return doc.spans[CANDIDATES_KEY]


@Language.factory("policylens_amounts_v1")
def make_amount_finder(nlp: Language, name: str) -> AmountFinder:
    """Propose a COST candidate for each money amount (see policylens.tagging.amounts)."""
    return AmountFinder()


class AmountFinder(BatchPipe):
    """Finds money amounts with one regular-expression pass over the text."""

    def __call__(self, doc: Doc) -> Doc:
        group = candidates(doc)
        for start, end, _value, _currency in find_amounts(doc_text(doc)):
            span = doc.char_span(start, end, label="COST", alignment_mode="expand")
            if span is not None:
                group.append(span)
        return doc


# --- international non-proprietary names by their stems -----------------------------------

# Stems of the WHO INN scheme (https://www.who.int/teams/health-product-and-policy-standards/
# inn) that mark a medicine's name: -cel cell therapies, -gene gene therapies, -vec viral
# vectors, and the common stems of other high-cost medicines the debate compares them with.
INN_STEMS: tuple[tuple[str, int], ...] = (
    # (stem, minimum word length): the length keeps out ordinary words ("parcel", "oncogene").
    ("cel", 8),
    ("gene", 9),
    ("vec", 7),
    ("mab", 7),
    ("nib", 7),
    ("ersen", 8),
    ("siran", 8),
    ("caftor", 9),
    ("gliflozin", 11),
    ("glutide", 10),
    ("parib", 8),
    ("ciclib", 9),
    ("lisib", 9),
    ("zomib", 9),
    ("platin", 9),
    ("taxel", 9),
    ("rubicin", 10),
)
INN_STOPWORDS = frozenset({"transgene", "pseudogene", "retrogene", "photogene", "antigene"})


def _stem_regex(stems: Iterable[tuple[str, int]]) -> re.Pattern:
    """A stem that ends a word (tried where str.find met the stem); the finder then widens
    it back to the word start and checks the rest."""
    alternation = "|".join(sorted((re.escape(s) for s, _ in stems), key=len, reverse=True))
    return re.compile(rf"(?:{alternation})(?:-[A-Z])?(?![\w-])")


def _word_start(text: str, stem_start: int) -> int | None:
    """Where the word holding a stem starts: letters back from the stem, or a short form's
    2-6 lower-case letters and a hyphen ("exa-cel"); None if it is not such a word."""
    i = stem_start
    if text[i - 1] == "-":
        i -= 1
        j = i
        while j > 0 and text[j - 1].islower():
            j -= 1
        if not 2 <= i - j <= 6 or (j > 0 and (text[j - 1].isalnum() or text[j - 1] == "-")):
            return None
        return j
    lowest = max(0, stem_start - MAX_INN_LENGTH)
    while i > lowest and text[i - 1].isalpha():
        i -= 1
    if i > 0 and (text[i - 1].isalnum() or text[i - 1] in "-_"):
        return None
    if not (text[i].isalpha() and text[i + 1: stem_start].islower() or i + 1 == stem_start):
        return None
    return i


# A two-word INN ("onasemnogene abeparvovec") is one name: its second word ends in -cel/-vec.
# US names add a four-letter suffix ("onasemnogene abeparvovec-xioi").
_SECOND_WORD_RE = re.compile(r"\s+[a-z]{4,}(?:cel|vec)(?:-[a-z]{4})?(?![\w-])")
_COMBINATION_RE = re.compile(r"/([A-Za-z][a-z]+)(?![\w-])")
# A company's development code for a product: letters, an optional hyphen, 3-4 digits.
_CODE_RE = re.compile(r"([A-Z]{2,5})-?\d{3,4}(?![\w-])")
# What cannot come just before a stem inside a name (a stem after it is a word of its own).
_NOT_IN_NAME = frozenset(" \t\n\r.,;:!?()[]{}\"'/“”‘’")
CODE_STOPWORDS = frozenset({
    "ISO", "ICD", "BS", "EN", "SI", "HC", "HL", "UK", "EU", "US", "NHS", "COVID", "SARS", "MERS",
    "PHE", "GDP", "CO", "FY", "Q", "AD", "BC", "PO", "SW", "SE", "NW", "NE", "WC", "EC",
    # NICE guidance numbers ("TA775", "NG28") name a document, not a product
    "TA", "NG", "HST", "QS", "CG", "DG", "MTG", "IPG", "PMG", "ESNM", "ESUOM", "NICE", "PH",
})
_CODE_CONTEXT_RE = re.compile(
    r"therap|treatment|trial|gene|cell|licen[cs]|authoris|authoriz|NICE|MHRA|FDA|EMA|"
    r"medicine|drug|product", re.IGNORECASE)
CODE_CONTEXT = 100
# How far back from a stem a word may start (the longest INNs are about 25 letters).
MAX_INN_LENGTH = 40


@Language.factory("policylens_inn_stems_v1")
def make_inn_finder(nlp: Language, name: str) -> InnStemFinder:
    """Propose a THERAPY candidate for each word built on an INN stem (-cel, -gene, -vec...)."""
    return InnStemFinder()


class InnStemFinder(BatchPipe):
    """Finds medicine names by their INN stem, and product development codes."""

    def __init__(self) -> None:
        self.regex = _stem_regex(INN_STEMS)
        self.stems = tuple(stem for stem, _ in INN_STEMS)
        self.min_length = dict(INN_STEMS)

    def find(self, text: str) -> Iterator[tuple[int, int]]:
        """(start, end) of each INN-like name in ``text``."""
        last_end = 0
        for stem_start, end in self._stem_hits(text):
            if stem_start < last_end or stem_start == 0 or text[stem_start - 1] in _NOT_IN_NAME:
                continue  # the stem alone ("gene") is no name
            start = _word_start(text, stem_start)
            if start is None:
                continue
            word = text[start:end]
            if text[stem_start - 1] == "-":
                if not word.endswith("-cel"):
                    continue  # only the short forms of cell therapies ("exa-cel") take a hyphen
            elif not self._is_name(word):
                continue
            second = _SECOND_WORD_RE.match(text, end)
            if second is not None and not word.lower().endswith(("cel", "vec")):
                end = second.end()
            # "lumacaftor/ivacaftor": a combination product is one name.
            while (combo := _COMBINATION_RE.match(text, end)) and self._is_name(combo.group(1)):
                end = combo.end()
            last_end = end
            yield start, end
        yield from self.find_codes(text)

    def _stem_hits(self, text: str) -> list[tuple[int, int]]:
        """(start, end) of each stem that ends a word, in text order. str.find per stem is
        much faster than one regex alternation tried at every character."""
        hits = []
        for stem in self.stems:
            at = text.find(stem)
            while at != -1:
                match = self.regex.match(text, at)
                if match is not None:
                    hits.append(match.span())
                at = text.find(stem, at + 1)
        return sorted(hits)

    def find_codes(self, text: str) -> Iterator[tuple[int, int]]:
        """Development codes ("OTL-200", "CTX001") where the text around is about medicines."""
        for match in _CODE_RE.finditer(text):
            at = match.start()
            if at > 0 and (text[at - 1].isalnum() or text[at - 1] in "-_"):
                continue  # inside a longer word (the boundary test is cheaper out here)
            if match.group(1) in CODE_STOPWORDS:
                continue
            around = text[max(0, match.start() - CODE_CONTEXT): match.end() + CODE_CONTEXT]
            if _CODE_CONTEXT_RE.search(around):
                yield match.span()

    def _is_name(self, word: str) -> bool:
        base = re.sub(r"-[A-Z]$", "", word).lower()
        if base in INN_STOPWORDS:
            return False
        stem = next((s for s in self.min_length if base.endswith(s)), None)
        return stem is not None and len(base) >= self.min_length[stem]

    def __call__(self, doc: Doc) -> Doc:
        group = candidates(doc)
        for start, end in self.find(doc_text(doc)):
            span = doc.char_span(start, end, label="THERAPY", alignment_mode="expand")
            if span is not None:
                group.append(span)
        return doc



# --- medicines by name -------------------------------------------------------------------

# Where a medicine name needs words about medicines around it (see conditions.CONDITIONS).
MEDICINE_CONTEXT = "medicines_around"
# Entries of the bitmap that screens words before the name lookup (a power of two).
NAME_BITMAP_SIZE = 1 << 20


@Language.factory("policylens_medicines_v1")
def make_medicine_finder(nlp: Language, name: str) -> MedicineFinder:
    """Propose a THERAPY candidate for each name in a medicine dictionary (data/medicines.tsv)."""
    return MedicineFinder()


class MedicineFinder(BatchPipe):
    """Finds one-word medicine names (substances in any case, brands capitalised) and records
    the canonical INN of each (Spinraza -> nusinersen) as the candidate's ``kb_id``.

    A lookup of each word's hash: unlike thousands of phrase patterns, the names cost
    nothing to load (no pattern to tokenize) and little per Doc.
    """

    def __init__(self) -> None:
        self.rows: list[tuple[str, str, str]] = []
        self._compile()

    def set_rows(self, rows: Iterable[tuple[str, str, str]]) -> None:
        """(name, canonical, "any" or "context") rows, names in lower case (build time)."""
        self.rows = sorted({(n.lower(), c, w) for n, c, w in rows})
        self._compile()

    def _compile(self) -> None:
        self._by_hash = {hash_string(name): (name, canonical, where)
                         for name, canonical, where in self.rows}
        # A bitmap of the names' hashes' low bits: one array lookup a word rules out almost
        # every word (a name hash shares the low bits of 1 word in 50), and only the few left
        # are looked up in the dictionary. Several times faster than a sorted-array search.
        self._maybe = numpy.zeros(NAME_BITMAP_SIZE, dtype=bool)
        hashes = numpy.fromiter(self._by_hash, dtype="uint64", count=len(self._by_hash))
        self._maybe[hashes & numpy.uint64(NAME_BITMAP_SIZE - 1)] = True

    def __call__(self, doc: Doc) -> Doc:
        if not self._by_hash or not len(doc):
            return doc
        lower = doc.to_array(LOWER)
        maybe = numpy.flatnonzero(self._maybe[lower & numpy.uint64(NAME_BITMAP_SIZE - 1)])
        group = None
        for i in maybe.tolist():
            entry = self._by_hash.get(int(lower[i]))
            if entry is None:
                continue
            token = doc[i]
            name, canonical, where = entry
            if (name != canonical and name not in canonical.split()
                    and not token.text[:1].isupper()):
                continue  # a brand is written with a capital ("Spinraza"; "spinraza" is rare)
            if group is None:
                group = candidates(doc)
            group.append(Span(doc, _name_start(doc, i, name, canonical), i + 1,
                              label="THERAPY", kb_id=canonical,
                              span_id=MEDICINE_CONTEXT if where == "context" else ""))
        return doc

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        return "".join(f"{n}\t{c}\t{w}\n" for n, c, w in self.rows).encode("utf-8")

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> MedicineFinder:
        self.rows = [tuple(line.split("\t")) for line in data.decode("utf-8").splitlines()]
        self._compile()
        return self

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        path = ensure_path(path)
        path.mkdir(parents=True, exist_ok=True)
        (path / "medicines.tsv").write_bytes(self.to_bytes())

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> MedicineFinder:
        return self.from_bytes((ensure_path(path) / "medicines.tsv").read_bytes())


def _name_start(doc: Doc, i: int, name: str, canonical: str) -> int:
    """Where a medicine's name starts: at the word found, or earlier when the words before
    it complete its INN ("insulin" before "glargine": "insulin glargine")."""
    words = canonical.split()
    before = len(words) - 1
    if before and words[-1] == name and i >= before and all(
            doc[i - before + k].lower_ == word for k, word in enumerate(words[:-1])):
        return i - before
    return i


def read_medicines(path: Path) -> list[tuple[str, str, str]]:
    """The rows of a medicines TSV (name, canonical, where); lines starting "#" are notes."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, canonical, where = line.split("\t")
            rows.append((name, canonical, where))
    return rows
