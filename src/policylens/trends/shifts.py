"""Shift detection: which topics rose or fell between two windows, and when the mix changed.

A topic's change is the difference of its mean share between two windows (by default the first
and last periods), with a bootstrap interval of that difference. Its p-value comes from a
permutation test (whole documents shuffled between the two windows, as many shuffles as
bootstrap replicates; see significance.py for why not the bootstrap), and the q-values
correct for testing every topic in every group at once (Benjamini-Hochberg over the table's
rows that are not thin). A change "exceeds noise" when its q-value is below FDR, its 95%
interval excludes zero and neither window is thin (fewer than THIN_DOCUMENTS documents).

The divergence between consecutive periods is the Jensen-Shannon divergence (base 2, from
0 = same mix to 1 = disjoint) of their mean topic mixes, set beside what relabelling documents
at random between the two periods gives (a permutation test: its 95th percentile is
``noise_95``, the share of shuffles at least as divergent is the p-value). Every pair of
periods in every group is a test, so these too are flagged by Benjamini-Hochberg q-value
across the table's pairs that are not thin.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations, pairwise

import numpy as np

from ..errors import InputError
from ..records import PassageMeta
from .prevalence import (
    ALL,
    CONFIDENCE,
    DEFAULT_BOOTSTRAP,
    bootstrap_ratio,
    cell_rng,
    doc_codes,
    group_of,
    interval,
    is_thin,
    make_cells,
    usable_rows,
)
from .significance import FDR, benjamini_hochberg, permutation_p_value, permutation_p_values

_CHUNK = 100  # shuffles drawn at once: bounds memory for windows with many documents
DEFAULT_PERMUTATIONS = 1000  # shuffles behind a divergence p-value: the smallest is 1/1001
_PERIOD_RE = re.compile(r"^(\d{4})(?:-(?:Q([1-4])|(\d{2}))(?:-(\d{2}))?)?$")


@dataclass(frozen=True)
class Window:
    """A span of dates, inclusive, with the text the user gave for it."""

    name: str
    start: str
    end: str

    def contains(self, date: str | None) -> bool:
        """True when an ISO date (or year / year-month) lies in the window."""
        if not date:
            return False
        full = date + "-01-01"[len(date) - 4:] if len(date) < 10 else date[:10]
        return self.start <= full <= self.end


def _bounds(text: str) -> tuple[str, str]:
    m = _PERIOD_RE.match(text.strip())
    if not m:
        raise InputError(f"cannot read {text!r} as a period",
                         "write a year (2016), quarter (2016-Q2), month (2016-05) or date")
    year, quarter, month, day = m.groups()
    y = int(year)
    try:
        if day:
            d = dt.date(y, int(month), int(day)).isoformat()
            return d, d
        if quarter:
            first = 3 * (int(quarter) - 1) + 1
            return dt.date(y, first, 1).isoformat(), _month_end(y, first + 2)
        if month:
            return dt.date(y, int(month), 1).isoformat(), _month_end(y, int(month))
    except ValueError as exc:
        raise InputError(f"{text!r} is not a real date: {exc}") from exc
    return f"{y:04d}-01-01", f"{y:04d}-12-31"


def _month_end(year: int, month: int) -> str:
    nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
    return (nxt - dt.timedelta(days=1)).isoformat()


def parse_window(spec: str) -> Window:
    """'2016:2018' (inclusive), '2016-Q1:2017-Q2', '2019' -> a Window."""
    left, _, right = spec.partition(":")
    start, _ = _bounds(left)
    _, end = _bounds(right or left)
    if end < start:
        raise InputError(f"{spec!r} ends before it starts", "write the earlier period first")
    return Window(spec, start, end)


def _window_rows(rows: Sequence[PassageMeta], window: Window, usable: np.ndarray) -> list[int]:
    return [i for i, r in enumerate(rows) if usable[i] and window.contains(r.date)]


def default_windows(rows: Sequence[PassageMeta], shares: np.ndarray, by: str
                    ) -> tuple[Window, Window] | None:
    """The first and last periods that hold passages (None with fewer than two periods)."""
    periods = sorted({c.period for c in make_cells(rows, by, None, usable_rows(shares))})
    if len(periods) < 2:
        return None
    first, last = periods[0], periods[-1]
    return parse_window(first), parse_window(last)


def topic_shifts(rows: Sequence[PassageMeta], shares: np.ndarray, labels: Sequence[str], *,
                 by: str = "year", group: str | None = None,
                 compare: tuple[str, str] | None = None,
                 n_boot: int = DEFAULT_BOOTSTRAP, seed: int = 0) -> list[dict]:
    """Each topic's change in share between two windows, largest rise first, per group."""
    shares = np.asarray(shares, dtype=float)
    if compare:
        windows = (parse_window(compare[0]), parse_window(compare[1]))
    else:
        windows = default_windows(rows, shares, by)
        if windows is None:
            return []
    usable = usable_rows(shares)
    documents = doc_codes(rows)
    windows_names = (windows[0].name, windows[1].name)
    a_rows = _window_rows(rows, windows[0], usable)
    b_rows = _window_rows(rows, windows[1], usable)
    groups = [ALL] + (sorted({group_of(rows[i], group) for i in a_rows + b_rows})
                      if group else [])
    out = []
    for g in groups:
        ia = [i for i in a_rows if g == ALL or group_of(rows[i], group) == g]
        ib = [i for i in b_rows if g == ALL or group_of(rows[i], group) == g]
        if not ia or not ib:
            continue
        rep_a = _replicates(documents, shares, ia, n_boot,
                            cell_rng(seed, "shift", windows[0].name, g))
        rep_b = _replicates(documents, shares, ib, n_boot,
                            cell_rng(seed, "shift", windows[1].name, g))
        low, high = interval(rep_b - rep_a)
        mean_a, mean_b = shares[ia].mean(axis=0), shares[ib].mean(axis=0)
        change = mean_b - mean_a
        null, exact = _permuted_changes(documents, shares, ia, ib, n_boot,
                                        cell_rng(seed, "shift-permutation", *windows_names, g))
        p_values = permutation_p_values(np.abs(change), null, exact)
        docs_a, docs_b = len(np.unique(documents[ia])), len(np.unique(documents[ib]))
        thin = is_thin(docs_a) or is_thin(docs_b)
        block = []
        for t in range(shares.shape[1]):
            block.append({
                "group": g, "topic": t + 1, "label": labels[t],
                "from_period": windows[0].name, "to_period": windows[1].name,
                "share_from": float(mean_a[t]), "share_to": float(mean_b[t]),
                "change": float(change[t]), "ci_low": float(low[t]), "ci_high": float(high[t]),
                "p_value": float(p_values[t]), "q_value": None, "exceeds_noise": False,
                "direction": "rise" if change[t] > 0 else "fall" if change[t] < 0 else "none",
                "n_passages_from": len(ia), "n_passages_to": len(ib),
                "n_documents_from": docs_a, "n_documents_to": docs_b, "thin": thin,
            })
        block.sort(key=lambda r: (-round(r["change"], 12), r["topic"]))
        out.extend(block)
    return flag_beyond_noise(out)


def flag_beyond_noise(rows: list[dict]) -> list[dict]:
    """Set ``q_value`` (Benjamini-Hochberg over the rows that are not thin) and
    ``exceeds_noise`` (q below FDR, and where the row has an interval, the interval excludes
    zero: a flag never sits beside an interval that says "no change" is possible); thin rows
    are not tested and keep an empty q-value."""
    tested = [r for r in rows if not r["thin"] and np.isfinite(r["p_value"])]
    for r, q in zip(tested, benjamini_hochberg([r["p_value"] for r in tested])):
        r["q_value"] = float(q)
        excludes_zero = "ci_low" not in r or r["ci_low"] > 0 or r["ci_high"] < 0
        r["exceeds_noise"] = bool(q < FDR and excludes_zero)
    return rows


def _permuted_changes(documents, shares, ia, ib, n_perm, rng) -> tuple[np.ndarray, bool]:
    """|change| of every topic under shuffles of the two windows' documents (shuffles x
    topics; empty when one side has nothing to shuffle), and whether they are every split."""
    idx = np.concatenate([np.asarray(ia, dtype=np.int64), np.asarray(ib, dtype=np.int64)])
    side = np.repeat([0, 1], [len(ia), len(ib)])
    # A unit is a document within a window (a document in two overlapping windows is two).
    units, inverse = np.unique(documents[idx] * 2 + side, return_inverse=True)
    n_first = int(np.sum(units % 2 == 0))
    if n_first == 0 or n_first == len(units):
        return np.zeros((0, shares.shape[1])), False
    sums = np.zeros((len(units), shares.shape[1]))
    np.add.at(sums, inverse, shares[idx])
    sizes = np.bincount(inverse, minlength=len(units)).astype(float)
    exact, means = _shuffled_means(sums, sizes, n_first, n_perm, rng)
    out = [np.abs(mean_b - mean_a) for mean_a, mean_b in means]
    return (np.vstack(out) if out else np.zeros((0, shares.shape[1]))), exact


def _shuffled_means(sums: np.ndarray, sizes: np.ndarray, n_first: int, n_perm: int, rng):
    """Whether the shuffles are every split, and the two sides' mean mixes under them.

    Units (rows of ``sums``, ``sizes`` passages each) are split ``n_first`` to the first side.
    When there are no more than ``n_perm`` distinct splits (20 for three documents a side),
    every split is taken once, an exact test with no chance in it; else ``n_perm`` random
    shuffles, in chunks of _CHUNK. Each chunk's sides are computed at once, by a 0/1 matrix
    of the units on the first side."""
    n_units = len(sizes)

    def means(first: np.ndarray):
        sums_a, sizes_a = first @ sums, first @ sizes
        sums_b, sizes_b = sums.sum(0) - sums_a, sizes.sum() - sizes_a
        return sums_a / sizes_a[:, None], sums_b / sizes_b[:, None]

    if math.comb(n_units, n_first) <= n_perm:
        splits = list(combinations(range(n_units), n_first))
        first = np.zeros((len(splits), n_units))
        for row, chosen in zip(first, splits):
            row[list(chosen)] = 1.0
        return True, iter([means(first)])

    def shuffled():
        for start in range(0, n_perm, _CHUNK):
            first = np.zeros((min(_CHUNK, n_perm - start), n_units))
            for row in first:
                row[rng.permutation(n_units)[:n_first]] = 1.0
            yield means(first)

    return False, shuffled()


def _replicates(documents, shares, idx, n_boot, rng) -> np.ndarray:
    idx = np.asarray(idx, dtype=np.int64)
    return bootstrap_ratio(shares[idx], np.ones(len(idx)), documents[idx], n_boot, rng)


def js_divergence(p: np.ndarray, q: np.ndarray) -> float:
    """Jensen-Shannon divergence, base 2 (0 = the same mix, 1 = no topic in common)."""
    p = np.asarray(p, float) / np.sum(p)
    q = np.asarray(q, float) / np.sum(q)
    m = (p + q) / 2

    def kl(a: np.ndarray) -> float:
        nz = a > 0
        return float(np.sum(a[nz] * np.log2(a[nz] / m[nz])))

    return max(0.0, 0.5 * kl(p) + 0.5 * kl(q))


def divergence(rows: Sequence[PassageMeta], shares: np.ndarray, labels: Sequence[str], *,
               by: str = "year", group: str | None = None,
               n_perm: int = DEFAULT_PERMUTATIONS, seed: int = 0) -> list[dict]:
    """Jensen-Shannon divergence between each pair of consecutive periods with passages."""
    shares = np.asarray(shares, dtype=float)
    cells = make_cells(rows, by, group, usable_rows(shares))
    documents = doc_codes(rows)
    by_group: dict[str, list] = {}
    for cell in cells:
        by_group.setdefault(cell.group, []).append(cell)
    out = []
    for g, group_cells in by_group.items():
        for a, b in pairwise(group_cells):
            mean_a, mean_b = shares[a.rows].mean(axis=0), shares[b.rows].mean(axis=0)
            js = js_divergence(mean_a, mean_b)
            null, exact = _permuted_divergences(
                documents, shares, a.rows, b.rows, n_perm,
                cell_rng(seed, "divergence", a.period, b.period, g))
            noise = (float(np.percentile(null, CONFIDENCE * 100)) if len(null)
                     else float("nan"))
            diff = mean_b - mean_a
            t = int(np.lexsort((np.arange(len(diff)), -np.abs(np.round(diff, 12))))[0])
            docs_a = len(np.unique(documents[a.rows]))
            docs_b = len(np.unique(documents[b.rows]))
            thin = is_thin(docs_a) or is_thin(docs_b)
            out.append({
                "group": g, "period_from": a.period, "period_to": b.period,
                "js_divergence": js, "noise_95": noise,
                "p_value": permutation_p_value(js, null, exact), "q_value": None,
                "exceeds_noise": False,
                "biggest_change_topic": t + 1, "biggest_change_label": labels[t],
                "biggest_change": float(diff[t]),
                "n_passages_from": len(a.rows), "n_passages_to": len(b.rows),
                "n_documents_from": docs_a, "n_documents_to": docs_b, "thin": thin,
            })
    return flag_beyond_noise(out)


def _permuted_divergences(documents, shares, ia, ib, n_perm, rng) -> tuple[np.ndarray, bool]:
    """The divergences of shuffles of documents between the two periods (empty when there is
    nothing to shuffle), and whether they are every split."""
    idx = np.concatenate([ia, ib])
    docs = documents[idx]
    units, inverse = np.unique(docs, return_inverse=True)
    n_a_docs = len(set(docs[: len(ia)]))
    if len(units) >= 4 and n_a_docs < len(units):
        sums = np.zeros((len(units), shares.shape[1]))
        np.add.at(sums, inverse, shares[idx])
        sizes = np.bincount(inverse, minlength=len(units)).astype(float)
        n_first = n_a_docs
    else:  # too few documents to shuffle: shuffle passages (such a pair is thin)
        sums, sizes, n_first = shares[idx], np.ones(len(idx)), len(ia)
    if n_first == 0 or n_first == len(sizes):
        return np.zeros(0), False
    exact, means = _shuffled_means(sums, sizes, n_first, n_perm, rng)
    out = [_js_rows(mean_a, mean_b) for mean_a, mean_b in means]
    return (np.concatenate(out) if out else np.zeros(0)), exact


def _js_rows(p: np.ndarray, q: np.ndarray) -> np.ndarray:
    """js_divergence of each row of ``p`` with the same row of ``q``."""
    p = p / p.sum(axis=1, keepdims=True)
    q = q / q.sum(axis=1, keepdims=True)
    m = (p + q) / 2

    def kl(a: np.ndarray) -> np.ndarray:
        with np.errstate(divide="ignore", invalid="ignore"):
            terms = np.where(a > 0, a * np.log2(a / m), 0.0)
        return terms.sum(axis=1)

    return np.maximum(0.0, 0.5 * kl(p) + 0.5 * kl(q))
