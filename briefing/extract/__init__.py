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
from briefing.extract.lexicon import fold
from briefing.extract.people import find_people
from briefing.extract.places import (
    PlaceCandidate,
    countries_of,
    place_candidates,
    places_of,
)
from briefing.extract.runs import find_runs
from briefing.extract.sentences import split_sentences
from briefing.extract.tense import quoted_after
from briefing.extract.timex import find_times
from briefing.model import ArticleFacts, PersonMention, PlaceMention, Span, TimeMention

REMEMBERED_SENTENCES = 50_000
_M = TypeVar("_M", TimeMention, PersonMention, PlaceMention)


def extract(text: str) -> ArticleFacts:
    """The facts in an article's cleaned text."""
    sentences = split_sentences(text)
    parts = [
        _read(span.of(text), quoted)
        for span, quoted in zip(sentences, _quote_states(text, sentences), strict=True)
    ]
    context = frozenset().union(*(part.countries for part in parts))
    times: list[TimeMention] = []
    people: list[PersonMention] = []
    places: list[PlaceMention] = []
    for index, (span, part) in enumerate(zip(sentences, parts, strict=True)):
        times.extend(_moved(mention, span.start, index) for mention in part.times)
        people.extend(_moved(mention, span.start, index) for mention in part.people)
        places.extend(
            _moved(mention, span.start, index) for mention in _places(span.of(text), part, context)
        )
    # A place found only by a preposition ("looked at Bankman-Fried as...") that is somebody's
    # surname is that person; a lone word that is a place's name ("Istanbul said") is the place.
    surnames = {fold(person.name.split()[-1]) for person in people if person.evidence != "surname"}
    places = [
        place for place in places if place.place_id is not None or fold(place.name) not in surnames
    ]
    # A lone capitalised word the article also writes in lower case ("Analysts said", "the
    # analysts") is a word that starts a sentence, not a surname.
    taken = {place.span.start for place in places}
    lower = _lower_case_words(text) if any(p.evidence == "surname" for p in people) else set()
    people = [
        person
        for person in people
        if person.evidence != "surname"
        or (person.span.start not in taken and person.name.casefold() not in lower)
    ]
    return ArticleFacts(
        tuple(sentences), tuple(times), tuple(people), tuple(places), fingerprint(text)
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


@lru_cache(maxsize=REMEMBERED_SENTENCES)
def _read(sentence: str, quoted: bool) -> _Sentence:
    whole = [Span(0, len(sentence))]
    runs = find_runs(sentence, whole)
    people = find_people(sentence, whole, runs)
    candidates = place_candidates(sentence, runs, people)
    times = find_times(sentence, whole, quoted_at_start=quoted)
    return _Sentence(tuple(times), tuple(people), tuple(candidates), countries_of(candidates))


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
    kind: kind._fields.index("sentence") for kind in (TimeMention, PersonMention, PlaceMention)
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
