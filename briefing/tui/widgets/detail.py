"""The detail area: what is selected, said in full, with where it comes from."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.widgets import Static

from briefing.disagreements import Disagreement
from briefing.formatting import CHANGE_DOTS, human_article_date, human_time, human_when, plural
from briefing.model import Briefing, Event, Organisation, Person, Venue
from briefing.search import Hit, snippet_parts
from briefing.visits import Change


class Detail(Static):
    """A few lines on the record under the cursor of the focused list."""

    def show_nothing(self, message: str = "") -> None:
        self.update(Text(message, style="dim"))

    def show_event(
        self,
        briefing: Briefing,
        event: Event,
        bookmarked: bool = False,
        differ: Sequence[Disagreement] = (),
        change: Change | None = None,
    ) -> None:
        """An event's title, date, where and who, how many sources; what changed since the last
        visit (`change`); and, on the event's own screen, where its sources differ (`differ`)."""
        text = Text()
        if bookmarked:
            text.append("★ ", style="bold yellow")
        text.append(event.title, style="bold")
        when = human_when(event.when)
        time = human_time(event.when)
        text.append(f"\n{when}" + (f" at {time}" if time else ""), style="cyan")
        if event.inferred:
            text.append("  (year inferred: no source states its date)", style="italic dim")
        venues = [briefing.venue[v].name for v in event.venues if v in briefing.venue]
        people = [briefing.person[p].name for p in event.people if p in briefing.person]
        bodies = [
            briefing.organisation[o].name for o in event.organisations if o in briefing.organisation
        ]
        if venues:
            text.append("\nWhere: ", style="dim")
            text.append(", ".join(venues[:4]), style="green")
        if people:
            text.append("\nWho: ", style="dim")
            text.append(", ".join(people[:5]), style="cyan")
        if bodies:
            text.append("\nBodies: ", style="dim")
            text.append(", ".join(bodies[:4]), style="magenta")
        text.append("\n")
        text.append(sources_line(event.sources, event.article_count, event.mention_count))
        text.append("  ·  ⏎ sources", style="dim")
        if change is not None:
            text.append(f"\n{CHANGE_DOTS[change.how]}{change.what}", style="bold yellow")
        for disagreement in differ:
            text.append(f"\n⚠ Sources differ on {disagreement.line()}", style="bold yellow")
        self.update(text)

    def show_person(self, briefing: Briefing, person: Person) -> None:
        text = Text(person.name, style="bold")
        if person.roles:
            text.append("\n" + "; ".join(person.roles[:3]), style="italic")
        if person.aliases:
            text.append("\nAlso written: ", style="dim")
            text.append(", ".join(person.aliases[:6]))
        events = briefing.events_of_person(person.id)
        text.append(
            f"\n{plural(person.article_count, 'article')}, {plural(len(events), 'event')}"
            "  ·  ⏎ their events on the timeline",
            style="dim",
        )
        self.update(text)

    def show_organisation(self, briefing: Briefing, organisation: Organisation) -> None:
        text = Text(organisation.name, style="bold")
        if organisation.kind:
            text.append(f"  {organisation.kind}", style="dim")
        if organisation.aliases:
            text.append("\nAlso written: ", style="dim")
            text.append(", ".join(organisation.aliases[:6]))
        events = briefing.events_of_organisation(organisation.id)
        text.append(
            f"\n{plural(organisation.article_count, 'article')}, {plural(len(events), 'event')}"
            "  ·  ⏎ its events on the timeline",
            style="dim",
        )
        self.update(text)

    def show_venue(self, briefing: Briefing, venue: Venue) -> None:
        text = Text(venue.name, style="bold")
        text.append(f"  {venue.kind}", style="dim")
        if venue.within in briefing.venue:
            text.append("\nWithin: ", style="dim")
            text.append(briefing.venue[venue.within].name, style="green")
        if venue.aliases:
            text.append("\nAlso written: ", style="dim")
            text.append(", ".join(venue.aliases[:6]))
        events = briefing.events_of_venue(venue.id)
        text.append(
            f"\n{plural(venue.article_count, 'article')}, {plural(len(events), 'event')}"
            "  ·  ⏎ its events on the timeline",
            style="dim",
        )
        self.update(text)

    def show_hit(self, briefing: Briefing, hit: Hit) -> None:
        article = briefing.article.get(hit.article)
        text = Text(hit.title, style="bold")
        dated = human_article_date(article.date) if article else (hit.date or "undated")
        text.append(f"\n{hit.article}  ·  {dated}", style="dim")
        if article and article.outlet:
            text.append(f"  ·  {article.outlet}", style="dim")
        text.append("\n")
        text.append_text(marked_snippet(hit.snippet))
        text.append("\n⏎ read the article", style="dim")
        self.update(text)


def marked_snippet(snippet: str) -> Text:
    """A search snippet on one line, the words found in bold."""
    text = Text()
    for piece, found in snippet_parts(snippet):
        text.append(" ".join(piece.split("\n")), style="bold reverse" if found else "")
    return text


def sources_line(sources: int, articles: int, mentions: int) -> Text:
    """ "Reported by 3 independent sources in 4 articles (6 mentions)", a single source marked."""
    counted = f"in {plural(articles, 'article')} ({plural(mentions, 'mention')})"
    if sources == 1:
        line = Text("One source only", style="bold yellow")
        line.append(f", {counted}", style="dim")
        return line
    return Text(f"Reported by {sources} independent sources {counted}", style="dim")
