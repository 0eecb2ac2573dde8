"""The first screen: timeline, people, organisations, venues and search side by side, and what
is selected.

On a narrow terminal the panes take turns (the keys 1-5 or tab switch them), and nothing is
rebuilt: each pane keeps its selection whatever the size.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Container, Vertical
from textual.events import DescendantFocus, Resize
from textual.widgets import DataTable, Input, ProgressBar, Static
from textual.worker import get_current_worker

from briefing import report
from briefing.engine import Desk
from briefing.formatting import plural
from briefing.model import Briefing
from briefing.search import QueryError, Results
from briefing.tui.commands import bindings
from briefing.tui.screens.base import BriefingScreen
from briefing.tui.widgets.detail import Detail
from briefing.tui.widgets.lists import (
    BACKGROUND_ROW,
    EventTable,
    ListTable,
    OrganisationTable,
    PeopleTable,
    VenueTable,
)
from briefing.tui.widgets.search import HitTable, SearchPane

NARROW = 100  # columns: fewer, and the panes take turns
PANES = {
    "timeline": "Timeline",
    "people": "People",
    "organisations": "Organisations",
    "venues": "Venues",
    "search": "Search",
}
FILTER_STYLES = {"person": "bold cyan", "organisation": "bold magenta", "venue": "bold green"}


@dataclass(frozen=True)
class Filter:
    kind: str  # "person", "organisation" or "venue"
    ref: str
    name: str


class MainScreen(BriefingScreen):
    BINDINGS = bindings(
        "focus_pane('timeline')", "focus_pane('people')", "focus_pane('organisations')",
        "focus_pane('venues')", "focus_pane('search')", "clear_filters", "export_bookmarks",
    )  # fmt: skip

    def __init__(self, corpus_name: str) -> None:
        super().__init__(f"Briefing of {corpus_name}")
        self.desk: Desk | None = None
        self.filters: list[Filter] = []
        self.pane = "timeline"
        self.background_unfolded = False  # the background group of the timeline, folded at first

    def compose(self) -> ComposeResult:
        yield from self.compose_frame()
        yield Static(id="summary")
        yield Static(id="filters")
        with Vertical(id="loading"):
            yield Static("Reading the corpus…", id="loading-what")
            yield ProgressBar(id="loading-bar", show_eta=True)
        yield Static(id="tabs")
        with Container(id="panes"):
            with Vertical(id="timeline", classes="pane"):
                yield Static("Timeline", classes="pane-title")
                yield EventTable(id="events")
            with Vertical(id="side"):
                with Vertical(id="people", classes="pane"):
                    yield Static("People", classes="pane-title")
                    yield PeopleTable(id="people-table")
                with Vertical(id="organisations", classes="pane"):
                    yield Static("Organisations", classes="pane-title")
                    yield OrganisationTable(id="organisations-table")
                with Vertical(id="venues", classes="pane"):
                    yield Static("Venues", classes="pane-title")
                    yield VenueTable(id="venues-table")
                with Vertical(id="search", classes="pane"):
                    yield Static("Search", classes="pane-title")
                    yield SearchPane(id="search-pane")
        yield Detail(id="detail")
        yield from self.compose_footer()

    def on_mount(self) -> None:
        super().on_mount()
        self.set_class(self.app.size.width < NARROW, "-narrow")
        self.show_tabs()
        self.briefing_app.open_corpus()  # once the panes it fills are here

    @property
    def briefing(self) -> Briefing | None:
        return self.desk.briefing if self.desk else None

    # -- loading ----------------------------------------------------------------------------------

    def show_progress(self, what: str, done: int, total: int) -> None:
        self.query_one("#loading-what", Static).update(Text(f"{what} {done:,} of {total:,} files"))
        self.query_one("#loading-bar", ProgressBar).update(total=total or None, progress=done)

    def show_problem(self, message: str) -> None:
        self.query_one("#loading-what", Static).update(
            Text.assemble((message, "bold red"), ("\nPress q to leave.", "dim"))
        )
        self.query_one("#loading-bar", ProgressBar).display = False

    def show_desk(self, desk: Desk) -> None:
        self.desk = desk
        self.query_one("#loading").display = False
        briefing = desk.briefing
        self.query_one(PeopleTable).show(briefing, briefing.people)
        self.query_one(OrganisationTable).show(briefing, briefing.organisations)
        self.query_one(VenueTable).show(briefing, briefing.venues)
        self.show_summary(briefing)
        self.show_timeline()
        self.query_one(EventTable).focus()

    def show_summary(self, briefing: Briefing) -> None:
        self.query_one("#summary", Static).update(Text(report.counts(briefing), style="dim"))

    # -- the timeline and its filters -------------------------------------------------------------

    def show_timeline(self) -> None:
        briefing = self.briefing
        if briefing is None:
            return
        events = list(briefing.events)
        for shown in self.filters:
            of = {
                "person": briefing.events_of_person,
                "organisation": briefing.events_of_organisation,
                "venue": briefing.events_of_venue,
            }[shown.kind]
            allowed = {event.id for event in of(shown.ref)}
            events = [event for event in events if event.id in allowed]
        past = briefing.background_ids
        self.query_one(EventTable).show(
            briefing,
            [event for event in events if event.id not in past],
            self.briefing_app.bookmarked(),
            [event for event in events if event.id in past],
            self.background_unfolded,
            self.briefing_app.changes,
        )
        title = Text("Timeline", style="bold")
        title.append(f"  {plural(len(events), 'event')}", style="dim")
        self.query_one("#timeline .pane-title", Static).update(title)
        self.show_filters()

    def show_filters(self) -> None:
        bar = self.query_one("#filters", Static)
        if not self.filters:
            bar.display = False
            return
        text = Text("Showing only events of ", style="dim")
        for number, shown in enumerate(self.filters):
            text.append(" and " if number else "", style="dim")
            text.append(shown.name, style=FILTER_STYLES[shown.kind])
        text.append("  ·  x shows every event", style="dim")
        bar.update(text)
        bar.display = True

    def add_filter(self, kind: str, ref: str, name: str) -> None:
        shown = Filter(kind, ref, name)
        if shown not in self.filters:
            self.filters.append(shown)
        self.show_timeline()
        self.action_focus_pane("timeline")

    def action_clear_filters(self) -> None:
        if self.filters:
            self.filters.clear()
            self.show_timeline()

    # -- bookmarks --------------------------------------------------------------------------------

    def selected_event(self) -> str | None:
        table, briefing = self.query_one(EventTable), self.briefing
        key = table.selected_key if table.has_focus or self.pane == "timeline" else None
        return key if briefing is not None and key in briefing.event else None

    def refresh_marks(self) -> None:
        if self.desk is not None:
            self.show_timeline()
            focused = self.focused
            if isinstance(focused, ListTable):
                self.show_detail(focused)

    # -- panes ------------------------------------------------------------------------------------

    def action_focus_pane(self, pane: str) -> None:
        self.pane = pane
        self.show_tabs()
        if pane == "search":
            self.query_one("#query", Input).focus()
        else:
            self.query_one(f"#{pane} ListTable", ListTable).focus()

    def on_descendant_focus(self, event: DescendantFocus) -> None:
        for pane in PANES:
            if self.query_one(f"#{pane}") in event.widget.ancestors_with_self:
                if pane != self.pane:
                    self.pane = pane
                    self.show_tabs()
                break
        if isinstance(event.widget, ListTable):
            self.show_detail(event.widget)

    def on_resize(self, event: Resize) -> None:
        self.set_class(event.size.width < NARROW, "-narrow")
        self.show_tabs()
        focused = self.focused
        if focused is not None:
            self.call_after_refresh(focused.scroll_visible)

    def show_tabs(self) -> None:
        """On a narrow screen, the pane shown and the keys of the others."""
        tabs = Text()
        for number, (pane, name) in enumerate(PANES.items(), start=1):
            tabs.append(f" {number} {name} ", style="reverse bold" if pane == self.pane else "dim")
        self.query_one("#tabs", Static).update(tabs)
        for pane in PANES:
            self.query_one(f"#{pane}").set_class(pane == self.pane, "-active")

    # -- what is selected -------------------------------------------------------------------------

    @on(DataTable.RowHighlighted)
    def on_highlight(self, event: DataTable.RowHighlighted) -> None:
        if isinstance(event.data_table, ListTable) and event.data_table.has_focus:
            self.show_detail(event.data_table)

    def show_detail(self, table: ListTable) -> None:
        briefing, detail, key = self.briefing, self.query_one(Detail), table.selected_key
        if briefing is None or key is None:
            detail.show_nothing()
            return
        if isinstance(table, EventTable) and key == BACKGROUND_ROW:
            detail.show_nothing(report.background_title(briefing))
        elif isinstance(table, EventTable) and key in briefing.event:
            change = self.briefing_app.changes.get(key)
            bookmarked = key in self.briefing_app.bookmarked()
            detail.show_event(briefing, briefing.event[key], bookmarked, change=change)
        elif isinstance(table, PeopleTable) and key in briefing.person:
            detail.show_person(briefing, briefing.person[key])
        elif isinstance(table, OrganisationTable) and key in briefing.organisation:
            detail.show_organisation(briefing, briefing.organisation[key])
        elif isinstance(table, VenueTable) and key in briefing.venue:
            detail.show_venue(briefing, briefing.venue[key])
        elif isinstance(table, HitTable):
            hit = self.query_one(SearchPane).hits.get(key)
            if hit is not None:
                detail.show_hit(briefing, hit)

    @on(DataTable.RowSelected)
    def on_select(self, event: DataTable.RowSelected) -> None:
        briefing = self.briefing
        key = str(event.row_key.value)
        if briefing is None:
            return
        if isinstance(event.data_table, EventTable) and key == BACKGROUND_ROW:
            self.background_unfolded = not self.background_unfolded
            self.show_timeline()
            event.data_table.select_key(BACKGROUND_ROW)
        elif isinstance(event.data_table, EventTable):
            self.briefing_app.open_event(key)
        elif isinstance(event.data_table, PeopleTable):
            self.add_filter("person", key, briefing.person[key].name)
        elif isinstance(event.data_table, OrganisationTable):
            self.add_filter("organisation", key, briefing.organisation[key].name)
        elif isinstance(event.data_table, VenueTable):
            self.add_filter("venue", key, briefing.venue[key].name)
        elif isinstance(event.data_table, HitTable):
            self.briefing_app.open_article(key, None)

    # -- search -----------------------------------------------------------------------------------

    @on(SearchPane.Asked)
    def on_search_asked(self, event: SearchPane.Asked) -> None:
        if self.desk is None:
            return
        self.query_one(SearchPane).show_searching()
        self.run_search(event.query)

    @work(thread=True, exclusive=True, group="search")
    def run_search(self, query: str) -> None:
        assert self.desk is not None
        try:
            results: Results | str = self.desk.search(query, limit=100)
        except QueryError as error:
            results = str(error)
        if get_current_worker().is_cancelled:
            return
        self.app.call_from_thread(self._show_search, results)

    def _show_search(self, results: Results | str) -> None:
        pane = self.query_one(SearchPane)
        if isinstance(results, str):
            pane.show_error(results)
        else:
            pane.show_results(results)
