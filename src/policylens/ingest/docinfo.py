"""A document's date, kind and title, from metadata.csv, its own text, or the PDF's metadata."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

KINDS = ("parliamentary", "industry", "government", "nhs", "other")

_MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"], start=1)}
_MONTHS.update({m[:3]: i for m, i in list(_MONTHS.items())})
_MONTHS["sept"] = 9
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"

DATE_PATTERNS = (
    re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b", re.I),   # 7 September 2023
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.I),             # September 7, 2023
    re.compile(rf"\b{_YEAR}-(?P<month>\d{{2}})-(?P<day>\d{{2}})\b"),     # 2023-09-07
    re.compile(rf"\b(?P<day>\d{{1,2}})/(?P<month>\d{{1,2}})/{_YEAR}\b"),  # 07/09/2023 (UK order)
)
# A date introduced by one of these is the document's own date, ahead of dates it mentions.
_DATE_CUE = re.compile(
    r"(published|date[d]?|issued|updated|sitting|debated|answered)(?:\s+on)?\W{0,3}$", re.I)


_ISO_PREFIX = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def is_iso_date(value: str) -> bool:
    """Whether ``value`` is an ISO date at some precision: "2024-07-15", "2024-07" or "2024"."""
    m = _ISO_PREFIX.fullmatch(value)
    if not m:
        return False
    year, month, day = (int(g) if g else 1 for g in m.groups())
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def _to_date(m: re.Match) -> dt.date | None:
    month = m.group("month")
    month = int(month) if month.isdigit() else _MONTHS.get(month.lower().rstrip("."))
    try:
        return dt.date(int(m.group("year")), month, int(m.group("day")))
    except (TypeError, ValueError):
        return None


def find_date(text: str) -> str | None:
    """The document's date as ISO text: a cued date ("Published: ...") first, else the first."""
    found: list[tuple[int, int, dt.date]] = []
    for pattern in DATE_PATTERNS:
        for m in pattern.finditer(text):
            date = _to_date(m)
            if date:
                cued = 0 if _DATE_CUE.search(text[max(0, m.start() - 30):m.start()]) else 1
                found.append((cued, m.start(), date))
    return min(found)[2].isoformat() if found else None


# Labels a document gives its own date under, on its cover or in its document-control table:
# "Published: 2 December 2015", "Last updated: 29 June 2022", "Date ratified: October 2023".
# Written as a label (with a colon), never as a phrase in running text ("TA775; published 9th
# March 2022" speaks of another document).
_ISSUE_CUE = re.compile(
    r"(?P<before>\b[A-Za-z]+\s+)?\b(?P<cue>date\s+(?:ratified|approved|issued|published|of\s+"
    r"(?:publication|issue|approval|ratification)|updated|agreed|adopted)|(?:last\s+)?updated|"
    r"(?:first\s+)?published|publication\s+date|issue\s+date|issued|ratified|approved|"
    r"version\s+date|effective\s+date|date)\s*:\s*", re.I)
# Every cue above holds one of these words ("updated" holds "date"): text without any of them
# is passed over without the regex, which tries its optional word before the cue at every word.
_CUE_WORDS = ("date", "published", "issued", "ratified", "approved")


def _may_hold_cue(text: str) -> bool:
    """False when ``text`` cannot hold an _ISSUE_CUE. Text beyond ASCII goes to the regex:
    its case-blind match takes some letters beyond ASCII for the cue's ("ı" for "i")."""
    if not text.isascii():
        return True
    lower = text.lower()
    return any(word in lower for word in _CUE_WORDS)


# A "date:" label after one of these words is some other date than the issue's.
_NOT_ISSUE = frozenset({"review", "expiry", "renewal", "closing", "deadline", "end", "start",
                        "meeting", "next", "consultation", "implementation", "birth", "due",
                        "access", "accessed", "retrieved", "submission", "hearing", "target"})
_MONTH_YEAR = re.compile(rf"\b{_MONTH},?\s+{_YEAR}\b", re.I)  # "March 2022"
# Headings of the sections that list other documents, whose dates are theirs, not ours.
REFERENCE_HEADINGS = re.compile(
    r"^\W*(?:\d+(?:\.\d+)*\.?\s+)?(?:references?|bibliography|sources|works\s+cited|"
    r"further\s+reading|citations|endnotes|notes|useful\s+links|resources)\W*$", re.I)


def _date_at(text: str) -> str | None:
    """The date (or month) that ``text`` starts with, as ISO text at its own precision."""
    head = text[:40]
    for pattern in DATE_PATTERNS:
        m = pattern.match(head)
        if m:
            date = _to_date(m)
            return date.isoformat() if date else None
    m = _MONTH_YEAR.match(head)
    if m:
        return f"{int(m.group('year')):04d}-{_MONTHS[m.group('month').lower().rstrip('.')]:02d}"
    return None


def find_issue_date(blocks: Sequence[tuple[str, bool]]) -> str | None:
    """The date a document gives itself under a label, from (text, is_heading) blocks.

    Dates in a references section are skipped (a bibliography's "Published: ..." dates the
    works it cites). Of several labelled dates the latest wins: a guideline "Published: 2
    December 2015, Last updated: 29 June 2022" is the 2022 text.
    """
    found: list[str] = []
    in_references = False
    for text, heading in blocks:
        if heading:
            in_references = bool(REFERENCE_HEADINGS.match(text))
        if in_references or ":" not in text or not _may_hold_cue(text):
            continue
        for m in _ISSUE_CUE.finditer(text):
            before = (m.group("before") or "").strip().lower()
            if m.group("cue").lower() == "date" and before in _NOT_ISSUE:
                continue
            date = _date_at(text[m.end():])
            if date:
                found.append(date)
    return max(found) if found else None


# Words that may stand before the date on a cover's own date line: "Version 3, 8 February 2023",
# "Vol. 280 Thursday, No. 6 18 November 2021", "Published March 2022". Any other word ("Asked
# on", "Review") makes the line about some other date.
_COVER_WORDS = frozenset({
    "published", "first", "last", "updated", "issued", "issue", "dated", "date", "version", "v",
    "edition", "revised", "ratified", "approved", "vol", "volume", "no", "number", "on", "of",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
_COVER_LINE_WORDS = 8


def cover_date(blocks: Sequence[tuple[str, int]]) -> str | None:
    """The date line of a document's cover, from (text, page) blocks in reading order.

    A short block on the first page that is a date (or a month: "February 2023"), with at most
    a version, volume or weekday before it, is the date the document gives itself; a date in
    the running text beside it ("considered on January 30, 2023") is one it speaks of.
    """
    for text, page in blocks:
        if page != 1:
            break
        if len(text.split()) > _COVER_LINE_WORDS:
            continue
        starts = sorted(m.start() for p in (*DATE_PATTERNS, _MONTH_YEAR)
                        for m in p.finditer(text))
        for at in starts:
            if set(re.findall(r"[a-z]+", text[:at].lower())) <= _COVER_WORDS:
                date = _date_at(text[at:])
                if date:
                    return date
    return None


def date_from_pdf_metadata(metadata: dict) -> str | None:
    """The creation (or modification) date written by the PDF producer, as ISO text."""
    for key in ("CreationDate", "ModDate"):
        m = re.search(r"(?:D:)?((?:19|20)\d{2})(\d{2})(\d{2})", metadata.get(key, ""))
        if m:
            try:
                return dt.date(int(m[1]), int(m[2]), int(m[3])).isoformat()
            except ValueError:
                continue
    return None


# Dates written as digits only in file names: 20240627, 27062024, 202407.
_COMPACT_DATES = (
    (re.compile(r"(?<!\d)((?:19|20)\d{2})(\d{2})(\d{2})(?!\d)"), ("year", "month", "day")),
    (re.compile(r"(?<!\d)(\d{2})(\d{2})((?:19|20)\d{2})(?!\d)"), ("day", "month", "year")),
    (re.compile(r"(?<!\d)((?:19|20)\d{2})[-_.]?(\d{2})(?!\d)"), ("year", "month")),
)


def date_from_filename(name: str) -> str | None:
    """A date spelled in a file name ("2013-01-30_regular.pdf", "1st_December_2016.pdf",
    "27062024-report.pdf", "202407-guidance.pdf" -> "2024-07": the precision it gives)."""
    spelled = find_date(re.sub(r"[_]+", " ", name))
    if spelled:
        return spelled
    for pattern, fields in _COMPACT_DATES:
        for m in pattern.finditer(name):
            parts = dict(zip(fields, map(int, m.groups())))
            try:
                date = dt.date(parts["year"], parts["month"], parts.get("day", 1))
            except ValueError:
                continue
            return date.isoformat() if "day" in parts else date.isoformat()[:7]
    return None


def choose_date(metadata: str | None, labelled: str | None, printed: str | None,
                file_name: str | None, pdf: str | None) -> tuple[str | None, str | None]:
    """The document's date and where it came from, from what each source says.

    metadata.csv wins; then a date the document gives itself under a label ("Date ratified:");
    then the first date printed on its first pages, unless the file name dates the document
    otherwise (the first pages often cite older documents: "TA775; published 9 March 2022");
    then the file name; then the PDF producer's date.
    """
    if metadata:
        return metadata, "metadata"
    if labelled:
        if file_name and len(file_name) > len(labelled) and agrees(labelled, file_name):
            return file_name, "filename"  # "June 2024" in the text, 27062024 in the name
        return labelled, "text"
    if printed and (not file_name or agrees(file_name, printed)):
        return printed, "text"
    if file_name:
        return file_name, "filename"
    return (pdf, "pdf-metadata") if pdf else (None, None)


def agrees(coarse: str, fine: str) -> bool:
    """Whether two ISO dates of any precision name the same day, month or year."""
    n = min(len(coarse), len(fine))
    return coarse[:n] == fine[:n]


_PARLIAMENT = re.compile(
    r"\b(Hansard|House of Commons|House of Lords|Westminster Hall|Parliament|National Assembly|"
    r"Written (?:Answers?|Questions?|Statements?)|To ask the Secretary of State|Council Minutes|"
    r"Congressional Record|House of Representatives|Oireachtas|D[áa]il [ÉE]ireann|Seanad|"
    r"Lok Sabha|Rajya Sabha|Legislative (?:Assembly|Council)|Committee Hansard)\b")
_NHS = re.compile(r"\b(NHS England|NHS (?!Digital)[A-Z][a-z]+|NHS Trust|NHS Foundation Trust|Integrated Care Board|ICB|"
                  r"NHS Improvement|Health Education England|Clinical Commissioning Group)\b")
_GOVERNMENT = re.compile(r"\b(Department of Health|Department for|HM Government|HM Treasury|"
                         r"Office for Life Sciences|GOV\.UK|Select Committee|Committee|"
                         r"National Institute for Health and Care Excellence|NICE|MHRA|"
                         r"Federal Register|Ministry of Health|Government of [A-Z][a-z]+|"
                         r"Food and Drug Administration|Scottish Government|Welsh Government)\b")
_INDUSTRY = re.compile(r"\b(Ltd|Limited|plc|Association|Industry|Industries|Pharmaceuticals?|"
                       r"BioIndustry|Catapult|Biotech|Inc\.)\b")


COVER_WORDS = 40  # the publisher is named on the cover, before the body text starts


def guess_kind(first_pages: str, n_turns: int) -> str:
    """parliamentary / nhs / government / industry / other, from the opening text.

    The cover (its first words) decides first, so a report that mentions Parliament or NHS
    England in its body is still filed under its publisher.
    """
    if n_turns >= 3:
        return "parliamentary"
    cover = " ".join(first_pages.split()[:COVER_WORDS])
    for text in (cover, first_pages):
        for kind, pattern in (("parliamentary", _PARLIAMENT), ("nhs", _NHS),
                              ("government", _GOVERNMENT), ("industry", _INDUSTRY)):
            if pattern.search(text):
                return kind
    return "other"
