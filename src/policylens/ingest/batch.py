"""Ingest a batch: find PDFs, skip what is stored, read the rest in workers, store each."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError
from ..runner import DEFAULT_MEMORY_MB, Failure, default_workers, run_tasks
from ..store import Store
from .extract import extract_document, sha256_file
from .metadata import METADATA_FILE, MetaEntry, read_metadata
from .pdfium import DEFAULT_ENGINE

PDF_SUFFIX = ".pdf"
HASH_CACHE_BATCH = 500  # files hashed per store transaction: an interrupted run keeps most
# A file modified this recently may change again within its file system's timestamp
# resolution (2 s on FAT, 1 s on some network shares) without its stat changing: its hash is
# not cached, so the next run reads it again.
RACY_WINDOW_NS = 2_000_000_000


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


def _metadata_for(paths: Iterable[Path], metadata: Path | None) -> dict[Path, MetaEntry]:
    entries: dict[Path, MetaEntry] = {}
    csvs = [metadata] if metadata else [
        Path(p) / METADATA_FILE for p in paths if (Path(p) / METADATA_FILE).is_file()
    ]
    for csv_path in csvs:
        entries.update(read_metadata(csv_path))
    return entries


def _hash_files(store: Store, files: Iterable[Path]) -> Iterator[tuple[Path, str | OSError]]:
    """Each file with its sha256, or the OSError that stopped reading it.

    A file whose path, size, mtime and ctime match what the store remembers takes the
    remembered sha256 without being read, so a rerun over a large archive reads only new and
    changed files. (ctime catches what mtime alone misses: a file replaced by one of the same
    size with its mtime kept, or made unreadable since.) New hashes are remembered in one
    transaction per HASH_CACHE_BATCH files.
    """
    cached = store.cached_hashes()
    started = time.time_ns()
    fresh: list[tuple[str, int, int, int, str]] = []
    for file in files:
        try:
            # stat before reading: a change during the read then leaves a stat that differs.
            info = os.stat(file)
            key = (str(file), info.st_size, info.st_mtime_ns, info.st_ctime_ns)
            digest = cached.get(key)
            if digest is None:
                digest = sha256_file(file)
                if info.st_mtime_ns < started - RACY_WINDOW_NS:
                    fresh.append((*key, digest))
        except OSError as exc:
            yield file, exc
            continue
        yield file, digest
        if len(fresh) >= HASH_CACHE_BATCH:
            store.cache_hashes(fresh)
            fresh = []
    if fresh:
        store.cache_hashes(fresh)


def _extract(path: str, sha256: str, meta: MetaEntry | None, engine: str = DEFAULT_ENGINE):
    return extract_document(path, sha256, meta, engine=engine)


def ingest_paths(
    store: Store,
    paths: Iterable[str | Path],
    *,
    metadata: str | Path | None = None,
    workers: int | None = None,
    timeout: float = 120.0,
    memory_mb: int | None = DEFAULT_MEMORY_MB,
    follow_symlinks: bool = False,
    retry_failed: bool = False,
    progress: Callable | None = None,
    engine: str = DEFAULT_ENGINE,
    dask: str | None = None,
    found: tuple[list[Path], list[tuple[str, str]]] | None = None,
) -> IngestSummary:
    """Ingest every PDF under ``paths`` not yet stored; each document in one transaction.

    ``engine`` picks the PDF reader ("pdfium" or "pdfplumber"). With ``dask`` (a scheduler
    address) the files are read by that Dask cluster instead of local worker processes.
    ``found`` is what :func:`require_pdfs` gave for the same ``paths``, when the caller has
    it already: an archive of many thousand files is then walked once, not twice.
    """
    paths = [Path(p) for p in paths]
    files, skipped = found if found is not None else require_pdfs(paths, follow_symlinks)
    meta = _metadata_for(paths, Path(metadata) if metadata else None)
    summary = IngestSummary(found=len(files), skipped=skipped)
    for path, why in skipped:
        store.add_failure(path, None, "skipped", why)
    known, failed_before = store.known_hashes(), store.failed_hashes()
    todo: list[tuple[str, tuple]] = []
    for file, digest in _hash_files(store, files):
        if isinstance(digest, OSError):
            failure = Failure("unreadable", f"cannot read the file: {digest.strerror}",
                              "check the file's permissions")
            summary.failed.append((str(file), failure))
            store.add_failure(str(file), None, failure.reason, failure.message)
            continue
        if digest in known:
            summary.unchanged += 1
        elif digest in failed_before and not retry_failed:
            summary.previously_failed.append((str(file), failed_before[digest]))
        else:
            known.add(digest)  # the same file twice in one batch is read once
            todo.append((str(file), (str(file), digest, meta.get(file.resolve()), engine)))
    digests = {key: args[1] for key, args in todo}
    n_workers = default_workers() if workers is None else workers
    n_workers = min(n_workers, len(todo)) if n_workers else 0
    bar_factory = progress or NoProgress()
    if dask:
        from ..distributed import run_on_cluster

        results = run_on_cluster(_extract, todo, dask, timeout=timeout)
    else:
        results = run_tasks(_extract, todo, workers=n_workers, timeout=timeout,
                            memory_mb=memory_mb)
    with bar_factory(len(todo), "Reading PDFs") as bar:
        for path, ok, result in results:
            bar.update(1)
            if ok:
                doc, passages = result
                if store.add_document(doc, passages):
                    summary.added += 1
                    summary.passages += len(passages)
                else:
                    summary.unchanged += 1
            else:
                summary.failed.append((path, result))
                store.add_failure(path, digests[path], result.reason, result.message)
    return summary


class NoProgress:
    """A progress factory that shows nothing: call it like ``App.progress``, then use the bar.

    Subclass it to watch a batch from a test (``update`` is called once per finished file).
    """

    def __call__(self, length: int, label: str) -> NoProgress:
        return self

    def __enter__(self) -> NoProgress:
        return self

    def __exit__(self, *exc: object) -> bool:
        return False

    def update(self, n: int) -> None:
        pass
