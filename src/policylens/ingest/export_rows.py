"""Documents and passages as export rows (`policylens export`), columns in a fixed,
documented order. Not PDF tables: nothing here reads a PDF."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping

from ..store import Store
from .readable import describe_dropped

PASSAGE_COLUMNS = ("passage_id", "doc_id", "path", "date", "kind", "title", "page", "seq",
                   "speaker", "party", "heading", "n_words", "text")
DOCUMENT_COLUMNS = ("doc_id", "path", "title", "date", "date_source", "kind", "n_pages",
                    "n_passages", "engine", "sha256", "notes", "partial", "dropped_pages")


def passage_export_rows(store: Store, *, kind: str | None = None, since: str | None = None,
                        until: str | None = None) -> Iterator[dict]:
    """Every passage (of documents of ``kind``, dated ``since``..``until``, when given) with its
    document's provenance, in date and document order."""
    for row in store.iter_passages(kind=kind, since=since, until=until):
        yield {c: row[c] for c in PASSAGE_COLUMNS}


def document_export_rows(store: Store) -> Iterator[dict]:
    """Every document with where its date came from, how many passages it gave, whether it
    is partial (damaged) and which pages were left out and why."""
    dropped = store.dropped_pages()
    for row in store.iter_documents():
        out = {c: row[c] for c in DOCUMENT_COLUMNS[:-2]}
        out["partial"] = bool(row["partial"])
        out["dropped_pages"] = describe_dropped(
            (d["page"], d["reason"]) for d in dropped.get(row["doc_id"], ()))
        yield out


def dropped_by_document(rows: Iterable[Mapping]) -> list[tuple[str, str]]:
    """(path, "pages 3-5 (unmapped-font)") for each document with pages left out, from rows
    with ``path``, ``page`` and ``reason`` in path and page order (``Store.status()``'s)."""
    by_path: dict[str, list[tuple[int, str]]] = {}
    for row in rows:
        by_path.setdefault(row["path"], []).append((row["page"], row["reason"]))
    return [(path, describe_dropped(pages)) for path, pages in by_path.items()]
