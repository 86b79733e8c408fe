"""Per-file work on an existing Dask cluster (``--dask ADDRESS``), results as they finish.

The client (the process running ``policylens``) submits one task per file, as many at a time
as the cluster has worker threads, and yields each result as soon as it completes, so the
caller writes it to the store at once. A worker that dies loses only the files it held, and
Dask gives those to another worker; a file that keeps killing workers is reported as crashed.
A killed client loses nothing already stored, and a rerun skips what is stored (by sha256).
A task running past the time limit is reported as timed out and its worker restarted, so one
hanging file never holds a worker for ever.

Workers need policylens installed (the same version as the client) and must see the files at
the same paths, e.g. on a shared file system. Dask is optional
(``pip install "policylens[dask]"``) and imported here only when a cluster is used.
"""

from __future__ import annotations

import itertools
import os
import queue
import threading
import time
import uuid
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from .errors import InputError
from .runner import Failure, _failure_from, _timeout_failure

DASK_ENV = "POLICYLENS_DASK"
CONNECT_SECONDS = 30
POLL_SECONDS = 0.5
THREADS_REFRESH_SECONDS = 5.0  # how often the cluster's size is asked again (it may scale)


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


def _call(fn: Callable, args: tuple) -> tuple[bool, Any]:
    """Run on a worker: (True, result) or (False, Failure), so errors travel as data."""
    try:
        return True, fn(*args)
    except Exception as exc:  # every failure must reach the client
        return False, _failure_from(exc)


def _threads(client) -> int:
    try:
        return max(1, sum(client.nthreads().values()))
    except Exception:  # the scheduler is busy or gone: the next result will tell
        return 1


def _give_up(client, future) -> None:
    """Cancel ``future`` and restart the worker running it: a running task cannot be stopped.

    Cancelled first, or the scheduler hands the task to another worker when this one goes.
    """
    try:
        workers = [address for address, keys in client.processing().items()
                   if future.key in keys]
    except Exception:  # the scheduler is busy or gone
        workers = []
    future.cancel()
    try:
        if workers:
            client.restart_workers(workers, raise_for_error=False)
    except Exception:  # a worker without a nanny cannot be restarted: it finishes in time
        pass


def run_on_cluster(
    fn: Callable,
    tasks: Iterable[tuple[Any, tuple]],
    address: str | None = None,
    *,
    timeout: float,
    client=None,
) -> Iterator[tuple[Any, bool, Any]]:
    """Yield (key, ok, result-or-Failure) for each (key, args) task, in completion order.

    The same contract as :func:`policylens.runner.run_tasks`, with the work done on a Dask
    cluster: ``fn`` must be importable on the workers. Pass ``client`` to reuse a connection.
    """
    pending = iter(tasks)
    first = next(pending, None)
    if first is None:
        return  # nothing to do: no need for a cluster
    pending = itertools.chain([first], pending)
    distributed = _distributed()
    own = client is None
    client = client or connect(address)
    running: dict[Any, tuple[Any, float]] = {}  # future -> (key, deadline)
    finished: queue.SimpleQueue = queue.SimpleQueue()  # futures, in the order they finish
    exhausted = False
    capacity, asked = _threads(client), time.monotonic()
    try:
        while True:
            if time.monotonic() - asked > THREADS_REFRESH_SECONDS:
                capacity, asked = _threads(client), time.monotonic()
            # One task per worker thread: each starts as it is submitted, so its time limit
            # counts from then, and memory stays bounded however many files there are.
            while not exhausted and len(running) < capacity:
                nxt = next(pending, None)
                if nxt is None:
                    exhausted = True
                    break
                key, args = nxt
                future = client.submit(_call, fn, args, pure=False,
                                       key=f"policylens-{uuid.uuid4().hex}")
                running[future] = (key, time.monotonic() + timeout)
                future.add_done_callback(finished.put)
            if not running:
                return
            soonest = min(deadline for _, deadline in running.values())
            try:
                future = finished.get(timeout=max(0.01, min(POLL_SECONDS,
                                                            soonest - time.monotonic())))
            except queue.Empty:
                future = None
            if future is not None and future in running:  # not one given up on already
                key, _ = running.pop(future)
                yield (key, *_outcome(future, distributed))
            now = time.monotonic()
            for future, (key, deadline) in list(running.items()):
                if now >= deadline and not future.done():
                    running.pop(future)
                    _give_up(client, future)
                    yield key, False, _timeout_failure(timeout)
    finally:
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
        return False, _failure_from(exc)


# -- tagging ---------------------------------------------------------------------------------

_TAGGERS: dict[str, Any] = {}  # model version -> pipeline, built once per worker process
_TAGGER_LOCK = threading.Lock()


def _tag_batch(batch: list[tuple[str, str]], model: tuple[str, str, bytes]) -> list:
    """Run on a worker: the mentions in one batch, with the pipeline built on first use."""
    from .tagging import tag

    version, config, data = model
    with _TAGGER_LOCK:  # one pipeline per process, and spaCy is not shared between threads
        nlp = _TAGGERS.get(version)
        if nlp is None:
            tag._init_worker(config, data)
            nlp = _TAGGERS[version] = tag._WORKER_NLP
        return tag.tag_texts(nlp, batch)


def tag_on_cluster(nlp, batches: Iterable[list[tuple[str, str]]], address: str | None = None,
                   *, timeout: float = 600.0) -> Iterator[tuple[list, list]]:
    """Yield (batch, mentions) as the cluster tags them, in completion order.

    The pipeline travels once to each worker (as spaCy's config and bytes); the batches are
    drawn from ``batches`` only as workers become free, so memory stays bounded.
    """
    from .errors import PolicylensError
    from .tagging.pipeline import model_version

    client = connect(address)
    try:
        model = client.scatter((model_version(nlp), nlp.config.to_str(), nlp.to_bytes()),
                               broadcast=True)
        held: dict[int, list] = {}

        def tasks():
            for i, batch in enumerate(batches):
                held[i] = batch
                yield i, (batch, model)

        for key, ok, result in run_on_cluster(_tag_batch, tasks(), timeout=timeout,
                                              client=client):
            batch = held.pop(key)
            if not ok:
                raise PolicylensError(f"tagging a batch on the cluster failed: {result.message}",
                                      "rerun the command: tagged batches are kept")
            yield batch, result
    finally:
        client.close()
