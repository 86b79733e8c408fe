"""Topic models: vectoriser, LDA/NMF, coherence, safe persistence and topic descriptions."""

from .describe import make_labels, representative, snippet
from .model import (
    DEFAULT_METHOD,
    METHODS,
    FitResult,
    ListSource,
    TopicModel,
    TopicParams,
    fit_topics,
)
from .persist import load_model, save_model

__all__ = [
    "DEFAULT_METHOD", "METHODS", "FitResult", "ListSource", "TopicModel", "TopicParams",
    "fit_topics", "load_model", "make_labels", "representative", "save_model", "snippet",
]
