"""Events: the dated sentences of the corpus, gathered article by article into happenings.

Each time expression that resolves to a date makes an event mention: the date, the sentence, and
the people, venues and kinds of happening ("talks", "attack", "visit") around it. A mention joins
an event of the same date when they share a venue (a palace counts as its city) or a kind of
happening, or a person or telling words with nothing setting them apart: an attack is not a
meeting. "The second round in Istanbul on June 2", reported by five articles, is one event.
"""

from __future__ import annotations

import heapq
import math
import re
import zlib
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import NamedTuple

from briefing.extract.lexicon import EVENT_WORDS, FUNCTION_WORDS, MONTH_AND_DAY_NAMES, TIME_WORDS
from briefing.model import ArticleFacts, DateSpan, Span, TimeMention
from briefing.resolve.dates import Anchor, implausible, resolve
from briefing.resolve.state import Backing, Index, Table
from briefing.resolve.titles import Candidate, best_title, title_text

SAME_WORDS = 0.25  # share of a mention's word weight it must have in common with an event
SAME_HAPPENING = 0.5  # agreement (words, and people, kind, place in common) of one happening
SAME_LASTING = 0.35  # the agreement that makes a day of a short span part of its happening
CLEARLY_BEST = 0.1  # how far the best such event must lead the next to be the one
SHORT_SPAN = 4  # days: a range this long is a happening that lasts; longer ones are vague
SAME_TIME = 90  # minutes: times of day further apart tell two happenings
SPEAKER_REACH = 3  # sentences back that a leading "He" may take its person from
TITLE_CANDIDATES = 8  # the best candidates an event keeps to choose its title from
EVENT_WORDS_KEPT = 48  # the words that say what an event is about, most frequent first
_WORD = re.compile(r"[\w’'-]+")
# Words that tell when, not what: no two mentions are one happening for sharing "earlier" or "June"
_NOT_TELLING = (
    FUNCTION_WORDS
    | MONTH_AND_DAY_NAMES
    | TIME_WORDS
    | frozenset("earlier later week weeks month months year years weekend days".split())
)


class EventInput(NamedTuple):
    """One dated mention as the events see it; computed again, the same, to take it out."""

    position: int  # its place among the article's time mentions
    when: DateSpan
    sentence: int
    places: frozenset[str]  # venue ids in its part of the sentence
    people: frozenset[str]  # person ids in its sentence
    kinds: frozenset[str]
    words: frozenset[str]
    candidate: Candidate
    organisations: frozenset[str] = frozenset()  # organisation ids in its sentence


def event_inputs(
    article: int,
    text: str,
    facts: ArticleFacts,
    anchor: Anchor,
    written: date | None,
    person_links: Sequence[str | None],
    venue_links: Sequence[str],
    organisation_links: Sequence[str | None] = (),
) -> list[EventInput]:
    """The article's dated mentions, each with what the sentence says around it."""
    dated = [
        (index, mention, resolve(mention, anchor)) for index, mention in enumerate(facts.times)
    ]
    inputs = []
    for index, mention, when in dated:
        if when is None or mention.sentence in facts.furniture:
            continue  # a caption's date is the photo's, not news
        if implausible(mention, when, written) is not None:
            continue  # flagged in `show`, kept off the timeline
        sentence = facts.sentences[mention.sentence]
        neighbours = [other.span for _, other, _ in dated if other.sentence == mention.sentence]
        segment = _segment(text, mention.span, sentence, neighbours)
        people = frozenset(
            link
            for person, link in zip(facts.people, person_links, strict=True)
            if link is not None and person.sentence == mention.sentence
        )
        places = frozenset(
            link
            for place, link in zip(facts.places, venue_links, strict=True)
            if place.span.start in segment
        )
        organisations = frozenset(
            link
            for organisation, link in zip(facts.organisations, organisation_links, strict=True)
            if link is not None and organisation.sentence == mention.sentence
        )
        segment_words = _WORD.findall(segment.of(text).lower())
        words = frozenset(
            word
            for word in _WORD.findall(sentence.of(text).lower())
            if len(word) > 3 and word not in _NOT_TELLING
        )
        reported = written is not None and written >= when.start.first()
        headline = title_text(text, sentence, mention.span, _speaker(facts, person_links, mention))
        candidate = Candidate(headline, words, len(neighbours) == 1, reported, article)
        kinds = frozenset(EVENT_WORDS[word] for word in segment_words if word in EVENT_WORDS)
        inputs.append(
            EventInput(
                index,
                when,
                mention.sentence,
                places,
                people,
                kinds,
                words,
                candidate,
                organisations,
            )
        )
    rough = {index for index, mention, _ in dated if _PART_OF_MONTH.match(mention.span.of(text))}
    weeks = {index for index, mention, _ in dated if _A_WEEK.search(mention.span.of(text))}
    return _days_of_months_and_weeks(inputs, rough, weeks)


def _speaker(
    facts: ArticleFacts, person_links: Sequence[str | None], mention: TimeMention
) -> str | None:
    """Who a leading "He" or "She" is: the one person the nearest sentence before a mention that
    names anybody names, by the fullest name it gives; None when it names several, or no
    sentence of the few before names anybody."""
    for before in range(mention.sentence - 1, max(-1, mention.sentence - 1 - SPEAKER_REACH), -1):
        named: dict[str, str] = {}
        for person, link in zip(facts.people, person_links, strict=True):
            if link is None or person.sentence != before:
                continue
            if len(person.name) > len(named.get(link, "")):
                named[link] = person.name
        if named:
            return next(iter(named.values())) if len(named) == 1 else None
    return None


_PART_OF_MONTH = re.compile(r"(?:mid|early|late|end|beginning|start)\b", re.IGNORECASE)
_A_WEEK = re.compile(r"\bweek\b", re.IGNORECASE)  # "last week", "this week": seven days


def _days_of_months_and_weeks(
    inputs: list[EventInput], rough: set[int], weeks: set[int]
) -> list[EventInput]:
    """A month or a week an article names ("in June", "next month", "last week") of a happening
    it also dates to the day is that day: the mentions share the day's people, places or kind of
    happening (bodies are too often in every sentence of a story to tell its happenings apart).
    Part of a month ("mid-May", positions in `rough`) is not a day of it."""
    days = [item for item in inputs if item.when.end is None and item.when.start.precision == "day"]
    moved = []
    for item in inputs:
        when = item.when
        a_month = when.end is None and when.start.precision == "month"
        if (a_month and item.position not in rough) or (when.end and item.position in weeks):
            same = {day.when for day in days if _covers(when, day.when) and _share(item, day)}
            if len(same) == 1:
                item = item._replace(when=same.pop())
        moved.append(item)
    return moved


def _covers(vague: DateSpan, day: DateSpan) -> bool:
    """Whether a day lies in a month, or in a week (a span from one day to another)."""
    if vague.end is None:
        return (day.start.year, day.start.month) == (vague.start.year, vague.start.month)
    return vague.start <= day.start <= vague.end


def _share(item: EventInput, day: EventInput) -> bool:
    """Whether two mentions tell of one happening: its people, places or kind in common."""
    return bool(
        item.people & day.people
        or item.places & day.places
        or (item.kinds & day.kinds) - {"statement"}
    )


def _segment(text: str, expression: Span, sentence: Span, others: list[Span]) -> Span:
    """The part of a sentence that belongs to one of its dates, when it holds several.

    Between two dates, the words after the first clause break go with the second date ("visiting
    Moscow on May 26-27 and Kiev on May 29-30"); with no break, the halfway point divides them.
    """
    start, end = sentence.start, sentence.end
    for other in others:
        if other.end <= expression.start:
            start = max(start, _divide(text, other.end, expression.start))
        elif other.start >= expression.end:
            end = min(end, _divide(text, expression.end, other.start))
    return Span(start, end)


_CLAUSE_BREAK = re.compile(r",|;|\s(?:and|but|while|that|which|whereas)\s|\s[—–]\s")


def _divide(text: str, first_end: int, second_start: int) -> int:
    found = _CLAUSE_BREAK.search(text, first_end, second_start)
    if found:
        return found.start()
    middle = text.find(" ", (first_end + second_start) // 2, second_start)
    return middle if middle >= 0 else second_start


# -- events ---------------------------------------------------------------------------------------


@dataclass
class EventState:
    id: str
    day: str  # the date as ISO, a range as start/end
    count: int = 0
    places: Counter[str] = field(default_factory=Counter)
    people: Counter[str] = field(default_factory=Counter)
    kinds: Counter[str] = field(default_factory=Counter)
    words: Counter[str] = field(default_factory=Counter)
    times: Counter[tuple[str, str | None]] = field(default_factory=Counter)
    organisations: Counter[str] = field(default_factory=Counter)
    attack: bool = False
    candidates: list[Candidate] = field(default_factory=list)
    title: str = ""

    def when(self) -> DateSpan:
        """The date, with the time of day most mentions give (one with a time zone, if any does)."""
        base = DateSpan.parse(self.day)
        if not self.times:
            return base
        (time, zone), _ = max(
            self.times.items(), key=lambda item: (item[0][1] is not None, item[1])
        )
        return DateSpan(base.start, base.end, time, zone)

    def about(self) -> Counter[str]:
        """The words that say what the event is about; of words as frequent, the first in
        alphabetical order (not the first met: words come from sets, whose order varies)."""
        kept = heapq.nsmallest(EVENT_WORDS_KEPT, self.words.items(), key=_most_first)
        return Counter(dict(kept))


class _Group(NamedTuple):
    """The mentions of one date in one sentence: they go to one event together."""

    day: str
    inputs: list[EventInput]
    places: frozenset[str]
    people: frozenset[str]
    kinds: frozenset[str]
    words: frozenset[str]


class Events:
    def __init__(
        self,
        backing: Backing,
        ancestors: Callable[[str], list[str]],
        wide: Callable[[str], bool],
        person: Callable[[str], str],
    ) -> None:
        self.events: Table[EventState] = Table("event", backing)
        self.days = Index("event_day", backing)
        self.merged: Table[str] = Table("event_merged", backing)
        self.frequency: Table[Counter[str]] = Table("event_word_frequency", backing)
        self.months = Index("event_month", backing)  # day and short-range events by month
        self._touched: set[str] = set()  # events mentions came to since the last `settle`
        self._ancestors = ancestors
        self._wide = wide
        self._person = person
        self._seen_about: dict[str, Counter[str]] = {}  # until the event's mentions change

    def resolve(self, event_id: str) -> str:
        while (merged := self.merged.get(event_id)) is not None:
            event_id = merged
        return event_id

    def add(self, article_path: str, inputs: Sequence[EventInput]) -> dict[int, str]:
        """The event each dated mention reports: time mention index -> event id."""
        links: dict[int, str] = {}
        frequency = self._frequency()
        for group in _groups(inputs):
            event = self._find(group, frequency) or self._new(group, article_path)
            for item in group.inputs:
                self._count(event, item, 1)
                links[item.position] = event.id
            frequency.update(group.words)
            frequency["\x00mentions"] += len(group.inputs)
        self.frequency.touch("all")
        return links

    def remove(self, inputs: Sequence[EventInput], links: dict[int, str]) -> None:
        frequency = self._frequency()
        for item in inputs:
            event_id = links.get(item.position)
            event = self.events.get(self.resolve(event_id)) if event_id else None
            frequency.subtract(item.words)
            frequency["\x00mentions"] -= 1
            if event is None:
                continue
            self._count(event, item, -1)
            if event.count <= 0:
                self._drop(event)
        self.frequency.touch("all")

    def title(self, event: EventState) -> str:
        if event.candidates:
            event.title = best_title(event.candidates, event.about())
        return event.title

    # -- finding an event for a group of mentions -------------------------------------------------

    def _find(self, group: _Group, frequency: Counter[str]) -> EventState | None:
        events = [
            event
            for event_id in self.days.find(group.day)
            if (event := self.events.get(event_id)) is not None
        ]
        if not (group.places or group.people or group.kinds):
            # a bare "on June 2" goes with what that day is known for, at its time of day
            events = [event for event in events if not _hours_apart(group, event)]
            return max(events, key=lambda event: (event.count, event.id), default=None)
        places = self._places(group.places)
        matching = [event for event in events if self._matches(group, places, event, frequency)]
        if not matching:
            return None
        kept = matching[0]
        for other in matching[1:]:
            if not _times_apart(set(kept.times), set(other.times)):
                self._merge(other, into=kept)  # a mention bridges them; not two timed apart
        return kept

    def _matches(
        self, group: _Group, places: set[str], event: EventState, frequency: Counter[str]
    ) -> bool:
        if ("attack" in group.kinds) != event.attack:
            return False
        if _hours_apart(group, event):
            return False  # a sighting at 8 p.m. and a theft at 10:10 p.m. are two happenings
        if self._shares_place(places, event) or (group.kinds & event.kinds.keys()) - {"statement"}:
            return True
        told, known = group.kinds - {"statement"}, set(event.kinds) - {"statement"}
        if told and known and not told & known:
            return False
        people = {self._person(person) for person in event.people}
        if any(self._person(person) in people for person in group.people):
            return True
        return _overlap(group.words, self._about(event), frequency) >= SAME_WORDS

    def _shares_place(self, places: set[str], event: EventState) -> bool:
        """Whether one of the event's places, or one they lie in, is among `places`."""
        for venue in event.places:
            if not self._wide(venue) and (
                venue in places or any(inside in places for inside in self._ancestors(venue))
            ):
                return True
        return False

    def _about(self, event: EventState) -> Counter[str]:
        """`event.about()`, worked out again only when the event's mentions change."""
        if event.id not in self._seen_about:
            self._seen_about[event.id] = event.about()
        return self._seen_about[event.id]

    def _places(self, venues: Iterable[str]) -> set[str]:
        """Venues with those they lie in (a palace counts as its city); not countries, too wide
        to tell events apart."""
        found: set[str] = set()
        for venue in venues:
            if not self._wide(venue):
                found.add(venue)
                found.update(self._ancestors(venue))
        return found

    # -- bookkeeping ------------------------------------------------------------------------------

    def _new(self, group: _Group, article_path: str) -> EventState:
        first = group.inputs[0]
        seed = f"{article_path}|{first.candidate.text}"
        event_id = f"{group.day.replace('/', '_')}-{zlib.crc32(seed.encode()):08x}"
        while event_id in self.events or self.merged.get(event_id) is not None:
            event_id += "x"
        event = EventState(event_id, group.day, attack="attack" in group.kinds)
        self.events.put(event_id, event)
        self.days.add(group.day, event_id)
        if not _vague(DateSpan.parse(group.day)):
            self.months.add(group.day[:7], event_id)
        return event

    def _count(self, event: EventState, item: EventInput, sign: int) -> None:
        event.count += sign
        for counter, keys in (
            (event.places, item.places),
            (event.people, item.people),
            (event.kinds, item.kinds),
            (event.words, item.words),
            (event.organisations, item.organisations),
        ):
            for key in keys:
                counter[key] += sign
                if counter[key] <= 0:
                    del counter[key]
        if item.when.time:
            moment = (item.when.time, item.when.timezone)
            event.times[moment] += sign
            if event.times[moment] <= 0:
                del event.times[moment]
        if sign > 0:
            event.candidates = _best({*event.candidates, item.candidate})
            self._touched.add(event.id)
        else:
            event.candidates = [c for c in event.candidates if c.article != item.candidate.article]
        self._seen_about.pop(event.id, None)
        self.events.touch(event.id)

    def _merge(self, other: EventState, into: EventState, titles: bool = True) -> None:
        """Two events a new mention bridges are one; the title comes from both unless not
        `titles` (a vague mention does not title the day it was found to be)."""
        into.count += other.count
        for mine, theirs in (
            (into.places, other.places),
            (into.people, other.people),
            (into.kinds, other.kinds),
            (into.words, other.words),
            (into.times, other.times),
            (into.organisations, other.organisations),
        ):
            mine.update(theirs)  # type: ignore[arg-type]
        if titles or not into.candidates:
            into.candidates = _best({*into.candidates, *other.candidates})
        self._drop(other)
        self.merged.put(other.id, into.id)
        self._seen_about.pop(other.id, None)
        self._seen_about.pop(into.id, None)
        self.events.touch(into.id)

    def _drop(self, event: EventState) -> None:
        self.events.delete(event.id)
        self.days.discard(event.day, event.id)
        self.months.discard(event.day[:7], event.id)
        self._touched.discard(event.id)

    # -- one happening told at several precisions -------------------------------------------------

    def settle(self) -> None:
        """Mentions of one happening told at different precisions become one event: "earlier
        this month" and "last week" go to the day they agree with, a day of a summit or of a
        three-day exchange to the span it lies in. Events touched since the last call are looked
        at, in the order of their ids, so that the outcome does not hang on the order of files."""
        frequency = self._frequency()
        for event_id in sorted(self._touched):
            event = self.events.get(event_id)
            if event is None:
                continue
            when = DateSpan.parse(event.day)
            if _vague(when):
                target = self._agreeing(event, self._specific_within(when), frequency)
                if target is not None:
                    self._merge(event, into=target, titles=False)
            elif when.end is None:
                spans = self._short_spans_over(when)
                target = self._agreeing(event, spans, frequency, SAME_LASTING)
                if target is not None:
                    self._merge(event, into=target)
            else:
                for day in self._days_within(when):
                    if self._agreeing(day, [event], frequency, SAME_LASTING) is event:
                        self._merge(day, into=event)
        self._touched.clear()

    def _agreeing(
        self,
        event: EventState,
        others: Iterable[EventState],
        frequency: Counter[str],
        least: float = SAME_HAPPENING,
    ) -> EventState | None:
        """Of `others`, the one event that tells of the same happening as `event`: the same
        people, kind or place, and the same words; None when none does or two do as well."""
        scored = sorted(
            ((score, other.id, other) for other in others
             if other.id != event.id
             and (score := self._agreement(event, other, frequency)) >= least),
            key=lambda item: (-item[0], item[1]),
        )  # fmt: skip
        if not scored or (len(scored) > 1 and scored[0][0] - scored[1][0] < CLEARLY_BEST):
            return None
        return scored[0][2]

    def _agreement(self, one: EventState, other: EventState, frequency: Counter[str]) -> float:
        if one.attack != other.attack:
            return 0.0
        kinds = (set(one.kinds) & set(other.kinds)) - {"statement"}
        told, known = set(one.kinds) - {"statement"}, set(other.kinds) - {"statement"}
        if told and known and not kinds:
            return 0.0  # a resignation is not a dismissal
        people = {self._person(p) for p in one.people} & {self._person(p) for p in other.people}
        places = self._places(one.places) & self._places(other.places)
        if not (kinds or people or places):
            return 0.0
        words = _overlap(frozenset(one.about()), self._about(other), frequency)
        return words + 0.2 * bool(kinds) + 0.2 * bool(people) + 0.1 * bool(places)

    def _specific_within(self, when: DateSpan) -> list[EventState]:
        """The day and short-range events inside a month, a year or a long span."""
        first, last = when.start.first(), (when.end or when.start).last()
        found = []
        for month in _months(first, last):
            for event_id in self.months.find(month):
                event = self.events.get(event_id)
                if event is not None:
                    span = DateSpan.parse(event.day)
                    if first <= span.start.first() and (span.end or span.start).last() <= last:
                        found.append(event)
        return found

    def _short_spans_over(self, day: DateSpan) -> list[EventState]:
        """The short-range events a day lies in."""
        on = day.start.first()
        found = []
        for month in _months(on - timedelta(days=SHORT_SPAN), on):
            for event_id in self.months.find(month):
                event = self.events.get(event_id)
                if event is not None and "/" in event.day:
                    span = DateSpan.parse(event.day)
                    if span.start.first() <= on <= (span.end or span.start).last():
                        found.append(event)
        return found

    def _days_within(self, span: DateSpan) -> list[EventState]:
        first, last = span.start.first(), (span.end or span.start).last()
        days = (first + timedelta(days=offset) for offset in range((last - first).days + 1))
        return [
            event
            for day in days
            for event_id in self.days.find(day.isoformat())
            if (event := self.events.get(event_id)) is not None
        ]

    def _frequency(self) -> Counter[str]:
        frequency = self.frequency.get("all")
        if frequency is None:
            frequency = Counter()
            self.frequency.put("all", frequency)
        return frequency


def _best(candidates: Iterable[Candidate]) -> list[Candidate]:
    """The candidates an event keeps for its title: the best, in an order that does not depend
    on the order they came in."""
    return sorted(candidates, key=lambda c: (-c.merit, c.text))[:TITLE_CANDIDATES]


def _hours_apart(group: _Group, event: EventState) -> bool:
    """Whether a group of mentions and an event give times of day, in one zone, far apart."""
    told: set[tuple[str | None, str | None]] = {
        (item.when.time, item.when.timezone) for item in group.inputs
    }
    return _times_apart(told, set(event.times))


def _times_apart(
    told: set[tuple[str | None, str | None]], known: set[tuple[str | None, str | None]]
) -> bool:
    """Whether two sets of (time, zone) hold times of one zone, and none is near another."""
    gaps = [
        abs(_minutes(time) - _minutes(other))
        for time, zone in told
        for other, other_zone in known
        if time and other and zone == other_zone  # "10:00 GMT" and "13:00 local time" may agree
    ]
    return bool(gaps) and min(gaps) > SAME_TIME


def _minutes(time: str) -> int:
    hours, _, minutes = time.partition(":")
    return int(hours) * 60 + int(minutes or 0)


def _vague(when: DateSpan) -> bool:
    """A month, a year, or a span longer than a happening that lasts: "last week"."""
    if when.start.precision != "day":
        return True
    return when.end is not None and (when.end.last() - when.start.first()).days >= SHORT_SPAN


def _months(first: date, last: date) -> list[str]:
    """The months from one date to another, as "2025-06"."""
    months, year, month = [], first.year, first.month
    while (year, month) <= (last.year, last.month):
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def _groups(inputs: Sequence[EventInput]) -> list[_Group]:
    """Mentions of one date in one sentence seldom report two happenings: they go together."""
    grouped: dict[tuple[str, int], list[EventInput]] = defaultdict(list)
    for item in inputs:
        grouped[(item.when.iso(), item.sentence)].append(item)
    return [
        _Group(
            day,
            items,
            frozenset().union(*(item.places for item in items)),
            frozenset().union(*(item.people for item in items)),
            frozenset().union(*(item.kinds for item in items)),
            frozenset().union(*(item.words for item in items)),
        )
        for (day, _), items in grouped.items()
    ]


def _overlap(words: frozenset[str], about: Counter[str], frequency: Counter[str]) -> float:
    """The share of a mention's word weight found among what an event is about; words most
    mentions share ("talks", "said") weigh little."""
    total = max(frequency["\x00mentions"], 1) + 1

    def weight(word: str) -> float:
        return math.log(total / max(frequency[word], 1))

    # fsum: a sum that does not depend on the order of the set, nor then does a close call
    own = math.fsum(weight(word) for word in words)
    return math.fsum(weight(word) for word in words if word in about) / own if own else 0.0


def _most_first(item: tuple[str, int]) -> tuple[int, str]:
    word, count = item
    return (-count, word)
