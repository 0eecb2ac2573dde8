"""Small windows over the dashboard: the note of a bookmark, and where to write the bookmarks."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, Input, RadioButton, RadioSet, Static, TextArea

from briefing.export import FORMATS

FORM_NAMES = {"md": "Markdown: a briefing to send", "json": "JSON: the bookmarks file",
              "csv": "CSV: a spreadsheet", "ics": "ICS: a calendar"}  # fmt: skip


class NoteScreen(ModalScreen[str | None]):
    """A note on a bookmark, several lines long: ctrl+s keeps it, escape leaves it as it was."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "keep", "Keep the note", priority=True),
        Binding("escape", "cancel", "Cancel", priority=True),
    ]

    def __init__(self, title: str, note: str) -> None:
        super().__init__()
        self.heading = title
        self.note = note

    def compose(self) -> ComposeResult:
        with Vertical(id="note-box", classes="dialog"):
            yield Static(
                Text.assemble(("Note on ", "dim"), (self.heading, "bold")), id="note-title"
            )
            yield TextArea(self.note, id="note", soft_wrap=True, show_line_numbers=False)
            yield Static(Text("ctrl+s keeps the note  ·  esc leaves it as it was", style="dim"))
        yield Footer()

    def on_mount(self) -> None:
        area = self.query_one(TextArea)
        area.focus()
        area.move_cursor(area.document.end)

    def action_keep(self) -> None:
        self.dismiss(self.query_one(TextArea).text)

    def action_cancel(self) -> None:
        self.dismiss(None)


class ExportScreen(ModalScreen[tuple[str, Path] | None]):
    """Where to write the bookmarks and in what form; an existing file is written over only
    after a second ⏎."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel", priority=True)]

    def __init__(self, suggested: Path) -> None:
        super().__init__()
        self.suggested = suggested
        self.confirming: Path | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="export-box", classes="dialog"):
            yield Static(Text("Write the bookmarks out", style="bold"))
            with RadioSet(id="format"):
                for form in FORMATS:
                    yield RadioButton(f"{form}  {FORM_NAMES[form]}", value=form == "md", name=form)
            yield Input(str(self.suggested), id="path")
            yield Static(Text("⏎ writes  ·  esc cancels", style="dim"), id="export-status")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#path", Input).focus()

    @property
    def form(self) -> str:
        pressed = self.query_one(RadioSet).pressed_button
        return pressed.name if pressed and pressed.name else "md"

    @on(RadioSet.Changed)
    def new_form(self) -> None:
        box = self.query_one("#path", Input)
        if Path(box.value).name:  # an empty box has no name to give a suffix to
            box.value = str(Path(box.value).with_suffix(f".{self.form}"))
        self.confirming = None

    @on(Input.Changed, "#path")
    def new_path(self) -> None:
        self.confirming = None

    @on(Input.Submitted, "#path")
    def chosen(self, event: Input.Submitted) -> None:
        path = Path(event.value).expanduser()
        if path.exists() and self.confirming != path:
            self.confirming = path
            self.query_one("#export-status", Static).update(
                Text.assemble(
                    (f"{path} exists. ", "bold yellow"),
                    ("⏎ again writes over it, esc cancels", "dim"),
                )
            )
            return
        self.dismiss((self.form, path))

    def action_cancel(self) -> None:
        self.dismiss(None)
