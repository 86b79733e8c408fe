"""Text in fonts without a Unicode map is left out page by page and run by run, and recorded."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest
from click.testing import CliRunner

from policylens.cli import cli
from policylens.errors import PdfError
from policylens.ingest import extract_document, sha256_file
from policylens.ingest.layout import Word
from policylens.ingest.pdf import PageData
from policylens.ingest.readable import describe_dropped, keep_readable
from policylens.store import open_store

ENGINES = ("pdfium", "pdfplumber")

GOOD = [f"Line {i} of the debate: the committee heard evidence on gene therapy costs."
        for i in range(18)]
HIDDEN = [f"Words set in a font that has no way back to Unicode, number {i}." for i in range(18)]


def mixed_document(pdfgen, path):
    """Page 1 readable, page 2 wholly unmapped, page 3 half and half, page 4 readable."""
    pages = [
        [(f"First page. {line}", True) for line in GOOD],
        [(line, False) for line in HIDDEN],
        [(f"Third page. {line}", True) for line in GOOD[:9]] + [(line, False) for line in HIDDEN[:9]],
        [(f"Fourth page. {line}", True) for line in GOOD],
    ]
    pdfgen.write_unmapped_font(path, pages)
    return path


@pytest.mark.parametrize("engine", ENGINES)
def test_unmapped_page_and_runs_are_left_out_and_the_rest_kept(tmp_path, pdfgen, engine):
    path = mixed_document(pdfgen, tmp_path / "mixed.pdf")
    doc, passages = extract_document(path, sha256_file(path), engine=engine)
    assert [(d.page, d.reason) for d in doc.dropped] == [(2, "unmapped-font"),
                                                          (3, "unmapped-text")]
    assert doc.dropped[0].detail.startswith("the whole page")
    text = " ".join(" ".join(p.text for p in passages).split())
    for prefix, lines in (("First page.", GOOD), ("Third page.", GOOD[:9]),
                          ("Fourth page.", GOOD)):
        for line in lines:
            assert f"{prefix} {line}" in text, line
    assert "\ufffd" not in text and "(cid:" not in text
    assert {p.page for p in passages} >= {1, 3, 4} and 2 not in {p.page for p in passages}
    assert not doc.partial  # nothing is damaged: the file is whole


@pytest.mark.parametrize("engine", ENGINES)
def test_a_document_wholly_unmapped_is_still_refused(tmp_path, pdfgen, engine):
    path = tmp_path / "hidden.pdf"
    pdfgen.write_unmapped_font(path, [[(line, False) for line in HIDDEN]] * 2)
    with pytest.raises(PdfError) as caught:
        extract_document(path, sha256_file(path), engine=engine)
    assert caught.value.reason == "unreadable-text"


def test_status_and_export_documents_say_which_pages_were_left_out(tmp_path, pdfgen):
    folder = tmp_path / "in"
    folder.mkdir()
    mixed_document(pdfgen, folder / "mixed.pdf")
    db = tmp_path / "s.db"
    runner = CliRunner()
    result = runner.invoke(cli, ["--db", str(db), "ingest", str(folder), "--workers", "0"])
    assert result.exit_code == 0, result.output

    status = runner.invoke(cli, ["--db", str(db), "status"])
    assert status.exit_code == 0, status.output
    assert "page 2 (unmapped-font); page 3 (unmapped-text)" in status.output
    assert "0 partial (damaged) documents" in status.output
    info = json.loads(runner.invoke(cli, ["--db", str(db), "status", "--format", "json"]).stdout)
    assert [(d["page"], d["reason"]) for d in info["dropped_pages"]] == [
        (2, "unmapped-font"), (3, "unmapped-text")]

    export = runner.invoke(cli, ["--db", str(db), "export", "documents", "--format", "csv"])
    assert export.exit_code == 0, export.output
    (row,) = list(csv.DictReader(io.StringIO(export.stdout)))
    assert row["dropped_pages"] == "page 2 (unmapped-font); page 3 (unmapped-text)"
    assert row["partial"] == "False"
    with open_store(db) as store:
        (doc,) = list(store.iter_documents())
        assert doc["n_passages"] > 0


def _page(words: list[Word], number: int = 1) -> PageData:
    return PageData(number, 595.0, 842.0, words, sum(len(w.text) for w in words), 0)


def _line(text: str, y: float) -> Word:
    return Word(text, 72.0, 72.0 + 5 * len(text), y, y + 10)


def test_an_unmapped_word_leaves_its_run_and_a_mostly_unmapped_run_goes_whole():
    page = _page([
        _line("the cost of gene therapy \ufffd\ufffd\ufffd in hospitals", 100),
        _line("\ufffd\ufffd\ufffd\ufffd \ufffd\ufffd\ufffd\ufffd\ufffd ok \ufffd\ufffd\ufffd", 120),
        _line("an ordinary line of text", 140),
    ])
    kept, loss = keep_readable(page)
    assert [w.text for w in kept.words] == ["the cost of gene therapy in hospitals",
                                            "an ordinary line of text"]
    assert loss.reason == "unmapped-text" and loss.detail.startswith("17 of ")


def test_mapped_text_of_another_script_is_kept_and_consonant_soup_is_not():
    hindi = "माननीय सदस्य ने सदन में प्रश्न पूछा और मंत्री ने उत्तर दिया"
    page = _page([_line(hindi, 100 + 12 * i) for i in range(20)]
                 + [_line("The Minister replied to the question.", 400)])
    kept, loss = keep_readable(page)
    assert loss is None and kept.words == page.words

    soup = _page([_line("Thx cmmttx hrd vdnc n th cst f gn thrpy", 100 + 12 * i)
                  for i in range(10)])
    kept, loss = keep_readable(soup)
    assert kept.words == [] and loss.reason == "unmapped-font"


def test_describe_dropped_gives_ranges_per_reason():
    pairs = [(1, "a"), (2, "a"), (3, "a"), (5, "a"), (7, "b")]
    assert describe_dropped(pairs) == "pages 1-3, 5 (a); page 7 (b)"
    assert describe_dropped([]) == ""


# Hindi written for these tests, as Unicode writes it: each vowel sign after its consonant.
HINDI = ["किसान की फसल के लिए सिंचाई की सुविधा दी गई है",
         "सदस्य ने मंत्री से विकास की योजना के बारे में पूछा",
         "समिति ने जिले के अस्पताल में दवा की कमी पर विचार किया"]
ENGLISH = [f"Line {i}: the member asked about irrigation for farmers in the district."
           for i in range(6)]


def drawing_order(text: str) -> str:
    """Hindi as a legacy font's Unicode map gives it: the vowel sign ि (drawn first) before its
    consonant, and the vowel signs ै and े drawn apart, as boxes of their own."""
    text = re.sub("([\u0915-\u0939])\u093f", "\u093f\\1", text)
    return re.sub("([\u0915-\u0939])([\u0948\u0947])", "\\1 \\2", text)


@pytest.mark.parametrize("engine", ENGINES)
def test_hindi_in_drawing_order_is_left_out_and_hindi_as_written_is_kept(tmp_path, pdfgen, engine):
    path = tmp_path / "mixed-script.pdf"
    pdfgen.write_character_font(path, [
        [(line, False) for line in HINDI * 3] + [(line, True) for line in ENGLISH],
        [(drawing_order(line), False) for line in HINDI * 3]
        + [(f"Second page. {line}", True) for line in ENGLISH],
        # a line of it where no word shows the misorder ("सभापति" drawn as "सभापित"): the
        # script is known to be garbled from the page before
        [(drawing_order("माननीय सभापति जी"), False)]
        + [(f"Third page. {line}", True) for line in ENGLISH],
        [(drawing_order(line), False) for line in HINDI * 3],
    ])
    doc, passages = extract_document(path, sha256_file(path), engine=engine)
    text = " ".join(" ".join(p.text for p in passages).split())
    for line in HINDI:
        assert text.count(line) == 3, line  # page 1 only
    for prefix in ("", "Second page. ", "Third page. "):
        for line in ENGLISH:
            assert f"{prefix}{line}" in text
    assert not re.search("(^|\\s)[\u093f\u0947\u0948]", text)  # no word in drawing order
    assert drawing_order("सभापति") == "सभापित" and "सभापित" not in text
    assert [(d.page, d.reason) for d in doc.dropped] == [
        (2, "unmapped-text"), (3, "unmapped-text"), (4, "unmapped-font")]
    assert all("drawing order" in d.detail for d in doc.dropped)


def test_a_word_or_two_out_of_order_is_not_enough_to_drop_a_script():
    # One box that starts with a vowel sign (a reader's split in the middle of a word) on a
    # page of Hindi as written: the page is kept whole.
    lines = [_line(line, 100 + 12 * i) for i, line in enumerate(HINDI * 8)]
    page = _page(lines + [_line("\u0947 \u093f", 400), _line("The Minister replied.", 420)])
    kept, loss = keep_readable(page, set())
    assert loss is None and kept.words == page.words

    garbled = _page([_line(drawing_order(line), 100 + 12 * i) for i, line in enumerate(HINDI * 8)]
                    + [_line("The Minister replied (Hon. Speaker).", 400)])
    kept, loss = keep_readable(garbled, set())
    assert [w.text for w in kept.words] == ["The Minister replied (Hon. Speaker)."]
    assert loss.reason == "unmapped-text"
