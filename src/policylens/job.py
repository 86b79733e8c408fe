"""The stages over a store: topics, trends, and the whole job (ingest, tag, topics, trends).

Each stage reuses what the store already holds: ingest skips unchanged files, tagging skips
tagged passages, and topics are refitted only when the passages (or the parameters, or the
library versions) changed, keyed by a hash kept in the store and beside the saved model.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from .errors import InputError, ModelError, PolicylensError
from .store import Store, open_store

DEFAULT_CORPUS = Path("corpus")
DEFAULT_OUT = Path("policylens-results")
DB_NAME = "policylens.db"
MODEL_DIR = "topic-model"
PLOTS_DIR = "plots"
TOPICS_ARTIFACT = "topics"
META_COLUMNS = ("passage_id", "doc_id", "date", "kind", "party", "speaker", "n_words")

Say = Callable[[str], None]


def _quiet(message: str) -> None:
    pass


def passage_rows(store: Store) -> list[dict]:
    """Every passage's id and provenance (no text), in the store's date order."""
    return [{c: r[c] for c in META_COLUMNS} for r in store.iter_passages()]


def topics_key(store: Store, params) -> str:
    """A hash of the passages (ids and texts), the parameters and the library versions."""
    from .topics.model import library_versions

    h = hashlib.sha256()
    for pid, text_hash in sorted(
        (r["passage_id"], hashlib.sha256(r["text"].encode("utf-8")).hexdigest())
        for r in store.iter_passages()
    ):
        h.update(f"{pid}\t{text_hash}\n".encode())
    h.update(json.dumps({"params": params.to_dict(), "versions": library_versions()},
                        sort_keys=True).encode())
    return h.hexdigest()


@dataclass
class TopicsOutcome:
    """A topic model with every passage's shares, aligned with ``rows``."""

    model: object
    labels: list[str]
    rows: list[dict]
    shares: np.ndarray
    key: str
    reused: bool
    model_dir: Path
    outputs: dict[str, Path] = field(default_factory=dict)


def run_topics(store: Store, out_dir: str | Path, params, *, refit: bool = False,
               workers: int = 1, info: Say = _quiet) -> TopicsOutcome:
    """Fit (or reuse) the topic model and write topics.csv, document_topics.csv, the model.

    ``workers`` > 1 lets --k auto fit its candidates in worker processes (same results).
    """
    from .topics import make_labels, save_model
    from .topics.model import IN_MEMORY_MAX_PASSAGES, CallableSource, ListSource, fit_topics
    from .topics.persist import save_shares

    params.validate()
    out_dir = Path(out_dir)
    model_dir = out_dir / MODEL_DIR
    rows = passage_rows(store)
    if not rows:
        raise InputError(f"the store {store.path} holds no passages",
                         "ingest some PDFs first: `policylens ingest corpus/`")
    key = topics_key(store, params)
    outcome = None if refit else _reuse(store, model_dir, key, rows, info)
    if outcome is None:
        ids = [r["passage_id"] for r in rows]
        if len(rows) <= IN_MEMORY_MAX_PASSAGES:
            # Fit in passage-id order (a hash of the file, so debates of every date mix in
            # each batch) rather than the store's date order.
            texts = {r["passage_id"]: r["text"] for r in store.iter_passages()}
            order = sorted(range(len(ids)), key=ids.__getitem__)
            source = ListSource([texts[ids[i]] for i in order])
        else:
            order = list(range(len(ids)))
            source = CallableSource(len(rows), lambda: (r["text"] for r in store.iter_passages()))
        info(f"fitting {params.method.upper()} topics on {len(rows)} passages"
             + (f" (k {params.k_min}..{params.k_max} by coherence)" if params.k is None else ""))
        result = fit_topics(source, params, progress=info, workers=workers)
        info(describe_k_choice(result.model.k, result.k_scores, params.k is not None))
        shares = np.full_like(result.shares, np.nan)
        shares[order] = result.shares
        model = result.model
        model.info["key"] = key
        labels = make_labels(model.top_terms())
        save_model(model, model_dir, labels)
        save_shares(model_dir, ids, shares, key)
        outcome = TopicsOutcome(model, labels, rows, shares, key, False, model_dir)
    store.put_artifact(TOPICS_ARTIFACT, json.dumps({
        "key": key, "model_dir": str(outcome.model_dir.resolve()),
        "method": outcome.model.method, "k": outcome.model.k, "labels": outcome.labels,
    }, sort_keys=True))
    outcome.outputs = _write_topic_tables(store, outcome, out_dir)
    outcome.outputs["topic model"] = model_dir
    return outcome


def describe_k_choice(k: int, k_scores: Sequence[dict], given: bool) -> str:
    """One line saying which number of topics was used and why."""
    from .topics.model import K_SELECTION_MARGIN

    if given:
        return f"k={k}: the number of topics given (--k {k})"
    if len(k_scores) < 2:
        return f"k={k}: the only number of topics the passages allow in --k-range"
    tried = f"k {k_scores[0]['k']}..{k_scores[-1]['k']}"
    chosen = next(s for s in k_scores if s["k"] == k)
    best = max(k_scores, key=lambda s: s["coherence"])
    if best["k"] == k:
        return (f"k={k}: the highest mean coherence (NPMI {chosen['coherence']:.4f}) of "
                f"{tried}")
    return (f"k={k}: mean coherence (NPMI {chosen['coherence']:.4f}) within "
            f"{K_SELECTION_MARGIN} of the highest, k={best['k']}'s {best['coherence']:.4f}, "
            f"of {tried}: the smaller k is kept")


def _reuse(store: Store, model_dir: Path, key: str, rows: list[dict], info: Say
           ) -> TopicsOutcome | None:
    """The saved model and shares when they were made from exactly these passages."""
    from .topics.persist import load_model, load_shares, model_labels, save_model, save_shares

    candidates = [model_dir]
    saved = store.get_artifact(TOPICS_ARTIFACT)
    if saved:
        try:
            candidates.append(Path(json.loads(saved)["model_dir"]))
        except (ValueError, KeyError, TypeError):
            pass
    for folder in candidates:
        try:
            model = load_model(folder)
            ids, shares, saved_key = load_shares(folder)
            labels = model_labels(folder)
        except ModelError:
            continue
        if model.info.get("key") != key or saved_key != key:
            continue
        position = {pid: i for i, pid in enumerate(ids)}
        if any(r["passage_id"] not in position for r in rows):
            continue
        aligned = shares[[position[r["passage_id"]] for r in rows]]
        if folder.resolve() != model_dir.resolve():
            save_model(model, model_dir, labels)
            save_shares(model_dir, [r["passage_id"] for r in rows], aligned, key)
        info(f"topics: passages unchanged, reusing the model in {folder}")
        info(describe_k_choice(model.k, model.info.get("k_scores") or [],
                               model.params.k is not None))
        return TopicsOutcome(model, labels, rows, aligned, key, True, model_dir)
    return None


def _write_topic_tables(store: Store, outcome: TopicsOutcome, out_dir: Path) -> dict[str, Path]:
    from .topics import representative, snippet
    from .trends.export import write_table

    model, shares, rows = outcome.model, outcome.shares, outcome.rows
    usable = np.isfinite(shares).all(axis=1)
    picks = representative(shares, n_words=[r["n_words"] or 0 for r in rows])
    wanted = {rows[i]["passage_id"] for p in picks for i in p}
    texts = {r["passage_id"]: r["text"] for r in store.iter_passages()
             if r["passage_id"] in wanted}
    dominant = np.bincount(np.argmax(np.where(usable[:, None], shares, -1), axis=1)[usable],
                           minlength=model.k)
    mean = shares[usable].mean(axis=0) if usable.any() else np.zeros(model.k)
    top_terms = model.top_terms()
    topic_rows = [{
        "topic": t + 1, "label": outcome.labels[t], "top_words": "; ".join(top_terms[t]),
        "coherence": float(model.coherence_[t]) if model.coherence_ is not None else None,
        "share": float(mean[t]), "n_dominant": int(dominant[t]),
        "representative_passages": " ".join(rows[i]["passage_id"] for i in picks[t]),
        "example": snippet(texts.get(rows[picks[t][0]]["passage_id"], "")) if picks[t] else "",
    } for t in range(model.k)]

    def document_topic_rows():
        for i in np.flatnonzero(usable):
            row, s = rows[i], shares[i]
            rank = np.empty(model.k, dtype=int)
            rank[np.lexsort((np.arange(model.k), -s))] = np.arange(1, model.k + 1)
            for t in range(model.k):
                yield {**{c: row[c] for c in ("passage_id", "doc_id", "date", "kind", "party",
                                              "speaker")},
                       "topic": t + 1, "share": float(s[t]), "rank": int(rank[t])}

    outputs = {
        "topics": write_table("topics.csv", topic_rows, out_dir),
        "document topics": write_table("document_topics.csv", document_topic_rows(), out_dir),
    }
    scores = model.info.get("k_scores") or []
    if len(scores) > 1:
        outputs["k selection"] = write_table("k_selection.csv", scores, out_dir)
    else:  # a table left by an earlier --k auto run would describe another model
        (out_dir / "k_selection.csv").unlink(missing_ok=True)
    return outputs


def topic_table(outcome: TopicsOutcome) -> list[dict]:
    """The topics as rows for printing: number, label, coherence, share, top words."""
    usable = np.isfinite(outcome.shares).all(axis=1)
    mean = outcome.shares[usable].mean(axis=0) if usable.any() else np.zeros(outcome.model.k)
    coherence = outcome.model.coherence_
    return [{"topic": t + 1, "label": outcome.labels[t],
             "share": round(float(mean[t]), 4),
             "coherence": round(float(coherence[t]), 4) if coherence is not None else None,
             "top_words": ", ".join(words)}
            for t, words in enumerate(outcome.model.top_terms())]


def load_topics(store: Store, out_dir: str | Path, model_dir: str | Path | None = None,
                info: Say = _quiet) -> TopicsOutcome:
    """The saved model and every current passage's shares; scores (never refits) if needed."""
    from .topics.persist import load_model, load_shares, model_labels

    if model_dir:  # chosen by the user: may score this store with another store's model
        folder = Path(model_dir)
        model = load_model(folder)
    else:
        folder, model = _store_model(store, Path(out_dir) / MODEL_DIR)
    labels = model_labels(folder) or [f"topic {t + 1}" for t in range(model.k)]
    rows = passage_rows(store)
    if not rows:
        raise InputError(f"the store {store.path} holds no passages",
                         "ingest some PDFs first: `policylens ingest corpus/`")
    try:
        ids, shares, key = load_shares(folder)
    except ModelError:
        ids, shares, key = [], np.zeros((0, model.k)), ""
    position = {pid: i for i, pid in enumerate(ids)}
    missing = [i for i, r in enumerate(rows) if r["passage_id"] not in position]
    aligned = np.full((len(rows), model.k), np.nan)
    known = [i for i, r in enumerate(rows) if r["passage_id"] in position]
    if known:
        aligned[known] = shares[[position[rows[i]["passage_id"]] for i in known]]
    if missing:
        info(f"scoring {len(missing)} passages the model has not seen (the model is not refitted;"
             " run `policylens topics` to refit)")
        want = {rows[i]["passage_id"] for i in missing}
        texts = {r["passage_id"]: r["text"] for r in store.iter_passages()
                 if r["passage_id"] in want}
        aligned[missing] = model.transform([texts[rows[i]["passage_id"]] for i in missing])
    return TopicsOutcome(model, labels, rows, aligned, key, True, folder)


def _store_model(store: Store, default: Path):
    """(folder, model) of the topic model fitted on this store's passages.

    A model belongs to the store it was fitted on: its key (a hash of the passages it was
    fitted on and the parameters) is the one the store recorded when ``run_topics`` last ran.
    The key rather than a random store id, so that fresh runs give byte-identical models. The
    default folder, beside the store, may hold another store's model (two stores in one
    folder): that one is refused, never used.
    """
    from .topics.persist import MODEL_JSON, load_model

    saved = store.get_artifact(TOPICS_ARTIFACT)
    record = json.loads(saved) if saved else {}
    candidates = [default]
    if record.get("model_dir") and Path(record["model_dir"]).resolve() != default.resolve():
        candidates.append(Path(record["model_dir"]))
    found = [f for f in candidates if (f / MODEL_JSON).exists()]
    if not found:
        return default, load_model(default)  # its error says to run `policylens topics`
    for folder in found:
        model = load_model(folder)
        if record.get("key") and model.info.get("key") == record["key"]:
            return folder, model
    raise ModelError(
        f"the topic model in {found[0]} was fitted on another store, not on {store.path}",
        f"fit this store's topics with `policylens topics --db {store.path}` (and --out to "
        "keep the other store's outputs apart), or pass --model DIR to score these passages "
        "with that model")


def mention_counts(store: Store) -> dict[str, Counter]:
    """passage_id -> Counter of labels, from the latest tagging run."""
    counts: dict[str, Counter] = {}
    for passage_id, label, n in store.mention_counts():
        counts.setdefault(passage_id, Counter())[label] = n
    return counts


def mention_labels() -> tuple[str, ...]:
    """The four mention labels (from the tagger's one definition)."""
    from .tagging.labels import LABELS

    return LABELS


# The order `policylens trends` and `policylens run` list their outputs in, whichever
# process wrote them.
TREND_OUTPUTS = ("topic trends", "mention trends", "shifts", "divergence", "topic trends plot",
                 "topic trends plot (svg)", "mention trends plot", "mention trends plot (svg)")


def run_trends(store: Store, out_dir: str | Path, *, topics: TopicsOutcome | None = None,
               model_dir: str | Path | None = None, by: str = "year",
               group: str | None = None, compare: Sequence[str] | None = None,
               n_boot: int = 1000, seed: int = 0, plots: bool = True,
               info: Say = _quiet) -> dict[str, Path]:
    """Write topic_trends, mention_trends, shifts and divergence CSVs and the plots."""
    check_compare(compare)
    topics = topics or load_topics(store, out_dir, model_dir, info)
    outputs = write_mention_trends(store, out_dir, rows=topics.rows, by=by, group=group,
                                   n_boot=n_boot, seed=seed, plots=plots, info=info)
    outputs.update(write_topic_trends(topics, out_dir, by=by, group=group, compare=compare,
                                      n_boot=n_boot, seed=seed, plots=plots, info=info))
    return order_trend_outputs(outputs)


def order_trend_outputs(outputs: dict[str, Path]) -> dict[str, Path]:
    """The trend outputs in the order of TREND_OUTPUTS."""
    return {name: outputs[name] for name in TREND_OUTPUTS if name in outputs}


def check_compare(compare: Sequence[str] | None) -> None:
    """Raise InputError unless ``compare`` is None or two periods that parse (before any work)."""
    from .trends.shifts import parse_window

    if compare is None:
        return
    if len(compare) != 2:
        raise InputError("--compare takes two periods", "e.g. --compare 2016:2018 2023:2025")
    for spec in compare:
        parse_window(spec)


def write_topic_trends(topics: TopicsOutcome, out_dir: str | Path, *, by: str = "year",
                       group: str | None = None, compare: Sequence[str] | None = None,
                       n_boot: int = 1000, seed: int = 0, plots: bool = True,
                       info: Say = _quiet) -> dict[str, Path]:
    """topic_trends.csv, shifts.csv, divergence.csv and the topic plot, from a topic model."""
    from .trends import divergence, topic_prevalence, topic_shifts
    from .trends.export import write_table

    check_compare(compare)
    out_dir = Path(out_dir)
    rows, shares, labels = topics.rows, topics.shares, topics.labels
    undated = sum(1 for r in rows if not r["date"])
    if undated:
        info(f"{undated} passages have no date and are left out of the trends")
    trend_rows = topic_prevalence(rows, shares, labels, by=by, group=group, n_boot=n_boot,
                                  seed=seed)
    shift_rows = topic_shifts(rows, shares, labels, by=by, group=group,
                              compare=tuple(compare) if compare else None, n_boot=n_boot,
                              seed=seed)
    if not shift_rows:
        info("fewer than two periods with passages: no shifts to report")
    divergence_rows = divergence(rows, shares, labels, by=by, group=group, seed=seed)
    outputs = {
        "topic trends": write_table("topic_trends.csv", trend_rows, out_dir),
        "shifts": write_table("shifts.csv", shift_rows, out_dir),
        "divergence": write_table("divergence.csv", divergence_rows, out_dir),
    }
    if plots and trend_rows:
        from .trends.plot import plot_topic_trends

        png, svg = plot_topic_trends(trend_rows, out_dir / PLOTS_DIR / "topic_trends", by)
        outputs["topic trends plot"], outputs["topic trends plot (svg)"] = png, svg
    lines = describe_shifts(shift_rows)
    if lines:  # one message: a side process's news is never printed inside the list
        info("\n".join(lines))
    return outputs


def write_mention_trends(store: Store, out_dir: str | Path, *, rows: list[dict] | None = None,
                         by: str = "year", group: str | None = None, n_boot: int = 1000,
                         seed: int = 0, plots: bool = True,
                         info: Say = _quiet) -> dict[str, Path]:
    """mention_trends.csv and its plot, from the store's mentions (no topic model needed)."""
    outputs, mention_rows = _mention_table(store, out_dir, rows=rows, by=by, group=group,
                                           n_boot=n_boot, seed=seed, info=info)
    if plots:
        outputs.update(_mention_plot(mention_rows, out_dir, by))
    return outputs


def _mention_table(store: Store, out_dir: str | Path, *, rows: list[dict] | None, by: str,
                   group: str | None, n_boot: int, seed: int, info: Say
                   ) -> tuple[dict[str, Path], list[dict]]:
    from .trends import mention_trends
    from .trends.export import write_table

    rows = passage_rows(store) if rows is None else rows
    counts = mention_counts(store)
    if not counts:
        info("no mentions in the store: mention trends are all zero (tag passages first)")
    mention_rows = mention_trends(rows, counts, mention_labels(), by=by, group=group,
                                  n_boot=n_boot, seed=seed)
    return {"mention trends": write_table("mention_trends.csv", mention_rows,
                                          Path(out_dir))}, mention_rows


def _mention_plot(mention_rows: list[dict], out_dir: str | Path, by: str) -> dict[str, Path]:
    if not mention_rows:
        return {}
    from .trends.plot import plot_mention_trends

    png, svg = plot_mention_trends(mention_rows, Path(out_dir) / PLOTS_DIR / "mention_trends",
                                   by)
    return {"mention trends plot": png, "mention trends plot (svg)": svg}


def describe_shifts(shift_rows: Sequence[dict], n: int = 3) -> list[str]:
    """A few lines naming the biggest rises and falls (group 'all')."""
    rows = [r for r in shift_rows if r["group"] == "all"]
    if not rows:
        return []
    head = f"shifts {rows[0]['from_period']} -> {rows[0]['to_period']}:"
    lines = [head]
    rises = [r for r in rows if r["change"] > 0][:n]
    falls = [r for r in reversed(rows) if r["change"] < 0][:n]
    for r in rises + falls:
        flag = "" if r["exceeds_noise"] else " (within noise)"
        lines.append(f"  {r['change'] * 100:+.1f} points  topic {r['topic']}: {r['label']} "
                     f"[{r['ci_low'] * 100:+.1f}, {r['ci_high'] * 100:+.1f}]{flag}")
    return lines


@dataclass
class RunResult:
    """Where each output of `policylens run` is."""

    outputs: dict[str, Path]
    notes: list[str]


def tag_passages(store: Store, workers: int | None, progress, info: Say, *,
                 max_workers: int | None = None) -> str | None:
    """Tag untagged passages with the shipped tagger; a note instead when it is unavailable."""
    try:
        from .tagging.pipeline import load_tagger
        from .tagging.tag import tag_store
    except ImportError:
        return "tagging skipped: the tagger is not installed"
    try:
        nlp = load_tagger()
    except ModelError as exc:
        return f"tagging skipped: {exc}"
    n = tag_store(store, nlp, workers=workers, max_workers=max_workers, progress=progress)
    info(f"tagged {n} passages" if n else "tagging: every passage already tagged")
    return None


# Tables the side process of a run writes (through a temporary file renamed into place).
SIDE_TABLES = ("mention_trends.csv",)


def run_all(paths: Sequence[str | Path] | None = None, out_dir: str | Path = DEFAULT_OUT, *,
            db: str | Path | None = None, params=None, by: str = "year",
            group: str | None = None, compare: Sequence[str] | None = None, n_boot: int = 1000,
            workers: int | None = None, refit: bool = False, progress=None,
            info: Say = _quiet) -> RunResult:
    """Ingest, tag (when the tagger is available), fit topics and write trends.

    With more than one worker, tagging and the mention trends run in a second process while
    this one fits the topics and writes the topic trends: the two share only the store.
    Tagging then uses the processes its store size repays, at most ``workers - 1``, and
    --k auto may fit its candidates in the other ``workers - 1`` processes. The second
    process's messages are passed to ``info`` as they arrive, and its failure ends the run
    at the next step. The outputs are the same bytes whatever ``workers`` is. The second
    process is started fresh (spawned), so a script that calls this with ``workers`` > 1
    must do so under ``if __name__ == "__main__":``.
    """
    from .ingest import ingest_paths
    from .runner import default_workers
    from .topics import TopicParams

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
        summary = ingest_paths(store, paths, workers=workers, progress=progress)
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
            if n_workers > 1:
                info("tagging in a second process while the topics are fitted")
                side = SideProcess(_tag_and_mention_trends, db, out_dir, trends, n_workers - 1,
                                   reports=True,
                                   leftovers=[out_dir / f"{name}.tmp" for name in SIDE_TABLES])
                topic_workers = max(1, n_workers - 1)  # the side tags in the others
            else:
                topic_workers = n_workers
                note = tag_passages(store, None, progress, info, max_workers=max(1, n_workers))
                if note:
                    notes.append(note)
                    info(note)
            topics = run_topics(store, out_dir, params, refit=refit, workers=topic_workers,
                                info=say)
            outputs = {"store": db}
            outputs.update(topics.outputs)
            trend_outputs = write_topic_trends(topics, out_dir, compare=compare, info=say,
                                               **trends)
            if side is None:
                trend_outputs.update(write_mention_trends(store, out_dir, rows=topics.rows,
                                                          info=info, **trends))
            else:
                # This process draws the mention plot too: matplotlib is already loaded here.
                note, mention_outputs, mention_rows = side.result(info)
                if note:
                    notes.append(note)
                trend_outputs.update(mention_outputs)
                trend_outputs.update(_mention_plot(mention_rows, out_dir, by))
        finally:
            if side is not None:
                side.stop()
        outputs.update(order_trend_outputs(trend_outputs))
    return RunResult(outputs, notes)


def _tag_and_mention_trends(db: Path, out_dir: Path, trends: dict, max_workers: int, *,
                            info: Say) -> tuple[str | None, dict[str, Path], list[dict]]:
    """The second process of a run: tag, then write mention_trends.csv; returns (note,
    outputs, the mention trend rows to plot). Messages go to ``info`` as they happen."""
    with open_store(db) as store:
        note = tag_passages(store, None, None, info, max_workers=max_workers)
        if note:
            info(note)
        outputs, rows = _mention_table(store, out_dir, rows=None, info=info, **trends)
    return note, outputs, rows


class SideProcess:
    """A function run in a fresh process next to this one; ``result()`` waits for its value.

    A fresh (spawned) process rather than a fork: this one holds an open SQLite connection,
    which a forked child must never inherit. The child dies with this process, and errors
    come back as the library's own errors, attributes and hint included. With ``reports``,
    the function is called with an ``info`` keyword: what it says comes back as it happens,
    and ``poll`` and ``result`` pass it on in order. ``leftovers`` are files the function may
    leave half-written when ended early: ``stop`` removes them.
    """

    def __init__(self, fn: Callable, *args, label: str = "tagging", reports: bool = False,
                 leftovers: Sequence[str | Path] = ()) -> None:
        import multiprocessing as mp

        self.label = label
        self._leftovers = tuple(Path(p) for p in leftovers)
        self._outcome: tuple[str, object] | None = None
        ctx = mp.get_context("spawn")
        self._conn, child = ctx.Pipe(duplex=False)
        # Not a daemon: a daemon may not start processes, and tagging a large store does.
        self._proc = ctx.Process(target=_side_main,
                                 args=(child, os.getpid(), fn, args, reports),
                                 name=f"policylens-{label}")
        try:
            self._proc.start()
        except BaseException:
            # Interrupted while starting: whatever was started must not outlive us (it
            # ignores Ctrl-C and is not a daemon).
            child.close()
            self.stop()
            raise
        child.close()

    def poll(self, info: Say = _quiet) -> None:
        """Pass the messages that have arrived to ``info``; raise the error if it failed."""
        while self._outcome is None and (self._conn.poll() or not self._proc.is_alive()):
            self._receive(info)
        self._check()

    def result(self, info: Say = _quiet):
        """The function's return value (its messages passed to ``info`` first); re-raises its
        error here."""
        from multiprocessing.connection import wait

        while self._outcome is None:
            wait([self._conn, self._proc.sentinel])
            self._receive(info)
        self._check()
        return self._outcome[1]

    def _receive(self, info: Say) -> None:
        """Read one item; an ended process with nothing left to read has died."""
        if not self._conn.poll():
            if self._proc.is_alive():
                return
            # Ended: what it sent before is still readable. (Not a blocking read: processes
            # it forked may hold the pipe open after it died.)
            if not self._conn.poll():
                self._died()
                return
        try:
            kind, value = self._conn.recv()
        except (EOFError, OSError):
            self._died()
            return
        if kind == "info":
            info(value)
        else:
            self._outcome = (kind, value)

    def _died(self) -> None:
        self._proc.join()
        self._outcome = ("died", self._proc.exitcode)

    def _check(self) -> None:
        if self._outcome is None or self._outcome[0] == "ok":
            return
        kind, value = self._outcome
        if kind == "died":
            raise RuntimeError(f"the {self.label} process ended unexpectedly (exit code "
                               f"{value})")
        cls, args, attrs, text = value
        if cls is not None:
            # Rebuilt as pickling cannot (it would call the class with ``args`` alone): the
            # same class, args and attributes, whatever the subclass's signature.
            error = cls.__new__(cls, *args)
            BaseException.__init__(error, *args)
            error.__dict__.update(attrs)
            raise error
        raise RuntimeError(f"the {self.label} process failed: {text}")

    def stop(self) -> None:
        """End the process if it is still running (it writes the store in transactions: safe
        to end) and remove the files it may have left half-written."""
        if self._proc.pid is not None:  # started
            if self._proc.is_alive():
                self._proc.terminate()
            self._proc.join()
        self._conn.close()
        for path in self._leftovers:
            path.unlink(missing_ok=True)


def _side_main(conn, parent_pid: int, fn: Callable, args: tuple, reports: bool) -> None:
    import signal
    import traceback

    from .runner import die_with_parent

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    die_with_parent(parent_pid)

    def say(message: str) -> None:
        conn.send(("info", message))

    try:
        try:
            conn.send(("ok", fn(*args, info=say) if reports else fn(*args)))
        except PolicylensError as exc:
            conn.send(("error", (type(exc), exc.args, dict(vars(exc)), None)))
    except BaseException as exc:  # noqa: BLE001 - reported to the parent, which raises
        conn.send(("error", (None, (), {},
                             f"{type(exc).__name__}: {exc}\n{traceback.format_exc()}")))
    finally:
        conn.close()
