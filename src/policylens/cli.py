"""The policylens command line: each command parses options, calls one function of the Python
API (:mod:`policylens.api`), prints what it returns.

Option defaults come from :mod:`policylens.defaults`, as the API's do. Heavy libraries (spaCy,
scikit-learn, pdfplumber, matplotlib) are imported inside commands so that ``policylens
--help`` and ``policylens check`` start fast.
"""

from __future__ import annotations

import contextlib
import functools
import json
import logging
import os
import re
import signal
import sys
import threading
import traceback
from dataclasses import dataclass, field
from pathlib import Path

import click

from . import __version__
from .defaults import (
    DEFAULT_BATCH_SIZE,
    DEFAULT_BOOTSTRAP,
    DEFAULT_DB,
    DEFAULT_ENGINE,
    DEFAULT_K_RANGE,
    DEFAULT_MEMORY_BUDGET,
    DEFAULT_MEMORY_MB,
    DEFAULT_METHOD,
    DEFAULT_OUT,
    DEFAULT_PERIOD,
    DEFAULT_SEED,
    DEFAULT_TIMEOUT,
    DEFAULT_TOLERANCE,
    ENGINES,
    GROUPS,
    METHODS,
    PERIODS,
)
from .errors import PolicylensError


def _default_db() -> Path:
    return Path(os.environ.get("POLICYLENS_DB", DEFAULT_DB))


@dataclass
class App:
    """What every command shares: the store path and how chatty to be."""

    db: Path = field(default_factory=_default_db)
    quiet: bool = False
    debug: bool = False

    def info(self, message: str) -> None:
        """Progress and summaries go to stderr, so stdout stays data."""
        if not self.quiet:
            click.echo(message, err=True)

    def progress_bar(self, length: int, label: str):
        """A progress bar on stderr (hidden with -q or when stderr is not a terminal)."""
        return click.progressbar(
            length=length, label=label, file=sys.stderr,
            hidden=self.quiet or not sys.stderr.isatty(),
        )

    def workspace(self, *, results: Path | None = None):
        """The API's Workspace of --db, reporting through this App."""
        from .api import Workspace

        return Workspace(self.db, results=results, info=self.info,
                         progress_bar=self.progress_bar)


pass_app = click.make_pass_decorator(App)


class Terminated(KeyboardInterrupt):
    """SIGTERM, handled as Ctrl-C is: ``finally`` blocks stop worker processes on the way out."""


def _on_sigterm(signum, frame) -> None:
    # A second SIGTERM (cleanup taking too long) ends the process outright; its workers die
    # with it (they ask the kernel to kill them when their parent dies).
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    raise Terminated


@contextlib.contextmanager
def _sigterm_as_interrupt():
    """Turn SIGTERM into :class:`Terminated` while a command runs (main thread only)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, _on_sigterm)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


class PolicylensGroup(click.Group):
    """Turns library errors into one-line messages; --debug shows the traceback."""

    def invoke(self, ctx: click.Context):
        from .runner import collect_less

        collect_less()  # this process, as every worker policylens starts
        try:
            with _sigterm_as_interrupt():
                return super().invoke(ctx)
        except PolicylensError as exc:
            app = ctx.find_object(App)
            if app and app.debug:
                traceback.print_exc()
            message = exc.message + (f"\nHint: {exc.hint}" if exc.hint else "")
            raise click.ClickException(message) from exc
        except KeyboardInterrupt as exc:
            click.echo(
                ("Terminated." if isinstance(exc, Terminated) else "Interrupted.")
                + " Work finished so far is saved in the store; "
                "rerun the same command to do the rest.",
                err=True,
            )
            ctx.exit(143 if isinstance(exc, Terminated) else 130)


# -- options shared by several commands: one name and one help text each --------------------
def _set_app_flag(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    # Given before or after the command's name, a flag sets the one App every command reads.
    if value:
        setattr(ctx.ensure_object(App), param.name, True)
        if param.name == "debug":
            # The PDF libraries' own log lines ("Could not get FontBBox ...") are shown here
            # only; without --debug nothing is set up and they go nowhere.
            logging.basicConfig(level=logging.WARNING, stream=sys.stderr,
                                format="%(name)s: %(message)s")


def app_options(f):
    """-q/--quiet and --debug, accepted by the group and by every command."""
    f = click.option("--debug", is_flag=True, expose_value=False, callback=_set_app_flag,
                     help="Show tracebacks for errors and the PDF libraries' warnings.")(f)
    return click.option("-q", "--quiet", is_flag=True, expose_value=False,
                        callback=_set_app_flag, help="Print only data and errors.")(f)


def db_option(f):
    return click.option(
        "--db", "db", type=click.Path(dir_okay=False, path_type=Path), default=None,
        help=f"The store (SQLite file). Default: {DEFAULT_DB}.",
    )(f)


def format_option(default: str = "table", choices: tuple[str, ...] = ("table", "csv", "jsonl")):
    return click.option(
        "--format", "fmt", type=click.Choice(choices), default=default, show_default=True,
        help="Output format.",
    )


def output_option(f):
    return click.option(
        "-o", "--output", type=click.Path(dir_okay=False, writable=True, path_type=Path),
        default=None, help="Write to this file instead of stdout.",
    )(f)


def json_format_option(f):
    """--format table|json, and --json (the same as --format json), for reports of one thing."""
    f = click.option("--json", "as_json", is_flag=True, help="The same as --format json.")(f)
    return format_option("table", ("table", "json"))(f)


def workers_option(f):
    return click.option(
        "--workers", type=click.IntRange(min=0), default=None,
        help="Worker processes (default: all cores; 0 runs in this process).",
    )(f)


def dask_option(f):
    return click.option(
        "--dask", metavar="ADDRESS", envvar="POLICYLENS_DASK", default=None,
        help="Run on this Dask scheduler (e.g. tcp://10.0.0.5:8786; env POLICYLENS_DASK) "
        "instead of local worker processes; needs `pip install \"policylens[dask]\"`.",
    )(f)


def seed_option(f):
    return click.option(
        "--seed", type=int, default=DEFAULT_SEED, show_default=True,
        help="Random seed: the same input and seed give the same output.",
    )(f)


def model_option(f):
    return click.option(
        "--model", "model_dir", type=click.Path(exists=True, file_okay=False, path_type=Path),
        default=None, help="Tagger folder (default: the shipped models/policy-tagger, or "
        "$POLICYLENS_MODEL).",
    )(f)


def patterns_option(f):
    return click.option(
        "--patterns", type=click.Path(exists=True, dir_okay=False, path_type=Path),
        default=None, help="Your own terms: a JSONL pattern file (the format of the tagger's "
        "patterns/) added to the tagger; it may bring new labels.",
    )(f)


def _iso_date(ctx, param, value: str | None) -> str | None:
    from .tagging.mentions import check_date

    try:
        return check_date(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None


def mention_filter_options(f):
    """--label, --since, --until and --kind (mentions, export mentions)."""
    from .tagging.labels import LABELS

    f = click.option("--kind", default=None, metavar="KIND",
                     help="Only documents of this kind (as `policylens status` lists them).")(f)
    f = click.option("--until", default=None, metavar="DATE", callback=_iso_date,
                     help="Only documents dated up to DATE (YYYY, YYYY-MM or YYYY-MM-DD; "
                     "inclusive).")(f)
    f = click.option("--since", default=None, metavar="DATE", callback=_iso_date,
                     help="Only documents dated on or after DATE (YYYY, YYYY-MM or "
                     "YYYY-MM-DD).")(f)
    return click.option("--label", type=click.Choice(LABELS, case_sensitive=False),
                        default=None, help="Only mentions with this label (any case).")(f)


def with_db(f):
    """Let a command take --db after its name as well as before it."""

    @db_option
    @click.pass_context
    @functools.wraps(f)
    def wrapper(ctx: click.Context, *args, db: Path | None = None, **kwargs):
        if db is not None:
            ctx.find_object(App).db = db
        return ctx.invoke(f, *args, **kwargs)

    return wrapper


@contextlib.contextmanager
def open_output(output: Path | None):
    """stdout (left open), or a UTF-8 file that replaces ``output`` only once all is written,
    so an error (an empty store, say) never leaves an earlier export truncated."""
    if output is None:
        yield sys.stdout
        return
    tmp = output.with_name(output.name + ".tmp")
    try:
        with open(tmp, "w", encoding="utf-8", newline="") as fh:
            yield fh
        os.replace(tmp, output)
    finally:
        tmp.unlink(missing_ok=True)


@click.group(cls=PolicylensGroup, context_settings={"auto_envvar_prefix": "POLICYLENS",
                                                    "help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="policylens")
@db_option
@app_options
@click.pass_context
def cli(ctx: click.Context, db: Path | None) -> None:
    """policylens: follow how a policy debate moves, from PDFs to mentions, topics and trends.

    \b
    Example:
      policylens run corpus --out policylens-results
    """
    app = ctx.ensure_object(App)
    if db is not None:
        app.db = db


# -- ingest ------------------------------------------------------------------------------------
@cli.command()
@app_options
@click.argument("paths", nargs=-1, required=True,
                type=click.Path(exists=True, path_type=Path))
@click.option("--metadata", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              default=None, help="CSV with file,date,kind,title (default: metadata.csv in a "
              "folder being ingested, if present).")
@click.option("--timeout", type=click.FloatRange(min=1), default=DEFAULT_TIMEOUT,
              show_default=True,
              help="Seconds allowed for one PDF before it is recorded as timed out.")
@click.option("--memory-limit", "memory_mb", type=click.IntRange(min=64),
              default=DEFAULT_MEMORY_MB, show_default=True, metavar="MB",
              help="Memory (address space) allowed to each worker process, in MB.")
@click.option("--follow-symlinks", is_flag=True,
              help="Follow symbolic links that point outside the folders being ingested.")
@click.option("--retry-failed", is_flag=True, help="Try again files that failed before.")
@click.option("--engine", type=click.Choice(ENGINES), default=DEFAULT_ENGINE,
              show_default=True, help="PDF reader: pdfium (fast) or pdfplumber (pure Python); "
              "both give the same passages, and pdfium hands pages it cannot lay out to "
              "pdfplumber.")
@workers_option
@dask_option
@with_db
@pass_app
def ingest(app: App, paths: tuple[Path, ...], metadata: Path | None, timeout: float,
           memory_mb: int, follow_symlinks: bool, retry_failed: bool, engine: str,
           workers: int | None, dask: str | None) -> None:
    """Read PDFs (files or folders, recursively) into the store.

    Unchanged files (same sha256) are skipped, so an interrupted run can simply be rerun.
    Unreadable files are recorded with a reason and skipped; the exit code is 1 only when
    every file failed.

    \b
    Examples:
      policylens ingest corpus/ --db results/policylens.db --workers 2
      policylens ingest archive/ --dask tcp://scheduler.example.org:8786
    """
    app.workspace().ingest(
        paths, metadata=metadata, workers=workers, timeout=timeout, memory_mb=memory_mb,
        follow_symlinks=follow_symlinks, retry_failed=retry_failed, engine=engine, dask=dask)


@cli.command()
@app_options
@with_db
@json_format_option
@output_option
@pass_app
def status(app: App, fmt: str, as_json: bool, output: Path | None) -> None:
    """Show what the store holds: documents, passages, failures and date range.

    \b
    Example:
      policylens status --db results/policylens.db
      policylens status --format json -o status.json
    """
    info = app.workspace().status()
    if not info["documents"]:
        app.info("the store is empty: ingest some PDFs with `policylens ingest PATH`")
    with open_output(output) as out:
        if as_json or fmt == "json":
            out.write(json.dumps(info, indent=2, ensure_ascii=False) + "\n")
        else:
            out.write("".join(line + "\n" for line in _status_lines(info)))


def _status_lines(info: dict) -> list[str]:
    kinds = ", ".join(f"{k}: {v}" for k, v in info["kinds"].items()) or "none"
    return [
        f"store        {info['store']}",
        f"documents    {info['documents']}  ({kinds})",
        f"pages        {info['pages']}",
        f"passages     {info['passages']}  ({info['words']} words)",
        (f"dates        {info['date_from'] or '-'} to {info['date_to'] or '-'}"
         f"  ({info['undated']} undated)"),
        (f"tagged       {info['tagged_passages']} passages, {info['mentions']} mentions"
         f"  (model {info['model_version'] or '-'})"),
        f"failures     {len(info['failures'])}",
        *(f"  {f['path']}: {f['reason']}: {f['detail']}" for f in info["failures"]),
        *_dropped_lines(info),
    ]


def _dropped_lines(info: dict) -> list[str]:
    from .ingest.export_rows import dropped_by_document

    if not info["dropped_pages"] and not info["partial_documents"]:
        return []
    return [f"left out     {len(info['dropped_pages'])} pages or parts of pages; "
            f"{info['partial_documents']} partial (damaged) documents",
            *(f"  {path}: {text}" for path, text in dropped_by_document(info["dropped_pages"]))]


# -- export ------------------------------------------------------------------------------------
@cli.group()
@app_options
def export() -> None:
    """Export what the store holds as CSV or JSON lines.

    \b
    Example:
      policylens export passages --format csv -o passages.csv
    """


@export.command("passages")
@app_options
@format_option("csv", ("csv", "jsonl"))
@output_option
@with_db
@pass_app
def export_passages(app: App, fmt: str, output: Path | None) -> None:
    """Export every passage with its provenance.

    \b
    Example:
      policylens export passages --format jsonl -o passages.jsonl
    """
    from .export import write_rows

    passages = app.workspace().passages()
    with open_output(output) as out:
        n = write_rows(passages, passages.columns, fmt, out)
    app.info(f"{n} passages exported")


@export.command("documents")
@app_options
@format_option("csv", ("csv", "jsonl"))
@output_option
@with_db
@pass_app
def export_documents(app: App, fmt: str, output: Path | None) -> None:
    """Export every document: file, date and where it came from, kind, pages, passages.

    \b
    Example:
      policylens export documents --format csv -o documents.csv
    """
    from .export import write_rows

    documents = app.workspace().documents()
    with open_output(output) as out:
        n = write_rows(documents, documents.columns, fmt, out)
    app.info(f"{n} documents exported")


@export.command("mentions")
@app_options
@format_option("csv", ("csv", "jsonl"))
@output_option
@mention_filter_options
@with_db
@pass_app
def export_mentions(app: App, fmt: str, output: Path | None, label: str | None,
                    since: str | None, until: str | None, kind: str | None) -> None:
    """Export every mention: offsets, text, canonical name, amount and provenance.

    \b
    Example:
      policylens export mentions --format csv -o mentions.csv
    """
    from .export import write_rows

    mentions = app.workspace().mentions(label=label, since=since, until=until, kind=kind)
    with open_output(output) as out:
        n = write_rows(mentions, mentions.columns, fmt, out)
    app.info(f"{n} mentions exported")


# -- tagging -----------------------------------------------------------------------------------
@cli.command()
@app_options
@model_option
@patterns_option
@workers_option
@click.option("--batch-size", type=click.IntRange(min=1), default=DEFAULT_BATCH_SIZE,
              show_default=True,
              help="Passages tagged and saved together (one transaction each).")
@dask_option
@with_db
@pass_app
def tag(app: App, model_dir: Path | None, patterns: Path | None, workers: int | None,
        batch_size: int, dask: str | None) -> None:
    """Find THERAPY, COST, REGULATION and NHS_WORKFORCE mentions in the stored passages.

    Only passages not yet tagged by this model version are tagged, so an interrupted run
    resumes where it stopped and a rerun with the same model does nothing. --patterns adds
    your own terms and labels; the version then includes the file's hash, so changed terms
    retag.

    \b
    Example:
      policylens tag --db results/policylens.db
      policylens tag --patterns housing.jsonl
    """
    app.workspace().tag(model=model_dir, patterns=patterns, workers=workers,
                        batch_size=batch_size, dask=dask)


@cli.command()
@app_options
@mention_filter_options
@click.option("--limit", type=click.IntRange(min=1), default=None, metavar="N",
              help="Only the first N mentions (by date, then document order).")
@format_option("table")
@output_option
@with_db
@pass_app
def mentions(app: App, label: str | None, since: str | None, until: str | None,
             kind: str | None, limit: int | None, fmt: str, output: Path | None) -> None:
    """Show each mention in context: left context, mention, right context, date, source, page.

    The table shows the context columns; csv and jsonl add the canonical name, the amount
    and currency of money, the document kind, the speaker and the passage id.

    \b
    Example:
      policylens mentions --label COST --since 2020 --format csv -o cost.csv
      policylens mentions --label THERAPY --limit 20
    """
    from .export import write_rows
    from .tagging.mentions import KWIC_COLUMNS

    rows = app.workspace().mentions_in_context(label=label, since=since, until=until, kind=kind,
                                               limit=limit)
    columns = KWIC_COLUMNS if fmt == "table" else rows.columns
    with open_output(output) as out:
        n = write_rows(rows, columns, fmt, out, keep_end=("left",))
    app.info(f"{n} mentions" + (f" (--limit {limit})" if n == limit else ""))


@cli.command("evaluate")
@app_options
@click.argument("gold", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@model_option
@patterns_option
@json_format_option
@output_option
@pass_app
def evaluate_command(app: App, gold: tuple[Path, ...], model_dir: Path | None,
                     patterns: Path | None, fmt: str, as_json: bool,
                     output: Path | None) -> None:
    """Score the tagger on labelled samples: precision, recall and F1, strict and lenient.

    GOLD is one or more JSONL files in the ANNOTATION.md format, or folders of them (the same
    files `policylens check` reads). Strict matching needs the same start,
    end and label; lenient the same label and overlapping characters. Each label is shown
    with its counts, then the micro average.

    \b
    Example:
      policylens evaluate corpus/labelled/test.jsonl
      policylens evaluate corpus/labelled/ --json -o corpus/labelled/baseline.json
    """
    from .api import evaluate
    from .tagging.evaluate import format_report

    report = evaluate(gold, model=model_dir, patterns=patterns)
    with open_output(output) as out:
        if as_json or fmt == "json":
            out.write(json.dumps(report.to_json(), indent=2) + "\n")
        else:
            out.write(format_report(report) + "\n")


@cli.command()
@app_options
@click.argument("source", type=click.File("r", encoding="utf-8"))
@output_option
@click.option("--html", "html_out", type=click.Path(dir_okay=False, writable=True,
                                                    path_type=Path),
              default=None, help="Write an HTML page with the mentions highlighted (displaCy) "
              "to this file instead.")
@model_option
@pass_app
def render(app: App, source, output: Path | None, html_out: Path | None,
           model_dir: Path | None) -> None:
    """Tag a text and show it with its mentions marked: [text | LABEL: canonical name].

    SOURCE is a text file (each paragraph shown as a block), a JSONL file of samples (each
    line's "text"), or - for standard input. With --html, writes an HTML page instead.

    \b
    Examples:
      policylens render speech.txt
      policylens render speech.txt --html speech.html
    """
    from .api import render as render_mentions

    if output is not None and html_out is not None:
        raise click.UsageError("give -o/--output (the text view) or --html (a page), not both")
    try:
        content = source.read()
    except UnicodeDecodeError as exc:
        raise click.BadParameter("the file is not UTF-8 text", param_hint="SOURCE") from exc
    rendered = render_mentions(content, model=model_dir, html=html_out is not None)
    target = html_out if html_out is not None else output
    with open_output(target) as out:
        out.write(rendered.page + "\n")
    if target is not None:
        app.info(f"wrote {target} ({rendered.n_texts} texts)")


@cli.command()
@app_options
@with_db
@click.option("--out", "out", type=click.Path(dir_okay=False, writable=True, path_type=Path),
              default=None, help="The HTML file to write (default: report.html beside the "
              "store).")
@click.option("--results", type=click.Path(exists=True, file_okay=False, path_type=Path),
              default=None, help="The folder of the run's CSVs and topic model (default: the "
              "folder holding the store).")
@click.option("--gold", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              default=None, help="Labelled samples to measure the tagger's F1 on (default: "
              "corpus/labelled/test.jsonl beside the shipped tagger, when present).")
@pass_app
def report(app: App, out: Path | None, results: Path | None, gold: Path | None) -> None:
    """Write one self-contained HTML page of the store and its run's results.

    It needs no network and no script: what was read, the themes over time, the shifts with
    the passages behind them, topics, mentions in context, the method and the command that
    remakes it. Prints the page's path.

    \b
    Example:
      policylens report --db policylens-results/policylens.db --out report.html
    """
    click.echo(str(app.workspace(results=results).write_report(out, gold=gold)))


# -- check -------------------------------------------------------------------------------------
@cli.command()
@app_options
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--fix", is_flag=True,
              help="First rewrite what needs no judgement (whitespace and punctuation at span "
              "edges, span order, exact repeats, blank lines, CRLF) and report each change.")
@click.option("--model", type=click.Path(exists=True, file_okay=False, path_type=Path),
              default=None, help="Regression guard: run this tagger on the samples (loads "
              "spaCy).")
@click.option("--min-f1", type=click.FloatRange(0, 1), default=None,
              help="With --model: fail when micro or any label's lenient F1 is below this.")
@click.option("--baseline", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              default=None, help="With --model: `policylens evaluate --json` output to compare "
              "with.")
@click.option("--tolerance", type=click.FloatRange(0, 1), default=DEFAULT_TOLERANCE,
              show_default=True,
              help="With --baseline: how far lenient F1 may fall below the baseline.")
@patterns_option
@click.pass_context
def check(ctx: click.Context, paths: tuple[Path, ...], fix: bool, model: Path | None,
          min_f1: float | None, baseline: Path | None, tolerance: float,
          patterns: Path | None) -> None:
    """Check labelled samples: print each problem as FILE:LINE: message.

    PATHS are JSONL files in the ANNOTATION.md format, or folders of them (*.jsonl, searched
    recursively). Exit status 0 when clean, 1 with problems or a regression, 2 for a usage error. With
    --model, the tagger also runs on the samples: the check fails when lenient F1 (micro or
    any label) is below --min-f1 or more than --tolerance below --baseline, and prints the
    per-label table either way.

    \b
    Examples:
      policylens check corpus/labelled/
      policylens check corpus/labelled/ --fix
      policylens check corpus/labelled/ --model models/policy-tagger \\
          --baseline corpus/labelled/baseline.json --min-f1 0.5
      policylens check my-labelled/ --patterns housing.jsonl
    """
    from .check import check_files, guard_regression

    app = ctx.find_object(App)
    tolerance_given = ctx.get_parameter_source("tolerance") != click.core.ParameterSource.DEFAULT
    if model is None and (min_f1 is not None or baseline is not None or tolerance_given):
        raise click.UsageError("--min-f1, --baseline and --tolerance need --model (the tagger "
                               "to guard)")
    if model is not None and min_f1 is None and baseline is None:
        raise click.UsageError("--model needs --min-f1 or --baseline to say what a regression "
                               "is")

    findings = check_files(paths, fix=fix, patterns=patterns)
    for finding in findings:
        click.echo(str(finding))
    problems = sum(not f.fixed for f in findings)
    if len(findings) > problems:
        app.info(f"fixed {_count(len(findings) - problems, 'problem')}")
    if problems:
        if model is not None:
            app.info("regression guard not run: fix the problems above first")
        raise click.ClickException(f"{_count(problems, 'problem')} in labelled samples")
    app.info("labelled samples: no problems")
    if model is None:
        return

    app.info(f"running the tagger in {model} on the samples...")
    result = guard_regression(paths, model, min_f1=min_f1, baseline=baseline,
                              tolerance=tolerance, patterns=patterns)
    if result.baseline and result.baseline.n_samples not in (None, result.n_samples):
        app.info(f"warning: the baseline scored {result.baseline.n_samples} samples, these are "
                 f"{result.n_samples}; rewrite it with `policylens evaluate --json` after "
                 "changing the samples")
    click.echo(result.table())
    for problem in result.problems:
        click.echo(f"regression: {problem}")
    if result.failed:
        raise click.ClickException(f"regression guard failed ({result.n_samples} samples, "
                                   f"model {result.model_version})")
    app.info(f"regression guard passed ({result.n_samples} samples, model "
             f"{result.model_version})")


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


# -- topics, trends, run -----------------------------------------------------------------------
class TopicCount(click.ParamType):
    """--k: a number of topics (2 or more) or 'auto'."""

    name = "K|auto"

    def convert(self, value, param, ctx):
        if value is None or str(value).lower() == "auto":
            return None
        try:
            k = int(value)
        except (TypeError, ValueError):
            self.fail(f"{value!r} is neither a number nor 'auto'", param, ctx)
        if k < 2:
            self.fail("the number of topics must be at least 2", param, ctx)
        return k


class MemorySize(click.ParamType):
    """--memory-budget: bytes, or a number with a unit (512MB, 1GB, 1.5G)."""

    name = "SIZE"
    UNITS = {"": 1, "b": 1, "k": 1 << 10, "kb": 1 << 10, "m": 1 << 20, "mb": 1 << 20,
             "g": 1 << 30, "gb": 1 << 30, "t": 1 << 40, "tb": 1 << 40}

    def convert(self, value, param, ctx):
        if isinstance(value, int):
            return value
        match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([a-z]*?)(?:i?b)?\s*", str(value).lower())
        unit = match and (match.group(2) if match.group(2) in self.UNITS else None)
        if not match or unit is None:
            self.fail(f"{value!r} is not a size: write e.g. 512MB or 2GB", param, ctx)
        return int(float(match.group(1)) * self.UNITS[unit])


def _k_range(ctx, param, value: str) -> tuple[int, int]:
    try:
        lo, hi = (int(v) for v in value.split(":"))
    except ValueError:
        raise click.BadParameter("write it as MIN:MAX, e.g. 4:12") from None
    if not 2 <= lo <= hi:
        raise click.BadParameter("need 2 <= MIN <= MAX")
    return lo, hi


def _compare(ctx, param, value: tuple[str, str] | None) -> tuple[str, str] | None:
    from .jobs.trends import check_compare

    try:
        check_compare(value)
    except PolicylensError as exc:
        raise click.BadParameter(exc.message + (f" ({exc.hint})" if exc.hint else "")) from None
    return value


def topic_options(f):
    """--k, --k-range, --method, --guided, --stop-words and --memory-budget (topics, run)."""
    f = click.option("--guided", is_flag=True,
                     help="Anchor one topic to each of the tagger's labels (THERAPY, COST, "
                     "REGULATION, NHS_WORKFORCE): passages that mention a label share its "
                     "topic even when their words differ; the other topics are free. NMF "
                     "only; the passages are tagged first.")(f)
    f = click.option("--stop-words", "stop_words",
                     type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
                     help="A UTF-8 file of words to leave out of the topics besides the built-in "
                     "stop list: one a line, # starts a comment.")(f)
    f = click.option("--memory-budget", type=MemorySize(),
                     default=DEFAULT_MEMORY_BUDGET, show_default=f"{DEFAULT_MEMORY_BUDGET >> 30}GB",
                     help="Memory the topic stage may use for its document-term matrix: "
                     "within it the matrix is held in memory, beyond it the passages are "
                     "re-read from the store on every pass (slower, same kind of model).")(f)
    f = click.option("--method", type=click.Choice(METHODS), default=DEFAULT_METHOD,
                     show_default=True,
                     help="NMF on tf-idf (fast, sharp topics) or LDA on word counts.")(f)
    f = click.option("--k-range", default="{}:{}".format(*DEFAULT_K_RANGE), show_default=True,
                     callback=_k_range,
                     metavar="MIN:MAX",
                     help="With --k auto: the numbers of topics to try, MIN:MAX.")(f)
    return click.option("--k", "k", type=TopicCount(), default="auto", show_default=True,
                        help="Number of topics, or 'auto' to pick it by coherence (NPMI).")(f)


def trend_options(f):
    """--by, --group, --compare and --bootstrap (trends, run)."""
    f = click.option("--bootstrap", "n_boot", type=click.IntRange(min=100),
                     default=DEFAULT_BOOTSTRAP,
                     show_default=True, help="Bootstrap replicates for the intervals.")(f)
    f = click.option("--compare", nargs=2, default=None, metavar="FROM TO", callback=_compare,
                     help="Two periods to compare for shifts, e.g. 2016:2018 2023:2025 "
                     "(default: the first and last periods).")(f)
    f = click.option("--group", type=click.Choice(GROUPS), default=None,
                     help="Also break trends down by this column.")(f)
    return click.option("--by", type=click.Choice(PERIODS), default=DEFAULT_PERIOD,
                        show_default=True, help="Length of a period.")(f)


def out_dir_option(default_help: str):
    return click.option("--out", "out", type=click.Path(file_okay=False, path_type=Path),
                        default=None, help=f"Folder for the outputs (default: {default_help}).")


@cli.command()
@app_options
@topic_options
@seed_option
@out_dir_option("the folder holding the store")
@click.option("--refit", is_flag=True, help="Fit again even if the passages are unchanged.")
@workers_option
@format_option("table")
@output_option
@with_db
@pass_app
def topics(app: App, k: int | None, k_range: tuple[int, int], method: str,
           guided: bool, memory_budget: int, stop_words: Path | None, seed: int,
           out: Path | None, refit: bool, workers: int | None, fmt: str,
           output: Path | None) -> None:
    """Find the topics of the stored passages and print them.

    Writes topics.csv, document_topics.csv, topic_matches.csv (k_selection.csv with --k
    auto) and the model (topic-model/: JSON and .npz) to --out. The model is reused while the
    passages and options are unchanged; a refit keeps the topic_key of every topic that
    matches one of the model before. With --k auto, the candidate models are fitted in
    --workers processes where that pays (LDA, or large stores); the results are the same
    whatever --workers is.

    \b
    Example:
      policylens topics --k auto --k-range 4:10 --method nmf --seed 0
    """
    from .export import write_rows
    from .jobs.topics import topic_table

    outcome = app.workspace().run_topics(k=k, k_range=k_range, method=method, seed=seed,
                                         out=out, refit=refit, workers=workers,
                                         memory_budget=memory_budget,
                                         stop_words=stop_words, guided=guided)
    with open_output(output) as table:
        write_rows(topic_table(outcome),
                   ("topic", "topic_key", "label", "share", "coherence", "top_words"), fmt, table)
    for name, path in outcome.outputs.items():
        app.info(f"{name}: {path}")


@cli.command()
@app_options
@trend_options
@seed_option
@out_dir_option("the folder holding the store")
@click.option("--model", "model_dir", type=click.Path(exists=True, file_okay=False,
                                                      path_type=Path),
              default=None, help="Topic model folder (default: the one `policylens topics` "
              "saved).")
@click.option("--no-plots", is_flag=True, help="Write the CSVs only.")
@with_db
@pass_app
def trends(app: App, by: str, group: str | None, compare: tuple[str, str] | None, n_boot: int,
           seed: int, out: Path | None, model_dir: Path | None, no_plots: bool) -> None:
    """Topic, mention and theme trends over time, shifts and divergence; prints the files
    written.

    Writes topic_trends.csv, mention_trends.csv, theme_trends.csv, framing.csv (with --group
    also leadlag.csv), shifts.csv, divergence.csv and plots/ (PNG and SVG) to --out, using the
    model from `policylens topics` (never refitted here) and the store's mentions.
    Intervals are 95% percentile bootstrap intervals over documents; periods with fewer than
    3 documents are marked thin; a shift is beyond noise when its Benjamini-Hochberg q-value
    is below 0.05 and neither end is thin. With --group, the plots draw a line per group.

    \b
    Example:
      policylens trends --by year --group kind --compare 2016:2018 2023:2025
    """
    outputs = app.workspace().run_trends(by=by, group=group, compare=compare, n_boot=n_boot,
                                         seed=seed, out=out, model=model_dir,
                                         plots=not no_plots)
    for path in outputs.values():
        click.echo(str(path))


@cli.command()
@app_options
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("--out", "out", type=click.Path(file_okay=False, path_type=Path),
              default=DEFAULT_OUT, show_default=True,
              help="Folder for the store and every output.")
@topic_options
@trend_options
@seed_option
@workers_option
@click.option("--refit", is_flag=True, help="Fit topics again even if the passages are "
              "unchanged.")
@dask_option
@db_option
@click.pass_context
def run(ctx: click.Context, paths: tuple[Path, ...], out: Path, k: int | None,
        k_range: tuple[int, int], method: str, guided: bool, memory_budget: int,
        stop_words: Path | None, by: str, group: str | None,
        compare: tuple[str, str] | None, n_boot: int, seed: int, workers: int | None,
        refit: bool, dask: str | None, db: Path | None) -> None:
    """Ingest, tag, find topics and write trends in one go; prints where each output is.

    PATHS are PDF files or folders (default: ./corpus). The store goes in --out unless --db
    is given. Rerunning reuses the store: unchanged files, tagged passages and an unchanged
    topic model are not redone. With --dask, reading the PDFs, tagging and scoring every
    passage with the topic model run on that cluster; this process writes the store.

    \b
    Example:
      policylens run corpus --out policylens-results --seed 0
    """
    from .api import run as run_stages

    app = ctx.find_object(App)
    result = run_stages(paths, out, db=db or ctx.find_root().params.get("db"), k=k,
                        k_range=k_range, method=method, by=by, group=group, compare=compare,
                        n_boot=n_boot, seed=seed, workers=workers, refit=refit,
                        memory_budget=memory_budget, dask=dask, stop_words=stop_words,
                        guided=guided, info=app.info,
                        progress_bar=app.progress_bar)
    for path in result.outputs.values():
        click.echo(str(path))


def main() -> None:  # pragma: no cover - entry point for `python -m policylens`
    cli()
