"""Tables and forms on a page of one column: where their columns are and which lines make
each row, so a row's cells are read together ("has been discussed with the patient | Yes")
instead of line by line across the columns.

Works on rows of word boxes (any object with x0, x1, top and bottom, as
:class:`~policylens.ingest.layout.Word`), in reading order top to bottom.
"""

from __future__ import annotations

import itertools
import re
import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .layout import Word

CELL_GAP = 7.0           # points: a narrower gap between two words on a line is a word space
MIN_TABLE_ROWS = 2       # lines with words on both sides of a column edge, for it to be one
#                          (with just this many, the band must be twice CELL_GAP wide: two
#                          justified lines can leave wide word spaces one above the other)
WIDE_CELL_GAP = 36.0     # points: one line with a gap this wide beside the others is enough
NARROW_CELL_GAP = 4.0    # points: the narrowest band that may part a form's answers from its
#                          text (a cell filled to its edge, "Yes" just past the cell's rule)
ANSWER_WORDS = 3         # words right of such a band on a line, at most ("Yes", "Not known")
ANSWER_GAP_FACTOR = 1.3  # an answer stands off this many of its line's usual word spaces
MIN_WORD_SPACE = 0.5     # points: boxes closer than this are parts of one word
ENTRY_GAP_FACTOR = 1.12  # a first-column line this many usual pitches below the last starts a row
TABLE_BREAK = 1.5        # font sizes of empty space between two lines that ends a table
SIZE_STEP = 1.0          # points: a line larger or smaller than this is no line of the table
SINGLE_LINE_PITCH = 1.6  # font sizes between lines of one column: further apart, rows of one line
UPWARD_GAP_FACTOR = 1.3  # a line above a table this close (in pitches) may be part of it
_ENDS_CELL = (".", ":", "?", "!")
_SENTENCE_END = re.compile(r"[.:;?!।][\"'”’)\]]*$")  # । ends a sentence in Devanagari
# Bullets (Word's sub-list "o" and Wingdings' private-use glyphs too), tick boxes, "1.", "(a)".
_MARKER = re.compile(r"^(?:[•●○◦▪■□☐☑☒‣∙·*–—o\uf0a7\uf0b7\uf0d8\uf0fc➢►✓-]|\(?(?:\d{1,3}|[a-z]|[ivx]{1,4})[.)])$", re.I)


@dataclass(frozen=True)
class Table:
    """Lines first..last (indices into the page's rows) set as a table: the x of each edge
    between its columns, and the (first, last) lines of each of its rows."""

    first: int
    last: int
    edges: tuple[float, ...]
    entries: tuple[tuple[int, int], ...]


def find_tables(rows: Sequence[Sequence[Word]]) -> list[Table]:
    """The tables among a one-column page's lines (each line's words left to right).

    A table is a run of lines that leave a band of at least CELL_GAP empty at the same x,
    with words on both sides of it on at least MIN_TABLE_ROWS lines; a line across the band
    ends it. Ragged prose leaves no such band: its word spaces are narrower and do not line up.
    A band with only list markers (bullets, "1.", "(a)") to its left is a list, not a table.

    Where no such band is found, a narrower one (NARROW_CELL_GAP) is enough for a form's
    answers column: a few words ("Yes", "No", "N/A") set just right of a cell of text that is
    filled to its edge, each further from the text than the line's word spaces are apart
    (see :func:`_answer_band`).
    """
    tables: list[Table] = []
    i, n, done = 0, len(rows), 0
    while i < n:
        table = _table_at(rows, i, done) or _table_at(rows, i, done, answers=True)
        if table:
            tables.append(table)
            i = done = table.last + 1
        else:
            i += 1
    return tables


Band = tuple[tuple[float, float], int, float]  # empty x range, lines with words both sides,
#                                                the widest gap such a line leaves there


def _table_at(rows: Sequence[Sequence[Word]], i: int, done: int,
              answers: bool = False) -> Table | None:
    """The table whose first gap is on line ``i``, if any: the bands that line leaves,
    followed down (and up, not above line ``done``) while lines keep out of them. With
    ``answers``, the narrow bands of a form's answers column (see :func:`_answer_band`)."""
    min_gap = NARROW_CELL_GAP if answers else CELL_GAP
    # An answer is the last few words of its line: only gaps among them can lead to one.
    words = rows[i][-(ANSWER_WORDS + 1):] if answers else rows[i]
    bands = [(gap, 1, gap[1] - gap[0]) for gap in _gaps(words, min_gap)
             if not answers or _answer_line(rows[i], gap)]
    if not bands:
        return None
    size = _size(rows[i])
    n = len(rows)
    j = i + 1
    while (j < n and _follows(rows[j - 1], rows[j], size)
           and (narrowed := _narrow(bands, rows[j], min_gap))):
        bands = narrowed
        j += 1
    # Lines just above the first with a gap belong to the table when they keep out of
    # its band and follow at the table's line pitch (a cell's text above its tick box);
    # a line all in bold from the first column, above lines that are not, is its heading.
    first = i
    pitch = _pitch(rows, i, j - 1)
    while (first > done and pitch and _follows(rows[first - 1], rows[first], size)
           and not _heads(rows[first - 1], rows[first], bands)
           and rows[first][0].top - rows[first - 1][0].top <= UPWARD_GAP_FACTOR * pitch
           and (narrowed := _narrow(bands, rows[first - 1], min_gap))):
        bands = narrowed
        first -= 1
    edges = tuple(sorted((a + b) / 2 for (a, b), both, widest in bands
                         if (_answer_band(rows, first, j - 1, (a, b)) if answers
                             else _cell_band(b - a, both, widest))))
    if edges and _is_list(rows, first, j - 1, edges[0]):
        edges = edges[1:]
    if not edges:
        return None
    return Table(first, j - 1, edges, _entries(rows, first, j - 1, edges))


def _cell_band(width: float, both: int, widest: float) -> bool:
    """True for a band (``width`` wide, with words on both sides on ``both`` lines, the widest
    gap there ``widest``) that parts enough lines to be a column edge."""
    return (both > MIN_TABLE_ROWS or widest >= WIDE_CELL_GAP
            or (both == MIN_TABLE_ROWS and width >= 2 * CELL_GAP))


def _answer_band(rows: Sequence[Sequence[Word]], first: int, last: int,
                 gap: tuple[float, float]) -> bool:
    """True for a band narrower than CELL_GAP with a form's answers right of it: on at least
    MIN_TABLE_ROWS lines, and on every line with words on both sides a short answer, further
    from the text than that line's word spaces (justified prose stretches all of a line's
    word spaces alike, so a river through it is no wider than the rest). Wider bands are
    :func:`_cell_band`'s to judge."""
    if gap[1] - gap[0] >= CELL_GAP:
        return False
    verdicts = [_answer_line(rows[k], gap) for k in range(first, last + 1)]
    both = [v for v in verdicts if v is not None]
    return len(both) >= MIN_TABLE_ROWS and all(both)


def _answer_line(row: Sequence[Word], gap: tuple[float, float]) -> bool | None:
    """Whether a line's words right of ``gap`` are a short answer set apart from its text
    (None when the line has no words on one side of it)."""
    lo, hi = gap
    right = [w for w in row if w.x0 >= hi]
    left = [w for w in row if w.x1 <= lo] if right else []
    if not left:
        return None
    if sum(len(w.text.split()) for w in right) > ANSWER_WORDS:
        return False
    nearest = max(left, key=lambda w: w.x1)
    if _SENTENCE_END.search(nearest.text):
        return False  # justified text widens the space after a full stop: no answer's gap
    # Word spaces, not the overlaps of accents and combining marks drawn as boxes of their own.
    spaces = [b.x0 - a.x1 for a, b in itertools.pairwise(left) if b.x0 - a.x1 > MIN_WORD_SPACE]
    return (not spaces
            or right[0].x0 - nearest.x1 >= ANSWER_GAP_FACTOR * statistics.median(spaces))


def split_cells(row: Sequence[Word], edges: Sequence[float]) -> list[list[Word]]:
    """A line's words in each column of a table (a word belongs where its middle is)."""
    cells: list[list[Word]] = [[] for _ in range(len(edges) + 1)]
    for w in row:
        middle = (w.x0 + w.x1) / 2
        cells[sum(1 for e in edges if middle > e)].append(w)
    return cells


def _gaps(row: Sequence[Word], min_gap: float = CELL_GAP) -> list[tuple[float, float]]:
    """The gaps of at least ``min_gap`` between a line's words; a tick box or a bullet belongs
    with the word after it, however far."""
    return [(a.x1, b.x0) for a, b in zip(row, row[1:])
            if b.x0 - a.x1 >= min_gap and not _MARKER.match(a.text)]


def _narrow(bands: list[Band], row: Sequence[Word], min_gap: float = CELL_GAP) -> list[Band]:
    """The bands left empty by one more line, each with its count of lines that have words on
    both sides of it; a band the line covers goes, one it crosses in part is narrowed."""
    out = []
    for (a, b), both, widest in bands:
        pieces = [(a, b)]
        for w in row:
            pieces = [piece for lo, hi in pieces
                      for piece in ((lo, min(hi, w.x0)), (max(lo, w.x1), hi))
                      if piece[1] - piece[0] >= min_gap]
            if not pieces:
                break
        for lo, hi in pieces:
            left = [w.x1 for w in row if w.x1 <= lo]
            right = [w.x0 for w in row if w.x0 >= hi]
            if left and right:
                out.append(((lo, hi), both + 1, max(widest, min(right) - max(left))))
            else:
                out.append(((lo, hi), both, widest))
    return out


def _heads(row: Sequence[Word], below: Sequence[Word], bands: list[Band]) -> bool:
    """True when ``row`` is a heading over a table whose first line is ``below``: all in
    bold, starting in the first column, over a line that is not all bold (a bold line that
    starts in a later column is a column's head, read with the cells under it)."""
    return (all(w.bold for w in row) and not all(w.bold for w in below)
            and row[0].x0 < min(lo for (lo, _), *_ in bands))


def _size(row: Sequence[Word]) -> float:
    return max(w.size for w in row)


def _follows(above: Sequence[Word], below: Sequence[Word], size: float) -> bool:
    """True when ``below`` may be in the same table as ``above``: set in the table's size,
    with no more space between them than a table's rows leave (a heading or a paragraph
    after a table is further away or larger)."""
    return (abs(_size(below) - size) < SIZE_STEP
            and below[0].top - max(w.bottom for w in above) <= TABLE_BREAK * size)


def _pitch(rows: Sequence[Sequence[Word]], first: int, last: int) -> float:
    """The usual distance between the tops of consecutive lines first..last (0 if one)."""
    gaps = [rows[k + 1][0].top - rows[k][0].top for k in range(first, last)]
    return statistics.median(gaps) if gaps else 0.0


def _is_list(rows: Sequence[Sequence[Word]], first: int, last: int, edge: float) -> bool:
    """True when all that stands left of ``edge`` on lines first..last is list markers."""
    left = [w.text for k in range(first, last + 1) for w in rows[k] if (w.x0 + w.x1) / 2 <= edge]
    return bool(left) and all(_MARKER.match(text) for text in left)


def _entries(rows: Sequence[Sequence[Word]], first: int, last: int,
             edges: Sequence[float]) -> tuple[tuple[int, int], ...]:
    """The table's rows: a row starts where the first column's text starts anew, after a
    wider space than the table's usual line pitch or after a line that ends a sentence or a
    label. Lines with nothing in the first column continue the row above."""
    last_top: dict[int, float] = {}
    pitches: list[float] = []
    first_column: dict[int, str] = {}
    for k in range(first, last + 1):
        for c, cell in enumerate(split_cells(rows[k], edges)):
            if cell:
                top = cell[0].top
                if c in last_top:
                    pitches.append(top - last_top[c])
                last_top[c] = top
                if c == 0:
                    first_column[k] = " ".join(w.text for w in cell)
    # The line pitch inside a cell: the gaps between cells are the longer ones.
    pitch = sorted(pitches)[len(pitches) // 4] if pitches else 0.0
    size = statistics.median(_size(rows[k]) for k in range(first, last + 1))
    if pitch > SINGLE_LINE_PITCH * size:
        # Lines further apart than a cell's lines ever are: each line is a row of its own.
        return tuple((k, k) for k in range(first, last + 1))
    starts = [first]
    previous: int | None = None
    for k in sorted(first_column):
        if previous is not None and k > first and (
                (pitch and rows[k][0].top - rows[previous][0].top > ENTRY_GAP_FACTOR * pitch)
                or first_column[previous].endswith(_ENDS_CELL)):
            starts.append(k)
        previous = k
    return tuple((a, b - 1) for a, b in zip(starts, starts[1:] + [last + 1]))
