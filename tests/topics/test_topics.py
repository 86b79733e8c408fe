"""Topic models: vocabulary, recovery of planted topics, k by coherence, safe and exact saves."""

from __future__ import annotations

import hashlib
import pickle
from pathlib import Path

import numpy as np
import pytest

from planted import SUBJECTS, match_topics, planted_texts
from policylens.errors import InputError, ModelError
from policylens.topics import TopicParams, fit_topics, load_model, make_labels, save_model
from policylens.topics.coherence import npmi, topic_diversity
from policylens.topics.corpus import CallableSource
from policylens.topics.model import lda_shares
from policylens.topics.persist import MODEL_NPZ, write_npz
from policylens.topics.vocabulary import build_vocabulary

SUBJECT_NAMES = list(SUBJECTS)


@pytest.fixture(scope="module")
def even_texts() -> list[str]:
    """Four subjects in equal measure, each passage touching on a second one."""
    return [p.text for p in planted_texts([[0.25] * 4] * 2, 90, seed=3, mix=0.2)]


@pytest.fixture(scope="module")
def nmf_fit(even_texts):
    return fit_topics(even_texts, TopicParams(method="nmf", k=4, seed=0))


def _digest(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def test_vocabulary_drops_procedure_words_and_numbers_and_keeps_phrases():
    speech = ("My hon. Friend the Minister will know that gene therapy for sickle cell disease "
              "costs £1,200,000 and the House rose at 2019 Column 345WH Page 7. The right hon. "
              "Gentleman and the hon. Lady asked about gene therapy and NHS workforce plans.")
    texts = [speech, speech.replace("sickle", "haemophilia"), "NHS workforce vacancies grew."]
    vocab = build_vocabulary([texts], TopicParams(min_df=2, max_df=1.0))
    assert "gene therapy" in vocab
    assert "nhs workforce" in vocab
    for dropped in ("hon", "friend", "minister", "house", "rose", "column", "page", "gentleman",
                    "lady", "345wh", "2019", "200", "wh"):
        assert dropped not in vocab, dropped
    assert not any(ch.isdigit() for term in vocab for ch in term)


def test_chance_word_pairs_are_not_kept_as_phrases():
    texts = [f"budget {w} nurses training budget" for w in ("alpha", "beta", "gamma")] * 4
    texts += ["budget nurses"] * 2
    vocab = build_vocabulary([texts], TopicParams(min_df=2, max_df=1.0))
    assert "budget nurses" in vocab  # in every passage holding its rarer word
    assert "nurses training" in vocab


def test_nmf_recovers_each_planted_subject(nmf_fit):
    mapping = match_topics(nmf_fit.model.top_terms(6), SUBJECT_NAMES[:4])
    assert sorted(mapping.values()) == [0, 1, 2, 3]
    for t, words in enumerate(nmf_fit.model.top_terms(6)):
        subject = SUBJECTS[SUBJECT_NAMES[mapping[t]]]
        assert all(w in subject for term in words for w in term.split()), words
    shares = nmf_fit.shares[np.isfinite(nmf_fit.shares).all(axis=1)]
    assert np.allclose(shares.sum(axis=1), 1.0)
    # Topics are numbered by their share of the corpus, largest first.
    mean = shares.mean(axis=0)
    assert list(mean) == sorted(mean, reverse=True)


def test_lda_recovers_each_planted_subject(even_texts):
    fit = fit_topics(even_texts, TopicParams(method="lda", k=4, seed=1))
    assert sorted(match_topics(fit.model.top_terms(6), SUBJECT_NAMES[:4]).values()) == [0, 1,
                                                                                       2, 3]
    assert fit.model.doc_topic_prior_ == pytest.approx(0.25)


@pytest.mark.parametrize("method", ["nmf", "lda"])
@pytest.mark.slow  # fits every candidate k
def test_k_auto_picks_the_planted_number_of_topics(method):
    texts = [p.text for p in planted_texts([[0.2] * 5] * 2, 100, seed=5, mix=0.25)]
    fit = fit_topics(texts, TopicParams(method=method, k=None, k_min=2, k_max=8, seed=0))
    assert fit.model.k == 5
    assert [s["k"] for s in fit.k_scores] == list(range(2, 9))  # every k is reported
    chosen = [s for s in fit.k_scores if s["selected"]]
    assert [s["k"] for s in chosen] == [5]
    too_few = [s["coherence"] for s in fit.k_scores if s["k"] < 5]
    assert max(too_few) < chosen[0]["coherence"]


def test_k_auto_narrows_the_range_on_a_small_corpus():
    texts = [p.text for p in planted_texts([[0.5, 0.5]], 12, seed=1)]
    messages: list[str] = []
    fit = fit_topics(texts, TopicParams(k=None, k_min=2, k_max=12), info=messages.append)
    assert max(s["k"] for s in fit.k_scores) <= 4
    assert any("trying k 2..4" in m for m in messages)


def test_too_little_text_is_a_clear_error():
    with pytest.raises(InputError, match="too few"):
        fit_topics(["gene therapy trial dose cure"] * 4, TopicParams(k=5, min_terms=1,
                                                                     max_df=1.0))


def test_same_input_and_seed_give_identical_files(even_texts, tmp_path):
    folders = []
    for run in ("a", "b"):
        fit = fit_topics(even_texts, TopicParams(method="lda", k=4, seed=7))
        folders.append(save_model(fit.model, tmp_path / run, make_labels(fit.model.top_terms())))
    assert _digest(folders[0]) == _digest(folders[1])
    other = fit_topics(even_texts, TopicParams(method="lda", k=4, seed=8))
    save_model(other.model, tmp_path / "c")
    assert _digest(tmp_path / "c")["model.npz"] != _digest(folders[0])["model.npz"]


def test_saved_model_scores_new_passages_without_pickle_or_refit(nmf_fit, even_texts, tmp_path,
                                                                 monkeypatch):
    save_model(nmf_fit.model, tmp_path / "m", ["a", "b", "c", "d"])

    def refuse(*args, **kwargs):
        raise AssertionError("must not be called when loading or scoring")

    import sklearn.decomposition as dec

    monkeypatch.setattr(pickle, "load", refuse)
    monkeypatch.setattr(pickle, "loads", refuse)
    for name in ("NMF", "MiniBatchNMF", "LatentDirichletAllocation"):
        monkeypatch.setattr(getattr(dec, name), "fit", refuse)
        monkeypatch.setattr(getattr(dec, name), "partial_fit", refuse, raising=False)
    model = load_model(tmp_path / "m")
    assert model.k == 4 and model.vocabulary_ == nmf_fit.model.vocabulary_
    assert np.array_equal(model.components_, nmf_fit.model.components_)
    scored = model.transform(even_texts[:50])
    assert np.allclose(scored, nmf_fit.shares[:50], equal_nan=True, atol=1e-9)
    fresh = planted_texts([[0, 0, 1, 0]], 3, seed=99)  # passages the model never saw
    shares = model.transform([p.text for p in fresh])
    mapping = match_topics(model.top_terms(6), SUBJECT_NAMES[:4])
    regulation = next(t for t, s in mapping.items() if s == 2)
    assert (shares.argmax(axis=1) == regulation).all()


def test_a_passage_scores_the_same_alone_or_in_a_batch(nmf_fit, even_texts):
    model = nmf_fit.model
    together = model.transform(even_texts[:40])
    alone = model.transform([even_texts[17]])
    assert np.allclose(alone[0], together[17], atol=1e-12)
    assert np.isnan(model.transform(["rose"])).all()  # too short to place


def test_lda_scoring_is_row_independent(even_texts):
    fit = fit_topics(even_texts[:120], TopicParams(method="lda", k=3, seed=0))
    counts = fit.model.vectorizer().transform(even_texts[:30]).tocsr()
    alpha = fit.model.doc_topic_prior_
    together = lda_shares(counts, fit.model.components_, alpha)
    alone = lda_shares(counts[5:6], fit.model.components_, alpha)
    assert np.allclose(alone[0], together[5], atol=1e-12)


def test_load_refuses_pickled_arrays(nmf_fit, tmp_path):
    folder = save_model(nmf_fit.model, tmp_path / "m")
    np.savez(folder / MODEL_NPZ, components=np.array([object()], dtype=object),
             idf=np.ones(3))
    with pytest.raises(ModelError, match="damaged"):
        load_model(folder)
    with pytest.raises(ModelError, match="object arrays"):
        write_npz(tmp_path / "x.npz", {"a": np.array([object()], dtype=object)})


def test_load_reports_missing_and_mismatched_models(nmf_fit, tmp_path):
    with pytest.raises(ModelError, match="no topic model"):
        load_model(tmp_path / "nothing")
    folder = save_model(nmf_fit.model, tmp_path / "m")
    write_npz(folder / MODEL_NPZ, {"components": np.ones((4, 3)), "idf": np.ones(3)})
    with pytest.raises(ModelError, match="does not match"):
        load_model(folder)


def test_streaming_lda_gives_the_same_model_as_in_memory(even_texts, monkeypatch):
    import policylens.topics.model as model_module

    params = TopicParams(method="lda", k=4, seed=2, lda_epochs=3)
    # Both runs start LDA from the same topics (streaming would start from mini-batch NMF),
    # so any difference comes from how the passages are read.
    start = fit_topics(even_texts, TopicParams(method="nmf", k=4)).model.components_
    monkeypatch.setattr(model_module, "nmf_components", lambda corpus, k, params: start.copy())
    in_memory = fit_topics(even_texts, params)
    streamed = fit_topics(CallableSource(len(even_texts), lambda: iter(even_texts)), params,
                          memory_budget=0)
    assert streamed.model.vocabulary_ == in_memory.model.vocabulary_
    assert np.allclose(streamed.model.components_, in_memory.model.components_)
    assert np.allclose(streamed.shares, in_memory.shares, equal_nan=True)
    assert sorted(match_topics(streamed.model.top_terms(6), SUBJECT_NAMES[:4]).values()) == [
        0, 1, 2, 3]


def test_streaming_nmf_recovers_the_subjects(even_texts):
    fit = fit_topics(CallableSource(len(even_texts), lambda: iter(even_texts)),
                     TopicParams(method="nmf", k=4, seed=0), memory_budget=0)
    assert sorted(match_topics(fit.model.top_terms(6), SUBJECT_NAMES[:4]).values()) == [0, 1,
                                                                                       2, 3]


def test_labels_are_short_distinct_and_prefer_phrases():
    labels = make_labels([["gene", "gene therapy", "therapy", "trial", "dose"],
                          ["gene therapy", "trial", "gene", "cost"],
                          ["gene therapy", "trial", "gene", "nurses"]])
    assert labels[0] == "gene therapy, trial, dose"
    assert labels[1] == "gene therapy, trial, cost"
    assert labels[2] == "gene therapy, trial, nurses"
    assert len(set(make_labels([["a", "b", "c"], ["a", "b", "c"]]))) == 2


def test_npmi_and_diversity_bounds():
    assert npmi(10, 10, 10, 100) == pytest.approx(1.0)
    assert npmi(0, 10, 10, 100) == -1.0
    assert npmi(1, 10, 10, 100) == pytest.approx(0.0)  # independent: P(ab) = P(a)P(b)
    assert topic_diversity([[1, 2], [3, 4]]) == 1.0
    assert topic_diversity([[1, 2], [1, 2]]) == 0.5


def test_nmf_coherence_is_stored_per_topic(nmf_fit):
    coherence = nmf_fit.model.coherence_
    assert coherence.shape == (4,)
    assert (coherence > 0.3).all() and (coherence <= 1).all()


def test_the_model_keeps_estimator_manners(nmf_fit, even_texts):
    from policylens.topics import TopicModel

    unfitted = TopicModel(TopicParams(k=4))
    assert not unfitted.is_fitted
    with pytest.raises(ModelError, match="not fitted"):
        unfitted.transform(even_texts[:2])
    model = nmf_fit.model
    before = model.components_.copy()
    reversed_shares = nmf_fit.shares[:, ::-1]
    reordered, shares = model.order_topics(reversed_shares)
    # A new model with the topics renumbered; the fitted one is left as it was.
    assert reordered is not model
    np.testing.assert_array_equal(model.components_, before)
    np.testing.assert_array_equal(reordered.components_, before[::-1])
    np.testing.assert_array_equal(shares, nmf_fit.shares)
    assert reordered.key_ == model.key_ and reordered.k_scores_ == model.k_scores_
    with pytest.raises(TypeError, match="info"):
        model.with_learned(info={})
    assert model.n_scored_ == int(np.isfinite(nmf_fit.shares[:, 0]).sum())
    assert model.versions_["analysis"]
