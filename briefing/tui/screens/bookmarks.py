"""The bookmarks: the events chosen, in date order, each with its note and its sources."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.widgets import DataTable, Static

from briefing.bookmarks import Bookmark
from briefing.formatting import human_when, plural
from briefing.model import DateSpan
from briefing.tui.commands import bindings
from briefing.tui.screens.base import BriefingScreen
from briefing.tui.widgets.lists import Column, ListTable


class BookmarkTable(ListTable):
    COLUMNS = (
        Column("Date", "date"),
        Column("Event", "title", 60),
        Column("Note", "note"),
    )
    FLEX = "note"

    def show(self, bookmarks: list[Bookmark]) -> None:
        def row(bookmark: Bookmark) -> list[Text]:
            when = human_when(DateSpan.parse(bookmark.date))
            title = Text(bookmark.title, style="dim strike" if bookmark.gone else "bold")
            note = Text(" ".join(bookmark.note.split()), style="italic")
            if bookmark.gone:
                note = Text("no longer in the corpus  ", style="yellow") + note
            return [Text(when), title, note]

        self.refill((bookmark.key, row(bookmark)) for bookmark in bookmarks)


class BookmarksScreen(BriefingScreen):
    BINDINGS = bindings("edit_note", "remove_bookmark", "export_bookmarks")

    def __init__(self) -> None:
        super().__init__("Bookmarks")

    def compose(self) -> ComposeResult:
        yield from self.compose_frame()
        yield Static(id="bookmarks-title", classes="pane-title")
        yield BookmarkTable(id="bookmarks")
        yield Static(id="bookmark-detail")
        yield from self.compose_footer()

    def on_mount(self) -> None:
        super().on_mount()
        self.refresh_marks()
        self.query_one(BookmarkTable).focus()

    def refresh_marks(self) -> None:
        kept = self.briefing_app.bookmarks.bookmarks.in_order()
        title = Text("Bookmarks", style="bold")
        title.append(
            f"  {plural(len(kept), 'event')}  ·  {self.briefing_app.bookmarks.location}",
            style="dim",
        )
        if not kept:
            title.append("\nNone yet: b on an event bookmarks it.", style="dim")
        self.query_one("#bookmarks-title", Static).update(title)
        self.query_one(BookmarkTable).show(kept)
        self.show_selected()

    @property
    def selected(self) -> Bookmark | None:
        key = self.query_one(BookmarkTable).selected_key
        return self.briefing_app.bookmarks.bookmarks.items.get(key or "")

    def selected_event(self) -> str | None:
        bookmark = self.selected
        return bookmark.event if bookmark and not bookmark.gone else None

    @on(DataTable.RowHighlighted)
    def show_selected(self) -> None:
        bookmark = self.selected
        detail = self.query_one("#bookmark-detail", Static)
        if bookmark is None:
            detail.update("")
            return
        text = Text(bookmark.title, style="bold")
        if bookmark.venues:
            text.append("\nWhere: ", style="dim")
            text.append(", ".join(bookmark.venues), style="green")
        if bookmark.people:
            text.append("\nWho: ", style="dim")
            text.append(", ".join(bookmark.people), style="cyan")
        if bookmark.note.strip():
            text.append("\n\n" + bookmark.note.strip(), style="italic")
        for source in bookmark.sources[:3]:
            text.append(f"\n\n{source.outlet or source.article}: ", style="dim")
            text.append(source.sentence)
        detail.update(text)

    @on(DataTable.RowSelected)
    def open_bookmark(self) -> None:
        event = self.selected_event()
        if event is not None:
            self.briefing_app.open_event(event)
        elif self.selected is not None:
            self.notify("This event is no longer in the corpus; its bookmark keeps what it said.")

    def action_edit_note(self) -> None:
        bookmark = self.selected
        if bookmark is not None:
            self.briefing_app.edit_note(bookmark.key)

    def action_remove_bookmark(self) -> None:
        bookmark = self.selected
        if bookmark is not None:
            self.briefing_app.remove_bookmark(bookmark.key)
