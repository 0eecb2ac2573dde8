"""An article to read: its cleaned text in paragraphs, the sentence it was opened for highlighted,
every event, person and venue it names marked, and a cursor that walks from mark to mark."""

from __future__ import annotations

import re
from dataclasses import dataclass

from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from briefing.model import Briefing, MarkedMention, Mention, Span
from briefing.report import STYLES

SENTENCE_STYLE = "on #3a3a1a"
FOUND_STYLE = "black on #d7af00"


@dataclass(frozen=True)
class Paragraph:
    span: Span
    number: int


class ArticleView(VerticalScroll, can_focus=True):
    """The text of one article, marked."""

    def __init__(
        self,
        briefing: Briefing,
        path: str,
        opened_at: Mention | None = None,
        *,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.text = briefing.text(path)
        self.marks: list[MarkedMention] = briefing.marks_in(path)
        self.sentence = opened_at.sentence if opened_at else None
        self.paragraphs = [Paragraph(span, n) for n, span in enumerate(_paragraphs(self.text))]
        self.current = self._mark_of(opened_at)
        self.found: list[Span] = []
        self.found_at = -1

    def compose(self) -> ComposeResult:
        for paragraph in self.paragraphs:
            yield Static(self._draw(paragraph), id=f"p{paragraph.number}", classes="paragraph")

    def on_mount(self) -> None:
        self.call_after_refresh(self.show_span, self._current_span() or self.sentence)

    # -- moving ---------------------------------------------------------------------------------

    @property
    def current_mark(self) -> MarkedMention | None:
        return self.marks[self.current] if 0 <= self.current < len(self.marks) else None

    def move_mark(self, step: int) -> MarkedMention | None:
        if not self.marks:
            return None
        before = self._current_span()
        self.current = (self.current + step) % len(self.marks) if self.current >= 0 else 0
        self._refresh_spans(before, self._current_span())
        self.show_span(self._current_span())
        return self.current_mark

    def set_mark(self, index: int) -> MarkedMention | None:
        before = self._current_span()
        self.current = index
        self._refresh_spans(before, self._current_span())
        return self.current_mark

    def find(self, words: str) -> int:
        """Mark every place the words stand (any case); the number of places."""
        before = list(self.found)
        self.found = []
        if words.strip():
            pattern = re.compile(re.escape(words.strip()), re.IGNORECASE)
            self.found = [Span(m.start(), m.end()) for m in pattern.finditer(self.text)]
        self.found_at = -1
        self._refresh_spans(*before, *self.found)
        return len(self.found)

    def find_step(self, step: int) -> int | None:
        """Go to the next (or previous) place found; its number, counted from 1."""
        if not self.found:
            return None
        self.found_at = (self.found_at + step) % len(self.found)
        self.show_span(self.found[self.found_at])
        return self.found_at + 1

    def show_span(self, span: Span | None) -> None:
        if span is None:
            return
        for paragraph in self.paragraphs:
            if (
                paragraph.span.start <= span.start < paragraph.span.end
                or span.start < paragraph.span.start
            ):
                self.scroll_to_widget(
                    self.query_one(f"#p{paragraph.number}", Static), top=True, animate=False
                )
                return

    # -- drawing ----------------------------------------------------------------------------------

    def _draw(self, paragraph: Paragraph) -> Text:
        start, end = paragraph.span.start, paragraph.span.end
        text = Text(self.text[start:end])
        if self.sentence and self.sentence.start < end and self.sentence.end > start:
            text.stylize(
                SENTENCE_STYLE, max(0, self.sentence.start - start), self.sentence.end - start
            )
        for index, mark in enumerate(self.marks):
            if mark.span.start >= start and mark.span.end <= end:
                style = Style.parse(STYLES[mark.kind]) + Style(meta={"mark": index})
                if index == self.current:
                    style += Style(reverse=True)
                text.stylize(style, mark.span.start - start, mark.span.end - start)
        for found in self.found:
            if found.start >= start and found.end <= end:
                text.stylize(FOUND_STYLE, found.start - start, found.end - start)
        return text

    def _refresh_spans(self, *spans: Span | None) -> None:
        for paragraph in self.paragraphs:
            if any(
                span and paragraph.span.start <= span.start < paragraph.span.end for span in spans
            ):
                self.query_one(f"#p{paragraph.number}", Static).update(self._draw(paragraph))

    def _current_span(self) -> Span | None:
        mark = self.current_mark
        return mark.span if mark else None

    def _mark_of(self, mention: Mention | None) -> int:
        """The mark of the words the article was opened for, else the first in their sentence."""
        if mention is None:
            return -1
        for index, mark in enumerate(self.marks):
            if mark.span == mention.span:
                return index
        for index, mark in enumerate(self.marks):
            if mention.sentence.start <= mark.span.start < mention.sentence.end:
                return index
        return -1


def _paragraphs(text: str) -> list[Span]:
    spans = []
    for match in re.finditer(r"[^\n]+(?:\n(?!\n)[^\n]*)*", text):
        if match.group().strip():
            spans.append(Span(match.start(), match.end()))
    return spans or [Span(0, len(text))]
