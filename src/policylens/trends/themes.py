"""Themes: each passage's share of the four labels' themes and `other`, from topics and tags.

The tagger says what a passage mentions; the topic model says what it is about. A theme share
uses both:

1. A passage's *label mix* is its mentions' labels in proportion to their counts (two COST
   mentions and one THERAPY: 2/3 COST, 1/3 THERAPY); a passage without mentions is wholly
   ``other``.
2. A topic's *theme profile* is the label mix of the passages it covers, weighted by how much
   of each passage it covers. So a topic whose passages often mention nurses and vacancies is
   mostly NHS_WORKFORCE, and one whose passages mention nothing is ``other``.
3. The smoothing: a tagger finds its terms in only some of the passages on a subject (on a
   passage of a few sentences about rotas, perhaps none), so step 2 alone reads a topic that
   is wholly about the workforce as, say, a third NHS_WORKFORCE and two thirds ``other``. The
   best-covered topic (the largest share of its weight on passages with mentions, among topics
   holding at least half the mean topic's weight) is taken as wholly on the labels' themes:
   every profile's label columns are divided by that coverage, and ``other`` is what remains.
   This scales every topic alike.
4. A passage's theme shares: where the tagger found mentions in it, its own label mix; where
   it found none, its topic shares times the topics' profiles (they sum to 1 either way).

A period's theme share is the mean over its passages, as for topics, with a bootstrap interval
that resamples documents (:mod:`policylens.trends.prevalence`). The profiles are estimated once
from every passage and held fixed in the bootstrap, as the topic model is: the interval is the
sampling noise of the period's documents given the model and the tags.

Why not the mentions alone? A passage about the workforce that names no post or shortage has
no mention; the topic carries the subject over such passages. Why not the topics alone? One
subject is often split over several topics (nurses, vacancy rates, training places), a topic
has no label, and a topic may mix subjects: the profile gathers topics under labels, and a
passage's own mentions are better evidence of what it says than its topics' average. Measured
on real text with a planted workforce rise (benchmarks/planted_shift.py, four seeds), the
passage's own mix where it has mentions followed the rise with Spearman 0.96-0.99, topic
shares x profiles for every passage 0.86-0.96, and a blend of the two in between.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from ..defaults import DEFAULT_BOOTSTRAP
from ..errors import InputError
from ..records import PassageMeta
from ..tagging.labels import LABELS
from .prevalence import (
    ShareCell,
    interval,
    is_thin,
    share_cells,
    usable_rows,
)

OTHER = "other"
THEMES: tuple[str, ...] = LABELS + (OTHER,)
# A topic sets the coverage that counts as "wholly on the labels' themes" only if it holds at
# least this fraction of the mean topic's weight: a topic of a handful of passages, all tagged,
# would otherwise decide the level of every theme.
MIN_TOPIC_WEIGHT = 0.5


def label_mix(counts: np.ndarray) -> np.ndarray:
    """Each passage's label mix (passages x themes): its mentions' labels in proportion, or
    wholly ``other`` when it has none. ``counts`` is passages x labels."""
    counts = np.asarray(counts, dtype=float)
    totals = counts.sum(axis=1, keepdims=True)
    mix = np.zeros((len(counts), counts.shape[1] + 1))
    np.divide(counts, totals, out=mix[:, :-1], where=totals > 0)
    mix[:, -1] = (totals[:, 0] == 0)
    return mix


def theme_profiles(shares: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """Each topic's theme profile (topics x themes, rows sum to 1): the label mix of the
    passages it covers, weighted by its share of each, with the labels' columns scaled by the
    best-covered topic's coverage (module docstring). Passages without a topic mix (NaN
    shares) are left out; a topic that covers nothing is ``other``."""
    shares = np.asarray(shares, dtype=float)
    usable = usable_rows(shares)
    mix = label_mix(counts)[usable]
    weights = shares[usable]
    profiles = weights.T @ mix
    totals = profiles.sum(axis=1, keepdims=True)
    empty = totals[:, 0] <= 0
    profiles = np.divide(profiles, totals, out=np.zeros_like(profiles), where=totals > 0)
    profiles[empty, -1] = 1.0
    coverage = 1.0 - profiles[:, -1]
    sizeable = totals[:, 0] >= MIN_TOPIC_WEIGHT * totals.mean()
    best = float(coverage[sizeable].max()) if sizeable.any() else 0.0
    if best > 0:
        profiles[:, :-1] = np.minimum(profiles[:, :-1] / best, 1.0)
        profiles[:, -1] = np.clip(1.0 - profiles[:, :-1].sum(axis=1), 0.0, 1.0)
    return profiles


def passage_themes(shares: np.ndarray, profiles: np.ndarray) -> np.ndarray:
    """Each passage's theme shares (passages x themes): its topic shares times the profiles.
    NaN where the passage has no topic mix."""
    return np.asarray(shares, dtype=float) @ profiles


def theme_shares(shares: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """Each passage's theme shares (passages x themes): its own label mix where it has
    mentions, else its topic shares times the topics' profiles (estimated from these passages
    and mentions). NaN where the passage has no topic mix."""
    shares = np.asarray(shares, dtype=float)
    counts = np.asarray(counts)
    if counts.shape != (len(shares), len(LABELS)):
        raise InputError(f"mention counts are {counts.shape}, expected "
                         f"{(len(shares), len(LABELS))} (passages x {', '.join(LABELS)})")
    themes = passage_themes(shares, theme_profiles(shares, counts))
    mentioned = (counts.sum(axis=1) > 0) & usable_rows(shares)
    themes[mentioned] = label_mix(counts[mentioned])
    return themes


# One period and group's mean theme shares and their bootstrap replicates (n_boot x themes):
# the theme trends' rows and the lead/lag series are both read from these.
ThemeCell = ShareCell


def theme_cells(rows: Sequence[PassageMeta], themes: np.ndarray, *, by: str = "year",
                group: str | None = None, n_boot: int = DEFAULT_BOOTSTRAP,
                seed: int = 0) -> list[ThemeCell]:
    """Each period and group's mean theme shares with replicates that resample documents.

    ``themes`` are the passages' theme shares (:func:`theme_shares`), aligned with ``rows``."""
    return share_cells(rows, themes, by=by, group=group, n_boot=n_boot, seed=seed,
                       stream="themes")


def theme_rows(cells: Sequence[ThemeCell]) -> list[dict]:
    """theme_trends.csv's rows: one per period, group and theme, with its interval."""
    out = []
    for cell in cells:
        low, high = interval(cell.replicates)
        for j, theme in enumerate(THEMES):
            out.append({
                "period": cell.period, "group": cell.group, "theme": theme,
                "share": float(cell.mean[j]), "ci_low": float(low[j]),
                "ci_high": float(high[j]), "n_passages": cell.n_passages,
                "n_documents": cell.n_documents, "thin": is_thin(cell.n_documents),
            })
    return out


def theme_trends(rows: Sequence[PassageMeta], themes: np.ndarray, *, by: str = "year",
                 group: str | None = None, n_boot: int = DEFAULT_BOOTSTRAP,
                 seed: int = 0) -> list[dict]:
    """One row per period, group and theme: mean theme share with its interval and counts.

    ``themes`` are the passages' theme shares (:func:`theme_shares`), aligned with ``rows``."""
    return theme_rows(theme_cells(rows, themes, by=by, group=group, n_boot=n_boot, seed=seed))
