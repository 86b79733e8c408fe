"""Lookup keys for names: how a mention's text is matched to its canonical name."""

from __future__ import annotations

import re


def normalise_name(text: str) -> str:
    """Lookup key for a name: lower case, no trademark signs, hyphens and spaces as one space."""
    text = text.lower().replace("®", "").replace("™", "")
    return re.sub(r"[\s\-‐‑–]+", " ", text).strip()


def singular(key: str) -> str:
    """The key with its last word made singular by the regular English rules."""
    head, _, last = key.rpartition(" ")
    if last.endswith("ies") and len(last) > 4:
        last = last[:-3] + "y"
    elif last.endswith(("sses", "shes", "ches", "xes")):
        last = last[:-2]
    elif last.endswith("s") and not last.endswith(("ss", "us", "is")) and len(last) > 2:
        last = last[:-1]
    return f"{head} {last}" if head else last


