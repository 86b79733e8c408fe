"""The corpus: passages read from a source and vectorised against a fixed vocabulary.

The document-term matrix is held in memory when the corpus fits; a larger corpus is read again
from its source on every pass instead.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

import numpy as np

from ..errors import InputError
from .params import TopicParams
from .vocabulary import build_vocabulary, make_vectorizer, select_vocabulary

READ_BATCH = 4096
IN_MEMORY_MAX_PASSAGES = 200_000
# Fewer passages than this per topic cannot support a topic: bounds k on small corpora.
MIN_PASSAGES_PER_TOPIC = 3


class TextSource:
    """Passages to fit on, read in the same order each time ``batches`` is called."""

    def __len__(self) -> int:  # pragma: no cover - interface
        raise NotImplementedError

    def batches(self, size: int) -> Iterator[list[str]]:  # pragma: no cover - interface
        raise NotImplementedError


class ListSource(TextSource):
    """Passages held in a list."""

    def __init__(self, texts: Sequence[str]) -> None:
        self.texts = list(texts)

    def __len__(self) -> int:
        return len(self.texts)

    def batches(self, size: int) -> Iterator[list[str]]:
        for i in range(0, len(self.texts), size):
            yield self.texts[i : i + size]


class CallableSource(TextSource):
    """Passages from a function that returns a fresh iterator of texts (e.g. a store query)."""

    def __init__(self, n: int, texts: Callable[[], Iterator[str]]) -> None:
        self.n, self.texts = n, texts

    def __len__(self) -> int:
        return self.n

    def batches(self, size: int) -> Iterator[list[str]]:
        batch: list[str] = []
        for text in self.texts():
            batch.append(text)
            if len(batch) == size:
                yield batch
                batch = []
        if batch:
            yield batch


def tfidf(counts, idf: np.ndarray):
    """Rows of counts -> l2-normalised tf-idf (the NMF input)."""
    from sklearn.preprocessing import normalize

    return normalize(counts.multiply(idf).tocsr(), norm="l2")


@dataclass
class Corpus:
    """The passages vectorised against a fixed vocabulary, in memory or re-read per pass."""

    source: TextSource
    params: TopicParams
    vocabulary: list[str]
    counts: object = None  # scipy CSR when in memory
    idf: np.ndarray = field(default=None, repr=False)
    n_passages: int = 0
    n_usable: int = 0

    def chunks(self) -> Iterator[object]:
        """Count matrices of READ_BATCH passages each, in source order."""
        if self.counts is not None:
            for i in range(0, self.counts.shape[0], READ_BATCH):
                yield self.counts[i : i + READ_BATCH]
            return
        vec = make_vectorizer(self.params, self.vocabulary)
        for batch in self.source.batches(READ_BATCH):
            yield vec.transform(batch).tocsr()

    def usable(self, counts) -> np.ndarray:
        """Rows with enough vocabulary words to carry a topic mix."""
        return np.asarray(counts.sum(axis=1)).ravel() >= self.params.min_terms


def prepare_corpus(source: TextSource, params: TopicParams,
                   in_memory_max: int = IN_MEMORY_MAX_PASSAGES) -> Corpus:
    """Build the vocabulary and (for corpora that fit) the document-term matrix."""
    import scipy.sparse as sp

    params.validate()
    if len(source) <= in_memory_max:
        # One analysis pass: count every candidate term, then keep the vocabulary's columns.
        texts = [t for batch in source.batches(READ_BATCH) for t in batch]
        # min_df may prune here already (a phrase's words are at least as frequent as it is,
        # so the phrase test still sees them); max_df may not, it would drop those words.
        full = make_vectorizer(params)
        full.set_params(min_df=params.min_df)
        try:
            matrix = full.fit_transform(texts).tocsr()
        except ValueError:  # scikit-learn: "empty vocabulary"
            matrix = sp.csr_matrix((len(texts), 0))
        names = full.get_feature_names_out() if matrix.shape[1] else []
        doc_freq = np.bincount(matrix.indices, minlength=matrix.shape[1])
        vocabulary = select_vocabulary(dict(zip(names, doc_freq.tolist())), len(texts), params)
        corpus = Corpus(source, params, vocabulary, n_passages=len(texts))
        corpus.counts = matrix[:, [full.vocabulary_[t] for t in vocabulary]].tocsr()
        df = doc_freq[[full.vocabulary_[t] for t in vocabulary]].astype(float)
    else:
        vocabulary = build_vocabulary(source.batches(READ_BATCH), params)
        corpus = Corpus(source, params, vocabulary, n_passages=len(source))
        df = np.zeros(len(vocabulary))
        for chunk in corpus.chunks():
            df += np.asarray((chunk > 0).sum(axis=0)).ravel()
    n = corpus.n_passages
    corpus.idf = np.log((1 + n) / (1 + df)) + 1  # scikit-learn's smoothed idf
    corpus.n_usable = sum(int(corpus.usable(c).sum()) for c in corpus.chunks())
    if corpus.n_usable < min(params.k_values) * MIN_PASSAGES_PER_TOPIC:
        raise InputError(
            f"only {corpus.n_usable} passages have {params.min_terms}+ vocabulary words: too "
            f"few for {min(params.k_values)} topics",
            "ingest more documents or ask for fewer topics (--k)",
        )
    return corpus


def feasible_k(corpus: Corpus, params: TopicParams) -> list[int]:
    """The k values to try: with --k auto, those the corpus has passages enough for."""
    if params.k is not None:
        return [params.k]
    cap = corpus.n_usable // MIN_PASSAGES_PER_TOPIC
    return [k for k in params.k_values if k <= cap] or [params.k_min]

