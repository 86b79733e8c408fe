"""`policylens run`, `topics` and `trends` through the command line, on PDFs the tests build."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from planted import SUBJECTS, add_planted_documents, planted_texts, shifting_proportions
from policylens.cli import cli
from policylens.store import Store

pytestmark = pytest.mark.slow  # whole runs on PDFs the tests build

SPEAKERS = ("Mr Alan Whitby (Carlisle North) (Lab):", "The Minister for Health (Helen Carver):",
            "Dr Priya Nair (Bath) (LD):", "Mrs Sarah Moss (Leeds East) (Con):")
OUTPUT_SUFFIXES = (".csv", ".json", ".svg", ".png", ".npz", ".html")


def _write_debates(folder: Path, pdfgen, years=(2017, 2020, 2023)) -> list[Path]:
    """One Hansard-style debate a year whose subjects shift from therapy to cost."""
    folder.mkdir(parents=True, exist_ok=True)
    props = shifting_proportions(len(years), 3, rise=1, fall=0, start=0.1, end=0.7)
    paths = []
    for i, year in enumerate(years):
        speeches = planted_texts([props[i]], 14, seed=year)
        items = [pdfgen.Heading("Cell and Gene Therapies", 1)]
        for j, p in enumerate(speeches):
            text = p.text.capitalize() + ". The gene therapy costs £2 million per patient."
            items.append(pdfgen.Speech(SPEAKERS[j % len(SPEAKERS)], (text,)))
        path = folder / f"debate-{year}.pdf"
        pdfgen.write_hansard(path, date=dt.date(year, 3, 10), title="Cell and Gene Therapies",
                             sitting="Westminster Hall", items=items)
        paths.append(path)
    return paths


def _digests(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.suffix in OUTPUT_SUFFIXES}


def _invoke(*args: str):
    result = CliRunner().invoke(cli, list(args))
    return result


@pytest.fixture(scope="module")
def first_run(tmp_path_factory, pdfgen):
    root = tmp_path_factory.mktemp("run")
    _write_debates(root / "pdfs", pdfgen)
    out = root / "results"
    args = ("run", str(root / "pdfs"), "--out", str(out), "--k", "3", "--workers", "0",
            "--bootstrap", "200")
    result = _invoke(*args)
    assert result.exit_code == 0, result.output + str(result.exception)
    return root, out, args, result


def test_run_writes_every_output_and_prints_where(first_run):
    _root, out, _, result = first_run
    printed = [Path(line) for line in result.stdout.splitlines()]
    assert printed[0] == out / "policylens.db"
    for name in ("topics.csv", "document_topics.csv", "topic_trends.csv", "mention_trends.csv",
                 "shifts.csv", "divergence.csv"):
        assert out / name in printed, name
    assert out / "plots" / "topic_trends.png" in printed
    assert out / "plots" / "mention_trends.svg" in printed
    assert all(p.exists() for p in printed)
    with Store(out / "policylens.db") as store:
        status = store.status()
    assert status["documents"] == 3
    assert status["passages"] >= 3 * 14
    assert status["tagged_passages"] == status["passages"]  # the shipped tagger ran
    mentions = (out / "mention_trends.csv").read_text(encoding="utf-8")
    assert ",THERAPY," in mentions and ",COST," in mentions


def test_run_says_which_k_it_used_and_why(first_run):
    assert "k=3: the number of topics given (--k 3)" in first_run[3].stderr


def test_run_finds_the_shift_between_the_debates(first_run):
    _, out, _, _ = first_run
    import csv

    with open(out / "topics.csv", encoding="utf-8") as fh:
        topics = {r["topic"]: r["top_words"] for r in csv.DictReader(fh)}
    with open(out / "shifts.csv", encoding="utf-8") as fh:
        shifts = [r for r in csv.DictReader(fh) if r["group"] == "all"]
    cost_topic = next(t for t, words in topics.items()
                      if sum(w in SUBJECTS["cost"] for w in words.split("; ")) >= 3)
    biggest_rise = shifts[0]
    assert biggest_rise["topic"] == cost_topic
    assert (biggest_rise["from_period"], biggest_rise["to_period"]) == ("2017", "2023")


def test_every_table_with_a_topic_carries_its_key(first_run):
    import csv

    _, out, _, result = first_run

    def read(name):
        with open(out / name, encoding="utf-8") as fh:
            return list(csv.DictReader(fh))

    keys = {r["topic"]: r["topic_key"] for r in read("topics.csv")}
    assert sorted(keys.values()) == ["t1", "t2", "t3"]  # a first fit: t1..tk
    for name in ("document_topics.csv", "topic_trends.csv", "shifts.csv"):
        rows = read(name)
        assert rows and all(keys[r["topic"]] == r["topic_key"] for r in rows), name
    rows = read("divergence.csv")
    assert rows and all(keys[r["biggest_change_topic"]] == r["biggest_change_topic_key"]
                        for r in rows)
    matches = read("topic_matches.csv")
    assert {(m["old_key"], m["new_key"], m["status"]) for m in matches} == \
        {("", key, "new") for key in keys.values()}
    assert str(out / "topic_matches.csv") in result.stdout


def test_rerun_reuses_the_store_and_gives_identical_outputs(first_run):
    _root, out, args, _ = first_run
    before = _digests(out)
    result = _invoke(*args)
    assert result.exit_code == 0, result.output
    assert "3 unchanged" in result.stderr
    assert "every passage already tagged" in result.stderr
    assert "reusing the model" in result.stderr
    assert _digests(out) == before
    assert len(before) >= 12


def test_new_pdf_refits_topics(tmp_path, pdfgen):
    _write_debates(tmp_path / "pdfs", pdfgen, years=(2018, 2022))
    out = tmp_path / "out"
    args = ("run", str(tmp_path / "pdfs"), "--out", str(out), "--k", "2", "--workers", "0",
            "--bootstrap", "100", "--db", str(tmp_path / "elsewhere.db"))
    assert _invoke(*args).exit_code == 0
    assert (tmp_path / "elsewhere.db").exists() and not (out / "policylens.db").exists()
    _write_debates(tmp_path / "pdfs", pdfgen, years=(2024,))
    result = _invoke(*args)
    assert result.exit_code == 0, result.output
    assert "1 added" in result.stderr and "fitting NMF topics" in result.stderr
    assert "2024" in (out / "topic_trends.csv").read_text(encoding="utf-8")


def test_run_takes_the_researchers_stop_words(tmp_path, pdfgen):
    import json

    _write_debates(tmp_path / "pdfs", pdfgen, years=(2018, 2022))
    stop = tmp_path / "stop.txt"
    stop.write_text("# the cost subject's two commonest words\nprice\nbudget\n",
                    encoding="utf-8")
    out = tmp_path / "out"
    result = _invoke("run", str(tmp_path / "pdfs"), "--out", str(out), "--k", "2",
                     "--workers", "0", "--bootstrap", "100", "--stop-words", str(stop))
    assert result.exit_code == 0, result.output
    meta = json.loads((out / "topic-model" / "model.json").read_text(encoding="utf-8"))
    assert meta["params"]["stop_words"] == ["budget", "price"]
    assert not {"budget", "price"} & set(meta["vocabulary"])
    assert "affordability" in meta["vocabulary"]  # the subject's other words are kept
    import csv

    with open(out / "topics.csv", encoding="utf-8") as fh:
        words = {w for r in csv.DictReader(fh) for w in r["top_words"].split("; ")}
    assert words and not {"budget", "price"} & words


def test_run_without_a_corpus_says_what_to_do(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = _invoke("run")
    assert result.exit_code == 1
    assert "corpus does not exist" in result.output
    assert "Hint:" in result.output


# -- topics and trends on a store ------------------------------------------------------------
@pytest.fixture(scope="module")
def planted_store(tmp_path_factory):
    folder = tmp_path_factory.mktemp("cli")
    props = shifting_proportions(5, 4)
    with Store(folder / "s.db") as store:
        add_planted_documents(store, planted_texts(props, 60, seed=2, mix=0.1), 2016,
                              docs_per_period=3)
    return folder


def test_topics_command_prints_topics_and_saves_the_model(planted_store):
    db = str(planted_store / "s.db")
    result = _invoke("--db", db, "topics", "--k", "auto", "--k-range", "2:6", "--format", "csv")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "topic,topic_key,label,share,coherence,top_words"
    assert len(lines) == 1 + 4  # four planted subjects
    assert "k=2: coherence (NPMI)" in result.stderr and "k=6:" in result.stderr
    assert (planted_store / "k_selection.csv").read_text().count("\n") == 1 + 5
    selected = [line.split(",")[0] for line in
                (planted_store / "k_selection.csv").read_text().splitlines()[1:]
                if line.endswith(",true")]
    assert selected == ["4"]
    chosen = re.search(r"^k=(\d+): (the highest mean coherence|mean coherence .* within 0.01 "
                       r"of the highest).* of k 2\.\.6", result.stderr, re.MULTILINE)
    assert chosen and chosen.group(1) == "4", result.stderr
    assert (planted_store / "topic-model" / "model.npz").is_file()


def test_topics_command_fits_lda_candidates_in_workers_with_the_same_result(planted_store,
                                                                           tmp_path):
    db = str(planted_store / "s.db")
    outputs = {}
    for workers in ("1", "2"):
        out = tmp_path / f"w{workers}"
        result = _invoke("--db", db, "topics", "--k", "auto", "--k-range", "3:5", "--method",
                         "lda", "--out", str(out), "--workers", workers, "--refit")
        assert result.exit_code == 0, result.output
        outputs[workers] = [(out / name).read_bytes()
                            for name in ("topics.csv", "k_selection.csv", "document_topics.csv")]
    assert outputs["1"] == outputs["2"]
    assert outputs["1"][1].count(b"\n") == 1 + 3  # k = 3, 4, 5 each reported


def test_trends_command_compares_named_windows(planted_store):
    db = str(planted_store / "s.db")
    assert _invoke("--db", db, "topics", "--k", "4").exit_code == 0
    out = planted_store / "trends"
    result = _invoke("trends", "--db", db, "--out", str(out), "--by", "quarter",
                     "--group", "kind", "--compare", "2016:2017", "2019:2020",
                     "--bootstrap", "200", "--no-plots")
    assert result.exit_code == 0, result.output
    assert [Path(p).name for p in result.stdout.splitlines()] == [
        "topic_trends.csv", "mention_trends.csv", "shifts.csv", "divergence.csv"]
    shifts = (out / "shifts.csv").read_text(encoding="utf-8").splitlines()
    assert all(",2016:2017,2019:2020," in line for line in shifts[1:])
    trends = (out / "topic_trends.csv").read_text(encoding="utf-8")
    assert "2016-Q1,all," in trends and ",parliamentary," in trends
    assert "shifts 2016:2017 -> 2019:2020" in result.stderr


def test_trends_without_a_model_explains(tmp_path):
    with Store(tmp_path / "s.db") as store:
        add_planted_documents(store, planted_texts([[0.5, 0.5]], 20), 2020, 2)
    result = _invoke("--db", str(tmp_path / "s.db"), "trends")
    assert result.exit_code == 1
    assert "no topic model" in result.output and "policylens topics" in result.output


def test_trends_refuses_the_model_of_another_store_in_the_same_folder(tmp_path):
    for name, seed in (("a.db", 2), ("b.db", 3)):
        with Store(tmp_path / name) as store:
            add_planted_documents(store, planted_texts(shifting_proportions(3, 3), 20,
                                                       seed=seed), 2018, 2)
    a, b = str(tmp_path / "a.db"), str(tmp_path / "b.db")
    assert _invoke("--db", a, "topics", "--k", "3").exit_code == 0
    trends = ("trends", "--no-plots", "--bootstrap", "100")

    refused = _invoke(*trends, "--db", b)
    assert refused.exit_code == 1, refused.output
    assert "fitted on another store" in refused.output and "Hint:" in refused.output
    assert not (tmp_path / "topic_trends.csv").exists()  # a.db's folder is left alone

    assert _invoke(*trends, "--db", a).exit_code == 0
    a_trends = (tmp_path / "topic_trends.csv").read_bytes()
    # b.db's own model, found through the store wherever its topics were written.
    assert _invoke("--db", b, "topics", "--k", "3", "--out", str(tmp_path / "b")).exit_code == 0
    own = _invoke(*trends, "--db", b, "--out", str(tmp_path / "b-trends"))
    assert own.exit_code == 0, own.output
    assert (tmp_path / "b-trends" / "topic_trends.csv").read_bytes() != a_trends
    # Chosen explicitly, another store's model scores these passages.
    chosen = _invoke(*trends, "--db", b, "--out", str(tmp_path / "b-with-a"), "--model",
                     str(tmp_path / "topic-model"))
    assert chosen.exit_code == 0, chosen.output


@pytest.mark.parametrize("args", [["topics", "--k", "1"], ["topics", "--k", "many"],
                                  ["topics", "--k-range", "6:3"],
                                  ["trends", "--compare", "2016"], ["trends", "--by", "week"]])
def test_bad_options_fail_before_any_work(args, tmp_path):
    result = _invoke("--db", str(tmp_path / "none.db"), *args)
    assert result.exit_code == 2, result.output


@pytest.mark.parametrize("compare", [["bogus", "bogus"], ["2016", "2020-13"],
                                     ["2016", "2023:2019"]])
def test_run_refuses_a_bad_compare_before_reading_any_pdf(compare, tmp_path, pdfgen):
    _write_debates(tmp_path / "pdfs", pdfgen, years=(2020,))
    out = tmp_path / "results"
    result = _invoke("run", str(tmp_path / "pdfs"), "--out", str(out), "--compare", *compare)
    assert result.exit_code == 2, result.output
    assert "--compare" in result.output
    assert not out.exists()  # no store made, no PDF read


@pytest.mark.parametrize("command", ["topics", "trends", "run"])
def test_help_ends_with_an_example(command):
    result = _invoke(command, "--help")
    assert result.exit_code == 0
    text = result.output
    assert "Example:" in text
    example = text[text.index("Example:"):text.index("Options:")]
    assert f"policylens {command}" in example
