"""Tag the passages of a store: every passage not yet tagged by this model version.

Each batch's mentions are written together with the "tagged" marks in one transaction, so a
run stopped at any point resumes where it stopped and never duplicates a mention.
With ``workers > 1`` the batches go to worker processes that each rebuild the pipeline once
from its config and bytes (spaCy's own serialisation, no pickle of the pipeline); the main
process alone writes to the store.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from typing import TYPE_CHECKING

from policylens.records import Mention
from policylens.tagging.pipeline import extract_mentions, model_version

if TYPE_CHECKING:
    from spacy.language import Language

    from policylens.store import Store

DEFAULT_BATCH_SIZE = 256
# spaCy's own batching inside one store batch: larger batches gain nothing measurable.
PIPE_BATCH_SIZE = 64
# Batches queued per worker: enough to keep workers busy, few enough to bound memory.
IN_FLIGHT_PER_WORKER = 2
# Starting a worker and rebuilding the pipeline there takes about two seconds, and on two
# cores shared with other work two workers were slower than one process even on a million
# words (benchmarks/RESULTS.md), so by default a worker is added only per this many passages.
PASSAGES_PER_WORKER = 10_000

Batch = list[tuple[str, str]]
Progress = Callable[[int, str], contextlib.AbstractContextManager]


def auto_workers(n_passages: int) -> int:
    """Worker processes worth starting for ``n_passages``: at most one per core."""
    from policylens.runner import default_workers

    return max(1, min(default_workers(), n_passages // PASSAGES_PER_WORKER))


def tag_texts(nlp: Language, batch: Batch) -> list[Mention]:
    """Mentions in a batch of (passage_id, text), in batch order."""
    pieces = [(pid, offset, piece) for pid, text in batch
              for offset, piece in split_long(text, nlp.max_length)]
    texts = (piece for _, _, piece in pieces)
    mentions: list[Mention] = []
    for (passage_id, offset, _), doc in zip(pieces, nlp.pipe(texts, batch_size=PIPE_BATCH_SIZE)):
        for m in extract_mentions(doc, passage_id):
            mentions.append(m if not offset else dataclasses.replace(
                m, start=m.start + offset, end=m.end + offset))
    return mentions


def split_long(text: str, limit: int) -> list[tuple[int, str]]:
    """(offset, piece) pieces of at most ``limit`` characters, cut at a line break or space
    where there is one: a passage longer than spaCy's max_length (a page that failed to
    split) is tagged in parts rather than refused."""
    if len(text) <= limit:
        return [(0, text)]
    pieces, start = [], 0
    while start < len(text):
        end = min(len(text), start + limit)
        if end < len(text):
            cut = max(text.rfind("\n", start, end), text.rfind(" ", start, end))
            end = cut + 1 if cut > start else end
        pieces.append((start, text[start:end]))
        start = end
    return pieces


def tag_store(
    store: Store,
    nlp: Language,
    *,
    batch_size: int = DEFAULT_BATCH_SIZE,
    workers: int | None = None,
    max_workers: int | None = None,
    progress: Progress | None = None,
    dask: str | None = None,
) -> int:
    """Tag the passages the store has not yet tagged with this model; returns how many.

    ``workers``: processes to tag in (0 or 1: this one; None: one per core, but no more
    than the amount of work repays, and no more than ``max_workers`` when given).
    ``dask``: a Dask scheduler's address, to tag on that cluster instead (this process
    still does all the writing).
    """
    version = model_version(nlp)
    total = store.count_passages() - store.count_tagged(version)
    if workers is None:
        workers = auto_workers(total)
        if max_workers is not None:
            workers = min(workers, max_workers)
    batches = store.untagged_passages(version, batch_size)
    bar_context = progress(total, "tagging") if progress else contextlib.nullcontext()
    done = 0
    with bar_context as bar:
        if dask:
            from policylens.distributed import tag_on_cluster

            results = tag_on_cluster(nlp, batches, dask)
        else:
            results = (
                _tag_in_workers(nlp, batches, workers) if workers > 1
                else ((batch, tag_texts(nlp, batch)) for batch in batches)
            )
        for batch, mentions in results:
            store.save_mentions(version, [pid for pid, _ in batch], mentions)
            done += len(batch)
            if bar is not None:
                bar.update(len(batch))
    return done


# -- worker processes ------------------------------------------------------------------------

_WORKER_NLP: Language | None = None


def _init_pool_worker(config: str, data: bytes, parent_pid: int) -> None:
    """A local worker: dies with the process that started it (a killed run leaves no tagger
    behind), then builds the pipeline."""
    from ..runner import die_with_parent

    die_with_parent(parent_pid)
    _init_worker(config, data)


def _init_worker(config: str, data: bytes) -> None:
    """Rebuild the pipeline once per worker from its config and spaCy bytes."""
    global _WORKER_NLP
    from spacy.util import get_lang_class, load_config_from_str

    import policylens.tagging.pipeline  # noqa: F401  (registers the components)

    cfg = load_config_from_str(config)
    nlp = get_lang_class(cfg["nlp"]["lang"]).from_config(cfg)
    _WORKER_NLP = nlp.from_bytes(data)


def _tag_in_worker(batch: Batch) -> list[Mention]:
    assert _WORKER_NLP is not None, "worker not initialised"
    return tag_texts(_WORKER_NLP, batch)


def _tag_in_workers(
    nlp: Language, batches: Iterator[Batch], workers: int
) -> Iterator[tuple[Batch, list[Mention]]]:
    """Yield (batch, mentions) as workers finish them (order of completion)."""
    initargs = (nlp.config.to_str(), nlp.to_bytes(), os.getpid())
    with ProcessPoolExecutor(max_workers=workers, initializer=_init_pool_worker,
                             initargs=initargs) as pool:
        pending: dict[Future, Batch] = {}
        for batch in batches:
            pending[pool.submit(_tag_in_worker, batch)] = batch
            if len(pending) >= workers * IN_FLIGHT_PER_WORKER:
                finished, _ = wait(pending, return_when=FIRST_COMPLETED)
                for future in finished:
                    yield pending.pop(future), future.result()
        while pending:
            finished, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in finished:
                yield pending.pop(future), future.result()
