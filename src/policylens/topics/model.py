"""Topic models over passages: the vocabulary, LDA on counts, NMF on tf-idf, and scoring.

The vocabulary is built in one pass over the passages (document frequencies only), so nothing
but the counts of candidate terms is held while it is built. LDA is fitted with ``partial_fit``
on batches; when a corpus is larger than :data:`IN_MEMORY_MAX_PASSAGES` each epoch reads the
passages again instead of keeping the document-term matrix, and NMF switches to mini-batches.

Scoring (passage -> topic shares) is done here in NumPy rather than by the scikit-learn
estimator, for two reasons: a saved model needs only its vocabulary and components to score
new passages (no estimator to unpickle), and each passage's shares depend on that passage
alone, never on which other passages are scored in the same batch.
"""

from __future__ import annotations

import functools
import re
import warnings
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass, field, replace

import numpy as np

from ..errors import InputError, ModelError

METHODS = ("nmf", "lda")
DEFAULT_METHOD = "nmf"
DEFAULT_K_RANGE = (4, 12)
TOP_WORDS = 10
READ_BATCH = 4096
IN_MEMORY_MAX_PASSAGES = 200_000
# When the candidate-term counter grows past this, terms seen in one passage only are dropped:
# bounds memory on very large corpora at the cost of an approximate min_df for rare bigrams.
MAX_CANDIDATE_TERMS = 3_000_000
SCORE_BATCH = 1024
# BLAS and OpenMP threads while fitting. OpenBLAS rounds differently with one thread than
# with two, so a fixed count keeps a model's bytes the same whatever --workers or the number
# of cores; and on this scale (NMF on ~5,000 passages) a second thread saved no wall time.
FIT_THREADS = 1
# Candidate k values are fitted in worker processes only when the fits outweigh starting the
# workers (about a second each, to load scikit-learn): LDA took ~6.5 CPU s per k on 5,190
# passages, NMF all nine candidates 3.5 s together, so NMF waits for larger corpora.
PARALLEL_NMF_MIN_PASSAGES = 20_000
# A two-word phrase is kept only when it appears in at least this share of the passages that
# hold its rarer word: "gene therapy" passes, chance neighbours ("patients waiting") do not.
PHRASE_MIN_SHARE = 0.1
EPS = 1e-12
# Bump when the tokenising, vocabulary or scoring rules change: saved models and the reuse key
# then tell the new rules from the old even within one release.
ANALYSIS_VERSION = 2
# Fewer passages than this per topic cannot support a topic: bounds k on small corpora.
MIN_PASSAGES_PER_TOPIC = 3

# Words of parliamentary procedure and speech that say nothing about the subject of a passage.
PROCEDURE_WORDS = frozenset({
    "hon", "honourable", "friend", "friends", "minister", "ministers", "member", "members",
    "house", "gentleman", "gentlemen", "lady", "ladies", "rose", "column", "columns", "col",
    "page", "pages", "mr", "mrs", "ms", "dr", "sir", "madam", "chair", "chairman", "chairwoman",
    "speaker", "deputy", "right", "beg", "move", "moved", "motion", "question", "questions",
    "asked", "ask", "asks", "answer", "answered", "wh", "ws", "hansard", "debate", "debates",
    "debated", "westminster", "hall", "commons", "lords", "lord", "baroness", "earl", "viscount",
    "parliament", "parliamentary", "secretary", "state", "government", "governments", "department",
    "constituency", "constituent", "constituents", "people", "think", "say", "said", "says",
    "want", "wants", "make", "makes", "made", "way", "time", "times", "year", "years", "important",
    "point", "points", "let", "know", "just", "today", "matter", "matters", "does", "did", "doing",
    "going", "thank", "thanks", "grateful", "agree", "agreed", "absolutely", "indeed", "clear",
    "ensure", "need", "needs", "like", "sure", "really", "look", "looking", "mean", "things",
    "thing", "lot", "good", "great", "certainly", "course", "yes", "number", "given", "tell",
    "come", "comes", "came", "intervention", "interventions", "gave", "gives", "give"
})


@functools.cache
def stop_words() -> frozenset[str]:
    """English stop words plus parliamentary procedure words."""
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    return frozenset(ENGLISH_STOP_WORDS) | PROCEDURE_WORDS


@dataclass(frozen=True)
class TopicParams:
    """Everything that decides a fitted model besides the passages themselves."""

    method: str = DEFAULT_METHOD
    k: int | None = None  # None: choose from k_min..k_max by coherence
    k_min: int = DEFAULT_K_RANGE[0]
    k_max: int = DEFAULT_K_RANGE[1]
    seed: int = 0
    min_df: int = 2
    max_df: float = 0.5
    max_features: int = 20_000
    ngram_max: int = 2
    min_terms: int = 5  # a passage needs this many vocabulary words to get a topic mix
    top_words: int = TOP_WORDS
    lda_epochs: int = 10
    lda_batch_size: int = 128
    nmf_max_iter: int = 400

    def validate(self) -> TopicParams:
        """Raise InputError for values that cannot work; return self."""
        if self.method not in METHODS:
            raise InputError(f"unknown topic method {self.method!r}",
                             f"use one of: {', '.join(METHODS)}")
        ks = [self.k] if self.k is not None else [self.k_min, self.k_max]
        if min(ks) < 2 or self.k_min > self.k_max:
            raise InputError("the number of topics must be at least 2 (and the range ordered)",
                             "try --k 8 or --k auto --k-range 4:12")
        if not 0 < self.max_df <= 1:
            raise InputError("max_df must be in (0, 1]")
        return self

    @property
    def k_values(self) -> list[int]:
        """The numbers of topics to try."""
        return [self.k] if self.k is not None else list(range(self.k_min, self.k_max + 1))

    def to_dict(self) -> dict:
        """Plain JSON-able form (stored beside the model)."""
        return asdict(self)


# Words (letters only), numbers, and punctuation other than hyphens and apostrophes, in order.
_TOKENS = re.compile(r"[^\W\d_]+|\d+|[^\w\s'\u2019-]")


class Analyzer:
    """Text -> terms: words that are not stop words, and pairs of such words side by side.

    scikit-learn forms n-grams after dropping stop words, which pairs words that were never
    neighbours ("the approach is common" -> "approach common"). Here a pair must be adjacent
    in the text: a stop word, a number, a one-letter word or punctuation (other than a hyphen
    or an apostrophe) between two words ends the run.
    """

    def __init__(self, stop: frozenset[str], ngram_max: int = 2) -> None:
        self.stop = stop
        self.ngram_max = ngram_max

    def __call__(self, text: str) -> list[str]:
        stop = self.stop
        tokens = _TOKENS.findall(text.lower())
        kept = [len(t) > 1 and t.isalpha() and t not in stop for t in tokens]
        words = [t for t, k in zip(tokens, kept) if k]
        if self.ngram_max < 2:
            return words
        return words + [f"{a} {b}" for a, b, ka, kb in zip(tokens, tokens[1:], kept, kept[1:])
                        if ka and kb]


def make_vectorizer(params: TopicParams, vocabulary: Sequence[str] | None = None):
    """The CountVectorizer every stage uses (fixed vocabulary once one is known)."""
    from sklearn.feature_extraction.text import CountVectorizer

    return CountVectorizer(
        analyzer=Analyzer(stop_words(), params.ngram_max),
        vocabulary=list(vocabulary) if vocabulary else None, dtype=np.float64,
    )


# -- the corpus: where passages come from ----------------------------------------------------
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


def build_vocabulary(source: TextSource, params: TopicParams) -> list[str]:
    """One pass over the passages: the terms kept by min_df, max_df and max_features, sorted."""
    analyze = make_vectorizer(params).build_analyzer()
    df: Counter[str] = Counter()
    n_docs = 0
    for batch in source.batches(READ_BATCH):
        for text in batch:
            df.update(set(analyze(text)))
        n_docs += len(batch)
        if len(df) > MAX_CANDIDATE_TERMS:
            df = Counter({t: c for t, c in df.items() if c > 1})
    return select_vocabulary(df, n_docs, params)


def select_vocabulary(df: Mapping[str, int], n_docs: int, params: TopicParams) -> list[str]:
    """Terms kept from document frequencies: min_df, max_df, phrases, max_features; sorted."""
    max_count = params.max_df * n_docs
    kept = [(t, c) for t, c in df.items()
            if params.min_df <= c <= max_count and _is_phrase_or_word(t, c, df)]
    # Most frequent first, ties alphabetical, so the cut at max_features is deterministic.
    kept.sort(key=lambda tc: (-tc[1], tc[0]))
    vocabulary = sorted(t for t, _ in kept[: params.max_features])
    if not vocabulary:
        raise InputError(
            f"no words left for topics in {n_docs} passages (after stop words and min_df="
            f"{params.min_df})",
            "topics need more text: ingest more documents",
        )
    return vocabulary


def _is_phrase_or_word(term: str, count: int, df: Mapping[str, int]) -> bool:
    words = term.split()
    if len(words) == 1:
        return True
    if len(set(words)) < len(words):  # "nurses nurses": a stutter, not a phrase
        return False
    rarest = min(df.get(w, 0) for w in words)
    return count >= PHRASE_MIN_SHARE * rarest


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
        vocabulary = build_vocabulary(source, params)
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


# -- the model -------------------------------------------------------------------------------
@dataclass(eq=False)
class TopicModel:
    """A fitted topic model: vocabulary and components, and how they were made."""

    method: str
    params: TopicParams
    vocabulary_: list[str]
    components_: np.ndarray  # k x V: LDA pseudo-counts or NMF H
    idf_: np.ndarray | None = None  # NMF: the idf the tf-idf input was built with
    doc_topic_prior_: float | None = None  # LDA alpha
    coherence_: np.ndarray | None = None  # NPMI per topic, on the fitting corpus
    info: dict = field(default_factory=dict)  # versions, key, k scores

    @property
    def k(self) -> int:
        """Number of topics."""
        return int(self.components_.shape[0])

    def top_term_ids(self, n: int | None = None) -> list[list[int]]:
        """Each topic's highest-weighted term indices (ties by vocabulary order)."""
        n = n or self.params.top_words
        weights = self.components_ / self.components_.sum(axis=1, keepdims=True)
        return [list(np.lexsort((np.arange(weights.shape[1]), -row))[:n]) for row in weights]

    def top_terms(self, n: int | None = None) -> list[list[str]]:
        """Each topic's top words."""
        return [[self.vocabulary_[i] for i in ids] for ids in self.top_term_ids(n)]

    def vectorizer(self):
        """A CountVectorizer with this model's vocabulary (nothing to fit)."""
        return make_vectorizer(self.params, self.vocabulary_)

    def transform(self, texts: Sequence[str]) -> np.ndarray:
        """Topic shares of each text (rows sum to 1; NaN rows for texts it cannot place)."""
        if self.components_ is None or not len(self.vocabulary_):
            raise ModelError("the topic model is not fitted", "run `policylens topics` first")
        from threadpoolctl import threadpool_limits

        counts = self.vectorizer().transform(list(texts)).tocsr()
        # The same rounding as when fitted; scoring is NumPy alone, whose BLAS is loaded.
        with threadpool_limits(limits=FIT_THREADS):
            return self.score_counts(counts)

    def score_counts(self, counts) -> np.ndarray:
        """Topic shares from a count matrix over this model's vocabulary."""
        out = np.full((counts.shape[0], self.k), np.nan)
        usable = np.asarray(counts.sum(axis=1)).ravel() >= self.params.min_terms
        idx = np.flatnonzero(usable)
        for i in range(0, len(idx), SCORE_BATCH):
            rows = idx[i : i + SCORE_BATCH]
            if self.method == "lda":
                out[rows] = lda_shares(counts[rows], self.components_, self.doc_topic_prior_)
            else:
                out[rows] = nmf_shares(tfidf(counts[rows], self.idf_), self.components_)
        return out


def lda_shares(counts, components: np.ndarray, alpha: float, max_iter: int = 200,
               tol: float = 1e-3) -> np.ndarray:
    """Variational E-step of LDA with fixed topics: each row's topic proportions.

    The same update as scikit-learn's ``transform``, vectorised over rows; a row stops updating
    once its mean change falls below ``tol``, so its result does not depend on its neighbours.
    """
    from scipy.special import psi

    counts = counts.tocsr()
    n, k = counts.shape[0], components.shape[0]
    exp_beta = np.exp(psi(components) - psi(components.sum(axis=1))[:, None])  # k x V
    gamma = np.ones((n, k))
    active = np.arange(n)
    for _ in range(max_iter):
        if not len(active):
            break
        sub = counts[active]
        g = gamma[active]
        exp_theta = np.exp(psi(g) - psi(g.sum(axis=1))[:, None])
        rows = np.repeat(np.arange(len(active)), np.diff(sub.indptr))
        norm = np.einsum("ij,ji->i", exp_theta[rows], exp_beta[:, sub.indices]) + EPS
        weighted = sub.copy()
        weighted.data = sub.data / norm
        new = alpha + exp_theta * (weighted @ exp_beta.T)
        change = np.abs(new - g).mean(axis=1)
        gamma[active] = new
        active = active[change >= tol]
    return gamma / gamma.sum(axis=1, keepdims=True)


def nmf_shares(x, components: np.ndarray, max_iter: int = 500, tol: float = 1e-6) -> np.ndarray:
    """Non-negative least squares of each row on fixed NMF topics, as shares of its mass.

    Coordinate descent on the normal equations, one row at a time in effect (vectorised), so a
    passage's shares never depend on which other passages are scored with it.
    """
    h = components
    gram = h @ h.T  # k x k
    b = np.asarray(x @ h.T)  # n x k
    n, k = b.shape
    w = np.zeros((n, k))
    active = np.arange(n)
    for _ in range(max_iter):
        if not len(active):
            break
        wa, ba = w[active], b[active]
        before = wa.copy()
        for j in range(k):
            wa[:, j] = np.maximum(0.0, wa[:, j] - (wa @ gram[:, j] - ba[:, j]) / gram[j, j])
        w[active] = wa
        change = np.abs(wa - before).max(axis=1) / (np.abs(wa).max(axis=1) + EPS)
        active = active[change >= tol]
    # Weight by each topic's total mass so a share is the part of the passage it explains.
    mass = w * h.sum(axis=1)
    total = mass.sum(axis=1, keepdims=True)
    # A passage no topic explains at all gets no mix (NaN), not an invented even split.
    return np.where(total > 0, mass / np.where(total > 0, total, 1), np.nan)


def _lda_fit(corpus: Corpus, k: int, params: TopicParams) -> tuple[np.ndarray, float]:
    """Online LDA with partial_fit on shuffled batches; returns (components, alpha).

    LDA starts from the NMF topics rather than scikit-learn's random start: on planted-topic
    corpora the random start merged two subjects in most trials, the warm start in none.
    """
    from scipy.special import psi
    from sklearn.decomposition import LatentDirichletAllocation

    n_fit, n_tokens, first = 0, 0.0, None
    for chunk in corpus.chunks():
        rows = np.flatnonzero(corpus.usable(chunk))
        n_fit += len(rows)
        n_tokens += float(chunk[rows].sum())
        if first is None and len(rows):
            first = chunk[rows[: params.lda_batch_size]]
    lda = LatentDirichletAllocation(
        n_components=k, learning_method="online", batch_size=params.lda_batch_size,
        total_samples=n_fit, random_state=params.seed,
    )
    # One update sets up the estimator's state; its topics are then replaced by the warm start.
    lda.partial_fit(first)
    start = _nmf_fit(corpus, k, params)
    start = start / np.maximum(start.sum(axis=1, keepdims=True), EPS)
    lda.components_ = lda.topic_word_prior_ + start * (n_tokens / k)
    lda.exp_dirichlet_component_ = np.exp(
        psi(lda.components_) - psi(lda.components_.sum(axis=1))[:, None])
    for epoch in range(params.lda_epochs):
        for i, chunk in enumerate(corpus.chunks()):
            rows = np.flatnonzero(corpus.usable(chunk))
            # Passages may arrive in date order: shuffle within each chunk so that no batch is
            # one debate.
            rng = np.random.default_rng([params.seed, epoch, i])
            if len(rows):
                lda.partial_fit(chunk[rng.permutation(rows)])
    return lda.components_.copy(), float(lda.doc_topic_prior_)


def _nmf_fit(corpus: Corpus, k: int, params: TopicParams) -> np.ndarray:
    """NMF on tf-idf: the full solver in memory, mini-batches when streaming."""
    if corpus.counts is not None:
        from sklearn.decomposition import NMF

        counts = corpus.counts[np.flatnonzero(corpus.usable(corpus.counts))]
        nmf = NMF(n_components=k, init="nndsvda", max_iter=params.nmf_max_iter,
                  random_state=params.seed)
        nmf.fit(tfidf(counts, corpus.idf))
        return nmf.components_.copy()
    from sklearn.decomposition import MiniBatchNMF

    nmf = MiniBatchNMF(n_components=k, init="nndsvda", random_state=params.seed,
                       batch_size=READ_BATCH)
    for _ in range(params.lda_epochs):
        for chunk in corpus.chunks():
            rows = np.flatnonzero(corpus.usable(chunk))
            if len(rows) >= k:
                nmf.partial_fit(tfidf(chunk[rows], corpus.idf))
    return nmf.components_.copy()


def library_versions() -> dict[str, str]:
    """Versions that decide a model's numbers (stored beside it)."""
    import scipy
    import sklearn

    from .. import __version__

    return {"policylens": __version__, "analysis": str(ANALYSIS_VERSION),
            "scikit-learn": sklearn.__version__, "numpy": np.__version__,
            "scipy": scipy.__version__}


def fit_model(corpus: Corpus, k: int) -> TopicModel:
    """Fit one model with k topics on a prepared corpus (topics unordered, no coherence)."""
    params = replace(corpus.params, k=k)
    if params.method == "lda":
        components, alpha = _lda_fit(corpus, k, params)
        return TopicModel("lda", params, corpus.vocabulary, components, doc_topic_prior_=alpha)
    components = _nmf_fit(corpus, k, params)
    # A topic NMF left empty would divide by zero when normalised; give it a flat floor.
    components = np.where(components.sum(axis=1, keepdims=True) > 0, components, EPS)
    return TopicModel("nmf", params, corpus.vocabulary, components, idf_=corpus.idf.copy())


def score_corpus(model: TopicModel, corpus: Corpus) -> np.ndarray:
    """Topic shares of every passage of the corpus, in source order (NaN rows: too short)."""
    return np.vstack([model.score_counts(c) for c in corpus.chunks()])


def order_topics(model: TopicModel, shares: np.ndarray) -> tuple[TopicModel, np.ndarray]:
    """Number topics by their share of the corpus, largest first (stable for ties)."""
    mean = np.nanmean(shares, axis=0) if np.isfinite(shares).any() else np.zeros(model.k)
    order = np.lexsort((np.arange(model.k), -np.round(mean, 12)))
    model.components_ = model.components_[order]
    if model.coherence_ is not None:
        model.coherence_ = model.coherence_[order]
    return model, shares[:, order]


@dataclass
class FitResult:
    """A fitted model, every passage's shares, and the coherence of each k tried."""

    model: TopicModel
    shares: np.ndarray
    k_scores: list[dict]


def fit_topics(source: TextSource | Sequence[str], params: TopicParams,
               progress: Callable[[str], None] | None = None,
               in_memory_max: int = IN_MEMORY_MAX_PASSAGES, workers: int = 1) -> FitResult:
    """Fit a topic model; with ``params.k`` None, pick k from the range by mean NPMI coherence.

    ``workers`` > 1 fits the candidate k values in up to that many processes (the same
    models, byte for byte) when that repays starting them; a single k, or a corpus too large
    to hold in memory, is fitted here.
    """
    with fit_threads():
        return _fit_topics(source, params, progress, in_memory_max, workers)


def fit_threads():
    """BLAS and OpenMP held at FIT_THREADS threads, as a context manager (or for good, if the
    result is never entered or exited: the limit is set when this is called)."""
    # The libraries must be loaded before the limit is set: threadpoolctl limits only the
    # thread pools already loaded, and a fit that loads one would run it on every core.
    import sklearn.decomposition  # noqa: F401
    from threadpoolctl import threadpool_limits

    return threadpool_limits(limits=FIT_THREADS)


def _fit_topics(source: TextSource | Sequence[str], params: TopicParams,
                progress: Callable[[str], None] | None, in_memory_max: int,
                workers: int) -> FitResult:
    from .coherence import topic_diversity

    if not isinstance(source, TextSource):
        source = ListSource(source)
    say = progress or (lambda message: None)
    corpus = prepare_corpus(source, params, in_memory_max=in_memory_max)
    say(f"vocabulary: {len(corpus.vocabulary)} terms from {corpus.n_passages} passages")
    best: TopicModel | None = None
    scores: list[dict] = []
    k_values = feasible_k(corpus, params)
    if k_values != params.k_values:
        say(f"only {corpus.n_usable} passages with enough words: trying k "
            f"{k_values[0]}..{k_values[-1]}")
    for model in fit_candidates(corpus, k_values, workers):
        k = model.k
        top_ids = model.top_term_ids()
        score = {"k": k, "coherence": float(np.mean(model.coherence_)),
                 "diversity": topic_diversity(top_ids)}
        scores.append(score)
        say(f"k={k}: coherence (NPMI) {score['coherence']:.4f}, diversity "
            f"{score['diversity']:.3f}")
        if select_k(scores) == k:
            best = model
    chosen = select_k(scores)
    for s in scores:
        s["selected"] = s["k"] == chosen
    if len(scores) > 1 and chosen == scores[-1]["k"]:
        say(f"coherence was still rising at k={chosen}, the top of the range: a wider "
            f"--k-range (e.g. {chosen}:{chosen + 8}) may find more distinct topics")
    assert best is not None and best.k == chosen
    shares = score_corpus(best, corpus)
    best, shares = order_topics(best, shares)
    best.info = {"versions": library_versions(), "k_scores": scores,
                 "n_passages": corpus.n_passages,
                 "n_scored": int(np.isfinite(shares[:, 0]).sum()) if len(shares) else 0}
    return FitResult(best, shares, scores)


def fit_candidate(corpus: Corpus, k: int) -> TopicModel:
    """One candidate: the model with k topics and its coherence on the corpus."""
    from sklearn.exceptions import ConvergenceWarning

    from .coherence import topic_coherence

    with warnings.catch_warnings():
        # An NMF that stops at max_iter is still usable; the library does not print.
        warnings.simplefilter("ignore", category=ConvergenceWarning)
        model = fit_model(corpus, k)
    model.coherence_ = topic_coherence(corpus, model.top_term_ids())
    return model


def fit_candidates(corpus: Corpus, k_values: Sequence[int], workers: int = 1
                   ) -> Iterator[TopicModel]:
    """The candidate models in the order of ``k_values``, fitted in ``workers`` processes."""
    worth_it = (corpus.params.method == "lda"
                or corpus.n_usable >= PARALLEL_NMF_MIN_PASSAGES)
    if workers <= 1 or len(k_values) < 2 or corpus.counts is None or not worth_it:
        for k in k_values:
            yield fit_candidate(corpus, k)
        return
    from ..runner import worker_pool

    # Fresh processes (spawn): BLAS and OpenMP thread pools must not be forked mid-use, and
    # the caller may hold an open store. They get the matrix, not the texts.
    shipped = replace(corpus, source=ListSource([]))
    with worker_pool(min(workers, len(k_values)), _init_fit_worker, (shipped,),
                     fresh=True) as pool:
        # The largest k take longest: start them first so no worker is left with one at the end.
        futures = {k: pool.submit(_fit_in_worker, k) for k in sorted(k_values, reverse=True)}
        for k in k_values:
            yield futures[k].result()


_WORKER_CORPUS: Corpus | None = None


def _init_fit_worker(corpus: Corpus) -> None:
    global _WORKER_CORPUS
    fit_threads()  # for the life of the worker
    _WORKER_CORPUS = corpus


def _fit_in_worker(k: int) -> TopicModel:
    assert _WORKER_CORPUS is not None, "worker not initialised"
    return fit_candidate(_WORKER_CORPUS, k)


# A larger k must beat the best smaller one by this much mean NPMI to be chosen: splitting a
# real topic in two keeps coherence nearly level, and the smaller model is easier to read.
K_SELECTION_MARGIN = 0.01


def select_k(scores: list[dict]) -> int:
    """The k with the best mean coherence, preferring smaller k within a small margin."""
    chosen = scores[0]
    for s in scores[1:]:
        if s["coherence"] > chosen["coherence"] + K_SELECTION_MARGIN:
            chosen = s
    return chosen["k"]
