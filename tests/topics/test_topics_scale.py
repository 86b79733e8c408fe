"""Topics at scale: the matrix build chosen by a memory budget, k chosen on a stratified sample."""

from __future__ import annotations

import numpy as np
import pytest
from click.testing import CliRunner

from planted import planted_texts, shifting_proportions
from policylens.cli import cli
from policylens.topics import CallableSource, ListSource, TopicParams, fit_topics
from policylens.topics.corpus import (
    DEFAULT_MEMORY_BUDGET,
    choose_mode,
    estimate_bytes,
    prepare_corpus,
    stratified_sample,
)
from policylens.topics.stability import topic_stability


@pytest.fixture(scope="module")
def passages():
    # Six periods whose subject mix shifts, 60 passages each.
    return planted_texts(shifting_proportions(6, 4), 60, seed=4, mix=0.2)


def test_the_build_follows_the_budget_not_the_passage_count():
    words = 1_000_000
    assert choose_mode(words, estimate_bytes(words, "matrix")) == "matrix"
    assert choose_mode(words, estimate_bytes(words, "matrix") - 1) == "stream"
    # Small corpora too: the batch-by-batch build gives the one-pass build's matrix, reading
    # the texts once without holding them all.
    assert choose_mode(1_000, estimate_bytes(words, "texts")) == "matrix"
    assert choose_mode(None) == "stream"
    # 231,000 passages of ~250 words: the matrix over the vocabulary fits the default budget
    # although holding every text and candidate term would not.
    assert choose_mode(231_000 * 250, DEFAULT_MEMORY_BUDGET) == "matrix"


def test_matrix_and_stream_builds_give_the_one_pass_corpus(passages):
    texts = [p.text for p in passages]
    params = TopicParams(k=4)
    one = prepare_corpus(ListSource(texts), params, "texts")
    two = prepare_corpus(CallableSource(len(texts), lambda: iter(texts)), params, "matrix")
    streamed = prepare_corpus(CallableSource(len(texts), lambda: iter(texts)), params, "stream")
    assert one.vocabulary == two.vocabulary == streamed.vocabulary
    assert (one.counts != two.counts).nnz == 0 and streamed.counts is None
    np.testing.assert_array_equal(one.idf, two.idf)
    np.testing.assert_array_equal(one.idf, streamed.idf)
    assert one.n_usable == two.n_usable == streamed.n_usable
    # A sample of the streamed corpus is read into memory with the same rows as in memory.
    rows = np.array([0, 5, 17, 300])
    assert (streamed.subset(rows).counts != one.counts[rows]).nnz == 0


def test_matrix_build_fits_the_same_model(passages):
    texts = [p.text for p in passages]
    params = TopicParams(k=4, seed=0)
    in_memory = fit_topics(texts, params)
    words = sum(len(t.split()) for t in texts)
    batched = fit_topics(CallableSource(len(texts), lambda: iter(texts), n_words=words), params,
                         memory_budget=estimate_bytes(words, "matrix"))
    assert batched.model.components_.tobytes() == in_memory.model.components_.tobytes()
    assert np.array_equal(batched.shares, in_memory.shares, equal_nan=True)


def test_the_sample_keeps_each_periods_share_and_is_reproducible():
    strata = ["2019"] * 500 + ["2020"] * 300 + ["2021"] * 200
    rows = stratified_sample(strata, 100, seed=3)
    assert len(rows) == 100 and list(rows) == sorted(set(rows.tolist()))
    years = np.asarray(strata)[rows]
    assert [int((years == y).sum()) for y in ("2019", "2020", "2021")] == [50, 30, 20]
    assert np.array_equal(rows, stratified_sample(strata, 100, seed=3))
    assert not np.array_equal(rows, stratified_sample(strata, 100, seed=4))
    assert np.array_equal(stratified_sample(strata, 5000, seed=3), np.arange(1000))


def test_k_is_chosen_on_a_sample_and_refined_on_every_passage(passages):
    texts = [p.text for p in passages]
    strata = [str(2016 + p.period) for p in passages]
    params = TopicParams(k_min=3, k_max=5, seed=0)
    whole = fit_topics(texts, params, strata=strata)
    assert all("sample_size" not in s for s in whole.k_scores)
    sampled = fit_topics(texts, params, strata=strata, sample_size=200)
    assert {s["sample_size"] for s in sampled.k_scores} == {200}
    chosen = [s["k"] for s in sampled.k_scores if s["selected"]]
    assert chosen == [sampled.model.k]
    # The sample's topics are refined on every passage, batch by batch: they are the topics
    # a fit from scratch on all passages finds (matched one to one), not the sample's alone.
    fixed = fit_topics(texts, TopicParams(k=sampled.model.k, seed=0))
    assert topic_stability(sampled.model, fixed.model) >= 0.95
    assert sampled.model.n_passages_ == len(texts) and sampled.shares.shape[0] == len(texts)
    again = fit_topics(texts, params, strata=strata, sample_size=200)
    assert again.k_scores == sampled.k_scores
    assert again.model.components_.tobytes() == sampled.model.components_.tobytes()


def test_memory_budget_is_checked_before_any_work(tmp_path):
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "s.db"), "topics",
                                      "--memory-budget", "lots"])
    assert result.exit_code == 2, result.output
    assert "not a size" in result.output
    assert not (tmp_path / "s.db").exists()


class Recorder:
    """A progress-bar factory that records each bar's label, length and updates."""

    def __init__(self) -> None:
        self.bars: dict[str, list[int]] = {}

    def __call__(self, length: int, label: str):
        import contextlib

        done = self.bars.setdefault(label, [length, 0])

        class Bar:
            def update(self, n: int) -> None:
                done[1] += n

        return contextlib.nullcontext(Bar())


def test_every_long_phase_shows_progress(passages, tmp_path):
    from policylens.jobs.topics import TopicsOutcome
    from policylens.jobs.trends import write_topic_trends
    from policylens.records import PassageMeta

    texts = [p.text for p in passages]
    strata = [str(2016 + p.period) for p in passages]
    bars = Recorder()
    fit = fit_topics(texts, TopicParams(k_min=3, k_max=4, seed=0), strata=strata,
                     sample_size=150, progress_bar=bars)
    rows = [PassageMeta(f"p{i:04d}", f"d{p.period}-{i % 3}", 1, i, f"{2016 + p.period}-06-01",
                        "debate", None, None, len(p.text.split()))
            for i, p in enumerate(passages)]
    outcome = TopicsOutcome(fit.model, ["a", "b", "c", "d"][: fit.model.k], rows, fit.shares,
                            "key", False, tmp_path)
    write_topic_trends(outcome, tmp_path, n_boot=100, progress_bar=bars)
    k = fit.model.k
    from policylens.topics.model import REFINE_EPOCHS

    # Each bar ran to its end: [length, units done]; the refining passes count passages.
    assert bars.bars == {
        "topics: k search": [2, 2],
        f"topics: fitting k={k} on every passage ({REFINE_EPOCHS} passes)":
            [REFINE_EPOCHS * len(texts)] * 2,
        "topics: scoring passages": [len(texts), len(texts)],
        "trends: bootstrap": [3, 3],
        "trends: plots": [1, 1],
    }


def test_tfidf_is_weighted_and_normalised_in_one_copy():
    """tf-idf equals the textbook formula, leaves the caller's counts alone, and holds no more
    than about one copy of the matrix while it is made (three before: multiply, tocsr,
    normalize), which on 200,000 passages is hundreds of MB."""
    import tracemalloc

    import scipy.sparse as sp

    from policylens.topics.corpus import tfidf

    counts = sp.random(20_000, 500, density=0.02, format="csr", random_state=3)
    counts.data = np.floor(counts.data * 5) + 1
    idf = np.random.default_rng(3).random(500) + 1
    before = counts.copy()
    dense = counts.toarray() * idf
    expected = dense / np.linalg.norm(dense, axis=1, keepdims=True).clip(min=1e-300)

    got = tfidf(counts, idf)
    assert np.allclose(got.toarray(), expected)
    assert (counts != before).nnz == 0

    size = counts.data.nbytes + counts.indices.nbytes + counts.indptr.nbytes
    tracemalloc.start()
    tfidf(counts, idf)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert peak < 1.5 * size
