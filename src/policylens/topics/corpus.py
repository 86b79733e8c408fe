"""The corpus: passages read from a source and vectorised against a fixed vocabulary.

How the document-term matrix is built is chosen by its estimated size against a memory
budget (:func:`choose_mode`), not by the number of passages:

- ``matrix`` (whenever it fits): one pass over the texts, batch by batch, counts the vocabulary
  and keeps each passage's word ids; the matrix over the vocabulary is counted from those:
  the texts are never all held;
- ``stream``: nothing held, the passages are read again from their source on every pass.

``texts`` (every text and every candidate term in memory, CountVectorizer in one pass) gives
the same matrix; it is no longer chosen by size, being slower and larger.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

import numpy as np

from ..defaults import DEFAULT_MEMORY_BUDGET
from ..errors import InputError
from ..runner import give_back_memory
from .params import TopicParams
from .vocabulary import (
    TermCounter,
    TokenStream,
    build_vocabulary,
    make_vectorizer,
    select_vocabulary,
)

READ_BATCH = 4096
MODES = ("texts", "matrix", "stream")
# Peak bytes per word of text while the one-pass build holds the texts and the counts of every
# candidate term (measured with tracemalloc: 31 on the bundled corpus, 36 on ../shared's real
# documents), with room for the text itself and the tf-idf copy.
TEXTS_BYTES_PER_WORD = 48
# Non-zeros of the matrix over the kept vocabulary per word of text (measured: 0.54 on the
# bundled corpus, 0.31 on real documents), and bytes per non-zero held: the counts (float32
# value, int32 column) and the full NMF solver's tf-idf copy of them (float64, int32) where
# it runs on every passage (up to the k sample's size; beyond it the topics are refined batch
# by batch).
NONZEROS_PER_WORD = 0.6
BYTES_PER_NONZERO = 8 + 12
# Fewer passages than this per topic cannot support a topic: bounds k on small corpora.
MIN_PASSAGES_PER_TOPIC = 3
# The counts are held in 32 bits (exact for any count below 2**24); every pass reads them as
# float64 chunks, so the fits see the same numbers as before, at two thirds the memory held.
COUNT_DTYPE = np.float32


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

    def __init__(self, n: int, texts: Callable[[], Iterator[str]],
                 n_words: int | None = None) -> None:
        self.n, self.texts, self.n_words = n, texts, n_words

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


def estimate_bytes(n_words: int, mode: str) -> int:
    """Estimated peak memory of building and fitting on a corpus of ``n_words`` words."""
    if mode == "texts":
        return int(n_words * TEXTS_BYTES_PER_WORD)
    if mode == "matrix":
        return int(n_words * NONZEROS_PER_WORD * BYTES_PER_NONZERO)
    return 0


# The builds chosen by size: the one-pass build (``texts``) gives the same matrix as the
# batch-by-batch one, which reads the texts once too and holds neither them nor every
# candidate term, so it is used for corpora of every size.
AUTO_MODES = ("matrix", "stream")


def choose_mode(n_words: int | None, memory_budget: int = DEFAULT_MEMORY_BUDGET) -> str:
    """The matrix in memory when its estimated size fits the budget, else ``stream``."""
    if n_words is None:  # size unknown: hold nothing
        return "stream"
    for mode in AUTO_MODES[:-1]:
        if estimate_bytes(n_words, mode) <= memory_budget:
            return mode
    return "stream"


def source_words(source: TextSource) -> int | None:
    """Words in a source's texts, when known without reading a store."""
    if isinstance(source, ListSource):
        return sum(len(t.split()) for t in source.texts)
    return getattr(source, "n_words", None)


_WEIGHT_SLICE = 1 << 16


def tfidf(counts, idf: np.ndarray, *, copy: bool = True):
    """Rows of counts -> l2-normalised tf-idf (the NMF input).

    Weighted and normalised in one copy of ``counts`` (none with ``copy=False``, for a matrix
    the caller made for this): on a corpus of 200,000 passages each copy of the matrix is
    hundreds of MB, and ``counts.multiply(idf)`` then ``normalize`` made three."""
    from sklearn.preprocessing import normalize

    out = counts.tocsr(copy=copy).astype(np.float64, copy=False)
    out.sort_indices()  # the order `multiply` left them in: sums come out bit for bit as before
    for i in range(0, out.nnz, _WEIGHT_SLICE):  # slices: no nnz-long temporary
        out.data[i : i + _WEIGHT_SLICE] *= idf[out.indices[i : i + _WEIGHT_SLICE]]
    return normalize(out, norm="l2", copy=False)


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
    # Guided topics: per passage (in source order) and anchored label, 1 where the tagger
    # found that label in the passage (see policylens.topics.anchors); None when unguided.
    guides: np.ndarray | None = field(default=None, repr=False)
    anchor_labels: tuple[str, ...] = ()

    def chunks(self) -> Iterator[object]:
        """Count matrices (float64) of READ_BATCH passages each, in source order."""
        if self.counts is not None:
            for i in range(0, self.counts.shape[0], READ_BATCH):
                yield retyped(self.counts[i : i + READ_BATCH], np.float64)
            return
        counter = TermCounter(self.params, self.vocabulary)
        for batch in self.source.batches(READ_BATCH):
            yield counter.transform(batch)

    def guide_chunks(self) -> Iterator[np.ndarray | None]:
        """The guides of the passages of each of :meth:`chunks`, in step with it (None for
        every chunk of an unguided corpus)."""
        for i in range(0, max(self.n_passages, 1), READ_BATCH):
            yield None if self.guides is None else self.guides[i : i + READ_BATCH]

    def subset(self, rows: np.ndarray) -> Corpus:
        """The corpus of the given rows (sorted), in memory, with this one's vocabulary and idf."""
        rows = np.asarray(rows)
        if self.counts is not None:
            counts = self.counts[rows]
        else:
            counter = TermCounter(self.params, self.vocabulary)
            wanted, stack, start = set(rows.tolist()), RowStack(len(self.vocabulary)), 0
            for batch in self.source.batches(READ_BATCH):
                keep = [t for i, t in enumerate(batch, start) if i in wanted]
                start += len(batch)
                if keep:
                    stack.add(counter.transform(keep))
            counts = stack.matrix()
        part = Corpus(ListSource([]), self.params, self.vocabulary, counts=counts,
                      idf=self.idf, n_passages=counts.shape[0],
                      guides=None if self.guides is None else self.guides[rows],
                      anchor_labels=self.anchor_labels)
        part.n_usable = int(part.usable(counts).sum())
        return part

    def usable(self, counts) -> np.ndarray:
        """Rows with enough vocabulary words to carry a topic mix."""
        return np.asarray(counts.sum(axis=1)).ravel() >= self.params.min_terms


def prepare_corpus(source: TextSource, params: TopicParams, mode: str = "matrix",
                   guides: np.ndarray | None = None,
                   anchor_labels: Sequence[str] = (), dask: str | None = None) -> Corpus:
    """Build the vocabulary and, unless ``mode`` is ``stream``, the document-term matrix.

    ``guides`` and ``anchor_labels``: for guided topics, each passage's 0/1 per label (rows in
    source order) and the labels the columns stand for. ``dask``: a Dask scheduler's address,
    where the vocabulary pass splits the texts into words (the same corpus).

    ``texts``, the one-pass CountVectorizer build, gives the same corpus as ``matrix``; it is
    kept as the reference the tests compare the batch build with, and no run uses it."""
    import scipy.sparse as sp

    params.validate()
    if mode not in MODES:
        raise ValueError(f"unknown corpus mode {mode!r}")
    if mode == "texts":
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
        corpus.counts = retyped(matrix[:, [full.vocabulary_[t] for t in vocabulary]].tocsr(),
                                COUNT_DTYPE)
        df = doc_freq[[full.vocabulary_[t] for t in vocabulary]].astype(float)
    else:
        # The matrix is counted from the word ids the vocabulary pass kept; streamed, it is
        # read again on every pass anyway.
        kept = TokenStream() if mode == "matrix" else None
        vocabulary = build_vocabulary(source.batches(READ_BATCH), params, keep=kept,
                                      dask=dask)
        corpus = Corpus(source, params, vocabulary, n_passages=len(source))
        df = np.zeros(len(vocabulary))
        stack = RowStack(len(vocabulary)) if mode == "matrix" else None
        if kept is not None:
            counter = TermCounter(params, vocabulary, kept.ids)
            chunks = (counter.count(*part) for part in kept.drain())
        else:
            chunks = corpus.chunks()
        for chunk in chunks:
            df += np.asarray((chunk > 0).sum(axis=0)).ravel()
            if stack is not None:
                stack.add(chunk)
        if stack is not None:
            corpus.counts = stack.matrix()
            corpus.n_passages = corpus.counts.shape[0]
            give_back_memory()
    n = corpus.n_passages
    if params.guided:
        if guides is None or len(guides) != n or np.shape(guides)[1:] != (len(anchor_labels),):
            raise ValueError("guided topics need one row of guides per passage, a column a label")
        corpus.guides = np.asarray(guides, dtype=np.float64)
        corpus.anchor_labels = tuple(anchor_labels)
    corpus.idf = np.log((1 + n) / (1 + df)) + 1  # scikit-learn's smoothed idf
    corpus.n_usable = sum(int(corpus.usable(c).sum()) for c in corpus.chunks())
    if corpus.n_usable < min(params.k_values) * MIN_PASSAGES_PER_TOPIC:
        raise InputError(
            f"only {corpus.n_usable} passages have {params.min_terms}+ vocabulary words: too "
            f"few for {min(params.k_values)} topics",
            "ingest more documents or ask for fewer topics (--k)",
        )
    return corpus


def retyped(matrix, dtype):
    """A CSR matrix with its values in ``dtype`` and its entries in the same order: scipy's
    astype sorts each row's columns, and sums over a row (LDA's) then round otherwise."""
    import scipy.sparse as sp

    if matrix.dtype == dtype:
        return matrix
    return sp.csr_matrix((matrix.data.astype(dtype), matrix.indices, matrix.indptr),
                         shape=matrix.shape)


class RowStack:
    """CSR rows appended batch by batch, held in COUNT_DTYPE as they come.

    The values and column indices grow in place (array.array; the allocator moves a large
    block's pages rather than copying them), so the whole matrix is held once: a list of
    batches joined at the end (scipy's vstack) holds it twice at the join.
    """

    def __init__(self, n_columns: int) -> None:
        import array

        self.n_columns = n_columns
        self.data = array.array("f")
        self.indices = array.array("i")
        self.row_ends: list[np.ndarray] = []
        self.n_rows = 0

    def add(self, matrix) -> None:
        """Append a CSR matrix's rows (their order of entries kept)."""
        at = len(self.data)
        self.data.frombytes(matrix.data.astype(COUNT_DTYPE, copy=False).tobytes())
        self.indices.frombytes(matrix.indices.astype(np.int32, copy=False).tobytes())
        self.row_ends.append(matrix.indptr[1:].astype(np.int64) + at)
        self.n_rows += matrix.shape[0]

    def matrix(self):
        """The rows added so far as one CSR matrix (sharing this stack's buffers)."""
        import scipy.sparse as sp

        indptr = np.concatenate([np.zeros(1, dtype=np.int64), *self.row_ends])
        if indptr[-1] <= np.iinfo(np.int32).max:
            indptr = indptr.astype(np.int32)
        data = np.frombuffer(self.data, dtype=COUNT_DTYPE)
        indices = np.frombuffer(self.indices, dtype=np.int32)
        return sp.csr_matrix((data, indices.astype(indptr.dtype, copy=False), indptr),
                             shape=(self.n_rows, self.n_columns))


def stratified_sample(strata: Sequence, size: int, seed: int) -> np.ndarray:
    """Sorted row indices of a deterministic random sample of ``size`` rows, each stratum
    (e.g. a passage's year) given its share of the sample (largest remainders first)."""
    strata = np.asarray([str(s) for s in strata])
    n = len(strata)
    if size >= n:
        return np.arange(n)
    names, inverse = np.unique(strata, return_inverse=True)
    counts = np.bincount(inverse, minlength=len(names))
    exact = counts * (size / n)
    take = np.floor(exact).astype(int)
    # The rows left over go to the strata with the largest remainders (ties by name order).
    extra = np.lexsort((np.arange(len(names)), -(exact - take)))[: size - int(take.sum())]
    take[extra] += 1
    rng = np.random.default_rng([seed, len(names), n])
    picked = [rng.permutation(np.flatnonzero(inverse == i))[: take[i]]
              for i in range(len(names))]
    return np.sort(np.concatenate(picked)) if picked else np.arange(0)


def feasible_k(corpus: Corpus, params: TopicParams) -> list[int]:
    """The k values to try: with --k auto, those the corpus has passages enough for."""
    if params.k is not None:
        return [params.k]
    cap = corpus.n_usable // MIN_PASSAGES_PER_TOPIC
    # Guided: every k holds the anchors and at least one free topic.
    floor = len(corpus.anchor_labels) + 1 if corpus.guides is not None else 0
    return ([k for k in params.k_values if floor <= k <= cap]
            or [max(params.k_min, min(floor, cap))])

