"""Plots by group: one line per group in each panel, legend outside, bands within what is
possible, thin periods drawn as open markers; the same input gives the same bytes."""

from __future__ import annotations

import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg

from policylens.records import PassageMeta
from policylens.trends import mention_trends, topic_prevalence
from policylens.trends.plot import (
    mention_trends_figure,
    plot_mention_trends,
    plot_theme_trends,
    plot_topic_trends,
    theme_trends_figure,
    topic_trends_figure,
)
from policylens.trends.prevalence import period_position

PARTIES = ("Con", "LD", "Lab")  # sorted, as groups are drawn


def _corpus(seed: int = 3):
    """Three years, debates of three parties; in 2017 the Liberal Democrats hold a single
    debate (thin). Two topics, the first rising for Labour alone."""
    rng = np.random.default_rng(seed)
    rows, shares, counts = [], [], []
    for year in (2016, 2017, 2018):
        for party in PARTIES:
            n_docs = 1 if (year, party) == (2017, "LD") else 4
            for d in range(n_docs):
                for _ in range(3):
                    base = 0.2 + (0.3 * (year - 2016) if party == "Lab" else 0.0)
                    one = float(np.clip(base + rng.normal(0, 0.05), 0, 1))
                    rows.append(PassageMeta(f"p{len(rows)}", f"{year}-{party}-{d}", 1, 0,
                                            f"{year}-04-01", "parliamentary", None, party,
                                            int(rng.integers(50, 300))))
                    shares.append([one, 1 - one])
                    counts.append([int(rng.integers(0, 4)), int(rng.integers(0, 2))])
    return rows, np.asarray(shares), np.asarray(counts)


@pytest.fixture(scope="module")
def tables():
    rows, shares, counts = _corpus()
    topics = topic_prevalence(rows, shares, ["rising", "steady"], group="party", n_boot=200)
    mentions = mention_trends(rows, counts, ("COST", "THERAPY"), group="party", n_boot=200)
    return topics, mentions


def _line_labels(ax) -> list[str]:
    return [line.get_label() for line in ax.get_lines() if not line.get_label().startswith("_")]


def _drawn_y(fig) -> np.ndarray:
    """Every y value drawn: lines, markers and the bands' outlines."""
    ys = []
    for ax in fig.axes:
        for line in ax.get_lines():
            ys.append(np.asarray(line.get_ydata(), dtype=float))
        for band in ax.collections:
            for path in band.get_paths():
                ys.append(path.vertices[:, 1])
    ys = np.concatenate(ys)
    return ys[np.isfinite(ys)]


def test_topic_panels_have_a_line_per_group_and_the_legend_outside(tables):
    topics, _ = tables
    fig = topic_trends_figure(topics, group="party")
    panels = [ax for ax in fig.axes if ax.get_visible()]
    assert len(panels) == 2
    for ax in panels:
        assert _line_labels(ax) == [*PARTIES, "all"]  # 'all' drawn last, over the groups
        assert ax.get_legend() is None  # one legend, for the figure
    (legend,) = fig.legends
    assert [t.get_text() for t in legend.get_texts()] == ["all", *PARTIES]
    assert legend.get_title().get_text().startswith("party")
    # Outside: the legend's box lies to the right of every panel once drawn.
    FigureCanvasAgg(fig).draw()
    box = legend.get_window_extent()
    assert all(box.x0 >= ax.get_window_extent().x1 for ax in panels)
    ys = _drawn_y(fig)
    assert ys.min() >= 0.0 and ys.max() <= 100.0
    assert "by party" in fig.get_suptitle().replace("\n", " ")


def test_thin_periods_are_open_markers(tables):
    topics, _ = tables
    fig = topic_trends_figure(topics, group="party")
    thin = {(r["group"], r["period"]) for r in topics if r["thin"]}
    assert thin == {("LD", "2017")}
    for ax in fig.axes:
        hollow = [line for line in ax.get_lines() if line.get_markerfacecolor() == "white"]
        # One open marker per panel: Liberal Democrats, 2017.
        assert [list(line.get_xdata()) for line in hollow] == [[period_position("2017")]]
        filled = [x for line in ax.get_lines() if line.get_marker() == "o"
                  and line.get_markerfacecolor() != "white" for x in line.get_xdata()]
        assert len(filled) == 4 * 3 - 1  # every other group and period


def test_mention_panels_per_label_stay_at_or_above_zero(tables):
    _, mentions = tables
    fig = mention_trends_figure(mentions, group="party")
    panels = [ax for ax in fig.axes if ax.get_visible()]
    assert [ax.get_title(loc="left") for ax in panels] == ["COST", "THERAPY"]
    for ax in panels:
        assert _line_labels(ax) == [*PARTIES, "all"]
    assert _drawn_y(fig).min() >= 0.0


def test_many_groups_keep_their_lines_and_only_all_its_band():
    rows = [{"period": str(y), "group": g, "topic": 1, "label": "one", "share": 0.5,
             "ci_low": 0.4, "ci_high": 0.6, "n_passages": 5, "n_documents": 3, "thin": False}
            for y in (2016, 2017) for g in ["all", *(f"g{i}" for i in range(6))]]
    few = topic_trends_figure([r for r in rows if r["group"] in ("all", "g0", "g1")])
    many = topic_trends_figure(rows)
    assert len(few.axes[0].collections) == 3  # a band per group and one for all
    assert len(many.axes[0].collections) == 1
    assert _line_labels(many.axes[0]) == [*(f"g{i}" for i in range(6)), "all"]
    colours = {line.get_color() for line in many.axes[0].get_lines()
               if not line.get_label().startswith("_")}
    assert len(colours) == 7  # no group shares a colour with another or with all


def test_bands_are_clipped_to_what_is_possible():
    """A table from elsewhere (or an older version) with intervals beyond the bounds is drawn
    within them."""
    rows = []
    for g in ("all", "a", "b"):
        for year, (share, low, high) in ((2016, (0.9, 0.6, 1.3)), (2017, (0.1, -0.2, 0.4))):
            rows.append({"period": str(year), "group": g, "topic": 1, "label": "one",
                         "share": share, "ci_low": low, "ci_high": high, "n_passages": 5,
                         "n_documents": 3, "thin": False})
    ys = _drawn_y(topic_trends_figure(rows, group="kind"))
    assert ys.min() == 0.0 and ys.max() == 100.0
    themes = [dict(r, theme="COST") for r in rows]
    ys = _drawn_y(theme_trends_figure(themes, group="kind"))
    assert ys.min() == 0.0 and ys.max() == 100.0
    single = [r for r in themes if r["group"] == "all"]
    ys = _drawn_y(theme_trends_figure(single))
    assert ys.min() == 0.0 and ys.max() == 100.0
    rates = [dict(r, label="COST", per_10k_words=r["share"] * 10, count=1,
                  ci_low=r["ci_low"] * 10, ci_high=r["ci_high"] * 10) for r in rows]
    assert _drawn_y(mention_trends_figure(rates, group="kind")).min() == 0.0
    assert _drawn_y(mention_trends_figure([r for r in rates if r["group"] == "all"])).min() == 0.0


def test_without_groups_one_line_per_series(tables):
    topics, mentions = tables
    overall = [r for r in topics if r["group"] == "all"]
    fig = topic_trends_figure(overall)
    assert not fig.legends
    assert all(_line_labels(ax) == ["share"] for ax in fig.axes if ax.get_visible())
    fig = mention_trends_figure([r for r in mentions if r["group"] == "all"])
    assert _line_labels(fig.axes[0]) == ["COST", "THERAPY"]


def test_grouped_plots_are_the_same_bytes_each_time(tables, tmp_path):
    topics, mentions = tables
    themes = [dict(r, theme=r["label"]) for r in topics]
    outputs = []
    for run in ("a", "b"):
        folder = tmp_path / run
        outputs.append(plot_topic_trends(topics, folder / "topics", group="party")
                       + plot_mention_trends(mentions, folder / "mentions", group="party")
                       + plot_theme_trends(themes, folder / "themes", group="party"))
    for first, second in zip(*outputs):
        assert first.read_bytes() == second.read_bytes(), first.name
    assert len(outputs[0]) == 6
