"""Ingest on a Dask cluster: the same store as the local path, and nothing lost or doubled
when a worker or the client dies mid-batch."""

from __future__ import annotations

import os
import signal
import threading
import time

import pytest
from click.testing import CliRunner

from conftest import make_batch
from policylens.cli import cli
from policylens.distributed import run_on_cluster
from policylens.ingest import batch as batch_module
from policylens.ingest import ingest_paths
from policylens.ingest.extract import sha256_file
from policylens.runner import NoProgressBar
from policylens.store import open_store

pytestmark = pytest.mark.slow  # a Dask cluster of worker processes

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1,
                                  dashboard_address=":0", silence_logs=50) as cluster:
        yield cluster


@pytest.fixture
def client(cluster):
    """A client of the shared cluster, closed after the test, which also undoes whatever the
    test asked the workers to slow down or refuse."""
    client = distributed.Client(cluster, set_as_default=False)
    yield client
    client.run(_slow_on_worker, (), ())
    client.run(_refuse_on_worker, None)
    client.close()


@pytest.fixture(scope="module")
def batch(tmp_path_factory, pdfgen):
    return make_batch(tmp_path_factory.mktemp("batch"), pdfgen, n=6)


def contents(db):
    """Everything a run stores, in a fixed order (paths and ids included)."""
    with open_store(db) as store:
        conn = store.conn
        return {
            "documents": conn.execute("SELECT * FROM documents ORDER BY doc_id").fetchall(),
            "pages": conn.execute("SELECT * FROM pages ORDER BY doc_id, page").fetchall(),
            "passages": conn.execute("SELECT * FROM passages ORDER BY passage_id").fetchall(),
            "failures": conn.execute("SELECT * FROM failures ORDER BY path").fetchall(),
        }


def as_tuples(rows):
    return {k: [tuple(r) for r in v] for k, v in rows.items()}


def test_cluster_gives_the_same_store_as_local_workers(tmp_path, cluster, batch):
    local, remote = tmp_path / "local.db", tmp_path / "remote.db"
    folder = str(batch[0].parent)
    result = CliRunner().invoke(cli, ["--db", str(local), "ingest", folder, "--workers", "0"])
    assert result.exit_code == 0, result.output
    result = CliRunner().invoke(cli, ["--db", str(remote), "ingest", folder],
                                env={"POLICYLENS_DASK": cluster.scheduler_address})
    assert result.exit_code == 0, result.output
    assert "6 added" in result.output
    expected = as_tuples(contents(local))
    assert len(expected["documents"]) == 6 and expected["passages"]
    assert as_tuples(contents(remote)) == expected


class _KillOnFirst(NoProgressBar):
    """A progress bar that kills a worker process when the first result arrives."""

    def __init__(self, client) -> None:
        self.client, self.killed = client, None

    def update(self, n: int) -> None:
        if self.killed is None:
            pids = self.client.run(os.getpid)
            address, pid = sorted(pids.items())[0]
            os.kill(pid, signal.SIGKILL)
            self.killed = address


def test_worker_killed_mid_batch_loses_and_doubles_nothing(tmp_path, cluster, client, batch):
    killer = _KillOnFirst(client)
    with open_store(tmp_path / "s.db", create=True) as store:
        summary = ingest_paths(store, [batch[0].parent], dask=cluster.scheduler_address,
                               engine="pdfplumber", progress_bar=killer, timeout=60)
    assert killer.killed
    stored = contents(tmp_path / "s.db")
    names = [os.path.basename(r["path"]) for r in stored["documents"]]
    failed = [os.path.basename(r["path"]) for r in stored["failures"]]
    # Every file is stored once or recorded as failed (a worker death may count against
    # the file it held), never lost or stored twice.
    assert sorted(names + failed) == sorted(p.name for p in batch)
    assert len(set(names)) == len(names)
    assert summary.added == len(names) and len(summary.failed) == len(failed)
    ids = [r["passage_id"] for r in stored["passages"]]
    assert len(ids) == len(set(ids))
    # A rerun does only what is missing.
    with open_store(tmp_path / "s.db") as store:
        again = ingest_paths(store, [batch[0].parent], dask=cluster.scheduler_address,
                             retry_failed=True)
    assert again.unchanged == len(names) and again.added == len(failed)


class _StopAfter(NoProgressBar):
    """A progress bar that interrupts the run (as Ctrl-C would) after n results."""

    def __init__(self, n: int) -> None:
        self.n = n

    def update(self, n: int) -> None:
        self.n -= n
        if self.n <= 0:
            raise KeyboardInterrupt


def test_interrupted_client_keeps_what_was_stored(tmp_path, cluster, batch):
    db = tmp_path / "s.db"
    with open_store(db, create=True) as store, pytest.raises(KeyboardInterrupt):
        ingest_paths(store, [batch[0].parent], dask=cluster.scheduler_address,
                     progress_bar=_StopAfter(3))  # the bar moves before each result is stored
    assert len(contents(db)["documents"]) == 2
    with open_store(db) as store:
        summary = ingest_paths(store, [batch[0].parent], dask=cluster.scheduler_address)
    assert (summary.unchanged, summary.added) == (2, 4)


def test_a_cache_that_cannot_be_written_does_not_hide_why_the_run_stopped(
        tmp_path, cluster, batch, short_racy_window):
    import sqlite3

    folder = _mixed_folder(tmp_path / "a", batch)
    with open_store(tmp_path / "s.db", create=True) as store:
        def failing(rows):
            raise sqlite3.OperationalError("disk I/O error")

        store.cache_hashes = failing  # the hashes the workers found are written last
        with pytest.raises(KeyboardInterrupt):
            ingest_paths(store, [folder], dask=cluster.scheduler_address,
                         progress_bar=_StopAfter(2))


def test_unreachable_scheduler_is_a_clear_error(tmp_path, batch, monkeypatch):
    monkeypatch.setattr("policylens.distributed.CONNECT_SECONDS", 1)
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "s.db"), "ingest", str(batch[0]),
                                      "--dask", "tcp://127.0.0.1:9"])
    assert result.exit_code == 1
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in result.output


def test_hanging_file_times_out_and_the_batch_goes_on(tmp_path, cluster, batch):
    import shutil

    import badpdfs

    folder = tmp_path / "with-loop"
    folder.mkdir()
    for path in batch[:3]:
        shutil.copy(path, folder / path.name)
    badpdfs.self_reference(folder / "loop.pdf")  # pdfminer goes round this for ever
    with open_store(tmp_path / "s.db", create=True) as store:
        summary = ingest_paths(store, [folder], dask=cluster.scheduler_address,
                               engine="pdfplumber", timeout=3)
        [failure] = store.iter_failures()
    assert summary.added == 3
    assert [(os.path.basename(p), f.reason) for p, f in summary.failed] == [
        ("loop.pdf", "timeout")]
    # Hashed on the worker, which told the client before it started reading.
    assert failure["sha256"] == sha256_file(folder / "loop.pdf")
    # The worker that held it was restarted: the cluster still reads files.
    with open_store(tmp_path / "t.db", create=True) as store:
        again = ingest_paths(store, batch[3:], dask=cluster.scheduler_address)
    assert again.added == len(batch[3:])


HOUR_NS = 3600 * 10**9
# os.utime cannot date back a file's ctime, which the racy rule (batch.RACY_WINDOW_NS) checks
# too: the tests that need dated files remembered shorten the window and wait it out.
SHORT_WINDOW_NS = 400_000_000


@pytest.fixture
def short_racy_window(monkeypatch):
    monkeypatch.setattr(batch_module, "RACY_WINDOW_NS", SHORT_WINDOW_NS)


@pytest.fixture
def no_reads_here(monkeypatch):
    """The client may not hash (read) any file; the workers, other processes, still do."""

    def refusing(path):
        raise AssertionError(f"the client read {path}")

    monkeypatch.setattr(batch_module, "sha256_file", refusing)


def _mixed_folder(folder, batch):
    """Three debates, a copy of the first under another name, and a corrupt file, dated back
    an hour (as an archive's are, so their hashes may be remembered)."""
    import shutil

    import badpdfs

    folder.mkdir()
    for path in batch[:3]:
        shutil.copy(path, folder / path.name)
    shutil.copy(batch[0], folder / "z-copy.pdf")
    badpdfs.corrupt_bytes(folder / "bad.pdf")
    then = time.time_ns() - HOUR_NS
    for file in folder.iterdir():
        os.utime(file, ns=(then, then))
    time.sleep(SHORT_WINDOW_NS / 1e9)  # their ctime, which utime set to now
    return folder


def test_new_files_are_hashed_on_the_workers_and_known_ones_skipped_there(
        tmp_path, cluster, batch, no_reads_here, short_racy_window):
    folder = _mixed_folder(tmp_path / "a", batch)
    with open_store(tmp_path / "s.db", create=True) as store:
        summary = ingest_paths(store, [folder], dask=cluster.scheduler_address)
        # The same content at two paths is read and stored once, as the local path does.
        assert (summary.added, summary.unchanged) == (3, 1)
        assert [(os.path.basename(p), f.reason) for p, f in summary.failed] == [
            ("bad.pdf", "corrupt")]
        [failure] = store.iter_failures()
        assert failure["sha256"] == sha256_file(folder / "bad.pdf")
        # The hashes the workers found are remembered, so a rerun submits nothing.
        assert sorted(store.cached_hashes().values()) == sorted(
            sha256_file(f) for f in folder.iterdir())
        again = ingest_paths(store, [folder], dask="tcp://127.0.0.1:9")  # no cluster needed
        assert (again.added, again.unchanged, len(again.previously_failed)) == (0, 4, 1)
        # Copies at new paths are hashed on the workers and skipped there: stored ones are
        # unchanged, the failed one is not read again (it would fail) unless asked.
        copies = _mixed_folder(tmp_path / "b", batch)
        (copies / "bad.pdf").rename(copies / "bad-copy.pdf")
        moved = ingest_paths(store, [copies], dask=cluster.scheduler_address)
        assert (moved.added, moved.unchanged, moved.failed) == (0, 4, [])
        assert [os.path.basename(p) for p, _ in moved.previously_failed] == ["bad-copy.pdf"]
        (copies / "bad-copy.pdf").rename(copies / "bad-again.pdf")  # not remembered there
        retried = ingest_paths(store, [copies / "bad-again.pdf"],
                               dask=cluster.scheduler_address, retry_failed=True)
        assert [f.reason for _, f in retried.failed] == ["corrupt"]
        assert store.conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == 3


def test_cluster_counts_match_the_local_path(tmp_path, cluster, batch, no_reads_here):
    folder = _mixed_folder(tmp_path / "a", batch)
    with open_store(tmp_path / "remote.db", create=True) as store:
        remote = ingest_paths(store, [folder], dask=cluster.scheduler_address)
    monkeypatch = pytest.MonkeyPatch()
    monkeypatch.setattr(batch_module, "sha256_file", sha256_file)  # the local path reads here
    try:
        with open_store(tmp_path / "local.db", create=True) as store:
            local = ingest_paths(store, [folder], workers=0)
    finally:
        monkeypatch.undo()
    assert remote.describe() == local.describe()
    assert remote.passages == local.passages > 0


def _refuse_on_worker(path):
    from policylens.ingest import batch
    from policylens.ingest.extract import sha256_file as real

    def refusing(p):
        if str(p) == path:
            raise PermissionError(13, "Permission denied", p)
        return real(p)

    batch.sha256_file = refusing if path else real


def test_a_file_a_worker_cannot_read_is_unreadable(tmp_path, cluster, client, batch,
                                                    no_reads_here):
    locked = str(batch[1])
    client.run(_refuse_on_worker, locked)  # tests may run as root, whom chmod does not stop
    with open_store(tmp_path / "s.db", create=True) as store:
        summary = ingest_paths(store, batch[:3], dask=cluster.scheduler_address)
        failures = [dict(r) for r in store.iter_failures()]
    assert summary.added == 2 and [p for p, _ in summary.failed] == [locked]
    assert failures == [{"path": locked, "sha256": None, "reason": "unreadable",
                         "detail": "cannot read the file: Permission denied"}]


def test_tagging_on_the_cluster_matches_local_tagging(tmp_path, cluster, batch):
    folder = str(batch[0].parent)
    dbs = [tmp_path / "local.db", tmp_path / "remote.db"]
    for db in dbs:
        result = CliRunner().invoke(cli, ["--db", str(db), "ingest", folder, "--workers", "0"])
        assert result.exit_code == 0, result.output
    result = CliRunner().invoke(cli, ["--db", str(dbs[0]), "tag", "--workers", "0"])
    assert result.exit_code == 0, result.output
    result = CliRunner().invoke(cli, ["--db", str(dbs[1]), "tag", "--batch-size", "16",
                                      "--dask", cluster.scheduler_address])
    assert result.exit_code == 0, result.output
    tables = []
    for db in dbs:
        with open_store(db) as store:
            tables.append([tuple(r) for r in store.conn.execute(
                "SELECT * FROM mentions ORDER BY passage_id, start, end, label")] + [
                tuple(r) for r in store.conn.execute("SELECT * FROM tagged ORDER BY 1, 2")])
    assert tables[0] and tables[1] == tables[0]


SLOW_SECONDS = 0.6
_slow_starts: list[float] = []


def _slow_extract(*args):
    """The real extraction, after a pause; module-level, so the in-process workers run this
    very function (pickled by reference) and its start times land in ``_slow_starts``."""
    _slow_starts.append(time.monotonic())
    time.sleep(SLOW_SECONDS)
    return _real_extract(*args)


_real_extract = batch_module.extract_file


def test_files_waiting_for_a_worker_are_not_timed_out(tmp_path, batch, monkeypatch):
    # The cluster has no worker for longer than the limit, then one thread for six files that
    # each take under half the limit: timed from submission, most would "time out".
    timeout = 1.5
    _slow_starts.clear()
    monkeypatch.setattr(batch_module, "extract_file", _slow_extract)
    with distributed.LocalCluster(n_workers=0, processes=False, threads_per_worker=1,
                                  dashboard_address=":0", silence_logs=50) as cluster:
        threading.Timer(timeout + 0.5, cluster.scale, args=(1,)).start()
        began = time.monotonic()
        result = CliRunner().invoke(cli, ["--db", str(tmp_path / "s.db"), "ingest",
                                          str(batch[0].parent), "--timeout", str(timeout),
                                          "--dask", cluster.scheduler_address])
    assert result.exit_code == 0, result.output
    assert "6 added" in result.output and "0 failed" in result.output, result.output
    assert len(_slow_starts) == 6
    assert min(_slow_starts) - began > timeout  # the first file waited longer than the limit
    assert max(_slow_starts) - began > 2 * timeout  # and the last one longer still
    with open_store(tmp_path / "s.db") as store:
        assert store.conn.execute("SELECT COUNT(*) FROM failures").fetchone()[0] == 0


def test_hanging_task_times_out_from_its_start_and_its_worker_restarts(client):
    before = set(client.run(os.getpid).values())
    began = time.monotonic()
    tasks = [("hang", (600,))] + [(i, (0.3,)) for i in range(5)]
    results = {key: (ok, result, time.monotonic() - began)
               for key, ok, result in run_on_cluster(time.sleep, tasks, timeout=2,
                                                     client=client)}
    ok, failure, when = results.pop("hang")
    assert not ok and failure.reason == "timeout"
    assert 2 <= when < 30  # not cut short, and not left running for its 600 s
    assert all(ok for ok, _, _ in results.values()) and len(results) == 5
    # The worker that held it is a new process; the other one was left alone.
    client.wait_for_workers(2, timeout=30)
    after = set(client.run(os.getpid).values())
    assert len(before - after) == 1 and len(before & after) == 1


class _RestartOnFirst:
    """A progress factory whose bar restarts every worker of the cluster at the first batch."""

    def __init__(self, client) -> None:
        self.client, self.restarted = client, False

    def __call__(self, length: int, label: str):
        return self

    def __enter__(self):
        return self

    def __exit__(self, *exc: object) -> bool:
        return False

    def update(self, n: int) -> None:
        if not self.restarted:
            self.restarted = True
            before = set(self.client.run(os.getpid).values())
            self.client.restart_workers(list(self.client.nthreads()))
            assert not before & set(self.client.run(os.getpid).values())


def _tag_tables(db):
    with open_store(db) as store:
        return [tuple(r) for r in store.conn.execute(
            "SELECT * FROM mentions ORDER BY passage_id, start, end, label")] + [
            tuple(r) for r in store.conn.execute("SELECT * FROM tagged ORDER BY 1, 2")]


def test_tagging_goes_on_after_the_only_worker_restarts(tmp_path, batch):
    from policylens.tagging.pipeline import load_tagger
    from policylens.tagging.tag import tag_store

    folder = str(batch[0].parent)
    dbs = [tmp_path / "local.db", tmp_path / "remote.db"]
    for db in dbs:
        result = CliRunner().invoke(cli, ["--db", str(db), "ingest", folder, "--workers", "0"])
        assert result.exit_code == 0, result.output
    nlp = load_tagger()
    with open_store(dbs[0]) as store:
        total = tag_store(store, nlp, workers=0)
    # One worker, so the model shared with it cannot survive on another one.
    with distributed.LocalCluster(n_workers=1, processes=True, threads_per_worker=1,
                                  dashboard_address=":0", silence_logs=50) as one, \
            distributed.Client(one, set_as_default=False) as client:
        restarter = _RestartOnFirst(client)
        with open_store(dbs[1]) as store:
            done = tag_store(store, nlp, batch_size=4, dask=one.scheduler_address,
                             progress_bar=restarter)
        assert restarter.restarted and done == total > 8
    assert _tag_tables(dbs[1]) == _tag_tables(dbs[0])


TWIN_SLOW_SECONDS = 1.0  # long enough for the other worker to read every other file meanwhile
_SLOW = {"hash": frozenset(), "extract": frozenset()}  # on a worker: the files it slows down


def _slowed_hash(path):
    if os.path.basename(path) in _SLOW["hash"]:
        time.sleep(TWIN_SLOW_SECONDS)
    return sha256_file(path)


def _slowed_extract(path, sha256, meta, engine):
    if os.path.basename(path) in _SLOW["extract"]:
        time.sleep(TWIN_SLOW_SECONDS)
    return _real_extract(path, sha256, meta, engine)


def _slow_on_worker(hashing, extracting):
    """Run on the workers: hash or read the files of these names slowly (none: undo)."""
    from policylens.ingest import batch

    _SLOW["hash"], _SLOW["extract"] = frozenset(hashing), frozenset(extracting)
    slow = bool(hashing or extracting)
    batch.sha256_file = _slowed_hash if slow else sha256_file
    batch.extract_file = _slowed_extract if slow else _real_extract


@pytest.fixture(scope="module")
def twins(tmp_path_factory, batch):
    """A folder with a debate and a corrupt file each at two paths, and its local ingest."""
    import shutil

    import badpdfs

    folder = tmp_path_factory.mktemp("twins") / "in"
    folder.mkdir()
    shutil.copy(batch[0], folder / "a.pdf")
    badpdfs.corrupt_bytes(folder / "b-bad.pdf")
    shutil.copy(batch[1], folder / "c.pdf")
    badpdfs.corrupt_bytes(folder / "y-bad.pdf")
    shutil.copy(batch[0], folder / "z.pdf")
    db = folder.parent / "local.db"
    with open_store(db, create=True) as store:
        local = ingest_paths(store, [folder], workers=0)
    assert (local.added, local.unchanged, [os.path.basename(p) for p, _ in local.failed]) == (
        2, 2, ["b-bad.pdf"])
    return folder, local.describe(), as_tuples(contents(db))


@pytest.mark.parametrize("hashing, extracting, remembered", [
    ((), ("a.pdf",), ()),  # the first of a pair is read after the second
    ((), ("b-bad.pdf",), ()),  # and fails after the second failed
    (("a.pdf",), (), ()),  # the first's hash reaches the client after the second's result
    (("b-bad.pdf",), (), ("y-bad.pdf", "z.pdf")),  # the client knew the second ones' hashes
])
def test_the_same_content_twice_is_stored_as_on_the_local_path(
        tmp_path, cluster, client, twins, hashing, extracting, remembered):
    folder, described, expected = twins
    db = tmp_path / "remote.db"
    client.run(_slow_on_worker, hashing, extracting)
    with open_store(db, create=True) as store:
        rows = []
        for name in remembered:
            info = os.stat(folder / name)
            rows.append((str(folder / name), info.st_size, info.st_mtime_ns,
                         info.st_ctime_ns, info.st_ino, sha256_file(folder / name)))
        store.cache_hashes(rows)
        remote = ingest_paths(store, [folder], dask=cluster.scheduler_address)
    assert remote.describe() == described
    assert as_tuples(contents(db)) == expected


def _policylens_plugins(cluster):
    from policylens.distributed import PLUGIN_PREFIX

    return sorted(n for n in cluster.scheduler.worker_plugins if n.startswith(PLUGIN_PREFIX))


def _shared_on_workers():
    from policylens import distributed as module

    return sorted(module._SHARED)


def test_shares_of_dead_clients_do_not_pile_up_on_the_cluster(tmp_path, cluster, batch):
    from policylens.distributed import share_with_workers, shared

    db = tmp_path / "s.db"
    abandoned = []  # kept, or the share would end (and unregister) when collected
    for run in range(2):
        # A client that dies mid-run (killed, out of memory) never unregisters its share.
        dying = distributed.Client(cluster, set_as_default=False)
        abandoned.append(share_with_workers(dying, frozenset({f"run-{run}"})))
        name = abandoned[-1].__enter__()
        assert dying.submit(shared, name, pure=False).result() == frozenset({f"run-{run}"})
        assert name in _policylens_plugins(cluster)
        dying.close()
        # Then a normal run, which hashes its files on the workers (so it shares a skip set).
        with open_store(db, create=True) as store:
            ingest_paths(store, [batch[run]], dask=cluster.scheduler_address)
        assert _policylens_plugins(cluster) == []
    watcher = distributed.Client(cluster, set_as_default=False)
    try:
        assert all(names == [] for names in watcher.run(_shared_on_workers).values())
    finally:
        watcher.close()


def test_results_held_behind_a_slow_file_stay_few(tmp_path, cluster, client, batch,
                                                   monkeypatch):
    from policylens import distributed as distributed_module

    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(16):  # distinct contents: none is settled early as a copy of another
        data = batch[i % len(batch)].read_bytes() + b"\n%% copy %d\n" % i
        (folder / f"f-{i:02d}.pdf").write_bytes(data)
    local = tmp_path / "local.db"
    with open_store(local, create=True) as store:
        assert ingest_paths(store, [folder], workers=0).added == 16
    peak = [0]

    class Held(dict):
        def __setitem__(self, key, value):
            super().__setitem__(key, value)
            peak[0] = max(peak[0], len(self))

    class Watched(batch_module.FirstCopies):
        def __init__(self, *args) -> None:
            super().__init__(*args)
            self.held = Held()

    monkeypatch.setattr(batch_module, "FirstCopies", Watched)
    monkeypatch.setattr(distributed_module, "HELD_PER_THREAD", 1)
    # 2 threads: held results and tasks in flight stay within 2 * (TASKS_PER_THREAD + 1), and
    # the slow first file is one of those in flight all the while the others are held. A
    # result or two may be on their way from the cluster when the client counts (on a loaded
    # machine): the margin. Without back-pressure all 15 others are held.
    bound = 2 * (distributed_module.TASKS_PER_THREAD + 1) + 2
    # Every result waits for the first file's hash, which its worker is slow to find.
    client.run(_slow_on_worker, ("f-00.pdf",), ())
    with open_store(tmp_path / "remote.db", create=True) as store:
        summary = ingest_paths(store, [folder], dask=cluster.scheduler_address)
    assert summary.added == 16
    assert 0 < peak[0] <= bound
    assert as_tuples(contents(tmp_path / "remote.db")) == as_tuples(contents(local))


def test_run_on_the_cluster_gives_the_local_outputs(tmp_path, cluster, batch, monkeypatch):
    """`run --dask`: reading, tagging and topic scoring on the cluster, the same files out."""
    import policylens.topics.fit as fit_module
    import policylens.topics.vocabulary as vocabulary_module

    folder = str(batch[0].parent)
    scored_there, read_there = [], []
    real = fit_module.score_on_cluster
    real_read = vocabulary_module.read_on_cluster

    def counting(*args, **kwargs):
        for key, part in real(*args, **kwargs):
            scored_there.append(part.shape[0])
            yield key, part

    def counting_reads(*args, **kwargs):
        for n_texts, doc, flat in real_read(*args, **kwargs):
            read_there.append(n_texts)
            yield n_texts, doc, flat

    monkeypatch.setattr(fit_module, "score_on_cluster", counting)
    monkeypatch.setattr(vocabulary_module, "read_on_cluster", counting_reads)
    outs = [tmp_path / "local", tmp_path / "cluster"]
    for out, extra in zip(outs, ([], ["--dask", cluster.scheduler_address])):
        result = CliRunner().invoke(cli, ["-q", "run", folder, "--out", str(out), "--k", "3",
                                          "--workers", "1", "--bootstrap", "100", *extra])
        assert result.exit_code == 0, result.output
    with open_store(outs[0] / "policylens.db") as store:
        n_passages = store.count_passages()
    assert sum(scored_there) == n_passages  # every passage was scored on the cluster
    assert sum(read_there) == n_passages  # and split into words there for the vocabulary
    for name in ("document_topics.csv", "topics.csv", "topic_trends.csv",
                 "mention_trends.csv", "topic-model/model.npz"):
        assert (outs[1] / name).read_bytes() == (outs[0] / name).read_bytes(), name
