"""Framing: where each label's mentions sit among the topics, period by period.

A mention belongs to the topics of the passage it is in, in proportion to the passage's topic
shares: a COST mention in a passage that is 70% "appraisal and pricing" and 30% "workforce"
puts 0.7 of a mention in the first and 0.3 in the second. A label's framing in a period is the
share of its mentions that falls in each topic (over the topics it sums to 1), so a reader can
see cost talk move from appraisal and pricing into workforce and capacity while the amount of
cost talk stays level.

The interval is a bootstrap that resamples documents within the period (each replicate recounts
the label's mentions and their topics), through :mod:`policylens.trends.prevalence`. A period
where the label's mentions come from fewer than three documents is ``thin``. Periods where a
label has no mentions get no rows for it (there is nothing to share out).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from ..defaults import DEFAULT_BOOTSTRAP
from ..errors import InputError
from ..records import PassageMeta
from .prevalence import bootstrap_ratio, cell_rng, doc_codes, interval, is_thin, make_cells


def framing(rows: Sequence[PassageMeta], shares: np.ndarray, counts: np.ndarray,
            mention_labels: Sequence[str], topic_labels: Sequence[str], *, by: str = "year",
            group: str | None = None, n_boot: int = DEFAULT_BOOTSTRAP,
            seed: int = 0) -> list[dict]:
    """One row per period, group, label (with mentions there) and topic: the share of the
    label's mentions that falls in the topic, with its interval.

    ``shares`` are the passages' topic shares and ``counts`` their mentions of each of
    ``mention_labels`` (both aligned with ``rows``); passages without a topic mix are left out.
    """
    shares = np.asarray(shares, dtype=float)
    counts = np.asarray(counts, dtype=float)
    if len(rows) != len(shares) or counts.shape != (len(rows), len(mention_labels)):
        raise InputError(f"{len(rows)} passages, {len(shares)} rows of topic shares and "
                         f"{counts.shape} mention counts do not line up")
    usable = np.isfinite(shares).all(axis=1) & (counts.sum(axis=1) > 0)
    documents = doc_codes(rows)
    n_labels, k = counts.shape[1], shares.shape[1]
    out = []
    for cell in make_cells(rows, by, group, usable):
        n = counts[cell.rows]
        docs = documents[cell.rows]
        # Each passage's mentions of each label spread over its topics (label by label, k
        # columns each), then the mention counts: one bootstrap of their means serves every
        # label, since a ratio of two means is the ratio of the two sums.
        spread = (n[:, :, None] * shares[cell.rows][:, None, :]).reshape(len(n), n_labels * k)
        reps = bootstrap_ratio(np.hstack([spread, n]), np.ones(len(n)), docs, n_boot,
                               cell_rng(seed, "framing", cell.period, cell.group))
        totals = n.sum(axis=0)
        present = np.flatnonzero(totals)  # labels without mentions here get no rows
        with np.errstate(invalid="ignore", divide="ignore"):
            ratios = (reps[:, :n_labels * k].reshape(len(reps), n_labels, k)[:, present]
                      / reps[:, n_labels * k + present, None])
        low, high = (b.reshape(len(present), k) for b in
                     interval(ratios.reshape(len(reps), len(present) * k)))
        for i, j in enumerate(present):
            label = mention_labels[j]
            share = spread[:, j * k:(j + 1) * k].sum(axis=0) / totals[j]
            n_docs = len(np.unique(docs[n[:, j] > 0]))
            for t in range(k):
                out.append({
                    "period": cell.period, "group": cell.group, "label": label,
                    "topic": t + 1, "topic_label": topic_labels[t], "share": float(share[t]),
                    "ci_low": float(low[i, t]), "ci_high": float(high[i, t]),
                    "n_mentions": int(totals[j]), "thin": is_thin(n_docs),
                })
    return out
