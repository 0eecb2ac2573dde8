"""The dashboard walked as a user walks it: keys pressed, what is on screen and selected checked."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
from rich.console import Console
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, RadioButton, RadioSet, Static
from textual.widgets.data_table import RowKey

from briefing.model import Event
from briefing.paths import sample_corpus
from briefing.tui.app import BriefingApp
from briefing.tui.screens.base import Breadcrumbs
from briefing.tui.screens.bookmarks import BookmarksScreen, BookmarkTable
from briefing.tui.screens.dialogs import ExportScreen, NoteScreen
from briefing.tui.screens.event import EventScreen, EventsScreen
from briefing.tui.screens.help import HelpScreen
from briefing.tui.screens.main import MainScreen
from briefing.tui.screens.reader import ReaderScreen
from briefing.tui.widgets.detail import Detail
from briefing.tui.widgets.lists import (
    EventTable,
    ListTable,
    OrganisationTable,
    PeopleTable,
    SourceTable,
    VenueTable,
)
from briefing.tui.widgets.reader import ArticleView
from briefing.tui.widgets.search import HitTable, SearchPane

SIZE = (120, 40)


async def ready(pilot: Pilot[None]) -> BriefingApp:
    """Wait until the corpus is open and shown."""
    app = pilot.app
    assert isinstance(app, BriefingApp)
    await app.workers.wait_for_complete()
    await pilot.pause()
    return app


def shown(widget: Static) -> str:
    return str(widget.render())


def crumbs(app: BriefingApp) -> str:
    return shown(app.screen.query_one(Breadcrumbs))


def row_texts(table: ListTable) -> list[str]:
    return [" ".join(str(cell) for cell in table.get_row_at(row)) for row in range(table.row_count)]


def timeline_rows(app: BriefingApp, events: Sequence[Event]) -> int:
    """The rows the timeline shows for `events`: the story's, and one for a folded background."""
    past = set(app.briefing.background)
    return sum(event not in past for event in events) + any(event in past for event in events)


async def until(pilot: Pilot[None], condition: Callable[[], bool], tries: int = 50) -> None:
    for _ in range(tries):
        if condition():
            return
        await pilot.pause(0.05)
    raise AssertionError("the screen never showed what was awaited")


# -- opening --------------------------------------------------------------------------------------


async def test_the_sample_corpus_opens_on_the_timeline() -> None:
    app = BriefingApp(sample_corpus())
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        screen = app.screen
        assert isinstance(screen, MainScreen)
        timeline = screen.query_one(EventTable)
        assert timeline.has_focus and timeline.row_count == len(app.briefing.story) + 1
        assert "16 articles" in shown(screen.query_one("#summary", Static))
        assert "Russia" in " ".join(row_texts(timeline))
        assert screen.query_one(PeopleTable).row_count == len(app.briefing.people)
        assert screen.query_one(VenueTable).row_count == len(app.briefing.venues)


async def test_a_missing_corpus_says_so_on_screen_and_on_leaving(tmp_path: Path) -> None:
    app = BriefingApp(tmp_path / "nowhere")
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        assert "no such file or folder" in shown(app.screen.query_one("#loading-what", Static))
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running
    assert app.problem is not None and "no such file or folder" in app.problem


async def test_q_leaves_from_the_timeline_and_from_a_step_along_the_path() -> None:
    for keys in ("q", "enter q"):
        app = BriefingApp(sample_corpus())
        async with app.run_test(size=SIZE) as pilot:
            await ready(pilot)
            await pilot.press(*keys.split())
            await pilot.pause()
            assert not app.is_running, keys


async def test_q_with_bookmarks_the_disk_refused_leaves_only_when_pressed_twice(
    tmp_path: Path,
) -> None:
    (tmp_path / "a-file").write_text("not a folder", encoding="utf-8")
    app = BriefingApp(sample_corpus(), bookmarks=tmp_path / "a-file" / "marks.json")
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("b")  # cannot be written: kept in memory
        await pilot.press("q")
        await pilot.pause()
        assert app.is_running
        assert any("q again leaves" in str(n.message) for n in app._notifications)
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running


async def test_an_empty_corpus_says_so(tmp_path: Path) -> None:
    app = BriefingApp(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        assert "no articles found" in shown(app.screen.query_one("#loading-what", Static))


# -- event -> source -> article -> person -> their events -> event, and back ----------------------


async def test_from_an_event_to_its_sentence_to_a_person_and_back() -> None:
    app = BriefingApp(sample_corpus())
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        timeline = app.screen.query_one(EventTable)
        talks = next(
            e for e in app.briefing.events if e.when.iso() == "2025-06-02" and e.sources > 5
        )
        timeline.select_key(talks.id)
        await pilot.press("enter")
        assert isinstance(app.screen, EventScreen) and app.screen.event.id == talks.id
        sources = app.screen.query_one(SourceTable)
        assert sources.row_count == len(app.briefing.mentions_of("event", talks.id))
        assert "Timeline" not in crumbs(app) and "›" in crumbs(app)

        await pilot.press("enter")  # the first source
        reader = app.screen
        assert isinstance(reader, ReaderScreen)
        view = reader.query_one(ArticleView)
        mention = app.briefing.mentions_of("event", talks.id)[0]
        assert reader.path == mention.article and view.sentence == mention.sentence
        assert view.current_mark is not None and view.current_mark.ref == talks.id
        assert crumbs(app).count("›") == 2

        people = [i for i, mark in enumerate(view.marks) if mark.kind == "person"]
        assert people, "the article names somebody"
        view.set_mark(people[0] - 1 if people[0] else len(view.marks) - 1)
        await pilot.press("right_square_bracket")
        person_id = view.marks[people[0]].ref
        assert view.current_mark == view.marks[people[0]]
        assert app.briefing.person[person_id].name in shown(reader.query_one("#mention", Static))

        await pilot.press("enter")
        events_screen = app.screen
        assert isinstance(events_screen, EventsScreen)
        assert list(events_screen.events) == list(app.briefing.events_of_person(person_id))
        await pilot.press("enter")
        assert isinstance(app.screen, EventScreen)
        assert crumbs(app).count("›") == 4

        for _ in range(4):
            await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        view = app.screen.query_one(ArticleView)  # the mouse does what the keys do: a click opens
        person, paragraph = next(
            (mark, p) for mark in view.marks for p in view.paragraphs
            if mark.kind == "person" and p.span.start <= mark.span.start < p.span.start + 60
        )  # fmt: skip
        assert await pilot.click(
            f"#p{paragraph.number}", offset=(person.span.start - paragraph.span.start + 1, 0)
        )
        assert isinstance(app.screen, EventsScreen)
        for _ in range(3):
            await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)
        assert app.screen.query_one(EventTable).selected_key == talks.id  # where we started
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)  # no further back than the start


async def test_find_in_an_article_with_next_and_previous() -> None:
    app = BriefingApp(sample_corpus())
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        path = next(
            a.path for a in app.briefing.articles if "Istanbul" in app.briefing.text(a.path)
        )
        app.open_article(path, None)
        await pilot.pause()
        await pilot.press("slash")
        assert app.screen.query_one("#find", Input).has_focus
        await pilot.press(*"istanbul", "enter")
        view = app.screen.query_one(ArticleView)
        count = app.briefing.text(path).lower().count("istanbul")
        assert len(view.found) == count and view.found_at == 0
        await pilot.press("n")
        assert view.found_at == (1 if count > 1 else 0)
        await pilot.press("N")
        assert view.found_at == 0
        assert f"found 1 of {count}" in shown(app.screen.query_one("#mention", Static))


# -- filters, search, help, palette ---------------------------------------------------------------


async def test_a_person_filters_the_timeline_until_cleared() -> None:
    app = BriefingApp(sample_corpus())
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("2")
        people = app.screen.query_one(PeopleTable)
        assert people.has_focus
        person = app.briefing.person[people.selected_key or ""]
        await pilot.press("enter")
        timeline = app.screen.query_one(EventTable)
        assert timeline.has_focus
        assert (
            timeline.row_count
            == timeline_rows(app, app.briefing.events_of_person(person.id))
            < timeline_rows(app, app.briefing.events)
        )
        assert person.name in shown(app.screen.query_one("#filters", Static))
        await pilot.press("x")
        assert timeline.row_count == timeline_rows(app, app.briefing.events)
        assert not app.screen.query_one("#filters", Static).display


async def test_an_organisation_filters_the_timeline_and_opens_from_the_reader() -> None:
    app = BriefingApp(sample_corpus())
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("o")
        bodies = app.screen.query_one(OrganisationTable)
        assert bodies.has_focus
        assert bodies.row_count == len(app.briefing.organisations) > 0
        kremlin = next(o for o in app.briefing.organisations if o.name == "Kremlin")
        bodies.select_key(kremlin.id)
        await pilot.pause()
        assert "Kremlin" in shown(app.screen.query_one(Detail))
        await pilot.press("enter")
        timeline = app.screen.query_one(EventTable)
        assert timeline.has_focus
        assert timeline.row_count == len(app.briefing.events_of_organisation(kremlin.id)) > 0
        assert "Kremlin" in shown(app.screen.query_one("#filters", Static))


async def test_a_venue_filters_the_timeline_with_the_places_within_it() -> None:
    app = BriefingApp(sample_corpus())
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("4")
        venues = app.screen.query_one(VenueTable)
        istanbul = next(v for v in app.briefing.venues if v.name == "Istanbul")
        venues.select_key(istanbul.id)
        await pilot.press("enter")
        rows = app.screen.query_one(EventTable).row_count
        assert rows == timeline_rows(app, app.briefing.events_of_venue(istanbul.id)) > 0


async def test_search_as_you_type_then_read_a_hit() -> None:
    app = BriefingApp(sample_corpus())
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("5")
        assert app.screen.query_one("#query", Input).has_focus
        await pilot.press(*"Ciragan")
        hits = app.screen.query_one(HitTable)
        await until(pilot, lambda: hits.row_count > 0)
        assert "articles" in shown(app.screen.query_one("#search-status", Static))
        await pilot.press("enter")
        assert hits.has_focus
        article = hits.selected_key
        await pilot.press("enter")
        assert isinstance(app.screen, ReaderScreen) and app.screen.path == article


async def test_a_search_with_no_hits_suggests_and_a_bad_one_explains() -> None:
    app = BriefingApp(sample_corpus())
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        pane = app.screen.query_one(SearchPane)
        await pilot.press("5", *"Zelenski")
        status = app.screen.query_one("#search-status", Static)
        await until(pilot, lambda: "Did you mean" in shown(status))
        assert "Zelensky" in shown(status)
        app.screen.query_one("#query", Input).value = ""
        await pilot.press(*'"unclosed')
        await until(pilot, lambda: "quotation mark" in shown(status))
        assert pane.query_one(HitTable).row_count == 0


async def test_help_lists_every_key() -> None:
    app = BriefingApp(sample_corpus())
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        console = Console(record=True, width=120)
        console.print(app.screen.keys)
        text = console.export_text()
        for words in ("Timeline", "Clear filters", "Next mention", "Find", "Back", "Quit"):
            assert words in text
        for mark in ("independent sources", "since you last opened", "▸ Background"):
            assert mark in text  # what the timeline's columns and marks mean
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)


async def test_the_palette_jumps_to_a_person_by_part_of_the_name() -> None:
    app = BriefingApp(sample_corpus())
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        person = next(p for p in app.briefing.people if p.name == "Hakan Fidan")
        await pilot.press("ctrl+p")
        await pilot.press(*"hakan fid")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, EventsScreen))
        assert isinstance(app.screen, EventsScreen)
        assert list(app.screen.events) == list(app.briefing.events_of_person(person.id))


async def test_the_palette_offers_the_screens_commands() -> None:
    app = BriefingApp(sample_corpus())
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        titles = {command.title for command in app.get_system_commands(app.screen)}
        assert {"Timeline (1)", "People (2)", "Clear filters (x)", "Help (?)"} <= titles


# -- sizes ----------------------------------------------------------------------------------------


async def test_a_narrow_terminal_shows_one_pane_at_a_time_and_keeps_selections() -> None:
    app = BriefingApp(sample_corpus())
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        timeline = app.screen.query_one(EventTable)
        await pilot.press("j", "j", "j")
        chosen = timeline.selected_key
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert app.screen.has_class("-narrow")
        assert app.screen.query_one("#tabs").display
        assert not app.screen.query_one("#people").display
        await pilot.press("2")
        assert (
            app.screen.query_one("#people").display
            and not app.screen.query_one("#timeline").display
        )
        await pilot.press("1")
        await pilot.resize_terminal(*SIZE)
        await pilot.pause()
        assert not app.screen.has_class("-narrow")
        assert timeline.selected_key == chosen


# -- untrusted text -------------------------------------------------------------------------------

HOSTILE = (
    " date 2025-06-02 [bold]Loud[/] title [link=https://evil.example]click[/link] \x1b[31mred\x1b[0m\n"
    "President [red]Volodymyr Zelensky[/red] met Foreign Minister Hakan Fidan in [i]Istanbul[/i] "
    "on June 2 for talks \x1b]0;owned\x07 about [@click=app.quit]peace[/]."
)


@pytest.fixture
def hostile(corpus: Callable[[dict[str, str | bytes]], Path]) -> Path:
    return corpus({"a.txt": HOSTILE, "b.txt": HOSTILE.replace("Loud", "Quiet")})


async def test_markup_and_escapes_in_articles_show_as_plain_text_everywhere(hostile: Path) -> None:
    app = BriefingApp(hostile)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        screen = app.screen
        assert "[red]Volodymyr Zelensky[/red]" in " ".join(row_texts(screen.query_one(EventTable)))
        assert "[red]Volodymyr Zelensky[/red]" in shown(screen.query_one(Detail))
        await pilot.press("5", *"Loud", "enter")
        hits = screen.query_one(HitTable)
        await until(pilot, lambda: hits.row_count > 0)
        assert "[bold]Loud[/] title [link=https://evil" in " ".join(row_texts(hits))
        await pilot.press("enter")
        reader = app.screen
        assert isinstance(reader, ReaderScreen)
        title = shown(reader.query_one("#article-title", Static))
        assert "[bold]Loud[/] title [link=https://evil.example]click[/link] red" in title
        assert "[bold]Loud[/]" in crumbs(app)
        paragraphs = " ".join(shown(p) for p in reader.query(".paragraph").results(Static))
        assert "[i]Istanbul[/i]" in paragraphs and "[@click=app.quit]peace[/]" in paragraphs
        assert "\x1b" not in title + paragraphs and "\x07" not in paragraphs
        await pilot.press("slash", *"[b]zzz", "enter")  # not found: a notification quotes it
        await pilot.pause()
        assert "[b]zzz" in app.export_screenshot()
        await pilot.press("escape", "escape")
        await pilot.press("1", "enter")
        assert isinstance(app.screen, EventScreen)
        assert "[red]Volodymyr Zelensky[/red]" in " ".join(
            row_texts(app.screen.query_one(SourceTable))
        )
        assert app.is_running  # no [@click=app.quit] in the text was ever run


# -- bookmarks ------------------------------------------------------------------------------------


async def test_bookmark_write_a_note_leave_and_find_it_again(tmp_path: Path) -> None:
    marks = tmp_path / "marks.json"
    app = BriefingApp(sample_corpus(), bookmarks=marks)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        timeline = app.screen.query_one(EventTable)
        await pilot.press("j", "j", "b")
        chosen = timeline.selected_key or ""
        assert chosen in app.bookmarked()
        assert "★" in row_texts(timeline)[timeline.cursor_row]
        await pilot.press("B")
        screen = app.screen
        assert isinstance(screen, BookmarksScreen)
        assert screen.query_one(BookmarkTable).row_count == 1
        await pilot.press("e")
        assert isinstance(app.screen, NoteScreen)
        await pilot.press(*"Ask the embassy", "enter", *"about the list", "ctrl+s")
        assert isinstance(app.screen, BookmarksScreen)
        saved = json.loads(marks.read_text(encoding="utf-8"))["bookmarks"]
        assert saved[0]["note"] == "Ask the embassy\nabout the list" and saved[0]["event"] == chosen
        await pilot.press("escape", "q")
    again = BriefingApp(sample_corpus(), bookmarks=marks)
    async with again.run_test(size=SIZE) as pilot:
        await ready(pilot)
        assert again.bookmarked() == {chosen}
        await pilot.press("B")
        assert "Ask the embassy" in shown(again.screen.query_one("#bookmark-detail", Static))
        await pilot.press("d")
        assert again.bookmarked() == set()
        assert json.loads(marks.read_text(encoding="utf-8"))["bookmarks"] == []


async def test_bookmark_from_the_sources_and_from_a_mention_in_the_reader(tmp_path: Path) -> None:
    app = BriefingApp(sample_corpus(), bookmarks=tmp_path / "marks.json")
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("j", "enter")
        assert isinstance(app.screen, EventScreen)
        event = app.screen.event.id
        await pilot.press("b")
        assert event in app.bookmarked()
        assert "★" in shown(app.screen.query_one(Detail))
        await pilot.press("enter")
        assert isinstance(app.screen, ReaderScreen)
        assert app.screen.selected_event() == event
        await pilot.press("b")  # the mention under the cursor is the same event: away it goes
        assert event not in app.bookmarked()
        await pilot.press("escape")
        assert "★" not in shown(app.screen.query_one(Detail))


async def test_export_from_the_dashboard_asks_before_writing_over(tmp_path: Path) -> None:
    app = BriefingApp(sample_corpus(), bookmarks=tmp_path / "marks.json")
    out = tmp_path / "out.md"
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("j", "b", "j", "b", "w")
        assert isinstance(app.screen, ExportScreen)
        path = app.screen.query_one("#path", Input)
        path.value = str(out)
        await pilot.press("enter")
        assert not isinstance(app.screen, ExportScreen)
        first = out.read_text(encoding="utf-8")
        assert first.startswith("# Briefing: sample_corpus") and first.count("\n## ") == 2
        await pilot.press("j", "b", "w")
        app.screen.query_one("#path", Input).value = str(out)
        await pilot.press("enter")
        assert isinstance(app.screen, ExportScreen)  # it exists: asked first
        assert "exists" in shown(app.screen.query_one("#export-status", Static))
        assert out.read_text(encoding="utf-8") == first
        await pilot.press("enter")
        assert out.read_text(encoding="utf-8").count("\n## ") == 3


async def test_changing_the_format_with_an_empty_file_box_crashes_nothing(tmp_path: Path) -> None:
    app = BriefingApp(sample_corpus(), bookmarks=tmp_path / "marks.json")
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("b", "w")
        path = app.screen.query_one("#path", Input)
        path.value = ""
        app.screen.query_one(RadioSet).query(RadioButton).last().toggle()  # ics
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, ExportScreen)
        path.value = str(tmp_path / "briefing.md")
        app.screen.query_one(RadioSet).query(RadioButton).first().toggle()
        await pilot.pause()
        assert path.value.endswith("briefing.md")


def test_every_key_a_screen_binds_has_its_action_there() -> None:
    """A binding whose action the screen lacks does nothing (q once did nothing anywhere)."""
    from textual.binding import Binding
    from textual.screen import Screen

    from briefing.tui.screens import bookmarks, dialogs, event, help, main, reader

    modules = (bookmarks, dialogs, event, help, main, reader)
    screens = {
        kind
        for module in modules
        for kind in vars(module).values()
        if isinstance(kind, type)
        and issubclass(kind, Screen)
        and kind.__module__ == module.__name__
    }
    assert len(screens) >= 7
    for screen in screens:
        for owner in screen.__mro__:
            for binding in vars(owner).get("BINDINGS", []):
                assert isinstance(binding, Binding)
                action = binding.action.split("(")[0]
                if action.startswith(("app.", "screen.")):
                    continue
                assert hasattr(screen, f"action_{action}"), (screen.__name__, binding.key, action)


async def test_enter_pressed_twice_quickly_opens_an_event_once() -> None:
    app = BriefingApp(sample_corpus())
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        timeline = app.screen.query_one(EventTable)
        timeline.post_message(DataTable.RowSelected(timeline, 0, RowKey(timeline.selected_key)))
        timeline.post_message(DataTable.RowSelected(timeline, 0, RowKey(timeline.selected_key)))
        await pilot.pause()
        assert sum(isinstance(screen, EventScreen) for screen in app.screen_stack) == 1
