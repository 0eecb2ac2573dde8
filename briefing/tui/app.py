"""The dashboard: `briefing [CORPUS]` in a terminal.

The first frame comes at once; the corpus is opened in a worker thread, which reports its
progress to the screen. The app holds the open corpus and the paths between its screens: an
event to its sources, a source to its article, a mention to what it names.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

from rich.text import Text
from textual import work
from textual.app import App, SystemCommand
from textual.screen import Screen

from briefing import report, visits
from briefing.bookmarks import Bookmark, BookmarksError, BookmarksFile, default_location
from briefing.corpus import CorpusError
from briefing.engine import Desk, open_desk
from briefing.export import ExportError, export, write
from briefing.formatting import plural
from briefing.model import Briefing, Event, MarkedMention, Mention
from briefing.paths import styles_dir
from briefing.tui import settings
from briefing.tui.commands import COMMANDS
from briefing.tui.providers import JumpProvider
from briefing.tui.screens.base import BriefingScreen
from briefing.tui.screens.bookmarks import BookmarksScreen
from briefing.tui.screens.dialogs import ExportScreen, NoteScreen
from briefing.tui.screens.event import EventScreen, EventsScreen
from briefing.tui.screens.main import MainScreen
from briefing.tui.screens.reader import ReaderScreen
from briefing.visits import Change

PROGRESS_EVERY = 0.1  # seconds between two progress updates on screen


class BriefingApp(App[None]):
    TITLE = "briefing"
    CSS_PATH = str(styles_dir() / "briefing.tcss")
    COMMANDS = App.COMMANDS | {JumpProvider}
    ENABLE_COMMAND_PALETTE = True

    def __init__(self, root: Path, cache: bool = True, bookmarks: Path | None = None) -> None:
        super().__init__()
        self.root = root
        self.cache = cache
        self.desk: Desk | None = None
        self.problem: str | None = None  # why the corpus could not be opened, for the exit
        self.main = MainScreen(root.expanduser().resolve().name or str(root))
        resolved = root.expanduser().resolve()
        self.bookmarks = BookmarksFile(bookmarks or default_location(root), resolved)
        self._leaving_unsaved = False
        self.changes: dict[str, Change] = {}  # the events new or changed since the last visit

    def on_mount(self) -> None:
        chosen = settings.load().get("theme")
        if isinstance(chosen, str) and chosen in self.available_themes:
            self.theme = chosen
        self.push_screen(self.main)
        notice = self.bookmarks.load()
        if notice:
            self.notify(notice, title="Bookmarks", severity="warning", markup=False, timeout=20)

    def watch_theme(self, theme: str) -> None:
        settings.save({**settings.load(), "theme": theme})

    # -- opening the corpus, off the UI thread ----------------------------------------------------

    @work(thread=True, exclusive=True, group="open")
    def open_corpus(self) -> None:
        progress = _ScreenProgress(self)
        try:
            desk = open_desk(self.root, cache=self.cache, progress=progress, warn=self._warn)
            briefing = desk.briefing
            _ = briefing.events, briefing.people, briefing.venues, briefing.articles
            _ = briefing.organisations
        except CorpusError as error:
            self.problem = str(error)
            self.call_from_thread(self.main.show_problem, str(error))
            return
        # Bookmarks find their events here, off the UI thread (their keys wait for `desk`)
        before = dict(self.bookmarks.bookmarks.items)
        gone = self.bookmarks.bookmarks.attach(briefing)
        visit, problem = visits.last_visit(self.root)
        self.changes = visits.changes(briefing, visit)
        problem = visits.record_visit(briefing, self.root) or problem
        if problem:
            self._warn(problem)
        self.call_from_thread(self._opened, desk, gone, self.bookmarks.bookmarks.items != before)
        if self.changes and visit is not None:
            self.call_from_thread(self._tell_changes, visit.at)

    def _tell_changes(self, since: str) -> None:
        count = Counter(change.how for change in self.changes.values())
        new, changed = plural(count["new"], "new event"), plural(count["changed"], "changed event")
        self.notify(
            f"Since your last visit ({report.visit_time(since)}): {new}, {changed}, marked ● and "
            "◐ in the timeline.",
            title="What's new",
            markup=False,
            timeout=12,
        )

    def _opened(self, desk: Desk, gone: list[Bookmark], moved: bool) -> None:
        self.desk = desk
        if moved:
            self._save_bookmarks()
        self.main.show_desk(desk)
        self.main.refresh_bindings()  # keys that wait for the corpus work now
        if gone:
            self.notify(
                f"{plural(len(gone), 'bookmarked event')} no longer in the corpus: kept, marked so "
                "(B lists the bookmarks).",
                severity="warning",
                markup=False,
            )

    def _warn(self, message: str) -> None:
        self.call_from_thread(self.notify, message, severity="warning", markup=False, timeout=10)

    @property
    def briefing(self) -> Briefing:
        if self.desk is None:
            raise RuntimeError("the corpus is not open yet")
        return self.desk.briefing

    # -- bookmarks --------------------------------------------------------------------------------

    def bookmarked(self) -> set[str]:
        """The ids of the bookmarked events."""
        return self.bookmarks.bookmarks.events()

    def toggle_bookmark(self, event_id: str) -> None:
        event = self.briefing.event.get(event_id)
        if event is None:
            return
        bookmark = self.bookmarks.bookmarks.toggle(self.briefing, event)
        said = "Bookmarked" if bookmark else "Bookmark taken away"
        self.notify(f"{said}: {event.title}", markup=False, timeout=3)
        self._changed()

    def edit_note_of_event(self, event_id: str) -> None:
        event = self.briefing.event.get(event_id)
        if event is not None:
            bookmark = self.bookmarks.bookmarks.add(self.briefing, event)
            self._changed()
            self.edit_note(bookmark.key)

    def edit_note(self, key: str) -> None:
        bookmark = self.bookmarks.bookmarks.items.get(key)
        if bookmark is None:
            return

        def keep(note: str | None) -> None:
            if note is not None and key in self.bookmarks.bookmarks.items:
                self.bookmarks.bookmarks.set_note(key, note)
                self._changed()

        self.push_screen(NoteScreen(bookmark.title, bookmark.note), keep)

    def remove_bookmark(self, key: str) -> None:
        bookmark = self.bookmarks.bookmarks.items.get(key)
        if bookmark is not None:
            self.bookmarks.bookmarks.remove(key)
            self.notify(f"Bookmark taken away: {bookmark.title}", markup=False, timeout=3)
            self._changed()

    def open_bookmarks(self) -> None:
        if not isinstance(self.screen, BookmarksScreen):
            self.push_screen(BookmarksScreen())

    def export_bookmarks(self) -> None:
        name = self.root.expanduser().resolve().name or "corpus"
        suggested = Path.home() / f"briefing-{name}.md"

        def chosen(choice: tuple[str, Path] | None) -> None:
            if choice is None:
                return
            form, path = choice
            text = export(
                self.bookmarks.bookmarks, form, f"Briefing: {name}", self.bookmarks.corpus
            )
            try:
                write(path, text, force=True)  # the dialog asked before writing over a file
            except ExportError as error:
                self.notify(str(error), severity="error", markup=False, timeout=10)
                return
            count = len(self.bookmarks.bookmarks.items)
            self.notify(f"Wrote {plural(count, 'bookmarked event')} to {path}", markup=False)

        self.push_screen(ExportScreen(suggested), chosen)

    def _changed(self) -> None:
        self._save_bookmarks()
        for screen in self.screen_stack:
            if isinstance(screen, BriefingScreen) and screen.is_mounted:
                screen.refresh_marks()

    def _save_bookmarks(self) -> None:
        try:
            notice = self.bookmarks.save()
        except BookmarksError as error:
            self.notify(
                str(error), title="Bookmarks not saved", severity="error", markup=False, timeout=15
            )
            return
        if notice:
            self.notify(notice, title="Bookmarks", severity="warning", markup=False, timeout=20)

    async def action_quit(self) -> None:
        """Leave; with bookmarks the disk would not take, only when asked twice."""
        if self.bookmarks.unsaved and not self._leaving_unsaved:
            self._save_bookmarks()
            if self.bookmarks.unsaved:
                self._leaving_unsaved = True
                self.notify(
                    "Some bookmarks are not saved (see above). q again leaves without them.",
                    severity="error",
                    markup=False,
                    timeout=30,
                )
                return
        self.exit()

    # -- the paths between screens ----------------------------------------------------------------

    def open_event(self, event_id: str) -> None:
        if isinstance(self.screen, EventScreen) and self.screen.event.id == event_id:
            return  # already open: Enter pressed twice before the screen took the keys
        if self.desk is not None and event_id in self.briefing.event:
            self.push_screen(EventScreen(self.briefing.event[event_id]))

    def open_article(self, path: str, opened_at: Mention | None) -> None:
        if self.desk is not None and path in self.briefing.article:
            self.push_screen(ReaderScreen(path, opened_at))

    def open_person(self, person_id: str) -> None:
        briefing = self.briefing
        if person_id in briefing.person:
            person = briefing.person[person_id]
            events = briefing.events_of_person(person_id)
            self.push_screen(
                EventsScreen(person.name, _heading(f"Events of {person.name}", events), events)
            )

    def open_organisation(self, organisation_id: str) -> None:
        briefing = self.briefing
        if organisation_id in briefing.organisation:
            name = briefing.organisation[organisation_id].name
            events = briefing.events_of_organisation(organisation_id)
            self.push_screen(EventsScreen(name, _heading(f"Events of {name}", events), events))

    def open_venue(self, venue_id: str) -> None:
        briefing = self.briefing
        if venue_id in briefing.venue:
            venue = briefing.venue[venue_id]
            events = briefing.events_of_venue(venue_id)
            self.push_screen(
                EventsScreen(venue.name, _heading(f"Events at {venue.name}", events), events)
            )

    def open_mark(self, mark: MarkedMention) -> None:
        """A mention opens what it names: an event, or the events of a person, an organisation
        or a venue."""
        opens = {
            "event": self.open_event,
            "person": self.open_person,
            "organisation": self.open_organisation,
            "venue": self.open_venue,
        }
        opens[mark.kind](mark.ref)

    # -- the command palette ----------------------------------------------------------------------

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        offered = {active.binding.action for active in screen.active_bindings.values()}
        for command in COMMANDS.values():
            if command.action in offered and command.action != "command_palette":
                yield SystemCommand(
                    f"{command.title} ({command.shown_key})",
                    command.help,
                    lambda action=command.action: self.run_action(action, screen),
                )
        yield from super().get_system_commands(screen)


def _heading(title: str, events: Sequence[Event]) -> Text:
    heading = Text(title, style="bold")
    heading.append(f"  {plural(len(events), 'event')}", style="dim")
    return heading


class _ScreenProgress:
    """The engine's progress, shown on the main screen a few times a second."""

    def __init__(self, app: BriefingApp) -> None:
        self.app = app
        self.name = ""
        self.total = 0
        self.done = 0
        self.shown = 0.0

    def phase(self, name: str, total: int) -> None:
        self.name, self.total, self.done = name, total, 0
        self._show()

    def advance(self, steps: int = 1) -> None:
        self.done += steps
        if time.monotonic() - self.shown >= PROGRESS_EVERY or self.done == self.total:
            self._show()

    def _show(self) -> None:
        self.shown = time.monotonic()
        self.app.call_from_thread(self.app.main.show_progress, self.name, self.done, self.total)
