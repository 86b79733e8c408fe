"""Crashes and interruptions: nothing lost, nothing stored twice, nothing half-written.

`policylens` runs in its own process and is killed (SIGKILL) at seeded random moments, then
rerun; at the end the store must equal one made by a run that was never interrupted. Ctrl-C
(SIGINT) must stop cleanly and say how to resume; two processes on one store must not
corrupt it.
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

import badpdfs
from conftest import make_batch
from policylens import store as store_module
from policylens.cli import cli
from policylens.store import Store, open_store

pytestmark = pytest.mark.slow  # runs killed at random moments, then rerun

SEED = 8
KILLS = 20            # SIGKILLs that land while the command is still running
GROUP_EXIT_SECONDS = 10  # how long workers may take to notice their parent died


@pytest.fixture(scope="module")
def batch(tmp_path_factory, pdfgen) -> Path:
    """Five PDFs: two debates laid out in columns and three plain multi-page papers."""
    folder = tmp_path_factory.mktemp("batch")
    make_batch(folder, pdfgen, n=2)
    for i in range(3):
        badpdfs.simple_text_pdf(folder / f"paper-{i}.pdf", pages=3, seed=i, lines=16)
    return folder


def start(*args) -> subprocess.Popen:
    """Start `policylens ARGS` in its own process group, output to nowhere."""
    return subprocess.Popen([*badpdfs.POLICYLENS, *map(str, args)], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True)


def snapshot(db: Path) -> dict:
    """Everything the store holds about documents, in a form two stores can be compared by."""
    with open_store(db) as store:
        assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        docs = {r["doc_id"]: dict(r) for r in store.iter_documents()}
        passages = [dict(r) for r in store.iter_passages()]
        status = store.status()
        return {
            "documents": docs,
            "pages": {d: store.page_texts(d) for d in docs},
            "passages": passages,
            # Rows not reachable from a document would be half-written leftovers.
            "orphan_passages": store.count_passages() - len(passages),
            "orphan_pages": status["pages"] - sum(len(store.page_texts(d)) for d in docs),
            "failures": [dict(r) for r in store.iter_failures()],
        }


def count_rows(db: Path, table: str) -> int:
    """Rows of a table, read without writing to the store (0 before it exists)."""
    try:
        with contextlib.closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True,
                                                timeout=5)) as conn:
            return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    except sqlite3.Error:
        return 0


def wait_for(predicate, proc: subprocess.Popen, timeout: float = 120) -> bool:
    """Poll until ``predicate()`` or the process ends; True if the predicate came true."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        if proc.poll() is not None:
            return False
        time.sleep(0.02)
    raise AssertionError("timed out waiting for the command")


def check_partial(db: Path, reference: dict) -> int:
    """A store after a kill: each document present is whole; returns how many there are."""
    if not db.exists():
        return 0
    try:
        snap = snapshot(db)
    except Exception as exc:  # noqa: BLE001 - report which store, then fail
        raise AssertionError(f"store unreadable after a kill: {exc}") from exc
    assert snap["orphan_passages"] == 0 and snap["orphan_pages"] == 0
    assert snap["failures"] == []
    for doc_id, doc in snap["documents"].items():
        assert doc == reference["documents"][doc_id]
        assert snap["pages"][doc_id] == reference["pages"][doc_id]
    ids = [p["passage_id"] for p in snap["passages"]]
    assert len(ids) == len(set(ids))
    expected = [p for p in reference["passages"] if p["doc_id"] in snap["documents"]]
    assert snap["passages"] == expected
    return len(snap["documents"])


def slow_engine() -> list[str]:
    """Read with pdfplumber where there is a choice: slower, so a kill has documents to land
    between (what is under test is the store, which is the same for every engine)."""
    from policylens.cli import cli

    names = {p.name for p in cli.commands["ingest"].params}
    return ["--engine", "pdfplumber"] if "engine" in names else []


def ingest_args(db: Path, batch: Path) -> list:
    return ["--db", db, "ingest", batch, "--workers", "1", *slow_engine()]


@pytest.fixture(scope="module")
def reference(batch, tmp_path_factory) -> tuple[dict, tuple[float, float]]:
    """The store from a run never interrupted, and when it stored its first and last document."""
    db = tmp_path_factory.mktemp("reference") / "store.db"
    started = time.monotonic()
    proc = start(*ingest_args(db, batch))
    assert wait_for(lambda: count_rows(db, "documents") > 0, proc, timeout=120)
    first = time.monotonic() - started
    assert proc.wait(timeout=120) == 0
    last = time.monotonic() - started
    snap = snapshot(db)
    assert len(snap["documents"]) == 5 and snap["passages"]
    return snap, (first, last)


def kill(proc: subprocess.Popen, leader_only: bool) -> None:
    """SIGKILL the command (all its processes, or the main one alone) and wait for the end."""
    if leader_only:
        # Workers whose parent died must notice and exit on their own.
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        deadline = time.monotonic() + GROUP_EXIT_SECONDS
        while badpdfs.group_alive(proc.pid) and time.monotonic() < deadline:
            time.sleep(0.05)
        orphaned = badpdfs.group_alive(proc.pid)
        if orphaned:
            os.killpg(proc.pid, signal.SIGKILL)
        assert not orphaned, "a worker outlived its killed parent"
    else:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()


def test_worker_busy_with_a_hostile_file_dies_with_its_parent(tmp_path):
    """A killed run leaves no worker spinning on a file that would never finish."""
    folder = tmp_path / "batch"
    folder.mkdir()
    # pdfminer loops on this file until the time limit (PDFium reads past the loop).
    badpdfs.self_reference(folder / "endless.pdf")
    proc = start(*ingest_args(tmp_path / "s.db", folder), "--timeout", "600")
    try:
        deadline = time.monotonic() + 60
        while len(badpdfs.group_members(proc.pid)) < 2:  # the worker has started
            assert proc.poll() is None and time.monotonic() < deadline
            time.sleep(0.05)
        time.sleep(0.5)  # and is inside the endless file
        kill(proc, leader_only=True)  # asserts the group empties on its own
    finally:
        if badpdfs.group_alive(proc.pid):
            os.killpg(proc.pid, signal.SIGKILL)


def test_sigkill_at_random_moments_then_rerun(batch, reference, tmp_path):
    ref, (first, _) = reference
    n_docs = len(ref["documents"])
    rng = random.Random(SEED)
    interrupted, rounds, partial_sizes = 0, 0, set()
    db = tmp_path / "round-0.db"
    while True:
        proc = start(*ingest_args(db, batch))
        if interrupted < KILLS:
            # A random moment: a quarter of the kills while starting up and hashing, the rest
            # just after a randomly chosen document is stored (however fast this machine is).
            if rng.random() < 0.25:
                landed = not _ended(proc, rng.uniform(0.05, first))
            else:
                target = rng.randint(count_rows(db, "documents"), n_docs)
                landed = wait_for(lambda: count_rows(db, "documents") >= target, proc) and \
                    not _ended(proc, rng.uniform(0, 0.03))
            if landed:
                kill(proc, leader_only=rng.random() < 0.3)
                interrupted += 1
                partial_sizes.add(check_partial(db, ref))
                continue
        assert proc.wait(timeout=120) == 0
        assert snapshot(db) == ref, f"round {rounds} differs from the uninterrupted run"
        if interrupted == KILLS:
            break
        rounds += 1  # this store is complete: start another, so kills keep landing mid-work
        db = tmp_path / f"round-{rounds}.db"
    # The kills landed at several stages of the batch, not all before the first document.
    assert len(partial_sizes - {0, n_docs}) >= 2, partial_sizes


def _ended(proc: subprocess.Popen, seconds: float) -> bool:
    """Wait ``seconds``; True if the process ended meanwhile."""
    try:
        proc.wait(timeout=seconds)
        return True
    except subprocess.TimeoutExpired:
        return False


def test_ctrl_c_stops_cleanly_keeps_work_and_says_how_to_resume(batch, reference, tmp_path):
    ref, _ = reference
    db = tmp_path / "store.db"
    with (tmp_path / "err.txt").open("w+") as err:
        proc = subprocess.Popen(
            [*badpdfs.POLICYLENS, *map(str, ingest_args(db, batch))],
            stdout=subprocess.DEVNULL, stderr=err, start_new_session=True)
        try:
            deadline = time.monotonic() + 60
            while count_rows(db, "documents") < 1:  # wait until a document is stored
                assert proc.poll() is None and time.monotonic() < deadline, "finished too soon"
                time.sleep(0.02)
            os.killpg(proc.pid, signal.SIGINT)  # what Ctrl-C in a terminal sends
            code = proc.wait(timeout=30)
        finally:
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGKILL)
        err.seek(0)
        message = err.read()
    assert code == 130, message
    assert "Traceback" not in message
    assert "Interrupted" in message and "rerun the same command" in message, message
    assert not badpdfs.group_alive(proc.pid)
    kept = check_partial(db, ref)
    assert 1 <= kept < 5
    rerun = badpdfs.run_policylens(*ingest_args(db, batch))
    assert rerun.returncode == 0 and f"{kept} unchanged" in rerun.stderr, rerun.stderr
    assert snapshot(db) == ref


def test_two_processes_on_one_store(batch, reference, tmp_path):
    ref, _ = reference
    db = tmp_path / "store.db"
    args = [*badpdfs.POLICYLENS, *map(str, ingest_args(db, batch))]
    procs = [subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for _ in range(2)]
    results = [(p.wait(timeout=120), p.stderr.read()) for p in procs]
    for p in procs:
        p.stdout.close()
        p.stderr.close()
    # Each either finished (waiting for the other's writes) or stopped with a clear message.
    for code, err in results:
        assert "Traceback" not in err, err
        assert code == 0 or "in use by another policylens process" in err, err
    assert any(code == 0 for code, _ in results)
    assert snapshot(db) == ref
    # A status read while a writer holds the store does not wait for it.
    status = badpdfs.run_policylens("--db", db, "status", "--json")
    assert json.loads(status.stdout)["documents"] == 5


def test_store_locked_past_the_timeout_is_a_clear_error(batch, reference, tmp_path,
                                                        monkeypatch):
    db = tmp_path / "store.db"
    first = next(iter(sorted(batch.glob("*.pdf"))))
    runner = CliRunner()
    assert runner.invoke(cli, ["--db", db, "ingest", str(first), "--workers", "0"]).exit_code == 0
    monkeypatch.setattr(store_module, "BUSY_TIMEOUT_MS", 200)
    holder = sqlite3.connect(db)
    holder.execute("BEGIN IMMEDIATE")  # another process in the middle of a write
    try:
        result = runner.invoke(cli, ["--db", db, "ingest", str(batch), "--workers", "0"])
        reading = runner.invoke(cli, ["--db", db, "status"])
    finally:
        holder.rollback()
        holder.close()
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output and result.exception.__class__ is SystemExit
    error = [ln for ln in result.output.splitlines() if ln.startswith("Error:")]
    assert error and "in use by another policylens process" in error[0], result.output
    assert "Hint: wait for the other command to finish" in result.output
    assert "damaged" not in result.output  # a busy store is not a broken one
    assert reading.exit_code == 0 and "documents    1" in reading.output, reading.output
    # Once the other process is done, the same command does the rest.
    again = runner.invoke(cli, ["--db", db, "ingest", str(batch), "--workers", "0"])
    assert again.exit_code == 0 and "4 added" in again.output, again.output


def test_rerun_after_kill_during_store_creation(batch, reference, tmp_path):
    """A store killed while being created is either usable or refused with a clear message."""
    ref, _ = reference
    rng = random.Random(SEED + 1)
    for i in range(3):
        db = tmp_path / f"new-{i}.db"
        proc = start(*ingest_args(db, batch))
        time.sleep(rng.uniform(0.05, 0.4))
        kill(proc, leader_only=False)
        result = badpdfs.run_policylens(*ingest_args(db, batch))
        assert result.returncode == 0, result.stderr
        assert snapshot(db) == ref
    shutil.rmtree(tmp_path, ignore_errors=True)


# -- tag and run -------------------------------------------------------------------------------
TAG_KILLS = 5
RUN_KILLS = 3


def tagging_state(db: Path) -> tuple[set[str], list[tuple]]:
    """(passages marked tagged, their mentions) after checking nothing is half-written."""
    with open_store(db) as store:
        conn = store.conn
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        tagged = [r[0] for r in conn.execute("SELECT passage_id FROM tagged")]
        assert len(tagged) == len(set(tagged)), "a passage tagged twice"
        # Mentions of a passage not marked tagged would be a batch written by half.
        stray = conn.execute("SELECT count(*) FROM mentions m WHERE NOT EXISTS (SELECT 1 FROM "
                             "tagged t WHERE t.passage_id = m.passage_id AND "
                             "t.model_version = m.model_version)").fetchone()[0]
        assert stray == 0, f"{stray} mentions of passages not marked tagged"
        mentions = sorted(tuple(r) for r in conn.execute(
            "SELECT passage_id, model_version, label, start, end, text, canonical, amount, "
            "currency FROM mentions"))
    assert len(mentions) == len(set(mentions))
    return set(tagged), mentions


def count_tagged(db: Path) -> int:
    """Passages marked tagged, read without writing (0 while the store is being created)."""
    return count_rows(db, "tagged")


@pytest.fixture(scope="module")
def untagged(tmp_path_factory) -> Path:
    """A store of 600 passages about therapies, costs, regulation and staff, none tagged.

    Written through the library: what is under test is tagging, and PDFs would only slow it.
    """
    from planted import add_planted_documents, planted_texts, shifting_proportions

    db = tmp_path_factory.mktemp("untagged") / "store.db"
    with Store(db) as store:
        texts = planted_texts(shifting_proportions(3, 4), 200, seed=SEED)
        add_planted_documents(store, texts, 2018, 2)
        assert store.count_passages() == 600
    return db


def test_sigkill_while_tagging_then_rerun(untagged, tmp_path):
    # The uninterrupted run: every passage tagged once, with these mentions.
    whole = tmp_path / "whole.db"
    shutil.copy(untagged, whole)
    tag = ("tag", "--batch-size", "4", "--workers", "0")
    result = badpdfs.run_policylens("--db", whole, *tag)
    assert result.returncode == 0, result.stderr
    ref_tagged, ref_mentions = tagging_state(whole)
    with open_store(whole) as store:
        assert ref_tagged == {p["passage_id"] for p in store.iter_passages()}
    assert ref_mentions

    db = tmp_path / "killed.db"
    shutil.copy(untagged, db)
    rng = random.Random(SEED)
    kills, seen = 0, set()
    while kills < TAG_KILLS:
        proc = start("--db", db, *tag)
        # Kill at a random point of the tagging (loading the pipeline comes first and is not
        # what is under test): once a random number more passages are saved, plus a moment.
        done = count_tagged(db)
        target = done + rng.randint(1, max(1, (len(ref_tagged) - done) // 2))
        if not wait_for(lambda: count_tagged(db) >= target, proc) or _ended(
                proc, rng.uniform(0, 0.01)):
            break  # it finished: nothing left to interrupt
        kill(proc, leader_only=False)
        kills += 1
        tagged, mentions = tagging_state(db)
        assert tagged <= ref_tagged
        assert mentions == [m for m in ref_mentions if m[0] in tagged]
        seen.add(len(tagged))
    assert kills >= 3 and len(seen - {len(ref_tagged)}) >= 2, (kills, seen)
    result = badpdfs.run_policylens("--db", db, *tag)
    assert result.returncode == 0, result.stderr
    assert tagging_state(db) == (ref_tagged, ref_mentions)


def output_digests(folder: Path) -> dict[str, str]:
    """Every file `run` wrote, by path, with its sha256 (the store is compared separately)."""
    import hashlib

    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*"))
            if p.is_file() and not p.name.startswith("policylens.db")}


def test_sigkill_during_run_then_rerun(batch, tmp_path):
    args = ("run", batch, "--k", "2", "--bootstrap", "100", "--workers", "0")
    whole = tmp_path / "whole"
    result = badpdfs.run_policylens(*args, "--out", whole)
    assert result.returncode == 0, result.stderr
    expected = output_digests(whole)
    assert any(name.endswith("topic_trends.csv") for name in expected)

    out = tmp_path / "killed"
    db = out / "policylens.db"
    rng = random.Random(SEED)
    # One kill in each stage: while reading PDFs, once tagging has saved, and while the topic
    # model and trends are being written; each at a random moment within its stage.
    stages = [lambda: db.exists(),
              lambda: db.exists() and count_tagged(db) > 0,
              lambda: (out / "topics.csv").exists() or (out / "topic-model").exists()]
    for ready in stages[:RUN_KILLS]:
        proc = start(*args, "--out", out)
        if wait_for(ready, proc):
            time.sleep(rng.uniform(0, 0.5))
        if proc.poll() is None:
            kill(proc, leader_only=False)
        else:
            proc.wait()
    result = badpdfs.run_policylens(*args, "--out", out)
    assert result.returncode == 0, result.stderr
    assert snapshot(db) == snapshot(whole / "policylens.db")
    assert tagging_state(db) == tagging_state(whole / "policylens.db")
    # The same outputs, byte for byte, and no half-written file left beside them.
    assert output_digests(out) == expected
