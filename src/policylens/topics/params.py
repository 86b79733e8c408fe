"""The parameters of a topic model: everything that decides a fit besides the passages."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from ..defaults import DEFAULT_K_RANGE, DEFAULT_METHOD, DEFAULT_SEED, METHODS
from ..errors import InputError

TOP_WORDS = 10


@dataclass(frozen=True)
class TopicParams:
    """Everything that decides a fitted model besides the passages themselves."""

    method: str = DEFAULT_METHOD
    k: int | None = None  # None: choose from k_min..k_max by coherence
    k_min: int = DEFAULT_K_RANGE[0]
    k_max: int = DEFAULT_K_RANGE[1]
    seed: int = DEFAULT_SEED
    min_df: int = 2
    max_df: float = 0.5
    max_features: int = 20_000
    ngram_max: int = 2
    min_terms: int = 5  # a passage needs this many vocabulary words to get a topic mix
    top_words: int = TOP_WORDS
    lda_epochs: int = 10
    lda_batch_size: int = 128
    nmf_max_iter: int = 400
    # The user's own stop words (--stop-words FILE), lower case, sorted: part of the model's
    # parameters, so they enter its key and model.json and a refit with others is a new model.
    stop_words: tuple[str, ...] = ()
    # Topics anchored to the tagger's labels (--guided; see policylens.topics.anchors).
    guided: bool = False

    def __post_init__(self) -> None:
        # From JSON (model.json, a Dask worker) they arrive as a list: one canonical form.
        words = tuple(sorted({str(w).strip().lower() for w in self.stop_words} - {""}))
        object.__setattr__(self, "stop_words", words)

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
        if self.guided and self.method != "nmf":
            raise InputError("--guided anchors NMF topics to the tagger's labels",
                             "use --method nmf with --guided")
        return self

    @property
    def k_values(self) -> list[int]:
        """The numbers of topics to try."""
        return [self.k] if self.k is not None else list(range(self.k_min, self.k_max + 1))

    def to_dict(self) -> dict:
        """Plain JSON-able form (stored beside the model)."""
        data = asdict(self)
        if not self.guided:  # an unguided model keeps the key and model.json it always had
            del data["guided"]
        return data
