"""The dashboard's lists: events, people, venues and sources, each a table one row per record.

A table draws only the rows on screen, so a list of thousands stays quick. Every cell that comes
from an article is a `Text`, never markup.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from typing import ClassVar, NamedTuple

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.widgets import DataTable
from textual.widgets.data_table import RowDoesNotExist

from briefing.formatting import CHANGE_DOTS, human_article_date, human_when, plural
from briefing.model import Article, Briefing, Event, Mention, Organisation, Person, Venue
from briefing.visits import Change


class Column(NamedTuple):
    label: str
    key: str
    widest: int | None = None  # cells are cut to this width; None: as wide as they come
    optional: bool = False  # left out, last first, while the flexible one is narrower than ROOMY


ROOMY = 28  # columns of the flexible column, below which optional ones are left out
MIN_FLEX = 12


class ListTable(DataTable[Text]):
    """A table walked by rows, with the keys of a pager: j/k, g/G, PgUp/PgDn.

    One column (`FLEX`) takes the width the others leave, its cells cut with an ellipsis, so
    that a row reads across the pane at any terminal size.
    """

    COLUMNS: ClassVar[tuple[Column, ...]] = ()
    FLEX: ClassVar[str | None] = None
    ROOMY: ClassVar[int] = ROOMY  # the flexible column's width below which optional ones go

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        Binding("g", "scroll_top", "First", show=False),
        Binding("G", "scroll_bottom", "Last", show=False),
    ]

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes, cursor_type="row", zebra_stripes=True)
        self._rows: list[tuple[str, Sequence[Text]]] = []
        self._drawn_width = 0

    def on_mount(self) -> None:
        self._draw()

    @property
    def selected_key(self) -> str | None:
        """The key of the row under the cursor, if any row is."""
        if not self.row_count:
            return None
        return str(self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value)

    def select_key(self, key: str | None) -> bool:
        """Put the cursor on the row with this key; whether there is one."""
        if key is None:
            return False
        try:
            self.move_cursor(row=self.get_row_index(key), scroll=True)
        except RowDoesNotExist:
            return False
        return True

    def refill(self, rows: Iterable[tuple[str, Sequence[Text]]]) -> None:
        """Replace every row, keeping the cursor on the same record if it is still listed."""
        self._rows = list(rows)
        self._draw()

    def on_resize(self) -> None:
        if self._rows and self.size.width != self._drawn_width:
            self._draw()

    def _draw(self) -> None:
        kept = self.selected_key
        self.clear(columns=True)  # and their widths, which otherwise only ever grow
        self._drawn_width = self.size.width
        shown = self._layout()
        for index, width in shown:
            self.add_column(self.COLUMNS[index].label, key=self.COLUMNS[index].key, width=width)
        for key, cells in self._rows:
            self.add_row(*(_cut(cells[index], width) for index, width in shown), key=key)
        if not self.select_key(kept) and self.row_count:
            self.move_cursor(row=0)

    def _layout(self) -> list[tuple[int, int | None]]:
        """The columns shown and how wide: each its natural width up to its cap, the flexible
        one what the others leave; optional ones go first when the table is narrow."""
        naturals = [
            min(max([len(column.label), *(cells[i].cell_len for _, cells in self._rows)]),
                column.widest or 10_000)
            for i, column in enumerate(self.COLUMNS)
        ]  # fmt: skip
        shown = list(range(len(self.COLUMNS)))
        if self.FLEX is None or not self.size.width:
            return [(index, None) for index in shown]
        flex = [column.key for column in self.COLUMNS].index(self.FLEX)

        def left() -> int:
            padding = 2 * self.cell_padding * len(shown) + 2  # and the scroll bar
            return self.size.width - padding - sum(naturals[i] for i in shown if i != flex)

        for index in reversed(range(len(self.COLUMNS))):  # the last ones go first
            if self.COLUMNS[index].optional and left() < self.ROOMY:
                shown.remove(index)
        return [
            (index, max(MIN_FLEX, left()) if index == flex else naturals[index]) for index in shown
        ]


def _cut(cell: Text, width: int | None) -> Text:
    if width is None or cell.cell_len <= width:
        return cell
    cut = cell.copy()
    cut.truncate(width, overflow="ellipsis")
    return cut


# -- events ---------------------------------------------------------------------------------------


class EventTable(ListTable):
    """Events by date, grouped by day: the date shows on the first event of each day, the time
    of day on every event that has one."""

    COLUMNS = (
        Column("When", "when"),
        Column("Event", "title"),
        Column("Where", "where", 16, optional=True),
        Column("Src", "sources"),
    )
    FLEX = "title"
    ROOMY = 60  # a headline of a dozen words reads whole before its places are listed

    def show(
        self,
        briefing: Briefing,
        events: Sequence[Event],
        marked: Collection[str] = (),
        background: Sequence[Event] = (),
        unfolded: bool = False,
        changes: Mapping[str, Change] | None = None,
    ) -> None:
        """List the story's events, then the `background` folded in one row (or `unfolded`
        under it); those in `marked` (bookmarked) carry a star, those new or changed since the
        last visit (`changes`) a dot or a half dot."""
        rows = list(event_rows(briefing, events, marked, changes))
        if background:
            rows.append((BACKGROUND_ROW, _background_row(len(background), unfolded)))
            if unfolded:
                rows.extend(event_rows(briefing, background, marked, changes))
        self.refill(rows)


BACKGROUND_ROW = "\x00background"  # the key of the row that folds the background; no event's id


def _background_row(count: int, unfolded: bool) -> list[Text]:
    mark = "▾" if unfolded else "▸"
    what = f"{plural(count, 'event')} well before the story · ⏎ " + (
        "folds" if unfolded else "unfolds"
    )
    return [Text(f"{mark} Background", style="bold"), Text(what, style="dim"), Text(""), Text("")]


def event_rows(
    briefing: Briefing,
    events: Sequence[Event],
    marked: Collection[str] = (),
    changes: Mapping[str, Change] | None = None,
) -> Iterable[tuple[str, list[Text]]]:
    previous = ""
    for event in events:
        day = human_when(event.when, weekday=False)
        when = Text("" if day == previous else day, style="bold")
        if event.inferred and day != previous:
            when.append("~", style="italic dim")  # no source states its own date
        if event.when.time:
            when.append(f" {event.when.time}", style="cyan")
        previous = day
        title = Text()
        if event.id in marked:
            title.append("★ ", style="bold yellow")
        if changes and (change := changes.get(event.id)):
            title.append(CHANGE_DOTS[change.how], style="bold yellow")
        title.append(event.title)
        where = ", ".join(briefing.venue[v].name for v in event.venues[:2] if v in briefing.venue)
        sources = Text(str(event.sources), justify="right")
        yield event.id, [when, title, Text(where, style="green"), sources]


# -- people, organisations and venues --------------------------------------------------------------


class PeopleTable(ListTable):
    COLUMNS = (
        Column("Person", "person", 28),
        Column("Roles", "roles"),
        Column("Art", "articles", optional=True),
        Column("Ev", "events"),
    )
    FLEX = "roles"

    def show(self, briefing: Briefing, people: Sequence[Person]) -> None:
        def row(person: Person) -> list[Text]:
            return [
                Text(person.name, style="bold"),
                Text("; ".join(person.roles[:2]), style="dim"),
                Text(str(person.article_count), justify="right"),
                Text(str(len(briefing.events_of_person(person.id))), justify="right"),
            ]

        self.refill((person.id, row(person)) for person in people)


class OrganisationTable(ListTable):
    COLUMNS = (
        Column("Organisation", "organisation", 28),
        Column("Kind", "kind"),
        Column("Art", "articles", optional=True),
        Column("Ev", "events"),
    )
    FLEX = "kind"

    def show(self, briefing: Briefing, organisations: Sequence[Organisation]) -> None:
        def row(organisation: Organisation) -> list[Text]:
            return [
                Text(organisation.name, style="bold"),
                Text(organisation.kind or "", style="dim"),
                Text(str(organisation.article_count), justify="right"),
                Text(str(len(briefing.events_of_organisation(organisation.id))), justify="right"),
            ]

        self.refill((organisation.id, row(organisation)) for organisation in organisations)


class VenueTable(ListTable):
    COLUMNS = (
        Column("Venue", "venue", 28),
        Column("Kind", "kind", 12, optional=True),
        Column("Within", "within"),
        Column("Art", "articles", optional=True),
        Column("Ev", "events"),
    )
    FLEX = "within"

    def show(self, briefing: Briefing, venues: Sequence[Venue]) -> None:
        def row(venue: Venue) -> list[Text]:
            within = briefing.venue[venue.within].name if venue.within in briefing.venue else ""
            return [
                Text(venue.name, style="bold"),
                Text(venue.kind, style="dim"),
                Text(within, style="green"),
                Text(str(venue.article_count), justify="right"),
                Text(str(len(briefing.events_of_venue(venue.id))), justify="right"),
            ]

        self.refill((venue.id, row(venue)) for venue in venues)


# -- the sources of an event ----------------------------------------------------------------------


class SourceTable(ListTable):
    """One row per article that reports an event, with the sentence that does."""

    COLUMNS = (
        Column("Article", "article", 36),
        Column("Outlet", "outlet", 18, optional=True),
        Column("Dated", "dated", optional=True),
        Column("Sentence", "sentence"),
    )
    FLEX = "sentence"

    def show(self, briefing: Briefing, mentions: Sequence[Mention]) -> None:
        seen: set[str] = set()
        rows = []
        for number, mention in enumerate(mentions):
            article: Article = briefing.article[mention.article]
            first = mention.article not in seen
            seen.add(mention.article)
            rows.append((f"{number}", [
                Text(article.title if first else "", style="bold"),
                Text(article.outlet or "" if first else "", style="dim"),
                Text(human_article_date(article.date) if first else "", style="dim"),
                sentence_text(briefing, mention),
            ]))  # fmt: skip
        self.refill(rows)


def sentence_text(briefing: Briefing, mention: Mention) -> Text:
    """The sentence of a mention on one line, with the mentioned words marked."""
    text = briefing.text(mention.article)
    sentence = Text(" ".join(mention.sentence.of(text).split()))
    words = " ".join(mention.span.of(text).split())
    at = sentence.plain.find(words)
    if at >= 0:
        sentence.stylize("bold yellow", at, at + len(words))
    return sentence
