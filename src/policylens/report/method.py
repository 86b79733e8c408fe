"""The method section's facts: the tagger's measured F1, why k, bootstrap and seed, and the
command line that remakes the results."""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from pathlib import Path

from ..store import Store
from .content import relative_path
from .records import Method, TrendChart


def read_model_info(results: Path) -> dict:
    """The saved topic model's model.json (empty when there is none)."""
    from ..jobs.topics import MODEL_DIR

    path = results / MODEL_DIR / "model.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def describe_k(model: dict, settings: Mapping) -> str:
    """Why the model has the number of topics it has (as `policylens topics` says it)."""
    from ..jobs.topics import describe_k_choice

    k = model.get("k")
    if k is None:
        return ""
    scores = (model.get("info") or {}).get("k_scores") or []
    given = settings["k"] != "auto" if "k" in settings else len(scores) < 2
    return describe_k_choice(k, scores, given=given) + "."


# The tagger's last measured scores, with the tagger version and samples they belong to.
TAGGER_SCORES_ARTIFACT = "tagger_scores"


def default_gold() -> Path:
    """The labelled test split beside the shipped tagger (present in a repository checkout)."""
    from ..tagging.pipeline import DEFAULT_MODEL_DIR

    return DEFAULT_MODEL_DIR.parents[1] / "corpus" / "labelled" / "test.jsonl"


def measure_tagger(store: Store, gold: Path | None) -> tuple[dict | None, str]:
    """The tagger's scores on labelled samples it was not tuned on, when the tagger installed
    here is the one that tagged the store; otherwise None and why not."""
    from ..errors import ModelError

    version = store.latest_model_version()
    if version is None:
        return None, "No passage has been tagged."
    gold = gold or default_gold()
    if not gold.exists():
        return None, (f"No labelled samples to score it on were found ({gold.name}); pass "
                      "--gold with samples in the annotation format.")
    import hashlib

    key = f"{version} {hashlib.sha256(gold.read_bytes()).hexdigest()}"
    saved = store.get_artifact(TAGGER_SCORES_ARTIFACT)
    if saved:  # scored before: the same tagger on the same samples scores the same
        try:
            cached = json.loads(saved)
            if cached["key"] == key:
                return _labels_in_order(cached["scores"]), ""
        except (ValueError, KeyError, TypeError):
            pass
    from ..tagging.evaluate import evaluate, read_samples
    from ..tagging.pipeline import load_tagger, model_version

    try:
        nlp = load_tagger()
    except ModelError as exc:
        return None, f"The tagger could not be loaded to score it ({exc.message})."
    if model_version(nlp) != version:
        return None, (f"The store was tagged by tagger {version}; the tagger installed here is "
                      f"{model_version(nlp)}, so its scores would not describe these mentions.")
    scores = evaluate(nlp, read_samples(gold)).to_json()
    scores["gold"] = gold.name
    scores = _labels_in_order(scores)
    store.put_artifact(TAGGER_SCORES_ARTIFACT, json.dumps({"key": key, "scores": scores},
                                                          sort_keys=True))
    return scores, ""


def _labels_in_order(scores: dict) -> dict:
    """Per-label scores in the labels' own order (JSON kept them sorted by name)."""
    from ..tagging.labels import LABELS

    per_label = scores.get("per_label", {})
    order = [label for label in LABELS if label in per_label]
    order += sorted(set(per_label) - set(order))
    return {**scores, "per_label": {label: per_label[label] for label in order}}


def gather_method(store: Store, model: dict, settings: Mapping, themes: TrendChart | None,
                  gold: Path | None, measure: bool) -> Method:
    """Engine, tagger and its score, topic method and k, bootstrap and seed."""
    scores, note = measure_tagger(store, gold) if measure else (None, "Not measured.")
    params = model.get("params") or {}
    return Method(
        engines=store.engines(), tagger_version=store.latest_model_version(),
        tagger_scores=scores, tagger_note=note, topic_method=model.get("method"),
        k=model.get("k"), k_reason=describe_k(model, settings),
        k_scores=tuple((model.get("info") or {}).get("k_scores") or ()),
        n_boot=settings.get("n_boot"),
        by=settings.get("by") or (themes.period_word if themes else "year"),
        group=settings.get("group"),
        seed=settings.get("seed", params.get("seed", model.get("seed"))),
        versions=dict((model.get("info") or {}).get("versions") or {}),
        anchors=tuple(model.get("anchor_labels") or ()) if params.get("guided") else (),
    )


def reproduce_command(store: Store, base: Path, model: dict, settings: dict,
                      method: Method) -> str:
    """The `policylens run` command line that remakes these results, run from the folder
    that holds the store, with paths relative to it."""
    import shlex

    paths = settings.get("paths")
    if paths:
        paths = [relative_path(p, base) for p in paths]
    else:  # not recorded: the folder that holds every document
        docs = [r["path"] for r in store.iter_documents()]
        paths = [relative_path(os.path.commonpath([str(Path(p).parent) for p in docs]), base)
                 ] if docs else ["corpus"]
    args = ["policylens", "run", *paths, "--out", "."]
    if Path(store.path).name != "policylens.db":
        args += ["--db", Path(store.path).name]
    params = model.get("params") or {}
    scores = (model.get("info") or {}).get("k_scores") or []
    k = settings.get("k", "auto" if len(scores) > 1 else model.get("k"))
    if k not in (None, "auto"):
        args += ["--k", str(k)]
    elif params.get("k_min") is not None and (params["k_min"], params["k_max"]) != (4, 12):
        args += ["--k-range", f"{params['k_min']}:{params['k_max']}"]
    if method.topic_method and method.topic_method != "nmf":
        args += ["--method", method.topic_method]
    if params.get("guided"):
        args += ["--guided"]
    if params.get("stop_words"):
        from ..jobs.topics import MODEL_DIR
        from ..topics.persist import STOP_WORDS_FILE

        args += ["--stop-words", f"{MODEL_DIR}/{STOP_WORDS_FILE}"]
    if method.by != "year":
        args += ["--by", method.by]
    if method.group:
        args += ["--group", method.group]
    if settings.get("compare"):
        args += ["--compare", *settings["compare"]]
    if method.n_boot not in (None, 1000):
        args += ["--bootstrap", str(method.n_boot)]
    args += ["--seed", str(method.seed if method.seed is not None else 0)]
    return " ".join(shlex.quote(a) for a in args)
