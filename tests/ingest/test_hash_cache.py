"""A rerun reads only new and changed files: the store remembers each file's sha256 by its stat."""

from __future__ import annotations

import os
import sqlite3
import time
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

import badpdfs
from policylens.cli import cli
from policylens.ingest import batch, ingest_paths, sha256_file
from policylens.store import SCHEMA_VERSION, Store, open_store

HOUR_NS = 3600 * 10**9

# The schema of the first release (SCHEMA_VERSION 1), frozen here: stores it wrote must keep
# opening, whatever later releases add.
V1_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
    doc_id TEXT PRIMARY KEY, sha256 TEXT NOT NULL UNIQUE, path TEXT NOT NULL,
    title TEXT NOT NULL, date TEXT, date_source TEXT, kind TEXT NOT NULL,
    n_pages INTEGER NOT NULL, engine TEXT NOT NULL, notes TEXT NOT NULL DEFAULT '');
CREATE TABLE IF NOT EXISTS pages (
    doc_id TEXT NOT NULL REFERENCES documents(doc_id), page INTEGER NOT NULL,
    text TEXT NOT NULL, PRIMARY KEY (doc_id, page));
CREATE TABLE IF NOT EXISTS passages (
    passage_id TEXT PRIMARY KEY, doc_id TEXT NOT NULL REFERENCES documents(doc_id),
    page INTEGER NOT NULL, seq INTEGER NOT NULL, speaker TEXT, party TEXT, heading TEXT,
    text TEXT NOT NULL, n_words INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS passages_doc ON passages(doc_id, seq);
CREATE TABLE IF NOT EXISTS failures (
    path TEXT PRIMARY KEY, sha256 TEXT, reason TEXT NOT NULL, detail TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS tagged (
    passage_id TEXT NOT NULL, model_version TEXT NOT NULL,
    PRIMARY KEY (passage_id, model_version));
CREATE TABLE IF NOT EXISTS mentions (
    passage_id TEXT NOT NULL, model_version TEXT NOT NULL, label TEXT NOT NULL,
    start INTEGER NOT NULL, end INTEGER NOT NULL, text TEXT NOT NULL, canonical TEXT,
    amount REAL, currency TEXT, PRIMARY KEY (passage_id, model_version, start, end, label));
CREATE INDEX IF NOT EXISTS mentions_label ON mentions(model_version, label);
CREATE TABLE IF NOT EXISTS artifacts (name TEXT PRIMARY KEY, data TEXT NOT NULL);
INSERT INTO meta(key, value) VALUES ('schema_version', '1');
"""


@pytest.fixture
def reads(monkeypatch) -> Counter[str]:
    """Every file hashed from here on, by path."""
    seen: Counter[str] = Counter()

    def counting(path):
        seen[str(path)] += 1
        return sha256_file(path)

    monkeypatch.setattr(batch, "sha256_file", counting)
    return seen


# os.utime cannot date back a file's ctime, which the racy rule (batch.RACY_WINDOW_NS) checks
# too: the tests shorten the window, and age() waits it out.
SHORT_WINDOW_NS = 400_000_000


@pytest.fixture(autouse=True)
def short_racy_window(monkeypatch) -> None:
    monkeypatch.setattr(batch, "RACY_WINDOW_NS", SHORT_WINDOW_NS)


def age(*files: Path, hours: int = 1) -> None:
    """Date files back, as an archive's are: a file modified just now is not remembered."""
    then = time.time_ns() - hours * HOUR_NS
    for file in files:
        os.utime(file, ns=(then, then))
    time.sleep(SHORT_WINDOW_NS / 1e9)  # and their ctime, which utime set to now


@pytest.fixture
def archive(tmp_path) -> Path:
    folder = tmp_path / "archive"
    folder.mkdir()
    for i in range(3):
        badpdfs.simple_text_pdf(folder / f"doc-{i}.pdf", pages=1, seed=60 + i)
    age(*folder.iterdir())
    return folder


def ingest(db: Path, *args) -> str:
    result = CliRunner().invoke(cli, ["--db", str(db), "ingest", *map(str, args),
                                      "--workers", "0"])
    assert result.exit_code == 0, result.output
    return result.output


def test_a_rerun_through_the_command_reads_no_unchanged_file(tmp_path, archive, reads):
    db = tmp_path / "s.db"
    assert ingest(db, archive).startswith("3 PDF files: 3 added")
    assert sorted(reads) == sorted(str(p) for p in archive.iterdir()) and max(reads.values()) == 1
    reads.clear()
    assert ingest(db, archive).startswith("3 PDF files: 0 added (0 passages), 3 unchanged")
    assert not reads


def test_a_touched_or_edited_file_is_read_again_and_an_edit_replaces_the_old_version(
        tmp_path, archive, reads):
    with open_store(tmp_path / "s.db", create=True) as store:
        assert ingest_paths(store, [archive], workers=0).added == 3
        touched, edited = archive / "doc-0.pdf", archive / "doc-1.pdf"
        age(touched, hours=2)  # same bytes, another mtime
        with open(edited, "ab") as fh:
            fh.write(b"\n% edited\n")
        age(edited)
        reads.clear()
        summary = ingest_paths(store, [archive], workers=0)
        assert sorted(reads) == [str(touched), str(edited)]
        assert (summary.added, summary.unchanged) == (1, 2)
        docs = {r["path"]: r["sha256"] for r in store.iter_documents()}
        assert len(docs) == 3 and docs[str(edited)] == sha256_file(edited)
        reads.clear()
        assert ingest_paths(store, [archive], workers=0).unchanged == 3
        assert not reads


def test_a_file_modified_moments_ago_is_not_remembered(tmp_path, archive, reads):
    fresh = badpdfs.simple_text_pdf(archive / "fresh.pdf", pages=1, seed=70)
    with open_store(tmp_path / "s.db", create=True) as store:
        # Modified just before the run starts, whatever time writing it and opening the store
        # took on a loaded machine (it took over 2 s once in a CI run).
        os.utime(fresh)
        ingest_paths(store, [archive], workers=0)
        reads.clear()
        # Its timestamp may not change if it is written again within the same tick.
        assert ingest_paths(store, [archive], workers=0).unchanged == 4
        assert list(reads) == [str(fresh)]


def test_a_file_made_unreadable_is_reported_as_before(tmp_path, archive, monkeypatch):
    """chmod keeps size and mtime but changes ctime, so the file is read (and refused) again."""
    locked = archive / "doc-2.pdf"
    with open_store(tmp_path / "s.db", create=True) as store:
        ingest_paths(store, [archive], workers=0)
        os.chmod(locked, 0)

        def refusing(path):  # tests may run as root, whom chmod does not stop
            if Path(path) == locked:
                raise PermissionError(13, "Permission denied", str(path))
            return sha256_file(path)

        monkeypatch.setattr(batch, "sha256_file", refusing)
        summary = ingest_paths(store, [archive], workers=0)
        failures = [dict(r) for r in store.iter_failures()]
    assert summary.unchanged == 2 and [p for p, _ in summary.failed] == [str(locked)]
    assert failures == [{"path": str(locked), "sha256": None, "reason": "unreadable",
                         "detail": "cannot read the file: Permission denied"}]


def test_failed_files_are_skipped_without_reading_and_retried_when_asked(tmp_path, archive,
                                                                         reads):
    bad = badpdfs.corrupt_bytes(archive / "bad.pdf")
    age(bad)
    db = tmp_path / "s.db"
    CliRunner().invoke(cli, ["--db", str(db), "ingest", str(archive), "--workers", "0"])
    with open_store(db) as store:
        first = [dict(r) for r in store.iter_failures()]
    assert [f["path"] for f in first] == [str(bad)] and first[0]["sha256"] == sha256_file(bad)
    reads.clear()
    second = ingest(db, archive)
    assert "1 failed before (use --retry-failed)" in second and not reads
    third = CliRunner().invoke(cli, ["--db", str(db), "ingest", str(archive), "--workers", "0",
                                     "--retry-failed"])
    assert third.output.startswith("4 PDF files: 0 added (0 passages), 3 unchanged, 1 failed")
    assert not reads
    with open_store(db) as store:
        assert [dict(r) for r in store.iter_failures()] == first


def v1_store(path: Path) -> Path:
    with sqlite3.connect(path) as conn:
        conn.executescript(V1_SCHEMA)
    conn.close()
    return path


def test_a_store_from_the_first_release_opens_gains_the_cache_and_keeps_its_version(
        tmp_path, archive, reads):
    db = v1_store(tmp_path / "old.db")
    with sqlite3.connect(db) as conn:
        before = dict(conn.execute("SELECT name, sql FROM sqlite_master"))
    conn.close()
    result = CliRunner().invoke(cli, ["--db", str(db), "status", "--json"])
    assert result.exit_code == 0, result.output
    assert ingest(db, archive).startswith("3 PDF files: 3 added")
    reads.clear()
    assert ingest(db, archive).startswith("3 PDF files: 0 added (0 passages), 3 unchanged")
    assert not reads
    with Store(db) as store:
        after = dict(store.conn.execute("SELECT name, sql FROM sqlite_master"))
        version = store.conn.execute(
            "SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0]
    assert version == str(SCHEMA_VERSION) == "1"
    # Tables are only added to, never rebuilt: documents gains its partial column at the end.
    assert after["documents"] == before["documents"].removesuffix(")") + (
        ", partial INTEGER NOT NULL DEFAULT 0)")
    assert {k: after[k] for k in before if k != "documents"} == {
        k: v for k, v in before.items() if k != "documents"}
    assert "file_hashes" in after and "dropped_pages" in after


def test_documents_stored_before_the_cache_existed_are_hashed_once_more(tmp_path, archive,
                                                                          reads):
    db = tmp_path / "s.db"
    ingest(db, archive)
    with sqlite3.connect(db) as conn:  # as the first release left it: documents, no cache
        conn.execute("DROP TABLE file_hashes")
    conn.close()
    reads.clear()
    assert "3 unchanged" in ingest(db, archive) and len(reads) == 3
    reads.clear()
    assert "3 unchanged" in ingest(db, archive) and not reads


def test_a_copy_dated_back_just_now_is_not_remembered_until_its_ctime_is_old(tmp_path,
                                                                           archive, reads):
    """cp -p, rsync -t and tar keep a fresh copy's old mtime; its ctime tells it is fresh."""
    copy = badpdfs.simple_text_pdf(archive / "copied.pdf", pages=1, seed=71)
    then = time.time_ns() - HOUR_NS
    os.utime(copy, ns=(then, then))
    with open_store(tmp_path / "s.db", create=True) as store:
        ingest_paths(store, [archive], workers=0)
        reads.clear()
        assert ingest_paths(store, [archive], workers=0).unchanged == 4
        assert list(reads) == [str(copy)]
        time.sleep(SHORT_WINDOW_NS / 1e9)
        ingest_paths(store, [archive], workers=0)  # remembered once its ctime is old enough
        reads.clear()
        assert ingest_paths(store, [archive], workers=0).unchanged == 4
        assert not reads


def test_a_remembered_hash_is_not_taken_for_another_file_at_the_same_path(tmp_path, archive,
                                                                          reads):
    """Same path, size and times, another inode (a file replaced within one timestamp tick)."""
    doc = archive / "doc-0.pdf"
    info = os.stat(doc)
    with open_store(tmp_path / "s.db", create=True) as store:
        store.cache_hashes([(str(doc), info.st_size, info.st_mtime_ns, info.st_ctime_ns,
                             info.st_ino + 1, "0" * 64)])
        assert ingest_paths(store, [archive], workers=0).added == 3
        assert sorted(reads) == sorted(str(p) for p in archive.iterdir())
        assert {r["path"]: r["sha256"] for r in store.iter_documents()}[str(doc)] == (
            sha256_file(doc))


def test_a_rerun_after_an_interrupted_ingest_reads_only_the_files_not_hashed_before(
        tmp_path, archive, monkeypatch):
    hashed: list[str] = []
    interrupt_after = [2]

    def hashing(path):
        if interrupt_after and len(hashed) == interrupt_after[0]:
            raise KeyboardInterrupt  # Ctrl-C while the third file is read
        hashed.append(str(path))
        return sha256_file(path)

    monkeypatch.setattr(batch, "sha256_file", hashing)
    db = tmp_path / "s.db"
    with open_store(db, create=True) as store, pytest.raises(KeyboardInterrupt):
        ingest_paths(store, [archive], workers=0)
    first = list(hashed)
    interrupt_after.clear()
    hashed.clear()
    with open_store(db) as store:
        assert ingest_paths(store, [archive], workers=0).added == 3
    assert len(first) == 2 and hashed == [str(archive / "doc-2.pdf")]


def test_a_cache_that_cannot_be_written_does_not_hide_why_the_run_stopped(tmp_path, archive,
                                                                         monkeypatch):
    def hashing(path):
        if path.name == "doc-2.pdf":
            raise KeyboardInterrupt
        return sha256_file(path)

    monkeypatch.setattr(batch, "sha256_file", hashing)
    with open_store(tmp_path / "s.db", create=True) as store:
        def failing(rows):
            raise sqlite3.OperationalError("disk I/O error")

        monkeypatch.setattr(store, "cache_hashes", failing)
        with pytest.raises(KeyboardInterrupt):
            ingest_paths(store, [archive], workers=0)
        monkeypatch.setattr(batch, "sha256_file", sha256_file)
        with pytest.raises(sqlite3.OperationalError):  # with nothing else wrong, it is raised
            ingest_paths(store, [archive], workers=0)


def test_a_cache_table_without_inodes_is_made_anew(tmp_path):
    """A store whose file-hash cache predates the inode column opens and caches again."""
    import sqlite3

    from policylens.store import open_store as _open

    db = tmp_path / "s.db"
    with _open(db, create=True):
        pass
    conn = sqlite3.connect(db)
    conn.execute("DROP TABLE file_hashes")
    conn.execute("CREATE TABLE file_hashes (path TEXT PRIMARY KEY, size INTEGER NOT NULL, "
                 "mtime_ns INTEGER NOT NULL, ctime_ns INTEGER NOT NULL, sha256 TEXT NOT NULL)")
    conn.execute("INSERT INTO file_hashes VALUES ('/x.pdf', 1, 2, 3, 'ab')")
    conn.commit()
    conn.close()
    with _open(db) as store:
        assert store.cached_hashes() == {}
        store.cache_hashes([("/y.pdf", 1, 2, 3, 4, "cd")])
        assert store.cached_hashes() == {("/y.pdf", 1, 2, 3, 4): "cd"}
