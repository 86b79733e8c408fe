"""Ingest through the CLI and the library, on PDFs the tests build."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re

import pytest
from click.testing import CliRunner

import badpdfs
from conftest import SPEECH_A, SPEECH_B, SPEECH_C, hansard_items, make_batch
from policylens.cli import cli
from policylens.ingest import extract_document, ingest_paths, sha256_file
from policylens.store import Store, open_store


def run(*args: str):
    result = CliRunner().invoke(cli, [str(a) for a in args])
    return result


def words(text: str) -> list[str]:
    return re.findall(r"[\w£'.,:;?-]+", text.replace("\n", " "))


def passages_of(db):
    with open_store(db) as store:
        return [dict(r) for r in store.iter_passages()]


def test_two_column_reading_order_and_speakers(tmp_path, hansard_pdf):
    db = tmp_path / "s.db"
    result = run("--db", db, "ingest", hansard_pdf, "--workers", "0")
    assert result.exit_code == 0, result.output
    rows = passages_of(db)
    text = "\n\n".join(r["text"] for r in rows)
    # Every speech comes through whole and in order: columns are read left then right.
    for paragraph in SPEECH_A + SPEECH_B + SPEECH_C:
        assert paragraph in text.replace("\n\n", " ") or paragraph in text, paragraph[:60]
    flat = " ".join(text.split())
    first_a = flat.index(SPEECH_A[0][:40])
    first_b = flat.index(SPEECH_B[0][:40])
    first_c = flat.index(SPEECH_C[0][:40])
    assert first_a < first_b < first_c
    speakers = {(r["speaker"], r["party"]) for r in rows}
    assert ("Mr Alan Whitby", "Lab") in speakers
    assert ("Helen Carver", None) in speakers
    assert ("Dr Priya Nair", "LD") in speakers
    for r in rows:
        assert not r["text"].startswith(("Mr Alan Whitby", "The Minister")), r["text"][:50]


def test_right_column_written_first_keeps_reading_order(tmp_path, pdfgen):
    path = tmp_path / "reversed.pdf"
    pdfgen.write_hansard(path, date=dt.date(2020, 1, 9), title="Gene Therapy",
                         sitting="Westminster Hall", items=hansard_items(pdfgen),
                         right_column_first=True)
    doc, passages = extract_document(path, sha256_file(path))
    flat = " ".join(" ".join(p.text for p in passages).split())
    assert flat.index(SPEECH_A[1][:50]) < flat.index(SPEECH_B[0][:50]) < flat.index(
        SPEECH_C[0][:50])


def test_headers_footers_and_page_numbers_removed(tmp_path, hansard_pdf, report_pdf):
    for path in (hansard_pdf, report_pdf):
        doc, passages = extract_document(path, sha256_file(path))
        assert doc.n_pages >= 1
        body = "\n".join(doc.pages)
        assert not re.search(r"Column \d+", body), path
        assert not re.search(r"\bPage \d+( of \d+)?\b", body), path
        assert "NHS England\n" not in body.split("Introduction")[-1]


def test_hyphenated_words_are_rejoined(tmp_path, pdfgen):
    long_words = ("Pharmacoeconomic considerations notwithstanding, commissioners "
                  "acknowledged extraordinary administrative responsibilities surrounding "
                  "individualised manufacturing, characterisation and cryopreservation "
                  "requirements for autologous immunotherapies. ") * 6
    path = tmp_path / "hyphen.pdf"
    pdfgen.write_hansard(path, date=dt.date(2018, 2, 1), title="Hyphens",
                         sitting="Westminster Hall", hyphenate=True, title_block=False,
                         items=[pdfgen.Speech(SPEAKER := "Mr Speaker:", (long_words,))])
    assert SPEAKER
    doc, passages = extract_document(path, sha256_file(path))
    got = words(" ".join(p.text for p in passages))
    assert got == words(long_words)


def test_report_paragraphs_headings_and_table(tmp_path, report_pdf):
    doc, passages = extract_document(report_pdf, sha256_file(report_pdf))
    assert doc.date == "2019-06-12" and doc.date_source == "text"
    assert doc.kind == "nhs"
    headings = {p.heading for p in passages}
    assert "Workforce" in headings or "Introduction" in headings
    assert all(p.speaker is None for p in passages)
    assert any("apheresis nurses" in p.text for p in passages)


def test_passage_sizes_and_provenance(tmp_path, pdfgen):
    paragraphs = tuple(" ".join([f"Sentence {i} about gene therapy access and cost."] * 12)
                       for i in range(24))
    path = tmp_path / "long.pdf"
    pdfgen.write_hansard(path, date=dt.date(2022, 7, 7), title="Long speech",
                         sitting="Westminster Hall",
                         items=[pdfgen.Speech("Ms Laura Finch (Stroud) (Con):", paragraphs),
                                pdfgen.Speech("Mr Speaker:", ("Order.",))])
    doc, passages = extract_document(path, sha256_file(path))
    assert len(passages) >= 3
    for p in passages:
        assert 40 <= p.n_words <= 400, p.n_words
        assert 1 <= p.page <= doc.n_pages
    assert [p.seq for p in passages] == list(range(len(passages)))
    assert passages[-1].page > passages[0].page
    assert "Order." in passages[-1].text  # a short turn joins its neighbour, not lost


def test_dates_from_metadata_text_and_pdf(tmp_path, pdfgen, hansard_pdf):
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "a.pdf").write_bytes(hansard_pdf.read_bytes())
    pdfgen.write_pages(folder / "b.pdf", [[badpdfs.TEXT] * 20])
    (folder / "metadata.csv").write_text("file,date,kind,title\nb.pdf,2017-04-03,government,"
                                         "\"Report, with comma\"\n")
    db = tmp_path / "s.db"
    assert run("--db", db, "ingest", folder, "--workers", "0").exit_code == 0
    with open_store(db) as store:
        docs = {r["path"].rsplit("/", 1)[-1]: dict(r) for r in store.iter_documents()}
    assert (docs["a.pdf"]["date"], docs["a.pdf"]["date_source"]) == ("2021-03-04", "text")
    assert docs["a.pdf"]["kind"] == "parliamentary"
    assert (docs["b.pdf"]["date"], docs["b.pdf"]["date_source"]) == ("2017-04-03", "metadata")
    assert docs["b.pdf"]["title"] == "Report, with comma"
    # Without metadata and without a date in the text, the PDF's own metadata is used.
    doc, _ = extract_document(folder / "b.pdf", sha256_file(folder / "b.pdf"))
    assert doc.date_source == "pdf-metadata" and re.match(r"\d{4}-\d{2}-\d{2}$", doc.date)


BAD_CASES = [
    ("zero.pdf", badpdfs.zero_byte, "empty-file"),
    ("page.pdf", badpdfs.html_page, "not-pdf"),
    ("archive.pdf", badpdfs.zip_archive, "not-pdf"),
    ("picture.pdf", badpdfs.png_image, "not-pdf"),
    ("noise.pdf", badpdfs.corrupt_bytes, "corrupt"),
    ("cut.pdf", badpdfs.truncated, "corrupt"),
    ("locked.pdf", badpdfs.encrypted, "encrypted"),
    ("scan.pdf", badpdfs.image_only, "no-text-layer"),
]


@pytest.mark.parametrize("name,build,reason", BAD_CASES, ids=[c[2] + ":" + c[0] for c in BAD_CASES])
def test_bad_input_recorded_and_batch_goes_on(tmp_path, pdfgen, name, build, reason):
    folder = tmp_path / "batch"
    good = make_batch(folder, pdfgen, n=2)
    build(folder / name)
    db = tmp_path / "s.db"
    result = run("--db", db, "ingest", folder, "--workers", "0")
    assert result.exit_code == 0, result.output
    assert f"failed: {folder / name}" in result.output
    with open_store(db) as store:
        status = store.status()
    assert status["documents"] == len(good)
    assert [(f["path"].rsplit("/", 1)[-1], f["reason"]) for f in status["failures"]] == [
        (name, reason)]
    assert "Traceback" not in result.output


def test_truncated_at_several_points(tmp_path, pdfgen):
    for fraction in (0.1, 0.5, 0.9):
        path = badpdfs.truncated(tmp_path / f"cut{fraction}.pdf", fraction)
        with Store(tmp_path / "s.db") as store:
            summary = ingest_paths(store, [path], workers=0)
        # Either readable by repair (stored) or recorded as damaged; never a crash.
        assert summary.added + len(summary.failed) == 1
        if summary.failed:
            assert summary.failed[0][1].reason == "corrupt"


def test_encrypted_with_empty_user_password_is_read(tmp_path):
    path = badpdfs.encrypted(tmp_path / "open.pdf", user_password="")
    doc, passages = extract_document(path, sha256_file(path))
    assert "gene therapy costs" in " ".join(p.text for p in passages)


def test_every_file_failing_exits_1(tmp_path):
    badpdfs.zero_byte(tmp_path / "a.pdf")
    badpdfs.html_page(tmp_path / "b.pdf")
    result = run("--db", tmp_path / "s.db", "ingest", tmp_path, "--workers", "0")
    assert result.exit_code == 1
    assert "no file could be read" in result.output
    assert "the file is empty" in result.output and "an HTML page" in result.output


def test_unchanged_files_are_skipped_and_new_ones_added(tmp_path, pdfgen):
    folder = tmp_path / "batch"
    make_batch(folder, pdfgen, n=2)
    db = tmp_path / "s.db"
    first = run("--db", db, "ingest", folder, "--workers", "2")
    assert first.exit_code == 0, first.output
    assert "2 added" in first.output
    before = passages_of(db)
    make_batch(tmp_path / "more", pdfgen, n=3)
    (folder / "debate-2.pdf").write_bytes((tmp_path / "more" / "debate-2.pdf").read_bytes())
    second = run("--db", db, "ingest", folder, "--workers", "2")
    assert "1 added" in second.output and "2 unchanged" in second.output, second.output
    after = passages_of(db)
    assert after[: len(before)] == before or set(r["passage_id"] for r in before) <= set(
        r["passage_id"] for r in after)
    assert len({r["passage_id"] for r in after}) == len(after)


def test_parallel_and_inline_give_the_same_store(tmp_path, pdfgen):
    folder = tmp_path / "batch"
    make_batch(folder, pdfgen, n=3)
    for workers in ("0", "2"):
        assert run("--db", tmp_path / f"{workers}.db", "ingest", folder, "--workers",
                   workers).exit_code == 0
    assert passages_of(tmp_path / "0.db") == passages_of(tmp_path / "2.db")


def test_export_and_status(tmp_path, hansard_pdf, report_pdf):
    db = tmp_path / "s.db"
    assert run("--db", db, "ingest", hansard_pdf, report_pdf, "--workers", "0").exit_code == 0
    out = run("--db", db, "export", "passages", "--format", "csv")
    assert out.exit_code == 0, out.output
    rows = list(csv.DictReader(io.StringIO(out.stdout)))
    assert list(rows[0]) == ["passage_id", "doc_id", "path", "date", "kind", "title", "page",
                             "seq", "speaker", "party", "heading", "n_words", "text"]
    assert {r["kind"] for r in rows} == {"parliamentary", "nhs"}
    docs = run("--db", db, "export", "documents", "--format", "jsonl")
    records = [json.loads(line) for line in docs.stdout.splitlines()]
    assert sorted(r["date"] for r in records) == ["2019-06-12", "2021-03-04"]
    status = run("--db", db, "status", "--json")
    info = json.loads(status.stdout)
    assert info["documents"] == 2 and info["passages"] == len(rows)
    assert info["date_from"] == "2019-06-12" and info["date_to"] == "2021-03-04"


def test_missing_store_is_a_clear_error(tmp_path):
    result = run("--db", tmp_path / "none.db", "status")
    assert result.exit_code == 1
    assert "no store at" in result.output and "policylens ingest" in result.output
    assert "Traceback" not in result.output


def test_newer_schema_is_refused(tmp_path):
    db = tmp_path / "s.db"
    with Store(db) as store:
        store.conn.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
        store.conn.commit()
    result = run("--db", db, "status")
    assert result.exit_code == 1 and "newer policylens" in result.output


def test_metadata_csv_cannot_escape_its_folder(tmp_path, hansard_pdf):
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "a.pdf").write_bytes(hansard_pdf.read_bytes())
    (folder / "metadata.csv").write_text("file,date\n../../etc/passwd,2020-01-01\n")
    result = run("--db", tmp_path / "s.db", "ingest", folder)
    # The row is reported and skipped; the folder's PDF is still ingested, without its date.
    assert result.exit_code == 0, result.output
    assert "metadata row skipped" in result.output and "points outside" in result.output
    with open_store(tmp_path / "s.db") as store:
        docs = [dict(r) for r in store.iter_documents()]
    assert [d["path"].rsplit("/", 1)[-1] for d in docs] == ["a.pdf"]
    assert docs[0]["date_source"] != "metadata"


def test_bad_metadata_row_is_reported_and_skipped(tmp_path, hansard_pdf, pdfgen):
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "a.pdf").write_bytes(hansard_pdf.read_bytes())
    pdfgen.write_pages(folder / "b.pdf", [[badpdfs.TEXT] * 20])
    pdfgen.write_pages(folder / "c.pdf", [[badpdfs.TEXT] * 21])
    (folder / "metadata.csv").write_text(
        "file,date,kind\na.pdf,04/03/2021,\nb.pdf,2024-07,nhs\nc.pdf,2019,government\n")
    result = run("--db", tmp_path / "s.db", "ingest", folder)
    assert result.exit_code == 0, result.output
    assert "metadata.csv:2: date '04/03/2021' is not an ISO date" in result.output
    with open_store(tmp_path / "s.db") as store:
        docs = {r["path"].rsplit("/", 1)[-1]: dict(r) for r in store.iter_documents()}
    # The bad row is skipped: a.pdf is dated from its text; the others at the precision given.
    assert (docs["a.pdf"]["date"], docs["a.pdf"]["date_source"]) == ("2021-03-04", "text")
    assert (docs["b.pdf"]["date"], docs["b.pdf"]["kind"]) == ("2024-07", "nhs")
    assert (docs["c.pdf"]["date"], docs["c.pdf"]["date_source"]) == ("2019", "metadata")


def test_a_file_changed_in_place_replaces_its_earlier_version(tmp_path, pdfgen):
    folder = tmp_path / "batch"
    make_batch(folder, pdfgen, n=2)
    db = tmp_path / "s.db"
    assert run("--db", db, "ingest", folder, "--workers", "0").exit_code == 0
    pdfgen.write_hansard(folder / "debate-0.pdf", date=dt.date(2024, 1, 2), title="Changed",
                         sitting="Westminster Hall", items=hansard_items(pdfgen, 2))
    result = run("--db", db, "ingest", folder, "--workers", "0")
    assert "1 added" in result.output and "1 unchanged" in result.output, result.output
    with open_store(db) as store:
        docs = [dict(r) for r in store.iter_documents()]
        assert sorted(d["date"] for d in docs) == ["2017-05-11", "2024-01-02"]
        ids = {d["doc_id"] for d in docs}
        assert {r["doc_id"] for r in store.iter_passages()} == ids


def test_an_edited_file_named_another_way_still_replaces_its_earlier_version(
        tmp_path, pdfgen, monkeypatch):
    folder = tmp_path / "batch"
    make_batch(folder, pdfgen, n=1)
    db = tmp_path / "s.db"
    monkeypatch.chdir(tmp_path)
    assert run("--db", db, "ingest", "batch", "--workers", "0").exit_code == 0
    with open(folder / "debate-0.pdf", "ab") as fh:
        fh.write(b"\n% edited\n")
    assert run("--db", db, "ingest", folder, "--workers", "0").exit_code == 0
    with open_store(db) as store:
        docs = [dict(r) for r in store.iter_documents()]
    assert len(docs) == 1 and docs[0]["path"] == str(folder / "debate-0.pdf")


def test_a_folder_without_pdfs_creates_no_store(tmp_path):
    (tmp_path / "empty").mkdir()
    result = run("--db", tmp_path / "new.db", "ingest", tmp_path / "empty")
    assert result.exit_code == 1 and "no PDF files" in result.output
    assert not (tmp_path / "new.db").exists()


def test_a_failed_export_leaves_an_earlier_file_intact(tmp_path, hansard_pdf):
    db = tmp_path / "s.db"
    assert run("--db", db, "ingest", hansard_pdf, "--workers", "0").exit_code == 0
    keep = tmp_path / "keep.csv"
    keep.write_text("earlier export\n")
    result = run("--db", db, "export", "mentions", "-o", keep)  # nothing tagged yet
    assert result.exit_code == 1 and "policylens tag" in result.output
    assert keep.read_text() == "earlier export\n"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("keep")) == ["keep.csv"]


@pytest.mark.slow  # waits out a time limit
def test_inline_time_limit_does_not_reach_into_the_callers_work():
    import time

    from policylens.runner import run_tasks

    got = []
    for key, ok, _ in run_tasks(lambda x: x, [(1, (1,)), (2, (2,))], workers=0, timeout=1):
        time.sleep(1.3)  # slower than the limit, but this is the caller's time, not the task's
        got.append((key, ok))
    assert got == [(1, True), (2, True)]
