"""Framing: a label's mentions shared among the topics of the passages they are in, by period."""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np
import pytest

from planted import SUBJECTS, add_planted_documents, match_topics, planted_texts
from policylens.jobs.topics import run_topics
from policylens.jobs.trends import run_trends
from policylens.records import Mention, PassageMeta
from policylens.store import Store
from policylens.topics import TopicParams
from policylens.trends.export import TABLES
from policylens.trends.framing import framing

YEARS, K, FIRST_YEAR = 6, 5, 2016
NAMES = list(SUBJECTS)[:K]
FROM, TO = NAMES.index("regulation"), NAMES.index("workforce")


def _read(path: Path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_mentions_are_shared_by_their_passages_topic_shares():
    rows = [PassageMeta(f"p{i}", f"d{i}", 1, 0, "2020-01-01", "debate", None, None, 10)
            for i in range(4)]
    shares = np.array([[0.7, 0.3], [0.0, 1.0], [0.5, 0.5], [np.nan, np.nan]])
    counts = np.array([[2, 0], [1, 0], [0, 4], [5, 5]])  # COST, THERAPY; the last has no mix
    out = framing(rows, shares, counts, ("COST", "THERAPY"), ("a", "b"), n_boot=100)
    got = {(r["label"], r["topic"]): r for r in out}
    # COST: 2 mentions at 0.7/0.3 and 1 at 0/1 -> topic 1 holds 1.4 of 3.
    assert got[("COST", 1)]["share"] == pytest.approx(1.4 / 3)
    assert got[("COST", 2)]["share"] == pytest.approx(1.6 / 3)
    assert got[("THERAPY", 1)]["share"] == pytest.approx(0.5)
    # Thin: COST's mentions come from two documents, THERAPY's from one.
    assert (got[("COST", 1)]["n_mentions"], got[("COST", 1)]["thin"]) == (3, True)
    assert (got[("THERAPY", 1)]["n_mentions"], got[("THERAPY", 1)]["thin"]) == (4, True)
    counts[2, 0] = 1  # a third document mentions COST
    again = framing(rows, shares, counts, ("COST", "THERAPY"), ("a", "b"), n_boot=100)
    assert next(r for r in again if r["label"] == "COST")["thin"] is False
    assert got[("COST", 2)]["topic_label"] == "b"


@pytest.fixture(scope="module")
def moving_cost(tmp_path_factory):
    """Steady subjects; COST is mentioned on regulation passages at first and on workforce
    passages at the end, moving a fifth of the way each year."""
    folder = tmp_path_factory.mktemp("framing")
    props = [[1 / K] * K] * YEARS
    passages = planted_texts(props, 100, seed=7)
    planted = {p.text: p for p in passages}
    rng = np.random.default_rng(1)
    with Store(folder / "s.db") as store:
        add_planted_documents(store, passages, FIRST_YEAR, docs_per_period=5)
        ids, mentions = [], []
        for row in store.iter_passages():
            ids.append(row["passage_id"])
            p = planted[row["text"]]
            moved = p.period / (YEARS - 1)
            chance = {FROM: 1 - moved, TO: moved}.get(p.subject, 0.0)
            if rng.random() < chance:
                mentions.append(Mention(row["passage_id"], "COST", 0, 5, row["text"][:5]))
        store.save_mentions("test-v1", ids, mentions)
        outcome = run_topics(store, folder, TopicParams(k=K, seed=0))
        run_trends(store, folder, topics=outcome, group="party", n_boot=300, seed=0)
    mapping = match_topics(outcome.model.top_terms(6), NAMES)
    assert sorted(mapping.values()) == list(range(K))
    topic_of = {s: t + 1 for t, s in mapping.items()}
    return folder, topic_of, outcome, len(mentions)


def test_cost_moves_from_one_topic_to_another(moving_cost):
    folder, topic_of, outcome, n_mentions = moving_cost
    rows = [r for r in _read(folder / "framing.csv") if r["group"] == "all"]
    assert {r["label"] for r in rows} == {"COST"}  # no other label has mentions
    assert sum(int(r["n_mentions"]) for r in rows if r["topic"] == "1") == n_mentions

    def series(subject):
        return [float(r["share"]) for r in rows if int(r["topic"]) == topic_of[subject]]

    before, after = series(FROM), series(TO)
    assert len(before) == len(after) == YEARS
    assert before[0] > 0.7 and before[-1] < 0.2, before
    assert after[0] < 0.2 and after[-1] > 0.7, after
    assert np.all(np.diff(after) > -0.1) and after[-1] - after[0] > 0.6
    for r in rows:
        assert 0 <= float(r["ci_low"]) <= float(r["share"]) <= float(r["ci_high"]) <= 1
        assert r["topic_key"] == outcome.keys[int(r["topic"]) - 1]
        assert r["thin"] == "false"
    for period in {r["period"] for r in rows}:
        total = sum(float(r["share"]) for r in rows if r["period"] == period)
        assert total == pytest.approx(1.0, abs=1e-4)
    # The first year's interval for the "to" topic lies below the last year's.
    first = next(r for r in rows if int(r["topic"]) == topic_of[TO])
    last = [r for r in rows if int(r["topic"]) == topic_of[TO]][-1]
    assert float(first["ci_high"]) < float(last["ci_low"])


def test_framing_columns_and_groups(moving_cost):
    folder, _, _, _ = moving_cost
    with open(folder / "framing.csv", encoding="utf-8") as fh:
        assert tuple(next(csv.reader(fh))) == TABLES["framing.csv"]
    groups = {r["group"] for r in _read(folder / "framing.csv")}
    assert groups == {"all", "Con", "Lab"}
