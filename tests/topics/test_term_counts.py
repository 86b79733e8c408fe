"""Counting terms as integers (vocabulary pass and matrix build at scale) gives what the
string-based CountVectorizer gives: the same vocabulary, the same matrix, entry for entry."""

from __future__ import annotations

from collections import Counter

import numpy as np
import pytest
import scipy.sparse as sp

from planted import planted_texts, shifting_proportions
from policylens.topics import TopicParams
from policylens.topics.vocabulary import (
    PhraseCounts,
    TermCounter,
    TokenStream,
    WordIds,
    build_vocabulary,
    make_analyzer,
    make_vectorizer,
    read_words,
    select_vocabulary,
)

# Words the planted corpus lacks: non-ASCII letters, digits glued to letters, hyphens,
# apostrophes, underscores, punctuation between words, repeats, and an empty passage.
ODD_TEXTS = [
    "Café services in Münster: the NHS's gene-therapy trial (phase 2) cost £1.2m; gene therapy!",
    "345WH gene therapy gene therapy, nurses' rotas—nurses rotas… staff_shortages staff shortages",
    "",
    "Ørsted façade naïve café café gene therapy 2019-2020 nurses rotas",
    "gene therapy. Gene Therapy? GENE THERAPY nurses rotas staff shortages",
    # Read by byte translation once the common marks beyond ASCII are replaced: curly quotes,
    # dashes, a pound sign, a no-break space, a soft hyphen; and ASCII control characters.
    ("The trust\u2019s \u201cgene therapy\u201d budget \u2013 \u00a340m \u2014 nurses\u00a0rotas;"
     " x\u00adray 3rd-party gene\u2022therapy nurses\u2026rotas \u2018staff shortages\u2019"
     " gene\u2019therapy nurses\u2019rotas"),
    "tab\tgene\x0btherapy\x1cnurses rotas\x00staff\x7fshortages gene_therapy nurses'rotas",
]


@pytest.fixture(scope="module")
def texts():
    planted = planted_texts(shifting_proportions(4, 4), 40, seed=7, mix=0.3)
    return [p.text for p in planted] + ODD_TEXTS * 3


def _string_vocabulary(texts, params):
    analyze = make_vectorizer(params).build_analyzer()
    df = Counter()
    for text in texts:
        df.update(set(analyze(text)))
    return select_vocabulary(df, len(texts), params)


@pytest.mark.parametrize("params", [
    TopicParams(min_df=2, max_df=1.0),
    TopicParams(min_df=3, max_df=0.5, max_features=40),
    TopicParams(min_df=2, max_df=1.0, ngram_max=1),
    TopicParams(min_df=2, max_df=1.0, stop_words=("therapy", "café")),
])
def test_vocabulary_and_matrix_equal_the_string_counts(texts, params):
    batches = [texts[i : i + 37] for i in range(0, len(texts), 37)]
    kept = TokenStream()
    kept.SEGMENT_IDS = 500  # several segments
    vocabulary = build_vocabulary(batches, params, keep=kept)
    assert vocabulary == _string_vocabulary(texts, params)
    if params == TopicParams(min_df=2, max_df=1.0):  # the odd texts reach the vocabulary
        assert "gene therapy" in vocabulary and "café" in vocabulary

    expected = make_vectorizer(params, vocabulary).transform(texts).tocsr()
    got = TermCounter(params, vocabulary).transform(texts)
    assert got.shape == expected.shape and got.dtype == expected.dtype
    np.testing.assert_array_equal(got.indptr, expected.indptr)
    np.testing.assert_array_equal(got.indices, expected.indices)
    np.testing.assert_array_equal(got.data, expected.data)
    # Counted from the word ids the vocabulary pass kept, batch by batch: the same rows.
    counter = TermCounter(params, vocabulary, kept.ids)
    from_stream = sp.vstack([counter.count(*part) for part in kept.drain()]).tocsr()
    assert not kept.segments
    np.testing.assert_array_equal(from_stream.indptr, expected.indptr)
    np.testing.assert_array_equal(from_stream.indices, expected.indices)
    np.testing.assert_array_equal(from_stream.data, expected.data)


def test_batches_read_elsewhere_get_the_ids_reading_here_gives(texts):
    # `run --dask` splits each batch into words on a worker with ids of its own; mapped back
    # in batch order they must be the ids (and so the vocabulary and matrix) of a local read,
    # new words included, numbered in the order a local read first meets them.
    stop = make_analyzer(TopicParams(stop_words=("therapy",))).stop
    batches = [texts[i : i + 23] for i in range(0, len(texts), 23)]
    here, mapped = WordIds(stop), WordIds(stop)
    for batch in batches:
        doc, flat = here.read(batch)
        words, lengths, local = read_words(batch, stop)
        assert local.dtype == np.int32 and len(lengths) == len(batch)
        got_doc, got_flat = mapped.adopt(words, lengths, local)
        np.testing.assert_array_equal(got_doc, doc)
        np.testing.assert_array_equal(got_flat, flat)
        assert got_flat.dtype == flat.dtype == np.int64
    assert mapped.words == here.words and len(here.words) > 50
    assert "façade" in mapped.words  # first met in a later batch
    assert "therapy" not in mapped.words  # the stop words travel with the batch


def test_a_vocabulary_of_phrases_alone_counts_only_side_by_side_words():
    params = TopicParams(min_df=1, max_df=1.0)
    got = TermCounter(params, ["gene therapy"]).transform(
        ["gene therapy", "gene, therapy", "therapy gene", "gene the therapy", "gene therapy " * 3])
    assert got.toarray().ravel().tolist() == [1, 0, 0, 0, 3]


def test_phrase_counts_merge_batches_exactly():
    rng = np.random.default_rng(5)
    batches = [np.unique(rng.integers(0, 500, size=rng.integers(0, 300))) for _ in range(40)]
    counts = PhraseCounts()
    counts.MERGE_AT = 700  # several merges, with keys pending between them
    for keys in batches:
        counts.add(keys)
    keys, n = counts.result()
    expected = Counter(int(k) for b in batches for k in b)
    assert keys.tolist() == sorted(expected)
    assert n.tolist() == [expected[k] for k in sorted(expected)]
