"""The scorer: strict and lenient matching as ANNOTATION.md defines them, with known counts."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from policylens.cli import cli
from policylens.errors import InputError
from policylens.tagging.evaluate import (
    Sample,
    format_report,
    match_spans,
    parse_samples,
    read_samples,
    score,
)
from policylens.tagging.labels import LABELS

TEXT = "NICE said Kymriah costs £282,000 per patient; NHS staff agreed."
#       0    5    10   15   20   25   30   35   40   45   50   55   60
NICE = (0, 4, "REGULATION")
KYMRIAH = (10, 17, "THERAPY")
COSTS = (18, 23, "COST")
AMOUNT = (24, 44, "COST")        # "£282,000 per patient"
STAFF = (46, 55, "NHS_WORKFORCE")  # "NHS staff"


def test_offsets_in_this_file_are_right():
    assert [TEXT[s:e] for s, e, _ in (NICE, KYMRIAH, COSTS, AMOUNT, STAFF)] == [
        "NICE", "Kymriah", "costs", "£282,000 per patient", "NHS staff"]


def test_known_counts():
    gold = [Sample(TEXT, (NICE, KYMRIAH, COSTS, AMOUNT, STAFF))]
    predicted = [[
        NICE,                          # exact: strict and lenient tp
        (10, 17, "COST"),              # right place, wrong label: fp COST, fn THERAPY
        (24, 32, "COST"),              # "£282,000": lenient tp, strict fp + fn
        (47, 55, "NHS_WORKFORCE"),     # "HS staff": lenient tp, strict fp + fn
        (56, 63, "REGULATION"),        # "agreed.": fp both ways
    ]]
    report = score(gold, predicted)
    per = report.per_label
    assert per["REGULATION"]["strict"] == {"p": 0.5, "r": 1.0, "f1": 0.6667,
                                           "tp": 1, "fp": 1, "fn": 0}
    assert per["THERAPY"]["lenient"] == {"p": 0.0, "r": 0.0, "f1": 0.0, "tp": 0, "fp": 0, "fn": 1}
    assert per["COST"]["strict"] == {"p": 0.0, "r": 0.0, "f1": 0.0, "tp": 0, "fp": 2, "fn": 2}
    assert per["COST"]["lenient"] == {"p": 0.5, "r": 0.5, "f1": 0.5, "tp": 1, "fp": 1, "fn": 1}
    assert per["NHS_WORKFORCE"]["strict"]["tp"] == 0
    assert per["NHS_WORKFORCE"]["lenient"] == {"p": 1.0, "r": 1.0, "f1": 1.0,
                                               "tp": 1, "fp": 0, "fn": 0}
    micro = report.micro
    assert (micro["strict"]["tp"], micro["strict"]["fp"], micro["strict"]["fn"]) == (1, 4, 4)
    assert (micro["lenient"]["tp"], micro["lenient"]["fp"], micro["lenient"]["fn"]) == (3, 2, 2)
    assert micro["lenient"]["f1"] == 0.6
    missed = {(e["kind"], e["text"]) for e in report.errors}
    assert ("missed", "Kymriah") in missed and ("false", "agreed.") in missed


def test_lenient_matching_is_one_to_one():
    gold = [(0, 10, "COST"), (12, 20, "COST")]
    one_long = [(0, 20, "COST")]
    assert len(match_spans(gold, one_long, "lenient")) == 1
    report = score([Sample("x" * 20, tuple(gold))], [one_long])
    assert report.per_label["COST"]["lenient"]["tp"] == 1
    assert report.per_label["COST"]["lenient"]["fn"] == 1
    with pytest.raises(ValueError):
        match_spans(gold, one_long, "fuzzy")


def test_no_spans_anywhere_scores_zero_not_error():
    report = score([Sample("Nothing here.", ())], [[]])
    assert report.micro["strict"] == {"p": 0.0, "r": 0.0, "f1": 0.0, "tp": 0, "fp": 0, "fn": 0}
    assert set(report.per_label) == set(LABELS)


def test_read_samples_and_its_errors(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps({"text": TEXT, "spans": [
        {"start": 0, "end": 4, "label": "REGULATION"}], "meta": {"date": "2020-01-01"}}) + "\n\n",
        encoding="utf-8")
    [sample] = read_samples(path)
    assert sample.spans == (NICE,) and sample.meta == {"date": "2020-01-01"}
    with pytest.raises(InputError, match="<samples>:1: bad span 0-1 'MONEY'"):
        parse_samples(['{"text": "a", "spans": [{"start": 0, "end": 1, "label": "MONEY"}]}'])
    with pytest.raises(InputError, match="<samples>:2: not a labelled sample"):
        parse_samples(['{"text": "a"}', "not json"])
    with pytest.raises(InputError, match="bad span"):
        parse_samples(['{"text": "ab", "spans": [{"start": 1, "end": 5, "label": "COST"}]}'])
    with pytest.raises(InputError, match="cannot read"):
        read_samples(tmp_path / "missing.jsonl")


def test_evaluate_command_table_and_json(tmp_path):
    gold = tmp_path / "gold.jsonl"
    spans = [{"start": s, "end": e, "label": lab} for s, e, lab in (NICE, KYMRIAH, COSTS, AMOUNT,
                                                                     STAFF)]
    gold.write_text(json.dumps({"text": TEXT, "spans": spans}) + "\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["evaluate", str(gold), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["n_samples"] == 1 and data["model_version"]
    assert data["micro"]["strict"] == {"p": 1.0, "r": 1.0, "f1": 1.0, "tp": 5, "fp": 0, "fn": 0}
    assert set(data["per_label"]) == set(LABELS)
    table = CliRunner().invoke(cli, ["evaluate", str(gold)])
    assert table.exit_code == 0, table.output
    assert "micro" in table.stdout and "NHS_WORKFORCE" in table.stdout


def test_evaluate_command_rejects_bad_gold(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text("{broken\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["evaluate", str(gold)])
    assert result.exit_code == 1
    assert "gold.jsonl:1: not a labelled sample" in result.output


def test_format_report_lists_every_label():
    report = score([Sample(TEXT, (NICE,))], [[NICE]])
    report.model_version = "abc"
    text = format_report(report)
    for label in (*LABELS, "micro"):
        assert label in text
    assert "model abc" in text
