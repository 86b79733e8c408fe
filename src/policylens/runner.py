"""Every local worker process policylens starts, and how each one starts and ends.

Three kinds, one per shape of work, all started here and all ended by the block that started
them (every worker first asks the kernel to kill it when its parent dies, so even a run killed
with SIGKILL leaves none behind):

- :func:`run_tasks`: one function over many inputs (ingest's PDFs), each input under a time
  and memory limit. A worker that runs past the limit, dies (a crash in a C library, the
  kernel's out-of-memory killer) or exceeds its memory is replaced; the input it held is
  reported as a :class:`Failure` and the batch goes on.
- :func:`worker_pool`: a pool for work that cannot fail one input at a time (tagging batches,
  topic-model candidates); :func:`completed` feeds it with a bounded number in flight. An
  error or an interrupt ends its processes at once instead of waiting for their work.
- :class:`SideProcess`: one function in a fresh process beside this one (`policylens run`
  tags there while this process fits the topics).

Results arrive in completion order; the caller stores each as it comes, so an interrupted
batch keeps everything finished before the interruption. The same per-input work runs on a
Dask cluster through :mod:`policylens.distributed`, which reports failures with
:func:`failure_from` and :func:`timeout_failure` as these workers do.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing as mp
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor
from concurrent.futures import wait as wait_futures
from dataclasses import dataclass
from multiprocessing.connection import wait
from pathlib import Path
from typing import Any

from .defaults import DEFAULT_MEMORY_MB
from .errors import PdfError, PolicylensError

POLL_SECONDS = 0.5
PR_SET_PDEATHSIG = 1  # from <sys/prctl.h>

Say = Callable[[str], None]  # where a job's messages go (stderr in the command line)


def quiet(message: str) -> None:
    """A :data:`Say` that drops every message."""


# A progress-bar factory (where a job shows how far it is; click.progressbar in the command
# line): called with the number of steps and a label, it gives a context manager whose
# ``update(n)`` moves the bar.
ProgressBar = Callable[[int, str], contextlib.AbstractContextManager]


class NoProgressBar:
    """A :data:`ProgressBar` that shows nothing: call it, then use the bar it returns.

    Subclass it to watch a batch from a test (``update`` is called once per finished step).
    """

    def __call__(self, length: int, label: str) -> NoProgressBar:
        return self

    def __enter__(self) -> NoProgressBar:
        return self

    def __exit__(self, *exc: object) -> bool:
        return False

    def update(self, n: int) -> None:
        pass


@dataclass(frozen=True)
class Failure:
    """Why an input could not be processed."""

    reason: str
    message: str
    hint: str | None = None


def default_workers() -> int:
    """All the cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def failure_from(exc: BaseException) -> Failure:
    """The :class:`Failure` to record for an input whose work raised ``exc``."""
    if isinstance(exc, PdfError):
        return Failure(exc.reason, exc.message, exc.hint)
    if isinstance(exc, MemoryError):
        return Failure("too-large", "processing it needed more memory than the limit allows",
                       "split the file, or raise --memory-limit")
    if isinstance(exc, RecursionError):
        return Failure("corrupt", "the PDF's object structure is nested too deeply to read",
                       "the file is probably damaged or hostile; remove it from the batch")
    return Failure("error", f"unexpected {type(exc).__name__}: {str(exc)[:200]}",
                   "please report this with the file if you can share it")


def _limit_memory(memory_mb: int | None) -> None:
    if not memory_mb:
        return
    try:
        import resource

        limit = memory_mb * 1024 * 1024
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard != resource.RLIM_INFINITY:
            limit = min(limit, hard)
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    except (ImportError, ValueError, OSError):  # not on this platform: rely on the time limit
        pass


def give_back_memory() -> None:
    """Return the freed parts of this process's heap to the system (glibc; elsewhere nothing).

    After a phase that allocates and frees many blocks of a few MB (the topic stage's matrix
    build), glibc keeps the freed memory for reuse: ~150 MB stayed resident on 300,000
    passages though nothing held it.
    """
    try:
        import ctypes

        ctypes.CDLL(None).malloc_trim(0)
    except (OSError, AttributeError):  # not glibc
        pass


def die_with_parent(parent_pid: int) -> None:
    """Have the kernel kill this worker process when its parent dies, even mid-task (Linux
    only). Every kind of worker policylens starts calls it first.

    Otherwise a run killed with SIGKILL would leave a worker busy with a hostile file (or a
    topic fit, or a tagging batch) for ever: the pipe from the parent never reports
    end-of-file, because forked workers hold copies of each other's ends.
    """
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):  # not Linux: idle workers still notice (see _worker)
        pass
    if os.getppid() != parent_pid:  # the parent died before the request took effect
        os._exit(1)


# The cyclic garbage collector's thresholds in every process policylens runs: a collection
# after 100,000 new container objects rather than 700. Reading PDFs and tagging make millions
# of short-lived tuples and spaCy objects, nearly none in cycles; with Python's default
# thresholds the collector took 2-3% of their CPU (Python 3.11, measured on generated
# debates: ingest 2.30 -> 2.24 s, tagging 2.35 -> 2.30 s). Cycles are still collected.
GC_THRESHOLDS = (100_000, 50, 100)


def collect_less() -> None:
    """Set this process's garbage-collector thresholds to GC_THRESHOLDS."""
    gc.set_threshold(*GC_THRESHOLDS)


# Ctrl-C and SIGTERM wait while a process is started. Starting a spawned process writes its
# start-up data (pickled arguments: a topic fit's matrix) down a pipe as the child reads it;
# the command line's handlers raise on either signal, and a write cut short leaves the child
# a truncated pickle, which it reports with a traceback. Held by swapping the handlers, not by
# the signal mask: a mask would reach the children and keep them from ending while they start.
HELD_SIGNALS = (signal.SIGINT, signal.SIGTERM)


@contextlib.contextmanager
def signals_held() -> Iterator[None]:
    """Hold Ctrl-C and SIGTERM for the block (main thread only); they are handled on leaving it,
    as they would have been."""
    if threading.current_thread() is not threading.main_thread():
        yield  # only the main thread may set handlers, and only it runs them
        return
    holder = os.getpid()
    held: list[int] = []

    def hold(signum: int, frame) -> None:
        if os.getpid() != holder:  # a child forked in the block, before worker_signals()
            if signum == signal.SIGTERM:
                signal.signal(signum, signal.SIG_DFL)
                os.kill(os.getpid(), signum)
            return
        held.append(signum)

    previous = {signum: signal.signal(signum, hold) for signum in HELD_SIGNALS}
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, signal.SIG_DFL if handler is None else handler)
        for signum in dict.fromkeys(held):
            signal.raise_signal(signum)


def worker_signals() -> None:
    """A worker's signals: Ctrl-C is its parent's to handle; SIGTERM ends it (a forked worker
    would otherwise inherit its parent's handler)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _worker(conn, fn: Callable, memory_mb: int | None, initializer: Callable | None,
            parent_pid: int) -> None:
    worker_signals()
    die_with_parent(parent_pid)
    collect_less()
    _limit_memory(memory_mb)
    state = initializer() if initializer else None
    while True:
        try:
            while not conn.poll(POLL_SECONDS):
                if os.getppid() != parent_pid:
                    return
            msg = conn.recv()
        except (EOFError, OSError):
            return
        if msg is None:
            return
        key, args = msg
        try:
            result = fn(*args, state) if initializer else fn(*args)
            conn.send((key, True, result))
        except BaseException as exc:  # noqa: BLE001 - every failure must reach the parent
            conn.send((key, False, failure_from(exc)))


class _Slot:
    def __init__(self, ctx, fn, memory_mb, initializer) -> None:
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_worker,
                                args=(child, fn, memory_mb, initializer, os.getpid()),
                                daemon=True)
        # A forked worker's garbage collector then leaves alone everything it inherits (the
        # parent's modules and objects): less work per collection, and no copy-on-write of
        # the pages it would have touched (Python's advice for fork()). Python 3.11, 10
        # generated debates in one forked worker: 1.3% less CPU.
        gc.freeze()
        try:
            self.proc.start()
        finally:
            gc.unfreeze()  # this process collects as before
        child.close()
        self.task: tuple[Any, tuple] | None = None
        self.started = 0.0

    def give(self, key: Any, args: tuple) -> None:
        self.task = (key, args)
        self.started = time.monotonic()
        self.conn.send((key, args))

    def kill(self) -> None:
        if self.proc.is_alive():
            self.proc.kill()
        self.proc.join(5)
        self.conn.close()


def _inline(fn, tasks, timeout, initializer) -> Iterator[tuple[Any, bool, Any]]:
    """workers=0: run here, with an alarm as the time limit where signals allow it."""
    state = initializer() if initializer else None
    use_alarm = hasattr(signal, "SIGALRM") and mp.current_process().name == "MainProcess"

    def on_alarm(signum, frame):
        raise TimeoutError

    old = signal.signal(signal.SIGALRM, on_alarm) if use_alarm else None
    try:
        for key, args in tasks:
            if use_alarm:
                signal.setitimer(signal.ITIMER_REAL, timeout)
            try:
                item = key, True, (fn(*args, state) if initializer else fn(*args))
            except TimeoutError:
                item = key, False, timeout_failure(timeout)
            except Exception as exc:  # noqa: BLE001
                item = key, False, failure_from(exc)
            finally:
                if use_alarm:
                    signal.setitimer(signal.ITIMER_REAL, 0)
            # Yield with the alarm off: the caller's store writes are not under the limit.
            yield item
    finally:
        if use_alarm:
            signal.signal(signal.SIGALRM, old)


def timeout_failure(timeout: float) -> Failure:
    """The :class:`Failure` to record for an input that ran past ``timeout`` seconds."""
    return Failure("timeout", f"reading took longer than the {timeout:g} s limit",
                   "raise --timeout if the file is just large, or remove it from the batch")


def run_tasks(
    fn: Callable,
    tasks: Iterable[tuple[Any, tuple]],
    *,
    workers: int,
    timeout: float,
    memory_mb: int | None = DEFAULT_MEMORY_MB,
    initializer: Callable | None = None,
) -> Iterator[tuple[Any, bool, Any]]:
    """Yield (key, ok, result-or-Failure) for each (key, args) task, in completion order.

    With ``initializer``, each worker calls it once and passes its return value to ``fn`` as
    the last argument (a loaded model, say).
    """
    if workers <= 0:
        yield from _inline(fn, tasks, timeout, initializer)
        return
    method = "fork" if sys.platform.startswith("linux") else "spawn"
    ctx = mp.get_context(method)
    pending = iter(tasks)
    slots: list[_Slot] = []
    exhausted = False
    try:
        while True:
            for slot in [s for s in slots if s.task is None]:
                nxt = None if exhausted else next(pending, None)
                if nxt is None:
                    exhausted = True
                    break
                slot.give(*nxt)
            while not exhausted and len(slots) < workers:
                nxt = next(pending, None)
                if nxt is None:
                    exhausted = True
                    break
                slot = _Slot(ctx, fn, memory_mb, initializer)
                slots.append(slot)
                slot.give(*nxt)
            busy = [s for s in slots if s.task is not None]
            if not busy:
                return
            now = time.monotonic()
            wait_for = max(0.01, min(timeout - (now - s.started) for s in busy))
            ready = wait([s.conn for s in busy] + [s.proc.sentinel for s in busy],
                         timeout=min(wait_for, POLL_SECONDS))
            for slot in busy:
                died = False
                if slot.conn in ready:
                    try:
                        key, ok, result = slot.conn.recv()
                    except (EOFError, OSError):
                        died = True
                    else:
                        # The worker gets its next input before the caller handles this
                        # result (ingest stores it): it reads while the caller writes.
                        slot.task = None
                        nxt = None if exhausted else next(pending, None)
                        if nxt is None:
                            exhausted = True
                        else:
                            slot.give(*nxt)
                        yield key, ok, result
                        continue
                elif slot.proc.sentinel not in ready and (
                    time.monotonic() - slot.started < timeout
                ):
                    continue
                # Timed out, or the process died without answering: replace it.
                key = slot.task[0]
                died = died or not slot.proc.is_alive()
                slot.kill()
                slots.remove(slot)
                if died:
                    code = slot.proc.exitcode
                    yield key, False, Failure(
                        "crashed",
                        f"the worker reading it died (exit code {code}), e.g. out of memory",
                        "remove the file from the batch, or raise --memory-limit",
                    )
                else:
                    yield key, False, timeout_failure(timeout)
    finally:
        for slot in slots:
            try:
                if slot.task is None and slot.proc.is_alive():
                    slot.conn.send(None)
            except OSError:
                pass
            slot.kill()


def _start_pool_worker(parent_pid: int, initializer: Callable | None, initargs: tuple) -> None:
    worker_signals()
    die_with_parent(parent_pid)
    collect_less()
    if initializer is not None:
        initializer(*initargs)


@contextlib.contextmanager
def worker_pool(workers: int, initializer: Callable | None = None, initargs: tuple = (), *,
                fresh: bool = False) -> Iterator[ProcessPoolExecutor]:
    """A pool of ``workers`` processes, each calling ``initializer(*initargs)`` once.

    The workers die with this process. Leaving the block normally waits for them; an error,
    an interrupt or a generator closed early ends them at once (a topic fit may take minutes).
    ``fresh`` starts them with spawn rather than fork: for work whose libraries must not be
    inherited mid-use (BLAS and OpenMP thread pools) or that should not inherit this process's
    open store.
    """
    method = "spawn" if fresh or not sys.platform.startswith("linux") else "fork"
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=mp.get_context(method),
                               initializer=_start_pool_worker,
                               initargs=(os.getpid(), initializer, initargs))
    try:
        yield pool
    except BaseException:
        _end_pool(pool)
        raise
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _end_pool(pool: ProcessPoolExecutor) -> None:
    """Terminate a pool's processes (there is no public way before Python 3.14)."""
    if hasattr(pool, "terminate_workers"):  # Python 3.14+
        pool.terminate_workers()
        return
    for proc in list((getattr(pool, "_processes", None) or {}).values()):
        try:
            proc.terminate()
        except (OSError, ValueError, AttributeError):  # already gone or closed
            pass


def completed(pool: ProcessPoolExecutor, fn: Callable, items: Iterable, in_flight: int
              ) -> Iterator[tuple[Any, Any]]:
    """Yield (item, fn(item)) as the pool finishes them, with at most ``in_flight`` submitted
    at a time (so memory stays bounded however many items there are); errors are raised."""
    pending: dict[Future, Any] = {}

    def finished() -> Iterator[tuple[Any, Any]]:
        done, _ = wait_futures(pending, return_when=FIRST_COMPLETED)
        for future in done:
            yield pending.pop(future), future.result()

    for item in items:
        with signals_held():  # a submit may start a worker
            pending[pool.submit(fn, item)] = item
        if len(pending) >= in_flight:
            yield from finished()
    while pending:
        yield from finished()


class SideProcess:
    """A function run in a fresh process next to this one; ``result()`` waits for its value.

    A fresh (spawned) process rather than a fork: this one holds an open SQLite connection,
    which a forked child must never inherit. The child dies with this process, and errors
    come back as the library's own errors, attributes and hint included. With ``reports``,
    the function is called with an ``info`` keyword: what it says comes back as it happens,
    and ``poll`` and ``result`` pass it on in order. ``leftovers`` are files the function may
    leave half-written when ended early: ``stop`` removes them.
    """

    def __init__(self, fn: Callable, *args, label: str = "tagging", reports: bool = False,
                 leftovers: Sequence[str | Path] = ()) -> None:
        self.label = label
        self._leftovers = tuple(Path(p) for p in leftovers)
        self._outcome: tuple[str, object] | None = None
        ctx = mp.get_context("spawn")
        self._conn, child = ctx.Pipe(duplex=False)
        # Not a daemon: a daemon may not start processes, and tagging a large store does.
        self._proc = ctx.Process(target=_side_main,
                                 args=(child, os.getpid(), fn, args, reports),
                                 name=f"policylens-{label}")
        try:
            with signals_held():
                self._proc.start()
        except BaseException:
            # Interrupted while starting: whatever was started must not outlive us (it
            # ignores Ctrl-C and is not a daemon).
            child.close()
            self.stop()
            raise
        child.close()

    def poll(self, info: Say = quiet) -> None:
        """Pass the messages that have arrived to ``info``; raise the error if it failed."""
        while self._outcome is None and (self._conn.poll() or not self._proc.is_alive()):
            self._receive(info)
        self._check()

    @property
    def finished(self) -> bool:
        """The function has returned or failed (as far as ``poll`` or ``result`` has seen)."""
        return self._outcome is not None

    def result(self, info: Say = quiet):
        """The function's return value (its messages passed to ``info`` first); re-raises its
        error here."""
        while self._outcome is None:
            wait([self._conn, self._proc.sentinel])
            self._receive(info)
        self._check()
        return self._outcome[1]

    def _receive(self, info: Say) -> None:
        """Read one item; an ended process with nothing left to read has died."""
        if not self._conn.poll():
            if self._proc.is_alive():
                return
            # Ended: what it sent before is still readable. (Not a blocking read: processes
            # it forked may hold the pipe open after it died.)
            if not self._conn.poll():
                self._died()
                return
        try:
            kind, value = self._conn.recv()
        except (EOFError, OSError):
            self._died()
            return
        if kind == "info":
            info(value)
        else:
            self._outcome = (kind, value)

    def _died(self) -> None:
        self._proc.join()
        self._outcome = ("died", self._proc.exitcode)

    def _check(self) -> None:
        if self._outcome is None or self._outcome[0] == "ok":
            return
        kind, value = self._outcome
        if kind == "died":
            raise RuntimeError(f"the {self.label} process ended unexpectedly (exit code "
                               f"{value})")
        cls, args, attrs, text = value
        if cls is not None:
            # Rebuilt as pickling cannot (it would call the class with ``args`` alone): the
            # same class, args and attributes, whatever the subclass's signature.
            error = cls.__new__(cls, *args)
            BaseException.__init__(error, *args)
            error.__dict__.update(attrs)
            raise error
        raise RuntimeError(f"the {self.label} process failed: {text}")

    def stop(self) -> None:
        """End the process if it is still running (it writes the store in transactions: safe
        to end) and remove the files it may have left half-written."""
        if self._proc.pid is not None:  # started
            if self._proc.is_alive():
                self._proc.terminate()
            self._proc.join()
        self._conn.close()
        for path in self._leftovers:
            path.unlink(missing_ok=True)


def _side_main(conn, parent_pid: int, fn: Callable, args: tuple, reports: bool) -> None:
    import traceback

    worker_signals()
    die_with_parent(parent_pid)
    collect_less()

    def say(message: str) -> None:
        conn.send(("info", message))

    try:
        try:
            conn.send(("ok", fn(*args, info=say) if reports else fn(*args)))
        except PolicylensError as exc:
            conn.send(("error", (type(exc), exc.args, dict(vars(exc)), None)))
    except BaseException as exc:  # noqa: BLE001 - reported to the parent, which raises
        conn.send(("error", (None, (), {},
                             f"{type(exc).__name__}: {exc}\n{traceback.format_exc()}")))
    finally:
        conn.close()
