"""The topic and trend CSVs: names and column orders, written through policylens.export.

Every table is tidy (one row per observation), UTF-8, with ISO dates and the columns below in
this order; the README documents each column.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path

from ..export import write_csv_cells_file, write_csv_file

TABLES: dict[str, tuple[str, ...]] = {
    "topics.csv": ("topic", "topic_key", "label", "top_words", "coherence", "share",
                   "n_dominant", "representative_passages", "example"),
    "document_topics.csv": ("passage_id", "doc_id", "date", "kind", "party", "speaker",
                            "topic", "topic_key", "share", "rank"),
    "topic_trends.csv": ("period", "group", "topic", "topic_key", "label", "share", "ci_low",
                         "ci_high", "n_passages", "n_documents", "thin"),
    "mention_trends.csv": ("period", "group", "label", "count", "n_words", "per_10k_words",
                           "ci_low", "ci_high", "n_passages", "n_documents", "thin"),
    "theme_trends.csv": ("period", "group", "theme", "share", "ci_low", "ci_high", "n_passages",
                         "n_documents", "thin"),
    "framing.csv": ("period", "group", "label", "topic", "topic_key", "topic_label", "share",
                    "ci_low", "ci_high", "n_mentions", "thin"),
    "leadlag.csv": ("theme", "group_leading", "group_following", "lag", "ci_low", "ci_high",
                    "correlation", "correlation_at_0", "n_periods", "thin"),
    "shifts.csv": ("group", "topic", "topic_key", "label", "from_period", "to_period",
                   "share_from", "share_to", "change", "ci_low", "ci_high", "p_value",
                   "q_value", "exceeds_noise", "direction", "n_passages_from", "n_passages_to",
                   "n_documents_from", "n_documents_to", "thin"),
    "divergence.csv": ("group", "period_from", "period_to", "js_divergence", "noise_95",
                       "p_value", "q_value", "exceeds_noise", "biggest_change_topic",
                       "biggest_change_topic_key", "biggest_change_label", "biggest_change",
                       "n_passages_from", "n_passages_to", "n_documents_from", "n_documents_to",
                       "thin"),
    "k_selection.csv": ("k", "coherence", "diversity", "stability", "sample_size", "selected"),
    "topic_matches.csv": ("old_key", "new_key", "similarity", "status"),
}


# How to read the columns back (every other column is text; an empty cell is None).
INT_COLUMNS = frozenset({"topic", "n_dominant", "n_passages", "n_documents", "count", "n_words",
                         "n_passages_from", "n_passages_to", "k", "rank",
                         "biggest_change_topic", "n_documents_from", "n_documents_to",
                         "n_mentions", "lag", "n_periods", "sample_size"})
FLOAT_COLUMNS = frozenset({"coherence", "share", "ci_low", "ci_high", "per_10k_words",
                           "correlation", "correlation_at_0", "share_from", "share_to", "change",
                           "js_divergence", "noise_95", "biggest_change", "diversity",
                           "similarity", "p_value", "q_value", "stability"})
BOOL_COLUMNS = frozenset({"exceeds_noise", "selected", "thin"})


def write_result_csv(name: str, rows: Iterable[Mapping], folder: str | Path) -> Path:
    """Write one of :data:`TABLES` into ``folder``; booleans as true/false."""
    path, columns = _table_path(name, folder)
    write_csv_file((_plain(r) for r in rows), columns, path)
    return path


def write_result_cells(name: str, cells: Iterable[Sequence], folder: str | Path) -> Path:
    """:func:`write_result_csv` for the largest tables, their rows given as lists of cells in
    the table's column order (see ``policylens.export.csv_cells``)."""
    path, columns = _table_path(name, folder)
    write_csv_cells_file(cells, columns, path)
    return path


def _table_path(name: str, folder: str | Path) -> tuple[Path, tuple[str, ...]]:
    path = Path(folder) / name
    path.parent.mkdir(parents=True, exist_ok=True)
    return path, TABLES[name]


def _plain(row: Mapping) -> dict:
    return {k: ("true" if v is True else "false" if v is False else v) for k, v in row.items()}


def read_result_csv(path: str | Path) -> Iterator[dict]:
    """The rows of one of :data:`TABLES` as written, with numbers and booleans read back."""
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            yield {k: _typed(k, v) for k, v in row.items()}


def _typed(column: str, value: str) -> object:
    if value == "":
        return None
    if column in BOOL_COLUMNS:
        return value == "true"
    if column in INT_COLUMNS:
        return int(value)
    if column in FLOAT_COLUMNS:
        return float(value)
    return value
