"""The briefing drawn for a terminal with rich: tables and marked-up articles for the command line.

Every string that comes from an article is wrapped in `Text`, never parsed as markup: an article
that contains "[bold]" shows "[bold]".
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from rich import box
from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from briefing.bookmarks import Bookmark
from briefing.disagreements import disagreements
from briefing.formatting import CHANGE_DOTS, human_article_date, human_time, human_when, plural
from briefing.model import Briefing, DateSource, DateSpan, Event, Mention
from briefing.search import Results, snippet_parts
from briefing.visits import Change

STYLES = {
    "event": "bold yellow",
    "person": "bold cyan",
    "venue": "bold green",
    "organisation": "bold magenta",
}
SHOWN_PEOPLE = 3
SHOWN_VENUES = 2


def summary(briefing: Briefing) -> Text:
    text = Text("Briefing of ", style="bold")
    text.append(str(briefing.root), style="bold")
    text.append("\n" + counts(briefing), style="dim")
    return text


def counts(briefing: Briefing) -> str:
    """'16 articles (1 undated)  ·  30 events  ·  16 people  ·  21 venues  ·  2 files skipped'"""
    undated = sum(1 for article in briefing.articles if article.date.source is DateSource.UNKNOWN)
    parts = [
        plural(len(briefing.articles), "article") + (f" ({undated} undated)" if undated else ""),
        plural(len(briefing.events), "event"),
        plural(len(briefing.people), "person", "people"),
        plural(len(briefing.organisations), "organisation"),
        plural(len(briefing.venues), "venue"),
    ]
    if briefing.skipped:
        parts.append(plural(len(briefing.skipped), "file") + " skipped")
    return "  ·  ".join(parts)


SOURCES_EXPLAINED = (
    "Sources: the independent sources that report an event (copies of one syndicated story, and "
    'articles of one outlet, count once); "1 only": a single source. Articles: how many '
    "articles report it."
)


def timeline(
    briefing: Briefing,
    sentences: bool = False,
    background: bool = False,
    changes: dict[str, Change] | None = None,
) -> RenderableType:
    """The story's events by date; under each title, where and who, and with `sentences` every
    source. The background (events well before the story) comes last, with `background`, or is
    counted in a line that says how to see it. `changes` marks what is new since the last visit."""
    mentions = briefing.all_mentions("event")  # each article read once
    parts: list[RenderableType] = [
        _event_table(briefing, briefing.story, mentions, SOURCES_EXPLAINED, changes, sentences)
    ]
    if briefing.background and background:
        parts += [
            "",
            _event_table(
                briefing,
                briefing.background,
                mentions,
                background_title(briefing),
                changes,
                sentences,
            ),
        ]
    elif briefing.background:
        parts += ["", Text(background_title(briefing) + ": --background shows them", style="dim")]
    return Group(*parts)


CHANGE_MARKS = {how: f"{dot}{how}" for how, dot in CHANGE_DOTS.items()}


def changes(briefing: Briefing, since: str | None, changes: dict[str, Change]) -> RenderableType:
    """The events new or changed since the last visit, by date, or why there are none."""
    if since is None:
        return Text(
            "No earlier visit of this corpus is recorded: the dashboard and `briefing timeline "
            "--since-last` record one, and the next `briefing changes` compares with it.",
            style="dim",
        )
    events = [event for event in briefing.events if event.id in changes]
    since = visit_time(since)
    if not events:
        return Text(f"Nothing new or changed since the last visit ({since}).", style="dim")
    heading = f"Since the last visit ({since}): " + ", ".join(
        plural(sum(change.how == how for change in changes.values()), f"{how} event")
        for how in ("new", "changed")
    )
    return _event_table(briefing, events, {}, heading, changes)


def visit_time(at: str) -> str:
    """'2 Dec 2026 18:24' for a visit recorded at '2026-12-02T18:24:53'."""
    try:
        return datetime.fromisoformat(at).strftime("%-d %b %Y %H:%M")
    except ValueError:
        return at


def background_title(briefing: Briefing) -> str:
    """What the background group holds: "Background: 6 events well before the story (...)"."""
    events = briefing.background
    return (
        f"Background: {plural(len(events), 'event')} well before the story "
        f"(its articles begin {human_when(DateSpan.parse(str(briefing.story_start)))})"
    )


def _event_table(
    briefing: Briefing,
    events: Sequence[Event],
    mentions: dict[str, list[Mention]],
    title: str,
    changes: dict[str, Change] | None = None,
    sentences: bool = False,
) -> Table:
    table = Table(
        box=box.SIMPLE_HEAD,
        show_edge=False,
        pad_edge=False,
        expand=True,
        title=title,
        title_justify="left",
        title_style="dim",
    )
    table.add_column("Date", no_wrap=True, style="bold")
    table.add_column("Time", no_wrap=True, style="dim")
    table.add_column("Event", ratio=1)
    table.add_column("Sources", justify="right", no_wrap=True)
    table.add_column("Articles", justify="right", no_wrap=True)
    previous = ""
    for event in events:
        when = human_when(event.when)
        table.add_row(
            Text("" if when == previous else when),
            Text(human_time(event.when)),
            _event_cell(
                briefing,
                event,
                mentions.get(event.id, []),
                (changes or {}).get(event.id),
                sentences,
            ),
            Text("1 only", style="yellow") if event.sources == 1 else Text(str(event.sources)),
            Text(str(event.article_count)),
        )
        previous = when
    return table


def _event_cell(
    briefing: Briefing,
    event: Event,
    mentions: list[Mention],
    change: Change | None = None,
    sentences: bool = False,
) -> Text:
    """An event's title, where and who, where its sources differ, and with `sentences` each
    source's sentence."""
    cell = Text()
    if change is not None:
        cell.append(f"{CHANGE_MARKS[change.how]} ", style="bold yellow")
    cell.append(event.title)
    if change is not None and change.how == "changed":
        cell.append(f"  ({change.what})", style="yellow")
    where = _where(briefing, event)
    who = ", ".join(_surname(briefing.person[p].name) for p in event.people[:SHOWN_PEOPLE])
    if where or who:
        cell.append("\n")
        cell.append(where, style="green")
        cell.append("  ·  " if where and who else "", style="dim")
        cell.append(who, style="cyan")
    for disagreement in disagreements(briefing, event, mentions):
        cell.append(f"\n⚠ sources differ on {disagreement.line()}", style="yellow")
    for mention in mentions if sentences else ():
        cell.append("\n  ")
        cell.append(mention.article, style="dim italic")
        cell.append(": ", style="dim")
        cell.append(briefing.text_of(mention), style="dim")
    return cell


def _where(briefing: Briefing, event: Event) -> str:
    """The most mentioned venues, each once: "Istanbul, Çırağan Palace"."""
    shown: list[str] = []
    for venue_id in event.venues:
        name = briefing.venue[venue_id].name
        if name not in shown:
            shown.append(name)
    return ", ".join(shown[:SHOWN_VENUES])


def _surname(name: str) -> str:
    return name.split()[-1]


def people(briefing: Briefing) -> RenderableType:
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    table.add_column("Person", style="bold cyan", no_wrap=True)
    table.add_column("Roles", ratio=2)
    table.add_column("Articles", justify="right")
    table.add_column("Events", justify="right")
    table.add_column("Also written", ratio=1, style="dim")
    for person in briefing.people:
        table.add_row(
            Text(person.name),
            Text("; ".join(person.roles[:2])),
            Text(str(person.article_count)),
            Text(str(len(briefing.events_of_person(person.id)))),
            Text(", ".join(person.aliases)),
        )
    return table


def organisations(briefing: Briefing) -> RenderableType:
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    table.add_column("Organisation", style="bold magenta", no_wrap=True)
    table.add_column("Kind")
    table.add_column("Articles", justify="right")
    table.add_column("Mentions", justify="right")
    table.add_column("Also written", ratio=1, style="dim")
    for organisation in briefing.organisations:
        table.add_row(
            Text(organisation.name),
            Text(organisation.kind or ""),
            Text(str(organisation.article_count)),
            Text(str(organisation.mention_count)),
            Text(", ".join(organisation.aliases)),
        )
    return table


def venues(briefing: Briefing) -> RenderableType:
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    table.add_column("Venue", style="bold green", no_wrap=True)
    table.add_column("Kind")
    table.add_column("Within")
    table.add_column("Articles", justify="right")
    table.add_column("Events", justify="right")
    table.add_column("Also written", style="dim")
    for venue in briefing.venues:
        table.add_row(
            Text(venue.name),
            Text(venue.kind),
            Text(briefing.venue[venue.within].name if venue.within in briefing.venue else ""),
            Text(str(venue.article_count)),
            Text(str(len(briefing.events_of_venue(venue.id)))),
            Text(", ".join(venue.aliases)),
        )
    return table


def articles(briefing: Briefing) -> RenderableType:
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, expand=True)
    table.add_column("Article", style="bold", overflow="fold", ratio=3)
    table.add_column("Date", no_wrap=True)
    table.add_column("Dated by", ratio=2, style="dim")
    table.add_column("Title", ratio=4)
    table.add_column("Outlet", style="dim", ratio=2)
    for article in briefing.articles:
        table.add_row(
            Text(article.path),
            Text(human_article_date(article.date)),
            Text(f"{article.date.source.value}: {article.date.how}"),
            Text(article.title),
            Text(article.outlet or ""),
        )
    parts: list[RenderableType] = [table]
    if briefing.skipped:
        skipped = Text("Skipped\n", style="bold yellow")
        for skip in briefing.skipped:
            skipped.append(f"  {skip.path}", style="bold")
            skipped.append(f": {skip.reason}\n")
        parts.append(Padding(skipped, (1, 0, 0, 0)))
    return Group(*parts)


def article(briefing: Briefing, path: str) -> RenderableType:
    """The cleaned text with its events, people and venues marked, and a legend."""
    shown = briefing.article[path]
    header = Text(shown.title, style="bold")
    header.append(f"\n{shown.path}", style="dim")
    details = [
        human_article_date(shown.date),
        shown.outlet or "",
        shown.author or "",
        shown.url or "",
    ]
    header.append("  ·  " + "  ·  ".join(detail for detail in details if detail), style="dim")
    body = Text(briefing.text(path))
    counts: Counter[str] = Counter()
    for mark in briefing.marks_in(path):
        body.stylize(STYLES[mark.kind], mark.span.start, mark.span.end)
        counts[mark.kind] += 1
    legend = Text()
    for kind, noun in (("event", "dates of events"), ("person", "people"), ("venue", "venues")):
        legend.append(f"{noun} ({counts[kind]})", style=STYLES[kind])
        legend.append("   ")
    return Group(header, Text(), body, Text(), legend)


def search_results(results: Results) -> RenderableType:
    """The articles found, best first, each with its snippet and the words found marked."""
    shown = len(results.hits)
    head = Text(f"{plural(results.total, 'article')} match ", style="bold")
    head.append(results.query)
    head.append(
        f"  ·  {results.took_ms:g} ms"
        + (f"  ·  the first {shown} shown" if shown < results.total else ""),
        style="dim",
    )
    if not results.hits:
        return Group(head, *_suggestions(results.suggestions))
    table = Table(
        box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, expand=True, show_header=False
    )
    table.add_column("Date", no_wrap=True, style="bold")
    table.add_column("Article", ratio=1)
    for hit in results.hits:
        cell = Text(hit.title, style="bold")
        cell.append(f"\n{hit.article}", style="dim")
        cell.append("\n")
        for piece, found in snippet_parts(hit.snippet):
            cell.append(" ".join(piece.split("\n")), style=STYLES["event"] if found else "")
        table.add_row(Text(hit.date or "undated"), cell)
        table.add_row(Text(), Text())
    return Group(head, Text(), table)


def _suggestions(suggestions: list[str]) -> list[Text]:
    if not suggestions:
        return []
    text = Text("Did you mean: ", style="dim")
    for index, suggestion in enumerate(suggestions):
        text.append(", " if index else "")
        text.append(suggestion, style="bold")
    text.append("?", style="dim")
    return [text]


def bookmarks(kept: list[Bookmark], location: Path) -> RenderableType:
    """The bookmarked events in date order, each with its note and where it comes from."""
    head = Text(f"{plural(len(kept), 'bookmarked event')}", style="bold")
    head.append(f"  ·  {location}", style="dim")
    if not kept:
        return Group(head, Text("Bookmark events in the dashboard with b.", style="dim"))
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, expand=True)
    table.add_column("Date", no_wrap=True, style="bold")
    table.add_column("Event", ratio=1)
    table.add_column("Sources", justify="right", no_wrap=True)
    for bookmark in kept:
        cell = Text(bookmark.title, style="bold")
        if bookmark.gone:
            cell.append("  (no longer in the corpus)", style="italic yellow")
        where = ", ".join(bookmark.venues[:2])
        if where:
            cell.append(f"\n{where}", style="green")
        if bookmark.note.strip():
            cell.append("\n" + bookmark.note.strip(), style="italic")
        when = human_when(DateSpan.parse(bookmark.date))
        if bookmark.time:
            when += f" {bookmark.time}"
        table.add_row(Text(when), cell, Text(str(len(bookmark.sources))))
    return Group(head, Text(), table)
