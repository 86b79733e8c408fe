"""Topics anchored to the tagger's themes (``--guided``): one topic per label, held to it.

An unguided topic model follows words: passages about the NHS workforce that share few words
(radiotherapy staffing, genomics training, nurse vacancies) land in several topics, and none of
them follows the theme. A guided model adds one column per label to each passage's tf-idf row:
``ANCHOR_WEIGHT`` where the tagger found a mention of that label in the passage, 0 elsewhere.
The first topics start as anchors, one per label that has mentions: its words are the mean
tf-idf of the passages mentioning the label, its label column is its own and no other topic's.
NMF's multiplicative updates keep a zero weight zero, so an anchor stays the only topic that
can explain its label's column: the passages that mention the label share that topic, whatever
their words, and the anchor's words are learned from them. The other topics are free, as in an
unguided model. Guided topics therefore need the passages tagged first, and NMF.
"""

from __future__ import annotations

import numpy as np

# The weight of a label's column beside a passage's l2-normalised tf-idf row. On the planted
# shift (benchmarks/planted_shift.py) 0.5 and 1.0 gave the workforce anchor the same Spearman
# correlation with the planted share (0.94-0.99 at k 5-12); 0.5 leaves the words more say.
ANCHOR_WEIGHT = 0.5
# A tiny floor for the starting passage weights: a weight that starts at zero would stay zero.
START_FLOOR = 1e-6


def augment(x, guides: np.ndarray):
    """A tf-idf matrix with the label columns (``guides``: rows x labels, 0/1) appended."""
    import scipy.sparse as sp

    g = sp.csr_matrix(np.asarray(guides, dtype=np.float64) * ANCHOR_WEIGHT)
    return sp.hstack([x, g], format="csr")


def anchor_start(theme_means: np.ndarray, free: np.ndarray) -> np.ndarray:
    """Starting topics over the words and the label columns: the anchors (``theme_means``:
    labels x words, each label's passages' mean tf-idf) with their own label column set and
    the others zero, then the free topics (``free``: topics x words) with every label column
    zero, so that no free topic can take a label's column."""
    n_labels, n_words = theme_means.shape
    anchors = np.hstack([theme_means, np.eye(n_labels) * ANCHOR_WEIGHT])
    free = np.hstack([free, np.zeros((free.shape[0], n_labels))])
    start = np.vstack([anchors, free])
    start[:, :n_words] += START_FLOOR  # every word may still enter every topic
    return start


def anchored_topics(anchor_weights: np.ndarray, labels: tuple[str, ...]) -> list[str | None]:
    """For each topic, the label it is anchored to (None for a free topic)."""
    out: list[str | None] = []
    for row in np.asarray(anchor_weights):
        out.append(labels[int(np.argmax(row))] if row.size and row.max() > 0 else None)
    return out
