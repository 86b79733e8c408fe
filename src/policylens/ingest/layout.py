"""Page geometry: columns, lines in reading order, running headers and footers, blocks.

Everything here works on plain boxes (:class:`Word`), so any PDF reader can feed it and it can
be tested without a PDF.
"""

from __future__ import annotations

import bisect
import re
import itertools
import math
import operator
import statistics
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import NamedTuple

from .cells import find_tables, split_cells
from .clean import is_page_number_shape, join_hyphenated, join_lines, normalise_for_repeat

LINE_TOLERANCE = 3.0          # points: words whose tops differ by less share a line
MIN_GUTTER_WIDTH = 6.0        # points: narrower empty bands are word spaces, not gutters
GUTTER_SEARCH = (0.25, 0.75)  # the share of the page width where a gutter may lie
MIN_COLUMN_SHARE = 0.05       # each column must hold this share of the body's words
MAX_CROSSING_SHARE = 0.10     # lines allowed to cross the gutter (spanning headings)
FURNITURE_ZONE = 0.09         # top and bottom share of the page height where headers live
REPEAT_SHARE = 0.3            # a margin line on this share of pages is a running header
INDENT = 6.0                  # points: a first-line indent that starts a paragraph
PARA_GAP_FACTOR = 1.5         # a gap this many times the usual line gap starts a paragraph
HEADING_SIZE_STEP = 1.0       # points larger than the body text marks a heading
TOUCHING = 0.05               # a gap under this share of the font size is no word space
FURNITURE_MAX_WORDS = 14      # small-print margin lines up to this long are headers/footers
OUTER_REPEATS = 3             # a line in a page's outermost row repeated this often is furniture
EDGE_ROWS = 3                 # rows from the top and the bottom where heads and footers may sit
MIN_EDGE_LETTERS = 4          # a repeated line outside the margins needs this many letters
MIN_OVERPRINT_LETTERS = 12    # a repeated line this long is cut out of a line it is drawn over
BODY_SHARE = 0.2              # a font size holding this share of the words is body text
MIN_COLUMN_LINES = 4          # lines a column of running text has at least
PAGE_COLUMN_FILL = 0.5        # the same, for a page's columns (lists and short speeches)
COLUMN_FILL = 0.75            # share of a text column's width its usual line fills
TABLE_ROW = -2                # the column of a line that holds a table row's cells
CELL_SEPARATOR = " | "
MAX_HEADING_WORDS = 15        # a block this long that ends with a full stop is a sentence
MIN_TEXT_SIZE = 2.0           # points: smaller text is no text to read (invisible reference codes)


# Combining accents (U+0300-U+036F): what a reader gives for an accent drawn on its own.
_ACCENTS = frozenset(map(chr, range(0x0300, 0x0370)))
_HAS_LETTER = re.compile(r"[^\W\d_]")
_SENTENCE_END = re.compile(r"[.?!:;)\]\"'”’—–]\s*$")
_ITEM_START = re.compile(r"\(?[0-9A-Za-z]{1,4}[.)]\s")  # "(1) ", "(iv) ", "2. ", "b) "
_UNCUT: list = []  # a marker: this row has not been cut at the gutters yet
_DIGIT = re.compile(r"\d")


class Word(NamedTuple):
    """A word's text and box (PDF points, top-left origin) and its font traits.

    A named tuple, not a dataclass: readers make thousands a page and a tuple is made several
    times faster.
    """

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float = 10.0
    bold: bool = False

    @property
    def n_words(self) -> int:
        """Words in the box: the pdfium reader gives a run of words in one font as one box."""
        return self.text.count(" ") + 1


class Line:
    """A line of words in one column (0 left, 1 right, -1 spanning or single column).

    Everything the layout asks of a line is worked out once, in one pass over its words, when
    the line is made: the layout asks each line many times and a line's words never change.
    """

    __slots__ = ("words", "column", "text", "x0", "x1", "top", "bottom", "n_words", "size",
                 "all_bold", "bold_prefix", "cells", "one_size")

    def __init__(self, words: list[Word], column: int = -1) -> None:
        self.words = words
        self.column = column
        self.cells: list[list[str]] | None = None  # a table row's cells, each line by line
        first = words[0]
        if len(words) == 1:  # most lines: a reader gives a line's run of words as one box
            text, self.x0, self.x1, self.top, self.bottom, self.size, bold = first
            self.text, self.all_bold = text, bold
            self.n_words = text.count(" ") + 1  # Word.n_words
            self.bold_prefix = text if bold else ""
            self.one_size = True
            return
        self.x0 = first.x0
        # Words drawn touching each other (a comma set in another font) join without a space.
        text, x1, top, bottom = first.text, first.x1, first.top, first.bottom
        prev = first
        accented = False
        for w in words[1:]:
            if w.text[0] in _ACCENTS and len(w.text) == 1:
                # An accent drawn as a glyph of its own over the letter before it ("CA" "´"
                # "RDENAS"): it joins that letter, and the gap after it is measured from the
                # letter's box, not the accent's.
                text += w.text
                accented = True
                continue
            text += ("" if w.x0 - prev.x1 < TOUCHING * w.size else " ") + w.text
            x1 = w.x1 if w.x1 > x1 else x1
            top = w.top if w.top < top else top
            bottom = w.bottom if w.bottom > bottom else bottom
            prev = w
        if accented:
            text = unicodedata.normalize("NFC", text)
        self.text, self.x1, self.top, self.bottom = text, x1, top, bottom
        counts = [w.n_words for w in words]
        self.n_words = sum(counts)
        sizes = {w.size for w in words}
        self.one_size = len(sizes) == 1  # every word in one size: the line is counted whole
        self.size = first.size if self.one_size else statistics.median(
            w.size for w, n in zip(words, counts) for _ in range(n))
        bold = [w.text for w in itertools.takewhile(lambda w: w.bold, words)]
        self.all_bold = len(bold) == len(words)
        self.bold_prefix = " ".join(bold)  # the bold words it starts with: a Hansard speaker

    def __repr__(self) -> str:
        return f"Line({self.text!r}, column={self.column})"


@dataclass
class Block:
    """A paragraph or heading: joined text with where it sits."""

    text: str
    page: int
    column: int
    heading: bool = False
    bold_prefix: str = ""
    indented: bool = False
    column_start: bool = False  # first block of its column: may continue the previous one
    lines: list[str] = field(default_factory=list, repr=False)


@dataclass
class PageLines:
    """One page's lines in reading order, with the page size."""

    number: int
    width: float
    height: float
    lines: list[Line]
    columns: int = 1


# Sort keys by a Word's field positions: itemgetter runs in C, a function is a Python call
# for every word of every page.
_top_x0 = operator.itemgetter(3, 1)  # (top, x0)
_x0 = operator.itemgetter(1)


def _row_top(row: list[Word]) -> float:
    return row[0].top


def find_gutter(words: Sequence[Word], width: float, height: float) -> tuple[float, float] | None:
    """The empty vertical band between two columns, or None on a one-column page.

    On a page of three columns this is the first of its two gutters (see :func:`find_gutters`).
    """
    gutters = find_gutters(words, width, height)
    return gutters[0] if gutters else None


def find_gutters(words: Sequence[Word], width: float, height: float) -> list[tuple[float, float]]:
    """The empty vertical bands between columns, left to right: none on a one-column page,
    one on a two-column page, two on a three-column page (Congressional Record).

    A gutter is a band in the middle of the page that (almost) no word crosses, with a real
    share of the text on each side, so ragged word spaces do not count.
    """
    return _gutters(_rows(sorted(words, key=_top_x0)), width, height)


def _gutters(rows: list[list[Word]], width: float, height: float,
             splits: dict[int, list[list[Word]] | None] | None = None
             ) -> list[tuple[float, float]]:
    """:func:`find_gutters` on a page's rows (see :func:`_rows`); ``splits``, when given,
    receives each body row's :func:`_split_row` at the gutters found, keyed by id(row)."""
    # The body is a stretch of the rows: those with a top strictly inside the zone.
    rows = rows[bisect.bisect_right(rows, height * FURNITURE_ZONE, key=_row_top):
                bisect.bisect_left(rows, height * (1 - FURNITURE_ZONE), key=_row_top)]
    body = [w for row in rows for w in row]
    n_body = " ".join([w.text for w in body]).count(" ") + 1 if body else 0
    if n_body < 20:
        return []
    lo, hi = int(width * GUTTER_SEARCH[0]), int(math.ceil(width * GUTTER_SEARCH[1]))
    # Each box adds 1 over the points it covers: mark where it starts and ends, then sum up
    # (one pass over the boxes and one over the points, not a loop over every covered point).
    changes = [0] * (hi - lo + 2)
    ceil = math.ceil
    for w in body:
        a, b = ceil(w.x0), int(w.x1)
        a, b = (lo if a < lo else a), (hi if b > hi else b)
        if a <= b:
            changes[a - lo] += 1
            changes[b - lo + 1] -= 1
    # A line that nearly reaches the gutter, or a heading across it, may cross the band: a few
    # such lines do not close it.
    allowed = max(1, int(len(rows) * MAX_CROSSING_SHARE))
    coverage = list(itertools.accumulate(changes))
    coverage[-1] = allowed + 1  # every run ends
    candidates: list[tuple[float, float]] = []
    # Runs of little-crossed points, found by list.index rather than a loop over every point.
    open_at = [covered <= allowed for covered in coverage]
    end = 0
    while True:
        try:
            start = open_at.index(True, end)
        except ValueError:
            break
        end = open_at.index(False, start)
        if end - start >= MIN_GUTTER_WIDTH:
            candidates.append(_emptiest(coverage, start, end, lo))
    # Only lines that keep to one side of every gutter count as a column's text: a line
    # across one (a heading, or the lines of a page that has one column after all) is
    # evidence of none, and a reader that gives a run of words as one box sees it the same
    # way. The weakest gutter goes until each column holds a real share of the text.
    while candidates:
        columns: list[list[Word]] = [[] for _ in range(len(candidates) + 1)]
        cuts = _cuts(candidates)
        if splits is not None:
            splits.clear()
        for row in rows:
            split = _split_row(row, cuts)
            if splits is not None:
                splits[id(row)] = split
            if split is not None:
                for column, part in zip(columns, split):
                    column += part
        # A column's words: one more than the spaces in each box's text, counted in one join.
        counts = [" ".join([w.text for w in column]).count(" ") + 1 if column else 0
                  for column in columns]
        weakest = min(range(len(candidates)), key=lambda g: min(counts[g], counts[g + 1]))
        if min(counts[weakest], counts[weakest + 1]) >= MIN_COLUMN_SHARE * n_body:
            return candidates
        del candidates[weakest]
    return []


def _emptiest(coverage: list[int], start: int, end: int, lo: int) -> tuple[float, float]:
    """The gutter within a run of little-crossed points: its least-crossed stretch, so the
    ragged ends of lines beside it (which the run takes in) do not move its middle."""
    least = min(coverage[start:end])
    best = (start, end)
    i = start
    while i < end:
        if coverage[i] == least:
            j = i
            while j < end and coverage[j] == least:
                j += 1
            if j - i >= MIN_GUTTER_WIDTH and (best == (start, end) or j - i > best[1] - best[0]):
                best = (i, j)
            i = j
        else:
            i += 1
    return float(lo + best[0]), float(lo + best[1])


def _cuts(gutters: Sequence[tuple[float, float]]) -> list[tuple[float, float]]:
    """Each gutter's middle and the gap a line must leave there to be cut in two."""
    return [((g0 + g1) / 2, max(MIN_GUTTER_WIDTH, (g1 - g0) / 2)) for g0, g1 in gutters]


def _split_row(row: list[Word], cuts: Sequence[tuple[float, float]]) -> list[list[Word]] | None:
    """A line's words (left to right) cut at each gutter (see :func:`_cuts`), or None when it
    runs across one.

    A line runs across a gutter when a word covers the gutter's middle or the gap there is
    narrower than half the gutter: a line that nearly reaches the gutter, beside one that
    starts at its far side on the same baseline, is two columns' lines.
    """
    parts: list[list[Word]] = []
    i, n = 0, len(row)
    for mid, need in cuts:
        start = i
        while i < n and row[i].x1 <= mid:
            i += 1
        if i < n:
            w = row[i]
            if w.x0 < mid or (i > start and w.x0 - row[i - 1].x1 < need):
                return None  # a word over the middle, or too close to cut
        parts.append(row[start:i])
    parts.append(row[i:])
    return parts


def _rows(ordered: Sequence[Word]) -> list[list[Word]]:
    """Words sorted by (top, x0) grouped into lines by their tops, each left to right."""
    rows: list[list[Word]] = []
    first_top = -math.inf
    for w in ordered:
        if abs(w.top - first_top) <= LINE_TOLERANCE:
            rows[-1].append(w)
        else:
            rows.append([w])
            first_top = w.top
    for row in rows:
        if len(row) > 1:
            row.sort(key=_x0)
    return rows


def group_lines(words: Sequence[Word]) -> list[Line]:
    """Words grouped into lines by their tops, each line's words left to right."""
    return [Line(row) for row in _rows(sorted(words, key=_top_x0))]


def order_page(number: int, words: Sequence[Word], width: float, height: float) -> PageLines:
    """A page's lines in reading order: on pages of columns, each band column by column.

    Lines that cross a gutter (headings, running headers) split the page into bands, so a
    heading between two stretches of columns stays between them. Columns that look like a
    table's cells (see :func:`_columns_of_text`) are joined a gutter at a time, the narrowest
    to its narrower neighbour (a list of names set in three columns inside a column); a page
    left with none is read as one column, its tables and forms row by row.
    """
    rows = _rows(sorted([w for w in words if w.size >= MIN_TEXT_SIZE], key=_top_x0))
    splits: dict[int, list[list[Word]] | None] = {}
    gutters = _gutters(rows, width, height, splits)
    while gutters:
        lines = _bands(rows, gutters, splits)
        extents = _column_extents(lines, len(gutters) + 1)
        if _columns_of_text(lines, extents):
            return PageLines(number, width, height, lines, columns=len(gutters) + 1)
        # The narrowest column joins its narrower neighbour.
        c = min(range(len(extents)), key=extents.__getitem__)
        left = extents[c - 1] if c > 0 else math.inf
        right = extents[c + 1] if c + 1 < len(extents) else math.inf
        del gutters[c - 1 if left < right else c]
        splits.clear()  # they were cut at the gutters before
    return PageLines(number, width, height, _read_tables(rows, height), columns=1)


def _bands(rows: list[list[Word]], gutters: Sequence[tuple[float, float]],
           splits: dict[int, list[list[Word]] | None]) -> list[Line]:
    """Rows cut at the gutters, in bands between the lines across them, column by column
    (``splits`` holds rows already cut, by id)."""
    lines: list[Line] = []
    band: list[list[Line]] = [[] for _ in range(len(gutters) + 1)]
    cuts = _cuts(gutters)
    for row in rows:
        split = splits.get(id(row), _UNCUT)
        if split is _UNCUT:
            split = _split_row(row, cuts)
        if split is None:
            for column in band:
                lines += column
                column.clear()
            lines.append(Line(row, -1))
            continue
        for c, part in enumerate(split):
            if part:
                column = band[c]
                if column and abs((part[0].top if len(part) == 1 else min([w.top for w in part]))
                                  - column[-1].top) <= LINE_TOLERANCE:
                    # The rest of this column's line: a row across the page began at another
                    # column's baseline, a point or two higher, and took in only part of it.
                    part = sorted(column.pop().words + part, key=_x0)
                column.append(Line(part, c))
    for column in band:
        lines += column
    return lines


def _read_tables(rows: list[list[Word]], height: float) -> list[Line]:
    """A one-column page's lines, each row of a table or form made one line of its cells
    ("term | definition") so its cells are read together. Tables are looked for between the
    margins, where no running head or page number joins them. A "table" whose columns are
    filled with lines of text is a stretch of text columns the page's gutters missed (a
    full-width table between them): it is read column by column."""
    first = bisect.bisect_right(rows, height * FURNITURE_ZONE, key=_row_top)
    last = bisect.bisect_left(rows, height * (1 - FURNITURE_ZONE), key=_row_top)
    tables = [replace(t, first=t.first + first, last=t.last + first,
                      entries=tuple((a + first, b + first) for a, b in t.entries))
              for t in find_tables(rows[first:last])]
    lines: list[Line] = []
    done = 0
    for table in tables:
        lines += [Line(row) for row in rows[done:table.first]]
        done = table.last + 1
        cells = [split_cells(row, table.edges) for row in rows[table.first:done]]
        if _text_columns(cells):
            lines += [Line(row[c], c) for c in range(len(table.edges) + 1)
                      for row in cells if row[c]]
            continue
        if all(a == b for a, b in table.entries):
            # A table whose cells all keep to one line reads right line by line, as it is.
            lines += [Line(row) for row in rows[table.first:done]]
            continue
        for a, b in table.entries:
            columns: list[list[str]] = [[] for _ in range(len(table.edges) + 1)]
            words: list[Word] = []
            for row, row_cells in zip(rows[a:b + 1], cells[a - table.first:b + 1 - table.first]):
                words += row
                for c, cell in enumerate(row_cells):
                    if cell:
                        columns[c].append(Line(cell).text)
            line = Line(words, TABLE_ROW)
            line.cells = [cell for cell in columns if cell]
            line.text = CELL_SEPARATOR.join(" ".join(cell) for cell in line.cells)
            lines.append(line)
    lines += [Line(row) for row in rows[done:]]
    return lines


def _column_extents(lines: Sequence[Line], n_columns: int) -> list[float]:
    """How wide each column's text runs, from its leftmost line start to its rightmost end."""
    lefts = [math.inf] * n_columns
    rights = [-math.inf] * n_columns
    for ln in lines:
        c = ln.column
        if c >= 0:
            lefts[c] = ln.x0 if ln.x0 < lefts[c] else lefts[c]
            rights[c] = ln.x1 if ln.x1 > rights[c] else rights[c]
    return [max(0.0, r - left) for left, r in zip(lefts, rights)]


def _columns_of_text(lines: Sequence[Line], extents: Sequence[float]) -> bool:
    """True unless a page's columns look like a table's: one of them mostly short lines
    (a form's answers), or one much narrower than another (a glossary's terms)."""
    widths: list[list[float]] = [[] for _ in extents]
    for ln in lines:
        if ln.column >= 0:
            widths[ln.column].append(ln.x1 - ln.x0)
    for column, extent in zip(widths, extents):
        if not column or statistics.median(column) < PAGE_COLUMN_FILL * extent:
            return False
    return min(extents) >= PAGE_COLUMN_FILL * max(extents)


def _text_columns(cells: list[list[list[Word]]]) -> bool:
    """True when every column of a table holds several lines that fill its width, and the
    columns are of a width: columns of running text, not a table's cells."""
    extents = []
    for c in range(len(cells[0])):
        spans = [(min(w.x0 for w in row[c]), max(w.x1 for w in row[c])) for row in cells if row[c]]
        if len(spans) < MIN_COLUMN_LINES:
            return False
        left, right = min(a for a, _ in spans), max(b for _, b in spans)
        if statistics.median(b - a for a, b in spans) < COLUMN_FILL * (right - left):
            return False
        extents.append(right - left)
    return min(extents) >= COLUMN_FILL * max(extents)


def strip_furniture(pages: Sequence[PageLines]) -> list[PageLines]:
    """Drop running headers, footers and page numbers: lines near the top or bottom of a page
    that repeat across pages (digits aside), wherever the band they sit in.

    Near means in the margin zones or among the first and last EDGE_ROWS rows of the page,
    so a footer set higher on some issues than others is found all the same. A line in the
    page's outermost row needs fewer repeats (a daily record's head names the section it is
    in). A repeated line printed over the body text (on the same baseline as a line of it)
    is cut out of it.
    """
    candidates: list[dict[int, tuple[str, bool]]] = []  # per page: edge line -> (shape, outer)
    counts: Counter[str] = Counter()
    outer_counts: Counter[str] = Counter()
    for page in pages:
        top, bottom, first, last = _edge_bounds(page)
        shapes = {i: (repeat_key(ln.text), ln.top <= first or ln.top >= last)
                  for i, ln in enumerate(page.lines) if ln.top <= top or ln.top >= bottom}
        candidates.append(shapes)
        counts.update({shape for shape, _ in shapes.values()})
        outer_counts.update({shape for shape, outer in shapes.values() if outer})
    threshold = max(2, math.ceil(REPEAT_SHARE * len(pages)))
    repeated = {shape for shape, n in counts.items() if n >= threshold}
    repeated_outer = {shape for shape, n in outer_counts.items() if n >= OUTER_REPEATS}
    # Longest first, so a two-line footer's longer line is cut out before a shorter one.
    overprint = [(shape, Counter(shape.split()), shape.count(" ") + 1)
                 for shape in sorted(repeated, key=len, reverse=True)
                 if sum(ch.isalpha() for ch in shape) >= MIN_OVERPRINT_LETTERS]
    size = body_size(pages)
    few_pages = len(pages) < OUTER_REPEATS

    def furniture(page: PageLines, line: Line, shape: str, outer: bool) -> bool:
        in_margin = (line.top < page.height * FURNITURE_ZONE
                     or line.bottom > page.height * (1 - FURNITURE_ZONE))
        if outer and shape in repeated_outer and in_margin:
            # (the last row of a page that ends early is no footer: "Thank you." at the end of
            # a speech, "[Placed in Library ...]" after a paper laid, half way down)
            return True
        if not in_margin:
            # Above the margins only a repeated line of words: a row of figures repeats in
            # shape on every page of a long table.
            return shape in repeated and sum(ch.isalpha() for ch in shape) >= MIN_EDGE_LETTERS
        return (shape in repeated
                or is_page_number_shape(normalise_for_repeat(line.text))
                # Small print at the very edge (or in the margins of a document too short
                # for anything to repeat) is a running header or footer; small print further
                # in is a list or a footnote.
                or ((outer or few_pages) and line.size <= size - HEADING_SIZE_STEP
                    and line.n_words <= FURNITURE_MAX_WORDS))

    out = []
    for page, shapes in zip(pages, candidates):
        keep: list[Line] = []
        for i, ln in enumerate(page.lines):
            if i not in shapes:
                keep.append(ln)
                continue
            shape, outer = shapes[i]
            if not furniture(page, ln, shape, outer):
                # A head or footer drawn over the text shares the outermost row with it.
                rest = _cut_overprint(ln, shape, overprint) if overprint and outer else ln
                if rest is not None:
                    keep.append(rest)
        out.append(PageLines(page.number, page.width, page.height, keep, page.columns))
    return out


def repeat_key(text: str) -> str:
    """A line's shape for spotting running heads: case and word order aside (heads swap
    sides on facing pages), and any word with a digit in it is '#' (page numbers, dates, a
    printer's job code such as 'K24FE7.005' alike)."""
    # Word by word: a regex for "a word with a digit in it" retries from every letter of
    # every word without one.
    return " ".join(sorted(["#" if _DIGIT.search(w) else w for w in text.lower().split()]))


def _edge_bounds(page: PageLines) -> tuple[float, float, float, float]:
    """Tops at or above the first, and at or below the second, are near the page's edges;
    tops at or above the third, and at or below the fourth, are in its outermost rows."""
    rows: list[float] = []
    for t in sorted([ln.top for ln in page.lines]):
        if not rows or t - rows[-1] > LINE_TOLERANCE:
            rows.append(t)
    top = page.height * FURNITURE_ZONE
    bottom = page.height * (1 - FURNITURE_ZONE)
    if len(rows) > 2 * EDGE_ROWS:
        top = max(top, rows[EDGE_ROWS - 1] + LINE_TOLERANCE)
        bottom = min(bottom, rows[-EDGE_ROWS] - LINE_TOLERANCE)
    if len(rows) < 2:
        return top, bottom, -math.inf, math.inf
    return top, bottom, rows[0] + LINE_TOLERANCE, rows[-1] - LINE_TOLERANCE


def _cut_overprint(line: Line, shape: str,
                   repeated: Sequence[tuple[str, Counter[str], int]]) -> Line | None:
    """The line without a repeated head or footer drawn over it; None when nothing is left.

    ``repeated`` holds each repeated shape with its words counted and its length in words.
    """
    have: Counter[str] | None = None
    n_have = shape.count(" ") + 1
    for furniture_shape, want, n_want in repeated:
        if n_want >= n_have:
            continue  # the whole line would be the furniture: it is no overprint
        have = have or Counter(shape.split())
        if any(have[t] < n for t, n in want.items()):
            continue
        words = line.words
        for a in range(len(words)):
            n = 0
            for b in range(a + 1, len(words) + 1):
                n += words[b - 1].n_words
                if n > n_want:
                    break
                if n == n_want and repeat_key(" ".join(w.text for w in words[a:b])) == furniture_shape:
                    rest = words[:a] + words[b:]
                    return Line(rest, line.column) if rest else None
    return line


def body_size(pages: Sequence[PageLines]) -> float:
    """The most common font size of the text: headings are larger."""
    return body_sizes(pages)[0]


def body_sizes(pages: Sequence[PageLines]) -> tuple[float, float]:
    """The most common font size of the text, and the largest size that holds BODY_SHARE of
    it: a daily record sets its lists in 7 pt and its speeches in 8 pt, and both are text."""
    raw: dict[float, int] = {}
    get = raw.get
    for p in pages:
        for ln in p.lines:
            if ln.one_size:
                raw[ln.size] = get(ln.size, 0) + ln.n_words
                continue
            for w in ln.words:
                raw[w.size] = get(w.size, 0) + w.text.count(" ") + 1  # Word.n_words
    # Rounded once per distinct size, not per word (the readers give few distinct sizes).
    sizes: dict[float, int] = {}
    for size, n in raw.items():
        key = round(size, 1)
        sizes[key] = sizes.get(key, 0) + n
    if not sizes:
        return 10.0, 10.0
    # The first size seen wins a tie, as Counter.most_common would have it.
    common = max(sizes, key=sizes.__getitem__)
    total = sum(sizes.values())
    largest = max(size for size, n in sizes.items() if n >= BODY_SHARE * total or size == common)
    return common, largest


def build_blocks(pages: Sequence[PageLines], vocabulary: set[str] | None = None) -> list[Block]:
    """Paragraphs and headings from ordered lines, with broken words rejoined."""
    _, size = body_sizes(pages)
    blocks: list[Block] = []
    for page in pages:
        by_col: dict[int, list[Line]] = {}
        for ln in page.lines:
            by_col.setdefault(ln.column, []).append(ln)
        col_left = {c: _left_edge(lns) for c, lns in by_col.items()}
        for group, column_start in _paragraph_groups(page.lines, col_left):
            first = group[0]
            # (the first line first: most paragraphs are not bold, and all() needs a generator)
            heading = (first.all_bold and len(group) <= 3 and all(ln.all_bold for ln in group)
                       and not first.text.endswith(".")
                       and not first.text.rstrip().endswith(":")) or (
                first.size >= size + HEADING_SIZE_STEP)
            if first.cells:
                texts = [CELL_SEPARATOR.join(join_lines(join_hyphenated(cell, vocabulary or ()))
                                             for cell in first.cells)]
            else:
                texts = join_hyphenated([ln.text for ln in group], vocabulary or ())
            text = join_lines(texts)
            if heading and (_HAS_LETTER.search(text) is None or (
                    text.endswith(".") and text.count(" ") >= MAX_HEADING_WORDS)):
                # A heading has words, and is no sentence: a stop set large (a drop cap's
                # font), or a note in larger type at a page's foot ("Matter set in this
                # typeface indicates words inserted ..."), must not end the speech around it.
                heading = False
            blocks.append(Block(
                text=text, page=page.number, column=first.column,
                heading=heading, bold_prefix=first.bold_prefix,
                indented=first.x0 - col_left.get(first.column, first.x0) > INDENT,
                column_start=column_start, lines=texts,
            ))
    return blocks


def _paragraph_groups(
    lines: Sequence[Line], col_left: dict[int, float]
) -> list[tuple[list[Line], bool]]:
    """Consecutive lines grouped into paragraphs; True where a group opens a column."""
    gaps = [b.top - a.bottom for a, b in zip(lines, lines[1:])
            if a.column == b.column and 0 <= b.top - a.bottom]
    usual_gap = statistics.median(gaps) if gaps else 2.0
    para_gap = max(PARA_GAP_FACTOR * usual_gap, usual_gap + 2.0)
    groups: list[tuple[list[Line], bool]] = []
    prev: Line | None = None
    for ln in lines:
        new_column = prev is None or ln.column != prev.column
        starts = (
            new_column
            or ln.column == TABLE_ROW
            or ln.top - prev.bottom > para_gap
            or (ln.x0 - col_left.get(ln.column, ln.x0) > INDENT
                # a list item's lines all set in (its bullet drawn, not written) run on
                and not (abs(ln.x0 - prev.x0) <= LINE_TOLERANCE
                         and not _SENTENCE_END.search(prev.text)
                         and not _ITEM_START.match(ln.text)))
            or (bool(ln.bold_prefix) and not ln.all_bold and not prev.all_bold)
            # A bold speaker label wrapped onto a second line stays one block.
            or (ln.all_bold != prev.all_bold and not (prev.all_bold and ln.bold_prefix))
            or abs(ln.size - prev.size) >= HEADING_SIZE_STEP
        )
        if starts:
            groups.append(([], new_column and ln.column != TABLE_ROW))
        groups[-1][0].append(ln)
        prev = ln
    return groups


def _left_edge(lines: Sequence[Line]) -> float:
    """A column's left margin: the most common line start (indents are the exception)."""
    starts = Counter(map(round, [ln.x0 for ln in lines]))
    most = max(starts.values())
    return float(min(x for x, n in starts.items() if n == most))
