"""The Python API (policylens.Workspace, policylens.run): the same results as the command line,
on PDFs the tests build."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import inspect
import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import policylens
from conftest import hansard_items
from policylens.cli import cli
from policylens.errors import InputError, MissingDependencyError, StoreError

RUN_OPTIONS = {"k": 3, "n_boot": 200, "workers": 0}
RUN_ARGS = ["--k", "3", "--bootstrap", "200", "--workers", "0"]
CSV_OUTPUTS = ("topics.csv", "document_topics.csv", "topic_trends.csv", "mention_trends.csv",
               "theme_trends.csv", "framing.csv", "shifts.csv", "divergence.csv")


def _write_pdfs(folder: Path, pdfgen) -> Path:
    """Three debates and a report, over four years."""
    folder.mkdir(parents=True, exist_ok=True)
    for i, year in enumerate((2017, 2019, 2021)):
        pdfgen.write_hansard(folder / f"debate-{year}.pdf", date=dt.date(year, 4, 2 + i),
                             title=f"Cell and Gene Therapies {year}", sitting="Westminster Hall",
                             items=hansard_items(pdfgen, 1 + i))
    costs = ("The list price of a gene therapy can exceed £1.8 million per patient, and the "
             "Cancer Drugs Fund pays for some of them while evidence is gathered by the "
             "appraisal committee.")
    pdfgen.write_report(folder / "report-2023.pdf", date=dt.date(2023, 6, 12),
                        title="Paying for Advanced Therapies", organisation="NHS England",
                        sections=[("Costs", (costs,))])
    return folder


def _invoke(*args: str):
    result = CliRunner().invoke(cli, [str(a) for a in args])
    assert result.exit_code == 0, result.output + repr(result.exception)
    return result


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def runs(tmp_path_factory, pdfgen):
    """The same PDFs run through `policylens run` and through policylens.run()."""
    root = tmp_path_factory.mktemp("api")
    pdfs = _write_pdfs(root / "pdfs", pdfgen)
    _invoke("run", pdfs, "--out", root / "cli", *RUN_ARGS)
    messages: list[str] = []
    run = policylens.run(pdfs, out=root / "api", info=messages.append, **RUN_OPTIONS)
    return root, run, messages


@pytest.mark.slow  # two whole runs (module fixture)
def test_run_gives_the_command_lines_outputs_byte_for_byte(runs):
    root, run, messages = runs
    assert run.outputs["store"] == root / "api" / "policylens.db"
    for name in CSV_OUTPUTS:
        assert _digest(root / "api" / name) == _digest(root / "cli" / name), name
    assert set(run.outputs) >= {"topics", "topic trends", "mention trends", "report"}
    assert all(path.exists() for path in run.outputs.values())
    assert any("k=3: the number of topics given" in m for m in messages)


def test_run_checks_its_options_before_any_work(tmp_path):
    with pytest.raises(InputError, match="does not exist"):
        policylens.run(tmp_path / "no-pdfs", out=tmp_path / "out")
    assert not (tmp_path / "out").exists()


@pytest.mark.slow  # two whole runs (module fixture)
def test_stages_one_by_one_give_what_run_gives(runs, tmp_path):
    root, _, _ = runs
    ws = policylens.Workspace(tmp_path / "s.db")
    summary = ws.ingest(root / "pdfs")
    assert (summary.added, summary.found) == (4, 4)
    tagged = ws.tag()
    assert tagged.tagged == ws.status()["passages"] > 0
    assert tagged.model_version == ws.status()["model_version"]
    outcome = ws.run_topics(k=3, workers=0)
    assert outcome.model.k == 3 and not outcome.reused
    outputs = ws.run_trends(n_boot=200, plots=False)
    assert list(outputs) == ["topic trends", "mention trends", "theme trends", "framing",
                             "shifts", "divergence"]
    for name in CSV_OUTPUTS:
        assert _digest(tmp_path / name) == _digest(root / "cli" / name), name
    assert ws.tag().tagged == 0  # nothing left to tag
    assert ws.run_topics(k=3, workers=0).reused


@pytest.mark.slow  # two whole runs (module fixture)
def test_readers_give_what_the_exports_give(runs):
    root, run, _ = runs
    ws = run.workspace
    db = root / "cli" / "policylens.db"
    for command, records in (("passages", ws.passages()), ("documents", ws.documents()),
                             ("mentions", ws.mentions())):
        exported = _invoke("export", command, "--db", db, "--format", "jsonl").stdout
        expected = [json.loads(line) for line in exported.splitlines()]
        got = list(records)
        assert got == expected, command
        assert list(got[0]) == list(records.columns)
    assert len(list(ws.passages())) == ws.status()["passages"]


@pytest.mark.slow  # two whole runs (module fixture)
def test_passages_and_mentions_filter_as_the_command_line_does(runs):
    root, run, _ = runs
    ws = run.workspace
    every = list(ws.passages())
    recent = list(ws.passages(since="2021"))
    assert 0 < len(recent) < len(every)
    assert all(p["date"] >= "2021" for p in recent)
    kinds = {p["kind"] for p in every}
    assert len(kinds) >= 2  # debates and a report
    for kind in kinds:
        assert list(ws.passages(kind=kind)) == [p for p in every if p["kind"] == kind]

    cost = list(ws.mentions(label="cost"))  # any case, as --label takes it
    assert cost and {m["label"] for m in cost} == {"COST"}
    shown = _invoke("mentions", "--db", root / "cli" / "policylens.db", "--label", "COST",
                    "--format", "jsonl").stdout.splitlines()
    assert list(ws.mentions_in_context(label="COST")) == [json.loads(x) for x in shown]
    assert len(shown) > 2
    assert list(ws.mentions_in_context(label="COST", limit=2)) == [json.loads(x)
                                                                   for x in shown[:2]]
    for wrong in (0, -1, 2.5):  # SQLite would give none, all, or a datatype error
        with pytest.raises(InputError, match="whole number of mentions"):
            ws.mentions_in_context(limit=wrong)
    with pytest.raises(InputError, match="not a date"):
        ws.passages(since="March 2020")


@pytest.mark.slow  # two whole runs (module fixture)
def test_passage_by_id(runs):
    ws = runs[1].workspace
    first = next(iter(ws.passages()))
    assert ws.passage(first["passage_id"]) == first
    with pytest.raises(InputError) as missing:
        ws.passage("0000000000000000-9999")
    assert missing.value.hint and "export passages" in missing.value.hint


@pytest.mark.slow  # two whole runs (module fixture)
def test_results_read_back_with_their_types(runs):
    root, run, _ = runs
    ws = run.workspace
    topics = list(ws.topics())
    with open(root / "api" / "topics.csv", encoding="utf-8") as fh:
        written = list(csv.DictReader(fh))
    assert [t["label"] for t in topics] == [r["label"] for r in written]
    assert [t["topic"] for t in topics] == [1, 2, 3]
    assert sum(t["share"] for t in topics) == pytest.approx(1, abs=1e-3)
    trends = list(ws.topic_trends())
    assert {r["period"] for r in trends} >= {"2017", "2019", "2021"}  # text, not numbers
    assert all(r["ci_low"] <= r["share"] <= r["ci_high"] for r in trends)
    shifts = list(ws.shifts())
    assert shifts and all(isinstance(s["exceeds_noise"], bool) for s in shifts)
    labels = {r["label"] for r in ws.mention_trends()}
    assert {"THERAPY", "COST", "REGULATION", "NHS_WORKFORCE"} <= labels
    assert len(list(ws.document_topics())) == 3 * len(
        {r["passage_id"] for r in ws.document_topics()})
    assert next(iter(ws.divergence()))["period_from"] == "2017"
    themes = list(ws.theme_trends())
    assert [r["theme"] for r in themes[:5]] == ["THERAPY", "COST", "REGULATION",
                                                "NHS_WORKFORCE", "other"]
    assert all(isinstance(r["thin"], bool) and isinstance(r["share"], float) for r in themes)


@pytest.mark.slow  # two whole runs (module fixture)
def test_results_missing_say_what_to_run(tmp_path, runs):
    ws = policylens.Workspace(runs[0] / "api" / "policylens.db", results=tmp_path)
    with pytest.raises(InputError) as missing:
        ws.topics()
    assert "topics.csv" in missing.value.message and "policylens run" in missing.value.hint


@pytest.mark.slow  # two whole runs (module fixture)
def test_to_pandas(runs):
    pd = pytest.importorskip("pandas")
    ws = runs[1].workspace
    frame = ws.mentions().to_pandas()
    assert isinstance(frame, pd.DataFrame)
    assert list(frame.columns) == list(ws.mentions().columns)
    assert len(frame) == ws.status()["mentions"]
    trends = ws.topic_trends().to_pandas()
    assert trends["share"].dtype.kind == "f" and trends["period"].iloc[0] == "2017"


@pytest.mark.slow  # two whole runs (module fixture)
def test_to_pandas_without_pandas_says_how_to_get_it(runs, monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)  # as if it were not installed
    with pytest.raises(MissingDependencyError) as missing:
        runs[1].workspace.passages().to_pandas()
    assert "pip install pandas" in missing.value.hint


def test_a_missing_store_is_an_error_with_a_hint(tmp_path):
    ws = policylens.Workspace(tmp_path / "nothing.db")
    with pytest.raises(StoreError) as missing:
        ws.passages()
    assert missing.value.hint and "policylens ingest" in missing.value.hint
    assert not (tmp_path / "nothing.db").exists()


def test_ingest_of_nothing_creates_no_store(tmp_path):
    (tmp_path / "empty").mkdir()
    ws = policylens.Workspace(tmp_path / "s.db")
    with pytest.raises(InputError):
        ws.ingest(tmp_path / "empty")
    assert not (tmp_path / "s.db").exists()


@pytest.mark.slow  # runs the tagger through the API and the command line
def test_evaluate_and_render_match_the_command_line(tmp_path):
    sample = {"text": "Zolgensma costs £1.79 million per patient.",
              "spans": [{"start": 0, "end": 9, "label": "THERAPY"},
                        {"start": 16, "end": 29, "label": "COST"}]}
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(sample) + "\n", encoding="utf-8")
    report = policylens.evaluate(gold)
    cli_report = json.loads(_invoke("evaluate", gold, "--json").stdout)
    assert report.to_json() == cli_report
    assert report.micro["lenient"]["tp"] == 2

    text = tmp_path / "speech.txt"
    text.write_text(sample["text"] + "\n", encoding="utf-8")
    rendered = policylens.render(sample["text"])
    assert rendered.n_texts == 1
    assert str(rendered) + "\n" == _invoke("render", text).stdout
    assert "[Zolgensma | THERAPY" in rendered.page


# -- one set of defaults ---------------------------------------------------------------------
def _option_defaults(command) -> dict[str, object]:
    return {p.name: p.default for p in command.params}


def _signature_defaults(fn) -> dict[str, object]:
    return {name: p.default for name, p in inspect.signature(fn).parameters.items()
            if p.default is not inspect.Parameter.empty}


@pytest.mark.parametrize("command, function, names", [
    ("ingest", policylens.Workspace.ingest,
     {"timeout": "timeout", "memory_mb": "memory_mb", "engine": "engine"}),
    ("tag", policylens.Workspace.tag, {"batch_size": "batch_size"}),
    ("topics", policylens.Workspace.run_topics, {"method": "method", "seed": "seed"}),
    ("trends", policylens.Workspace.run_trends,
     {"by": "by", "n_boot": "n_boot", "seed": "seed"}),
    ("run", policylens.run, {"out": "out", "method": "method", "by": "by", "n_boot": "n_boot",
                             "seed": "seed"}),
])
def test_the_command_line_and_the_api_share_their_defaults(command, function, names):
    options = _option_defaults(cli.commands[command])
    signature = _signature_defaults(function)
    for option, parameter in names.items():
        assert options[option] == signature[parameter], (command, option)


def test_k_range_default_is_the_apis():
    options = _option_defaults(cli.commands["topics"])
    lo, hi = (int(v) for v in options["k_range"].split(":"))
    assert (lo, hi) == _signature_defaults(policylens.Workspace.run_topics)["k_range"]


def test_import_policylens_loads_no_heavy_library():
    code = ("import sys, policylens; before = set(sys.modules); policylens.Workspace; "
            "print(json.dumps([m in before for m in ('policylens.api', 'click')] + "
            "[m in sys.modules for m in ('spacy', 'sklearn', 'numpy', 'pdfplumber')]))")
    out = subprocess.run([sys.executable, "-c", "import json; " + code], capture_output=True,
                         text=True, check=True).stdout
    assert json.loads(out) == [False, False, False, False, False, False]
