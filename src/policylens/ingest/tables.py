"""Rows for exporting documents and passages (columns in a fixed, documented order)."""

from __future__ import annotations

from collections.abc import Iterator

from ..store import Store

PASSAGE_COLUMNS = ("passage_id", "doc_id", "path", "date", "kind", "title", "page", "seq",
                   "speaker", "party", "heading", "n_words", "text")
DOCUMENT_COLUMNS = ("doc_id", "path", "title", "date", "date_source", "kind", "n_pages",
                    "n_passages", "engine", "sha256", "notes")


def passage_rows(store: Store) -> Iterator[dict]:
    """Every passage with its document's provenance, in date and document order."""
    for row in store.iter_passages():
        yield {c: row[c] for c in PASSAGE_COLUMNS}


def document_rows(store: Store) -> Iterator[dict]:
    """Every document with where its date came from and how many passages it gave."""
    for row in store.iter_documents():
        yield {c: row[c] for c in DOCUMENT_COLUMNS}
