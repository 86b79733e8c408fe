"""Options the README calls shared mean the same on every command that takes them: -q/--quiet
and --debug before or after the command's name, --format json for reports, -o/--output for
data, and label names in any case."""

from __future__ import annotations

import json
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from conftest import make_batch
from policylens.cli import cli
from policylens.store import Store


def leaf_commands(group: click.Group = cli, prefix: tuple[str, ...] = ()):
    for name, command in sorted(group.commands.items()):
        if isinstance(command, click.Group):
            yield from leaf_commands(command, prefix + (name,))
        else:
            yield prefix + (name,)


def invoke(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


@pytest.fixture(scope="module")
def results(tmp_path_factory, pdfgen):
    root = tmp_path_factory.mktemp("options")
    make_batch(root / "pdfs", pdfgen, n=2)
    out = root / "out"
    result = invoke("run", root / "pdfs", "--out", out, "--k", "2", "--workers", "0",
                    "--bootstrap", "100")
    assert result.exit_code == 0, result.output
    samples = root / "samples.jsonl"
    samples.write_text('{"text": "The gene therapy costs £2 million.", "spans": [{"start": 4, '
                       '"end": 16, "label": "THERAPY"}, {"start": 23, "end": 33, '
                       '"label": "COST"}]}\n', encoding="utf-8")
    return {"root": root, "pdfs": root / "pdfs", "db": out / "policylens.db", "samples": samples}


@pytest.mark.parametrize("path", list(leaf_commands()), ids=" ".join)
@pytest.mark.parametrize("flag", ["-q", "--quiet", "--debug"])
def test_every_command_takes_the_shared_flags_after_its_name(path, flag):
    result = invoke(*path, flag, "--help")
    assert result.exit_code == 0, result.output


def test_quiet_after_the_command_silences_the_summary(results, tmp_path):
    loud = invoke("ingest", results["pdfs"], "--db", tmp_path / "a.db", "--workers", "0")
    quiet = invoke("ingest", results["pdfs"], "--db", tmp_path / "b.db", "--workers", "0", "-q")
    assert loud.exit_code == 0 and quiet.exit_code == 0, loud.output + quiet.output
    assert "2 added" in loud.stderr, loud.stderr
    assert quiet.stderr == ""
    with Store(tmp_path / "b.db") as store:
        assert store.status()["documents"] == 2


def test_debug_after_the_command_shows_the_traceback(tmp_path):
    db = tmp_path / "empty.db"
    Store(db).close()
    plain = invoke("--db", db, "topics", "--out", tmp_path)
    debug = invoke("--db", db, "topics", "--out", tmp_path, "--debug")
    assert plain.exit_code == debug.exit_code == 1
    assert "Traceback" not in plain.output
    assert "Traceback" in debug.output and "holds no passages" in debug.output


def test_status_format_json_and_output_file(results, tmp_path):
    flag = invoke("status", "--db", results["db"], "--json")
    fmt = invoke("status", "--db", results["db"], "--format", "json")
    assert flag.exit_code == fmt.exit_code == 0, flag.output + fmt.output
    assert fmt.stdout == flag.stdout
    assert json.loads(fmt.stdout)["documents"] == 2
    target = tmp_path / "status.txt"
    written = invoke("status", "--db", results["db"], "-o", target)
    assert written.exit_code == 0 and written.stdout == ""
    assert target.read_text(encoding="utf-8") == invoke("status", "--db", results["db"]).stdout
    assert target.read_text(encoding="utf-8").startswith("store ")


def test_evaluate_format_json_matches_json_flag_and_writes_a_file(results, tmp_path):
    flag = invoke("evaluate", results["samples"], "--json")
    target = tmp_path / "baseline.json"
    fmt = invoke("evaluate", results["samples"], "--format", "json", "-o", target)
    assert flag.exit_code == fmt.exit_code == 0, flag.output + fmt.output
    assert fmt.stdout == ""
    assert target.read_text(encoding="utf-8") == flag.stdout
    assert set(json.loads(flag.stdout)["per_label"]) >= {"THERAPY", "COST"}


def test_topics_table_to_a_file(results, tmp_path):
    target = tmp_path / "topics.csv"
    result = invoke("topics", "--db", results["db"], "--k", "2", "--out", tmp_path / "t",
                    "--format", "csv", "-o", target)
    assert result.exit_code == 0, result.output
    assert target.read_text(encoding="utf-8").splitlines()[0] == \
        "topic,topic_key,label,share,coherence,top_words"
    assert "topic,topic_key" not in result.stdout


def test_render_output_file(tmp_path):
    text = tmp_path / "speech.txt"
    text.write_text("The gene therapy costs £2 million.\n", encoding="utf-8")
    target = tmp_path / "speech.html"
    result = invoke("render", text, "-o", target)
    assert result.exit_code == 0, result.output
    assert "gene therapy" in target.read_text(encoding="utf-8") and "THERAPY" in target.read_text(encoding="utf-8")
    assert "<html" not in result.stdout


@pytest.mark.parametrize("command", [["mentions"], ["export", "mentions"]])
def test_label_names_in_any_case(results, command):
    upper = invoke(*command, "--db", results["db"], "--label", "COST", "--format", "jsonl")
    lower = invoke(*command, "--db", results["db"], "--label", "cost", "--format", "jsonl")
    assert upper.exit_code == lower.exit_code == 0, upper.output + lower.output
    assert lower.stdout == upper.stdout
    rows = [json.loads(line) for line in lower.stdout.splitlines()]
    assert rows and {r["label"] for r in rows} == {"COST"}


def test_python_dash_m_policylens_is_the_same_command_line(tmp_path):
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-m", "policylens", "--version"],
                            capture_output=True, text=True, cwd=tmp_path, timeout=120,
                            check=False)
    assert result.returncode == 0, result.stderr
    from policylens import __version__

    assert __version__ in result.stdout
