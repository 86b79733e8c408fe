"""The one PDF reader: opens a file with pdfplumber and yields each page's words.

Third-party exceptions never leave this module: each becomes a :class:`PdfError` with a short
reason code (stored in the store) and a sentence a person understands.
"""

from __future__ import annotations

import io
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import PdfError
from .clean import normalise_unicode
from .layout import Word

# pdfminer logs what it works around in fonts and damaged files ("Could not get FontBBox from
# font descriptor") as warnings, which Python prints on stderr when logging is not set up. A
# handler of its own keeps them off the terminal; --debug sets up logging and shows them.
logging.getLogger("pdfminer").addHandler(logging.NullHandler())

SNIFF_BYTES = 1024
HEAD_WORDS = 400  # words of a page kept for finding its date
# A little turned text (a printer's slug up the margin of the Congressional Record) is left
# out; a page with more (a table set sideways) is read with it, as it stands.
MAX_TURNED_SHARE = 0.05
EOF_WINDOW = 2048  # bytes at the end of a file searched for its %%EOF marker
_BOLD = re.compile(r"bold|black|heavy|semibold|demi|,b\b", re.I)

# Leading bytes of files that often arrive renamed as .pdf.
_SIGNATURES = (
    (b"<!doctype html", "an HTML page"), (b"<html", "an HTML page"), (b"PK\x03\x04", "a ZIP archive"),
    (b"\x89PNG", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"), (b"GIF8", "a GIF image"),
    (b"{\\rtf", "an RTF document"), (b"\xd0\xcf\x11\xe0", "an old Office document"),
    (b"<?xml", "an XML file"),
)


@dataclass
class PageData:
    """What a reader gives the layout step for one page."""

    number: int
    width: float
    height: float
    words: list[Word]
    n_chars: int
    n_images: int
    raw_text: str | None = None  # the page's first words as read; None: made from the boxes
    unread: str | None = None  # why no reader could read the page (it then has no words)

    def head(self, limit: int = HEAD_WORDS) -> str:
        """The page's first words line by line (for finding its date and kind)."""
        if self.raw_text is not None:
            return self.raw_text
        out: list[str] = []
        for w in sorted(self.words, key=lambda w: (round(w.top), w.x0)):
            out.extend(w.text.split())
            if len(out) >= limit:
                break
        return " ".join(out[:limit])


@dataclass
class PdfInfo:
    """Document-level facts from the PDF itself."""

    n_pages: int
    metadata: dict = field(default_factory=dict)


def sniff(path: Path) -> None:
    """Reject empty files and files that are not PDFs before any parser sees them."""
    try:
        size = path.stat().st_size
        with open(path, "rb") as fh:
            head = fh.read(SNIFF_BYTES)
    except OSError as exc:
        raise PdfError("unreadable", f"cannot read the file: {exc.strerror}",
                       "check the file's permissions") from exc
    if size == 0:
        raise PdfError("empty-file", "the file is empty (0 bytes)",
                       "download or copy it again")
    if b"%PDF-" not in head:
        lowered = head.lstrip().lower()
        what = next((name for sig, name in _SIGNATURES if lowered.startswith(sig.lower())),
                    "not a PDF")
        raise PdfError("not-pdf", f"the file is {what}, not a PDF (no %PDF header)",
                       "remove it from the batch or convert it to PDF")


def _wrap(exc: Exception) -> PdfError:
    """Map pdfminer/pdfplumber exceptions to a PdfError with a readable reason."""
    # pdfplumber wraps pdfminer's exceptions: look at the original.
    while exc.args and isinstance(exc.args[0], Exception):
        exc = exc.args[0]
    name = type(exc).__name__
    text = str(exc) or name
    if "Password" in name or "encrypt" in text.lower():
        return PdfError("encrypted", "the PDF is encrypted with a password",
                        "ask for an unencrypted copy or remove it from the batch")
    if isinstance(exc, MemoryError):
        return PdfError("too-large", "the PDF needs more memory than allowed",
                        "split the file, or raise --memory-limit if it is just large")
    return PdfError("corrupt", f"the PDF is damaged and cannot be parsed ({name}: {text[:160]})",
                    "download the file again; if it opens elsewhere, re-save it as PDF")


_CATALOG = re.compile(rb"(\d+)\s+(\d+)\s+obj\s*<<(?:(?!endobj).){0,2000}?/Type\s*/Catalog\b",
                      re.S)


def without_xref(path: Path) -> io.BytesIO:
    """The file with its startxref offset pointed past the end, so a reader rescans it.

    A file cut short has lost its trailer too: one naming the catalog (found by its /Type)
    takes the place of a trailer that is missing or names none, and the object the cut went
    through is left out (a reader scanning for objects stops at it, losing the pages before).
    """
    data = path.read_bytes()
    cut = data.rfind(b"startxref")
    head = data[:cut] if cut >= 0 else data
    last = head.rfind(b"endobj")
    if last >= 0 and b"%%EOF" not in data[-EOF_WINDOW:]:
        head = head[:last + len(b"endobj")]
    tail = b"\nstartxref\n%d\n%%%%EOF\n" % (len(data) + 1024)
    catalogs = _CATALOG.findall(data)
    trailer = head.rfind(b"trailer")
    if catalogs and (trailer < 0 or b"/Root" not in head[trailer:]):
        head = head[:trailer] if trailer >= 0 else head
        tail = b"\ntrailer\n<< /Root %s %s R >>" % catalogs[-1] + tail
    return io.BytesIO(head + tail)


def unread_page(number: int, why: str) -> PageData:
    """A page of a damaged file that no reader could read: no words, and why."""
    return PageData(number, 0.0, 0.0, [], 0, 0, raw_text="", unread=why)


def ends_early(path: Path) -> bool:
    """True when the file has no end-of-file marker near its end: it was cut short."""
    try:
        with open(path, "rb") as fh:
            fh.seek(max(0, path.stat().st_size - EOF_WINDOW))
            return b"%%EOF" not in fh.read()
    except OSError:
        return False


def _is_bold(fontname: str | None) -> bool:
    return bool(fontname and _BOLD.search(fontname))


class PdfReader:
    """Read a PDF page by page with pdfplumber, in bounded memory.

    Use as a context manager; iterate :meth:`pages` once.
    """

    engine = "pdfplumber"
    notes = ""  # what the document record should say about how it was read

    def __init__(self, path: str | Path, password: str = "") -> None:
        self.path = Path(path)
        self.password = password
        self._pdf = None

    def __enter__(self) -> PdfReader:
        import pdfplumber

        sniff(self.path)
        try:
            try:
                self._pdf = pdfplumber.open(self.path, password=self.password)
                if not self._pdf.pages:
                    raise ValueError("no pages found through the cross-reference table")
            except Exception as exc:
                if _wrap(exc).reason != "corrupt":
                    raise
                # A damaged cross-reference table: let pdfminer find every object by scanning
                # the file instead, as PDF viewers do when they repair a file.
                self.close()
                self._pdf = pdfplumber.open(without_xref(self.path), password=self.password)
            self.info = PdfInfo(len(self._pdf.pages), self._metadata())
        except PdfError:
            raise
        except Exception as exc:  # pdfminer raises many unrelated types for damaged files
            self.close()
            raise _wrap(exc) from exc
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Release the file."""
        pdf, self._pdf = self._pdf, None
        if pdf is None:
            return
        try:
            pdf.close()
        except Exception:  # pdfplumber walks the page tree to close: a damaged one fails again
            if not pdf.stream_is_external:
                pdf.stream.close()

    def _metadata(self) -> dict:
        out = {}
        for key, value in (self._pdf.metadata or {}).items():
            if isinstance(value, bytes):
                value = value.decode("utf-8", "replace")
            if isinstance(value, (str, int, float)):
                out[str(key)] = str(value)
        return out

    def pages(self) -> Iterator[PageData]:
        """Each page's words with font traits; the page's cache is freed after each.

        A page of a damaged file that cannot be read comes as :func:`unread_page`, so the
        pages that can be read are kept.
        """
        for number in range(1, len(self._pdf.pages) + 1):
            try:
                yield self.read_page(number)
            except PdfError as exc:
                if exc.reason != "corrupt":
                    raise
                yield unread_page(number, f"pdfminer: {exc.message}")

    def read_page(self, number: int) -> PageData:
        """One page (numbered from 1); the pdfium reader calls this for pages it cannot read."""
        if number > len(self._pdf.pages):  # PDFium may find pages pdfminer does not
            raise PdfError("corrupt", f"pdfminer finds no page {number} in the damaged file")
        page = self._pdf.pages[number - 1]
        try:
            n_chars = len(page.chars)
            turned = sum(1 for c in page.chars if not c.get("upright", True))
            upright = page
            if 0 < turned <= MAX_TURNED_SHARE * n_chars:
                upright = page.filter(lambda obj: obj.get("object_type") != "char"
                                      or obj.get("upright", True))
            words = upright.extract_words(
                x_tolerance=1.5, y_tolerance=2, keep_blank_chars=False,
                use_text_flow=False, extra_attrs=["fontname", "size"],
            )
            out = [
                Word(normalise_unicode(w["text"]), float(w["x0"]), float(w["x1"]),
                     float(w["top"]), float(w["bottom"]), round(float(w["size"]), 1),
                     _is_bold(w.get("fontname")))
                for w in words
            ]
            out = [w for w in out if w.text.strip()]
            return PageData(number, float(page.width), float(page.height), out,
                            n_chars, len(page.images),
                            raw_text=" ".join(w.text for w in out[:HEAD_WORDS]))
        except PdfError:
            raise
        except Exception as exc:
            raise _wrap(exc) from exc
        finally:
            try:
                page.close()  # pdfplumber keeps every page's objects otherwise (~8 MB a page)
            except Exception:  # a damaged page may fail again while closing
                pass  # pdfplumber keeps every page's objects otherwise (~8 MB a page)
