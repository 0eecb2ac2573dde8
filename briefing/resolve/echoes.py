"""Undated mentions: sentences that tell of a happening without dating it ("Fifa has
provisionally suspended Rubiales", "after the bridge collapsed"), each joined to the event it
clearly agrees with.

A sentence is held against the events that name what happened as it does (a kind of happening)
with somebody or somewhere in common, within a season before its article; it joins the one whose
words it agrees with clearly best, unless its article dates that one already. It never makes an
event. Whenever an event it might tell of changes, it is matched again: the events work out the
dated mentions first, and undated ones follow them, so a first build and any chain of updates
agree.
"""

from __future__ import annotations

import sys
import zlib
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date, timedelta
from typing import NamedTuple

from briefing.extract.lexicon import EVENT_WORDS
from briefing.extract.tense import tense_at
from briefing.model import ArticleFacts, DateSpan, Span, Tense
from briefing.resolve.events import (
    CLEARLY_BEST,
    NOT_TELLING,
    WORD,
    EventInput,
    EventState,
    block_of,
    frequency_of,
    kinds_of,
    overlap,
)
from briefing.resolve.state import Backing, Index, Table

ECHO_WORDS_SHARE = 0.3  # of an undated sentence's word weight, what an event must say too
ECHO_THROUGHOUT = 3  # sentences: a word in this many of an article's (and a quarter of them)
ECHO_SPREAD = 0.25  # is what the article is about throughout, no sign of one happening
ECHO_CANDIDATES = 30  # events an undated sentence may be held against; more, and it is vague
ECHO_REACH = 92  # days: how far back an undated sentence may tell of (a season)
ECHO_WORDS = 4  # telling words an undated sentence needs to be matched at all


class EchoInput(NamedTuple):
    """A sentence that tells of a happening without a date of its own."""

    sentence: int
    span: Span  # the word that says what happened, or the sentence
    written: date | None  # its article's date: a report comes after what it tells
    places: frozenset[str]
    people: frozenset[str]
    kinds: frozenset[str]
    words: frozenset[str]


def echo_inputs(
    text: str,
    facts: ArticleFacts,
    dated: Sequence[EventInput],
    written: date | None,
    person_links: Sequence[str | None],
    venue_links: Sequence[str],
) -> list[EchoInput]:
    """The article's sentences that name somebody or somewhere and tell what happened, with no
    date that put them on the timeline already; not what is still to come."""
    taken = {item.sentence for item in dated} | facts.furniture
    people: dict[int, set[str]] = defaultdict(set)
    places: dict[int, set[str]] = defaultdict(set)
    for person, link in zip(facts.people, person_links, strict=True):
        if link is not None:
            people[person.sentence].add(link)
    for place, link in zip(facts.places, venue_links, strict=True):
        places[place.sentence].add(link)
    told: list[tuple[int, frozenset[str], list[tuple[str, int]], Span]] = []
    for index in sorted(people.keys() | places.keys()):
        if index in taken:
            continue
        sentence = facts.sentences[index]
        found = [(w.group().lower(), w.start()) for w in WORD.finditer(text, *sentence)]
        kinds = kinds_of([word for word, _ in found])
        said = next((Span(at, at + len(word)) for word, at in found
                     if EVENT_WORDS.get(word, "statement") != "statement"), None)  # fmt: skip
        if said is not None and tense_at(text, sentence, said) is not Tense.FUTURE:
            told.append((index, frozenset(kinds), found, said))  # not what is still to come
    if not told:
        return []
    # what the article is about throughout ("Cavalcante", "bridge") tells one happening from
    # another no better than "said"
    spread = Counter(
        word
        for sentence in facts.sentences
        for word in set(WORD.findall(sentence.of(text).lower()))
    )
    throughout = max(ECHO_THROUGHOUT, len(facts.sentences) * ECHO_SPREAD)
    echoes = []
    for index, kinds_told, found, said in told:
        named = [p.span for p in facts.people if p.sentence == index]
        words = frozenset(  # what it says happened; who, the people it names say
            sys.intern(word)
            for word, at in found
            if len(word) > 3
            and word not in NOT_TELLING
            and EVENT_WORDS.get(word) != "statement"  # "said", "announced"
            and spread[word] < throughout
            and not any(span.start <= at < span.end for span in named)
        )
        if len(words) >= ECHO_WORDS:
            echoes.append(
                EchoInput(
                    index,
                    said,
                    written,
                    frozenset(places[index]),
                    frozenset(people[index]),
                    kinds_told,
                    words,
                )
            )
    return echoes


class Echo(NamedTuple):
    """An undated sentence as kept, with the event it was last found to tell of."""

    seed: str  # the id its article links it by; `merged` sends it to its event
    article: int
    input: EchoInput
    event: str = ""  # none yet


class _Sight(NamedTuple):
    """What an event is about, and who and where it names, as sentences are held against it."""

    about: Counter[str]
    words: frozenset[str]
    people: set[str]
    places: set[str]


class Echoes:
    """The undated sentences of the corpus, and the events they tell of.

    `events` and `merged` are the events' own tables, read and linked through (a sentence's seed
    is sent to its event as a dated mention's is); `places` gives a venue with those it lies in,
    `person` the id a person goes by now."""

    def __init__(
        self,
        backing: Backing,
        events: Table[EventState],
        merged: Table[str],
        places: Callable[[Iterable[str]], set[str]],
        person: Callable[[str], str],
    ) -> None:
        self.sentences: Table[list[Echo]] = Table("echo", backing, keep=False)  # by article path
        self.paths = Index("echo_keys", backing)  # what they share -> article paths
        self.filed = Index("echo_events", backing)  # what they share -> event ids
        # event -> (article path, article id) of the sentences found to tell of it
        self.told: Table[Counter[tuple[str, int]]] = Table("echo_told", backing)
        self.touched = Index("echo_touched", backing)  # "articles" -> paths to match again
        self._events = events
        self._merged = merged
        self._places = places
        self._person = person
        self._sights: dict[str, _Sight] = {}  # while settling

    def add(self, article_path: str, article: int, inputs: Sequence[EchoInput]) -> dict[int, str]:
        """Keep an article's undated sentences; the id each is linked by (sentence -> seed)."""
        if not inputs:
            return {}
        echoes = [Echo(_seed(article_path, item.sentence), article, item) for item in inputs]
        self.sentences.put(article_path, echoes)
        for key in {key for echo in echoes for key in self._sentence_keys(echo.input)}:
            self.paths.add(key, article_path)
        self.touched.add("articles", article_path)
        return {echo.input.sentence: echo.seed for echo in echoes}

    def remove(self, article_path: str) -> set[str]:
        """Forget an article's undated sentences; the events they told of."""
        echoes = self.sentences.get(article_path)
        if not echoes:
            return set()
        for echo in echoes:
            self._unlink(article_path, echo)
            for key in self._sentence_keys(echo.input):
                self.paths.discard(key, article_path)
        self.sentences.delete(article_path)
        return {echo.event for echo in echoes if echo.event}

    def articles(self, event_id: str) -> Counter[int]:
        """The articles whose undated sentences tell of an event, by how many."""
        found: Counter[int] = Counter()
        for (_, article), count in (self.told.get(event_id) or {}).items():
            found[article] += count
        return found

    def settle(
        self, changed: Mapping[str, tuple[EventState | None, EventState | None]]
    ) -> set[str]:
        """Match again the sentences that events made, changed or gone (id -> old, new) may
        concern, and those of articles that came in; the events whose sentences changed."""
        moved: set[str] = set()
        for old, new in changed.values():
            moved |= self._file(old, new)
        paths = set(self.touched.find("articles"))
        paths.update(path for key in moved for path in self.paths.find(key))
        for event_id in changed:
            paths.update(path for path, _ in self.told.get(event_id) or ())
        told: set[str] = set()
        for path in sorted(paths):
            echoes = self.sentences.get(path)
            if not echoes:
                continue
            found = [echo._replace(event=self._event_of(echo)) for echo in echoes]
            if found == echoes:
                continue
            for old_echo, new_echo in zip(echoes, found, strict=True):
                if old_echo.event != new_echo.event:
                    told |= {old_echo.event, new_echo.event} - {""}
                    self._unlink(path, old_echo)
                    self._link(path, new_echo)
            self.sentences.put(path, found)
        if self.touched.get("articles") is not None:
            self.touched.delete("articles")
        self._sights = {}
        return told

    # -- holding a sentence against the events ----------------------------------------------------

    def _file(self, old: EventState | None, new: EventState | None) -> set[str]:
        """File an event under what it shares with sentences; the keys it was or is filed under."""
        before = self._event_keys(old) if old else set()
        after = self._event_keys(new) if new else set()
        event_id = new.id if new else old.id if old else ""
        for key in before - after:
            self.filed.discard(key, event_id)
        for key in after - before:
            self.filed.add(key, event_id)
        return before | after

    def _sentence_keys(self, item: EchoInput) -> set[str]:
        return self._keys(item.kinds, item.people, item.places, _reach(item.written))

    def _event_keys(self, event: EventState) -> set[str]:
        blocks = (block_of(DateSpan.parse(event.day)), "*")  # its month; "*" for undated pages
        return self._keys(event.kinds.keys(), event.people.keys(), event.places.keys(), blocks)

    def _keys(
        self, kinds: Iterable[str], people: Iterable[str], places: Iterable[str],
        blocks: Iterable[str],
    ) -> set[str]:  # fmt: skip
        """What a sentence and an event must share to be compared: a kind of happening, with
        somebody or somewhere, in a month the sentence may look back to ("dismissal p:altman
        2023-11", "disaster v:baltimore 2024-03")."""
        who = [f"p:{_surname(person)}" for person in people]
        where = [f"v:{venue}" for venue in self._places(places)]
        return {
            f"{kind} {key} {block}"
            for kind in kinds
            if kind != "statement"
            for key in who + where
            for block in blocks
        }

    def _event_of(self, echo: Echo) -> str:
        """The event a sentence clearly tells of, or "": of those filed with it, the one whose
        words it agrees with clearly best, unless its article dates that one already."""
        item = echo.input
        ids = sorted({i for key in self._sentence_keys(item) for i in self.filed.members(key)})
        if len(ids) > ECHO_CANDIDATES:
            return ""  # a sentence that might tell of so many events tells of none of them
        events = [
            event
            for i in ids
            if (event := self._events.get(i)) is not None
            and _looks_back_to(item.written, DateSpan.parse(event.day))
        ]
        if not events:
            return ""
        seen = [self._seen(event) for event in events]
        frequency = frequency_of([sight.words for sight in seen])
        people = {self._person(person) for person in item.people}
        places = self._places(item.places)
        attack = "attack" in item.kinds
        scored = []
        for event, sight in zip(events, seen, strict=True):
            if event.attack != attack:
                continue
            words = overlap(item.words, sight.about, frequency)
            if words >= ECHO_WORDS_SHARE:  # a kind in common, as the keys have it, and words
                who, where = bool(people & sight.people), bool(places & sight.places)
                scored.append((words + 0.2 * who + 0.1 * where, event.id))
        scored.sort(key=lambda found: (-found[0], found[1]))
        if not scored or (len(scored) > 1 and scored[0][0] - scored[1][0] < CLEARLY_BEST):
            return ""
        best = next(event for event in events if event.id == scored[0][1])
        if any(echo.article in dict(cited) for _, cited in best.parts):
            return ""  # it tells of what its article dates already: no more to say
        return best.id

    def _seen(self, event: EventState) -> _Sight:
        """What a sentence is held against, worked out once while the events settle."""
        sight = self._sights.get(event.id)
        if sight is None:
            about = event.about()
            people = {self._person(person) for person in event.people}
            sight = _Sight(about, frozenset(about), people, self._places(event.places))
            self._sights[event.id] = sight
        return sight

    def _link(self, path: str, echo: Echo) -> None:
        if not echo.event:
            return
        self._merged.put(echo.seed, echo.event)
        told = self.told.get(echo.event) or Counter()
        told[(path, echo.article)] += 1
        self.told.put(echo.event, told)

    def _unlink(self, path: str, echo: Echo) -> None:
        if not echo.event:
            return
        if self._merged.get(echo.seed) is not None:
            self._merged.delete(echo.seed)
        told = self.told.get(echo.event) or Counter()
        told[(path, echo.article)] -= 1
        told = +told
        if told:
            self.told.put(echo.event, told)
        else:
            self.told.delete(echo.event)


def _reach(written: date | None) -> list[str]:
    """The months (and their years) a sentence of an article written then may tell of: the few
    before it and its own; any, for an undated article ("*")."""
    if written is None:
        return ["*"]
    first = written - timedelta(days=ECHO_REACH)
    months = {(first.year, first.month)}
    day = first
    while (day.year, day.month) < (written.year, written.month):
        day = (day.replace(day=1) + timedelta(days=32)).replace(day=1)
        months.add((day.year, day.month))
    return sorted({f"{y:04d}-{m:02d}" for y, m in months} | {f"{y:04d}" for y, _ in months})


def _looks_back_to(written: date | None, when: DateSpan) -> bool:
    """Whether an article written then may tell, undated, of a happening: one before it, and
    not too long before."""
    if written is None:
        return True
    start, end = when.start.first(), (when.end or when.start).last()
    return start <= written and end >= written - timedelta(days=ECHO_REACH)


def _seed(article_path: str, sentence: int) -> str:
    key = f"{article_path}\x00{sentence:06d}"
    return f"echo-{zlib.crc32(key.encode()):08x}"


def _surname(person_id: str) -> str:
    """The last word of a person's id: "luis-rubiales" and a lone "rubiales" are found alike."""
    return person_id.rsplit("-", 1)[-1]
