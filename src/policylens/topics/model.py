"""The topic model: an estimator in scikit-learn's manner, fitted on a corpus, scoring text.

``TopicModel(params)`` only stores its parameters; ``fit`` learns the vocabulary, the topics
(LDA on counts, NMF on tf-idf) and each topic's coherence, set as attributes ending in ``_``.

Scoring (passage -> topic shares) is done here in NumPy rather than by the scikit-learn
estimator, for two reasons: a saved model needs only its vocabulary and components to score
new passages (no estimator to unpickle), and each passage's shares depend on that passage
alone, never on which other passages are scored in the same batch.
"""

from __future__ import annotations

import copy
import warnings
from collections.abc import Callable, Sequence

import numpy as np

from ..errors import InputError, ModelError
from .anchors import augment
from .coherence import topic_coherence
from .corpus import READ_BATCH, Corpus, tfidf
from .params import TopicParams
from .vocabulary import make_vectorizer

SCORE_BATCH = 1024
# BLAS and OpenMP threads while fitting. OpenBLAS rounds differently with one thread than
# with two, so a fixed count keeps a model's bytes the same whatever --workers or the number
# of cores; and on this scale (NMF on ~5,000 passages) a second thread saved no wall time.
FIT_THREADS = 1
EPS = 1e-12
# Bump when the tokenising, vocabulary or scoring rules change: saved models and the reuse key
# then tell the new rules from the old even within one release.
ANALYSIS_VERSION = 3
# What a model learns or is given by the search that chose it: every name ends in "_".
LEARNED = ("vocabulary_", "components_", "idf_", "doc_topic_prior_", "coherence_",
           "n_passages_", "versions_", "k_scores_", "n_scored_", "key_", "topic_keys_",
           "keys_issued_", "topic_matches_", "anchor_weights_", "anchor_labels_")


def library_versions() -> dict[str, str]:
    """Versions that decide a model's numbers (stored beside it)."""
    import scipy
    import sklearn

    from .. import __version__

    return {"policylens": __version__, "analysis": str(ANALYSIS_VERSION),
            "scikit-learn": sklearn.__version__, "numpy": np.__version__,
            "scipy": scipy.__version__}


def fit_threads():
    """BLAS and OpenMP held at FIT_THREADS threads, as a context manager (or for good, if the
    result is never entered or exited: the limit is set when this is called)."""
    # The libraries must be loaded before the limit is set: threadpoolctl limits only the
    # thread pools already loaded, and a fit that loads one would run it on every core.
    import sklearn.decomposition  # noqa: F401
    from threadpoolctl import threadpool_limits

    return threadpool_limits(limits=FIT_THREADS)


class TopicModel:
    """A topic model with k = ``params.k`` topics.

    Learned by :meth:`fit`: ``vocabulary_``, ``components_`` (k x V: LDA pseudo-counts or NMF
    H), ``idf_`` (NMF: the idf its tf-idf input was built with), ``doc_topic_prior_`` (LDA
    alpha), ``coherence_`` (NPMI per topic on the fitting corpus), ``n_passages_`` and
    ``versions_`` (the libraries that made it). Given by the search that chose k
    (:func:`policylens.topics.fit.fit_topics`): ``k_scores_`` (the coherence of every k
    tried), ``n_scored_`` (passages that got a topic mix) and ``key_`` (which passages and
    parameters the model was fitted on). Guided (``params.guided``): ``anchor_labels_`` (the
    labels anchored) and ``anchor_weights_`` (k x labels: each topic's weight on the labels'
    columns; an anchor has its own label's alone, a free topic none). Given by
    :func:`policylens.topics.keys.key_topics`:
    ``topic_keys_`` (each topic's stable key), ``keys_issued_`` (the highest key number ever
    issued in its line of models) and ``topic_matches_`` (how its keys carried over).
    """

    idf_: np.ndarray | None = None
    doc_topic_prior_: float | None = None
    coherence_: np.ndarray | None = None
    n_passages_: int | None = None
    versions_: dict | None = None
    k_scores_: tuple = ()
    n_scored_: int | None = None
    key_: str | None = None
    topic_keys_: tuple[str, ...] | None = None
    keys_issued_: int | None = None
    topic_matches_: tuple = ()
    anchor_weights_: np.ndarray | None = None
    anchor_labels_: tuple[str, ...] = ()

    def __init__(self, params: TopicParams) -> None:
        self.params = params

    def __repr__(self) -> str:
        fitted = f", k={self.k}" if self.is_fitted else ", not fitted"
        return f"TopicModel({self.params.method}{fitted})"

    @property
    def method(self) -> str:
        """"nmf" or "lda"."""
        return self.params.method

    @property
    def is_fitted(self) -> bool:
        """Whether the model has topics (from :meth:`fit` or a saved model)."""
        return getattr(self, "components_", None) is not None

    @property
    def k(self) -> int:
        """Number of topics."""
        return int(self.components_.shape[0])

    @property
    def topic_keys(self) -> tuple[str, ...]:
        """Each topic's stable key, in topic order ("t1".."tk" for a model saved without)."""
        from .keys import first_keys

        return tuple(self.topic_keys_) if self.topic_keys_ else first_keys(self.k)

    @property
    def keys_issued(self) -> int:
        """The highest key number issued so far (a new topic's key is above it)."""
        from .keys import key_number

        return max([self.keys_issued_ or 0] + [key_number(k) for k in self.topic_keys])

    def fit(self, corpus: Corpus, start: np.ndarray | None = None,
            progress: Callable[[int], None] | None = None) -> TopicModel:
        """Learn ``params.k`` topics from the corpus, and their coherence on it; returns self.

        ``start``: topics found on a sample of the corpus (k x V, this vocabulary), refined on
        every passage by mini-batch passes instead of a fit from scratch (see
        :func:`nmf_components`). ``progress`` is called with the passages of each batch a
        batch-by-batch fit has passed over (:func:`fit_passes` says how many passes)."""
        from sklearn.exceptions import ConvergenceWarning

        k = self.params.k
        if k is None:
            raise ModelError("TopicModel.fit needs a number of topics (params.k)",
                             "choose k with policylens.topics.fit_topics")
        with warnings.catch_warnings():
            # An NMF that stops at max_iter is still usable; the library does not print.
            warnings.simplefilter("ignore", category=ConvergenceWarning)
            if self.method == "lda":
                components, alpha = lda_components(corpus, k, self.params, start, progress)
                self.idf_, self.doc_topic_prior_ = None, alpha
            else:
                if corpus.guides is not None and k <= len(corpus.anchor_labels):
                    raise InputError(
                        f"--guided anchors {len(corpus.anchor_labels)} topics to the labels "
                        f"({', '.join(corpus.anchor_labels)}): k={k} leaves no free topic",
                        f"ask for more topics, e.g. --k {len(corpus.anchor_labels) + 4}")
                fitted = nmf_components(corpus, k, self.params, start, progress)
                n_words = len(corpus.vocabulary)
                components = fitted[:, :n_words]
                # A topic NMF left empty would divide by zero when normalised: a flat floor.
                components = np.where(components.sum(axis=1, keepdims=True) > 0, components,
                                      EPS)
                if corpus.guides is not None:
                    self.anchor_weights_ = fitted[:, n_words:].copy()
                    self.anchor_labels_ = corpus.anchor_labels
                self.idf_, self.doc_topic_prior_ = corpus.idf.copy(), None
        self.vocabulary_ = corpus.vocabulary
        self.components_ = components
        self.coherence_ = topic_coherence(corpus, self.top_term_ids())
        self.n_passages_ = corpus.n_passages
        self.versions_ = library_versions()
        return self

    def with_learned(self, **learned) -> TopicModel:
        """A copy with the given learned attributes set (names from :data:`LEARNED`)."""
        unknown = sorted(set(learned) - set(LEARNED))
        if unknown:
            raise TypeError(f"not a learned attribute of TopicModel: {', '.join(unknown)}")
        model = copy.copy(self)
        for name, value in learned.items():
            setattr(model, name, value)
        return model

    def order_topics(self, shares: np.ndarray) -> tuple[TopicModel, np.ndarray]:
        """A new model with topics numbered by their share of the corpus, largest first
        (stable for ties), and the shares in that order."""
        mean = np.nanmean(shares, axis=0) if np.isfinite(shares).any() else np.zeros(self.k)
        order = np.lexsort((np.arange(self.k), -np.round(mean, 12)))
        model = self.with_learned(
            components_=self.components_[order],
            coherence_=None if self.coherence_ is None else self.coherence_[order],
            topic_keys_=None if not self.topic_keys_ else tuple(self.topic_keys_[i]
                                                                 for i in order),
            anchor_weights_=None if self.anchor_weights_ is None else self.anchor_weights_[order])
        return model, shares[:, order]

    @property
    def guided(self) -> bool:
        """Whether topics are anchored to the tagger's labels (see policylens.topics.anchors)."""
        return self.anchor_weights_ is not None

    def anchors(self) -> list[str | None]:
        """For each topic, the label it is anchored to (None: a free topic, or unguided)."""
        from .anchors import anchored_topics

        if not self.guided:
            return [None] * self.k
        return anchored_topics(self.anchor_weights_, self.anchor_labels_)

    def fitted_components(self) -> np.ndarray:
        """The topics as fitted: the word weights and, when guided, the label columns."""
        if not self.guided:
            return self.components_
        return np.hstack([self.components_, self.anchor_weights_])

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

    def transform(self, texts: Sequence[str], guides: np.ndarray | None = None) -> np.ndarray:
        """Topic shares of each text (rows sum to 1; NaN rows for texts it cannot place).

        ``guides``: for a guided model, each text's 0/1 per anchored label (whether the tagger
        found it there); without them the texts are placed by their words alone."""
        if not self.is_fitted:
            raise ModelError("the topic model is not fitted", "run `policylens topics` first")
        from threadpoolctl import threadpool_limits

        counts = self.vectorizer().transform(list(texts)).tocsr()
        # The same rounding as when fitted; scoring is NumPy alone, whose BLAS is loaded.
        with threadpool_limits(limits=FIT_THREADS):
            return self.score_counts(counts, guides)

    def score_counts(self, counts, guides: np.ndarray | None = None) -> np.ndarray:
        """Topic shares from a count matrix over this model's vocabulary (``guides``: see
        :meth:`transform`)."""
        if self.guided:
            if guides is None:
                guides = np.zeros((counts.shape[0], len(self.anchor_labels_)))
            topics = self.fitted_components()
        out = np.full((counts.shape[0], self.k), np.nan)
        usable = np.asarray(counts.sum(axis=1)).ravel() >= self.params.min_terms
        idx = np.flatnonzero(usable)
        for i in range(0, len(idx), SCORE_BATCH):
            rows = idx[i : i + SCORE_BATCH]
            if self.method == "lda":
                out[rows] = lda_shares(counts[rows], self.components_, self.doc_topic_prior_)
            elif self.guided:
                out[rows] = nmf_shares(augment(tfidf(counts[rows], self.idf_, copy=False),
                                               guides[rows]), topics)
            else:
                out[rows] = nmf_shares(tfidf(counts[rows], self.idf_, copy=False),
                                       self.components_)
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


def lda_components(corpus: Corpus, k: int, params: TopicParams,
                   start: np.ndarray | None = None,
                   progress: Callable[[int], None] | None = None) -> tuple[np.ndarray, float]:
    """Online LDA with partial_fit on shuffled batches; returns (components, alpha).

    LDA starts from the NMF topics rather than scikit-learn's random start: on planted-topic
    corpora the random start merged two subjects in most trials, the warm start in none.
    ``start``, topics found on a sample, takes the NMF topics' place.
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
    start = nmf_components(corpus, k, params) if start is None else start
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
            if progress is not None:
                progress(chunk.shape[0])
    return lda.components_.copy(), float(lda.doc_topic_prior_)


# Passes over every passage that refine topics found on a sample: they start near their end
# (on 312,000 generated passages, 3 passes kept every topic's top words but for order, and
# took 11 s where 10 took 37 s).
REFINE_EPOCHS = 3


def fit_passes(params: TopicParams, start: np.ndarray | None, in_memory: bool) -> int:
    """Passes over every passage a fit reports to its ``progress`` (0: one solver call)."""
    if params.method == "lda":
        return params.lda_epochs
    if in_memory and start is None:
        return 0
    return params.lda_epochs if start is None else REFINE_EPOCHS


def nmf_components(corpus: Corpus, k: int, params: TopicParams,
                   start: np.ndarray | None = None,
                   progress: Callable[[int], None] | None = None) -> np.ndarray:
    """NMF on tf-idf: the full solver in memory, mini-batches when streaming or when refining
    ``start`` (topics found on a sample) on every passage.

    The full solver holds the tf-idf matrix and a transposed copy of it beside the counts (on
    300,000 passages, over a GB); the mini-batches hold one batch's tf-idf at a time. A guided
    corpus's topics (see :mod:`policylens.topics.anchors`) span its label columns too.
    """
    guided = corpus.guides is not None
    if corpus.counts is not None and start is None:
        from sklearn.decomposition import NMF

        rows = np.flatnonzero(corpus.usable(corpus.counts))
        x = tfidf(corpus.counts[rows], corpus.idf, copy=False)  # counts[rows] is our own copy
        if guided:
            return _guided_nmf(x, corpus.guides[rows], k, params)
        nmf = NMF(n_components=k, init="nndsvda", max_iter=params.nmf_max_iter,
                  random_state=params.seed)
        nmf.fit(x)
        return nmf.components_.copy()
    from sklearn.decomposition import MiniBatchNMF

    if guided and start is None:
        start = _streamed_anchor_start(corpus, k, params)
    nmf = MiniBatchNMF(n_components=k, init="nndsvda" if start is None else "custom",
                       random_state=params.seed, batch_size=READ_BATCH)
    for _ in range(params.lda_epochs if start is None else REFINE_EPOCHS):
        for chunk, guides in zip(corpus.chunks(), corpus.guide_chunks()):
            rows = np.flatnonzero(corpus.usable(chunk))
            if len(rows) >= k:
                x = tfidf(chunk[rows], corpus.idf, copy=False)
                if guided:
                    x = augment(x, guides[rows])
                if start is not None and not hasattr(nmf, "components_"):
                    # The first batch's W is solved afresh; only H (the topics) is carried.
                    nmf.partial_fit(x, W=np.ones((x.shape[0], k)), H=np.array(start))
                else:
                    nmf.partial_fit(x)
            if progress is not None:
                progress(chunk.shape[0])
    return nmf.components_.copy()


# Iterations of the unguided NMF that gives a guided model's free topics their start.
FREE_START_ITER = 50


def _theme_means(x, guides: np.ndarray) -> np.ndarray:
    """Each label's passages' mean tf-idf row (zeros for a label no passage here has)."""
    means = np.zeros((guides.shape[1], x.shape[1]))
    for j in range(guides.shape[1]):
        rows = np.flatnonzero(guides[:, j] > 0)
        if len(rows):
            means[j] = np.asarray(x[rows].mean(axis=0)).ravel()
    return means


def _guided_nmf(x, guides: np.ndarray, k: int, params: TopicParams) -> np.ndarray:
    """Guided NMF in memory: anchors and free topics as the start, then multiplicative updates
    (which keep the zeros that hold each label's column to its anchor)."""
    from sklearn.decomposition import NMF, non_negative_factorization

    from .anchors import START_FLOOR, anchor_start

    n_free = k - guides.shape[1]
    free = NMF(n_components=n_free, init="nndsvda", max_iter=FREE_START_ITER,
               random_state=params.seed).fit(x).components_
    h = anchor_start(_theme_means(x, guides), free)
    xa = augment(x, guides)
    w, _, _ = non_negative_factorization(xa, H=h, n_components=k, init="custom",
                                         update_H=False, max_iter=200)
    nmf = NMF(n_components=k, init="custom", solver="mu", max_iter=params.nmf_max_iter,
              random_state=params.seed)
    nmf.fit(xa, W=w + START_FLOOR, H=h)
    return nmf.components_.copy()


def _streamed_anchor_start(corpus: Corpus, k: int, params: TopicParams) -> np.ndarray:
    """A guided model's start when the passages are streamed: each label's mean tf-idf row,
    counted chunk by chunk, and free topics drawn at random (seeded) at the data's scale."""
    from .anchors import anchor_start

    n_labels, n_words = len(corpus.anchor_labels), len(corpus.vocabulary)
    sums, counts = np.zeros((n_labels, n_words)), np.zeros(n_labels)
    total, cells = 0.0, 0
    for chunk, guides in zip(corpus.chunks(), corpus.guide_chunks()):
        rows = np.flatnonzero(corpus.usable(chunk))
        if not len(rows):
            continue
        x = tfidf(chunk[rows], corpus.idf, copy=False)
        g = guides[rows]
        sums += np.asarray((x.T @ g).T)
        counts += g.sum(axis=0)
        total, cells = total + float(x.sum()), cells + x.shape[0] * n_words
    means = sums / np.maximum(counts, 1)[:, None]
    scale = np.sqrt(total / max(cells, 1) / k)
    free = np.random.default_rng([params.seed, k]).random((k - n_labels, n_words)) * scale
    return anchor_start(means, free)
