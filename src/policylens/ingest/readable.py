"""Which text of a page can be read: runs and pages in fonts without a Unicode map are left out.

A font with no way back to Unicode gives characters that mean nothing: pdfminer writes them as
``(cid:N)``, the pdfium reader as U+FFFD (PDFium flags them), and a font whose codes are the
wrong letters gives consonant soup. A font of a script of South Asia whose map gives each
glyph's letter in the order the glyphs are drawn (the vowel sign ि before its consonant, vowel
signs as boxes of their own) gives words no reader can read, though every character in them
is a real letter. A document often has such text only in places (a Lok Sabha day is English
with Hindi passages set in a font mapped only in part), so the judgement is made per run of
words and per page: what cannot be read is left out and recorded as a
:class:`~policylens.records.DroppedPage`, and the rest of the document is kept.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import replace

from ..records import DroppedPage
from .clean import garbage_ratio, wordlike_ratio
from .pdf import HEAD_WORDS, PageData

# A run (the words of one font on one line) that is more unmapped than this is left out whole:
# the few characters left between the unmapped ones are fragments, not words.
MAX_UNMAPPED_RUN = 0.5
# A page that loses more than this share of its characters is left out whole.
MAX_UNMAPPED_PAGE = 0.5
MAX_GARBAGE = 0.15       # share of unmapped glyphs above which text is not passed on
MIN_WORDLIKE = 0.45      # share of word-like tokens below which Latin-script text is garbage
SUSPECT_VOWELS = 0.22   # share of vowels below which a page's text is judged word by word
SUSPECT_SAMPLE = 2000   # characters of a page whose vowels are counted
MIN_JUDGED_TOKENS = 30   # a page with fewer Latin-letter tokens is too short to judge alone

# What the readers write for a character without a Unicode map (private-use characters are
# symbol fonts' glyphs more often than lost text: garbage_ratio counts them, this does not).
_UNMAPPED = re.compile(r"\(cid:\d+\)|\ufffd")
_LATIN = re.compile(r"[A-Za-z\u00aa\u00b5\u00ba\u00c0-\u024f\u1e00-\u1eff]")
# A letter of a script other than Latin: tokens holding one are not judged by Latin word shapes.
_NON_LATIN = re.compile(r"[^\W\d_A-Za-z\u00aa\u00b5\u00ba\u00c0-\u024f\u1e00-\u1eff]")

# The scripts of South Asia (Devanagari to Sinhala): their vowel signs and other combining marks
# always follow the letter they belong to, so a word that starts with one is in the order the
# glyphs were drawn, not in Unicode's.
_INDIC = "\u0900-\u0dff"
_INDIC_MARKS = "".join(ch for ch in map(chr, range(0x0900, 0x0E00))
                       if unicodedata.category(ch).startswith("M"))
_INDIC_LETTER = re.compile(f"[{_INDIC}]")
_MARK_FIRST = re.compile(f"(?:^|\\s)[{_INDIC_MARKS}]")
_ANY_LETTER = re.compile(r"[^\W\d_]")
MIN_MISORDERED = 3         # words starting with a vowel sign that show a page's script is garbled
MIN_MISORDERED_SHARE = 0.03  # ... and their share of its words in that script (real text: none)
_SOUTH_ASIAN = "South Asian script"
SAME_LINE = 3.0            # points: runs whose tops differ by less share a line

UNMAPPED_FONT = "unmapped-font"
UNMAPPED_TEXT = "unmapped-text"
DAMAGED = "damaged"


def latin_tokens(tokens: Counter[str]) -> Counter[str]:
    """The tokens of Latin script (and plain ASCII symbols): the ones word shapes can judge.

    Correctly mapped Devanagari, Greek or Cyrillic is readable text, not garbage, even though
    it has none of the vowels :func:`~policylens.ingest.clean.wordlike_ratio` looks for.
    """
    return Counter({t: n for t, n in tokens.items()
                    if t.isascii() or (_LATIN.search(t) and not _NON_LATIN.search(t))})


def is_unreadable(tokens: Counter[str], text: str) -> bool:
    """True when text (and its counted tokens) is garbage: unmapped glyphs or consonant soup."""
    if garbage_ratio(text) > MAX_GARBAGE:
        return True
    latin = latin_tokens(tokens)
    return bool(latin) and wordlike_ratio(latin) < MIN_WORDLIKE


def _visible(text: str) -> int:
    """Characters drawn: spaces aside, and "(cid:N)" one character, as PDFium's U+FFFD."""
    if "(cid:" in text:
        text = _UNMAPPED.sub("\ufffd", text)
    return len(text) - text.count(" ")


def _suspect(text: str) -> bool:
    """True when text may not be words: few vowels among its characters (consonant soup,
    shifted letters, numbers, another script). Prose in Latin letters is a third vowels; a
    page that is not suspect is not judged word by word, which would cost a tenth of its time.
    """
    text = text[:SUSPECT_SAMPLE]  # a page of soup is soup throughout
    visible = len(text) - text.count(" ")
    return sum(map(text.count, "aeiouyAEIOUY")) < SUSPECT_VOWELS * visible


def keep_readable(page: PageData, garbled: set[str] | None = None
                  ) -> tuple[PageData, DroppedPage | None]:
    """The page without its unreadable text, and what was left out (None when nothing was).

    Unmapped words are dropped from their run, a run mostly unmapped is dropped whole, and so
    are the words of a script whose letters come out in drawing order (see
    :func:`misordered_script`); a page that would lose most of its text to unmapped glyphs,
    or whose Latin-script text is not made of words, is dropped whole (its words emptied, its
    number kept). ``garbled``, when given, carries the judgement from page to page of one
    document: once a script is found garbled, its words on later pages go too (a page with a
    line or two of it is no sample alone, and not every garbled word shows it).
    """
    words, total, lost = page.words, 0, 0
    text = " ".join([w.text for w in words])
    marked = "\ufffd" in text or "(cid:" in text
    if marked:
        kept = []
        for word in words:
            size = _visible(word.text)
            total += size
            if not _UNMAPPED.search(word.text):
                kept.append(word)
                continue
            tokens = word.text.split(" ")
            good = [t for t in tokens if not _UNMAPPED.search(t)]
            good_size = sum(map(_visible, good))
            if good and good_size >= (1 - MAX_UNMAPPED_RUN) * size:
                kept.append(word._replace(text=" ".join(good)))
            else:
                good_size = 0
            lost += size - good_size
        words = kept
        text = " ".join(w.text for w in words)
    misordered = _INDIC_LETTER.search(text) is not None and misordered_script(text, garbled)
    unmapped = lost
    if misordered:
        if not marked:
            total = sum(_visible(w.text) for w in words)
        words, dropped = _without_script(words)
        lost += dropped
        text = " ".join(w.text for w in words)
    soup = False
    if _suspect(text):
        tokens = Counter(text.split())
        # Judged on its own only when it has enough words in Latin letters: a Hindi page's
        # few numbers and stops are no sample of anything.
        lettered = sum(n for t, n in latin_tokens(tokens).items() if _LATIN.search(t))
        soup = lettered >= MIN_JUDGED_TOKENS and is_unreadable(tokens, text)
    why = " or ".join(filter(None, ("in fonts without a Unicode map" if marked else "",
                                    "in a font that gives letters in drawing order, not as "
                                    "written" if misordered else "")))
    # What is left between unmapped glyphs is fragments; what is left of a page once a garbled
    # script is taken out is the text in other scripts, whole (an English speech beside it).
    if soup or unmapped > MAX_UNMAPPED_PAGE * total or (lost and not words):
        detail = (f"{lost:,} of {total:,} characters {why}" if lost
                  else "its text is not made of words (a font that maps to the wrong letters)")
        return (_replace_words(page, []),
                DroppedPage(page.number, UNMAPPED_FONT, "the whole page: " + detail))
    if not lost:
        return page, None
    return (_replace_words(page, words),
            DroppedPage(page.number, UNMAPPED_TEXT, f"{lost:,} of {total:,} characters {why}"))


def misordered_script(text: str, garbled: set[str] | None = None) -> bool:
    """True when the text's words in a script of South Asia are in the order their glyphs were
    drawn: several of them (a real share) start with a vowel sign, which Unicode text never
    does, or an earlier page of the document showed it (the script is in ``garbled``). Adds
    the script to ``garbled`` when it is."""
    if garbled is not None and _SOUTH_ASIAN in garbled:
        return True  # one font for the script throughout: "सभापित" is garbled with no sign
    misordered = len(_MARK_FIRST.findall(text))
    if not misordered:
        return False
    in_script = sum(1 for token in text.split() if _INDIC_LETTER.search(token))
    if misordered < MIN_MISORDERED or misordered < MIN_MISORDERED_SHARE * in_script:
        return False
    if garbled is not None:
        garbled.add(_SOUTH_ASIAN)
    return True


def _without_script(words: list) -> tuple[list, int]:
    """The runs without their words in a script of South Asia, and the characters dropped. A
    run left with no letter goes whole, and so does a run of no letter on a line that lost
    words: numbers and stops from between the words (set in another font), not a table's."""
    kept, lost, cut_lines = [], 0, set()
    for word in words:
        if not _INDIC_LETTER.search(word.text):
            kept.append(word)
            continue
        cut_lines.add(round(word.top / SAME_LINE))
        good = [t for t in word.text.split(" ") if not _INDIC_LETTER.search(t)]
        rest = " ".join(good)
        if _ANY_LETTER.search(rest):
            kept.append(word._replace(text=rest))
            lost += _visible(word.text) - _visible(rest)
        else:
            lost += _visible(word.text)
    out = []
    for word in kept:
        line = round(word.top / SAME_LINE)
        if ({line - 1, line, line + 1} & cut_lines) and not _ANY_LETTER.search(word.text):
            lost += _visible(word.text)
        else:
            out.append(word)
    return out, lost


def _replace_words(page: PageData, words: list) -> PageData:
    raw = None if page.raw_text is None else " ".join(w.text for w in words[:HEAD_WORDS])
    return replace(page, words=words, raw_text=raw)


def describe_dropped(pages: Iterable[tuple[int, str]]) -> str:
    """(page, reason) pairs in page order, in a line: "pages 16-20, 22 (unmapped-font); page
    40 (unmapped-text)"."""
    by_reason: dict[str, list[int]] = {}
    for page, reason in pages:
        by_reason.setdefault(reason, []).append(page)
    parts = []
    for reason, numbers in by_reason.items():
        spans, start = [], None
        for i, p in enumerate(numbers):
            start = p if start is None else start
            if i + 1 == len(numbers) or numbers[i + 1] != p + 1:
                spans.append(str(p) if start == p else f"{start}-{p}")
                start = None
        parts.append(f"{'page' if len(numbers) == 1 else 'pages'} {', '.join(spans)} ({reason})")
    return "; ".join(parts)
