"""One PDF in, one document and its passages out: the work a worker does for each file."""

from __future__ import annotations

import hashlib
from collections import Counter
from pathlib import Path

from ..errors import PdfError
from ..records import Document, DroppedPage, Passage, make_doc_id
from .docinfo import (agrees, choose_date, cover_date, date_from_filename, date_from_pdf_metadata,
                      find_date, find_issue_date, guess_kind)
from .layout import build_blocks, order_page, strip_furniture
from .metadata import MetaEntry
from .pdf import ends_early
from .pdfium import DEFAULT_ENGINE, open_reader
from .readable import DAMAGED, is_unreadable, keep_readable
from .segment import count_turns, match_turns, segment

HASH_CHUNK = 1 << 20
MIN_CHARS_PER_PAGE = 5  # pages with fewer characters carry no text layer
EDGE_PAGES = 2  # pages at each end where a document states its own date
COVER_BLOCKS = 60  # a cover's date line comes among its first blocks


def sha256_file(path: str | Path) -> str:
    """The file's sha256, read in chunks."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(HASH_CHUNK), b""):
            h.update(chunk)
    return h.hexdigest()


def extract_document(
    path: str | Path, sha256: str, meta: MetaEntry | None = None,
    engine: str = DEFAULT_ENGINE,
) -> tuple[Document, list[Passage]]:
    """Read, lay out, clean and segment one PDF. Raises PdfError when it cannot be used."""
    path = Path(path)
    meta = meta or MetaEntry()
    doc_id = make_doc_id(sha256)
    with open_reader(path, engine) as reader:
        laid_out, raw_head, n_chars, n_images = [], [], 0, 0
        dropped: list[DroppedPage] = []
        garbled: set[str] = set()  # scripts whose text this document gives garbled
        cut_short = ends_early(path)
        for page in reader.pages():
            if page.unread:
                dropped.append(DroppedPage(page.number, DAMAGED, page.unread))
            elif cut_short and not page.n_chars and not page.n_images:
                # Blank pages are rare; in a file cut short, an empty page is one whose content
                # was in the part lost.
                dropped.append(DroppedPage(page.number, DAMAGED,
                                           "nothing of it is left: the file is cut short"))
            page, loss = keep_readable(page, garbled)
            if loss:
                dropped.append(loss)
            n_chars += page.n_chars
            n_images += page.n_images
            if page.number <= 2:
                raw_head.append(page.head())
            laid_out.append(order_page(page.number, page.words, page.width, page.height))
        info = reader.info
    if reader.info.n_pages == 0:
        raise PdfError("no-pages", "the PDF has no pages", "the file is probably damaged")
    damaged = [d.page for d in dropped if d.reason == DAMAGED]
    if len(damaged) == info.n_pages:
        raise PdfError("corrupt", f"the PDF is damaged: no page can be read ({dropped[0].detail})",
                       "download the file again; if it opens elsewhere, re-save it as PDF")
    if n_chars < MIN_CHARS_PER_PAGE * info.n_pages and n_chars < 50:
        if cut_short:
            raise PdfError("corrupt", "the file is cut short before the text of any page",
                           "download the file again")
        if n_images:
            raise PdfError("no-text-layer", "the pages are images with no text layer (scanned)",
                           "run OCR on it (e.g. ocrmypdf) and ingest the result")
        raise PdfError("no-text", "the PDF has no text on any page",
                       "check that it is the intended file")
    pages = strip_furniture(laid_out)
    all_text = " ".join([ln.text for p in pages for ln in p.lines])
    tokens = Counter(all_text.split())
    if not tokens or is_unreadable(tokens, all_text):
        raise PdfError("unreadable-text",
                       "the text layer is unreadable (fonts without a Unicode map give garbage)",
                       "run OCR on it (e.g. ocrmypdf --force-ocr) and ingest the result")
    vocabulary = {token.lower() for token in tokens}
    blocks = build_blocks(pages, vocabulary)
    turns = match_turns(blocks)  # once: segment and count_turns both need them
    passages = segment(doc_id, blocks, turns)
    by_page: dict[int, list[str]] = {}
    for block in blocks:  # one pass: a filter per page made long documents quadratic
        by_page.setdefault(block.page, []).append(block.text)
    page_texts = tuple("\n\n".join(by_page.get(p.number, ())) for p in pages)
    head = " ".join(raw_head)
    # A document dates itself on its cover or in a document-control table at either end;
    # headings everywhere are kept so a references section is known wherever it starts.
    edges = [(b.text, b.heading) for b in blocks
             if b.heading or b.page <= EDGE_PAGES or b.page > info.n_pages - EDGE_PAGES]
    printed = next(filter(None, map(find_date, raw_head)), None)
    cover = cover_date([(b.text, b.page) for b in blocks[:COVER_BLOCKS]])
    if cover and not (printed and agrees(cover, printed)):
        printed = cover  # the cover's date line, not a date its first pages cite
    date, source = choose_date(
        meta.date, labelled=find_issue_date(edges), printed=printed,
        file_name=date_from_filename(path.name), pdf=date_from_pdf_metadata(info.metadata))
    title = (meta.title or info.metadata.get("Title", "").strip()
             or next((b.text for b in blocks if b.heading), "") or path.stem)
    notes = "; ".join(filter(None, (
        reader.notes,
        "the file is cut short: its end is lost" if cut_short else "",
    )))
    doc = Document(
        doc_id=doc_id, sha256=sha256, path=str(path), title=title[:300],
        date=date, date_source=source,
        kind=meta.kind or guess_kind(head, count_turns(blocks, turns)), n_pages=info.n_pages,
        engine=reader.engine, notes=notes, pages=page_texts,
        partial=bool(damaged) or cut_short, dropped=tuple(dropped),
    )
    return doc, passages

