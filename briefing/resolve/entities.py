"""One Person per human and one Venue per place, whatever the spelling across the corpus.

People: full names merge when their surnames are the same word however spelled ("Zelensky",
"Zelenskyy") and their given names agree ("Sergei", "Sergey"; "V.R." and "Vladimir"); two people
who only share a given name never merge. A lone surname joins the one person it can be.
Places: the gazetteer knows that "Kiev" is "Kyiv" and "Turkey" is "Türkiye"; other names merge when
they fold to the same letters ("Ciragan", "Çırağan").
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from thefuzz import fuzz

from briefing.extract.gazetteer import gazetteer
from briefing.extract.lexicon import SITE_WORDS, fold
from briefing.model import ArticleFacts, Mention, Person, PersonMention, PlaceMention, Venue

SURNAME_SIMILARITY = 85  # thefuzz ratio: "zelensky" / "zelenskyy" is 94
GIVEN_NAME_SIMILARITY = 75  # "sergei" / "sergey" is 83; "vladimir" / "volodymyr" is 71
PLACE_SIMILARITY = 92


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(name)).strip("-") or "x"


def _unique_ids(names: Iterable[str]) -> list[str]:
    seen: Counter[str] = Counter()
    ids = []
    for name in names:
        base = slug(name)
        seen[base] += 1
        ids.append(base if seen[base] == 1 else f"{base}-{seen[base]}")
    return ids


# -- people ---------------------------------------------------------------------------------------


@dataclass(slots=True)
class _PersonGroup:
    full: list[tuple[str, PersonMention]] = field(default_factory=list)  # (article, mention)
    short: list[tuple[str, PersonMention]] = field(default_factory=list)

    @property
    def mentions(self) -> list[tuple[str, PersonMention]]:
        return self.full + self.short

    @property
    def forms(self) -> set[str]:
        return {mention.name for _, mention in self.full}


def _parts(name: str) -> tuple[str, str]:
    """(given name, surname), folded: "V.R. Medinsky" -> ("v.r.", "medinsky")."""
    words = fold(name).replace("’", "'").split()
    return (words[0] if len(words) > 1 else "", words[-1])


def _same_surname(a: str, b: str) -> bool:
    return a == b or (a[:2] == b[:2] and fuzz.ratio(a, b) >= SURNAME_SIMILARITY)


def _same_person(a: str, b: str) -> bool:
    """Two full names of one person: the same surname, and given names that agree, or one name
    the end of the other ("Peña Nieto" and "Enrique Peña Nieto")."""
    words_a, words_b = fold(a).split(), fold(b).split()
    if not _same_surname(words_a[-1], words_b[-1]):
        return False
    shorter, longer = sorted((words_a, words_b), key=len)
    if len(shorter) >= 2 and longer[-len(shorter) :] == shorter:
        return True
    return _given_agree(words_a[0], words_b[0])


def _given_agree(a: str, b: str) -> bool:
    if not a or not b:
        return True
    if a.endswith(".") or b.endswith("."):
        return a[0] == b[0]
    return a == b or a.startswith(b) or b.startswith(a) or fuzz.ratio(a, b) >= GIVEN_NAME_SIMILARITY


def resolve_people(facts: Mapping[str, ArticleFacts]) -> list[Person]:
    """The people of the corpus, most mentioned first."""
    groups: list[_PersonGroup] = []
    by_surname: dict[str, list[int]] = defaultdict(list)  # first two letters -> group indexes
    singles: list[tuple[str, PersonMention]] = []
    for article, article_facts in facts.items():
        for mention in article_facts.people:
            if len(mention.name.split()) < 2:
                singles.append((article, mention))
                continue
            _, surname = _parts(mention.name)
            for index in by_surname[surname[:2]]:
                if any(_same_person(mention.name, form) for form in groups[index].forms):
                    groups[index].full.append((article, mention))
                    break
            else:
                by_surname[surname[:2]].append(len(groups))
                groups.append(_PersonGroup(full=[(article, mention)]))
    _attach_singles(groups, singles, by_surname)
    people = [group for group in groups if group.mentions]
    people.sort(key=lambda group: -len(group.mentions))
    names = [_person_name(group) for group in people]
    return [
        _person(person_id, name, group, facts)
        for person_id, name, group in zip(_unique_ids(names), names, people, strict=True)
    ]


def _attach_singles(
    groups: list[_PersonGroup],
    singles: list[tuple[str, PersonMention]],
    by_surname: dict[str, list[int]],
) -> None:
    """A lone name joins the one person it can be: by surname ("Lavrov"), or failing that by
    given name ("Prabowo"), preferring a person named in the same article."""
    for article, mention in singles:
        _, word = _parts(mention.name)
        candidates = by_surname[word[:2]]
        matches = (
            [index for index in candidates if _surname_of(groups[index]) == word]
            or [index for index, group in enumerate(groups) if word in _given_names(group)]
            or [index for index in candidates if _same_surname(word, _surname_of(groups[index]))]
        )
        here = [
            index for index in matches if any(seen == article for seen, _ in groups[index].full)
        ]
        chosen = here if here else matches
        if len(chosen) == 1:
            groups[chosen[0]].short.append((article, mention))
        elif not matches and mention.evidence in ("title", "apposition"):
            by_surname[word[:2]].append(len(groups))
            groups.append(_PersonGroup(full=[(article, mention)]))


def _surname_of(group: _PersonGroup) -> str:
    return _parts(group.full[0][1].name)[1]


def _given_names(group: _PersonGroup) -> set[str]:
    return {fold(form).split()[0] for form in group.forms if len(form.split()) > 1}


def _person_name(group: _PersonGroup) -> str:
    forms = Counter(mention.name for _, mention in group.full)
    return max(forms, key=lambda name: (forms[name], not name.split()[0].endswith("."), len(name)))


def _person(
    person_id: str, name: str, group: _PersonGroup, facts: Mapping[str, ArticleFacts]
) -> Person:
    aliases = list(
        dict.fromkeys(mention.name for _, mention in group.mentions if mention.name != name)
    )
    roles: Counter[str] = Counter()
    spelled: dict[str, str] = {}
    for _, mention in group.mentions:
        if mention.role:
            key = fold(mention.role)
            spelled.setdefault(key, mention.role)
            roles[key] += 1
    return Person(
        id=person_id,
        name=name,
        aliases=tuple(aliases),
        roles=tuple(spelled[key] for key, _ in roles.most_common()),
        mentions=_mentions(group.mentions, facts),
    )


def _mentions(
    found: Iterable[tuple[str, PersonMention | PlaceMention]], facts: Mapping[str, ArticleFacts]
) -> tuple[Mention, ...]:
    mentions = (
        Mention(article, mention.span, facts[article].sentences[mention.sentence])
        for article, mention in found
    )
    return tuple(sorted(mentions, key=lambda mention: (mention.article, mention.span.start)))


# -- venues ---------------------------------------------------------------------------------------

_SPECIFIC = {"country": 0, "continent": 0, "region": 1, "city": 2, "town": 2, "place": 2}


@dataclass(slots=True)
class _PlaceGroup:
    mentions: list[tuple[str, PlaceMention]] = field(default_factory=list)
    place_ids: set[str] = field(default_factory=set)
    country: str | None = None


def resolve_venues(facts: Mapping[str, ArticleFacts]) -> list[Venue]:
    """The places of the corpus, most mentioned first, each placed in another where known."""
    groups: list[_PlaceGroup] = []
    by_id: dict[str, int] = {}
    by_name: dict[str, list[int]] = defaultdict(list)
    for article, article_facts in facts.items():
        for mention in article_facts.places:
            index = _find_group(mention, groups, by_id, by_name)
            if index is None:
                index = len(groups)
                groups.append(_PlaceGroup())
            group = groups[index]
            group.mentions.append((article, mention))
            group.country = group.country or mention.country
            if mention.place_id:
                group.place_ids.add(mention.place_id)
                by_id[mention.place_id] = index
            key = _name_key(mention.name)
            if index not in by_name[key]:
                by_name[key].append(index)
    groups = _fold_into_sites(groups)
    groups.sort(key=lambda group: -len(group.mentions))
    names = [_venue_name(group) for group in groups]
    ids = _unique_ids(names)
    venues = [
        Venue(
            venue_id,
            name,
            _venue_aliases(group, name),
            _venue_kind(group),
            None,
            _mentions(group.mentions, facts),
        )
        for venue_id, name, group in zip(ids, names, groups, strict=True)
    ]
    return _place_within(venues, groups)


def _fold_into_sites(groups: list[_PlaceGroup]) -> list[_PlaceGroup]:
    """ "Dolmabahçe" on its own is the Dolmabahçe Palace named elsewhere in the corpus."""
    sites: dict[str, _PlaceGroup] = {}
    for group in groups:
        for _, mention in group.mentions:
            words = fold(mention.name).split()
            if len(words) >= 2 and words[-1] in SITE_WORDS:
                sites.setdefault(_name_key(" ".join(words[:-1])), group)
    kept = []
    for group in groups:
        bare = not group.place_ids and all(mention.kind == "place" for _, mention in group.mentions)
        site = sites.get(_name_key(group.mentions[0][1].name)) if bare else None
        if site is not None and site is not group:
            site.mentions.extend(group.mentions)
        else:
            kept.append(group)
    return kept


def _name_key(name: str) -> str:
    return re.sub(r"[^\w]", "", fold(name))


def _find_group(
    mention: PlaceMention,
    groups: Sequence[_PlaceGroup],
    by_id: Mapping[str, int],
    by_name: Mapping[str, list[int]],
) -> int | None:
    if mention.place_id and mention.place_id in by_id:
        return by_id[mention.place_id]
    key = _name_key(mention.name)
    for index in by_name.get(key, ()):
        if _countries_agree(groups[index].country, mention.country):
            return index
    if mention.place_id is None:
        for other_key, indexes in by_name.items():
            if other_key[:2] == key[:2] and fuzz.ratio(other_key, key) >= PLACE_SIMILARITY:
                for index in indexes:
                    if not groups[index].place_ids:
                        return index
    return None


def _countries_agree(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


def _venue_name(group: _PlaceGroup) -> str:
    forms = Counter(mention.name for _, mention in group.mentions)
    official = _official_name(group)
    if official is not None:
        for form in forms:
            if form == official or (_name_key(form) == _name_key(official) and form[:1].isupper()):
                return form
        if official.replace(" ", "").isalpha():
            return official
    return max(
        forms, key=lambda form: (forms[form], form[:1].isupper(), _has_accents(form), len(form))
    )


def _has_accents(name: str) -> bool:
    """ "Çırağan" says more than "Ciragan": keep the spelling that has its accents."""
    return fold(name) != name.casefold()


def _official_name(group: _PlaceGroup) -> str | None:
    """The name a gazetteer gives the place: the ISO name for a country, GeoNames' for a city."""
    for place_id in sorted(group.place_ids):
        kind, _, key = place_id.partition(":")
        if kind == "country":
            import pycountry

            country = pycountry.countries.get(alpha_2=key)
            forms = {mention.name for _, mention in group.mentions}
            if country is not None and country.name in forms:
                return str(country.name)
            return gazetteer().countries[key].name
        if kind == "city":
            return next(
                (
                    place.name
                    for place in gazetteer().places(group.mentions[0][1].name)
                    if place.id == place_id
                ),
                None,
            )
    return None


def _venue_aliases(group: _PlaceGroup, name: str) -> tuple[str, ...]:
    seen = {name}
    aliases = []
    for _, mention in group.mentions:
        if mention.name not in seen:
            seen.add(mention.name)
            aliases.append(mention.name)
    return tuple(aliases)


def _venue_kind(group: _PlaceGroup) -> str:
    kinds = Counter(mention.kind for _, mention in group.mentions)
    return max(kinds, key=lambda kind: (kinds[kind], kind not in _SPECIFIC))


def _place_within(venues: list[Venue], groups: list[_PlaceGroup]) -> list[Venue]:
    """Put each venue inside another: as the text says ("Palace in Istanbul"), or the gazetteer."""
    from dataclasses import replace

    by_key = {
        _name_key(alias): venue.id for venue in venues for alias in (venue.name, *venue.aliases)
    }
    country_venue = {group.country: venue.id for venue, group in zip(venues, groups, strict=True)
                     if venue.kind == "country" and group.country}  # fmt: skip
    placed = []
    for venue, group in zip(venues, groups, strict=True):
        said = Counter(
            by_key.get(_name_key(mention.within)) for _, mention in group.mentions if mention.within
        )
        said.pop(None, None)
        within = said.most_common(1)[0][0] if said else None
        if within is None and venue.kind != "country" and group.country:
            within = country_venue.get(group.country)
        placed.append(replace(venue, within=within if within != venue.id else None))
    return placed
