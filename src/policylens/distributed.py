"""Per-file work on an existing Dask cluster (``--dask ADDRESS``), results as they finish.

The client (the process running ``policylens``) submits one task per file, a couple per
worker thread at a time, and yields each result as soon as it completes, so the caller writes
it to the store at once. A worker that dies loses only the files it held, and
Dask gives those to another worker; a file that keeps killing workers is reported as crashed.
A killed client loses nothing already stored, and a rerun skips what is stored (by sha256).
A task running past the time limit (counted from when a worker starts it, as each task
reports, not from submission: files may wait for a worker) is reported as timed out and its
worker restarted, so one hanging file never holds a worker for ever. A task can tell the
client something before it ends (:func:`tell_client`, e.g. the hash of the file it reads), so
the client knows it even when the task then times out or kills its worker.

Workers need policylens installed (the same version as the client) and must see the files at
the same paths, e.g. on a shared file system. Dask is optional
(``pip install "policylens[dask]"``) and imported here only when a cluster is used.
"""

from __future__ import annotations

import hashlib
import itertools
import os
import queue
import threading
import time
import uuid
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from .errors import InputError
from .runner import Failure, failure_from, timeout_failure

DASK_ENV = "POLICYLENS_DASK"
CONNECT_SECONDS = 30
POLL_SECONDS = 0.5
THREADS_REFRESH_SECONDS = 5.0  # how often the cluster's size is asked again (it may scale)
TASKS_PER_THREAD = 2  # tasks handed to the cluster at once, per worker thread
# Results the caller may hold back (``backlog``), with the tasks in flight, per worker thread:
# past this no task is submitted, so held results (whole documents) cannot pile up behind one
# slow or retried task.
HELD_PER_THREAD = 4
STARTED_TOPIC = "policylens-task-started"  # Dask event topic: workers report each task's start
NOTE_TOPIC = "policylens-task-note"  # Dask event topic: what tasks tell the client as they run

_TASK = threading.local()  # on a worker: the Dask key of the task this thread runs
_SHARED: dict[str, Any] = {}  # on a worker: values given by share_with_workers, by name


def _distributed():
    try:
        import distributed
    except ImportError as exc:
        raise InputError(
            "running on a Dask cluster needs Dask, which is not installed",
            'pip install "policylens[dask]" (on this machine and on the workers)',
        ) from exc
    return distributed


def connect(address: str | None = None):
    """A Dask client for the scheduler at ``address`` (default: $POLICYLENS_DASK)."""
    address = address or os.environ.get(DASK_ENV)
    if not address:
        raise InputError("no Dask scheduler given",
                         f"pass --dask tcp://HOST:8786 or set {DASK_ENV}")
    distributed = _distributed()
    try:
        return distributed.Client(address, timeout=CONNECT_SECONDS, set_as_default=False)
    except (OSError, TimeoutError) as exc:
        raise InputError(f"cannot reach the Dask scheduler at {address} ({exc})",
                         "check the address and that `dask scheduler` is running there") from exc


def _call(fn: Callable, args: tuple, key: str) -> tuple[bool, Any]:
    """Run on a worker: (True, result) or (False, Failure), so errors travel as data.

    Tells the client first that ``key`` has started here: its time limit counts from then,
    not from submission, so a file waiting for a free worker is never reported as timed out.
    """
    worker = _distributed().get_worker()
    worker.log_event(STARTED_TOPIC, {"key": key, "worker": worker.address})
    _TASK.key = key
    try:
        return True, fn(*args)
    except Exception as exc:  # every failure must reach the client
        return False, failure_from(exc)
    finally:
        _TASK.key = None


def tell_client(value: Any) -> None:
    """From a task on a worker: send ``value`` to the client's ``on_note`` now, not at the end.

    Does nothing outside :func:`run_on_cluster` (e.g. when the same function runs locally).
    """
    key = getattr(_TASK, "key", None)
    if key is not None:
        _distributed().get_worker().log_event(NOTE_TOPIC, {"key": key, "value": value})


def shared(name: str) -> Any:
    """On a worker: the value :func:`share_with_workers` gave it under ``name``."""
    return _SHARED[name]


def _hold(name: str, value: Any) -> None:
    _SHARED[name] = value


def _drop(name: str) -> None:
    _SHARED.pop(name, None)


PLUGIN_PREFIX = "policylens-shared-"  # worker plugins share_with_workers registers
_SHARES: dict[str, int] = {}  # on the client: plugin name -> shares using it now
_SHARES_LOCK = threading.Lock()


def _feed(digest, value: Any) -> None:
    """Hash ``value`` (str, bytes, numbers and containers of them) the same in any process."""
    if isinstance(value, bytes):
        digest.update(b"b%d:" % len(value))
        digest.update(value)
    elif isinstance(value, str):
        _feed(digest, value.encode())
        digest.update(b"s")
    elif isinstance(value, (set, frozenset)):
        # Sorted: a set's order depends on the process's string hashing.
        items = sorted(value, key=repr)
        digest.update(b"S%d:" % len(items))
        for item in items:
            _feed(digest, item)
    elif isinstance(value, (tuple, list)):
        digest.update(b"T%d:" % len(value))
        for item in value:
            _feed(digest, item)
    else:
        _feed(digest, repr(value))
        digest.update(b"r")


def _plugin_name(client, value: Any) -> str:
    """The worker plugin's name: this client's id and a hash of what it carries."""
    digest = hashlib.sha256()
    _feed(digest, value)
    return f"{PLUGIN_PREFIX}{client.id}-{digest.hexdigest()[:32]}"


def _stale_plugins(prefix: str, dask_scheduler=None) -> list[str]:
    """Run on the scheduler: the plugins under ``prefix`` of clients no longer connected.

    Uses nothing from policylens (pickled by value below), as the scheduler need not have it.
    """
    alive = tuple(f"{prefix}{client}-" for client in dask_scheduler.clients)
    return [name for name in dask_scheduler.worker_plugins
            if name.startswith(prefix) and not name.startswith(alive)]


def _prune_plugins(client) -> None:
    """Unregister the shares of clients that died without unregistering theirs."""
    try:
        stale = client.run_on_scheduler(_by_value(_stale_plugins), PLUGIN_PREFIX)
    except Exception:  # a scheduler that refuses run_on_scheduler: they stay, as they did
        return
    for name in stale:
        try:
            client.unregister_worker_plugin(name)
        except Exception:  # another client pruned it first, or the connection is gone
            pass


def _by_value(fn: Callable) -> Callable:
    """``fn`` as a copy cloudpickle sends by value (no import of policylens on the other end)."""
    import types

    return types.FunctionType(fn.__code__, {"__builtins__": __builtins__}, fn.__name__,
                              fn.__defaults__, fn.__closure__)


@contextmanager
def share_with_workers(client, value: Any) -> Iterator[str]:
    """Give ``value`` to every worker once; yield the name tasks pass to :func:`shared`.

    A worker plugin rather than ``client.scatter``: the scheduler gives it to workers that
    join or restart later too, while scattered data dies with the last worker holding it
    (a one-worker cluster restarted after a time-out would fail every later task).

    The scheduler keeps a plugin, and gives it to every restarted or new worker, until it is
    unregistered, whether or not the client that registered it is still there. So the name
    carries the client's id, and each share first unregisters those of clients that are gone
    (killed, out of memory, cut off): one that died leaks its share only until the next run,
    and repeated runs cannot pile them up. Another client's live share is never touched,
    even with the same value: its tasks may still need it. Within one client, the same value
    shared twice at once uses one plugin (idempotent), unregistered when the last share ends.
    """
    base = _distributed().WorkerPlugin

    class _Share(base):
        # Calls module functions (pickled by reference), so the value lands in the worker's
        # own _SHARED, not in a copy travelling with this class.
        idempotent = True  # registered again under its name: the scheduler keeps the first

        def __init__(self, name: str, value: Any) -> None:
            self.name, self.value = name, value

        def setup(self, worker) -> None:
            _hold(self.name, self.value)

        def teardown(self, worker) -> None:
            _drop(self.name)

    _prune_plugins(client)
    name = _plugin_name(client, value)
    with _SHARES_LOCK:
        _SHARES[name] = _SHARES.get(name, 0) + 1
    try:
        client.register_plugin(_Share(name, value), name=name)
        yield name
    finally:
        with _SHARES_LOCK:
            _SHARES[name] -= 1
            last = not _SHARES[name]
            if last:
                del _SHARES[name]
        if last:
            try:
                client.unregister_worker_plugin(name)
            except Exception:  # the connection is gone: the next run's _prune_plugins drops it
                pass


def _threads(client) -> int:
    try:
        return max(1, sum(client.nthreads().values()))
    except Exception:  # the scheduler is busy or gone: the next result will tell
        return 1


@dataclass
class _Task:
    """A submitted task: whose it is, and where and until when it may run once started."""

    key: Any
    worker: str | None = None
    deadline: float | None = None  # None until the task reports that it has started


def _still_on(client, future, worker: str) -> bool:
    """Whether the scheduler still has ``future`` on ``worker`` (not lost with it and requeued)."""
    try:
        processing = client.processing()  # asking for one gone worker would be an error
    except Exception:  # the scheduler is busy or gone: trust the task's own report
        return True
    return future.key in processing.get(worker, ())


def _give_up(client, future, worker: str) -> None:
    """Cancel ``future`` and restart ``worker``, which runs it: a running task cannot be stopped.

    Cancelled first, or the scheduler hands the task to another worker when this one goes.
    """
    future.cancel()
    try:
        client.restart_workers([worker], raise_for_error=False)
    except Exception:  # a worker without a nanny cannot be restarted: it finishes in time
        pass


def run_on_cluster(
    fn: Callable,
    tasks: Iterable[tuple[Any, tuple]],
    address: str | None = None,
    *,
    timeout: float,
    client=None,
    on_note: Callable[[Any, Any], None] | None = None,
    backlog: Callable[[], int] | None = None,
) -> Iterator[tuple[Any, bool, Any]]:
    """Yield (key, ok, result-or-Failure) for each (key, args) task, in completion order.

    The same contract as :func:`policylens.runner.run_tasks`, with the work done on a Dask
    cluster: ``fn`` must be importable on the workers. Pass ``client`` to reuse a connection.
    A task's ``timeout`` counts from when a worker starts it, however long it waited for one.
    ``on_note(key, value)`` is called (before that task's result is yielded) for each
    :func:`tell_client` made by a task. ``backlog()`` is how many yielded results the caller
    holds back unrecorded: while those and the tasks in flight reach HELD_PER_THREAD +
    TASKS_PER_THREAD per worker thread, no task is submitted (the running ones go on).
    """
    pending = iter(tasks)
    first = next(pending, None)
    if first is None:
        return  # nothing to do: no need for a cluster
    pending = itertools.chain([first], pending)
    distributed = _distributed()
    own = client is None
    client = client or connect(address)
    running: dict[Any, _Task] = {}  # future -> task
    by_key: dict[str, Any] = {}  # Dask key -> future
    finished: queue.SimpleQueue = queue.SimpleQueue()  # futures, in the order they finish
    started: queue.SimpleQueue = queue.SimpleQueue()  # (Dask key, worker, when the client heard)
    notes: queue.SimpleQueue = queue.SimpleQueue()  # (Dask key, value)

    def on_start(event: tuple[float, dict]) -> None:
        # Timed by the client's clock on arrival: the workers' clocks may disagree with it.
        _, msg = event
        started.put((msg["key"], msg["worker"], time.monotonic()))

    def on_told(event: tuple[float, dict]) -> None:
        notes.put((event[1]["key"], event[1]["value"]))

    def pass_notes() -> None:
        # In this thread, not the subscription's: the caller's on_note need not be thread-safe.
        while True:
            try:
                dask_key, value = notes.get_nowait()
            except queue.Empty:
                return
            future = by_key.get(dask_key)  # None: another run's, or given up on already
            if future is not None and future in running:
                on_note(running[future].key, value)

    exhausted = False
    try:
        client.subscribe_topic(STARTED_TOPIC, on_start)
        if on_note is not None:
            client.subscribe_topic(NOTE_TOPIC, on_told)
        capacity, asked = _threads(client), time.monotonic()
        while True:
            if time.monotonic() - asked > THREADS_REFRESH_SECONDS:
                capacity, asked = _threads(client), time.monotonic()
            # A few tasks per worker thread: one runs while the next waits on the cluster, so
            # no thread idles for a round trip, and memory stays bounded however many files.
            held_limit = capacity * (TASKS_PER_THREAD + HELD_PER_THREAD)
            while not exhausted and len(running) < capacity * TASKS_PER_THREAD:
                if running and backlog is not None and len(running) + backlog() >= held_limit:
                    # The caller's held results wait on tasks submitted already, which go on;
                    # with none running nothing could release them, so submit regardless.
                    break
                nxt = next(pending, None)
                if nxt is None:
                    exhausted = True
                    break
                key, args = nxt
                dask_key = f"policylens-{uuid.uuid4().hex}"
                future = client.submit(_call, fn, args, dask_key, pure=False, key=dask_key)
                running[future], by_key[dask_key] = _Task(key), future
                future.add_done_callback(finished.put)
            if not running:
                return
            deadlines = [t.deadline for t in running.values() if t.deadline is not None]
            wait = min([POLL_SECONDS] + [d - time.monotonic() for d in deadlines])
            try:
                future = finished.get(timeout=max(0.01, wait))
            except queue.Empty:
                future = None
            if on_note is not None:
                pass_notes()
            if future is not None and future in running:  # not one given up on already
                task = running.pop(future)
                by_key.pop(future.key, None)
                yield (task.key, *_outcome(future, distributed))
            while True:
                try:
                    dask_key, worker, when = started.get_nowait()
                except queue.Empty:
                    break
                future = by_key.get(dask_key)  # None: another run's, or already done
                if future is not None and future in running:
                    # A retry, after its first worker died, starts the clock again.
                    running[future].worker, running[future].deadline = worker, when + timeout
            now = time.monotonic()
            for future, task in list(running.items()):
                if task.deadline is None or now < task.deadline or future.done():
                    continue
                if not _still_on(client, future, task.worker):
                    # Its worker died and the task waits for another: time it from its restart.
                    task.worker = task.deadline = None
                    continue
                if on_note is not None:
                    pass_notes()
                running.pop(future)
                by_key.pop(future.key, None)
                _give_up(client, future, task.worker)
                yield task.key, False, timeout_failure(timeout)
    finally:
        try:
            client.unsubscribe_topic(STARTED_TOPIC)
            if on_note is not None:
                client.unsubscribe_topic(NOTE_TOPIC)
        except Exception:  # the connection is gone already
            pass
        if running:
            client.cancel(list(running))
        if own:
            client.close()


def _outcome(future, distributed) -> tuple[bool, Any]:
    """(ok, result-or-Failure) of a finished future."""
    try:
        return future.result()
    except distributed.KilledWorker:
        return False, Failure(
            "crashed", "the Dask workers reading it died each time it was tried (e.g. out of "
            "memory)", "remove the file from the batch, or give the workers more memory")
    except Exception as exc:  # the task could not run or its result could not travel back
        return False, failure_from(exc)
