"""The metadata CSV (file, date, kind, title) that overrides what is found in the PDFs."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from .docinfo import KINDS, is_iso_date

METADATA_FILE = "metadata.csv"
REQUIRED_COLUMNS = ("file",)
MAX_METADATA_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True)
class MetaEntry:
    """What metadata.csv says about one file (empty fields are None)."""

    date: str | None = None
    kind: str | None = None
    title: str | None = None


def read_metadata(csv_path: str | Path) -> tuple[dict[Path, MetaEntry], list[str]]:
    """Read a metadata CSV: its entries, keyed by resolved paths inside the CSV's folder, and
    the rows it skipped, each as "file:line: what is wrong (hint)".

    A bad row (a date that is no date, an unknown kind, an empty or unusable file name) is
    skipped and reported, so the rest of the batch keeps its metadata; a file that is not a CSV
    at all raises InputError. Paths are relative to the CSV's folder and may not point outside
    it (a CSV from someone else must not make policylens read files elsewhere on the machine).
    """
    csv_path = Path(csv_path)
    root = csv_path.resolve().parent
    try:
        if csv_path.stat().st_size > MAX_METADATA_BYTES:
            raise InputError(f"{csv_path} is larger than 50 MB", "is this really a metadata CSV?")
        text = csv_path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{csv_path} is not UTF-8 text", "save the CSV as UTF-8") from exc
    except OSError as exc:
        raise InputError(f"cannot read {csv_path}: {exc.strerror}") from exc
    try:
        reader = csv.DictReader(text.splitlines())
        fields = [f.strip().lower() for f in (reader.fieldnames or [])]
        reader.fieldnames = fields
        if "file" not in fields:
            found = ", ".join(fields)[:200] or "none"
            raise InputError(f"{csv_path}: no 'file' column (found: {found})",
                             "the header must be: file,date,kind,title")
        entries: dict[Path, MetaEntry] = {}
        skipped: list[str] = []
        for line, row in enumerate(reader, start=2):
            try:
                entries.update(_entry(csv_path, root, line, row))
            except InputError as exc:
                skipped.append(f"{exc.message} ({exc.hint})" if exc.hint else exc.message)
    except csv.Error as exc:
        raise InputError(f"{csv_path}: not a valid CSV ({exc})") from exc
    return entries, skipped


def _entry(csv_path: Path, root: Path, line: int, row: dict) -> dict[Path, MetaEntry]:
    where = f"{csv_path}:{line}"
    name = (row.get("file") or "").strip()
    if not name:
        raise InputError(f"{where}: empty 'file' value", "give the PDF's path relative to the CSV")
    try:
        target = (root / name).resolve()
    except (ValueError, OSError) as exc:  # a NUL byte, a name too long for the system
        raise InputError(f"{where}: '{name[:100]}' is not a usable file name ({exc})",
                         "give the PDF's path relative to the CSV") from exc
    if not target.is_relative_to(root):
        raise InputError(f"{where}: '{name}' points outside {root}",
                         "metadata may only describe files in the CSV's own folder")
    date = (row.get("date") or "").strip() or None
    if date and not is_iso_date(date):
        raise InputError(f"{where}: date '{date[:40]}' is not an ISO date",
                         "write dates as YYYY-MM-DD, or YYYY-MM or YYYY when that is all "
                         "that is known")
    kind = (row.get("kind") or "").strip().lower() or None
    if kind and kind not in KINDS:
        raise InputError(f"{where}: kind '{kind}' is not one of {', '.join(KINDS)}",
                         "use one of the listed kinds or leave it empty")
    title = (row.get("title") or "").strip() or None
    return {target: MetaEntry(date, kind, title)}
