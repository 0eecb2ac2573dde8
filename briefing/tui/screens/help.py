"""Every key of the dashboard, from the same definitions as the footer and the palette."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from briefing.tui.commands import COMMANDS

LIST_KEYS = [
    ("↑ ↓  j k", "Move in a list"),
    ("g G  Home End", "First and last row"),
    ("PgUp PgDn", "A page up or down"),
    ("⏎", "Open: an event's sources, a source's article; a person or venue filters the timeline"),
    ("tab", "Next pane (on the timeline screen)"),
]


TIMELINE_MARKS = [
    ("Src", "independent sources: copies of one syndicated story, and one outlet's articles, once"),
    ("★", "bookmarked"),
    ("● ◐", "new, or changed (more articles, another date), since you last opened this folder"),
    ("~", "the year is inferred: no source states its own date"),
    ("▸ Background", "events well before the story's articles: ⏎ unfolds them"),
]


class HelpScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark,f1", "dismiss", "Close", key_display="esc"),
    ]

    def compose(self) -> ComposeResult:
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold cyan", no_wrap=True)
        table.add_column()
        table.add_row(Text("Keys", style="bold"), Text())
        for keys, what in LIST_KEYS:
            table.add_row(keys, what)
        table.add_row(Text(), Text())
        for command in COMMANDS.values():
            table.add_row(command.shown_keys, f"{command.title}: {command.help}")
        table.add_row(Text(), Text())
        table.add_row(Text("Timeline", style="bold"), Text())
        for mark, what in TIMELINE_MARKS:
            table.add_row(mark, what)
        table.add_row(Text(), Text())
        table.add_row(Text("Search", style="bold"), Text())
        for query, what in [
            ("talks istanbul", "both words, in any form the index folds alike"),
            ('"second round"', "the exact phrase"),
            ("ceasefire OR truce", "either word"),
            ("-drones  NOT drones", "without the word"),
            ("negotiat*", "words that start so"),
            ("person:Name venue:Place", "articles naming them, however spelled"),
            ("date:2025-06 after: before:", "by the article's date"),
            ("outlet:Reuters", "by outlet"),
        ]:
            table.add_row(query, what)
        self.keys = table
        with VerticalScroll(id="help"):
            yield Static(table)

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss(result)
