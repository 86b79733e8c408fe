"""The fast engine (PDFium) gives the same passages as the pdfplumber engine, on built PDFs."""

from __future__ import annotations

import datetime as dt
import re
import threading

import pytest
from click.testing import CliRunner

import badpdfs
from conftest import SPEAKER_A, SPEECH_A, SPEECH_B, SPEECH_C, hansard_items
from policylens.cli import cli
from policylens.errors import PdfError
from policylens.ingest import extract_document, sha256_file
from policylens.ingest.pdfium import ENGINES, PdfiumReader, open_reader
from policylens.store import open_store

LONG_WORDS = ("Pharmacoeconomic considerations notwithstanding, commissioners acknowledged "
              "extraordinary administrative responsibilities surrounding individualised "
              "manufacturing, characterisation and cryopreservation requirements.")


def both_engines(path):
    """(document, passages) from each engine, as plain comparable values."""
    out = {}
    for engine in ("pdfplumber", "pdfium"):
        doc, passages = extract_document(path, sha256_file(path), engine=engine)
        out[engine] = (
            (doc.title, doc.date, doc.date_source, doc.kind, doc.n_pages, doc.pages),
            [(p.passage_id, p.page, p.text, p.speaker, p.party, p.heading) for p in passages],
            doc,
        )
    return out


def assert_same(out):
    plumber, fast = out["pdfplumber"], out["pdfium"]
    assert fast[0] == plumber[0]
    assert len(fast[1]) == len(plumber[1])
    for a, b in zip(plumber[1], fast[1]):
        assert b == a


@pytest.fixture
def reversed_debate(tmp_path, pdfgen):
    """Several two-column pages, right column first in the content stream, with long words
    hyphenated at line ends, running headers and footers and three speakers."""
    path = tmp_path / "reversed.pdf"
    items = hansard_items(pdfgen, repeat=10)
    items.insert(4, pdfgen.Speech(SPEAKER_A, (LONG_WORDS * 3,)))
    pdfgen.write_hansard(path, date=dt.date(2022, 11, 17), title="Advanced Therapies",
                         sitting="Westminster Hall", items=items, right_column_first=True,
                         hyphenate=True, seed=3)
    return path


def test_same_passages_on_two_columns_written_right_first(reversed_debate):
    out = both_engines(reversed_debate)
    assert_same(out)
    doc = out["pdfium"][2]
    assert doc.engine == "pdfium" and doc.notes == ""
    assert doc.n_pages >= 3
    passages = out["pdfium"][1]
    flat = " ".join(" ".join(p[2] for p in passages).split())
    # Reading order: the left column comes first although the file draws the right one first.
    assert flat.index(SPEECH_A[1][:50]) < flat.index(SPEECH_B[0][:50]) < flat.index(
        SPEECH_C[0][:50])
    # Hyphenated line ends are rejoined, headers and page footers are gone.
    assert "Pharmacoeconomic considerations notwithstanding" in flat
    assert "administrative responsibilities" in flat
    assert not re.search(r"Column \d+WH|Page \d+\b", flat)
    # The bold speaker labels become speakers with their parties.
    speakers = {(p[3], p[4]) for p in passages}
    assert {("Mr Alan Whitby", "Lab"), ("Dr Priya Nair", "LD")} <= speakers


def test_same_passages_on_a_report(report_pdf):
    out = both_engines(report_pdf)
    assert_same(out)
    assert any(p[5] == "Workforce" for p in out["pdfium"][1])


def test_same_passages_on_the_test_batch(tmp_path, pdfgen, hansard_pdf):
    path = tmp_path / "short.pdf"
    pdfgen.write_columns(path, [(["Short left column line %d" % i for i in range(9)],
                                 ["Right column line %d of the page" % i for i in range(9)])],
                         header=("Column 12", "Column 13"), right_column_first=True)
    for pdf in (hansard_pdf, path):
        assert_same(both_engines(pdf))


def test_turned_page_is_read_with_pdfplumber_and_noted(tmp_path):
    from reportlab.pdfgen import canvas

    path = tmp_path / "turned.pdf"
    c = canvas.Canvas(str(path), invariant=1)
    for number in range(3):
        # Page 2 is a landscape page: turned by /Rotate, its text drawn running up the page
        # so that it reads upright on screen. PDFium sees the text turned; pdfplumber turns
        # the page first.
        c.setPageRotation(90 if number == 1 else 0)
        c.saveState()
        if number == 1:
            c.translate(520, 72)
            c.rotate(90)
        text = c.beginText(0, 0) if number == 1 else c.beginText(72, 760)
        text.setFont("Helvetica", 11)
        for i in range(20):
            text.textLine(f"{badpdfs.TEXT[:60]} page {number} line {i}")
        c.drawText(text)
        c.restoreState()
        c.showPage()
    c.save()
    out = both_engines(path)
    assert_same(out)
    doc = out["pdfium"][2]
    assert doc.engine == "pdfium"
    assert doc.notes == "read with pdfplumber: page 2 (turned text)"
    assert "page 1 line 5 " in doc.pages[1] and "page 2 line 5 " in doc.pages[2]


def _page_with_turned_text(path, turned_lines: int):
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), invariant=1)
    c.setFont("Helvetica", 11)
    for i in range(30):
        c.drawString(72, 760 - 14 * i, f"{badpdfs.TEXT[:60]} line {i}")
    c.saveState()
    c.translate(560, 100)
    c.rotate(90)
    for i in range(turned_lines):
        c.drawString(0, 14 * i, f"DRAFT not for circulation {i}")
    c.restoreState()
    c.showPage()
    c.save()
    return path


def test_a_little_turned_text_is_left_out_by_both_engines(tmp_path):
    # A stamp or a printer's slug up the margin: the page is laid out as it is, without it.
    path = _page_with_turned_text(tmp_path / "stamp.pdf", 1)
    for engine in ENGINES:
        with open_reader(path, engine) as reader:
            pages = list(reader.pages())
        text = " ".join(w.text for w in pages[0].words)
        assert "line 29" in text and "DRAFT" not in text, engine
        assert reader.notes == "", engine


def test_a_page_of_turned_text_falls_back(tmp_path):
    path = _page_with_turned_text(tmp_path / "sideways.pdf", 30)
    with PdfiumReader(path) as reader:
        pages = list(reader.pages())
    assert reader.notes == "read with pdfplumber: page 1 (turned text)"
    text = " ".join(w.text for w in pages[0].words)
    assert "line 29" in text


def test_encrypted_and_not_a_pdf_give_the_same_reasons(tmp_path):
    for build, reason in ((badpdfs.encrypted, "encrypted"), (badpdfs.html_page, "not-pdf"),
                          (badpdfs.corrupt_bytes, "corrupt")):
        path = build(tmp_path / f"{reason}.pdf")
        reasons = set()
        for engine in ("pdfium", "pdfplumber"):
            with pytest.raises(PdfError) as err:
                extract_document(path, "0" * 64, engine=engine)
            reasons.add(err.value.reason)
        assert reasons == {reason}


def test_unknown_engine_is_refused(tmp_path):
    with pytest.raises(ValueError, match="pdfium"):
        open_reader(tmp_path / "x.pdf", "poppler")


def test_threads_take_turns_and_agree(reversed_debate):
    expected = extract_document(reversed_debate, sha256_file(reversed_debate))[1]
    results, errors = [], []

    def work():
        try:
            results.append(extract_document(reversed_debate, sha256_file(reversed_debate))[1])
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert not errors and len(results) == 4
    assert all(r == expected for r in results)


@pytest.mark.parametrize("engine", ["pdfium", "pdfplumber"])
def test_cli_engine_option_is_recorded(tmp_path, hansard_pdf, engine):
    db = tmp_path / "s.db"
    result = CliRunner().invoke(cli, ["--db", str(db), "ingest", str(hansard_pdf),
                                      "--workers", "0", "--engine", engine])
    assert result.exit_code == 0, result.output
    with open_store(db) as store:
        docs = list(store.iter_documents())
    assert [d["engine"] for d in docs] == [engine]


def test_columns_drawn_in_one_text_object_are_still_read_apart(tmp_path):
    """Some producers draw both columns of a line with one TJ and a large kern across the
    gutter: one text object wider than half the page. Its words must still be cut at the
    gutter, so each column reads on its own."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas as rl_canvas

    left_lines = [f"left {i} alpha bravo charlie delta echo" for i in range(30)]
    right_lines = [f"right {i} kilo lima mike november oscar" for i in range(30)]
    path = tmp_path / "one-tj.pdf"
    c = rl_canvas.Canvas(str(path), pagesize=A4, invariant=1)
    c.setFont("Helvetica", 10)
    c.drawString(60, 800, "Two columns in one text object")  # puts the font in the resources
    font = c._doc.getInternalFontName("Helvetica")
    for i, (a, b) in enumerate(zip(left_lines, right_lines)):
        # -1000 units is one em (10 pt): shift the right half to x = 320.
        width = c.stringWidth(a, "Helvetica", 10)
        kern = -round((320 - 60 - width) * 100)
        c._code.append(f"BT {font} 10 Tf 60 {760 - 14 * i} Td [({a}) {kern} ({b})] TJ ET")
    c.showPage()
    c.save()
    with open_reader(path) as reader:
        words = next(reader.pages()).words
    assert all(not (w.x0 < 300 < w.x1) for w in words)  # no box spans the gutter
    _, passages = extract_document(path, sha256_file(path), engine="pdfium")
    text = " ".join(p.text for p in passages)
    assert text.index("left 29") < text.index("right 0")  # the left column reads first
    assert text.index("left 0 alpha bravo charlie delta echo left 1") >= 0
