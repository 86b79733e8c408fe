"""Rebuild the shipped tagger, models/policy-tagger/, from the pattern and data files.

The build is deterministic: the same pattern files give the same model files (a test
compares the shipped model with a fresh build).

    python scripts/build_model.py [--out models/policy-tagger]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from policylens.tagging.pipeline import DEFAULT_MODEL_DIR, build_tagger, model_version, save_tagger


def main(argv: list[str] | None = None) -> int:
    """Build the tagger and save it; print where and which version to stderr."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_MODEL_DIR,
                        help=f"output directory (default: {DEFAULT_MODEL_DIR})")
    args = parser.parse_args(argv)
    nlp = build_tagger()
    save_tagger(nlp, args.out)
    print(f"wrote {args.out} (model version {model_version(nlp)})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
