"""The one writer of benchmarks/RESULTS.md: each benchmark replaces only its own section."""

from __future__ import annotations

import re
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"


def write_section(heading: str, section: str, path: Path = RESULTS) -> None:
    """Replace (or append) the section that starts with ``heading``, keeping the others."""
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmark results\n"
    pattern = re.compile(rf"^{re.escape(heading)}\n.*?(?=^## |\Z)", re.MULTILINE | re.DOTALL)
    if pattern.search(text):
        text = pattern.sub(lambda _: section.rstrip("\n") + "\n\n", text, count=1)
    else:
        text = text.rstrip("\n") + "\n\n" + section
    path.write_text(text.rstrip("\n") + "\n", encoding="utf-8")


def publish(heading: str, section: str, write: bool = True, path: Path = RESULTS) -> None:
    """Print a benchmark's section and, unless ``write`` is false (--no-write), put it in
    RESULTS.md in place of its previous one."""
    print(section)
    if write:
        write_section(heading, section, path)
