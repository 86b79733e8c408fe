"""One self-contained HTML report of a run: what was read, how the debate moved, and how.

``gather_report`` collects the content from the store and the run's CSVs (``content.py``),
``render_page`` draws it (``page.py``, with the SVG charts of ``charts.py``), and
``write_report`` does both and writes the file.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..store import Store
from .content import ReportContent, gather_report
from .page import SECTIONS, render_page

REPORT_NAME = "report.html"

__all__ = ["REPORT_NAME", "SECTIONS", "ReportContent", "gather_report", "render_page",
           "write_report"]


def write_report(store: Store, out: str | Path | None = None, *,
                 results: str | Path | None = None, gold: Path | None = None,
                 measure_tagger_f1: bool = True) -> Path:
    """Write the report of ``store`` and the outputs in ``results`` (default: the store's
    folder) to ``out`` (default: report.html there); returns its path.

    The file is replaced only once it is complete."""
    content = gather_report(store, results, gold=gold, measure_tagger_f1=measure_tagger_f1)
    out = Path(out) if out is not None else Path(store.path).parent / REPORT_NAME
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".tmp")
    try:
        tmp.write_text(render_page(content), encoding="utf-8", newline="\n")
        os.replace(tmp, out)
    finally:
        tmp.unlink(missing_ok=True)
    return out
