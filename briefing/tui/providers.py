"""The command palette jumps to any event, person, organisation or venue by a fuzzy part of its
name."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial

from textual.command import Hit, Hits, Provider
from textual.content import Content

from briefing.formatting import human_when, plural


class JumpProvider(Provider):
    async def search(self, query: str) -> Hits:
        from briefing.tui.app import BriefingApp

        app = self.app
        if not isinstance(app, BriefingApp) or app.desk is None or not query.strip():
            return
        matcher = self.matcher(query)
        for name, help_text, command in _targets(app):
            score, offsets = matcher.fuzzy_search.match(matcher.query, name)
            if score > 0:
                yield Hit(score, _marked(name, offsets), command, text=name, help=help_text)


def _targets(app: object) -> Iterator[tuple[str, str, Callable[[], None]]]:
    """Every event, person, organisation and venue: its name, a line on what it is, and how to
    open it."""
    from briefing.tui.app import BriefingApp

    assert isinstance(app, BriefingApp)
    briefing = app.briefing
    for person in briefing.people:
        yield (
            person.name,
            f"Person: {plural(person.article_count, 'article')}",
            partial(app.open_person, person.id),
        )
    for organisation in briefing.organisations:
        yield (
            organisation.name,
            f"Organisation: {organisation.kind or plural(organisation.article_count, 'article')}",
            partial(app.open_organisation, organisation.id),
        )
    for venue in briefing.venues:
        yield venue.name, f"Venue: {venue.kind}", partial(app.open_venue, venue.id)
    for event in briefing.events:
        yield event.title, f"Event: {human_when(event.when)}", partial(app.open_event, event.id)


def _marked(name: str, offsets: object) -> Content:
    """The name as plain text (never markup), the letters matched in bold."""
    content = Content(name)
    for offset in offsets if isinstance(offsets, (list, tuple)) else ():
        content = content.stylize("bold underline", offset, offset + 1)
    return content
