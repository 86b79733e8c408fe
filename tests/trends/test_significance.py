"""Shift flags corrected for the number of comparisons (Benjamini-Hochberg q-values)."""

from __future__ import annotations

import re

import numpy as np
import pytest

from policylens.defaults import THIN_DOCUMENTS
from policylens.jobs.trends import describe_shifts, resolution_note
from policylens.records import PassageMeta
from policylens.trends import divergence, topic_shifts
from policylens.trends.significance import (
    FDR,
    benjamini_hochberg,
    permutation_p_value,
    permutation_p_values,
)


def _step_up(p: list[float], alpha: float) -> set[int]:
    """The tests Benjamini-Hochberg rejects at ``alpha``, by the step-up rule itself: the
    largest k with p_(k) <= k alpha / m, and every test with a p-value up to p_(k)."""
    ranked = sorted(p)
    m = len(p)
    k = max([i for i in range(1, m + 1) if ranked[i - 1] <= i * alpha / m], default=0)
    return {i for i, v in enumerate(p) if k and v <= ranked[k - 1]}


def test_benjamini_hochberg_matches_the_formula():
    p = [0.010, 0.040, 0.030, 0.200, 0.005, 0.041, 0.900]
    m = len(p)
    order = sorted(range(m), key=lambda i: p[i])
    rank = {i: r + 1 for r, i in enumerate(order)}
    # q_i = min over the tests ranked at or after i of m p_j / rank_j, capped at 1.
    expected = [min(1.0, min(m * p[j] / rank[j] for j in range(m) if rank[j] >= rank[i]))
                for i in range(m)]
    q = benjamini_hochberg(p)
    assert q == pytest.approx(expected)
    for alpha in (0.01, 0.03, 0.05, 0.1, 0.25):
        assert {i for i in range(m) if q[i] <= alpha} == _step_up(p, alpha), alpha
    assert all(qi >= pi for qi, pi in zip(q, p))


def test_tests_not_made_stay_out_of_the_family():
    p = [0.01, np.nan, 0.02]
    q = benjamini_hochberg(p)
    assert np.isnan(q[1])
    assert [q[0], q[2]] == pytest.approx(list(benjamini_hochberg([0.01, 0.02])))
    assert benjamini_hochberg([]).shape == (0,)


def test_permutation_p_value_counts_shuffles_at_least_as_large():
    observed = np.array([0.30, 0.05, 0.50])
    null = np.array([[0.10, 0.05, 0.1], [0.35, 0.01, 0.2], [0.30, 0.20, 0.3], [0.05, 0.00, 0.4]])
    at_least = [sum(null[i, j] >= observed[j] for i in range(4)) for j in range(3)]  # 2, 2, 0
    expected = [(1 + a) / (4 + 1) for a in at_least]
    assert permutation_p_values(observed, null) == pytest.approx(expected)
    assert permutation_p_value(0.3, null[:, 0]) == pytest.approx(expected[0])
    assert np.isnan(permutation_p_value(0.3, np.zeros(0)))


def test_p_values_hold_their_level_with_few_documents():
    """Steady topics, 4 documents a window, debates differing from one another: about 5% of
    tests should give p < 0.05. (A percentile-bootstrap p-value gave about 20% here.)"""
    rng = np.random.default_rng(11)
    p_values = []
    for rep in range(120):
        rows, shares = [], []
        for year in (2016, 2024):
            for d in range(4):
                level = rng.beta(2, 5)  # each debate its own level; the same law both years
                for _ in range(5):
                    v = float(np.clip(level + rng.normal(0, 0.05), 0, 1))
                    rows.append(_meta(len(rows), f"{year}-{d}", f"{year}-03-01", "Lab"))
                    shares.append([v, 1 - v])
        out = topic_shifts(rows, np.asarray(shares), ["a", "b"], n_boot=200, seed=rep)
        p_values.append(next(r["p_value"] for r in out if r["topic"] == 1))
    rate = np.mean(np.asarray(p_values) < 0.05)
    assert rate <= 0.09, rate  # 0.05 and two standard errors of 120 draws
    # 4 documents a side: 70 splits, fewer than the 200 shuffles asked for, so all are taken.
    assert min(p_values) >= 2 / 70 - 1e-12  # the split and its mirror


def _meta(i: int, doc: str, date: str, party: str) -> PassageMeta:
    return PassageMeta(f"p{i:05d}", doc, 1, 0, date, "parliamentary", None, party, 100)


def _planted(n_topics: int = 40, docs: int = 20, per_doc: int = 3, seed: int = 7):
    """Two years, ``docs`` debates each (half of each party). Topic 1 rises from 0.1 to 0.4
    and topic 2 falls from 0.4 to 0.1; the other topics share the remaining half of every
    passage, drawn from the same distribution in both years (nothing changes)."""
    rng = np.random.default_rng(seed)
    rows, shares = [], []
    for year, (one, two) in ((2016, (0.1, 0.4)), (2024, (0.4, 0.1))):
        for d in range(docs):
            profile = rng.dirichlet(np.full(n_topics - 2, 2.0))  # each debate its own mix
            party = ("Lab", "Con")[d % 2]
            for _ in range(per_doc):
                rest = rng.dirichlet(profile * 30 + 0.1) * 0.5
                rows.append(_meta(len(rows), f"{year}-{d}", f"{year}-03-01", party))
                shares.append(np.concatenate([[one, two], rest]))
    return rows, np.asarray(shares)


def test_a_planted_shift_is_flagged_and_null_topics_are_not():
    rows, shares = _planted()
    labels = [f"t{t + 1}" for t in range(shares.shape[1])]
    out = topic_shifts(rows, shares, labels, group="party", n_boot=2000, seed=0)
    assert len(out) == 3 * 40  # all, Con, Lab
    planted = [r for r in out if r["topic"] in (1, 2)]
    null = [r for r in out if r["topic"] > 2]
    assert all(r["exceeds_noise"] and r["q_value"] < FDR for r in planted)
    # Chance alone gives some null topics p < 0.05; the correction flags none of them.
    assert sum(r["p_value"] < 0.05 for r in null) >= 1
    assert not any(r["exceeds_noise"] for r in null)
    q = benjamini_hochberg([r["p_value"] for r in out])
    assert [r["q_value"] for r in out] == pytest.approx(list(q))
    for r in out:
        excludes_zero = r["ci_low"] > 0 or r["ci_high"] < 0
        assert r["exceeds_noise"] == (r["q_value"] < FDR and excludes_zero)
    lines = describe_shifts(out)
    assert "Benjamini-Hochberg over 120 topic x group comparisons" in lines[0]
    assert any("(beyond noise, q=" in line for line in lines)
    assert any("(within noise, q=" in line for line in lines)


def test_a_one_document_end_is_never_flagged():
    rows, shares = _planted(n_topics=6)
    # 2016 keeps a single debate: the rise is as large, its p-value as small, but it is thin.
    keep = [i for i, r in enumerate(rows) if r.doc_id == "2016-0" or r.date > "2017"]
    rows, shares = [rows[i] for i in keep], shares[keep]
    out = topic_shifts(rows, shares, [f"t{t}" for t in range(6)], n_boot=1000, seed=0)
    rise = next(r for r in out if r["topic"] == 1)
    assert rise["n_documents_from"] == 1 < THIN_DOCUMENTS
    assert rise["ci_low"] > 0.2  # the bootstrap is confident, and yet
    # One document against twenty: 21 ways to pick the lone one, so p is at least 1/21.
    assert rise["p_value"] == pytest.approx(1 / 21)
    assert rise["thin"] and not rise["exceeds_noise"] and rise["q_value"] is None
    assert not any(r["exceeds_noise"] for r in out)
    assert f"(thin: fewer than {THIN_DOCUMENTS} documents)" in "\n".join(describe_shifts(out))


def test_too_few_replicates_for_the_comparisons_are_named():
    rows, shares = _planted()
    out = topic_shifts(rows, shares, [f"t{t}" for t in range(40)], group="party", n_boot=200,
                       seed=0)
    note = resolution_note(out, 200)
    assert note and "120 comparisons" in note
    needed = int(re.search(r"--bootstrap (\d+)", note).group(1))
    # The number named is the least that lets a lone p-value, 1 / (B + 1), reach FDR / 120.
    assert 1 / (needed + 1) <= FDR / 120 < 1 / needed
    assert resolution_note(out, needed) is None and resolution_note(out, needed - 1)


def test_divergence_is_corrected_across_period_pairs_and_groups():
    rows, shares = _planted(n_topics=6)
    # A third and fourth year like the second: only the first pair moved.
    more = [PassageMeta(f"x{r.passage_id}-{y}", f"{y}-{r.doc_id}", 1, 0, f"{y}-03-01",
                        r.kind, None, r.party, 100)
            for y in (2025, 2026) for r in rows if r.date > "2017"]
    rows = rows + more
    shares = np.vstack([shares, shares[[i for i, r in enumerate(rows[:len(shares)])
                                        if r.date > "2017"] * 2]])
    out = divergence(rows, shares, [f"t{t}" for t in range(6)], group="party", seed=0)
    tested = [r for r in out if r["q_value"] is not None]
    assert len(tested) == len(out) == 3 * 3  # three pairs, all and two parties
    q = benjamini_hochberg([r["p_value"] for r in out])
    assert [r["q_value"] for r in out] == pytest.approx(list(q))
    moved = {(r["group"], r["period_from"]) for r in out if r["exceeds_noise"]}
    assert moved == {("all", "2016"), ("Con", "2016"), ("Lab", "2016")}
