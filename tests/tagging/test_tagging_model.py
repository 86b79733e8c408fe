"""The shipped tagger: equal to a fresh build, loadable without pickle, versioned by its data."""

from __future__ import annotations

import pickle
import re
import shutil
from pathlib import Path

import pytest

from policylens.errors import ModelError
from policylens.tagging.pipeline import (
    DEFAULT_MODEL_DIR,
    PATTERNS_DIR,
    build_tagger,
    compute_model_version,
    extract_mentions,
    load_tagger,
    model_version,
    pattern_variants,
    plural,
    read_patterns,
    save_tagger,
)

ROOT = Path(__file__).resolve().parents[2]


def files_of(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_shipped_model_equals_a_fresh_build(tmp_path):
    assert (DEFAULT_MODEL_DIR / "config.cfg").is_file(), "run scripts/build_model.py"
    fresh = save_tagger(build_tagger(), tmp_path / "policy-tagger")
    shipped, rebuilt = files_of(DEFAULT_MODEL_DIR), files_of(fresh)
    assert sorted(shipped) == sorted(rebuilt)
    for name in ("config.cfg", "meta.json", "ruler/patterns",
                 "resolver/resolver.json"):
        assert name in shipped
    stale = [name for name in shipped if shipped[name] != rebuilt[name]]
    assert not stale, f"models/policy-tagger is stale in {stale}: run scripts/build_model.py"


def test_build_script_writes_the_model(tmp_path):
    import runpy

    script = runpy.run_path(str(ROOT / "scripts" / "build_model.py"))
    assert script["main"](["--out", str(tmp_path / "m")]) == 0
    assert files_of(tmp_path / "m") == files_of(DEFAULT_MODEL_DIR)


def test_loads_and_tags_with_pickle_disabled(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("the tagger must load without pickle")

    monkeypatch.setattr(pickle, "load", refuse)
    monkeypatch.setattr(pickle, "loads", refuse)
    monkeypatch.setattr(pickle, "Unpickler", refuse)
    import srsly

    monkeypatch.setattr(srsly, "pickle_loads", refuse)
    nlp = load_tagger(DEFAULT_MODEL_DIR)
    mentions = extract_mentions(nlp("NICE appraised Kymriah at £282,000."), "p")
    assert [m.label for m in mentions] == ["REGULATION", "REGULATION", "THERAPY", "COST"]


def test_plain_spacy_load_finds_the_components():
    import spacy

    nlp = spacy.load(DEFAULT_MODEL_DIR)
    doc = nlp("The MHRA licensed exa-cel.")
    assert [(s.text, s.label_, s._.canonical) for s in doc.spans["policy"]] == [
        ("MHRA", "REGULATION", "MHRA"), ("licensed", "REGULATION", "licensed"),
        ("exa-cel", "THERAPY", "exagamglogene autotemcel")]


def test_model_version_follows_the_patterns(tmp_path):
    shipped = load_tagger(DEFAULT_MODEL_DIR)
    assert model_version(shipped) == compute_model_version()
    patterns = tmp_path / "patterns"
    shutil.copytree(PATTERNS_DIR, patterns)
    with open(patterns / "therapy.jsonl", "a", encoding="utf-8") as fh:
        fh.write('{"label": "THERAPY", "pattern": "Zyntorix"}\n')
    changed = build_tagger(patterns_dir=patterns)
    assert model_version(changed) != model_version(shipped)
    assert [m.text for m in extract_mentions(changed(" Zyntorix works."), "p")] == ["Zyntorix"]
    assert extract_mentions(shipped(" Zyntorix works."), "p") == []


def test_bad_pattern_files_are_refused(tmp_path):
    patterns = tmp_path / "patterns"
    shutil.copytree(PATTERNS_DIR, patterns)
    with open(patterns / "cost.jsonl", "a", encoding="utf-8") as fh:
        fh.write('{"label": "MONEY", "pattern": "cash"}\n')
    with pytest.raises(ModelError, match="cost.jsonl"):
        read_patterns(patterns)
    shutil.copy(PATTERNS_DIR / "cost.jsonl", patterns / "cost.jsonl")
    with open(patterns / "cost.jsonl", "a", encoding="utf-8") as fh:
        fh.write('{"label": "COST", "pattern": "cash", "when": "on_tuesdays"}\n')
    with pytest.raises(ModelError, match="unknown condition"):
        read_patterns(patterns)


def test_load_tagger_errors(tmp_path, monkeypatch):
    with pytest.raises(ModelError, match="no tagger"):
        load_tagger(tmp_path)
    import spacy

    spacy.blank("en").to_disk(tmp_path / "blank")
    with pytest.raises(ModelError, match="not a policylens tagger"):
        load_tagger(tmp_path / "blank")
    broken = tmp_path / "broken"
    shutil.copytree(DEFAULT_MODEL_DIR, broken)
    (broken / "resolver" / "resolver.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(ModelError, match="cannot load"):
        load_tagger(broken)
    monkeypatch.setenv("POLICYLENS_MODEL", str(tmp_path / "nowhere"))
    with pytest.raises(ModelError, match="nowhere"):
        load_tagger()


def test_variants_and_plurals():
    assert plural("therapy") == "therapies"
    assert plural("ATMP") == "ATMPs"
    assert plural("nurses") is None
    assert plural("T-cell") is None
    assert pattern_variants("CAR-T cell") == [
        "CAR T cell", "CAR T cells", "CAR T-cell", "CAR T-cells", "CAR-T cell", "CAR-T cells",
        "CAR-T-cell", "CAR-T-cells"]
    assert "gene therapies" in pattern_variants("gene therapy")


def test_tokenizer_keeps_offsets_and_round_trips():
    nlp = load_tagger(DEFAULT_MODEL_DIR)
    text = "It cost £340m. The end"
    doc = nlp.make_doc(text)
    assert [t.text for t in doc][:5] == ["It", "cost", "£", "340", "m"]
    data = nlp.tokenizer.to_bytes()
    assert nlp.tokenizer.from_bytes(data) is nlp.tokenizer
    assert doc.text == text


def test_model_version_tracks_the_code_of_every_component():
    """Each registered component and the tokenizer come from a file the version hashes."""
    import inspect

    from spacy.util import registry

    from policylens.tagging.pipeline import TOKENIZER, code_files

    nlp = load_tagger(DEFAULT_MODEL_DIR)
    factories = [registry.factories.get(nlp.get_pipe_meta(name).factory)
                 for name in nlp.pipe_names if name != "ruler"]
    made = [*factories, registry.tokenizers.get(TOKENIZER)]
    tracked = code_files()
    for func in made:
        assert Path(inspect.getfile(func)).name in tracked, func
    # and what the components use: the context rules and the amount parser
    assert {"conditions.py", "amounts.py", "labels.py"} <= set(tracked)
    # reading and presenting mentions does not change what is found
    assert "evaluate.py" not in tracked and "render.py" not in tracked


def test_entry_points_in_pyproject_name_the_registered_components():
    tomllib = pytest.importorskip("tomllib")
    import importlib

    from spacy.util import registry

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    points = project["project"]["entry-points"]
    checked = 0
    for group, lookup in (("spacy_factories", registry.factories.get),
                          ("spacy_tokenizers", registry.tokenizers.get)):
        for name, target in points[group].items():
            module, _, attr = target.partition(":")
            assert getattr(importlib.import_module(module), attr) is lookup(name), name
            checked += 1
    assert checked == 7
    # Every component of the shipped tagger that is ours has one, so spacy.load finds it.
    config = (DEFAULT_MODEL_DIR / "config.cfg").read_text(encoding="utf-8")
    ours = set(re.findall(r'^factory = "(policylens_\w+)"', config, re.MULTILINE))
    assert len(ours) == 6 and ours <= set(points["spacy_factories"])


def test_resolve_is_pure_and_set_annotations_writes():
    from policylens.tagging.labels import CANDIDATES_KEY, SPANS_KEY

    nlp = load_tagger(DEFAULT_MODEL_DIR)
    text = "The MHRA licensed exa-cel; NHS staff shortages cost £2m a year."
    tagged = nlp(text)
    expected = [(s.start_char, s.end_char, s.label_, s.kb_id_) for s in tagged.spans[SPANS_KEY]]
    doc = nlp.make_doc(text)
    for name, proc in nlp.pipeline[:-1]:
        doc = proc(doc)
    resolver = nlp.get_pipe("resolver")
    n_candidates = len(doc.spans[CANDIDATES_KEY])
    first, second = resolver.resolve(doc), resolver.resolve(doc)
    assert [(s.start_char, s.end_char, s.label_, s.kb_id_) for s in first] == expected
    assert [(s.start, s.end) for s in second] == [(s.start, s.end) for s in first]
    assert SPANS_KEY not in doc.spans and len(doc.spans[CANDIDATES_KEY]) == n_candidates
    resolver.set_annotations(doc, first)
    assert [(s.start_char, s.end_char) for s in doc.spans[SPANS_KEY]] == [e[:2] for e in expected]
    assert CANDIDATES_KEY not in doc.spans
    assert {"REGULATION", "THERAPY", "NHS_WORKFORCE", "COST"} <= {e[2] for e in expected}


def test_a_fresh_tokenizer_cache_keeps_the_rules_and_the_tokens():
    from policylens.tagging.tokenizer import fresh_tokenizer_cache

    nlp = load_tagger(DEFAULT_MODEL_DIR)
    text = "It cost £340m. Dr. Patel's CAR-T cell therapy (Kymriah) was licensed."
    rules = dict(nlp.tokenizer.rules)
    before = [t.text for t in nlp.make_doc(text)]
    assert fresh_tokenizer_cache(nlp) is nlp
    assert dict(nlp.tokenizer.rules) == rules and "m." not in rules
    assert [t.text for t in nlp.make_doc(text)] == before
