"""The stability of each k: topics that reappear on two halves of the passages."""

from __future__ import annotations

import pytest

from planted import planted_store, planted_texts, shifting_proportions
from policylens.topics import TopicParams, fit_topics
from policylens.topics.fit import choose_k


def _scores(coherence, stability):
    return [{"k": k, "coherence": c, "stability": s}
            for k, c, s in zip(range(4, 4 + len(coherence)), coherence, stability)]


def test_coherence_chooses_k_when_it_peaks_inside_the_range():
    scores = _scores([0.30, 0.40, 0.35, 0.33], [0.9, 0.6, 0.95, 0.5])
    assert choose_k(scores) == (5, "coherence")


def test_the_most_stable_k_is_kept_when_coherence_still_rises_at_the_top():
    scores = _scores([0.30, 0.32, 0.34, 0.36], [0.70, 0.85, 0.60, 0.55])
    assert choose_k(scores) == (5, "stability")
    # Still rising although the margin rule would stop short of the top (k=7 beats k=6 by
    # less than 0.01): the highest coherence is at the top all the same.
    assert choose_k(_scores([0.30, 0.32, 0.335, 0.34], [0.9, 0.7, 0.6, 0.5])) == (4, "stability")
    # The top of the range is kept when it is the most stable too.
    assert choose_k(_scores([0.30, 0.32, 0.34], [0.5, 0.6, 0.9])) == (6, "stability")
    # Unmeasured (a model saved before stability was measured): coherence alone.
    assert choose_k(_scores([0.30, 0.32, 0.34], [None, None, None])) == (6, "coherence")


def test_stability_peaks_at_the_planted_number_of_subjects():
    texts = [p.text for p in planted_texts(shifting_proportions(4, 5), 80, seed=3, mix=0.2)]
    fit = fit_topics(texts, TopicParams(k_min=3, k_max=7, seed=0))
    stability = {s["k"]: s["stability"] for s in fit.k_scores}
    assert stability[5] > 0.95, stability
    assert stability[5] == max(stability.values()), stability
    assert all(0 < v <= 1 for v in stability.values())
    again = fit_topics(texts, TopicParams(k_min=3, k_max=7, seed=0))
    assert again.k_scores == fit.k_scores  # seeded halves: the same numbers


def test_a_given_k_fits_no_halves():
    texts = [p.text for p in planted_texts(shifting_proportions(2, 4), 40, seed=1)]
    fit = fit_topics(texts, TopicParams(k=4, seed=0))
    assert [set(s) for s in fit.k_scores] == [{"k", "coherence", "diversity", "selected"}]


@pytest.mark.slow
def test_topics_command_writes_stability_and_says_why_when_coherence_still_rises(tmp_path):
    from click.testing import CliRunner

    from policylens.cli import cli
    from policylens.trends.export import read_result_csv

    # four planted subjects: k 2..3 stops short of them
    db = planted_store(tmp_path / "s.db", 5, 4, 60, 2016, 3, seed=2, mix=0.1)
    result = CliRunner().invoke(cli, ["--db", str(db), "topics", "--k", "auto", "--k-range",
                                      "2:5", "--workers", "0"])
    assert result.exit_code == 0, result.output
    rows = list(read_result_csv(tmp_path / "k_selection.csv"))
    assert [r["k"] for r in rows] == [2, 3, 4, 5]
    assert all(0 < r["stability"] <= 1 for r in rows)
    assert max(rows, key=lambda r: r["stability"])["k"] == 4
    assert "k=4" in result.stderr and ", stability " in result.stderr

    rising = CliRunner().invoke(cli, ["--db", str(db), "topics", "--k", "auto", "--k-range",
                                      "2:3", "--workers", "0"])
    assert rising.exit_code == 0, rising.output
    rows = list(read_result_csv(tmp_path / "k_selection.csv"))
    chosen = next(r for r in rows if r["selected"])
    assert rows[-1]["coherence"] > rows[0]["coherence"] + 0.01  # still rising at k=3
    assert chosen["stability"] == max(r["stability"] for r in rows)
    assert "coherence was still rising at the top of k 2..3" in rising.stderr
    assert f"k={chosen['k']}:" in rising.stderr and "most stable" in rising.stderr
