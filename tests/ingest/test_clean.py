"""Pure helpers of ingest: text fixers, column finding, speaker turns, dates (no PDF needed)."""

from __future__ import annotations

import pytest

from policylens.ingest.clean import (
    close_hyphen_gaps,
    garbage_ratio,
    join_hyphenated,
    join_lines,
    looks_like_page_number,
    normalise_unicode,
    split_bullets,
    wordlike_ratio,
)
from policylens.ingest.docinfo import date_from_pdf_metadata, find_date, guess_kind
from policylens.ingest.layout import Word, find_gutter, order_page
from policylens.ingest.speakers import match_speaker


def test_normalise_unicode_folds_ligatures_quotes_and_spaces():
    assert normalise_unicode("ﬁnancial ﬂow") == "financial flow"
    assert normalise_unicode("“NICE’s”\u00a0view") == "\"NICE's\" view"
    assert normalise_unicode("regu\u00adlation\u200b") == "regulation"
    assert normalise_unicode("£1.8m – €300") == "£1.8m – €300"


@pytest.mark.parametrize("lines,expected", [
    (["the regula-", "tion of therapies"], ["the regulation", "of therapies"]),
    (["a cost-", "effective price"], ["a cost-effective", "price"]),
    (["CAR-", "T therapy"], ["CAR-", "T therapy"]),
    (["long-", "term funding"], ["long-term", "funding"]),
])
def test_join_hyphenated(lines, expected):
    assert join_hyphenated(lines) == expected


def test_join_hyphenated_prefers_the_documents_own_spelling():
    assert join_hyphenated(["re-", "assessment"], {"re-assessment"}) == ["re-assessment", ""]
    assert join_hyphenated(["pharma-", "cists"], {"pharmacists"}) == ["pharmacists", ""]


@pytest.mark.parametrize("line,expected", [
    ("3", True), ("Page 3 of 7", True), ("- 12 -", True), ("Column 345WH", True),
    ("345WH", True), ("Gene therapy 3", False), ("3 September 2023", False),
])
def test_page_numbers(line, expected):
    assert looks_like_page_number(line) is expected


def test_garbage_and_wordlike_ratios():
    assert garbage_ratio("(cid:12)(cid:13)(cid:14)") > 0.9
    assert garbage_ratio("plain text") == 0
    assert wordlike_ratio("The committee heard evidence on costs") > 0.8
    assert wordlike_ratio("#$% &*( )_+ Xq Zr") < 0.3


def _column_words(x0: float, x1: float, n_lines: int, top: float = 100) -> list[Word]:
    words = []
    for i in range(n_lines):
        x = x0
        while x + 30 <= x1:
            words.append(Word(f"w{i}", x, x + 30, top + 12 * i, top + 12 * i + 10))
            x += 34
    return words


def test_find_gutter_on_two_columns_and_none_on_one():
    left = _column_words(50, 280, 40)
    right = _column_words(320, 550, 40)
    gutter = find_gutter(left + right, 600, 850)
    assert gutter is not None and 245 <= gutter[0] < gutter[1] <= 325
    single = [Word("w", 50 + (i * 37) % 470, 50 + (i * 37) % 470 + 30, 100 + 12 * (i // 13),
                   110 + 12 * (i // 13)) for i in range(500)]
    assert find_gutter(single, 600, 850) is None


def test_order_page_reads_left_column_before_right_and_keeps_spanning_heading():
    heading = [Word("Heading", 200, 400, 80, 92, 14, True)]
    left = _column_words(50, 280, 10, top=100)
    right = [w._replace(text="r") for w in _column_words(320, 550, 10, top=100)]
    page = order_page(1, right + left + heading, 600, 850)
    texts = [ln.text.split()[0] for ln in page.lines]
    assert texts[0] == "Heading"
    assert texts.index("r") == 11  # all ten left lines come first
    assert page.columns == 2


@pytest.mark.parametrize("text,speaker,party", [
    ("Mr Alan Whitby (Carlisle North) (Lab): I beg to move", "Mr Alan Whitby", "Lab"),
    ("Dr Priya Nair (Bath) (LD): Will the Minister", "Dr Priya Nair", "LD"),
    ("The Minister for Health (Helen Carver): The Government", "Helen Carver", None),
    ("Mr Speaker: Order.", "Mr Speaker", None),
    ("Madam Deputy Speaker: Order.", "Madam Deputy Speaker", None),
    ("Councillor Steen: Yes.", "Councillor Steen", None),
    ("Hon. Members: Aye!", "Hon. Members", None),
])
def test_match_speaker(text, speaker, party):
    turn, rest = match_speaker(text)
    assert (turn.speaker, turn.party) == (speaker, party)
    assert rest and not rest.startswith(" ")


@pytest.mark.parametrize("text", [
    "The Government have published their response.",
    "In 2019 (as reported) the costs rose: sharply.",
])
def test_no_speaker_in_ordinary_text(text):
    assert match_speaker(text) is None


@pytest.mark.parametrize("text,iso", [
    ("Thursday 7 September 2023 Westminster Hall", "2023-09-07"),
    ("Wednesday, January 30, 2013", "2013-01-30"),
    ("Thursday, 1st December, 2016", "2016-12-01"),
    ("Adopted on 3 May 2015. Published: 12 March 2018", "2018-03-12"),
    ("released 2021-06-30", "2021-06-30"),
    ("no date here, only 2019", None),
    ("31 February 2020", None),
])
def test_find_date(text, iso):
    assert find_date(text) == iso


def test_pdf_metadata_date_and_kind_guess():
    assert date_from_pdf_metadata({"CreationDate": "D:20190704120000Z"}) == "2019-07-04"
    assert date_from_pdf_metadata({"CreationDate": "garbage"}) is None
    assert guess_kind("House of Commons Written Answers", 0) == "parliamentary"
    assert guess_kind("NHS England commissioning", 0) == "nhs"
    assert guess_kind("BioIndustry Association report", 0) == "industry"
    assert guess_kind("A note", 0) == "other"
    assert guess_kind("Federal Register / Vol. 86, No. 36 / Rules and Regulations", 0) == \
        "government"
    assert guess_kind("Ministry of Health and Family Welfare annual report", 0) == "government"


def test_hyphen_join_moves_trailing_punctuation_with_the_word():
    assert join_hyphenated(["Her Majesty's Opposit-", "ion. Applications rose"]) == [
        "Her Majesty's Opposition.", "Applications rose"]


def test_kind_comes_from_the_cover_before_the_body():
    cover = "BioIndustry Association Annual report on manufacturing " + "word " * 50
    assert guess_kind(cover + "laid before Parliament by NHS England", 0) == "industry"


def test_later_short_label_keeps_the_members_full_name_and_party():
    from policylens.ingest.layout import Block
    from policylens.ingest.segment import segment

    speech = " ".join(["The case for faster access to gene therapy is compelling."] * 6)
    blocks = [
        Block("[Mrs Thorne in the Chair]", 1, 0),
        Block(f"Mr Alan Whitby (Carlisle North) (Lab): {speech}", 1, 0),
        Block(f"The Minister for Health (Helen Carver): {speech}", 1, 0),
        Block(f"Mr Whitby: {speech}", 2, 0),
    ]
    passages = segment("d" * 16, blocks)
    assert [(p.speaker, p.party) for p in passages] == [
        ("Mr Alan Whitby", "Lab"), ("Helen Carver", None), ("Mr Alan Whitby", "Lab")]
    assert "in the Chair" not in passages[0].text


def test_speaker_without_title_when_seat_and_party_are_given():
    turn, rest = match_speaker("Sarah Moss (Leeds East) (Con): I welcome the statement.")
    assert (turn.speaker, turn.party, rest) == ("Sarah Moss", "Con", "I welcome the statement.")
    assert match_speaker("Gene Therapy (Costs) (Update): what follows") is None


@pytest.mark.parametrize("text,fixed", [
    ("across Sub- Saharan Africa", "across Sub-Saharan Africa"),
    ("the Prime Minister- designate spoke", "the Prime Minister-designate spoke"),
    ("the law- making organs", "the law-making organs"),
    ("pages 1436- 46 and 1- 10", "pages 1436-46 and 1-10"),
    ("short- and long-term costs", "short- and long-term costs"),
    ("pre- or post-operative care", "pre- or post-operative care"),
    ("a pause - then more", "a pause - then more"),
])
def test_hyphen_gaps_in_compounds_are_closed(text, fixed):
    assert close_hyphen_gaps(text) == fixed


def test_compound_broken_before_a_capital_joins_without_a_space():
    lines = join_hyphenated(["growth across Sub-", "Saharan Africa and the", "Auditor-",
                             "General's report"])
    assert join_lines(lines) == "growth across Sub-Saharan Africa and the Auditor-General's report"


def test_bullets_run_together_become_items():
    assert split_bullets("It covers: • adults with kidney disease • children • carers") == [
        "It covers:", "• adults with kidney disease", "• children", "• carers"]
    assert split_bullets("No list here, only a sentence.") == ["No list here, only a sentence."]


def test_bullet_list_without_gaps_gives_separate_items(tmp_path, pdfgen):
    from policylens.ingest.extract import extract_document, sha256_file

    items = ["• Dose adjustment is needed when kidney function falls below the threshold.",
             "• Patients should be told what to do on days when they are unwell.",
             "• Stop the medicine before surgery and restart it once eating normally."]
    path = tmp_path / "list.pdf"
    pdfgen.write_pages(path, [["The support document recommends the following:", *items]])
    _, passages = extract_document(path, sha256_file(path))
    paragraphs = "\n\n".join(p.text for p in passages).split("\n\n")
    for item in items:
        assert item in paragraphs


def test_pdfminer_warnings_stay_off_the_terminal_unless_debug(tmp_path):
    import subprocess
    import sys

    code = ("import logging, sys\n"
            "import policylens.ingest.pdf\n"
            "{setup}"
            "logging.getLogger('pdfminer.pdffont').warning('Could not get FontBBox from font')\n")
    quiet = subprocess.run([sys.executable, "-c", code.format(setup="")],
                           capture_output=True, text=True, check=True)
    assert quiet.stderr == ""
    # --debug sets up logging, and then they are shown.
    debug = ("from policylens.cli import cli\n"
             "try:\n"
             "    cli.main(['--debug', 'status', '--db', 'absent.db'], standalone_mode=False)\n"
             "except Exception:\n"
             "    pass\n")
    shown = subprocess.run([sys.executable, "-c", code.format(setup=debug)], cwd=tmp_path,
                           capture_output=True, text=True, check=True)
    assert "Could not get FontBBox" in shown.stderr


@pytest.mark.parametrize(("drawn", "read"), [
    ("distribucio\u00b4n", "distribución"),         # accent drawn after its vowel
    ("Mr. CA\u00b4 RDENAS moved", "Mr. CÁRDENAS moved"),  # and a space after it, in a name
    ("Ca\u00b4 rdenas, Castro", "Cárdenas, Castro"),
    ("cafe\u00b4 con leche", "café con leche"),       # word-final: the next word stays apart
    ("Nin\u02dco", "Niño"),
])
def test_an_accent_drawn_as_its_own_character_joins_its_letter(drawn, read):
    assert normalise_unicode(drawn) == read


def test_an_acute_standing_for_an_apostrophe_is_not_an_accent():
    assert "ú" not in normalise_unicode("you\u00b4re right") and "é" not in normalise_unicode(
        "we\u00b4ll see")
