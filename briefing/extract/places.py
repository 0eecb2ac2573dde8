"""Places named in an article: countries, cities, regions, buildings and sites.

Three kinds of clue: the gazetteer ("Istanbul", "Kiev", "Türkiye"), a word for a kind of place next
to the name ("Çırağan Palace", "the Olenya airfield", "the Amur region", "airfields including
Olenya and Belaya"), and a preposition of place before a name the other clues do not know
("in Bucha"). A small town that shares its name with a word or a person ("Vladimir", "Amur" in
India, "Police" in Poland) counts only where its country is in the article or the text puts it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Container, Sequence
from dataclasses import dataclass

from briefing.extract.gazetteer import Place, gazetteer, given_names, is_demonym, languages
from briefing.extract.lexicon import (
    FUNCTION_WORDS,
    LOCATIVE,
    MONTH_AND_DAY_NAMES,
    ORG_WORDS,
    PLACE_CUES,
    ROLE_MODIFIERS,
    ROLE_WORDS,
    SITE_WORDS,
    THING_WORDS,
    UPPER,
    fold,
)
from briefing.extract.people import speaks
from briefing.extract.runs import Run, Token
from briefing.extract.sentences import headline_case, sentence_index
from briefing.model import PersonMention, PlaceMention, Span

WELL_KNOWN = 1_000_000  # people: a city this big is meant even where its country goes unnamed
LOCATED = 100_000  # people: a city this big is meant where the text says "in" or "at" it
LONGEST_NAME = 4  # words

_CUE_AFTER = re.compile(
    r"\s+(?P<cue>air bases?|" + "|".join(sorted(PLACE_CUES, key=len, reverse=True)) + r")\b"
)
_CUE_BEFORE = re.compile(
    r"\b(?P<cue>" + "|".join(sorted(PLACE_CUES, key=len, reverse=True)) + r")"
    r"(?:,?\s+(?:including|such as|like|namely)|:)\s+$"
    r"|\b(?P<one>region|province|oblast|district|city|town|village|port|island|state)\s+of\s+$"
)
_LIST_GAP = re.compile(r"^(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)$")
_INDEFINITE = re.compile(r"\b(?:a|an)\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
_IN_A_REGION = re.compile(
    rf"\s+in\s+the\s+{UPPER}[\w’'-]+(?:\s+{UPPER}[\w’'-]+)?\s+(?:region|oblast|province|district)\b"
)
_WITHIN_AFTER = re.compile(rf"\s+in\s+(?:the\s+)?(?P<name>{UPPER}[\w’'-]*(?:\s+{UPPER}[\w’'-]*)*)")
_ADJECTIVE = re.compile(r"(?:ian|ean|ern|ish|ese|ic)$")
_FOLLOWING = re.compile(
    r"(?P<joined>-(?:led|backed|based|brokered))|\s+(?P<first>[\w-]+)(?:\s+(?P<second>[\w-]+))?"
)
_TITLE_ADJECTIVES = frozenset(
    {"district", "federal", "state", "supreme", "circuit", "army", "navy"}
)
_ADVERBS = frozenset(
    "overnight today yesterday tomorrow tonight again earlier later now last next early late soon "
    "already too instead ago".split()
)
_NEXT_WORD = re.compile(r"\s*([a-z]+)")
_BASED = re.compile(r"-(?:based|born|headquartered)$")
_OF_A_TITLE = re.compile(
    r"\b(?:King|Queen|Prince|Princess|Emperor|Empress|Emir|Sultan|Duke|Duchess|Earl|Count|"
    r"Countess|Archbishop|Bishop|Patriarch|Grand Duke)\s+(?:[A-Z][\w’'-]+\s+){1,3}of\s+(?:the\s+)?$"
)
_AREA_CUES = frozenset({"region", "city", "town", "village", "airfield", "airport", "base", "port"})
_WORLD_ENDS = frozenset({"europe", "asia", "africa", "america", "americas", "east"})
_COMPASS = frozenset("north south east west northern southern eastern western central".split())
_WORLD_PART = re.compile(
    r"^(?:(?:north|south|east|west|northern|southern|eastern|western|central|latin|sub-saharan|"
    r"north-?east(?:ern)?|north-?west(?:ern)?|south-?east(?:ern)?|south-?west(?:ern)?)\s+"
    r"(?:europe|asia|africa|america|americas)|(?:middle|far|near)\s+east)$"
)
_DATELINE_AFTER = re.compile(r"\s*(?:\([^)]{1,30}\)\s*)?[—–-]|,\s+[A-Z][a-z]{2,8}\.?\s+\d")
_STATE_AFTER = re.compile(
    r",\s+(?P<state>[A-Z][a-z]*\.?(?:\s?[A-Z][a-z]*\.?)?)(?=[\s,.;:)]|-based|$)"
)
_HOMETOWN = re.compile(r",\s*\d{1,3},\s+of\s+$")  # "Jo Doe, 26, of Dundalk": where she lived
_CITY_BEFORE = re.compile(r"[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2},\s+$")


# "the Port of Baltimore", "the Strait of Hormuz", "Isle of Man": a feature's word, then its name
_FEATURE_OF = re.compile(
    rf"\b(?P<feature>Port|Harbou?r|Straits?|Gulf|Bay|Sea|Isles?|Islands?|Cape|Lake|Mount)\s+of\s+"
    rf"(?:the\s+)?{UPPER}[\w’'-]+(?:\s+{UPPER}[\w’'-]+){{0,2}}"
)


@dataclass(frozen=True, slots=True)
class PlaceCandidate:
    tokens: tuple[Token, ...]
    run: Run
    cue: str | None  # the kind a neighbouring word gives it ("region", "airfield")


def place_candidates(
    text: str, runs: list[Run], people: list[PersonMention], bodies: Sequence[Span] = ()
) -> list[PlaceCandidate]:
    """The words that may name places: runs cut around people's names and titles, and around
    the names of bodies (`bodies`: "the Georgia Supreme Court" is no place)."""
    named = [mention for mention in people if mention.evidence != "surname"]
    taken = [mention.span for mention in named] + list(bodies)
    surnames = frozenset(fold(mention.name.split()[-1]) for mention in named)
    cues = _list_cues(text, runs)
    return [
        PlaceCandidate(tuple(piece), run, cues.get(index))
        for index, run in enumerate(runs)
        for piece in _pieces(run, taken)
        if fold(_name(piece)) not in surnames
    ]


def places_of(
    text: str, sentences: list[Span], candidates: list[PlaceCandidate], context: Container[str]
) -> list[PlaceMention]:
    """The places among the candidates, in an article about the countries in `context`."""
    found = []
    for candidate in candidates:
        mention = _place(text, candidate, context)
        if mention is not None:
            found.append(mention)
    found.extend(_lowercase_cities(text, sentences))
    if features := _features_of(text, sentences):
        spans = [feature.span for feature in features]
        found = [m for m in found if m.place_id is not None or not _inside_any(m.span, spans)]
        found.extend(features)  # "the Port of Baltimore": not "Port", but Baltimore still
    return sorted(found, key=lambda mention: mention.span.start)


def _features_of(text: str, sentences: list[Span]) -> list[PlaceMention]:
    """ "the Port of Baltimore": a place by its feature's word; the city in it stays one too."""
    if " of " not in text:
        return []
    found = []
    for match in _FEATURE_OF.finditer(text):
        span = Span(match.start(), match.end())
        kind = SITE_WORDS.get(fold(match["feature"]).rstrip("s"), "place")
        found.append(PlaceMention(span, match.group(), kind, sentence_index(sentences, span.start)))
    return found


def _inside_any(span: Span, spans: list[Span]) -> bool:
    return any(other.start <= span.start and span.end <= other.end for other in spans)


def _pieces(run: Run, taken: list[Span]) -> list[list[Token]]:
    """A run cut where a place's name cannot go on: after a possessive, around title words and
    people's names. The name of an organisation ("New York Times") holds no place."""
    pieces: list[list[Token]] = [[]]
    for token in run.tokens:
        if based := _BASED.search(token.text):  # "Texas-based": where it is, Texas
            stem = token.text[: based.start()]
            token = Token(stem, Span(token.span.start, token.span.start + len(stem)))
            pieces.append([token])
            pieces.append([])
            continue
        word = fold(token.text).rstrip(".")
        if (
            word in ROLE_WORDS
            or word in FUNCTION_WORDS
            or word in MONTH_AND_DAY_NAMES
            or _inside_any(token.span, taken)
        ):
            pieces.append([])
            continue
        pieces[-1].append(token)
        if token.possessive:
            pieces.append([])
    return [
        piece for piece in pieces if piece and fold(piece[-1].text) not in ORG_WORDS
    ]  # fmt: skip


def _list_cues(text: str, runs: list[Run]) -> dict[int, str]:
    """Kinds given to whole lists: "the Murmansk and Amur regions", "airfields including A, B"."""
    cues: dict[int, str] = {}
    index = 0
    while index < len(runs):
        group = [index]
        while group[-1] + 1 < len(runs):
            gap = text[runs[group[-1]].span.end : runs[group[-1] + 1].span.start]
            if not _LIST_GAP.match(gap):
                break
            group.append(group[-1] + 1)
        first, last = runs[group[0]].span, runs[group[-1]].span
        after = _CUE_AFTER.match(text, last.end)
        if after and _INDEFINITE.search(text, max(0, first.start - 24), first.start):
            after = None  # "a former Ottoman palace": a description, not a name
        before = _CUE_BEFORE.search(text, max(0, first.start - 40), first.start)
        cue = after["cue"] if after else (before["cue"] or before["one"]) if before else None
        kind = PLACE_CUES.get(cue.lower(), "airfield") if cue else None
        for member in group:
            if kind is not None:
                cues[member] = kind
            elif _IN_A_REGION.match(text, runs[member].span.end):
                cues[member] = "place"  # "Belaya in the Irkutsk region"
        index = group[-1] + 1
    return cues


def countries_of(candidates: list[PlaceCandidate]) -> frozenset[str]:
    """The countries an article is about: those it names, and those of the great cities it names."""
    codes = set()
    for candidate in candidates:
        for place in gazetteer().places(_name(candidate.tokens)):
            if place.kind == "country" or place.population >= WELL_KNOWN:
                codes.add(place.country)
                break
    return frozenset(code for code in codes if code)


def _name(tokens: tuple[Token, ...] | list[Token]) -> str:
    return " ".join(token.text for token in tokens)


def _place(text: str, candidate: PlaceCandidate, context: Container[str]) -> PlaceMention | None:
    tokens = candidate.tokens
    for length in range(min(len(tokens), LONGEST_NAME), 0, -1):
        for start in range(len(tokens) - length + 1):
            piece = tokens[start : start + length]
            whole = length == len(tokens)
            if not whole and not _may_name_a_place(piece):
                continue  # a part of a run is a place only by the gazetteer or a site's word
            found = _match(text, piece, candidate, context, whole=whole)
            if found is not None:
                return found
    return None


def _may_name_a_place(piece: tuple[Token, ...]) -> bool:
    last = fold(piece[-1].text)
    return (len(piece) >= 2 and (last in SITE_WORDS or last in _WORLD_ENDS)) or bool(
        gazetteer().rows(fold(" ".join(token.text for token in piece)))
    )


def _match(
    text: str,
    piece: tuple[Token, ...],
    candidate: PlaceCandidate,
    context: Container[str],
    whole: bool,
) -> PlaceMention | None:
    span = Span(piece[0].span.start, piece[-1].span.end)
    if piece[-1].possessive and gazetteer().rows(fold(text[span.start : span.end + 2])):
        span = Span(span.start, span.end + 2)  # "St. John's": the name ends on its "'s"
    written = span.of(text)
    last = fold(piece[-1].text)
    sentence = candidate.run.sentence
    if len(piece) == 2 and last in _WORLD_ENDS and _WORLD_PART.match(fold(written)):
        return PlaceMention(span, written, "region", sentence)  # "Latin America": not the US
    if len(piece) == 1 and last in _COMPASS:
        return None  # "the West", "North": a direction, or a part of the world unnamed
    if text.startswith("$", span.end):
        return None  # "US$": a currency
    if text.endswith(" of ", 0, span.start) and _OF_A_TITLE.search(
        text, max(0, span.start - 60), span.start
    ):
        return None  # "Queen Margrethe of Denmark": her title, not where anything happens
    if (
        whole
        and text.endswith(", ", 0, span.start)
        and (division := _state_of_a_city(text, span, context)) is not None
    ):
        return PlaceMention(span, written, "region", sentence, division.id, division.country)
    if len(piece) >= 2 and last in SITE_WORDS and not _unlikely(piece[0]):
        return PlaceMention(span, written, SITE_WORDS[last], sentence, within=_within(text, span))
    if any(_unlikely(token) for token in piece):
        return None
    cue = candidate.cue if whole else None
    if cue is not None and any(place.kind == "country" for place in gazetteer().places(written)):
        cue = None  # "the regions of Russia": the cue is for the list, not for the country
    if cue == "region" and _ADJECTIVE.search(written) and not gazetteer().places(written):
        return None  # "the Siberian region": an adjective, not a name
    if cue == "region":
        regions = gazetteer().regions(written, context)
        if len(regions) == 1 or (regions and len({region.country for region in regions}) == 1):
            region = regions[0]
            return PlaceMention(span, written, "region", sentence, region.id, region.country)
        return PlaceMention(span, written, "region", sentence)
    state = _state_after(text, span, context) if whole and text.startswith(",", span.end) else None
    certain = (
        len(piece) > 1
        or _at_dateline(text, span)
        or state is not None
        or bool(_HOMETOWN.search(text, max(0, span.start - 12), span.start))
    )
    located = (
        whole
        and _after_locative(text, span)
        and not (len(piece) == 1 and given_names()(piece[0].text))
    )
    place = _gazetteer_place(written, context if whole else frozenset(), certain, state, located)
    if (
        place is not None
        and len(piece) == 1
        and place.kind == "city"
        and place.population < WELL_KNOWN
        and speaks(text, span)
    ):
        return None  # "Rubiales said": a person, though a town of Spain has the name
    if place is not None and place.kind == "country" and _modifies_a_title(text, span):
        return None  # "US President", "US district judge", "U.S.-led": an adjective here
    if place is not None:
        within = state.name if state is not None else None
        kind = cue if cue in _AREA_CUES else place.kind  # "the Gaza hospital": Gaza is a city
        return PlaceMention(span, written, kind, sentence, place.id, place.country, within)
    if state is not None and len(piece) <= 3:
        return PlaceMention(span, written, "city", sentence, country=state.country,
                            within=state.name)  # fmt: skip
    if cue is not None:
        return PlaceMention(span, written, cue, sentence, within=_within(text, span))
    if (
        whole
        and not piece[-1].possessive
        and not headline_case(text)  # "Set to Testify to Congress": no place
        and _after_locative(text, span)
        and _ends_phrase(text, span)
        and not (len(piece) == 1 and given_names()(piece[0].text))
        and fold(written) not in _COMPASS  # "in the West": no place
        and fold(piece[-1].text) not in THING_WORDS  # "at the Macworld Conference": no place
    ):
        return PlaceMention(span, written, "place", sentence, within=_within(text, span))
    return None


def _at_dateline(text: str, span: Span) -> bool:
    """ "WASHINGTON (Reuters) —", "BEIJING, March 4 —": where a report was filed."""
    return span.start == 0 and bool(_DATELINE_AFTER.match(text, span.end))


def _state_after(text: str, span: Span, context: Container[str]) -> Place | None:
    """ "Springfield, Illinois", "Sunnyvale, Calif.": the state a city is said to be in."""
    after = _STATE_AFTER.match(text, span.end)
    return _division(after["state"], context) if after else None


def _state_of_a_city(text: str, span: Span, context: Container[str]) -> Place | None:
    """The state of "City, State", from the state's side: "Calif." after "Sunnyvale, "."""
    if not _CITY_BEFORE.search(text, max(0, span.start - 40), span.start):
        return None
    abbreviated = text.startswith(".", span.end)  # "Calif."
    return _division(span.of(text) + "." * abbreviated, context)


def _division(name: str, context: Container[str]) -> Place | None:
    """A first-level division by its name or its short form, of the article's countries if
    any has one."""
    for place in gazetteer().places(name.rstrip(".")):
        if place.kind == "region" and gazetteer().is_first_level(place):
            return place
    if "." in name or name.isupper():
        for country in ("US", *(code for code in gazetteer().countries if code in context)):
            if country in context or country == "US":
                division = gazetteer().division(name, country)
                if division is not None:
                    return division
    return None


def _modifies_a_title(text: str, span: Span) -> bool:
    """ "US President", "US district judge", "U.S.-led": the country names a title's owner."""
    following = _FOLLOWING.match(text, span.end)
    if following is None:
        return False
    if following["joined"]:
        return True
    first, second = fold(following["first"] or ""), fold(following["second"] or "")
    return first in ROLE_WORDS or (
        first in ROLE_MODIFIERS | _TITLE_ADJECTIVES and second in ROLE_WORDS
    )


def _after_locative(text: str, span: Span) -> bool:
    before = text[max(0, span.start - 16) : span.start]
    return bool(LOCATIVE.search(before)) and not before.rstrip().lower().endswith("according to")


def _unlikely(token: Token) -> bool:
    return _unlikely_word(token.text, token.is_acronym)


@functools.lru_cache(maxsize=1 << 16)
def _unlikely_word(text: str, acronym: bool) -> bool:
    """Words that are never (part of) a place's name here."""
    word = fold(text).rstrip(".")
    if "-" in word and all(
        is_demonym(part) or gazetteer().places(part) for part in word.split("-")
    ):
        return True  # "Russia-Ukraine", "Russian-Ukrainian"
    return (
        word in ORG_WORDS
        or word in FUNCTION_WORDS
        or word in MONTH_AND_DAY_NAMES
        or word in languages()
        or (acronym and not gazetteer().places(text))
        or is_demonym(text)
    )


def _gazetteer_place(
    written: str,
    context: Container[str],
    certain: bool,
    state: Place | None = None,
    located: bool = False,
) -> Place | None:
    """The gazetteer's place of that name, unless it is a small town far from the article's
    countries: "Amur" in a story about Russia is not the town in India. A city said to be in a
    state ("Sunnyvale, Calif.") is that state's; a large city or a country's state or province
    the text puts something in (`located`: "walked out in Bergen", "in California") is that."""
    places = gazetteer().places(written)
    if state is not None:
        places = tuple(p for p in places if p.country == state.country and p.kind == "city")
    for place in places:
        if place.kind in ("country", "continent"):
            return place
        if certain or place.population >= WELL_KNOWN or place.country in context:
            return place
        if located and (place.population >= LOCATED or gazetteer().is_first_level(place)):
            return place  # "in Bergen", "in California": a great city, a state
    return None


def _ends_phrase(text: str, span: Span) -> bool:
    """A name of a place is not followed by a noun it qualifies ("in Western media")."""
    following = _NEXT_WORD.match(text, span.end)
    if following is None:
        return True
    word = following.group(1)
    return word in FUNCTION_WORDS or word in _ADVERBS or word.endswith("ly")


def _within(text: str, span: Span) -> str | None:
    """The place the text puts a site in: "the Çırağan Palace in Istanbul", "Istanbul's Palace"."""
    after = _WITHIN_AFTER.match(text, span.end)
    if after:
        return after["name"]
    before = text[max(0, span.start - 40) : span.start]
    owner = re.search(r"(\S+?)['’]s\s+(?:[a-z]+\s+){0,3}$", before)
    if owner and owner.group(1)[:1].isupper():
        return owner.group(1)
    return None


_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z]{4,}(?![\w'’-])")


def _lowercase_cities(text: str, sentences: list[Span]) -> list[PlaceMention]:
    """Great cities written in lower case, as careless pages do ("accepted by kyiv")."""
    names = gazetteer().lowercase_names
    if not names.intersection(_LOWER_WORD.findall(text)):
        return []
    found = []
    for match in _LOWER_WORD.finditer(text):
        if match.group() in names:
            place = gazetteer().places(match.group())[0]
            sentence = sentence_index(sentences, match.start())
            found.append(
                PlaceMention(
                    Span(*match.span()), match.group(), "city", sentence, place.id, place.country
                )
            )
    return found
