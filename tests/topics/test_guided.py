"""Guided topics (--guided): one topic anchored to each of the tagger's labels."""

from __future__ import annotations

import json
import shutil

import numpy as np
import pytest
from click.testing import CliRunner

from policylens.cli import cli
from policylens.errors import InputError
from policylens.topics import TopicParams
from policylens.topics.fit import fit_topics
from policylens.topics.persist import load_model, save_model

# Workforce passages in three vocabularies that share no word: an unguided model sees three
# subjects; the tagger sees one label in all of them.
WORKFORCE = (
    ("radiographers", "linac", "radiotherapy", "physicists", "dosimetry", "beams"),
    ("counsellors", "sequencing", "genomic", "bioinformatics", "laboratory", "variants"),
    ("paramedics", "ambulances", "handover", "dispatch", "callouts", "stations"),
)
OTHER = (
    ("tariff", "rebate", "pricing", "discount", "payment", "budget"),
    ("licence", "regulator", "authorisation", "inspection", "compliance", "approval"),
)
FILLER = ("across", "country", "services", "local", "plans", "patients")


def _texts(seed: int = 0, per_group: int = 40):
    """(texts, guides: workforce / cost / regulation columns, which passages are workforce)."""
    rng = np.random.default_rng(seed)
    texts, guides, workforce = [], [], []
    groups = [(w, (1.0, 0.0, 0.0)) for w in WORKFORCE] + [
        (OTHER[0], (0.0, 1.0, 0.0)), (OTHER[1], (0.0, 0.0, 1.0))]
    for g, (words, guide) in enumerate(groups):
        for _ in range(per_group):
            picked = list(rng.choice(words, 12)) + list(rng.choice(FILLER, 4))
            texts.append(" ".join(picked))
            guides.append(guide)
            workforce.append(g < len(WORKFORCE))
    order = rng.permutation(len(texts))
    return ([texts[i] for i in order], np.asarray(guides)[order],
            np.asarray(workforce)[order])


LABELS = ("NHS_WORKFORCE", "COST", "REGULATION")


def _fit(guided: bool, k: int = 6, **kw):
    texts, guides, workforce = _texts(**kw)
    params = TopicParams(k=k, seed=0, min_df=2, max_df=0.9, guided=guided)
    result = fit_topics(texts, params, guides=guides if guided else None,
                        anchor_labels=LABELS if guided else ())
    return result, texts, guides, workforce


def _following(shares: np.ndarray, workforce: np.ndarray) -> np.ndarray:
    """Each topic's correlation, over the passages, with being about the workforce."""
    return np.array([np.corrcoef(shares[:, t], workforce)[0, 1] for t in range(shares.shape[1])])


def test_passages_of_one_label_share_its_anchored_topic_whatever_their_words():
    plain, _, _, workforce = _fit(guided=False)
    # Unguided, the workforce passages' three vocabularies are three topics, none of which
    # follows the workforce passages as a whole.
    assert len(set(np.argmax(plain.shares, axis=1)[workforce])) >= 3
    assert _following(plain.shares, workforce).max() < 0.7

    result, _, _, workforce = _fit(guided=True)
    anchors = result.model.anchors()
    assert sorted(a for a in anchors if a) == sorted(LABELS)
    assert anchors.count(None) == 3  # k=6: three anchors, three free topics
    topic = anchors.index("NHS_WORKFORCE")
    share = result.shares[:, topic]
    # The anchor is in every workforce passage, whichever words it uses, and in no other.
    assert share[workforce].min() > 0.1
    assert share[~workforce].max() < 0.02
    assert _following(result.shares, workforce)[topic] > 0.95
    # A free topic never takes a label's column; an anchor takes only its own.
    weights = result.model.anchor_weights_
    for t, anchor in enumerate(anchors):
        expected = {LABELS.index(anchor)} if anchor else set()
        assert set(np.flatnonzero(weights[t] > 0)) == expected


def test_a_guided_model_is_saved_loaded_and_scores_new_passages_as_when_fitted(tmp_path):
    result, texts, guides, _ = _fit(guided=True)
    save_model(result.model, tmp_path / "m")
    model = load_model(tmp_path / "m")
    assert model.guided and model.anchor_labels_ == LABELS
    assert model.anchors() == result.model.anchors()
    np.testing.assert_allclose(model.transform(texts[:20], guides[:20]), result.shares[:20],
                               atol=1e-6)
    meta = json.loads((tmp_path / "m" / "model.json").read_text(encoding="utf-8"))
    assert meta["params"]["guided"] is True
    assert meta["anchors"] == result.model.anchors()
    # Without the passages' labels a guided model still places them, by their words.
    by_words = model.transform(texts[:20])
    assert np.isfinite(by_words).all() and np.allclose(by_words.sum(axis=1), 1)


def test_an_unguided_model_keeps_the_parameters_it_always_stored():
    assert "guided" not in TopicParams(k=4).to_dict()
    assert TopicParams(k=4, guided=True).to_dict()["guided"] is True


def test_guided_topics_are_refused_for_lda_and_without_a_free_topic():
    with pytest.raises(InputError, match="--guided"):
        TopicParams(k=6, method="lda", guided=True).validate()
    with pytest.raises(InputError, match="leaves no free topic") as err:
        _fit(guided=True, k=3)
    assert "--k 7" in err.value.hint


def test_guided_k_search_tries_only_k_with_a_free_topic():
    texts, guides, _ = _texts()
    params = TopicParams(k=None, k_min=2, k_max=6, seed=0, min_df=2, max_df=0.9, guided=True)
    result = fit_topics(texts, params, guides=guides, anchor_labels=LABELS)
    assert [s["k"] for s in result.k_scores] == [4, 5, 6]


def test_the_same_seed_gives_the_same_guided_topics():
    a, *_ = _fit(guided=True)
    b, *_ = _fit(guided=True)
    assert np.array_equal(a.shares, b.shares, equal_nan=True)
    assert np.array_equal(a.model.components_, b.model.components_)


def test_guided_topics_through_the_cli_on_a_tagged_store(bundled_run, tmp_path):
    db = tmp_path / "policylens.db"
    shutil.copy(bundled_run / "policylens.db", db)
    runner = CliRunner()
    result = runner.invoke(cli, ["--db", str(db), "topics", "--k", "7", "--guided",
                                 "--workers", "0", "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    topics = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    anchored = [t["label"].split(":")[0] for t in topics if ":" in t["label"]]
    assert "NHS_WORKFORCE" in anchored and "THERAPY" in anchored
    meta = json.loads((tmp_path / "topic-model" / "model.json").read_text(encoding="utf-8"))
    assert meta["params"]["guided"] is True and set(anchored) <= set(meta["anchor_labels"])
    # The trends read the guided model as any other.
    trends = runner.invoke(cli, ["--db", str(db), "trends", "--no-plots", "--bootstrap", "100"])
    assert trends.exit_code == 0, trends.output
    assert (tmp_path / "topic_trends.csv").read_text(encoding="utf-8").count("\n") > 7


def test_guided_topics_on_an_untagged_store_say_to_tag_first(tmp_path, hansard_pdf):
    db = tmp_path / "s.db"
    runner = CliRunner()
    assert runner.invoke(cli, ["--db", str(db), "ingest", str(hansard_pdf)]).exit_code == 0
    result = runner.invoke(cli, ["--db", str(db), "topics", "--k", "5", "--guided"])
    assert result.exit_code != 0
    assert "not tagged" in result.output and "policylens tag" in result.output
    assert "Traceback" not in result.output


def test_run_guided_tags_first_and_writes_anchored_topics_and_their_trends(tmp_path):
    from conftest import ROOT
    from policylens import run

    out = tmp_path / "results"
    result = run([ROOT / "corpus"], out, k=7, guided=True, workers=2, n_boot=100)
    assert not result.notes
    rows = (out / "topics.csv").read_text(encoding="utf-8").splitlines()
    assert any("NHS_WORKFORCE: " in row for row in rows)
    meta = json.loads((out / "topic-model" / "model.json").read_text(encoding="utf-8"))
    assert meta["params"]["guided"] is True
    assert "NHS_WORKFORCE" in meta["anchors"]
    assert (out / "theme_trends.csv").exists() and (out / "mention_trends.csv").exists()
    # The report's command that remakes the results asks for guided topics too.
    page = (out / "report.html").read_text(encoding="utf-8")
    assert "--k 7 --guided" in page
    # Its method section says which labels anchor a topic.
    assert "Guided: one topic anchored to each of THERAPY" in page


@pytest.mark.parametrize("how", ["streamed", "sampled"])
def test_guided_topics_hold_their_anchors_when_streamed_or_refined_from_a_sample(how):
    texts, guides, workforce = _texts()
    params = TopicParams(k=None if how == "sampled" else 6, k_min=6, k_max=7, seed=0,
                         min_df=2, max_df=0.9, guided=True)
    options = {"memory_budget": 1} if how == "streamed" else {"sample_size": 120}
    said: list[str] = []
    result = fit_topics(texts, params, guides=guides, anchor_labels=LABELS, info=said.append,
                        **options)
    assert any(("streamed" if how == "streamed" else "choosing k on a sample") in m
               for m in said)
    anchors = result.model.anchors()
    assert sorted(a for a in anchors if a) == sorted(LABELS)
    topic = anchors.index("NHS_WORKFORCE")
    assert _following(result.shares, workforce)[topic] > 0.9
    if how == "sampled":
        assert result.k_scores[0]["sample_size"] == 120
