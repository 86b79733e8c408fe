"""Pure text fixers: str -> str, no PDF needed.

They repair what PDF extraction leaves behind: ligatures and odd Unicode, words broken by a
hyphen at the end of a line, stray whitespace.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence

# Characters NFKC leaves alone but that readers (and the tagger) expect in plain form.
_TRANSLATE = str.maketrans({
    "\u00ad": "",    # soft hyphen: an invisible break point, never text
    "\u200b": "",    # zero-width space
    "\u200c": "",
    "\u200d": "",
    "\ufeff": "",
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2033": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2212": "-",
    "\u2022": "•", "\uf0b7": "•",  # private-use bullet from Symbol fonts
})

# A hyphenated line end is kept as a hyphen when the part before it is one of these:
# they start real compounds ("cost-effective", "long-term") far more often than they are
# broken words.
COMPOUND_PREFIXES = frozenset({
    "cost", "long", "short", "well", "self", "non", "co", "one", "two", "three", "high", "low",
    "front", "first", "second", "third", "real", "world", "life", "so", "full", "part", "off",
    "all", "ex", "cross", "multi", "post", "pre", "anti", "end", "year", "day", "state", "take",
    "follow", "top", "up", "in", "on", "under", "over", "time", "value", "evidence", "patient",
    "gene", "cell", "stem", "car", "t", "x", "b", "nhs", "mid", "half", "age", "world-class",
})

_HYPHEN_END = re.compile(r"([A-Za-z][A-Za-z'-]*)-$")
_LEAD_WORD = re.compile(r"^([a-z][A-Za-z']*[.,;:!?)\]\"']*)(.*)$", re.S)
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")


# An accent drawn as a character of its own after its vowel ("distribucio´n", "GARCI´A"):
# NFKC would make it a space and a combining accent, splitting the word. An acute standing for
# an apostrophe ("it´s", "you´re") is left alone.
_SPACING_ACCENT = re.compile("(?<=[AEIOUYaeiouy])\u00b4(?!(?:s|t|re|ll|ve|d|m)\\b)"
                             "|(?<=[AEIOUYaeiouy])[\u02c6\u00a8\u02da](?=[^\\W\\d_])"
                             "|(?<=[AONaon])\u02dc(?=[^\\W\\d_])")
_ANY_SPACING_ACCENT = re.compile("[\u00b4\u02dc\u02c6\u00a8\u02da]")
_COMBINING = {"\u00b4": "\u0301", "\u02dc": "\u0303", "\u02c6": "\u0302", "\u00a8": "\u0308",
              "\u02da": "\u030a"}


# A reader may put a space after such an accent, before the rest of the word. Taken out only
# inside a name: capitals on both sides ("CA´ RDENAS"), or a capitalised word going on in small
# letters ("Ca´ rdenas"); "cafe´ con leche" keeps its space.
_ACCENT_GAP = re.compile("(\\b(?:[A-Z]+[AEIOUY]|[A-Z][a-z]*[aeiouy])\u00b4) (?=(?<=[A-Z]\u00b4 )[A-Z]|"
                         "(?<=[a-z]\u00b4 )[a-z])")


def _combine(m: re.Match) -> str:
    return _COMBINING[m.group(0)]


# What normalise_unicode looks for before it runs a step: a character _TRANSLATE maps, and a
# space _SPACES would change (an odd one, or two in a row).
_TRANSLATED_CHAR = re.compile("[" + "".join(re.escape(chr(k)) for k in _TRANSLATE) + "]")
_TRANSLATION = {chr(k): v if isinstance(v, str) else "" if v is None else chr(v)
                for k, v in _TRANSLATE.items()}
_ODD_SPACE = re.compile("[\t\u00a0\u2000-\u200a\u202f\u205f\u3000]|  ")


def _translated(m: re.Match) -> str:
    return _TRANSLATION[m.group(0)]


def normalise_unicode(text: str) -> str:
    """Fold ligatures (ﬁ -> fi), full-width forms, odd quotes and spaces to plain text."""
    # Each step runs only where it has something to change: a reader calls this on every run
    # of text beyond ASCII, and each regex or translate over a line costs ~10 us.
    if _ANY_SPACING_ACCENT.search(text):  # rare: the search is a tenth of the cost of the sub
        if "\u00b4 " in text:
            text = _ACCENT_GAP.sub(r"\1", text)
        text = _SPACING_ACCENT.sub(_combine, text)
    text = unicodedata.normalize("NFKC", text)
    if _TRANSLATED_CHAR.search(text):  # str.translate looks up every character in a dict
        text = _TRANSLATED_CHAR.sub(_translated, text)
    if not text.isprintable():  # printable text has no control or format character to drop
        text = "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch)[0] != "C")
    return _SPACES.sub(" ", text) if _ODD_SPACE.search(text) else text


def join_hyphenated(lines: Sequence[str], vocabulary: Iterable[str] = ()) -> list[str]:
    """Rejoin words broken by a hyphen at a line end; returns the fixed lines.

    "regula-" + "tion" becomes "regulation" on the first line. The hyphen is kept when the
    next line starts with a capital or digit ("CAR-" + "T"), when the part before it starts a
    common compound ("cost-" + "effective"), or when the hyphenated form is in
    ``vocabulary`` (words seen elsewhere in the same document) and the joined one is not.
    A set is taken as already lowercase and used as it is.
    """
    # Lowercasing a whole document's vocabulary for every paragraph made long documents
    # quadratic (most of the time of a 200-page debate went here).
    vocab = vocabulary if isinstance(vocabulary, (set, frozenset)) else {
        w.lower() for w in vocabulary}
    out = list(lines)
    for i in range(len(out) - 1):
        if not out[i].rstrip().endswith("-"):
            continue  # most lines: no regex needed
        m = _HYPHEN_END.search(out[i].rstrip())
        nxt = _LEAD_WORD.match(out[i + 1].lstrip())
        if not m or not nxt:
            continue
        head, tail = m.group(1), nxt.group(1)
        word_tail = tail.rstrip(".,;:!?)]\"'")  # punctuation after the word moves up with it
        last_part = head.rsplit("-", 1)[-1].lower()
        joined, hyphened = (head + word_tail).lower(), f"{head}-{word_tail}".lower()
        keep = (last_part in COMPOUND_PREFIXES and joined not in vocab) or (
            hyphened in vocab and joined not in vocab
        )
        glue = "-" if keep else ""
        out[i] = out[i].rstrip()[: -len(head) - 1] + head + glue + tail
        out[i + 1] = nxt.group(2).lstrip()
    return out


def join_lines(lines: Iterable[str]) -> str:
    """Join the lines of one paragraph into a single line of text (hyphen gaps closed)."""
    text = " ".join(filter(None, map(str.strip, lines)))
    if "- " in text:
        text = close_hyphen_gaps(text)
    if text.isascii() and "  " not in text and "\t" not in text:
        return text  # the usual case: nothing for the regex to do
    return _SPACES.sub(" ", text).strip()


# "short- and long-term": a hyphen left open before one of these is meant (suspended).
SUSPENDED_BEFORE = frozenset({"and", "or", "nor", "to", "and/or", "as", "but", "than", "through",
                              "versus", "vs", "vs.", "if"})
_HYPHEN_GAP = re.compile(r"(?<=[^\W_])- +(?=([^\W_][\w/.]*))")


def close_hyphen_gaps(text: str) -> str:
    """Close the space after a hyphen inside a compound: "Sub- Saharan" -> "Sub-Saharan",
    "Prime Minister- designate" -> "Prime Minister-designate", "pp. 1436- 46" -> "1436-46".

    Such gaps come from a compound broken at a line end ("Sub-" / "Saharan") or from text
    reflowed by its typist. A gap before "and", "or", "to"... is a suspended hyphen ("short-
    and long-term") and stays.
    """
    return _HYPHEN_GAP.sub(
        lambda m: m.group(0) if m.group(1).lower() in SUSPENDED_BEFORE else "-", text)


BULLETS = "•▪●■◦◆►➢✓"  # list markers (Symbol's private-use bullet is already folded to •)
_BULLET_INSIDE = re.compile(rf"\s+(?=[{BULLETS}]\s)")
_BULLET = re.compile(rf"[{BULLETS}]")


def split_bullets(text: str) -> list[str]:
    """A paragraph holding several list items ("• one • two") as one text per item.

    Lists set without space between their items reach us as one paragraph; the lead-in before
    the first marker ("encompassing:") stays a text of its own.
    """
    if text.isascii() or not _BULLET.search(text):
        return [text]  # every marker is beyond ASCII: most paragraphs are settled at once
    return [piece.strip() for piece in _BULLET_INSIDE.split(text) if piece.strip()]


def normalise_for_repeat(line: str) -> str:
    """A line's shape for spotting running headers: digits and case do not matter."""
    return re.sub(r"\d+", "#", line.lower()).strip()


_PAGE_NUMBER = re.compile(
    r"^(?:page\s*)?[-–(\[]?\s*#\s*[-–)\]]?(?:\s*(?:of|/)\s*#)?$|^(?:col(?:umn)?\.?\s*)?#\s*[a-z]{0,3}$"
)


def looks_like_page_number(line: str) -> bool:
    """'3', 'Page 3 of 7', '- 3 -', '345WH': furniture, not text."""
    return is_page_number_shape(normalise_for_repeat(line))


def is_page_number_shape(shape: str) -> bool:
    """:func:`looks_like_page_number` for a line already put through normalise_for_repeat."""
    return bool(_PAGE_NUMBER.match(shape))


_GARBAGE_CHAR = re.compile(r"\(cid:\d+\)|[\ue000-\uf8ff\ufffd]")
_GARBAGE_GLYPH = re.compile(r"[\ue000-\uf8ff\ufffd]")  # _GARBAGE_CHAR's characters


def garbage_ratio(text: str) -> float:
    """Share of a text that is unmapped glyphs ("(cid:12)", private-use, U+FFFD)."""
    if not text:
        return 0.0
    if "(cid:" not in text and (text.isascii() or not _GARBAGE_GLYPH.search(text)):
        # The usual case, seen without the alternation (which the regex engine tries at every
        # character: 3.4 ms on a 50-page debate, the character class alone 1 ms).
        return 0.0
    bad = sum(len(m.group(0)) for m in _GARBAGE_CHAR.finditer(text))
    return bad / len(text)


_WORDLIKE = re.compile(r"[A-Za-z]{2,}")
MAX_WORD_CHARS = 40  # longer tokens are not words (a URL or a line whose spaces were lost)
_VOWEL = re.compile(r"[aeiouyAEIOUY]")


def wordlike_ratio(text: str | Counter[str]) -> float:
    """Share of tokens that look like words of a Latin-script language (with vowels).

    Text from fonts without a Unicode map often extracts as consonant soup or symbols, or as
    shifted letters with the spaces lost (one "word" a line); real prose scores above 0.6.
    Takes the text, or its tokens already counted (``Counter(text.split())``).
    """
    # Each distinct token is judged once.
    tokens = text if isinstance(text, Counter) else Counter(text.split())
    if not tokens:
        return 0.0
    good = sum(n for t, n in tokens.items()
               if len(t) <= MAX_WORD_CHARS and _WORDLIKE.search(t) and _VOWEL.search(t))
    return good / tokens.total()
