"""Page geometry: columns, lines in reading order, running headers and footers, blocks.

Everything here works on plain boxes (:class:`Word`), so any PDF reader can feed it and it can
be tested without a PDF.
"""

from __future__ import annotations

import itertools
import math
import statistics
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from .clean import join_hyphenated, join_lines, looks_like_page_number, normalise_for_repeat

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


class _cached:  # a decorator, named like functools.cached_property
    """functools.cached_property without its lock, which costs more than these properties."""

    def __init__(self, fn) -> None:
        self.fn = fn
        self.__doc__ = fn.__doc__

    def __set_name__(self, owner, name: str) -> None:
        self.name = name

    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        value = obj.__dict__[self.name] = self.fn(obj)
        return value


@dataclass(frozen=True)
class Word:
    """A word's text and box (PDF points, top-left origin) and its font traits."""

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


@dataclass
class Line:
    """A line of words in one column (0 left, 1 right, -1 spanning or single column)."""

    words: list[Word]
    column: int = -1

    # The properties are cached: the layout asks each line for them many times, and a line's
    # words do not change once it is made.

    @_cached
    def text(self) -> str:
        # Words drawn touching each other (a comma set in another font) join without a space.
        out = self.words[0].text
        for prev, w in zip(self.words, self.words[1:]):
            out += ("" if w.x0 - prev.x1 < TOUCHING * w.size else " ") + w.text
        return out

    @_cached
    def x0(self) -> float:
        return self.words[0].x0

    @_cached
    def x1(self) -> float:
        return max(w.x1 for w in self.words)

    @_cached
    def top(self) -> float:
        return min(w.top for w in self.words)

    @_cached
    def bottom(self) -> float:
        return max(w.bottom for w in self.words)

    @_cached
    def size(self) -> float:
        return statistics.median(w.size for w in self.words for _ in range(w.n_words))

    @_cached
    def all_bold(self) -> bool:
        return all(w.bold for w in self.words)

    @_cached
    def bold_prefix(self) -> str:
        """The bold words the line starts with (a speaker's name in Hansard)."""
        out = []
        for w in self.words:
            if not w.bold:
                break
            out.append(w.text)
        return " ".join(out)


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


def find_gutter(words: Sequence[Word], width: float, height: float) -> tuple[float, float] | None:
    """The empty vertical band between two columns, or None on a one-column page.

    Looks for the widest band in the middle of the page that (almost) no word crosses and that
    has a real share of the text on each side, so ragged word spaces do not count.
    """
    body = [w for w in words if height * FURNITURE_ZONE < w.top < height * (1 - FURNITURE_ZONE)]
    n_body = sum(w.n_words for w in body)
    if n_body < 20:
        return None
    lo, hi = int(width * GUTTER_SEARCH[0]), int(math.ceil(width * GUTTER_SEARCH[1]))
    # Each box adds 1 over the points it covers: mark where it starts and ends, then sum up
    # (one pass over the boxes and one over the points, not a loop over every covered point).
    changes = [0] * (hi - lo + 2)
    for w in body:
        a, b = max(lo, int(math.ceil(w.x0))), min(hi, int(w.x1))
        if a <= b:
            changes[a - lo] += 1
            changes[b - lo + 1] -= 1
    coverage = list(itertools.accumulate(changes[:-1]))
    lines = group_lines(body)
    allowed = max(1, int(len(lines) * MAX_CROSSING_SHARE))
    best, run_start = None, None
    for i, c in enumerate(coverage + [allowed + 1]):
        if c <= allowed:
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
    for line in lines:
        if any(w.x1 > g0 + 1 and w.x0 < g1 - 1 for w in line.words):
            continue
        left += sum(w.n_words for w in line.words if w.x1 <= g0 + 1)
        right += sum(w.n_words for w in line.words if w.x0 >= g1 - 1)
    if min(left, right) < MIN_COLUMN_SHARE * n_body:
        return None
    return float(g0), float(g1)


def group_lines(words: Sequence[Word]) -> list[Line]:
    """Words grouped into lines by their tops, each line's words left to right."""
    lines: list[list[Word]] = []
    for w in sorted(words, key=lambda w: (w.top, w.x0)):
        if lines and abs(w.top - lines[-1][0].top) <= LINE_TOLERANCE:
            lines[-1].append(w)
        else:
            lines.append([w])
    return [Line(sorted(ws, key=lambda w: w.x0)) for ws in lines]


def order_page(number: int, words: Sequence[Word], width: float, height: float) -> PageLines:
    """A page's lines in reading order: on two-column pages, each band left then right.

    Lines that cross the gutter (headings, running headers) split the page into bands, so a
    heading between two stretches of columns stays between them.
    """
    gutter = find_gutter(words, width, height)
    raw = group_lines(words)
    if gutter is None:
        return PageLines(number, width, height, raw, columns=1)
    g0, g1 = gutter
    ordered: list[Line] = []
    band: tuple[list[Line], list[Line]] = ([], [])

    def flush() -> None:
        ordered.extend(band[0])
        ordered.extend(band[1])
        band[0].clear()
        band[1].clear()

    for line in raw:
        left = [w for w in line.words if w.x1 <= g0 + 1]
        right = [w for w in line.words if w.x0 >= g1 - 1]
        if len(left) + len(right) < len(line.words):
            flush()
            ordered.append(Line(line.words, -1))
            continue
        if left:
            band[0].append(Line(left, 0))
        if right:
            band[1].append(Line(right, 1))
    flush()
    return PageLines(number, width, height, ordered, columns=2)


def strip_furniture(pages: Sequence[PageLines]) -> list[PageLines]:
    """Drop running headers, footers and page numbers: margin lines that repeat across pages."""
    def in_margin(line: Line, page: PageLines) -> bool:
        return (line.top < page.height * FURNITURE_ZONE
                or line.bottom > page.height * (1 - FURNITURE_ZONE))

    counts: Counter[str] = Counter()
    for page in pages:
        counts.update({normalise_for_repeat(ln.text) for ln in page.lines if in_margin(ln, page)})
    threshold = max(2, math.ceil(REPEAT_SHARE * len(pages)))
    size = body_size(pages)

    def furniture(line: Line) -> bool:
        return (counts[normalise_for_repeat(line.text)] >= threshold
                or looks_like_page_number(line.text)
                # One-page documents have nothing to repeat: small print in the margins is
                # still a running header or footer.
                or (line.size <= size - HEADING_SIZE_STEP
                    and sum(w.n_words for w in line.words) <= FURNITURE_MAX_WORDS))

    out = []
    for page in pages:
        keep = [ln for ln in page.lines if not (in_margin(ln, page) and furniture(ln))]
        out.append(PageLines(page.number, page.width, page.height, keep, page.columns))
    return out


def body_size(pages: Sequence[PageLines]) -> float:
    """The most common font size of the text: headings are larger."""
    sizes: Counter[float] = Counter()
    for p in pages:
        for ln in p.lines:
            for w in ln.words:
                sizes[round(w.size, 1)] += w.n_words
    return sizes.most_common(1)[0][0] if sizes else 10.0


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
    return float(min(x for x, n in starts.items() if n == max(starts.values())))
