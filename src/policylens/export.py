"""The one serialiser for tabular output: CSV, JSON lines and a plain table.

CSV cells that a spreadsheet would read as a formula (starting with ``=``, ``+``, ``-``, ``@``,
tab or carriage return) are prefixed with a single quote, so an exported file is safe to open.
Numbers are left as they are.
"""

from __future__ import annotations

import contextlib
import csv
import io
import itertools
import json
import shutil
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import IO

FORMATS = ("csv", "jsonl", "table")
# Rows a plain table sizes its columns by (see write_text_table).
TABLE_SAMPLE_ROWS = 1_000
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> object:
    """Neutralise a text cell that a spreadsheet would run as a formula."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _csv_value(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, float):
        return repr(round(value, 6))
    return safe_cell(value)


def csv_cells(values: Iterable[object]) -> list[object]:
    """Values as write_csv writes them (for rows built as cells, see write_csv_cells_file)."""
    return [_csv_value(v) for v in values]


def write_csv(rows: Iterable[Mapping], columns: Sequence[str], out: IO[str]) -> int:
    """Write rows as CSV with a header in ``columns`` order; returns the row count."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    n = 0
    for row in rows:
        writer.writerow([_csv_value(row[c]) for c in columns])
        n += 1
    return n


@contextlib.contextmanager
def _replacing(path: str | Path) -> Iterator[IO[str]]:
    """A UTF-8 text file written under a temporary name, then renamed to ``path``."""
    path = Path(path)
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "w", encoding="utf-8", newline="") as fh:
        yield fh
    tmp.replace(path)


def write_csv_file(rows: Iterable[Mapping], columns: Sequence[str], path: str | Path) -> int:
    """Write a UTF-8 CSV file (written to a temporary name, then renamed into place)."""
    with _replacing(path) as fh:
        return write_csv(rows, columns, fh)


def write_csv_cells_file(cells: Iterable[Sequence], columns: Sequence[str],
                         path: str | Path) -> None:
    """:func:`write_csv_file` for rows given as lists in ``columns`` order, each value already
    made a cell by :func:`csv_cells`: a table of millions of rows is written several times
    faster so."""
    with _replacing(path) as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows(cells)


def write_jsonl(rows: Iterable[Mapping], columns: Sequence[str], out: IO[str]) -> int:
    """Write one JSON object a line with keys in ``columns`` order."""
    n = 0
    for row in rows:
        out.write(json.dumps({c: row[c] for c in columns}, ensure_ascii=False) + "\n")
        n += 1
    return n


def write_text_table(
    rows: Iterable[Mapping], columns: Sequence[str], out: IO[str], width: int | None = None,
    keep_end: Sequence[str] = (),
) -> int:
    """Write an aligned plain-text table, shortening cells to fit the terminal.

    Cells of the ``keep_end`` columns are cut from the left and right-aligned (the left context
    of a keyword-in-context view keeps the words next to the keyword). Column widths come from
    the header and the first TABLE_SAMPLE_ROWS rows; the rest are written as they come (a
    longer cell among them is cut to its column), so a table of millions of rows starts at
    once and holds no more than those rows in memory.
    """
    rows = iter(rows)
    head = [_table_cells(r, columns) for r in itertools.islice(rows, TABLE_SAMPLE_ROWS)]
    width = width or shutil.get_terminal_size((160, 20)).columns
    widths = [max([len(c)] + [len(r[i]) for r in head]) for i, c in enumerate(columns)]
    # Too wide for the terminal: narrow the widest column first, so short columns (dates,
    # labels) stay whole and long ones (context, titles) share what is left.
    budget = max(8 * len(columns), width - 2 * (len(columns) - 1))
    while sum(widths) > budget:
        widest = max(range(len(widths)), key=lambda i: widths[i])
        widths[widest] -= 1

    from_end = [c in keep_end for c in columns]

    def fit(cell: str, w: int, end: bool) -> str:
        if end:
            return (cell if len(cell) <= w else "…" + cell[len(cell) - w + 1:]).rjust(w)
        return (cell if len(cell) <= w else cell[: w - 1] + "…").ljust(w)

    def fmt(cells: Sequence[str]) -> str:
        return "  ".join(fit(*args) for args in zip(cells, widths, from_end)).rstrip()

    out.write(fmt(list(columns)) + "\n")
    n = 0
    for cells in itertools.chain(head, (_table_cells(r, columns) for r in rows)):
        out.write(fmt(cells) + "\n")
        n += 1
    return n


def _table_cells(row: Mapping, columns: Sequence[str]) -> list[str]:
    return [("" if row[c] is None else str(row[c])).replace("\n", " ") for c in columns]


def write_rows(
    rows: Iterable[Mapping], columns: Sequence[str], fmt: str, out: IO[str],
    keep_end: Sequence[str] = (),
) -> int:
    """Write rows in one of :data:`FORMATS` (``keep_end``: see :func:`write_text_table`)."""
    if fmt == "table":
        return write_text_table(rows, columns, out, keep_end=keep_end)
    writer = {"csv": write_csv, "jsonl": write_jsonl}[fmt]
    return writer(rows, columns, out)


def render_rows(rows: Iterable[Mapping], columns: Sequence[str], fmt: str) -> str:
    """The rows rendered as a string (for tests and small outputs)."""
    buf = io.StringIO()
    write_rows(rows, columns, fmt, buf)
    return buf.getvalue()
