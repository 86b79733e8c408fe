"""The names older installs' spaCy entry points point to.

The tagger's components now live in tokenizer, sentences, finders and resolver (pyproject.toml
points there). An editable install made before that keeps its old entry points until it is
reinstalled, and spaCy loads every entry point it looks up, so this module keeps them working.
"""

from policylens.tagging.finders import make_amount_finder, make_inn_finder
from policylens.tagging.resolver import make_resolver
from policylens.tagging.sentences import make_sentence_splitter
from policylens.tagging.tokenizer import create_text_keeping_tokenizer

__all__ = [
    "create_text_keeping_tokenizer",
    "make_amount_finder",
    "make_inn_finder",
    "make_resolver",
    "make_sentence_splitter",
]
