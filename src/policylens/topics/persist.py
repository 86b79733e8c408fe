"""Save and load topic models as JSON + .npz: safe to open from a stranger, never pickle.

A model folder holds ``model.json`` (method, parameters, seed, vocabulary, labels, topic keys
and how they carried over from the model before, coherence, library versions; a guided
model's anchored labels) and ``model.npz`` (components and, for NMF, the idf; a guided model's
weights on the label columns). Passage shares from the
fit go in ``document_topics.npz`` beside them. Arrays are read with ``allow_pickle=False``;
the .npz files are written with fixed zip timestamps so the same model gives the same bytes.
"""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import numpy as np

from ..errors import ModelError
from .keys import TopicMatch
from .model import TopicModel
from .params import TopicParams

FORMAT = "policylens-topic-model"
FORMAT_VERSION = 1
MODEL_JSON = "model.json"
STOP_WORDS_FILE = "stop_words.txt"
MODEL_NPZ = "model.npz"
SHARES_NPZ = "document_topics.npz"
_ZIP_DATE = (1980, 1, 1, 0, 0, 0)


def write_npz(path: Path, arrays: dict[str, np.ndarray]) -> None:
    """An .npz that np.load reads, with fixed timestamps (byte-identical for equal arrays)."""
    tmp = path.with_name(path.name + ".tmp")
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name in sorted(arrays):
            array = np.ascontiguousarray(arrays[name])
            if array.dtype == object:
                raise ModelError(f"refusing to save {name}: object arrays need pickle")
            buf = io.BytesIO()
            np.lib.format.write_array(buf, array, allow_pickle=False)
            info = zipfile.ZipInfo(name + ".npy", date_time=_ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, buf.getvalue())
    tmp.replace(path)


def read_npz(path: Path, names: tuple[str, ...]) -> dict[str, np.ndarray]:
    """Named arrays from an .npz, refusing pickled content; a clear error when damaged."""
    try:
        with np.load(path, allow_pickle=False) as data:
            missing = [n for n in names if n not in data.files]
            if missing:
                raise ModelError(f"{path} lacks {', '.join(missing)}",
                                 "refit with `policylens topics --refit`")
            return {n: data[n] for n in names}
    except FileNotFoundError:
        raise ModelError(f"no {path.name} in {path.parent}",
                         "run `policylens topics` to fit a model") from None
    except (ValueError, OSError, zipfile.BadZipFile) as exc:
        raise ModelError(f"{path} is damaged or not a policylens model file ({exc})",
                         "refit with `policylens topics --refit`") from exc


def _write_json(path: Path, data: dict) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(data, indent=2, ensure_ascii=False, sort_keys=True) + "\n",
                   encoding="utf-8")
    tmp.replace(path)


def save_model(model: TopicModel, folder: str | Path, labels: list[str] | None = None) -> Path:
    """Write model.json and model.npz into ``folder`` (created if needed)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    arrays = {"components": model.components_}
    if model.idf_ is not None:
        arrays["idf"] = model.idf_
    if model.guided:
        arrays["anchor_weights"] = model.anchor_weights_
    write_npz(folder / MODEL_NPZ, arrays)
    _write_json(folder / MODEL_JSON, {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "method": model.method,
        "k": model.k,
        "seed": model.params.seed,
        "params": model.params.to_dict(),
        "doc_topic_prior": model.doc_topic_prior_,
        "labels": labels or [],
        "topic_keys": list(model.topic_keys),
        "top_words": model.top_terms(),
        "coherence": [round(float(c), 6) for c in model.coherence_]
        if model.coherence_ is not None else None,
        "vocabulary": list(model.vocabulary_),
        "info": _provenance(model),
        **({"anchor_labels": list(model.anchor_labels_), "anchors": model.anchors()}
           if model.guided else {}),
    })
    stop_file = folder / STOP_WORDS_FILE
    if model.params.stop_words:
        # The user's stop words as a file `--stop-words` reads, so a report's command remakes
        # the model without the file it was first given.
        stop_file.write_text("".join(f"{w}\n" for w in model.params.stop_words), encoding="utf-8")
    else:
        stop_file.unlink(missing_ok=True)
    return folder


def _provenance(model: TopicModel) -> dict:
    """How the model was made, as stored under "info" in model.json (unset ones left out)."""
    info = {"versions": model.versions_, "k_scores": list(model.k_scores_) or None,
            "n_passages": model.n_passages_, "n_scored": model.n_scored_, "key": model.key_,
            "keys_issued": model.keys_issued,
            "topic_matches": [m.to_dict() for m in model.topic_matches_] or None}
    return {name: value for name, value in info.items() if value is not None}


def load_model(folder: str | Path) -> TopicModel:
    """Read a model folder written by :func:`save_model` (no pickle, no refit)."""
    folder = Path(folder)
    path = folder / MODEL_JSON
    try:
        meta = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ModelError(f"no topic model in {folder}",
                         "run `policylens topics` (or `policylens run`) first") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ModelError(f"{path} is damaged: {exc}", "refit with `policylens topics --refit`"
                         ) from exc
    if not isinstance(meta, dict) or meta.get("format") != FORMAT:
        raise ModelError(f"{path} is not a policylens topic model")
    if meta.get("format_version", 0) > FORMAT_VERSION:
        raise ModelError(f"{path} was written by a newer policylens",
                         "upgrade policylens or refit the model")
    try:
        params = TopicParams(**meta["params"])
        vocabulary = [str(t) for t in meta["vocabulary"]]
        method = meta["method"]
        info = meta.get("info") or {}
    except (KeyError, TypeError) as exc:
        raise ModelError(f"{path} is incomplete: {exc}", "refit with `policylens topics --refit`"
                         ) from exc
    names = ("components", "idf") if method == "nmf" else ("components",)
    if params.guided:
        names += ("anchor_weights",)
    arrays = read_npz(folder / MODEL_NPZ, names)
    components = arrays["components"].astype(np.float64)
    if components.ndim != 2 or components.shape != (meta.get("k"), len(vocabulary)):
        raise ModelError(f"{folder / MODEL_NPZ} does not match its vocabulary "
                         f"({components.shape} for {len(vocabulary)} terms, k={meta.get('k')})")
    topic_keys = tuple(str(t) for t in meta.get("topic_keys") or ()) or None
    if topic_keys is not None and len(topic_keys) != components.shape[0]:
        raise ModelError(f"{path} has {len(topic_keys)} topic keys for {components.shape[0]} "
                         "topics", "refit with `policylens topics --refit`")
    try:
        matches = tuple(TopicMatch(**m) for m in info.get("topic_matches") or ())
    except TypeError as exc:
        raise ModelError(f"{path} has damaged topic matches: {exc}",
                         "refit with `policylens topics --refit`") from exc
    anchor_weights = arrays.get("anchor_weights")
    anchor_labels = tuple(str(a) for a in meta.get("anchor_labels") or ())
    if anchor_weights is not None and anchor_weights.shape != (components.shape[0],
                                                               len(anchor_labels)):
        raise ModelError(f"{folder / MODEL_NPZ} does not match its anchored labels",
                         "refit with `policylens topics --refit`")
    coherence = None
    if meta.get("coherence") is not None:
        coherence = np.asarray(meta["coherence"], dtype=np.float64)
    return TopicModel(params).with_learned(
        vocabulary_=vocabulary, components_=components, idf_=arrays.get("idf"),
        doc_topic_prior_=meta.get("doc_topic_prior"), coherence_=coherence,
        versions_=info.get("versions"), k_scores_=list(info.get("k_scores") or []),
        n_passages_=info.get("n_passages"), n_scored_=info.get("n_scored"),
        key_=info.get("key"), topic_keys_=topic_keys, keys_issued_=info.get("keys_issued"),
        topic_matches_=matches,
        anchor_weights_=None if anchor_weights is None else anchor_weights.astype(np.float64),
        anchor_labels_=anchor_labels,
    )


def model_labels(folder: str | Path) -> list[str]:
    """The topic labels stored with a model."""
    meta = json.loads((Path(folder) / MODEL_JSON).read_text(encoding="utf-8"))
    return list(meta.get("labels") or [])


def save_shares(folder: str | Path, passage_ids: list[str], shares: np.ndarray, key: str) -> None:
    """Every passage's topic shares from the fit, with the key of the passages they came from."""
    write_npz(Path(folder) / SHARES_NPZ, {
        "passage_ids": np.asarray(passage_ids, dtype=str),
        "shares": shares,
        "key": np.asarray(key),
    })


def load_shares(folder: str | Path) -> tuple[list[str], np.ndarray, str]:
    """(passage ids, shares, key) saved by :func:`save_shares`."""
    data = read_npz(Path(folder) / SHARES_NPZ, ("passage_ids", "shares", "key"))
    # np.ascontiguousarray (in write_npz) stores a 0-d array as 1-d: take its one element.
    key = str(data["key"].reshape(-1)[0]) if data["key"].size == 1 else str(data["key"])
    return [str(p) for p in data["passage_ids"]], data["shares"], key
