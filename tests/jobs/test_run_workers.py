"""`policylens run` with several workers: the same bytes as with one, and a side process that
reports back and never outlives the run."""

from __future__ import annotations

import datetime as dt
import hashlib
import multiprocessing
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

from badpdfs import process_stat, process_stats
from planted import planted_texts, shifting_proportions
from policylens.cli import cli
from policylens.errors import InputError, PdfError, StoreError
from policylens.jobs import run as run_job
from policylens.jobs.run import run_all
from policylens.runner import NoProgressBar, SideProcess, completed, worker_pool
from policylens.store import open_store
from policylens.tagging import tag as tag_module
from policylens.topics import TopicParams

pytestmark = pytest.mark.slow  # worker processes and whole runs

SPEAKERS = ("Mr Alan Whitby (Carlisle North) (Lab):", "The Minister for Health (Helen Carver):")
# Every file a run writes except the store (whose rows record when they were written).
OUTPUT_SUFFIXES = (".csv", ".json", ".svg", ".png", ".npz", ".html")


def _write_debates(folder: Path, pdfgen, years=(2018, 2021, 2024)) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    props = shifting_proportions(len(years), 3, rise=1, fall=0, start=0.1, end=0.7)
    for i, year in enumerate(years):
        items = [pdfgen.Heading("Cell and Gene Therapies", 1)]
        for j, p in enumerate(planted_texts([props[i]], 12, seed=year)):
            text = p.text.capitalize() + ". The gene therapy costs £2 million per patient."
            items.append(pdfgen.Speech(SPEAKERS[j % 2], (text,)))
        pdfgen.write_hansard(folder / f"debate-{year}.pdf", date=dt.date(year, 5, 4),
                             title="Cell and Gene Therapies", sitting="Westminster Hall",
                             items=items)
    return folder


def _digests(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.suffix in OUTPUT_SUFFIXES}


def test_two_workers_write_the_same_bytes_as_one(tmp_path, pdfgen):
    pdfs = _write_debates(tmp_path / "pdfs", pdfgen)
    results = {}
    for workers in ("1", "2"):
        out = tmp_path / f"out-{workers}"
        result = CliRunner().invoke(cli, ["run", str(pdfs), "--out", str(out), "--k", "3",
                                          "--bootstrap", "100", "--seed", "3",
                                          "--workers", workers])
        assert result.exit_code == 0, result.output + repr(result.exception)
        results[workers] = (out, result)
    (out1, one), (out2, two) = results["1"], results["2"]
    digests = _digests(out1)
    assert len(digests) >= 12  # CSVs, model files and both plots in two formats
    assert _digests(out2) == digests
    # The same outputs listed in the same order, whichever process wrote them.
    assert ([Path(p).relative_to(out1) for p in one.stdout.splitlines()]
            == [Path(p).relative_to(out2) for p in two.stdout.splitlines()])
    with open_store(out2 / "policylens.db") as store:
        n = store.count_passages()
        assert store.status()["tagged_passages"] == n
    # The tagging process's messages reach this process's stderr.
    assert f"tagged {n} passages" in two.stderr
    assert f"tagged {n} passages" in one.stderr
    claims = run_job.run_claims(out2)
    assert len(claims) == 5 and not any(p.exists() for p in claims)  # gone with the run
    assert not multiprocessing.active_children()


def test_a_failing_run_leaves_no_process_behind(tmp_path, pdfgen):
    pdfs = _write_debates(tmp_path / "pdfs", pdfgen, years=(2020,))
    # Too many topics for the passages: topics fail while the other process still tags.
    with pytest.raises(InputError, match="too few"):
        run_all([pdfs], tmp_path / "out", params=TopicParams(k=60), n_boot=50, workers=2)
    assert not multiprocessing.active_children()


# -- the side process --------------------------------------------------------------------------
def _double(x: int) -> int:
    return 2 * x


def _refuse(name: str) -> None:
    raise InputError(f"{name} cannot be used", "pick another")


def _fail() -> None:
    raise ValueError("broken")


def _sleep() -> None:
    time.sleep(60)


@pytest.fixture
def start_side():
    """Starts a SideProcess; every one started is stopped after the test, whatever happened."""
    started: list[SideProcess] = []

    def start(*args, **options) -> SideProcess:
        started.append(SideProcess(*args, **options))
        return started[-1]

    yield start
    for side in started:
        side.stop()


def test_side_process_returns_the_value(start_side):
    assert start_side(_double, 21).result() == 42


def test_side_process_raises_the_library_error_with_its_hint(start_side):
    side = start_side(_refuse, "that file")
    with pytest.raises(InputError) as info:
        side.result()
    assert info.value.message == "that file cannot be used"
    assert info.value.hint == "pick another"


def test_side_process_reports_other_errors(start_side):
    side = start_side(_fail)
    with pytest.raises(RuntimeError, match="ValueError: broken"):
        side.result()


def _tag_in_two_processes(db: Path) -> int:
    from policylens.tagging.pipeline import load_tagger
    from policylens.tagging.tag import tag_store

    with open_store(db) as store:
        return tag_store(store, load_tagger(), batch_size=2, workers=2)


def test_side_process_may_start_processes_of_its_own(tmp_path, hansard_pdf, start_side):
    # A large store has the second process tag in worker processes of its own.
    db = tmp_path / "s.db"
    result = CliRunner().invoke(cli, ["--db", str(db), "ingest", str(hansard_pdf),
                                      "--workers", "0"])
    assert result.exit_code == 0, result.output
    n = start_side(_tag_in_two_processes, db).result()
    with open_store(db) as store:
        assert n == store.count_passages() == store.status()["tagged_passages"] > 0


def test_the_main_process_tags_too_while_the_side_process_still_runs(
        tmp_path, hansard_pdf, start_side, monkeypatch):
    db = tmp_path / "s.db"
    result = CliRunner().invoke(cli, ["--db", str(db), "ingest", str(hansard_pdf),
                                      "--workers", "0"])
    assert result.exit_code == 0, result.output
    heard: list[str] = []
    with open_store(db) as store:
        n = store.count_passages()
        # Too few passages left to repay loading the tagger here: it waits.
        assert run_job.help_tagging(store, start_side(_sleep), heard.append) == run_job.NO_HELP
        assert store.status()["tagged_passages"] == 0
        monkeypatch.setattr(run_job, "HELP_MIN_PASSAGES", 1)
        # The side process has finished (its tagging with it): nothing to help with.
        done = start_side(_double, 1)
        done.result()
        assert run_job.help_tagging(store, done, heard.append) == run_job.NO_HELP
        assert store.status()["tagged_passages"] == 0
        # A side process still at work: this process tags what is left, from the end, and
        # takes the claim to the mention trends unless the side process took it first.
        # Its bar counts what both processes have tagged, read from the store as it goes.
        monkeypatch.setattr(tag_module, "SHARED_PROGRESS_SECONDS", 0.0)
        bar = _Bar()
        claim = tmp_path / "claim"
        assert run_job.help_tagging(store, start_side(_sleep), heard.append,
                                    claim=claim, progress_bar=bar) == (n, True, True)
        assert n > 0 and store.status()["tagged_passages"] == n
        assert claim.exists() and not run_job.take_claim(claim)
        assert bar.label == "tagging, with the other process" and bar.length == n
        assert sum(bar.steps) == n and min(bar.steps) >= 0
    assert heard == [f"tagging in this process too, from the other end ({n} passages left)",
                     f"tagged {n} of them in this process"]


class _Bar(NoProgressBar):
    """Records the bar it was asked for and every step."""

    def __init__(self) -> None:
        self.steps: list[int] = []
        self.label, self.length = None, None

    def __call__(self, length: int, label: str) -> _Bar:
        self.length, self.label = length, label
        return self

    def update(self, n: int) -> None:
        self.steps.append(n)


def test_a_shared_tagging_bar_moves_as_the_store_fills(tmp_path, hansard_pdf, monkeypatch):
    # Passages another process tagged move the bar too: here a quarter are tagged
    # "elsewhere" before this process starts, and the bar covers the rest batch by batch.
    from policylens.tagging.pipeline import load_tagger
    from policylens.tagging.tag import tag_store

    db = tmp_path / "s.db"
    result = CliRunner().invoke(cli, ["--db", str(db), "ingest", str(hansard_pdf),
                                      "--workers", "0"])
    assert result.exit_code == 0, result.output
    monkeypatch.setattr(tag_module, "SHARED_PROGRESS_SECONDS", 0.0)
    nlp = load_tagger()
    with open_store(db) as store:
        n = store.count_passages()
        first = next(store.untagged_passages(tag_module.model_version(nlp), max(1, n // 4)))
        store.save_mentions(tag_module.model_version(nlp), [pid for pid, _ in first], [])
        bar = _Bar()
        tagged = tag_store(store, nlp, batch_size=2, workers=1, shared=True, progress_bar=bar)
        assert tagged == n - len(first) == bar.length == sum(bar.steps)
        assert len(bar.steps) >= 2 and min(bar.steps) >= 0
        assert store.status()["tagged_passages"] == n


def _side_after_the_main_process_tags(db, out_dir, trends, max_workers, dask=None, *, info):
    """A run's second process, started only once the main process has tagged a batch."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        with open_store(db) as store:
            if store.status()["tagged_passages"]:
                break
        time.sleep(0.05)
    result = run_job.tag_and_mention_trends(db, out_dir, trends, max_workers, dask, info=info)
    # The main process took the claim before it tagged: it writes the mention trends.
    assert result[1:3] == ({}, []), "the second process wrote the mention trends"
    return result


def test_a_run_whose_main_process_tags_writes_the_same_bytes(tmp_path, pdfgen, monkeypatch):
    # The second process waits for the main one to tag: the main process tags every passage
    # (its threshold lowered to one), writes the themes before the second process's result
    # and the report with the mentions section the second process gathered.
    pdfs = _write_debates(tmp_path / "pdfs", pdfgen)
    params = TopicParams(k=3, seed=3)
    run_all([pdfs], tmp_path / "one", params=params, n_boot=100, workers=1)
    monkeypatch.setattr(run_job, "tag_and_mention_trends", _side_after_the_main_process_tags)
    monkeypatch.setattr(run_job, "HELP_MIN_PASSAGES", 1)
    heard: list[str] = []
    run_all([pdfs], tmp_path / "two", params=params, n_boot=100, workers=2, info=heard.append)
    with open_store(tmp_path / "two" / "policylens.db") as store:
        n = store.count_passages()
        assert store.status()["tagged_passages"] == n
    assert f"tagging in this process too, from the other end ({n} passages left)" in heard
    assert f"tagged {n} of them in this process" in heard
    assert "tagging: every passage already tagged" in heard  # the second process's
    digests = _digests(tmp_path / "one")
    assert len(digests) >= 12 and any(name.endswith(".html") for name in digests)
    assert "mention_trends.csv" in digests
    assert _digests(tmp_path / "two") == digests
    assert not any(p.exists() for p in run_job.run_claims(tmp_path / "two"))
    assert not multiprocessing.active_children()


def _refuse_pdf(name: str) -> None:
    raise PdfError("encrypted", f"{name} is encrypted", "remove it from the batch")


def test_side_process_rebuilds_errors_with_their_attributes(start_side):
    side = start_side(_refuse_pdf, "a.pdf")
    with pytest.raises(PdfError) as info:
        side.result()
    assert info.value.reason == "encrypted"
    assert (info.value.message, info.value.hint) == ("a.pdf is encrypted",
                                                     "remove it from the batch")
    assert str(info.value) == "a.pdf is encrypted (remove it from the batch)"


def _talk_then_wait(flag: str, *, info) -> str:
    info("one")
    info("two")
    while not Path(flag).exists():  # the test reads the messages before letting it finish
        time.sleep(0.05)
    info("three")
    return "done"


def _poll_until(side: SideProcess, heard: list, n: int) -> None:
    deadline = time.monotonic() + 30
    while len(heard) < n and time.monotonic() < deadline:
        side.poll(heard.append)
        time.sleep(0.05)


def test_side_process_messages_arrive_as_they_happen(tmp_path, start_side):
    flag = tmp_path / "go"
    heard: list[str] = []
    side = start_side(_talk_then_wait, str(flag), reports=True)
    _poll_until(side, heard, 2)
    assert heard == ["one", "two"]  # before the function returned
    flag.touch()
    assert side.result(heard.append) == "done"
    assert heard == ["one", "two", "three"]


def _say_then_fail(*, info) -> None:
    info("opening the store")
    raise StoreError("the store is locked", "close the other program")


def test_side_process_failure_is_seen_by_poll_with_its_messages(start_side):
    heard: list[str] = []
    side = start_side(_say_then_fail, reports=True)
    with pytest.raises(StoreError, match="locked") as info:
        _poll_until(side, heard, 99)
    assert heard == ["opening the store"]
    assert info.value.hint == "close the other program"


def _write_slowly(path: str) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("period,group\n")
        fh.flush()
        time.sleep(60)


def test_stopping_the_side_process_removes_its_half_written_files(tmp_path):
    tmp = tmp_path / "mention_trends.csv.tmp"
    side = SideProcess(_write_slowly, str(tmp), leftovers=[tmp])
    deadline = time.monotonic() + 30
    while not tmp.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert tmp.exists()
    side.stop()
    assert not tmp.exists()
    assert not multiprocessing.active_children()


def test_side_process_stops_when_told():
    side = SideProcess(_sleep)
    started = time.perf_counter()
    side.stop()
    assert time.perf_counter() - started < 10
    assert not multiprocessing.active_children()


# -- tagging's process count and topics' threads -----------------------------------------------
def test_max_workers_caps_what_the_store_size_would_choose(tmp_path, hansard_pdf, monkeypatch):
    from policylens.tagging import tag
    from policylens.tagging.pipeline import load_tagger

    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "s.db"), "ingest",
                                      str(hansard_pdf), "--workers", "0"])
    assert result.exit_code == 0, result.output
    monkeypatch.setattr(tag, "PASSAGES_PER_WORKER", 1)  # any store now asks for every core
    monkeypatch.setattr("policylens.runner.default_workers", lambda: 2)
    assert tag.auto_workers(5) == 2

    def children_while_tagging(**options) -> list[int]:
        """Worker processes alive at each batch of a fresh tagging pass (seen through the
        progress bar, which moves in this process after every batch)."""
        seen: list[int] = []

        class Watch(NoProgressBar):
            def update(self, n: int) -> None:
                seen.append(len(multiprocessing.active_children()))

        copy = tmp_path / f"copy-{len(list(tmp_path.glob('copy-*')))}.db"
        shutil.copyfile(tmp_path / "s.db", copy)  # untagged, each time
        with open_store(copy) as store:
            n = tag.tag_store(store, load_tagger(), batch_size=2, progress_bar=Watch(),
                              **options)
            assert n == store.count_passages() > 2
        return seen

    assert max(children_while_tagging(max_workers=1)) == 0  # tagged in this process
    assert max(children_while_tagging()) == 2  # what the store size asks for, uncapped


def _nap(seconds: float) -> float:
    time.sleep(seconds)
    return seconds


def _naps(seconds: list[float]):
    with worker_pool(2) as pool:
        yield from completed(pool, _nap, seconds, in_flight=3)


def test_a_worker_pool_gives_results_as_they_finish_and_ends_at_once_when_left():
    before = set(multiprocessing.active_children())
    naps = _naps([60.0, 0.0, 60.0, 60.0])
    assert next(naps) == (0.0, 0.0)  # the short one first, though submitted second
    workers = set(multiprocessing.active_children()) - before
    assert len(workers) == 2
    started = time.monotonic()
    naps.close()  # the consumer stops asking: the long naps are ended, not waited for
    assert time.monotonic() - started < 20
    assert not any(w.is_alive() for w in workers)


def test_topics_do_not_depend_on_the_callers_thread_count():
    from threadpoolctl import threadpool_limits

    from policylens.topics import fit_topics

    # Large enough for OpenBLAS to use a second thread when allowed (and round differently).
    texts = [p.text for p in planted_texts(shifting_proportions(4, 4), 300, seed=3, mix=0.2)]
    fitted = []
    for threads in (2, 1):
        with threadpool_limits(limits=threads):
            fitted.append(fit_topics(texts, TopicParams(k=8, seed=0)))
    assert fitted[0].model.components_.tobytes() == fitted[1].model.components_.tobytes()
    assert np.array_equal(fitted[0].shares, fitted[1].shares, equal_nan=True)


@pytest.mark.parametrize("method", ["nmf", "lda"])
def test_candidate_k_fitted_in_workers_give_the_same_model(method, monkeypatch):
    from policylens.topics import fit as topic_model

    # Small corpora fit NMF candidates in one process; lower the bar to use the workers.
    monkeypatch.setattr(topic_model, "PARALLEL_NMF_MIN_PASSAGES", 0)
    calls = []
    fit_here = topic_model.fit_candidate
    monkeypatch.setattr(topic_model, "fit_candidate",
                        lambda corpus, k: calls.append(k) or fit_here(corpus, k))
    texts = [p.text for p in planted_texts(shifting_proportions(3, 3), 40, seed=5, mix=0.1)]
    params = TopicParams(method=method, k_min=2, k_max=4, seed=1, lda_epochs=2)
    one = topic_model.fit_topics(texts, params, workers=1)
    assert calls == [2, 3, 4]
    calls.clear()
    two = topic_model.fit_topics(texts, params, workers=2)
    assert calls == []  # every candidate was fitted in a worker
    assert two.k_scores == one.k_scores
    assert two.model.components_.tobytes() == one.model.components_.tobytes()
    assert np.array_equal(two.shares, one.shares, equal_nan=True)
    assert not multiprocessing.active_children()


# -- a run's own steps and the side process ----------------------------------------------------
def _side_fails(db, out_dir, trends, max_workers, dask=None, *, info):
    info("side: opening the store")
    raise StoreError("the store is locked", "close the other program")


def test_a_side_failure_stops_the_run_at_the_next_step(tmp_path, pdfgen, monkeypatch):
    pdfs = _write_debates(tmp_path / "pdfs", pdfgen, years=(2020,))
    # Defined in this module, so the spawned process runs it instead of tagging.
    monkeypatch.setattr(run_job, "tag_and_mention_trends", _side_fails)
    heard: list[str] = []
    topic_workers = []

    def slow_topics(store, out_dir, params, *, refit, workers, info, **options):
        topic_workers.append(workers)
        for i in range(200):  # a long fit, reporting progress
            info(f"k={i}")
            time.sleep(0.05)
        raise AssertionError("the fit ran to its end although the side had failed")

    monkeypatch.setattr(run_job, "run_topics", slow_topics)
    started = time.perf_counter()
    with pytest.raises(StoreError, match="locked") as info:
        run_all([pdfs], tmp_path / "out", params=TopicParams(k=3), n_boot=50, workers=3,
                info=heard.append)
    assert time.perf_counter() - started < 9
    assert info.value.hint == "close the other program"
    assert "side: opening the store" in heard
    assert topic_workers == [2]  # the side tags in the third
    assert not multiprocessing.active_children()


def test_a_failing_info_leaves_no_side_process(tmp_path, pdfgen):
    pdfs = _write_debates(tmp_path / "pdfs", pdfgen, years=(2020,))

    def closed_pipe(message: str) -> None:
        if "second process" in message:
            raise BrokenPipeError("stderr is closed")

    try:
        with pytest.raises(BrokenPipeError):
            run_all([pdfs], tmp_path / "out", params=TopicParams(k=3), n_boot=50, workers=2,
                    info=closed_pipe)
    finally:
        left = multiprocessing.active_children()
        for proc in left:
            proc.kill()
            proc.join()
    assert not left


def _children(pid: int) -> dict[int, str]:
    """pid -> start time of the processes whose parent is ``pid``."""
    return {child: fields[19] for child, fields in process_stats() if int(fields[1]) == pid}


def _alive(pid: int, started: str) -> bool:
    fields = process_stat(pid)
    return fields is not None and fields[19] == started and fields[0] != "Z"


def _stop_and_list_survivors(proc: subprocess.Popen, workers: dict[int, str],
                             signum: int = signal.SIGKILL) -> list[int]:
    """Send ``signum`` to ``proc``, wait for it, and give the workers 5 s to go: those left."""
    try:
        proc.send_signal(signum)
        proc.wait(timeout=30)
        deadline = time.monotonic() + 5
        while any(_alive(*w) for w in workers.items()) and time.monotonic() < deadline:
            time.sleep(0.05)
        return [pid for pid, started in workers.items() if _alive(pid, started)]
    finally:
        if proc.poll() is None:
            proc.kill()
        for pid, started in workers.items():
            if _alive(pid, started):
                os.kill(pid, signal.SIGKILL)


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGKILL])
def test_a_terminated_topic_fit_leaves_no_worker_behind(signum, tmp_path, pdfgen):
    pdfs = _write_debates(tmp_path / "pdfs", pdfgen)
    db = tmp_path / "s.db"
    result = CliRunner().invoke(cli, ["--db", str(db), "ingest", str(pdfs), "--workers", "0"])
    assert result.exit_code == 0, result.output
    err_path = tmp_path / "stderr.txt"
    with open(err_path, "w") as err_file:
        proc = subprocess.Popen(
            [sys.executable, "-c", "from policylens.cli import cli; cli()", "--db", str(db),
             "topics", "--k", "auto", "--method", "lda", "--k-range", "2:12", "--workers", "2",
             "--out", str(tmp_path / "out")],
            stdout=subprocess.DEVNULL, stderr=err_file)
    workers: dict[int, str] = {}
    try:
        # Wait for both fitting processes (they take a second to load scikit-learn).
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and proc.poll() is None:
            workers = {pid: started for pid, started in _children(proc.pid).items()
                       if b"spawn_main" in Path(f"/proc/{pid}/cmdline").read_bytes()}
            if len(workers) == 2:
                break
            time.sleep(0.02)
        assert len(workers) == 2, err_path.read_text()
    finally:
        left = _stop_and_list_survivors(proc, workers, signum)
    assert not left
    if signum == signal.SIGKILL:  # nothing runs in the killed process: the kernel ends them
        return
    err = err_path.read_text()
    assert proc.returncode == 143, err
    assert "Terminated." in err and "Traceback" not in err


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")
def test_a_killed_tag_run_leaves_no_tagging_worker_behind(tmp_path):
    from planted import add_planted_documents

    db = tmp_path / "s.db"
    with open_store(db, create=True) as store:  # enough text to keep two taggers busy a while
        add_planted_documents(store, planted_texts(shifting_proportions(4, 4), 1500, seed=5),
                              2016, docs_per_period=10)
    proc = subprocess.Popen(
        [sys.executable, "-c", "from policylens.cli import cli; cli()", "--db", str(db), "-q",
         "tag", "--workers", "2"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    workers: dict[int, str] = {}
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and proc.poll() is None and len(workers) < 2:
            workers = _children(proc.pid)
            time.sleep(0.02)
        assert len(workers) >= 2, proc.stderr.read().decode() if proc.poll() is not None else ""
    finally:
        left = _stop_and_list_survivors(proc, workers)
    assert not left


# A process started while SIGTERM arrives: the parent's handler must not cut the start-up data
# it writes to a spawned child (which would print a traceback reading half of it). A payload
# larger than a pipe holds keeps the parent writing until the child's interpreter has started;
# SIGTERM is sent as soon as the child runs (not the resource tracker multiprocessing starts).
_TERMINATED_WHILE_STARTING = """
import os, signal, sys, threading, time
from pathlib import Path
from policylens.runner import {starter}

def on_term(signum, frame):
    raise KeyboardInterrupt

def has_spawned_child():
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            if (int(stat.read_text().rsplit(")", 1)[1].split()[1]) == os.getpid()
                    and b"spawn_main" in (stat.parent / "cmdline").read_bytes()):
                return True
        except (OSError, ValueError, IndexError):
            pass
    return False

def terminate_when_a_child_exists():
    while not has_spawned_child():
        time.sleep(0.001)
    os.kill(os.getpid(), signal.SIGTERM)

signal.signal(signal.SIGTERM, on_term)
threading.Thread(target=terminate_when_a_child_exists, daemon=True).start()
try:
    {body}
except KeyboardInterrupt:
    print("interrupted", file=sys.stderr)
"""


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")
@pytest.mark.parametrize("starter, body", [
    ("SideProcess", ("side = SideProcess(len, b'x' * 8_000_000)\n"
                     "    try:\n"
                     "        time.sleep(30)\n"
                     "    finally:\n"
                     "        side.stop()")),
    ("completed, worker_pool",
     ("with worker_pool(1, len, (b'x' * 8_000_000,), fresh=True) as pool:\n"
      "        for _ in completed(pool, len, [b''], 1):\n"
      "            time.sleep(30)")),
])
def test_a_process_started_as_sigterm_arrives_starts_whole_and_then_ends(starter, body):
    script = _TERMINATED_WHILE_STARTING.format(starter=starter, body=body)
    # The child writes to the same stderr: it is read to its end, after the child has gone.
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=60, check=False)
    assert "interrupted" in done.stderr
    assert "Traceback" not in done.stderr and "Error" not in done.stderr, done.stderr
