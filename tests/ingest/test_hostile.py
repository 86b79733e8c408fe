"""Hostile and broken PDFs, each in a batch with good files, through `policylens ingest`.

Every case runs the real command in its own process with a worker process (so the per-file
time limit and the per-worker memory limit are the ones users get) and checks: the good
files are all stored, the bad one is stored (when it can be read) or recorded with its reason
and a sentence a person understands, the command ends without leaving a process behind, and
the exit code is 0 because not every file failed.
"""

from __future__ import annotations

import functools
import json
import shutil
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pytest

import badpdfs
from conftest import make_batch
from policylens.store import open_store

pytestmark = pytest.mark.slow  # hostile files read in worker processes under time and memory limits

TIMEOUT = 4          # seconds per file for the cases that should be quick
MEMORY_MB = 384      # per worker: far below what the decompression bomb wants
STARTUP_SLACK = 20   # seconds for starting Python, reading the good files (on a busy machine)
PEAK_RSS_MB = 150    # the most any process may hold while reading 2000 pages


def engines() -> list[str]:
    """The PDF engines `policylens ingest --engine` offers (pdfplumber alone before it had one)."""
    from policylens.cli import cli

    option = next((p for p in cli.commands["ingest"].params if p.name == "engine"), None)
    if option is None:
        return ["pdfplumber"]
    return list(option.type.choices)


def engine_args(engine: str) -> list[str]:
    return [] if engines() == ["pdfplumber"] else ["--engine", engine]


@dataclass(frozen=True)
class Case:
    name: str
    build: Callable[[Path], Path]
    # "stored", or the failure reasons accepted; a dict gives them per engine.
    expect: str | frozenset | dict
    words: str = ""           # for stored cases: text that must be in its passages
    says: tuple = ()          # for failures: words of the message a person reads (any of)
    timeout: float = TIMEOUT

    def expected(self, engine: str):
        return self.expect.get(engine, self.expect["*"]) if isinstance(self.expect, dict) \
            else self.expect


def _reasons(*names: str) -> frozenset:
    return frozenset(names)


def _truncated(fraction):
    return functools.partial(badpdfs.truncated, fraction=fraction)


def _broken_xref(how):
    return functools.partial(badpdfs.broken_xref, how=how)


CASES = [
    Case("corrupt-bytes", badpdfs.corrupt_bytes, _reasons("corrupt"), says=("damaged",)),
    Case("truncated-10", _truncated(0.10), _reasons("corrupt"), says=("damaged",)),
    Case("truncated-50", _truncated(0.50), _reasons("corrupt"), says=("damaged",)),
    # Cut after the last object: everything but the cross-reference table and trailer is
    # there, and a repair by scanning recovers it.
    Case("truncated-97", _truncated(0.97), "stored", words="gene therapy costs"),
    Case("zero-byte", badpdfs.zero_byte, _reasons("empty-file"), says=("the file is empty",)),
    Case("html-renamed", badpdfs.html_page, _reasons("not-pdf"), says=("an HTML page",)),
    Case("zip-renamed", badpdfs.zip_archive, _reasons("not-pdf"), says=("a ZIP archive",)),
    Case("png-renamed", badpdfs.png_image, _reasons("not-pdf"), says=("a PNG image",)),
    Case("encrypted", badpdfs.encrypted, _reasons("encrypted"),
         says=("encrypted with a password",)),
    Case("encrypted-empty-password", functools.partial(badpdfs.encrypted, user_password=""),
         "stored", words="gene therapy costs"),
    Case("image-only", badpdfs.image_only, _reasons("no-text-layer"), says=("OCR",)),
    Case("xref-bad-startxref", _broken_xref("startxref"), "stored", words="gene therapy costs"),
    Case("xref-shifted-offsets", _broken_xref("offsets"), "stored", words="gene therapy costs"),
    Case("xref-missing", _broken_xref("missing"), "stored", words="gene therapy costs"),
    # pdfplumber refuses the page tree; PDFium reads it as a page with nothing on it.
    Case("unparsable-page-object", badpdfs.bad_page_object,
         {"pdfplumber": _reasons("corrupt"), "*": _reasons("corrupt", "no-pages", "no-text")},
         says=("damaged", "no text", "no pages")),
    Case("nested-100k-deep", badpdfs.deeply_nested, "stored"),
    Case("page-tree-loop", badpdfs.parent_loop, "stored"),
    # An object that is a reference to itself sends pdfminer round a loop for ever: the time
    # limit must stop it. Another engine may read past it.
    Case("self-reference", badpdfs.self_reference,
         {"pdfplumber": _reasons("timeout"), "*": _reasons("timeout", "corrupt", "stored")},
         says=("longer than",), timeout=2),
    # pdfminer raises MemoryError at the limit within a second or two. PDFium aborts the
    # worker when an allocation fails, or is still inflating when the time limit comes.
    Case("zip-bomb", badpdfs.zip_bomb,
         {"pdfplumber": _reasons("too-large"), "*": _reasons("too-large", "crashed", "timeout")},
         says=("memory", "longer than")),
    Case("font-without-unicode-map", badpdfs.unmapped_font, _reasons("unreadable-text"),
         says=("unreadable",)),
    Case("font-scrambled-letters", functools.partial(badpdfs.unmapped_font, scrambled=True),
         _reasons("unreadable-text"), says=("unreadable",)),
]


@pytest.fixture(scope="module")
def good_files(tmp_path_factory, pdfgen) -> list[Path]:
    folder = tmp_path_factory.mktemp("good")
    return make_batch(folder, pdfgen, n=1) + [badpdfs.simple_text_pdf(folder / "plain.pdf")]


def ingest_batch(tmp_path: Path, good: list[Path], bad: Path, engine: str, timeout: float,
                 memory_mb: int = MEMORY_MB):
    """Run `policylens ingest` on the good files plus ``bad``; returns (result, seconds)."""
    folder = bad.parent
    for path in good:
        shutil.copy(path, folder / path.name)
    started = time.monotonic()
    result = badpdfs.run_policylens(
        "--db", tmp_path / "store.db", "ingest", folder, "--workers", "1",
        "--timeout", timeout, "--memory-limit", memory_mb, *engine_args(engine),
        timeout=timeout * 3 + 60,
    )
    return result, time.monotonic() - started


def store_contents(db: Path) -> tuple[dict, dict, dict]:
    """(documents by file name, failures by file name, passage texts by file name)."""
    with open_store(db) as store:
        docs = {Path(r["path"]).name: dict(r) for r in store.iter_documents()}
        failures = {Path(r["path"]).name: dict(r) for r in store.iter_failures()}
        texts: dict[str, list[str]] = {}
        for row in store.iter_passages():
            texts.setdefault(Path(row["path"]).name, []).append(row["text"])
    return docs, failures, texts


@pytest.mark.parametrize("engine", engines())
@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_hostile_file_in_a_batch(tmp_path, good_files, case, engine):
    folder = tmp_path / "batch"
    folder.mkdir()
    bad = case.build(folder / f"{case.name}.pdf")
    result, seconds = ingest_batch(tmp_path, good_files, bad, engine, case.timeout)
    output = result.stdout + result.stderr
    assert "Traceback" not in output, output
    assert result.returncode == 0, output  # the good files were read
    docs, failures, texts = store_contents(tmp_path / "store.db")
    for path in good_files:
        assert path.name in docs and texts.get(path.name), (path.name, output)
    expected = case.expected(engine)
    if bad.name in docs:
        assert expected == "stored" or "stored" in expected, (case.name, "stored", output)
        assert docs[bad.name]["n_pages"] >= 1
        if case.words:
            assert case.words in " ".join(" ".join(texts[bad.name]).split())
        assert set(failures) == set(), failures
    else:
        assert set(failures) == {bad.name}, (failures, output)
        failure = failures[bad.name]
        assert expected != "stored" and failure["reason"] in expected, (failure, output)
        # The person running the batch sees the file, a sentence and what to do about it.
        line = next(ln for ln in output.splitlines() if ln.strip().startswith("failed:"))
        said = next((words for words in case.says if words in line), None)
        assert bad.name in line and said, (case.says, line)
        assert "(" in line.split(said, 1)[1], f"no hint in: {line}"
        assert bad.name not in texts  # nothing of it reaches tagging
    # The time limit held: the whole batch took about one time limit at most.
    assert seconds < case.timeout + STARTUP_SLACK, seconds
    # With pdfminer a decompression bomb is stopped by the memory limit, not by the clock.
    if case.name == "zip-bomb" and engine == "pdfplumber":
        assert failures[bad.name]["reason"] != "timeout"


@pytest.mark.parametrize("engine", engines())
def test_thousands_of_pages_in_bounded_memory(tmp_path, good_files, engine):
    folder = tmp_path / "batch"
    folder.mkdir()
    big = badpdfs.many_pages(folder / "thousands.pdf", pages=2000)
    result, seconds = ingest_batch(tmp_path, good_files, big, engine, timeout=120)
    assert result.returncode == 0, result.stderr
    # Memory does not grow with the page count: a reader that kept every page's objects
    # (pdfplumber does, unless each page is closed) holds over 200 MB here.
    assert result.peak_rss_mb < PEAK_RSS_MB, result.peak_rss_mb
    docs, failures, texts = store_contents(tmp_path / "store.db")
    assert failures == {}, failures
    assert docs["thousands.pdf"]["n_pages"] == 2000
    with open_store(tmp_path / "store.db") as store:
        doc_id = docs["thousands.pdf"]["doc_id"]
        pages = store.page_texts(doc_id)
    assert len(pages) == 2000 and all(p.strip() for p in pages[:: 97])
    # Passages run across pages: the last page's line ends the last passage.
    assert " ".join(texts["thousands.pdf"][-1].split()).endswith(" ".join(pages[-1].split()))


def test_every_file_hostile_exits_1_and_names_each(tmp_path):
    folder = tmp_path / "batch"
    folder.mkdir()
    badpdfs.zero_byte(folder / "a.pdf")
    badpdfs.unmapped_font(folder / "b.pdf")
    badpdfs.self_reference(folder / "c.pdf")
    # pdfplumber: it loops on the self-referencing file until the time limit.
    result = badpdfs.run_policylens("--db", tmp_path / "s.db", "ingest", folder, "--workers",
                                    "1", "--timeout", "1", *engine_args("pdfplumber"),
                                    timeout=60)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert "no file could be read" in result.stderr
    for name in ("a.pdf", "b.pdf", "c.pdf"):
        assert f"failed: {folder / name}" in result.stderr
    status = json.loads(badpdfs.run_policylens("--db", tmp_path / "s.db", "status",
                                               "--json").stdout)
    assert sorted(f["reason"] for f in status["failures"]) == [
        "empty-file", "timeout", "unreadable-text"]


def test_failed_files_are_not_retried_unless_asked(tmp_path):
    folder = tmp_path / "batch"
    folder.mkdir()
    badpdfs.simple_text_pdf(folder / "good.pdf")
    badpdfs.self_reference(folder / "slow.pdf")
    args = ("--db", tmp_path / "s.db", "ingest", folder, "--workers", "1", "--timeout", "1",
            *engine_args("pdfplumber"))  # pdfplumber loops on slow.pdf until the time limit
    first = badpdfs.run_policylens(*args, timeout=60)
    assert "1 failed" in first.stderr, first.stderr
    second = badpdfs.run_policylens(*args, timeout=60)
    # The hostile file is not read again (no second wait for its time limit) ...
    assert "1 failed before (use --retry-failed)" in second.stderr, second.stderr
    assert second.returncode == 0
    # ... unless asked.
    third = badpdfs.run_policylens(*args, "--retry-failed", timeout=60)
    assert "1 failed" in third.stderr and "longer than" in third.stderr, third.stderr
