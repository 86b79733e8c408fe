"""Tagging a store built from a PDF, through the CLI and the library."""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from policylens.cli import cli
from policylens.store import open_store
from policylens.tagging.labels import LABELS
from policylens.tagging.mentions import EXPORT_COLUMNS, KWIC_FULL_COLUMNS, kwic
from policylens.tagging.pipeline import load_tagger, model_version
from policylens.tagging.tag import tag_store

ROOT = Path(__file__).resolve().parents[2]
COMMANDS = (["tag"], ["mentions"], ["export", "mentions"], ["evaluate"], ["render"])


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


@pytest.fixture
def store_path(tmp_path, hansard_pdf):
    db = tmp_path / "s.db"
    result = run("--db", db, "ingest", hansard_pdf, "--workers", "0")
    assert result.exit_code == 0, result.output
    return db


def stored_mentions(db) -> list[tuple]:
    with open_store(db) as store:
        return [(r["passage_id"], r["label"], r["start"], r["end"], r["mention"])
                for r in store.iter_mentions()]


@pytest.mark.slow  # tags whole stores or builds pipelines again
def test_tag_then_rerun_tags_nothing(store_path):
    result = run("tag", "--db", store_path)
    assert result.exit_code == 0, result.output
    with open_store(store_path) as store:
        n_passages = store.count_passages()
        version = store.latest_model_version()
        rows = list(store.iter_mentions())
    assert f"tagged {n_passages} passages" in result.output
    assert version == model_version(load_tagger())
    labels = {r["label"] for r in rows}
    assert labels == set(LABELS), labels  # the fixture debate speaks of all four
    # The trends' per-passage counts agree with the mentions themselves.
    expected = Counter((r["passage_id"], r["label"]) for r in rows)
    with open_store(store_path) as store:
        counted = {(pid, label): n for pid, label, n in store.mention_counts()}
    assert counted == dict(expected) and sum(counted.values()) == len(rows)
    for r in rows:  # offsets point into the passage text
        assert r["text"][r["start"]:r["end"]] == r["mention"]
    before = stored_mentions(store_path)
    again = run("tag", "--db", store_path)
    assert again.exit_code == 0, again.output
    assert "tagged 0 passages" in again.output
    assert stored_mentions(store_path) == before


@pytest.mark.slow  # worker processes
def test_workers_give_the_same_mentions(store_path, tmp_path, hansard_pdf):
    nlp = load_tagger()
    with open_store(store_path) as store:
        n = tag_store(store, nlp, batch_size=2, workers=2)
        assert n == store.count_passages()
    other = tmp_path / "one.db"
    assert run("--db", other, "ingest", hansard_pdf, "--workers", "0").exit_code == 0
    with open_store(other) as store:
        tag_store(store, nlp, batch_size=5, workers=1)
    assert sorted(stored_mentions(store_path)) == sorted(stored_mentions(other))


def test_two_taggers_from_both_ends_save_each_passage_once(store_path, tmp_path):
    """One tagger going forward and one from the end (as `run` shares the tagging between
    its processes), a batch at a time in turn, leave the mentions of one tagger alone."""
    import shutil

    from policylens.tagging.tag import tag_texts

    nlp = load_tagger()
    alone = tmp_path / "alone.db"
    shutil.copy(store_path, alone)
    with open_store(alone) as store:
        tag_store(store, nlp, batch_size=2, workers=1)
    version = model_version(nlp)
    forward_counts = []
    with open_store(store_path) as forward_store, open_store(store_path) as back_store:
        n = back_store.count_passages()
        assert n >= 6
        forward = forward_store.untagged_passages(version, batch_size=2)

        class ForwardStep:
            """After each batch saved from the end, one batch is tagged going forward."""

            def __init__(self, length, label):
                pass

            def __enter__(self):
                return self

            def __exit__(self, *exc):
                return False

            def update(self, done):
                batch = next(forward, None)
                if batch is not None:
                    forward_store.save_mentions(version, [pid for pid, _ in batch],
                                                tag_texts(nlp, batch))
                    forward_counts.append(len(batch))

        # The first forward batch is read before the other end starts: the two readers
        # both hold the batch where they meet, which is saved once.
        batch = next(forward)
        back = tag_store(back_store, nlp, batch_size=2, workers=1, from_end=True,
                         progress_bar=ForwardStep)
        forward_store.save_mentions(version, [pid for pid, _ in batch], tag_texts(nlp, batch))
        assert back_store.count_tagged(version) == n
    assert 0 < back < n and forward_counts  # both ends did some of the work
    assert stored_mentions(store_path) == stored_mentions(alone) != []


def test_tag_reports_progress(store_path):
    seen = []

    class Bar:
        def __init__(self, length, label):
            seen.append((length, label))

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return False

        def update(self, n):
            seen.append(n)

    with open_store(store_path) as store:
        n = tag_store(store, load_tagger(), batch_size=4, progress_bar=Bar)
    assert seen[0] == (n, "tagging") and sum(seen[1:]) == n


def test_mentions_limit_shows_the_first_mentions_in_order(store_path):
    assert run("tag", "--db", store_path).exit_code == 0
    every = run("mentions", "--db", store_path, "--format", "csv")
    first = run("mentions", "--db", store_path, "--format", "csv", "--limit", "3")
    assert first.exit_code == 0, first.output
    lines = every.stdout.splitlines()
    assert len(lines) > 4  # a header and more than three mentions
    assert first.stdout.splitlines() == lines[:4]
    assert "3 mentions (--limit 3)" in first.stderr
    table = run("mentions", "--db", store_path, "--limit", "2")
    assert len(table.stdout.splitlines()) == 3  # header and two rows
    refused = run("mentions", "--db", store_path, "--limit", "0")
    assert refused.exit_code == 2 and "--limit" in refused.output


def test_mentions_views(store_path):
    assert run("tag", "--db", store_path).exit_code == 0
    table = run("mentions", "--db", store_path)
    assert table.exit_code == 0, table.output
    assert table.stdout.splitlines()[0].split() == ["date", "source", "page", "label", "left",
                                                    "mention", "right"]
    as_csv = run("mentions", "--db", store_path, "--label", "COST", "--format", "csv")
    assert as_csv.exit_code == 0, as_csv.output
    rows = list(csv.DictReader(io.StringIO(as_csv.stdout)))
    assert rows and {r["label"] for r in rows} == {"COST"}
    assert list(rows[0]) == list(KWIC_FULL_COLUMNS)
    assert rows[0]["date"] == "2021-03-04"
    jsonl = run("mentions", "--db", store_path, "--format", "jsonl", "--since", "2022")
    assert jsonl.exit_code == 0 and jsonl.stdout == ""
    until = run("mentions", "--db", store_path, "--format", "jsonl", "--until", "2021-03")
    lines = [json.loads(x) for x in until.stdout.splitlines()]
    assert lines and all(x["date"] == "2021-03-04" for x in lines)
    bad = run("mentions", "--db", store_path, "--since", "2021-13")
    assert bad.exit_code == 2 and "not a date" in bad.output


def test_export_mentions(store_path, tmp_path):
    assert run("tag", "--db", store_path).exit_code == 0
    out = tmp_path / "m.csv"
    result = run("export", "mentions", "--db", store_path, "--format", "csv", "-o", out)
    assert result.exit_code == 0, result.output
    with open(out, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0]) == list(EXPORT_COLUMNS)
    assert len(rows) == len(stored_mentions(store_path))
    jsonl = run("export", "mentions", "--db", store_path, "--format", "jsonl", "--label",
                "THERAPY")
    records = [json.loads(x) for x in jsonl.stdout.splitlines()]
    assert records and {r["label"] for r in records} == {"THERAPY"}
    assert all(r["canonical"] for r in records)


def test_tag_without_store_or_with_a_bad_model(tmp_path):
    missing = run("tag", "--db", tmp_path / "none.db")
    assert missing.exit_code == 1 and "no store" in missing.output
    (tmp_path / "empty").mkdir()
    bad = run("tag", "--db", tmp_path / "none.db", "--model", tmp_path / "empty")
    assert bad.exit_code == 1 and "no tagger" in bad.output
    nowhere = run("tag", "--model", tmp_path / "nowhere")
    assert nowhere.exit_code == 2


@pytest.mark.slow  # tags whole stores or builds pipelines again
def test_render_file_stdin_and_jsonl(tmp_path):
    text = tmp_path / "speech.txt"
    text.write_text("NICE appraised Kymriah.\n\nThe nurses were consulted.\n", encoding="utf-8")
    out = tmp_path / "speech.html"
    result = run("render", text, "--html", out)
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert "Kymriah" in html and "THERAPY" in html and "NHS_WORKFORCE" in html
    piped = CliRunner().invoke(cli, ["render", "-"], input="The MHRA licensed it.")
    assert piped.exit_code == 0 and "REGULATION" in piped.stdout
    samples = tmp_path / "s.jsonl"
    samples.write_text('{"text": "It cost £3m."}\n{"text": "No mention."}\n', encoding="utf-8")
    as_jsonl = run("render", samples)
    assert as_jsonl.exit_code == 0 and "COST" in as_jsonl.stdout
    empty = CliRunner().invoke(cli, ["render", "-"], input="  \n")
    assert empty.exit_code == 1 and "nothing to render" in empty.output


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_help_ends_with_an_example(command):
    result = run(*command, "--help")
    assert result.exit_code == 0, result.output
    lines = [x.strip() for x in result.output.split("Options:")[0].splitlines() if x.strip()]
    heading = max(i for i, line in enumerate(lines) if line.startswith("Example"))
    examples = lines[heading + 1:]
    assert examples and all(x.startswith("policylens " + command[0]) for x in examples)


def test_kwic_cuts_context_to_width():
    text = "word " * 40 + "NICE" + " next" * 40
    start = text.index("NICE")
    left, mention, right = kwic(text, start, start + 4, width=20)
    assert mention == "NICE" and len(left) <= 20 and len(right) <= 20
    assert left.endswith("word word") and right.startswith("next next")


def test_long_passages_are_tagged_in_parts():
    from policylens.tagging.tag import auto_workers, split_long, tag_texts

    assert split_long("aaa bbb ccc ddd", 8) == [(0, "aaa bbb "), (8, "ccc ddd")]
    nlp = load_tagger()
    nlp.max_length = 40
    text = "The NHS staff were there. " * 5 + "NICE appraised Kymriah at £282,000."
    mentions = tag_texts(nlp, [("p", text)])
    assert [m.text for m in mentions][-4:] == ["NICE", "appraised", "Kymriah", "£282,000"]
    assert all(text[m.start:m.end] == m.text for m in mentions)
    assert auto_workers(10) == 1


# -- a researcher's own terms (--patterns) ------------------------------------------------------

def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


@pytest.mark.slow  # tags whole stores or builds pipelines again
def test_tag_with_own_patterns_adds_labels_and_retags_when_they_change(tmp_path, report_pdf):
    import hashlib

    db = tmp_path / "r.db"
    assert run("--db", db, "ingest", report_pdf, "--workers", "0").exit_code == 0
    terms = write_jsonl(tmp_path / "terms.jsonl",
                        [{"label": "COMMISSIONING", "pattern": "commissioned"}])
    first = run("tag", "--db", db, "--patterns", terms)
    assert first.exit_code == 0, first.output
    with open_store(db) as store:
        n_passages = store.count_passages()
        version = store.latest_model_version()
        rows = list(store.iter_mentions())
    digest = hashlib.sha256(terms.read_bytes()).hexdigest()[:8]
    assert version == f"{model_version(load_tagger())}+{digest}"
    assert [r["mention"] for r in rows if r["label"] == "COMMISSIONING"] == ["commissioned"]
    assert {"THERAPY", "COST", "NHS_WORKFORCE"} <= {r["label"] for r in rows}  # ours remain
    again = run("tag", "--db", db, "--patterns", terms)
    assert "tagged 0 passages" in again.output, again.output
    write_jsonl(terms, [{"label": "COMMISSIONING", "pattern": "commissioned"},
                        {"label": "COMMISSIONING", "pattern": "survey"}])
    changed = run("tag", "--db", db, "--patterns", terms)
    assert f"tagged {n_passages} passages" in changed.output, changed.output
    out = tmp_path / "mentions.jsonl"
    exported = run("export", "mentions", "--db", db, "--format", "jsonl", "-o", out)
    assert exported.exit_code == 0, exported.output
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    found = sorted(r["text"] for r in records if r["label"] == "COMMISSIONING")
    assert found == ["commissioned", "survey"]


@pytest.mark.slow  # tags whole stores or builds pipelines again
def test_evaluate_and_check_accept_the_labels_a_pattern_file_declares(tmp_path):
    terms = write_jsonl(tmp_path / "housing.jsonl", [
        {"label": "HOUSING", "pattern": "social housing"},
        {"label": "HOUSING", "pattern": "HRA", "case_sensitive": True},
    ])
    text = "Social housing lists grew; the hra said the HRA would pay for NHS nurses."
    spans = [{"start": 0, "end": 14, "label": "HOUSING"},
             {"start": 44, "end": 47, "label": "HOUSING"},
             {"start": 62, "end": 72, "label": "NHS_WORKFORCE"}]
    gold = write_jsonl(tmp_path / "gold.jsonl", [{"text": text, "spans": spans}])
    plain = run("check", gold)
    assert plain.exit_code == 1 and 'unknown label "HOUSING"' in plain.output, plain.output
    assert run("evaluate", gold).exit_code != 0
    declared = run("check", gold, "--patterns", terms)
    assert declared.exit_code == 0, declared.output
    out = tmp_path / "scores.json"
    scored = run("evaluate", gold, "--patterns", terms, "--format", "json", "-o", out)
    assert scored.exit_code == 0, scored.output
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["per_label"]["HOUSING"]["strict"] == {
        "p": 1.0, "r": 1.0, "f1": 1.0, "tp": 2, "fp": 0, "fn": 0}
    assert report["per_label"]["NHS_WORKFORCE"]["strict"]["tp"] == 1
    guard = run("check", gold, "--patterns", terms, "--model", ROOT / "models" / "policy-tagger",
                "--min-f1", "0.9")
    assert guard.exit_code == 0, guard.output
    assert "HOUSING" in guard.output


def test_a_bad_pattern_file_is_refused_with_its_line(tmp_path, store_path):
    terms = write_jsonl(tmp_path / "bad.jsonl", [{"label": "HOUSING", "pattern": "rent"},
                                                 {"label": "housing", "pattern": "lease"}])
    result = run("tag", "--db", store_path, "--patterns", terms)
    assert result.exit_code == 1
    assert "bad.jsonl:2" in result.output and "Traceback" not in result.output
    with open_store(store_path) as store:
        assert store.latest_model_version() is None  # nothing was tagged


@pytest.mark.slow  # worker processes
def test_own_patterns_reach_worker_processes(tmp_path, report_pdf):
    terms = write_jsonl(tmp_path / "terms.jsonl", [
        {"label": "COMMISSIONING", "pattern": "commissioned"},
        {"label": "SURVEYS", "pattern": "survey", "when": "care_context"}])
    results = []
    for workers in (0, 2):
        db = tmp_path / f"w{workers}.db"
        assert run("--db", db, "ingest", report_pdf, "--workers", "0").exit_code == 0
        with open_store(db) as store:
            tag_store(store, load_tagger(patterns=terms), batch_size=1, workers=workers)
        results.append([m[1:] for m in stored_mentions(db)])
    assert results[0] == results[1]
    assert {"COMMISSIONING", "SURVEYS"} <= {label for label, *_ in results[0]}
