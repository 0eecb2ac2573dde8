"""The search pane: a query box, the articles found, best first, and suggestions when none is.

Typing asks for a search once the typist pauses; the screen runs it off the UI thread, and a
newer query replaces an older one still running.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Input, Static

from briefing.formatting import plural
from briefing.search import Hit, Results
from briefing.tui.widgets.detail import marked_snippet
from briefing.tui.widgets.lists import Column, ListTable

PAUSE = 0.25  # seconds of no typing before a search starts


class HitTable(ListTable):
    COLUMNS = (
        Column("Date", "date", optional=True),
        Column("Article", "title", 40),
        Column("Found", "snippet"),
    )
    FLEX = "snippet"

    def show(self, hits: list[Hit]) -> None:
        self.refill(
            (hit.article, [Text(hit.date or "undated", style="dim"), Text(hit.title, style="bold"),
                           marked_snippet(hit.snippet)])
            for hit in hits
        )  # fmt: skip


class SearchPane(Vertical):
    """Type to search; ⏎ goes to the results."""

    @dataclass
    class Asked(Message):
        """The user paused on a query: search it."""

        query: str

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._timer: Timer | None = None
        self.hits: dict[str, Hit] = {}

    def compose(self) -> ComposeResult:
        yield Input(placeholder='words, "a phrase", person:Name, venue:Place, date:2025-06 …',
                    id="query", select_on_focus=False)  # fmt: skip
        yield Static(id="search-status")
        yield HitTable(id="hits")

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        if self._timer is not None:
            self._timer.stop()
        if not event.value.strip():
            self.show_status(Text("Type to search the articles.", style="dim"))
            self.query_one(HitTable).clear()
            return
        self._timer = self.set_timer(PAUSE, lambda: self.post_message(self.Asked(event.value)))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self._timer is not None:
            self._timer.stop()
        if event.value.strip():
            self.post_message(self.Asked(event.value))
        self.query_one(HitTable).focus()

    def show_searching(self) -> None:
        self.show_status(Text("Searching…", style="dim italic"))

    def show_results(self, results: Results) -> None:
        self.hits = {hit.article: hit for hit in results.hits}
        self.query_one(HitTable).show(results.hits)
        status = Text(f"{plural(results.total, 'article')}", style="bold")
        shown = len(results.hits)
        if shown < results.total:
            status.append(f", the best {shown} shown", style="dim")
        status.append(f"  ·  {results.took_ms:g} ms", style="dim")
        if not results.total and results.suggestions:
            status.append("\nDid you mean: ", style="dim")
            status.append(", ".join(results.suggestions), style="bold")
        self.show_status(status)

    def show_error(self, message: str) -> None:
        self.query_one(HitTable).clear()
        self.show_status(Text(message, style="bold red"))

    def show_status(self, text: Text) -> None:
        self.query_one("#search-status", Static).update(text)
