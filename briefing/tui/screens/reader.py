"""One article, read: scrolled to the sentence it was opened for, its mentions marked; the keys
walk from mention to mention and open the one under the cursor."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.events import Click
from textual.widgets import Input, Static

from briefing.formatting import human_article_date
from briefing.model import MarkedMention, Mention
from briefing.report import STYLES
from briefing.tui.commands import bindings
from briefing.tui.screens.base import BriefingScreen
from briefing.tui.widgets.reader import ArticleView

KIND_NAMES = {
    "event": "Event",
    "person": "Person",
    "venue": "Venue",
    "organisation": "Organisation",
}
OPENS = {
    "event": "its sources",
    "person": "their events",
    "venue": "its events",
    "organisation": "its events",
}


class ReaderScreen(BriefingScreen):
    BINDINGS = bindings(
        "next_mention", "previous_mention", "open_mention", "find", "find_next", "find_previous"
    )

    def __init__(self, path: str, opened_at: Mention | None) -> None:
        briefing_title = path
        super().__init__(briefing_title)
        self.path = path
        self.opened_at = opened_at

    def compose(self) -> ComposeResult:
        briefing = self.briefing_app.briefing
        article = briefing.article[self.path]
        self.crumb = article.title
        heading = Text(article.title, style="bold")
        details = [
            self.path,
            human_article_date(article.date),
            article.outlet or "",
            article.author or "",
        ]
        heading.append("\n" + "  ·  ".join(detail for detail in details if detail), style="dim")
        yield from self.compose_frame()
        yield Static(heading, id="article-title")
        yield ArticleView(briefing, self.path, self.opened_at, id="article")
        yield Static(id="mention")
        yield Input(placeholder="find in this article", id="find")
        yield from self.compose_footer()

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#find", Input).display = False
        self.query_one(ArticleView).focus()
        self.show_mention(self.query_one(ArticleView).current_mark)

    # -- mentions ---------------------------------------------------------------------------------

    def action_next_mention(self) -> None:
        self.show_mention(self.query_one(ArticleView).move_mark(1))

    def action_previous_mention(self) -> None:
        self.show_mention(self.query_one(ArticleView).move_mark(-1))

    def action_open_mention(self) -> None:
        mark = self.query_one(ArticleView).current_mark
        if mark is not None:
            self.briefing_app.open_mark(mark)

    def on_click(self, event: Click) -> None:
        """A click on a mention: it becomes the current one, and opens."""
        index = event.style.meta.get("mark")
        if isinstance(index, int):
            self.show_mention(self.query_one(ArticleView).set_mark(index))
            self.action_open_mention()

    def show_mention(self, mark: MarkedMention | None) -> None:
        line = self.query_one("#mention", Static)
        if mark is None:
            line.update(Text("] and [ move from mention to mention", style="dim"))
            return
        briefing = self.briefing_app.briefing
        name = {
            "event": lambda: briefing.event[mark.ref].title if mark.ref in briefing.event else "",
            "person": lambda: briefing.person[mark.ref].name if mark.ref in briefing.person else "",
            "venue": lambda: briefing.venue[mark.ref].name if mark.ref in briefing.venue else "",
            "organisation": lambda: (
                briefing.organisation[mark.ref].name if mark.ref in briefing.organisation else ""
            ),
        }[mark.kind]()
        opens = OPENS[mark.kind]
        text = Text(f"{KIND_NAMES[mark.kind]}: ", style="dim")
        if mark.kind == "event" and mark.ref in self.briefing_app.bookmarked():
            text.append("★ ", style="bold yellow")
        text.append(name, style=STYLES[mark.kind])
        text.append(f"  ·  ⏎ {opens}", style="dim")
        line.update(text)

    def selected_event(self) -> str | None:
        mark = self.query_one(ArticleView).current_mark
        return mark.ref if mark is not None and mark.kind == "event" else None

    def refresh_marks(self) -> None:
        self.show_mention(self.query_one(ArticleView).current_mark)

    # -- finding words ----------------------------------------------------------------------------

    def action_find(self) -> None:
        box = self.query_one("#find", Input)
        box.display = True
        box.focus()

    @on(Input.Submitted, "#find")
    def find(self, event: Input.Submitted) -> None:
        view = self.query_one(ArticleView)
        count = view.find(event.value)
        view.focus()
        if count:
            self.action_find_next()
        else:
            self.notify(f"Not in this article: {event.value}", markup=False, severity="warning")

    def action_find_next(self) -> None:
        self._found(self.query_one(ArticleView).find_step(1))

    def action_find_previous(self) -> None:
        self._found(self.query_one(ArticleView).find_step(-1))

    def _found(self, number: int | None) -> None:
        view = self.query_one(ArticleView)
        if number is not None:
            self.query_one("#mention", Static).update(
                Text(f"found {number} of {len(view.found)}  ·  n next, N previous", style="dim")
            )

    def action_back(self) -> None:
        box = self.query_one("#find", Input)
        if box.has_focus:
            box.display = False
            self.query_one(ArticleView).focus()
            return
        super().action_back()
