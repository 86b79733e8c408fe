"""Page geometry: columns, lines in reading order, running headers and footers, blocks.

Everything here works on plain boxes (:class:`Word`), so any PDF reader can feed it and it can
be tested without a PDF.
"""

from __future__ import annotations

import bisect
import itertools
import math
import statistics
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from .clean import is_page_number_shape, join_hyphenated, join_lines, normalise_for_repeat

LINE_TOLERANCE = 3.0          # points: words whose tops differ by less share a line
MIN_GUTTER_WIDTH = 6.0        # points: narrower empty bands are word spaces, not gutters
GUTTER_SEARCH = (0.25, 0.75)  # the share of the page width where a gutter may lie
MIN_COLUMN_SHARE = 0.05       # each column must hold this share of the body's words
MAX_CROSSING_SHARE = 0.05     # lines allowed to cross the gutter (spanning headings)
FURNITURE_ZONE = 0.09         # top and bottom share of the page height where headers live
REPEAT_SHARE = 0.3            # a margin line on this share of pages is a running header
INDENT = 6.0                  # points: a first-line indent that starts a paragraph
PARA_GAP_FACTOR = 1.5         # a gap this many times the usual line gap starts a paragraph
HEADING_SIZE_STEP = 1.0       # points larger than the body text marks a heading
TOUCHING = 0.05               # a gap under this share of the font size is no word space
FURNITURE_MAX_WORDS = 14      # small-print margin lines up to this long are headers/footers


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
                 "all_bold", "bold_prefix")

    def __init__(self, words: list[Word], column: int = -1) -> None:
        self.words = words
        self.column = column
        first = words[0]
        self.x0 = first.x0
        if len(words) == 1:
            self.text, self.x1, self.top, self.bottom = first.text, first.x1, first.top, first.bottom
            self.n_words = first.n_words
            self.size, self.all_bold = first.size, first.bold
            self.bold_prefix = first.text if first.bold else ""
            return
        # Words drawn touching each other (a comma set in another font) join without a space.
        text, x1, top, bottom = first.text, first.x1, first.top, first.bottom
        prev = first
        for w in words[1:]:
            text += ("" if w.x0 - prev.x1 < TOUCHING * w.size else " ") + w.text
            x1 = w.x1 if w.x1 > x1 else x1
            top = w.top if w.top < top else top
            bottom = w.bottom if w.bottom > bottom else bottom
            prev = w
        self.text, self.x1, self.top, self.bottom = text, x1, top, bottom
        counts = [w.n_words for w in words]
        self.n_words = sum(counts)
        sizes = {w.size for w in words}
        self.size = first.size if len(sizes) == 1 else statistics.median(
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


def _top_x0(w: Word) -> tuple[float, float]:
    return (w.top, w.x0)


def _top(w: Word) -> float:
    return w.top


def _x0(w: Word) -> float:
    return w.x0


def find_gutter(words: Sequence[Word], width: float, height: float) -> tuple[float, float] | None:
    """The empty vertical band between two columns, or None on a one-column page.

    Looks for the widest band in the middle of the page that (almost) no word crosses and that
    has a real share of the text on each side, so ragged word spaces do not count.
    """
    return _gutter(sorted(words, key=_top_x0), width, height)


def _gutter(ordered: list[Word], width: float, height: float) -> tuple[float, float] | None:
    """:func:`find_gutter` on words already sorted by (top, x0)."""
    # The body is a stretch of the sorted words: those with a top strictly inside the zone.
    body = ordered[bisect.bisect_right(ordered, height * FURNITURE_ZONE, key=_top):
                   bisect.bisect_left(ordered, height * (1 - FURNITURE_ZONE), key=_top)]
    n_body = sum(w.n_words for w in body)
    if n_body < 20:
        return None
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
    rows = _rows(body)
    allowed = max(1, int(len(rows) * MAX_CROSSING_SHARE))
    best, run_start, covered = None, None, 0
    for i, change in enumerate(changes):
        covered += change
        if covered <= allowed and i < len(changes) - 1:
            run_start = i if run_start is None else run_start
            continue
        if run_start is not None:
            if best is None or i - run_start > best[1] - best[0]:
                best = (run_start, i)
            run_start = None
    if best is None or best[1] - best[0] < MIN_GUTTER_WIDTH:
        return None
    g0, g1 = lo + best[0], lo + best[1]
    # Only lines that keep to one side count as a column's text: a line across the band (a
    # heading, or the lines of a page that has one column after all) is evidence of neither,
    # and a reader that gives a run of words as one box sees it the same way.
    left = right = 0
    edge0, edge1 = g0 + 1, g1 - 1
    for row in rows:
        n_left = n_right = 0
        for w in row:
            n = w.n_words
            if w.x1 <= edge0:
                n_left += n
            elif w.x0 >= edge1:
                n_right += n
            elif w.x1 > edge0 and w.x0 < edge1:
                break
        else:
            left += n_left
            right += n_right
    if min(left, right) < MIN_COLUMN_SHARE * n_body:
        return None
    return float(g0), float(g1)


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
    """A page's lines in reading order: on two-column pages, each band left then right.

    Lines that cross the gutter (headings, running headers) split the page into bands, so a
    heading between two stretches of columns stays between them.
    """
    ordered = sorted(words, key=_top_x0)
    gutter = _gutter(ordered, width, height)
    rows = _rows(ordered)
    if gutter is None:
        return PageLines(number, width, height, [Line(row) for row in rows], columns=1)
    edge0, edge1 = gutter[0] + 1, gutter[1] - 1
    lines: list[Line] = []
    band: tuple[list[Line], list[Line]] = ([], [])
    for row in rows:
        left = [w for w in row if w.x1 <= edge0]
        right = [w for w in row if w.x0 >= edge1]
        if len(left) + len(right) < len(row):
            lines += band[0]
            lines += band[1]
            band = ([], [])
            lines.append(Line(row, -1))
            continue
        if left:
            band[0].append(Line(left, 0))
        if right:
            band[1].append(Line(right, 1))
    lines += band[0]
    lines += band[1]
    return PageLines(number, width, height, lines, columns=2)


def strip_furniture(pages: Sequence[PageLines]) -> list[PageLines]:
    """Drop running headers, footers and page numbers: margin lines that repeat across pages."""
    margins: list[dict[int, str]] = []  # per page: index of each margin line -> its shape
    counts: Counter[str] = Counter()
    for page in pages:
        top, bottom = page.height * FURNITURE_ZONE, page.height * (1 - FURNITURE_ZONE)
        shapes = {i: normalise_for_repeat(ln.text) for i, ln in enumerate(page.lines)
                  if ln.top < top or ln.bottom > bottom}
        margins.append(shapes)
        counts.update(set(shapes.values()))
    threshold = max(2, math.ceil(REPEAT_SHARE * len(pages)))
    size = body_size(pages)

    def furniture(line: Line, shape: str) -> bool:
        return (counts[shape] >= threshold
                or is_page_number_shape(shape)
                # One-page documents have nothing to repeat: small print in the margins is
                # still a running header or footer.
                or (line.size <= size - HEADING_SIZE_STEP
                    and line.n_words <= FURNITURE_MAX_WORDS))

    out = []
    for page, shapes in zip(pages, margins):
        drop = {i for i, shape in shapes.items() if furniture(page.lines[i], shape)}
        keep = [ln for i, ln in enumerate(page.lines) if i not in drop] if drop else page.lines
        out.append(PageLines(page.number, page.width, page.height, list(keep), page.columns))
    return out


def body_size(pages: Sequence[PageLines]) -> float:
    """The most common font size of the text: headings are larger."""
    sizes: dict[float, int] = {}
    get = sizes.get
    for p in pages:
        for ln in p.lines:
            if len(ln.words) == 1:
                key = round(ln.size, 1)
                sizes[key] = get(key, 0) + ln.n_words
                continue
            for w in ln.words:
                key = round(w.size, 1)
                sizes[key] = get(key, 0) + w.n_words
    # The first size seen wins a tie, as Counter.most_common would have it.
    return max(sizes, key=sizes.__getitem__) if sizes else 10.0


def build_blocks(pages: Sequence[PageLines], vocabulary: set[str] | None = None) -> list[Block]:
    """Paragraphs and headings from ordered lines, with broken words rejoined."""
    size = body_size(pages)
    blocks: list[Block] = []
    for page in pages:
        by_col: dict[int, list[Line]] = {}
        for ln in page.lines:
            by_col.setdefault(ln.column, []).append(ln)
        col_left = {c: _left_edge(lns) for c, lns in by_col.items()}
        for group, column_start in _paragraph_groups(page.lines, col_left):
            first = group[0]
            heading = (all(ln.all_bold for ln in group) and len(group) <= 3
                       and not first.text.endswith(".")
                       and not first.text.rstrip().endswith(":")) or (
                first.size >= size + HEADING_SIZE_STEP)
            texts = join_hyphenated([ln.text for ln in group], vocabulary or ())
            blocks.append(Block(
                text=join_lines(texts), page=page.number, column=first.column,
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
    groups: list[tuple[list[Line], bool]] = []
    prev: Line | None = None
    for ln in lines:
        new_column = prev is None or ln.column != prev.column
        starts = (
            new_column
            or ln.top - prev.bottom > max(PARA_GAP_FACTOR * usual_gap, usual_gap + 2.0)
            or ln.x0 - col_left.get(ln.column, ln.x0) > INDENT
            or (bool(ln.bold_prefix) and not ln.all_bold and not prev.all_bold)
            # A bold speaker label wrapped onto a second line stays one block.
            or (ln.all_bold != prev.all_bold and not (prev.all_bold and ln.bold_prefix))
            or abs(ln.size - prev.size) >= HEADING_SIZE_STEP
        )
        if starts:
            groups.append(([], new_column))
        groups[-1][0].append(ln)
        prev = ln
    return groups


def _left_edge(lines: Sequence[Line]) -> float:
    """A column's left margin: the most common line start (indents are the exception)."""
    starts = Counter(round(ln.x0) for ln in lines)
    most = max(starts.values())
    return float(min(x for x, n in starts.items() if n == most))
