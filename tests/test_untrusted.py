"""Untrusted files: nothing a file contains is run, and nothing a file is called changes SQL.

Loading every saved artifact works with pickle disabled; the source never reaches for pickle;
names, titles and labels full of quotes and semicolons are stored and exported intact;
paths cannot leave the folder being ingested; CSV exports are safe to open in a spreadsheet;
dependencies are at versions with known security fixes.
"""

from __future__ import annotations

import ast
import csv
import io
import json
import pickle
import re
import zipfile
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

import badpdfs
from policylens.cli import cli
from policylens.errors import InputError, ModelError
from policylens.ingest.metadata import read_metadata
from policylens.records import Mention
from policylens.store import open_store

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "policylens"

HOSTILE = "O'Brien\"; DROP TABLE documents;-- %s {0} \\ é"


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


# -- no pickle ---------------------------------------------------------------------------------
class PickleUsed(AssertionError):
    pass


@pytest.fixture
def no_pickle(monkeypatch):
    """Every way to unpickle raises: a loader that needs pickle fails the test."""
    import _pickle

    def refuse(*args, **kwargs):
        raise PickleUsed("something tried to unpickle data")

    class Refuse:
        def __init__(self, *args, **kwargs):
            refuse()

    for module in (pickle, _pickle):
        for name in ("load", "loads"):
            monkeypatch.setattr(module, name, refuse)
        monkeypatch.setattr(module, "Unpickler", Refuse)
    try:
        import srsly

        for name in ("pickle_loads", "pickle_load"):
            if hasattr(srsly, name):
                monkeypatch.setattr(srsly, name, refuse)
    except ImportError:  # pragma: no cover - srsly comes with spaCy
        pass
    real_np_load = np.load

    def np_load(*args, allow_pickle=False, **kwargs):
        assert allow_pickle is False, "np.load called with allow_pickle=True"
        return real_np_load(*args, allow_pickle=False, **kwargs)

    monkeypatch.setattr(np, "load", np_load)


def test_the_store_loads_without_pickle(tmp_path, no_pickle):
    db = tmp_path / "s.db"
    badpdfs.simple_text_pdf(tmp_path / "a.pdf")
    assert run("--db", db, "ingest", tmp_path / "a.pdf", "--workers", "0").exit_code == 0
    with open_store(db) as store:
        store.put_artifact("settings", json.dumps({"k": 3}))
    with open_store(db) as store:
        assert store.status()["documents"] == 1
        assert list(store.iter_passages())
        assert json.loads(store.get_artifact("settings")) == {"k": 3}


def test_the_tagger_loads_without_pickle(tmp_path, no_pickle):
    import spacy

    from policylens.tagging.pipeline import (
        build_tagger,
        default_model_dir,
        load_tagger,
        model_version,
        save_tagger,
    )

    text = "The gene therapy costs £1.8 million per patient, the regulator said."
    shipped = default_model_dir()
    if (shipped / "config.cfg").is_file():
        nlp = spacy.load(shipped)
        assert model_version(nlp)
        doc = nlp(text)
        assert list(doc.spans.get("policy", []))
    # A tagger saved and loaded again, the way `policylens tag --model` reads one.
    saved = save_tagger(build_tagger(), tmp_path / "tagger")
    nlp = load_tagger(saved)
    doc = nlp(text)
    assert {s.label_ for s in doc.spans["policy"]} >= {"THERAPY", "COST"}


def test_topic_models_load_without_pickle_and_refuse_pickled_arrays(tmp_path, no_pickle):
    from policylens.topics import TopicModel, TopicParams
    from policylens.topics.persist import load_model, load_shares, save_model, save_shares

    vocabulary = ["gene", "therapy", "cost", "nurse", "workforce", "licence"]
    components = np.arange(12, dtype=np.float64).reshape(2, 6) + 1
    model = TopicModel(TopicParams(k=2)).with_learned(vocabulary_=vocabulary,
                                                      components_=components, idf_=np.ones(6))
    folder = save_model(model, tmp_path / "topic-model", labels=["cost", "workforce"])
    save_shares(folder, ["a-0000", "a-0001"], np.array([[0.25, 0.75], [1.0, 0.0]]), "key")
    loaded = load_model(folder)
    assert loaded.vocabulary_ == vocabulary
    np.testing.assert_array_equal(loaded.components_, components)
    ids, shares, key = load_shares(folder)
    assert ids == ["a-0000", "a-0001"] and key == "key" and shares[0, 1] == 0.75

    # A stranger's model.npz holding a pickled object array is refused, not unpickled.
    marker = tmp_path / "ran"
    hostile = np.empty(1, dtype=object)
    hostile[0] = _RunsWhenUnpickled(str(marker))
    with zipfile.ZipFile(folder / "model.npz", "w") as zf:
        for name, array, allow in (("components", hostile, True), ("idf", np.ones(6), False)):
            buf = io.BytesIO()
            np.lib.format.write_array(buf, array, allow_pickle=allow)
            zf.writestr(f"{name}.npy", buf.getvalue())
    with pytest.raises(ModelError):
        load_model(folder)
    assert not marker.exists()


class _RunsWhenUnpickled:
    """Unpickling this creates a file: the proof that a loader ran a stranger's code."""

    def __init__(self, path: str) -> None:
        self.path = path

    def __reduce__(self):
        return (open, (self.path, "w"))


def _python_files() -> list[Path]:
    return sorted(SRC.rglob("*.py"))


FORBIDDEN_MODULES = {"pickle", "_pickle", "cPickle", "dill", "cloudpickle", "joblib", "shelve",
                     "marshal"}


def test_source_never_reaches_for_pickle_or_eval():
    problems = []
    for path in _python_files():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        where = lambda node: f"{path.relative_to(ROOT)}:{node.lineno}"  # noqa: E731
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [a.name.split(".")[0] for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [(node.module or "").split(".")[0]]
                names += [a.name for a in node.names if "pickle" in a.name]
            else:
                names = []
            problems += [f"{where(node)}: imports {n}" for n in names if n in FORBIDDEN_MODULES
                         or "pickle" in n]
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            owner = func.value.id if isinstance(func, ast.Attribute) and isinstance(
                func.value, ast.Name) else ""
            keywords = {k.arg: k.value for k in node.keywords}
            if name in ("eval", "exec") and not owner:
                problems.append(f"{where(node)}: calls {name}()")
            if "pickle" in name.lower():
                problems.append(f"{where(node)}: calls {owner}.{name}()")
            if owner in ("np", "numpy") and name == "load":
                flag = keywords.get("allow_pickle")
                if not (isinstance(flag, ast.Constant) and flag.value is False):
                    problems.append(f"{where(node)}: np.load without allow_pickle=False")
            if owner == "yaml" and name in ("load", "unsafe_load", "full_load"):
                problems.append(f"{where(node)}: yaml.{name} (use yaml.safe_load)")
            if owner == "torch" and name == "load":
                problems.append(f"{where(node)}: torch.load unpickles")
    assert not problems, "\n".join(problems)


def _fixed_names(scope: ast.AST) -> set[str]:
    """Names bound in ``scope`` only to literal strings (a fixed fragment, a table name)."""
    def literal(node) -> bool:
        return isinstance(node, ast.Constant) and isinstance(node.value, str)

    names = set()
    for node in ast.walk(scope):
        if isinstance(node, ast.Assign) and literal(node.value):
            names |= {t.id for t in node.targets if isinstance(t, ast.Name)}
        if (isinstance(node, ast.For) and isinstance(node.target, ast.Name)
                and isinstance(node.iter, (ast.Tuple, ast.List))
                and all(literal(e) for e in node.iter.elts)):
            names.add(node.target.id)
    return names


def test_only_the_store_speaks_sql_and_never_formats_values_into_it():
    problems = []
    for path in _python_files():
        text = path.read_text(encoding="utf-8")
        tree = ast.parse(text, filename=str(path))
        rel = path.relative_to(ROOT)
        for node in ast.walk(tree):
            if isinstance(node, (ast.Import, ast.ImportFrom)) and path.name != "store.py":
                names = [a.name for a in node.names] + [getattr(node, "module", None) or ""]
                if "sqlite3" in names:
                    problems.append(f"{rel}:{node.lineno}: imports sqlite3 outside store.py")
        functions = [n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef,
                                                                  ast.AsyncFunctionDef))]
        for function in functions:
            fixed = _fixed_names(function) | {"where"}  # _filters: clauses of fixed text
            for node in ast.walk(function):
                if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                        and node.func.attr in ("execute", "executemany", "executescript")
                        and node.args):
                    continue
                sql = node.args[0]
                # Values travel as parameters: %-formatting or .format() of a statement, or
                # an f-string that interpolates anything but a fixed fragment, is refused.
                if isinstance(sql, ast.BinOp) and isinstance(sql.op, (ast.Mod, ast.Add)):
                    problems.append(f"{rel}:{node.lineno}: SQL built with an operator")
                if isinstance(sql, ast.Call) and getattr(sql.func, "attr", "") == "format":
                    problems.append(f"{rel}:{node.lineno}: SQL built with .format()")
                if isinstance(sql, ast.JoinedStr):
                    for part in sql.values:
                        if isinstance(part, ast.FormattedValue) and not (
                                isinstance(part.value, ast.Name)
                                and (part.value.id.isupper() or part.value.id.startswith("_")
                                     or part.value.id in fixed)):
                            problems.append(f"{rel}:{node.lineno}: SQL f-string interpolates "
                                            f"{ast.unparse(part.value)}")
    assert not problems, "\n".join(sorted(set(problems)))


# -- SQL: names, titles and labels with quotes and semicolons ---------------------------------
def test_hostile_names_titles_and_labels_are_stored_and_exported_intact(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    name = "O'Brien\"; DROP TABLE documents;--.pdf"
    badpdfs.simple_text_pdf(folder / name, seed=1)
    badpdfs.simple_text_pdf(folder / "plain.pdf", seed=2)
    title = "Robert'); DROP TABLE passages;-- \"quoted\" 100% {0}"
    with (folder / "metadata.csv").open("w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows([["file", "title"], [name, title], ["plain.pdf", HOSTILE]])
    db = tmp_path / "s.db"
    result = run("--db", db, "ingest", folder, "--workers", "0")
    assert result.exit_code == 0, result.output
    docs = run("--db", db, "export", "documents", "--format", "jsonl")
    records = {Path(r["path"]).name: r for r in map(json.loads, docs.stdout.splitlines())}
    assert records[name]["title"] == title
    assert records["plain.pdf"]["title"] == HOSTILE
    out = run("--db", db, "export", "passages", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out.stdout)))
    assert {Path(r["path"]).name for r in rows} == {name, "plain.pdf"}
    assert {r["title"] for r in rows} == {title, HOSTILE}

    with open_store(db) as store:
        passage = next(iter(store.iter_passages()))
        label = "COST'; DELETE FROM mentions; --"
        store.save_mentions("v'1\"; --", [passage["passage_id"]], [
            Mention(passage["passage_id"], label, 0, 5, passage["text"][:5], "it's", 1.5, "£")])
        found = list(store.iter_mentions(label=label, model_version="v'1\"; --"))
        assert [(m["label"], m["canonical"]) for m in found] == [(label, "it's")]
        # A filter value is a value: a quote in it matches nothing rather than everything.
        assert list(store.iter_passages(kind="x' OR '1'='1")) == []
        assert list(store.iter_mentions(label="x' OR '1'='1", model_version="v'1\"; --")) == []
        assert store.status()["documents"] == 2


# -- paths cannot escape ------------------------------------------------------------------------
@pytest.mark.parametrize("target", ["../outside.pdf", "sub/../../outside.pdf", "{abs}",
                                    "link.pdf", "linkdir/outside.pdf"])
def test_metadata_paths_cannot_leave_the_folder(tmp_path, target):
    outside = badpdfs.simple_text_pdf(tmp_path / "outside.pdf")
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "link.pdf").symlink_to(outside)
    (folder / "linkdir").symlink_to(tmp_path, target_is_directory=True)
    target = target.replace("{abs}", str(outside))
    (folder / "metadata.csv").write_text(f"file,title\n{target},Taken\n", encoding="utf-8")
    entries, skipped = read_metadata(folder / "metadata.csv")
    assert entries == {} and len(skipped) == 1 and "points outside" in skipped[0]
    result = run("--db", tmp_path / "s.db", "ingest", folder, "--workers", "0")
    assert "points outside" in result.output, result.output
    assert "Traceback" not in result.output


def test_symlinks_out_of_the_folder_are_not_followed_unless_asked(tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    secret = badpdfs.simple_text_pdf(elsewhere / "secret.pdf", seed=5)
    badpdfs.simple_text_pdf(elsewhere / "deep.pdf", seed=6)
    folder = tmp_path / "docs"
    folder.mkdir()
    badpdfs.simple_text_pdf(folder / "own.pdf", seed=7)
    (folder / "file-link.pdf").symlink_to(secret)
    (folder / "dir-link").symlink_to(elsewhere, target_is_directory=True)
    (folder / "inside-link.pdf").symlink_to(folder / "own.pdf")  # stays inside: fine

    db = tmp_path / "s.db"
    result = run("--db", db, "ingest", folder, "--workers", "0")
    assert result.exit_code == 0, result.output
    assert "file-link.pdf: a symbolic link to a file outside the folder" in result.output
    with open_store(db) as store:
        paths = [Path(r["path"]).name for r in store.iter_documents()]
    # own.pdf and inside-link.pdf are one file (read once, under either name).
    assert len(paths) == 1 and paths[0] in ("own.pdf", "inside-link.pdf"), paths

    result = run("--db", tmp_path / "t.db", "ingest", folder, "--workers", "0",
                 "--follow-symlinks")
    assert result.exit_code == 0, result.output
    with open_store(tmp_path / "t.db") as store:
        names = sorted(Path(r["path"]).name for r in store.iter_documents())
    assert len(names) == 3 and names[:2] == ["deep.pdf", "file-link.pdf"], names


def test_symlink_loop_with_follow_symlinks_ends(tmp_path):
    folder = tmp_path / "docs"
    (folder / "sub").mkdir(parents=True)
    badpdfs.simple_text_pdf(folder / "sub" / "a.pdf")
    (folder / "sub" / "loop").symlink_to(folder, target_is_directory=True)
    result = run("--db", tmp_path / "s.db", "ingest", folder, "--workers", "0",
                 "--follow-symlinks")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("1 PDF files: 1 added"), result.output


# -- CSV injection --------------------------------------------------------------------------
def test_exports_neutralise_spreadsheet_formulas(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    titles = {"a.pdf": "=HYPERLINK(\"http://example.invalid\",\"click\")", "b.pdf": "+1+2",
              "c.pdf": "-2+3", "d.pdf": "@SUM(A1:A2)"}
    for i, name in enumerate(titles):
        badpdfs.simple_text_pdf(folder / name, seed=10 + i)
    with (folder / "metadata.csv").open("w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows([["file", "title"], *titles.items()])
    db = tmp_path / "s.db"
    assert run("--db", db, "ingest", folder, "--workers", "0").exit_code == 0
    for what in ("passages", "documents"):
        out = run("--db", db, "export", what, "--format", "csv", "-o", tmp_path / f"{what}.csv")
        assert out.exit_code == 0, out.output
        text = (tmp_path / f"{what}.csv").read_text(encoding="utf-8")
        rows = list(csv.DictReader(io.StringIO(text)))
        got = {Path(r["path"]).name: r["title"] for r in rows}
        assert got == {k: "'" + v for k, v in titles.items()}
        for row in rows:
            for value in row.values():
                assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), value
    # JSON lines are data for programs, not spreadsheets: the titles stay as they are.
    out = run("--db", db, "export", "documents", "--format", "jsonl")
    assert {json.loads(line)["title"] for line in out.stdout.splitlines()} == set(
        titles.values())


# -- dependency floors ----------------------------------------------------------------------
def _floors() -> dict[str, str]:
    try:
        import tomllib
    except ImportError:  # Python 3.10
        tomllib = pytest.importorskip("tomli")
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    requirements = list(project["dependencies"])
    for extra in project.get("optional-dependencies", {}).values():
        requirements += extra
    floors = {}
    for requirement in requirements:
        m = re.match(r"^\s*([A-Za-z0-9_.-]+)(\[[^\]]*\])?\s*[^;]*?>=\s*([0-9][0-9.]*)", requirement)
        if m:
            floors[m.group(1)] = m.group(3)
    return floors


def test_pdfminer_floor_has_the_cmap_pickle_fix():
    # pdfminer.six before 20251107 could unpickle a hostile CMap file (CVE-2025-64512).
    floors = _floors()
    assert int(floors["pdfminer.six"]) >= 20251107
    from importlib.metadata import version

    assert int(version("pdfminer.six")) >= 20251107


def test_installed_versions_meet_every_floor():
    from importlib.metadata import PackageNotFoundError, version

    from packaging.version import Version

    too_old = []
    for name, floor in _floors().items():
        if name == "policylens":
            continue
        try:
            installed = version(name)
        except PackageNotFoundError:
            continue  # an optional extra that is not installed here
        if Version(installed) < Version(floor):
            too_old.append(f"{name} {installed} < {floor}")
    assert not too_old, too_old

