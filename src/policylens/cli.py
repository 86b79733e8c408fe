"""The policylens command line: each command parses options, calls the library, prints.

Heavy libraries (spaCy, scikit-learn, pdfplumber, matplotlib) are imported inside commands so
that ``policylens --help`` and ``policylens check`` start fast.
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import sys
import traceback
from dataclasses import dataclass
from pathlib import Path

import click

from . import __version__
from .errors import PolicylensError
from .store import DEFAULT_DB


@dataclass
class App:
    """What every command shares: the store path and how chatty to be."""

    db: Path
    quiet: bool = False
    debug: bool = False

    def info(self, message: str) -> None:
        """Progress and summaries go to stderr, so stdout stays data."""
        if not self.quiet:
            click.echo(message, err=True)

    def progress(self, length: int, label: str):
        """A progress bar on stderr (hidden with -q or when stderr is not a terminal)."""
        return click.progressbar(
            length=length, label=label, file=sys.stderr,
            hidden=self.quiet or not sys.stderr.isatty(),
        )

    def open_store(self, create: bool = False):
        from .store import open_store

        return open_store(self.db, create=create)


pass_app = click.make_pass_decorator(App)


class PolicylensGroup(click.Group):
    """Turns library errors into one-line messages; --debug shows the traceback."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except PolicylensError as exc:
            app = ctx.find_object(App)
            if app and app.debug:
                traceback.print_exc()
            message = exc.message + (f"\nHint: {exc.hint}" if exc.hint else "")
            raise click.ClickException(message) from exc
        except KeyboardInterrupt:
            click.echo(
                "Interrupted. Work finished so far is saved in the store; "
                "rerun the same command to do the rest.",
                err=True,
            )
            ctx.exit(130)


# -- options shared by several commands: one name and one help text each --------------------
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


def workers_option(f):
    return click.option(
        "--workers", type=click.IntRange(min=0), default=None,
        help="Worker processes (default: all cores; 0 runs in this process).",
    )(f)


def seed_option(f):
    return click.option(
        "--seed", type=int, default=0, show_default=True,
        help="Random seed: the same input and seed give the same output.",
    )(f)


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


def open_output(output: Path | None):
    """stdout (left open), or a UTF-8 file."""
    if output is None:
        return contextlib.nullcontext(click.get_text_stream("stdout"))
    return open(output, "w", encoding="utf-8", newline="")


@click.group(cls=PolicylensGroup, context_settings={"auto_envvar_prefix": "POLICYLENS",
                                                    "help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="policylens")
@db_option
@click.option("-q", "--quiet", is_flag=True, help="Print only data and errors.")
@click.option("--debug", is_flag=True, help="Show tracebacks for errors.")
@click.pass_context
def cli(ctx: click.Context, db: Path | None, quiet: bool, debug: bool) -> None:
    """policylens: follow how a policy debate moves, from PDFs to mentions, topics and trends.

    \b
    Example:
      policylens run corpus --out policylens-results
    """
    ctx.obj = App(db=db or Path(os.environ.get("POLICYLENS_DB", DEFAULT_DB)), quiet=quiet,
                  debug=debug)


# -- ingest ------------------------------------------------------------------------------------
@cli.command()
@click.argument("paths", nargs=-1, required=True,
                type=click.Path(exists=True, path_type=Path))
@click.option("--metadata", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              default=None, help="CSV with file,date,kind,title (default: metadata.csv in a "
              "folder being ingested, if present).")
@click.option("--timeout", type=click.FloatRange(min=1), default=120, show_default=True,
              help="Seconds allowed for one PDF before it is recorded as timed out.")
@click.option("--follow-symlinks", is_flag=True,
              help="Follow symbolic links that point outside the folders being ingested.")
@click.option("--retry-failed", is_flag=True, help="Try again files that failed before.")
@workers_option
@with_db
@pass_app
def ingest(app: App, paths: tuple[Path, ...], metadata: Path | None, timeout: float,
           follow_symlinks: bool, retry_failed: bool, workers: int | None) -> None:
    """Read PDFs (files or folders, recursively) into the store.

    Unchanged files (same sha256) are skipped, so an interrupted run can simply be rerun.
    Unreadable files are recorded with a reason and skipped; the exit code is 1 only when
    every file failed.

    \b
    Example:
      policylens ingest corpus/ --db results/policylens.db --workers 2
    """
    from .ingest import ingest_paths

    with app.open_store(create=True) as store:
        summary = ingest_paths(
            store, paths, metadata=metadata, workers=workers, timeout=timeout,
            follow_symlinks=follow_symlinks, retry_failed=retry_failed, progress=app.progress,
        )
    app.info(summary.describe())
    if summary.all_failed:
        raise click.ClickException("no file could be read; see the reasons above")


@cli.command()
@with_db
@click.option("--json", "as_json", is_flag=True, help="Print the status as JSON.")
@pass_app
def status(app: App, as_json: bool) -> None:
    """Show what the store holds: documents, passages, failures and date range.

    \b
    Example:
      policylens status --db results/policylens.db
    """
    with app.open_store() as store:
        info = store.status()
    if as_json:
        click.echo(json.dumps(info, indent=2, ensure_ascii=False))
        return
    click.echo(f"store        {info['store']}")
    click.echo(f"documents    {info['documents']}  ({', '.join(f'{k}: {v}' for k, v in info['kinds'].items()) or 'none'})")
    click.echo(f"pages        {info['pages']}")
    click.echo(f"passages     {info['passages']}  ({info['words']} words)")
    click.echo(f"dates        {info['date_from'] or '-'} to {info['date_to'] or '-'}"
               f"  ({info['undated']} undated)")
    click.echo(f"tagged       {info['tagged_passages']} passages, {info['mentions']} mentions"
               f"  (model {info['model_version'] or '-'})")
    click.echo(f"failures     {len(info['failures'])}")
    for f in info["failures"]:
        click.echo(f"  {f['path']}: {f['reason']}: {f['detail']}")


# -- export ------------------------------------------------------------------------------------
@cli.group()
def export() -> None:
    """Export what the store holds as CSV or JSON lines.

    \b
    Example:
      policylens export passages --format csv -o passages.csv
    """


@export.command("passages")
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
    from .ingest.tables import PASSAGE_COLUMNS, passage_rows

    with app.open_store() as store, open_output(output) as out:
        n = write_rows(passage_rows(store), PASSAGE_COLUMNS, fmt, out)
    app.info(f"{n} passages exported")


@export.command("documents")
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
    from .ingest.tables import DOCUMENT_COLUMNS, document_rows

    with app.open_store() as store, open_output(output) as out:
        n = write_rows(document_rows(store), DOCUMENT_COLUMNS, fmt, out)
    app.info(f"{n} documents exported")


def main() -> None:  # pragma: no cover - entry point for `python -m policylens`
    cli()
