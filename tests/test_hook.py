"""The pre-commit hooks: what .pre-commit-hooks.yaml offers other repositories, run for real
through `pre-commit try-repo`, and this repository's own .pre-commit-config.yaml."""

from __future__ import annotations

import json
import os
import re
import shutil
import site
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # pre-commit building environments

yaml = pytest.importorskip("yaml")  # pre-commit depends on PyYAML

ROOT = Path(__file__).resolve().parents[1]
PRE_COMMIT = shutil.which("pre-commit")
needs_pre_commit = pytest.mark.skipif(
    PRE_COMMIT is None or shutil.which("git") is None,
    reason="pre-commit and git are needed (pip install -e .[test])")

GOOD = {"text": "NICE approved the gene therapy.", "spans": [
    {"start": 0, "end": 4, "label": "REGULATION"}, {"start": 18, "end": 30, "label": "THERAPY"}]}
BAD = {"text": "Staff shortages persist.", "spans": [{"start": 0, "end": 16,
                                                       "label": "NHS_WORKFORCE"}]}
BAD_MESSAGE = ('labelled/bad.jsonl:1: span 1 NHS_WORKFORCE [0:16] "Staff shortages " ends with '
               "whitespace: end it at 15 (--fix does)")


def git_env(home: Path) -> dict[str, str]:
    """A git identity and a private pre-commit cache, so nothing outside tmp is touched."""
    return {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
            "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org",
            "PRE_COMMIT_HOME": str(home / "pre-commit-home"), "NO_COLOR": "1"}


def hook_env(env: dict[str, str]) -> dict[str, str]:
    """Let pre-commit build a `language: python` hook environment from what is installed here.

    The hook's virtualenv sees the packages installed here (system site-packages, or this
    virtualenv's through PYTHONPATH), so pip finds policylens's dependencies satisfied and
    downloads none of them. The build keeps pip's isolation, as for any user: pip fetches the
    build backend pyproject.toml asks for (setuptools>=77) from the package index, because the
    setuptools of a fresh virtualenv (65) cannot read its `license = "MIT"`. Where the index
    cannot be reached, the tests that build a hook skip with the reason.
    """
    env = {**env, "VIRTUALENV_SYSTEM_SITE_PACKAGES": "1"}
    if sys.prefix != sys.base_prefix:  # running in a virtualenv: its packages are not "system"
        env["PYTHONPATH"] = os.pathsep.join(site.getsitepackages())
    return env


def skip_if_hook_build_failed(output: str) -> None:
    """Skip (with the reason) when the build backend cannot be fetched; fail on other errors."""
    if "An unexpected error has occurred" in output:
        missing = re.search(r"No matching distribution found for (\S+)", output)
        if missing:
            pytest.skip(f"the hook's environment cannot be built: {missing.group(1)} is neither "
                        "installed here nor reachable on the package index")
        pytest.fail(f"pre-commit could not build the hook's environment:\n{output}")


def run(args: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, check=False,
                          timeout=600)


def git_repo(path: Path, files: dict[str, str], env: dict[str, str]) -> Path:
    """A new git repository holding files, staged (what `pre-commit --all-files` looks at)."""
    path.mkdir(parents=True)
    for name, content in files.items():
        (path / name).parent.mkdir(parents=True, exist_ok=True)
        (path / name).write_text(content, encoding="utf-8")
    for args in (["git", "init", "-q"], ["git", "add", "."]):
        done = run(args, path, env)
        assert done.returncode == 0, done.stderr
    return path


def jsonl(*samples: dict) -> str:
    return "".join(json.dumps(s) + "\n" for s in samples)


def test_hooks_file_offers_both_hooks():
    hooks = {h["id"]: h for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())}
    assert set(hooks) == {"policylens-check-labels", "policylens-regression"}
    for hook in hooks.values():
        assert hook["entry"] == "policylens check"
        assert hook["language"] == "python"
        assert hook["require_serial"] is True  # duplicates are found across files
        files = re.compile(hook["files"])
        for path in ("labelled/a.jsonl", "corpus/labelled/b.jsonl", "data/labeled/x/c.jsonl"):
            assert files.search(path), path
        for path in ("src/policylens/tagging/patterns/therapy.jsonl", "labelled/a.json",
                     "mislabelled/a.jsonl"):
            assert not files.search(path), path
    assert hooks["policylens-regression"]["pass_filenames"] is False
    assert "pass_filenames" not in hooks["policylens-check-labels"]


def hook_repository(dest: Path, env: dict[str, str]) -> Path:
    """A committed copy of what `pip install .` and pre-commit need from this repository."""
    dest.mkdir(parents=True)
    for name in ("pyproject.toml", ".pre-commit-hooks.yaml", "README.md", "LICENSE"):
        if (ROOT / name).exists():
            shutil.copy2(ROOT / name, dest / name)
    if not (dest / "README.md").exists():  # pyproject.toml names it as the long description
        (dest / "README.md").write_text("# policylens\n")
    shutil.copytree(ROOT / "src", dest / "src",
                    ignore=shutil.ignore_patterns("__pycache__", "*.egg-info", "*.pyc"))
    for args in (["git", "init", "-q"], ["git", "add", "."],
                 ["git", "-c", "commit.gpgsign=false", "commit", "-qm", "hooks"]):
        done = run(args, dest, env)
        assert done.returncode == 0, done.stderr
    return dest


@needs_pre_commit
def test_try_repo_runs_the_published_hook(tmp_path):
    """The `language: python` hook as another repository gets it: pre-commit builds a virtualenv
    and pip-installs policylens into it from the hook repository (see `hook_env`)."""
    env = git_env(tmp_path)
    hooks = hook_repository(tmp_path / "policylens-hooks", env)
    target = git_repo(tmp_path / "project", {
        "labelled/good.jsonl": jsonl(GOOD),
        "labelled/bad.jsonl": jsonl(BAD),
        "notes/other.jsonl": "not JSON, and not labelled samples\n",
    }, env)
    command = [PRE_COMMIT, "try-repo", str(hooks), "policylens-check-labels", "--all-files"]

    first = run(command, target, hook_env(env))
    output = first.stdout + first.stderr
    skip_if_hook_build_failed(output)
    assert first.returncode == 1, output
    assert BAD_MESSAGE in output
    assert "good.jsonl" not in output and "other.jsonl" not in output
    assert "Error: 1 problem in labelled samples" in output

    (target / "labelled" / "bad.jsonl").write_text(jsonl({**BAD, "spans": [
        {"start": 0, "end": 15, "label": "NHS_WORKFORCE"}]}))
    second = run(command, target, hook_env(env))
    assert second.returncode == 0, second.stdout + second.stderr
    assert re.search(r"policylens check \(labelled samples\)\.+Passed", second.stdout)


@needs_pre_commit
@pytest.mark.skipif(shutil.which("policylens") is None,
                    reason="the repo's own hooks run the installed policylens (pip install -e .)")
def test_own_config_checks_corpus_labelled(tmp_path):
    """This repository's .pre-commit-config.yaml: samples under corpus/labelled/ are checked,
    other JSONL files (the tagger's patterns) are not."""
    env = git_env(tmp_path)
    repo = git_repo(tmp_path / "repo", {
        ".pre-commit-config.yaml": (ROOT / ".pre-commit-config.yaml").read_text(),
        "corpus/labelled/good.jsonl": jsonl(GOOD),
        "corpus/labelled/bad.jsonl": jsonl(BAD),
        "src/policylens/tagging/patterns/therapy.jsonl": '{"label": "THERAPY", "pattern": "x"}\n',
    }, env)
    done = run([PRE_COMMIT, "run", "policylens-check-labels", "--all-files"], repo, env)
    output = done.stdout + done.stderr
    assert done.returncode == 1, output
    assert "corpus/" + BAD_MESSAGE in output
    assert "patterns" not in output and "good.jsonl" not in output


MODEL = ROOT / "models" / "policy-tagger"
LABELLED = ROOT / "corpus" / "labelled"


@needs_pre_commit
@pytest.mark.skipif(not (MODEL / "config.cfg").exists() or not (LABELLED / "baseline.json").exists(),
                    reason="needs the shipped tagger in models/policy-tagger and "
                    "corpus/labelled/baseline.json")
def test_regression_hook_as_another_repository_configures_it(tmp_path):
    """policylens-regression with the `args:` the README shows: it scores the whole sample set
    (not only the files changed) and fails when a label falls below the baseline."""
    env = hook_env(git_env(tmp_path))
    hooks = hook_repository(tmp_path / "policylens-hooks", env)
    rev = run(["git", "rev-parse", "HEAD"], hooks, env).stdout.strip()
    baseline = json.loads((LABELLED / "baseline.json").read_text())
    baseline["per_label"]["COST"]["lenient"]["f1"] = 1.0  # a better past than any present
    config = {"repos": [{"repo": str(hooks), "rev": rev, "hooks": [{
        "id": "policylens-regression",
        "args": ["--model", str(MODEL), "--baseline", "labelled/baseline.json", "labelled/"]}]}]}
    files = {f"labelled/{p.name}": p.read_text() for p in LABELLED.glob("*.jsonl")}
    target = git_repo(tmp_path / "project", {
        ".pre-commit-config.yaml": yaml.safe_dump(config),
        "labelled/baseline.json": (LABELLED / "baseline.json").read_text(), **files}, env)
    command = [PRE_COMMIT, "run", "--all-files", "--verbose"]  # shows a passing hook's table

    passed = run(command, target, env)
    output = passed.stdout + passed.stderr
    skip_if_hook_build_failed(output)
    assert passed.returncode == 0, output
    assert re.search(r"^micro( +[-+0-9.]+){6} +ok$", passed.stdout, re.MULTILINE), output

    (target / "labelled" / "baseline.json").write_text(json.dumps(baseline))
    run(["git", "add", "labelled/baseline.json"], target, env)  # pre-commit stashes unstaged edits
    failed = run(command, target, env)
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "regression: COST: lenient F1" in failed.stdout
    assert re.search(r"^COST( +[-+0-9.]+){6} +FAIL$", failed.stdout, re.MULTILINE)
