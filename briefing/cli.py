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

from briefing import __version__, records, report
from briefing.corpus import CorpusError
from briefing.engine import open_briefing
from briefing.model import Briefing
from briefing.paths import sample_corpus


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


def _console() -> Console:
    """Rich output; when written to a file or a pipe, as wide as a page rather than 80 columns."""
    fixed = sys.stdout.isatty() or "COLUMNS" in os.environ
    return Console(highlight=False, width=None if fixed else PAGE_WIDTH)


def _load(corpus: Path | None) -> Briefing:
    root = corpus if corpus is not None else sample_corpus()
    try:
        return open_briefing(root)
    except CorpusError as error:
        raise click.ClickException(str(error)) from None


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
      briefing                          the briefing of the sample corpus
      briefing ~/news/istanbul-talks    the briefing of your own folder
      briefing timeline --json ARTICLES events as JSON, for scripts
      briefing show ARTICLE             one article, its people, places and dates marked
    """
    if ctx.invoked_subcommand is None:
        ctx.invoke(open_command)


@main.command("open")
@CORPUS
def open_command(corpus: Path | None = None) -> None:
    """Show the briefing of CORPUS: its timeline, then who and where."""
    briefing = _load(corpus)
    console = _console()
    console.print(report.summary(briefing))
    console.print()
    console.print(report.timeline(briefing))
    console.print()
    console.print(report.people(briefing))
    console.print()
    console.print(report.venues(briefing))


@main.command("timeline")
@CORPUS
@AS_JSON
@click.option(
    "-s", "--sentences", is_flag=True, help="Show the sentence of every source under each event."
)
def timeline_command(corpus: Path | None, as_json: bool, sentences: bool) -> None:
    """The events of CORPUS in date order, each with the articles that report it."""
    briefing = _load(corpus)
    _show(briefing, as_json, records.timeline, report.timeline(briefing, sentences))


@main.command("people")
@CORPUS
@AS_JSON
def people_command(corpus: Path | None, as_json: bool) -> None:
    """The people named in CORPUS, with their roles and every spelling of their names."""
    briefing = _load(corpus)
    _show(briefing, as_json, records.people, report.people(briefing))


@main.command("venues")
@CORPUS
@AS_JSON
def venues_command(corpus: Path | None, as_json: bool) -> None:
    """The places named in CORPUS: countries, cities, regions, buildings and sites."""
    briefing = _load(corpus)
    _show(briefing, as_json, records.venues, report.venues(briefing))


@main.command("articles")
@CORPUS
@AS_JSON
def articles_command(corpus: Path | None, as_json: bool) -> None:
    """What was read from CORPUS and each article's date, and what was skipped and why."""
    briefing = _load(corpus)
    _show(briefing, as_json, records.articles, report.articles(briefing))


@main.command("show")
@click.argument("article", type=click.Path(path_type=Path))
@CORPUS
@AS_JSON
def show_command(article: Path, corpus: Path | None, as_json: bool) -> None:
    """One article's cleaned text, with its dates, people and places marked.

    ARTICLE is a file, or an article's path as `briefing articles` lists it. The article is read
    with the rest of its corpus (CORPUS, or else the folder it is in), which dates what it leaves
    undated.
    """
    root, name = _locate(article, corpus)
    briefing = _load(root)
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
