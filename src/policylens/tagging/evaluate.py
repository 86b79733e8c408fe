"""Score the tagger against labelled samples, as ANNOTATION.md "Matching used in evaluation" says.

- strict: a predicted span counts when a gold span has the same start, end and label;
- lenient: when a gold span has the same label and shares at least one character.
Lenient matching is one-to-one (a predicted span is credited for at most one gold span and
the other way round), so tp + fp is the number predicted and tp + fn the number in the gold.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from policylens.errors import InputError
from policylens.tagging.labels import LABELS, SPANS_KEY

if TYPE_CHECKING:
    from spacy.language import Language

MODES = ("strict", "lenient")
Span3 = tuple[int, int, str]


@dataclass(frozen=True)
class Sample:
    """One labelled text: gold spans as (start, end, label), end exclusive."""

    text: str
    spans: tuple[Span3, ...]
    meta: dict = field(default_factory=dict, compare=False)


def read_samples(path: str | Path, labels: tuple[str, ...] = LABELS) -> list[Sample]:
    """Read labelled samples from a JSONL file in the ANNOTATION.md format."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror}") from exc
    except UnicodeDecodeError as exc:
        raise InputError(f"{path} is not UTF-8 text",
                         hint="give a JSONL file of labelled samples (ANNOTATION.md)") from exc
    return parse_samples(lines, source=str(path), labels=labels)


def parse_samples(lines: Iterable[str], source: str = "<samples>",
                  labels: tuple[str, ...] = LABELS) -> list[Sample]:
    """Parse labelled-sample JSONL lines; blank lines are skipped. ``labels``: those allowed
    (LABELS, and any a researcher's pattern file adds)."""
    samples = []
    for lineno, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            text = record["text"]
            if not isinstance(text, str):
                raise TypeError("'text' must be a string")
            spans = tuple(
                (int(s["start"]), int(s["end"]), str(s["label"])) for s in record.get("spans", [])
            )
        except (json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
            raise InputError(
                f"{source}:{lineno}: not a labelled sample ({exc})",
                hint='each line needs {"text": ..., "spans": [{"start", "end", "label"}]}',
            ) from exc
        for start, end, label in spans:
            if label not in labels or not 0 <= start < end <= len(text):
                raise InputError(
                    f"{source}:{lineno}: bad span {start}-{end} {label!r}",
                    hint=f"labels are {', '.join(labels)}; offsets must lie inside the text",
                )
        samples.append(Sample(text=text, spans=tuple(sorted(spans)), meta=record.get("meta", {})))
    return samples


@dataclass
class Counts:
    """True positives, false positives and false negatives, with the derived scores."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def to_json(self) -> dict:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        return {"p": round(p, 4), "r": round(r, 4), "f1": round(f1, 4),
                "tp": self.tp, "fp": self.fp, "fn": self.fn}


def _overlaps(a: Span3, b: Span3) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def match_spans(gold: Iterable[Span3], predicted: Iterable[Span3], mode: str) -> list[tuple]:
    """One-to-one pairs (gold, predicted) that match under ``mode`` ("strict" or "lenient")."""
    if mode not in MODES:
        raise ValueError(f"mode must be one of {MODES}")
    gold, predicted = sorted(gold), sorted(predicted)
    if mode == "strict":
        pred_set = set(predicted)
        return [(g, g) for g in gold if g in pred_set]
    pairs, used = [], set()
    # Neither side overlaps itself, so matching in start order is a maximum matching.
    for g in gold:
        for i, p in enumerate(predicted):
            if i not in used and p[2] == g[2] and _overlaps(g, p):
                used.add(i)
                pairs.append((g, p))
                break
    return pairs


@dataclass
class EvalReport:
    """Per-label and micro-averaged strict and lenient scores, plus the errors made."""

    counts: dict[str, dict[str, Counts]]  # by label, in label order
    n_samples: int
    model_version: str | None = None
    errors: list[dict] = field(default_factory=list)

    @property
    def per_label(self) -> dict[str, dict[str, dict]]:
        return {
            label: {mode: self.counts[label][mode].to_json() for mode in MODES}
            for label in self.counts
        }

    @property
    def micro(self) -> dict[str, dict]:
        total = {mode: Counts() for mode in MODES}
        for label in self.counts:
            for mode in MODES:
                total[mode].add(self.counts[label][mode])
        return {mode: total[mode].to_json() for mode in MODES}

    def to_json(self) -> dict:
        """The `policylens evaluate --json` document."""
        return {
            "model_version": self.model_version,
            "n_samples": self.n_samples,
            "per_label": self.per_label,
            "micro": self.micro,
        }


def score(samples: list[Sample], predictions: list[list[Span3]],
          labels: tuple[str, ...] = LABELS) -> EvalReport:
    """Score predicted spans (one list per sample) against the samples' gold spans."""
    counts = {label: {mode: Counts() for mode in MODES} for label in labels}
    errors: list[dict] = []
    for index, (sample, predicted) in enumerate(zip(samples, predictions, strict=True)):
        for mode in MODES:
            pairs = match_spans(sample.spans, predicted, mode)
            matched_gold = {g for g, _ in pairs}
            matched_pred = {p for _, p in pairs}
            for label in labels:
                c = counts[label][mode]
                c.tp += sum(1 for g in matched_gold if g[2] == label)
                c.fn += sum(1 for g in sample.spans if g[2] == label and g not in matched_gold)
                c.fp += sum(1 for p in predicted if p[2] == label and p not in matched_pred)
            if mode == "lenient":
                errors.extend(_errors(index, sample, predicted, matched_gold, matched_pred))
    return EvalReport(counts=counts, n_samples=len(samples), errors=errors)


def _errors(index, sample, predicted, matched_gold, matched_pred) -> list[dict]:
    """Lenient misses and false alarms, each with the other side's overlapping span."""
    out = []
    for kind, spans, matched, others in (
        ("missed", sample.spans, matched_gold, predicted),
        ("false", predicted, matched_pred, sample.spans),
    ):
        for span in spans:
            if span in matched:
                continue
            clash = [o for o in others if _overlaps(o, span)]
            out.append({
                "sample": index,
                "kind": kind,
                "label": span[2],
                "text": sample.text[span[0]:span[1]],
                "start": span[0],
                "end": span[1],
                "other": [(sample.text[o[0]:o[1]], o[2]) for o in clash],
            })
    return out


def predict(nlp: Language, texts: list[str], batch_size: int = 64) -> list[list[Span3]]:
    """The tagger's spans for each text."""
    return [
        [(s.start_char, s.end_char, s.label_) for s in doc.spans.get(SPANS_KEY, [])]
        for doc in nlp.pipe(texts, batch_size=batch_size)
    ]


def evaluate(nlp: Language, samples: list[Sample], batch_size: int = 64) -> EvalReport:
    """Tag the samples' texts and score the result against their gold spans."""
    from policylens.tagging.pipeline import model_version, tagger_labels

    report = score(samples, predict(nlp, [s.text for s in samples], batch_size),
                   labels=tagger_labels(nlp))
    report.model_version = model_version(nlp)
    return report


def format_report(report: EvalReport) -> str:
    """A plain-text table of the report: one row per label and mode, then the micro average."""
    header = f"{'label':<14} {'mode':<8} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}"
    rows = [header, "-" * len(header)]
    table = dict(report.per_label, micro=report.micro)
    for label, modes in table.items():
        for mode in MODES:
            m = modes[mode]
            rows.append(
                f"{label:<14} {mode:<8} {m['p']:>6.3f} {m['r']:>6.3f} {m['f1']:>6.3f} "
                f"{m['tp']:>5} {m['fp']:>5} {m['fn']:>5}"
            )
    rows.append(f"{report.n_samples} samples, model {report.model_version}")
    return "\n".join(rows)
