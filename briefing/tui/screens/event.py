"""An event and the articles that report it, one row per sentence; and a list of events (those of
a person or a venue) reached from an article."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.widgets import DataTable, Static

from briefing.disagreements import disagreements
from briefing.formatting import human_when, plural
from briefing.model import Event
from briefing.tui.screens.base import BriefingScreen
from briefing.tui.widgets.detail import Detail
from briefing.tui.widgets.lists import EventTable, SourceTable


class EventScreen(BriefingScreen):
    """⏎ on a source opens the article at the sentence that reports the event."""

    def __init__(self, event: Event) -> None:
        super().__init__(f"{human_when(event.when)} {event.title}")
        self.event = event

    def compose(self) -> ComposeResult:
        yield from self.compose_frame()
        yield Detail(id="event-detail")
        yield Static(id="sources-title", classes="pane-title")
        yield SourceTable(id="sources")
        yield from self.compose_footer()

    def on_mount(self) -> None:
        super().on_mount()
        briefing = self.briefing_app.briefing
        self.mentions = briefing.mentions_of("event", self.event.id)
        self.differ = disagreements(briefing, self.event, self.mentions)
        self.query_one(Detail).show_event(
            briefing, self.event, self.event.id in self.briefing_app.bookmarked(), self.differ
        )
        title = Text("Sources", style="bold")
        articles = len({mention.article for mention in self.mentions})
        title.append(f"  {plural(articles, 'article')}, {plural(len(self.mentions), 'sentence')}",
                     style="dim")  # fmt: skip
        self.query_one("#sources-title", Static).update(title)
        self.query_one(SourceTable).show(briefing, self.mentions)
        self.query_one(SourceTable).focus()

    def selected_event(self) -> str | None:
        return self.event.id

    def refresh_marks(self) -> None:
        bookmarked = self.event.id in self.briefing_app.bookmarked()
        self.query_one(Detail).show_event(
            self.briefing_app.briefing, self.event, bookmarked, self.differ
        )

    @on(DataTable.RowSelected)
    def open_source(self, event: DataTable.RowSelected) -> None:
        mention = self.mentions[int(str(event.row_key.value))]
        self.briefing_app.open_article(mention.article, mention)


class EventsScreen(BriefingScreen):
    """The events of one person or venue: ⏎ on one shows its sources."""

    def __init__(self, crumb: str, heading: Text, events: Sequence[Event]) -> None:
        super().__init__(crumb)
        self.heading = heading
        self.events = events

    def compose(self) -> ComposeResult:
        yield from self.compose_frame()
        yield Static(self.heading, id="events-title", classes="pane-title")
        yield EventTable(id="events")
        yield Detail(id="detail")
        yield from self.compose_footer()

    def on_mount(self) -> None:
        super().on_mount()
        self.refresh_marks()
        self.query_one(EventTable).focus()

    def selected_event(self) -> str | None:
        return self.query_one(EventTable).selected_key

    def refresh_marks(self) -> None:
        self.query_one(EventTable).show(
            self.briefing_app.briefing, self.events, self.briefing_app.bookmarked()
        )

    @on(DataTable.RowHighlighted)
    def show_event(self, event: DataTable.RowHighlighted) -> None:
        briefing = self.briefing_app.briefing
        key = str(event.row_key.value)
        if key in briefing.event:
            self.query_one(Detail).show_event(
                briefing, briefing.event[key], key in self.briefing_app.bookmarked()
            )

    @on(DataTable.RowSelected)
    def open_event(self, event: DataTable.RowSelected) -> None:
        self.briefing_app.open_event(str(event.row_key.value))
