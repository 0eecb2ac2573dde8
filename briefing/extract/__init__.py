"""What one article says: its sentences, time expressions, people and places.

Extraction reads one article and nothing else, so its result can be cached by the article's
content: the same text always gives the same facts.
"""

from __future__ import annotations

from briefing.extract.people import find_people
from briefing.extract.places import find_places
from briefing.extract.runs import find_runs
from briefing.extract.sentences import split_sentences
from briefing.extract.timex import find_times
from briefing.model import ArticleFacts, Span


def extract(text: str) -> ArticleFacts:
    """The facts in an article's cleaned text."""
    sentences = split_sentences(text)
    runs = find_runs(text, sentences)
    people = find_people(text, sentences, runs)
    places = find_places(text, sentences, runs, people)
    place_spans = [place.span for place in places]
    people = [
        person
        for person in people
        if person.evidence != "surname"
        or not any(_overlap(person.span, span) for span in place_spans)
    ]
    times = find_times(text, sentences)
    return ArticleFacts(tuple(sentences), tuple(times), tuple(people), tuple(places))


def _overlap(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end
