"""What a person needs to read a topic: a short label, top words, representative passages."""

from __future__ import annotations

import numpy as np

LABEL_WORDS = 3
N_REPRESENTATIVE = 3
SNIPPET_CHARS = 160


def make_label(terms: list[str], n_words: int = LABEL_WORDS) -> str:
    """A short label from top words, skipping words already inside a chosen phrase."""
    chosen: list[str] = []
    covered: set[str] = set()
    for term in terms:
        words = set(term.split())
        if words <= covered:
            continue
        # A phrase absorbs single words chosen before it ("gene", then "gene therapy").
        chosen = [c for c in chosen if not (" " not in c and c in words)]
        chosen.append(term)
        covered |= words
        if len(chosen) == n_words:
            break
    return ", ".join(chosen)


def make_labels(top_terms: list[list[str]]) -> list[str]:
    """One label per topic; a label that repeats another takes more words until distinct."""
    labels: list[str] = []
    for terms in top_terms:
        n = LABEL_WORDS
        label = make_label(terms, n)
        while label in labels and n < len(terms):
            n += 1
            label = make_label(terms, n)
        if label in labels:
            label = f"{label} ({len(labels) + 1})"
        labels.append(label)
    return labels


def representative(shares: np.ndarray, n: int = N_REPRESENTATIVE,
                   n_words: np.ndarray | None = None) -> list[list[int]]:
    """Row indices of the passages most given to each topic.

    Shares are compared to three decimals; among equals the longer passage wins (a short
    passage easily scores 1.0 on one topic while saying little), then the earlier one.
    """
    picks = []
    usable = np.isfinite(shares).all(axis=1) if len(shares) else np.zeros(0, bool)
    rows = np.flatnonzero(usable)
    length = np.zeros(len(shares)) if n_words is None else np.asarray(n_words, dtype=float)
    for t in range(shares.shape[1]):
        order = np.lexsort((rows, -length[rows], -np.round(shares[rows, t], 3)))
        picks.append([int(rows[i]) for i in order[:n]])
    return picks


def snippet(text: str, limit: int = SNIPPET_CHARS) -> str:
    """The start of a passage on one line, cut at a word boundary."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return cut + "…"
