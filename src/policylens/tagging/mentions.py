"""Mentions in the store as rows: a keyword-in-context view and a full export."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from policylens.store import Store

# Characters of context shown either side of a mention.
KWIC_WIDTH = 60
KWIC_COLUMNS = ("date", "source", "page", "label", "left", "mention", "right")
# csv and jsonl carry everything a researcher may filter or count on.
KWIC_FULL_COLUMNS = (
    "date", "source", "page", "label", "left", "mention", "right", "canonical", "amount",
    "currency", "kind", "speaker", "passage_id",
)
EXPORT_COLUMNS = (
    "passage_id", "doc_id", "date", "kind", "title", "path", "page", "speaker", "party",
    "label", "start", "end", "text", "canonical", "amount", "currency", "model_version",
)

_SPACE_RE = re.compile(r"\s+")
_DATE_RE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")


def check_date(value: str | None) -> str | None:
    """An ISO date or its prefix ("2020", "2020-06", "2020-06-30"); ValueError otherwise."""
    if value is None:
        return None
    import datetime

    value = value.strip()
    if not _DATE_RE.match(value):
        raise ValueError(f"{value!r} is not a date: write YYYY, YYYY-MM or YYYY-MM-DD")
    parts = [int(p) for p in value.split("-")] + [1, 1]
    try:
        datetime.date(parts[0], parts[1], parts[2])
    except ValueError as exc:
        raise ValueError(f"{value!r} is not a date: {exc}") from None
    return value


def _flat(text: str) -> str:
    return _SPACE_RE.sub(" ", text)


def kwic(text: str, start: int, end: int, width: int = KWIC_WIDTH) -> tuple[str, str, str]:
    """Left context, mention and right context, each on one line, contexts cut to ``width``."""
    left = _flat(text[max(0, start - width * 2): start])[-width:].strip()
    right = _flat(text[end: end + width * 2])[:width].strip()
    return left, _flat(text[start:end]), right


def kwic_rows(
    store: Store,
    *,
    label: str | None = None,
    since: str | None = None,
    until: str | None = None,
    kind: str | None = None,
    width: int = KWIC_WIDTH,
    limit: int | None = None,
) -> Iterator[dict]:
    """One keyword-in-context row per mention, in date and document order (the first
    ``limit`` when given)."""
    for row in store.iter_mentions(label=label, since=since, until=until, kind=kind,
                                   limit=limit):
        left, mention, right = kwic(row["text"], row["start"], row["end"], width)
        yield {
            "date": row["date"],
            "source": row["title"] or row["path"],
            "page": row["page"],
            "label": row["label"],
            "left": left,
            "mention": mention,
            "right": right,
            "canonical": row["canonical"],
            "amount": row["amount"],
            "currency": row["currency"],
            "kind": row["kind"],
            "speaker": row["speaker"],
            "passage_id": row["passage_id"],
        }


def mention_export_rows(
    store: Store,
    *,
    label: str | None = None,
    since: str | None = None,
    until: str | None = None,
    kind: str | None = None,
) -> Iterator[dict]:
    """Every mention with its offsets, normal forms and provenance (EXPORT_COLUMNS)."""
    for row in store.iter_mentions(label=label, since=since, until=until, kind=kind):
        # "text" is the mention's own text (the passage's is not exported).
        yield {c: row["mention" if c == "text" else c] for c in EXPORT_COLUMNS}
