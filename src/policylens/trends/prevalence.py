"""Topic prevalence and mention rates per period (and group), with bootstrap intervals.

A period's topic share is the mean of its passages' topic shares. Its interval comes from a
bootstrap that resamples whole documents (passages of one debate are not independent draws),
falling back to resampling passages when a cell holds a single document. Every cell draws from
its own generator, seeded from ``seed`` and the cell's name, so adding a group or a period
never changes another cell's interval.

The interval is the plain percentile interval of the replicates. Each replicate is the same
ratio as the estimate, computed on a resample, so it lies where the estimate can: a share in
[0, 1], a rate at or above 0, a difference of two shares in [-1, 1]; the percentiles of values
within a range are within it too. BCa was considered and not chosen: its acceleration comes
from a jackknife over documents, which with the two or three documents of a sparse period is
itself unstable, and its adjusted percentiles can fall on the few extreme replicates. With
few documents a percentile interval is too narrow (resampling n documents has (n-1)/n of the
variance), which is why such periods are marked ``thin`` (fewer than THIN_DOCUMENTS documents)
and never flagged as beyond noise, rather than widened beyond what is possible.
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from ..defaults import DEFAULT_BOOTSTRAP, GROUPS, PERIODS, THIN_DOCUMENTS
from ..errors import InputError
from ..records import PassageMeta

ALL = "all"
UNKNOWN = "unknown"
CONFIDENCE = 0.95
_BOOT_CHUNK = 100  # replicates drawn at once: bounds memory for cells with many documents


def period_of(date: str | None, by: str) -> str | None:
    """The period an ISO date falls in: '2016', '2016-Q2' or '2016-05' (None if undated)."""
    if not date or len(date) < 4 or not date[:4].isdigit():
        return None
    if by == "year":
        return date[:4]
    if len(date) < 7:
        return None
    month = int(date[5:7])
    if by == "quarter":
        return f"{date[:4]}-Q{(month - 1) // 3 + 1}"
    if by == "month":
        return date[:7]
    raise InputError(f"unknown period {by!r}", f"use one of: {', '.join(PERIODS)}")


def period_position(period: str) -> float:
    """A period as a number on a time axis (its start, in years)."""
    year = int(period[:4])
    if len(period) == 4:
        return float(year)
    if period[5] == "Q":
        return year + (int(period[6]) - 1) / 4
    return year + (int(period[5:7]) - 1) / 12


def next_period(period: str) -> str:
    """The period after this one ('2016' -> '2017', '2016-Q4' -> '2017-Q1', '2016-12' -> ...)."""
    year = int(period[:4])
    if len(period) == 4:
        return str(year + 1)
    if period[5] == "Q":
        q = int(period[6])
        return f"{year + 1}-Q1" if q == 4 else f"{year}-Q{q + 1}"
    month = int(period[5:7])
    return f"{year + 1}-01" if month == 12 else f"{year}-{month + 1:02d}"


def period_range(periods: Sequence[str]) -> list[str]:
    """Every period from the first to the last of ``periods``, gaps included."""
    if not periods:
        return []
    out, period, last = [], min(periods), max(periods)
    while period <= last:
        out.append(period)
        period = next_period(period)
    return out


def group_of(row: PassageMeta, group: str | None) -> str:
    """The value of the grouping column for a passage ('unknown' when missing)."""
    if group is None:
        return ALL
    if group not in GROUPS:
        raise InputError(f"unknown group {group!r}", f"use one of: {', '.join(GROUPS)}")
    value = getattr(row, group)
    return str(value) if value not in (None, "") else UNKNOWN


@dataclass(frozen=True)
class Cell:
    """The passages (row indices) of one period and group."""

    period: str
    group: str
    rows: np.ndarray


def make_cells(rows: Sequence[PassageMeta], by: str, group: str | None,
               usable: np.ndarray | None = None) -> list[Cell]:
    """Cells for group 'all' and, with ``group``, for each of its values; sorted."""
    if by not in PERIODS:
        raise InputError(f"unknown period {by!r}", f"use one of: {', '.join(PERIODS)}")
    members: dict[tuple[str, str], list[int]] = {}
    for i, row in enumerate(rows):
        if usable is not None and not usable[i]:
            continue
        period = period_of(row.date, by)
        if period is None:
            continue
        members.setdefault((ALL, period), []).append(i)
        if group is not None:
            members.setdefault((group_of(row, group), period), []).append(i)
    keys = sorted(members, key=lambda gp: (gp[0] != ALL, gp[0], gp[1]))
    return [Cell(p, g, np.asarray(members[(g, p)])) for g, p in keys]


def cell_rng(seed: int, *names: str) -> np.random.Generator:
    """A generator for one cell, independent of every other cell's."""
    key = zlib.crc32("|".join(names).encode("utf-8"))
    return np.random.default_rng([seed, key])


def is_thin(n_documents: int) -> bool:
    """True when a period or window holds too few documents to be read as a finding."""
    return n_documents < THIN_DOCUMENTS


def bootstrap_ratio(num: np.ndarray, den: np.ndarray, clusters: Sequence[str], n_boot: int,
                    rng: np.random.Generator) -> np.ndarray:
    """Bootstrap replicates of sum(num) / sum(den) (n_boot x m), resampling clusters.

    ``num`` is n x m, ``den`` is n; with fewer than two clusters the rows are resampled. The
    replicates are not rescaled, so they stay within the range of the ratio itself.
    """
    labels, inverse = np.unique(np.asarray(clusters), return_inverse=True)
    if len(labels) >= 2:
        c_num = np.zeros((len(labels), num.shape[1]))
        np.add.at(c_num, inverse, num)
        c_den = np.bincount(inverse, weights=den, minlength=len(labels)).astype(float)
    else:
        c_num, c_den = num.astype(float), den.astype(float)
    n = len(c_den)
    reps = []
    for start in range(0, n_boot, _BOOT_CHUNK):
        size = min(_BOOT_CHUNK, n_boot - start)
        weights = rng.multinomial(n, np.full(n, 1.0 / n), size=size).astype(float)
        top, bottom = weights @ c_num, weights @ c_den
        reps.append(top / np.where(bottom > 0, bottom, np.nan)[:, None])
    if not reps:
        return np.zeros((0, num.shape[1]))
    return np.vstack(reps)


def interval(replicates: np.ndarray, confidence: float = CONFIDENCE) -> tuple[np.ndarray, np.ndarray]:
    """Percentile interval of bootstrap replicates, column by column."""
    tail = (1 - confidence) / 2 * 100
    if not len(replicates):
        nan = np.full(replicates.shape[1], np.nan)
        return nan, nan
    # The same numbers either way; nanpercentile is several times slower, so it is kept for
    # replicates that hold a NaN (a resample with nothing to divide by).
    if np.isnan(replicates).any():
        low, high = np.nanpercentile(replicates, [tail, 100 - tail], axis=0)
    else:
        low, high = np.percentile(replicates, [tail, 100 - tail], axis=0)
    return low, high


def doc_codes(rows: Sequence[PassageMeta]) -> np.ndarray:
    """Each passage's document as an integer, numbered in document-id order (the bootstrap
    resamples documents by these: an array, not a list of id strings per cell)."""
    if not len(rows):
        return np.zeros(0, dtype=np.int64)
    return np.unique(np.asarray([r.doc_id for r in rows]), return_inverse=True)[1]


def usable_rows(shares: np.ndarray) -> np.ndarray:
    """Passages that carry a topic mix (too-short passages have NaN shares)."""
    return np.isfinite(shares).all(axis=1)


@dataclass(frozen=True)
class ShareCell:
    """One period and group's mean shares (of topics or themes) and their bootstrap replicates
    (n_boot x columns), with its counts."""

    period: str
    group: str
    mean: np.ndarray
    replicates: np.ndarray
    n_passages: int
    n_documents: int


def share_cells(rows: Sequence[PassageMeta], shares: np.ndarray, *, by: str = "year",
                group: str | None = None, n_boot: int = DEFAULT_BOOTSTRAP, seed: int = 0,
                stream: str = "topics") -> list[ShareCell]:
    """Each period and group's mean of the passages' shares (passages x columns, aligned with
    ``rows``; passages with NaN shares left out), with replicates that resample documents.
    ``stream`` names the cells' generators, so topics and themes draw independently."""
    shares = np.asarray(shares, dtype=float)
    if len(rows) != len(shares):
        raise InputError(f"{len(rows)} passages but {len(shares)} rows of shares")
    documents = doc_codes(rows)
    out = []
    for cell in make_cells(rows, by, group, usable_rows(shares)):
        sub = shares[cell.rows]
        docs = documents[cell.rows]
        reps = bootstrap_ratio(sub, np.ones(len(sub)), docs, n_boot,
                               cell_rng(seed, stream, cell.period, cell.group))
        out.append(ShareCell(cell.period, cell.group, sub.mean(axis=0), reps, len(cell.rows),
                             len(np.unique(docs))))
    return out


def topic_prevalence(rows: Sequence[PassageMeta], shares: np.ndarray, labels: Sequence[str], *,
                     by: str = "year", group: str | None = None,
                     n_boot: int = DEFAULT_BOOTSTRAP, seed: int = 0) -> list[dict]:
    """One row per period, group and topic: mean share with its interval and counts."""
    out = []
    for cell in share_cells(rows, shares, by=by, group=group, n_boot=n_boot, seed=seed,
                            stream="topics"):
        low, high = interval(cell.replicates)
        for t in range(len(cell.mean)):
            out.append({
                "period": cell.period, "group": cell.group, "topic": t + 1,
                "label": labels[t], "share": float(cell.mean[t]), "ci_low": float(low[t]),
                "ci_high": float(high[t]), "n_passages": cell.n_passages,
                "n_documents": cell.n_documents, "thin": is_thin(cell.n_documents),
            })
    return out


def mention_trends(rows: Sequence[PassageMeta], counts: np.ndarray,
                   labels: Sequence[str], *, by: str = "year", group: str | None = None,
                   n_boot: int = DEFAULT_BOOTSTRAP, seed: int = 0) -> list[dict]:
    """One row per period, group and label: mentions, words, and mentions per 10,000 words.

    ``counts`` holds each passage's mentions of each label (passages x labels, aligned with
    ``rows``); passages without mentions count zero, so every period and label gets a row.
    """
    num = np.asarray(counts, dtype=float).reshape(len(rows), len(labels))
    words = np.asarray([row.n_words or 0 for row in rows], dtype=float)
    documents = doc_codes(rows)
    out = []
    for cell in make_cells(rows, by, group):
        docs = documents[cell.rows]
        n_words = words[cell.rows].sum()
        counts = num[cell.rows].sum(axis=0)
        n_docs = len(np.unique(docs))
        reps = bootstrap_ratio(num[cell.rows], words[cell.rows], docs, n_boot,
                               cell_rng(seed, "mentions", cell.period, cell.group))
        low, high = interval(reps * 10_000)
        for j, label in enumerate(labels):
            rate = counts[j] / n_words * 10_000 if n_words else 0.0
            out.append({
                "period": cell.period, "group": cell.group, "label": label,
                "count": int(counts[j]), "n_words": int(n_words), "per_10k_words": float(rate),
                "ci_low": float(low[j]) if n_words else 0.0,
                "ci_high": float(high[j]) if n_words else 0.0,
                "n_passages": len(cell.rows), "n_documents": n_docs, "thin": is_thin(n_docs),
            })
    return out
