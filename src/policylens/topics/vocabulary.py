"""The vocabulary: passage text -> terms, and which terms a topic model keeps.

The vocabulary is built in one pass over the passages (document frequencies only), so nothing
but the counts of candidate terms is held while it is built.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

import numpy as np

from ..errors import InputError
from .params import TopicParams

# When the candidate-term counter grows past this, terms seen in one passage only are dropped:
# bounds memory on very large corpora at the cost of an approximate min_df for rare bigrams.
MAX_CANDIDATE_TERMS = 3_000_000
# A two-word phrase is kept only when it appears in at least this share of the passages that
# hold its rarer word: "gene therapy" passes, chance neighbours ("patients waiting") do not.
PHRASE_MIN_SHARE = 0.1

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


# What is left of a contraction once the apostrophe splits it ("don't" -> "don", "t";
# "we'll" -> "we", "ll"): never a topic word, whatever the stop list holds.
CONTRACTION_FRAGMENTS = frozenset({
    "ain", "aren", "couldn", "didn", "doesn", "don", "hadn", "hasn", "haven", "isn", "mightn",
    "mustn", "needn", "shan", "shouldn", "wasn", "weren", "won", "wouldn",
    "d", "ll", "m", "re", "s", "t", "ve",  # too short to be kept anyway; listed to be whole
})
# Shorter words are never topic words: what is left of them is initials, fragments and
# abbreviations of procedure ("wh", "hc", "pm"), not subjects.
MIN_WORD_LETTERS = 3


@functools.cache
def stop_words() -> frozenset[str]:
    """English stop words, parliamentary procedure words and contraction fragments."""
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    return frozenset(ENGLISH_STOP_WORDS) | PROCEDURE_WORDS | CONTRACTION_FRAGMENTS


def read_stop_words(path: str | Path) -> tuple[str, ...]:
    """The words of a stop-word file: one a line, UTF-8, ``#`` starts a comment, blank lines
    and case ignored. Raises InputError (naming the file, and the line) when it cannot be used."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{path} is not UTF-8 text ({exc.reason} at byte {exc.start})",
                         "save the stop-word file as UTF-8, one word a line") from None
    except OSError as exc:
        raise InputError(f"cannot read the stop-word file {path}: {exc.strerror or exc}",
                         "pass a readable text file, one word a line") from None
    words = []
    for number, line in enumerate(text.splitlines(), 1):
        word = line.split("#", 1)[0].strip().lower()
        if not word:
            continue
        if len(word.split()) > 1:
            raise InputError(f"{path}, line {number}: {word!r} is more than one word",
                             "put one word a line (a phrase's words on lines of their own)")
        words.append(word)
    return tuple(sorted(set(words)))


# Words (letters only), numbers, and punctuation other than hyphens and apostrophes, in order.
_TOKENS = re.compile(r"[^\W\d_]+|\d+|[^\w\s'\u2019-]")


class Analyzer:
    """Text -> terms: words that are not stop words, and pairs of such words side by side.

    scikit-learn forms n-grams after dropping stop words, which pairs words that were never
    neighbours ("the approach is common" -> "approach common"). Here a pair must be adjacent
    in the text: a stop word, a number, a word shorter than MIN_WORD_LETTERS or punctuation
    (other than a hyphen or an apostrophe) between two words ends the run.
    """

    def __init__(self, stop: frozenset[str], ngram_max: int = 2) -> None:
        self.stop = stop
        self.ngram_max = ngram_max

    def __call__(self, text: str) -> list[str]:
        stop = self.stop
        tokens = _TOKENS.findall(text.lower())
        kept = [len(t) >= MIN_WORD_LETTERS and t.isalpha() and t not in stop for t in tokens]
        words = [t for t, k in zip(tokens, kept) if k]
        if self.ngram_max < 2:
            return words
        return words + [f"{a} {b}" for a, b, ka, kb in zip(tokens, tokens[1:], kept, kept[1:])
                        if ka and kb]


def make_vectorizer(params: TopicParams, vocabulary: Sequence[str] | None = None):
    """The CountVectorizer every stage uses (fixed vocabulary once one is known)."""
    from sklearn.feature_extraction.text import CountVectorizer

    return CountVectorizer(
        analyzer=Analyzer(stop_words() | frozenset(params.stop_words), params.ngram_max),
        vocabulary=list(vocabulary) if vocabulary else None, dtype=np.float64,
    )


def build_vocabulary(batches: Iterable[Sequence[str]], params: TopicParams) -> list[str]:
    """One pass over batches of passages: the terms kept by min_df, max_df and max_features."""
    analyze = make_vectorizer(params).build_analyzer()
    df: Counter[str] = Counter()
    n_docs = 0
    for batch in batches:
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

