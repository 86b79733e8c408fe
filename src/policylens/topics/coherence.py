"""Topic coherence (NPMI over passage co-occurrence) and topic diversity.

NPMI of two words is log(P(a,b) / (P(a)P(b))) / -log P(a,b), with probabilities counted over
the passages the model was fitted on; a topic's coherence is the mean over pairs of its top
words. It runs from -1 (never together) through 0 (independent) to 1 (always together).
"""

from __future__ import annotations

from itertools import combinations

import numpy as np

from .corpus import Corpus


def cooccurrence(corpus: Corpus, term_ids: list[int]) -> tuple[np.ndarray, int]:
    """Passage co-occurrence counts of the given terms (diagonal = document frequency)."""
    cols = np.asarray(term_ids, dtype=np.int64)
    counts = np.zeros((len(cols), len(cols)))
    n = 0
    for chunk in corpus.chunks():
        chunk = chunk[np.flatnonzero(corpus.usable(chunk))]
        present = (chunk[:, cols] > 0).astype(np.float64)
        counts += np.asarray((present.T @ present).todense())
        n += chunk.shape[0]
    return counts, n


def npmi(joint: float, a: float, b: float, n: int) -> float:
    """Normalised PMI from counts of a, b, both, out of n passages."""
    if joint <= 0 or n <= 0:
        return -1.0
    p_ab, p_a, p_b = joint / n, a / n, b / n
    if p_ab >= 1.0:
        return 1.0
    return float(np.log(p_ab / (p_a * p_b)) / -np.log(p_ab))


def _overlapping(a: str, b: str) -> bool:
    # "gene" and "gene therapy" co-occur by construction: such pairs would inflate the score.
    return bool(set(a.split()) & set(b.split()))


def topic_coherence(corpus: Corpus, top_ids: list[list[int]]) -> np.ndarray:
    """Mean NPMI of each topic's top-word pairs, counted on the corpus."""
    terms = sorted({i for ids in top_ids for i in ids})
    where = {t: j for j, t in enumerate(terms)}
    counts, n = cooccurrence(corpus, terms)
    vocab = corpus.vocabulary
    scores = []
    for ids in top_ids:
        pairs = [
            npmi(counts[where[a], where[b]], counts[where[a], where[a]],
                 counts[where[b], where[b]], n)
            for a, b in combinations(ids, 2) if not _overlapping(vocab[a], vocab[b])
        ]
        scores.append(float(np.mean(pairs)) if pairs else 0.0)
    return np.asarray(scores)


def topic_diversity(top_ids: list[list[int]]) -> float:
    """Share of distinct words among all topics' top words (1 = no topic repeats another)."""
    total = sum(len(ids) for ids in top_ids)
    return len({i for ids in top_ids for i in ids}) / total if total else 0.0
