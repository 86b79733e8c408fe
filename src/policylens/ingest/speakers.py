"""Speaker labels: the text that opens a turn in a debate transcript, for many parliaments.

A label is recognised from the text alone, at the start of a paragraph:

- Westminster: ``Mr Alan Whitby (Carlisle North) (Lab):``, ``The Minister for Health (Helen
  Carver):``, ``Mr Speaker:``;
- Oireachtas: ``Senator Lynn Ruane:``, ``Deputy Mary Lou McDonald:``, ``An Cathaoirleach:``,
  ``Minister of State at the Department of Transport (Deputy Anne Byrne):``;
- US Congressional Record: ``Mr. SCHUMER.``, ``Mrs. GREENE of Georgia.``,
  ``The PRESIDING OFFICER.``, ``The SPEAKER pro tempore (Mr. CUELLAR).``, and the entries of
  bills introduced, ``By Mr. SCHUMER (for himself and Mr. DURBIN):``;
- Lok Sabha: ``SHRI BENNY BEHANAN (CHALAKUDY):``, ``HON. SPEAKER:``,
  ``THE MINISTER OF FINANCE (SHRIMATI X):``;
- Australian Hansard: ``CHAIR:``, ``Senator RICE:``, ``Mr Smith:``, ``Mr DUTTON (Dickson)
  (14:02):``; New Zealand: ``Hon CHRIS HIPKINS (Prime Minister):``, ``CHRIS BISHOP
  (National—Hutt South):``;
- Kenya: ``Hon. (Eng.) Gumbo:``, ``Hon.Chepkong'a:``, ``Hon. A. B Duale:``, ``The Temporary
  Deputy Speaker (Hon. (Ms.) Shebesh):``, the Senate's ``Sen. (Dr.) Khalwale:``; councils: ``Councillor Fielding:``, ``Mayor Katz:``.

Every pattern needs either a title (Mr, Senator, SHRI, Hon...), an office (Chair, Speaker,
Cathaoirleach...), a role with the holder's name in brackets, or a seat and a known party; and
it ends with a colon, or, in the Congressional Record's style only (title and name in capitals),
with a full stop. "Mr. Smith said ..." and headings in capitals are therefore never labels.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

LABEL_CHARS = 400  # a speaker label (name, seat, party, role) ends before this many characters
MAX_NAME_WORDS = 8
NAME_CACHE = 4096  # speaker names whose normal spelling is remembered

# Titles before a Member's name, in any case ("Mr", "SHRI", "Senator", "Hon.").
_TITLE = (r"(?i:Mr|Mrs|Ms|Miss|Mx|Dr|Sir|Dame|Lord|Lady|Baroness|Baron|Viscount|Earl|Professor|"
          r"Prof|Rev|Revd|Bishop|Canon|Hon|Rt\.?\s+Hon|The\s+Hon|Councillor|Cllr|Mayor|"
          r"Deputy\s+Mayor|Alderman|Senator\s+the\s+Hon\.?|Senator|Sen|Deputy|Captain|Capt|Major|Col|Gen|Eng|Amb|Adv|"
          r"Shri|Shrimati|Smt|Kumari|Sushri|Kunwar|Sardar|Sadhvi|Swami)")
# Kenya's bracketed qualifiers after "Hon.": "Hon. (Eng.) Gumbo", "Hon. (Ms.) Muhia".
_QUALIFIER = r"(?:\s*\((?i:Eng|Ms|Mrs|Mr|Dr|Prof|Capt|Maj|Gen|Col|Rtd|Amb|Arch|Lt|CPA|Rev)\.?\))"
_PARTICLE = r"(?:de|del|della|van|von|da|di|du|al|bin|binti|ole|wa|arap|ni|le|la|mac|of)"
_NAME = rf"[A-Z][\w'’.\-]*(?:\s+(?:[A-Z][\w'’.\-]*|{_PARTICLE})){{0,5}}"
_PARTY = r"[A-Z][A-Za-z&/\- ]{0,20}"
# Without a title only a known party marks a speaker label ("Gene Therapy (Costs) (Update):" is
# a heading).
_KNOWN_PARTY = (r"(?:Con|Lab(?:/Co-op)?|LD|Lib Dem|SNP|DUP|PC|Green|Ind|Alliance|SDLP|UUP|"
                r"Reform|Reform UK|Alba|TUV|Co-op|Sinn F[ée]in|Independent|Labour|National|"
                r"ACT|NZ First|Te P[āa]ti M[āa]ori|Liberal|LP|ALP|Nats|AG|LNP|IND|FF|FG|SF|"
                r"Fianna F[áa]il|Fine Gael|Social Democrats|Labour Party)")
_TIME = r"(?:\s*\(\d{1,2}[:.]\d{2}\))?"  # Australian Hansard: "Mr DUTTON (Dickson) (14:02):"
# Who holds an office or role, in brackets: "(Deputy Anne Byrne)", "(Hon. (Ms.) Shebesh)".
_HOLDER = r"(?P<name>[A-Z](?:[^()]|\([^()]{1,12}\)){1,80}?)"
# First words of a role whose holder is named in brackets ("Nominated Member (Mr. X):").
_ROLE_START = (r"(?:The|THE|Minister|MINISTER|His|Her|HIS|HER|Assistant|ASSISTANT|Nominated|"
               r"NOMINATED|Parliamentary|PARLIAMENTARY|Leader|LEADER|Chief|CHIEF|Attorney|"
               r"ATTORNEY|Prime|PRIME|Cabinet|CABINET|Secretary|SECRETARY|Acting|ACTING|"
               r"Temporary|TEMPORARY)")
# Offices that speak under their title rather than a name (any case: "CHAIR", "An Cathaoirleach").
_OFFICE_TITLE = (r"(?i:(?:(?:Deputy|Acting|Temporary|Assistant|Vice|Leas|Second\s+Deputy)[\s-]+){0,3}"
                 r"(?:Chair(?:man|person|woman|lady)?|Speaker|President|Presiding\s+Officer|"
                 r"Clerk|Secretary[\s-]General|Cathaoirleach|Chathaoirleach|Ceann\s+Comhairle|"
                 r"Cheann\s+Comhairle|Taoiseach|T[áa]naiste|Mayor|Deputy\s+Mayor)"
                 r"(?:\s+pro\s+tempore)?)")
# An office with its article ("The Chair", "An Cathaoirleach", "Madam Speaker"), or bare and in
# capitals ("CHAIR:", "SPEAKER:"): a bare "Speaker:" opens an index entry, not a turn.
_OFFICE = (rf"(?:(?i:The|An|Hon\.?|Madam|Mr\.?|Mister)\s+{_OFFICE_TITLE}"
           rf"|(?=[A-Z][A-Z\s-]*[A-Z]\s*[(:]){_OFFICE_TITLE})")
# Congressional Record names are set in capitals: "SCHUMER", "McCONNELL", "VAN HOLLEN".
_CAPS_WORD = r"(?:Mc|Mac|O'|O’|De|Di|La|Le)?[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’\-]+(?:\s?[\u0300-\u036f\u00b4])?"

COLON_PATTERNS = (
    # Mr Alan Whitby (Carlisle North) (Lab):  /  Mr. Ojode (Ndhiwa):  /  Hon CHRIS HIPKINS (PM):
    re.compile(rf"^(?P<name>{_TITLE}(?:\.|\s){_QUALIFIER}*\s*{_NAME})\s*\((?P<seat>[^()]{{2,80}})\)"
               rf"(?:\s*\((?P<party>{_PARTY})\))?{_TIME}\s*:\s*"),
    # Sarah Moss (Leeds East) (Con): -- modern Hansard drops the title; seat and party say it
    re.compile(rf"^(?P<name>[A-Z][\w'’.\-]+(?:\s+[A-Z][\w'’.\-]+){{1,3}})\s*"
               rf"\((?P<seat>[^()]{{2,80}})\)\s*\((?P<party>{_KNOWN_PARTY})\){_TIME}\s*:\s*"),
    # CHRIS BISHOP (National—Hutt South): -- New Zealand puts the party before the seat
    re.compile(rf"^(?P<name>[A-Z][A-Z'’.\-]+(?:\s+[A-Z][A-Z'’.\-]+){{1,4}})\s*"
               rf"\((?P<party>{_KNOWN_PARTY})\s*[—–-]\s*(?P<seat>[^()]{{2,60}})\){_TIME}\s*:\s*"),
    # The Minister for Health (Helen Carver):  /  Minister of State at ... (Deputy Anne Byrne):
    # / THE MINISTER OF FINANCE (SHRIMATI X):  /  His Excellency the President (Mr. Moi):
    re.compile(rf"^(?P<role>{_ROLE_START}\s+[A-Za-z][^():\n]{{2,160}}?)\s*\({_HOLDER}\){_TIME}"
               rf"\s*:\s*"),
    # Mr Speaker: / An Cathaoirleach: / CHAIR: / HON. SPEAKER: / ACTING CHAIR (Senator Smith):
    re.compile(rf"^(?P<name>{_OFFICE}|(?:Several\s+|An\s+|Some\s+)?(?:Hon\.?|Honourable)\s+Members?)"
               rf"(?:\s*\((?P<holder>(?:[^()]|\([^()]{{1,12}}\)){{1,60}})\))?\s*:\s*"),
    # Councillor Smith: / Dr. Nair: / Senator Lynn Ruane: / Hon. (Eng.) Gumbo: / SHRI X:
    re.compile(rf"^(?P<name>{_TITLE}(?:\.|\s){_QUALIFIER}*\s*{_NAME}){_TIME}\s*:\s*"),
)
# Labels ending with a full stop: the Congressional Record's style only.
STOP_PATTERNS = (
    # Congressional Record: Mr. SCHUMER.  /  Mrs. GREENE of Georgia.  /  Mr. JEFFRIES (during
    # the reading).
    # (a small-capital name may lose letters to another line: "Mr. M GOVERN.")
    # (a Member who shares a surname is named in full: "Mr. DANNY K. DAVIS of Illinois.")
    re.compile(rf"^(?P<name>(?:Mr|Mrs|Ms|Miss|Dr)\.\s+(?:[A-Z]\s)?{_CAPS_WORD}"
               rf"(?:\s+[A-Z]\.)?(?:\s+{_CAPS_WORD}){{0,2}}"
               rf"(?:\s+of\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+){{0,2}})?)"
               rf"(?:\s*\([^()]{{1,60}}\))?\.(?:\s+|$)"),
    # The PRESIDING OFFICER.  /  The SPEAKER pro tempore (Mr. CUELLAR).  /  The Acting CHAIR.
    re.compile(r"^(?P<name>The\s+(?:(?:ACTING|Acting|DEPUTY|Deputy|VICE|Vice)\s+)?"
               r"(?:SPEAKER|PRESIDENT|PRESIDING\s+OFFICER|CHAIR(?:MAN|WOMAN)?|CLERK|"
               r"CHIEF\s+JUSTICE)(?:\s+pro\s+tempore)?)(?:\s*\([^()]{1,60}\))?\.(?:\s+|$)"),
)
# The Congressional Record's entries for bills introduced and the statements that go with them
# open with the Member who brought the bill in: "By Mr. HARLOW (for himself and Ms. VAN DORN):",
# "By Mrs. OKAFOR of Ohio:". The Record attributes the entry to that Member (the co-sponsors
# are named in the brackets, not speaking). The list of co-sponsors may run past LABEL_CHARS,
# and on into the next column: an entry whose brackets are still open at its paragraph's end
# opens the turn too ("By Ms. OKAFOR (for herself, Mr. HARLOW," / "and Ms. VAN DORN):"). A bill
# brought in at the request of the Executive is "By Mr. HARLOW (by request):".
# The same Member's resolution or amendment, printed in full: "Mr. HARLOW (for himself and Ms.
# VAN DORN) submitted the following resolution; which was referred to ...:".
BY_CHARS = 1200
_CR_MEMBER = (rf"(?P<name>(?:Mr|Mrs|Ms|Miss|Dr)\.\s+{_CAPS_WORD}(?:\s+[A-Z]\.)?"
              rf"(?:\s+{_CAPS_WORD}){{0,2}}(?:\s+of\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+){{0,2}})?)")
_COSPONSORS = rf"\s*\((?i:for\s+(?:him|her|them)|by\s+request)[^()]{{0,{BY_CHARS}}}"
BY_PATTERN = re.compile(rf"^By\s+{_CR_MEMBER}(?:{_COSPONSORS}(?:\)\s*:\s*|$)|\s*:\s*)")
SUBMITTED_PATTERN = re.compile(
    rf"^{_CR_MEMBER}(?:{_COSPONSORS}\))?\s+submitted\s+the\s+following\b")
_PARTY_ONLY = re.compile(rf"({_KNOWN_PARTY}|Crossbench|CB|Non-Afl)")
_PARTY_LAST = re.compile(r",\s*(CPC|Lib\.|NDP|BQ|GP|Ind\.|Con|Lab|LD|SNP|Green)\s*$")
_PARTY_FIRST = re.compile(rf"({_KNOWN_PARTY})\s*[—–]")
SPEAKER_PATTERNS = COLON_PATTERNS + STOP_PATTERNS
# A label in a script of South Asia or in Arabic script ("माननीय अध्यक्ष :", Lok Sabha; Sinhala and
# Tamil in Sri Lanka): a turn begins. Its name is recorded only where the label gives it in Latin
# letters too ("ගරු ... (The Hon. Speaker):"): such text often comes out of a PDF with letters
# missing or out of order, and a garbled name would split or merge Members. The label stays in
# the text either way.
_OTHER_SCRIPT = r"\u0600-\u06FF\u0900-\u0DFF"
OTHER_SCRIPT_LABEL = re.compile(
    rf"^[{_OTHER_SCRIPT}][{_OTHER_SCRIPT}.'’\-]*(?:\s+(?:[{_OTHER_SCRIPT}.'’\-]+|\([^()]{{1,40}}\)))"
    rf"{{0,5}}\s?:\s")
_LATIN_ALIAS = re.compile(r"\(((?:The\s+)?[A-Z][A-Za-z.'’\- ]{2,60})\)")
NOT_DELIVERED = "∑"
_STOP_START = ("Mr.", "Mrs.", "Ms.", "Miss", "Dr.", "The ")


@dataclass(frozen=True)
class Turn:
    """A speaker turn's attribution."""

    speaker: str | None
    party: str | None
    role: str | None = None


_INITIALS = re.compile(r"(?<![\w'’])([A-Z])(?:\.\s*|\s+)(?=[A-Z])")
_LOOSE_ACCENT = re.compile(r"\s?[\u0300-\u036f\u00b4]")  # "GARCIA ́": an accent set apart
_TITLE_GLUED = re.compile(r"^(Hon|Mr|Mrs|Ms|Dr)\.(?=[A-Z][a-z])")


_WHITESPACE = re.compile(r"\s+")


@functools.lru_cache(maxsize=NAME_CACHE)
def normalise_name(name: str) -> str:
    """One spelling for one label: spaces folded, initials spaced ("A.B Duale" -> "A. B. Duale"),
    a title glued to the name parted ("Hon.Chepkong'a" -> "Hon. Chepkong'a")."""
    # Cached: a debate names the same few Members in hundreds of labels.
    name = _WHITESPACE.sub(" ", _LOOSE_ACCENT.sub("", name)).strip()
    name = _TITLE_GLUED.sub(r"\1. ", name)
    return _WHITESPACE.sub(" ", _INITIALS.sub(r"\1. ", name)).strip()


def short_name(name: str) -> str:
    """'Mr Alan Whitby' -> 'Mr Whitby': the label Hansard uses for a Member's later turns."""
    parts = name.split()
    return f"{parts[0]} {parts[-1]}" if len(parts) > 2 else name


def match_speaker(text: str) -> tuple[Turn, str] | None:
    """If ``text`` opens a speaker turn, the turn and the text after the speaker's label."""
    if text.startswith(NOT_DELIVERED):
        # The Record marks a statement not spoken on the floor with a bullet ("∑ Mr. DOE. Mr.
        # President, I rise ..."); it is still that Member's.
        return match_speaker(text[1:].lstrip())
    # Most paragraphs: no colon near the start and no "Mr. DOE." opening, so no pattern to try.
    patterns = COLON_PATTERNS if ":" in text[:LABEL_CHARS] else ()
    if text.startswith(_STOP_START):
        patterns += STOP_PATTERNS
    if text.startswith("By "):
        m = BY_PATTERN.match(text)
    else:  # (find: no copy of the paragraph's head for the many paragraphs without it)
        m = SUBMITTED_PATTERN.match(text) if text.find("submitted the", 0, BY_CHARS) > 0 else None
    if m:
        # The entry stays whole in the text: its brackets name the co-sponsors.
        return Turn(normalise_name(m.group("name")), None), text
    if not patterns:
        return None
    if not text[:1].isascii() and (m := OTHER_SCRIPT_LABEL.match(text)):
        alias = _LATIN_ALIAS.findall(m.group(0))
        return Turn(normalise_name(alias[-1]) if alias else None, None), text
    for pattern in patterns:
        m = pattern.match(text)
        if not m:
            continue
        groups = m.groupdict()
        name = normalise_name(groups["name"])
        if len(name.split()) > MAX_NAME_WORDS:
            continue
        party, role = groups.get("party"), groups.get("role")
        seat = groups.get("seat")
        if not party and seat:
            # Peers have no seat: "Lord Bethell (Con):". New Zealand prints the party before
            # the seat: "(Labour—Te Atatū)"; Canada after it: "(Carleton, CPC)".
            lead = (_PARTY_ONLY.fullmatch(seat.strip()) or _PARTY_FIRST.match(seat)
                    or _PARTY_LAST.search(seat))
            party = lead.group(1) if lead else None
        holder = groups.get("holder")
        if holder:  # "CHAIR (Senator Smith):": the holder speaks, in the office
            name, role = normalise_name(holder), name
        if role and _PARTY_ONLY.fullmatch(name):
            name, party, role = normalise_name(role), name, None  # "The Earl of Effingham (Con):"
        return Turn(name, party.strip() if party else None, role), text[m.end():]
    return None


# A heading set in capitals run into the label that follows it ("QUESTION PERIOD Councillor
# Mayes: ..."), as some transcripts' text layers give it.
_CAPS_LEAD = re.compile(r"^((?:(?:[A-Z0-9][A-Z0-9,.'’&()\-–—]*|[–—\-∑])\s+){1,15})(?=[A-Z][a-z])")
MIN_LEAD_LETTERS = 4  # "PRAYERS Mr. Speaker:" is a heading run in; "I Mr. Smith:" is not


def split_heading_label(text: str) -> tuple[str, tuple[Turn, str]] | None:
    """A heading in capitals followed by a speaker label: (heading, (turn, rest))."""
    m = _CAPS_LEAD.match(text)
    if not m or sum(ch.isalpha() for ch in m.group(1)) < MIN_LEAD_LETTERS:
        return None
    found = match_speaker(text[m.end():])
    if not found:
        return None
    return m.group(1).strip().rstrip(NOT_DELIVERED).rstrip(), found
