"""Topic stability: whether a number of topics finds the same topics in different passages.

A candidate k is fitted on two disjoint random halves of the passages (at most
:data:`STABILITY_HALF` each); its stability is the mean cosine similarity of the two fits'
topics, matched one-to-one (Hungarian assignment, as for topic keys). A k that fits the
corpus's subjects finds them in both halves (near 1); a k that splits subjects arbitrarily
splits them differently each time (lower). This is the split-half form of the stability
analysis of Greene, O'Callaghan and Cunningham (2014), and what stm's searchK reports beside
coherence as held-out fit.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from .corpus import MIN_PASSAGES_PER_TOPIC, Corpus
from .keys import topic_similarity
from .model import TopicModel

# Each half holds at most this many passages, so the halves' fits cost a bounded time on a
# large corpus. On 20,000 planted passages (8 subjects) stability peaked at the planted k with
# halves of 500, 1,000 and 2,000 passages (0.99, 1.00, 1.00 at k=8; next best 0.97, 0.89,
# 0.88), the stability fits taking 2.2, 4.6 and 8.2 s; with 1,000 they add 22% to the k
# search's CPU time there (17.0 -> 20.9 s, benchmarks/k_stability.py).
STABILITY_HALF = 1_000


def split_halves(corpus: Corpus, seed: int, cap: int = STABILITY_HALF
                 ) -> tuple[Corpus, Corpus]:
    """Two disjoint random halves of the corpus (at most ``cap`` passages each), seeded."""
    rng = np.random.default_rng([seed, 0x57AB])  # a stream of its own, apart from the fits'
    order = rng.permutation(corpus.n_passages)
    size = min(corpus.n_passages // 2, cap)
    return (corpus.subset(np.sort(order[:size])),
            corpus.subset(np.sort(order[size : 2 * size])))


def topic_stability(a: TopicModel, b: TopicModel) -> float:
    """Mean cosine similarity of two models' topics, matched one-to-one to maximise it."""
    from scipy.optimize import linear_sum_assignment

    similarity = topic_similarity(a.vocabulary_, a.components_, b.vocabulary_, b.components_)
    rows, cols = linear_sum_assignment(similarity, maximize=True)
    return float(similarity[rows, cols].mean())


def half_stability(halves: tuple[Corpus, Corpus], k: int) -> float | None:
    """The stability of k topics on the two halves (None if a half is too small for k)."""
    if min(h.n_usable for h in halves) < k * MIN_PASSAGES_PER_TOPIC:
        return None
    a, b = (TopicModel(replace(h.params, k=k)).fit(h) for h in halves)
    return round(topic_stability(a, b), 6)
