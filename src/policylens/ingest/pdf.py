"""The one PDF reader: opens a file with pdfplumber and yields each page's words.

Third-party exceptions never leave this module: each becomes a :class:`PdfError` with a short
reason code (stored in the store) and a sentence a person understands.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import PdfError
from .clean import normalise_unicode
from .layout import Word

SNIFF_BYTES = 1024
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
    raw_text: str = ""


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
                        "split the file or raise the memory limit")
    return PdfError("corrupt", f"the PDF is damaged and cannot be parsed ({name}: {text[:160]})",
                    "download the file again; if it opens elsewhere, re-save it as PDF")


def _is_bold(fontname: str | None) -> bool:
    return bool(fontname and _BOLD.search(fontname))


class PdfReader:
    """Read a PDF page by page with pdfplumber, in bounded memory.

    Use as a context manager; iterate :meth:`pages` once.
    """

    engine = "pdfplumber"

    def __init__(self, path: str | Path, password: str = "") -> None:
        self.path = Path(path)
        self.password = password
        self._pdf = None

    def __enter__(self) -> PdfReader:
        import pdfplumber

        sniff(self.path)
        try:
            self._pdf = pdfplumber.open(self.path, password=self.password)
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
        if self._pdf is not None:
            self._pdf.close()
            self._pdf = None

    def _metadata(self) -> dict:
        out = {}
        for key, value in (self._pdf.metadata or {}).items():
            if isinstance(value, bytes):
                value = value.decode("utf-8", "replace")
            if isinstance(value, (str, int, float)):
                out[str(key)] = str(value)
        return out

    def pages(self) -> Iterator[PageData]:
        """Each page's words with font traits; the page's cache is freed after each."""
        for number, page in enumerate(self._pdf.pages, start=1):
            try:
                words = page.extract_words(
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
                data = PageData(number, float(page.width), float(page.height), out,
                                len(page.chars), len(page.images),
                                raw_text=" ".join(w.text for w in out[:400]))
            except PdfError:
                raise
            except Exception as exc:
                raise _wrap(exc) from exc
            finally:
                page.close()  # pdfplumber keeps every page's objects otherwise (~8 MB a page)
            yield data
