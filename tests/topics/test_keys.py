"""Stable topic keys: matching a refitted model's topics to the model before."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from policylens.topics.keys import (
    GONE,
    KEPT,
    MATCH_THRESHOLD,
    NEW,
    assign_keys,
    first_keys,
    key_number,
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


# -- through the command line and the API, on stores the tests build -------------------------
def _invoke(*args):
    from click.testing import CliRunner

    from policylens.cli import cli

    return CliRunner().invoke(cli, [str(a) for a in args])


def _read(path: Path) -> list[dict]:
    from policylens.trends.export import read_result_csv

    return list(read_result_csv(path))


def _load_build():
    """corpus/build.py, which writes the bundled corpus (and extra debates in its style)."""
    import importlib.util
    import sys

    root = Path(__file__).resolve().parents[2]
    name = "policylens_corpus_build_for_keys"
    spec = importlib.util.spec_from_file_location(name, root / "corpus" / "build.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
def test_ten_percent_more_documents_keep_most_topic_keys(tmp_path):
    """The bundled corpus (44 PDFs), then 5 more debates in its style (11% more passages),
    refitted with the same k: at least 80% of the first model's keys carry on. (With --k auto
    the two fits may choose different k, and a key can carry on only as far as topics do.)"""
    build = _load_build()
    root = Path(build.HERE)
    db, out = tmp_path / "s.db", tmp_path / "out"
    ingest = _invoke("ingest", root / "pdfs", "--db", db, "--metadata", root / "metadata.csv",
                     "--workers", "0")
    assert ingest.exit_code == 0, ingest.output
    topics = ("topics", "--db", db, "--out", out, "--k", "8", "--workers", "0")
    first = _invoke(*topics)
    assert first.exit_code == 0, first.output
    before = {r["topic_key"]: r for r in _read(out / "topics.csv")}

    build.write_extra_debates(tmp_path / "extra", 5)
    assert _invoke("ingest", tmp_path / "extra", "--db", db, "--workers", "0").exit_code == 0
    refit = _invoke(*topics)
    assert refit.exit_code == 0, refit.output
    assert "fitting NMF topics" in refit.stderr
    after = {r["topic_key"]: r for r in _read(out / "topics.csv")}
    matches = _read(out / "topic_matches.csv")

    kept = [m for m in matches if m["status"] == KEPT]
    assert len(kept) / len(before) >= 0.8, matches
    assert {m["old_key"] for m in matches if m["old_key"]} == set(before)
    assert {m["new_key"] for m in matches if m["new_key"]} == set(after)
    for m in kept:  # a kept key names the same subject: top words in common
        old_words = set(before[m["old_key"]]["top_words"].split("; "))
        new_words = set(after[m["new_key"]]["top_words"].split("; "))
        assert m["similarity"] >= MATCH_THRESHOLD
        assert len(old_words & new_words) >= 3, (old_words, new_words)
    fresh = sorted(key_number(m["new_key"]) for m in matches if m["status"] == NEW)
    assert fresh == list(range(len(before) + 1, len(before) + 1 + len(fresh)))


@pytest.fixture
def planted_db(tmp_path):
    from planted import planted_store

    return planted_store(tmp_path / "s.db", 5, 4, 60, 2016, 3, seed=2, mix=0.1)


def test_a_refit_with_another_seed_and_k_keeps_the_keys_and_the_tables_join(planted_db,
                                                                            tmp_path):
    """LDA on four planted subjects with k=4, seed 0; then k=5, seed 1: the four subjects keep
    their keys, the fifth topic gets t5, and the two fits' trends join on topic_key."""
    from planted import SUBJECTS, match_topics
    from policylens import Workspace

    subjects = list(SUBJECTS)[:4]
    ws = Workspace(planted_db)
    runs = {}
    for name, k, seed in (("first", 4, 0), ("second", 5, 1)):
        out = tmp_path / name
        outcome = ws.run_topics(k=k, method="lda", seed=seed, out=tmp_path)
        ws.run_trends(out=out, n_boot=100, seed=seed, plots=False)
        subject_of = match_topics(outcome.model.top_terms(), subjects)
        runs[name] = {"keys": outcome.keys, "subject": {outcome.keys[t]: subjects[s]
                                                        for t, s in subject_of.items()},
                      "trends": _read(out / "topic_trends.csv"),
                      "matches": list(ws.topic_matches())}
    first, second = runs["first"], runs["second"]
    assert sorted(first["keys"]) == ["t1", "t2", "t3", "t4"]
    assert set(first["keys"]) <= set(second["keys"])
    assert sorted(set(second["keys"]) - set(first["keys"])) == ["t5"]
    # Each of the first model's keys names the same planted subject in the second.
    assert all(second["subject"][key] == subject for key, subject in first["subject"].items())
    assert sorted(m["status"] for m in second["matches"]) == [KEPT] * 4 + [NEW]

    def shares(run):
        return {(r["period"], r["topic_key"]): r["share"] for r in run["trends"]
                if r["group"] == "all"}

    a, b = shares(first), shares(second)
    joined = sorted(set(a) & set(b))
    assert len(joined) == 5 * 4  # every period of every kept key
    correlation = np.corrcoef([a[j] for j in joined], [b[j] for j in joined])[0, 1]
    assert correlation > 0.9, correlation


def test_keys_are_saved_with_the_model_and_read_back(planted_db, tmp_path):
    from policylens import Workspace
    from policylens.topics.persist import load_model

    outcome = Workspace(planted_db).run_topics(k=4, out=tmp_path)
    model = load_model(tmp_path / "topic-model")
    assert model.topic_keys == outcome.keys == ("t1", "t2", "t3", "t4")
    assert model.keys_issued == 4
    assert [m.status for m in model.topic_matches_] == [NEW] * 4
    # A rerun with the same passages and options reuses the model and its keys, byte for byte.
    before = (tmp_path / "topic-model" / "model.json").read_bytes()
    again = Workspace(planted_db).run_topics(k=4, out=tmp_path)
    assert again.reused and again.keys == outcome.keys
    assert (tmp_path / "topic-model" / "model.json").read_bytes() == before


def test_a_damaged_key_list_is_refused_with_a_hint(planted_db, tmp_path):
    import json

    from policylens import Workspace
    from policylens.errors import ModelError
    from policylens.topics.persist import load_model

    Workspace(planted_db).run_topics(k=4, out=tmp_path)
    path = tmp_path / "topic-model" / "model.json"
    meta = json.loads(path.read_text(encoding="utf-8"))
    meta["topic_keys"] = ["t1", "t2"]
    path.write_text(json.dumps(meta), encoding="utf-8")
    with pytest.raises(ModelError) as err:
        load_model(tmp_path / "topic-model")
    assert "2 topic keys for 4 topics" in err.value.message and "--refit" in err.value.hint
