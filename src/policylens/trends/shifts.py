"""Shift detection: which topics rose or fell between two windows, and when the mix changed.

A topic's change is the difference of its mean share between two windows (by default the first
and last periods), with a bootstrap interval of that difference. Its p-value comes from the
same replicates (twice the smaller share of them on either side of zero), and the q-values
correct for testing every topic in every group at once (Benjamini-Hochberg over the table's
rows that are not thin). A change "exceeds noise" when its q-value is below FDR and neither
window is thin (fewer than THIN_DOCUMENTS documents); a flagged change's 95% interval always
excludes zero.

The divergence between consecutive periods is the Jensen-Shannon divergence (base 2, from
0 = same mix to 1 = disjoint) of their mean topic mixes, set beside what relabelling documents
at random between the two periods gives (a permutation test: its 95th percentile is
``noise_95``, the share of shuffles at least as divergent is the p-value). Every pair of
periods in every group is a test, so these too are flagged by Benjamini-Hochberg q-value
across the table's pairs that are not thin.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

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
from .significance import FDR, benjamini_hochberg, bootstrap_p_values, permutation_p_value

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
        p_values = bootstrap_p_values(rep_b - rep_a)
        mean_a, mean_b = shares[ia].mean(axis=0), shares[ib].mean(axis=0)
        change = mean_b - mean_a
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
    ``exceeds_noise`` (q below FDR); thin rows are not tested and keep an empty q-value."""
    tested = [r for r in rows if not r["thin"] and np.isfinite(r["p_value"])]
    for r, q in zip(tested, benjamini_hochberg([r["p_value"] for r in tested])):
        r["q_value"] = float(q)
        r["exceeds_noise"] = bool(q < FDR)
    return rows


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
            null = _permuted_divergences(documents, shares, a.rows, b.rows, n_perm,
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
                "p_value": permutation_p_value(js, null), "q_value": None,
                "exceeds_noise": False,
                "biggest_change_topic": t + 1, "biggest_change_label": labels[t],
                "biggest_change": float(diff[t]),
                "n_passages_from": len(a.rows), "n_passages_to": len(b.rows),
                "n_documents_from": docs_a, "n_documents_to": docs_b, "thin": thin,
            })
    return flag_beyond_noise(out)


def _permuted_divergences(documents, shares, ia, ib, n_perm, rng) -> np.ndarray:
    """The divergences of ``n_perm`` shuffles of documents between the two periods (empty
    when there is nothing to shuffle)."""
    idx = np.concatenate([ia, ib])
    docs = documents[idx]
    units, inverse = np.unique(docs, return_inverse=True)
    n_a_docs = len(set(docs[: len(ia)]))
    if len(units) >= 4 and n_a_docs < len(units):
        sums = np.zeros((len(units), shares.shape[1]))
        np.add.at(sums, inverse, shares[idx])
        sizes = np.bincount(inverse, minlength=len(units)).astype(float)
        n_first = n_a_docs
    else:  # too few documents to shuffle: shuffle passages
        sums, sizes, n_first = shares[idx], np.ones(len(idx)), len(ia)
    if n_first == 0 or n_first == len(sizes):
        return np.zeros(0)
    first = np.zeros((n_perm, len(sizes)))
    for i in range(n_perm):
        first[i, rng.permutation(len(sizes))[:n_first]] = 1.0
    # Each shuffle's two mixes at once: units in the first period by a 0/1 matrix.
    sums_a, sizes_a = first @ sums, first @ sizes
    sums_b, sizes_b = sums.sum(0) - sums_a, sizes.sum() - sizes_a
    return _js_rows(sums_a / sizes_a[:, None], sums_b / sizes_b[:, None])


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
