"""Blocks -> passages: speeches split at speaker turns, reports at paragraphs and headings.

Every passage holds 40-400 words where the text allows: long speeches are cut at paragraph
(then sentence) boundaries, and a short turn ("Order." or a one-line intervention) joins a
neighbouring passage, which keeps the speaker who said most of it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..records import Passage, make_passage_id
from .docinfo import find_date
from .layout import Block

MIN_WORDS = 40
MAX_WORDS = 400
TARGET_WORDS = 220  # paragraphs are grouped up to about this size before a new passage starts

_TITLE = (r"(?:Mr|Mrs|Ms|Miss|Mx|Dr|Sir|Dame|Lord|Lady|Baroness|Baron|Viscount|Earl|"
          r"Professor|Prof|Rev|Revd|Hon|Councillor|Mayor|Deputy\s+Mayor|Senator|Captain)")
_NAME = r"[A-Z][\w'’.\-]*(?:\s+(?:[A-Z][\w'’.\-]*|de|van|von|da|al|bin|ole|wa)){0,5}"
_PARTY = r"[A-Z][A-Za-z&/\- ]{0,20}"
# Without a title only a known party marks a speaker label ("Gene Therapy (Costs) (Update):" is
# a heading).
_KNOWN_PARTY = (r"(?:Con|Lab(?:/Co-op)?|LD|Lib Dem|SNP|DUP|PC|Green|Ind|Alliance|SDLP|UUP|"
                r"Reform|Reform UK|Alba|TUV|Co-op|Sinn F[ée]in|Independent)")

SPEAKER_PATTERNS = (
    # Mr Alan Whitby (Carlisle North) (Lab):  /  Mr. Ojode (Ndhiwa):
    re.compile(rf"^(?P<name>{_TITLE}\.?\s+{_NAME})\s*\((?P<seat>[^()]{{2,80}})\)"
               rf"(?:\s*\((?P<party>{_PARTY})\))?\s*:\s*"),
    # Sarah Moss (Leeds East) (Con): -- modern Hansard drops the title; seat and party say it
    re.compile(rf"^(?P<name>[A-Z][\w'’.\-]+(?:\s+[A-Z][\w'’.\-]+){{1,3}})\s*"
               rf"\((?P<seat>[^()]{{2,80}})\)\s*\((?P<party>{_KNOWN_PARTY})\)\s*:\s*"),
    # The Minister for Health (Helen Carver):
    re.compile(r"^(?P<role>The\s+[A-Z][^():\n]{3,140}?)\s*\((?P<name>[^()]{2,60})\)\s*:\s*"),
    # Mr Speaker: / Madam Deputy Speaker: / The Chair: / Hon. Members:
    re.compile(r"^(?P<name>(?:Mr\.?|Madam|Mrs\.?)\s+(?:Deputy\s+)?Speaker|The\s+(?:Temporary\s+)?"
               r"(?:Deputy\s+)?(?:Chair(?:man|person)?|Speaker)|(?:Several\s+|An\s+)?Hon\.?\s+"
               r"Members?)(?:\s*\([^()]{1,60}\))?\s*:\s*", re.I),
    # Councillor Smith: / Dr. Nair:
    re.compile(rf"^(?P<name>{_TITLE}\.?\s+{_NAME})\s*:\s*"),
)
LABEL_CHARS = 400  # a speaker label (name, seat, party, role) ends with a colon before this
_TERMINAL = re.compile(r"[.?!:;\"')\]]$")
_SENTENCE_END = re.compile(r"(?<=[.?!])\s+(?=[A-Z\"'(])")


_PROCEDURAL = re.compile(r"^\[[^\]]{1,80}\bin the Chair\]$", re.I)


def _short_name(name: str) -> str:
    """'Mr Alan Whitby' -> 'Mr Whitby': the label Hansard uses for a Member's later turns."""
    parts = name.split()
    return f"{parts[0]} {parts[-1]}" if len(parts) > 2 else name


@dataclass(frozen=True)
class Turn:
    """A speaker turn's attribution."""

    speaker: str | None
    party: str | None
    role: str | None = None


def match_speaker(text: str) -> tuple[Turn, str] | None:
    """If ``text`` opens a speaker turn, the turn and the text after the speaker's name."""
    if ":" not in text[:LABEL_CHARS]:
        return None  # most paragraphs: no label, no need to try every pattern
    for pattern in SPEAKER_PATTERNS:
        m = pattern.match(text)
        if not m:
            continue
        groups = m.groupdict()
        name = re.sub(r"\s+", " ", groups["name"]).strip()
        if len(name.split()) > 8:
            continue
        party = groups.get("party")
        return Turn(name, party.strip() if party else None, groups.get("role")), text[m.end():]
    return None


@dataclass
class _Unit:
    """A speaker turn or a report section: consecutive paragraphs with one attribution."""

    turn: Turn
    heading: str | None
    paragraphs: list[tuple[int, str]] = field(default_factory=list)  # (page, text)


def _units(blocks: Sequence[Block]) -> list[_Unit]:
    units: list[_Unit] = []
    heading: str | None = None
    turn = Turn(None, None)
    members: dict[str, Turn] = {}
    current: _Unit | None = None
    for block in blocks:
        if block.heading and not match_speaker(block.text):
            heading = block.text
            turn, current = Turn(None, None), None
            continue
        if (len(block.text.split(None, 6)) <= 6 and find_date(block.text)) or _PROCEDURAL.match(
                block.text):
            continue  # the sitting's date line, "[Mrs X in the Chair]": not speech
        found = match_speaker(block.text)
        text = block.text
        if found:
            turn, text = found
            if turn.party and turn.speaker:
                members[turn.speaker] = turn
                members.setdefault(_short_name(turn.speaker), turn)
            else:
                # Later turns use a short label ("Mr Whitby:") and omit the party: attribute
                # them to the Member named in full earlier in the same document.
                known = members.get(turn.speaker) or members.get(_short_name(turn.speaker))
                if known:
                    turn = Turn(known.speaker, known.party, turn.role)
            current = _Unit(turn, heading)
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
        current.paragraphs.append((block.page, text.strip()))
    return [u for u in units if u.paragraphs]


def _join_run_on(prev: str, nxt: str) -> str:
    if prev.endswith("-") and nxt[:1].islower():
        return prev[:-1] + nxt
    return prev + " " + nxt


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
    words_by_speaker: dict[tuple[str | None, str | None], int] = field(default_factory=dict)
    n_words: int = 0

    def add(self, paragraph: str, key: tuple[str | None, str | None], n: int) -> None:
        self.paragraphs.append(paragraph)
        self.words_by_speaker[key] = self.words_by_speaker.get(key, 0) + n
        self.n_words += n

    def absorb(self, other: _Chunk, before: bool = False) -> None:
        self.paragraphs = (other.paragraphs + self.paragraphs) if before else (
            self.paragraphs + other.paragraphs)
        if before:
            self.page = other.page
        for key, n in other.words_by_speaker.items():
            self.words_by_speaker[key] = self.words_by_speaker.get(key, 0) + n
        self.n_words += other.n_words


def _chunks(units: Sequence[_Unit]) -> list[_Chunk]:
    chunks: list[_Chunk] = []
    for unit in units:
        current: _Chunk | None = None
        for page, paragraph in unit.paragraphs:
            for piece, n in _split_long(paragraph):
                if current is None or current.n_words + n > MAX_WORDS or (
                    current.n_words >= TARGET_WORDS
                ):
                    current = _Chunk(unit.turn, unit.heading, page, [])
                    chunks.append(current)
                current.add(piece, (unit.turn.speaker, unit.turn.party), n)
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


def segment(doc_id: str, blocks: Sequence[Block]) -> list[Passage]:
    """Passages for one document, in reading order, with speaker and party where present."""
    passages = []
    for seq, chunk in enumerate(_merge_short(_chunks(_units(blocks)))):
        (speaker, party), _ = max(chunk.words_by_speaker.items(), key=lambda kv: kv[1])
        passages.append(Passage(
            passage_id=make_passage_id(doc_id, seq), doc_id=doc_id, page=chunk.page, seq=seq,
            text="\n\n".join(chunk.paragraphs), speaker=speaker, party=party,
            heading=chunk.heading,
        ))
    return passages


def count_turns(blocks: Sequence[Block]) -> int:
    """How many blocks open a speaker turn (a sign of a debate transcript)."""
    return sum(1 for b in blocks if match_speaker(b.text))
