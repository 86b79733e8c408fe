"""The embedded SQLite store: the only module that knows the schema.

Every write that belongs together happens in one transaction, so a run killed at any moment
leaves either the whole document (or tagging batch) or none of it. Values always travel as
SQL parameters, never formatted into statements.
"""

from __future__ import annotations

import contextlib
import re
import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path

from .errors import StoreError
from .records import Document, Mention, Passage, PassageMeta

# Bump only for changes an older release cannot read. A table added to _SCHEMA (file_hashes,
# a cache) needs no bump: _migrate creates it in a store that lacks it, and older releases
# ignore it, so one store keeps working with both. The same holds for a column with a default
# added through _ADDED_COLUMNS (older releases name the columns they read and write).
SCHEMA_VERSION = 1
BUSY_TIMEOUT_MS = 30_000

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
    doc_id TEXT PRIMARY KEY,
    sha256 TEXT NOT NULL UNIQUE,
    path TEXT NOT NULL,
    title TEXT NOT NULL,
    date TEXT,
    date_source TEXT,
    kind TEXT NOT NULL,
    n_pages INTEGER NOT NULL,
    engine TEXT NOT NULL,
    notes TEXT NOT NULL DEFAULT '',
    partial INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS pages (
    doc_id TEXT NOT NULL REFERENCES documents(doc_id),
    page INTEGER NOT NULL,
    text TEXT NOT NULL,
    PRIMARY KEY (doc_id, page)
);
CREATE TABLE IF NOT EXISTS passages (
    passage_id TEXT PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents(doc_id),
    page INTEGER NOT NULL,
    seq INTEGER NOT NULL,
    speaker TEXT,
    party TEXT,
    heading TEXT,
    text TEXT NOT NULL,
    n_words INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS passages_doc ON passages(doc_id, seq);
CREATE TABLE IF NOT EXISTS dropped_pages (
    doc_id TEXT NOT NULL REFERENCES documents(doc_id),
    page INTEGER NOT NULL,
    reason TEXT NOT NULL,
    detail TEXT NOT NULL,
    PRIMARY KEY (doc_id, page, reason)
);
CREATE TABLE IF NOT EXISTS failures (
    path TEXT PRIMARY KEY,
    sha256 TEXT,
    reason TEXT NOT NULL,
    detail TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS tagged (
    passage_id TEXT NOT NULL,
    model_version TEXT NOT NULL,
    PRIMARY KEY (passage_id, model_version)
);
CREATE TABLE IF NOT EXISTS mentions (
    passage_id TEXT NOT NULL,
    model_version TEXT NOT NULL,
    label TEXT NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    text TEXT NOT NULL,
    canonical TEXT,
    amount REAL,
    currency TEXT,
    PRIMARY KEY (passage_id, model_version, start, end, label)
);
CREATE INDEX IF NOT EXISTS mentions_label ON mentions(model_version, label);
CREATE TABLE IF NOT EXISTS artifacts (name TEXT PRIMARY KEY, data TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS file_hashes (
    path TEXT PRIMARY KEY,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    ctime_ns INTEGER NOT NULL,
    ino INTEGER NOT NULL,
    sha256 TEXT NOT NULL
);
"""

# Columns added after a table was first released: _migrate adds each to a store without it.
# (table, column, the statement that adds it), each statement fixed text.
_ADDED_COLUMNS = (
    ("documents", "partial",
     "ALTER TABLE documents ADD COLUMN partial INTEGER NOT NULL DEFAULT 0"),
)

_SCHEMA_NAMES = set(re.findall(r"CREATE (?:TABLE|INDEX) IF NOT EXISTS (\w+)", _SCHEMA))

_PASSAGE_COLUMNS = (
    "p.passage_id, p.doc_id, p.page, p.seq, p.speaker, p.party, p.heading, p.text, p.n_words, "
    "d.date, d.kind, d.title, d.path"
)


def _filters(kind: str | None, since: str | None, until: str | None) -> tuple[str, list]:
    """WHERE clauses (fixed text) and parameters for the common passage filters."""
    clauses, params = [], []
    if kind:
        clauses.append("d.kind = ?")
        params.append(kind)
    if since:
        clauses.append("d.date >= ?")
        params.append(since)
    if until:
        # An ISO date prefix: "2020" or "2020-06" include the whole year or month.
        clauses.append("substr(d.date, 1, length(?)) <= ?")
        params.extend([until, until])
    return (" AND ".join(clauses) or "1"), params


def _busy_error(path: Path, exc: sqlite3.Error) -> StoreError | None:
    """A clear error for a store another process holds locked past the busy timeout."""
    if "locked" not in str(exc) and "busy" not in str(exc):
        return None
    return StoreError(
        f"the store {path} is in use by another policylens process (waited "
        f"{BUSY_TIMEOUT_MS / 1000:g} s for it)",
        hint="wait for the other command to finish, then rerun this one; or pass another --db",
    )


class Store:
    """A policylens store on disk. Use as a context manager or call :meth:`close`."""

    def __init__(self, path: str | Path, *, create: bool = True) -> None:
        self.path = Path(path)
        if not self.path.exists():
            if not create:
                raise StoreError(
                    f"no store at {self.path}",
                    hint="run `policylens ingest PATH` (or `policylens run`) first, or pass --db",
                )
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError(
                    f"cannot create the store {self.path}: {exc.strerror}",
                    hint="pass --db with a path in a folder you can write to",
                ) from exc
        try:
            self.conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot open the store {self.path}: {exc}",
                             hint="pass --db with another path") from exc
        try:
            self.conn.row_factory = sqlite3.Row
            self.conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            if not self.conn.execute("PRAGMA page_count").fetchone()[0]:
                # An empty file is nobody else's database: in WAL mode from the start, writing
                # the schema syncs nothing to disk (in the default rollback-journal mode it
                # made and synced a journal, ~0.1-0.2 s of a fresh store's first command).
                self.conn.execute("PRAGMA journal_mode = WAL")
                self.conn.execute("PRAGMA synchronous = NORMAL")
            self._migrate()  # first: another program's database is refused untouched
            self.conn.execute("PRAGMA journal_mode = WAL")
            self.conn.execute("PRAGMA synchronous = NORMAL")
        except sqlite3.DatabaseError as exc:
            self.conn.close()
            busy = _busy_error(self.path, exc)
            if busy:
                raise busy from exc
            raise StoreError(
                f"{self.path} is not a usable policylens store: {exc}",
                hint="pass --db with another path, or move the damaged file away",
            ) from exc
        except BaseException:  # a refused store (newer schema, another program's file)
            self.conn.close()
            raise

    def _migrate(self) -> None:
        tables = {r[0] for r in self.conn.execute("SELECT name FROM sqlite_master")}
        if "meta" in tables:
            row = self.conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
            version = int(row[0]) if row else 0
            if (version == SCHEMA_VERSION and _SCHEMA_NAMES <= tables and self._cache_current()
                    and not self._missing_columns()):
                return  # nothing to write, so opening a store to read it takes no lock
            if version > SCHEMA_VERSION:
                raise StoreError(
                    f"{self.path} was written by a newer policylens (schema {version}, "
                    f"this one reads {SCHEMA_VERSION})",
                    hint="upgrade policylens (pip install -U policylens) or use another --db",
                )
        elif tables - {"sqlite_sequence"}:
            raise StoreError(
                f"{self.path} is an SQLite file but not a policylens store",
                hint="pass --db with a new path",
            )
        with self._write():
            if not self._cache_current():
                # A file-hash cache from a development build, without inodes: only a cache,
                # so it is made anew (files are hashed once more).
                self.conn.execute("DROP TABLE file_hashes")
            for statement in self._missing_columns():
                self.conn.execute(statement)
            self.conn.executescript(_SCHEMA)
            self.conn.execute(
                "INSERT OR REPLACE INTO meta(key, value) VALUES ('schema_version', ?)",
                (str(SCHEMA_VERSION),),
            )

    def _missing_columns(self) -> list[str]:
        """The statements adding the columns an existing table of this store lacks."""
        missing = []
        for table, column, statement in _ADDED_COLUMNS:
            columns = {r[0] for r in self.conn.execute(
                "SELECT name FROM pragma_table_info(?)", (table,))}
            if columns and column not in columns:
                missing.append(statement)
        return missing

    def _cache_current(self) -> bool:
        """False when the file-hash cache exists in an older shape (no ``ino`` column)."""
        columns = {r[1] for r in self.conn.execute("PRAGMA table_info(file_hashes)")}
        return not columns or "ino" in columns

    @contextlib.contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One transaction; a store locked by another process past the timeout is a StoreError."""
        try:
            with self.conn:
                yield self.conn
        except sqlite3.OperationalError as exc:
            busy = _busy_error(self.path, exc)
            if busy:
                raise busy from exc
            raise

    # -- lifecycle -------------------------------------------------------------------------
    def close(self) -> None:
        """Close the connection."""
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- documents -------------------------------------------------------------------------
    def known_hashes(self) -> set[str]:
        """sha256 of every stored document (ingest skips these)."""
        return {r[0] for r in self.conn.execute("SELECT sha256 FROM documents")}

    def failed_hashes(self) -> dict[str, str]:
        """sha256 -> reason for every recorded failure with a known hash."""
        return {
            r[0]: r[1]
            for r in self.conn.execute("SELECT sha256, reason FROM failures WHERE sha256 IS NOT NULL")
        }

    def cached_hashes(self) -> dict[tuple[str, int, int, int, int], str]:
        """(path, size, mtime_ns, ctime_ns, ino) -> sha256 of every file hashed before."""
        return {
            (r[0], r[1], r[2], r[3], r[4]): r[5]
            for r in self.conn.execute(
                "SELECT path, size, mtime_ns, ctime_ns, ino, sha256 FROM file_hashes")
        }

    def cache_hashes(self, rows: Iterable[tuple[str, int, int, int, int, str]]) -> None:
        """Remember (path, size, mtime_ns, ctime_ns, ino, sha256) rows, in one transaction."""
        with self._write():
            self.conn.executemany(
                "INSERT OR REPLACE INTO file_hashes(path, size, mtime_ns, ctime_ns, ino, sha256) "
                "VALUES (?, ?, ?, ?, ?, ?)", rows)

    def add_document(self, doc: Document, passages: Iterable[Passage]) -> bool:
        """Store a document, its pages and passages in one transaction; False if already there."""
        with self._write():
            cur = self.conn.execute(
                "INSERT OR IGNORE INTO documents(doc_id, sha256, path, title, date, date_source, "
                "kind, n_pages, engine, notes, partial) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (doc.doc_id, doc.sha256, doc.path, doc.title, doc.date, doc.date_source, doc.kind,
                 doc.n_pages, doc.engine, doc.notes, int(doc.partial)),
            )
            if cur.rowcount == 0:
                return False
            # A file changed in place replaces its earlier version, so trends count it once.
            for (old_id,) in self.conn.execute(
                "SELECT doc_id FROM documents WHERE path = ? AND doc_id != ?",
                (doc.path, doc.doc_id),
            ).fetchall():
                self._delete_document(old_id)
            self.conn.executemany(
                "INSERT INTO pages(doc_id, page, text) VALUES (?, ?, ?)",
                [(doc.doc_id, i + 1, text) for i, text in enumerate(doc.pages)],
            )
            self.conn.executemany(
                "INSERT OR REPLACE INTO dropped_pages(doc_id, page, reason, detail) "
                "VALUES (?, ?, ?, ?)",
                [(doc.doc_id, d.page, d.reason, d.detail) for d in doc.dropped],
            )
            self.conn.executemany(
                "INSERT INTO passages(passage_id, doc_id, page, seq, speaker, party, heading, "
                "text, n_words) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(p.passage_id, p.doc_id, p.page, p.seq, p.speaker, p.party, p.heading, p.text,
                  p.n_words) for p in passages],
            )
            self.conn.execute("DELETE FROM failures WHERE path = ? OR sha256 = ?",
                              (doc.path, doc.sha256))
        return True

    def _delete_document(self, doc_id: str) -> None:
        """Remove a document and everything derived from it (inside the caller's transaction)."""
        for statement in (
            "DELETE FROM mentions WHERE passage_id IN "
            "(SELECT passage_id FROM passages WHERE doc_id = ?)",
            "DELETE FROM tagged WHERE passage_id IN "
            "(SELECT passage_id FROM passages WHERE doc_id = ?)",
            "DELETE FROM passages WHERE doc_id = ?",
            "DELETE FROM pages WHERE doc_id = ?",
            "DELETE FROM dropped_pages WHERE doc_id = ?",
            "DELETE FROM documents WHERE doc_id = ?",
        ):
            self.conn.execute(statement, (doc_id,))

    def add_failure(self, path: str, sha256: str | None, reason: str, detail: str) -> None:
        """Record (or update) why a file was skipped."""
        with self._write():
            self.conn.execute(
                "INSERT OR REPLACE INTO failures(path, sha256, reason, detail) VALUES (?, ?, ?, ?)",
                (path, sha256, reason, detail),
            )

    def iter_documents(self) -> Iterator[sqlite3.Row]:
        """Every document with its passage count, ordered by date then path."""
        yield from self.conn.execute(
            "SELECT d.doc_id, d.sha256, d.path, d.title, d.date, d.date_source, d.kind, d.n_pages,"
            " d.engine, d.notes, d.partial,"
            " (SELECT count(*) FROM passages p WHERE p.doc_id = d.doc_id)"
            " AS n_passages FROM documents d ORDER BY d.date, d.path"
        )

    def dropped_pages(self) -> dict[str, list[sqlite3.Row]]:
        """doc_id -> the pages (or parts of pages) left out of it, with why, in page order."""
        out: dict[str, list[sqlite3.Row]] = {}
        for row in self.conn.execute(
                "SELECT doc_id, page, reason, detail FROM dropped_pages ORDER BY doc_id, page"):
            out.setdefault(row["doc_id"], []).append(row)
        return out

    def iter_failures(self) -> Iterator[sqlite3.Row]:
        """Every recorded failure, ordered by path."""
        yield from self.conn.execute("SELECT * FROM failures ORDER BY path")

    def page_texts(self, doc_id: str) -> list[str]:
        """The cleaned text of each page of a document, in page order."""
        rows = self.conn.execute("SELECT text FROM pages WHERE doc_id = ? ORDER BY page", (doc_id,))
        return [r[0] for r in rows]

    # -- passages --------------------------------------------------------------------------
    def iter_passages(
        self, kind: str | None = None, since: str | None = None, until: str | None = None
    ) -> Iterator[sqlite3.Row]:
        """Passages joined with their document's date, kind, title and path."""
        where, params = _filters(kind, since, until)
        yield from self.conn.execute(
            f"SELECT {_PASSAGE_COLUMNS} FROM passages p JOIN documents d USING (doc_id) "
            f"WHERE {where} ORDER BY d.date, d.path, p.seq",
            params,
        )

    def passage_meta(self) -> list[PassageMeta]:
        """Every passage's provenance (no text), in the order of :meth:`iter_passages`."""
        # The text column is never read; repeated values (document ids, dates, kinds,
        # speakers, parties) are one shared string each.
        shared: dict[str, str] = {}
        share = lambda v: v if v is None else shared.setdefault(v, v)  # noqa: E731
        rows = self.conn.execute(
            "SELECT p.passage_id, p.doc_id, p.page, p.seq, d.date, d.kind, p.speaker, p.party,"
            " p.n_words FROM passages p JOIN documents d USING (doc_id)"
            " ORDER BY d.date, d.path, p.seq")
        return [PassageMeta(pid, share(doc), page, seq, share(date), share(kind), share(speaker),
                            share(party), n_words)
                for pid, doc, page, seq, date, kind, speaker, party, n_words in rows]

    def passage_texts(self) -> Iterator[tuple[str, str]]:
        """(passage_id, text) of every passage, in passage-id order."""
        yield from self.conn.execute("SELECT passage_id, text FROM passages ORDER BY passage_id")

    def count_passages(self) -> int:
        """Number of stored passages."""
        return self.conn.execute("SELECT count(*) FROM passages").fetchone()[0]

    def require_passages(self) -> None:
        """Refuse to work on a store that holds no passages, saying how to fill it."""
        if not self.count_passages():
            raise StoreError(f"the store {self.path} holds no passages yet",
                             hint="ingest some PDFs first: `policylens ingest PATH`")

    def require_tagged(self) -> None:
        """Refuse to show mentions before any passage has been tagged."""
        self.require_passages()
        if self.latest_model_version() is None:
            raise StoreError(f"no passage in {self.path} has been tagged yet",
                             hint="run `policylens tag` first")

    # -- tagging ---------------------------------------------------------------------------
    def untagged_passages(
        self, model_version: str, batch_size: int = 256, *, from_end: bool = False
    ) -> Iterator[list[tuple[str, str]]]:
        """Batches of (passage_id, text) not yet tagged by ``model_version``, in passage id
        order (``from_end``: from the last id down).

        Each batch is its own query, continuing after the last id of the one before: memory
        stays bounded by the batch size, and writes between batches (the tagged marks, this
        process's or another's) do not disturb the reading; passages another process tagged
        in the meantime are left out.
        """
        after, order = ("<", "DESC") if from_end else (">", "ASC")
        query = (
            "SELECT p.passage_id, p.text FROM passages p WHERE {bound} NOT EXISTS (SELECT 1 "
            "FROM tagged t WHERE t.passage_id = p.passage_id AND t.model_version = ?) "
            f"ORDER BY p.passage_id {order} LIMIT ?"
        )
        first, more = query.format(bound=""), query.format(bound=f"p.passage_id {after} ? AND")
        last = None
        while True:
            rows = self.conn.execute(
                *((first, (model_version, batch_size)) if last is None
                  else (more, (last, model_version, batch_size)))).fetchall()
            if not rows:
                return
            last = rows[-1][0]
            yield [(r[0], r[1]) for r in rows]

    def save_mentions(
        self, model_version: str, passage_ids: Iterable[str], mentions: Iterable[Mention]
    ) -> None:
        """Write a batch's mentions and mark its passages tagged, in one transaction."""
        ids = list(passage_ids)
        with self._write():
            fresh = {
                pid for pid in ids
                if self.conn.execute(
                    "INSERT OR IGNORE INTO tagged(passage_id, model_version) VALUES (?, ?)",
                    (pid, model_version),
                ).rowcount
            }
            self.conn.executemany(
                "INSERT OR IGNORE INTO mentions(passage_id, model_version, label, start, end, text,"
                " canonical, amount, currency) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(m.passage_id, model_version, m.label, m.start, m.end, m.text, m.canonical,
                  m.amount, m.currency) for m in mentions if m.passage_id in fresh],
            )

    def latest_model_version(self) -> str | None:
        """The model version that tagged the most passages (the one exports use by default)."""
        row = self.conn.execute(
            # The most recent model (its last batch was written last) wins a tie in size.
            "SELECT model_version FROM tagged GROUP BY model_version "
            "ORDER BY count(*) DESC, max(rowid) DESC LIMIT 1"
        ).fetchone()
        return row[0] if row else None

    def count_tagged(self, model_version: str) -> int:
        """Number of passages tagged by ``model_version``."""
        return self.conn.execute(
            "SELECT count(*) FROM tagged WHERE model_version = ?", (model_version,)
        ).fetchone()[0]

    def iter_mentions(
        self,
        label: str | None = None,
        since: str | None = None,
        until: str | None = None,
        kind: str | None = None,
        model_version: str | None = None,
        limit: int | None = None,
    ) -> Iterator[sqlite3.Row]:
        """Mentions with their passage text and provenance, in document order (the first
        ``limit`` of them when given)."""
        where, params = _filters(kind, since, until)
        version = model_version or self.latest_model_version()
        where += " AND m.model_version = ?"
        params.append(version)
        if label:
            where += " AND m.label = ?"
            params.append(label)
        tail = ""
        if limit is not None:
            # Only when asked: SQLite sorts under any LIMIT clause, even -1 (none), its top-N
            # way, which took 2.4x as long over a million mentions.
            tail = " LIMIT ?"
            params.append(limit)
        yield from self.conn.execute(
            f"SELECT m.label, m.start, m.end, m.text AS mention, m.canonical, m.amount, "
            f"m.currency, m.model_version, {_PASSAGE_COLUMNS} FROM mentions m "
            f"JOIN passages p USING (passage_id) JOIN documents d USING (doc_id) "
            f"WHERE {where} ORDER BY d.date, d.path, p.seq, m.start{tail}",
            params,
        )

    def mention_counts(self, model_version: str | None = None) -> Iterator[tuple[str, str, int]]:
        """(passage_id, label, mentions) for each passage with mentions, from one tagging run
        (default: the latest); no passage text is read."""
        version = model_version or self.latest_model_version()
        yield from self.conn.execute(
            "SELECT passage_id, label, COUNT(*) FROM mentions WHERE model_version = ? "
            "GROUP BY passage_id, label ORDER BY passage_id, label", (version,))

    # -- artifacts -------------------------------------------------------------------------
    def put_artifact(self, name: str, data: str) -> None:
        """Keep a small text artifact (JSON) under a name."""
        with self._write():
            self.conn.execute(
                "INSERT OR REPLACE INTO artifacts(name, data) VALUES (?, ?)", (name, data)
            )

    def get_artifact(self, name: str) -> str | None:
        """A stored artifact's text, or None."""
        row = self.conn.execute("SELECT data FROM artifacts WHERE name = ?", (name,)).fetchone()
        return row[0] if row else None

    # -- report --------------------------------------------------------------------------
    def documents_by_kind_year(self) -> list[tuple[str, str | None, int, int, int]]:
        """(kind, year or None when undated, documents, pages, passages), by kind then year."""
        return [tuple(r) for r in self.conn.execute(
            "SELECT d.kind, substr(d.date, 1, 4) AS year, count(*), sum(d.n_pages), "
            "sum((SELECT count(*) FROM passages p WHERE p.doc_id = d.doc_id)) "
            "FROM documents d GROUP BY d.kind, year ORDER BY d.kind, year IS NULL, year")]

    def document_dates(self) -> Iterator[tuple[str, str | None]]:
        """(doc_id, date) of every document (no text)."""
        yield from self.conn.execute("SELECT doc_id, date FROM documents ORDER BY doc_id")

    def empty_pages(self, limit: int) -> tuple[int, int, list[sqlite3.Row]]:
        """Pages that kept no text after cleaning: (all pages, empty pages, the ``limit``
        documents with most empty pages, each with its path, title, n_pages, n_empty, notes)."""
        total, empty = self.conn.execute(
            "SELECT count(*), coalesce(sum(text = ''), 0) FROM pages").fetchone()
        rows = self.conn.execute(
            "SELECT d.doc_id, d.path, d.title, d.n_pages, d.notes, e.n_empty FROM documents d "
            "JOIN (SELECT doc_id, count(*) AS n_empty FROM pages WHERE text = '' "
            "GROUP BY doc_id) e USING (doc_id) ORDER BY e.n_empty DESC, d.path LIMIT ?",
            (limit,)).fetchall()
        return total, empty, rows

    def dropped_page_summary(self, limit: int) -> tuple[dict[str, int], int, list[sqlite3.Row]]:
        """Pages left out at ingest: how many for each reason, how many documents are partial,
        and the ``limit`` documents with most pages left out (doc_id, path, n_pages, partial,
        n_dropped)."""
        reasons = dict(self.conn.execute(
            "SELECT reason, count(*) FROM dropped_pages GROUP BY reason ORDER BY reason"))
        partial = self.conn.execute(
            "SELECT count(*) FROM documents WHERE partial").fetchone()[0]
        rows = self.conn.execute(
            "SELECT d.doc_id, d.path, d.n_pages, d.partial, x.n_dropped FROM documents d "
            "JOIN (SELECT doc_id, count(DISTINCT page) AS n_dropped FROM dropped_pages "
            "GROUP BY doc_id) x USING (doc_id) ORDER BY x.n_dropped DESC, d.path LIMIT ?",
            (limit,)).fetchall()
        return reasons, partial, rows

    def documents_with_notes(self, limit: int) -> list[sqlite3.Row]:
        """Documents whose reading needed a note (pages read with another engine), by path."""
        return self.conn.execute(
            "SELECT doc_id, path, title, notes FROM documents WHERE notes != '' "
            "ORDER BY path LIMIT ?", (limit,)).fetchall()

    def engines(self) -> dict[str, int]:
        """How many documents each PDF engine read."""
        return dict(self.conn.execute(
            "SELECT engine, count(*) FROM documents GROUP BY engine ORDER BY engine").fetchall())

    def passages_by_id(self, passage_ids: Iterable[str]) -> dict[str, sqlite3.Row]:
        """Passages (with their document's date, kind, title and path) keyed by id."""
        import json

        # One parameter however many ids (a JSON array), rather than one mark per id.
        rows = self.conn.execute(
            f"SELECT {_PASSAGE_COLUMNS} FROM passages p JOIN documents d USING (doc_id) "
            "WHERE p.passage_id IN (SELECT value FROM json_each(?))",
            (json.dumps(sorted(set(passage_ids))),))
        return {row["passage_id"]: row for row in rows}

    def label_total(self, label: str, model_version: str | None = None) -> int:
        """Mentions of ``label`` from one tagging run (default: the latest)."""
        version = model_version or self.latest_model_version()
        return self.conn.execute(
            "SELECT count(*) FROM mentions WHERE model_version = ? AND label = ?",
            (version, label)).fetchone()[0]

    def mention_names(self, label: str, limit: int, model_version: str | None = None
                      ) -> list[sqlite3.Row]:
        """The ``limit`` most frequent names of ``label`` (canonical name, else the text as
        found): name, n, n_passages, first and last date."""
        version = model_version or self.latest_model_version()
        return self.conn.execute(
            "SELECT coalesce(m.canonical, m.text) AS name, count(*) AS n,"
            " count(DISTINCT m.passage_id) AS n_passages, min(d.date) AS first_date,"
            " max(d.date) AS last_date"
            " FROM mentions m JOIN passages p USING (passage_id) JOIN documents d USING (doc_id)"
            " WHERE m.model_version = ? AND m.label = ? GROUP BY name"
            " ORDER BY n DESC, name LIMIT ?", (version, label, limit)).fetchall()

    def largest_amounts(self, label: str, limit: int, model_version: str | None = None
                        ) -> list[str]:
        """The names (texts as found) of a label's ``limit`` largest amounts."""
        version = model_version or self.latest_model_version()
        return [r[0] for r in self.conn.execute(
            "SELECT coalesce(canonical, text) AS name FROM mentions WHERE model_version = ? "
            "AND label = ? AND amount IS NOT NULL GROUP BY name ORDER BY max(amount) DESC, "
            "name LIMIT ?", (version, label, limit))]

    def first_mentions(self, label: str, names: Iterable[str],
                       model_version: str | None = None) -> list[sqlite3.Row]:
        """The first mention (by date, then document order) of each of a label's ``names``
        (canonical name, else the text), with its passage text and provenance."""
        import json

        version = model_version or self.latest_model_version()
        # The first of each name is found without the passages' text, which is then read
        # for those few mentions only.
        return self.conn.execute(
            "WITH firsts AS (SELECT passage_id, start, end FROM ("
            " SELECT m.passage_id, m.start, m.end, row_number() OVER ("
            "  PARTITION BY coalesce(m.canonical, m.text)"
            "  ORDER BY d.date, d.path, p.seq, m.start) AS nth"
            " FROM mentions m JOIN passages p USING (passage_id) JOIN documents d USING (doc_id)"
            " WHERE m.model_version = ? AND m.label = ?"
            " AND coalesce(m.canonical, m.text) IN (SELECT value FROM json_each(?)))"
            " WHERE nth = 1)"
            f" SELECT m.label, m.start, m.end, m.text AS mention, m.canonical, m.amount,"
            f" m.currency, {_PASSAGE_COLUMNS} FROM firsts f JOIN mentions m"
            " ON m.passage_id = f.passage_id AND m.start = f.start AND m.end = f.end"
            " AND m.model_version = ? AND m.label = ?"
            " JOIN passages p ON p.passage_id = m.passage_id JOIN documents d USING (doc_id)"
            " ORDER BY d.date, d.path, p.seq, m.start",
            (version, label, json.dumps(sorted(set(names))), version, label)).fetchall()

    # -- summary ---------------------------------------------------------------------------
    def status(self) -> dict:
        """Counts, date range and failures, for `policylens status`."""
        one = lambda sql: self.conn.execute(sql).fetchone()  # noqa: E731
        lo, hi = one("SELECT min(date), max(date) FROM documents")
        kinds = dict(self.conn.execute(
            "SELECT kind, count(*) FROM documents GROUP BY kind ORDER BY kind").fetchall())
        version = self.latest_model_version()
        return {
            "store": str(self.path),
            "schema_version": SCHEMA_VERSION,
            "documents": one("SELECT count(*) FROM documents")[0],
            "pages": one("SELECT count(*) FROM pages")[0],
            "passages": one("SELECT count(*) FROM passages")[0],
            "words": one("SELECT coalesce(sum(n_words), 0) FROM passages")[0],
            "kinds": kinds,
            "date_from": lo,
            "date_to": hi,
            "undated": one("SELECT count(*) FROM documents WHERE date IS NULL")[0],
            "failures": [dict(r) for r in self.iter_failures()],
            "partial_documents": one("SELECT count(*) FROM documents WHERE partial")[0],
            "dropped_pages": [dict(r) for r in self.conn.execute(
                "SELECT d.path, x.page, x.reason, x.detail FROM dropped_pages x "
                "JOIN documents d USING (doc_id) ORDER BY d.path, x.page")],
            "model_version": version,
            "tagged_passages": self.count_tagged(version) if version else 0,
            "mentions": self.conn.execute(
                "SELECT count(*) FROM mentions WHERE model_version = ?", (version,)
            ).fetchone()[0],
        }


def open_store(path: str | Path, *, create: bool = False) -> Store:
    """Open a store; with ``create=False`` a missing store is a clear error."""
    return Store(path, create=create)
