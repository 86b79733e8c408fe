"""Topic models: vocabulary, corpus, the model (LDA/NMF), fitting with k chosen by coherence,
safe persistence and topic descriptions."""

from .corpus import CallableSource, ListSource, TextSource
from .describe import make_labels, representative, snippet
from .fit import FitResult, fit_topics
from .model import TopicModel
from .params import DEFAULT_METHOD, METHODS, TopicParams
from .persist import load_model, save_model

__all__ = [
    "DEFAULT_METHOD", "METHODS", "CallableSource", "FitResult", "ListSource", "TextSource",
    "TopicModel", "TopicParams", "fit_topics", "load_model", "make_labels", "representative",
    "save_model", "snippet",
]
