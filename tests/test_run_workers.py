"""`policylens run` with several workers: the same bytes as with one, and a side process that
reports back and never outlives the run."""

from __future__ import annotations

import datetime as dt
import hashlib
import multiprocessing
import time
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

from planted import planted_texts, shifting_proportions
from policylens.cli import cli
from policylens.errors import InputError
from policylens.job import SideProcess, run_all
from policylens.store import open_store
from policylens.topics import TopicParams

SPEAKERS = ("Mr Alan Whitby (Carlisle North) (Lab):", "The Minister for Health (Helen Carver):")
# Every file a run writes except the store (whose rows record when they were written).
OUTPUT_SUFFIXES = (".csv", ".json", ".svg", ".png", ".npz")


def _write_debates(folder: Path, pdfgen, years=(2018, 2021, 2024)) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    props = shifting_proportions(len(years), 3, rise=1, fall=0, start=0.1, end=0.7)
    for i, year in enumerate(years):
        items = [pdfgen.Heading("Cell and Gene Therapies", 1)]
        for j, p in enumerate(planted_texts([props[i]], 12, seed=year)):
            text = p.text.capitalize() + ". The gene therapy costs £2 million per patient."
            items.append(pdfgen.Speech(SPEAKERS[j % 2], (text,)))
        pdfgen.write_hansard(folder / f"debate-{year}.pdf", date=dt.date(year, 5, 4),
                             title="Cell and Gene Therapies", sitting="Westminster Hall",
                             items=items)
    return folder


def _digests(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.suffix in OUTPUT_SUFFIXES}


def test_two_workers_write_the_same_bytes_as_one(tmp_path, pdfgen):
    pdfs = _write_debates(tmp_path / "pdfs", pdfgen)
    results = {}
    for workers in ("1", "2"):
        out = tmp_path / f"out-{workers}"
        result = CliRunner().invoke(cli, ["run", str(pdfs), "--out", str(out), "--k", "3",
                                          "--bootstrap", "100", "--seed", "3",
                                          "--workers", workers])
        assert result.exit_code == 0, result.output + repr(result.exception)
        results[workers] = (out, result)
    (out1, one), (out2, two) = results["1"], results["2"]
    digests = _digests(out1)
    assert len(digests) >= 12  # CSVs, model files and both plots in two formats
    assert _digests(out2) == digests
    # The same outputs listed in the same order, whichever process wrote them.
    assert ([Path(p).relative_to(out1) for p in one.stdout.splitlines()]
            == [Path(p).relative_to(out2) for p in two.stdout.splitlines()])
    with open_store(out2 / "policylens.db") as store:
        n = store.count_passages()
        assert store.status()["tagged_passages"] == n
    # The tagging process's messages reach this process's stderr.
    assert f"tagged {n} passages" in two.stderr
    assert f"tagged {n} passages" in one.stderr
    assert not multiprocessing.active_children()


def test_a_failing_run_leaves_no_process_behind(tmp_path, pdfgen):
    pdfs = _write_debates(tmp_path / "pdfs", pdfgen, years=(2020,))
    # Too many topics for the passages: topics fail while the other process still tags.
    with pytest.raises(InputError, match="too few"):
        run_all([pdfs], tmp_path / "out", params=TopicParams(k=60), n_boot=50, workers=2)
    assert not multiprocessing.active_children()


# -- the side process --------------------------------------------------------------------------
def _double(x: int) -> int:
    return 2 * x


def _refuse(name: str) -> None:
    raise InputError(f"{name} cannot be used", "pick another")


def _fail() -> None:
    raise ValueError("broken")


def _sleep() -> None:
    time.sleep(60)


def test_side_process_returns_the_value():
    side = SideProcess(_double, 21)
    try:
        assert side.result() == 42
    finally:
        side.stop()


def test_side_process_raises_the_library_error_with_its_hint():
    side = SideProcess(_refuse, "that file")
    with pytest.raises(InputError) as info:
        side.result()
    side.stop()
    assert info.value.message == "that file cannot be used"
    assert info.value.hint == "pick another"


def test_side_process_reports_other_errors():
    side = SideProcess(_fail)
    with pytest.raises(RuntimeError, match="ValueError: broken"):
        side.result()
    side.stop()


def _tag_in_two_processes(db: Path) -> int:
    from policylens.tagging.pipeline import load_tagger
    from policylens.tagging.tag import tag_store

    with open_store(db) as store:
        return tag_store(store, load_tagger(), batch_size=2, workers=2)


def test_side_process_may_start_processes_of_its_own(tmp_path, hansard_pdf):
    # A large store has the second process tag in worker processes of its own.
    db = tmp_path / "s.db"
    result = CliRunner().invoke(cli, ["--db", str(db), "ingest", str(hansard_pdf),
                                      "--workers", "0"])
    assert result.exit_code == 0, result.output
    side = SideProcess(_tag_in_two_processes, db)
    try:
        n = side.result()
    finally:
        side.stop()
    with open_store(db) as store:
        assert n == store.count_passages() == store.status()["tagged_passages"] > 0


def test_side_process_stops_when_told():
    side = SideProcess(_sleep)
    started = time.perf_counter()
    side.stop()
    assert time.perf_counter() - started < 10
    assert not multiprocessing.active_children()


# -- tagging's process count and topics' threads -----------------------------------------------
def test_max_workers_caps_what_the_store_size_would_choose(tmp_path, hansard_pdf, monkeypatch):
    from policylens.tagging import tag
    from policylens.tagging.pipeline import load_tagger

    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "s.db"), "ingest",
                                      str(hansard_pdf), "--workers", "0"])
    assert result.exit_code == 0, result.output
    monkeypatch.setattr(tag, "PASSAGES_PER_WORKER", 1)  # any store now asks for every core
    monkeypatch.setattr("policylens.runner.default_workers", lambda: 2)
    assert tag.auto_workers(5) == 2
    pools = []

    def no_pool(nlp, batches, workers):
        pools.append(workers)
        raise AssertionError("tagged in worker processes")

    monkeypatch.setattr(tag, "_tag_in_workers", no_pool)
    with open_store(tmp_path / "s.db") as store:
        n = tag.tag_store(store, load_tagger(), max_workers=1)
        assert n == store.count_passages() > 0
    assert pools == []


def test_topics_do_not_depend_on_the_callers_thread_count():
    from threadpoolctl import threadpool_limits

    from policylens.topics.model import fit_topics

    # Large enough for OpenBLAS to use a second thread when allowed (and round differently).
    texts = [p.text for p in planted_texts(shifting_proportions(4, 4), 300, seed=3, mix=0.2)]
    fitted = []
    for threads in (2, 1):
        with threadpool_limits(limits=threads):
            fitted.append(fit_topics(texts, TopicParams(k=8, seed=0)))
    assert fitted[0].model.components_.tobytes() == fitted[1].model.components_.tobytes()
    assert np.array_equal(fitted[0].shares, fitted[1].shares, equal_nan=True)


@pytest.mark.parametrize("method", ["nmf", "lda"])
def test_candidate_k_fitted_in_workers_give_the_same_model(method, monkeypatch):
    from policylens.topics import model as topic_model

    # Small corpora fit NMF candidates in one process; lower the bar to use the workers.
    monkeypatch.setattr(topic_model, "PARALLEL_NMF_MIN_PASSAGES", 0)
    calls = []
    fit_here = topic_model.fit_candidate
    monkeypatch.setattr(topic_model, "fit_candidate",
                        lambda corpus, k: calls.append(k) or fit_here(corpus, k))
    texts = [p.text for p in planted_texts(shifting_proportions(3, 3), 40, seed=5, mix=0.1)]
    params = TopicParams(method=method, k_min=2, k_max=4, seed=1, lda_epochs=2)
    one = topic_model.fit_topics(texts, params, workers=1)
    assert calls == [2, 3, 4]
    calls.clear()
    two = topic_model.fit_topics(texts, params, workers=2)
    assert calls == []  # every candidate was fitted in a worker
    assert two.k_scores == one.k_scores
    assert two.model.components_.tobytes() == one.model.components_.tobytes()
    assert np.array_equal(two.shares, one.shares, equal_nan=True)
    assert not multiprocessing.active_children()
