"""p-values from permutations, and Benjamini-Hochberg q-values across the tests of one table.

A change's p-value comes from shuffling whole documents between the two windows it compares:
under no change the documents are exchangeable, so the test holds its level with the few
documents a sparse period has, where a bootstrap p-value does not (on simulated steady topics
with 3 documents a window the percentile bootstrap called 25% of them p < 0.05, 19% with 5).
With n documents a window there are only C(2n, n) distinct splits (20 for 3, 70 for 4), so a
small window cannot reach a small p-value: that is the honest answer. When the splits are no
more than the shuffles asked for, every one is taken once (an exact test, no chance in it).

A table of shifts tests every topic in every group at once, so some changes pass p < 0.05 by
chance alone; a flag rests on the q-value instead, the smallest false discovery rate at which
the test would be called (Benjamini and Hochberg 1995). The tests of one table share passages
(group 'all' holds every other group's), a positive dependence under which the procedure
still holds its rate.
"""

from __future__ import annotations

import numpy as np

FDR = 0.05  # a change is beyond noise when its q-value is below this


def permutation_p_values(observed: np.ndarray, null: np.ndarray,
                         exact: bool = False) -> np.ndarray:
    """Each column's p-value: the share of permuted statistics (rows of ``null``) at least as
    large as the observed one. Random shuffles count the observed one among them
    ((1 + count) / (N + 1)), which keeps the test valid (Phipson and Smyth 2010); with
    ``exact`` the rows are every split, the observed among them, and p is count / N."""
    observed = np.asarray(observed, dtype=float)
    null = np.asarray(null, dtype=float)
    if not len(null):
        return np.full(observed.shape, np.nan)
    # A shuffle that reproduces the observed split differs from it only by rounding.
    at_least = (null >= observed - 1e-12 * np.maximum(1.0, np.abs(observed))).sum(axis=0)
    return at_least / len(null) if exact else (1 + at_least) / (len(null) + 1)


def permutation_p_value(statistic: float, null: np.ndarray, exact: bool = False) -> float:
    """:func:`permutation_p_values` of one statistic (NaN when it is not finite)."""
    if not np.isfinite(statistic):
        return float("nan")
    return float(permutation_p_values(np.asarray([statistic]), np.asarray(null)[:, None],
                                      exact)[0])


def smallest_p_value(n_resamples: int) -> float:
    """The smallest p-value ``n_resamples`` random permutations can give."""
    return 1 / (n_resamples + 1)


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
