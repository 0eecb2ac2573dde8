"""What one article says: its sentences, time expressions, people and places.

Extraction reads one article and nothing else, so its result can be cached by the article's
content: the same text always gives the same facts. Work is done sentence by sentence, and a
sentence met before (a wire's boilerplate, a syndicated paragraph) is not read again: its facts
are remembered, together with what they depended on outside the sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TypeVar

from briefing.extract.fingerprint import fingerprint
from briefing.extract.furniture import captions
from briefing.extract.gazetteer import gazetteer
from briefing.extract.lexicon import fold
from briefing.extract.organisations import find_organisations
from briefing.extract.people import find_people
from briefing.extract.places import (
    WELL_KNOWN,
    PlaceCandidate,
    countries_of,
    place_candidates,
    places_of,
)
from briefing.extract.runs import find_runs
from briefing.extract.sentences import split_sentences
from briefing.extract.tense import quoted_after
from briefing.extract.timex import find_times
from briefing.model import (
    ArticleFacts,
    OrganisationMention,
    PersonMention,
    PlaceMention,
    Span,
    TimeMention,
)

REMEMBERED_SENTENCES = 50_000
_M = TypeVar("_M", TimeMention, PersonMention, PlaceMention, OrganisationMention)


def extract(text: str) -> ArticleFacts:
    """The facts in an article's cleaned text."""
    sentences = split_sentences(text)
    # A lone capitalised word the article also writes in lower case ("Analysts said", "the
    # analysts") is a word that starts a sentence: no name of anybody, anywhere or any body.
    lower = _lower_case_words(text)
    parts = [
        _read(span.of(text), quoted, _opens_with_a_word(span.of(text), lower))
        for span, quoted in zip(sentences, _quote_states(text, sentences), strict=True)
    ]
    context = frozenset().union(*(part.countries for part in parts))
    times: list[TimeMention] = []
    people: list[PersonMention] = []
    places: list[PlaceMention] = []
    organisations: list[OrganisationMention] = []
    for index, (span, part) in enumerate(zip(sentences, parts, strict=True)):
        times.extend(_moved(mention, span.start, index) for mention in part.times)
        people.extend(_moved(mention, span.start, index) for mention in part.people)
        organisations.extend(_moved(mention, span.start, index) for mention in part.organisations)
        places.extend(
            _moved(mention, span.start, index) for mention in _places(span.of(text), part, context)
        )
    # A place found only by a preposition ("looked at Bankman-Fried as...") that is somebody's
    # surname is that person; a lone word that is a place's name ("Istanbul said") is the place.
    surnames = {fold(person.name.split()[-1]) for person in people if person.evidence != "surname"}
    places = [
        place
        for place in places
        if fold(place.name) not in surnames or (place.place_id is not None and _well_known(place))
    ]
    # A name the article shows to be a body's is one wherever the article writes it: not a
    # person ("Apple Computer"), not a place ("Delta"), not a surname.
    # ...unless the article names a person so, in full ("Boris Johnson ... Johnson said its").
    names = {
        fold(part)
        for p in people
        if p.evidence != "surname"
        for part in (p.name, p.name.split()[-1])
    }
    organisations = [
        org for org in organisations if org.evidence == "name" or fold(org.name) not in names
    ]
    bodies = {fold(org.name) for org in organisations if org.evidence != "bare"}
    # ... and a word of a body's name is no place of its own ("reached out to Polar Prince"),
    # unless the gazetteer knows it; but a body's first word is not the body wherever the
    # article writes it: "The Maui News" does not make "flights to Maui" a newspaper's
    named_bodies = [org.span for org in organisations if fold(org.name) in bodies]
    places = [
        place
        for place in places
        if place.kind == "country"
        or (
            fold(place.name) not in bodies
            and (place.place_id or not any(_inside(place.span, body) for body in named_bodies))
        )
    ]
    taken = {place.span.start for place in places}
    people = [
        person
        for person in people
        if fold(person.name) not in bodies
        and (
            person.evidence != "surname"
            or (person.span.start not in taken and person.name.casefold() not in lower)
        )
    ]
    organisations = _organisations(organisations, people, places, bodies, lower)
    furniture = captions(text, sentences)
    if furniture:
        people = [m for m in people if m.sentence not in furniture]
        places = [m for m in places if m.sentence not in furniture]
        organisations = [m for m in organisations if m.sentence not in furniture]
    return ArticleFacts(
        tuple(sentences),
        tuple(times),
        tuple(people),
        tuple(places),
        fingerprint(text),
        tuple(organisations),
        furniture,
    )


def _inside(span: Span, other: Span) -> bool:
    return other.start <= span.start and span.end <= other.end


_STRONG_PERSON = frozenset({"name", "title"})  # a given name or initials, a title before it


def _settle(
    people: list[PersonMention], organisations: list[OrganisationMention]
) -> tuple[list[PersonMention], list[OrganisationMention]]:
    """Where a name is read both as a person's and as a body's, the stronger evidence wins: a
    body's own words ("Apple Computer Inc.") over anything; a given name or a title ("Vladimir
    Putin") over what the words around say ("Putin ... its")."""

    def overlap(a: Span, b: Span) -> bool:
        return a.start < b.end and b.start < a.end

    strong = [p.span for p in people if p.evidence in _STRONG_PERSON]
    organisations = [
        org
        for org in organisations
        if org.evidence in ("name", "bare") or not any(overlap(org.span, s) for s in strong)
    ]
    bodies = [org.span for org in organisations if org.evidence != "bare"]
    named = [org.span for org in organisations if org.evidence == "name"]
    people = [
        person
        for person in people
        if not any(overlap(person.span, body) for body in named)
        and (person.evidence in _STRONG_PERSON or not any(overlap(person.span, b) for b in bodies))
    ]
    return people, organisations


def _organisations(
    found: list[OrganisationMention],
    people: list[PersonMention],
    places: list[PlaceMention],
    bodies: set[str],
    lower: set[str],
) -> list[OrganisationMention]:
    """The article's bodies: those with evidence, and bare names that are not somebody's, not a
    place (here, or anywhere in the article: "on Maui" makes "the Maui fires" the island's)
    and not a common word (the article writes them in lower case too)."""
    place_names = {fold(place.name) for place in places}
    named: dict[int, list[Span]] = {}
    for person in people:
        if person.evidence != "surname":
            named.setdefault(person.sentence, []).append(person.span)
    for place in places:
        named.setdefault(place.sentence, []).append(place.span)
    kept = []
    for org in found:
        if org.evidence in ("context", "acronym", "bare") and org.name.casefold() in lower:
            continue  # "Some said ...", "Five years after its launch": a common word
        near = named.get(org.sentence, ())
        if org.evidence == "bare" and fold(org.name) in place_names - bodies:
            continue
        if org.evidence == "bare" and fold(org.name) not in bodies:
            if any(span.start < org.span.end and org.span.start < span.end for span in near):
                continue
        elif any(span.start <= org.span.start and org.span.end <= span.end for span in near):
            continue
        kept.append(org)
    return kept


def _well_known(place: PlaceMention) -> bool:
    """A country, a state or a great city: not a village some surname shares ("Kellogg")."""
    return any(
        found.id == place.place_id and (found.kind != "city" or found.population >= WELL_KNOWN)
        for found in gazetteer().places(place.name)
    )


_WORD = re.compile(r"[\w’'-]+")


def _lower_case_words(text: str) -> set[str]:
    return {word for word in _WORD.findall(text) if word[0].islower()}


@dataclass(frozen=True, slots=True)
class _Sentence:
    """What one sentence says on its own; offsets are from the sentence's start."""

    times: tuple[TimeMention, ...]
    people: tuple[PersonMention, ...]
    candidates: tuple[PlaceCandidate, ...]
    countries: frozenset[str]  # the countries it names, which tell where the article is
    organisations: tuple[OrganisationMention, ...]


_FIRST_WORD = re.compile(r"[\W\d_]*([^\W\d_][\w’'-]*)")


def _opens_with_a_word(sentence: str, lower: set[str]) -> bool:
    """Whether a sentence opens with a capitalised word its article also writes in lower case,
    or its singular or plural."""
    first = _FIRST_WORD.match(sentence)
    if first is None:
        return False
    word = first.group(1).lower()
    return word in lower or word.removesuffix("s") in lower or f"{word}s" in lower


@lru_cache(maxsize=REMEMBERED_SENTENCES)
def _read(sentence: str, quoted: bool, opens_with_a_word: bool = False) -> _Sentence:
    whole = [Span(0, len(sentence))]
    runs = find_runs(sentence, whole)
    if opens_with_a_word:  # "Analysts said ...": the opening word alone names nobody
        runs = [run for run in runs if not (run.at_sentence_start and len(run.tokens) == 1)]
    people = find_people(sentence, whole, runs)
    organisations = find_organisations(sentence, runs, people)
    people, organisations = _settle(people, organisations)
    bodies = [org.span for org in organisations if org.evidence != "bare"]
    candidates = place_candidates(sentence, runs, people, bodies)
    times = find_times(sentence, whole, quoted_at_start=quoted)
    return _Sentence(
        tuple(times),
        tuple(people),
        tuple(candidates),
        countries_of(candidates),
        tuple(organisations),
    )


class _Asked:
    """The article's countries, noting which ones a sentence asked about."""

    def __init__(self, countries: frozenset[str]) -> None:
        self.countries = countries
        self.asked: dict[str, bool] = {}

    def __contains__(self, code: object) -> bool:
        answer = code in self.countries
        self.asked[str(code)] = answer
        return answer


_remembered_places: dict[str, tuple[tuple[PlaceMention, ...], dict[str, bool]]] = {}


def _places(sentence: str, part: _Sentence, context: frozenset[str]) -> tuple[PlaceMention, ...]:
    """The sentence's places, which may depend on the article's countries ("Amur" is not the
    Indian town in an article about Russia): remembered with the answers they depended on."""
    remembered = _remembered_places.get(sentence)
    if remembered is not None and all(
        (code in context) == answer for code, answer in remembered[1].items()
    ):
        return remembered[0]
    asked = _Asked(context)
    found = tuple(places_of(sentence, [Span(0, len(sentence))], list(part.candidates), asked))
    if len(_remembered_places) >= REMEMBERED_SENTENCES:
        _remembered_places.clear()
    _remembered_places[sentence] = (found, asked.asked)
    return found


def _moved(mention: _M, offset: int, sentence: int) -> _M:
    """A mention found in a sentence, placed in its article (as `_replace` would, faster)."""
    values = list(mention)
    values[0] = Span(mention.span.start + offset, mention.span.end + offset)
    values[_SENTENCE_FIELD[type(mention)]] = sentence
    return tuple.__new__(type(mention), values)


_SENTENCE_FIELD = {
    kind: kind._fields.index("sentence")
    for kind in (TimeMention, PersonMention, PlaceMention, OrganisationMention)
}
assert all(kind._fields[0] == "span" for kind in _SENTENCE_FIELD)


def _quote_states(text: str, sentences: list[Span]) -> list[bool]:
    """Whether each sentence begins inside a quotation that an earlier one opened."""
    states = []
    inside = False
    previous_end = 0
    for span in sentences:
        if "\n" in text[previous_end : span.start]:
            inside = False  # a quotation does not run on into a new paragraph unclosed
        states.append(inside)
        inside = quoted_after(span.of(text), inside)
        previous_end = span.end
    return states
