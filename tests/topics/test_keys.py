"""Stable topic keys: matching a refitted model's topics to the model before."""

from __future__ import annotations

import numpy as np

from policylens.topics.keys import (
    GONE,
    KEPT,
    MATCH_THRESHOLD,
    NEW,
    assign_keys,
    first_keys,
    topic_similarity,
)


def test_similarity_lays_both_vocabularies_over_their_union():
    old = np.array([[1.0, 0.0, 0.0], [0.0, 1.0, 1.0]])  # over a, b, c
    new = np.array([[2.0, 2.0, 0.0], [0.0, 0.0, 3.0]])  # over c, b, d: d is new, a is gone
    sim = topic_similarity(["a", "b", "c"], old, ["c", "b", "d"], new)
    assert sim.shape == (2, 2)
    assert np.isclose(sim[1, 0], 1.0)  # (b, c) weighs the same words in both
    assert np.isclose(sim[0, 1], 0.0)  # a against d: no word in common
    assert np.isclose(sim[0, 0], 0.0)


def test_matched_topics_keep_their_keys_and_others_get_fresh_ones():
    # new topic 0 is old t2, new topic 1 is nothing seen before, new topic 2 is old t1;
    # old t3 has no counterpart.
    sim = np.array([[0.10, 0.20, 0.90],
                    [0.95, 0.10, 0.20],
                    [0.30, 0.40, 0.10]])
    keys, matches, issued = assign_keys(["t1", "t2", "t3"], sim, issued=3)
    assert keys == ("t2", "t4", "t1")
    assert issued == 4
    status = {(m.old_key, m.new_key): m.status for m in matches}
    assert status == {("t2", "t2"): KEPT, (None, "t4"): NEW, ("t1", "t1"): KEPT,
                      ("t3", None): GONE}
    kept = next(m for m in matches if m.new_key == "t2")
    assert kept.similarity == 0.95


def test_a_key_that_went_is_never_issued_again():
    # t5 went in an earlier refit (issued = 5): a new topic gets t6, not t5.
    sim = np.array([[0.9, 0.0], [0.0, 0.1]])
    keys, _, issued = assign_keys(["t1", "t2"], sim, issued=5)
    assert keys == ("t1", "t6")
    assert issued == 6


def test_the_threshold_decides_between_kept_and_new():
    sim = np.array([[MATCH_THRESHOLD - 0.01, 0.0], [0.0, MATCH_THRESHOLD]])
    keys, matches, _ = assign_keys(["t1", "t2"], sim, issued=2)
    assert keys == ("t3", "t2")
    assert [m.status for m in matches] == [NEW, KEPT, GONE]


def test_the_assignment_maximises_total_similarity_not_greedy_pairs():
    # Greedy would give new 0 to old 0 (0.9) and leave new 1 with 0.1; the best total pairs
    # new 0 with old 1 and new 1 with old 0.
    sim = np.array([[0.9, 0.85], [0.8, 0.1]])
    keys, _, _ = assign_keys(["t1", "t2"], sim, issued=2)
    assert keys == ("t2", "t1")


def test_first_keys_number_topics_in_order():
    assert first_keys(3) == ("t1", "t2", "t3")
