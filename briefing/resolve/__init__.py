"""Across the corpus: when each article was written, one person per human, one venue per place,
and dated mentions gathered into events.

The resolver takes articles in and out one at a time, so that a changed file changes only what it
touches; a first build is the same work, article after article (the dated ones first, so that
undated ones can take their years from them).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from typing import NamedTuple

from briefing.model import Article, ArticleFacts, Span
from briefing.resolve.anchors import Anchored, Days
from briefing.resolve.echoes import Echoes, echo_inputs
from briefing.resolve.events import Events, EventState, event_inputs
from briefing.resolve.organisations import Organisations, OrganisationState
from briefing.resolve.people import People, PersonState
from briefing.resolve.state import Backing, Nothing, Table
from briefing.resolve.syndication import Copies
from briefing.resolve.venues import Venues, VenueState


class Links(NamedTuple):
    """What each of an article's mentions refers to, in the order of its facts."""

    people: tuple[str | None, ...]  # person ids; None for a lone name that matches nobody
    places: tuple[str, ...]  # venue ids
    times: tuple[str | None, ...]  # event ids; None for an expression with no date
    organisations: tuple[str | None, ...] = ()  # None: a bare name no body is known by yet
    # undated sentences that may tell of an event: (the word that says what, sentence, seed)
    echoes: tuple[tuple[Span, int, str], ...] = ()


class Resolved(NamedTuple):
    """What resolution made of one article."""

    anchored: Anchored
    group: int  # its group of syndicated copies
    links: Links
    # The person links its events were counted with: a lone name a later full name took in is
    # relinked in `links`, but its events never counted that person, so must not uncount them
    counted_people: tuple[str | None, ...] = ()
    counted_organisations: tuple[str | None, ...] = ()  # the same, for bare names of bodies

    def refs(self) -> Counter[tuple[str, str]]:
        """How often the article names each (kind, id); its events, the events count (their
        mentions move from one to another as the corpus grows)."""
        counts: Counter[tuple[str, str]] = Counter()
        for kind, links in (
            ("person", self.links.people),
            ("venue", self.links.places),
            ("organisation", self.links.organisations),
        ):
            counts.update((kind, link) for link in links if link is not None)
        return counts


class Resolver:
    def __init__(self, backing: Backing | None = None) -> None:
        backing = backing or Nothing()
        self.days = Days(backing)
        self.copies = Copies(backing)
        self.people = People(backing)
        self.venues = Venues(backing)
        self.organisations = Organisations(backing)
        self.events = Events(backing, self.venues.ancestors, self.venues.wide, self.people.resolve)
        self.echoes = Echoes(
            backing, self.events.events, self.events.merged, self.events.places, self.people.resolve
        )
        self._told: set[str] = set()  # events whose undated sentences went with their articles
        self._event_refs: dict[str, Counter[int] | None] = {}  # articles of events made or gone

    def add(self, article_id: int, article: Article, text: str, facts: ArticleFacts) -> Resolved:
        anchored = self.days.anchor(article_id, article, text, facts)
        group = self.copies.add(article_id, facts.fingerprint)
        people = self.people.add(article_id, facts.people)
        places = self.venues.add(facts.places)
        organisations = self.organisations.add(article_id, facts.organisations)
        inputs = event_inputs(
            article_id,
            text,
            facts,
            anchored.anchor,
            anchored.date.earliest,
            people,
            places,
            organisations,
        )
        times = self.events.add(article.path, article_id, inputs)
        echoes = echo_inputs(text, facts, inputs, anchored.date.earliest, people, places)
        seeds = self.echoes.add(article.path, article_id, echoes)
        links = Links(
            tuple(people),
            tuple(places),
            tuple(times.get(index) for index in range(len(facts.times))),
            tuple(organisations),
            tuple((echo.span, echo.sentence, seeds[echo.sentence]) for echo in echoes),
        )
        return Resolved(anchored, group, links, links.people, links.organisations)

    def remove(
        self, article_id: int, article: Article, text: str, facts: ArticleFacts, resolved: Resolved
    ) -> None:
        links = resolved.links
        inputs = event_inputs(
            article_id,
            text,
            facts,
            resolved.anchored.anchor,
            resolved.anchored.date.earliest,
            resolved.counted_people,
            links.places,
            resolved.counted_organisations,
        )
        self.events.remove(article.path, inputs)
        self._told |= self.echoes.remove(article.path)
        self.venues.remove(facts.places, links.places)
        self.organisations.remove(article_id, facts.organisations, links.organisations)
        self.people.remove(article_id, facts.people, links.people)
        self.copies.remove(article_id, facts.fingerprint)
        self.days.forget(article_id, article, text, facts, resolved.anchored)

    def year_of(self, text: str, facts: ArticleFacts) -> int | None:
        """The year an undated article would take from the dated ones as they are now."""
        return self.days.year_of(text, facts)

    def days_touched(self) -> set[str]:
        """The days (as "6-2") that dated articles came to or left: undated articles naming
        them may take another year."""
        return self.days.touched()

    def undated_to_redate(self, days: Iterable[str], surely: Iterable[str] = ()) -> list[int]:
        """Of the undated articles naming these days, those whose year may have changed."""
        return self.days.undated_naming(days, surely)

    def settle_events(self) -> None:
        """The build has taken in its articles: one happening told at several precisions
        becomes one event, and sentences that tell of one without a date join it."""
        changed = self.events.settle()
        told = self.echoes.settle(changed) | self._told
        for event_id in sorted(changed.keys() | told):
            articles = self.events.articles(event_id)
            if articles is not None:
                articles.update(self.echoes.articles(event_id))
            self._event_refs[event_id] = articles
        self._told = set()

    def take_event_refs(self) -> dict[str, Counter[int] | None]:
        """The articles of each event made or changed since last asked (None: gone), for the
        store to count them by."""
        refs, self._event_refs = self._event_refs, {}
        return refs

    def settled(self) -> None:
        """The years of undated articles have been looked at again: start counting afresh."""
        self.days.settled()

    def tables(self) -> list[Table[object]]:
        """Every table of state, for the store to keep what changed."""
        parts = (
            self.days, self.copies, self.people, self.venues, self.events, self.echoes,
            self.organisations,
        )  # fmt: skip
        return [
            table for part in parts for table in vars(part).values() if isinstance(table, Table)
        ]

    def relinked(self) -> list[tuple[str, int, int, str]]:
        """Names of earlier articles that later ones took in, as (kind, article, index, id): lone
        surnames a full name, bare names a body found with evidence."""
        found = [("person", *entry) for entry in self.people.relinked]
        found += [("organisation", *entry) for entry in self.organisations.relinked]
        self.people.relinked, self.organisations.relinked = [], []
        return found

    # -- what the briefing shows of each entity ---------------------------------------------------

    def event_view(self, event: EventState) -> dict[str, object]:
        when = event.when()
        return {
            "id": event.id,
            "start": when.start.iso(),
            "end": when.end.iso() if when.end else None,
            "time": when.time,
            "timezone": when.timezone,
            "title": self.events.title(event),
            "people": _ranked(_resolved_counts(event.people, self.people.resolve)),
            "organisations": _ranked(event.organisations),
            "venues": self._places(event),
            "mentions": event.count,
        }

    def _places(self, event: EventState) -> list[str]:
        """Where an event took place: the most mentioned venues, countries after the others."""
        counts = _resolved_counts(event.places, self.venues.resolve)
        return sorted(counts, key=lambda key: (self.venues.wide(key), -counts[key], key))

    def person_view(self, person: PersonState) -> dict[str, object]:
        return {
            "id": person.id,
            "name": person.name(),
            "aliases": list(person.aliases()),
            "roles": list(person.role_list()),
            "mentions": sum(person.forms.values()) + sum(person.short.values()),
        }

    def organisation_view(self, organisation: OrganisationState) -> dict[str, object]:
        return {
            "id": organisation.id,
            "name": organisation.name(),
            "aliases": list(organisation.aliases()),
            "named": sorted(organisation.named()),
            "kind": organisation.kind(),
            "mentions": sum(organisation.forms.values()),
        }

    def venue_view(self, venue: VenueState) -> dict[str, object]:
        return {
            "id": venue.id,
            "name": venue.name(),
            "aliases": list(venue.aliases()),
            "kind": venue.kind(),
            "within": self.venues.within(venue.id),
            "mentions": sum(venue.forms.values()),
        }


def _ranked(counts: Counter[str]) -> list[str]:
    """Most mentioned first; ties in a fixed order, so that a briefing is the same every run."""
    return sorted(counts, key=lambda key: (-counts[key], key))


def _resolved_counts(counts: Counter[str], resolve: Callable[[str], str]) -> Counter[str]:
    """Counts by the ids entities go by now: two ids merged into one add up."""
    resolved: Counter[str] = Counter()
    for key, count in counts.items():
        resolved[resolve(key)] += count
    return resolved
