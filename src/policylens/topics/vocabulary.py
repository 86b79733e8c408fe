"""The vocabulary: passage text -> terms, and which terms a topic model keeps.

The vocabulary is built in one pass over the passages (document frequencies only), so nothing
but the counts of candidate terms (as integers, not strings) is held while it is built.
"""

from __future__ import annotations

import array
import functools
import itertools
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path

import numpy as np

from ..errors import InputError
from .params import TopicParams

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
# Characters beyond ASCII common in English text that are no letter: a pound sign, dashes,
# curly quotes, a no-break space. WordIds reads a text made ASCII with them by byte
# translation rather than the regular expression (three times as fast).
_COMMON_BEYOND_ASCII = "\u00a3\u20ac\u2013\u2014\u2018\u2019\u201c\u201d\u2022\u2026\u00a0\u00ad"


def _break_or_space(char: str) -> str:
    """What ``char`` is to _TOKENS, as one ASCII character: itself for a letter, "." for a
    token that is never a word (a number's digit, punctuation), " " for what parts tokens
    without being one (spaces, hyphens, apostrophes, underscores)."""
    if re.fullmatch(r"[^\W\d_]", char):
        return char
    return "." if _TOKENS.fullmatch(char) else " "


_ASCII_CLASSES = bytes(ord(_break_or_space(chr(i))) for i in range(128)) + bytes(128)
_COMMON_CLASSES = [(c, _break_or_space(c)) for c in _COMMON_BEYOND_ASCII]
assert all(len(r) == 1 and r in " ." for _, r in _COMMON_CLASSES), "a letter in the list"


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

    def tokens(self, text: str) -> tuple[list[str], list[bool]]:
        """The text's tokens in order, and whether each is a word the analyzer keeps."""
        stop = self.stop
        tokens = _TOKENS.findall(text.lower())
        return tokens, [len(t) >= MIN_WORD_LETTERS and t.isalpha() and t not in stop
                        for t in tokens]

    def __call__(self, text: str) -> list[str]:
        tokens, kept = self.tokens(text)
        words = [t for t, k in zip(tokens, kept) if k]
        if self.ngram_max < 2:
            return words
        return words + [f"{a} {b}" for a, b, ka, kb in zip(tokens, tokens[1:], kept, kept[1:])
                        if ka and kb]


def make_analyzer(params: TopicParams) -> Analyzer:
    """The analyzer of the topic model's vectorizer: the default stop words and the user's."""
    return Analyzer(stop_words() | frozenset(params.stop_words), params.ngram_max)


def make_vectorizer(params: TopicParams, vocabulary: Sequence[str] | None = None):
    """The CountVectorizer every stage uses (fixed vocabulary once one is known)."""
    from sklearn.feature_extraction.text import CountVectorizer

    return CountVectorizer(
        analyzer=make_analyzer(params),
        vocabulary=list(vocabulary) if vocabulary else None, dtype=np.float64,
    )


def build_vocabulary(batches: Iterable[Sequence[str]], params: TopicParams,
                     keep: TokenStream | None = None, dask: str | None = None) -> list[str]:
    """One pass over batches of passages: the terms kept by min_df, max_df and max_features.

    Exact document frequencies of every word and every two-word phrase, held as numbers
    rather than strings: a word is an id, a phrase a pair of ids in one 64-bit integer, and
    the phrases' counts sorted arrays merged batch by batch (as keys of a dict of strings,
    millions of candidate phrases take hundreds of MB). ``keep``: a stream that keeps the
    passages' word ids, to count the matrix from without reading the texts again. ``dask``: a
    Dask scheduler's address, where the texts are split into words (the same ids, see
    :func:`read_on_cluster`).
    """
    ids = WordIds(make_analyzer(params).stop)
    if keep is not None:
        keep.ids = ids
    word_df = np.zeros(0, dtype=np.int64)
    phrases = PhraseCounts()
    n_docs = 0
    reads = (read_on_cluster(batches, ids, dask) if dask
             else ((len(batch), *ids.read(batch)) for batch in batches))
    for n_texts, doc, flat in reads:
        n_docs += n_texts
        if keep is not None:
            keep.add(doc, flat, n_texts)
        counts = np.bincount(_first_in_passage(doc, flat), minlength=len(ids.words))
        counts[: len(word_df)] += word_df
        word_df = counts
        if params.ngram_max >= 2:
            pair_doc, pairs = adjacent_pairs(doc, flat)
            order = np.lexsort((pairs, pair_doc))
            pair_doc, pairs = pair_doc[order], pairs[order]
            first = np.r_[True, (pairs[1:] != pairs[:-1]) | (pair_doc[1:] != pair_doc[:-1])]
            phrases.add(pairs[first])  # each passage's phrases once
    names = ids.words
    df: dict[str, int] = dict(zip(names, word_df.tolist()))
    # Phrases below min_df are never kept; only words are looked up for the phrase test.
    keys, counts = phrases.result()
    common = counts >= params.min_df
    for key, count in zip(keys[common].tolist(), counts[common].tolist()):
        df[f"{names[key >> _PAIR_SHIFT]} {names[key & _PAIR_MASK]}"] = count
    return select_vocabulary(df, n_docs, params)


def _first_in_passage(doc: np.ndarray, flat: np.ndarray) -> np.ndarray:
    """The word id of each word's first occurrence in each passage (document frequency)."""
    keys = doc[flat >= 0] << 32 | flat[flat >= 0]
    # A sort, not np.unique: numpy 2.4's unique hashes first and is ten times slower here.
    keys.sort()
    first = np.ones(len(keys), dtype=bool)
    first[1:] = keys[1:] != keys[:-1]
    return keys[first] & _PAIR_MASK


class WordIds(dict):
    """Token -> word id (0, 1, ... in order of first sight) for the words the analyzer keeps,
    -1 for the tokens it drops: one dict lookup per token once a token has been seen."""

    def __init__(self, stop: frozenset[str]) -> None:
        super().__init__()
        self.stop = stop
        self.words: list[str] = []

    def __missing__(self, token: str) -> int:
        if len(token) >= MIN_WORD_LETTERS and token.isalpha() and token not in self.stop:
            value = len(self.words)
            self.words.append(token)
        else:
            value = -1
        self[token] = value
        return value

    def read(self, texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
        """(passage number, word id or -1) of every token of the texts, in order (int64).

        The words and what parts them are those of the Analyzer's tokens; a number may come
        as several -1 where the Analyzer has one token (a run of dropped tokens parts two
        words as one does).
        """
        lengths, flat = self._read(texts)
        return passage_numbers(lengths), flat

    def _read(self, texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
        """(tokens per text, word id or -1 of every token): :meth:`read` before the tokens
        are numbered by passage."""
        seqs = [list(map(self.__getitem__, _tokens(text.lower()))) for text in texts]
        lengths = np.fromiter(map(len, seqs), dtype=np.int64, count=len(seqs))
        flat = np.fromiter(itertools.chain.from_iterable(seqs), dtype=np.int64,
                           count=int(lengths.sum()))
        return lengths, flat

    def adopt(self, words: Sequence[str], lengths: np.ndarray, flat: np.ndarray
              ) -> tuple[np.ndarray, np.ndarray]:
        """What :meth:`read` gives, from a batch read elsewhere by :func:`read_words`: its
        own ids become this map's, new words taking theirs in the order they were first seen,
        as reading the batch here would have given them."""
        remap = np.fromiter(map(self.__getitem__, words), dtype=np.int64, count=len(words))
        flat = flat.astype(np.int64)
        kept = flat >= 0
        flat[kept] = remap[flat[kept]]
        return passage_numbers(lengths), flat


def passage_numbers(lengths: np.ndarray) -> np.ndarray:
    """The passage number (0, 1, ...) of every token, from the tokens per passage (int64)."""
    return np.repeat(np.arange(len(lengths), dtype=np.int64), lengths)


def read_words(texts: Sequence[str], stop: frozenset[str]
               ) -> tuple[list[str], np.ndarray, np.ndarray]:
    """Where the texts are (a Dask worker): :meth:`WordIds.read` with ids of the batch's own,
    as (the words, in the order first seen; tokens per text; each token's word id or -1),
    for :meth:`WordIds.adopt` to map to the corpus's ids."""
    local = WordIds(stop)
    lengths, flat = local._read(texts)
    return local.words, lengths.astype(np.int32), flat.astype(np.int32)


def read_on_cluster(batches: Iterable[Sequence[str]], ids: WordIds, address: str, *,
                    timeout: float = 600.0) -> Iterator[tuple[int, np.ndarray, np.ndarray]]:
    """(texts, passage number, word id or -1) of each batch, in batch order, as a Dask
    cluster splits the texts into words: what ``ids.read`` gives, byte for byte.

    The client sends the texts and maps each batch's few distinct words to the corpus's ids,
    the part of the vocabulary pass that has to be in one place; the splitting of every
    word, most of the pass, happens on the workers. Batches finished out of turn wait, and
    hold back new ones while they do, so memory stays bounded.
    """
    from ..distributed import connect, run_on_cluster
    from ..errors import PolicylensError

    client = connect(address)
    try:
        held: dict[int, tuple] = {}
        tasks = ((i, (list(batch), ids.stop)) for i, batch in enumerate(batches))
        turn = 0
        for key, ok, result in run_on_cluster(read_words, tasks, timeout=timeout,
                                              client=client, backlog=lambda: len(held)):
            if not ok:
                raise PolicylensError(
                    f"splitting passages into words on the cluster failed: {result.message}",
                    "rerun the command, or drop --dask to do it here")
            held[key] = result
            while turn in held:
                words, lengths, flat = held.pop(turn)
                yield (len(lengths), *ids.adopt(words, lengths, flat))
                turn += 1
    finally:
        client.close()


def _tokens(text: str) -> list[str]:
    """The lower-case text's tokens, as _TOKENS finds them but with each number and
    punctuation mark as one or more "." tokens."""
    if not text.isascii():
        for char, replacement in _COMMON_CLASSES:
            if char in text:
                text = text.replace(char, replacement)
        if not text.isascii():
            return _TOKENS.findall(text)
    return text.encode("ascii").translate(_ASCII_CLASSES).decode("ascii").replace(
        ".", " . ").split()


def adjacent_pairs(doc: np.ndarray, flat: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(passage number, phrase key) of every two kept words side by side in one passage (the
    Analyzer's phrases: a dropped token between two words ends the run)."""
    a, b = flat[:-1], flat[1:]
    both = (a >= 0) & (b >= 0) & (doc[:-1] == doc[1:])
    return doc[:-1][both], a[both] << _PAIR_SHIFT | b[both]


class TokenStream:
    """Passages' word ids as the vocabulary pass read them, held compact (32 bits an id, a run
    of dropped tokens as one -1) until the matrix is counted from them: reading and splitting
    every text a second time took as long as the first.

    The ids grow in place in buffers of up to SEGMENT_IDS (array.array), each let go of as soon
    as it is drained, so the matrix grows as the stream shrinks; blocks that large go back to
    the system when freed, where many small ones would leave the heap fragmented and held.
    """

    SEGMENT_IDS = 8_000_000  # 32 MB

    def __init__(self) -> None:
        self.ids: WordIds | None = None
        # Each segment: (ids, ids kept per passage, passages per batch).
        self.segments: list[tuple[array.array, array.array, list[int]]] = []

    def add(self, doc: np.ndarray, flat: np.ndarray, n_texts: int) -> None:
        """Keep one batch's (passage number, word id or -1) of every token."""
        # A dropped token is kept only right after a word: it still parts that word from the
        # next one, and a run of them parts no more than one does.
        kept = flat >= 0
        kept[1:] |= (flat[:-1] >= 0) & (doc[1:] == doc[:-1])
        if not self.segments or len(self.segments[-1][0]) >= self.SEGMENT_IDS:
            self.segments.append((array.array("i"), array.array("i"), []))
        tokens, lengths, batch_sizes = self.segments[-1]
        lengths.frombytes(np.bincount(doc[kept], minlength=n_texts).astype(np.int32).tobytes())
        tokens.frombytes(flat[kept].astype(np.int32).tobytes())
        batch_sizes.append(n_texts)

    def drain(self) -> Iterator[tuple[np.ndarray, np.ndarray, int]]:
        """Each batch's (passage number, word id) in order; the stream is empty afterwards."""
        self.segments.reverse()
        while self.segments:
            tokens, lengths, batch_sizes = self.segments.pop()
            at = start = 0
            for n in batch_sizes:
                part = np.frombuffer(lengths, dtype=np.int32, count=n, offset=4 * at)
                end = start + int(part.sum())
                ids = np.frombuffer(tokens, dtype=np.int32, count=end - start, offset=4 * start)
                yield passage_numbers(part), ids.astype(np.int64), n
                at, start = at + n, end
            del part, ids, tokens, lengths


class TermCounter:
    """Passages -> their counts over a fixed vocabulary: the same matrix as the vocabulary's
    CountVectorizer (same counts, columns sorted within each row), counted with numpy rather
    than one Python string per term."""

    def __init__(self, params: TopicParams, vocabulary: Sequence[str],
                 ids: WordIds | None = None) -> None:
        """``ids``: the word ids the passages were read with (a TokenStream's), if any."""
        self.n_columns = len(vocabulary)
        if ids is None:
            ids = WordIds(make_analyzer(params).stop)
            for term in vocabulary:  # the vocabulary's words take the first ids
                for word in term.split():
                    if word not in ids:
                        ids[word] = len(ids.words)
                        ids.words.append(word)
        self.ids = ids
        self.n_known = len(self.ids.words)
        self.word_column = np.full(self.n_known + 1, -1, dtype=np.int64)  # last: unknown
        pair_keys, pair_columns = [], []
        for column, term in enumerate(vocabulary):
            words = term.split()
            if len(words) == 1:
                self.word_column[self.ids[words[0]]] = column
            else:
                pair_keys.append(self.ids[words[0]] << _PAIR_SHIFT | self.ids[words[1]])
                pair_columns.append(column)
        order = np.argsort(pair_keys, kind="stable")
        self.pair_keys = np.asarray(pair_keys, dtype=np.int64)[order]
        self.pair_columns = np.asarray(pair_columns, dtype=np.int64)[order]

    def transform(self, texts: Sequence[str]):
        """The CSR count matrix (float64) of the texts, one row each."""
        return self.count(*self.ids.read(texts), len(texts))

    def count(self, doc: np.ndarray, flat: np.ndarray, n_texts: int):
        """The CSR count matrix of ``n_texts`` passages read as (passage number, word id)."""
        import scipy.sparse as sp

        flat = np.where(flat >= self.n_known, -1, flat)  # words outside the vocabulary's
        column = self.word_column[flat]  # -1 (the last entry) for dropped tokens
        hit = column >= 0
        docs, columns = [doc[hit]], [column[hit]]
        if len(self.pair_keys):
            pair_doc, pairs = adjacent_pairs(doc, flat)
            at = np.minimum(np.searchsorted(self.pair_keys, pairs), len(self.pair_keys) - 1)
            found = self.pair_keys[at] == pairs
            docs.append(pair_doc[found])
            columns.append(self.pair_columns[at[found]])
        entries, counts = np.unique(np.concatenate(docs) << 32 | np.concatenate(columns),
                                    return_counts=True)
        rows = entries >> 32
        indptr = np.zeros(n_texts + 1, dtype=np.int64)
        np.cumsum(np.bincount(rows, minlength=n_texts), out=indptr[1:])
        return sp.csr_matrix((counts.astype(np.float64), (entries & _PAIR_MASK).astype(np.int32),
                              indptr.astype(np.int32)), shape=(n_texts, self.n_columns))


# A phrase's two word ids in one integer: the first in the high bits.
_PAIR_SHIFT = 31
_PAIR_MASK = (1 << _PAIR_SHIFT) - 1


class PhraseCounts:
    """Document frequencies of integer keys: sorted unique keys and their counts, with each
    batch's keys merged in once enough have gathered (a sort of what is held, not per batch)."""

    MERGE_AT = 4_000_000  # keys gathered before a merge

    def __init__(self) -> None:
        self.keys = np.zeros(0, dtype=np.int64)
        self.counts = np.zeros(0, dtype=np.int64)
        self.pending: list[np.ndarray] = []
        self.n_pending = 0

    def add(self, keys: np.ndarray) -> None:
        """Count each key once (a passage's keys come in without repeats)."""
        if len(keys):
            self.pending.append(keys.copy())
            self.n_pending += len(keys)
        if self.n_pending >= self.MERGE_AT:
            self._merge()

    def _merge(self) -> None:
        new, new_counts = np.unique(np.concatenate(self.pending), return_counts=True)
        self.pending, self.n_pending = [], 0
        keys = np.concatenate([self.keys, new])
        counts = np.concatenate([self.counts, new_counts])
        order = np.argsort(keys, kind="stable")
        keys, counts = keys[order], counts[order]
        starts = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]])
        self.keys, self.counts = keys[starts], np.add.reduceat(counts, starts)

    def result(self) -> tuple[np.ndarray, np.ndarray]:
        """Sorted unique keys and how many passages held each."""
        if self.pending:
            self._merge()
        return self.keys, self.counts


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

