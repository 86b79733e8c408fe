"""Page geometry on built PDFs: columns that share baselines, three columns, running heads and
footers found by repetition wherever they sit, tables and forms read row by row."""

from __future__ import annotations

import csv
import difflib
import itertools
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import SHARED
from policylens.cli import cli
from policylens.ingest import extract_document
from policylens.ingest.layout import Word, find_gutters, order_page, strip_furniture
from policylens.store import open_store

ENGINES = ("pdfium", "pdfplumber")
SYLLABLES = ("ba", "ce", "di", "fo", "gu", "ha", "ke", "li", "mo", "nu", "pa", "re", "si", "to")


def pseudo_words(n: int, start: int = 0) -> list[str]:
    """Distinct made-up words, so the order they come back in can be checked exactly."""
    combos = itertools.islice(itertools.product(SYLLABLES, repeat=3), start, start + n)
    return ["".join(c) for c in combos]


def tokens(text: str) -> list[str]:
    return re.findall(r"[a-z]+", text.lower())


def document_tokens(path: Path, engine: str) -> list[str]:
    doc, _ = extract_document(path, "0" * 64, engine=engine)
    return tokens("\n".join(doc.pages))


def column_texts(pdfgen, n_columns: int, lines_per_column: int, width: float, start: int = 0,
                 near_gutter: bool = False) -> list[list[str]]:
    """Columns of made-up words set ragged-right into ``width``; with ``near_gutter`` every
    fourth line of the first column runs to within a point or two of its edge."""
    columns, offset = [], start
    for c in range(n_columns):
        words = pseudo_words(lines_per_column * 8, offset)
        lines = pdfgen.fill_column(words, width)[:lines_per_column]
        offset += sum(len(ln.split()) for ln in lines)
        if near_gutter and c == 0:
            for i in range(0, len(lines), 4):
                line = lines[i]
                while pdfgen.text_width(line + "i") < width + 1.5:
                    line += "i"  # one word grows until it nearly reaches the gutter
                lines[i] = line
        columns.append(lines)
    return columns


@pytest.mark.parametrize("engine", ENGINES)
def test_columns_sharing_baselines_with_lines_near_the_gutter(tmp_path, pdfgen, engine):
    path = tmp_path / "shared-baselines.pdf"
    width = (pdfgen.A4_WIDTH - 90 - 14) / 2
    pages = [column_texts(pdfgen, 2, 40, width, start=p * 1000, near_gutter=True)
             for p in range(2)]
    pdfgen.write_placed(path, pdfgen.column_pages(pages, running_head="Policy Digest {page}"))
    expected = tokens(" ".join(line for page in pages for col in page for line in col))
    got = document_tokens(path, engine)
    assert difflib.SequenceMatcher(None, got, expected, autojunk=False).ratio() >= 0.98


@pytest.mark.parametrize("engine", ENGINES)
def test_three_columns_read_column_by_column(tmp_path, pdfgen, engine):
    path = tmp_path / "three.pdf"
    width = (pdfgen.A4_WIDTH - 90 - 2 * 12) / 3
    pages = [column_texts(pdfgen, 3, 50, width, start=p * 1500) for p in range(3)]
    pdfgen.write_placed(path, pdfgen.column_pages(
        pages, gutter=12, size=8, leading=9,
        running_head="Weekly Record of the Assembly {page}", footer="Printed record {page}"))
    expected = tokens(" ".join(line for page in pages for col in page for line in col))
    assert document_tokens(path, engine) == expected


def test_three_column_page_has_two_gutters():
    words = [Word(f"w{i}", x, x + 150, 100 + 12 * i, 110 + 12 * i)
             for i in range(40) for x in (40, 220, 400)]
    gutters = find_gutters(words, 600, 850)
    assert len(gutters) == 2
    assert 190 <= gutters[0][0] < gutters[0][1] <= 220 <= 370 <= gutters[1][0]
    page = order_page(1, words, 600, 850)
    assert page.columns == 3
    assert [ln.column for ln in page.lines] == [0] * 40 + [1] * 40 + [2] * 40


@pytest.mark.parametrize("engine", ENGINES)
def test_footer_found_by_repetition_wherever_it_sits(tmp_path, pdfgen, engine):
    # A two-line disclaimer 40 to 110 points above the bottom edge (beyond any fixed margin
    # band) on every page, higher on some pages than on others.
    path = tmp_path / "footers.pdf"
    n = 6
    pages = [[pdfgen.fill_column(pseudo_words(300, p * 400), 440)[:45]] for p in range(n)]
    placed = pdfgen.column_pages(pages, left=70, footer="Disclaimer: this record is "
                                 "unrevised and may be corrected {page}",
                                 footer_y=[pdfgen.A4_HEIGHT - 40 - 14 * p for p in range(n)])
    for p, page in enumerate(placed):
        page.append(pdfgen.Placed(70, pdfgen.A4_HEIGHT - 30 - 14 * p,
                                  "Electronic version for reference only", 8, "Helvetica"))
    pdfgen.write_placed(path, placed)
    doc, passages = extract_document(path, "0" * 64, engine=engine)
    text = " ".join(p.text for p in passages)
    assert "Disclaimer" not in text and "Electronic version" not in text
    assert tokens(text) == tokens(" ".join(" ".join(pg[0]) for pg in pages))


def test_repeated_line_printed_over_the_body_is_cut_out():
    def page(number: int, over: bool) -> list[Word]:
        words = [Word(w, 70, 300, 100 + 14 * i, 110 + 14 * i)
                 for i, w in enumerate(pseudo_words(40, number * 40))]
        footer = Word("Official Report unrevised", 320, 460, 100 + 14 * 39 if over else 700,
                      110 + 14 * 39 if over else 710, 8.0)
        return words + [footer]

    pages = [order_page(n, page(n, over=(n == 3)), 600, 850) for n in range(1, 6)]
    text = [" ".join(ln.text for ln in p.lines) for p in strip_furniture(pages)]
    assert all("Official" not in t for t in text)
    assert pseudo_words(40, 3 * 40)[39] in text[2]  # the body line it was drawn over stays


def test_invisible_reference_codes_are_not_text():
    words = [Word(w, 70, 300, 100 + 14 * i, 110 + 14 * i)
             for i, w in enumerate(pseudo_words(30))]
    words.append(Word("18/11/2021X00200", 88, 89, 240, 240.1, 0.1))
    page = order_page(1, words, 600, 850)
    assert all("X00200" not in ln.text for ln in page.lines)


def test_cli_reads_three_columns_in_order(tmp_path, pdfgen):
    path = tmp_path / "three.pdf"
    width = (pdfgen.A4_WIDTH - 90 - 2 * 12) / 3
    pages = [column_texts(pdfgen, 3, 40, width)]
    pdfgen.write_placed(path, pdfgen.column_pages(pages, gutter=12))
    db = tmp_path / "s.db"
    result = CliRunner().invoke(cli, ["--db", str(db), "ingest", str(path), "--workers", "0"])
    assert result.exit_code == 0, result.output
    with open_store(db) as store:
        text = " ".join(r["text"] for r in store.iter_passages())
    assert tokens(text) == tokens(" ".join(line for col in pages[0] for line in col))


@pytest.mark.parametrize("engine", ENGINES)
def test_a_column_set_a_little_lower_keeps_its_lines_whole(tmp_path, pdfgen, engine):
    # The third column sits 2.2 pt below the others, and the middle of each of its lines is set
    # smaller (small capitals, as a bill's "IN GENERAL"): a row across the page that starts at
    # the other columns' baseline takes in the line's larger words only.
    path = tmp_path / "lower.pdf"
    width = (pdfgen.A4_WIDTH - 90 - 2 * 12) / 3
    columns = column_texts(pdfgen, 3, 30, width)
    placed = []
    for line in pdfgen.column_pages([columns], gutter=12)[0]:
        if line.x < 45 + 2 * width:
            placed.append(line)
            continue
        words, x = line.text.split(), line.x
        third = len(words) // 3
        for chunk, size in ((words[:third], line.size), (words[third:2 * third], line.size - 2),
                            (words[2 * third:], line.size)):
            text = " ".join(chunk) + " "
            placed.append(pdfgen.Placed(x, line.y + 2.2, text.strip(), size))
            x += pdfgen.text_width(text, size)
    pdfgen.write_placed(path, [placed])
    assert document_tokens(path, engine) == tokens(" ".join(ln for col in columns for ln in col))


LAYOUT_CASES = SHARED / "layout-cases"


@pytest.mark.skipif(not LAYOUT_CASES.is_dir(), reason="../shared/layout-cases is absent")
@pytest.mark.parametrize("engine", ENGINES)
def test_shared_layout_cases_read_in_true_order(engine):
    for pdf in sorted(LAYOUT_CASES.glob("*.pdf")):
        truth = tokens(pdf.with_suffix(".txt").read_text(encoding="utf-8"))
        got = document_tokens(pdf, engine)
        ratio = difflib.SequenceMatcher(None, got, truth, autojunk=False).ratio()
        assert ratio >= 0.98, (pdf.name, ratio)


def test_speech_set_larger_than_the_lists_is_not_a_heading(tmp_path, pdfgen):
    # A daily record sets its lists in 7 pt and its speeches in 8 pt: both are body text, and
    # a paragraph in 8 pt stays in the passages instead of becoming a heading.
    path = tmp_path / "record.pdf"
    lists = [pdfgen.Placed(60, 80 + 9 * i, " ".join(pseudo_words(6, 20 * i)), 7)
             for i in range(40)]
    speech_words = pseudo_words(200, 2000)
    speech = [pdfgen.Placed(60, 460 + 10 * i, line, 8) for i, line in
              enumerate(pdfgen.fill_column(speech_words, 440, 8))]
    pdfgen.write_placed(path, [lists + speech])
    _, passages = extract_document(path, "0" * 64)
    text = tokens(" ".join(p.text for p in passages))
    assert text[-len(speech_words):] == speech_words


FORM_ROWS = [
    ("Name and email of the clinician making the request, or of a deputy where the "
     "clinician is away:", "Enter text here."),
    ("The request has been discussed in full with the patient or the patient's "
     "representative, who agrees that the panel may read the clinical letters:", "Yes"),
    ("The trust's medicines committee supports this application:", "No"),
]
GLOSSARY = [
    ("Apheresis", "Collecting a patient's blood cells by passing the blood through a machine "
                  "that keeps the cells wanted and returns the rest."),
    ("Managed access agreement", "An arrangement under which a treatment is funded for a "
                                 "fixed time while more evidence on its value is collected."),
    ("Specialist commissioning", "Buying services for rare conditions once for the whole "
                                 "country rather than by each local body."),
]


@pytest.mark.parametrize("engine", ENGINES)
def test_form_cells_come_out_row_by_row(tmp_path, pdfgen, engine):
    path = tmp_path / "form.pdf"
    pdfgen.write_table(path, FORM_ROWS, widths=(330, 140), heading="Request form")
    doc, passages = extract_document(path, "0" * 64, engine=engine)
    text = " ".join(" ".join(p.text for p in passages).split())
    for label, value in FORM_ROWS:
        assert f"{label} | {value}" in text, (label[:30], text[:400])


@pytest.mark.parametrize("engine", ENGINES)
def test_glossary_term_stays_with_its_definition(tmp_path, pdfgen, engine):
    path = tmp_path / "glossary.pdf"
    pdfgen.write_table(path, GLOSSARY, widths=(120, 330), row_gap=6, heading="Glossary")
    doc, passages = extract_document(path, "0" * 64, engine=engine)
    blocks = doc.pages[0].split("\n\n")
    for term, definition in GLOSSARY:
        assert f"{term} | {definition}" in blocks, (term, blocks)


# A consent box as forms set it: the statement justified to its cell's edge, the answers just
# past the cell's rule, "Yes" 6 pt from the text (under a column's usual gap) and "No" after a
# tick box further right; a heading in bold right above the box.
CONSENT = ("The applicant confirms that the plan of treatment has been explained in full to the "
           "patient or to a carer with authority to act for them, who understands that the review "
           "panel will read the clinical letters and the results of recent tests before it "
           "decides on the request, and agrees that the panel may write to the practice about "
           "the outcome on the patient's behalf and keep a copy of this form with the request.")
CELL_LEFT, CELL_WIDTH, CELL_SIZE, CELL_LEADING = 72.0, 380.0, 10.0, 15.9


def justified_lines(pdfgen, lines: list[list[str]], x: float, top: float, width: float,
                    last_word_width: float = 0.0) -> list:
    """Each line's words placed one by one, spread to fill ``width`` (the last line of each
    list left ragged, as justified text ends a paragraph)."""
    placed = []
    for k, words in enumerate(lines):
        y = top + k * CELL_LEADING
        widths = [pdfgen.text_width(w, CELL_SIZE, pdfgen.SANS_FONT) for w in words]
        space = ((width - sum(widths)) / (len(words) - 1) if k < len(lines) - 1
                 else pdfgen.text_width(" ", CELL_SIZE, pdfgen.SANS_FONT))
        pos = x
        for word, w in zip(words, widths):
            placed.append(pdfgen.Placed(pos, y, word, CELL_SIZE, pdfgen.SANS_FONT))
            pos += w + space
    return placed


def write_consent_form(pdfgen, path: Path) -> list[str]:
    """The consent box above (and a paragraph below it); returns the statement's lines."""
    lines = pdfgen.fill_column(CONSENT.split(), CELL_WIDTH, CELL_SIZE, pdfgen.SANS_FONT)
    top = 200.0
    edge = CELL_LEFT + CELL_WIDTH
    placed = [pdfgen.Placed(CELL_LEFT, top - CELL_LEADING, "Consent", CELL_SIZE,
                            pdfgen.SANS_BOLD_FONT)]
    placed += justified_lines(pdfgen, [line.split() for line in lines], CELL_LEFT, top, CELL_WIDTH)
    placed += [pdfgen.Placed(edge + 6.1, top + CELL_LEADING, "Yes", CELL_SIZE, pdfgen.SANS_FONT),
               pdfgen.Placed(edge + 31, top + 3 * CELL_LEADING, "No", CELL_SIZE, pdfgen.SANS_FONT)]
    after = pdfgen.fill_column(pseudo_words(40, 700), CELL_WIDTH, CELL_SIZE, pdfgen.SANS_FONT)
    placed += [pdfgen.Placed(CELL_LEFT, top + (len(lines) + 2) * CELL_LEADING + 12 * k, line,
                             CELL_SIZE, pdfgen.SANS_FONT) for k, line in enumerate(after)]
    pdfgen.write_placed(path, [placed])
    return lines


@pytest.mark.parametrize("engine", ENGINES)
def test_answers_just_past_a_justified_cell_are_read_with_its_row(tmp_path, pdfgen, engine):
    path = tmp_path / "consent.pdf"
    lines = write_consent_form(pdfgen, path)
    assert len(lines) >= 5
    doc, passages = extract_document(path, "0" * 64, engine=engine)
    text = " ".join(" ".join(p.text for p in passages).split())
    assert f"{CONSENT} | Yes No" in text, text
    rows = [" ".join(block.split()) for block in doc.pages[0].split("\n\n") if " | " in block]
    assert rows == [f"{CONSENT} | Yes No"], rows  # the heading in bold above stays out of it


def test_a_consent_form_through_the_cli(tmp_path, pdfgen):
    path = tmp_path / "consent.pdf"
    write_consent_form(pdfgen, path)
    db, out = tmp_path / "s.db", tmp_path / "passages.csv"
    runner = CliRunner()
    result = runner.invoke(cli, ["--db", str(db), "ingest", str(path), "--workers", "0"])
    assert result.exit_code == 0, result.output
    result = runner.invoke(cli, ["--db", str(db), "export", "passages", "--format", "csv",
                                 "-o", str(out)])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    rows_text = [" ".join(r["text"].split()) for r in rows]
    assert any(f"{CONSENT} | Yes No" in t for t in rows_text), rows_text


@pytest.mark.parametrize("engine", ENGINES)
def test_justified_prose_with_a_river_near_its_edge_is_no_table(tmp_path, pdfgen, engine):
    # Two justified paragraphs whose lines all end in a word of one width (its syllables
    # reordered), so the word space before it lines up down the page: a band 4 to 7 pt wide
    # with one word right of it, as answers sit, but no wider than the line's other spaces.
    width = 440.0
    pool = pseudo_words(400, 1000)
    enders = ["".join(p) for p in itertools.permutations(("ba", "ce", "di"))]
    ender_width = pdfgen.text_width(enders[0], CELL_SIZE, pdfgen.SANS_FONT)
    paragraphs = []
    for n_lines in (7, 6):
        lines = []
        for k in range(n_lines):
            words, used = [], ender_width
            while True:
                w = pdfgen.text_width(pool[0], CELL_SIZE, pdfgen.SANS_FONT)
                if used + w + 4.2 * (len(words) + 1) > width:
                    break
                words.append(pool.pop(0))
                used += w
            lines.append(words[:3] if k == n_lines - 1 else words + [enders[k % 6]])
        paragraphs.append(lines)
    placed, top = [], 120.0
    for lines in paragraphs:
        placed += justified_lines(pdfgen, lines, CELL_LEFT, top, width)
        top += (len(lines) + 1) * CELL_LEADING
    path = tmp_path / "river.pdf"
    pdfgen.write_placed(path, [placed])
    doc, _ = extract_document(path, "0" * 64, engine=engine)
    assert "|" not in doc.pages[0]
    assert tokens(doc.pages[0]) == [w for lines in paragraphs for ln in lines for w in ln]


REAL_FORMS = (SHARED / "realpdfs"
              / "Standard-operating-procedures-individual-funding-requests-February-2023.pdf")


@pytest.mark.skipif(not REAL_FORMS.exists(), reason="../shared/realpdfs is not present")
@pytest.mark.parametrize("engine", ENGINES)
def test_real_consent_boxes_read_row_by_row(engine):
    # Page 58 has two consent boxes, each a statement with tick answers beside it; in the
    # first the answers sit 6 pt from the statement's justified edge.
    doc, _ = extract_document(REAL_FORMS, "0" * 64, engine=engine)
    page = doc.pages[57]
    rows = [line for line in page.splitlines() if " | " in line]
    answers = [line.rsplit(" | ", 1)[1].split() for line in rows]
    assert [a[:2] for a in answers if a[:1] == ["Yes"]] == [["Yes", "No"], ["Yes", "No"]], page
    outside = re.sub(r" \| [^\n]*", "", page)
    assert not re.search(r"\b(Yes|No)\b", outside), page


def test_bullets_and_plain_paragraphs_are_not_tables(tmp_path, pdfgen):
    path = tmp_path / "list.pdf"
    items = pdfgen.fill_column(pseudo_words(60), 300)
    placed = [pdfgen.Placed(72, 100 + 14 * i, "•") for i in range(len(items))]
    placed += [pdfgen.Placed(90, 100 + 14 * i, line) for i, line in enumerate(items)]
    prose = pdfgen.fill_column(pseudo_words(300, 100), 440)
    placed += [pdfgen.Placed(72, 400 + 14 * i, line) for i, line in enumerate(prose)]
    pdfgen.write_placed(path, [placed])
    doc, _ = extract_document(path, "0" * 64)
    assert "|" not in doc.pages[0]
    assert tokens(doc.pages[0]) == tokens(" ".join(items + prose))


def test_table_of_one_line_cells_reads_line_by_line(tmp_path, pdfgen):
    rows = [("Region", "Trials", "Staff"), ("North", "thirty", "nine hundred"),
            ("South", "forty", "one thousand"), ("Midlands", "twelve", "four hundred")]
    path = tmp_path / "figures.pdf"
    pdfgen.write_table(path, rows, widths=(120, 120, 120), row_gap=8,
                       heading="Trials and staff by region")
    doc, _ = extract_document(path, "0" * 64)
    assert "|" not in doc.pages[0]
    assert " ".join(" ".join(row) for row in rows) in doc.pages[0]  # row after row


@pytest.mark.parametrize("engine", ENGINES)
def test_columns_under_a_long_spanning_title_block(tmp_path, pdfgen, engine):
    # Eight lines across the page (a title and an abstract) above two columns: too many
    # crossing lines for the page's gutter, so the columns are found below them.
    path = tmp_path / "report.pdf"
    width = (pdfgen.A4_WIDTH - 90 - 14) / 2
    abstract = pdfgen.fill_column(pseudo_words(100, 5000), pdfgen.A4_WIDTH - 90)[:8]
    columns = column_texts(pdfgen, 2, 30, width)
    placed = [pdfgen.Placed(45, 80 + 12 * i, line) for i, line in enumerate(abstract)]
    placed += pdfgen.column_pages([columns], top=200)[0]
    pdfgen.write_placed(path, [placed])
    expected = tokens(" ".join(abstract + [line for col in columns for line in col]))
    assert document_tokens(path, engine) == expected


@pytest.mark.parametrize("engine", ENGINES)
def test_an_accent_drawn_on_its_own_joins_its_letter(tmp_path, pdfgen, engine):
    # Some producers draw an accent as a glyph of its own, over the letter before it.
    path = tmp_path / "accent.pdf"
    placed, y = [], 100.0
    for head, tail in (("Mr. CA", "RDENAS moved the amendment."), ("Ms. BARRAGA", "N agreed."),
                       ("The distribucio", "n de las vacunas was read.")):
        x = 72 + pdfgen.text_width(head)
        letter = pdfgen.text_width(head[-1])
        placed += [pdfgen.Placed(72, y, head), pdfgen.Placed(x - 0.75 * letter, y - 1.5, "\u00b4"),
                   pdfgen.Placed(x, y, tail)]
        y += 14
    pdfgen.write_placed(path, [placed])
    doc, _ = extract_document(path, "0" * 64, engine=engine)
    text = " ".join(doc.pages)
    for word in ("CÁRDENAS", "BARRAGÁN", "distribución"):
        assert word in text, text


@pytest.mark.parametrize("engine", ENGINES)
def test_a_line_that_ends_several_short_pages_is_text_not_a_footer(tmp_path, pdfgen, engine):
    # Three of twelve pages end half way down with a speech's "Thank you.": the same line in the
    # last row of several pages, but nowhere near the foot of the page.
    path = tmp_path / "short-pages.pdf"
    pages, start = [], 0
    for number in range(12):  # 3 of 12: fewer than make a line a footer wherever it is
        short = number in (1, 5, 9)
        n_lines = 14 + number if short else 45
        lines = [" ".join(pseudo_words(8, start + 8 * i)) + "." for i in range(n_lines)]
        start += 8 * n_lines
        pages.append([pdfgen.Placed(72, 80 + 14 * i, line) for i, line in enumerate(lines)]
                     + ([pdfgen.Placed(72, 80 + 14 * n_lines, "Thank you.")] if short else []))
    pdfgen.write_placed(path, pages)
    doc, _ = extract_document(path, "0" * 64, engine=engine)
    assert sum(page.count("Thank you.") for page in doc.pages) == 3


@pytest.mark.parametrize("engine", ENGINES)
def test_a_list_items_lines_set_in_stay_one_paragraph(tmp_path, pdfgen, engine):
    # A list whose bullets are drawn as shapes, not characters: every line of an item starts
    # at the same indent, so an indent alone does not start a paragraph there.
    path = tmp_path / "list.pdf"
    intro = [" ".join(pseudo_words(9, 9 * i)) for i in range(8)] + [
        "After the board asked us to raise compliance among care providers in the",
        "region over the year, our team worked with them and we:"]
    items = [["built relationships with hospital and local", "authority social care leads and",
              "providers"],
             ["showed how to meet the national data security", "standard and what it brings"],
             ["offered support by telephone to every provider."]]
    placed, y = [], 100.0
    for line in intro:
        placed.append(pdfgen.Placed(72, y, line))
        y += 14
    for item in items:
        y += 10
        for line in item:
            placed.append(pdfgen.Placed(87, y, line))
            y += 14
    pdfgen.write_placed(path, [placed])
    doc, _ = extract_document(path, "0" * 64, engine=engine)
    paragraphs = doc.pages[0].split("\n\n")
    for item in items:
        assert " ".join(item) in paragraphs
