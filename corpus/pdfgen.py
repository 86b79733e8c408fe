"""Layout writers for PDFs in the style of Hansard and of one-column policy reports.

The sample corpus (corpus/build.py), the tests and the benchmarks all build their PDFs with this
module, so it depends on reportlab alone and takes plain data: dataclasses defined here, or dicts
with the same keys. Load it by file path::

    spec = importlib.util.spec_from_file_location("pdfgen", Path("corpus/pdfgen.py"))
    pdfgen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(pdfgen)

Every writer calls ``canvas.Canvas(path, invariant=1, pageCompression=1)`` and sets fixed
metadata, so the same inputs give byte-identical files. Only the standard Type 1 fonts are used
(Times-Roman, Times-Bold, Helvetica, Helvetica-Bold). The ligatures U+FB01 and U+FB02 are drawn
with the fonts' own "fi"/"fl" glyphs (through a small substitution font), so they survive into
the text layer as a real extractor sees them.

Hansard pages (``write_hansard``), exact strings a parser meets:

- header, one line per column, Helvetica 8: left column ``Column 345WH`` (left-aligned) and the
  date ``7 September 2023`` (right-aligned); right column the debate title (left-aligned) and
  ``Column 346WH`` (right-aligned). The suffix is ``WH`` for Westminster Hall, ``W`` for written
  answers, ``WS`` for written statements and empty otherwise. A thin rule spans the page below.
- footer, Helvetica 8: the sitting (``Westminster Hall``) at the left, ``Page 3`` at the right.
- nothing is ever drawn in the gutter: header and footer pieces sit inside their column.
- a speech starts with its speaker label in Times-Bold, ending with a colon, and the text runs
  on after it in Times-Roman; later paragraphs of the same speech are indented.
- long words may be split at a line end with a hyphen; words that already hold a hyphen never
  are, so a letter, ``-`` at line end, and a letter on the next line is always one word.

Report pages (``write_report``): header ``<organisation>`` left and ``<short title>`` right
(Helvetica 8) over a rule, footer ``Page N of M`` centred, and on page 1 a cover block with the
organisation, the title and ``Published: 12 March 2018``.
"""

import datetime
import random
from dataclasses import dataclass
from typing import Callable, Iterable, Iterator, Mapping, Sequence, Union

__all__ = [
    "Heading",
    "Speech",
    "Section",
    "Item",
    "PageGeometry",
    "HANSARD_GEOMETRY",
    "REPORT_GEOMETRY",
    "PDF_AUTHOR",
    "format_date",
    "column_suffix",
    "write_hansard",
    "write_report",
    "write_pages",
    "write_columns",
    "write_transcript",
    "write_congressional_record",
    "write_oireachtas",
    "write_lok_sabha",
    "write_committee_hansard",
    "write_kenya_hansard",
    "write_council_hansard",
    "write_unmapped_font",
    "write_character_font",
    "pdf_bytes",
]

PDF_AUTHOR = "policylens corpus"
PDF_CREATOR = "policylens corpus/pdfgen.py"

A4_WIDTH = 595.2756
A4_HEIGHT = 841.8898

BODY_FONT = "Times-Roman"
BOLD_FONT = "Times-Bold"
SANS_FONT = "Helvetica"
SANS_BOLD_FONT = "Helvetica-Bold"

HANSARD_BODY_SIZE = 10.0
HANSARD_LEADING = 12.0
HANSARD_TURN_GAP = 5.0  # extra space before a new speaker turn
HANSARD_PARAGRAPH_GAP = 2.5  # extra space between paragraphs of one speech
HANSARD_INDENT = 12.0  # first-line indent of a speech's later paragraphs
HEADER_SIZE = 8.0

REPORT_BODY_SIZE = 10.5
REPORT_LEADING = 14.0
REPORT_PARAGRAPH_GAP = 7.0
TABLE_SIZE = 9.0
TABLE_PADDING = 4.0

HYPHENATE_MIN_LETTERS = 9  # only long words are split at a line end
HYPHENATE_MIN_PART = 3  # each half keeps at least this many letters
HYPHENATE_PROBABILITY = 0.6  # typesetters split some long words, not all
MAX_JUSTIFY_SPACE = 6.0  # wider word spaces than this look broken: leave the line ragged

COLUMN_SUFFIXES = {
    "westminster hall": "WH",
    "written answers": "W",
    "written statements": "WS",
}


@dataclass(frozen=True)
class PageGeometry:
    """Where things sit on a page, in PDF points from the bottom-left corner."""

    page_width: float
    page_height: float
    margin_left: float
    margin_right: float
    gutter: float  # 0 for one-column pages
    header_baseline: float
    rule_y: float
    body_top: float  # baseline of the first body line
    body_bottom: float  # no body baseline goes below this
    footer_baseline: float

    @property
    def columns(self) -> tuple[tuple[float, float], ...]:
        """The (x0, x1) of each text column, left to right."""
        x0 = self.margin_left
        x1 = self.page_width - self.margin_right
        if not self.gutter:
            return ((x0, x1),)
        width = (x1 - x0 - self.gutter) / 2
        return ((x0, x0 + width), (x1 - width, x1))

    @property
    def column_width(self) -> float:
        """Width of one text column."""
        a, b = self.columns[0]
        return b - a

    @property
    def gutter_span(self) -> tuple[float, float]:
        """The (x0, x1) of the gap between two columns; empty for one column."""
        cols = self.columns
        if len(cols) < 2:
            return (0.0, 0.0)
        return (cols[0][1], cols[1][0])


HANSARD_GEOMETRY = PageGeometry(
    page_width=A4_WIDTH,
    page_height=A4_HEIGHT,
    margin_left=48.0,
    margin_right=48.0,
    gutter=26.0,
    header_baseline=A4_HEIGHT - 34.0,
    rule_y=A4_HEIGHT - 40.0,
    body_top=A4_HEIGHT - 58.0,
    body_bottom=50.0,
    footer_baseline=28.0,
)

REPORT_GEOMETRY = PageGeometry(
    page_width=A4_WIDTH,
    page_height=A4_HEIGHT,
    margin_left=66.0,
    margin_right=66.0,
    gutter=0.0,
    header_baseline=A4_HEIGHT - 36.0,
    rule_y=A4_HEIGHT - 42.0,
    body_top=A4_HEIGHT - 70.0,
    body_bottom=62.0,
    footer_baseline=32.0,
)


@dataclass(frozen=True)
class Heading:
    """A heading: level 1 debate title, 2 subject heading, 3 plain centred line."""

    text: str
    level: int = 1


@dataclass(frozen=True)
class Speech:
    """One speaker turn; an empty speaker gives unattributed text ("Question put and agreed to.")."""

    speaker: str
    paragraphs: tuple[str, ...]
    uin: str | None = None  # written questions end with "[12345]"


@dataclass(frozen=True)
class Section:
    """A headed section of a report."""

    heading: str
    paragraphs: tuple[str, ...]


Item = Union[Heading, Speech]


def format_date(date: datetime.date) -> str:
    """The date as Hansard and reports print it: "7 September 2023"."""
    return f"{date.day} {date:%B} {date.year}"


def column_suffix(sitting: str) -> str:
    """The letters after a column number for a sitting ("WH" for Westminster Hall)."""
    return COLUMN_SUFFIXES.get(sitting.strip().lower(), "")


# ---------------------------------------------------------------------------------------------
# fonts and measuring

_FONTS_READY = False
_LIGATURE_CODEC = "policylensligatures"


def _ensure_fonts() -> None:
    """Let the standard fonts draw U+FB01/U+FB02 with their own fi/fl glyphs."""
    global _FONTS_READY
    if _FONTS_READY:
        return
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.rl_codecs import RL_Codecs

    # WinAnsi has no ligature glyphs; a tiny extra encoding maps "!" and '"' to /fi and /fl,
    # and reportlab falls back to it only for characters WinAnsi cannot encode.
    RL_Codecs.add_dynamic_codec(
        _LIGATURE_CODEC, {0xFB01: 0x21, 0xFB02: 0x22}, {0x21: 0xFB01, 0x22: 0xFB02}
    )
    encoding = pdfmetrics.Encoding(_LIGATURE_CODEC, "WinAnsiEncoding")
    encoding[0x21] = "fi"
    encoding[0x22] = "fl"
    pdfmetrics.registerEncoding(encoding)
    for base in (BODY_FONT, BOLD_FONT, SANS_FONT, SANS_BOLD_FONT):
        font = pdfmetrics.getFont(base)
        if any(f.fontName == base + "-Ligatures" for f in font.substitutionFonts):
            continue
        ligatures = pdfmetrics.Font(base + "-Ligatures", base, _LIGATURE_CODEC)
        pdfmetrics.registerFont(ligatures)
        font.substitutionFonts = list(font.substitutionFonts) + [ligatures]
    _FONTS_READY = True


class _Measure:
    """Cached string widths: the same words recur, and stringWidth dominates layout time."""

    def __init__(self) -> None:
        from reportlab.pdfbase.pdfmetrics import stringWidth

        self._string_width = stringWidth
        self._cache: dict[tuple[str, str, float], float] = {}

    def __call__(self, text: str, font: str, size: float) -> float:
        key = (text, font, size)
        width = self._cache.get(key)
        if width is None:
            width = self._string_width(text, font, size)
            if len(self._cache) < 200_000:
                self._cache[key] = width
        return width


# A laid-out line: x offset from the column's left edge, segments of (font, size, text), the
# extra word space for justification, and the leading it takes.
_Line = tuple[float, tuple[tuple[str, float, str], ...], float, float]


def _can_hyphenate(word: str) -> tuple[str, str] | None:
    """Split a word into (letters, trailing punctuation) when it may be hyphenated."""
    core = word.rstrip(".,;:)!?’”'\"")
    tail = word[len(core) :]
    if len(core) < HYPHENATE_MIN_LETTERS or not core.isalpha():
        return None
    return core, tail


def _split_overlong(
    tokens: Sequence[tuple[str, str]], size: float, width: float, measure: "_Measure"
) -> Iterator[tuple[str, str]]:
    """Yield tokens, cutting any word wider than a whole line so nothing runs into the gutter."""
    for word, font in tokens:
        if not word:
            continue
        while measure(word, font, size) > width and len(word) > 1:
            k = len(word) - 1
            while k > 1 and measure(word[:k] + "-", font, size) > width:
                k -= 1
            yield word[:k] + "-", font
            word = word[k:]
        yield word, font


def _wrap(
    tokens: Sequence[tuple[str, str]],
    size: float,
    width: float,
    measure: _Measure,
    *,
    first_indent: float = 0.0,
    align: str = "left",
    justify: bool = False,
    hyphenate: bool = False,
    rng: random.Random | None = None,
    leading: float,
) -> list[_Line]:
    """Wrap (word, font) tokens into lines no wider than width."""
    lines: list[_Line] = []
    current: list[tuple[str, str]] = []
    current_width = 0.0
    indent = first_indent

    def space(font: str) -> float:
        return measure(" ", font, size)

    def emit(last: bool) -> None:
        nonlocal current, current_width, indent
        if not current:
            return
        segments: list[tuple[str, float, str]] = []
        for i, (word, font) in enumerate(current):
            piece = word if i == 0 else " " + word
            if segments and segments[-1][0] == font:
                segments[-1] = (font, size, segments[-1][2] + piece)
            else:
                segments.append((font, size, piece))
        available = width - indent
        x = indent
        word_space = 0.0
        if align == "centre":
            x = indent + max(0.0, (available - current_width) / 2)
        elif align == "right":
            x = indent + max(0.0, available - current_width)
        elif justify and not last and len(current) > 1:
            extra = (available - current_width) / (len(current) - 1)
            if 0 < extra <= MAX_JUSTIFY_SPACE:
                word_space = round(extra, 3)
        lines.append((x, tuple(segments), word_space, leading))
        current = []
        current_width = 0.0
        indent = 0.0

    for word, font in _split_overlong(tokens, size, width, measure):
        w = measure(word, font, size)
        gap = space(font) if current else 0.0
        if current and current_width + gap + w > width - indent:
            split = None
            if hyphenate and font != BOLD_FONT and rng is not None:
                parts = _can_hyphenate(word)
                if parts is not None and rng.random() < HYPHENATE_PROBABILITY:
                    core, tail = parts
                    room = width - indent - current_width - gap
                    for k in range(len(core) - HYPHENATE_MIN_PART, HYPHENATE_MIN_PART - 1, -1):
                        if measure(core[:k] + "-", font, size) <= room:
                            split = (core[:k] + "-", core[k:] + tail)
                            break
            if split is not None:
                current.append((split[0], font))
                current_width += gap + measure(split[0], font, size)
                emit(last=False)
                word = split[1]
                w = measure(word, font, size)
            else:
                emit(last=False)
            gap = 0.0
        current.append((word, font))
        current_width += gap + w
    emit(last=True)
    return lines


def _words(text: str, font: str) -> list[tuple[str, str]]:
    return [(w, font) for w in text.split()]


def _new_canvas(path, title: str, subject: str):
    """A canvas whose bytes depend only on what is drawn on it."""
    _ensure_fonts()
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(
        str(path), pagesize=(A4_WIDTH, A4_HEIGHT), invariant=1, pageCompression=1
    )
    c.setTitle(title)
    c.setAuthor(PDF_AUTHOR)
    c.setSubject(subject)
    c.setCreator(PDF_CREATOR)
    return c


def _draw_lines(c, placed: Sequence[tuple[float, float, _Line]]) -> None:
    """Draw placed lines (column x, baseline y, line) as one text object."""
    if not placed:
        return
    text = c.beginText()
    font_state: tuple[str, float] | None = None
    word_space = 0.0
    for x0, y, (dx, segments, ws, _leading) in placed:
        text.setTextOrigin(x0 + dx, y)
        if ws != word_space:
            text.setWordSpace(ws)
            word_space = ws
        for font, size, piece in segments:
            if font_state != (font, size):
                text.setFont(font, size)
                font_state = (font, size)
            text.textOut(piece)
    if word_space:
        text.setWordSpace(0)
    c.drawText(text)


def _draw_string(c, font: str, size: float, x: float, y: float, s: str, align: str = "left"):
    c.setFont(font, size)
    if align == "right":
        c.drawRightString(x, y, s)
    elif align == "centre":
        c.drawCentredString(x, y, s)
    else:
        c.drawString(x, y, s)


def _fit_words(text: str, font: str, size: float, width: float, measure: _Measure) -> str:
    """Drop trailing words until the text fits the width."""
    words = text.split()
    while words and measure(" ".join(words), font, size) > width:
        words.pop()
    return " ".join(words)


# ---------------------------------------------------------------------------------------------
# Hansard


def _coerce_item(item) -> Item:
    if isinstance(item, (Heading, Speech)):
        return item
    if isinstance(item, Mapping):
        if "heading" in item:
            return Heading(str(item["heading"]), int(item.get("level", 1)))
        if "speaker" in item:
            return Speech(
                str(item["speaker"]), tuple(item.get("paragraphs", ())), item.get("uin")
            )
    raise TypeError(f"not a Hansard item: {item!r} (use Heading, Speech or a dict)")


# (lines, gap before, lines that must stay with the block's start in one column)
_Block = tuple[list[_Line], float, int]


def _hansard_blocks(
    items: Iterable, width: float, measure: _Measure, hyphenate: bool, justify: bool,
    rng: random.Random,
) -> Iterator[_Block]:
    """Turn items into blocks of wrapped lines, lazily (benchmarks stream endless items)."""
    size = HANSARD_BODY_SIZE
    for raw in items:
        item = _coerce_item(raw)
        if isinstance(item, Heading):
            if item.level <= 1:
                font, hsize, gap = BOLD_FONT, 11.0, 10.0
            elif item.level == 2:
                font, hsize, gap = BOLD_FONT, size, 8.0
            else:
                font, hsize, gap = BODY_FONT, size, 4.0
            lines = _wrap(
                _words(item.text, font), hsize, width, measure, align="centre",
                leading=HANSARD_LEADING + (1.0 if item.level <= 1 else 0.0),
            )
            if lines:
                # a heading never ends a column: keep it with two lines of what follows
                yield lines, gap, len(lines) + 2
            continue
        paragraphs = [p for p in item.paragraphs if p.strip()]
        if item.uin:
            if paragraphs:
                paragraphs[-1] = f"{paragraphs[-1]} [{item.uin}]"
            else:
                paragraphs = [f"[{item.uin}]"]
        if not paragraphs and item.speaker:
            paragraphs = [""]
        for i, para in enumerate(paragraphs):
            tokens = _words(para, BODY_FONT)
            if i == 0 and item.speaker:
                tokens = _words(item.speaker, BOLD_FONT) + tokens
            lines = _wrap(
                tokens, size, width, measure,
                first_indent=HANSARD_INDENT if i > 0 else 0.0,
                justify=justify, hyphenate=hyphenate, rng=rng, leading=HANSARD_LEADING,
            )
            if lines:
                yield lines, HANSARD_TURN_GAP if i == 0 else HANSARD_PARAGRAPH_GAP, 1


def _fits(y: float, lines: list[_Line], keep: int, gap: float, bottom: float) -> bool:
    """Whether the first keep lines of a block (counting lines of what follows it) fit below y.

    y is the baseline of the line above; each new line sits one leading lower.
    """
    kept = lines[:keep]
    following = max(0, keep - len(lines)) * lines[-1][3]
    return y - gap - sum(line[3] for line in kept) - following >= bottom


def _flow_columns(
    blocks: Iterable[_Block], geometry: PageGeometry, max_pages: int | None
) -> Iterator[list[list[tuple[float, float, _Line]]]]:
    """Pour blocks into two columns per page; yield each page's columns of placed lines."""
    columns = geometry.columns
    top, bottom = geometry.body_top, geometry.body_bottom
    page: list[list[tuple[float, float, _Line]]] = [[] for _ in columns]
    col = 0
    y = top
    at_top = True
    pages_done = 0

    for lines, gap, keep in blocks:
        if not at_top and not _fits(y, lines, keep, gap, bottom):
            col += 1
            y, at_top = top, True
            if col == len(columns):
                yield page
                pages_done += 1
                if max_pages is not None and pages_done >= max_pages:
                    return
                page = [[] for _ in columns]
                col = 0
        if not at_top:
            y -= gap
        for line in lines:
            if not at_top:
                y -= line[3]
            if y < bottom:
                col += 1
                y = top
                if col == len(columns):
                    yield page
                    pages_done += 1
                    if max_pages is not None and pages_done >= max_pages:
                        return
                    page = [[] for _ in columns]
                    col = 0
            page[col].append((columns[col][0], y, line))
            at_top = False
    if any(page):
        yield page


def write_hansard(
    path,
    *,
    date: datetime.date,
    title: str,
    sitting: str,
    items: Iterable,
    first_column: int = 1,
    right_column_first: bool = False,
    hyphenate: bool = True,
    seed: int = 0,
    pages_hint: int | None = None,
    justify: bool = True,
    title_block: bool = True,
) -> int:
    """Write a two-column Hansard-style PDF and return its number of pages.

    items are Heading/Speech objects (or dicts with "heading"/"level" or
    "speaker"/"paragraphs"/"uin") and may be a lazy, even endless, iterator.
    pages_hint, when given, stops the document after that many full pages.
    right_column_first writes each page's right column into the content stream
    before the left one; the page looks the same. seed picks which long words
    are hyphenated. title_block opens the first column with the sitting and date.
    """
    geometry = HANSARD_GEOMETRY
    measure = _Measure()
    rng = random.Random(seed)
    suffix = column_suffix(sitting)
    date_text = format_date(date)
    c = _new_canvas(path, title, f"{sitting}, {date_text}")
    (lx0, lx1), (rx0, rx1) = geometry.columns
    width = geometry.column_width
    header_title = _fit_words(
        title, SANS_FONT, HEADER_SIZE,
        width - measure(f"Column {first_column + 99999}{suffix}", SANS_FONT, HEADER_SIZE) - 12,
        measure,
    )

    def all_items() -> Iterator:
        if title_block:
            yield Heading(sitting, 1)
            yield Heading(f"{date:%A} {date_text}", 3)
        yield from items

    blocks = _hansard_blocks(all_items(), width, measure, hyphenate, justify, rng)
    pages = 0
    for page in _flow_columns(blocks, geometry, pages_hint):
        pages += 1
        left = first_column + 2 * (pages - 1)
        hy = geometry.header_baseline
        _draw_string(c, SANS_FONT, HEADER_SIZE, lx0, hy, f"Column {left}{suffix}")
        _draw_string(c, SANS_FONT, HEADER_SIZE, lx1, hy, date_text, "right")
        _draw_string(c, SANS_FONT, HEADER_SIZE, rx0, hy, header_title)
        _draw_string(c, SANS_FONT, HEADER_SIZE, rx1, hy, f"Column {left + 1}{suffix}", "right")
        c.setLineWidth(0.4)
        c.line(lx0, geometry.rule_y, rx1, geometry.rule_y)
        order = (1, 0) if right_column_first else (0, 1)
        for col in order:
            _draw_lines(c, page[col])
        fy = geometry.footer_baseline
        _draw_string(c, SANS_FONT, HEADER_SIZE, lx0, fy, sitting)
        _draw_string(c, SANS_FONT, HEADER_SIZE, rx1, fy, f"Page {pages}", "right")
        c.showPage()
    if pages == 0:
        c.showPage()
        pages = 1
    c.save()
    return pages


# ---------------------------------------------------------------------------------------------
# reports


def _coerce_section(section) -> Section:
    if isinstance(section, Section):
        return section
    if isinstance(section, Mapping):
        return Section(str(section["heading"]), tuple(section.get("paragraphs", ())))
    heading, paragraphs = section
    return Section(str(heading), tuple(paragraphs))


def _is_numeric(cell: str) -> bool:
    stripped = cell.strip().lstrip("£€$").rstrip("%m ").replace(",", "").replace(".", "")
    stripped = stripped.replace("million", "").replace("bn", "").strip()
    return bool(stripped) and stripped.lstrip("-–").isdigit()


def _layout_table(
    rows: Sequence[Sequence[str]], width: float, measure: _Measure
) -> tuple[list[float], list[tuple[float, list[list[_Line]]]]]:
    """Column widths and, per row, its height and each cell's wrapped lines."""
    n = max(len(r) for r in rows)
    rows = [list(map(str, r)) + [""] * (n - len(r)) for r in rows]
    natural = [
        max(measure(r[j], SANS_BOLD_FONT if i == 0 else SANS_FONT, TABLE_SIZE) for i, r in enumerate(rows))
        + 2 * TABLE_PADDING
        for j in range(n)
    ]
    total = sum(natural)
    if total <= width:
        widths = [w * width / total for w in natural]
    else:
        # shrink only the wide columns, so short numeric columns stay on one line
        fair = width / n
        narrow = [w for w in natural if w <= fair]
        spare = width - sum(narrow)
        wide_total = sum(w for w in natural if w > fair)
        widths = [w if w <= fair else w * spare / wide_total for w in natural]
    laid: list[tuple[float, list[list[_Line]]]] = []
    leading = TABLE_SIZE + 2.5
    for i, row in enumerate(rows):
        font = SANS_BOLD_FONT if i == 0 else SANS_FONT
        cells = []
        for j, cell in enumerate(row):
            align = "right" if i > 0 and _is_numeric(cell) else "left"
            cells.append(
                _wrap(_words(cell, font), TABLE_SIZE, widths[j] - 2 * TABLE_PADDING, measure,
                      align=align, leading=leading)
            )
        height = max(len(lines) for lines in cells) * leading + 2 * TABLE_PADDING
        laid.append((height, cells))
    return widths, laid


def write_report(
    path,
    *,
    date: datetime.date,
    title: str,
    organisation: str,
    sections: Sequence,
    table: Sequence[Sequence[str]] | None = None,
    seed: int = 0,
    table_caption: str = "",
    table_after: int | None = None,
    short_title: str | None = None,
    hyphenate: bool = False,
) -> int:
    """Write a one-column report PDF and return its number of pages.

    sections are Section objects, dicts {"heading", "paragraphs"} or (heading,
    paragraphs) pairs. table is a list of rows, the first row the column
    headings; it goes after section table_after (default: the middle one) and
    never splits across pages. seed picks hyphenation when hyphenate is on.
    """
    geometry = REPORT_GEOMETRY
    measure = _Measure()
    rng = random.Random(seed)
    sections = [_coerce_section(s) for s in sections]
    x0, x1 = geometry.columns[0]
    width = x1 - x0
    short = short_title or title
    date_text = format_date(date)

    # blocks: ("lines", lines, gap, keep) or ("table", caption lines, widths, rows, gap)
    blocks: list[tuple] = []
    cover = []
    cover += _wrap(_words(organisation, SANS_BOLD_FONT), 11.0, width, measure, leading=15.0)
    cover_title = _wrap(_words(title, SANS_BOLD_FONT), 20.0, width, measure, leading=25.0)
    blocks.append(("lines", cover, 0.0, len(cover)))
    blocks.append(("lines", cover_title, 14.0, len(cover_title)))
    published = _wrap(_words(f"Published: {date_text}", SANS_FONT), 10.5, width, measure,
                      leading=14.0)
    blocks.append(("lines", published, 8.0, 1))
    blocks.append(("rule", 12.0))
    if table_after is None:
        table_after = max(0, (len(sections) - 1) // 2)
    for index, section in enumerate(sections):
        heading = _wrap(_words(section.heading, SANS_BOLD_FONT), 12.5, width, measure,
                        leading=16.0)
        blocks.append(("lines", heading, 12.0, len(heading) + 2))
        for para in section.paragraphs:
            lines = _wrap(_words(para, BODY_FONT), REPORT_BODY_SIZE, width, measure,
                          hyphenate=hyphenate, rng=rng, leading=REPORT_LEADING)
            if lines:
                blocks.append(("lines", lines, 4.0 if para is section.paragraphs[0] else
                               REPORT_PARAGRAPH_GAP, 2))
        if table and index == table_after:
            caption = _wrap(_words(table_caption, SANS_BOLD_FONT), 9.5, width, measure,
                            leading=13.0) if table_caption else []
            widths, rows = _layout_table(table, width, measure)
            blocks.append(("table", caption, widths, rows, 12.0))

    # pass 1: place everything on pages (the footer needs the page count)
    pages: list[list[tuple]] = [[]]
    top, bottom = geometry.body_top, geometry.body_bottom
    y = top
    at_top = True

    def new_page() -> None:
        nonlocal y, at_top
        pages.append([])
        y, at_top = top, True

    for block in blocks:
        kind = block[0]
        if kind == "rule":
            y -= block[1] / 2
            pages[-1].append(("rule", y))
            continue
        if kind == "table":
            _, caption, widths, rows, gap = block
            height = sum(h for h, _ in rows) + sum(line[3] for line in caption) + 4
            if not at_top and y - gap - height < bottom - 10:
                new_page()
            if height > top - bottom + 10:
                raise ValueError("table taller than a page: split it into smaller tables")
            if not at_top:
                y -= gap
            for line in caption:
                y -= 0 if at_top else line[3]
                pages[-1].append(("line", x0, y, line))
                at_top = False
            pages[-1].append(("table", x0, y - 6, widths, rows))
            y -= 6 + sum(h for h, _ in rows) + REPORT_LEADING
            at_top = False
            continue
        _, lines, gap, keep = block
        if not lines:
            continue
        if not at_top and not _fits(y, lines, keep, gap, bottom):
            new_page()
        if not at_top:
            y -= gap
        for line in lines:
            if not at_top:
                y -= line[3]
            if y < bottom:
                new_page()
            pages[-1].append(("line", x0, y, line))
            at_top = False

    # pass 2: draw
    c = _new_canvas(path, title, f"{organisation}, published {date_text}")
    total = len(pages)
    for number, ops in enumerate(pages, start=1):
        _draw_string(c, SANS_FONT, HEADER_SIZE, x0, geometry.header_baseline, organisation)
        _draw_string(c, SANS_FONT, HEADER_SIZE, x1, geometry.header_baseline,
                     _fit_words(short, SANS_FONT, HEADER_SIZE,
                                width - measure(organisation, SANS_FONT, HEADER_SIZE) - 24,
                                measure), "right")
        c.setLineWidth(0.4)
        c.line(x0, geometry.rule_y, x1, geometry.rule_y)
        placed = [(op[1], op[2], op[3]) for op in ops if op[0] == "line"]
        _draw_lines(c, placed)
        for op in ops:
            if op[0] == "rule":
                c.setLineWidth(0.8)
                c.line(x0, op[1], x1, op[1])
            elif op[0] == "table":
                _draw_table(c, op[1], op[2], op[3], op[4])
        _draw_string(c, SANS_FONT, HEADER_SIZE, (x0 + x1) / 2, geometry.footer_baseline,
                     f"Page {number} of {total}", "centre")
        c.showPage()
    c.save()
    return total


def _draw_table(c, x0: float, top: float, widths: list[float], rows) -> None:
    """Draw a grid table whose top edge is at top."""
    right = x0 + sum(widths)
    y = top
    c.setLineWidth(0.5)
    header_height = rows[0][0]
    c.setFillGray(0.9)
    c.rect(x0, y - header_height, sum(widths), header_height, stroke=0, fill=1)
    c.setFillGray(0)
    c.line(x0, y, right, y)
    placed = []
    for height, cells in rows:
        x = x0
        for j, lines in enumerate(cells):
            baseline = y - TABLE_PADDING - TABLE_SIZE
            for line in lines:
                placed.append((x + TABLE_PADDING, baseline, line))
                baseline -= line[3]
            x += widths[j]
        y -= height
        c.line(x0, y, right, y)
    x = x0
    for w in [0.0] + widths:
        x += w
        c.line(x, top, x, y)
    _draw_lines(c, placed)


# ---------------------------------------------------------------------------------------------
# small special PDFs for tests


def write_pages(
    path,
    pages: Sequence[Sequence[str]],
    *,
    font: str = SANS_FONT,
    size: float = 11.0,
    leading: float | None = None,
    margin: float = 72.0,
    title: str = "policylens test document",
) -> int:
    """Write each page's lines top-down at the left margin, unwrapped; return the page count."""
    c = _new_canvas(path, title, "test document")
    lead = leading or size * 1.25
    for lines in pages:
        y = A4_HEIGHT - margin
        if lines:
            text = c.beginText(margin, y)
            text.setFont(font, size, lead)
            for line in lines:
                text.textLine(line)
            c.drawText(text)
        c.showPage()
    c.save()
    return len(pages)


def write_columns(
    path,
    pages: Sequence[tuple[Sequence[str], Sequence[str]]],
    *,
    header: tuple[str, str] | None = None,
    footer: str | None = None,
    right_column_first: bool = False,
    title: str = "policylens test document",
) -> int:
    """Write pages of (left lines, right lines) in the Hansard column geometry, unwrapped.

    header, when given, is (left text, right text) drawn over the columns like the Hansard
    header; footer is drawn at the bottom left. Returns the page count.
    """
    geometry = HANSARD_GEOMETRY
    c = _new_canvas(path, title, "test document")
    (lx0, _), (rx0, rx1) = geometry.columns
    for number, (left, right) in enumerate(pages, start=1):
        if header:
            _draw_string(c, SANS_FONT, HEADER_SIZE, lx0, geometry.header_baseline, header[0])
            _draw_string(c, SANS_FONT, HEADER_SIZE, rx1, geometry.header_baseline, header[1],
                         "right")
            c.setLineWidth(0.4)
            c.line(lx0, geometry.rule_y, rx1, geometry.rule_y)
        columns = [(lx0, left), (rx0, right)]
        if right_column_first:
            columns.reverse()
        for x, lines in columns:
            placed = []
            y = geometry.body_top
            for line in lines:
                placed.append((x, y, (0.0, ((BODY_FONT, HANSARD_BODY_SIZE, line),), 0.0,
                                      HANSARD_LEADING)))
                y -= HANSARD_LEADING
            _draw_lines(c, placed)
        if footer:
            _draw_string(c, SANS_FONT, HEADER_SIZE, lx0, geometry.footer_baseline,
                         footer.replace("{page}", str(number)))
        c.showPage()
    c.save()
    return len(pages)


# ---------------------------------------------------------------------------------------------
# transcripts of other parliaments: one column, each with its own speaker-label style


def write_transcript(
    path,
    *,
    items: Iterable,
    title: str,
    cover_lines: Sequence[str] = (),
    label_end: str = ":",
    bold_labels: bool = True,
    upper_headings: bool = True,
    running_head: str | None = None,
) -> int:
    """Write a one-column debate transcript and return its number of pages.

    items are Heading/Speech objects (or dicts, as for write_hansard). A speech opens with its
    speaker label followed by label_end (":" in most parliaments, "." in the Congressional
    Record), in bold when bold_labels; the text runs on after it on the same line. Headings are
    centred, in capitals when upper_headings, in bold but for level 3 (roman). cover_lines are printed centred on page 1 before
    the items; running_head, when given, is printed at the top of every page with its number.
    """
    geometry = REPORT_GEOMETRY
    measure = _Measure()
    x0, x1 = geometry.columns[0]
    width = x1 - x0
    size, leading = HANSARD_BODY_SIZE, HANSARD_LEADING
    blocks: list[tuple[list[_Line], float, int]] = []
    for text in cover_lines:
        blocks.append((_wrap(_words(text, BOLD_FONT), 11.0, width, measure, align="centre",
                             leading=14.0), 4.0, 1))
    for raw in items:
        item = _coerce_item(raw)
        if isinstance(item, Heading):
            text = item.text.upper() if upper_headings else item.text
            # level 3: a plain centred line in roman, as the Congressional Record and the Lok
            # Sabha set their section headings ("EXECUTIVE COMMUNICATIONS, ETC.")
            font = BODY_FONT if item.level >= 3 else BOLD_FONT
            lines = _wrap(_words(text, font), size, width, measure, align="centre",
                          leading=leading)
            blocks.append((lines, 10.0, len(lines) + 2))
            continue
        for i, para in enumerate(p for p in item.paragraphs if p.strip()):
            tokens = _words(para, BODY_FONT)
            if i == 0 and item.speaker:
                label = _words(item.speaker + label_end, BOLD_FONT if bold_labels else BODY_FONT)
                tokens = label + tokens
            lines = _wrap(tokens, size, width, measure, first_indent=HANSARD_INDENT,
                          leading=leading)
            blocks.append((lines, HANSARD_TURN_GAP if i == 0 else HANSARD_PARAGRAPH_GAP, 1))

    c = _new_canvas(path, title, title)
    pages = 0
    placed: list[tuple[float, float, _Line]] = []
    y, at_top = geometry.body_top, True

    def finish_page() -> None:
        nonlocal pages, placed, y, at_top
        pages += 1
        if running_head:
            _draw_string(c, SANS_FONT, HEADER_SIZE, x0, geometry.header_baseline, running_head)
            _draw_string(c, SANS_FONT, HEADER_SIZE, x1, geometry.header_baseline, str(pages),
                         "right")
        _draw_lines(c, placed)
        c.showPage()
        placed, y, at_top = [], geometry.body_top, True

    for lines, gap, keep in blocks:
        if not lines:
            continue
        if not at_top and not _fits(y, lines, keep, gap, geometry.body_bottom):
            finish_page()
        if not at_top:
            y -= gap
        for line in lines:
            if not at_top:
                y -= line[3]
            if y < geometry.body_bottom:
                finish_page()
            placed.append((x0, y, line))
            at_top = False
    if placed or pages == 0:
        finish_page()
    c.save()
    return pages


def write_congressional_record(path, *, date: datetime.date, items: Iterable) -> int:
    """US Congressional Record style: "Mr. DOE." / "The PRESIDING OFFICER." in roman type."""
    day = f"{date:%A}, {date:%B} {date.day}, {date.year}"
    return write_transcript(path, items=items, title="Congressional Record", label_end=".",
                            bold_labels=False, cover_lines=("Congressional Record", day),
                            running_head=f"CONGRESSIONAL RECORD — SENATE {day}")


def write_oireachtas(path, *, date: datetime.date, items: Iterable) -> int:
    """Oireachtas style: "Senator Jane Doe:" / "An Cathaoirleach:" in bold."""
    return write_transcript(path, items=items, title="Seanad Éireann", upper_headings=False,
                            cover_lines=("Seanad Éireann", f"{date:%A}, {format_date(date)}"))


def write_lok_sabha(path, *, date: datetime.date, items: Iterable) -> int:
    """Lok Sabha style: "SHRI JOHN DOE (SEAT):" / "HON. SPEAKER:" in capitals."""
    return write_transcript(path, items=items, title="Lok Sabha Debates",
                            cover_lines=("LOK SABHA DEBATES", f"{date:%A}, {format_date(date)}"))


def write_committee_hansard(path, *, date: datetime.date, items: Iterable) -> int:
    """Australian committee Hansard style: "CHAIR:", "Senator DOE:", "Mr Doe:"."""
    return write_transcript(path, items=items, title="Committee Hansard",
                            cover_lines=("COMMITTEE HANSARD", format_date(date).upper()),
                            running_head=f"Committee Hansard {format_date(date)}")


def write_kenya_hansard(path, *, date: datetime.date, items: Iterable) -> int:
    """Kenya National Assembly style: "Hon. (Eng.) Doe:", "Hon. A. B Doe:"."""
    return write_transcript(path, items=items, title="National Assembly Debates",
                            cover_lines=("NATIONAL ASSEMBLY", "OFFICIAL REPORT",
                                         f"{date:%A}, {format_date(date)}"))


def write_council_hansard(path, *, date: datetime.date, items: Iterable) -> int:
    """City council style: "Councillor Doe:", "Mayor Roe:", "Madam Speaker:"."""
    return write_transcript(path, items=items, title="Council Minutes",
                            cover_lines=("COUNCIL MINUTES", f"{date:%A}, {format_date(date)}"))


# ---------------------------------------------------------------------------------------------
# page geometry: lines placed where a test wants them (columns that share baselines, three
# columns, footers at varying heights, forms and glossaries)


@dataclass(frozen=True)
class Placed:
    """One line of text at x (left edge) and y (baseline, points from the page's top)."""

    x: float
    y: float
    text: str
    size: float = HANSARD_BODY_SIZE
    font: str = BODY_FONT


def text_width(text: str, size: float = HANSARD_BODY_SIZE, font: str = BODY_FONT) -> float:
    """The width in points of ``text`` set in ``font`` at ``size``."""
    _ensure_fonts()
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return stringWidth(text, font, size)


def write_placed(path, pages: Sequence[Sequence[Placed]], *,
                 title: str = "policylens test document") -> int:
    """Write each page's placed lines, each as its own text object; return the page count."""
    c = _new_canvas(path, title, "test document")
    for lines in pages:
        for ln in lines:
            _draw_string(c, ln.font, ln.size, ln.x, A4_HEIGHT - ln.y, ln.text)
        c.showPage()
    c.save()
    return len(pages)


def column_pages(columns_per_page: Sequence[Sequence[Sequence[str]]], *, left: float = 45.0,
                 right: float = A4_WIDTH - 45.0, gutter: float = 14.0, top: float = 80.0,
                 leading: float = HANSARD_LEADING, size: float = HANSARD_BODY_SIZE,
                 running_head: str | None = None, footer: str | None = None,
                 footer_y: float | Sequence[float] = A4_HEIGHT - 40.0) -> list[list[Placed]]:
    """Pages of n columns whose lines share baselines (the first line of every column on one
    y), with a running head across the top and a footer at a height that may vary by page.

    Each page is a sequence of columns, each a sequence of lines. ``{page}`` in the head or
    footer becomes the page number; ``footer_y`` may give one height per page.
    """
    pages = []
    for number, columns in enumerate(columns_per_page, start=1):
        n = len(columns)
        width = (right - left - gutter * (n - 1)) / n
        placed = []
        if running_head:
            placed.append(Placed(left, top - 2 * leading, running_head.format(page=number),
                                 HEADER_SIZE, SANS_FONT))
        for i, lines in enumerate(columns):
            x = left + i * (width + gutter)
            placed += [Placed(x, top + j * leading, line, size) for j, line in enumerate(lines)]
        if footer:
            y = footer_y if isinstance(footer_y, (int, float)) else footer_y[number - 1]
            placed.append(Placed(left, y, footer.format(page=number), HEADER_SIZE, SANS_FONT))
        pages.append(placed)
    return pages


def fill_column(words: Sequence[str], width: float, size: float = HANSARD_BODY_SIZE,
                font: str = BODY_FONT) -> list[str]:
    """Words set ragged-right into lines no wider than ``width`` points."""
    lines: list[str] = []
    line = ""
    for word in words:
        candidate = f"{line} {word}" if line else word
        if line and text_width(candidate, size, font) > width:
            lines.append(line)
            line = word
        else:
            line = candidate
    if line:
        lines.append(line)
    return lines


def write_table(path, rows: Sequence[Sequence[str]], *, widths: Sequence[float],
                left: float = 60.0, top: float = 90.0, size: float = 11.0,
                row_gap: float = 10.0, heading: str | None = None,
                title: str = "policylens test document") -> int:
    """One page of a table or form: each row's cells side by side, each cell's text wrapped
    to its column's width and top-aligned, rows a gap apart (as a form's boxes or a glossary's
    terms and definitions). Returns the page count."""
    leading = size * 1.25
    placed = []
    y = top
    if heading:
        placed.append(Placed(left, y, heading, size + 3, "Helvetica-Bold"))
        y += 2 * leading
    for row in rows:
        x, tallest = left, 1
        for cell, width in zip(row, widths):
            lines = fill_column(cell.split(), width - 12.0, size, SANS_FONT)
            placed += [Placed(x, y + j * leading, line, size, SANS_FONT)
                       for j, line in enumerate(lines)]
            tallest = max(tallest, len(lines))
            x += width
        y += tallest * leading + row_gap
    return write_placed(path, [placed], title=title)


# ---------------------------------------------------------------------------------------------
# text in a font without a Unicode map, among ordinary text

# A composite font (two-byte glyph ids, Identity-H) with no ToUnicode map and no embedded
# program, as subset fonts of scripts a producer could not map reach us: readers see glyph ids
# ("(cid:N)" in pdfminer; unmapped codes in PDFium), never the letters drawn.
_UNMAPPED_FONT = (b"<< /Type /Font /Subtype /Type0 /BaseFont /PLXYZZ+Unmapped "
                  b"/Encoding /Identity-H /DescendantFonts [%d 0 R] >>")
_UNMAPPED_CIDFONT = (b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /PLXYZZ+Unmapped "
                     b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
                     b"/FontDescriptor %d 0 R /DW 500 >>")
_UNMAPPED_DESCRIPTOR = (b"<< /Type /FontDescriptor /FontName /PLXYZZ+Unmapped /Flags 4 "
                        b"/FontBBox [0 0 500 700] /ItalicAngle 0 /Ascent 700 /Descent -200 "
                        b"/CapHeight 700 /StemV 80 >>")
UNMAPPED_GLYPH_BASE = 0x0900  # glyph ids drawn: this plus the letter's code


def write_unmapped_font(path, pages: Sequence[Sequence[tuple[str, bool]]]) -> int:
    """Write pages of (text, mapped) lines, one line each, top-down; return the page count.

    A mapped line is set in Helvetica; an unmapped one in a composite font without a Unicode
    map, its glyph ids far from any letter's code (as a Devanagari subset font's are), so no
    reader can turn it back into the text given. A page can hold both. The file is written
    directly (reportlab always writes a Unicode map), with a correct cross-reference table.
    """
    objects: list[bytes] = [b"", b"", b"", b"", b""]  # catalog, pages, 3 fonts: filled below
    objects[2] = (b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica "
                  b"/Encoding /WinAnsiEncoding >>")
    objects[3] = _UNMAPPED_FONT % 5
    objects[4] = _UNMAPPED_CIDFONT % 6
    objects.append(_UNMAPPED_DESCRIPTOR)
    return _write_two_font_pages(
        path, objects, pages,
        lambda text: "".join(f"{UNMAPPED_GLYPH_BASE + ord(ch):04X}" for ch in text))


# A composite font whose Unicode map gives each two-byte code's own character back (code U+0915
# draws a glyph mapped to "क"): text in any script, in the order the caller gives it.
_CHARACTER_FONT = (b"<< /Type /Font /Subtype /Type0 /BaseFont /PLXYZZ+Characters "
                   b"/Encoding /Identity-H /DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>")


def _character_cmap(text: str) -> bytes:
    """A ToUnicode CMap mapping each code of the text's 256-code blocks to its own character."""
    blocks = sorted({ord(ch) >> 8 for ch in text} | {0})
    ranges = b"".join(b"<%02X00> <%02XFF> <%02X00>\n" % (b, b, b) for b in blocks)
    body = (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
            b"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
            b"/CMapName /Adobe-Identity-UCS def /CMapType 2 def\n"
            b"1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
            b"%d beginbfrange\n%sendbfrange\nendcmap CMapName currentdict /CMap defineresource "
            b"pop end end" % (len(blocks), ranges))
    return b"<< /Length %d >>\nstream\n%s\nendstream" % (len(body), body)


def write_character_font(path, pages: Sequence[Sequence[tuple[str, bool]]]) -> int:
    """Write pages of (text, latin) lines, one line each, top-down; return the page count.

    A latin line is set in Helvetica; any other in a composite font whose Unicode map gives
    every character of the line back as it is, in the order given: Hindi as Unicode writes it
    ("कि"), or as a legacy Devanagari font's map gives it, in the order the glyphs are drawn
    (the vowel sign first: "िक", vowel signs apart). The file is written directly.
    """
    every = "".join(text for lines in pages for text, latin in lines if not latin)
    objects: list[bytes] = [b"", b"",
                            (b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica "
                             b"/Encoding /WinAnsiEncoding >>"),
                            _CHARACTER_FONT % (5, 7),
                            _UNMAPPED_CIDFONT.replace(b"Unmapped", b"Characters") % 6,
                            _UNMAPPED_DESCRIPTOR.replace(b"Unmapped", b"Characters"),
                            _character_cmap(every)]
    return _write_two_font_pages(path, objects, pages,
                                 lambda text: "".join(f"{ord(ch):04X}" for ch in text))


def _write_two_font_pages(path, objects: list[bytes], pages: Sequence[Sequence[tuple[str, bool]]],
                          codes: Callable[[str], str]) -> int:
    """Write pages of (text, plain) lines: a plain line in Helvetica (font 3), any other as the
    hex ``codes(text)`` in the composite font (font 4). ``objects`` holds the catalog and pages
    slots (filled here) and the fonts; returns the page count."""
    kids = []
    for lines in pages:
        ops = [b"BT 14 TL 72 770 Td"]
        for text, plain in lines:
            if plain:
                escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
                ops.append(b"/F1 11 Tf (%s) Tj T*" % escaped.encode("cp1252", "replace"))
            else:
                ops.append(b"/F2 11 Tf <%s> Tj T*" % codes(text).encode())
        ops.append(b"ET")
        content = b"\n".join(ops)
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content))
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
                       b"/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> >>" % len(objects))
        kids.append(len(objects))
    objects[0] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objects[1] = b"<< /Type /Pages /Count %d /Kids [%s] >>" % (
        len(kids), b" ".join(b"%d 0 R" % k for k in kids))
    with open(path, "wb") as fh:
        fh.write(pdf_bytes(objects))
    return len(pages)


def pdf_bytes(objects: list[bytes], root: int = 1, trailer_extra: bytes = b"") -> bytes:
    """A PDF file of objects numbered 1..n, with a correct cross-reference table."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    out += (b"trailer\n<< /Size %d /Root %d 0 R %s>>\nstartxref\n%d\n%%%%EOF\n"
            % (len(objects) + 1, root, trailer_extra, xref))
    return bytes(out)
