"""The guideline's context rules: the words a candidate needs around it, as data (regexes,
word lists, windows), and the small predicates the resolver asks.

A pattern names its condition with ``when`` (``CONDITIONS``): "approved" counts only where a
licensing regulator acts in the sentence, "staff" only where the text is about care, and so on.
Each predicate takes the candidate and every candidate of its Doc.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Span

from policylens.tagging.labels import rule_parts
from policylens.tagging.names import normalise_name
from policylens.tagging.tokenizer import doc_text

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
    "hpra", "health products regulatory authority", "cdsco", "dcgi",
    "central drugs standard control organisation", "central drugs standard control organization",
    "drugs controller general of india", "pharmacy and poisons board",
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
    return not rule_parts(span.id_)[1]


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


_MEDICINES_RE = re.compile(
    r"\b(?:medicin\w*|drugs?|prescri\w*|doses?|dosing|dosage|tablets?|capsules?|inject\w*|"
    r"infusions?|mg|treat\w*|therap\w*|patients?|NICE|MHRA|FDA|EMA|licen[cs]\w*|"
    r"pharmac\w*|formular\w*|generic|brand(?:ed|s)?|biosimilars?|side[- ]effects?|"
    r"clinical|trials?|diabet\w*|pain\w*)\b",
    re.IGNORECASE,
)


def medicines_around(span: Span, others: list[Span]) -> bool:
    """A medicine name that is also an ordinary word or another name ("lithium", "Capex")
    counts where medicines are spoken of around it, or beside another named medicine."""
    return (_MEDICINES_RE.search(_context(span)) is not None
            or _mention_in_sentence(span, others, ("THERAPY",)))


# Words of public finance between states: "IMF" there is the International Monetary Fund.
_STATE_FINANCE_RE = re.compile(
    r"\b(?:loans?|debts?|bail-?outs?|monetary|fiscal|economy|economic|austerity|World\s+Bank|"
    r"exchange\s+rates?|currency|inflation|GDP|balance\s+of\s+payments|structural)\b",
    re.IGNORECASE,
)


def medicines_fund(span: Span, others: list[Span]) -> bool:
    """"IMF" is the Innovative Medicines Fund where medicines are spoken of, and the
    International Monetary Fund where loans, debt or the economy are."""
    context = _context(span, in_sentence=False)
    return (_STATE_FINANCE_RE.search(context) is None
            and (_MEDICINES_RE.search(context) is not None
                 or _mention_in_sentence(span, others, ("THERAPY", "REGULATION"))))


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
    "medicines_around": medicines_around,
    "medicines_fund": medicines_fund,
}


def part_of_name(span: Span) -> bool:
    """A title-case span inside a longer name: an organisation ("Cell Therapy Technology and
    Innovation Centre", "Novartis Gene Therapies") or a post ("Clinical Lead for Cellular
    Therapies"). Product names are single words and are never caught here."""
    doc = span.doc
    if not doc_text(doc)[span.start_char].isupper():
        return False  # the quick test: a name's first word is capitalised
    words = [t for t in span if t.is_alpha]
    if not words or not is_title(span):
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


def is_title(span: Span) -> bool:
    """Every word of the span (but "and", "of", "or", "for") starts with a capital."""
    words = [t.text for t in span if t.is_alpha and t.lower_ not in ("and", "of", "or", "for")]
    return bool(words) and all(w[0].isupper() for w in words)


def described_person(span: Span) -> bool:
    """A job title that describes one person, not the workforce: an MP who "is a clinician",
    or a title-case title inside a sentence, a byline ("Jane Smith, Consultant Haematologist")."""
    before = doc_text(span.doc)[max(0, span.start_char - SELF_DESCRIPTION_WINDOW): span.start_char]
    if _SELF_DESCRIPTION_RE.search(before):
        return True
    return is_title(span) and not span[0].is_sent_start
