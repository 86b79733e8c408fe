"""The tagger's quality on the labelled samples and on real text, as the issue sets it."""

from __future__ import annotations

from pathlib import Path

import pytest

from policylens.tagging.evaluate import evaluate, read_samples
from policylens.tagging.labels import LABELS
from policylens.tagging.pipeline import load_tagger

ROOT = Path(__file__).resolve().parents[2]
LABELLED = ROOT / "corpus" / "labelled"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="module")
def nlp():
    return load_tagger()


def test_targets_on_the_test_split(nlp):
    path = LABELLED / "test.jsonl"
    if not path.exists():
        pytest.skip("corpus/labelled/test.jsonl is not there")
    report = evaluate(nlp, read_samples(path))
    assert report.micro["lenient"]["f1"] >= 0.90, report.micro
    assert report.micro["strict"]["f1"] >= 0.80, report.micro
    for label in LABELS:
        assert report.per_label[label]["lenient"]["f1"] >= 0.80, (label, report.per_label[label])


def test_real_text_nobody_here_wrote(nlp):
    path = SHARED / "dev" / "real-dev.jsonl"
    if not path.exists():
        pytest.skip("../shared/dev/real-dev.jsonl is not there")
    report = evaluate(nlp, read_samples(path))
    assert report.micro["lenient"]["f1"] >= 0.90, report.micro
    assert report.micro["strict"]["f1"] >= 0.85, report.micro
