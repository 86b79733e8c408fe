"""The topics job: fit (or reuse) the topic model of a store's passages and write its tables.

The model is refitted only when the passages (or the parameters, or the library versions)
changed, keyed by a hash kept in the store and beside the saved model; a model belongs to the
store it was fitted on.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from ..errors import InputError, ModelError
from ..records import PassageMeta
from ..runner import ProgressBar, Say, quiet
from ..store import Store

MODEL_DIR = "topic-model"
TOPICS_ARTIFACT = "topics"


class PassageTexts:
    """The passages' texts read once, in passage-id order, for their key and their ids.

    The key (a hash of the passage ids and texts) decides whether a saved model still fits;
    the fit reads the texts again, in the same order (a hash of the file, so debates of every
    date mix in each batch) rather than the store's date order, batch by batch.
    """

    def __init__(self, store: Store) -> None:
        h = hashlib.sha256()
        self.ids: list[str] = []
        for pid, text in store.passage_texts():
            h.update(f"{pid}\t{hashlib.sha256(text.encode('utf-8')).hexdigest()}\n".encode())
            self.ids.append(pid)
        self.passages_hash = h


def topics_key(store: Store, params, texts: PassageTexts | None = None) -> str:
    """A hash of the passages (ids and texts), the parameters and the library versions."""
    from ..topics.model import library_versions

    h = (texts or PassageTexts(store)).passages_hash.copy()
    h.update(json.dumps({"params": params.to_dict(), "versions": library_versions()},
                        sort_keys=True).encode())
    return h.hexdigest()


@dataclass
class TopicsOutcome:
    """A topic model with every passage's shares, aligned with ``rows``."""

    model: object
    labels: list[str]
    rows: list[PassageMeta]
    shares: np.ndarray
    key: str
    reused: bool
    model_dir: Path
    outputs: dict[str, Path] = field(default_factory=dict)

    @property
    def keys(self) -> tuple[str, ...]:
        """Each topic's stable key (``topic_key`` in the CSVs), aligned with ``labels``."""
        return self.model.topic_keys


def run_topics(store: Store, out_dir: str | Path, params, *, refit: bool = False,
               workers: int = 1, info: Say = quiet, memory_budget: int | None = None,
               progress_bar: ProgressBar | None = None,
               dask: str | None = None) -> TopicsOutcome:
    """Fit (or reuse) the topic model and write topics.csv, document_topics.csv, the model.

    ``workers`` > 1 lets --k auto fit its candidates in worker processes (same results).
    ``memory_budget`` (bytes; default the topics' DEFAULT_MEMORY_BUDGET) decides whether the
    document-term matrix is held (see :func:`policylens.topics.corpus.choose_mode`); ``bars``
    makes progress bars; ``dask`` (a scheduler's address) scores every passage on that cluster.
    """
    from ..topics import make_labels, save_model
    from ..topics.corpus import DEFAULT_MEMORY_BUDGET, CallableSource
    from ..topics.fit import fit_topics
    from ..topics.keys import key_topics
    from ..topics.persist import save_shares

    params.validate()
    out_dir = Path(out_dir)
    model_dir = out_dir / MODEL_DIR
    rows = store.passage_meta()
    if not rows:
        raise InputError(f"the store {store.path} holds no passages",
                         "ingest some PDFs first: `policylens ingest corpus/`")
    budget = DEFAULT_MEMORY_BUDGET if memory_budget is None else memory_budget
    n_words = sum(r.n_words or 0 for r in rows)
    # The fit reads the texts from the store again, batch by batch: they are never all held.
    texts = PassageTexts(store)
    key = topics_key(store, params, texts)
    guides, anchor_labels = None, ()
    if params.guided:
        guides, anchor_labels = passage_guides(store, texts.ids)
        # The labels the tagger found are part of what a guided model was fitted on.
        key = hashlib.sha256(f"{key}\t{','.join(anchor_labels)}\t".encode()
                             + hashlib.sha256(guides.tobytes()).digest()).hexdigest()
    outcome = None if refit else _reuse(store, model_dir, key, rows, info)
    if outcome is None:
        ids = [r.passage_id for r in rows]
        position = {pid: i for i, pid in enumerate(ids)}
        # Passages are fitted in passage-id order (texts.ids), whichever way they are read.
        order = [position[pid] for pid in texts.ids]
        source = CallableSource(len(rows), lambda: (t for _, t in store.passage_texts()),
                                n_words=n_words)
        # The period (year) of each passage, in fitting order: k is chosen on a sample that
        # keeps every year's share.
        strata = [(rows[i].date or "")[:4] for i in order]
        del texts
        info(f"fitting {params.method.upper()} topics on {len(rows)} passages"
             + (f" (k {params.k_min}..{params.k_max} by coherence)" if params.k is None else "")
             + (f", one anchored to each of {', '.join(anchor_labels)}" if params.guided
                else ""))
        result = fit_topics(source, params, info=info, workers=workers, key=key,
                            memory_budget=budget, strata=strata,
                            progress_bar=progress_bar, dask=dask, guides=guides,
                            anchor_labels=anchor_labels)
        info(describe_k_choice(result.model.k, result.k_scores, params.k is not None))
        shares = np.full_like(result.shares, np.nan)
        shares[order] = result.shares
        # Keys carry over from the model this one replaces (read before it is overwritten).
        model = key_topics(result.model, previous_model(store, model_dir))
        labels = anchored_labels(make_labels(model.top_terms()), model.anchors())
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


def passage_guides(store: Store, ids: Sequence[str]) -> tuple[np.ndarray, tuple[str, ...]]:
    """For guided topics: (1 where the tagger found a label in a passage, per passage in
    ``ids`` order and label; the labels found in enough passages to anchor a topic)."""
    from ..tagging.labels import LABELS
    from ..topics.corpus import MIN_PASSAGES_PER_TOPIC

    version = store.latest_model_version()
    untagged = len(ids) - (store.count_tagged(version) if version else 0)
    if untagged > 0:
        raise InputError(f"--guided anchors topics to the tagger's labels, and {untagged} of "
                         f"{len(ids)} passages are not tagged",
                         "tag them first: `policylens tag` (`policylens run` tags before it "
                         "fits guided topics)")
    found = guide_matrix(store, ids, LABELS, version)
    keep = [j for j in range(len(LABELS)) if found[:, j].sum() >= MIN_PASSAGES_PER_TOPIC]
    if not keep:
        raise InputError(f"--guided needs labelled passages: no label was found in "
                         f"{MIN_PASSAGES_PER_TOPIC} or more of the {len(ids)} passages",
                         "fit unguided topics (drop --guided)")
    return found[:, keep], tuple(LABELS[j] for j in keep)


def anchored_labels(labels: Sequence[str], anchors: Sequence[str | None]) -> list[str]:
    """Topic labels, an anchored topic's led by its label ("NHS_WORKFORCE: nurses, ...")."""
    return [f"{anchor}: {label}" if anchor else label for label, anchor in zip(labels, anchors)]


def describe_k_choice(k: int, k_scores: Sequence[dict], given: bool) -> str:
    """One line saying which number of topics was used and why."""
    from ..topics.fit import K_SELECTION_MARGIN, choose_k

    if given:
        return f"k={k}: the number of topics given (--k {k})"
    if len(k_scores) < 2:
        return f"k={k}: the only number of topics the passages allow in --k-range"
    tried = f"k {k_scores[0]['k']}..{k_scores[-1]['k']}"
    chosen = next(s for s in k_scores if s["k"] == k)
    top = k_scores[-1]
    if choose_k(list(k_scores)) == (k, "stability"):
        wider = f"a wider --k-range (e.g. {top['k']}:{top['k'] + 8}) may find more topics"
        if k == top["k"]:
            return (f"k={k}: coherence was still rising at the top of {tried}, and k={k} is "
                    f"also the most stable (stability {chosen['stability']:.3f}: its topics "
                    f"reappear in fits on two halves of the passages); {wider}")
        return (f"k={k}: coherence was still rising at the top of {tried} (NPMI "
                f"{top['coherence']:.4f} at k={top['k']}), so it cannot choose: the most "
                f"stable k is kept (stability {chosen['stability']:.3f}: its topics reappear "
                f"in fits on two halves of the passages; k={top['k']}: "
                + (f"{top['stability']:.3f}" if top.get("stability") is not None else "n/a")
                + f"); {wider}")
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
    from ..topics.persist import load_model, load_shares, model_labels, save_model, save_shares

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
        if model.key_ != key or saved_key != key:
            continue
        position = {pid: i for i, pid in enumerate(ids)}
        if any(r.passage_id not in position for r in rows):
            continue
        aligned = shares[[position[r.passage_id] for r in rows]]
        if folder.resolve() != model_dir.resolve():
            save_model(model, model_dir, labels)
            save_shares(model_dir, [r.passage_id for r in rows], aligned, key)
        info(f"topics: passages unchanged, reusing the model in {folder}")
        info(describe_k_choice(model.k, model.k_scores_,
                               model.params.k is not None))
        return TopicsOutcome(model, labels, rows, aligned, key, True, model_dir)
    return None


def previous_model(store: Store, default: Path):
    """The topic model last fitted on this store (None if there is none or it was replaced by
    another store's model): the one whose keys a refit carries over."""
    try:
        return _store_model(store, default)[1]
    except ModelError:
        return None


def _write_topic_tables(store: Store, outcome: TopicsOutcome, out_dir: Path) -> dict[str, Path]:
    from ..topics import representative, snippet
    from ..trends.export import write_result_cells, write_result_csv

    model, shares, rows = outcome.model, outcome.shares, outcome.rows
    usable = np.isfinite(shares).all(axis=1)
    picks = representative(shares, n_words=[r.n_words or 0 for r in rows])
    found = store.passages_by_id(rows[i].passage_id for p in picks for i in p)
    texts = {pid: row["text"] for pid, row in found.items()}
    dominant = np.bincount(np.argmax(np.where(usable[:, None], shares, -1), axis=1)[usable],
                           minlength=model.k)
    mean = shares[usable].mean(axis=0) if usable.any() else np.zeros(model.k)
    top_terms = model.top_terms()
    keys = outcome.keys
    topic_rows = [{
        "topic": t + 1, "topic_key": keys[t], "label": outcome.labels[t], "top_words": "; ".join(top_terms[t]),
        "coherence": float(model.coherence_[t]) if model.coherence_ is not None else None,
        "share": float(mean[t]), "n_dominant": int(dominant[t]),
        "representative_passages": " ".join(rows[i].passage_id for i in picks[t]),
        "example": snippet(texts.get(rows[picks[t][0]].passage_id, "")) if picks[t] else "",
    } for t in range(model.k)]

    outputs = {
        "topics": write_result_csv("topics.csv", topic_rows, out_dir),
        "document topics": write_result_cells("document_topics.csv",
                                              document_topic_cells(outcome), out_dir),
        "topic matches": write_result_csv("topic_matches.csv", match_rows(model), out_dir),
    }
    scores = model.k_scores_
    if len(scores) > 1:
        outputs["k selection"] = write_result_csv(
            "k_selection.csv", ({"stability": None, "sample_size": None, **s} for s in scores),
            out_dir)
    else:  # a table left by an earlier --k auto run would describe another model
        (out_dir / "k_selection.csv").unlink(missing_ok=True)
    return outputs


def document_topic_cells(outcome: TopicsOutcome,
                         chunk: int = 50_000) -> Iterator[list[object]]:
    """document_topics.csv's rows as cells: each usable passage's share of each topic and the
    topic's rank in it (1: its largest share; ties in topic order), topic by topic.

    Built from arrays a chunk of passages at a time and written as lists: one dict a row took
    several seconds at a million rows.
    """
    from ..export import csv_cells

    rows, shares, k = outcome.rows, outcome.shares, outcome.model.k
    key_cells = csv_cells(outcome.keys)
    usable = np.flatnonzero(np.isfinite(shares).all(axis=1))
    for at in range(0, len(usable), chunk):
        index = usable[at: at + chunk]
        block = shares[index]
        ranks = np.empty(block.shape, dtype=np.int64)
        # A stable sort of the negated shares: equal shares keep topic order.
        np.put_along_axis(ranks, np.argsort(-block, axis=1, kind="stable"),
                          np.arange(1, k + 1), axis=1)
        for i, s, rank in zip(index.tolist(), block.tolist(), ranks.tolist()):
            row = rows[i]
            head = csv_cells((row.passage_id, row.doc_id, row.date, row.kind, row.party,
                              row.speaker))
            for t in range(k):
                yield [*head, t + 1, key_cells[t], repr(round(s[t], 6)), rank[t]]


def match_rows(model) -> list[dict]:
    """topic_matches.csv: how each key carried over from the model before (all new if none)."""
    from ..topics.keys import NEW, TopicMatch

    matches = model.topic_matches_ or tuple(TopicMatch(None, k, None, NEW)
                                            for k in model.topic_keys)
    return [m.to_dict() for m in matches]


def topic_table(outcome: TopicsOutcome) -> list[dict]:
    """The topics as rows for printing: number, label, coherence, share, top words."""
    usable = np.isfinite(outcome.shares).all(axis=1)
    mean = outcome.shares[usable].mean(axis=0) if usable.any() else np.zeros(outcome.model.k)
    coherence = outcome.model.coherence_
    return [{"topic": t + 1, "topic_key": outcome.keys[t], "label": outcome.labels[t],
             "share": round(float(mean[t]), 4),
             "coherence": round(float(coherence[t]), 4) if coherence is not None else None,
             "top_words": ", ".join(words)}
            for t, words in enumerate(outcome.model.top_terms())]


def load_topics(store: Store, out_dir: str | Path, model_dir: str | Path | None = None,
                info: Say = quiet) -> TopicsOutcome:
    """The saved model and every current passage's shares; scores (never refits) if needed."""
    from ..topics.persist import load_model, load_shares, model_labels

    if model_dir:  # chosen by the user: may score this store with another store's model
        folder = Path(model_dir)
        model = load_model(folder)
    else:
        folder, model = _store_model(store, Path(out_dir) / MODEL_DIR)
    labels = model_labels(folder) or [f"topic {t + 1}" for t in range(model.k)]
    rows = store.passage_meta()
    if not rows:
        raise InputError(f"the store {store.path} holds no passages",
                         "ingest some PDFs first: `policylens ingest corpus/`")
    try:
        ids, shares, key = load_shares(folder)
    except ModelError:
        ids, shares, key = [], np.zeros((0, model.k)), ""
    position = {pid: i for i, pid in enumerate(ids)}
    missing = [i for i, r in enumerate(rows) if r.passage_id not in position]
    aligned = np.full((len(rows), model.k), np.nan)
    known = [i for i, r in enumerate(rows) if r.passage_id in position]
    if known:
        aligned[known] = shares[[position[rows[i].passage_id] for i in known]]
    if missing:
        info(f"scoring {len(missing)} passages the model has not seen (the model is not refitted;"
             " run `policylens topics` to refit)")
        found = store.passages_by_id(rows[i].passage_id for i in missing)
        missing_ids = [rows[i].passage_id for i in missing]
        # A guided model places them by their labels too (by their words alone if untagged).
        guides = (guide_matrix(store, missing_ids, model.anchor_labels_) if model.guided
                  else None)
        aligned[missing] = model.transform([found[pid]["text"] for pid in missing_ids], guides)
    return TopicsOutcome(model, labels, rows, aligned, key, True, folder)


def guide_matrix(store: Store, ids: Sequence[str], labels: Sequence[str],
                 version: str | None = None) -> np.ndarray:
    """1 where the tagging ``version`` (default: the latest) found a label in a passage, per
    passage in ``ids`` order and label in ``labels`` order (0 for untagged passages)."""
    position = {pid: i for i, pid in enumerate(ids)}
    column = {label: j for j, label in enumerate(labels)}
    found = np.zeros((len(ids), len(labels)))
    for passage_id, label, _ in store.mention_counts(version):
        if label in column and passage_id in position:
            found[position[passage_id], column[label]] = 1.0
    return found


def _store_model(store: Store, default: Path):
    """(folder, model) of the topic model fitted on this store's passages.

    A model belongs to the store it was fitted on: its key (a hash of the passages it was
    fitted on and the parameters) is the one the store recorded when ``run_topics`` last ran.
    The key rather than a random store id, so that fresh runs give byte-identical models. The
    default folder, beside the store, may hold another store's model (two stores in one
    folder): that one is refused, never used.
    """
    from ..topics.persist import MODEL_JSON, load_model

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
        if record.get("key") and model.key_ == record["key"]:
            return folder, model
    raise ModelError(
        f"the topic model in {found[0]} was fitted on another store, not on {store.path}",
        f"fit this store's topics with `policylens topics --db {store.path}` (and --out to "
        "keep the other store's outputs apart), or pass --model DIR to score these passages "
        "with that model")
