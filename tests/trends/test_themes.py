"""Themes: topic shares x the label mix of the passages each topic covers, over time."""

from __future__ import annotations

import csv
import importlib.util
import sys
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner
from scipy.stats import spearmanr

from planted import add_planted_documents, planted_texts, shifting_proportions
from policylens.cli import cli
from policylens.jobs.topics import run_topics
from policylens.jobs.trends import run_trends
from policylens.records import Mention, PassageMeta
from policylens.store import Store
from policylens.tagging.labels import LABELS
from policylens.topics import TopicParams
from policylens.trends.export import TABLES
from policylens.trends.themes import (
    THEMES,
    label_mix,
    theme_profiles,
    theme_shares,
    theme_trends,
)

ROOT = Path(__file__).resolve().parents[2]
WORKFORCE = LABELS.index("NHS_WORKFORCE")


def _read(path: Path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_label_mix_and_profiles_on_a_hand_made_case():
    counts = np.array([[0, 2, 0, 0],    # COST only
                       [1, 0, 0, 1],    # THERAPY and NHS_WORKFORCE, equally
                       [0, 0, 0, 0],    # no mention: other
                       [0, 0, 3, 0]])   # REGULATION only
    mix = label_mix(counts)
    assert mix.tolist() == [[0, 1, 0, 0, 0], [0.5, 0, 0, 0.5, 0], [0, 0, 0, 0, 1],
                            [0, 0, 1, 0, 0]]
    shares = np.array([[1.0, 0.0], [0.0, 1.0], [0.5, 0.5], [1.0, 0.0]])
    profiles = theme_profiles(shares, counts)
    # Topic 1 covers passages 1 and 4 wholly and 3 by half: 0.4 COST, 0.4 REGULATION, 0.2
    # other, so 0.8 of its weight is on passages with mentions; topic 2 covers 2 and half of 3:
    # 1/3 THERAPY, 1/3 NHS_WORKFORCE, 1/3 other. Topic 1's coverage, the best, counts as whole.
    assert profiles[0] == pytest.approx([0, 0.5, 0.5, 0, 0])
    assert profiles[1] == pytest.approx([1 / 3 / 0.8, 0, 0, 1 / 3 / 0.8, 1 - 2 / 3 / 0.8])
    themes = theme_shares(shares, counts)
    assert themes.sum(axis=1) == pytest.approx(np.ones(4))
    # A passage with mentions speaks for itself; one without takes its topics' profiles.
    assert themes[[0, 1, 3]] == pytest.approx(mix[[0, 1, 3]])
    assert themes[2] == pytest.approx((profiles[0] + profiles[1]) / 2)
    # A passage without a topic mix has no themes, and is left out of the profiles.
    shares[2] = np.nan
    assert np.isnan(theme_shares(shares, counts)[2]).all()
    assert theme_profiles(shares, counts)[1] == pytest.approx([0.5, 0, 0, 0.5, 0])


def test_theme_trends_rows_intervals_and_thin_periods():
    rows = [PassageMeta(f"p{i}", f"d{i % 4 if i < 40 else 9}", 1, i,
                        "2020-05-01" if i < 40 else "2021-05-01", "debate", None, None, 50)
            for i in range(48)]
    rng = np.random.default_rng(0)
    themes = rng.dirichlet(np.ones(len(THEMES)), size=len(rows))
    out = theme_trends(rows, themes, n_boot=200, seed=3)
    assert [(r["period"], r["theme"]) for r in out] == [
        (p, t) for p in ("2020", "2021") for t in THEMES]
    for r in out:
        assert r["ci_low"] <= r["share"] <= r["ci_high"]
        period_rows = themes[:40] if r["period"] == "2020" else themes[40:]
        assert r["share"] == pytest.approx(period_rows[:, THEMES.index(r["theme"])].mean())
    first = {r["period"]: r for r in out}
    assert (first["2020"]["n_documents"], first["2020"]["thin"]) == (4, False)
    assert (first["2021"]["n_documents"], first["2021"]["thin"]) == (1, True)
    assert out == theme_trends(rows, themes, n_boot=200, seed=3)


# -- a planted store: the workforce subject rises, its passages mention the workforce sparsely --
YEARS, K = 6, 5
PROPS = shifting_proportions(YEARS, K, rise=3, fall=0, start=0.05, end=0.45)
SUBJECT_LABEL = {0: "THERAPY", 1: "COST", 2: "REGULATION", 3: "NHS_WORKFORCE"}


@pytest.fixture(scope="module")
def planted_run(tmp_path_factory):
    """Planted subjects stored as documents; a third of the passages on a labelled subject
    carry one mention of its label (the rest none), as a tagger finds terms now and then."""
    folder = tmp_path_factory.mktemp("themes")
    passages = planted_texts(PROPS, 90, seed=5, mix=0.1)
    with Store(folder / "s.db") as store:
        add_planted_documents(store, passages, 2018, docs_per_period=4)
        ids, mentions = [], []
        subject = {p.text: p.subject for p in passages}
        for n, row in enumerate(store.iter_passages()):
            ids.append(row["passage_id"])
            label = SUBJECT_LABEL.get(subject[row["text"]])
            if label and n % 3 == 0:
                mentions.append(Mention(row["passage_id"], label, 0, 4, row["text"][:4]))
        store.save_mentions("test-v1", ids, mentions)
        outcome = run_topics(store, folder, TopicParams(k=K, seed=0))
        outputs = run_trends(store, folder, topics=outcome, n_boot=300, seed=0)
    return folder, outputs


def test_planted_workforce_theme_follows_the_planted_rise(planted_run):
    folder, outputs = planted_run
    rows = [r for r in _read(folder / "theme_trends.csv") if r["group"] == "all"]
    workforce = [float(r["share"]) for r in rows if r["theme"] == "NHS_WORKFORCE"]
    planted = [PROPS[y][3] for y in range(YEARS)]
    assert spearmanr(workforce, planted).statistic >= 0.9, workforce
    therapy = [float(r["share"]) for r in rows if r["theme"] == "THERAPY"]
    assert spearmanr(therapy, [PROPS[y][0] for y in range(YEARS)]).statistic >= 0.9, therapy
    # Only a third of the workforce passages are tagged, yet the theme carries most of them:
    # a mention rate would report a third of the subject's weight.
    assert workforce[-1] - workforce[0] > 0.5 * (planted[-1] - planted[0])
    for period in {r["period"] for r in rows}:
        total = sum(float(r["share"]) for r in rows if r["period"] == period)
        assert total == pytest.approx(1.0, abs=1e-4)
    assert outputs["theme trends"] == folder / "theme_trends.csv"
    assert outputs["theme trends plot"].read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    with open(folder / "theme_trends.csv", encoding="utf-8") as fh:
        assert tuple(next(csv.reader(fh))) == TABLES["theme_trends.csv"]


def test_theme_outputs_are_the_same_bytes_on_a_rerun(planted_run, tmp_path):
    folder, outputs = planted_run
    with Store(folder / "s.db") as store:
        again = run_trends(store, tmp_path, model_dir=folder / "topic-model", n_boot=300, seed=0)
    for name in ("theme trends", "theme trends plot", "theme trends plot (svg)"):
        assert again[name].read_bytes() == outputs[name].read_bytes(), name


def test_no_mentions_no_theme_table(tmp_path):
    passages = planted_texts(PROPS, 20, seed=1)
    with Store(tmp_path / "s.db") as store:
        add_planted_documents(store, passages, 2018, docs_per_period=2)
        for name in ("theme_trends.csv", "framing.csv"):
            (tmp_path / name).write_text("left by an earlier run\n")
        outcome = run_topics(store, tmp_path, TopicParams(k=3, seed=0))
        said = []
        outputs = run_trends(store, tmp_path, topics=outcome, n_boot=50, plots=False,
                             info=said.append)
    assert "theme trends" not in outputs and "framing" not in outputs
    assert not (tmp_path / "theme_trends.csv").exists()
    assert not (tmp_path / "framing.csv").exists()
    assert any("no theme trends" in s for s in said)


# -- the bundled corpus ---------------------------------------------------------------------
def _textbank():
    """corpus/textbank.py, where the corpus's planted theme weights are."""
    spec = importlib.util.spec_from_file_location("textbank", ROOT / "corpus" / "textbank.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("textbank", module)  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
def test_bundled_corpus_shows_its_planted_workforce_shift(tmp_path):
    """`policylens run corpus/`: the NHS_WORKFORCE theme follows the corpus's planted weights."""
    out = tmp_path / "results"
    result = CliRunner().invoke(cli, ["run", str(ROOT / "corpus"), "--out", str(out),
                                      "--workers", "1", "--bootstrap", "200"])
    assert result.exit_code == 0, result.output
    assert str(out / "plots" / "theme_trends.png") in result.output
    textbank = _textbank()
    column = textbank.THEMES.index("workforce")
    planted = {str(year): weights[column] for year, weights in textbank.THEME_WEIGHTS.items()}
    rows = [r for r in _read(out / "theme_trends.csv")
            if r["group"] == "all" and r["theme"] == "NHS_WORKFORCE" and r["period"] in planted]
    assert len(rows) == len(planted)
    got = [float(r["share"]) for r in rows]
    expected = [planted[r["period"]] for r in rows]
    assert spearmanr(got, expected).statistic >= 0.8, got
