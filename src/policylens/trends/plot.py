"""Plots of topic shares and mention rates over time, as PNG and SVG.

matplotlib is driven through ``Figure`` and the Agg canvas directly (no pyplot, no global
backend switch), and SVGs are written with a fixed hash salt and no date, so the same data
give the same bytes.
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Mapping, Sequence
from pathlib import Path

import numpy as np

from .prevalence import ALL, period_position, period_range

PANEL_COLUMNS = 4
DPI = 110
SVG_SALT = "policylens"
_RC = {"svg.hashsalt": SVG_SALT, "svg.fonttype": "path", "font.size": 9,
       "axes.spines.top": False, "axes.spines.right": False}
_PERIOD_WORD = {"year": "year", "quarter": "quarter", "month": "month"}


def _series(rows: Sequence[Mapping], key: str, value: str, periods: list[str]):
    """Values of ``value`` per period for each ``key``, NaN where a period has no passages."""
    index = {p: i for i, p in enumerate(periods)}
    series: dict[object, dict[str, np.ndarray]] = {}
    for row in rows:
        s = series.setdefault(row[key], {c: np.full(len(periods), np.nan)
                                         for c in (value, "ci_low", "ci_high")})
        i = index[row["period"]]
        for c in (value, "ci_low", "ci_high"):
            s[c][i] = row[c]
    return series


def _ticks(ax, periods: list[str]) -> None:
    """At most about eight ticks; quarters and months are ticked at the start of each year."""
    if len(periods[0]) > 4:
        starts = [p for p in periods if p.endswith(("-Q1", "-01"))] or periods[:1]
        labels = [p[:4] for p in starts]
    else:
        starts = labels = periods
    step = max(1, math.ceil(len(starts) / 8))
    ax.set_xticks([period_position(p) for p in starts[::step]])
    ax.set_xticklabels(labels[::step])


def save_figure(fig, stem: Path) -> list[Path]:
    """Write stem.png and stem.svg; returns both paths."""
    import matplotlib

    stem.parent.mkdir(parents=True, exist_ok=True)
    paths = [stem.with_suffix(".png"), stem.with_suffix(".svg")]
    with matplotlib.rc_context(_RC):
        fig.savefig(paths[0], dpi=DPI, metadata={"Software": None})
        fig.savefig(paths[1], metadata={"Date": None, "Creator": None})
    return paths


def plot_topic_trends(rows: Sequence[Mapping], stem: str | Path, by: str = "year") -> list[Path]:
    """Small multiples: each topic's share of passages over time, with its interval band."""
    import matplotlib
    from matplotlib.figure import Figure

    rows = [r for r in rows if r["group"] == ALL]
    periods = period_range([r["period"] for r in rows])
    series = _series(rows, "topic", "share", periods)
    labels = {r["topic"]: r["label"] for r in rows}
    topics = sorted(series)
    n_cols = min(PANEL_COLUMNS, max(1, len(topics)))
    n_rows = max(1, math.ceil(len(topics) / n_cols))
    xs = np.asarray([period_position(p) for p in periods])
    top = max([np.nanmax(s["ci_high"]) for s in series.values() if np.isfinite(s["ci_high"]).any()]
              or [0.0]) * 100
    with matplotlib.rc_context(_RC):
        fig = Figure(figsize=(3.1 * n_cols, 2.3 * n_rows + 0.8), layout="constrained")
        axes = fig.subplots(n_rows, n_cols, sharex=True, sharey=True, squeeze=False)
        for ax in axes.flat[len(topics):]:
            ax.set_visible(False)
        for ax, t in zip(axes.flat, topics):
            s = series[t]
            ax.fill_between(xs, s["ci_low"] * 100, s["ci_high"] * 100, color="C0", alpha=0.25,
                            linewidth=0, label="95% interval")
            ax.plot(xs, s["share"] * 100, color="C0", marker="o", markersize=3, linewidth=1.6,
                    label="share")
            ax.set_title("\n".join(textwrap.wrap(f"{t}. {labels[t]}", 34)[:2]), fontsize=9,
                         loc="left")
            ax.grid(axis="y", alpha=0.3)
            ax.set_ylim(0, max(5.0, top * 1.05))
            _ticks(ax, periods)
        for ax in axes[:, 0]:
            ax.set_ylabel("mean topic share (%)")
        for i, ax in enumerate(axes.flat[: len(topics)]):
            # The lowest panel of each column carries the time axis, even above an empty slot.
            if i + n_cols >= len(topics):
                ax.xaxis.set_tick_params(labelbottom=True)
                ax.set_xlabel(_PERIOD_WORD.get(by, by))
        fig.suptitle("Topic share of the debate over time (mean share of passages; band: 95% "
                     "bootstrap interval)", fontsize=12, fontweight="bold")
        return save_figure(fig, Path(stem))


def plot_mention_trends(rows: Sequence[Mapping], stem: str | Path, by: str = "year"
                        ) -> list[Path]:
    """One line per label: mentions per 10,000 words over time, with interval bands."""
    import matplotlib
    from matplotlib.figure import Figure

    rows = [r for r in rows if r["group"] == ALL]
    periods = period_range([r["period"] for r in rows])
    series = _series(rows, "label", "per_10k_words", periods)
    xs = np.asarray([period_position(p) for p in periods])
    order = list(dict.fromkeys(r["label"] for r in rows))
    with matplotlib.rc_context(_RC):
        fig = Figure(figsize=(9, 4.5), layout="constrained")
        ax = fig.subplots()
        for j, label in enumerate(order):
            s = series[label]
            color = f"C{j % 10}"
            ax.fill_between(xs, s["ci_low"], s["ci_high"], color=color, alpha=0.15, linewidth=0)
            ax.plot(xs, s["per_10k_words"], color=color, marker="o", markersize=3.5,
                    linewidth=1.8, label=label)
        if not any(r["count"] for r in rows):
            ax.set_ylim(0, 1)
            ax.text(0.5, 0.5, "no mentions in the store: passages not tagged yet",
                    transform=ax.transAxes, ha="center", va="center", color="0.4")
        if periods:
            _ticks(ax, periods)
        ax.set_ylim(bottom=0)
        ax.set_xlabel(_PERIOD_WORD.get(by, by))
        ax.set_ylabel("mentions per 10,000 words")
        ax.grid(axis="y", alpha=0.3)
        if order:
            ax.legend(title="label\n(band: 95% interval)", frameon=False, fontsize=8,
                      title_fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1.0))
        ax.set_title("Mentions by label over time", fontsize=12, fontweight="bold", loc="left")
        return save_figure(fig, Path(stem))


def plot_theme_trends(rows: Sequence[Mapping], stem: str | Path, by: str = "year"
                      ) -> list[Path]:
    """One line per theme: its share of the passages' theme mix over time, with bands; thin
    periods (fewer than three documents) drawn as open markers."""
    import matplotlib
    from matplotlib.figure import Figure

    rows = [r for r in rows if r["group"] == ALL]
    periods = period_range([r["period"] for r in rows])
    series = _series(rows, "theme", "share", periods)
    thin = {r["period"] for r in rows if r.get("thin")}
    xs = np.asarray([period_position(p) for p in periods])
    solid = np.asarray([p not in thin for p in periods])
    order = list(dict.fromkeys(r["theme"] for r in rows))
    with matplotlib.rc_context(_RC):
        fig = Figure(figsize=(9, 4.5), layout="constrained")
        ax = fig.subplots()
        for j, theme in enumerate(order):
            s = series[theme]
            color = f"C{j % 10}"
            ax.fill_between(xs, np.clip(s["ci_low"], 0, 1) * 100,
                            np.clip(s["ci_high"], 0, 1) * 100, color=color, alpha=0.15,
                            linewidth=0)
            ax.plot(xs, s["share"] * 100, color=color, linewidth=1.8, label=theme)
            ax.plot(xs[solid], s["share"][solid] * 100, color=color, marker="o",
                    markersize=3.5, linestyle="none")
            if (~solid).any():
                ax.plot(xs[~solid], s["share"][~solid] * 100, color=color, marker="o",
                        markersize=4, markerfacecolor="white", linestyle="none")
        if periods:
            _ticks(ax, periods)
        ax.set_ylim(bottom=0)
        ax.set_xlabel(_PERIOD_WORD.get(by, by))
        ax.set_ylabel("share of the passages' theme mix (%)")
        ax.grid(axis="y", alpha=0.3)
        if order:
            note = "\n(open marker: fewer than\n3 documents)" if thin else ""
            ax.legend(title=f"theme\n(band: 95% interval){note}", frameon=False, fontsize=8,
                      title_fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1.0))
        ax.set_title("Themes over time (topic shares x the labels their passages mention)",
                     fontsize=12, fontweight="bold", loc="left")
        return save_figure(fig, Path(stem))
