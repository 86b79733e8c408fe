"""The whole job of `policylens run`: ingest, tag, topics and trends over one store.

Each stage reuses what the store already holds: ingest skips unchanged files, tagging skips
tagged passages, and the topic model is refitted only when the passages changed.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from ..defaults import DB_NAME, DEFAULT_BOOTSTRAP, DEFAULT_CORPUS, DEFAULT_OUT, DEFAULT_PERIOD
from ..errors import InputError, ModelError
from ..runner import ProgressBar, Say, SideProcess, quiet
from ..store import Store, open_store
from .settings import record_settings
from .topics import run_topics
from .trends import (
    check_compare,
    mention_counts,
    mention_labels,
    mention_plot,
    mention_table,
    order_trend_outputs,
    write_mention_trends,
    write_theme_trends,
    write_topic_trends,
)


@dataclass
class RunResult:
    """Where each output of `policylens run` is."""

    outputs: dict[str, Path]
    notes: list[str]


def tag_passages(store: Store, workers: int | None, progress_bar: ProgressBar | None,
                 info: Say, *,
                 max_workers: int | None = None, dask: str | None = None) -> str | None:
    """Tag untagged passages with the shipped tagger; a note instead when it is unavailable."""
    try:
        from ..tagging.pipeline import load_tagger
        from ..tagging.tag import tag_store
    except ImportError:
        return "tagging skipped: the tagger is not installed"
    try:
        nlp = load_tagger()
    except ModelError as exc:
        return f"tagging skipped: {exc}"
    n = tag_store(store, nlp, workers=workers, max_workers=max_workers,
                   progress_bar=progress_bar,
                  dask=dask)
    info(f"tagged {n} passages" if n else "tagging: every passage already tagged")
    return None


# Untagged passages worth tagging in the main process too once its topic work is done: loading
# the tagger there takes about a second, as starting a tagging worker does
# (tag.PASSAGES_PER_WORKER).
HELP_MIN_PASSAGES = 10_000


class Help(NamedTuple):
    """What ``help_tagging`` did."""

    n: int  # passages this process tagged
    all_tagged: bool  # it tagged until none was left: every passage is tagged and saved
    claimed: bool  # it took the run's claim (``take_claim``): it writes the mention trends


NO_HELP = Help(0, False, False)


def help_tagging(store: Store, side: SideProcess, info: Say,
                 claim: Path | None = None, progress_bar: ProgressBar | None = None) -> Help:
    """Tag in this process too while the side process is still tagging.

    Called once this process's own work before the mentions is done, when its core would
    otherwise wait: it takes the passages from the last one back while the side goes
    forward, and each saves its own batches (see ``tag_store``'s ``from_end``), so they meet
    in the middle and the store ends as one process would have left it. When it helps, it
    tags until no untagged passage is left, so every passage is then tagged (by one process
    or the other) and saved; it first takes ``claim`` when given. ``progress_bar`` shows
    the passages both processes have tagged.
    """
    side.poll(info)
    if side.finished:
        return NO_HELP
    try:
        from ..tagging.pipeline import load_tagger, model_version
        from ..tagging.tag import tag_store

        nlp = load_tagger()
    except (ImportError, ModelError):
        return NO_HELP  # the side process says why there is no tagging
    left = store.count_passages() - store.count_tagged(model_version(nlp))
    if left < HELP_MIN_PASSAGES:
        return NO_HELP
    claimed = claim is not None and take_claim(claim)
    info(f"tagging in this process too, from the other end ({left} passages left)")
    n = tag_store(store, nlp, workers=1, from_end=True, shared=True,
                  progress_bar=progress_bar)
    info(f"tagged {n} of them in this process")
    return Help(n, True, claimed)


def take_claim(path: Path) -> bool:
    """Create ``path`` unless it exists: True for the one process of a run that does so.

    A run's two processes split the work after tagging by it: when this process helps tag,
    the one to take the claim first writes the mention trends, the other leaves them.
    """
    try:
        os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY))
    except FileExistsError:
        return False
    return True


# Tables the side process of a run may write (through a temporary file renamed into place),
# and the claim file that says which process writes them.
SIDE_TABLES = ("mention_trends.csv",)
MENTION_CLAIM = ".mention_trends.claim"


def label_claim(out_dir: Path, label: str) -> Path:
    """The claim to gather one label of the report's mentions section: once every passage is
    tagged, each process of a run that is free takes the next label left (see ``take_claim``)."""
    return out_dir / f".mentions-{label}.claim"


def run_claims(out_dir: Path) -> list[Path]:
    """Every claim file a run's two processes may take."""
    from ..tagging.labels import LABELS

    return [out_dir / MENTION_CLAIM, *(label_claim(out_dir, label) for label in LABELS)]


def gather_labels(store: Store, out_dir: Path) -> tuple:
    """The labels of the report's mentions section this process claims first (all of them
    when it is alone), with file paths as the report shows them (relative to the store's
    folder, see report.gather_report)."""
    from ..report.content import gather_mentions

    return gather_mentions(store, Path(store.path).parent,
                           take=lambda label: take_claim(label_claim(out_dir, label)))


def run_all(paths: Sequence[str | Path] | None = None, out_dir: str | Path = DEFAULT_OUT, *,
            db: str | Path | None = None, params=None, by: str = DEFAULT_PERIOD,
            group: str | None = None, compare: Sequence[str] | None = None,
            n_boot: int = DEFAULT_BOOTSTRAP,
            workers: int | None = None, refit: bool = False,
            progress_bar: ProgressBar | None = None,
            memory_budget: int | None = None, dask: str | None = None,
            info: Say = quiet) -> RunResult:
    """Ingest, tag (when the tagger is available), fit topics and write trends.

    With more than one worker, tagging and the mention trends run in a second process while
    this one fits the topics and writes the topic trends: the two share only the store
    (guided topics, anchored to the mentions, are fitted once tagging is done).
    Tagging then uses the processes its store size repays, at most ``workers - 1``, and
    --k auto may fit its candidates in the other ``workers - 1`` processes. The second
    process's messages are passed to ``info`` as they arrive, and its failure ends the run
    at the next step. Once the topic trends are written, this process tags too (from the
    store's other end, see ``help_tagging``) while many passages are left untagged; the
    second process also gathers the report's mentions section. The outputs are the same
    bytes whatever ``workers`` is. The second process is started fresh (spawned), so a
    script that calls this with ``workers`` > 1 must do so under
    ``if __name__ == "__main__":``.

    ``dask`` (a scheduler's address): ingest, tagging and scoring passages with the topic
    model run on that cluster; this process alone writes the store, and fits the model.
    """
    from ..ingest import ingest_paths
    from ..report import REPORT_NAME, write_report
    from ..report.content import in_label_order
    from ..runner import default_workers
    from ..topics import TopicParams

    out_dir = Path(out_dir)
    paths = [Path(p) for p in (paths or [DEFAULT_CORPUS])]
    for p in paths:
        if not p.exists():
            raise InputError(f"{p} does not exist",
                             "pass the folder of PDFs: `policylens run path/to/pdfs`"
                             if p == DEFAULT_CORPUS else "check the path")
    check_compare(compare)
    params = (params or TopicParams()).validate()
    db = Path(db) if db else out_dir / DB_NAME
    n_workers = default_workers() if workers is None else workers
    notes: list[str] = []
    trends = {"by": by, "group": group, "n_boot": n_boot, "seed": params.seed}
    with open_store(db, create=True) as store:
        summary = ingest_paths(store, paths, workers=workers, progress_bar=progress_bar,
                               dask=dask)
        info(summary.describe())
        if summary.all_failed and not store.count_passages():
            raise InputError("no PDF could be read", "see the reasons above")
        side: SideProcess | None = None

        def say(message: str) -> None:
            # Between the steps of this process: pass on the side's messages, and stop
            # here (rather than after the whole topic fit) if it failed.
            info(message)
            if side is not None:
                side.poll(info)

        try:
            # Guided topics are anchored to the mentions: they need tagging done first.
            if n_workers > 1 and not params.guided:
                info("tagging in a second process while the topics are fitted")
                out_dir.mkdir(parents=True, exist_ok=True)
                for claim in run_claims(out_dir):
                    claim.unlink(missing_ok=True)  # left by a run that was killed
                side = SideProcess(tag_and_mention_trends, db, out_dir, trends, n_workers - 1,
                                   dask, reports=True,
                                   leftovers=[*(out_dir / f"{name}.tmp" for name in SIDE_TABLES),
                                              *run_claims(out_dir)])
                topic_workers = max(1, n_workers - 1)  # the side tags in the others
            else:
                topic_workers = n_workers
                note = tag_passages(store, None, progress_bar, info, max_workers=max(1, n_workers),
                                    dask=dask)
                if note:
                    notes.append(note)
                    info(note)
            topics = run_topics(store, out_dir, params, refit=refit, workers=topic_workers,
                                info=say, memory_budget=memory_budget, progress_bar=progress_bar,
                                dask=dask)
            outputs = {"store": db}
            outputs.update(topics.outputs)
            trend_outputs = write_topic_trends(topics, out_dir, compare=compare, info=say,
                                               progress_bar=progress_bar, **trends)
            themes_written = False
            report_mentions = None  # gathered by the report unless the side process did
            if side is None:
                trend_outputs.update(write_mention_trends(store, out_dir, rows=topics.rows,
                                                          info=info, **trends))
            else:
                helped = NO_HELP if dask else help_tagging(
                    store, side, info, claim=out_dir / MENTION_CLAIM, progress_bar=progress_bar)
                mention_rows, gathered = None, ()
                if helped.all_tagged:
                    # Every passage is tagged. The themes are written here while the side
                    # process gathers the report's mentions, and the mention trends too when
                    # this process took the claim (the side then leaves them); then this
                    # process gathers the labels the side has not yet taken.
                    counts = mention_counts(store, topics.rows, mention_labels())
                    trend_outputs.update(write_theme_trends(store, topics, out_dir, info=info,
                                                            counts=counts, **trends))
                    themes_written = True
                    if helped.claimed:
                        mention_outputs, mention_rows = mention_table(
                            store, out_dir, rows=topics.rows, counts=counts, info=info, **trends)
                        trend_outputs.update(mention_outputs)
                    gathered = gather_labels(store, out_dir)
                # This process draws the mention plot too: matplotlib is already loaded here.
                note, mention_outputs, side_rows, side_gathered = side.result(info)
                report_mentions = in_label_order(side_gathered, gathered)
                if note:
                    notes.append(note)
                if mention_rows is None:
                    mention_rows = side_rows
                    trend_outputs.update(mention_outputs)
                trend_outputs.update(mention_plot(mention_rows, out_dir, by,
                                                  trends.get("group")))
            if not themes_written:
                # Themes need the topics and the mentions: tagging has finished by now.
                trend_outputs.update(write_theme_trends(store, topics, out_dir, info=info,
                                                        **trends))
        finally:
            if side is not None:
                side.stop()
        outputs.update(order_trend_outputs(trend_outputs))
        record_settings(store, paths=paths, k="auto" if params.k is None else params.k,
                        k_range=[params.k_min, params.k_max], method=params.method,
                        compare=compare, **trends)
        outputs["report"] = write_report(store, out_dir / REPORT_NAME, results=out_dir,
                                         mentions=report_mentions)
    return RunResult(outputs, notes)


def tag_and_mention_trends(db: Path, out_dir: Path, trends: dict, max_workers: int,
                           dask: str | None = None, *, info: Say
                           ) -> tuple[str | None, dict[str, Path], list[dict], tuple]:
    """The second process of a run: tag, then write mention_trends.csv (unless the main
    process took the claim to, see ``help_tagging``: outputs and rows are then empty) and
    gather the report's mentions section, label by label as it claims them (its queries
    read every mention: at 60,000 pages they take ~12 s, here beside the main process's
    theme trends, which then takes the labels left); returns (note, outputs, the mention
    trend rows to plot, the labels of the report's mentions it gathered). Messages go to
    ``info`` as they happen."""
    with open_store(db) as store:
        note = tag_passages(store, None, None, info, max_workers=max_workers, dask=dask)
        if note:
            info(note)
        outputs, rows = {}, []
        if take_claim(out_dir / MENTION_CLAIM):
            outputs, rows = mention_table(store, out_dir, rows=None, info=info, **trends)
        mentions = gather_labels(store, out_dir)
    return note, outputs, rows, mentions
