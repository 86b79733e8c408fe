"""Finding the PDFs of a batch: each input folder is read once, however large the archive."""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

import badpdfs
from policylens.cli import cli
from policylens.errors import InputError
from policylens.ingest import find_pdfs, ingest_paths, require_pdfs
from policylens.store import open_store


@pytest.fixture
def scans(monkeypatch):
    """Every folder listing from here on, by real path (os.walk lists folders with scandir)."""
    seen: Counter[str] = Counter()
    real = os.scandir

    def counting(path="."):
        seen[os.path.realpath(path)] += 1
        return real(path)

    monkeypatch.setattr(os, "scandir", counting)
    return seen


@pytest.fixture
def archive(tmp_path):
    """Two levels of folders with a PDF in each, and a folder without any."""
    root = tmp_path / "archive"
    for i, sub in enumerate(["", "2019", "2019/march", "empty"]):
        (root / sub).mkdir(parents=True, exist_ok=True)
        if sub != "empty":
            badpdfs.simple_text_pdf(root / sub / f"doc-{i}.pdf", seed=40 + i)
    return root


def folders(root: Path) -> set[str]:
    return {os.path.realpath(d) for d, _, _ in os.walk(root)}


def test_ingest_command_lists_each_folder_once(tmp_path, archive, scans):
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "s.db"), "ingest", str(archive),
                                      "--workers", "0"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("3 PDF files: 3 added"), result.output
    listed = {path: n for path, n in scans.items() if path.startswith(str(archive))}
    assert listed == dict.fromkeys(folders(archive), 1)


def test_ingest_paths_walks_once_and_not_at_all_when_given_what_was_found(tmp_path, archive,
                                                                          scans):
    with open_store(tmp_path / "s.db", create=True) as store:
        summary = ingest_paths(store, [archive], workers=0)
    assert summary.added == 3
    assert max(scans.values()) == 1 and set(scans) >= folders(archive)

    found = require_pdfs([archive])
    scans.clear()
    with open_store(tmp_path / "t.db", create=True) as store:
        summary = ingest_paths(store, [archive], workers=0, found=found)
        paths = sorted(r["path"] for r in store.iter_documents())
    assert not scans
    assert summary.added == 3 and paths == sorted(str(p) for p in found[0])


def test_what_is_found_is_absolute_and_a_link_loop_is_listed_once(tmp_path, monkeypatch,
                                                                  scans):
    folder = tmp_path / "docs"
    (folder / "sub").mkdir(parents=True)
    badpdfs.simple_text_pdf(folder / "sub" / "a.pdf")
    (folder / "sub" / "loop").symlink_to(folder, target_is_directory=True)
    monkeypatch.chdir(tmp_path)
    files, skipped = find_pdfs(["docs"], follow_symlinks=True)
    assert files == [folder / "sub" / "a.pdf"] and not skipped
    assert all(p.is_absolute() for p in files)
    # The loop leads back to docs/: os.walk lists it once more on the way in, then stops.
    assert scans[str(folder.resolve())] <= 2 and scans[str((folder / "sub").resolve())] == 1


def test_an_empty_input_fails_before_a_store_is_created(tmp_path):
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputError, match="no PDF files"):
        require_pdfs([tmp_path / "empty"])
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "new.db"), "ingest",
                                      str(tmp_path / "empty")])
    assert result.exit_code == 1 and "no PDF files" in result.output
    assert not (tmp_path / "new.db").exists()
