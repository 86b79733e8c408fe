"""One self-contained HTML report of a run: what was read, how the debate moved, and how.

``gather_report`` collects the content from the store and the run's outputs (the sections in
``content.py``, the method and command line in ``method.py``, as the records of
``records.py``), ``render_page`` draws it (``page.py``, with the SVG charts of ``charts.py``),
and ``write_report`` does both and writes the file.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import InputError
from ..store import Store
from .content import (
    gather_framing,
    gather_mentions,
    gather_reading,
    gather_shifts,
    gather_themes,
    gather_topic_trends,
    gather_topics,
)
from .method import gather_method, read_model_info, reproduce_command
from .page import SECTIONS, render_page
from .records import LabelMentions, ReportContent

REPORT_NAME = "report.html"
# The outputs of a run the report reads; those missing are named on the page.
EXPECTED_OUTPUTS = ("mention_trends.csv", "topics.csv", "topic_trends.csv", "shifts.csv",
                    "document_topics.csv")

__all__ = ["REPORT_NAME", "SECTIONS", "ReportContent", "gather_report", "render_page",
           "write_report"]


def gather_report(store: Store, results: str | Path | None = None, *,
                  gold: Path | None = None, measure_tagger_f1: bool = True,
                  mentions: tuple[LabelMentions, ...] | None = None) -> ReportContent:
    """Everything the report shows, from ``store`` and the run's outputs in ``results``
    (default: the store's folder). Paths are shown relative to the store's folder.
    ``mentions``: the mentions section when it is gathered already (``gather_mentions``, as
    `policylens run` does in its second process, beside this one's work)."""
    from ..jobs.settings import read_settings

    store.require_passages()
    base = Path(store.path).parent
    results = Path(results) if results is not None else base
    if not results.is_dir():
        raise InputError(f"{results} is not a folder of results",
                         "pass the folder `policylens run` wrote (--out)")
    model = read_model_info(results)
    settings = read_settings(store)
    themes = gather_themes(store, results)
    topics, n_topics = gather_topics(store, results, base)
    method = gather_method(store, model, settings, themes, gold, measure_tagger_f1)
    return ReportContent(
        store=Path(store.path).name, reading=gather_reading(store, base), themes=themes,
        topic_trends=gather_topic_trends(results), shifts=gather_shifts(store, results, base),
        topics=topics, n_topics=n_topics,
        mentions=gather_mentions(store, base) if mentions is None else mentions,
        method=method, command=reproduce_command(store, base, model, settings, method),
        missing=tuple(name for name in EXPECTED_OUTPUTS if not (results / name).exists()),
        framing=gather_framing(results),
    )


def write_report(store: Store, out: str | Path | None = None, *,
                 results: str | Path | None = None, gold: Path | None = None,
                 measure_tagger_f1: bool = True,
                 mentions: tuple[LabelMentions, ...] | None = None) -> Path:
    """Write the report of ``store`` and the outputs in ``results`` (default: the store's
    folder) to ``out`` (default: report.html there); returns its path. ``mentions`` as for
    ``gather_report``.

    The file is replaced only once it is complete."""
    content = gather_report(store, results, gold=gold, measure_tagger_f1=measure_tagger_f1,
                            mentions=mentions)
    out = Path(out) if out is not None else Path(store.path).parent / REPORT_NAME
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".tmp")
    try:
        tmp.write_text(render_page(content), encoding="utf-8", newline="\n")
        os.replace(tmp, out)
    finally:
        tmp.unlink(missing_ok=True)
    return out
