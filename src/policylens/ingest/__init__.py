"""Ingest: PDFs in, documents, pages and passages in the store."""

from .batch import IngestSummary, find_pdfs, ingest_paths, require_pdfs
from .extract import extract_document, sha256_file

__all__ = ["IngestSummary", "extract_document", "find_pdfs", "ingest_paths", "require_pdfs", "sha256_file"]
