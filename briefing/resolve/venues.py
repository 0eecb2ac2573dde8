"""One venue per place, whatever the spelling; built article by article.

The gazetteer knows that "Kiev" is "Kyiv" and "Turkey" is "Türkiye"; other names join when they
fold to the same letters ("Ciragan", "Çırağan") or nearly so; a bare "Dolmabahçe" is the
"Dolmabahçe Palace" named elsewhere. Each venue is placed within another where the text says so
("the Çırağan Palace in Istanbul") or the gazetteer does (Istanbul is in Türkiye).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

import pycountry
from thefuzz import fuzz

from briefing.extract.gazetteer import gazetteer
from briefing.extract.lexicon import SITE_WORDS, fold
from briefing.model import PlaceMention
from briefing.resolve.people import slug
from briefing.resolve.state import Backing, Index, Table, near_keys

PLACE_SIMILARITY = 92


def name_key(name: str) -> str:
    return re.sub(r"[^\w]", "", fold(name))


@dataclass
class VenueState:
    id: str
    key: str  # the folded name it was first filed under
    country: str | None = None
    forms: Counter[str] = field(default_factory=Counter)
    place_ids: Counter[str] = field(default_factory=Counter)
    kinds: Counter[str] = field(default_factory=Counter)
    within: Counter[str] = field(default_factory=Counter)  # names of places the text puts it in
    keys: set[str] = field(default_factory=set)  # the index keys that find it

    @property
    def empty(self) -> bool:
        return not self.forms

    @property
    def bare(self) -> bool:
        """Found only by a preposition of place: no gazetteer entry, no word for its kind."""
        return not self.place_ids and set(self.kinds) == {"place"}

    def kind(self) -> str:
        return max(self.kinds, key=lambda kind: (self.kinds[kind], kind not in _GENERAL))

    def name(self) -> str:
        official = self._official_name()
        if official is not None:
            for form in self.forms:
                if form == official or (
                    name_key(form) == name_key(official) and form[:1].isupper()
                ):
                    return form
            if official.replace(" ", "").isalpha():
                return official
        return max(
            self.forms,
            key=lambda form: (self.forms[form], form[:1].isupper(), _has_accents(form), len(form)),
        )

    def aliases(self) -> tuple[str, ...]:
        name = self.name()
        return tuple(form for form in self.forms if form != name)

    def _official_name(self) -> str | None:
        """The ISO name of a country if the articles use it ("Türkiye"), GeoNames' otherwise."""
        for place_id in sorted(self.place_ids):
            kind, _, key = place_id.partition(":")
            if kind == "country":
                country = pycountry.countries.get(alpha_2=key)
                if country is not None and country.name in self.forms:
                    return str(country.name)
                return gazetteer().countries[key].name
            if kind == "city":
                for form in self.forms:
                    for place in gazetteer().places(form):
                        if place.id == place_id:
                            return place.name
        return None


_GENERAL = {"country", "continent", "region", "city", "town", "place"}


def _official(place_id: str | None) -> str | None:
    """The gazetteer's name for a place: ids read the same whatever spelling came first."""
    if place_id is None:
        return None
    kind, _, key = place_id.partition(":")
    if kind == "country":
        return gazetteer().countries[key].name
    return gazetteer().name_of(place_id)


def _shape(venue: VenueState) -> tuple[str, str | None] | None:
    """What a venue is and what it lies within, as far as others' ancestors go (None: new)."""
    if not venue.forms:
        return None
    within = max(venue.within, key=venue.within.__getitem__) if venue.within else None
    return venue.kind(), within


def _has_accents(name: str) -> bool:
    """ "Çırağan" says more than "Ciragan": keep the spelling that has its accents."""
    return fold(name) != name.casefold()


class Venues:
    def __init__(self, backing: Backing) -> None:
        self.venues: Table[VenueState] = Table("venue", backing)
        self.index = Index("venue_key", backing)
        self.merged: Table[str] = Table("venue_merged", backing)
        self._chains: dict[str, list[str]] = {}  # ancestors, until venues change shape
        self._in_chains: dict[str, set[str]] = {}  # venue -> the venues whose chain holds it
        self._wide: dict[str, bool] = {}  # the same
        self._watched: set[str] = set()  # names that worked-out venues lie within

    def resolve(self, venue_id: str) -> str:
        while (merged := self.merged.get(venue_id)) is not None:
            venue_id = merged
        return venue_id

    def add(self, mentions: Sequence[PlaceMention]) -> list[str]:
        """The venue each mention names."""
        links = []
        for mention in mentions:
            venue = self._find(mention) or self._new(mention)
            shape = _shape(venue)
            venue.forms[mention.name] += 1
            venue.kinds[mention.kind] += 1
            if mention.place_id:
                venue.place_ids[mention.place_id] += 1
                self._file(venue, f"id:{mention.place_id}")
            if mention.within:
                venue.within[mention.within] += 1
            venue.country = venue.country or mention.country
            self._file(venue, f"n:{name_key(mention.name)}")
            self.venues.touch(venue.id)
            if shape is not None and shape != _shape(venue):
                self._reshaped(venue.id)
            links.append(venue.id)
        return links

    def _reshaped(self, venue_id: str | None = None) -> None:
        """What lies within what changed, for one venue or maybe any: the ancestors that may
        have changed are worked out again."""
        if venue_id is None:
            self._chains.clear()
            self._in_chains.clear()
            self._wide.clear()
            self._watched.clear()
            return
        self._wide.pop(venue_id, None)
        for key in self._in_chains.pop(venue_id, ()):
            self._chains.pop(key, None)

    def remove(self, mentions: Sequence[PlaceMention], links: Sequence[str]) -> None:
        self._reshaped()
        for mention, link in zip(mentions, links, strict=True):
            venue = self.venues.get(self.resolve(link))
            if venue is None:
                continue
            for counter, key in (
                (venue.forms, mention.name),
                (venue.kinds, mention.kind),
                (venue.place_ids, mention.place_id),
                (venue.within, mention.within),
            ):
                if key:
                    counter[key] -= 1
                    if counter[key] <= 0:
                        del counter[key]
            if venue.empty:
                self._forget(venue)
            else:
                self.venues.touch(venue.id)

    def within(self, venue_id: str) -> str | None:
        """The venue this one lies in: as the text says most often, else its country."""
        venue = self.venues.get(self.resolve(venue_id))
        if venue is None:
            return None
        if venue.within:
            self._watched.update(name_key(name) for name in venue.within)
            top = max(venue.within, key=venue.within.__getitem__)
            for name in (top, *(name for name, _ in venue.within.most_common() if name != top)):
                for other in self.index.members(f"n:{name_key(name)}"):
                    other = self.resolve(other)
                    if other != venue.id:
                        return other
        if venue.country and venue.kind() != "country":
            for other in self.index.find(f"id:country:{venue.country}"):
                return self.resolve(other)
        return None

    def wide(self, venue_id: str) -> bool:
        """Whether a venue is a country or a continent: too wide to tell two events apart."""
        if venue_id not in self._wide:
            venue = self.venues.get(self.resolve(venue_id))
            self._wide[venue_id] = venue is None or venue.kind() in ("country", "continent")
        return self._wide[venue_id]

    def ancestors(self, venue_id: str) -> list[str]:
        """The venues it lies in, nearest first, short of countries (too wide to tell events
        apart)."""
        if venue_id in self._chains:
            return self._chains[venue_id]
        chain: list[str] = []
        current = self.within(venue_id)
        while current is not None and current not in chain and current != venue_id:
            venue = self.venues.get(current)
            if venue is None or venue.kind() in ("country", "continent"):
                break
            chain.append(current)
            current = self.within(current)
        self._chains[venue_id] = chain
        for member in (venue_id, *chain):
            self._in_chains.setdefault(member, set()).add(venue_id)
        return chain

    # -- finding and filing -----------------------------------------------------------------------

    def _find(self, mention: PlaceMention) -> VenueState | None:
        if mention.place_id:
            for venue_id in self.index.find(f"id:{mention.place_id}"):
                return self.venues.get(self.resolve(venue_id))
        key = name_key(mention.name)
        for venue_id in self.index.find(f"n:{key}"):
            venue = self.venues.get(self.resolve(venue_id))
            if venue is not None and (
                venue.country is None or mention.country is None or venue.country == mention.country
            ):
                return venue
        if mention.place_id is None:
            longer = {self.resolve(venue_id) for venue_id in self.index.find(f"tail:{key}")}
            if len(longer) == 1:
                return self.venues.get(longer.pop())  # "Key Bridge": "Francis Scott Key Bridge"
            if mention.kind == "place":
                for venue_id in self.index.find(f"stem:{key}"):
                    return self.venues.get(self.resolve(venue_id))  # "Dolmabahçe": the palace
            for venue_id in self._near(key):
                venue = self.venues.get(self.resolve(venue_id))
                if (
                    venue is not None
                    and not venue.place_ids
                    and fuzz.ratio(venue.key, key) >= PLACE_SIMILARITY
                ):
                    return venue
        return None

    def _new(self, mention: PlaceMention) -> VenueState:
        base = slug(_official(mention.place_id) or mention.name)
        venue_id, number = base, 1
        while venue_id in self.venues or self.merged.get(venue_id) is not None:
            number += 1
            venue_id = f"{base}-{number}"
        key = name_key(mention.name)
        venue = VenueState(venue_id, key, mention.country)
        self.venues.put(venue_id, venue)
        if mention.place_id is None:
            for near in near_keys(key):
                self._file(venue, f"f:{near}")
        words = fold(mention.name).split()
        if len(words) >= 2 and words[-1] in SITE_WORDS:
            stem = name_key(" ".join(words[:-1]))
            self._file(venue, f"stem:{stem}")
            self._take_in(venue, stem, only_bare=True)
        if mention.place_id is None and len(words) >= 3 and words[-1] in SITE_WORDS:
            for start in range(1, len(words) - 1):  # "Scott Key Bridge", "Key Bridge"
                tail = name_key(" ".join(words[start:]))
                self._file(venue, f"tail:{tail}")
                self._take_in(venue, tail, only_bare=False)
        return venue

    def _near(self, key: str) -> list[str]:
        """Venues not in the gazetteer whose name may be this one spelled another way."""
        found: dict[str, None] = {}
        for near in near_keys(key):
            found.update(self.index.members(f"f:{near}"))
        return list(found)

    def _file(self, venue: VenueState, key: str) -> None:
        if (
            key.startswith("n:")
            and key[2:] in self._watched
            and venue.id not in self.index.members(key)
        ):
            self._reshaped()  # a venue others were said to lie within is now known
        self.index.add(key, venue.id)
        venue.keys.add(key)

    def _take_in(self, site: VenueState, stem: str, only_bare: bool) -> None:
        """Merge into `site` the venues named `stem` ("Dolmabahçe" for the palace, "Key Bridge"
        for "Francis Scott Key Bridge"); `only_bare`: only those no kind of place names."""
        for other_id in self.index.find(f"n:{stem}"):
            other = self.venues.get(self.resolve(other_id))
            if (
                other is not None
                and other.id != site.id
                and (other.bare if only_bare else not other.place_ids)
            ):
                site.forms.update(other.forms)
                site.kinds.update(other.kinds)
                site.within.update(other.within)
                self._forget(other)
                self.merged.put(other.id, site.id)
                self._reshaped()

    def _forget(self, venue: VenueState) -> None:
        self.venues.delete(venue.id)
        for key in venue.keys:
            self.index.discard(key, venue.id)
