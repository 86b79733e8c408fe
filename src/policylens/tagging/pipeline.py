"""Build, save and load the tagger pipeline, and read the mentions it finds.

The pipeline is ``spacy.blank("en")`` with a text-keeping tokenizer (``tokenizer``), a
sentence splitter (``sentences``), a SpanRuler fed with the phrase patterns of the JSONL files
in ``patterns/``, finders for money amounts, INN stems and dictionary medicine names
(``finders``, names in ``data/medicines.tsv``), and the resolver
that turns candidates into mentions (``resolver``, asking the context rules in
``conditions``). The components are registered when this module is imported, and through the
package's ``spacy_factories`` entry points, so a plain ``spacy.load("models/policy-tagger")``
works too.

A pattern file holds one JSON object a line: ``label`` (one of LABELS, or EXCLUDE for text
where nothing may be tagged), ``pattern`` (a phrase, matched in any case), and optionally
``case_sensitive: true`` ("NICE" but not "nice") and ``when``, the name of a context check in
``conditions.CONDITIONS`` ("approved" only where a licensing regulator acts). Canonical names
are in ``data/canonical.jsonl`` and the modifier words that widen a mention in
``data/modifiers.json``.

Phrase patterns are written once in their plain form; the build adds the variants real text
uses: a hyphen or a space between words ("CAR-T cell" / "CAR T-cell") and the regular plural
of the last word ("gene therapies"). That keeps matching in spaCy's fast PhraseMatcher: on
this machine 100 token patterns cut throughput to a tenth, and the lookup lemmatizer alone
to a quarter, while 2,000 phrase patterns cost almost nothing. For the same reason sentence
starts come from one regex pass (policylens_sentences_v1) rather than spaCy's per-token
sentencizer, which also splits "my hon. Friend" after "hon.".
"""

from __future__ import annotations

import ast
import hashlib
import itertools
import json
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from policylens.errors import ModelError
from policylens.records import Mention

# Importing the component modules registers their factories and tokenizer with spaCy.
from policylens.tagging import finders, resolver, ruler, sentences, tokenizer  # noqa: F401
from policylens.tagging.amounts import parse_amount
from policylens.tagging.conditions import CONDITIONS
from policylens.tagging.finders import read_medicines
from policylens.tagging.labels import CANDIDATES_KEY, LABELS, SPANS_KEY, pattern_rule
from policylens.tagging.pattern_files import pattern_labels, read_pattern_file
from policylens.tagging.tokenizer import fresh_tokenizer_cache

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

PACKAGE_DIR = Path(__file__).resolve().parent
PATTERNS_DIR = PACKAGE_DIR / "patterns"
DATA_DIR = PACKAGE_DIR / "data"
PATTERN_FILES = (
    "therapy.jsonl",
    "cost.jsonl",
    "regulation.jsonl",
    "nhs_workforce.jsonl",
    "exclusions.jsonl",
)
DATA_FILES = ("canonical.jsonl", "modifiers.json", "medicines.tsv", "roles.json")
MODEL_NAME = "policy_tagger"
TOKENIZER = "policylens.text_keeping_tokenizer.v1"
MODEL_ENV = "POLICYLENS_MODEL"
DEFAULT_MODEL_DIR = PACKAGE_DIR.parents[2] / "models" / "policy-tagger"
# Separator toggling is exponential; beyond this many gaps only the plain form is added.
MAX_TOGGLED_GAPS = 3
# Tokenizer exceptions that glue a full stop to a scale ("£340m." -> "340", "m.").
SPLIT_EXCEPTIONS = ("m.", "k.", "b.")
EXTRA_SUFFIXES = (r"/",)


def read_patterns(patterns_dir: Path = PATTERNS_DIR) -> list[dict]:
    """The pattern records of all pattern files, checked: label, pattern, optional flags."""
    return [record for name in PATTERN_FILES
            for record in read_pattern_file(patterns_dir / name, new_labels=False,
                                            conditions=CONDITIONS)]


def role_patterns(data_dir: Path = DATA_DIR) -> list[dict]:
    """NHS_WORKFORCE pattern records for every care domain before every role (roles.json):
    "healthcare assistant", "transplant coordinator", "clinical officer"."""
    roles = json.loads((data_dir / "roles.json").read_text(encoding="utf-8"))
    return [{"label": "NHS_WORKFORCE", "pattern": f"{domain} {role}"}
            for domain in roles["domains"] for role in roles["roles"]]


def plural(word: str) -> str | None:
    """Regular English plural of a word, or None when it cannot take one."""
    if not word.isalpha() or word.endswith("s"):
        return None
    if word.isupper() and len(word) > 1:
        return word + "s"  # ATMP -> ATMPs
    if re.search(r"[^aeiou]y$", word):
        return word[:-1] + "ies"
    if word.endswith(("ch", "sh", "x", "z")):
        return word + "es"
    return word + "s"


def pattern_variants(pattern: str) -> list[str]:
    """The pattern with each hyphen/space between words swapped, and its last word plural."""
    parts = re.split(r"(?<=\w)([ -])(?=\w)", pattern)
    words, gaps = parts[0::2], parts[1::2]
    if len(gaps) <= MAX_TOGGLED_GAPS:
        gap_choices = itertools.product(" -", repeat=len(gaps))
    else:
        gap_choices = [tuple(gaps)]
    variants = []
    for choice in gap_choices:
        text = words[0] + "".join(g + w for g, w in zip(choice, words[1:]))
        variants.append(text)
        tail = re.search(r"[A-Za-z]+$", text)
        plural_tail = plural(tail.group()) if tail else None
        if plural_tail:
            variants.append(text[: tail.start()] + plural_tail)
    return sorted(set(variants))


def code_files() -> tuple[str, ...]:
    """The tagging modules that decide what the tagger finds: this one and every module of
    the package it imports, directly or through another (read from their import statements,
    so a new module is tracked as soon as the pipeline uses it)."""
    package = __name__.rpartition(".")[0]
    found: set[str] = set()
    todo = [Path(__file__).name]
    while todo:
        name = todo.pop()
        if name in found:
            continue
        found.add(name)
        tree = ast.parse((PACKAGE_DIR / name).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:  # relative: from the package, or from its parents
                    parent = package.rsplit(".", node.level - 1)[0]
                    base = f"{parent}.{base}" if base else parent
                todo.extend(_package_modules(base, [a.name for a in node.names], package))
            elif isinstance(node, ast.Import):
                for alias in node.names:
                    todo.extend(_package_modules(alias.name, [], package))
    return tuple(sorted(found))


def _package_modules(module: str, names: list[str], package: str) -> list[str]:
    """File names in this package that ``from module import names`` (or ``import module``)
    reads: the module itself, or each name that is a module of the package."""
    if module != package and not module.startswith(package + "."):
        return []
    if module == package:
        candidates = names
    else:
        candidates = [module[len(package) + 1:].split(".")[0]]
    return [f"{c}.py" for c in candidates if (PACKAGE_DIR / f"{c}.py").is_file()]


def compute_model_version(patterns_dir: Path = PATTERNS_DIR, data_dir: Path = DATA_DIR) -> str:
    """A short hash of the pattern and data files and of the tagger's code (``code_files``).

    Any change to what the tagger finds changes the version, so `policylens tag` retags
    every passage with the new model instead of mixing two models' mentions.
    """
    digest = hashlib.sha256(b"policylens-tagger\n")
    for directory, names in ((patterns_dir, PATTERN_FILES), (data_dir, DATA_FILES),
                             (PACKAGE_DIR, code_files())):
        for name in names:
            digest.update(name.encode() + b"\0")
            digest.update((directory / name).read_bytes().replace(b"\r\n", b"\n"))
    return digest.hexdigest()[:12]


def _read_data(data_dir: Path) -> tuple[list[dict], dict]:
    canonical = [
        json.loads(line)
        for line in (data_dir / "canonical.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    modifiers = json.loads((data_dir / "modifiers.json").read_text(encoding="utf-8"))
    return canonical, modifiers


def build_tagger(patterns_dir: Path = PATTERNS_DIR, data_dir: Path = DATA_DIR) -> Language:
    """A fresh tagger built from the pattern and data files (deterministic)."""
    import spacy
    from spacy.util import compile_suffix_regex

    from policylens import __version__

    nlp = spacy.blank("en", config={"nlp": {"tokenizer": {"@tokenizers": TOKENIZER}}})
    base_tokenizer = nlp.tokenizer.tokenizer
    base_tokenizer.rules = {
        k: v for k, v in base_tokenizer.rules.items() if k not in SPLIT_EXCEPTIONS
    }
    # A slash closing a word ("dapagliflozin/ empagliflozin" in extracted PDF text) is
    # punctuation, so no mention ends with it.
    base_tokenizer.suffix_search = compile_suffix_regex(
        [*nlp.Defaults.suffixes, *EXTRA_SUFFIXES]).search
    nlp.add_pipe("policylens_sentences_v1", name="sentences")
    # One SpanRuler for every phrase: matching LOWER finds case variants; a case-sensitive
    # pattern ("NICE", not "nice") carries the EXACT_CASE id (see labels.pattern_rule) and the
    # resolver checks its case.
    # (A second ruler matching ORTH costs a whole extra pass over each Doc.)
    phrase_ruler = nlp.add_pipe(
        "policylens_phrase_ruler_v1", name="ruler",
        config={"spans_key": CANDIDATES_KEY, "spans_filter": None, "validate": True,
                "phrase_matcher_attr": "LOWER", "overwrite": True},
    )
    nlp.add_pipe("policylens_amounts_v1", name="amounts")
    nlp.add_pipe("policylens_inn_stems_v1", name="inn_stems")
    medicines = nlp.add_pipe("policylens_medicines_v1", name="medicines")
    medicines.set_rows(read_medicines(data_dir / "medicines.tsv"))
    resolving = nlp.add_pipe("policylens_resolve_v1", name="resolver")

    ruler_patterns, exact_forms = _ruler_patterns([*read_patterns(patterns_dir),
                                                   *role_patterns(data_dir)])
    phrase_ruler.add_patterns(ruler_patterns)
    resolving.set_data(*_read_data(data_dir), exact_forms=exact_forms)

    nlp.meta.update(
        name=MODEL_NAME,
        version=__version__,
        description="policylens tagger: THERAPY, COST, REGULATION and NHS_WORKFORCE mentions",
        spacy_version=">=3.7.0,<4.0.0",
        license="MIT",
    )
    nlp.meta["policylens"] = {
        "model_version": compute_model_version(patterns_dir, data_dir),
        "labels": list(LABELS),
        "spans_key": SPANS_KEY,
    }
    return fresh_tokenizer_cache(nlp)


def _ruler_patterns(records: list[dict]) -> tuple[list[dict], dict[str, set[str]]]:
    """SpanRuler patterns for pattern records (every variant, in a fixed order), and the exact
    forms of the case-sensitive ones by label."""
    patterns: dict[tuple[str, str, str], dict] = {}
    exact_forms: dict[str, set[str]] = {}
    for record in records:
        label = record["label"]
        rule = pattern_rule(bool(record.get("case_sensitive")), record.get("when"))
        for variant in pattern_variants(record["pattern"].strip()):
            key = (label, variant.lower(), rule)
            patterns[key] = {"label": label, "pattern": key[1], **({"id": rule} if rule else {})}
            if record.get("case_sensitive"):
                exact_forms.setdefault(label, set()).add(variant)
    return [patterns[k] for k in sorted(patterns)], exact_forms


def add_patterns(nlp: Language, path: str | Path) -> Language:
    """Add a researcher's own pattern file to a loaded tagger, without rebuilding it.

    The file has the format of ``patterns/`` and may bring new labels. The tagger's model
    version becomes ``<version>+<hash of the file>``, so a store tagged before the file
    changed is tagged again.
    """
    path = Path(path)
    records = read_pattern_file(path, conditions=CONDITIONS)
    if not records:
        raise ModelError(f"{path} holds no patterns", hint="write one JSON object a line")
    ruler_patterns, exact_forms = _ruler_patterns(records)
    nlp.get_pipe("ruler").add_patterns(ruler_patterns)
    nlp.get_pipe("resolver").add_exact_forms(exact_forms)
    digest = hashlib.sha256(path.read_bytes().replace(b"\r\n", b"\n")).hexdigest()
    info = nlp.meta["policylens"]
    info["model_version"] = f"{info['model_version']}+{digest[:8]}"
    info["labels"] = list(dict.fromkeys([*info["labels"], *pattern_labels(path)]))
    info.setdefault("pattern_files", []).append({"name": path.name, "sha256": digest})
    return fresh_tokenizer_cache(nlp)


def tagger_labels(nlp: Language) -> tuple[str, ...]:
    """The labels a tagger can give: LABELS and any a pattern file added."""
    return tuple(nlp.meta.get("policylens", {}).get("labels") or LABELS)


def default_model_dir() -> Path:
    """Where the tagger is loaded from by default: $POLICYLENS_MODEL or the shipped model."""
    env = os.environ.get(MODEL_ENV)
    return Path(env) if env else DEFAULT_MODEL_DIR


def load_tagger(model_dir: str | Path | None = None,
                patterns: str | Path | None = None) -> Language:
    """Load a saved tagger (default: the shipped one; built from the patterns if absent),
    with a researcher's own pattern file added when ``patterns`` is given."""
    nlp = _load_tagger(model_dir)
    return add_patterns(nlp, patterns) if patterns is not None else nlp


def _load_tagger(model_dir: str | Path | None) -> Language:
    import spacy

    if model_dir is None and MODEL_ENV not in os.environ and not DEFAULT_MODEL_DIR.exists():
        # An installed package without the repository's models/: the patterns ship with it.
        return build_tagger()
    path = Path(model_dir) if model_dir is not None else default_model_dir()
    if not (path / "config.cfg").is_file():
        raise ModelError(
            f"no tagger at {path}",
            hint="pass --model with a directory written by scripts/build_model.py",
        )
    try:
        nlp = spacy.load(path)
    except (OSError, ValueError, KeyError) as exc:
        raise ModelError(f"cannot load the tagger at {path}: {exc}",
                         hint="rebuild it with scripts/build_model.py") from exc
    if "model_version" not in nlp.meta.get("policylens", {}):
        raise ModelError(f"{path} is a spaCy pipeline but not a policylens tagger",
                         hint="pass --model with a directory written by scripts/build_model.py")
    return fresh_tokenizer_cache(nlp)


def model_version(nlp: Language) -> str:
    """The version string of a tagger: changes whenever its patterns, data or code change."""
    try:
        return nlp.meta["policylens"]["model_version"]
    except KeyError:
        raise ModelError("this spaCy pipeline is not a policylens tagger") from None


def extract_mentions(doc: Doc, passage_id: str, text: str | None = None) -> list[Mention]:
    """The mentions the tagger found in a Doc, as records with character offsets.

    ``text``: the text the Doc was made from, when the caller has it (a span's text is then
    cut from it rather than rebuilt from the span's tokens: the same string)."""
    return list(_iter_mentions(doc, passage_id, text))


def _iter_mentions(doc: Doc, passage_id: str, text: str | None) -> Iterator[Mention]:
    for span in doc.spans.get(SPANS_KEY, []):
        start, end = span.start_char, span.end_char
        found = span.text if text is None else text[start:end]
        # Only an amount has no canonical name: its value and currency are its normal form.
        parsed = _parsed_amount(found) if span.label_ == "COST" and not span.kb_id else None
        yield Mention(
            passage_id=passage_id,
            label=span.label_,
            start=start,
            end=end,
            text=found,
            canonical=span.kb_id_ or None,
            amount=parsed[0] if parsed else None,
            currency=parsed[1] if parsed else None,
        )


# Distinct amount texts whose value is remembered: the same few recur ("£2 million").
AMOUNT_CACHE_SIZE = 10_000
_AMOUNTS: dict[str, tuple[float, str] | None] = {}


def _parsed_amount(text: str) -> tuple[float, str] | None:
    """parse_amount, remembered for the texts met most recently (it is a pure function)."""
    try:
        return _AMOUNTS[text]
    except KeyError:
        if len(_AMOUNTS) >= AMOUNT_CACHE_SIZE:
            _AMOUNTS.clear()
        found = _AMOUNTS[text] = parse_amount(text)
        return found


def save_tagger(nlp: Language, out_dir: str | Path) -> Path:
    """Write a tagger with ``nlp.to_disk``, replacing ``out_dir`` only once it is complete."""
    import shutil

    out_dir = Path(out_dir)
    tmp = out_dir.with_name(out_dir.name + ".tmp")
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    if tmp.exists():
        shutil.rmtree(tmp)
    nlp.to_disk(tmp)
    if out_dir.exists():
        shutil.rmtree(out_dir)
    tmp.rename(out_dir)
    return out_dir

