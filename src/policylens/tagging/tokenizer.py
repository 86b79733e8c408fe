"""The tagger's tokenizer: spaCy's own for English, keeping each Doc's text for the
components after it (``doc_text``)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import registry

# Doc.text rebuilds the string from every token, which costs as much as tokenizing. The
# tokenizer below keeps each text in user_data; the resolver, the last component, removes it.
_TEXT_KEY = "policylens_text"


def doc_text(doc: Doc) -> str:
    """The Doc's text: the one the tokenizer kept, else built once."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


def forget_text(doc: Doc) -> None:
    """Drop the kept text (the last component does, so saved Docs do not carry it twice)."""
    doc.user_data.pop(_TEXT_KEY, None)


def fresh_tokenizer_cache(nlp: Language) -> Language:
    """Start the tokenizer's cache afresh once the pipeline is loaded.

    Loading the span ruler tokenizes every phrase pattern, and the cache that leaves behind
    slows every later call (measured: tokenizing 100,000 words of generated debate text took
    0.10 s after loading the tagger, 0.064 s with a fresh cache). Setting the rules again is
    spaCy's public way to empty the cache; the rules are unchanged.
    """
    tokenizer = nlp.tokenizer
    base = tokenizer.tokenizer if isinstance(tokenizer, TextKeepingTokenizer) else tokenizer
    base.rules = base.rules
    return nlp


@registry.tokenizers("policylens.text_keeping_tokenizer.v1")
def create_text_keeping_tokenizer() -> Callable[[Language], TextKeepingTokenizer]:
    """spaCy's default tokenizer for the language, keeping each Doc's text."""
    from spacy.language import create_tokenizer

    make_base = create_tokenizer()

    def make(nlp: Language) -> TextKeepingTokenizer:
        return TextKeepingTokenizer(make_base(nlp))

    return make


class TextKeepingTokenizer:
    """Wraps a spaCy Tokenizer: same tokens and serialisation, plus the text in user_data."""

    def __init__(self, tokenizer) -> None:
        self.tokenizer = tokenizer

    def __call__(self, text: str) -> Doc:
        doc = self.tokenizer(text)
        doc.user_data[_TEXT_KEY] = text
        return doc

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterator[Doc]:
        for text in texts:
            yield self(text)

    def __getattr__(self, name: str):
        # Everything else (rules, explain, vocab...) is the wrapped tokenizer's.
        return getattr(self.__dict__["tokenizer"], name)

    def to_disk(self, path, *, exclude: Iterable[str] = ()) -> None:
        self.tokenizer.to_disk(path, exclude=exclude)

    def from_disk(self, path, *, exclude: Iterable[str] = ()) -> TextKeepingTokenizer:
        self.tokenizer.from_disk(path, exclude=exclude)
        return self

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        return self.tokenizer.to_bytes(exclude=exclude)

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> TextKeepingTokenizer:
        self.tokenizer.from_bytes(data, exclude=exclude)
        return self

