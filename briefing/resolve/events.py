"""Events: the dated sentences of the corpus, gathered month by month into happenings.

Each time expression that resolves to a date makes an event mention: the date, the sentence, and
the people, venues and kinds of happening ("talks", "attack", "visit") around it. A mention joins
an event of the same date when they share a venue (a palace counts as its city) or a kind of
happening, or a person or telling words with nothing setting them apart: an attack is not a
meeting, and 8 p.m. is not 10 p.m. "The second round in Istanbul on June 2", reported by five
articles, is one event; so are "earlier this month" and the day it was, and a three-day exchange
and its last day. The events of a month are worked out from all its mentions at once, in the
order of their articles' paths: however the files came in, the events are the same.
"""

from __future__ import annotations

import copy
import heapq
import math
import re
import sys
import zlib
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence, Set
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
FRESH = timedelta(days=14)  # how soon after a happening a report of it is a first report
SHORT_SPAN = 4  # days: a range this long is a happening that lasts; longer ones are vague
SMOOTHING = 10  # mentions: how many a month needs before its word counts tell rare from common
SAME_TIME = 90  # minutes: times of day further apart tell two happenings
SUBJECT_REACH = 24  # characters: a name this near a sentence's start is its subject
SPEAKER_REACH = 3  # sentences back that a leading "He" may take its person from
TITLE_CANDIDATES = 8  # the best candidates an event keeps to choose its title from
EVENT_WORDS_KEPT = 48  # the words that say what an event is about, most frequent first
WORD = re.compile(r"[\w’'-]+")
# Words that tell when, not what: no two mentions are one happening for sharing "earlier" or "June"
NOT_TELLING = (
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
        segment_words = WORD.findall(segment.of(text).lower())
        words = frozenset(
            sys.intern(word)  # one string for a word, however many mentions hold it
            for word in WORD.findall(sentence.of(text).lower())
            if len(word) > 3 and word not in NOT_TELLING
        )
        # told after the fact, and soon after: the first reports say what happened, a page of
        # a year later remembers it
        reported = (
            written is not None
            and when.start.first() <= written <= (when.end or when.start).last() + FRESH
        )
        speakers = _speakers(facts, person_links, mention)
        headline = title_text(text, sentence, mention.span, speakers, segment)
        candidate = Candidate(headline, words, len(neighbours) == 1, reported, article)
        kinds = frozenset(kinds_of(segment_words))
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


def kinds_of(words: Sequence[str]) -> set[str]:
    """The kinds of happening a run of lower-case words tells; a press conference is something
    said, not talks; a gun opened fire is an attack, and what a fire or a storm destroyed or
    struck is no attack; what came "after the fires" is not the fires."""
    kinds = {
        "statement" if before in _TO_THE_PRESS else
        "attack" if before in _OPENED else EVENT_WORDS[word]
        for earlier, before, word in zip(("", "", *words), ("", *words), words, strict=False)
        if word in EVENT_WORDS
        and not (EVENT_WORDS[word] in _SETTINGS and before == "the" and earlier in _AFTER)
    }  # fmt: skip
    if "disaster" in kinds and "attack" in kinds:
        attacks = {
            word
            for before, word in zip(("", *words), words, strict=False)
            if EVENT_WORDS.get(word) == "attack" or before in _OPENED
        }
        if attacks <= _WHAT_DISASTERS_DO:
            kinds.discard("attack")
    return kinds


_TO_THE_PRESS = frozenset("press news".split())
_OPENED = frozenset("opened open opening opens".split())  # "opened fire"
_SETTINGS = frozenset({"disaster"})  # what the days after it are told against
_AFTER = frozenset("after since following amid from".split())
_WHAT_DISASTERS_DO = frozenset("destroyed struck explosion explosions".split())


def _speakers(
    facts: ArticleFacts, person_links: Sequence[str | None], mention: TimeMention
) -> tuple[str, ...]:
    """Who a leading "He" or "She" may be, by the fullest names the article gives, likeliest
    first: the one person the nearest sentence before that names anybody names (of several,
    the one it opens on); then the person the article is about, the one it names most, at least
    twice as often as anybody else."""
    fullest: dict[str, str] = {}
    for person, link in zip(facts.people, person_links, strict=True):
        if link is not None and len(person.name) > len(fullest.get(link, "")):
            fullest[link] = person.name
    found: list[str] = []
    for before in range(mention.sentence - 1, max(-1, mention.sentence - 1 - SPEAKER_REACH), -1):
        named = sorted(
            (person.span.start, link)
            for person, link in zip(facts.people, person_links, strict=True)
            if link is not None and person.sentence == before
        )
        if not named:
            continue
        start, first = named[0]
        # several: the subject, named first and at the sentence's start ("Cavalcante escaped
        # ... his ex-girlfriend Deborah Brandao. He is also wanted ...")
        if len({link for _, link in named}) == 1 or start - facts.sentences[before].start <= (
            SUBJECT_REACH
        ):
            found.append(first)
        break
    counts = Counter(link for link in person_links if link is not None).most_common(2)
    if counts and counts[0][1] >= 2 and (len(counts) == 1 or counts[0][1] >= 2 * counts[1][1]):
        found.append(counts[0][0])
    return tuple(dict.fromkeys(fullest[link] for link in found))


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
    parts: tuple[tuple[str, tuple[tuple[int, int], ...]], ...] = ()  # its clusters' articles

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
    members: list[Member]
    places: frozenset[str]
    people: frozenset[str]
    kinds: frozenset[str]
    words: frozenset[str]
    organisations: frozenset[str] = frozenset()


class Member(NamedTuple):
    """A dated mention as the events keep it: where it is, the id it is linked by, what it says."""

    key: str  # article path and place: sorts the same however the files came in
    article: int
    seed: str  # the id its article links it by; `merged` sends it to the event it is in
    input: EventInput


class Cluster(NamedTuple):
    """The mentions of one date that tell of one happening, as kept between builds."""

    id: str  # the seed of its first mention
    seeds: tuple[str, ...]  # the seeds of its mentions
    articles: tuple[tuple[int, int], ...]  # (article, mentions), by article
    state: EventState  # what its mentions say, counted
    root: str = ""  # the event it is in, as last worked out


class Events:
    """The events of the corpus, worked out day by day and month by month from the mentions.

    Each dated mention is kept under its date. When a build has taken its articles in, each date
    it touched is worked out again from all its mentions, in the order of their articles' paths:
    mentions that tell of one happening gather into a cluster. Then each month it touched (a
    year-level date: its year) puts its clusters together: a vague one (the month, "last week")
    joins the one day it agrees with, a day the short span it lies in; what stays is an event.
    However the files came in, the events are the same: a first build and any chain of updates
    agree, ids and all.
    """

    def __init__(
        self,
        backing: Backing,
        ancestors: Callable[[str], list[str]],
        wide: Callable[[str], bool],
        person: Callable[[str], str],
    ) -> None:
        self.events: Table[EventState] = Table("event", backing)
        # the biggest state of all, by date: read again when needed rather than all kept in memory
        self.members: Table[dict[str, Member]] = Table("event_members", backing, keep=False)
        self.clusters: Table[list[Cluster]] = Table("event_clusters", backing, keep=False)
        self.dates = Index("event_dates", backing)  # block -> its dates that have clusters
        self.blocks = Index("event_block", backing)  # block -> the ids of its events
        self.merged: Table[str] = Table("event_merged", backing)  # seed -> its event's id
        self.touched = Index("event_touched", backing)  # "dates" -> dates to work out again
        self._ancestors = ancestors
        self._wide = wide
        self._person = person
        # events made, changed or gone while settling: id -> (as it was, as it is)
        self._changed: dict[str, tuple[EventState | None, EventState | None]] = {}

    def add(self, article_path: str, article: int, inputs: Sequence[EventInput]) -> dict[int, str]:
        """Keep an article's dated mentions; the id each is linked by (time mention index ->
        seed). Which event it is in is settled by `settle`."""
        links = {}
        for item in inputs:
            key, day = _key(article_path, item), item.when.iso()
            seed = f"{day.replace('/', '_')}-{zlib.crc32(key.encode()):08x}"
            members = self.members.get(day) or {}
            members[key] = Member(key, article, seed, item)
            self.members.put(day, members)
            self.touched.add("dates", day)
            links[item.position] = seed
        return links

    def remove(self, article_path: str, inputs: Sequence[EventInput]) -> None:
        for item in inputs:
            day = item.when.iso()
            members = self.members.get(day) or {}
            gone = members.pop(_key(article_path, item), None)
            if gone is None:
                continue
            if members:
                self.members.put(day, members)
            else:
                self.members.delete(day)
            if self.merged.get(gone.seed) is not None:
                self.merged.delete(gone.seed)
            self.touched.add("dates", day)

    def title(self, event: EventState) -> str:
        if event.candidates:
            event.title = best_title(event.candidates, event.about())
        return event.title

    # -- working a block out ----------------------------------------------------------------------

    def settle(self) -> dict[str, tuple[EventState | None, EventState | None]]:
        """Work out again every date mentions came to or left, then the months they lie in; the
        events made, changed or gone (id -> as it was, as it is)."""
        days = sorted(self.touched.find("dates"))
        for day in days:
            self._gather(day)
        for block in sorted({block_of(DateSpan.parse(day)) for day in days}):
            self._put_together(block)
        if self.touched.get("dates") is not None:
            self.touched.delete("dates")
        changed, self._changed = self._changed, {}
        return changed

    def _gather(self, day: str) -> None:
        """The clusters of one date, from all its mentions."""
        members = sorted((self.members.get(day) or {}).values(), key=lambda m: m.key)
        block = block_of(DateSpan.parse(day))
        if not members:
            if self.clusters.get(day) is not None:
                self.clusters.delete(day)
            self.dates.discard(block, day)
            return
        gathered = self._clusters(members, frequency_of([m.input.words for m in members]))
        self.clusters.put(day, [_kept(cluster) for cluster in gathered])
        self.dates.add(block, day)

    def _put_together(self, block: str) -> None:
        """The events of one month: its clusters, the vague ones with the day they tell of."""
        days = sorted(self.dates.find(block))
        clusters = [cluster for day in days for cluster in self.clusters.get(day) or []]
        frequency = frequency_of([frozenset(cluster.state.words) for cluster in clusters])
        roots = self._attach(clusters, frequency)
        made: set[str] = set()
        for root, joined in roots:
            made.add(root.id)
            old = self.events.get(root.id)
            if old is None or old.parts != _parts(root, joined):
                event = _combined(root, joined)
                self._changed[event.id] = (self._changed.get(event.id, (old, None))[0], event)
                self.events.put(event.id, event)
                self.blocks.add(block, event.id)
        for event_id in sorted(set(self.blocks.find(block)) - made):
            old = self.events.get(event_id)
            self._changed[event_id] = (self._changed.get(event_id, (old, None))[0], None)
            self.events.delete(event_id)
            self.blocks.discard(block, event_id)
        rooted = {c.id: root.id for root, joined in roots for c in (root, *joined)}
        for day in days:
            kept = self.clusters.get(day) or []
            if all(cluster.root == rooted[cluster.id] for cluster in kept):
                continue
            for cluster in kept:
                if cluster.root != rooted[cluster.id]:
                    self._link(cluster, rooted[cluster.id])
            self.clusters.put(day, [c._replace(root=rooted[c.id]) for c in kept])

    def articles(self, event_id: str) -> Counter[int] | None:
        """The articles that date an event, by how many mentions (None: the event is gone)."""
        event = self.events.get(event_id)
        if event is None:
            return None
        articles: Counter[int] = Counter()
        for _, cited in event.parts:
            articles.update(dict(cited))
        return articles

    def _link(self, cluster: Cluster, event_id: str) -> None:
        """Send the seeds of a cluster's mentions to the event it is now in."""
        for seed in cluster.seeds:
            if seed == event_id:
                if self.merged.get(seed) is not None:
                    self.merged.delete(seed)
            elif self.merged.get(seed) != event_id:
                self.merged.put(seed, event_id)

    def _clusters(self, members: list[Member], frequency: Counter[str]) -> list[_Cluster]:
        """Mentions of one date that tell of one happening, together; in the order of their
        first member, each with the id of that member. A bare "on June 2" (no people, place or
        kind of happening) goes, once the rest are gathered, with what that day is known for."""
        clusters: list[_Cluster] = []
        by_day: dict[str, list[_Cluster]] = defaultdict(list)
        groups = _groups(members)
        told = [group for group in groups if group.places or group.people or group.kinds]
        bare = [group for group in groups if not (group.places or group.people or group.kinds)]
        rare = _rare_bodies(groups)
        for group in told:
            day = by_day[group.day]
            places = self.places(group.places)
            matching = [c for c in day if self._matches(group, places, c.state, frequency, rare)]
            kept = matching[0] if matching else self._new(group, day, clusters)
            for other in matching[1:]:
                if not _times_apart(set(kept.state.times), set(other.state.times)):
                    kept.absorb(other)
                    day.remove(other)
                    clusters.remove(other)
            for member in group.members:
                kept.add(member)
        for group in bare:
            day = by_day[group.day]
            fitting = [c for c in day if not _hours_apart(group, c.state)]
            busiest = max(fitting, key=lambda c: (c.state.count, c.state.id), default=None)
            kept = busiest or self._new(group, day, clusters)
            for member in group.members:
                kept.add(member)
        return sorted(clusters, key=lambda cluster: cluster.members[0].key)

    @staticmethod
    def _new(group: _Group, day: list[_Cluster], clusters: list[_Cluster]) -> _Cluster:
        cluster = _Cluster(EventState(group.members[0].seed, group.day), [])
        cluster.state.attack = "attack" in group.kinds
        day.append(cluster)
        clusters.append(cluster)
        return cluster

    def _attach(
        self, clusters: list[Cluster], frequency: Counter[str]
    ) -> list[tuple[Cluster, list[Cluster]]]:
        """Each cluster that tells a happening another tells more precisely, with it: a vague
        one with the one day it agrees with clearly best, a day with the short span it lies in.
        The clusters that stay events, each with those that joined it."""
        target: dict[str, Cluster] = {}
        specific = [c for c in clusters if not _vague(DateSpan.parse(c.state.day))]
        spans = [c for c in specific if "/" in c.state.day]
        for cluster in clusters:
            when = DateSpan.parse(cluster.state.day)
            if _vague(when):  # "last month": somebody or somewhere in common, not a kind alone
                inside = [
                    c
                    for c in specific
                    if _within(c.state.day, when) and self._who_or_where(cluster.state, c.state)
                ]
                found = self._agreeing(cluster, inside, frequency, SAME_HAPPENING)
            elif when.end is None:
                over = [c for c in spans if _within(cluster.state.day, DateSpan.parse(c.state.day))]
                found = self._agreeing(cluster, over, frequency, SAME_LASTING)
            else:
                found = None
            if found is not None:
                target[cluster.id] = found
        roots: dict[str, tuple[Cluster, list[Cluster]]] = {}
        for cluster in clusters:
            root, steps = cluster, 0
            while root.id in target and steps < 3:
                root, steps = target[root.id], steps + 1
            _, joined = roots.setdefault(root.id, (root, []))
            if root is not cluster:
                joined.append(cluster)
        return list(roots.values())

    def _agreeing(
        self, cluster: Cluster, others: list[Cluster], frequency: Counter[str], least: float
    ) -> Cluster | None:
        """Of `others`, the one that tells of the same happening as `cluster`: the same people,
        kind or place, and the same words; None when none does or two do as well."""
        scored = sorted(
            ((score, other.state.id, other) for other in others
             if other is not cluster
             and (score := self._agreement(cluster.state, other.state, frequency)) >= least),
            key=lambda item: (-item[0], item[1]),
        )  # fmt: skip
        if not scored or (len(scored) > 1 and scored[0][0] - scored[1][0] < CLEARLY_BEST):
            return None
        return scored[0][2]

    def _who_or_where(self, one: EventState, other: EventState) -> bool:
        """Whether two events name a person or a place (not a country) in common."""
        people = {self._person(p) for p in one.people} & {self._person(p) for p in other.people}
        return bool(people or self.places(one.places) & self.places(other.places))

    def _agreement(self, one: EventState, other: EventState, frequency: Counter[str]) -> float:
        if one.attack != other.attack:
            return 0.0
        if _kinds_clash(one.kinds.keys(), other.kinds.keys()):
            return 0.0  # a resignation is not a dismissal
        kinds = (one.kinds.keys() & other.kinds.keys()) - {"statement"}
        people = {self._person(p) for p in one.people} & {self._person(p) for p in other.people}
        places = self.places(one.places) & self.places(other.places)
        if not (kinds or people or places):
            return 0.0
        words = overlap(frozenset(one.about()), other.about(), frequency)
        return words + 0.2 * bool(kinds) + 0.2 * bool(people) + 0.1 * bool(places)

    def _matches(
        self,
        group: _Group,
        places: set[str],
        event: EventState,
        frequency: Counter[str],
        rare: Set[str] = frozenset(),
    ) -> bool:
        if ("attack" in group.kinds) != event.attack:
            return False
        if _hours_apart(group, event):
            return False  # a sighting at 8 p.m. and a theft at 10:10 p.m. are two happenings
        if self._shares_place(places, event) or (group.kinds & event.kinds.keys()) - {"statement"}:
            return True
        if _kinds_clash(group.kinds, event.kinds.keys()):
            return False
        people = {self._person(person) for person in event.people}
        if any(self._person(person) in people for person in group.people):
            return True
        if group.organisations & rare & event.organisations.keys():
            return True  # a body few of the date's sentences name, named by both
        return overlap(group.words, event.about(), frequency) >= SAME_WORDS

    def _shares_place(self, places: set[str], event: EventState) -> bool:
        """Whether one of the event's places, or one they lie in, is among `places`."""
        for venue in event.places:
            if not self._wide(venue) and (
                venue in places or any(inside in places for inside in self._ancestors(venue))
            ):
                return True
        return False

    def places(self, venues: Iterable[str]) -> set[str]:
        """Venues with those they lie in (a palace counts as its city); not countries, too wide
        to tell events apart."""
        found: set[str] = set()
        for venue in venues:
            if not self._wide(venue):
                found.add(venue)
                found.update(self._ancestors(venue))
        return found


class _Cluster:
    """Mentions gathered into one happening while a block is worked out."""

    def __init__(self, state: EventState, members: list[Member]) -> None:
        self.state = state
        self.members = members

    def add(self, member: Member) -> None:
        self.members.append(member)
        _count(self.state, member.input)

    def absorb(self, other: _Cluster) -> None:
        for member in other.members:
            self.add(member)


def _counters(event: EventState) -> tuple[Counter[str], ...]:
    """What an event counts of its mentions, in the order `_told` gives them."""
    return (event.places, event.people, event.kinds, event.words, event.organisations)


def _told(item: EventInput) -> tuple[frozenset[str], ...]:
    return (item.places, item.people, item.kinds, item.words, item.organisations)


def _count(event: EventState, item: EventInput) -> None:
    event.count += 1
    for counter, keys in zip(_counters(event), _told(item), strict=True):
        counter.update(keys)
    if item.when.time:
        event.times[(item.when.time, item.when.timezone)] += 1
    event.candidates = _best({*event.candidates, item.candidate})


def _kept(cluster: _Cluster) -> Cluster:
    articles = Counter(member.article for member in cluster.members)
    seeds = tuple(member.seed for member in cluster.members)
    return Cluster(cluster.state.id, seeds, tuple(sorted(articles.items())), cluster.state)


def _combined(root: Cluster, joined: list[Cluster]) -> EventState:
    """A root cluster's event, with what the clusters that joined it say; a vague one lends its
    words, not its title, to the day it joined."""
    event = copy.deepcopy(root.state)  # the cluster, as kept, stays as it is
    for cluster in joined:
        other = cluster.state
        event.count += other.count
        for mine, theirs in zip(_counters(event), _counters(other), strict=True):
            mine.update(theirs)
        event.times.update(other.times)
        if not _vague(DateSpan.parse(other.day)):
            event.candidates = _best({*event.candidates, *other.candidates})
    event.parts = _parts(root, joined)
    return event


def _parts(
    root: Cluster, joined: list[Cluster]
) -> tuple[tuple[str, tuple[tuple[int, int], ...]], ...]:
    """What an event is made of: its clusters, each with its articles."""
    return tuple(sorted((c.id, c.articles) for c in (root, *joined)))


def block_of(when: DateSpan) -> str:
    """The block a mention's date is worked out in: the month it begins in; a year, its year."""
    start = when.start
    return (
        f"{start.year:04d}" if start.precision == "year" else f"{start.year:04d}-{start.month:02d}"
    )


def _within(day: str, span: DateSpan) -> bool:
    inner = DateSpan.parse(day)
    first, last = span.start.first(), (span.end or span.start).last()
    return (
        first <= inner.start.first() and (inner.end or inner.start).last() <= last and inner != span
    )


def frequency_of(word_sets: Sequence[frozenset[str]]) -> Counter[str]:
    """How many of the mentions (or clusters) each word is in, and how many there are."""
    frequency: Counter[str] = Counter()
    for words in word_sets:
        frequency.update(words)
    frequency["\x00mentions"] = len(word_sets)
    return frequency


def _best(candidates: Iterable[Candidate]) -> list[Candidate]:
    """The candidates an event keeps for its title: the best, in an order that does not depend
    on the order they came in."""
    return sorted(candidates, key=lambda c: (-c.merit, c.text))[:TITLE_CANDIDATES]


def _hours_apart(group: _Group, event: EventState) -> bool:
    """Whether a group of mentions and an event give times of day, in one zone, far apart."""
    told: set[tuple[str | None, str | None]] = {
        (member.input.when.time, member.input.when.timezone) for member in group.members
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


def _key(article_path: str, item: EventInput) -> str:
    """A mention's place in the corpus, that sorts the same however the files came in."""
    return f"{article_path}\x00{item.position:06d}"


def _kinds_clash(one: Iterable[str], other: Iterable[str]) -> bool:
    """Whether two sets of kinds of happening both tell one and share none (statements aside)."""
    told, known = set(one) - {"statement"}, set(other) - {"statement"}
    return bool(told and known and not told & known)


def _vague(when: DateSpan) -> bool:
    """A month, a year, or a span longer than a happening that lasts: "last week"."""
    if when.start.precision != "day":
        return True
    return when.end is not None and (when.end.last() - when.start.first()).days >= SHORT_SPAN


def _rare_bodies(groups: list[_Group]) -> set[str]:
    """The organisations fewer than half of a date's sentences name: that two of them name one
    tells they may report one happening (one all of them name, "OpenAI", tells nothing)."""
    named = Counter(body for group in groups for body in group.organisations)
    return {body for body, count in named.items() if count * 2 < len(groups) or len(groups) < 3}


def _groups(members: Sequence[Member]) -> list[_Group]:
    """Mentions of one date in one sentence seldom report two happenings: they go together.
    In the order of their first member."""
    grouped: dict[tuple[str, int, int], list[Member]] = {}
    for member in members:
        item = member.input
        grouped.setdefault((item.when.iso(), member.article, item.sentence), []).append(member)
    return [
        _Group(
            day,
            items,
            frozenset().union(*(member.input.places for member in items)),
            frozenset().union(*(member.input.people for member in items)),
            frozenset().union(*(member.input.kinds for member in items)),
            frozenset().union(*(member.input.words for member in items)),
            frozenset().union(*(member.input.organisations for member in items)),
        )
        for (day, _, _), items in grouped.items()
    ]


def overlap(words: frozenset[str], about: Counter[str], frequency: Counter[str]) -> float:
    """The share of a mention's word weight found among what an event is about; words most
    mentions of the month share ("talks", "said") weigh little. In a month of a few mentions,
    where every shared word is "common", words weigh about the same (`SMOOTHING`)."""
    total = frequency["\x00mentions"] + SMOOTHING

    def weight(word: str) -> float:
        return math.log(total / (frequency[word] + SMOOTHING / 2))

    # fsum: a sum that does not depend on the order of the set, nor then does a close call
    own = math.fsum(weight(word) for word in words)
    return math.fsum(weight(word) for word in words if word in about) / own if own else 0.0


def _most_first(item: tuple[str, int]) -> tuple[int, str]:
    word, count = item
    return (-count, word)
