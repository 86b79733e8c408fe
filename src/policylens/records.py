"""Records passed between stages, each carrying its provenance."""

from __future__ import annotations

from dataclasses import dataclass, field


def make_doc_id(sha256: str) -> str:
    """The document id: the first 16 hex digits of the file's sha256 (stable across runs)."""
    return sha256[:16]


def make_passage_id(doc_id: str, seq: int) -> str:
    """The passage id: document id and the passage's order in the document."""
    return f"{doc_id}-{seq:04d}"


@dataclass(frozen=True)
class Passage:
    """A stretch of text (a speech or a paragraph group) with where it came from."""

    passage_id: str
    doc_id: str
    page: int
    seq: int
    text: str
    speaker: str | None = None
    party: str | None = None
    heading: str | None = None
    # Counted where the passage is made: a reading worker, not the process writing the store.
    n_words: int = field(default=-1, compare=False, repr=False)

    def __post_init__(self) -> None:
        if self.n_words < 0:
            object.__setattr__(self, "n_words", len(self.text.split()))


@dataclass(frozen=True, slots=True)
class PassageMeta:
    """A passage's provenance without its text: what trends and topic tables need.

    Slots, and strings shared between passages (the store interns them), keep a whole
    corpus's metadata small: no per-passage dicts.
    """

    passage_id: str
    doc_id: str
    page: int
    seq: int
    date: str | None
    kind: str
    speaker: str | None
    party: str | None
    n_words: int


@dataclass(frozen=True)
class Mention:
    """A tagged span in a passage: character offsets into the passage text."""

    passage_id: str
    label: str
    start: int
    end: int
    text: str
    canonical: str | None = None
    amount: float | None = None
    currency: str | None = None


@dataclass(frozen=True)
class DroppedPage:
    """Text of one page that was not kept, and why.

    ``reason`` is a short stable code: ``unmapped-font`` (the page's text is in fonts without
    a Unicode map, or with one that garbles it, so the whole page was left out),
    ``unmapped-text`` (runs of such text were left out, the rest of the page kept), ``damaged`` (no reader could read the page).
    """

    page: int
    reason: str
    detail: str


@dataclass(frozen=True)
class Document:
    """One ingested PDF with its date, kind and how each was found."""

    doc_id: str
    sha256: str
    path: str
    title: str
    date: str | None
    date_source: str | None
    kind: str
    n_pages: int
    engine: str = "pdfplumber"
    notes: str = ""
    pages: tuple[str, ...] = field(default=(), repr=False)
    partial: bool = False  # damaged: pages (or the file's end) could not be read
    dropped: tuple[DroppedPage, ...] = ()
