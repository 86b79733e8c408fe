"""Plots of topic shares, mention rates and themes over time, as PNG and SVG.

matplotlib is driven through ``Figure`` and the Agg canvas directly (no pyplot, no global
backend switch), and SVGs are written with a fixed hash salt and no date, so the same data
give the same bytes.

Every series is drawn with its 95% band, clipped to what the measure can be (a share within
0-100%, a rate at or above 0), and thin periods (fewer than THIN_DOCUMENTS documents) as open
markers. With ``--group`` each panel holds one line per group (``all`` in near-black over
them; with more than MAX_GROUP_BANDS groups only ``all`` keeps its band), with the legend
outside the panels; without it the figures are as they always were.
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..defaults import THIN_DOCUMENTS
from .prevalence import ALL, period_position, period_range

PANEL_COLUMNS = 4
DPI = 110
SVG_SALT = "policylens"
_RC = {"svg.hashsalt": SVG_SALT, "svg.fonttype": "path", "font.size": 9,
       "axes.spines.top": False, "axes.spines.right": False}
_PERIOD_WORD = {"year": "year", "quarter": "quarter", "month": "month"}
ALL_COLOUR = "0.15"  # group 'all' beside the groups: near black, drawn over them
# The groups' colours: the default cycle without its grey (C7), which reads as 'all'.
GROUP_COLOURS = ("C0", "C1", "C2", "C3", "C4", "C5", "C6", "C8", "C9")
BAND_ALPHA = 0.22
GROUP_BAND_ALPHA = 0.12  # several groups' bands overlap in one panel
# With more groups than this, only 'all' keeps its band: a dozen overlapping bands hide the
# lines (the CSVs keep every group's interval).
MAX_GROUP_BANDS = 4


@dataclass(frozen=True)
class Measure:
    """How one trend table is drawn: which column names a series, which holds its value,
    the factor to the plotted unit and the largest value possible (None: no upper bound)."""

    series: str
    value: str
    scale: float
    upper: float | None
    unit: str


TOPIC_SHARE = Measure("topic", "share", 100.0, 1.0, "mean topic share (%)")
MENTION_RATE = Measure("label", "per_10k_words", 1.0, None, "mentions per 10,000 words")
THEME_SHARE = Measure("theme", "share", 100.0, 1.0, "share of the passages' theme mix (%)")


def is_thin_row(row: Mapping) -> bool:
    """A row's ``thin`` flag (True, or 'true' as read from a CSV); rows without one are thin
    when they name fewer than THIN_DOCUMENTS documents."""
    if "thin" in row and row["thin"] is not None:
        return row["thin"] is True or str(row["thin"]).lower() == "true"
    n_docs = row.get("n_documents")
    return n_docs is not None and int(n_docs) < THIN_DOCUMENTS


def _series(rows: Sequence[Mapping], measure: Measure, periods: list[str]
            ) -> dict[tuple[object, str], dict[str, np.ndarray]]:
    """Per (series, group): value, band (clipped to what is possible) and thin flags per
    period, in plotted units; NaN where a period has no passages."""
    index = {p: i for i, p in enumerate(periods)}
    out: dict[tuple[object, str], dict[str, np.ndarray]] = {}
    for row in rows:
        s = out.setdefault((row[measure.series], row["group"]), {
            **{c: np.full(len(periods), np.nan) for c in ("value", "low", "high")},
            "thin": np.zeros(len(periods), dtype=bool)})
        i = index[row["period"]]
        s["value"][i], s["low"][i], s["high"][i] = (
            row[measure.value], row["ci_low"], row["ci_high"])
        s["thin"][i] = is_thin_row(row)
    for s in out.values():
        for c in ("value", "low", "high"):
            s[c] = np.clip(s[c], 0.0, measure.upper) * measure.scale
    return out


def _groups(rows: Sequence[Mapping]) -> list[str]:
    """The groups in the rows: 'all' first, then the others sorted."""
    return sorted({r["group"] for r in rows}, key=lambda g: (g != ALL, g))


def _draw(ax, xs: np.ndarray, s: Mapping[str, np.ndarray], colour: str, label: str,
          band_alpha: float | None, width: float = 1.6, zorder: float = 2) -> None:
    """One series: its band (unless ``band_alpha`` is None), its line (labelled for the
    legend) and its markers, open where the period is thin."""
    if band_alpha is not None:
        ax.fill_between(xs, s["low"], s["high"], color=colour, alpha=band_alpha, linewidth=0,
                        zorder=zorder - 1)
    ax.plot(xs, s["value"], color=colour, linewidth=width, label=label, zorder=zorder)
    solid = ~s["thin"] & np.isfinite(s["value"])
    hollow = s["thin"] & np.isfinite(s["value"])
    ax.plot(xs[solid], s["value"][solid], color=colour, marker="o", markersize=3.5,
            linestyle="none", zorder=zorder)
    if hollow.any():
        ax.plot(xs[hollow], s["value"][hollow], color=colour, marker="o", markersize=4,
                markerfacecolor="white", markeredgecolor=colour, linestyle="none",
                zorder=zorder)


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


def _legend_title(what: str, any_thin: bool, bands: str = "95% interval") -> str:
    note = f"\n(open marker: fewer than\n{THIN_DOCUMENTS} documents)" if any_thin else ""
    return f"{what}\n(band: {bands}){note}"


def save_figure(fig, stem: Path) -> list[Path]:
    """Write stem.png and stem.svg; returns both paths."""
    import matplotlib

    stem.parent.mkdir(parents=True, exist_ok=True)
    paths = [stem.with_suffix(".png"), stem.with_suffix(".svg")]
    with matplotlib.rc_context(_RC):
        fig.savefig(paths[0], dpi=DPI, metadata={"Software": None})
        fig.savefig(paths[1], metadata={"Date": None, "Creator": None})
    return paths


def panels_figure(rows: Sequence[Mapping], measure: Measure, *, title: str,
                  panel_title=str, by: str = "year", group: str | None = None):
    """Small multiples, a panel per series (topic, label or theme), one line per group in
    each; the legend, when there are groups, outside the panels on the right."""
    import matplotlib
    from matplotlib.figure import Figure

    periods = period_range([r["period"] for r in rows])
    series = _series(rows, measure, periods)
    names = list(dict.fromkeys(r[measure.series] for r in rows))
    groups = _groups(rows)
    split = groups != [ALL]
    n_cols = min(PANEL_COLUMNS, max(1, len(names)))
    n_rows = max(1, math.ceil(len(names) / n_cols))
    xs = np.asarray([period_position(p) for p in periods])
    top = max([np.nanmax(s["high"]) for s in series.values() if np.isfinite(s["high"]).any()]
              or [0.0])
    limit = max(5.0 if measure.upper else 1.0, top * 1.05)
    if measure.upper is not None:
        limit = min(limit, measure.upper * measure.scale * 1.02)
    with matplotlib.rc_context(_RC):
        fig = Figure(figsize=(3.1 * n_cols + (1.6 if split else 0), 2.3 * n_rows + 0.8),
                     layout="constrained")
        axes = fig.subplots(n_rows, n_cols, sharex=True, sharey=True, squeeze=False)
        for ax in axes.flat[len(names):]:
            ax.set_visible(False)
        group_bands = len(groups) - 1 <= MAX_GROUP_BANDS
        for ax, name in zip(axes.flat, names):
            if not split:
                _draw(ax, xs, series[(name, ALL)], "C0", measure.value, BAND_ALPHA)
            for j, g in enumerate(groups[1:] if split else ()):
                if (name, g) in series:
                    _draw(ax, xs, series[(name, g)], GROUP_COLOURS[j % len(GROUP_COLOURS)], g,
                          GROUP_BAND_ALPHA if group_bands else None)
            if split and (name, ALL) in series:  # over the groups, so it is never hidden
                _draw(ax, xs, series[(name, ALL)], ALL_COLOUR, ALL, GROUP_BAND_ALPHA,
                      width=2.2, zorder=3)
            ax.set_title("\n".join(textwrap.wrap(panel_title(name), 34)[:2]), fontsize=9,
                         loc="left")
            ax.grid(axis="y", alpha=0.3)
            ax.set_ylim(0, limit)
            if periods:
                _ticks(ax, periods)
        for ax in axes[:, 0]:
            ax.set_ylabel(measure.unit)
        for i, ax in enumerate(axes.flat[: len(names)]):
            # The lowest panel of each column carries the time axis, even above an empty slot.
            if i + n_cols >= len(names):
                ax.xaxis.set_tick_params(labelbottom=True)
                ax.set_xlabel(_PERIOD_WORD.get(by, by))
        if split:
            any_thin = any(s["thin"].any() for s in series.values())
            handles, labels = axes.flat[0].get_legend_handles_labels()
            seen = dict(zip(labels, handles))
            for ax in axes.flat[1: len(names)]:  # a group missing from the first panel
                for h, lab in zip(*ax.get_legend_handles_labels()):
                    seen.setdefault(lab, h)
            order = [g for g in groups if g in seen]
            bands = "95% interval" if group_bands else "95% interval of all"
            fig.legend([seen[g] for g in order], order, loc="outside right upper",
                       title=_legend_title(group or "group", any_thin, bands), frameon=False,
                       fontsize=8, title_fontsize=8)
        suffix = f" by {group}" if split and group else " by group" if split else ""
        # Wrapped to the figure's width (about nine bold characters an inch at 12 points).
        width = int(fig.get_figwidth() * 9)
        fig.suptitle("\n".join(textwrap.wrap(title + suffix, width)), fontsize=12,
                     fontweight="bold")
    return fig


def lines_figure(rows: Sequence[Mapping], measure: Measure, *, title: str, by: str = "year",
                 empty_note: str | None = None):
    """One panel, one line per series (label or theme), group 'all', legend outside."""
    import matplotlib
    from matplotlib.figure import Figure

    rows = [r for r in rows if r["group"] == ALL]
    periods = period_range([r["period"] for r in rows])
    series = _series(rows, measure, periods)
    xs = np.asarray([period_position(p) for p in periods])
    order = list(dict.fromkeys(r[measure.series] for r in rows))
    with matplotlib.rc_context(_RC):
        fig = Figure(figsize=(9, 4.5), layout="constrained")
        ax = fig.subplots()
        for j, name in enumerate(order):
            _draw(ax, xs, series[(name, ALL)], f"C{j % 10}", str(name), 0.15)
        if empty_note:
            ax.set_ylim(0, 1)
            ax.text(0.5, 0.5, empty_note, transform=ax.transAxes, ha="center", va="center",
                    color="0.4")
        if periods:
            _ticks(ax, periods)
        ax.set_ylim(bottom=0)
        if measure.upper is not None:
            top = max([np.nanmax(s["high"]) for s in series.values()
                       if np.isfinite(s["high"]).any()] or [0.0])
            ax.set_ylim(0, min(max(5.0, top * 1.05), measure.upper * measure.scale * 1.02))
        ax.set_xlabel(_PERIOD_WORD.get(by, by))
        ax.set_ylabel(measure.unit)
        ax.grid(axis="y", alpha=0.3)
        if order:
            any_thin = any(s["thin"].any() for s in series.values())
            ax.legend(title=_legend_title(measure.series, any_thin), frameon=False, fontsize=8,
                      title_fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1.0))
        ax.set_title(title, fontsize=12, fontweight="bold", loc="left")
    return fig


def topic_trends_figure(rows: Sequence[Mapping], by: str = "year", group: str | None = None):
    """Small multiples: each topic's share of passages over time, a line per group."""
    labels = {r["topic"]: r["label"] for r in rows}
    rows = sorted(rows, key=lambda r: r["topic"])
    return panels_figure(rows, TOPIC_SHARE, by=by, group=group,
                         panel_title=lambda t: f"{t}. {labels[t]}",
                         title="Topic share of the debate over time (mean share of passages; "
                               "band: 95% bootstrap interval)")


def mention_trends_figure(rows: Sequence[Mapping], by: str = "year", group: str | None = None):
    """Mentions per 10,000 words: one line per label, or with groups a panel per label."""
    title = "Mentions by label over time"
    if _groups(rows) != [ALL]:
        return panels_figure(rows, MENTION_RATE, title=title, by=by, group=group)
    empty = (None if any(r["count"] for r in rows)
             else "no mentions in the store: passages not tagged yet")
    return lines_figure(rows, MENTION_RATE, title=title, by=by, empty_note=empty)


def theme_trends_figure(rows: Sequence[Mapping], by: str = "year", group: str | None = None):
    """Theme shares: one line per theme, or with groups a panel per theme."""
    title = "Themes over time (topic shares x the labels their passages mention)"
    if _groups(rows) != [ALL]:
        return panels_figure(rows, THEME_SHARE, title=title, by=by, group=group)
    return lines_figure(rows, THEME_SHARE, title=title, by=by)


def plot_topic_trends(rows: Sequence[Mapping], stem: str | Path, by: str = "year",
                      group: str | None = None) -> list[Path]:
    """topic_trends.png and .svg (see :func:`topic_trends_figure`)."""
    return save_figure(topic_trends_figure(rows, by, group), Path(stem))


def plot_mention_trends(rows: Sequence[Mapping], stem: str | Path, by: str = "year",
                        group: str | None = None) -> list[Path]:
    """mention_trends.png and .svg (see :func:`mention_trends_figure`)."""
    return save_figure(mention_trends_figure(rows, by, group), Path(stem))


def plot_theme_trends(rows: Sequence[Mapping], stem: str | Path, by: str = "year",
                      group: str | None = None) -> list[Path]:
    """theme_trends.png and .svg (see :func:`theme_trends_figure`)."""
    return save_figure(theme_trends_figure(rows, by, group), Path(stem))
