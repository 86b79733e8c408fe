"""A document's date, kind and title, from metadata.csv, its own text, or the PDF's metadata."""

from __future__ import annotations

import datetime as dt
import re

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
_DATE_CUE = re.compile(r"(published|date[d]?|issued|updated|sitting|debated on|answered)\W{0,3}$",
                       re.I)


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


def date_from_filename(name: str) -> str | None:
    """A date spelled in a file name ("2013-01-30_regular.pdf", "1st_December_2016.pdf")."""
    return find_date(re.sub(r"[_]+", " ", name))


_PARLIAMENT = re.compile(
    r"\b(Hansard|House of Commons|House of Lords|Westminster Hall|Parliament|National Assembly|"
    r"Written (?:Answers?|Questions?|Statements?)|To ask the Secretary of State|Council Minutes|"
    r"Congressional Record|House of Representatives|Oireachtas|D[áa]il [ÉE]ireann|Seanad|"
    r"Lok Sabha|Rajya Sabha|Legislative (?:Assembly|Council)|Committee Hansard)\b")
_NHS = re.compile(r"\b(NHS England|NHS (?!Digital)[A-Z][a-z]+|NHS Trust|NHS Foundation Trust|Integrated Care Board|ICB|"
                  r"NHS Improvement|Health Education England|Clinical Commissioning Group)\b")
_GOVERNMENT = re.compile(r"\b(Department of Health|Department for|HM Government|HM Treasury|"
                         r"Office for Life Sciences|GOV\.UK|Select Committee|Committee|"
                         r"National Institute for Health and Care Excellence|NICE|MHRA)\b")
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
