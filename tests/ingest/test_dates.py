"""A document's own date: labelled on its cover or in its document-control table, never one it
cites; the file name's date where the text has none or contradicts it."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest

from conftest import SHARED
from policylens.ingest.docinfo import (
    agrees,
    choose_date,
    cover_date,
    date_from_filename,
    find_issue_date,
)
from policylens.ingest.extract import extract_document, sha256_file

BODY = ("Community pharmacists dispense the medicine once the specialist team has started it and "
        "the patient has been reviewed at twelve weeks, with kidney function checked before each "
        "repeat prescription and the dose adjusted where the filtration rate has fallen.")


@pytest.mark.parametrize("blocks,iso", [
    ([("Published: 2 December 2015 Last updated: 29 June 2022", True)], "2022-06-29"),
    ([("Date ratified: October 2023 Review date: October 2026", False)], "2023-10"),
    ([("Date of publication: 3rd May 2021", False)], "2021-05-03"),
    ([("Date: 12/03/2019", False)], "2019-03-12"),
    ([("Next review date: March 2027", False)], None),
    ([("The appraisal (TA775; published 9th March 2022) states", False)], None),
    ([("References", True), ("Guidance TA679. Published: 24 February 2021.", False)], None),
    ([("References", True), ("Guidance TA679. Published: 24 February 2021.", False),
      ("Document control", True), ("Approved: July 2024", False)], "2024-07"),
])
def test_find_issue_date(blocks, iso):
    assert find_issue_date(blocks) == iso


@pytest.mark.parametrize("name,iso", [
    ("202407-Prescribing-Guide-v3.pdf", "2024-07"),
    ("27062024-support-document-002.pdf", "2024-06-27"),
    ("report_20190704.pdf", "2019-07-04"),
    ("2013-01-30_regular.pdf", "2013-01-30"),
    ("1st_December_2016_P.pdf", "2016-12-01"),
    ("annex-7.pdf", None),
    ("version-202499.pdf", None),
])
def test_dates_in_file_names(name, iso):
    assert date_from_filename(name) == iso


def test_choose_date_order():
    # The text's first-page date cites another document: the file name contradicts it.
    assert choose_date(None, None, "2021-02-24", "2024-07", "2024-08-01") == ("2024-07", "filename")
    # They agree: the text's fuller date is kept.
    assert choose_date(None, None, "2024-07-15", "2024-07", None) == ("2024-07-15", "text")
    assert choose_date(None, "2024-06", None, "2024-06-27", None) == ("2024-06-27", "filename")
    assert choose_date(None, "2023-10", "2022-03-09", "2023-10", None) == ("2023-10", "text")
    assert choose_date("2020-01-01", "2023-10", None, None, None) == ("2020-01-01", "metadata")
    assert choose_date(None, None, None, None, "2019-07-04") == ("2019-07-04", "pdf-metadata")
    assert choose_date(None, None, None, None, None) == (None, None)
    assert agrees("2024", "2024-07-15") and not agrees("2024-06", "2024-07-15")


def test_a_cited_date_on_the_first_page_gives_way_to_the_file_names(tmp_path, pdfgen):
    path = tmp_path / "202407-prescribing-support.pdf"
    pdfgen.write_pages(path, [[
        "Prescribing Support Document",
        "The appraisal guidance (TA601; published 24 February 2021) recommends the medicine.",
        BODY[:80], BODY[80:160], BODY[160:]]])
    doc, _ = extract_document(path, sha256_file(path))
    assert (doc.date, doc.date_source) == ("2024-07", "filename")


def test_document_control_date_beats_the_bibliography(tmp_path, pdfgen):
    sections = [
        {"heading": "Background", "paragraphs": [BODY] * 3},
        {"heading": "References", "paragraphs": [
            ("1. National guidance on kidney disease. Published: 24 February 2021. Available "
             "online (accessed 15/08/2021)."),
            "2. Product characteristics. Last updated: 5 February 2024."]},
        {"heading": "Document ratification details", "paragraphs": [
            "Ratified by: the joint prescribing group.", "Date ratified: July 2024",
            "Review date: July 2027"]},
    ]
    path = tmp_path / "guide.pdf"
    pdfgen.write_report(path, date=dt.date(2019, 1, 10), title="Prescribing guide",
                        organisation="Example Integrated Care Board", sections=sections)
    doc, _ = extract_document(path, sha256_file(path))
    # The cover's "Published: 10 January 2019" and the ratification date are both labels of
    # the document's own: the later one dates this version.
    assert (doc.date, doc.date_source) == ("2024-07", "text")


@pytest.mark.parametrize("text,iso", [
    ("February 2023", "2023-02"),
    ("Version 3, 8 February 2023", "2023-02-08"),
    ("Vol. 280 Thursday, No. 6 18 November 2021", "2021-11-18"),
    ("FRIDAY, FEBRUARY 26, 2021", "2021-02-26"),
    ("Published March 2022", "2022-03"),
    ("Asked on: 12 January 2024", None),       # the question's date, not the answer's
    ("Review date: March 2027", None),
    ("Country Report No. 23/45", None),
    ("The board met on 30 January 2023 and agreed the report.", None),  # running text
])
def test_cover_date_line(text, iso):
    assert cover_date([(text, 1)]) == iso


def test_cover_date_reads_the_first_page_only():
    assert cover_date([("Annual report", 1), ("March 2019", 2)]) is None


def test_the_cover_month_beats_a_date_the_first_page_speaks_of(tmp_path, pdfgen):
    body = ["The board considered the staff report on January 30, 2023, after talks",
            "that ended on November 21, 2022, and agreed with the thrust of its appraisal.",
            *(BODY[i:i + 75] for i in range(0, len(BODY), 75))]
    cover = [pdfgen.Placed(72, 140, "Country Report on Health Spending", size=20),
             pdfgen.Placed(72, 180, "February 2023", size=14)]
    cover += [pdfgen.Placed(72, 260 + 14 * i, line, size=10) for i, line in enumerate(body)]
    path = tmp_path / "country-report.pdf"
    pdfgen.write_placed(path, [cover])
    doc, _ = extract_document(path, sha256_file(path))
    assert (doc.date, doc.date_source) == ("2023-02", "text")


def test_a_cover_date_line_that_is_not_the_issue_date_is_passed_over(tmp_path, pdfgen):
    path = tmp_path / "answer.pdf"
    pdfgen.write_pages(path, [[
        "Written answer on gene therapy funding", "Asked on: 12 January 2024",
        "Answered on: 20 January 2024", BODY[:90], BODY[90:]]])
    doc, _ = extract_document(path, sha256_file(path))
    assert (doc.date, doc.date_source) == ("2024-01-20", "text")


REAL = SHARED / "realpdfs"


def _printed_dates() -> dict[str, str]:
    """Printed dates from the shared manifests (the wild one has a column for it)."""
    rows = {}
    wild = REAL / "wild" / "MANIFEST.tsv"
    if wild.exists():
        for row in csv.DictReader(wild.open(encoding="utf-8"), delimiter="\t"):
            if row.get("printed_date"):
                rows["wild/" + row["file"]] = row["printed_date"]
    return rows


@pytest.mark.skipif(not (REAL / "wild" / "MANIFEST.tsv").exists(),
                    reason="../shared/realpdfs is not present")
@pytest.mark.parametrize("name", ["wild/ie_oireachtas_2021-11-18.pdf",
                                  ("202407-Dapagliflozin-and-empagliflozin-for-heart-failure-"
                                   "Prescribing-Support-Document-v3.pdf")])
def test_real_documents_get_their_printed_date(name):
    path = REAL / name
    if not path.exists():
        pytest.skip(f"{name} is not present")
    doc, _ = extract_document(path, sha256_file(path))
    printed = _printed_dates().get(name) or date_from_filename(Path(name).name)
    assert doc.date and agrees(doc.date, printed)


def test_metadata_dates_at_any_precision_and_bad_rows_skipped(tmp_path):
    from policylens.ingest.metadata import read_metadata

    csv_path = tmp_path / "metadata.csv"
    csv_path.write_text("file,date,kind\na.pdf,2024-07,nhs\nb.pdf,2024-13,\nc.pdf,2024,\n"
                        "d.pdf,2024-02-30,\ne.pdf,2023-11-05,\n", encoding="utf-8")
    entries, skipped = read_metadata(csv_path)
    dates = {path.name: entry.date for path, entry in entries.items()}
    assert dates == {"a.pdf": "2024-07", "c.pdf": "2024", "e.pdf": "2023-11-05"}
    assert [s.split(": ")[0].rsplit(":", 1)[1] for s in skipped] == ["3", "5"]
