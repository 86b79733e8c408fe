"""Show the tagger's mentions in text: plain text marked inline, or HTML (displaCy's span
view)."""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING

from policylens.errors import InputError
from policylens.tagging.labels import LABELS, SPANS_KEY

if TYPE_CHECKING:
    from spacy.language import Language

LABEL_COLORS = {
    "THERAPY": "#9fd3c7",
    "COST": "#f6d186",
    "REGULATION": "#c3aed6",
    "NHS_WORKFORCE": "#f4a6a6",
}
assert set(LABEL_COLORS) == set(LABELS)


def split_render_input(content: str, jsonl: bool = False) -> list[str]:
    """Texts to render: each JSONL line's "text", or the paragraphs of plain text."""
    if jsonl:
        texts = []
        for lineno, line in enumerate(content.splitlines(), 1):
            if not line.strip():
                continue
            try:
                texts.append(json.loads(line)["text"])
            except (json.JSONDecodeError, KeyError, TypeError) as exc:
                raise InputError(f"line {lineno}: no JSON object with a \"text\" ({exc})") from exc
        return texts
    return [p.strip() for p in re.split(r"\n\s*\n", content) if p.strip()]


def render_html(nlp: Language, texts: list[str]) -> str:
    """A standalone HTML page with each text's mentions highlighted by label."""
    import warnings

    from spacy import displacy

    if not texts:
        raise InputError("nothing to render: the input has no text")
    docs = list(nlp.pipe(texts))
    with warnings.catch_warnings():
        # A text without mentions is a normal result, not something to warn about.
        warnings.filterwarnings("ignore", message=r"\[W117\]")
        return displacy.render(
            docs, style="span", page=True, jupyter=False,
            options={"spans_key": SPANS_KEY, "colors": LABEL_COLORS},
        )


def mark_mentions(text: str, mentions) -> str:
    """``text`` with each mention written ``[text | LABEL]``, or ``[text | LABEL: normal]``
    when it has a canonical name that differs from its text, or an amount."""
    out, last = [], 0
    for m in sorted(mentions, key=lambda m: (m.start, m.end)):
        if m.start < last:  # overlapping spans are not written twice
            continue
        normal = ""
        if m.amount is not None:
            normal = f"{m.amount:,.0f}" + (f" {m.currency}" if m.currency else "")
        elif m.canonical and m.canonical != m.text:
            normal = m.canonical
        out += [text[last:m.start], f"[{m.text} | {m.label}{': ' + normal if normal else ''}]"]
        last = m.end
    out.append(text[last:])
    return "".join(out)


def render_text(nlp: Language, texts: list[str]) -> str:
    """The texts, a blank line between them, with their mentions marked inline."""
    from policylens.tagging.pipeline import extract_mentions

    if not texts:
        raise InputError("nothing to render: the input has no text")
    return "\n\n".join(mark_mentions(doc.text, extract_mentions(doc, ""))
                        for doc in nlp.pipe(texts))
