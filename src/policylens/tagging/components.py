"""spaCy components of the tagger: a text-keeping tokenizer, sentences, money amounts, INN
stems, and the resolver.

The span ruler and the finders here only propose candidates (``doc.spans[CANDIDATES_KEY]``);
the resolver alone decides what becomes a mention in ``doc.spans[SPANS_KEY]``: it checks the
context a candidate needs, widens it over the words that say which one ("NHS" staff), lets the
longer of two competing spans win (ties go to the label listed first in LABELS; exclusions win
over everything of their length), and records a canonical name in ``span.kb_id_``.

Factory names carry a version suffix ("_v1": spaCy allows no dot there); a registered name
never changes behaviour, a changed component gets a new name.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import numpy
from spacy.attrs import IDX, LOWER, ORTH, SENT_START
from spacy.language import Language
from spacy.strings import hash_string
from spacy.tokens import Doc, Span
from spacy.util import ensure_path, minibatch, registry

from policylens.tagging.amounts import find_amounts, parse_amount
from policylens.tagging.labels import EXCLUDE, SPANS_KEY, label_rank

CANDIDATES_KEY = "policy_candidates"
# The pattern id of a case-sensitive pattern: the resolver keeps its match only in that case.
EXACT_CASE = "exact_case"

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


# Doc.text rebuilds the string from every token, which costs as much as tokenizing. The
# tokenizer below keeps each text in user_data; the resolver, the last component, removes it.
_TEXT_KEY = "policylens_text"


def doc_text(doc: Doc) -> str:
    """The Doc's text: the one the tokenizer kept, else built once."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


@registry.tokenizers("policylens.text_keeping_tokenizer.v1")
def create_text_keeping_tokenizer() -> Callable[[Language], TextKeepingTokenizer]:
    """spaCy's default tokenizer for the language, keeping each Doc's text."""
    from spacy.language import create_tokenizer

    make_base = create_tokenizer()

    def make(nlp: Language) -> TextKeepingTokenizer:
        return TextKeepingTokenizer(make_base(nlp))

    return make


class TextKeepingTokenizer:
    """Wraps a spaCy Tokenizer: same tokens and serialisation, plus the text in user_data."""

    def __init__(self, tokenizer) -> None:
        self.tokenizer = tokenizer

    def __call__(self, text: str) -> Doc:
        doc = self.tokenizer(text)
        doc.user_data[_TEXT_KEY] = text
        return doc

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterator[Doc]:
        for text in texts:
            yield self(text)

    def __getattr__(self, name: str):
        # Everything else (rules, explain, vocab...) is the wrapped tokenizer's.
        return getattr(self.__dict__["tokenizer"], name)

    def to_disk(self, path, *, exclude: Iterable[str] = ()) -> None:
        self.tokenizer.to_disk(path, exclude=exclude)

    def from_disk(self, path, *, exclude: Iterable[str] = ()) -> TextKeepingTokenizer:
        self.tokenizer.from_disk(path, exclude=exclude)
        return self

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        return self.tokenizer.to_bytes(exclude=exclude)

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> TextKeepingTokenizer:
        self.tokenizer.from_bytes(data, exclude=exclude)
        return self


class BatchPipe:
    """Components run over a batch of Docs at a time in ``nlp.pipe``: each stage then works
    through many Docs in a row, which keeps its code and data in the CPU caches (measured:
    a quarter less time than passing each Doc through every stage in turn)."""

    def __call__(self, doc: Doc) -> Doc:
        raise NotImplementedError

    def pipe(self, stream: Iterable[Doc], *, batch_size: int = 128) -> Iterator[Doc]:
        for batch in minibatch(stream, size=batch_size):
            for doc in batch:
                self(doc)
            yield from batch


def _candidates(doc: Doc):
    if CANDIDATES_KEY not in doc.spans:
        doc.spans[CANDIDATES_KEY] = []
    return doc.spans[CANDIDATES_KEY]


# --- sentences ------------------------------------------------------------------------------

# Abbreviations a full stop does not end a sentence after ("my hon. Friend", "Dr. Patel").
ABBREVIATIONS = (
    "hon", "rt", "mr", "mrs", "ms", "dr", "prof", "st", "no", "nos", "col", "cols", "vol",
    "e.g", "i.e", "etc", "vs", "cf", "approx", "fig", "para", "paras", "sec", "art", "ch",
    "gen", "lt", "sgt", "cllr", "rev", "sir", "op", "cit", "al", "p", "pp", "c", "ca",
)
# A full stop, question or exclamation mark (with any closing quote or bracket) and space,
# before what can start a sentence; or a blank line. Each abbreviation is a fixed-width
# look-behind, so the whole test stays inside the regex engine.
_NOT_AFTER_ABBREVIATION = "".join(
    # One look-behind per length: each must have a fixed width.
    rf"(?<!(?i:\b(?:{'|'.join(re.escape(a) for a in ABBREVIATIONS if len(a) == n)})\.))"
    for n in sorted({len(a) for a in ABBREVIATIONS})
)
_SENTENCE_END_RE = re.compile(
    rf"[.!?]{_NOT_AFTER_ABBREVIATION}[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9£$€])"
    r"|\n\s*\n\s*"
)


@Language.factory("policylens_sentences_v1")
def make_sentence_splitter(nlp: Language, name: str) -> SentenceSplitter:
    """Mark sentence starts from the punctuation in the text (knows "hon." and "Dr.")."""
    return SentenceSplitter()


class SentenceSplitter(BatchPipe):
    """Sentence boundaries from one regex pass over the text; cheaper than a per-token loop."""

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if n == 0:
            return doc
        boundaries = [match.end() for match in _SENTENCE_END_RE.finditer(doc_text(doc))]
        # SENT_START values are 1 (starts) and -1 (does not), as uint64 like every attribute.
        starts = numpy.full(n, -1, dtype="int64")
        starts[0] = 1
        if boundaries:
            token_starts = doc.to_array(IDX).astype("int64")
            at = numpy.searchsorted(token_starts, boundaries)
            at = at[(at > 0) & (at < n)]
            starts[at] = 1
        doc.from_array([SENT_START], starts.astype("uint64").reshape(-1, 1))
        return doc


# --- money amounts ------------------------------------------------------------------------


@Language.factory("policylens_amounts_v1")
def make_amount_finder(nlp: Language, name: str) -> AmountFinder:
    """Propose a COST candidate for each money amount (see policylens.tagging.amounts)."""
    return AmountFinder()


class AmountFinder(BatchPipe):
    """Finds money amounts with one regular-expression pass over the text."""

    def __call__(self, doc: Doc) -> Doc:
        group = _candidates(doc)
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
        group = _candidates(doc)
        for start, end in self.find(doc_text(doc)):
            span = doc.char_span(start, end, label="THERAPY", alignment_mode="expand")
            if span is not None:
                group.append(span)
        return doc


# --- the resolver ---------------------------------------------------------------------------

_CARE_RE = re.compile(
    r"\b(?:NHS|hospitals?|health|healthcare|clinical|clinics?|patients?|care|medical|"
    r"medicines?|treatments?|therap(?:y|ies)|trusts?|nurs\w*|doctors?|clinicians?|"
    r"workforce|staff\w*|genomic\w*|diagnos\w*|shortfalls?|shortages?|vacanc\w*|"
    r"recruit\w*|retention|retain\w*)\b",
    re.IGNORECASE,
)
_RESEARCH_RE = re.compile(
    r"\b(?:research\w*|universit\w*|academi\w*|industry|companies|company|firms?|"
    r"manufactur\w*|commerciali[sz]\w*|start-?ups?)\b",
    re.IGNORECASE,
)
_SCIENCE_RE = re.compile(
    r"\b(?:scien\w*|licen[cs]\w*|trials?|approv\w*|products?|laborator\w*|cells?|genes?|"
    r"genetic\w*|embryos?|tissues?|safety|evidence)\b",
    re.IGNORECASE,
)
_STAFF_RE = re.compile(
    r"\b(?:staff\w*|capacity|workforce|clinicians?|nurses?|doctors?|treat\w*|expertise|"
    r"skills?)\b",
    re.IGNORECASE,
)
# How far either side of a word its context may lie (characters, within its sentence).
CONTEXT_WINDOW = 120
# "As a clinician myself", "my hon. Friend, who is a nurse": a person, not the workforce.
_SELF_DESCRIPTION_RE = re.compile(
    r"\b(?:as|am|was|is|been|being|be|became|become|remain|remains)\s+an?\s+"
    r"(?:(?:former|practising|practicing|retired|qualified|trained|registered|working|"
    r"junior|senior|NHS|hospital)\s+){0,2}$",
    re.IGNORECASE,
)
SELF_DESCRIPTION_WINDOW = 60
# Distinct mention texts whose canonical name is remembered (the same few recur).
CANONICAL_CACHE_SIZE = 50_000
# Words that end an organisation's name: "Cell Therapy Technology and Innovation Centre".
ORGANISATION_WORDS = frozenset({
    "catapult", "centre", "centres", "center", "network", "institute", "association",
    "society", "foundation", "platform", "alliance", "group", "forum", "taskforce", "council",
    "trust", "consortium", "hub", "ltd", "limited", "plc", "inc", "partnership", "coalition",
    "collaborative", "board", "bank", "academy", "college", "federation", "company",
    "faculty", "union", "commission", "agency", "service", "services",
})
ORGANISATION_LOOKAHEAD = 5


def _context(span: Span, window: int = CONTEXT_WINDOW, in_sentence: bool = True) -> str:
    """The text around a span (not the span itself) within a window, and by default within
    its sentence."""
    lo, hi = span.start_char - window, span.end_char + window
    if in_sentence:
        sent = span.sent
        lo, hi = max(sent.start_char, lo), min(sent.end_char, hi)
    lo = max(0, lo)
    text = doc_text(span.doc)
    return text[lo: span.start_char] + " \n " + text[span.end_char: hi]


# Bodies that license medicines: "approved" counts only where one of them acts.
LICENSING_BODIES = frozenset({
    "mhra", "medicines and healthcare products regulatory agency", "ema",
    "european medicines agency", "fda", "food and drug administration", "chmp",
    "committee for medicinal products for human use", "chm", "commission on human medicines",
    "committee for advanced therapies", "regulator", "regulators", "competent authority",
    "health canada", "swissmedic", "pmda", "tga", "therapeutic goods administration",
})
_RESEARCH_MONEY_RE = re.compile(
    r"\b(?:research\w*|academic\w*|universit\w*|grants?|investors?|investment\w*|venture|"
    r"start-?ups?|biotech\w*|shares?|charit\w*|laborator\w*)\b",
    re.IGNORECASE,
)
_CARE_MONEY_RE = re.compile(
    r"\b(?:NHS|patients?|treatments?|care|hospitals?|commission\w*|NICE|therap(?:y|ies)|"
    r"medicines?|drugs?)\b",
    re.IGNORECASE,
)
MONEY_WINDOW = 80
NEAR_WINDOW = 40
# What follows "licensed" when a company licenses a technology, not a regulator a medicine.
_BUSINESS_OBJECTS = frozenset({"its", "their", "our", "his", "her", "out"})


def _text(span: Span) -> str:
    return doc_text(span.doc)[span.start_char: span.end_char]


def regulator_in_sentence(span: Span, others: list[Span]) -> bool:
    """"approved" counts only where a licensing regulator acts in the same sentence."""
    sent = span.sent
    return any(
        o.label_ == "REGULATION" and _settled(o) and sent.start <= o.start < sent.end
        and normalise_name(_text(o)) in LICENSING_BODIES
        for o in others
    )


def care_context(span: Span, others: list[Span]) -> bool:
    """Generic words ("staff", "nursing") count only where the text around is about care."""
    return _CARE_RE.search(_context(span)) is not None


def care_not_research(span: Span, others: list[Span]) -> bool:
    """"scientists", "training" are the NHS's only about care and away from research/industry."""
    context = _context(span)
    return _CARE_RE.search(context) is not None and _RESEARCH_RE.search(context) is None


def staff_context(span: Span, others: list[Span]) -> bool:
    """"education" counts as the workforce's only where staff are spoken of around it."""
    return _STAFF_RE.search(_context(span)) is not None or _mention_in_sentence(
        span, others, ("NHS_WORKFORCE",))


def staff_or_capacity(span: Span, others: list[Span]) -> bool:
    """"specialist centres" count only where the text around speaks of staff or capacity."""
    return _STAFF_RE.search(_context(span)) is not None


def public_money(span: Span, others: list[Span]) -> bool:
    """"funding" is COST where care is paid for, not research grants or investment rounds,
    nor another named fund ("the Levelling Up Fund")."""
    if _in_other_name(span) or _RESEARCH_MONEY_RE.search(_context(span, NEAR_WINDOW)):
        return False
    context = _context(span, MONEY_WINDOW)
    return _RESEARCH_MONEY_RE.search(context) is None or _CARE_MONEY_RE.search(context) is not None


def care_money(span: Span, others: list[Span]) -> bool:
    """"spending", "budget": COST where the money is for care ("defence spending" is not)."""
    # Money is often named a sentence after what it pays for ("... new treatments. Will the
    # Minister confirm that funding for it will be protected?"), so look past the sentence.
    return public_money(span, others) and (
        _CARE_MONEY_RE.search(_context(span, in_sentence=False)) is not None
        or _mention_in_sentence(span, others, ("THERAPY", "REGULATION")))


def medicine_context(span: Span, others: list[Span]) -> bool:
    """"regulations" count about medicines, science or care, not planning or finance."""
    return (_CARE_RE.search(_context(span)) is not None
            or _SCIENCE_RE.search(_context(span)) is not None
            or _mention_in_sentence(span, others, ("THERAPY", "COST")))


def _mention_in_sentence(span: Span, others: list[Span], labels: tuple[str, ...]) -> bool:
    """Another candidate with one of ``labels`` and no condition of its own in the sentence."""
    sent = span.sent
    return any(o.label_ in labels and _settled(o) and sent.start <= o.start < sent.end
               for o in others)


def _settled(span: Span) -> bool:
    """A candidate that needs no context of its own (unconditional or exact-case)."""
    return not span.id_ or span.id_ == EXACT_CASE


def _in_other_name(span: Span) -> bool:
    """A title-case word after another title-case word: part of some other name."""
    doc = span.doc
    return (span[0].is_title and span.start > 0 and doc[span.start - 1].is_title
            and not doc[span.start - 1].is_sent_start)


# Words before "pay" that make it a verb ("the NHS will pay"), not the noun ("NHS pay").
_VERB_CUES = frozenset({
    "to", "will", "would", "can", "could", "should", "must", "may", "might", "cannot", "who",
    "which", "that", "we", "they", "i", "you", "he", "she", "it", "not", "also", "then", "still",
    "never", "always", "did", "do", "does", "ca", "wo", "n't", "us", "them", "me", "him",
})


def pay_as_noun(span: Span, others: list[Span]) -> bool:
    """"pay" as staff pay or a pay award is COST; "who will pay", "the NHS pays" are not."""
    if span[-1].lower_ == "pays":
        return False
    if span.start > 0 and span.doc[span.start - 1].lower_ in _VERB_CUES:
        return False
    return _CARE_RE.search(_context(span)) is not None


def not_business_licensing(span: Span, others: list[Span]) -> bool:
    """"licensed" by a regulator, not "the company licensed its platform"."""
    doc = span.doc
    return span.end >= len(doc) or doc[span.end].lower_ not in _BUSINESS_OBJECTS


CONDITIONS: dict[str, Callable[[Span, list[Span]], bool]] = {
    "regulator_in_sentence": regulator_in_sentence,
    "care_context": care_context,
    "care_not_research": care_not_research,
    "staff_or_capacity": staff_or_capacity,
    "public_money": public_money,
    "not_business_licensing": not_business_licensing,
    "pay_as_noun": pay_as_noun,
    "care_money": care_money,
    "medicine_context": medicine_context,
    "staff_context": staff_context,
}


def part_of_name(span: Span) -> bool:
    """A title-case span inside a longer name: an organisation ("Cell Therapy Technology and
    Innovation Centre", "Novartis Gene Therapies") or a post ("Clinical Lead for Cellular
    Therapies"). Product names are single words and are never caught here."""
    doc = span.doc
    if not doc_text(doc)[span.start_char].isupper():
        return False  # the quick test: a name's first word is capitalised
    words = [t for t in span if t.is_alpha]
    if not words or not _is_title(span):
        return False
    if (span.start >= 2 and doc[span.start - 1].lower_ in ("of", "for")
            and doc[span.start - 2].lower_ in ORGANISATION_WORDS
            and doc[span.start - 2].text[:1].isupper()):
        return True  # "Royal College of Midwives", "Institute of Cell Therapy"
    if len(words) < 2 and span.label_ == "THERAPY":
        return False  # a product's name is one title-case word
    for token in doc[span.end: span.end + ORGANISATION_LOOKAHEAD]:
        if token.lower_ in ORGANISATION_WORDS and token.text[:1].isupper():
            return True
        if not (token.is_title or token.is_upper or token.lower_ in ("and", "of", "for", "&")):
            break
    before = span.start - 1
    if before >= 0 and doc[before].lower_ in ("of", "for"):
        before -= 1
    return before >= 0 and doc[before].is_title and not doc[before].is_sent_start


def _is_title(span: Span) -> bool:
    words = [t.text for t in span if t.is_alpha and t.lower_ not in ("and", "of", "or", "for")]
    return bool(words) and all(w[0].isupper() for w in words)


def normalise_name(text: str) -> str:
    """Lookup key for a name: lower case, no trademark signs, hyphens and spaces as one space."""
    text = text.lower().replace("®", "").replace("™", "")
    return re.sub(r"[\s\-‐‑–]+", " ", text).strip()


def singular(key: str) -> str:
    """The key with its last word made singular by the regular English rules."""
    head, _, last = key.rpartition(" ")
    if last.endswith("ies") and len(last) > 4:
        last = last[:-3] + "y"
    elif last.endswith(("sses", "shes", "ches", "xes")):
        last = last[:-2]
    elif last.endswith("s") and not last.endswith(("ss", "us", "is")) and len(last) > 2:
        last = last[:-1]
    return f"{head} {last}" if head else last


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
        text = doc_text(doc)
        group = doc.spans.get(self.candidates_key)
        if not group:
            doc.spans[self.spans_key] = []
            self._clean(doc)
            return doc
        candidates = [
            span for span in group
            if span.id_ != EXACT_CASE
            or text[span.start_char: span.end_char] in self._exact.get(span.label_, ())
        ]
        words = _Words(doc) if any(s.label_ in self._widenable for s in candidates) else None
        widened = []
        for span in candidates:
            wide = self._widen(doc, span, words) if words is not None else span
            # A modifier that says which group ("agency staff") settles what a bare word
            # ("staff") would need its context for.
            if (wide is span and span.id_ and span.id_ != EXACT_CASE
                    and not CONDITIONS[span.id_](span, candidates)):
                continue
            widened.append(wide)
        chosen = [
            span for span in resolve_overlaps(widened)
            if span.label_ != EXCLUDE
            and not (span.label_ in ("THERAPY", "NHS_WORKFORCE") and part_of_name(span))
        ]
        doc.spans[self.spans_key] = [
            Span(doc, span.start, span.end, label=span.label_, kb_id=self._canonical(span))
            for span in merge_adjacent(chosen)
            if not self._is_person_not_workforce(doc, span)
        ]
        self._clean(doc)
        return doc

    def _clean(self, doc: Doc) -> None:
        """Leave only the mentions: no candidates, no kept text."""
        if self.candidates_key in doc.spans:
            del doc.spans[self.candidates_key]
        doc.user_data.pop(_TEXT_KEY, None)

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
            end = _extend_right(words.orth, end, right)
        if label == "THERAPY":
            start = _extend_over_target(doc, start)
        if start == span.start and end == span.end:
            return span
        return Span(doc, start, end, label=label, span_id=span.id_)

    def _is_person_not_workforce(self, doc: Doc, span: Span) -> bool:
        """An MP who "is a clinician", or a job title used as a byline, is not the workforce."""
        persons = self._persons.get(span.label_)
        if not persons or span[-1].lower_ not in persons:
            return False
        before = doc_text(doc)[max(0, span.start_char - SELF_DESCRIPTION_WINDOW): span.start_char]
        if _SELF_DESCRIPTION_RE.search(before):
            return True
        # "Jane Smith, Consultant Haematologist": a title-case job title inside a sentence.
        return _is_title(span) and not span[0].is_sent_start

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
        found = self.canonical.get(key) or self.canonical.get(singular(key))
        if found:
            return found
        return singular(key) if span[-1].text.islower() else key


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
            and _is_title(second)):
        return "REGULATION"
    return None


def resolve_overlaps(spans: Iterable[Span]) -> list[Span]:
    """Non-overlapping spans: the longer wins; at equal length the earlier label in LABELS."""
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
