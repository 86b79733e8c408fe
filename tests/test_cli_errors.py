"""Bad input to every command: a one-line error that says what to do, exit 1 or 2, no traceback.

The commands and their options are read from the Click group itself, so a command added later
is covered without editing this file: every option gets values its type refuses, and every
command that opens a store gets a missing store, an empty one, one from a newer policylens,
one that is not a store, and one in a folder that cannot exist.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

import badpdfs
from conftest import make_batch
from policylens.cli import cli
from policylens.store import SCHEMA_VERSION, Store


def leaf_commands(group: click.Group = cli, prefix: tuple[str, ...] = ()):
    for name, command in sorted(group.commands.items()):
        if isinstance(command, click.Group):
            yield from leaf_commands(command, prefix + (name,))
        else:
            yield prefix + (name,), command


COMMANDS = dict(leaf_commands())
STORE_COMMANDS = sorted(path for path, c in COMMANDS.items()
                        if any(p.name == "db" for p in c.params))
# Commands that create their store when it is missing.
CREATING = {("ingest",), ("run",)}


@pytest.fixture(scope="module")
def world(tmp_path_factory, pdfgen):
    """A folder of PDFs, a complete results folder made by `run`, and sample input files."""
    root = tmp_path_factory.mktemp("world")
    pdfs = root / "pdfs"
    make_batch(pdfs, pdfgen, n=3)
    for i in range(3):
        badpdfs.simple_text_pdf(pdfs / f"paper-{i}.pdf", pages=2, seed=i, lines=16)
    out = root / "out"
    result = CliRunner().invoke(cli, ["run", str(pdfs), "--out", str(out), "--k", "2",
                                      "--workers", "0", "--bootstrap", "100"])
    assert result.exit_code == 0, result.output
    samples = root / "samples.jsonl"
    samples.write_text('{"text": "Gene therapy costs.", "spans": []}\n', encoding="utf-8")
    (root / "speech.txt").write_text("The gene therapy costs a lot.\n", encoding="utf-8")
    (root / "empty").mkdir()
    return {"root": root, "pdfs": pdfs, "out": out, "db": out / "policylens.db",
            "samples": samples, "text": root / "speech.txt", "empty": root / "empty",
            "model": out / "topic-model"}


def required_args(path: tuple[str, ...], world) -> list[str]:
    """Valid values for a command's required arguments (so only the option under test fails)."""
    args = []
    for param in COMMANDS[path].params:
        if not isinstance(param, click.Argument):
            continue
        if path in CREATING or param.name == "paths" and path == ("ingest",):
            args.append(str(world["pdfs"]))
        elif param.name in ("paths", "gold"):
            args.append(str(world["samples"]))
        elif param.required:
            args.append(str(world["text"]))
    return args


def check_one_line_error(result, codes=(1, 2)) -> str:
    """The output ends in one `Error:` line (and at most one `Hint:` line); returns it."""
    output = result.output
    assert "Traceback" not in output, output
    assert result.exit_code in codes, (result.exit_code, output)
    assert isinstance(result.exception, SystemExit), repr(result.exception)[:300]
    lines = output.rstrip("\n").splitlines()
    errors = [i for i, line in enumerate(lines) if line.startswith("Error:")]
    assert len(errors) == 1, output
    tail = lines[errors[0] + 1:]
    assert tail == [] or (len(tail) == 1 and tail[0].startswith("Hint:")), output
    assert len(lines[errors[0]]) < 400, lines[errors[0]]
    return "\n".join(lines[errors[0]:])


def invoke(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


# -- wrong option values ---------------------------------------------------------------------
def bad_values(option: click.Option, world) -> list:
    """Values the option's type must refuse."""
    kind = option.type
    values: list = []
    if isinstance(kind, click.Choice):
        values.append("no-such-choice")
    elif isinstance(kind, (click.IntRange, click.FloatRange)):
        values.append("not-a-number")
        if kind.min is not None:
            values.append(str(kind.min - 1))
        if kind.max is not None:
            values.append(str(kind.max + 1))
    elif isinstance(kind, (click.types.IntParamType, click.types.FloatParamType)):
        values.append("not-a-number")
    elif isinstance(kind, click.Path):
        if kind.exists:
            values.append(str(world["root"] / "no-such-path"))
        if not kind.dir_okay:
            values.append(str(world["empty"]))  # a folder where a file is wanted
        if not kind.file_okay:
            values.append(str(world["text"]))  # a file where a folder is wanted
    elif isinstance(kind, click.File):
        values.append(str(world["root"] / "no-such-file"))
    elif kind.name not in ("text", "boolean"):
        values.append("bogus")  # a custom type (K|auto, ...)
    # Text options that the commands parse themselves.
    values += {"since": ["bogus", "2020-13"], "until": ["bogus"],
               "k_range": ["x:y", "9:3"], "compare": [["bogus", "bogus"]]}.get(option.name, [])
    if option.nargs > 1:
        values = [v if isinstance(v, list) else [v] * option.nargs for v in values]
    return values


BAD_OPTION_CASES = [
    (path, option.name) for path, command in COMMANDS.items() for option in command.params
    if isinstance(option, click.Option) and not option.is_flag
]


def test_every_command_is_covered():
    names = {" ".join(p) for p in COMMANDS}
    assert {"ingest", "status", "export passages", "export documents"} <= names
    assert len(BAD_OPTION_CASES) >= 20


@pytest.mark.parametrize("path,name", BAD_OPTION_CASES,
                         ids=[f"{' '.join(p)}:{n}" for p, n in BAD_OPTION_CASES])
def test_wrong_option_value(world, path, name):
    option = next(p for p in COMMANDS[path].params if p.name == name)
    values = bad_values(option, world)
    if not values:
        pytest.skip(f"{option.opts[-1]} takes any text")
    db_args = [] if name == "db" else ["--db", world["db"]] if path in STORE_COMMANDS else []
    out_args = []
    if path in (("topics",), ("trends",), ("run",)) and name != "out":
        out_args = ["--out", world["root"] / "elsewhere"]  # keep the results folder intact
    for value in values:
        given = value if isinstance(value, list) else [value]
        result = invoke(*path, *required_args(path, world), *db_args, *out_args,
                        option.opts[-1], *given)
        error = check_one_line_error(result)
        assert any(opt in error for opt in option.opts) or given[0] in error, (
            f"the error does not name {option.opts[-1]} or {given[0]!r}: {error}")


# -- stores: missing, empty, newer, not a store ---------------------------------------------
def store_args(path: tuple[str, ...], world, db: Path) -> list:
    args = [*path, *required_args(path, world), "--db", db]
    if path == ("run",):
        args += ["--out", db.parent / "run-out", "--k", "2", "--workers", "0", "--bootstrap",
                 "100"]
    if path in (("topics",), ("trends",)):
        args += ["--out", db.parent / "outputs"]
    return args


def newer_store(folder: Path) -> Path:
    db = folder / "newer.db"
    with Store(db) as store:
        store.conn.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'",
                           (str(SCHEMA_VERSION + 1),))
        store.conn.commit()
    return db


def junk_file(folder: Path) -> Path:
    db = folder / "junk.db"
    db.write_bytes(b"this is not a database\n" * 200)
    return db


def foreign_sqlite(folder: Path) -> Path:
    db = folder / "other.db"
    with sqlite3.connect(db) as conn:
        conn.execute("CREATE TABLE customers (name TEXT)")
    return db


BROKEN_STORES = {
    "newer": (newer_store, "newer policylens", "upgrade"),
    "junk": (junk_file, "not a usable policylens store", "--db"),
    "foreign": (foreign_sqlite, "not a policylens store", "--db"),
    "inside-a-file": (lambda folder: junk_file(folder) / "store.db", "", "--db"),
}


@pytest.mark.parametrize("kind", sorted(BROKEN_STORES))
@pytest.mark.parametrize("path", STORE_COMMANDS, ids=[" ".join(p) for p in STORE_COMMANDS])
def test_unusable_store(world, tmp_path, path, kind):
    make, says, hint = BROKEN_STORES[kind]
    db = make(tmp_path)
    before = db.read_bytes() if db.is_file() else None
    error = check_one_line_error(invoke(*store_args(path, world, db)), codes=(1,))
    assert says in error and hint in error, error
    if before is not None:
        assert db.read_bytes() == before  # refused without being changed


@pytest.mark.parametrize("path", [p for p in STORE_COMMANDS if p not in CREATING],
                         ids=[" ".join(p) for p in STORE_COMMANDS if p not in CREATING])
def test_missing_store(world, tmp_path, path):
    db = tmp_path / "none.db"
    error = check_one_line_error(invoke(*store_args(path, world, db)), codes=(1,))
    assert "no store at" in error and "policylens ingest" in error, error
    assert not db.exists()  # a command that reads does not leave an empty store behind


@pytest.mark.parametrize("path", STORE_COMMANDS, ids=[" ".join(p) for p in STORE_COMMANDS])
def test_empty_store(world, tmp_path, path):
    db = tmp_path / "empty.db"
    Store(db).close()
    args = store_args(path, world, db)
    if path in CREATING:  # nothing to read either: a folder without PDFs
        args[len(path)] = str(world["empty"])
    result = invoke(*args)
    if path == ("status",):
        # Status of an empty store is an answer, with a pointer to what comes next.
        assert result.exit_code == 0, result.output
        assert "documents    0" in result.output and "policylens ingest" in result.output
        return
    error = check_one_line_error(result, codes=(1,))
    assert "`policylens " in error or ".pdf files" in error, error  # says what to run


def test_status_json_of_an_empty_store_is_still_json(tmp_path):
    import json

    db = tmp_path / "empty.db"
    Store(db).close()
    result = CliRunner().invoke(cli, ["--db", str(db), "status", "--json"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["documents"] == 0


def test_mentions_before_tagging_says_to_tag(world, tmp_path):
    db = tmp_path / "untagged.db"
    assert invoke("--db", db, "ingest", world["pdfs"], "--workers", "0").exit_code == 0
    for path in (("mentions",), ("export", "mentions")):
        error = check_one_line_error(invoke(*path, "--db", db), codes=(1,))
        assert "policylens tag" in error, error


# -- unreadable input files ---------------------------------------------------------------------
BINARY = bytes(range(256)) * 8


@pytest.mark.parametrize("path", [("evaluate",), ("check",), ("render",)],
                         ids=["evaluate", "check", "render"])
def test_binary_input_file(tmp_path, path):
    junk = tmp_path / "junk.jsonl"
    junk.write_bytes(BINARY)
    result = invoke(*path, junk)
    if path == ("check",):  # the checker reports a finding, in its FILE:LINE format
        assert result.exit_code == 1 and "Traceback" not in result.output, result.output
        assert f"{junk}:" in result.output
        return
    error = check_one_line_error(result)
    assert "UTF-8" in error or "junk.jsonl" in error, error


# ok: True (the batch runs), False (a one-line error: not a metadata CSV at all) or "row"
# (one bad row: reported in the summary and skipped, the batch runs).
METADATA_CASES = [
    ("empty", "", False),
    ("header-only", "file\n", True),                # describes nothing: fine
    ("unclosed-quote", '"file\n', True),            # still only a header
    ("no-file-column", "title,date\nx.pdf,2020-01-01\n", False),
    ("bad-date", "file,date\na.pdf,not-a-date\n", "row"),
    ("bad-kind", "file,kind\na.pdf,pamphlet\n", "row"),
    ("empty-name", "file,date\n,2020-01-01\n", "row"),
    ("nul-in-name", "file\n\x00\n", "row"),
    ("very-long-name", "file\n" + "a" * 5000 + ".pdf\n", True),  # names no file here: fine
]


@pytest.mark.parametrize("name,contents,ok", METADATA_CASES, ids=[c[0] for c in METADATA_CASES])
def test_bad_metadata_csv(world, tmp_path, name, contents, ok):
    csv_path = tmp_path / "meta.csv"
    csv_path.write_text(contents, encoding="utf-8")
    result = invoke("--db", tmp_path / "s.db", "ingest", world["pdfs"], "--workers", "0",
                    "--metadata", csv_path)
    if ok == "row":
        assert result.exit_code == 0, result.output
        assert "metadata row skipped: " in result.output and "meta.csv:2" in result.output
        assert "Traceback" not in result.output
        return
    if ok:
        assert result.exit_code == 0, result.output
        return
    error = check_one_line_error(result, codes=(1,))
    assert "meta.csv" in error, error


def test_usage_errors_say_how_to_get_help():
    for args in (["no-such-command"], ["ingest"], ["export"], ["status", "extra"]):
        result = invoke(*args)
        assert result.exit_code == 2, (args, result.output)
        assert "Traceback" not in result.output
        assert "--help" in result.output or "Usage:" in result.output
