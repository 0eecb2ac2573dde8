"""The briefing's vocabulary: the records the engine produces and every face reads.

The way through is `corpus` (files -> `Article` and its text), `extract` (one text ->
`ArticleFacts`) and `resolve` (all facts -> events, people and venues), kept by `store`. Spans are
character offsets into an article's cleaned text, the text a reader sees, so that every fact can be
traced to the words it came from.

Facts are NamedTuples: a large corpus holds millions of them, and they must be quick to make, to
send between processes and to store. The briefing's own records are few and are dataclasses.
"""

from __future__ import annotations

import calendar
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from functools import cached_property
from pathlib import Path
from typing import Literal, NamedTuple, Protocol

# -- dates ----------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True, order=True)
class PartialDate:
    """A calendar date known to the day, to the month or only to the year.

    An unknown month or day is 0, so a month sorts just before its first day.
    """

    year: int
    month: int = 0
    day: int = 0

    @property
    def precision(self) -> Literal["day", "month", "year"]:
        if self.day:
            return "day"
        return "month" if self.month else "year"

    def iso(self) -> str:
        if self.day:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"

    def first(self) -> date:
        return date(self.year, self.month or 1, self.day or 1)

    def last(self) -> date:
        if self.day:
            return date(self.year, self.month, self.day)
        month = self.month or 12
        return date(self.year, month, calendar.monthrange(self.year, month)[1])

    @classmethod
    def of(cls, day: date) -> PartialDate:
        return cls(day.year, day.month, day.day)

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Read `YYYY`, `YYYY-MM` or `YYYY-MM-DD`."""
        return cls(*(int(part) for part in text.split("-")))


@dataclass(frozen=True, slots=True)
class DateSpan:
    """What a time expression means: a date or a range of dates, maybe with a time of day."""

    start: PartialDate
    end: PartialDate | None = None
    time: str | None = None
    timezone: str | None = None

    def iso(self) -> str:
        """`2025-06-02`, `2025-05`, `2022`, or a range `2025-05-23/2025-05-25`."""
        return self.start.iso() if self.end is None else f"{self.start.iso()}/{self.end.iso()}"

    @property
    def sort_key(self) -> tuple[PartialDate, str, PartialDate]:
        return (self.start, self.time or "", self.end or self.start)

    @classmethod
    def parse(cls, iso: str, time: str | None = None, timezone: str | None = None) -> DateSpan:
        start, _, end = iso.partition("/")
        return cls(
            PartialDate.parse(start), PartialDate.parse(end) if end else None, time, timezone
        )


class DateSource(StrEnum):
    STATED = "stated"
    INFERRED = "inferred"
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class ArticleDate:
    """When an article was written: one day, a window of days, or unknown; and how we know."""

    earliest: date | None = None
    latest: date | None = None
    source: DateSource = DateSource.UNKNOWN
    how: str = "no date found"

    @property
    def day(self) -> date | None:
        return self.earliest if self.earliest is not None and self.earliest == self.latest else None

    def iso(self) -> str | None:
        if self.earliest is None or self.latest is None:
            return None
        if self.earliest == self.latest:
            return self.earliest.isoformat()
        return f"{self.earliest.isoformat()}/{self.latest.isoformat()}"

    @classmethod
    def stated(cls, day: date, how: str) -> ArticleDate:
        return cls(day, day, DateSource.STATED, how)


UNKNOWN_DATE = ArticleDate()

# -- articles -------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Article:
    """What the briefing knows of an article; its cleaned text is `Briefing.text(path)`.

    `path` is relative to the corpus folder; an article that shares its file with others (a JSON
    list, a JSON Lines feed) gets `#n`, its place in the file, counting from 1.
    """

    path: str
    title: str
    date: ArticleDate = UNKNOWN_DATE
    outlet: str | None = None
    url: str | None = None
    author: str | None = None


@dataclass(frozen=True, slots=True)
class Skipped:
    """A file, or a part of one, that could not be read as an article, and why."""

    path: str
    reason: str


# -- what one article says ------------------------------------------------------------------------


class Span(NamedTuple):
    start: int
    end: int

    def of(self, text: str) -> str:
        return text[self.start : self.end]

    def __contains__(self, offset: object) -> bool:
        return isinstance(offset, int) and self.start <= offset < self.end


class DateFields(NamedTuple):
    """A date as written, before it is anchored: any field may be missing ("May 16")."""

    year: int | None = None
    month: int | None = None
    day: int | None = None


class WrittenDate(NamedTuple):
    """A date spelled out in the text: "16 May", "June 2, 2025", "February 2022", "May 23 to 25"."""

    start: DateFields
    end: DateFields | None = None
    weekday: int | None = None  # "Monday, June 2": a check on the year, Monday is 0
    year_shift: int | None = (
        None  # "in May this year" (0), "last year" (-1): counted from the anchor
    )
    loose: bool = False  # a bare "2019" with no word that makes it a time: dates no happening
    direction: int = 0  # "last June" (-1): the latest before the article's month; "next" (+1)
    # "the Aug. 8 wildfires": a happening nobody schedules, named by its day: on or before the
    # article's day, never the coming one
    done: bool = False


class WeekdayRef(NamedTuple):
    """A day named by its weekday: "on Monday" (shift 0), "last Sunday" (-1), "next Friday" (+1);
    or days: "on Monday and Tuesday", "from Monday to Wednesday" (`until` is the last one)."""

    weekday: int
    shift: int = 0
    until: int | None = None


class RelativeRef(NamedTuple):
    """A day, week, weekend, month or year counted from the article's date: "tomorrow", "next
    week", "over the weekend" (offset 0: the weekend nearest the article, as its tense says)."""

    unit: Literal["day", "week", "weekend", "month", "year"]
    offset: int
    loose: bool = False  # "two weeks ago", "earlier this week": a time too rough to date by


class PartOfYear(NamedTuple):
    """A quarter, a half or a season: "the third quarter" (Q3), "last summer" (SU, shift -1),
    "the first half of 2024" (H1 of 2024), "the quarter of last year" (Q, year_shift -1), "the
    latest quarter" (Q, shift -1). With none of year, shift and year_shift, the one its tense
    points to."""

    part: str  # Q1..Q4, H1, H2, a season (SP, SU, FA, WI), or Q: a quarter told by its shift
    year: int | None = None
    shift: int | None = None  # -1: the last such part before the article's day, 0 its own
    year_shift: int | None = None  # in the year before the article's (-1), its own (0)


class Era(NamedTuple):
    """A decade or a century: "the 1990s" ("199"), "the 20th century" ("19")."""

    value: str


class Duration(NamedTuple):
    """A stretch of time, not a date: "three years" (P3Y), "90 minutes" (PT90M), "weeks" (PXW)."""

    value: str


class Recurrence(NamedTuple):
    """How often: "every Monday" (XXXX-WXX-1), "daily" (P1D), "each year" (P1Y)."""

    value: str


class Reference(NamedTuple):
    """Now, the past or the future without a date: "now" (PRESENT_REF), "recently" (PAST_REF),
    "in the future" (FUTURE_REF)."""

    value: str


class Clock(NamedTuple):
    """A time of day: "at 3 p.m." ("15:00"), "this evening" ("EV"), "last night" ("NI", -1).
    `day` counts from the article's day; None: the day of the date it stands with, if any."""

    time: str  # HH:MM, or a part of the day: MO, AF, EV, NI
    zone: str | None = None
    day: int | None = None


TimeExpr = (
    WrittenDate | WeekdayRef | RelativeRef | PartOfYear | Era | Duration | Recurrence | Reference
    | Clock
)  # fmt: skip
DatingExpr = WrittenDate | WeekdayRef | RelativeRef  # the kinds that put a happening on days


class Tense(StrEnum):
    PAST = "past"
    PRESENT = "present"
    FUTURE = "future"
    UNKNOWN = "unknown"


class TimeMention(NamedTuple):
    """A time expression found in an article, with what is needed to anchor it later."""

    span: Span
    expr: TimeExpr
    sentence: int
    tense: Tense = Tense.UNKNOWN
    quoted: bool = False
    time: str | None = None
    timezone: str | None = None
    part: str | None = None  # a part of the day that goes with it: "Friday morning" is MO


class PersonMention(NamedTuple):
    """A name the text gives a person, and what says it is a person's.

    `evidence` is "name" (a known given name or initials before a surname), "title"
    ("President Putin"), "apposition" ("Peskov, the Kremlin's spokesman") or "surname" (a lone
    word, kept only if it matches a fuller name of somebody in the corpus).
    """

    span: Span
    name: str
    sentence: int
    role: str | None = None
    evidence: str = "name"


class PlaceMention(NamedTuple):
    span: Span
    name: str
    kind: str
    sentence: int
    place_id: str | None = None  # the gazetteer's key, when the place is in it
    country: str | None = None  # ISO 3166 alpha-2, when known
    within: str | None = None  # the name of a place the text puts it in ("Palace in Istanbul")


class OrganisationMention(NamedTuple):
    """A name the text gives a body, and what says it is one.

    `evidence` is "name" (its own words: "Inc.", "Ministry", "Coast Guard"), "title" (it owns a
    person's title: "CrowdStrike CEO George Kurtz"), "context" ("shares of X", "X said it"),
    "acronym" ("the FAA") or "bare" (a capitalised name with none of these, kept only if the
    corpus knows it as an organisation).
    """

    span: Span
    name: str
    sentence: int
    kind: str | None = None  # company, government, media, military, party, court, police, ...
    evidence: str = "name"


class Fingerprint(NamedTuple):
    """What tells an article's syndicated copies: keys of its longest paragraphs, and a sketch
    of its phrases (see `extract.fingerprint`)."""

    keys: tuple[str, ...]
    sketch: bytes


class ArticleFacts(NamedTuple):
    """Everything extraction finds in one article; depends on nothing but the article's text."""

    sentences: tuple[Span, ...]
    times: tuple[TimeMention, ...]
    people: tuple[PersonMention, ...]
    places: tuple[PlaceMention, ...]
    fingerprint: Fingerprint
    organisations: tuple[OrganisationMention, ...] = ()
    # sentences of page furniture (photo captions): they may date the article, but name no one
    # and report nothing of the story
    furniture: frozenset[int] = frozenset()


# -- the briefing ---------------------------------------------------------------------------------


class Mention(NamedTuple):
    """Where a person, venue or event is named: the words and the sentence that holds them."""

    article: str
    span: Span
    sentence: Span
    # an event told of without a date ("after his ouster"): `span` is the word that says what
    dated: bool = True


@dataclass(frozen=True, slots=True)
class Person:
    id: str
    name: str
    aliases: tuple[str, ...]
    roles: tuple[str, ...]
    mention_count: int
    article_count: int


@dataclass(frozen=True, slots=True)
class Venue:
    id: str
    name: str
    aliases: tuple[str, ...]
    kind: str
    within: str | None  # the id of the venue this one lies in
    mention_count: int
    article_count: int


@dataclass(frozen=True, slots=True)
class Organisation:
    id: str
    name: str
    aliases: tuple[str, ...]
    kind: str | None  # company, government, media, military, party, court, police, organisation
    mention_count: int
    article_count: int


@dataclass(frozen=True, slots=True)
class Event:
    """Something that happened or is due on a date, reported by one or more articles."""

    id: str
    when: DateSpan
    title: str
    people: tuple[str, ...]  # Person ids, most mentioned first
    venues: tuple[str, ...]  # Venue ids, most mentioned first
    sources: int  # independent sources: a syndicated story once, an outlet once
    mention_count: int
    article_count: int
    inferred: bool = False  # no article that reports it states its own date
    organisations: tuple[str, ...] = ()  # Organisation ids, most mentioned first


MentionKind = Literal["event", "person", "venue", "organisation"]


class MarkedMention(NamedTuple):
    """A mention inside one article, with what it refers to: for marking the reader's text."""

    kind: MentionKind
    ref: str
    span: Span
    sentence: Span
    dated: bool = True  # an event's mention by its date; False: told of without one


class TimexLike(Protocol):
    """A time expression as TimeML values it (`briefing.resolve.timeml.Timex`)."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def type(self) -> str: ...
    @property
    def value(self) -> str | None: ...
    @property
    def flag(self) -> str | None: ...


class BriefingSource(Protocol):
    """Where a briefing's records come from: a store on disk or in memory."""

    def events(self) -> Sequence[Event]: ...
    def people(self) -> Sequence[Person]: ...
    def venues(self) -> Sequence[Venue]: ...
    def organisations(self) -> Sequence[Organisation]: ...
    def articles(self) -> Sequence[Article]: ...
    def skipped(self) -> Sequence[Skipped]: ...
    def text(self, path: str) -> str: ...
    def marks(self, path: str) -> list[MarkedMention]: ...
    def times(self, path: str) -> Sequence[TimexLike]: ...
    def articles_of(self, kind: MentionKind, ref: str) -> list[str]: ...


TEXTS_KEPT = 64  # articles' texts a briefing keeps at hand
BACKGROUND_MARGIN = timedelta(days=30)  # how long before the story an event is still part of it
STRAY_SHARE = 0.1  # the share of dated articles that may stand apart before the story
STRAY_GAP = timedelta(days=180)  # how far apart from the next an early article stands to be stray


class Briefing:
    """The one object every face reads: the story's events, people, venues and articles.

    Lists load when first asked for, and the words of an article or the mentions of an event only
    when shown, so that a briefing on a hundred thousand articles opens at once.
    """

    def __init__(self, root: Path, source: BriefingSource) -> None:
        self.root = root
        self.source = source
        self._index: dict[str, dict[str, list[Event]]] = {}
        self._texts: dict[str, str] = {}  # the articles last read: mentions come article by article

    @cached_property
    def events(self) -> tuple[Event, ...]:
        return tuple(self.source.events())

    @cached_property
    def story_start(self) -> date | None:
        """When the story the corpus is about begins: its first article's date, unless a few early
        ones stand apart from the rest (an old profile kept with this year's news). None when no
        article states its date."""
        days = sorted(day for article in self.articles if (day := article.date.day) is not None)
        first = 0
        while first + 1 < len(days) * STRAY_SHARE and days[first + 1] - days[first] > STRAY_GAP:
            first += 1
        return days[first] if days else None

    @cached_property
    def background(self) -> tuple[Event, ...]:
        """Events well before the story: what it recalls (a war's first talks, a 2012 rescue),
        kept apart from the story's own days."""
        start = self.story_start
        if start is None:
            return ()
        edge = start - BACKGROUND_MARGIN
        return tuple(
            event for event in self.events if (event.when.end or event.when.start).last() < edge
        )

    @cached_property
    def background_ids(self) -> frozenset[str]:
        return frozenset(event.id for event in self.background)

    @cached_property
    def story(self) -> tuple[Event, ...]:
        """The story's own events: every event but the background."""
        return tuple(event for event in self.events if event.id not in self.background_ids)

    def events_near(self, day: date, days: int) -> list[Event]:
        """The events that begin within so many days of a day, in timeline order."""
        starts = self._starts
        low = bisect_left(starts, day - timedelta(days=days))
        high = bisect_right(starts, day + timedelta(days=days))
        return [self._by_start[index] for index in range(low, high)]

    @cached_property
    def _by_start(self) -> list[Event]:
        return sorted(self.events, key=lambda event: event.when.start.first())

    @cached_property
    def _starts(self) -> list[date]:
        return [event.when.start.first() for event in self._by_start]

    @cached_property
    def people(self) -> tuple[Person, ...]:
        return tuple(self.source.people())

    @cached_property
    def venues(self) -> tuple[Venue, ...]:
        return tuple(self.source.venues())

    @cached_property
    def organisations(self) -> tuple[Organisation, ...]:
        return tuple(self.source.organisations())

    @cached_property
    def articles(self) -> tuple[Article, ...]:
        return tuple(self.source.articles())

    @cached_property
    def skipped(self) -> tuple[Skipped, ...]:
        return tuple(self.source.skipped())

    @cached_property
    def event(self) -> dict[str, Event]:
        return {event.id: event for event in self.events}

    @cached_property
    def person(self) -> dict[str, Person]:
        return {person.id: person for person in self.people}

    @cached_property
    def venue(self) -> dict[str, Venue]:
        return {venue.id: venue for venue in self.venues}

    @cached_property
    def organisation(self) -> dict[str, Organisation]:
        return {organisation.id: organisation for organisation in self.organisations}

    @cached_property
    def article(self) -> dict[str, Article]:
        return {article.path: article for article in self.articles}

    def text(self, path: str) -> str:
        """An article's cleaned text."""
        if path not in self._texts:
            if len(self._texts) >= TEXTS_KEPT:
                self._texts.clear()
            self._texts[path] = self.source.text(path)
        return self._texts[path]

    def text_of(self, mention: Mention) -> str:
        """The sentence a mention stands in."""
        return mention.sentence.of(self.text(mention.article))

    def times_in(self, path: str) -> Sequence[TimexLike]:
        """Every time expression of one article, with its TimeML type and value."""
        return self.source.times(path)

    def marks_in(self, path: str) -> list[MarkedMention]:
        """Every event, person and venue mention in one article, in reading order."""
        return self.source.marks(path)

    def mentions_of(self, kind: MentionKind, ref: str) -> list[Mention]:
        """Every mention of an event, person or venue, article by article, in reading order."""
        return [
            Mention(path, mark.span, mark.sentence, mark.dated)
            for path in self.source.articles_of(kind, ref)
            for mark in self.marks_in(path)
            if mark.kind == kind and mark.ref == ref
        ]

    def articles_of(self, kind: MentionKind, ref: str) -> list[str]:
        """The articles that mention an event, person or venue, in corpus order."""
        return self.source.articles_of(kind, ref)

    def all_mentions(self, kind: MentionKind) -> dict[str, list[Mention]]:
        """Every mention of every event (person, venue), reading each article once."""
        found: dict[str, list[Mention]] = {}
        for article in self.articles:
            for mark in self.marks_in(article.path):
                if mark.kind == kind:
                    found.setdefault(mark.ref, []).append(
                        Mention(article.path, mark.span, mark.sentence, mark.dated)
                    )
        return found

    def events_of_person(self, person_id: str) -> tuple[Event, ...]:
        return tuple(self._events_by("person").get(person_id, ()))

    def events_of_organisation(self, organisation_id: str) -> tuple[Event, ...]:
        return tuple(self._events_by("organisation").get(organisation_id, ()))

    def events_of_venue(self, venue_id: str) -> tuple[Event, ...]:
        """The events at a venue or anywhere within it, in timeline order."""
        index = self._events_by("venue")
        found = {
            event.id: event
            for inside in self.places_within(venue_id)
            for event in index.get(inside, ())
        }
        return tuple(sorted(found.values(), key=lambda event: self._position[event.id]))

    @cached_property
    def _position(self) -> dict[str, int]:
        return {event.id: number for number, event in enumerate(self.events)}

    def _events_by(
        self, kind: Literal["person", "venue", "organisation"]
    ) -> dict[str, list[Event]]:
        if kind not in self._index:
            index: dict[str, list[Event]] = {}
            field = {"person": "people", "venue": "venues", "organisation": "organisations"}[kind]
            for event in self.events:
                refs: tuple[str, ...] = getattr(event, field)
                for ref in refs:
                    index.setdefault(ref, []).append(event)
            self._index[kind] = index
        return self._index[kind]

    def places_within(self, venue_id: str) -> set[str]:
        """The venue and every venue that lies in it, however deep."""
        found, todo = {venue_id}, [venue_id]
        while todo:
            for child in self._inside.get(todo.pop(), ()):
                if child not in found:
                    found.add(child)
                    todo.append(child)
        return found

    @cached_property
    def _inside(self) -> dict[str, list[str]]:
        inside: dict[str, list[str]] = {}
        for venue in self.venues:
            if venue.within:
                inside.setdefault(venue.within, []).append(venue.id)
        return inside
