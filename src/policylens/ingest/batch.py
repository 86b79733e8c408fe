"""Ingest a batch: find PDFs, skip what is stored, read the rest in workers, store each."""

from __future__ import annotations

import gc
import heapq
import os
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from pathlib import Path

from ..defaults import DEFAULT_TIMEOUT
from ..errors import InputError
from ..runner import (
    DEFAULT_MEMORY_MB,
    Failure,
    NoProgressBar,
    ProgressBar,
    default_workers,
    failure_from,
    run_tasks,
)
from ..store import Store
from .extract import extract_document, sha256_file
from .metadata import METADATA_FILE, MetaEntry, read_metadata
from .pdfium import DEFAULT_ENGINE

PDF_SUFFIX = ".pdf"
HASH_CACHE_BATCH = 500  # files hashed per store transaction: an interrupted run keeps most
# A file modified or changed (mtime or ctime) this recently may change again within its file
# system's timestamp resolution (2 s on FAT, 1 s on some network shares) without its stat
# changing: its hash is not cached, so the next run reads it again. ctime too, as a copy that
# keeps its mtime (cp -p, rsync -t, tar) is dated back however fresh it is.
RACY_WINDOW_NS = 2_000_000_000
# Reading a document makes many short-lived tuples and lists and few reference cycles: the
# collector's youngest generation is scanned every this many allocations while a file is read,
# not every 700 (Python's default), which spent ~2% of the reading time finding nothing.
GC_YOUNG_THRESHOLD = 20_000


@dataclass
class IngestSummary:
    """What a batch did, for the command's closing lines."""

    found: int = 0
    added: int = 0
    unchanged: int = 0
    passages: int = 0
    failed: list[tuple[str, Failure]] = field(default_factory=list)
    previously_failed: list[tuple[str, str]] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    metadata_skipped: list[str] = field(default_factory=list)  # bad metadata.csv rows

    @property
    def all_failed(self) -> bool:
        """True when there was work and none of it succeeded."""
        attempted = self.added + len(self.failed)
        return attempted > 0 and self.added == 0 and self.unchanged == 0

    def describe(self) -> str:
        """A few lines for a person: counts, then each failure with its reason."""
        lines = [
            f"{self.found} PDF files: {self.added} added ({self.passages} passages), "
            f"{self.unchanged} unchanged, {len(self.failed)} failed"
            + (f", {len(self.previously_failed)} failed before (use --retry-failed)"
               if self.previously_failed else "")
        ]
        for path, failure in self.failed:
            hint = f" ({failure.hint})" if failure.hint else ""
            lines.append(f"  failed: {path}: {failure.message}{hint}")
        for path, why in self.skipped:
            lines.append(f"  skipped: {path}: {why}")
        for problem in self.metadata_skipped:
            lines.append(f"  metadata row skipped: {problem}")
        return "\n".join(lines)


def _absolute(path: Path) -> Path:
    """An absolute path without resolving links: the same file is recorded the same way
    however the command line spelled it, so an edited file replaces its earlier version."""
    return Path(os.path.abspath(path))


def find_pdfs(
    paths: Iterable[str | Path], follow_symlinks: bool = False
) -> tuple[list[Path], list[tuple[str, str]]]:
    """PDF files under the given files and folders (recursively), sorted, without duplicates.

    A file named directly is taken whatever its suffix. Inside folders, symbolic links that
    lead outside the folder are skipped unless ``follow_symlinks``.
    """
    found: dict[Path, None] = {}
    skipped: list[tuple[str, str]] = []
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            raise InputError(f"{path} does not exist", "check the path")
        if path.is_file():
            found.setdefault(_absolute(path), None)
            continue
        root = path.resolve()
        visited: set[tuple[int, int]] = set()
        for dirpath, dirnames, filenames in os.walk(path, followlinks=follow_symlinks):
            # Followed links can lead back up the tree: read each real folder once.
            info = os.stat(dirpath)
            if (info.st_dev, info.st_ino) in visited:
                dirnames[:] = []
                continue
            visited.add((info.st_dev, info.st_ino))
            dirnames.sort()
            for name in sorted(filenames):
                if not name.lower().endswith(PDF_SUFFIX):
                    continue
                file = Path(dirpath) / name
                if not follow_symlinks and file.is_symlink() and not (
                    file.resolve().is_relative_to(root)
                ):
                    skipped.append((str(file), "a symbolic link to a file outside the folder "
                                    "(pass --follow-symlinks to read it)"))
                    continue
                if file.is_file():
                    found.setdefault(_absolute(file), None)
    return list(found), skipped


def require_pdfs(
    paths: Iterable[str | Path], follow_symlinks: bool = False
) -> tuple[list[Path], list[tuple[str, str]]]:
    """:func:`find_pdfs`, with a clear error when there is nothing to ingest."""
    paths = [Path(p) for p in paths]
    files, skipped = find_pdfs(paths, follow_symlinks)
    if not files and not skipped:
        raise InputError(f"no PDF files in {', '.join(str(p) for p in paths)}",
                         "pass folders that hold .pdf files, or the PDF files themselves")
    return files, skipped


def _metadata_for(
    paths: Iterable[Path], metadata: Path | None
) -> tuple[dict[Path, MetaEntry], list[str]]:
    entries: dict[Path, MetaEntry] = {}
    skipped: list[str] = []
    csvs = [metadata] if metadata else [
        Path(p) / METADATA_FILE for p in paths if (Path(p) / METADATA_FILE).is_file()
    ]
    for csv_path in csvs:
        found, bad = read_metadata(csv_path)
        entries.update(found)
        skipped += bad
    return entries, skipped


def _unreadable(exc: OSError) -> Failure:
    return Failure("unreadable", f"cannot read the file: {exc.strerror}",
                   "check the file's permissions")


class _HashCache:
    """New (stat, sha256) rows for the store, written HASH_CACHE_BATCH at a time."""

    def __init__(self, store: Store) -> None:
        # Taken before any file is statted: see RACY_WINDOW_NS.
        self.store, self.started, self.rows = store, time.time_ns(), []

    def add(self, key: tuple[str, int, int, int, int], digest: str) -> None:
        _, _, mtime_ns, ctime_ns, _ = key
        if max(mtime_ns, ctime_ns) < self.started - RACY_WINDOW_NS:
            self.rows.append((*key, digest))
        if len(self.rows) >= HASH_CACHE_BATCH:
            self.flush()

    def flush(self) -> None:
        if self.rows:
            self.store.cache_hashes(self.rows)
            self.rows = []


@contextmanager
def _then(action: Callable[[], object]) -> Iterator[None]:
    """Call ``action`` on the way out, also when an error (Ctrl-C) stops the run; if it fails
    then, the error that stopped the run is the one raised: it says what went wrong."""
    try:
        yield
    except BaseException:
        try:
            action()
        except Exception:
            pass
        raise
    action()


def _stat_files(
    store: Store, files: Iterable[Path]
) -> Iterator[tuple[Path, tuple[str, int, int, int, int] | None, str | OSError | None]]:
    """Each file with its stat key and the sha256 the store remembers for it (None if none).

    A file whose path, size, mtime, ctime and inode match what the store remembers takes the
    remembered sha256 without being read, so a rerun over a large archive reads only new and
    changed files. (ctime and inode catch what mtime alone misses: a file replaced by one of
    the same size with its mtime kept, or made unreadable since. Not the device number: a
    network share may get another one at each mount, and every file would be read again.)
    The OSError stands in for the sha256 when the file cannot be statted.
    """
    cached = store.cached_hashes()
    for file in files:
        try:
            # stat before reading: a change during the read then leaves a stat that differs.
            info = os.stat(file)
        except OSError as exc:
            yield file, None, exc
            continue
        key = (str(file), info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino)
        yield file, key, cached.get(key)


def _hash_files(
    store: Store, files: Iterable[Path]
) -> Iterator[tuple[Path, tuple[str, int, int, int, int] | None, str | OSError]]:
    """Each file with its stat key and sha256 (read here unless remembered), or the OSError
    that stopped it.

    New hashes are remembered in one transaction per HASH_CACHE_BATCH files, and those not
    yet written when the run stops (an error, Ctrl-C, or the caller closing this early).
    """
    cache = _HashCache(store)
    with _then(cache.flush):
        for file, key, digest in _stat_files(store, files):
            if digest is None:
                try:
                    digest = sha256_file(file)
                except OSError as exc:
                    digest = exc
                else:
                    cache.add(key, digest)
            yield file, key, digest


@contextmanager
def _fewer_collections() -> Iterator[None]:
    """Collect the youngest generation less often inside the block (see GC_YOUNG_THRESHOLD).

    Threads of one process share the setting: one that ends its block while another is in its
    own may leave the higher threshold on, which costs memory only for cyclic garbage.
    """
    young, *older = gc.get_threshold()
    gc.set_threshold(max(young, GC_YOUNG_THRESHOLD), *older)
    try:
        yield
    finally:
        gc.set_threshold(young, *older)


def extract_file(path: str, sha256: str, meta: MetaEntry | None,
                 engine: str = DEFAULT_ENGINE):
    """The work a batch does for one file, in a worker process or on a Dask worker."""
    with _fewer_collections():
        return extract_document(path, sha256, meta, engine=engine)


def _hash_and_extract(path: str, sha256: str | None, meta: MetaEntry | None, engine: str,
                      skip: str | None) -> tuple[str | None, object]:
    """Run on a Dask worker: (sha256, (document, passages) or Failure or None).

    A file the client had no hash for (``sha256`` None) is hashed here, so the client reads no
    file's bytes; None, not a document, when that hash is in the set shared as ``skip``
    (stored, or failed before). The hash goes to the client before the file is read, so a
    time-out or a crash is still recorded with it.
    """
    from ..distributed import shared, tell_client

    if sha256 is None:
        try:
            sha256 = sha256_file(path)
        except OSError as exc:
            return None, _unreadable(exc)
        tell_client(sha256)
        if sha256 in shared(skip):
            return sha256, None
    try:
        return sha256, extract_file(path, sha256, meta, engine)
    except Exception as exc:  # carried back with the hash, which the failure record needs
        return sha256, failure_from(exc)


_SAME_AS_EARLIER = object()  # an outcome: an earlier file in the batch has the same content


class FirstCopies:
    """Which file stands for each content (sha256) in a batch read on a cluster.

    As on the local path, it is the first file in the batch's order with that sha256, and the
    others with it count as unchanged whatever happened to it, so what is stored (the path,
    and the metadata given for it) and the counts do not depend on which worker finished
    first. Workers hash the files the client has no hash for, so a file's hash may be unknown
    until a worker reaches it: a result is held back only while a file earlier in the order
    has not been hashed yet (it may turn out to have the same content). Tasks start in the
    order they are submitted and tell their hash before reading, so that wait is usually
    short; when it is not (a slow share, a worker that dies and a retry, up to the time
    limit), ``len(held)`` is passed to :func:`run_on_cluster` as its backlog, which stops
    submitting, so the results held stay few whatever the cluster's throughput.
    """

    def __init__(self, order: list[str], digests: dict[str, str | None]) -> None:
        self.order, self.digests = order, digests  # digests: path -> sha256, kept up to date
        self.index = {path: i for i, path in enumerate(order)}
        self.first: dict[str, int] = {}  # sha256 -> index of the earliest file known to have it
        self.unhashed = [i for i, path in enumerate(order) if digests.get(path) is None]
        self.waiting = set(self.unhashed)  # the heap above drops the others lazily
        self.held: dict[int, object] = {}  # index -> outcome, held back
        for path in order:
            if digests.get(path) is not None:
                self.learn(path, digests[path])

    def learn(self, path: str, digest: str) -> None:
        """Note that ``path`` has ``digest`` (as a worker said)."""
        i = self.index[path]
        self.waiting.discard(i)
        if i < self.first.get(digest, len(self.order)):
            self.first[digest] = i

    def settle(self, path: str, outcome: object) -> Iterator[tuple[str, object]]:
        """(path, outcome) for each result that can be recorded now that ``path``'s is in;
        the outcome is ``_SAME_AS_EARLIER`` for a file whose content an earlier file has."""
        i = self.index[path]
        self.waiting.discard(i)  # no hash will be learned for it after its result
        if outcome is None or self.digests.get(path) is None:
            # Skipped by its worker (content known before this batch), or failed unhashed.
            yield path, outcome
        else:
            self.held[i] = outcome
        while self.unhashed and self.unhashed[0] not in self.waiting:
            heapq.heappop(self.unhashed)
        earliest = self.unhashed[0] if self.unhashed else len(self.order)
        for j in sorted(self.held):
            first = self.first[self.digests[self.order[j]]]
            if first < j:
                yield self.order[j], _SAME_AS_EARLIER
            elif j < earliest:
                yield self.order[j], self.held[j]
            else:
                continue
            del self.held[j]


def _read_on_cluster(
    todo: list[tuple[str, tuple]], address: str, timeout: float, skip: frozenset[str],
    on_note: Callable[[str, str], None], backlog: Callable[[], int],
) -> Iterator[tuple[str, bool, object]]:
    """Run :func:`_hash_and_extract` over ``todo`` on the Dask cluster at ``address``;
    ``backlog()`` is how many results the caller holds back (see :func:`run_on_cluster`)."""
    from ..distributed import connect, run_on_cluster, share_with_workers

    if not todo:
        return  # nothing to do: no need for a cluster
    client = connect(address)
    try:
        hashing = any(args[1] is None for _, args in todo)
        with share_with_workers(client, skip) if hashing else nullcontext() as name:
            tasks = ((key, (*args, name)) for key, args in todo)
            yield from run_on_cluster(_hash_and_extract, tasks, timeout=timeout, client=client,
                                      on_note=on_note, backlog=backlog)
    finally:
        client.close()


def ingest_paths(
    store: Store,
    paths: Iterable[str | Path],
    *,
    metadata: str | Path | None = None,
    workers: int | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    memory_mb: int | None = DEFAULT_MEMORY_MB,
    follow_symlinks: bool = False,
    retry_failed: bool = False,
    progress_bar: ProgressBar | None = None,
    engine: str = DEFAULT_ENGINE,
    dask: str | None = None,
    found: tuple[list[Path], list[tuple[str, str]]] | None = None,
) -> IngestSummary:
    """Ingest every PDF under ``paths`` not yet stored; each document in one transaction.

    ``engine`` picks the PDF reader ("pdfium" or "pdfplumber"). With ``dask`` (a scheduler
    address) the files are read by that Dask cluster instead of local worker processes, and
    the files the store has no hash for are hashed there too, not here.
    ``found`` is what :func:`require_pdfs` gave for the same ``paths``, when the caller has
    it already: an archive of many thousand files is then walked once, not twice.
    """
    paths = [Path(p) for p in paths]
    files, skipped = found if found is not None else require_pdfs(paths, follow_symlinks)
    meta, bad_rows = _metadata_for(paths, Path(metadata) if metadata else None)
    summary = IngestSummary(found=len(files), skipped=skipped, metadata_skipped=bad_rows)
    for path, why in skipped:
        store.add_failure(path, None, "skipped", why)
    stored, failed_before = store.known_hashes(), store.failed_hashes()
    known = set(stored)  # and the content of the files already taken into this batch
    cache = _HashCache(store)  # hashes the Dask workers find; made before any file's stat
    todo: list[tuple[str, tuple]] = []
    digests: dict[str, str | None] = {}  # path -> sha256, None until a Dask worker tells it
    stats: dict[str, tuple[str, int, int, int, int]] = {}  # path -> stat, for Dask-hashed files
    # Closed when this stops early (an error, Ctrl-C), so the hashes found so far are kept.
    hashed = _stat_files(store, files) if dask else _hash_files(store, files)
    with _then(hashed.close):
        for file, stat, digest in hashed:
            if isinstance(digest, OSError):
                failure = _unreadable(digest)
                summary.failed.append((str(file), failure))
                store.add_failure(str(file), None, failure.reason, failure.message)
                continue
            path = str(file)
            if digest is None:
                stats[path] = stat  # a worker hashes it, and skips it if its hash is known
            elif digest in known:
                summary.unchanged += 1
                continue
            elif digest in failed_before and not retry_failed:
                summary.previously_failed.append((path, failed_before[digest]))
                continue
            else:
                known.add(digest)  # the same content twice in one batch is read once
            digests[path] = digest
            todo.append((path, (path, digest, meta.get(file.resolve()), engine)))
    n_workers = default_workers() if workers is None else workers
    n_workers = min(n_workers, len(todo)) if n_workers else 0
    bar_factory = progress_bar or NoProgressBar()

    firsts = FirstCopies([path for path, _ in todo], digests) if dask else None

    def learned(path: str, digest: str) -> None:
        digests[path] = digest
        firsts.learn(path, digest)
        if path in stats:
            cache.add(stats.pop(path), digest)

    def record(path: str, outcome: object) -> None:
        if outcome is None:  # a worker found its hash already stored or failed
            if digests[path] in stored:
                summary.unchanged += 1
            else:
                summary.previously_failed.append((path, failed_before[digests[path]]))
        elif outcome is _SAME_AS_EARLIER:
            summary.unchanged += 1
        elif isinstance(outcome, Failure):
            summary.failed.append((path, outcome))
            store.add_failure(path, digests[path], outcome.reason, outcome.message)
        else:
            doc, passages = outcome
            if store.add_document(doc, passages):
                summary.added += 1
                summary.passages += len(passages)
            else:  # the same content at another path, stored first
                summary.unchanged += 1

    if dask:
        # Only content known before this batch is skipped on the workers: the copies within
        # it are sorted out by FirstCopies, which knows which one comes first.
        skip = frozenset(stored if retry_failed else stored | failed_before.keys())
        results = _read_on_cluster(todo, dask, timeout, skip, learned,
                                   lambda: len(firsts.held))
    else:
        results = run_tasks(extract_file, todo, workers=n_workers, timeout=timeout,
                            memory_mb=memory_mb)
    # Closed when this stops early, so the workers stop at once (and a cluster's share goes);
    # the hashes learned from Dask workers are kept even then.
    with _then(results.close), _then(cache.flush), \
            bar_factory(len(todo), "Reading PDFs") as bar:
        for path, ok, result in results:
            if not dask:
                bar.update(1)
                record(path, result)
                continue
            outcome = result
            if ok:
                digest, outcome = result
                if digest is not None:
                    learned(path, digest)
            # The bar counts files recorded, as on the local path: a result held back
            # (an earlier file may have the same content) moves it when it is recorded.
            for settled, ready in firsts.settle(path, outcome):
                bar.update(1)
                record(settled, ready)
    return summary

