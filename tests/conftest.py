"""Fixtures that build real PDFs for the tests (with corpus/pdfgen.py and reportlab)."""

from __future__ import annotations

import datetime as dt
import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def load_pdfgen():
    """corpus/pdfgen.py, the layout writers the corpus is built with."""
    spec = importlib.util.spec_from_file_location("pdfgen", ROOT / "corpus" / "pdfgen.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(autouse=True)
def working_directory_left_clean(tmp_path_factory, monkeypatch):
    """Each test runs in an empty working directory and must leave it empty.

    A command's defaults are relative (``policylens-results/``, ``./corpus``): a test that
    forgets ``--out`` or ``--db`` would otherwise write into the folder pytest was started
    from, replacing a user's real results. Tests write under their own ``tmp_path``.
    """
    cwd = tmp_path_factory.mktemp("cwd")
    monkeypatch.chdir(cwd)
    yield
    left = sorted(p.name for p in cwd.iterdir())
    assert not left, f"the test wrote {left} into the working directory instead of tmp_path"


@pytest.fixture(scope="session")
def pdfgen():
    return load_pdfgen()


SPEECH_A = (
    "I beg to move that this House has considered access to cell and gene therapies in the "
    "National Health Service. Patients with spinal muscular atrophy have waited far too long "
    "for treatments that are available elsewhere, and their families deserve a clear answer "
    "about the commissioning arrangements and the specialist centres that will deliver them.",
    "Manufacturing capacity in this country has grown considerably, but the translational "
    "infrastructure that connects universities with hospitals remains uneven across regions.",
)
SPEECH_B = (
    "The Government recognise the extraordinary promise of these therapies. The regulator has "
    "introduced an innovative licensing pathway, and the appraisal committee continues to work "
    "with manufacturers on managed access agreements so that eligible patients can benefit "
    "sooner, while taxpayers are assured of value for money across the health system.",
)
SPEECH_C = (
    "Will the Minister confirm how many clinical scientists and specialist nurses are being "
    "trained to administer these treatments, given the persistent vacancies reported by "
    "hospital trusts in every region of England over the past three years, and what the "
    "Department will do about it?",
)
SPEAKER_A = "Mr Alan Whitby (Carlisle North) (Lab):"
SPEAKER_B = "The Minister for Health (Helen Carver):"
SPEAKER_C = "Dr Priya Nair (Bath) (LD):"


def hansard_items(pdfgen, repeat: int = 3):
    """A debate with three speakers, repeated to fill several two-column pages."""
    items = [pdfgen.Heading("Cell and Gene Therapies: Access", 1)]
    for _ in range(repeat):
        items += [pdfgen.Speech(SPEAKER_A, SPEECH_A), pdfgen.Speech(SPEAKER_B, SPEECH_B),
                  pdfgen.Speech(SPEAKER_C, SPEECH_C)]
    return items


@pytest.fixture
def hansard_pdf(tmp_path, pdfgen):
    path = tmp_path / "debate.pdf"
    pdfgen.write_hansard(path, date=dt.date(2021, 3, 4), title="Cell and Gene Therapies",
                         sitting="Westminster Hall", items=hansard_items(pdfgen))
    return path


@pytest.fixture
def report_pdf(tmp_path, pdfgen):
    path = tmp_path / "report.pdf"
    sections = [
        ("Introduction", ("NHS England has set out how advanced therapy medicinal products "
                          "will be commissioned through a small number of specialist centres. "
                          "This report explains the budget impact of those decisions and the "
                          "staffing that each centre will need over the next five years.",)),
        ("Workforce", ("Each centre requires apheresis nurses, pharmacists with aseptic "
                       "training and clinical scientists. Recruitment and retention remain "
                       "the main risks identified by the trusts that responded to our survey, "
                       "and several reported vacancy rates above ten per cent.",)),
    ]
    pdfgen.write_report(path, date=dt.date(2019, 6, 12), title="Advanced Therapies in the NHS",
                        organisation="NHS England", sections=sections,
                        table=[["Year", "Patients", "Cost"], ["2019", "120", "£30m"],
                               ["2020", "180", "£45m"]])
    return path


def make_batch(folder: Path, pdfgen, n: int = 3) -> list[Path]:
    """n small debate PDFs with different dates (so they have different hashes)."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        path = folder / f"debate-{i}.pdf"
        pdfgen.write_hansard(path, date=dt.date(2016 + i, 5, 10 + i), title=f"Debate {i}",
                             sitting="Westminster Hall", items=hansard_items(pdfgen, 1 + i % 2))
        paths.append(path)
    return paths


@pytest.fixture(scope="session")
def bundled_run(tmp_path_factory):
    """`policylens run` on the bundled corpus (fixed k, fewer replicates): its output folder."""
    from click.testing import CliRunner

    from policylens.cli import cli

    out = tmp_path_factory.mktemp("bundled") / "results"
    result = CliRunner().invoke(cli, ["run", str(ROOT / "corpus"), "--out", str(out), "--k", "6",
                                      "--bootstrap", "200", "--workers", "0"])
    assert result.exit_code == 0, result.output + str(result.exception)
    return out
