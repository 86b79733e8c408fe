"""Damaged files: every page that can still be read is kept, and the document is partial."""

from __future__ import annotations

import re
import sqlite3

import pytest
from click.testing import CliRunner

import badpdfs
from policylens.cli import cli
from policylens.ingest import extract_document, sha256_file
from policylens.records import Document
from policylens.store import open_store

ENGINES = ("pdfium", "pdfplumber")
N_PAGES = 6


def pages_of(word: str) -> list[list[str]]:
    return [[f"{word} page {p} line {i}: the committee heard evidence on gene therapy costs."
             for i in range(24)] for p in range(1, N_PAGES + 1)]


def pages_found(passages, word: str) -> set[int]:
    text = " ".join(p.text for p in passages)
    return {int(n) for n in re.findall(rf"\b{word} page (\d+) line", text)}


@pytest.fixture
def whole(tmp_path, pdfgen):
    path = tmp_path / "whole.pdf"
    pdfgen.write_pages(path, pages_of("alpha"))
    return path


@pytest.mark.parametrize("engine", ENGINES)
def test_a_file_cut_short_keeps_the_pages_before_the_cut(tmp_path, whole, engine):
    # Each page's content is one stream, in page order: cut halfway through page 4's.
    cut = badpdfs.cut_inside_stream(whole, tmp_path / "cut.pdf", 3)
    doc, passages = extract_document(cut, sha256_file(cut), engine=engine)
    assert pages_found(passages, "alpha") == {1, 2, 3}
    assert doc.partial
    assert [(d.page, d.reason) for d in doc.dropped] == [(4, "damaged"), (5, "damaged"),
                                                          (6, "damaged")]
    assert "cut short" in doc.notes


@pytest.mark.parametrize("engine", ENGINES)
def test_spliced_halves_keep_the_pages_whose_objects_survive(tmp_path, pdfgen, whole, engine):
    other = tmp_path / "other.pdf"
    pdfgen.write_pages(other, pages_of("beta"))
    spliced = badpdfs.splice_halves(whole, other, tmp_path / "spliced.pdf")
    doc, passages = extract_document(spliced, sha256_file(spliced), engine=engine)
    # Page 1's content sits wholly in the first file's half and pages 3-6's in the second's;
    # page 2's straddles the join (a reader may get some of it from either file).
    assert pages_found(passages, "alpha") - {2} == {1}
    assert pages_found(passages, "beta") - {2} == {3, 4, 5, 6}
    assert doc.n_pages == N_PAGES


def test_the_batch_goes_on_and_a_rerun_reads_nothing_again(tmp_path, pdfgen, whole):
    folder = tmp_path / "in"
    folder.mkdir()
    badpdfs.cut_inside_stream(whole, folder / "cut.pdf", 2)
    badpdfs.cut_inside_stream(whole, folder / "no-page-left.pdf", 0)
    pdfgen.write_pages(folder / "good.pdf", pages_of("gamma"))
    db = tmp_path / "s.db"
    runner = CliRunner()
    result = runner.invoke(cli, ["--db", str(db), "ingest", str(folder), "--workers", "1"])
    assert result.exit_code == 0, result.output
    assert "2 added" in result.output and "1 failed" in result.output
    with open_store(db) as store:
        docs = {r["path"].rsplit("/", 1)[-1]: dict(r) for r in store.iter_documents()}
        failures = {r["path"].rsplit("/", 1)[-1]: r["reason"] for r in store.iter_failures()}
        dropped = store.dropped_pages()
    assert docs["cut.pdf"]["partial"] == 1 and docs["good.pdf"]["partial"] == 0
    assert [r["page"] for r in dropped[docs["cut.pdf"]["doc_id"]]] == [3, 4, 5, 6]
    assert failures == {"no-page-left.pdf": "corrupt"}

    status = runner.invoke(cli, ["--db", str(db), "status"])
    assert "1 partial (damaged) documents" in status.output
    assert "cut.pdf: pages 3-6 (damaged)" in status.output

    again = runner.invoke(cli, ["--db", str(db), "ingest", str(folder), "--workers", "1"])
    assert again.exit_code == 0, again.output
    assert "0 added" in again.output and "2 unchanged" in again.output \
        and "1 failed before" in again.output


def test_a_store_made_before_partial_documents_is_migrated(tmp_path):
    db = tmp_path / "old.db"
    with open_store(db, create=True) as store:
        store.add_document(Document("d1", "a" * 64, "/x/old.pdf", "Old", "2020-01-01", "text",
                                    "other", 1, pages=("text",)), [])
    # The shape of a store written before: no partial column, no dropped_pages table.
    conn = sqlite3.connect(db)
    conn.execute("ALTER TABLE documents DROP COLUMN partial")
    conn.execute("DROP TABLE dropped_pages")
    conn.commit()
    conn.close()
    with open_store(db) as store:
        (row,) = list(store.iter_documents())
        assert row["partial"] == 0 and row["title"] == "Old"
        assert store.dropped_pages() == {}
        store.add_document(Document("d2", "b" * 64, "/x/new.pdf", "New", None, None, "other", 2,
                                    partial=True, pages=("a", "b")), [])
    with open_store(db) as store:
        assert {r["title"]: r["partial"] for r in store.iter_documents()} == {"Old": 0, "New": 1}
