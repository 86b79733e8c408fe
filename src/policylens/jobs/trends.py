"""The trends job: topic and mention trends over time, shifts and divergence, as CSVs and plots."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np

from ..defaults import DEFAULT_BOOTSTRAP, DEFAULT_PERIOD, DEFAULT_SEED
from ..errors import InputError
from ..records import PassageMeta
from ..runner import ProgressBar, Say, quiet
from ..store import Store
from .settings import record_settings
from .topics import TopicsOutcome, load_topics

PLOTS_DIR = "plots"


def mention_counts(store: Store, rows: Sequence[PassageMeta],
                   labels: Sequence[str]) -> np.ndarray:
    """Each passage's mentions of each label (passages x labels, aligned with ``rows``), from
    the latest tagging run: one array, not a dict per passage."""
    position = {row.passage_id: i for i, row in enumerate(rows)}
    column = {label: j for j, label in enumerate(labels)}
    counts = np.zeros((len(rows), len(labels)), dtype=np.int32)
    for passage_id, label, n in store.mention_counts():
        i, j = position.get(passage_id), column.get(label)
        if i is not None and j is not None:
            counts[i, j] = n
    return counts


def mention_labels() -> tuple[str, ...]:
    """The four mention labels (from the tagger's one definition)."""
    from ..tagging.labels import LABELS

    return LABELS


# The order `policylens trends` and `policylens run` list their outputs in, whichever
# process wrote them.
TREND_OUTPUTS = ("topic trends", "mention trends", "theme trends", "framing", "lead and lag",
                 "shifts", "divergence", "topic trends plot", "topic trends plot (svg)", "mention trends plot",
                 "mention trends plot (svg)", "theme trends plot", "theme trends plot (svg)")


def run_trends(store: Store, out_dir: str | Path, *, topics: TopicsOutcome | None = None,
               model_dir: str | Path | None = None, by: str = DEFAULT_PERIOD,
               group: str | None = None, compare: Sequence[str] | None = None,
               n_boot: int = DEFAULT_BOOTSTRAP, seed: int = DEFAULT_SEED, plots: bool = True,
               info: Say = quiet) -> dict[str, Path]:
    """Write topic_trends, mention_trends, theme_trends, shifts and divergence CSVs and the
    plots."""
    check_compare(compare)
    topics = topics or load_topics(store, out_dir, model_dir, info)
    outputs = write_mention_trends(store, out_dir, rows=topics.rows, by=by, group=group,
                                   n_boot=n_boot, seed=seed, plots=plots, info=info)
    outputs.update(write_topic_trends(topics, out_dir, by=by, group=group, compare=compare,
                                      n_boot=n_boot, seed=seed, plots=plots, info=info))
    outputs.update(write_theme_trends(store, topics, out_dir, by=by, group=group, n_boot=n_boot,
                                      seed=seed, plots=plots, info=info))
    record_settings(store, by=by, group=group, compare=compare, n_boot=n_boot, seed=seed)
    return order_trend_outputs(outputs)


def order_trend_outputs(outputs: dict[str, Path]) -> dict[str, Path]:
    """The trend outputs in the order of TREND_OUTPUTS."""
    return {name: outputs[name] for name in TREND_OUTPUTS if name in outputs}


def check_compare(compare: Sequence[str] | None) -> None:
    """Raise InputError unless ``compare`` is None or two periods that parse (before any work)."""
    from ..trends.shifts import parse_window

    if compare is None:
        return
    if len(compare) != 2:
        raise InputError("--compare takes two periods", "e.g. --compare 2016:2018 2023:2025")
    for spec in compare:
        parse_window(spec)


def write_topic_trends(topics: TopicsOutcome, out_dir: str | Path, *, by: str = DEFAULT_PERIOD,
                       group: str | None = None, compare: Sequence[str] | None = None,
                       n_boot: int = DEFAULT_BOOTSTRAP, seed: int = DEFAULT_SEED,
                       plots: bool = True, info: Say = quiet,
                       progress_bar: ProgressBar | None = None) -> dict[str, Path]:
    """topic_trends.csv, shifts.csv, divergence.csv and the topic plot, from a topic model.

    ``progress_bar`` (length, label) -> a progress bar, for the bootstrap and the plots."""
    import contextlib

    from ..trends import divergence, topic_prevalence, topic_shifts
    from ..trends.export import write_result_csv

    check_compare(compare)
    out_dir = Path(out_dir)
    rows, shares, labels = topics.rows, topics.shares, topics.labels
    undated = sum(1 for r in rows if not r.date)
    if undated:
        info(f"{undated} passages have no date and are left out of the trends")
    progress_bar = progress_bar or (lambda length, label: contextlib.nullcontext(None))
    tick = lambda bar: bar.update(1) if bar is not None else None
    with progress_bar(3, "trends: bootstrap") as bar:
        trend_rows = topic_prevalence(rows, shares, labels, by=by, group=group, n_boot=n_boot,
                                      seed=seed)
        tick(bar)
        shift_rows = topic_shifts(rows, shares, labels, by=by, group=group,
                                  compare=tuple(compare) if compare else None, n_boot=n_boot,
                                  seed=seed)
        tick(bar)
        divergence_rows = divergence(rows, shares, labels, by=by, group=group, seed=seed)
        tick(bar)
    add_topic_keys(trend_rows, topics.keys)
    add_topic_keys(shift_rows, topics.keys)
    add_topic_keys(divergence_rows, topics.keys, "biggest_change_topic")
    if not shift_rows:
        info("fewer than two periods with passages: no shifts to report")
    note = resolution_note(shift_rows, n_boot)
    if note:
        info(note)
    outputs = {
        "topic trends": write_result_csv("topic_trends.csv", trend_rows, out_dir),
        "shifts": write_result_csv("shifts.csv", shift_rows, out_dir),
        "divergence": write_result_csv("divergence.csv", divergence_rows, out_dir),
    }
    if plots and trend_rows:
        from ..trends.plot import plot_topic_trends

        with progress_bar(1, "trends: plots") as bar:
            png, svg = plot_topic_trends(trend_rows, out_dir / PLOTS_DIR / "topic_trends", by,
                                         group)
            tick(bar)
        outputs["topic trends plot"], outputs["topic trends plot (svg)"] = png, svg
    lines = describe_shifts(shift_rows)
    if lines:  # one message: a side process's news is never printed inside the list
        info("\n".join(lines))
    return outputs


def add_topic_keys(rows: list[dict], keys: Sequence[str], column: str = "topic") -> None:
    """Set each row's stable topic key (``<column>_key``, e.g. topic_key) beside its topic
    number, so tables from different fits join on the key."""
    name = "topic_key" if column == "topic" else f"{column}_key"
    for row in rows:
        row[name] = keys[row[column] - 1] if row.get(column) is not None else None


def write_mention_trends(store: Store, out_dir: str | Path, *,
                         rows: list[PassageMeta] | None = None, by: str = DEFAULT_PERIOD,
                         group: str | None = None, n_boot: int = DEFAULT_BOOTSTRAP,
                         seed: int = DEFAULT_SEED, plots: bool = True,
                         info: Say = quiet) -> dict[str, Path]:
    """mention_trends.csv and its plot, from the store's mentions (no topic model needed)."""
    outputs, mention_rows = mention_table(store, out_dir, rows=rows, by=by, group=group,
                                           n_boot=n_boot, seed=seed, info=info)
    if plots:
        outputs.update(mention_plot(mention_rows, out_dir, by, group))
    return outputs


def mention_table(store: Store, out_dir: str | Path, *, rows: list[PassageMeta] | None, by: str,
                  group: str | None, n_boot: int, seed: int, info: Say,
                  counts: np.ndarray | None = None) -> tuple[dict[str, Path], list[dict]]:
    """mention_trends.csv and its rows; ``counts``: ``mention_counts`` of ``rows``, when
    the caller has them."""
    from ..trends import mention_trends
    from ..trends.export import write_result_csv

    rows = store.passage_meta() if rows is None else rows
    labels = mention_labels()
    counts = mention_counts(store, rows, labels) if counts is None else counts
    if not counts.any():
        info("no mentions in the store: mention trends are all zero (tag passages first)")
    mention_rows = mention_trends(rows, counts, labels, by=by, group=group,
                                  n_boot=n_boot, seed=seed)
    return {"mention trends": write_result_csv("mention_trends.csv", mention_rows,
                                          Path(out_dir))}, mention_rows


def mention_plot(mention_rows: list[dict], out_dir: str | Path, by: str,
                 group: str | None = None) -> dict[str, Path]:
    if not mention_rows:
        return {}
    from ..trends.plot import plot_mention_trends

    png, svg = plot_mention_trends(mention_rows, Path(out_dir) / PLOTS_DIR / "mention_trends",
                                   by, group)
    return {"mention trends plot": png, "mention trends plot (svg)": svg}


# The tables written from the topics and the mentions together.
THEME_TABLES = ("theme_trends.csv", "framing.csv", "leadlag.csv")


def write_theme_trends(store: Store, topics: TopicsOutcome, out_dir: str | Path, *,
                       by: str = DEFAULT_PERIOD, group: str | None = None,
                       n_boot: int = DEFAULT_BOOTSTRAP, seed: int = DEFAULT_SEED,
                       plots: bool = True, info: Say = quiet,
                       counts: np.ndarray | None = None) -> dict[str, Path]:
    """theme_trends.csv, framing.csv, with ``group`` leadlag.csv, and the theme plot, from the
    topic model and the store's
    mentions (both are needed: in a run, after tagging has finished). Without mentions there
    are no themes to tell apart: nothing is written and older tables are removed.
    ``counts``: ``mention_counts`` of the topics' rows, when the caller has them."""
    from ..trends.export import write_result_csv
    from ..trends.framing import framing
    from ..trends.leadlag import lead_lag
    from ..trends.themes import theme_cells, theme_rows, theme_shares

    out_dir = Path(out_dir)
    labels = mention_labels()
    counts = mention_counts(store, topics.rows, labels) if counts is None else counts
    if not counts.any():
        for stale in (THEME_TABLES + (PLOTS_DIR + "/theme_trends.png",
                                      PLOTS_DIR + "/theme_trends.svg")):
            (out_dir / stale).unlink(missing_ok=True)
        info("no mentions in the store: no theme trends or framing (tag passages first)")
        return {}
    themes = theme_shares(topics.shares, counts)
    cells = theme_cells(topics.rows, themes, by=by, group=group, n_boot=n_boot, seed=seed)
    rows = theme_rows(cells)
    framing_rows = framing(topics.rows, topics.shares, counts, labels, topics.labels, by=by,
                           group=group, n_boot=n_boot, seed=seed)
    add_topic_keys(framing_rows, topics.keys)
    outputs = {"theme trends": write_result_csv("theme_trends.csv", rows, out_dir),
               "framing": write_result_csv("framing.csv", framing_rows, out_dir)}
    if group:
        outputs["lead and lag"] = write_result_csv("leadlag.csv", lead_lag(cells), out_dir)
    else:  # a table from an earlier --group run would describe other groups
        (out_dir / "leadlag.csv").unlink(missing_ok=True)
    if plots and rows:
        from ..trends.plot import plot_theme_trends

        png, svg = plot_theme_trends(rows, out_dir / PLOTS_DIR / "theme_trends", by, group)
        outputs["theme trends plot"], outputs["theme trends plot (svg)"] = png, svg
    return outputs


def describe_shifts(shift_rows: Sequence[dict], n: int = 3) -> list[str]:
    """A few lines naming the biggest rises and falls (group 'all'), each saying whether it is
    thin, within noise or beyond it (with its q-value)."""
    from ..defaults import THIN_DOCUMENTS
    from ..trends.significance import FDR

    rows = [r for r in shift_rows if r["group"] == "all"]
    if not rows:
        return []
    n_tests = sum(1 for r in shift_rows if r.get("q_value") is not None)
    how = (f"beyond noise: q < {FDR:g}, Benjamini-Hochberg over {n_tests} topic x group "
           "comparisons" if n_tests else "every comparison is thin: none tested")
    lines = [f"shifts {rows[0]['from_period']} -> {rows[0]['to_period']} ({how}):"]
    rises = [r for r in rows if r["change"] > 0][:n]
    falls = [r for r in reversed(rows) if r["change"] < 0][:n]
    for r in rises + falls:
        if r["thin"]:
            flag = f" (thin: fewer than {THIN_DOCUMENTS} documents)"
        elif r["exceeds_noise"]:
            flag = f" (beyond noise, q={r['q_value']:.3f})"
        else:
            flag = f" (within noise, q={r['q_value']:.3f})"
        lines.append(f"  {r['change'] * 100:+.1f} points  topic {r['topic']}: {r['label']} "
                     f"[{r['ci_low'] * 100:+.1f}, {r['ci_high'] * 100:+.1f}]{flag}")
    return lines


def resolution_note(shift_rows: Sequence[dict], n_boot: int) -> str | None:
    """A warning when ``n_boot`` replicates are too few for a lone shift among this many
    comparisons to pass the correction (its p-value cannot get below FDR / comparisons)."""
    from ..trends.significance import FDR, smallest_p_value

    n_tests = sum(1 for r in shift_rows if r.get("q_value") is not None)
    if not n_tests or smallest_p_value(n_boot) <= FDR / n_tests:
        return None
    import math

    needed = math.ceil(n_tests / FDR) - 1  # 1 / (B + 1) <= FDR / n_tests
    needed += smallest_p_value(needed) > FDR / n_tests  # when rounding fell short
    return (f"{n_boot} shuffles (--bootstrap) give p-values no smaller than "
            f"{smallest_p_value(n_boot):.4f}: among {n_tests} comparisons a single shift "
            f"cannot pass the correction (pass --bootstrap {needed} or more)")
