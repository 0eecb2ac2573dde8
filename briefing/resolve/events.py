"""Events: every dated sentence in the corpus, gathered into the happenings they report.

Each time expression that resolves to a date makes an event mention: the date, the sentence, and
the people, venues and kinds of happening ("talks", "attack", "visit") around it. Mentions on the
same date join when they share a venue (a palace counts as its city), or a person or a kind of
happening with nothing setting them apart; "the second round in Istanbul on June 2", reported by
five articles, is one event with five sources.
"""

from __future__ import annotations

import math
import re
import zlib
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from briefing.extract.lexicon import EVENT_WORDS, FUNCTION_WORDS, MONTH_AND_DAY_NAMES, fold
from briefing.extract.sentences import clause_around
from briefing.model import ArticleFacts, DateSpan, Event, Mention, Person, Span, Venue
from briefing.resolve.anchors import Anchored
from briefing.resolve.dates import resolve

TITLE_LIMIT = 90  # characters
_WORD = re.compile(r"[\w’'-]+")


@dataclass(frozen=True, slots=True)
class _Mention:
    article: str
    span: Span
    sentence: Span
    when: DateSpan
    people: frozenset[str]
    places: frozenset[str]  # venues other than countries, with the venues they lie in
    kinds: frozenset[str]
    words: frozenset[str]
    title: str  # what the mention would make as an event's title
    alone: bool  # the only date in its sentence
    reported: bool  # told after the fact: the article is dated on or after the event


def build_events(
    facts: Mapping[str, ArticleFacts],
    texts: Mapping[str, str],
    anchored: Mapping[str, Anchored],
    people: Sequence[Person],
    venues: Sequence[Venue],
    groups: Mapping[str, str],
) -> list[Event]:
    mentions = _event_mentions(facts, texts, anchored, people, venues)
    by_date: dict[tuple[object, ...], list[_Mention]] = defaultdict(list)
    for mention in mentions:
        by_date[(mention.when.start, mention.when.end)].append(mention)
    weight = _word_weights(mentions)
    events = [
        _event(cluster, people, venues, groups)
        for same_day in by_date.values()
        for cluster in _clusters(same_day, weight)
    ]
    events.sort(key=lambda event: (event.when.sort_key, -event.sources, event.title))
    return events


def _word_weights(mentions: Sequence[_Mention]) -> dict[str, float]:
    """How telling each word is: words that most mentions share ("talks", "Russia") weigh little."""
    counts = Counter(word for mention in mentions for word in mention.words)
    total = len(mentions) + 1
    return {word: math.log(total / count) for word, count in counts.items()}


# -- mentions -------------------------------------------------------------------------------------


def _event_mentions(
    facts: Mapping[str, ArticleFacts],
    texts: Mapping[str, str],
    anchored: Mapping[str, Anchored],
    people: Sequence[Person],
    venues: Sequence[Venue],
) -> list[_Mention]:
    person_at = {(m.article, m.span.start): person.id for person in people for m in person.mentions}
    venue_at = {(m.article, m.span.start): venue for venue in venues for m in venue.mentions}
    ancestors = _ancestors(venues)
    found = []
    for article, article_facts in facts.items():
        text = texts[article]
        written = anchored[article].date.earliest
        dated = [
            (mention, resolve(mention, anchored[article].anchor)) for mention in article_facts.times
        ]
        for mention, when in dated:
            if when is None:
                continue
            sentence = article_facts.sentences[mention.sentence]
            neighbours = [other.span for other, _ in dated if other.sentence == mention.sentence]
            segment = _segment(text, mention.span, sentence, neighbours)
            people_here = {
                person_at[(article, p.span.start)]
                for p in article_facts.people
                if p.sentence == mention.sentence and (article, p.span.start) in person_at
            }
            places_here: set[str] = set()
            for place in article_facts.places:
                venue = venue_at.get((article, place.span.start))
                if venue is not None and venue.kind != "country" and place.span.start in segment:
                    places_here.add(venue.id)
                    places_here.update(ancestors.get(venue.id, ()))
            words = _WORD.findall(segment.of(text).lower())
            sentence_words = _WORD.findall(sentence.of(text).lower())
            alone = len(neighbours) == 1
            found.append(
                _Mention(
                    article=article,
                    span=mention.span,
                    sentence=sentence,
                    when=when,
                    people=frozenset(people_here),
                    places=frozenset(places_here),
                    kinds=frozenset(EVENT_WORDS[word] for word in words if word in EVENT_WORDS),
                    words=frozenset(
                        word
                        for word in sentence_words
                        if len(word) > 3 and word not in FUNCTION_WORDS
                    ),
                    title=_title_text(text, sentence, mention.span),
                    alone=alone,
                    reported=written is not None and written >= when.start.first(),
                )
            )
    return found


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


def _ancestors(venues: Sequence[Venue]) -> dict[str, set[str]]:
    """For each venue, the venues it lies in; not countries, too wide to tell events apart."""
    by_id = {venue.id: venue for venue in venues}
    found: dict[str, set[str]] = {}
    for venue in venues:
        chain: set[str] = set()
        current = venue.within
        while current is not None and current not in chain and current in by_id:
            if by_id[current].kind != "country":
                chain.add(current)
            current = by_id[current].within
        found[venue.id] = chain
    return found


# -- clustering -----------------------------------------------------------------------------------


SAME_WORDS = 0.25  # share of the rarer mention's word weight two mentions must have in common


def _same_event(a: _Mention, b: _Mention, weight: Mapping[str, float]) -> bool:
    """Whether two mentions of one date report the same happening.

    In a corpus about one story, a day mostly stands for one thing; mentions part only when what
    they say sets them apart: an attack is not a meeting, and two statements are not one.
    """
    if a.article == b.article and a.sentence == b.sentence:
        return True  # one sentence seldom gives one date to two happenings
    if ("attack" in a.kinds) != ("attack" in b.kinds):
        return False
    if a.places & b.places or (a.kinds & b.kinds) - {"statement"}:
        return True
    told_a, told_b = a.kinds - {"statement"}, b.kinds - {"statement"}
    if told_a and told_b and not told_a & told_b:
        return False
    return bool(a.people & b.people) or _word_overlap(a.words, b.words, weight) >= SAME_WORDS


def _word_overlap(a: frozenset[str], b: frozenset[str], weight: Mapping[str, float]) -> float:
    smaller = min(sum(weight[word] for word in a), sum(weight[word] for word in b))
    return sum(weight[word] for word in a & b) / smaller if smaller else 0.0


def _clusters(mentions: list[_Mention], weight: Mapping[str, float]) -> list[list[_Mention]]:
    parent = list(range(len(mentions)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, a in enumerate(mentions):
        for j in range(i + 1, len(mentions)):
            if find(i) != find(j) and _same_event(a, mentions[j], weight):
                parent[find(j)] = find(i)
    clusters: dict[int, list[_Mention]] = defaultdict(list)
    loose: list[_Mention] = []
    for i, mention in enumerate(mentions):
        if mention.places or mention.people or mention.kinds:
            clusters[find(i)].append(mention)
        else:
            loose.append(mention)
    ordered = sorted(clusters.values(), key=len, reverse=True)
    if loose and ordered:
        ordered[0].extend(loose)  # a bare "on June 2" goes with what that day is known for
    elif loose:
        ordered.append(loose)
    return ordered


# -- events ---------------------------------------------------------------------------------------


def _event(
    cluster: list[_Mention],
    people: Sequence[Person],
    venues: Sequence[Venue],
    groups: Mapping[str, str],
) -> Event:
    cluster.sort(key=lambda mention: (mention.article, mention.span.start))
    when = _when(cluster)
    person_counts = Counter(person for mention in cluster for person in mention.people)
    venue_counts = Counter(venue for mention in cluster for venue in mention.places)
    title = _title(cluster)
    venue_ids = _most_mentioned(venue_counts)
    person_ids = _most_mentioned(person_counts)
    kinds = sorted({kind for mention in cluster for kind in mention.kinds})
    fingerprint = "|".join([*sorted(venue_ids[:2]), *sorted(person_ids[:2]), *kinds[:2]]) or title
    return Event(
        id=f"{when.iso().replace('/', '_')}-{zlib.crc32(fingerprint.encode()):08x}"[:24],
        when=when,
        title=title,
        people=person_ids,
        venues=venue_ids,
        mentions=tuple(Mention(m.article, m.span, m.sentence) for m in cluster),
        sources=len({groups.get(mention.article, mention.article) for mention in cluster}),
    )


def _most_mentioned(counts: Counter[str]) -> tuple[str, ...]:
    """Most mentioned first; ties in a fixed order, so that a briefing is the same every run."""
    return tuple(sorted(counts, key=lambda key: (-counts[key], key)))


def _when(cluster: list[_Mention]) -> DateSpan:
    """The date, with the time of day most mentions give (one with a time zone, if any does)."""
    timed = Counter((m.when.time, m.when.timezone) for m in cluster if m.when.time)
    base = cluster[0].when
    if not timed:
        return DateSpan(base.start, base.end)
    (time, zone), _ = max(timed.items(), key=lambda item: (item[0][1] is not None, item[1]))
    return DateSpan(base.start, base.end, time, zone)


_DROP_LEAD = re.compile(
    r"^(?:(?:however|meanwhile|earlier|later|also|moreover|still|yet|but|and|so|then|now|"
    r"at the same time|in addition|it should be recalled that|recall that|as a reminder|"
    r"according to [^,]{1,60}|on the eve of [^,]{1,40}),?\s+)+",
    re.IGNORECASE,
)
_DROP_TAIL = re.compile(
    r",\s*(?:[^,]{1,60}\s(?:said|says|added|noted|told [^,]{1,30})|according to [^,]{1,60})"
    r"\s*[.!]?$"
)
_LEADING_DATE = re.compile(
    r"^(?:(?:on|in|from|by|since|as of|late|early|later|earlier)\s+)?(?:the\s+)?$", re.IGNORECASE
)
_PRONOUN_START = re.compile(r"^(?:he|she|they|it|this|that|these|those|we|i)\b", re.IGNORECASE)


_CLAUSE_EDGE = re.compile(r"[;:—–]|,(?!\d)")
_SUBORDINATE = re.compile(
    r"^(?:while|as|after|although|though|despite|following|with|since|before|when|once|"
    r"in addition to|amid|and|but)\b[^,]*,\s*",
    re.IGNORECASE,
)
_NOT_A_SUBJECT = re.compile(
    r"^(?:was|were|is|are|has|have|had|will|would|which|who|that|though|although|while|when|as|"
    r"after|before|since|because|if|in|on|at|by|from|late|early|[a-z]+ed|[a-z]+ing)\b"
)
_NOT_CONTENT = FUNCTION_WORDS | MONTH_AND_DAY_NAMES
_DATE_WORD = re.compile(r"^(?:\d.*|late|early|later|earlier|mid-\w+)$", re.IGNORECASE)


def _title_text(text: str, sentence: Span, expression: Span) -> str:
    """A sentence as a title: the clause that holds the date if it stands on its own, else the
    sentence without a leading "On June 2," or "While ...,", asides and attribution."""
    words = clause_around(text, sentence, expression, _CLAUSE_EDGE).of(text).strip(" ,;:–—")
    if not _stands_alone(words):
        words = sentence.of(text)
        head = text[sentence.start : expression.start]
        if _LEADING_DATE.match(head) and text.startswith(",", expression.end):
            words = text[expression.end + 1 : sentence.end]
    words = words.strip(" ,;:–—")
    shorter = _SUBORDINATE.sub("", words)
    if len(shorter.split()) >= 5:
        words = shorter
    words = _DROP_LEAD.sub("", words)
    words = _DROP_TAIL.sub("", words).rstrip(" .,;:–—")
    return words[:1].upper() + words[1:]


def _stands_alone(clause: str) -> bool:
    """Whether a clause reads as a sentence: a subject first, and more to it than its date."""
    words = clause.split()
    content = [
        word for word in words
        if fold(word.strip(",.")) not in _NOT_CONTENT and not _DATE_WORD.match(word)
    ]  # fmt: skip
    return len(words) >= 5 and len(content) >= 3 and not _NOT_A_SUBJECT.match(clause)


def _title(cluster: list[_Mention]) -> str:
    """A short readable title: the mention closest to what all of them say, cut short."""
    every_word: Counter[str] = Counter(word for mention in cluster for word in mention.words)
    shared = {
        id(mention): sum(every_word[word] - 1 for word in mention.words)
        / max(1, len(mention.words))
        for mention in cluster
    }
    most_shared = max(shared.values()) or 1.0

    def score(mention: _Mention) -> float:
        length = len(mention.title.split())
        penalty = max(0, length - 16) + max(0, 5 - length) * 4
        penalty += 6 * ("?" in mention.title) + 3 * any(mark in mention.title for mark in '“”"')
        penalty += 4 * bool(_PRONOUN_START.match(mention.title))
        typical = shared[id(mention)] / most_shared * 10
        return typical + 3 * mention.alone + 3 * mention.reported - penalty

    return _shorten(max(cluster, key=score).title)


def _shorten(title: str) -> str:
    if len(title) <= TITLE_LIMIT:
        return title
    cut = max(
        title.rfind(mark, 0, TITLE_LIMIT) for mark in (", ", " and ", " as ", " while ", " after ")
    )
    if cut < TITLE_LIMIT // 2:
        cut = title.rfind(" ", 0, TITLE_LIMIT)
    return title[:cut].rstrip(" ,;:") + "…"
