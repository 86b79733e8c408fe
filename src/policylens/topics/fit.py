"""Fitting topics: choose k by coherence among candidate models, then score every passage.

With ``params.k`` None, one model per k in the range is fitted (in worker processes when that
repays starting them) and the k with the best mean NPMI coherence is kept.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace

import numpy as np

from .coherence import topic_diversity
from .corpus import (
    IN_MEMORY_MAX_PASSAGES,
    Corpus,
    ListSource,
    TextSource,
    feasible_k,
    prepare_corpus,
)
from .model import TopicModel, fit_threads
from .params import TopicParams

# Candidate k values are fitted in worker processes only when the fits outweigh starting the
# workers (about a second each, to load scikit-learn): LDA took ~6.5 CPU s per k on 5,190
# passages, NMF all nine candidates 3.5 s together, so NMF waits for larger corpora.
PARALLEL_NMF_MIN_PASSAGES = 20_000
# A larger k must beat the best smaller one by this much mean NPMI to be chosen: splitting a
# real topic in two keeps coherence nearly level, and the smaller model is easier to read.
K_SELECTION_MARGIN = 0.01

@dataclass
class FitResult:
    """A fitted model, every passage's shares, and the coherence of each k tried."""

    model: TopicModel
    shares: np.ndarray
    k_scores: list[dict]


def fit_topics(source: TextSource | Sequence[str], params: TopicParams,
               progress: Callable[[str], None] | None = None,
               in_memory_max: int = IN_MEMORY_MAX_PASSAGES, workers: int = 1,
               key: str | None = None) -> FitResult:
    """Fit a topic model; with ``params.k`` None, pick k from the range by mean NPMI coherence.

    ``workers`` > 1 fits the candidate k values in up to that many processes (the same
    models, byte for byte) when that repays starting them; a single k, or a corpus too large
    to hold in memory, is fitted here. ``key`` names the passages and parameters (the model
    keeps it as ``key_``).
    """
    with fit_threads():
        return _fit_topics(source, params, progress, in_memory_max, workers, key)


def _fit_topics(source: TextSource | Sequence[str], params: TopicParams,
                progress: Callable[[str], None] | None, in_memory_max: int,
                workers: int, key: str | None) -> FitResult:
    if not isinstance(source, TextSource):
        source = ListSource(source)
    say = progress or (lambda message: None)
    corpus = prepare_corpus(source, params, in_memory_max=in_memory_max)
    say(f"vocabulary: {len(corpus.vocabulary)} terms from {corpus.n_passages} passages")
    best: TopicModel | None = None
    scores: list[dict] = []
    k_values = feasible_k(corpus, params)
    if k_values != params.k_values:
        say(f"only {corpus.n_usable} passages with enough words: trying k "
            f"{k_values[0]}..{k_values[-1]}")
    for model in fit_candidates(corpus, k_values, workers):
        k = model.k
        top_ids = model.top_term_ids()
        score = {"k": k, "coherence": float(np.mean(model.coherence_)),
                 "diversity": topic_diversity(top_ids)}
        scores.append(score)
        say(f"k={k}: coherence (NPMI) {score['coherence']:.4f}, diversity "
            f"{score['diversity']:.3f}")
        if select_k(scores) == k:
            best = model
    chosen = select_k(scores)
    for s in scores:
        s["selected"] = s["k"] == chosen
    if len(scores) > 1 and chosen == scores[-1]["k"]:
        say(f"coherence was still rising at k={chosen}, the top of the range: a wider "
            f"--k-range (e.g. {chosen}:{chosen + 8}) may find more distinct topics")
    assert best is not None and best.k == chosen
    best, shares = best.order_topics(score_corpus(best, corpus))
    best = best.with_learned(
        k_scores_=scores, key_=key,
        n_scored_=int(np.isfinite(shares[:, 0]).sum()) if len(shares) else 0)
    return FitResult(best, shares, scores)


def score_corpus(model: TopicModel, corpus: Corpus) -> np.ndarray:
    """Topic shares of every passage of the corpus, in source order (NaN rows: too short)."""
    return np.vstack([model.score_counts(c) for c in corpus.chunks()])


def fit_candidate(corpus: Corpus, k: int) -> TopicModel:
    """One candidate: the model with k topics fitted on the corpus (with its coherence)."""
    return TopicModel(replace(corpus.params, k=k)).fit(corpus)


def fit_candidates(corpus: Corpus, k_values: Sequence[int], workers: int = 1
                   ) -> Iterator[TopicModel]:
    """The candidate models in the order of ``k_values``, fitted in ``workers`` processes."""
    worth_it = (corpus.params.method == "lda"
                or corpus.n_usable >= PARALLEL_NMF_MIN_PASSAGES)
    if workers <= 1 or len(k_values) < 2 or corpus.counts is None or not worth_it:
        for k in k_values:
            yield fit_candidate(corpus, k)
        return
    from ..runner import worker_pool

    # Fresh processes (spawn): BLAS and OpenMP thread pools must not be forked mid-use, and
    # the caller may hold an open store. They get the matrix, not the texts.
    shipped = replace(corpus, source=ListSource([]))
    with worker_pool(min(workers, len(k_values)), _init_fit_worker, (shipped,),
                     fresh=True) as pool:
        # The largest k take longest: start them first so no worker is left with one at the end.
        futures = {k: pool.submit(_fit_in_worker, k) for k in sorted(k_values, reverse=True)}
        for k in k_values:
            yield futures[k].result()


_WORKER_CORPUS: Corpus | None = None


def _init_fit_worker(corpus: Corpus) -> None:
    global _WORKER_CORPUS
    fit_threads()  # for the life of the worker
    _WORKER_CORPUS = corpus


def _fit_in_worker(k: int) -> TopicModel:
    assert _WORKER_CORPUS is not None, "worker not initialised"
    return fit_candidate(_WORKER_CORPUS, k)


def select_k(scores: list[dict]) -> int:
    """The k with the best mean coherence, preferring smaller k within a small margin."""
    chosen = scores[0]
    for s in scores[1:]:
        if s["coherence"] > chosen["coherence"] + K_SELECTION_MARGIN:
            chosen = s
    return chosen["k"]
