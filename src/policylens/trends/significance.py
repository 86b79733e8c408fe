"""p-values from resampling, and Benjamini-Hochberg q-values across the tests of one table.

A table of shifts tests every topic in every group at once, so some changes pass p < 0.05 by
chance alone; a flag rests on the q-value instead, the smallest false discovery rate at which
the test would be called (Benjamini and Hochberg 1995). The tests of one table share passages
(group 'all' holds every other group's), a positive dependence under which the procedure
still holds its rate.
"""

from __future__ import annotations

import numpy as np

FDR = 0.05  # a change is beyond noise when its q-value is below this


def bootstrap_p_values(replicates: np.ndarray) -> np.ndarray:
    """Two-sided p-value of each column's bootstrap replicates against zero.

    Twice the smaller share of replicates on either side of zero, counting the estimate
    itself on both sides ((1 + count) / (B + 1)), so it is never 0 and p < 0.05 goes with a
    95% percentile interval that excludes zero. The smallest it can be is 2 / (B + 1).
    """
    replicates = np.asarray(replicates, dtype=float)
    finite = np.isfinite(replicates)
    n = finite.sum(axis=0)
    below = (finite & (replicates <= 0)).sum(axis=0)
    above = (finite & (replicates >= 0)).sum(axis=0)
    with np.errstate(invalid="ignore", divide="ignore"):
        p = 2 * (1 + np.minimum(below, above)) / (n + 1)
    return np.where(n > 0, np.minimum(p, 1.0), np.nan)


def permutation_p_value(statistic: float, null: np.ndarray) -> float:
    """One-sided p-value: the share of permuted statistics at least as large, the observed
    one counted among them ((1 + count) / (N + 1))."""
    null = np.asarray(null, dtype=float)
    if not len(null) or not np.isfinite(statistic):
        return float("nan")
    return float((1 + np.sum(null >= statistic)) / (len(null) + 1))


def smallest_p_value(n_resamples: int) -> float:
    """The smallest two-sided bootstrap p-value ``n_resamples`` replicates can give."""
    return min(1.0, 2 / (n_resamples + 1))


def benjamini_hochberg(p_values) -> np.ndarray:
    """Benjamini-Hochberg q-values of a family of p-values; NaN p-values (tests not made)
    stay NaN and do not count towards the family's size."""
    p = np.asarray(p_values, dtype=float)
    q = np.full(p.shape, np.nan)
    tested = np.flatnonzero(np.isfinite(p))
    m = len(tested)
    if not m:
        return q
    order = tested[np.argsort(p[tested], kind="stable")]
    ranked = p[order] * m / np.arange(1, m + 1)
    # q of the i-th smallest is the least m p_(j) / j over j >= i, capped at 1.
    q[order] = np.minimum(np.minimum.accumulate(ranked[::-1])[::-1], 1.0)
    return q
