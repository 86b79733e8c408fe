"""The Python API: what the command line does, for notebooks and scripts.

A :class:`Workspace` is a store and the results folder beside it. It reads what they hold
as plain records (dicts with the columns of the matching export or CSV, in that order) and
runs each stage with the defaults of the command line (:mod:`policylens.defaults`)::

    import policylens

    ws = policylens.run("corpus", out="policylens-results")   # or Workspace(db) for a store
    for p in ws.passages(kind="parliamentary", since="2020"):
        print(p["date"], p["speaker"], p["text"][:80])
    cost = ws.mentions(label="COST").to_pandas()               # when pandas is installed

The command line is a thin layer over this module: each command parses its options, calls
one function here and prints what it returns. Heavy libraries load only when a stage or a
reader needs them.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .defaults import (
    DB_NAME,
    DEFAULT_BATCH_SIZE,
    DEFAULT_BOOTSTRAP,
    DEFAULT_DB,
    DEFAULT_ENGINE,
    DEFAULT_K_RANGE,
    DEFAULT_MEMORY_BUDGET,
    DEFAULT_MEMORY_MB,
    DEFAULT_METHOD,
    DEFAULT_OUT,
    DEFAULT_PERIOD,
    DEFAULT_SEED,
    DEFAULT_TIMEOUT,
)
from .errors import InputError, MissingDependencyError
from .runner import NoProgressBar, ProgressBar, Say, quiet

if TYPE_CHECKING:
    from .ingest import IngestSummary
    from .jobs.topics import TopicsOutcome
    from .store import Store
    from .tagging.evaluate import EvalReport

PathLike = str | Path


class Records:
    """Rows read from a store or a results folder: plain dicts, keys in ``columns`` order.

    Iterating reads the rows afresh each time (a store of a million passages is never held
    in memory); ``list(records)`` keeps them; :meth:`to_pandas` makes a DataFrame.
    """

    def __init__(self, columns: Sequence[str], produce: Callable[[], Iterator[dict]]) -> None:
        self.columns = tuple(columns)
        self._produce = produce

    def __iter__(self) -> Iterator[dict]:
        return self._produce()

    def __repr__(self) -> str:
        return f"Records(columns={list(self.columns)!r})"

    def to_pandas(self):
        """The rows as a pandas DataFrame with these columns (needs pandas, which
        policylens itself does not)."""
        try:
            import pandas as pd
        except ImportError:
            raise MissingDependencyError(
                "pandas is not installed", "install it with `pip install pandas` (or "
                "`pip install \"policylens[pandas]\"`), or use the records as dicts") from None
        return pd.DataFrame.from_records(list(self), columns=list(self.columns))


@dataclass(frozen=True)
class TagResult:
    """What a tagging pass did: passages tagged now, and the tagger's model version."""

    tagged: int
    model_version: str


class Workspace:
    """A store (SQLite) and its results folder (the CSVs and topic model of a run).

    ``results`` defaults to the folder holding the store, where `policylens run` writes.
    Messages go to ``info`` (dropped by default) and progress to ``progress_bar``. Nothing is
    opened until a call needs the store: :meth:`ingest` creates it, every other call
    refuses a store that does not exist (StoreError, with a hint).
    """

    def __init__(self, db: PathLike = DEFAULT_DB, *, results: PathLike | None = None,
                 info: Say = quiet, progress_bar: ProgressBar | None = None) -> None:
        self.db = Path(db)
        self.results = Path(results) if results is not None else self.db.parent
        self.info = info
        self.progress_bar = progress_bar or NoProgressBar()

    def __repr__(self) -> str:
        return f"Workspace({str(self.db)!r}, results={str(self.results)!r})"

    def _open(self, create: bool = False) -> Store:
        from .store import open_store

        return open_store(self.db, create=create)

    def _rows(self, columns: Sequence[str], rows: Callable[[Store], Iterable[dict]],
              require: Callable[[Store], None] | None = None) -> Records:
        if require is not None:  # an empty store says so now, not halfway through a file
            with self._open() as store:
                require(store)

        def produce() -> Iterator[dict]:
            with self._open() as store:
                yield from rows(store)

        return Records(columns, produce)

    # -- reading the store ------------------------------------------------------------------
    def status(self) -> dict:
        """Documents, pages, passages, words, dates, tagging and every failure (as
        `policylens status --format json`)."""
        with self._open() as store:
            return store.status()

    def documents(self) -> Records:
        """Every document: file, title, date and where it came from, kind, pages, passages."""
        from .ingest.export_rows import DOCUMENT_COLUMNS, document_export_rows

        return self._rows(DOCUMENT_COLUMNS, document_export_rows,
                          lambda store: store.require_passages())

    def passages(self, *, kind: str | None = None, since: str | None = None,
                 until: str | None = None) -> Records:
        """Every passage with its provenance and text, in date and document order;
        ``since``/``until`` are dates or their prefixes (``"2020"``, ``"2020-06"``)."""
        from .ingest.export_rows import PASSAGE_COLUMNS, passage_export_rows

        since, until = _date(since), _date(until)
        return self._rows(
            PASSAGE_COLUMNS,
            lambda store: passage_export_rows(store, kind=kind, since=since, until=until),
            lambda store: store.require_passages())

    def passage(self, passage_id: str) -> dict:
        """One passage by its id (as in every export and CSV)."""
        from .ingest.export_rows import PASSAGE_COLUMNS

        with self._open() as store:
            found = store.passages_by_id([passage_id]).get(passage_id)
        if found is None:
            raise InputError(f"no passage {passage_id!r} in {self.db}",
                             "passage ids look like 0123456789abcdef-0001; list them with "
                             "`policylens export passages`")
        return {c: found[c] for c in PASSAGE_COLUMNS}

    def mentions(self, *, label: str | None = None, since: str | None = None,
                 until: str | None = None, kind: str | None = None) -> Records:
        """Every mention of the latest tagging run: offsets, text, canonical name, amount and
        provenance (as `policylens export mentions`)."""
        from .tagging.mentions import EXPORT_COLUMNS, mention_export_rows

        label, since, until = _label(label), _date(since), _date(until)
        return self._rows(
            EXPORT_COLUMNS,
            lambda store: mention_export_rows(store, label=label, since=since, until=until,
                                              kind=kind),
            lambda store: store.require_tagged())

    def mentions_in_context(self, *, label: str | None = None, since: str | None = None,
                            until: str | None = None, kind: str | None = None,
                            limit: int | None = None) -> Records:
        """Each mention with its left and right context (as `policylens mentions`), in date
        and document order; only the first ``limit`` when given."""
        from .tagging.mentions import KWIC_FULL_COLUMNS, kwic_rows

        label, since, until = _label(label), _date(since), _date(until)
        if limit is not None and (isinstance(limit, bool) or not isinstance(limit, int)
                                  or limit < 1):
            raise InputError(f"limit={limit!r}: give a whole number of mentions, 1 or more",
                             "or leave it out for every mention")
        return self._rows(
            KWIC_FULL_COLUMNS,
            lambda store: kwic_rows(store, label=label, since=since, until=until, kind=kind,
                                    limit=limit),
            lambda store: store.require_tagged())

    # -- reading the results folder ---------------------------------------------------------
    def _result(self, name: str) -> Records:
        from .trends.export import TABLES, read_result_csv

        path = self.results / name
        if not path.exists():
            raise InputError(f"no {name} in {self.results}",
                             "run `policylens run` (or `policylens topics` and `policylens "
                             "trends`) for this store first, or pass results= the folder that "
                             "holds its outputs")
        return Records(TABLES[name], lambda: read_result_csv(path))

    def topics(self) -> Records:
        """topics.csv: each topic's label, top words, coherence, share and examples."""
        return self._result("topics.csv")

    def document_topics(self) -> Records:
        """document_topics.csv: each passage's share of each topic."""
        return self._result("document_topics.csv")

    def topic_trends(self) -> Records:
        """topic_trends.csv: each topic's share per period, with its 95% interval."""
        return self._result("topic_trends.csv")

    def mention_trends(self) -> Records:
        """mention_trends.csv: mentions of each label per 10,000 words per period."""
        return self._result("mention_trends.csv")

    def theme_trends(self) -> Records:
        """theme_trends.csv: each theme's share (the four labels and `other`) per period."""
        return self._result("theme_trends.csv")

    def framing(self) -> Records:
        """framing.csv: how each label's mentions are shared among the topics, per period."""
        return self._result("framing.csv")

    def leadlag(self) -> Records:
        """leadlag.csv (with --group): for each theme and pair of groups, the lag in periods
        at which one group's theme share best follows the other's."""
        return self._result("leadlag.csv")

    def shifts(self) -> Records:
        """shifts.csv: topics that rose or fell between two periods, with intervals."""
        return self._result("shifts.csv")

    def divergence(self) -> Records:
        """divergence.csv: how much the topic mix changed from one period to the next."""
        return self._result("divergence.csv")

    def k_selection(self) -> Records:
        """k_selection.csv: the coherence and stability of every number of topics tried."""
        return self._result("k_selection.csv")

    def topic_matches(self) -> Records:
        """topic_matches.csv: how each topic key carried over from the model fitted before."""
        return self._result("topic_matches.csv")

    # -- the stages -------------------------------------------------------------------------
    def ingest(self, paths: PathLike | Iterable[PathLike], *, metadata: PathLike | None = None,
               workers: int | None = None, timeout: float = DEFAULT_TIMEOUT,
               memory_mb: int = DEFAULT_MEMORY_MB, follow_symlinks: bool = False,
               retry_failed: bool = False, engine: str = DEFAULT_ENGINE,
               dask: str | None = None) -> IngestSummary:
        """Read the PDFs under ``paths`` (files or folders) into the store, creating it;
        unchanged files are skipped. Raises InputError when no file could be read."""
        from .ingest import ingest_paths, require_pdfs

        paths = _paths(paths)
        found = require_pdfs(paths, follow_symlinks)  # nothing to read: no store is created
        with self._open(create=True) as store:
            summary = ingest_paths(
                store, paths, metadata=metadata, workers=workers, timeout=timeout,
                memory_mb=memory_mb, follow_symlinks=follow_symlinks,
                retry_failed=retry_failed, progress_bar=self.progress_bar, engine=engine,
                dask=dask, found=found)
        self.info(summary.describe())
        if summary.all_failed:
            raise InputError("no file could be read", "see the reasons above")
        return summary

    def tag(self, *, model: PathLike | None = None, patterns: PathLike | None = None,
            workers: int | None = None, batch_size: int = DEFAULT_BATCH_SIZE,
            dask: str | None = None) -> TagResult:
        """Tag the passages this tagger (default: the shipped one, plus ``patterns``, your
        own terms) has not tagged yet."""
        from .tagging.pipeline import load_tagger, model_version
        from .tagging.tag import tag_store

        nlp = load_tagger(model, patterns=patterns)
        with self._open() as store:
            store.require_passages()
            n = tag_store(store, nlp, batch_size=batch_size, workers=workers,
                          progress_bar=self.progress_bar, dask=dask)
        result = TagResult(n, model_version(nlp))
        self.info(f"tagged {n} passages with model {result.model_version}")
        return result

    def run_topics(self, *, k: int | None = None, k_range: tuple[int, int] = DEFAULT_K_RANGE,
                   method: str = DEFAULT_METHOD, seed: int = DEFAULT_SEED,
                   out: PathLike | None = None, refit: bool = False,
                   workers: int | None = None,
                   memory_budget: int = DEFAULT_MEMORY_BUDGET,
                   stop_words: PathLike | Iterable[str] | None = None,
                   guided: bool = False) -> TopicsOutcome:
        """Fit (or reuse) the topic model and write topics.csv, document_topics.csv,
        k_selection.csv and topic-model/ to ``out`` (default: the results folder).
        ``k=None`` picks k from ``k_range`` by coherence; ``memory_budget`` (bytes) bounds
        the document-term matrix held in memory; ``stop_words``, a file (one word a line) or
        the words themselves, are left out of the topics besides the built-in stop list;
        ``guided`` anchors one topic to each of the tagger's labels (the passages must be
        tagged: :meth:`tag`)."""
        from .jobs.topics import run_topics
        from .runner import default_workers
        from .topics import TopicParams

        params = TopicParams(method=method, k=k, k_min=k_range[0], k_max=k_range[1], seed=seed,
                             stop_words=extra_stop_words(stop_words), guided=guided)
        with self._open() as store:
            outcome = run_topics(store, Path(out) if out else self.results, params,
                                 refit=refit,
                                 workers=default_workers() if workers is None else workers,
                                 info=self.info, memory_budget=memory_budget,
                                 progress_bar=self.progress_bar)
        return outcome

    def run_trends(self, *, by: str = DEFAULT_PERIOD, group: str | None = None,
                     compare: Sequence[str] | None = None, n_boot: int = DEFAULT_BOOTSTRAP,
                     seed: int = DEFAULT_SEED, out: PathLike | None = None,
                     model: PathLike | None = None, plots: bool = True) -> dict[str, Path]:
        """Write the topic and mention trends, shifts, divergence and plots to ``out``
        (default: the results folder) with the topic model :meth:`run_topics` saved (or ``model``);
        returns each output's path."""
        from .jobs.trends import run_trends

        with self._open() as store:
            return run_trends(store, Path(out) if out else self.results, model_dir=model,
                              by=by, group=group, compare=compare, n_boot=n_boot, seed=seed,
                              plots=plots, info=self.info)

    def write_report(self, out: PathLike | None = None, *,
                     gold: PathLike | None = None) -> Path:
        """Write report.html (default: in the results folder) of the store and its results."""
        from .report import write_report

        with self._open() as store:
            return write_report(store, out, results=self.results,
                                gold=Path(gold) if gold else None)


@dataclass(frozen=True)
class Run:
    """What :func:`run` did: the workspace it filled, where each output is (what `policylens
    run` prints), and notes (a stage skipped, and why)."""

    workspace: Workspace
    outputs: dict[str, Path]
    notes: list[str]


def run(paths: PathLike | Iterable[PathLike] | None = None, out: PathLike = DEFAULT_OUT, *,
        db: PathLike | None = None, k: int | None = None,
        k_range: tuple[int, int] = DEFAULT_K_RANGE, method: str = DEFAULT_METHOD,
        by: str = DEFAULT_PERIOD, group: str | None = None,
        compare: Sequence[str] | None = None, n_boot: int = DEFAULT_BOOTSTRAP,
        seed: int = DEFAULT_SEED, workers: int | None = None, refit: bool = False,
        memory_budget: int = DEFAULT_MEMORY_BUDGET, dask: str | None = None,
        stop_words: PathLike | Iterable[str] | None = None, guided: bool = False,
        info: Say = quiet, progress_bar: ProgressBar | None = None) -> Run:
    """Ingest, tag, fit topics, write trends and the report, as `policylens run` does.

    ``paths`` default to ./corpus, the store to ``out/policylens.db``. Options are checked
    before any work. ``dask``: a Dask scheduler's address, to read, tag and score there.
    ``stop_words``: a file (one word a line) or the words, left out of the topics.
    ``guided``: one topic anchored to each of the tagger's labels (tagging then runs first). With
    ``workers`` > 1 tagging runs in a second, spawned process: call this under ``if __name__
    == "__main__":`` in a script.
    """
    from .jobs.run import run_all
    from .topics import TopicParams

    params = TopicParams(method=method, k=k, k_min=k_range[0], k_max=k_range[1], seed=seed,
                         stop_words=extra_stop_words(stop_words), guided=guided)
    db = Path(db) if db else Path(out) / DB_NAME
    result = run_all(_paths(paths) if paths is not None else None, out, db=db, params=params,
                     by=by, group=group, compare=compare, n_boot=n_boot, workers=workers,
                     refit=refit, memory_budget=memory_budget, dask=dask,
                     progress_bar=progress_bar, info=info)
    workspace = Workspace(db, results=out, info=info, progress_bar=progress_bar)
    return Run(workspace, result.outputs, result.notes)


def extra_stop_words(stop_words: PathLike | Iterable[str] | None) -> tuple[str, ...]:
    """The user's stop words: from a file (a path, one word a line) or given as words."""
    if stop_words is None:
        return ()
    if isinstance(stop_words, (str, os.PathLike)):
        from .topics.vocabulary import read_stop_words

        return read_stop_words(stop_words)
    return tuple(stop_words)


def evaluate(gold: PathLike | Iterable[PathLike], *, model: PathLike | None = None,
             patterns: PathLike | None = None) -> EvalReport:
    """Score the tagger (default: the shipped one) on labelled samples (JSONL files or
    folders of them): precision, recall and F1 per label, strict and lenient."""
    from .check import score_tagger

    return score_tagger(_paths(gold), model, patterns=patterns)


@dataclass(frozen=True)
class Rendered:
    """A text view (or an HTML page) of texts with their mentions marked."""

    page: str
    n_texts: int

    def __str__(self) -> str:
        return self.page


def render(text: str, *, model: PathLike | None = None, html: bool = False) -> Rendered:
    """``text`` (paragraphs, or JSONL samples) with its mentions marked inline,
    ``[Kymriah | THERAPY: tisagenlecleucel]``, or with ``html`` an HTML page with them
    highlighted."""
    from .tagging.pipeline import load_tagger
    from .tagging.render import render_html, render_text, split_render_input

    texts = split_render_input(text, jsonl=text.lstrip().startswith("{"))
    nlp = load_tagger(model)
    return Rendered(render_html(nlp, texts) if html else render_text(nlp, texts), len(texts))


def _paths(paths: PathLike | Iterable[PathLike]) -> list[Path]:
    if isinstance(paths, (str, Path)):
        return [Path(paths)]
    return [Path(p) for p in paths]


def _date(value: str | None) -> str | None:
    from .tagging.mentions import check_date

    try:
        return check_date(value)
    except ValueError as exc:
        raise InputError(str(exc)) from None


def _label(label: str | None) -> str | None:
    """A label in any case, as the command line takes it (every label is upper case, the
    four and those a researcher's pattern file brings)."""
    return label.upper() if label is not None else None


__all__ = ["Records", "Rendered", "Run", "TagResult", "Workspace", "evaluate", "render", "run"]
