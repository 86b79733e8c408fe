"""Fitting topics: choose k by coherence among candidate models, then score every passage.

With ``params.k`` None, one model per k in the range is fitted (in worker processes when that
repays starting them), with its stability on two halves of the passages
(:mod:`policylens.topics.stability`), and the k with the best mean NPMI coherence is kept;
when coherence is still rising at the top of the range it cannot tell where to stop, and the
most stable k is kept instead (:func:`choose_k`). On a corpus larger than ``sample_size``
passages the candidates are fitted on a deterministic random sample stratified by period
(:data:`K_SAMPLE_SIZE` by default), and the chosen k's topics are then refined on every
passage, in mini-batches that start from them (memory: the count matrix and one batch).
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace

import numpy as np

from ..runner import ProgressBar
from .coherence import topic_diversity
from .corpus import (
    DEFAULT_MEMORY_BUDGET,
    Corpus,
    ListSource,
    TextSource,
    choose_mode,
    feasible_k,
    prepare_corpus,
    source_words,
    stratified_sample,
)
from .model import TopicModel, fit_passes, fit_threads
from .params import TopicParams
from .stability import half_stability, split_halves

# Candidate k values are fitted in worker processes only when the fits outweigh starting the
# workers (about a second each, to load scikit-learn): LDA took ~6.5 CPU s per k on 5,190
# passages, NMF all nine candidates 3.5 s together, so NMF waits for larger corpora.
PARALLEL_NMF_MIN_PASSAGES = 20_000
# A larger k must beat the best smaller one by this much mean NPMI to be chosen: splitting a
# real topic in two keeps coherence nearly level, and the smaller model is easier to read.
K_SELECTION_MARGIN = 0.01
# Candidate k's are fitted on at most this many passages (a sample stratified by period):
# coherence ranks k alike on 50,000 passages and on the whole, at a fraction of the fits' time.
K_SAMPLE_SIZE = 50_000


def _no_bar(length: int, label: str):
    return contextlib.nullcontext(None)


@dataclass
class FitResult:
    """A fitted model, every passage's shares, and the coherence of each k tried."""

    model: TopicModel
    shares: np.ndarray
    k_scores: list[dict]


def fit_topics(source: TextSource | Sequence[str], params: TopicParams,
               info: Callable[[str], None] | None = None,
               memory_budget: int = DEFAULT_MEMORY_BUDGET, workers: int = 1,
               key: str | None = None, strata: Sequence | None = None,
               sample_size: int = K_SAMPLE_SIZE,
               progress_bar: ProgressBar | None = None,
               dask: str | None = None, guides: np.ndarray | None = None,
               anchor_labels: Sequence[str] = ()) -> FitResult:
    """Fit a topic model; with ``params.k`` None, pick k from the range by mean NPMI coherence.

    ``memory_budget`` (bytes) decides how the document-term matrix is built
    (:func:`policylens.topics.corpus.choose_mode`). ``workers`` > 1 fits the candidate k
    values in up to that many processes (the same models, byte for byte) when that repays
    starting them. With more than ``sample_size`` passages the candidates are fitted on a
    sample stratified by ``strata`` (one value per passage, e.g. its year; none: one stratum).
    ``key`` names the passages and parameters (the model keeps it as ``key_``). ``progress_bar``
    makes a progress bar for each long phase. ``dask``: a Dask scheduler's address, to split
    the texts into words for the vocabulary and to score every passage with the fitted model
    on that cluster (the same vocabulary, matrix and shares). ``guides`` and
    ``anchor_labels``: with ``params.guided``, each passage's 0/1 per label (whether the tagger
    found it there) and the labels, one topic anchored to each
    (:mod:`policylens.topics.anchors`).
    """
    with fit_threads():
        return _fit_topics(source, params, info, memory_budget, workers, key, strata,
                           sample_size, progress_bar or _no_bar, dask, guides, anchor_labels)


def _fit_topics(source: TextSource | Sequence[str], params: TopicParams,
                info: Callable[[str], None] | None, memory_budget: int,
                workers: int, key: str | None, strata: Sequence | None, sample_size: int,
                progress_bar: ProgressBar, dask: str | None, guides: np.ndarray | None,
                anchor_labels: Sequence[str]) -> FitResult:
    if not isinstance(source, TextSource):
        source = ListSource(source)
    say = info or (lambda message: None)
    mode = choose_mode(source_words(source), memory_budget)
    corpus = prepare_corpus(source, params, mode, guides, anchor_labels, dask=dask)
    say(f"vocabulary: {len(corpus.vocabulary)} terms from {corpus.n_passages} passages"
        + (" (streamed: the matrix would not fit --memory-budget)" if mode == "stream"
           else ""))
    sample = corpus
    if params.k is None and corpus.n_passages > sample_size:
        if strata is not None and len(strata) != corpus.n_passages:
            raise ValueError("strata must give one value per passage")
        rows = stratified_sample(strata if strata is not None else [""] * corpus.n_passages,
                                 sample_size, params.seed)
        sample = corpus.subset(rows)
        say(f"choosing k on a sample of {sample.n_passages} of {corpus.n_passages} passages "
            "(stratified by period); the chosen k's topics are then refined on every passage")
    models: dict[int, TopicModel] = {}
    scores: list[dict] = []
    k_values = feasible_k(sample, params)
    if k_values != params.k_values:
        say(f"only {sample.n_usable} passages with enough words: trying k "
            f"{k_values[0]}..{k_values[-1]}")
    halves = split_halves(sample, params.seed) if len(k_values) > 1 else None
    label = "topics: k search" if len(k_values) > 1 else "topics: fit"
    with progress_bar(len(k_values), label) as bar:
        for model, stability in fit_candidates(sample, k_values, workers, halves):
            if bar is not None:
                bar.update(1)
            k = model.k
            top_ids = model.top_term_ids()
            score = {"k": k, "coherence": float(np.mean(model.coherence_)),
                     "diversity": topic_diversity(top_ids)}
            if halves is not None:
                score["stability"] = stability
            if sample is not corpus:
                score["sample_size"] = sample.n_passages
            scores.append(score)
            say(f"k={k}: coherence (NPMI) {score['coherence']:.4f}, diversity "
                f"{score['diversity']:.3f}"
                + (f", stability {stability:.3f}" if stability is not None else ""))
            models[k] = model
    chosen = select_k(scores)
    for s in scores:
        s["selected"] = s["k"] == chosen
    best = models[chosen]
    del models
    if sample is not corpus:
        start = best.fitted_components()
        passes = fit_passes(best.params, start, corpus.counts is not None)
        with progress_bar(passes * corpus.n_passages,
                          f"topics: fitting k={chosen} on every passage ({passes} passes)"
                          ) as bar:
            # The sample's topics, refined batch by batch on every passage: a fit from
            # scratch would hold the whole tf-idf matrix twice over beside the counts.
            best = fit_candidate(corpus, chosen, start=start,
                                 progress=bar.update if bar is not None else None)
    best, shares = best.order_topics(score_corpus(best, corpus, progress_bar, dask=dask))
    best = best.with_learned(
        k_scores_=scores, key_=key,
        n_scored_=int(np.isfinite(shares[:, 0]).sum()) if len(shares) else 0)
    return FitResult(best, shares, scores)


def score_corpus(model: TopicModel, corpus: Corpus,
                 progress_bar: ProgressBar | None = None,
                 dask: str | None = None) -> np.ndarray:
    """Topic shares of every passage of the corpus, in source order (NaN rows: too short).

    With ``dask`` (a scheduler's address) the chunks are scored on that cluster; a guided
    model's are scored here (each chunk would need its passages' labels too)."""
    parts: dict[int, np.ndarray] = {}
    with (progress_bar or _no_bar)(corpus.n_passages, "topics: scoring passages") as bar:
        scored = (score_on_cluster(model, corpus.chunks(), dask) if dask and not model.guided
                  else ((i, model.score_counts(c, g)) for i, (c, g)
                        in enumerate(zip(corpus.chunks(), corpus.guide_chunks()))))
        for i, part in scored:
            parts[i] = part
            if bar is not None:
                bar.update(part.shape[0])
    return (np.vstack([parts[i] for i in range(len(parts))]) if parts
            else np.zeros((0, model.k)))


def score_on_cluster(model: TopicModel, chunks, address: str, *, timeout: float = 600.0
                     ) -> Iterator[tuple[int, np.ndarray]]:
    """Yield (chunk number, shares) as a Dask cluster scores count matrices with the model,
    in completion order.

    The model travels once to each worker (its vocabulary size, topics and weights, in a
    worker plugin); chunks are drawn as workers become free, so memory stays bounded.
    """
    from ..distributed import connect, run_on_cluster, share_with_workers
    from ..errors import PolicylensError

    client = connect(address)
    try:
        payload = ("policylens-topic-model", json.dumps(model.params.to_dict(), sort_keys=True),
                   len(model.vocabulary_), model.components_.shape[0],
                   np.ascontiguousarray(model.components_, dtype=np.float64).tobytes(),
                   b"" if model.idf_ is None else
                   np.ascontiguousarray(model.idf_, dtype=np.float64).tobytes(),
                   0.0 if model.doc_topic_prior_ is None else float(model.doc_topic_prior_))
        with share_with_workers(client, payload) as name:
            tasks = ((i, (chunk, name)) for i, chunk in enumerate(chunks))
            for key, ok, result in run_on_cluster(_score_on_worker, tasks, timeout=timeout,
                                                  client=client):
                if not ok:
                    raise PolicylensError(
                        f"scoring passages on the cluster failed: {result.message}",
                        "rerun the command, or drop --dask to score here")
                yield key, result
    finally:
        client.close()


_WORKER_MODELS: dict[str, TopicModel] = {}


def _score_on_worker(counts, name: str) -> np.ndarray:
    """On a Dask worker: the shares of a count matrix with the shared model."""
    from ..distributed import shared
    from .model import FIT_THREADS

    model = _WORKER_MODELS.get(name)
    if model is None:
        _, params, n_terms, k, components, idf, alpha = shared(name)
        params = TopicParams(**json.loads(params))
        model = TopicModel(params).with_learned(
            vocabulary_=[""] * n_terms,  # scoring counts needs the size alone
            components_=np.frombuffer(components, dtype=np.float64).reshape(k, n_terms),
            idf_=np.frombuffer(idf, dtype=np.float64) if idf else None,
            doc_topic_prior_=alpha if params.method == "lda" else None)
        _WORKER_MODELS.clear()  # one model at a time per worker
        _WORKER_MODELS[name] = model
    from threadpoolctl import threadpool_limits

    with threadpool_limits(limits=FIT_THREADS):  # the same rounding as on the client
        return model.score_counts(counts)


def fit_candidate(corpus: Corpus, k: int, start: np.ndarray | None = None,
                  progress: Callable[[int], None] | None = None) -> TopicModel:
    """One candidate: the model with k topics fitted on the corpus (with its coherence);
    ``start``: topics found on a sample, refined on the corpus rather than fitted afresh;
    ``progress``: see :meth:`TopicModel.fit`."""
    return TopicModel(replace(corpus.params, k=k)).fit(corpus, start, progress)


def fit_scored_candidate(corpus: Corpus, halves: tuple[Corpus, Corpus] | None, k: int
                         ) -> tuple[TopicModel, float | None]:
    """A candidate and its stability on the two halves (None without halves)."""
    return fit_candidate(corpus, k), None if halves is None else half_stability(halves, k)


def fit_candidates(corpus: Corpus, k_values: Sequence[int], workers: int = 1,
                   halves: tuple[Corpus, Corpus] | None = None
                   ) -> Iterator[tuple[TopicModel, float | None]]:
    """(candidate model, its stability) in the order of ``k_values``, fitted in ``workers``
    processes; the stability is None without ``halves``."""
    worth_it = (corpus.params.method == "lda"
                or corpus.n_usable >= PARALLEL_NMF_MIN_PASSAGES)
    if workers <= 1 or len(k_values) < 2 or corpus.counts is None or not worth_it:
        for k in k_values:
            yield fit_scored_candidate(corpus, halves, k)
        return
    from ..runner import signals_held, worker_pool

    # Fresh processes (spawn): BLAS and OpenMP thread pools must not be forked mid-use, and
    # the caller may hold an open store. They get the matrix, not the texts.
    shipped = replace(corpus, source=ListSource([]))
    with worker_pool(min(workers, len(k_values)), _init_fit_worker, (shipped, halves),
                     fresh=True) as pool:
        # The largest k take longest: start them first so no worker is left with one at the end.
        with signals_held():  # the submits start the workers
            futures = {k: pool.submit(_fit_in_worker, k)
                       for k in sorted(k_values, reverse=True)}
        for k in k_values:
            yield futures[k].result()


_WORKER_CORPUS: tuple[Corpus, tuple[Corpus, Corpus] | None] | None = None


def _init_fit_worker(corpus: Corpus, halves: tuple[Corpus, Corpus] | None) -> None:
    global _WORKER_CORPUS
    fit_threads()  # for the life of the worker
    _WORKER_CORPUS = (corpus, halves)


def _fit_in_worker(k: int) -> tuple[TopicModel, float | None]:
    assert _WORKER_CORPUS is not None, "worker not initialised"
    return fit_scored_candidate(*_WORKER_CORPUS, k)


def select_k(scores: list[dict]) -> int:
    """The k kept from the candidates' scores (see :func:`choose_k`)."""
    return choose_k(scores)[0]


def choose_k(scores: list[dict]) -> tuple[int, str]:
    """(k, why) from the candidates' scores, in k order.

    ``"coherence"``: the k with the best mean coherence, preferring smaller k within
    :data:`K_SELECTION_MARGIN`. ``"stability"``: the highest coherence was at the top of the
    range, so coherence was still rising and a wider range would rise further: it cannot
    choose, and the most stable k (the highest ``stability``, the smaller on a tie) is kept
    instead, since its topics are the ones a reader would find again in other passages.
    """
    chosen = scores[0]
    for s in scores[1:]:
        if s["coherence"] > chosen["coherence"] + K_SELECTION_MARGIN:
            chosen = s
    measured = [s for s in scores if s.get("stability") is not None]
    rising = scores[-1]["coherence"] >= max(s["coherence"] for s in scores)
    if len(scores) > 1 and rising and measured:
        stable = max(measured, key=lambda s: (s["stability"], -s["k"]))
        return stable["k"], "stability"
    return chosen["k"], "coherence"
