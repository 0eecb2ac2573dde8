"""The command line: `briefing [CORPUS]` and the commands that print each part of a briefing.

Every command reads the same `Briefing` from the engine; `--json` prints the records of
`briefing.records` for scripts, the default draws rich tables for people.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click
from rich.console import Console, RenderableType
from rich.text import Text

from briefing import __version__, records, report, visits
from briefing.bookmarks import BookmarksError, BookmarksFile, default_location
from briefing.corpus import CorpusError
from briefing.engine import Desk, open_desk
from briefing.export import FORMATS, ExportError, export, write
from briefing.formatting import plural
from briefing.model import Briefing
from briefing.paths import cache_dir, sample_corpus
from briefing.progress import ProgressBar
from briefing.search import QueryError
from briefing.store import cache_location


class _Commands(click.Group):
    """`briefing CORPUS` is short for `briefing open CORPUS`."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and not args[0].startswith("-"):
            args = ["open", *args]
        return super().parse_args(ctx, args)


PAGE_WIDTH = 140
CORPUS = click.argument("corpus", required=False, type=click.Path(path_type=Path))
AS_JSON = click.option(
    "--json", "as_json", is_flag=True, help="Print JSON for scripts instead of tables."
)
BOOKMARKS = click.option(
    "--bookmarks",
    type=click.Path(path_type=Path, dir_okay=False),
    help="The bookmarks file to use (by default, one per corpus in your data folder).",
)
NO_CACHE = click.option(
    "--no-cache", is_flag=True, help="Read every article again, in memory; keep no cache."
)


def _console() -> Console:
    """Rich output; when written to a file or a pipe, as wide as a page rather than 80 columns."""
    fixed = sys.stdout.isatty() or "COLUMNS" in os.environ
    return Console(highlight=False, width=None if fixed else PAGE_WIDTH)


def _errors() -> Console:
    return Console(stderr=True, highlight=False)


def _warn(message: str) -> None:
    _errors().print(Text.assemble(("warning: ", "bold yellow"), message))


def _open(corpus: Path | None, no_cache: bool = False, always_progress: bool = False) -> Desk:
    """The corpus open and up to date; a progress bar on the terminal while articles are read."""
    root = corpus if corpus is not None else sample_corpus()
    try:
        with ProgressBar(_errors(), always_progress) as progress:
            return open_desk(root, cache=not no_cache, progress=progress, warn=_warn)
    except CorpusError as error:
        raise click.ClickException(str(error)) from None


def _load(corpus: Path | None, no_cache: bool = False) -> Briefing:
    return _open(corpus, no_cache).briefing


def _show(
    briefing: Briefing, as_json: bool, record: Callable[[Briefing], Any], table: RenderableType
) -> None:
    if as_json:
        click.echo(json.dumps(record(briefing), ensure_ascii=False, indent=2))
        return
    console = _console()
    console.print(report.summary(briefing))
    console.print()
    console.print(table)


@click.group(
    cls=_Commands,
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
@click.version_option(__version__, prog_name="briefing")
@click.pass_context
def main(ctx: click.Context) -> None:
    """A briefing on a developing story, from a folder of articles.

    CORPUS is a folder of articles (.txt, .md, .html, .json, .jsonl; read recursively) or one file.
    Without it, briefing reads the sample corpus it comes with.

    \b
    Examples:
      briefing                          the dashboard, on the sample corpus
      briefing ~/news/istanbul-talks    the dashboard, on your own folder
      briefing report ARTICLES          the briefing printed: timeline, people, venues
      briefing timeline --json ARTICLES events as JSON, for scripts
      briefing show ARTICLE             one article, its people, places and dates marked
    """
    if ctx.invoked_subcommand is None:
        ctx.invoke(open_command)


@main.command("open")
@CORPUS
@NO_CACHE
@BOOKMARKS
def open_command(
    corpus: Path | None = None, no_cache: bool = False, bookmarks: Path | None = None
) -> None:
    """Open the dashboard on CORPUS (printed as a report when not in a terminal)."""
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        _print_report(corpus, no_cache)
        return
    from briefing.tui import run

    root = corpus if corpus is not None else sample_corpus()
    problem = run(root, cache=not no_cache, bookmarks=bookmarks)
    if problem:
        raise click.ClickException(problem)


@main.command("report")
@CORPUS
@NO_CACHE
def report_command(corpus: Path | None = None, no_cache: bool = False) -> None:
    """Print the briefing of CORPUS: its timeline, then who and where."""
    _print_report(corpus, no_cache)


def _print_report(corpus: Path | None, no_cache: bool) -> None:
    briefing = _load(corpus, no_cache)
    console = _console()
    console.print(report.summary(briefing))
    console.print()
    console.print(report.timeline(briefing))
    console.print()
    console.print(report.people(briefing))
    console.print()
    console.print(report.organisations(briefing))
    console.print()
    console.print(report.venues(briefing))


@main.command("timeline")
@CORPUS
@AS_JSON
@NO_CACHE
@click.option(
    "-s", "--sentences", is_flag=True, help="Show the sentence of every source under each event."
)
@click.option(
    "--background",
    is_flag=True,
    help="Also list the events well before the story, after it (--json always has them, marked).",
)
@click.option(
    "--since-last",
    is_flag=True,
    help="Mark the events new or changed since CORPUS was last opened; this counts as a visit.",
)
def timeline_command(
    corpus: Path | None,
    as_json: bool,
    no_cache: bool,
    sentences: bool,
    background: bool,
    since_last: bool,
) -> None:
    """The events of CORPUS in date order, each with the articles that report it."""
    briefing = _load(corpus, no_cache)
    changes = None
    if since_last:
        visit, problem = visits.last_visit(briefing.root)
        if problem or visit is None:
            _warn(problem or "no earlier visit of this corpus is recorded: this one now is")
        changes = visits.changes(briefing, visit)
        if problem := visits.record_visit(briefing, briefing.root):
            _warn(problem)
    _show(
        briefing,
        as_json,
        lambda briefing: records.timeline(briefing, changes),
        report.timeline(briefing, sentences, background, changes),
    )


@main.command("changes")
@CORPUS
@AS_JSON
@NO_CACHE
def changes_command(corpus: Path | None, as_json: bool, no_cache: bool) -> None:
    """The events new or changed since CORPUS was last opened, in the dashboard or with
    `timeline --since-last`. This only reads: the next visit compares with the same one."""
    briefing = _load(corpus, no_cache)
    visit, problem = visits.last_visit(briefing.root)
    if problem:
        _warn(problem)
    changes = visits.changes(briefing, visit)
    if as_json:
        record = records.changes(briefing, visit.at if visit else None, changes)
        click.echo(json.dumps(record, ensure_ascii=False, indent=2))
        return
    console = _console()
    console.print(report.summary(briefing))
    console.print()
    console.print(report.changes(briefing, visit.at if visit else None, changes))


@main.command("people")
@CORPUS
@AS_JSON
@NO_CACHE
def people_command(corpus: Path | None, as_json: bool, no_cache: bool) -> None:
    """The people named in CORPUS, with their roles and every spelling of their names."""
    briefing = _load(corpus, no_cache)
    _show(briefing, as_json, records.people, report.people(briefing))


@main.command("organisations")
@CORPUS
@AS_JSON
@NO_CACHE
def organisations_command(corpus: Path | None, as_json: bool, no_cache: bool) -> None:
    """The organisations named in CORPUS: companies, agencies, parties, courts, armies, media."""
    briefing = _load(corpus, no_cache)
    _show(briefing, as_json, records.organisations, report.organisations(briefing))


@main.command("venues")
@CORPUS
@AS_JSON
@NO_CACHE
def venues_command(corpus: Path | None, as_json: bool, no_cache: bool) -> None:
    """The places named in CORPUS: countries, cities, regions, buildings and sites."""
    briefing = _load(corpus, no_cache)
    _show(briefing, as_json, records.venues, report.venues(briefing))


@main.command("articles")
@CORPUS
@AS_JSON
@NO_CACHE
def articles_command(corpus: Path | None, as_json: bool, no_cache: bool) -> None:
    """What was read from CORPUS and each article's date, and what was skipped and why."""
    briefing = _load(corpus, no_cache)
    _show(briefing, as_json, records.articles, report.articles(briefing))


@main.command("show")
@click.argument("article", type=click.Path(path_type=Path))
@CORPUS
@AS_JSON
@NO_CACHE
def show_command(article: Path, corpus: Path | None, as_json: bool, no_cache: bool) -> None:
    """One article's cleaned text, with its dates, people and places marked.

    ARTICLE is a file, or an article's path as `briefing articles` lists it. The article is read
    with the rest of its corpus (CORPUS, or else the folder it is in), which dates what it leaves
    undated.
    """
    root, name = _locate(article, corpus)
    briefing = _load(root, no_cache)
    matches = [path for path in briefing.article if path == name or path.split("#")[0] == name]
    if not matches:
        skipped = next((skip for skip in briefing.skipped if skip.path.startswith(name)), None)
        why = f"it was skipped: {skipped.reason}" if skipped else f"no such article in {root}"
        raise click.ClickException(f"{name}: {why}")
    if as_json:
        shown = [records.article_with_marks(briefing, path) for path in matches]
        click.echo(json.dumps(shown[0] if len(shown) == 1 else shown, ensure_ascii=False, indent=2))
        return
    console = _console()
    for path in matches:
        console.print(report.article(briefing, path))
        console.print()


@main.command("search")
@click.argument("query")
@CORPUS
@AS_JSON
@NO_CACHE
@click.option(
    "-n", "--limit", default=20, show_default=True, help="Show at most this many articles."
)
def search_command(
    query: str, corpus: Path | None, as_json: bool, no_cache: bool, limit: int
) -> None:
    """The articles of CORPUS that match QUERY, best first, with the words found marked.

    \b
    talks istanbul          both words (Ciragan finds Çırağan too)
    "second round"          the exact phrase
    ceasefire OR truce      either word
    -drones   NOT drones    without the word
    negotiat*               words that start so
    person:Zelenskyy        articles naming that person, however spelled
    venue:Istanbul          articles naming that place or a place in it
    date:2025-06  after:2025-05-20  before:2025-06-01
    outlet:Reuters          articles from that outlet

    With --json, each snippet marks the words found as **word**.
    """
    desk = _open(corpus, no_cache)
    try:
        results = desk.search(query, limit=limit)
    except QueryError as error:
        raise click.ClickException(f"cannot read the query {query!r}: {error}") from None
    if as_json:
        click.echo(json.dumps(records.search_results(results), ensure_ascii=False, indent=2))
        return
    _console().print(report.search_results(results))


@main.command("index")
@CORPUS
@click.option(
    "--rebuild", is_flag=True, help="Resolve the whole briefing again (articles are not re-read)."
)
def index_command(corpus: Path | None, rebuild: bool) -> None:
    """Build or bring up to date the cache of CORPUS, showing progress.

    Every other command does the same before it answers; this one only builds, so that a large
    corpus can be read ahead of time. Updates gather new mentions into the events already
    there; --rebuild gathers them all afresh, as a first build does.
    """
    desk = _open(corpus, always_progress=True)
    if rebuild:
        with ProgressBar(_errors(), always=True) as progress:
            desk.rebuild(progress)
    console = _console()
    location = desk.store.location
    console.print(report.summary(desk.briefing))
    kept = (
        f"cache: {location} ({_size(location)})"
        if location
        else "no cache could be kept (see the warning)"
    )
    files = len(desk.store.stamps())  # what the store now holds, without scanning again
    console.print(Text(f"{files:,} files up to date  ·  {kept}", style="dim"))


@main.command("cache")
@CORPUS
@click.option("--path", "show_path", is_flag=True, help="Print where the cache of CORPUS is kept.")
@click.option(
    "--clear", is_flag=True, help="Delete the cache of CORPUS; it is rebuilt when next needed."
)
@click.option(
    "--all", "every", is_flag=True, help="With --clear, delete the caches of every corpus."
)
def cache_command(corpus: Path | None, show_path: bool, clear: bool, every: bool) -> None:
    """Where the cache of CORPUS is kept and how large it is; --clear empties it."""
    root = corpus if corpus is not None else sample_corpus()
    location = cache_location(root)
    if every and not clear:
        raise click.UsageError("--all goes with --clear")
    if clear:
        targets = sorted(cache_dir().glob("*.sqlite*")) if every else _cache_files(location)
        for target in targets:
            target.unlink(missing_ok=True)
        what = f"every cache in {cache_dir()}" if every else f"the cache of {root}"
        click.echo(
            f"Deleted {what} ({len(targets)} files)."
            if targets
            else f"There was no cache to delete ({what})."
        )
        return
    if show_path:
        click.echo(str(location))
        return
    state = _size(location) if location.exists() else "not built yet; `briefing index` builds it"
    click.echo(f"{location}  ({state})")


def _cache_files(location: Path) -> list[Path]:
    suffixes = ("", "-wal", "-shm", ".lock")
    return [
        path for suffix in suffixes if (path := location.with_name(location.name + suffix)).exists()
    ]


def _size(location: Path) -> str:
    size = sum(path.stat().st_size for path in _cache_files(location))
    return f"{size / 1_000_000:,.1f} MB"


# -- bookmarks -----------------------------------------------------------------------------------


@main.group("bookmarks")
def bookmarks_group() -> None:
    """The events you bookmarked in the dashboard, listed or written out."""


@bookmarks_group.command("list")
@CORPUS
@BOOKMARKS
@AS_JSON
def bookmarks_list(corpus: Path | None, bookmarks: Path | None, as_json: bool) -> None:
    """The bookmarked events of CORPUS in date order, with their notes.

    Each bookmark is found again in the corpus as it is now; one whose event is gone is listed
    as it was when bookmarked, and marked so.
    """
    _, kept = _bookmarks(corpus, bookmarks)
    if as_json:
        click.echo(json.dumps(kept.bookmarks.document(kept.corpus), ensure_ascii=False, indent=2))
        return
    _console().print(report.bookmarks(kept.bookmarks.in_order(), kept.location))


@bookmarks_group.command("export")
@CORPUS
@BOOKMARKS
@click.option(
    "--format", "form", type=click.Choice(FORMATS), default="md", show_default=True,
    help="md: a briefing to send; ics: a calendar; csv: a spreadsheet; json: the bookmarks.",
)  # fmt: skip
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), required=True,
              help="The file to write.")  # fmt: skip
@click.option("--force", is_flag=True, help="Write over the file if it exists.")
def bookmarks_export(
    corpus: Path | None, bookmarks: Path | None, form: str, output: Path, force: bool
) -> None:
    """Write the bookmarked events of CORPUS to a file."""
    root, kept = _bookmarks(corpus, bookmarks)
    text = export(kept.bookmarks, form, f"Briefing: {root.name}", kept.corpus)
    try:
        write(output, text, force)
    except ExportError as error:
        raise click.ClickException(str(error)) from None
    count = plural(len(kept.bookmarks.items), "bookmarked event")
    click.echo(f"Wrote {count} to {output} ({form}).")


def _bookmarks(corpus: Path | None, location: Path | None) -> tuple[Path, BookmarksFile]:
    """The bookmarks of a corpus, each found again in it if it can be read."""
    root = (corpus if corpus is not None else sample_corpus()).expanduser()
    kept = BookmarksFile(location or default_location(root), root.resolve())
    notice = kept.load()
    if notice:
        _warn(notice)
    if not kept.bookmarks.items:
        return root, kept
    try:
        briefing = open_desk(root, warn=_warn).briefing
    except CorpusError as error:
        _warn(f"{error}: the bookmarks are shown as they were saved")
        return root, kept
    before = dict(kept.bookmarks.items)
    kept.bookmarks.attach(briefing)
    if kept.bookmarks.items == before:
        return root, kept  # listing or writing out the bookmarks does not rewrite their file
    try:
        kept.save()
    except BookmarksError as error:
        _warn(str(error))
    return root, kept


def _locate(article: Path, corpus: Path | None) -> tuple[Path, str]:
    """The corpus to read and the article's path inside it."""
    if corpus is None:
        if article.is_file():
            return article.parent, article.name
        return sample_corpus(), article.as_posix()
    if article.exists() and _under(article, corpus):
        return corpus, article.resolve().relative_to(corpus.resolve()).as_posix()
    return corpus, article.as_posix()


def _under(path: Path, folder: Path) -> bool:
    try:
        path.resolve().relative_to(folder.resolve())
    except ValueError:
        return False
    return True
