"""Lead and lag between groups: does a theme's rise in one group come before the same rise in
another?

For each theme and each ordered pair of groups (A, B) of ``--group``, the two groups' theme
share series (one value a period; a period without passages between two with passages is
filled in on a straight line between them, none before a group's first period or after its
last) are compared at every
lag from ``-MAX_LAG`` to ``+MAX_LAG`` periods: the correlation at lag L is Pearson's r between
A's share in period t and B's share in period t + L, over the periods where both have
passages (at least ``MIN_OVERLAP`` of them). The lag with the highest correlation is
reported: a positive lag means A leads (B's series follows A's L periods later), a negative
one that B leads, 0 that they move together. Ties go to the lag nearest 0. The series are
compared as levels, not differences: a rise is what a reader looks for, and a lag between
two rises shows in their levels; two series that rise steadily over the whole span correlate
at every lag alike, and then the interval below is wide, as it should be.

The interval: the theme trends' bootstrap replicates (documents resampled within each group
and period, :func:`policylens.trends.themes.theme_cells`) give a pair of series per replicate,
and each replicate's best lag; ``ci_low`` and ``ci_high`` are the 2.5th and 97.5th percentiles
of those lags (whole periods). A pair is ``thin`` when any period it compares holds fewer than
three documents in either group (often so when a group holds a document or two a period:
read its lag as a hint, not a finding).
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import permutations

import numpy as np

from .prevalence import ALL, CONFIDENCE, is_thin, period_range
from .themes import THEMES, ThemeCell

MAX_LAG = 3
# A correlation needs this many periods where both groups have passages (at that lag).
MIN_OVERLAP = 4


def _lag_order(max_lag: int) -> list[int]:
    """Lags nearest 0 first (0, 1, -1, 2, -2, ...): argmax then breaks ties toward 0."""
    out = [0]
    for lag in range(1, max_lag + 1):
        out += [lag, -lag]
    return out


def _correlations(a: np.ndarray, b: np.ndarray, lags: Sequence[int]
                  ) -> tuple[np.ndarray, np.ndarray]:
    """Pearson r of a[:, t] and b[:, t + lag] for each lag (replicates x lags), and how many
    periods each lag compares. ``a``, ``b``: replicates x periods, NaN where a group has no
    passages (the same periods in every replicate)."""
    n = a.shape[1]
    corr = np.full((a.shape[0], len(lags)), np.nan)
    overlap = np.zeros(len(lags), dtype=int)
    for j, lag in enumerate(lags):
        x = a[:, max(0, -lag): n - max(0, lag)]
        y = b[:, max(0, lag): n - max(0, -lag)]
        both = np.isfinite(x[0]) & np.isfinite(y[0])
        overlap[j] = int(both.sum())
        if overlap[j] < MIN_OVERLAP:
            continue
        x = x[:, both] - x[:, both].mean(axis=1, keepdims=True)
        y = y[:, both] - y[:, both].mean(axis=1, keepdims=True)
        den = np.sqrt((x * x).sum(axis=1) * (y * y).sum(axis=1))
        with np.errstate(invalid="ignore", divide="ignore"):
            corr[:, j] = np.where(den > 1e-15, (x * y).sum(axis=1) / den, np.nan)
    return corr, overlap


def lead_lag(cells: Sequence[ThemeCell], *, max_lag: int = MAX_LAG) -> list[dict]:
    """One row per theme and ordered pair of groups (group 'all' left out) whose series
    overlap enough: the best lag, its bootstrap interval and its correlation."""
    by_group: dict[str, dict[str, ThemeCell]] = {}
    for cell in cells:
        if cell.group != ALL:
            by_group.setdefault(cell.group, {})[cell.period] = cell
    if len(by_group) < 2:
        return []
    periods = period_range([c.period for c in cells if c.group != ALL])
    lags = _lag_order(max_lag)
    n_boot = min(c.replicates.shape[0] for c in cells)
    series = {g: _series(members, periods, n_boot) for g, members in by_group.items()}
    thin = {g: np.asarray([p in members and is_thin(members[p].n_documents) for p in periods])
            for g, members in by_group.items()}
    tail = (1 - CONFIDENCE) / 2 * 100
    out = []
    for j, theme in enumerate(THEMES):
        for lead, follow in permutations(sorted(by_group), 2):
            (a_mean, a_reps), (b_mean, b_reps) = series[lead], series[follow]
            corr, overlap = _correlations(np.vstack([a_mean[:, j], a_reps[:, :, j]]),
                                          np.vstack([b_mean[:, j], b_reps[:, :, j]]), lags)
            if not np.isfinite(corr[0]).any():
                continue
            best = _best(corr, lags)
            reps = best[1:][np.isfinite(best[1:])]
            both = np.isfinite(a_mean[:, j]) & np.isfinite(b_mean[:, j])
            low, high = (np.percentile(reps, [tail, 100 - tail], method="nearest")
                         if len(reps) else (np.nan, np.nan))
            k = lags.index(int(best[0]))
            out.append({
                "theme": theme, "group_leading": lead, "group_following": follow,
                "lag": int(best[0]), "ci_low": _int(low), "ci_high": _int(high),
                "correlation": float(corr[0, k]), "correlation_at_0": _float(corr[0, 0]),
                "n_periods": int(overlap[k]),
                "thin": bool((both & (thin[lead] | thin[follow])).any()),
            })
    return out


def _series(members: dict[str, ThemeCell], periods: list[str], n_boot: int
            ) -> tuple[np.ndarray, np.ndarray]:
    """(periods x themes means, n_boot x periods x themes replicates), NaN in empty periods."""
    n_themes = len(THEMES)
    mean = np.full((len(periods), n_themes), np.nan)
    reps = np.full((n_boot, len(periods), n_themes), np.nan)
    for i, period in enumerate(periods):
        cell = members.get(period)
        if cell is not None:
            mean[i] = cell.mean
            reps[:, i] = cell.replicates[:n_boot]
    # Periods between two with passages are filled in on a straight line, so that every lag
    # compares about as many periods: a group heard every other year would otherwise be
    # compared only at the lags that happen to pair its years with the other group's.
    known = np.flatnonzero(np.isfinite(mean[:, 0]))
    for i in range(known[0] + 1, known[-1]) if len(known) else ():
        if i in known:
            continue
        left, right = known[known < i][-1], known[known > i][0]
        w = (i - left) / (right - left)
        mean[i] = (1 - w) * mean[left] + w * mean[right]
        reps[:, i] = (1 - w) * reps[:, left] + w * reps[:, right]
    return mean, reps


def _best(corr: np.ndarray, lags: Sequence[int]) -> np.ndarray:
    """Each row's lag of highest correlation (NaN where no lag could be compared)."""
    filled = np.where(np.isfinite(corr), corr, -np.inf)
    best = np.asarray(lags, dtype=float)[np.argmax(filled, axis=1)]
    best[~np.isfinite(corr).any(axis=1)] = np.nan
    return best


def _int(value) -> int | None:
    return int(value) if np.isfinite(value) else None


def _float(value) -> float | None:
    return float(value) if np.isfinite(value) else None
