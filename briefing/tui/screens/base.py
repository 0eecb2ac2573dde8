"""What every screen of the dashboard has: the path that led to it, and the footer of its keys."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer, Static

from briefing.tui.commands import bindings

if TYPE_CHECKING:
    from briefing.tui.app import BriefingApp

CRUMB_LENGTH = 40


class Breadcrumbs(Static):
    """Where the user stands: each step from the timeline to here."""


class BriefingScreen(Screen[None]):
    """A step on the user's path; Escape goes back one."""

    # ctrl+p, the command palette, is the app's own binding (listed in help from COMMANDS)
    BINDINGS = bindings("back", "bookmark", "edit_note", "bookmarks", "help", "quit")

    def __init__(self, crumb: str) -> None:
        super().__init__()
        self.crumb = crumb

    @property
    def briefing_app(self) -> BriefingApp:
        from briefing.tui.app import BriefingApp

        assert isinstance(self.app, BriefingApp)
        return self.app

    def compose_frame(self) -> ComposeResult:
        yield Breadcrumbs(id="crumbs")

    def compose_footer(self) -> ComposeResult:
        yield Footer()

    def on_mount(self) -> None:
        self.show_path()

    def show_path(self) -> None:
        path = Text()
        steps = [screen for screen in self.app.screen_stack if isinstance(screen, BriefingScreen)]
        for number, screen in enumerate(steps):
            if number:
                path.append("  ›  ", style="dim")
            crumb = (
                screen.crumb
                if len(screen.crumb) <= CRUMB_LENGTH
                else screen.crumb[: CRUMB_LENGTH - 1] + "…"
            )
            path.append(crumb, style="bold" if screen is self else "dim")
        self.query_one(Breadcrumbs).update(path)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "back":
            return self.can_go_back  # nowhere to go back to: the key is hidden
        if action in ("bookmark", "edit_note", "bookmarks", "export_bookmarks"):
            return self.briefing_app.desk is not None or None  # shown, unusable until open
        return True

    @property
    def can_go_back(self) -> bool:
        return len(self.app.screen_stack) > 2  # the default screen, then the timeline

    def action_back(self) -> None:
        if self.can_go_back:
            self.app.pop_screen()

    # -- bookmarks: every screen bookmarks the event it has selected -----------------------------

    def selected_event(self) -> str | None:
        """The id of the event under the cursor, if there is one."""
        return None

    def refresh_marks(self) -> None:
        """Show again which events are bookmarked."""

    def action_bookmark(self) -> None:
        event = self.selected_event()
        if event is None:
            self.notify("Select an event to bookmark it.", markup=False)
            return
        self.briefing_app.toggle_bookmark(event)

    def action_edit_note(self) -> None:
        event = self.selected_event()
        if event is None:
            self.notify("Select an event to write a note on it.", markup=False)
            return
        self.briefing_app.edit_note_of_event(event)

    def action_bookmarks(self) -> None:
        self.briefing_app.open_bookmarks()

    def action_export_bookmarks(self) -> None:
        self.briefing_app.export_bookmarks()

    async def action_quit(self) -> None:
        """The key is bound here, with the others of each step; leaving is the app's to decide."""
        await self.briefing_app.action_quit()

    def action_help(self) -> None:
        from briefing.tui.screens.help import HelpScreen

        self.app.push_screen(HelpScreen())
