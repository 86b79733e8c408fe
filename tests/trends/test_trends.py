"""Trends: planted shifts are found in the right direction with intervals covering the truth."""

from __future__ import annotations

import csv
import dataclasses
import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np
import pytest

from planted import (
    SUBJECTS,
    add_planted_documents,
    match_topics,
    planted_texts,
    shifting_proportions,
)
from policylens.errors import InputError
from policylens.jobs.topics import run_topics
from policylens.jobs.trends import run_trends
from policylens.records import Mention, PassageMeta
from policylens.store import Store
from policylens.topics import TopicParams, fit_topics
from policylens.trends import (
    divergence,
    js_divergence,
    mention_trends,
    parse_window,
    period_of,
    topic_prevalence,
    topic_shifts,
)
from policylens.trends.export import TABLES
from policylens.trends.plot import plot_mention_trends, plot_topic_trends
from policylens.trends.prevalence import period_range

N_PERIODS, K, FIRST_YEAR, DOCS = 6, 5, 2016, 6
FALL, RISE = 0, 1  # subject 0 ("therapy") falls from 40% to 10%; subject 1 ("cost") rises
PROPS = shifting_proportions(N_PERIODS, K, rise=RISE, fall=FALL)
SUBJECT_NAMES = list(SUBJECTS)[:K]


def _meta(passage_id, doc_id, date, kind="debate", party=None, speaker=None, n_words=0):
    return PassageMeta(passage_id, doc_id, 1, 0, date, kind, speaker, party, n_words)


def _rows(passages) -> list[PassageMeta]:
    """Passage metadata as the store gives it: six debates a year, dated within the year."""
    rows = []
    for i, p in enumerate(passages):
        d = i % DOCS
        rows.append(_meta(f"p{i:05d}", f"doc-{p.period}-{d}",
                          f"{FIRST_YEAR + p.period}-{d + 1:02d}-15", "debate",
                          ("Lab", "Con")[i % 2], f"S{i % 4}", len(p.text.split())))
    return rows


@pytest.fixture(scope="module")
def planted():
    passages = planted_texts(PROPS, 240, seed=0)
    fit = fit_topics([p.text for p in passages], TopicParams(method="nmf", k=K, seed=0))
    mapping = match_topics(fit.model.top_terms(6), SUBJECT_NAMES)
    assert sorted(mapping.values()) == list(range(K))
    labels = [SUBJECT_NAMES[mapping[t]] for t in range(K)]
    return _rows(passages), fit.shares, labels


def _truth(label: str, period: str) -> float:
    return PROPS[int(period[:4]) - FIRST_YEAR][SUBJECT_NAMES.index(label)]


def test_prevalence_follows_the_planted_mix_within_its_intervals(planted):
    rows, shares, labels = planted
    trend = topic_prevalence(rows, shares, labels, by="year", n_boot=1000, seed=0)
    assert len(trend) == N_PERIODS * K
    covered = [r["ci_low"] <= _truth(r["label"], r["period"]) <= r["ci_high"] for r in trend]
    assert np.mean(covered) >= 0.85, np.mean(covered)  # 95% intervals, 30 cells
    for r in trend:
        assert r["ci_low"] <= r["share"] <= r["ci_high"]
        assert r["n_passages"] == 240 and r["n_documents"] == DOCS
    for name, sign in ((SUBJECT_NAMES[FALL], -1), (SUBJECT_NAMES[RISE], 1)):
        series = [r["share"] for r in trend if r["label"] == name]
        slope = np.polyfit(np.arange(N_PERIODS), series, 1)[0]
        assert sign * slope > 0.04, (name, series)  # planted: 0.06 a year


def test_shifts_rise_and_fall_as_planted_and_cover_the_true_change(planted):
    rows, shares, labels = planted
    shifts = topic_shifts(rows, shares, labels, by="year", seed=0)
    by_label = {r["label"]: r for r in shifts}
    assert {r["from_period"] for r in shifts} == {"2016"}
    assert {r["to_period"] for r in shifts} == {"2021"}
    fall, rise = by_label[SUBJECT_NAMES[FALL]], by_label[SUBJECT_NAMES[RISE]]
    assert rise["direction"] == "rise" and rise["exceeds_noise"]
    assert fall["direction"] == "fall" and fall["exceeds_noise"]
    assert rise["ci_low"] <= 0.30 <= rise["ci_high"]
    assert fall["ci_low"] <= -0.30 <= fall["ci_high"]
    assert shifts[0]["label"] == SUBJECT_NAMES[RISE]  # biggest rise first
    assert shifts[-1]["label"] == SUBJECT_NAMES[FALL]  # biggest fall last
    for name in SUBJECT_NAMES[2:]:
        steady = by_label[name]
        assert steady["ci_low"] <= 0.0 <= steady["ci_high"], steady
        assert not steady["exceeds_noise"]


def test_compare_windows_pool_several_periods(planted):
    rows, shares, labels = planted
    shifts = topic_shifts(rows, shares, labels, compare=("2016:2017", "2020:2021"), seed=0)
    rise = next(r for r in shifts if r["label"] == SUBJECT_NAMES[RISE])
    assert (rise["from_period"], rise["to_period"]) == ("2016:2017", "2020:2021")
    assert rise["n_passages_from"] == rise["n_passages_to"] == 480
    truth = (PROPS[4][RISE] + PROPS[5][RISE]) / 2 - (PROPS[0][RISE] + PROPS[1][RISE]) / 2
    assert rise["ci_low"] <= truth <= rise["ci_high"] and rise["exceeds_noise"]


def test_divergence_marks_the_period_where_the_mix_jumps():
    props = [[0.6, 0.1, 0.1, 0.1, 0.1]] * 3 + [[0.1, 0.6, 0.1, 0.1, 0.1]] * 3
    passages = planted_texts(props, 150, seed=4)
    fit = fit_topics([p.text for p in passages], TopicParams(k=K, seed=0))
    rows = _rows(passages)
    result = divergence(rows, fit.shares, [str(t) for t in range(K)], seed=0)
    assert [(r["period_from"], r["period_to"]) for r in result] == [
        (str(y), str(y + 1)) for y in range(2016, 2021)]
    jump = max(result, key=lambda r: r["js_divergence"])
    assert (jump["period_from"], jump["period_to"]) == ("2018", "2019")
    assert jump["exceeds_noise"] and jump["js_divergence"] > 0.1
    assert sum(r["exceeds_noise"] for r in result) <= 2


def test_intervals_are_seeded_and_cells_independent(planted):
    rows, shares, labels = planted
    a = topic_prevalence(rows, shares, labels, n_boot=200, seed=1)
    b = topic_prevalence(rows, shares, labels, n_boot=200, seed=1)
    c = topic_prevalence(rows, shares, labels, n_boot=200, seed=2)
    grouped = topic_prevalence(rows, shares, labels, group="party", n_boot=200, seed=1)
    assert a == b
    assert [r["ci_low"] for r in a] != [r["ci_low"] for r in c]
    # Adding a breakdown leaves the overall rows exactly as they were.
    assert [r for r in grouped if r["group"] == "all"] == a
    assert {r["group"] for r in grouped} == {"all", "Con", "Lab"}


def test_passages_without_a_mix_or_a_date_are_left_out(planted):
    rows, shares, labels = planted
    rows = list(rows[:480])
    shares = shares[:480].copy()
    shares[0] = np.nan
    rows[1] = dataclasses.replace(rows[1], date=None)
    trend = topic_prevalence(rows, shares, labels, n_boot=100)
    assert {r["n_passages"] for r in trend if r["period"] == "2016"} == {238}


def test_mention_rates_per_10k_words_with_zero_rows():
    rows = [
        _meta("a", "d1", "2018-03-01", "debate", n_words=500),
        _meta("b", "d2", "2018-11-01", "report", n_words=1500),
        _meta("c", "d3", "2020-01-01", "debate", n_words=1000),
    ]
    counts = np.array([[0, 3], [2, 1], [0, 0]])  # THERAPY, COST for a, b, c
    out = mention_trends(rows, counts, ("THERAPY", "COST"), by="year", group="kind",
                         n_boot=100)
    got = {(r["period"], r["group"], r["label"]): r for r in out}
    assert got[("2018", "all", "COST")]["count"] == 4
    assert got[("2018", "all", "COST")]["per_10k_words"] == pytest.approx(20.0)
    assert got[("2018", "report", "THERAPY")]["per_10k_words"] == pytest.approx(2 / 1500 * 1e4)
    assert got[("2020", "all", "COST")]["count"] == 0
    assert got[("2020", "all", "COST")]["per_10k_words"] == 0.0
    assert len(out) == 2 * 2 + 2 * 2 + 1 * 2  # all + each kind, per year, per label


def test_periods_and_windows():
    assert period_of("2019-08-31", "year") == "2019"
    assert period_of("2019-08-31", "quarter") == "2019-Q3"
    assert period_of("2019-08-31", "month") == "2019-08"
    assert period_of(None, "year") is None
    assert period_range(["2019-Q4", "2020-Q2"]) == ["2019-Q4", "2020-Q1", "2020-Q2"]
    w = parse_window("2016:2018")
    assert (w.start, w.end) == ("2016-01-01", "2018-12-31")
    assert parse_window("2020-Q1").end == "2020-03-31"
    assert parse_window("2024-02").end == "2024-02-29"
    assert w.contains("2018-12-31") and not w.contains("2019-01-01") and w.contains("2017")
    for bad in ("16:18", "2018:2016", "2019-13"):
        with pytest.raises(InputError):
            parse_window(bad)


def test_js_divergence_bounds():
    assert js_divergence([0.5, 0.5], [0.5, 0.5]) == 0.0
    assert js_divergence([1, 0], [0, 1]) == pytest.approx(1.0)
    assert 0 < js_divergence([0.7, 0.3], [0.3, 0.7]) < 1


def test_plots_are_written_and_repeatable(planted, tmp_path):
    rows, shares, labels = planted
    trend = topic_prevalence(rows, shares, labels, n_boot=100)
    mentions = mention_trends(rows, np.zeros((len(rows), 2)), ("THERAPY", "COST"), n_boot=100)
    first = plot_topic_trends(trend, tmp_path / "a" / "topics") + plot_mention_trends(
        mentions, tmp_path / "a" / "mentions")
    second = plot_topic_trends(trend, tmp_path / "b" / "topics") + plot_mention_trends(
        mentions, tmp_path / "b" / "mentions")
    for p, q in zip(first, second):
        assert p.read_bytes() == q.read_bytes(), p.name
    png, svg = first[0], first[1]
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    root = ET.parse(svg).getroot()
    assert root.tag.endswith("svg")
    assert b"<dc:date>" not in svg.read_bytes()


# -- through the store -----------------------------------------------------------------------
@pytest.fixture(scope="module")
def store_run(tmp_path_factory):
    """Planted passages stored as documents, with COST mentions on cost passages; then the
    topics and trends stages, as `policylens topics` and `policylens trends` run them."""
    folder = tmp_path_factory.mktemp("store")
    passages = planted_texts(PROPS, 120, seed=0)
    with Store(folder / "s.db") as store:
        # Six debates a year: with four, a permutation test has only 70 splits to compare,
        # too few for a planted change to pass the correction among 15 comparisons.
        add_planted_documents(store, passages, FIRST_YEAR, docs_per_period=6)
        ids, mentions = [], []
        for row in store.iter_passages():
            ids.append(row["passage_id"])
            if "budget" in row["text"].split():
                mentions.append(Mention(row["passage_id"], "COST", 0, 6, row["text"][:6]))
        store.save_mentions("test-v1", ids, mentions)
        outcome = run_topics(store, folder, TopicParams(k=K, seed=0))
        outputs = run_trends(store, folder, topics=outcome, group="party", n_boot=400, seed=0)
    return folder, outcome, outputs, len(mentions)


def _read(path: Path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_store_trends_show_the_planted_shift(store_run):
    folder, outcome, _outputs, _ = store_run
    labels = {str(t + 1): SUBJECT_NAMES[s]
              for t, s in match_topics(outcome.model.top_terms(6), SUBJECT_NAMES).items()}
    shifts = [r for r in _read(folder / "shifts.csv") if r["group"] == "all"]
    by_subject = {labels[r["topic"]]: r for r in shifts}
    rise, fall = by_subject[SUBJECT_NAMES[RISE]], by_subject[SUBJECT_NAMES[FALL]]
    assert float(rise["change"]) > 0 and rise["exceeds_noise"] == "true"
    assert float(fall["change"]) < 0 and fall["exceeds_noise"] == "true"
    assert float(rise["ci_low"]) <= 0.30 <= float(rise["ci_high"])
    assert float(fall["ci_low"]) <= -0.30 <= float(fall["ci_high"])
    parties = {r["group"] for r in _read(folder / "shifts.csv")}
    assert parties == {"all", "Con", "Lab"}


def test_store_outputs_have_the_documented_columns(store_run):
    folder, _, outputs, _ = store_run
    for name, columns in TABLES.items():
        if name == "k_selection.csv":
            continue  # written only with --k auto
        with open(folder / name, encoding="utf-8") as fh:
            assert tuple(next(csv.reader(fh))) == columns, name
    for r in _read(folder / "topic_trends.csv"):
        assert len(r["period"]) == 4 and 0 <= float(r["share"]) <= 1
    assert (folder / "plots" / "topic_trends.png").is_file()
    assert (folder / "plots" / "mention_trends.svg").is_file()
    assert set(outputs) >= {"topic trends", "mention trends", "shifts", "divergence"}


def test_store_mention_trends_count_every_mention(store_run):
    folder, _, _, n_mentions = store_run
    rows = [r for r in _read(folder / "mention_trends.csv") if r["group"] == "all"]
    assert sum(int(r["count"]) for r in rows if r["label"] == "COST") == n_mentions
    assert all(int(r["count"]) == 0 for r in rows if r["label"] != "COST")
    for r in rows:
        expected = int(r["count"]) / int(r["n_words"]) * 10_000
        assert float(r["per_10k_words"]) == pytest.approx(expected, abs=1e-6)


def test_document_topics_are_tidy(store_run):
    folder, outcome, _, _ = store_run
    rows = _read(folder / "document_topics.csv")
    assert len(rows) == len(outcome.rows) * K
    first = [r for r in rows if r["passage_id"] == rows[0]["passage_id"]]
    assert sorted(int(r["rank"]) for r in first) == list(range(1, K + 1))
    assert sum(float(r["share"]) for r in first) == pytest.approx(1.0, abs=1e-5)


def test_a_run_reads_passage_text_in_two_passes(tmp_path):
    passages = planted_texts(PROPS, 40, seed=1)
    with Store(tmp_path / "s.db") as store:
        add_planted_documents(store, passages, FIRST_YEAR, docs_per_period=4)
        full = list(store.iter_passages())
        meta = store.passage_meta()
        # The metadata is the full rows without their text, in the same order.
        assert [(m.passage_id, m.doc_id, m.page, m.seq, m.date, m.kind, m.speaker, m.party,
                 m.n_words) for m in meta] == [
            (r["passage_id"], r["doc_id"], r["page"], r["seq"], r["date"], r["kind"],
             r["speaker"], r["party"], r["n_words"]) for r in full]
        reads = {"all texts": 0, "texts by id": 0}
        all_texts, by_id = store.passage_texts, store.passages_by_id

        def count_all():
            reads["all texts"] += 1
            return all_texts()

        def count_by_id(ids):
            ids = list(ids)
            reads["texts by id"] += len(ids)
            return by_id(ids)

        store.passage_texts, store.passages_by_id = count_all, count_by_id
        store.iter_passages = lambda *a, **k: pytest.fail("read every passage with its text")
        outcome = run_topics(store, tmp_path, TopicParams(k=K, seed=0))
        run_trends(store, tmp_path, topics=outcome, n_boot=50, seed=0, plots=False)
    # Twice, whatever the corpus size: the topic model's key (a hash of every text), then the
    # fit's one pass, which counts the vocabulary and the matrix (the texts are not held
    # between the two, nor all at once).
    assert reads["all texts"] == 2
    assert 0 < reads["texts by id"] <= K * 3  # the topics' example passages alone
