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
    out = []
    for cell in make_cells(rows, by, group, usable):
        topic_mix = shares[cell.rows]
        docs = documents[cell.rows]
        for j, label in enumerate(mention_labels):
            n = counts[cell.rows, j]
            if not n.any():
                continue
            # Each passage's mentions of the label, spread over its topics.
            spread = topic_mix * n[:, None]
            reps = bootstrap_ratio(spread, n, docs, n_boot,
                                   cell_rng(seed, "framing", label, cell.period, cell.group))
            low, high = interval(reps)
            share = spread.sum(axis=0) / n.sum()
            n_docs = len(set(docs[n > 0].tolist()))
            for t in range(shares.shape[1]):
                out.append({
                    "period": cell.period, "group": cell.group, "label": label,
                    "topic": t + 1, "topic_label": topic_labels[t], "share": float(share[t]),
                    "ci_low": float(low[t]), "ci_high": float(high[t]),
                    "n_mentions": int(n.sum()), "thin": is_thin(n_docs),
                })
    return out
