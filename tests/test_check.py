"""`policylens check`: every rule with its exact FILE:LINE message, --fix, and the regression guard."""

from __future__ import annotations

import inspect
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from policylens.check import Finding, check_files, is_token_boundary, trimmed_span
from policylens.cli import cli

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"

# Offsets: "NICE" 0-4, "gene therapy" 14-26, "costs" 27-32, "£1.8 million a year" 33-52, "." 52.
TEXT = "NICE said the gene therapy costs £1.8 million a year."
GOOD = {"text": TEXT, "spans": [{"start": 0, "end": 4, "label": "REGULATION"},
                                {"start": 14, "end": 26, "label": "THERAPY"},
                                {"start": 33, "end": 52, "label": "COST"}],
        "meta": {"source": "test", "date": "2023-09-07"}}
OTHER = {"text": "Staff shortages slow the roll-out.", "spans": [
    {"start": 0, "end": 15, "label": "NHS_WORKFORCE"}]}


def runner() -> CliRunner:
    """A runner that keeps stderr apart from stdout on every supported Click version."""
    if "mix_stderr" in inspect.signature(CliRunner).parameters:  # Click < 8.2
        return CliRunner(mix_stderr=False)
    return CliRunner()


def sample(spans: list | None = None, **changes) -> str:
    """GOOD as a JSON line, with its spans or other keys replaced."""
    data = {**GOOD, **changes}
    if spans is not None:
        data["spans"] = spans
    return json.dumps({k: v for k, v in data.items() if v is not DROP}, ensure_ascii=False)


DROP = object()


def span(start: int, end: int, label: str = "THERAPY") -> dict:
    return {"start": start, "end": end, "label": label}


def write(path: Path, *lines: str, newline: str = "\n") -> Path:
    path.write_bytes("".join(line + newline for line in lines).encode("utf-8"))
    return path


# Each case: the second line of a file (the first is a good sample) and the messages expected
# for that line, exactly.
CASES = [
    ("invalid-json", '{"text": "NICE", "spans": [}',
     [("invalid JSON (Expecting value at column 28): each line must be one JSON object such as "
       '{"text": "...", "spans": []}')]),
    ("not-an-object", "[1, 2]",
     [('line is a JSON list, not an object: each line must be one sample such as '
       '{"text": "...", "spans": []}')]),
    ("blank-line", "   ", ["blank line: remove it (--fix does)"]),
    ("missing-text", sample(text=DROP, spans=[]),
     ['missing "text": give the passage as a string']),
    ("text-not-string", sample(text=42, spans=[]), ['"text" must be a string, not number']),
    ("text-empty", sample(text=" ", spans=[]),
     ['"text" is empty: give the passage, or remove the line']),
    ("missing-spans", sample(spans=DROP),
     ['missing "spans": add "spans": [] if the text has no mention']),
    ("spans-not-list", sample(spans={"start": 0}),
     ['"spans" must be a list of {"start", "end", "label"} objects, not object']),
    ("span-not-object", sample(spans=[[0, 4, "COST"]]),
     ['span 1 must be an object {"start", "end", "label"}, not list']),
    ("span-missing-keys", sample(spans=[{"label": "COST"}, {"start": 0, "end": 4}]),
     ['span 1 is missing "start": give the character offset where the mention begins',
      'span 1 is missing "end": give the character offset where the mention ends (exclusive)',
      'span 2 is missing "label": add one of THERAPY, COST, REGULATION, NHS_WORKFORCE']),
    ("offset-not-int", sample(spans=[{"start": "0", "end": 4.0, "label": "REGULATION"}]),
     ['span 1 "start" must be a whole number (a character offset), not "0"',
      'span 1 "end" must be a whole number (a character offset), not 4.0']),
    ("offset-bool", sample(spans=[{"start": False, "end": 4, "label": "REGULATION"}]),
     ['span 1 "start" must be a whole number (a character offset), not false']),
    ("negative-start", sample(spans=[span(-1, 4, "REGULATION")]),
     ["span 1 [-1:4] starts before the text: offsets count from 0"]),
    ("past-the-end", sample(spans=[span(33, 60, "COST")]),
     ["span 1 [33:60] runs past the end of the text (length 53): end must be at most 53"]),
    ("end-before-start", sample(spans=[span(26, 14)]),
     [("span 1 [26:14] has end <= start: end is exclusive, so a mention of n characters has "
       "end = start + n")]),
    ("empty-span", sample(spans=[span(14, 14)]),
     [("span 1 [14:14] has end <= start: end is exclusive, so a mention of n characters has "
       "end = start + n")]),
    ("start-inside-word", sample(spans=[span(16, 26)]),
     [('span 1 THERAPY [16:26] "ne therapy" starts inside the word "gene": start it at 14 to '
       "take the whole word, or at 19 to leave it out")]),
    ("end-inside-word", sample(spans=[span(14, 23)]),
     [('span 1 THERAPY [14:23] "gene ther" ends inside the word "therapy": end it at 26 to '
       "take the whole word, or at 18 to leave it out")]),
    ("end-inside-number", sample(spans=[span(33, 35, "COST")]),
     [('span 1 COST [33:35] "£1" ends inside the word "1.8": end it at 37 to take the whole '
       "word, or at 34 to leave it out")]),
    ("leading-space", sample(spans=[span(13, 26)]),
     [('span 1 THERAPY [13:26] " gene therapy" starts with whitespace: start it at 14 '
       "(--fix does)")]),
    ("trailing-punctuation", sample(spans=[span(33, 53, "COST")]),
     [('span 1 COST [33:53] "£1.8 million a year." ends with punctuation ".": end it at 52 '
       "(--fix does)")]),
    ("only-punctuation", sample(spans=[span(52, 53, "COST")]),
     [('span 1 COST [52:53] "." holds only whitespace and punctuation: remove it or correct '
       "its offsets")]),
    ("span-text-mismatch", sample(spans=[{**span(14, 26), "text": "cell therapy"}]),
     [('span 1 THERAPY [14:26] "gene therapy" has "text" "cell therapy", which is not what the '
       'offsets cover: correct the offsets or the span\'s "text"')]),
    ("unknown-label", sample(spans=[span(27, 32, "Cost")]),
     [('span 1 has unknown label "Cost": use one of THERAPY, COST, REGULATION, NHS_WORKFORCE '
       "(did you mean COST?)")]),
    ("label-not-string", sample(spans=[span(27, 32, 3)]),
     ["span 1 has unknown label 3: use one of THERAPY, COST, REGULATION, NHS_WORKFORCE"]),
    ("label-list", sample(spans=[span(27, 32, ["COST"])]),
     ['span 1 has unknown label ["COST"]: use one of THERAPY, COST, REGULATION, NHS_WORKFORCE']),
    ("overlap", sample(spans=[span(14, 26), span(19, 32, "COST")]),
     [("spans 1 THERAPY [14:26] and 2 COST [19:32] overlap: keep one (the longer span wins; "
       "at equal length, the label listed first in ANNOTATION.md)")]),
    ("nested", sample(spans=[span(19, 26), span(14, 26)]),
     ["spans are not in order of start: sort them (--fix does)",
      ("spans 1 THERAPY [19:26] and 2 THERAPY [14:26] overlap: keep one (the longer span wins; "
       "at equal length, the label listed first in ANNOTATION.md)")]),
    ("repeated-span", sample(spans=[span(14, 26), span(14, 26)]),
     ["span 2 repeats span 1 (THERAPY [14:26]): remove it (--fix does)"]),
    ("unsorted", sample(spans=[span(33, 52, "COST"), span(0, 4, "REGULATION")]),
     ["spans are not in order of start: sort them (--fix does)"]),
    ("meta-not-object", sample(meta="2023-09-07"), ['"meta" must be an object, not string']),
    ("date-not-iso", sample(meta={"date": "07/09/2023"}),
     ['meta.date "07/09/2023" is not an ISO date: write it as YYYY-MM-DD (e.g. "2023-09-07")']),
    ("date-unpadded", sample(meta={"date": "2023-9-7"}),
     ['meta.date "2023-9-7" is not an ISO date: write it as YYYY-MM-DD (e.g. "2023-09-07")']),
    ("date-number", sample(meta={"date": 20230907}),
     ['meta.date 20230907 is not an ISO date: write it as YYYY-MM-DD (e.g. "2023-09-07")']),
    ("date-impossible", sample(meta={"date": "2023-02-30"}),
     ['meta.date "2023-02-30" is not a real date: check the day and month']),
]


@pytest.mark.parametrize("line,messages", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_each_problem_has_its_exact_message(tmp_path, line, messages):
    path = write(tmp_path / "samples.jsonl", json.dumps(OTHER), line)
    expected = [f"{path}:2: {m}" for m in messages]

    assert [str(f) for f in check_files([path])] == expected

    result = runner().invoke(cli, ["check", str(path)])
    assert result.exit_code == 1, result.output
    assert result.stdout.splitlines() == expected
    assert f"{len(messages)} problem" in result.stderr


def test_clean_file_passes(tmp_path):
    path = write(tmp_path / "good.jsonl", json.dumps(GOOD), json.dumps(OTHER),
                 json.dumps({"text": "No mention here.", "spans": [], "meta": {"date": None}}))
    assert check_files([path]) == []
    result = runner().invoke(cli, ["check", str(path)])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert "no problems" in result.stderr


@pytest.mark.parametrize("text,start,end", [
    ("CAR-T (chimeric antigen receptor T-cell) therapy is new.", 0, 48),
    ("Advanced therapy medicinal products (ATMPs) are costly.", 0, 43),
    ("A 20% discount was agreed.", 2, 14),
    ("CAR-T and exa-cel were appraised.", 0, 5),
    ("Cases of COVID-19 rose.", 9, 17),
    ("The NHS's budget and NICE’s appraisal.", 4, 7),
    ("Funding of £300,000 per patient.", 11, 31),
])
def test_well_formed_spans_pass(tmp_path, text, start, end):
    path = write(tmp_path / "s.jsonl", json.dumps({"text": text, "spans": [span(start, end)]}))
    assert check_files([path]) == []


def test_duplicate_samples_report_both_lines_across_files(tmp_path):
    first = write(tmp_path / "a.jsonl", json.dumps(GOOD), json.dumps(OTHER))
    changed = {**OTHER, "spans": []}
    second = write(tmp_path / "b.jsonl", json.dumps(changed), json.dumps(GOOD))

    assert [str(f) for f in check_files([first, second])] == [
        (f"{first}:1: duplicate sample: same text as {second}:2; same spans too: remove one of "
         "them"),
        f"{first}:2: duplicate sample: same text as {second}:1; keep one, with the right spans",
        f"{second}:1: duplicate sample: same text as {first}:2; keep one, with the right spans",
        (f"{second}:2: duplicate sample: same text as {first}:1; same spans too: remove one of "
         "them"),
    ]


def test_duplicate_in_one_file_names_the_line(tmp_path):
    path = write(tmp_path / "a.jsonl", json.dumps(GOOD), json.dumps(OTHER), json.dumps(GOOD))
    assert [str(f) for f in check_files([path])] == [
        f"{path}:1: duplicate sample: same text as line 3; same spans too: remove one of them",
        f"{path}:3: duplicate sample: same text as line 1; same spans too: remove one of them",
    ]


def test_file_level_problems(tmp_path):
    crlf = write(tmp_path / "crlf.jsonl", json.dumps(GOOD), json.dumps(OTHER), newline="\r\n")
    bom = tmp_path / "bom.jsonl"
    bom.write_bytes(b"\xef\xbb\xbf" + json.dumps(GOOD).encode() + b"\n")
    latin = tmp_path / "latin.jsonl"
    latin.write_bytes('{"text": "caf\u00e9", "spans": []}\n'.encode("latin-1"))

    assert [str(f) for f in check_files([crlf, bom, latin])] == [
        (f"{crlf}:1: line ends with CRLF (as do 1 more line): use LF line endings (--fix "
         "converts them)"),
        f"{crlf}:1: duplicate sample: same text as {bom}:1; same spans too: remove one of them",
        f"{bom}:1: file starts with a UTF-8 byte-order mark: remove it (--fix does)",
        f"{bom}:1: duplicate sample: same text as {crlf}:1; same spans too: remove one of them",
        f"{latin}:1: not valid UTF-8 (byte 0xe9 at column 14): save the file as UTF-8",
    ]


def test_folders_are_searched_for_jsonl(tmp_path):
    (tmp_path / "labelled" / "sub").mkdir(parents=True)
    bad = write(tmp_path / "labelled" / "sub" / "b.jsonl", sample(spans=[span(13, 26)]))
    write(tmp_path / "labelled" / "a.jsonl", json.dumps(OTHER))
    (tmp_path / "labelled" / "notes.txt").write_text("not samples")
    assert [f.path for f in check_files([tmp_path / "labelled"])] == [str(bad)]
    # Named twice, directly and through its folder: checked once, not a duplicate of itself.
    assert [f.path for f in check_files([bad, tmp_path / "labelled"])] == [str(bad)]


def test_usage_errors_exit_2(tmp_path):
    path = write(tmp_path / "s.jsonl", json.dumps(GOOD))
    model = tmp_path / "model"
    model.mkdir()
    for args in ([], [str(tmp_path / "missing.jsonl")], [str(path), "--min-f1", "0.5"],
                 [str(path), "--tolerance", "0.1"], [str(path), "--model", str(model)],
                 [str(path), "--model", str(model), "--min-f1", "1.5"]):
        result = runner().invoke(cli, ["check", *args])
        assert result.exit_code == 2, (args, result.output)


def test_empty_folder_is_an_error(tmp_path):
    result = runner().invoke(cli, ["check", str(tmp_path)])
    assert result.exit_code == 1
    assert "no *.jsonl files in folder" in result.stderr


# -- --fix -------------------------------------------------------------------------------------
MESSY = [
    sample(spans=[span(33, 53, "COST"), {**span(13, 26), "text": " gene therapy"},
                  span(0, 4, "REGULATION"), span(0, 4, "REGULATION")]),
    "",
    json.dumps({"text": "The (ATMPs) and CAR-T (chimeric antigen receptor T-cell) therapy.",
                "spans": [span(4, 11), span(16, 65)]}, ensure_ascii=False),
    json.dumps({"text": "Staff shortages", "spans": [span(0, 7, "NHS_WORKFORCE"),
                                                      span(2, 15, "Staff")]}),
    json.dumps({"text": "Prodigy spans keep tokens.", "spans": [
        {"start": 0, "end": 8, "label": "THERAPY", "token_start": 0, "token_end": 0}]}),
]


def test_fix_rewrites_what_needs_no_judgement(tmp_path):
    path = write(tmp_path / "messy.jsonl", *MESSY, newline="\r\n")
    result = runner().invoke(cli, ["check", "--fix", str(path)])

    assert result.exit_code == 1, result.output  # problems needing a person remain
    p = str(path)
    assert result.stdout.splitlines() == [
        f"{p}:1: fixed: converted 5 CRLF line endings to LF",
        (f'{p}:1: fixed: trimmed span 1 COST [33:53] "£1.8 million a year." to [33:52] '
         '"£1.8 million a year"'),
        (f'{p}:1: fixed: trimmed span 2 THERAPY [13:26] " gene therapy" to [14:26] '
         '"gene therapy"'),
        f"{p}:1: fixed: removed span 4 (REGULATION [0:4]), an exact repeat of span 3",
        f"{p}:1: fixed: sorted the spans by start",
        f"{p}:2: fixed: removed a blank line here",
        f'{p}:2: fixed: trimmed span 1 THERAPY [4:11] "(ATMPs)" to [5:10] "ATMPs"',
        (f'{p}:2: fixed: trimmed span 2 THERAPY [16:65] "CAR-T (chimeric ant…or T-cell) therapy." '
         'to [16:64] "CAR-T (chimeric ant…tor T-cell) therapy"'),
        (f'{p}:3: span 1 NHS_WORKFORCE [0:7] "Staff s" ends inside the word "shortages": end it '
         "at 15 to take the whole word, or at 5 to leave it out"),
        (f'{p}:3: span 2 has unknown label "Staff": use one of THERAPY, COST, REGULATION, '
         "NHS_WORKFORCE"),
        (f'{p}:3: span 2 Staff [2:15] "aff shortages" starts inside the word "Staff": start it at '
         "0 to take the whole word, or at 6 to leave it out"),
        (f"{p}:3: spans 1 NHS_WORKFORCE [0:7] and 2 Staff [2:15] overlap: keep one (the longer "
         "span wins; at equal length, the label listed first in ANNOTATION.md)"),
        f'{p}:4: span 1 THERAPY [0:8] "Prodigy " ends with whitespace: end it at 7',
    ]
    assert "fixed 8 problems" in result.stderr

    lines = path.read_bytes().decode("utf-8").split("\n")
    assert lines[-1] == "" and "\r" not in "".join(lines)  # LF endings, final newline kept
    first, second, *_ = (json.loads(line) for line in lines[:-1])
    assert first["spans"] == [span(0, 4, "REGULATION"), {**span(14, 26), "text": "gene therapy"},
                              span(33, 52, "COST")]
    assert first["meta"] == GOOD["meta"]
    assert [(s["start"], s["end"]) for s in second["spans"]] == [(5, 10), (16, 64)]
    # Lines that needed no fix are kept byte for byte; nothing is dropped without a report.
    assert lines[2] == MESSY[3] and lines[3] == MESSY[4]
    assert len(lines) - 1 == len(MESSY) - 1  # only the blank line went

    again = runner().invoke(cli, ["check", "--fix", str(path)])
    assert "fixed:" not in again.stdout
    assert [line.split(": ", 1)[1] for line in again.stdout.splitlines()] == [
        line.split(": ", 1)[1] for line in result.stdout.splitlines() if "fixed:" not in line]


def test_fix_leaves_clean_file_untouched_and_passes(tmp_path):
    path = write(tmp_path / "good.jsonl", json.dumps(GOOD), json.dumps(OTHER))
    before = path.stat().st_mtime_ns, path.read_bytes()
    result = runner().invoke(cli, ["check", "--fix", str(path)])
    assert result.exit_code == 0, result.output
    assert (path.stat().st_mtime_ns, path.read_bytes()) == before


def test_fix_that_fixes_everything_exits_0(tmp_path):
    path = write(tmp_path / "s.jsonl", sample(spans=[span(33, 53, "COST"), span(13, 26)]))
    result = runner().invoke(cli, ["check", "--fix", str(path)])
    assert result.exit_code == 0, result.output
    assert len(result.stdout.splitlines()) == 3
    assert check_files([path]) == []
    assert json.loads(path.read_text())["spans"] == [span(14, 26), span(33, 52, "COST")]


def test_fix_keeps_escaped_ascii_style(tmp_path):
    path = write(tmp_path / "s.jsonl", sample(spans=[span(33, 53, "COST")]).replace(
        "£", "\\u00a3"))
    check_files([path], fix=True)
    assert path.read_bytes().isascii()
    assert json.loads(path.read_text())["spans"] == [span(33, 52, "COST")]


# -- token boundaries --------------------------------------------------------------------------
@pytest.mark.parametrize("text,offset,expected", [
    ("gene therapy", 4, True), ("gene therapy", 2, False), ("gene therapy", 0, True),
    ("gene therapy", 12, True), ("CAR-T", 3, True), ("CAR-T", 4, True), ("£1.8m", 1, True),
    ("£1.8m", 2, False), ("£1.8m", 3, False), ("300,000", 3, False), ("a,b", 1, True),
    ("COVID-19", 5, False), ("COVID-19", 6, False), ("2-year", 1, True), ("(NICE)", 1, True),
    ("NICE.", 4, True), ("e.g. NICE", 4, True),
])
def test_token_boundary_approximation(text, offset, expected):
    assert is_token_boundary(text, offset) is expected


@pytest.mark.parametrize("text,start,end,expected", [
    (" (ATMPs). ", 0, 10, (2, 7)),
    ("CAR-T (chimeric) therapy", 0, 24, (0, 24)),
    ("therapies (ATMPs)", 0, 17, (0, 17)),
    ("((x))", 0, 5, (2, 3)),
    ("x) and (y", 0, 9, (0, 9)),
    ("“Kymriah”", 0, 9, (1, 8)),
    ("20%.", 0, 4, (0, 3)),
    (" .; ", 0, 4, (4, 4)),
])
def test_trimmed_span(text, start, end, expected):
    new = trimmed_span(text, start, end)
    assert new == expected or (expected[0] >= expected[1] and new[0] >= new[1])


def labelled_texts() -> list[str]:
    """Texts with gold spans: the project's samples, and ../shared/dev when it is present."""
    files = sorted((ROOT / "corpus" / "labelled").glob("*.jsonl"))
    files += sorted((SHARED / "dev").glob("*.jsonl")) if SHARED.is_dir() else []
    return [json.loads(line)["text"] for f in files for line in f.read_text().splitlines()
            if line.strip()]


def test_boundaries_agree_with_spacy_on_labelled_text():
    """Where a span edge could sit (beside a letter or digit), the approximation and spaCy's
    blank English tokenizer agree almost everywhere; the rest are known, harmless cases."""
    spacy = pytest.importorskip("spacy")
    texts = labelled_texts()
    if not texts:
        pytest.skip("no labelled samples in corpus/labelled or ../shared/dev")
    nlp = spacy.blank("en")
    positions = disagreements = 0
    for text, doc in zip(texts, nlp.pipe(texts)):
        edges = {t.idx for t in doc} | {t.idx + len(t) for t in doc} | {0, len(text)}
        for i in range(1, len(text)):
            a, b = text[i - 1], text[i]
            if a.isspace() or b.isspace() or not (a.isalnum() or b.isalnum()):
                continue
            positions += 1
            disagreements += (i in edges) != is_token_boundary(text, i)
    assert positions > 1000
    assert disagreements / positions < 0.005, (disagreements, positions)


def test_validation_never_imports_spacy(tmp_path):
    path = write(tmp_path / "s.jsonl", json.dumps(OTHER), sample(spans=[span(13, 26)]))
    code = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from policylens.cli import cli\n"
        f"result = CliRunner().invoke(cli, ['check', '--fix', {str(path)!r}])\n"
        "assert result.exit_code == 0, result.output\n"
        "assert 'spacy' not in sys.modules, 'spacy was imported'\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=False)
    assert done.returncode == 0, done.stderr


def test_finding_str():
    assert str(Finding("a.jsonl", 3, "bad")) == "a.jsonl:3: bad"
    assert str(Finding("a.jsonl", 3, "trimmed", fixed=True)) == "a.jsonl:3: fixed: trimmed"


# -- the regression guard: needs the shipped tagger (models/policy-tagger) and its baseline ------
MODEL = ROOT / "models" / "policy-tagger"
LABELLED = ROOT / "corpus" / "labelled"
BASELINE = LABELLED / "baseline.json"
needs_model = pytest.mark.skipif(
    not (MODEL / "config.cfg").exists() or not BASELINE.exists(),
    reason="needs the shipped tagger in models/policy-tagger and corpus/labelled/baseline.json")


def guard(*args: str | Path):
    return runner().invoke(cli, ["check", str(LABELLED), "--model", *map(str, args)])


def table_rows(stdout: str) -> dict[str, str]:
    """Result column of the guard's table, by label."""
    rows = [line.split() for line in stdout.splitlines()[1:] if not line.startswith("regression")]
    return {row[0]: " ".join(row[7:]) for row in rows}


@pytest.fixture(scope="module")
def model_without_nice(tmp_path_factory) -> Path:
    """A copy of the shipped tagger with its "NICE" patterns removed (NICE is the commonest
    REGULATION mention in corpus/labelled)."""
    copy = tmp_path_factory.mktemp("model") / "policy-tagger"
    shutil.copytree(MODEL, copy)
    removed = 0
    for patterns in copy.glob("*/patterns"):
        lines = patterns.read_text(encoding="utf-8").splitlines()
        kept = [line for line in lines
                if str(json.loads(line)["pattern"]).lower() != "nice"]
        removed += len(lines) - len(kept)
        patterns.write_text("".join(line + "\n" for line in kept), encoding="utf-8")
    assert removed, "the shipped tagger has no NICE pattern to remove"
    return copy


@needs_model
def test_guard_passes_on_the_shipped_model():
    result = guard(MODEL, "--baseline", BASELINE, "--min-f1", "0.5")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0].split() == [
        "label", "P", "R", "F1", "base", "change", "gold", "result"]
    assert table_rows(result.stdout) == {
        "THERAPY": "ok", "COST": "ok", "REGULATION": "ok", "NHS_WORKFORCE": "ok", "micro": "ok"}
    assert "regression guard passed" in result.stderr
    # The committed baseline scores these very samples: rewrite it whenever they change.
    assert "warning: the baseline scored" not in result.stderr


@needs_model
@pytest.mark.slow  # runs the tagger on every sample
def test_guard_fails_when_a_pattern_is_removed(model_without_nice):
    result = guard(model_without_nice, "--baseline", BASELINE)
    assert result.exit_code == 1, result.output
    rows = table_rows(result.stdout)
    assert rows["REGULATION"] == "FAIL" and rows["THERAPY"] == "ok"
    assert re.search(r"^regression: REGULATION: lenient F1 0\.\d{3} is 0\.\d{3} below the "
                     r"baseline 0\.\d{3} \(tolerance 0\.020\)$", result.stdout, re.MULTILINE)
    assert "regression guard failed" in result.stderr

    # The same copy against a floor instead of a baseline: REGULATION falls below 0.9 as well.
    floor = guard(model_without_nice, "--min-f1", "0.9")
    assert floor.exit_code == 1, floor.output
    assert "regression: REGULATION: lenient F1" in floor.stdout
    assert "is below --min-f1 0.900" in floor.stdout


@needs_model
@pytest.mark.slow  # runs the tagger on every sample
def test_guard_tolerance_and_floor_on_the_shipped_model(tmp_path):
    data = json.loads(BASELINE.read_text())
    data["per_label"]["THERAPY"]["lenient"]["f1"] += 0.05  # a better past than the present
    higher = tmp_path / "baseline.json"
    higher.write_text(json.dumps(data))

    strict = guard(MODEL, "--baseline", higher)
    assert strict.exit_code == 1, strict.output
    assert table_rows(strict.stdout)["THERAPY"] == "FAIL"
    assert "regression: THERAPY: lenient F1" in strict.stdout

    lenient = guard(MODEL, "--baseline", higher, "--tolerance", "0.1")
    assert lenient.exit_code == 0, lenient.output

    unreachable = guard(MODEL, "--min-f1", "1.0")
    assert unreachable.exit_code == 1
    assert "regression: micro: lenient F1" in unreachable.stdout


def test_guard_is_not_run_on_invalid_samples(tmp_path):
    path = write(tmp_path / "s.jsonl", sample(spans=[span(13, 26)]))
    model = tmp_path / "model"
    model.mkdir()
    result = runner().invoke(cli, ["check", str(path), "--model", str(model), "--min-f1", "0.5"])
    assert result.exit_code == 1
    assert "regression guard not run" in result.stderr
    assert "label" not in result.stdout


def test_guard_rejects_a_baseline_that_is_not_evaluate_output(tmp_path):
    path = write(tmp_path / "s.jsonl", json.dumps(GOOD))
    baseline = tmp_path / "baseline.json"
    baseline.write_text('{"f1": 0.9}')
    model = tmp_path / "model"
    model.mkdir()
    result = runner().invoke(cli, ["check", str(path), "--model", str(model),
                                   "--baseline", str(baseline)])
    assert result.exit_code == 1
    assert "is not `policylens evaluate --json` output" in result.stderr
    assert "policylens evaluate SAMPLES --json > BASELINE" in result.stderr
