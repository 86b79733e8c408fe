"""Blocks -> passages: speeches split at speaker turns, reports at paragraphs and headings.

Every passage holds 40-400 words where the text allows: long speeches are cut at paragraph
(then sentence) boundaries, and a short turn ("Order." or a one-line intervention) joins a
neighbouring passage, which keeps the speaker who said most of it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace

from ..records import Passage, make_passage_id
from .clean import close_hyphen_gaps, normalise_for_repeat, split_bullets
from .docinfo import find_date
from .layout import Block
from .speakers import LABEL_CHARS, Turn, match_speaker, short_name, split_heading_label

MAX_HEADING_CHARS = 200  # headings in a row are joined up to this length (not a contents list)
MIN_WORDS = 40
MAX_WORDS = 400
TARGET_WORDS = 220  # paragraphs are grouped up to about this size before a new passage starts

_TERMINAL = re.compile(r"[.?!:;\"')\]]$")
_SENTENCE_END = re.compile(r"(?<=[.?!])\s+(?=[A-Z\"'(])")
_PROCEDURAL = re.compile(r"^\[[^\]]{1,80}\bin the Chair\]$", re.I)


@dataclass
class _Unit:
    """A speaker turn or a report section: consecutive paragraphs with one attribution."""

    turn: Turn
    heading: str | None
    paragraphs: list[tuple[int, str]] = field(default_factory=list)  # (page, text)
    labelled: bool = False  # opened by a speaker label in the text


RUNNING_HEAD_PAGES = 3  # a heading on this many pages, only its numbers changing, is a page head


def _running_heads(blocks: Sequence[Block]) -> set[str]:
    """Shapes of headings that recur on several pages with changing numbers ("February 24,
    2021 CONGRESSIONAL RECORD — SENATE S843"): page heads the layout kept, which must not
    end a speech the way a debate's heading does."""
    pages: dict[str, set[int]] = {}
    texts: dict[str, set[str]] = {}
    for block in blocks:
        if block.heading and any(ch.isdigit() for ch in block.text):
            shape = normalise_for_repeat(block.text)
            pages.setdefault(shape, set()).add(block.page)
            texts.setdefault(shape, set()).add(block.text)
    return {shape for shape, on in pages.items()
            if len(on) >= RUNNING_HEAD_PAGES and len(texts[shape]) > 1}


def match_turns(blocks: Sequence[Block]) -> list[tuple[Turn, str] | None]:
    """For each block, the speaker turn its text opens (see :func:`match_speaker`), or None:
    found once and shared by :func:`segment` and :func:`count_turns`."""
    return [match_speaker(block.text) for block in blocks]


# Where a turn may begin inside a paragraph: after a sentence's end, a capitalised label of the
# colon kind ("... in the State? SHRIMATI X: Sir, the hon. Member ..."), as a transcript that
# sets short exchanges as one paragraph has it.
_INNER_LABEL = re.compile(r"(?<=[.?!\u0964])\s+(?=[A-Z][^:\n]{1,120}:\s)")  # (U+0964: danda)


def _inner_turns(block: Block, found: tuple[Turn, str] | None) -> list[int]:
    """Where turns begin inside the block's text, after its first sentence (and after the
    label it opens with, ``found``): the offsets of speakers' labels that end with a colon
    ("Mr. SMITH." in a sentence is a name)."""
    if block.heading or ":" not in block.text:
        return []
    text, starts = block.text, []
    for m in _INNER_LABEL.finditer(text, len(text) - len(found[1]) if found else 0):
        window = text[m.end():m.end() + LABEL_CHARS]
        found = match_speaker(window)
        if (found and found[0].speaker and found[1] is not window
                and window[:len(window) - len(found[1])].rstrip().endswith(":")):
            starts.append(m.end())
    return starts


def _with_inner_turns(blocks: Sequence[Block], turns: Sequence[tuple[Turn, str] | None]
                      ) -> Iterator[tuple[Block, tuple[Turn, str] | None]]:
    """Each block with the turn it opens; a block holding other turns after its first
    sentence is cut before each of their labels, each piece with its own turn."""
    for block, found in zip(blocks, turns):
        starts = _inner_turns(block, found)
        if not starts:
            yield block, found
            continue
        text = block.text
        first = replace(block, text=text[:starts[0]].rstrip())
        if found:  # the first turn's words end where the next label begins
            found = (found[0], found[1][:len(found[1]) - (len(text) - len(first.text))])
        yield first, found
        for a, b in zip(starts, [*starts[1:], len(text)]):
            piece = replace(block, text=text[a:b].rstrip(), column_start=False)
            yield piece, match_speaker(piece.text)


# Letters set apart for display ("C O N T E N T S", "S U B J E C T"): four or more capitals,
# each followed by one space.
_SPACED_LETTERS = re.compile(r"\b(?:[A-Z] ){3,}[A-Z]\b")
# The heading of a contents list or index: it heads the list, never the debate after it.
CONTENTS_HEADING = re.compile(r"^\W*(?:table\s+of\s+)?(?:contents|index|subject\s*pages?)\W*$",
                              re.I)


# A paragraph that introduces a document printed after it: "... as follows:", "the
# following:", "the following new title:".
INTRODUCTION_CHARS = 80  # the cue is at the paragraph's end: only its tail is searched
_INTRODUCES = re.compile(r"\b(?:as\s+follows|the\s+following(?:\s+[\w-]+){0,3})\s*:\s*$", re.I)
# A Member who has a document printed in the Congressional Record says so in the turn: "I include
# in the RECORD a letter from ...", "I ask unanimous consent to insert in the RECORD ...".
_INCLUDES = re.compile(r"\b(?:include|insert|submit|enter)\s+(?:\S+\s+){0,2}?(?:in|into|for)\s+the\s+"
                       r"RECORD\b")


# A section heading set in roman capitals, as the Congressional Record and the Lok Sabha set
# theirs ("EXECUTIVE COMMUNICATIONS, ETC.", "ADDITIONAL SPONSORS", "OBITUARY REFERENCES"), where
# the layout finds bold and large headings only. It ends the turn before it: what follows (a
# list of letters or of co-sponsors, a notice) is the record's, not the last speaker's. It is
# kept as text, where it was, not taken for the passages' heading: a line in capitals is a
# heading only by this weaker sign.
MIN_CAPS_HEADING_LETTERS = 6  # "G-20", "NAYS—218" are no headings
MIN_CAPS_WORD = 4  # nor are a figure's labels ("MSP MSP"): a heading has a word this long
MAX_CAPS_HEADING_WORDS = 16
_NOT_CAPITAL = re.compile(r"[^\W\d_A-ZÀ-ÖØ-Þ]")  # lower case, or a script without capitals
_CAPS_WORD_RUN = re.compile(rf"[A-Z]{{{MIN_CAPS_WORD},}}")


# ... unless the speaker goes on after it, addressing the House again: a Speaker's
# communications, one heading each, under one label ("Hon. Members, my office has ...").
_ADDRESSES_HOUSE = re.compile(
    r"^(?:[A-Z][a-z]+,\s+)?"  # "Now, Mr. President, on a different matter ..."
    r"(?:(?:Several\s+|The\s+)?Hon(?:ourable|orable|\.)?\s+Members|"
    r"(?:Mr\.?|Madam|Hon\.?)\s+(?:Temporary\s+|Deputy\s+)*(?:Speaker|President|Chair\w*)|"
    r"Your\s+Excellency)\s*[,!]")


def is_caps_heading(text: str) -> bool:
    """Whether a paragraph is a heading set in capitals: capital letters only, a few words, one of
    them a real word; no label or introduction (a colon at its end), no stage direction in
    brackets ("(APPLAUSE)"), no quoted or run-in part of a bill ("(2) EXCESS CREDIT.—")."""
    text = text.strip()
    if (not text or text[0] in "([\"'‘“" or text[-1] in ":;,—–-"
            or len(text.split()) > MAX_CAPS_HEADING_WORDS or _NOT_CAPITAL.search(text)):
        return False
    return (sum(ch.isalpha() for ch in text) >= MIN_CAPS_HEADING_LETTERS
            and _CAPS_WORD_RUN.search(text) is not None)


def without_contents(heading: str) -> str | None:
    """A heading with a contents-list heading at its end taken off ("LOK SABHA DEBATES —
    CONTENTS" -> "LOK SABHA DEBATES"); None when nothing is left."""
    parts = heading.split(" — ")
    while parts and CONTENTS_HEADING.match(parts[-1]):
        parts.pop()
    return " — ".join(parts) or None


def unspace_letters(text: str) -> str:
    """Letter-spaced capitals closed up: "C O N T E N T S" -> "CONTENTS"."""
    return _SPACED_LETTERS.sub(lambda m: m.group(0).replace(" ", ""), text)


def _units(blocks: Sequence[Block], turns: Sequence[tuple[Turn, str] | None]) -> list[_Unit]:
    running = _running_heads(blocks)
    units: list[_Unit] = []
    heading: str | None = None
    turn = Turn(None, None)
    members: dict[str, Turn] = {}
    current: _Unit | None = None
    stacked = False  # the last block was a heading
    # The speaker introduced a text printed within the turn ("The text of the bill is as
    # follows:", "add the following:"): its headings (TITLE I, SEC. 101.) are inside it and do
    # not end the turn; the next speaker label does.
    inserting = False
    held: Turn | None = None  # the turn a heading in capitals ended, until the next paragraph
    for block, found in _with_inner_turns(blocks, turns):
        if block.heading and running and normalise_for_repeat(block.text) in running:
            continue
        if block.heading and not found:
            if stacked and heading and len(heading) + len(block.text) < MAX_HEADING_CHARS:
                # A heading straight after a heading: its second line ("SEC. 1001. FOOD SUPPLY
                # CHAIN AND AGRI-" / "CULTURE PANDEMIC RESPONSE.") or a subsection under a
                # title; kept together, so neither is lost.
                heading = _join_heading(heading, unspace_letters(block.text))
            else:
                heading = unspace_letters(block.text)
            if not inserting:
                turn = Turn(None, None)
            current, stacked = None, True
            continue
        stacked = False
        if (len(block.text.split(None, 6)) <= 6 and find_date(block.text)) or _PROCEDURAL.match(
                block.text):
            continue  # the sitting's date line, "[Mrs X in the Chair]": not speech
        text = block.text
        if held and not found and _ADDRESSES_HOUSE.match(text):
            turn, current = held, None
        held = None
        if not found and turn.speaker and not inserting and is_caps_heading(text):
            # The turn ends; the heading stays in the text, as the first words of what follows.
            # (Inside a text printed within a turn, capitals are the printed text's own.)
            held, turn, current = turn, Turn(None, None), None
        if not found and (split := split_heading_label(text)):
            heading, found = split
        if found:
            turn, text = found
            inserting = False
            if heading:
                heading = without_contents(heading)  # the list is over: the debate has begun
            if turn.party and turn.speaker:
                members[turn.speaker] = turn
                members.setdefault(short_name(turn.speaker), turn)
            elif turn.speaker:
                # Later turns use a short label ("Mr Whitby:") and omit the party: attribute
                # them to the Member named in full earlier in the same document.
                known = members.get(turn.speaker) or members.get(short_name(turn.speaker))
                if known:
                    turn = Turn(known.speaker, known.party, turn.role)
            current = _Unit(turn, heading, labelled=True)
            units.append(current)
            if not text.strip():
                continue
        elif (current and current.paragraphs and block.column_start and not block.indented
              and not _TERMINAL.search(current.paragraphs[-1][1])):
            # A paragraph running on from the foot of the previous column or page.
            page, prev = current.paragraphs[-1]
            current.paragraphs[-1] = (page, _join_run_on(prev, text))
            continue
        if current is None:
            current = _Unit(turn, heading)
            units.append(current)
        current.paragraphs.extend((block.page, item) for item in split_bullets(text.strip()))
        if turn.speaker and not inserting and (
                (text.rstrip().endswith(":") and _INTRODUCES.search(text[-INTRODUCTION_CHARS:]))
                or ("RECORD" in text and _INCLUDES.search(text))):
            inserting = True
    return [u for u in units if u.paragraphs]


# Words that end or begin a line of a heading set over two lines, not a heading of their own.
_RUN_ON_WORDS = frozenset({"of", "the", "and", "for", "to", "in", "on", "with", "a", "an", "or",
                           "by", "at", "from", "&"})


def _join_heading(prev: str, nxt: str) -> str:
    """Two headings in a row as one: a line run on ("AGRI-" / "CULTURE", "Heart Failure" /
    "in Adults") joins as text, a heading under a heading after a dash."""
    if prev.endswith("-") or nxt[:1].islower():
        return _join_run_on(prev, nxt)
    if (prev.endswith(",") or prev.rsplit(None, 1)[-1].lower() in _RUN_ON_WORDS
            or nxt.split(None, 1)[0].lower() in _RUN_ON_WORDS):
        return f"{prev} {nxt}"  # "REPORT OF THE" / "STANDING POLICY COMMITTEE"
    return f"{prev} — {nxt}"


def _join_run_on(prev: str, nxt: str) -> str:
    if prev.endswith("-") and nxt[:1].islower():
        return prev[:-1] + nxt
    return close_hyphen_gaps(prev + " " + nxt)  # "Sub-" / "Saharan": a compound, no space


def _split_long(text: str) -> list[tuple[str, int]]:
    """Cut a paragraph of more than MAX_WORDS at sentence ends (at word counts if need be);
    each piece with its number of words."""
    n = len(text.split())
    if n <= MAX_WORDS:
        return [(text, n)]
    pieces, current = [], []
    for sentence in _SENTENCE_END.split(text):
        words = sentence.split()
        while len(words) > MAX_WORDS:  # one sentence longer than a passage: cut it
            pieces.append(" ".join(words[:MAX_WORDS]))
            words = words[MAX_WORDS:]
        if current and len(current) + len(words) > TARGET_WORDS:
            pieces.append(" ".join(current))
            current = []
        current.extend(words)
    if current:
        pieces.append(" ".join(current))
    return [(piece, len(piece.split())) for piece in pieces]


@dataclass
class _Chunk:
    turn: Turn
    heading: str | None
    page: int
    paragraphs: list[str]
    # for each paragraph, the speaker whose label opened it in the text (None if it opened none)
    labels: list[str | None] = field(default_factory=list)
    words_by_speaker: dict[tuple[str | None, str | None], int] = field(default_factory=dict)
    n_words: int = 0

    def add(self, paragraph: str, key: tuple[str | None, str | None], n: int,
            label: str | None = None) -> None:
        self.paragraphs.append(paragraph)
        self.labels.append(label)
        self.words_by_speaker[key] = self.words_by_speaker.get(key, 0) + n
        self.n_words += n

    def absorb(self, other: _Chunk, before: bool = False) -> None:
        self.paragraphs = (other.paragraphs + self.paragraphs) if before else (
            self.paragraphs + other.paragraphs)
        self.labels = (other.labels + self.labels) if before else self.labels + other.labels
        if before:
            self.page = other.page
        for key, n in other.words_by_speaker.items():
            self.words_by_speaker[key] = self.words_by_speaker.get(key, 0) + n
        self.n_words += other.n_words


def _chunks(units: Sequence[_Unit]) -> list[_Chunk]:
    chunks: list[_Chunk] = []
    for unit in units:
        current: _Chunk | None = None
        label = unit.turn.speaker if unit.labelled else None
        for page, paragraph in unit.paragraphs:
            for piece, n in _split_long(paragraph):
                if current is None or current.n_words + n > MAX_WORDS or (
                    current.n_words >= TARGET_WORDS
                ):
                    current = _Chunk(unit.turn, unit.heading, page, [])
                    chunks.append(current)
                current.add(piece, (unit.turn.speaker, unit.turn.party), n, label)
                label = None
    return chunks


def _merge_short(chunks: list[_Chunk]) -> list[_Chunk]:
    """Join passages under MIN_WORDS to a neighbour when the result stays within MAX_WORDS."""
    out: list[_Chunk] = []
    pending: _Chunk | None = None  # a short chunk waiting to join the next one
    for chunk in chunks:
        if pending is not None:
            if pending.n_words + chunk.n_words <= MAX_WORDS:
                chunk.absorb(pending, before=True)
            else:
                out.append(pending)
            pending = None
        if chunk.n_words >= MIN_WORDS:
            out.append(chunk)
        elif out and out[-1].n_words + chunk.n_words <= MAX_WORDS and out[-1].heading == chunk.heading:
            out[-1].absorb(chunk)
        else:
            pending = chunk
    if pending is not None:
        if out and out[-1].n_words + pending.n_words <= MAX_WORDS:
            out[-1].absorb(pending)
        else:
            out.append(pending)
    return out


def _labelled_paragraphs(chunk: _Chunk) -> list[str]:
    """The chunk's paragraphs; where it holds several speakers' turns, each turn opens with its
    speaker's label, so a short turn merged into a neighbour still says who spoke it."""
    if len(chunk.words_by_speaker) < 2:
        return chunk.paragraphs
    # (an entry that keeps its label in its text, "By Mr. HARLOW: H.R. 12. A bill ...", has it)
    return [f"{label}: {text}" if label and label not in text[:len(label) + 4] else text
            for label, text in zip(chunk.labels, chunk.paragraphs)]


def segment(doc_id: str, blocks: Sequence[Block],
            turns: Sequence[tuple[Turn, str] | None] | None = None) -> list[Passage]:
    """Passages for one document, in reading order, with speaker and party where present.

    ``turns`` is :func:`match_turns` of the blocks, when the caller has it already.
    """
    if turns is None:
        turns = match_turns(blocks)
    passages = []
    for seq, chunk in enumerate(_merge_short(_chunks(_units(blocks, turns)))):
        (speaker, party), _ = max(chunk.words_by_speaker.items(), key=lambda kv: kv[1])
        paragraphs = _labelled_paragraphs(chunk)
        passages.append(Passage(
            passage_id=make_passage_id(doc_id, seq), doc_id=doc_id, page=chunk.page, seq=seq,
            text="\n\n".join(paragraphs), speaker=speaker, party=party,
            heading=chunk.heading,
            # The chunk counted its paragraphs' words; labels added to them are counted anew.
            n_words=chunk.n_words if paragraphs is chunk.paragraphs else -1,
        ))
    return passages


def count_turns(blocks: Sequence[Block],
                turns: Sequence[tuple[Turn, str] | None] | None = None) -> int:
    """How many blocks open a speaker turn (a sign of a debate transcript); ``turns`` is
    :func:`match_turns` of the blocks, when the caller has it already."""
    if turns is None:
        turns = match_turns(blocks)
    return sum(1 for b, found in zip(blocks, turns) if found or split_heading_label(b.text))
