"""The fast reader: PDFium (C++, through pypdfium2) reads each page's text and boxes.

:class:`PdfiumReader` has the interface of :class:`~policylens.ingest.pdf.PdfReader` and yields
the same :class:`~policylens.ingest.pdf.PageData`, so one layout, cleaning and segmentation
code serves both engines. It is fast because it asks PDFium for a few boxes per line instead
of one per character: a "word" it yields is a run of words on one line in one font, a box the
layout code treats like any other. A line wider than half the page, where a column gap could
hide, is measured at each space (some producers draw both columns of a line with one text
operator) and cut word by word only where two words are far enough apart to be a gutter.

Pages it cannot lay out (turned text, pages PDFium fails on) are read with
pdfplumber instead, and the reader's ``notes`` say which. A file PDFium cannot open at all is
read with pdfplumber as a whole. PDFium is not thread-safe: a lock lets one thread of a process
use it at a time (Dask workers may run several threads).
"""

from __future__ import annotations

import ctypes
import functools
import itertools
import math
import re
import struct
import threading
from collections.abc import Iterator
from pathlib import Path

from ..defaults import DEFAULT_ENGINE, ENGINES
from ..errors import PdfError
from .clean import normalise_unicode
from .layout import MIN_GUTTER_WIDTH, TOUCHING, Word
from .pdf import (MAX_TURNED_SHARE, PageData, PdfInfo, PdfReader, _is_bold, _wrap, sniff,
                  unread_page, without_xref)

WIDE_SHARE = 0.5          # lines wider than this share of the page are measured word by word
RUN_GAP = MIN_GUTTER_WIDTH / 2  # points: words closer than this share a run (a gutter is wider)
SAME_LINE = 2.0           # points: runs whose baselines differ by less sit on one line
X_TOLERANCE = 1.5         # points: a wider gap between characters is a word space (as pdfplumber's)
MAX_ANGLE = 0.01          # radians: text turned further than this is not laid out here
FEW_CHARS = 50            # pages with fewer characters are checked for images (scans)
MAX_FORM_DEPTH = 8        # nesting of form objects searched for images
FONT_NAME_BYTES = 256
UNMAPPED_SAMPLE = 64      # one character in this many is checked for a missing Unicode map

_LOCK = threading.RLock()  # re-entrant: one thread may open two files
# A piece of a line: from a non-space to the last non-space before a line break. PDFium writes
# U+FFFE for a hyphen that ends a line and then runs on into the next line's text.
_PIECE = re.compile(r"[^\s\ufffe](?:[^\r\n\ufffe]*[^\s\ufffe])?\ufffe?")
_TOKEN = re.compile(r"[^\s\ufffe]+\ufffe?|\ufffe")
_BEYOND_ASCII = re.compile(r"[^\x00-\x7f]")
# The a, b, c, d of an FS_MATRIX (six floats), as its fields give them.
_MATRIX_ABCD = struct.Struct("4f").unpack_from
# Word(...) without the named tuple's Python-level __new__: a reader makes one per line.
_new_word = tuple.__new__
_PAGEOBJ_IMAGE = 3
_PAGEOBJ_FORM = 5


class _Unusable(Exception):
    """This page needs the pdfplumber reader; the message says why."""


def _fast(name: str, restype, *argtypes):
    """A private prototype of a PDFium function, for the calls made per line.

    Built from the same function pointer and class, so the calling convention is PDFium's.
    Without ``argtypes`` ctypes converts nothing: a call costs a third as much, and callers
    pass a ``c_void_p`` handle, Python ints for C ints and ``byref`` pointers only.
    """
    from pypdfium2 import raw

    fn = getattr(raw, name)
    proto = type(fn)(ctypes.cast(fn, ctypes.c_void_p).value)
    proto.restype = restype
    proto.argtypes = argtypes or None
    return proto


class _Api:
    """The PDFium calls made per line, bound once per process."""

    _instance: _Api | None = None

    def __init__(self) -> None:
        from pypdfium2 import raw

        self.raw = raw
        self.rect = raw.FS_RECTF()
        self.rect_ref = ctypes.byref(self.rect)
        self.x, self.y = ctypes.c_double(), ctypes.c_double()
        self.x_ref, self.y_ref = ctypes.byref(self.x), ctypes.byref(self.y)
        self.matrix = raw.FS_MATRIX()
        self.matrix_ref = ctypes.byref(self.matrix)
        self.descent = ctypes.c_float()
        self.descent_ref = ctypes.byref(self.descent)
        self.name = ctypes.create_string_buffer(FONT_NAME_BYTES)
        self.flags = ctypes.c_int()
        self.box = tuple(ctypes.c_float() for _ in range(4))
        self.box_refs = tuple(ctypes.byref(v) for v in self.box)
        self._text = (ctypes.c_ushort * 8192)()
        # (handle, index, ...) with no argument conversion: see _fast.
        self.loose_box = _fast("FPDFText_GetLooseCharBox", ctypes.c_int)
        self.origin = _fast("FPDFText_GetCharOrigin", ctypes.c_int)
        self.text_object = _fast("FPDFText_GetTextObject", ctypes.c_void_p)
        self.count_rects = _fast("FPDFText_CountRects", ctypes.c_int)
        self.char_matrix = _fast("FPDFText_GetMatrix", ctypes.c_int)
        self.font_size = _fast("FPDFText_GetFontSize", ctypes.c_double)
        self.map_error = _fast("FPDFText_HasUnicodeMapError", ctypes.c_int)
        # A text object's handle is a pointer: ctypes converts the int it is given as one.
        self.object_font = _fast("FPDFTextObj_GetFont", ctypes.c_void_p, ctypes.c_void_p)
        self.font_descent = _fast("FPDFFont_GetDescent", ctypes.c_int, ctypes.c_void_p,
                                  ctypes.c_float, ctypes.POINTER(ctypes.c_float))

    def text_buffer(self, units: int) -> ctypes.Array:
        """A buffer of at least ``units`` UTF-16 units, kept for the next page: a ctypes array
        type per page's length (each one created, then cached for good) cost 1% of a page."""
        if len(self._text) < units:
            self._text = (ctypes.c_ushort * max(units, 2 * len(self._text)))()
        return self._text

    @classmethod
    def get(cls) -> _Api:
        if cls._instance is None:
            cls._instance = cls()
        return cls._instance


def _address(handle) -> int:
    return ctypes.cast(handle, ctypes.c_void_p).value or 0


class _PageText:
    """One page's text and the PDFium lookups needed to turn it into runs.

    Boxes follow pdfminer's convention, so both engines give the layout the same geometry:
    x0 is the first character's origin, x1 the last one's advance, the bottom sits at the
    baseline plus the font's descent and the top one font size above it.
    """

    def __init__(self, api: _Api, textpage, left: float, top: float) -> None:
        self.api = api
        self.tp = textpage  # PDFium's FPDF_TEXTPAGE
        self.handle = ctypes.c_void_p(_address(textpage))
        self.left, self.top = left, top
        self.objects: dict[int, tuple[float, bool, float]] = {}
        self.turned_objects: set[int] = set()
        self.turned = 0  # characters of turned text left out
        # Font handles are looked up per page: PDFium may free a font with its page.
        self.fonts: dict[int, tuple[bool, float]] = {}
        self.object_calls = (api.char_matrix, api.matrix_ref, api.matrix, api.font_size,
                             api.object_font)
        n = api.raw.FPDFText_CountChars(textpage)
        if n < 0:
            raise _Unusable("PDFium could not read the page's text")
        self.text = self._read_text(n)

    def _read_text(self, n: int) -> str:
        if n == 0:
            return ""
        raw = self.api.raw
        buffer = self.api.text_buffer(n + 1)
        got = raw.FPDFText_GetText(self.tp, 0, n, buffer)
        # "replace" keeps one character per unit, so text offsets stay character indices.
        text = ctypes.string_at(buffer, 2 * max(0, got - 1)).decode("utf-16-le", "replace")
        if len(text) != n:  # PDFium left out or added characters: ask for each one
            text = "".join(chr(raw.FPDFText_GetUnicode(self.tp, i) or 0xFFFD)
                           for i in range(n))
        return self._mark_unmapped(text)

    def _mark_unmapped(self, text: str) -> str:
        """The text with U+FFFD for each character whose font has no Unicode map for it.

        PDFium gives such a character's raw code as if it were Unicode (Latin-1 letters amid
        Devanagari, or shifted ASCII letters). Asking about every character would cost a tenth
        of the page's time, so first one in UNMAPPED_SAMPLE is asked about (a font with no map
        at all shows in any of its characters) and the first of each character beyond ASCII
        (where fonts mapped in part go wrong); only when one is unmapped are all the others.
        """
        has_error, handle = self.api.map_error, self.handle
        step = UNMAPPED_SAMPLE
        # "1 in map(...)": the calls in C's loop, stopping at the first 1 (-1 is a failure).
        if 1 in map(functools.partial(has_error, handle), range(0, len(text), step)):
            suspects = range(len(text))
        elif text.isascii():
            return text
        else:
            # Where each character beyond ASCII first appears, in text order (found in C).
            firsts = sorted(map(text.index, set(_BEYOND_ASCII.findall(text))))
            if 1 not in map(functools.partial(has_error, handle), firsts):
                return text
            suspects = [m.start() for m in _BEYOND_ASCII.finditer(text)]
        chars = list(text)
        for i in suspects:
            if has_error(handle, i) == 1:
                chars[i] = "\ufffd"
        return "".join(chars)

    def n_objects(self, start: int, end: int) -> int:
        """How many runs of one text object the characters start..end-1 make."""
        return self.api.count_rects(self.handle, start, end - start)

    def object_runs(self, start: int, end: int) -> list[tuple[int, int, int]]:
        """(start, end, text object) of each run of characters drawn by one text object.

        Generated characters (spaces and line breaks PDFium adds) have object 0. Objects are
        found by bisection, which assumes each object's characters are contiguous; when the
        count disagrees with PDFium's own, every character is looked up.
        """
        lookup, handle = self.api.text_object, self.handle
        # Intervals (lo, hi, object at lo, object at hi), searched depth first, left first;
        # each cut comes with the object of the run it starts, so none is asked for twice.
        first_object = lookup(handle, start) or 0
        edges, objects = [start], [first_object]
        stack = [(start, end - 1, first_object, lookup(handle, end - 1) or 0)]
        while stack:
            lo, hi, first, last = stack.pop()
            if first == last:
                continue
            if hi - lo <= 1:
                edges.append(hi)
                objects.append(last)
                continue
            mid = (lo + hi) // 2
            middle = lookup(handle, mid) or 0
            stack.append((mid, hi, middle, last))
            stack.append((lo, mid, first, middle))
        edges.append(end)
        runs = list(zip(edges, edges[1:], objects))
        if sum(1 for r in runs if r[2]) < self.n_objects(start, end):
            objects = [lookup(handle, i) or 0 for i in range(start, end)]
            edges = [start] + [start + i for i in range(1, len(objects))
                               if objects[i] != objects[i - 1]] + [end]
            runs = [(a, b, objects[a - start]) for a, b in itertools.pairwise(edges)]
        return runs

    def object_font(self, obj: int, index: int) -> tuple[float, bool, float] | None:
        """(size in points, bold, descent) of text object ``obj``, which drew ``index``;
        None when the object's text is turned."""
        cached = self.objects.get(obj)
        if cached is not None:
            return cached
        if obj in self.turned_objects:
            return None
        # Called for every text object (often one per line): the PDFium calls and buffers
        # are bound once per page, and the matrix is read in one unpack.
        char_matrix, matrix_ref, matrix, font_size, font_of = self.object_calls
        handle = self.handle
        if char_matrix(handle, index, matrix_ref):
            a, b, c, d = _MATRIX_ABCD(matrix)
        else:
            a, b, c, d = 1.0, 0.0, 0.0, 1.0
        if a <= 0 or d <= 0 or ((b or c) and (abs(math.atan2(b, a)) > MAX_ANGLE
                                              or abs(math.atan2(c, d)) > MAX_ANGLE)):
            self.turned_objects.add(obj)
            return None
        # The size PDFium reports leaves out the text and page matrices; pdfplumber's does not.
        size = font_size(handle, index) * (d if not c else math.hypot(c, d))
        font = (font_of(obj) or 0) if obj else 0
        traits = self.fonts.get(font) or self._font_traits(font, index)
        value = (round(size, 1), traits[0], traits[1] * size)
        self.objects[obj] = value
        return value

    def _font_traits(self, font: int, index: int) -> tuple[bool, float]:
        """(bold, descent per point of size) of a font, by its name and metrics."""
        api = self.api
        api.name.value = b""
        api.raw.FPDFText_GetFontInfo(self.tp, index, api.name, FONT_NAME_BYTES,
                                     ctypes.byref(api.flags))
        bold = _is_bold(api.name.value.decode("latin-1"))
        descent = 0.0
        if font and api.font_descent(font, 1.0, api.descent_ref):
            descent = min(0.0, api.descent.value)
        self.fonts[font] = (bold, descent)
        return bold, descent


def _clean(text: str) -> str:
    if text.isascii() and text.isprintable():
        return text if "  " not in text else " ".join(text.split())
    text = text.replace("\ufffe", "-")
    if text.isascii() and text.isprintable():
        return " ".join(text.split())
    return " ".join(normalise_unicode(text).split())


def _page_words(pt: _PageText, width: float) -> list[Word]:
    """Runs of words in one font on one line, with their boxes, in the page's text order."""
    api, handle, left, top = pt.api, pt.handle, pt.left, pt.top
    origin, x_ref, y_ref, x, y = api.origin, api.x_ref, api.y_ref, api.x, api.y
    loose_box, rect_ref, rect = api.loose_box, api.rect_ref, api.rect
    text_object, object_font, objects = api.text_object, pt.object_font, pt.objects
    count_rects = api.count_rects
    widest = WIDE_SHARE * width
    words: list[Word] = []
    append = words.append
    for piece in _PIECE.finditer(pt.text):
        start, end = piece.span()
        origin(handle, start, x_ref, y_ref)
        x0, baseline = x.value - left, top - y.value
        loose_box(handle, end - 1, rect_ref)
        x1 = rect.right - left
        # One line (the first character's baseline inside the last one's box), narrower than
        # a column gap could hide in, drawn by one text object: one run. A text object's
        # characters are consecutive in PDFium's text, so one object at both ends is one
        # throughout (generated spaces between them belong to none); PDFium may reorder
        # right-to-left text, so beyond ASCII it counts the objects' rectangles instead.
        if x0 <= x1 and top - rect.top <= baseline <= top - rect.bottom:
            wide = x1 - x0 > widest
            obj = text_object(handle, start) or 0
            group = piece.group()
            if obj and (end - start == 1 or (
                    text_object(handle, end - 1) == obj if group.isascii()
                    else count_rects(handle, start, end - start) == 1)):
                # A wide line is one run only if no two of its words are a gutter apart.
                if wide:
                    x1 = _gapless(pt, start, end, x0, baseline)
                    if x1 is None:
                        _split_piece(pt, start, end, by_word=True, words=words)
                        continue
                font = objects.get(obj) or object_font(obj, start)
                if font is None:
                    pt.turned += end - start
                    continue
                size, bold, descent = font
                bottom = baseline - descent
                # Most lines are plain: _clean would hand them back as they are.
                text = group if (group.isascii() and group.isprintable()
                                 and "  " not in group) else _clean(group)
                if text:  # invisible characters (zero-width spaces) clean away
                    append(_new_word(Word, (text, x0, x1, bottom - size, bottom, size, bold)))
                continue
            _split_piece(pt, start, end, by_word=wide, words=words)
        else:
            _split_piece(pt, start, end, by_word=True, words=words)
    return words


def _gapless(pt: _PageText, start: int, end: int, x0: float, baseline: float) -> float | None:
    """The right edge of a one-object piece whose words all follow on one baseline closer
    than a gutter, or None when some do not (the piece is then measured word by word).

    Measures at each space what :func:`_split_piece` would, and decides as it would: same
    baseline, left to right, a gap under RUN_GAP. Only the words' ends are needed, so it
    makes two PDFium calls a word and no runs.
    """
    api, handle, left, top = pt.api, pt.handle, pt.left, pt.top
    origin, x_ref, y_ref, x, y = api.origin, api.x_ref, api.y_ref, api.x, api.y
    loose_box, rect_ref, rect = api.loose_box, api.rect_ref, api.rect
    right = -math.inf
    previous_end = None
    for token in _TOKEN.finditer(pt.text, start, end):
        s, e = token.span()
        if previous_end is not None:
            origin(handle, s, x_ref, y_ref)
            word_x0 = x.value - left
            if (abs(top - y.value - baseline) >= SAME_LINE or word_x0 < x0
                    or word_x0 - right >= RUN_GAP):
                return None
        loose_box(handle, e - 1, rect_ref)
        end_x = rect.right - left
        right = end_x if end_x > right else right
        previous_end = e
    return right


def _split_piece(pt: _PageText, start: int, end: int, by_word: bool, words: list[Word]) -> None:
    """Measure a piece object by object (or word by word where a gutter could hide in it),
    then join neighbours in one font on one baseline that are closer than a gutter."""
    text, handle, left, top, object_font = pt.text, pt.handle, pt.left, pt.top, pt.object_font
    api = pt.api
    origin, x_ref, y_ref, x, y = api.origin, api.x_ref, api.y_ref, api.x, api.y
    loose_box, rect_ref, rect = api.loose_box, api.rect_ref, api.rect
    run: list = []  # text, x0, x1, baseline, size, bold, descent, end index, object
    for a, b, obj in pt.object_runs(start, end):
        if not obj:
            continue  # spaces and line breaks PDFium added
        spans = [m.span() for m in _TOKEN.finditer(text, a, b)] if by_word else [
            _trim(text, a, b)]
        font = None
        for s, e in spans:
            if s >= e:
                continue
            font = font or object_font(obj, s)
            if font is None:
                pt.turned += b - a
                break
            size, bold, descent = font
            origin(handle, s, x_ref, y_ref)
            x0, baseline = x.value - left, top - y.value
            loose_box(handle, e - 1, rect_ref)
            x1 = rect.right - left
            if run and size == run[4] and bold == run[5] and abs(baseline - run[3]) < SAME_LINE and (
                run[1] <= x0 and x0 - run[2] < RUN_GAP
            ):
                gap = x0 - run[2]
                # A space in the text between them, or a gap wider than a kerned pair. PDFium
                # drops a space drawn over the next object's first letter, so between objects
                # a visible gap is a word space (the layout's rule for separate words).
                spaced = run[7] < s or gap > X_TOLERANCE or (
                    obj != run[8] and gap >= TOUCHING * size)
                run[0] += (" " if spaced else "") + text[s:e]
                run[2], run[7], run[8] = max(run[2], x1), e, obj
                continue
            if run:
                _add_word(words, run)
            run = [text[s:e], x0, x1, baseline, size, bold, descent, e, obj]
    if run:
        _add_word(words, run)


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def _add_word(words: list[Word], run: list) -> None:
    """Append a run as a word; invisible characters (zero-width spaces) clean away to none."""
    text, x0, x1, baseline, size, bold, descent = _clean(run[0]), *run[1:7]
    if text:
        bottom = baseline - descent
        words.append(Word(text, x0, max(x0, x1), bottom - size, bottom, size, bool(bold)))


def _count_images(api: _Api, container, is_form: bool = False, depth: int = 0) -> int:
    """Image objects on a page, looking inside form objects (as pdfminer flattens them)."""
    raw = api.raw
    count = (raw.FPDFFormObj_CountObjects if is_form else raw.FPDFPage_CountObjects)(container)
    n = 0
    for i in range(max(0, count)):
        obj = (raw.FPDFFormObj_GetObject if is_form else raw.FPDFPage_GetObject)(container, i)
        kind = raw.FPDFPageObj_GetType(obj)
        if kind == _PAGEOBJ_IMAGE:
            n += 1
        elif kind == _PAGEOBJ_FORM and depth < MAX_FORM_DEPTH:
            n += _count_images(api, obj, True, depth + 1)
    return n


def _mediabox(api: _Api, page) -> tuple[float, float, float, float]:
    """The page's MediaBox (left, bottom, right, top); US Letter when it has none, as
    pypdfium2's ``get_mediabox`` gives it."""
    box = api.box
    if not api.raw.FPDFPage_GetMediaBox(page, *api.box_refs):
        return (0, 0, 612, 792)
    return tuple(v.value for v in box)


def _pdfium_error(exc: Exception) -> PdfError | None:
    """The PdfError for a PDFium failure to open, or None when pdfplumber may do better."""
    from pypdfium2 import raw

    code = getattr(exc, "err_code", None)
    if code == raw.FPDF_ERR_PASSWORD:
        return PdfError("encrypted", "the PDF is encrypted with a password",
                        "ask for an unencrypted copy or remove it from the batch")
    if code == raw.FPDF_ERR_SECURITY:
        return PdfError("encrypted", "the PDF uses an encryption scheme that cannot be read",
                        "ask for an unencrypted copy or remove it from the batch")
    if code == raw.FPDF_ERR_FILE:
        return PdfError("unreadable", "cannot open the file", "check the file's permissions")
    return None


class PdfiumReader:
    """Read a PDF page by page with PDFium; pages it cannot lay out come from pdfplumber.

    Use as a context manager; iterate :meth:`pages` once.
    """

    engine = "pdfium"

    def __init__(self, path: str | Path, password: str = "") -> None:
        self.path = Path(path)
        self.password = password
        self.notes = ""
        self._doc = None
        self._plumber: PdfReader | None = None
        self._delegate = False
        self._fallback: list[tuple[int, str]] = []
        self._locked = False

    def __enter__(self) -> PdfiumReader:
        import pypdfium2 as pdfium

        sniff(self.path)
        _LOCK.acquire()
        self._locked = True
        try:
            self._doc = pdfium.PdfDocument(str(self.path), password=self.password or None)
            self.info = PdfInfo(len(self._doc), self._metadata())
        except pdfium.PdfiumError as exc:
            error = _pdfium_error(exc)
            if error is not None:
                self.close()
                raise error from exc
            try:  # a damaged file: the objects found by scanning it, with a trailer made up
                self._close_doc()
                self._doc = pdfium.PdfDocument(without_xref(self.path),
                                               password=self.password or None)
                self.info = PdfInfo(len(self._doc), self._metadata())
                self.notes = "repaired: its cross-reference table was rebuilt"
            except Exception:  # any failure here sends the file to pdfminer
                # PDFium gave up on it; pdfminer sometimes reads what is left.
                self.close()
                self._open_plumber()
                self._delegate = True
                self.engine = "pdfplumber"
                self.notes = f"read with pdfplumber: PDFium could not open it ({exc})"
                self.info = self._plumber.info
        except PdfError:
            self.close()
            raise
        except Exception as exc:  # third-party errors become PdfError
            self.close()
            raise _wrap(exc) from exc
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _close_doc(self) -> None:
        if self._doc is not None:
            self._doc.close()
            self._doc = None

    def close(self) -> None:
        """Release the file (and the pdfplumber reader, if pages needed it)."""
        self._close_doc()
        if self._plumber is not None:
            self._plumber.close()
            self._plumber = None
        if self._locked:
            self._locked = False
            _LOCK.release()

    def _open_plumber(self) -> PdfReader:
        if self._plumber is None:
            self._plumber = PdfReader(self.path, self.password).__enter__()
        return self._plumber

    def _metadata(self) -> dict:
        out = {}
        for key, value in self._doc.get_metadata_dict(skip_empty=True).items():
            if isinstance(value, str):
                out[str(key)] = value
        return out

    def pages(self) -> Iterator[PageData]:
        """Each page's runs of words with font traits, in page order."""
        if self._delegate:
            yield from self._plumber.pages()
            return
        api = _Api.get()
        for number in range(1, len(self._doc) + 1):
            try:
                data = self._read_page(api, number)
            except _Unusable as why:
                self._fallback.append((number, str(why)))
                self._describe_fallback()
                data = self._read_with_plumber(number, str(why))
            yield data

    def _read_with_plumber(self, number: int, why: str) -> PageData:
        """The page as pdfplumber reads it; a page of a damaged file neither engine can read
        comes as an unread page, so the rest of the document is kept."""
        try:
            return self._open_plumber().read_page(number)
        except PdfError as exc:
            if exc.reason != "corrupt":
                raise
            return unread_page(number, f"PDFium: {why}; pdfminer: {exc.message}")

    def _read_page(self, api: _Api, number: int) -> PageData:
        # PDFium's own calls, not pypdfium2's page objects: their finalizers and bookkeeping
        # cost as much Python as a page's text. Each handle is closed here, before the next.
        raw = api.raw
        page = raw.FPDF_LoadPage(self._doc.raw, number - 1)
        if not page:
            raise _Unusable("PDFium could not load the page")
        try:
            # Boxes are in the page's own space, before any /Rotate: text drawn upright there
            # reads right here; text drawn turned (to look upright on a turned page) is
            # caught per text object.
            left, bottom, right, top = _mediabox(api, page)
            width, height = right - left, top - bottom
            textpage = raw.FPDFText_LoadPage(page)
            if not textpage:
                raise _Unusable("PDFium failed on the page (Failed to load text page.)")
            try:
                pt = _PageText(api, textpage, left, top)
                words = _page_words(pt, width)
                text = pt.text
                if pt.turned > MAX_TURNED_SHARE * len(text):
                    raise _Unusable("turned text")
            finally:
                raw.FPDFText_ClosePage(textpage)
            n_chars = len(text) - text.count(" ") - text.count("\r") - text.count("\n")
            n_images = _count_images(api, page) if n_chars < FEW_CHARS else 0
        finally:
            raw.FPDF_ClosePage(page)
        return PageData(number, width, height, words, n_chars, n_images)

    def _describe_fallback(self) -> None:
        reasons: dict[str, list[int]] = {}
        for number, why in self._fallback:
            reasons.setdefault(why, []).append(number)
        parts = [f"page{'s' if len(nums) > 1 else ''} {', '.join(map(str, nums))} ({why})"
                 for why, nums in reasons.items()]
        self.notes = "read with pdfplumber: " + "; ".join(parts)


def open_reader(path: str | Path, engine: str = DEFAULT_ENGINE, password: str = ""):
    """The reader for ``engine`` ("pdfium" or "pdfplumber"), not yet opened."""
    if engine == "pdfium":
        return PdfiumReader(path, password)
    if engine == "pdfplumber":
        return PdfReader(path, password)
    raise ValueError(f"unknown engine {engine!r}: choose one of {', '.join(ENGINES)}")
