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
import threading
import time
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from policylens.defaults import DEFAULT_BATCH_SIZE
from policylens.records import Mention
from policylens.tagging.pipeline import extract_mentions, model_version

if TYPE_CHECKING:
    from spacy.language import Language

    from policylens.runner import ProgressBar
    from policylens.store import Store

# How often a bar of tagging shared with another process reads how far both have got (a count
# over the tagged marks: ~35 ms at 300,000 passages, under 1% of the time between reads).
SHARED_PROGRESS_SECONDS = 5.0
# spaCy's own batching inside one store batch: larger batches gain nothing measurable.
PIPE_BATCH_SIZE = 64
# Batches queued per worker: enough to keep workers busy, few enough to bound memory.
IN_FLIGHT_PER_WORKER = 2
# Starting a worker and rebuilding the pipeline there takes about two seconds, and on two
# cores shared with other work two workers were slower than one process even on a million
# words (benchmarks/RESULTS.md), so by default a worker is added only per this many passages.
PASSAGES_PER_WORKER = 10_000

Batch = list[tuple[str, str]]


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
    for (passage_id, offset, piece), doc in zip(pieces,
                                                nlp.pipe(texts, batch_size=PIPE_BATCH_SIZE)):
        for m in extract_mentions(doc, passage_id, piece):
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
    progress_bar: ProgressBar | None = None,
    dask: str | None = None,
    from_end: bool = False,
    shared: bool = False,
) -> int:
    """Tag the passages the store has not yet tagged with this model; returns how many.

    ``workers``: processes to tag in (0 or 1: this one; None: one per core, but no more
    than the amount of work repays, and no more than ``max_workers`` when given).
    ``dask``: a Dask scheduler's address, to tag on that cluster instead (this process
    still does all the writing).
    ``from_end``: take the passages from the last one back, so that this call can share a
    store's tagging with another process going forward: each skips what the other has
    saved, and a batch both took is saved once (``Store.save_mentions``).
    ``shared``: another process tags this store too, and the bar counts the passages both
    have tagged (read from the store at most every SHARED_PROGRESS_SECONDS).
    """
    version = model_version(nlp)
    n_passages = store.count_passages()
    total = n_passages - store.count_tagged(version)
    if workers is None:
        workers = auto_workers(total)
        if max_workers is not None:
            workers = min(workers, max_workers)
    batches = store.untagged_passages(version, batch_size, from_end=from_end)
    label = "tagging, with the other process" if shared else "tagging"
    bar_context = progress_bar(total, label) if progress_bar else contextlib.nullcontext()
    done = 0
    seen, checked = total, time.monotonic()  # untagged passages as the bar last showed them
    with bar_context as bar:
        if dask:
            results = tag_on_cluster(nlp, batches, dask)
        else:
            results = (
                _tag_in_workers(nlp, batches, workers) if workers > 1
                else ((batch, tag_texts(nlp, batch)) for batch in batches)
            )
        for batch, mentions in results:
            store.save_mentions(version, [pid for pid, _ in batch], mentions)
            done += len(batch)
            if bar is None:
                continue
            if not shared:
                bar.update(len(batch))
            elif time.monotonic() - checked >= SHARED_PROGRESS_SECONDS:
                left = n_passages - store.count_tagged(version)
                bar.update(seen - left)
                seen, checked = left, time.monotonic()
        if bar is not None and shared and seen:
            bar.update(seen)  # every passage is tagged, by one process or the other
    return done


# -- worker processes ------------------------------------------------------------------------

_WORKER_NLP: Language | None = None


def build_pipeline(config: str, data: bytes) -> Language:
    """The pipeline rebuilt from its config and spaCy bytes (how it travels to a worker)."""
    from spacy.util import get_lang_class, load_config_from_str

    import policylens.tagging.pipeline  # noqa: F401  (registers the components)
    from policylens.tagging.tokenizer import fresh_tokenizer_cache

    cfg = load_config_from_str(config)
    nlp = get_lang_class(cfg["nlp"]["lang"]).from_config(cfg)
    return fresh_tokenizer_cache(nlp.from_bytes(data))


def _init_worker(config: str, data: bytes) -> None:
    """Rebuild the pipeline once per worker process."""
    global _WORKER_NLP
    _WORKER_NLP = build_pipeline(config, data)


def _tag_in_worker(batch: Batch) -> list[Mention]:
    assert _WORKER_NLP is not None, "worker not initialised"
    return tag_texts(_WORKER_NLP, batch)


def _tag_in_workers(
    nlp: Language, batches: Iterator[Batch], workers: int
) -> Iterator[tuple[Batch, list[Mention]]]:
    """Yield (batch, mentions) as workers finish them (order of completion)."""
    from policylens.runner import completed, worker_pool

    with worker_pool(workers, _init_worker, (nlp.config.to_str(), nlp.to_bytes())) as pool:
        yield from completed(pool, _tag_in_worker, batches, workers * IN_FLIGHT_PER_WORKER)


# -- a Dask cluster --------------------------------------------------------------------------

_CLUSTER_TAGGERS: dict[str, Language] = {}  # model version -> pipeline, once per worker process
_CLUSTER_TAGGERS_LOCK = threading.Lock()


def _tag_on_cluster_worker(batch: Batch, model: str) -> list[Mention]:
    """Run on a Dask worker: the mentions in one batch, with the pipeline built on first use.

    ``model`` names the (version, config, bytes) that ``share_with_workers`` gave this worker;
    a restarted worker is a new process, which builds the pipeline again from it.
    """
    from policylens.distributed import shared

    version, config, data = shared(model)
    with _CLUSTER_TAGGERS_LOCK:  # one pipeline per process; spaCy is not shared by threads
        nlp = _CLUSTER_TAGGERS.get(version)
        if nlp is None:
            nlp = _CLUSTER_TAGGERS[version] = build_pipeline(config, data)
        return tag_texts(nlp, batch)


def tag_on_cluster(nlp: Language, batches: Iterable[Batch], address: str | None = None, *,
                   timeout: float = 600.0) -> Iterator[tuple[Batch, list[Mention]]]:
    """Yield (batch, mentions) as a Dask cluster tags them, in completion order.

    The pipeline travels once to each worker (as spaCy's config and bytes, in a worker
    plugin, so a worker that restarts or joins later gets it too); the batches are drawn from
    ``batches`` only as workers become free, so memory stays bounded.
    """
    from policylens.distributed import connect, run_on_cluster, share_with_workers
    from policylens.errors import PolicylensError

    client = connect(address)
    try:
        model = (model_version(nlp), nlp.config.to_str(), nlp.to_bytes())
        with share_with_workers(client, model) as name:
            held: dict[int, Batch] = {}

            def tasks():
                for i, batch in enumerate(batches):
                    held[i] = batch
                    yield i, (batch, name)

            for key, ok, result in run_on_cluster(_tag_on_cluster_worker, tasks(),
                                                  timeout=timeout, client=client):
                batch = held.pop(key)
                if not ok:
                    raise PolicylensError(
                        f"tagging a batch on the cluster failed: {result.message}",
                        "rerun the command: tagged batches are kept")
                yield batch, result
    finally:
        client.close()
