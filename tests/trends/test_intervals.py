"""Intervals that respect their bounds, and periods too thin to read as findings.

Shares stay within [0, 1], changes of share within [-1, 1] and mention rates at or above 0,
however few documents a period holds; a period (or compared window) with fewer than
THIN_DOCUMENTS documents is marked ``thin`` and never flagged as beyond noise.
"""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planted import planted_texts
from policylens.cli import cli
from policylens.defaults import THIN_DOCUMENTS
from policylens.records import PassageMeta
from policylens.trends import divergence, mention_trends, topic_prevalence, topic_shifts
from policylens.trends.export import TABLES

SETTINGS = settings(max_examples=60, deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.too_slow])


def _meta(passage_id: str, doc_id: str, date: str, n_words: int = 100) -> PassageMeta:
    return PassageMeta(passage_id, doc_id, 1, 0, date, "parliamentary", None, None, n_words)


def _extreme_corpus():
    """2016: one debate of two passages, one all topic 1 and one all topic 2; 2017: two
    debates, one all topic 1, one all topic 2; 2018: five debates of a steady mix."""
    rows, shares = [], []

    def add(doc, year, mix):
        rows.append(_meta(f"p{len(rows)}", doc, f"{year}-06-01"))
        shares.append(mix)

    add("a", 2016, [0.99, 0.01])
    add("a", 2016, [0.01, 0.99])
    add("b", 2017, [0.995, 0.005])
    add("c", 2017, [0.005, 0.995])
    for d in range(5):
        for _ in range(4):
            add(f"s{d}", 2018, [0.5 + 0.05 * (d - 2), 0.5 - 0.05 * (d - 2)])
    return rows, np.asarray(shares)


def test_sparse_periods_keep_shares_and_changes_within_bounds():
    rows, shares = _extreme_corpus()
    trend = topic_prevalence(rows, shares, ["one", "two"], n_boot=2000, seed=0)
    for r in trend:
        assert 0.0 <= r["ci_low"] <= r["share"] <= r["ci_high"] <= 1.0, r
        assert r["thin"] == (r["n_documents"] < THIN_DOCUMENTS)
    by_period = {r["period"]: r for r in trend if r["topic"] == 1}
    assert [by_period[p]["n_documents"] for p in ("2016", "2017", "2018")] == [1, 2, 5]
    assert [by_period[p]["thin"] for p in ("2016", "2017", "2018")] == [True, True, False]
    # Two debates at opposite ends: the interval spans nearly all that is possible, no more.
    assert by_period["2017"]["ci_low"] < 0.05 and by_period["2017"]["ci_high"] > 0.95
    for compare in (("2016", "2018"), ("2017", "2018"), ("2016", "2017")):
        for r in topic_shifts(rows, shares, ["one", "two"], compare=compare, n_boot=2000):
            assert -1.0 <= r["ci_low"] <= r["change"] <= r["ci_high"] <= 1.0, r
            assert r["thin"] and not r["exceeds_noise"], r


def test_sparse_mention_rates_are_never_negative():
    rows = [_meta("p0", "a", "2016-03-01", 50), _meta("p1", "a", "2016-03-01", 500),
            _meta("p2", "b", "2017-03-01", 40), _meta("p3", "c", "2017-04-01", 400),
            _meta("p4", "d", "2017-05-01", 100)]
    counts = np.array([[9, 0], [0, 0], [6, 0], [0, 0], [0, 1]])
    out = mention_trends(rows, counts, ("COST", "THERAPY"), n_boot=2000, seed=0)
    for r in out:
        assert 0.0 <= r["ci_low"] <= r["per_10k_words"] <= r["ci_high"], r
        assert r["thin"] == (r["n_documents"] < THIN_DOCUMENTS)
    cost = {r["period"]: r for r in out if r["label"] == "COST"}
    assert (cost["2016"]["n_documents"], cost["2016"]["thin"]) == (1, True)
    assert (cost["2017"]["n_documents"], cost["2017"]["thin"]) == (3, False)
    assert cost["2017"]["ci_low"] == 0.0  # a resample without the one document that has them


def test_divergence_between_thin_periods_is_never_beyond_noise():
    rows, shares = _extreme_corpus()
    out = {(r["period_from"], r["period_to"]): r
           for r in divergence(rows, shares, ["one", "two"], seed=0)}
    assert set(out) == {("2016", "2017"), ("2017", "2018")}
    for r in out.values():
        assert r["thin"] and not r["exceeds_noise"]
        assert (r["n_documents_from"], r["n_documents_to"]) in ((1, 2), (2, 5))


@st.composite
def _corpora(draw):
    """A few periods of one to four documents, passages with shares piled near 0 or 1."""
    k = draw(st.integers(2, 4))
    rows, shares, counts = [], [], []
    for year in range(2016, 2016 + draw(st.integers(2, 3))):
        for d in range(draw(st.integers(1, 4))):
            for _ in range(draw(st.integers(1, 3))):
                top = draw(st.integers(0, k - 1))
                mix = np.full(k, draw(st.floats(0.0, 0.02)) / k)
                mix[top] = 1 - mix.sum() + mix[top]
                rows.append(_meta(f"p{len(rows)}", f"{year}-{d}", f"{year}-02-01",
                                  draw(st.integers(1, 400))))
                shares.append(mix)
                counts.append([draw(st.integers(0, 5)), 0])
    return rows, np.asarray(shares), np.asarray(counts), draw(st.integers(0, 2**16))


@SETTINGS
@given(_corpora())
def test_intervals_stay_within_what_is_possible(corpus):
    rows, shares, counts, seed = corpus
    labels = [f"t{t}" for t in range(shares.shape[1])]
    for r in topic_prevalence(rows, shares, labels, n_boot=200, seed=seed):
        assert 0.0 <= r["ci_low"] <= r["ci_high"] <= 1.0, r
        assert r["thin"] == (r["n_documents"] < THIN_DOCUMENTS)
    for r in topic_shifts(rows, shares, labels, n_boot=200, seed=seed):
        assert -1.0 <= r["ci_low"] <= r["ci_high"] <= 1.0, r
        assert -1.0 <= r["change"] <= 1.0
        assert not (r["thin"] and r["exceeds_noise"])
        assert r["thin"] == (min(r["n_documents_from"], r["n_documents_to"]) < THIN_DOCUMENTS)
        if r["exceeds_noise"]:  # a flag always goes with an interval that excludes zero
            assert r["ci_low"] > 0 or r["ci_high"] < 0
    for r in mention_trends(rows, counts, ("COST", "THERAPY"), n_boot=200, seed=seed):
        assert 0.0 <= r["ci_low"] <= r["ci_high"], r
    for r in divergence(rows, shares, labels, n_perm=50, seed=seed):
        assert not (r["thin"] and r["exceeds_noise"])


# -- through the command line, on PDFs -----------------------------------------------------------
SPEAKERS = ("Mr Tom Ashby (Wexley) (Lab):", "Ms Ruth Oyelaran (Fenmouth) (Con):")


def _speeches(subject: str, n: int, seed: int) -> list[str]:
    """Planted passages about one subject, one a speech."""
    subjects = ["workforce", "cost"]
    props = [[1.0, 0.0] if subject == "workforce" else [0.0, 1.0]]
    return [p.text.capitalize() + "." for p in planted_texts(props, n, seed, subjects)]


def _write_debates(folder: Path, pdfgen) -> None:
    """2016: one debate of two speeches on the workforce; 2024: one of a speech on cost and
    one on the workforce; 2020: four debates. The ends are a single document each."""
    folder.mkdir(parents=True)
    plan = [(dt.date(2016, 5, 4), ["workforce", "workforce"]),
            (dt.date(2024, 5, 4), ["cost", "workforce"])]
    plan += [(dt.date(2020, m, 4), ["workforce", "cost", "cost"]) for m in (2, 4, 6, 8)]
    for i, (date, subjects) in enumerate(plan):
        items = [pdfgen.Heading("Health Services Staffing and Spending", 1)]
        for j, subject in enumerate(subjects):
            text = _speeches(subject, 1, seed=100 * i + j)[0]
            items.append(pdfgen.Speech(SPEAKERS[j % 2], (text,)))
        pdfgen.write_hansard(folder / f"debate-{date.isoformat()}.pdf", date=date,
                             title="Health Services Staffing and Spending",
                             sitting="Westminster Hall", items=items, seed=i)


def _read(path: Path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture(scope="module")
def thin_run(tmp_path_factory, pdfgen):
    root = tmp_path_factory.mktemp("thin")
    _write_debates(root / "pdfs", pdfgen)
    out = root / "results"
    result = CliRunner().invoke(cli, ["run", str(root / "pdfs"), "--out", str(out), "--k", "2",
                                      "--workers", "0", "--bootstrap", "300", "--seed", "1"])
    assert result.exit_code == 0, result.output + str(result.exception)
    return out, result


def test_a_run_on_single_document_ends_marks_them_thin(thin_run):
    out, result = thin_run
    assert f"(thin: fewer than {THIN_DOCUMENTS} documents)" in result.output
    assert "(within noise" not in result.output and "(beyond noise" not in result.output
    for name in ("topic_trends.csv", "mention_trends.csv", "shifts.csv", "divergence.csv"):
        rows = _read(out / name)
        assert rows and tuple(rows[0]) == TABLES[name], name
        assert {r["thin"] for r in rows} <= {"true", "false"}
    trend = _read(out / "topic_trends.csv")
    assert {r["period"]: r["thin"] for r in trend} == {"2016": "true", "2020": "false",
                                                       "2024": "true"}
    for r in trend:
        assert 0.0 <= float(r["ci_low"]) <= float(r["share"]) <= float(r["ci_high"]) <= 1.0, r
    for r in _read(out / "mention_trends.csv"):
        assert float(r["ci_low"]) >= 0.0, r
        assert r["thin"] == ("true" if int(r["n_documents"]) < THIN_DOCUMENTS else "false")
    shifts = _read(out / "shifts.csv")
    assert {(r["from_period"], r["to_period"]) for r in shifts} == {("2016", "2024")}
    for r in shifts:
        assert -1.0 <= float(r["ci_low"]) <= float(r["ci_high"]) <= 1.0, r
        assert r["thin"] == "true" and r["exceeds_noise"] == "false", r
        assert r["q_value"] == "" and 0 < float(r["p_value"]) <= 1  # not tested: thin
        assert (r["n_documents_from"], r["n_documents_to"]) == ("1", "1")
    assert all(r["thin"] == "true" for r in _read(out / "divergence.csv"))
