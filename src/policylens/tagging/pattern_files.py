"""Pattern files: spaCy's pattern JSONL as the tagger reads it, for its own ``patterns/`` and
for a researcher's own terms (``--patterns``). Plain JSON, no spaCy: ``check`` reads the labels
a file declares without loading the tagger."""

from __future__ import annotations

import json
from collections.abc import Collection
from pathlib import Path

from policylens.errors import ModelError
from policylens.tagging.labels import EXCLUDE, LABEL_NAME_RE, LABELS


def read_pattern_file(path: Path, *, new_labels: bool = True,
                      conditions: Collection[str] | None = None) -> list[dict]:
    """The records of one pattern file (spaCy's pattern JSONL: ``label``, ``pattern``,
    optional ``case_sensitive`` and ``when``), checked. With ``new_labels``, a label outside
    LABELS is allowed when written like ours (upper case: "HOUSING"); with ``conditions``,
    each ``when`` must name one of them."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise ModelError(f"cannot read pattern file {path}: {exc}",
                         hint="give a UTF-8 JSONL file of patterns") from exc
    records = []
    for lineno, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ModelError(f"{path}:{lineno}: not JSON: {exc}") from exc
        if not isinstance(record, dict):
            raise ModelError(f"{path}:{lineno}: not a JSON object",
                             hint='write {"label": "...", "pattern": "..."} on each line')
        label, pattern = record.get("label"), record.get("pattern")
        known = label in (*LABELS, EXCLUDE) or (
            new_labels and isinstance(label, str) and LABEL_NAME_RE.fullmatch(label))
        if not known or not isinstance(pattern, str) or not pattern.strip():
            allowed = f"one of {LABELS + (EXCLUDE,)}" + (
                " or a new name in upper case (A-Z, 0-9, _)" if new_labels else "")
            raise ModelError(f"{path}:{lineno}: needs a label ({allowed}) and a pattern string")
        when = record.get("when")
        if when is not None and conditions is not None and when not in conditions:
            raise ModelError(f"{path}:{lineno}: unknown condition {when!r}",
                             hint=f"use one of {sorted(conditions)}")
        records.append(record)
    return records


def pattern_labels(path: Path) -> tuple[str, ...]:
    """The labels a pattern file declares, after LABELS: LABELS plus its new ones in order."""
    extra = [r["label"] for r in read_pattern_file(path) if r["label"] not in (*LABELS, EXCLUDE)]
    return LABELS + tuple(dict.fromkeys(extra))
