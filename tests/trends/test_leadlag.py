"""Lead and lag: a theme's rise in one group planted two periods before another's is found."""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np
import pytest

from planted import SUBJECTS, add_planted_documents, planted_texts
from policylens.jobs.topics import run_topics
from policylens.jobs.trends import run_trends
from policylens.records import Mention
from policylens.store import Store
from policylens.topics import TopicParams
from policylens.trends.export import TABLES
from policylens.trends.leadlag import MAX_LAG, lead_lag
from policylens.trends.themes import THEMES, ThemeCell

YEARS, FIRST_YEAR, K = 12, 2014, 5
NAMES = list(SUBJECTS)[:K]
WORKFORCE = NAMES.index("workforce")
LABEL_OF = {"therapy": "THERAPY", "cost": "COST", "regulation": "REGULATION",
            "workforce": "NHS_WORKFORCE"}
RISE = {"industry": 4, "parliamentary": 6}  # the year (index) of each group's rise: lag 2


def _cells(series: dict[str, list[float]], n_boot: int = 50, noise: float = 0.0
           ) -> list[ThemeCell]:
    """Cells whose NHS_WORKFORCE share follows ``series`` (NaN: no passages that year)."""
    rng = np.random.default_rng(0)
    cells = []
    for group, values in series.items():
        for i, v in enumerate(values):
            if np.isnan(v):
                continue
            mean = np.full(len(THEMES), (1 - v) / (len(THEMES) - 1))
            mean[THEMES.index("NHS_WORKFORCE")] = v
            reps = mean + rng.normal(0, noise, (n_boot, len(THEMES)))
            cells.append(ThemeCell(str(2010 + i), group, mean, reps, 20, 5))
    return cells


def test_lag_sign_ties_and_groups():
    step = [0.1] * 4 + [0.6] * 6
    later = [0.1] * 6 + [0.6] * 4
    rows = lead_lag(_cells({"a": step, "b": later}))
    got = {(r["theme"], r["group_leading"]): r for r in rows}
    a_first = got[("NHS_WORKFORCE", "a")]
    assert (a_first["lag"], a_first["ci_low"], a_first["ci_high"]) == (2, 2, 2)
    assert a_first["correlation"] == pytest.approx(1.0)
    assert got[("NHS_WORKFORCE", "b")]["lag"] == -2  # the same pair seen from b
    assert a_first["n_periods"] == 8 and a_first["thin"] is False
    # Two groups moving together: lag 0, also when every lag correlates alike.
    same = lead_lag(_cells({"a": step, "b": step}))
    assert {r["lag"] for r in same if r["theme"] == "NHS_WORKFORCE"} == {0}
    # One group (or none): nothing to compare.
    assert lead_lag(_cells({"a": step})) == []
    assert lead_lag([c for c in _cells({"a": step, "b": later}) if c.group == "a"]) == []


def test_gaps_are_filled_between_periods_with_passages():
    step = [0.1] * 4 + [0.6] * 6
    later = [0.1] * 6 + [0.6] * 4
    gappy = [v if i % 2 else np.nan for i, v in enumerate(later)]  # heard every other year
    rows = lead_lag(_cells({"a": step, "b": gappy}))
    row = next(r for r in rows if r["theme"] == "NHS_WORKFORCE" and r["group_leading"] == "a")
    assert row["lag"] in (2, 3)  # the rise in b is seen between 2015 and 2017
    assert row["n_periods"] >= 6


@pytest.fixture(scope="module")
def planted_lag(tmp_path_factory):
    """Industry papers and debates: the workforce subject rises from 10% to 60% of each
    group's passages, in industry two years before parliament; tagged as a tagger would (a
    mention of the subject's label on half its passages)."""
    folder = tmp_path_factory.mktemp("leadlag")
    rng = np.random.default_rng(3)
    with Store(folder / "s.db") as store:
        subject = {}
        for g, (kind, rise) in enumerate(sorted(RISE.items())):
            props = []
            for t in range(YEARS):
                w = 0.1 + 0.5 / (1 + np.exp(-(t - rise) / 0.6))
                p = [(1 - w) / (K - 1)] * K
                p[WORKFORCE] = w
                props.append(p)
            passages = planted_texts(props, 60, seed=10 + g)
            subject.update({p.text: p.subject for p in passages})
            add_planted_documents(store, passages, FIRST_YEAR, docs_per_period=4, kind=kind)
        ids, mentions = [], []
        for row in store.iter_passages():
            ids.append(row["passage_id"])
            label = LABEL_OF.get(NAMES[subject[row["text"]]])
            if label and rng.random() < 0.5:
                mentions.append(Mention(row["passage_id"], label, 0, 4, row["text"][:4]))
        store.save_mentions("test-v1", ids, mentions)
        outcome = run_topics(store, folder, TopicParams(k=K, seed=0))
        outputs = run_trends(store, folder, topics=outcome, group="kind", n_boot=300, seed=0,
                             plots=False)
    return folder, outputs


def _read(path: Path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_a_planted_lag_of_two_periods_is_recovered(planted_lag):
    folder, outputs = planted_lag
    assert outputs["lead and lag"] == folder / "leadlag.csv"
    with open(folder / "leadlag.csv", encoding="utf-8") as fh:
        assert tuple(next(csv.reader(fh))) == TABLES["leadlag.csv"]
    rows = {(r["theme"], r["group_leading"], r["group_following"]): r
            for r in _read(folder / "leadlag.csv")}
    assert len(rows) == len(THEMES) * 2  # each theme, each ordered pair of the two kinds
    lead = rows[("NHS_WORKFORCE", "industry", "parliamentary")]
    assert int(lead["lag"]) == 2, lead
    assert 1 <= int(lead["ci_low"]) <= 2 <= int(lead["ci_high"]) <= MAX_LAG, lead
    assert float(lead["correlation"]) > 0.9 and lead["thin"] == "false"
    assert float(lead["correlation"]) > float(lead["correlation_at_0"])
    follow = rows[("NHS_WORKFORCE", "parliamentary", "industry")]
    assert (int(follow["lag"]), int(follow["ci_low"]), int(follow["ci_high"])) == (
        -2, -int(lead["ci_high"]), -int(lead["ci_low"]))


def test_without_a_group_there_is_no_leadlag_table(planted_lag, tmp_path):
    folder, _ = planted_lag
    (tmp_path / "leadlag.csv").write_text("from a --group run\n")
    with Store(folder / "s.db") as store:
        outputs = run_trends(store, tmp_path, model_dir=folder / "topic-model", n_boot=50,
                             seed=0, plots=False)
    assert "lead and lag" not in outputs and not (tmp_path / "leadlag.csv").exists()
