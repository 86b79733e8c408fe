"""Speaker turns in the label styles of other parliaments, read from PDFs built here."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import SHARED
from policylens.cli import cli
from policylens.ingest.extract import extract_document, sha256_file
from policylens.ingest.speakers import match_speaker, normalise_name

DAY = dt.date(2022, 3, 9)

# Sentences written for these tests: long enough that each turn is a passage of its own.
LONG_A = ("The committee has heard from hospital pharmacists that the cost of advanced "
          "therapies is paid up front while the benefit arrives over many years, and the "
          "budget rules of most health services were never designed for that pattern of "
          "spending, so the question is who carries the risk when a treatment fails.")
LONG_B = ("Our regional manufacturing centres can now produce viral vectors at a scale that "
          "was unthinkable a decade ago, yet the workforce to run them is thin, and every "
          "training place we fund this year is a qualified technician three years from now, "
          "which is why the apprenticeship levy matters so much to this sector.")
LONG_C = ("Families travelling hundreds of miles to a single specialist centre bear costs "
          "that appear in no appraisal, and I would ask the minister to publish how the "
          "department intends to measure those costs before the next spending review, "
          "because without numbers the argument is never won.")
LONG_D = ("Mr. Smith said in his evidence that the waiting list had doubled, and the figures "
          "published last month bear that out in every region, with the longest waits among "
          "children whose conditions are rare enough that no local clinic has ever treated "
          "one, which is the point the petition was making.")


def _speeches(pdfgen, labels, heading="Advanced Therapies: Access"):
    texts = [LONG_A, LONG_B, LONG_C]
    return [pdfgen.Heading(heading, 1)] + [
        pdfgen.Speech(label, (texts[i % 3],)) for i, label in enumerate(labels)]


def _ingest(path: Path):
    return extract_document(path, sha256_file(path))


def _speakers(passages):
    return [p.speaker for p in passages]


STYLES = {
    "congressional_record": (
        ["Mr. HARLOW", "Mrs. OKAFOR of Ohio", "The PRESIDING OFFICER",
         "Ms. VAN DORN", "The SPEAKER pro tempore (Mr. HARLOW)", "Mr. McCANN"],
        ["Mr. HARLOW", "Mrs. OKAFOR of Ohio", "The PRESIDING OFFICER", "Ms. VAN DORN",
         "The SPEAKER pro tempore", "Mr. McCANN"]),
    "oireachtas": (
        ["Senator Aoife Brennan", "An Cathaoirleach", "Deputy Ciarán Walsh",
         "Minister of State at the Department of Health (Deputy Nora Quinn)",
         "An Ceann Comhairle", "An Leas-Chathaoirleach"],
        ["Senator Aoife Brennan", "An Cathaoirleach", "Deputy Ciarán Walsh",
         "Deputy Nora Quinn", "An Ceann Comhairle", "An Leas-Chathaoirleach"]),
    "lok_sabha": (
        ["SHRI RAVI KUMAR MENON (KOZHIKODE)", "HON. SPEAKER",
         "SHRIMATI ANITA DESAI (PUNE NORTH)", "DR. (PROF.) S. K. RAO (HYDERABAD)",
         "THE MINISTER OF HEALTH AND FAMILY WELFARE (SHRI ARJUN DAS)", "HON. CHAIRPERSON"],
        ["SHRI RAVI KUMAR MENON", "HON. SPEAKER", "SHRIMATI ANITA DESAI",
         "DR. (PROF.) S. K. RAO", "SHRI ARJUN DAS", "HON. CHAIRPERSON"]),
    "committee_hansard": (
        ["CHAIR", "Senator PATTERSON", "Mr Okonjo", "Dr Lindqvist", "ACTING CHAIR",
         "Ms McKENZIE"],
        ["CHAIR", "Senator PATTERSON", "Mr Okonjo", "Dr Lindqvist", "ACTING CHAIR",
         "Ms McKENZIE"]),
    "kenya_hansard": (
        ["Hon. (Eng.) Otieno", "Hon. (Ms.) Wanjiru", "Hon.Kiprotich", "Hon. J. K Mwangi",
         "The Temporary Deputy Speaker (Hon. (Dr.) Achieng)", "Hon. Members"],
        ["Hon. (Eng.) Otieno", "Hon. (Ms.) Wanjiru", "Hon. Kiprotich", "Hon. J. K. Mwangi",
         "Hon. (Dr.) Achieng", "Hon. Members"]),
    "council_hansard": (
        ["Councillor Dubois", "Mayor Lindgren", "Madam Speaker", "Councillor Nakamura",
         "Deputy Mayor Fontaine", "Councillor Dubois"],
        ["Councillor Dubois", "Mayor Lindgren", "Madam Speaker", "Councillor Nakamura",
         "Deputy Mayor Fontaine", "Councillor Dubois"]),
}


@pytest.mark.parametrize("style", sorted(STYLES))
def test_each_parliaments_labels_become_speakers(tmp_path, pdfgen, style):
    labels, expected = STYLES[style]
    path = tmp_path / f"{style}.pdf"
    getattr(pdfgen, f"write_{style}")(path, date=DAY, items=_speeches(pdfgen, labels))
    doc, passages = _ingest(path)
    assert _speakers(passages) == expected
    assert doc.kind == "parliamentary"
    assert doc.date == DAY.isoformat()
    # The label is not left in the speech.
    assert all(not p.text.startswith(label) for p, label in zip(passages, labels))


def test_short_turn_merged_into_a_neighbour_keeps_its_label(tmp_path, pdfgen):
    items = [pdfgen.Heading("Rates Relief", 1),
             pdfgen.Speech("Councillor Dubois", (LONG_A,)),
             pdfgen.Speech("Councillor Nakamura", ("Agreed.",)),
             pdfgen.Speech("Councillor Dubois", (LONG_B,))]
    path = tmp_path / "council.pdf"
    pdfgen.write_council_hansard(path, date=DAY, items=items)
    _, passages = _ingest(path)
    merged = [p for p in passages if "Agreed." in p.text]
    assert len(merged) == 1
    assert "Councillor Nakamura: Agreed." in merged[0].text
    assert merged[0].speaker == "Councillor Dubois"
    assert merged[0].text.startswith("Councillor Dubois: ")


def test_sentences_naming_members_and_capital_headings_are_not_turns(tmp_path, pdfgen):
    items = [pdfgen.Heading("Motion Re: Waiting Times", 1),
             pdfgen.Speech("Senator Aoife Brennan", (LONG_A, LONG_D)),
             pdfgen.Heading("Whereas: the following", 2),
             pdfgen.Speech("", (LONG_D,))]
    path = tmp_path / "seanad.pdf"
    pdfgen.write_oireachtas(path, date=DAY, items=items)
    _, passages = _ingest(path)
    assert [(p.speaker, p.text[:12]) for p in passages] == [
        ("Senator Aoife Brennan", LONG_A[:12]), (None, LONG_D[:12])]
    assert "Mr. Smith said" in passages[0].text


def test_party_given_once_is_carried_to_later_turns():
    from policylens.ingest.layout import Block
    from policylens.ingest.segment import segment

    blocks = [Block(f"Hon CHRIS TANE (Labour—Te Atatū): {LONG_A}", 1, 0),
              Block(f"MERE PARATA (National—Rangitīkei): {LONG_B}", 1, 0),
              Block(f"Hon CHRIS TANE: {LONG_C}", 2, 0)]
    passages = segment("e" * 16, blocks)
    assert [(p.speaker, p.party) for p in passages] == [
        ("Hon CHRIS TANE", "Labour"), ("MERE PARATA", "National"), ("Hon CHRIS TANE", "Labour")]


@pytest.mark.parametrize("text,speaker", [
    ("Mr. SCHOLTZ. Mr. President, I rise", "Mr. SCHOLTZ"),
    ("Mr. GARCÍA ́ of Texas. Mr. Speaker", "Mr. GARCÍA of Texas"),
    ("Mr. M GOVERN. Mr. Speaker, I yield", "Mr. M. GOVERN"),  # small capitals split
    ("Mr. DANNY K. DAVIS of Illinois. Madam Speaker, I rise", "Mr. DANNY K. DAVIS of Illinois"),
    ("SPEAKER: Order. The question is", "SPEAKER"),
    ("CHAIR (Senator Okafor): Thank you", "Senator Okafor"),
    ("ACTING CHAIR (Senator Okafor): Thank you", "Senator Okafor"),
    ("The ACTING PRESIDENT pro tempore. Without objection", "The ACTING PRESIDENT pro tempore"),
    ("Mr DUNMORE (Fairhaven—Leader of the House) (14:02): The", "Mr DUNMORE"),
    ("His Excellency the President (Mr. Daniel Korir): Mr. Speaker", "Mr. Daniel Korir"),
    ("The Taoiseach: I thank the Senators", "The Taoiseach"),
    ("Nominated Member (Mr. J. Kamau): Thank you", "Mr. J. Kamau"),
    ("Assistant Minister for Finance (Dr. Oloo): Mr. Speaker", "Dr. Oloo"),
    ("Sen. Mwangi: Mr. Temporary Speaker, Sir, I rise", "Sen. Mwangi"),  # Kenya Senate
    ("Senator the Hon Anne Cole: I thank the committee", "Senator the Hon Anne Cole"),
    ("Honourable Members: Hear, hear!", "Honourable Members"),
    ("Sen. (Dr.) Otieno: Thank you, Mr. Speaker", "Sen. (Dr.) Otieno"),
    ("The Temporary Speaker (Sen. (Prof.) Wanjiru): Proceed.", "Sen. (Prof.) Wanjiru"),
    ("QUESTION PERIOD Councillor Dubois: Thank you", None),  # a heading run in: see below
])
def test_labels_in_text(text, speaker):
    found = match_speaker(text)
    assert (found[0].speaker if found else None) == speaker


@pytest.mark.parametrize("text", [
    "Mr. Smith said the waiting list had doubled.",
    "Mr. SMITH said the waiting list had doubled.",
    "MOTION RE: WAITING TIMES",
    "NOTE: figures are provisional.",
    "The NHS. It is the largest employer.",
    "I have received notice from Senator Aoife Brennan of the following matter:",
    "Deputy Director of Finance and Estates: Jane Doe",
    "The need for the Minister for Health to ensure (a): the following",
    "Speaker: Read a letter appointing a Speaker pro tempore. Page H591",
    "President: signed the following bills.",
    "Sen. Mwangi said the county had no oncologist.",
])
def test_ordinary_text_is_not_a_label(text):
    assert match_speaker(text) is None


@pytest.mark.parametrize("lead", ["QUESTION PERIOD", "ADJOURNMENT",
                                  "CONSIDERATION OF BY-LAWS – 2ND AND 3RD READING"])
def test_heading_run_into_a_label_is_split(lead):
    from policylens.ingest.layout import Block
    from policylens.ingest.segment import segment

    passages = segment("f" * 16, [Block(f"{lead} Councillor Dubois: {LONG_A}", 1, 0)])
    assert [(p.speaker, p.heading) for p in passages] == [("Councillor Dubois", lead)]
    assert passages[0].text.startswith("The committee")


@pytest.mark.parametrize("text", ["I Mr. Smith: no", "THE HOUSE Mr. Speaker said: no",
                                  "NHS England: the board"])
def test_capitals_before_ordinary_text_are_not_split(text):
    from policylens.ingest.speakers import split_heading_label

    assert split_heading_label(text) is None


def test_one_spelling_per_member():
    assert normalise_name("Hon. A.B Duale") == normalise_name("Hon. A. B. Duale") == (
        "Hon. A. B. Duale")
    assert normalise_name("Hon.Chepkong'a") == "Hon. Chepkong'a"


def test_speakers_through_the_cli(tmp_path, pdfgen):
    labels, expected = STYLES["lok_sabha"]
    folder = tmp_path / "pdfs"
    folder.mkdir()
    pdfgen.write_lok_sabha(folder / "debate.pdf", date=DAY, items=_speeches(pdfgen, labels))
    db = tmp_path / "store.db"
    result = CliRunner().invoke(cli, ["--db", str(db), "-q", "ingest", str(folder)])
    assert result.exit_code == 0, result.output
    out = tmp_path / "passages.jsonl"
    result = CliRunner().invoke(cli, ["--db", str(db), "export", "passages", "--format",
                                      "jsonl", "-o", str(out)])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r["speaker"] for r in rows] == expected


REAL = SHARED / "realpdfs"


@pytest.mark.skipif(not REAL.is_dir(), reason="../shared/realpdfs is not present")
@pytest.mark.parametrize("name", ["wild/ie_oireachtas_2021-11-18.pdf",
                                  "hansard/ke_Hansard_Report_-_Thursday_1st_December_2016_P.pdf",
                                  "hansard/wpg_2013-01-30_regular.pdf"])
def test_real_transcripts_have_speakers_on_most_passages(name):
    path = REAL / name
    if not path.exists():
        pytest.skip(f"{name} is not present")
    doc, passages = _ingest(path)
    assert doc.kind == "parliamentary"
    share = sum(1 for p in passages if p.speaker) / len(passages)
    assert share >= 0.8


def test_a_page_head_kept_as_a_heading_does_not_end_a_speech():
    from policylens.ingest.layout import Block
    from policylens.ingest.segment import segment

    blocks = [Block("PROTECTING RURAL CLINICS", 1, 0, heading=True),
              Block(f"Mr. HARLOW. Mr. President, {LONG_A}", 1, 0)]
    for page in (2, 3, 4):
        blocks += [Block(f"March 9, 2022 CONGRESSIONAL RECORD — SENATE S{410 + page}", page, 0,
                         heading=True), Block(LONG_B if page % 2 else LONG_C, page, 0)]
    blocks += [Block("RURAL BROADBAND", 5, 0, heading=True), Block(LONG_A, 5, 0)]
    passages = segment("a" * 16, blocks)
    assert [(p.speaker, p.heading) for p in passages] == [
        ("Mr. HARLOW", "PROTECTING RURAL CLINICS"), (None, "RURAL BROADBAND")]
    assert LONG_B in passages[0].text and LONG_C in passages[0].text
    assert "CONGRESSIONAL RECORD" not in passages[0].text


@pytest.mark.parametrize("text,speaker,party", [
    ("Lord Pennant (Con): My Lords, the Minister", "Lord Pennant", "Con"),
    ("Baroness Hale of Ribblesdale (Lab): My Lords", "Baroness Hale of Ribblesdale", "Lab"),
    ("The Earl of Wessington (CB): My Lords", "The Earl of Wessington", "CB"),
    ("Dr ANNA TE HURA (Green—Wellington Central): Kia ora", "Dr ANNA TE HURA", "Green"),
    ("CHRIS TANE (Labour—Te Atatū): Yes", "CHRIS TANE", "Labour"),
    ("Mr. Luc Ferland (Saint-Jérôme, NDP): Mr. Speaker", "Mr. Luc Ferland", "NDP"),
    ("Hon. Mary Tran (Minister of Health, Lib.): Mr. Speaker", "Hon. Mary Tran", "Lib."),
    ("The Minister for Health (Helen Carver): The", "Helen Carver", None),
])
def test_parties_where_the_text_gives_them(text, speaker, party):
    turn, _ = match_speaker(text)
    assert (turn.speaker, turn.party) == (speaker, party)


def test_a_label_in_another_script_ends_the_previous_turn():
    from policylens.ingest.layout import Block
    from policylens.ingest.segment import segment

    hindi = ("माननीय सभापति : धन्यवाद। अब सदन अगले विषय पर चर्चा करेगा और सभी सदस्य अपनी बात "
             "संक्षेप में रखेंगे ताकि समय पर कार्यवाही पूरी हो सके। " * 3)
    blocks = [Block(f"SHRI RAVI KUMAR MENON (KOZHIKODE): {LONG_A}", 1, 0),
              Block(hindi.strip(), 1, 0),
              Block(f"ගරු මන්ත්රී (The Hon. Nimal Perera): {LONG_B}", 2, 0)]
    passages = segment("b" * 16, blocks)
    # The Hindi turn is no longer given to the Member before it; its name, which such PDFs
    # often garble, is not recorded, and its label stays in the text.
    assert [p.speaker for p in passages] == ["SHRI RAVI KUMAR MENON", None, "The Hon. Nimal Perera"]
    assert passages[1].text.startswith("माननीय सभापति :")


def test_a_note_in_larger_type_and_a_large_stop_do_not_end_a_speech(tmp_path, pdfgen):
    # A sentence set larger than the text at a page's foot (what a typeface means), and a stop
    # in a large font, look like headings by their size; a heading would end the speech.
    path = tmp_path / "note.pdf"
    topics = ("waiting lists", "ambulance crews", "hospital beds", "care homes", "dentistry",
              "mental health", "pharmacy", "maternity units", "cancer screening", "social care")
    places = ("the north", "rural areas", "the cities", "coastal towns", "the islands")
    speech = [f"The House should hear that {topic} in {place} need funding now."
              for topic in topics for place in places][:30]
    note = ("Matter set in this larger type is a note on how the record is printed and is "
            "not spoken by any Member.")
    page1 = [pdfgen.Placed(72, 100, "Mr Alan Whitby (Carlisle North) (Lab): I rise to speak.")]
    page1 += [pdfgen.Placed(72, 114 + 14 * i, line) for i, line in enumerate(speech[:20])]
    page1 += [pdfgen.Placed(72, 420, ".", 16), pdfgen.Placed(72, 780, note, 12)]
    page2 = [pdfgen.Placed(72, 100 + 14 * i, line) for i, line in enumerate(speech[20:])]
    pdfgen.write_placed(path, [page1, page2])
    _, passages = extract_document(path, sha256_file(path))
    text = " ".join(p.text for p in passages)
    assert note in text  # kept as text, not lost as a heading
    for line in speech:
        (passage,) = [p for p in passages if line in p.text]
        assert passage.speaker == "Mr Alan Whitby", (line, passage.speaker)


def test_a_turn_that_begins_inside_a_paragraph_gets_its_speaker(tmp_path, pdfgen):
    # Short exchanges set as one paragraph: the answer's label follows the question's last
    # sentence on the same line. "Mr. Smith said ..." inside a sentence stays text.
    question = ("SHRI RAVI KUMAR MENON (KOZHIKODE): Sir, " + LONG_A + " Mr. Smith said so. "
                "Will the Minister say when the new hospital will open in my constituency?")
    answer = "SHRIMATI ANITA DESAI: Sir, " + LONG_B
    words = f"{question} {answer}".split()
    lines = [" ".join(words[i:i + 12]) for i in range(0, len(words), 12)]
    pdfgen.write_placed(tmp_path / "exchange.pdf",
                        [[pdfgen.Placed(72, 100 + 14 * i, line) for i, line in enumerate(lines)]])
    _, passages = _ingest(tmp_path / "exchange.pdf")
    assert _speakers(passages) == ["SHRI RAVI KUMAR MENON", "SHRIMATI ANITA DESAI"]
    assert passages[0].text.endswith("in my constituency?")
    assert passages[1].text.startswith("Sir, Our regional manufacturing centres")


def test_headings_in_a_row_are_kept_together(tmp_path, pdfgen):
    # A heading set over two lines, and a subsection's heading under a section's: the first
    # must not be lost when the second follows it with no text between.
    path = tmp_path / "headings.pdf"
    bold = "Times-Bold"
    placed = [pdfgen.Placed(72, 80, "REPORT OF THE", 11, bold),
              pdfgen.Placed(72, 94, "STANDING COMMITTEE ON HEALTH", 11, bold)]
    placed += [pdfgen.Placed(72, 120 + 14 * i, line) for i, line in enumerate(
        pdfgen.fill_column((LONG_A + " " + LONG_B).split(), 450))]
    placed += [pdfgen.Placed(72, 260, "Costs of care", 11, bold),
               pdfgen.Placed(72, 280, "Hospital pharmacy", 11, bold)]
    placed += [pdfgen.Placed(72, 300 + 14 * i, line) for i, line in enumerate(
        pdfgen.fill_column(LONG_C.split(), 450))]
    pdfgen.write_placed(path, [placed])
    _, passages = _ingest(path)
    assert [p.heading for p in passages] == ["REPORT OF THE STANDING COMMITTEE ON HEALTH",
                                             "Costs of care — Hospital pharmacy"]


def test_a_label_after_a_sentence_ended_by_a_danda_opens_a_turn():
    # The Chair calls a Member in Hindi and the Member answers in English, in one paragraph.
    from policylens.ingest.layout import Block
    from policylens.ingest.segment import segment

    block = Block("माननीय सभापति : श्री मेनन जी । SHRI RAVI KUMAR MENON (KOZHIKODE): Sir, "
                  + LONG_A, 1, 0)
    passages = segment("d" * 16, [block])
    assert [p.speaker for p in passages] == ["SHRI RAVI KUMAR MENON"]
    assert passages[0].text.endswith(LONG_A)


CONTENTS_LIST = ("Oral answers to questions on the cost of gene therapies, pages 1 to 14. Papers "
                 "laid on the table, pages 15 to 17. Matters under rule 377 on hospital staffing, "
                 "pages 18 to 25. Discussion on the supplementary demands for grants for the "
                 "health ministry, pages 26 to 80. Bills introduced, pages 81 to 84.")


def test_a_contents_heading_heads_the_list_not_the_debate_after_it(tmp_path, pdfgen):
    # Lok Sabha sets its contents heading letter-spaced; the debate that follows has no
    # heading of its own that the layout can see.
    items = [pdfgen.Heading("C O N T E N T S", 1),
             pdfgen.Speech("", (CONTENTS_LIST,)),
             pdfgen.Speech("SHRI ANAND KUMAR (NORTH HILLS):", (LONG_A,)),
             pdfgen.Speech("HON. SPEAKER:", (LONG_B,))]
    path = tmp_path / "lok-sabha.pdf"
    pdfgen.write_lok_sabha(path, date=DAY, items=items)
    _doc, passages = _ingest(path)
    listed = [p for p in passages if "Oral answers" in p.text]
    spoken = [p for p in passages if p.speaker]
    assert listed and all(p.heading.endswith("— CONTENTS") and not p.speaker for p in listed)
    assert {p.speaker for p in spoken} == {"SHRI ANAND KUMAR", "HON. SPEAKER"}
    # The title above the contents still heads the debate; the contents heading does not.
    assert {p.heading for p in spoken} == {listed[0].heading.removesuffix(" — CONTENTS")}


@pytest.mark.parametrize("text,closed", [
    ("C O N T E N T S", "CONTENTS"),
    ("S U B J E C T P A G E S", "SUBJECTPAGES"),
    ("ANNEX A B C", "ANNEX A B C"),        # three letters: initials, not letter spacing
    ("Part I: Costs", "Part I: Costs"),
])
def test_letter_spaced_capitals_are_closed_up(text, closed):
    from policylens.ingest.segment import unspace_letters

    assert unspace_letters(text) == closed


SECTION_ONE = ("This Act may be cited as the Gene Therapy Access Act of 2021. It applies to every "
               "State plan under title XIX of the Social Security Act from the first day of the "
               "next fiscal year, and to every contract for a cell or gene therapy entered into "
               "by a State agency on or after that day, whatever the date of its first dose.")
SECTION_TWO = ("There is appropriated to the Secretary for fiscal year 2021, out of any money in "
               "the Treasury not otherwise appropriated, the sum needed to open treatment centres "
               "in every region, to remain available until expended, for cell and gene therapies "
               "and for the training of the staff who prepare, give and follow up those treatments.")
INTRODUCTION = ("Pursuant to House Resolution 8, the amendment in the nature of a substitute "
                "recommended by the Committee on Energy and Commerce, printed in the bill, is "
                "adopted, and the bill, as amended, is considered read. The text of the bill, "
                "as amended, is as follows:")
RECESS_TEXT = ("Accordingly, at 4 o'clock and 12 minutes p.m., the House stood in recess subject "
               "to the call of the Chair, and the Members left the chamber for the evening, the "
               "Clerk having noted that the votes postponed earlier in the day would be taken "
               "when the House next met, in the order in which the motions were entertained.")


def test_a_text_printed_within_a_turn_keeps_its_speaker_through_its_headings(tmp_path, pdfgen):
    # The Record prints a bill's text inside the turn that introduced it; its section headings
    # are the bill's, not a new item of business. The next label ends it.
    items = [pdfgen.Heading("GENE THERAPY ACCESS ACT", 1),
             pdfgen.Speech("The SPEAKER pro tempore", (INTRODUCTION,)),
             pdfgen.Heading("SEC. 1. SHORT TITLE", 2),
             pdfgen.Speech("", (SECTION_ONE,)),
             pdfgen.Heading("SEC. 2. FUNDING FOR TREATMENT CENTRES", 2),
             pdfgen.Speech("", (SECTION_TWO,)),
             pdfgen.Speech("Mr. PALMER", (LONG_A + " " + LONG_B,)),
             pdfgen.Heading("RECESS", 1),
             pdfgen.Speech("", (RECESS_TEXT,))]
    path = tmp_path / "record.pdf"
    pdfgen.write_congressional_record(path, date=DAY, items=items)
    _doc, passages = _ingest(path)
    by_text = {key: [p for p in passages if key in p.text]
               for key in (SECTION_ONE[:40], SECTION_TWO[:40], LONG_A[:40], RECESS_TEXT[:40])}
    assert all(by_text.values()), [p.text[:60] for p in passages]
    for key in (SECTION_ONE[:40], SECTION_TWO[:40]):
        assert {p.speaker for p in by_text[key]} == {"The SPEAKER pro tempore"}
    assert any("SEC. 2." in (p.heading or "") for p in by_text[SECTION_TWO[:40]])
    assert {p.speaker for p in by_text[LONG_A[:40]]} == {"Mr. PALMER"}
    # A heading after an ordinary speech still ends the turn.
    assert {p.speaker for p in by_text[RECESS_TEXT[:40]]} == {None}


# Entries of bills introduced, as the Congressional Record lists them: each opens with the
# Member who brought the bill in; the brackets name the co-sponsors.
BILL_ENTRIES = (
    ("Mr. HARLOW", (
        "By Mr. HARLOW (for himself, Ms. VAN DORN, Mr. McCANN, and Mrs. OKAFOR of Ohio): "
        "H.R. 2040. A bill to fund regional centres that prepare cell and gene therapies, to "
        "train the technicians who run them, and for other purposes; to the Committee on "
        "Energy and Commerce, and in addition to the Committee on Ways and Means.")),
    ("Mrs. OKAFOR of Ohio", (
        "By Mrs. OKAFOR of Ohio: H.R. 2041. A bill to require the Secretary of Health and "
        "Human Services to publish, each year, what families pay to travel to specialist "
        "centres for rare conditions, and for other purposes; to the Committee on Energy and "
        "Commerce.")),
    ("Ms. VAN DORN", (
        "By Ms. VAN DORN (for herself and Mr. HARLOW): H. Res. 310. A resolution recognising "
        "the work of hospital pharmacists during the pandemic and the training places that the "
        "apprenticeship levy funds each year; to the Committee on Education and Labor.")),
)


def test_entries_of_bills_introduced_are_their_members_turns(tmp_path, pdfgen):
    # The entries follow a speech; each belongs to the Member it names, not to the speaker
    # before them, and keeps its co-sponsors in the text.
    items = [pdfgen.Heading("PUBLIC BILLS AND RESOLUTIONS", 1),
             pdfgen.Speech("Mr. PALMER", (LONG_A + " " + LONG_B,))]
    items += [pdfgen.Speech("", (entry,)) for _, entry in BILL_ENTRIES]
    path = tmp_path / "record.pdf"
    pdfgen.write_congressional_record(path, date=DAY, items=items)
    _doc, passages = _ingest(path)
    assert {p.speaker for p in passages if LONG_A[:40] in p.text} == {"Mr. PALMER"}
    for speaker, entry in BILL_ENTRIES:
        number = entry.split(": ", 1)[1][:12]  # "H.R. 2040. A"
        holding = [p for p in passages if number in p.text]
        assert len(holding) == 1, [p.text[:80] for p in passages]
        # A passage holding several entries says whose each one is, once.
        assert holding[0].text.count(f"By {speaker}") == 1
        assert f"{speaker}: By" not in holding[0].text
    assert "Mr. McCANN, and Mrs. OKAFOR" in "\n".join(p.text for p in passages)
    # Each entry is under 40 words: they share passages, each under its largest entry's name.
    assert {p.speaker for p in passages if "H.R. 2040" in p.text} == {"Mr. HARLOW"}


@pytest.mark.parametrize("text, speaker", [
    ("By Mr. HARLOW (for himself and Ms. VAN DORN): H.R. 2040. A bill", "Mr. HARLOW"),
    ("By Mrs. OKAFOR of Ohio: H.R. 2041. A bill", "Mrs. OKAFOR of Ohio"),
    ("By Ms. VAN DORN (for herself, Mr. HARLOW, Mr.", "Ms. VAN DORN"),  # runs on, next column
    ("By Mr. McCANN (for him-", "Mr. McCANN"),
    ("By Mr. HARLOW (by request): H.R. 2042.", "Mr. HARLOW"),
    ("By Mr. HARLOW (Ohio): H.R. 2042.", None),
    ("By Mr. Harlow: a bill was introduced.", None),
    ("By the Committee on Rules: H. Res. 166.", None),
    ("By Mr. HARLOW said the bill would pass.", None),
])
def test_a_bill_entry_names_its_member(text, speaker):
    found = match_speaker(text)
    assert (found[0].speaker if found else None) == speaker
    if found:
        assert found[1] == text  # the entry stays whole: its brackets name the co-sponsors


COMMUNICATIONS_TEXT = ("Under clause 2 of rule XIV, executive communications were taken from the "
                       "Speaker's table and referred to the committees named, among them a report "
                       "from the Secretary of Health and Human Services on the waiting times for "
                       "specialist paediatric services in every region over the past three years.")
LETTER_TEXT = ("On behalf of the families we represent, we write to support the amendment that "
               "would fund travel to specialist centres. Many of our members drive hundreds of "
               "miles for each appointment, and the cost falls on them alone; the amendment would "
               "end that, and we hope the House will adopt it without delay.")


def _record(tmp_path, pdfgen, items):
    path = tmp_path / "record.pdf"
    pdfgen.write_congressional_record(path, date=DAY, items=items)
    return _ingest(path)[1]


def _speaker_of(passages, text):
    holding = [p for p in passages if text[:40] in p.text]
    assert holding, [p.text[:60] for p in passages]
    return {p.speaker for p in holding}


def test_a_heading_in_roman_capitals_ends_the_turn(tmp_path, pdfgen):
    # The Record sets its section headings in roman capitals; the list under one is the
    # record's, not the speech of the Member who spoke before it.
    passages = _record(tmp_path, pdfgen, [
        pdfgen.Heading("GENE THERAPY ACCESS", 1),
        pdfgen.Speech("Mr. PALMER", (LONG_A, LONG_B)),
        pdfgen.Heading("EXECUTIVE COMMUNICATIONS, ETC.", 3),
        pdfgen.Speech("", (COMMUNICATIONS_TEXT,))])
    assert _speaker_of(passages, LONG_A) == {"Mr. PALMER"}
    assert _speaker_of(passages, COMMUNICATIONS_TEXT) == {None}
    # The heading stays in the text, at the head of what follows, not in the speech.
    assert "EXECUTIVE COMMUNICATIONS, ETC.\n\n" + COMMUNICATIONS_TEXT[:40] in "\n\n".join(
        p.text for p in passages)
    assert {p.speaker for p in passages if "EXECUTIVE COMMUNICATIONS" in p.text} == {None}


def test_a_speaker_who_goes_on_after_a_heading_in_capitals_keeps_the_turn(tmp_path, pdfgen):
    # A Speaker's communications, each under its heading, all under one label.
    path = tmp_path / "kenya.pdf"
    pdfgen.write_kenya_hansard(path, date=DAY, items=[
        pdfgen.Heading("Communication from the Chair", 1),
        pdfgen.Speech("Hon. Speaker", (LONG_A,)),
        pdfgen.Heading("Visiting delegation from the Regional Health Board", 3),
        pdfgen.Speech("", ("Hon. Members, " + LONG_B,)),
        pdfgen.Heading("Petitions", 3),
        pdfgen.Speech("", (LONG_C,))])
    passages = _ingest(path)[1]
    assert _speaker_of(passages, LONG_A) == {"Hon. Speaker"}
    assert _speaker_of(passages, "Hon. Members, " + LONG_B) == {"Hon. Speaker"}
    assert _speaker_of(passages, LONG_C) == {None}


def test_a_document_a_member_includes_in_the_record_stays_in_the_turn(tmp_path, pdfgen):
    # Printed at the Member's request: its letterhead in capitals does not end the turn, nor do
    # the capitals of a bill printed "as follows:".
    passages = _record(tmp_path, pdfgen, [
        pdfgen.Heading("GENE THERAPY ACCESS", 1),
        pdfgen.Speech("Mr. PALMER", (LONG_A + " I include in the RECORD a letter from the "
                                     "families' association in support of the amendment.",)),
        pdfgen.Heading("FAMILIES FOR SPECIALIST CARE", 3),
        pdfgen.Speech("", (LETTER_TEXT,)),
        pdfgen.Speech("Ms. VAN DORN", (LONG_B + " " + INTRODUCTION,)),
        pdfgen.Heading("TREATMENT CENTRES", 3),
        pdfgen.Speech("", (SECTION_TWO,))])
    assert _speaker_of(passages, LETTER_TEXT) == {"Mr. PALMER"}
    assert _speaker_of(passages, SECTION_TWO) == {"Ms. VAN DORN"}


def test_a_statement_not_delivered_and_a_resolution_submitted_are_their_members(tmp_path,
                                                                                pdfgen):
    # "∑ Mr. DOE." marks a statement not spoken on the floor; "Mr. DOE (for himself ...)
    # submitted the following resolution" prints the Member's resolution.
    resolution = ("Whereas the families of children with rare conditions travel hundreds of miles "
                  "to reach a specialist centre: Now, therefore, be it Resolved, That the Senate "
                  "supports a fund for the cost of that travel and asks the Secretary to report "
                  "each year on what families pay.")
    passages = _record(tmp_path, pdfgen, [
        pdfgen.Heading("ADDITIONAL STATEMENTS", 1),
        pdfgen.Heading("TRIBUTE TO THE REGIONAL THERAPY CENTRE", 2),
        pdfgen.Speech("", ("∑ Mr. HARLOW. " + LONG_A,)),
        pdfgen.Heading("SUBMITTED RESOLUTIONS", 1),
        pdfgen.Speech("", (("Mr. McCANN (for himself and Ms. VAN DORN) submitted the "
                            "following resolution; which was referred to the Committee on "
                            "Finance:"), resolution))])
    assert _speaker_of(passages, LONG_A) == {"Mr. HARLOW"}
    assert _speaker_of(passages, resolution) == {"Mr. McCANN"}
    assert "for himself and Ms. VAN DORN" in " ".join(p.text for p in passages)


@pytest.mark.parametrize("text, heading", [
    ("EXECUTIVE COMMUNICATIONS, ETC.", True),
    ("ADDITIONAL SPONSORS", True),
    ("AMENDMENT NO. 1 OFFERED BY MS. BARRAGÁN", True),
    ("OBITUARY REFERENCES", True),
    ("G-20", False),  # a figure's label, not a heading
    ("MSP MSP", False),
    ("NAYS—218", False),
    ("(APPLAUSE)", False),
    ("HON. SPEAKER:", False),
    ("''(2) REFUNDABILITY OF EXCESS CREDIT.—", False),
    ("The House met at 2.30 p.m.", False),
    ("माननीय अध्यक्ष", False),
])
def test_headings_in_capitals(text, heading):
    from policylens.ingest.segment import is_caps_heading

    assert is_caps_heading(text) is heading
