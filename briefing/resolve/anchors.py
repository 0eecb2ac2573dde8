"""When each article was written, as far as the corpus can tell: the anchor of its relative dates.

An article that states its date is anchored on it. One that does not may say it: "Today, June 2";
or imply it: it reports the exchange of May 23-25 as done and announces the talks of June 2, so it
was written between the two. An article that names days without their year ("on June 2") takes the
year from the corpus when dated articles give that day to the same happening (the same names in
the sentence).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date
from typing import NamedTuple

from briefing.extract.furniture import is_marked_file_photo
from briefing.extract.lexicon import FUNCTION_WORDS, MONTH_AND_DAY_NAMES, fold
from briefing.model import (
    Article,
    ArticleDate,
    ArticleFacts,
    DateSource,
    RelativeRef,
    Tense,
    TimeMention,
    WrittenDate,
)
from briefing.resolve.dates import WIDEST_WINDOW, Anchor, resolve
from briefing.resolve.state import Backing, Table


class Anchored(NamedTuple):
    """An article's date as shown to the reader, and the year its undated days take."""

    date: ArticleDate
    year: int | None

    @property
    def anchor(self) -> Anchor:
        return Anchor.of(self.date, self.year)


class KnownDay(NamedTuple):
    """A day a dated article names, with the names around it."""

    year: int
    context: frozenset[str]
    article: int


DaySignature = frozenset[tuple[int, frozenset[str]]]


class Days:
    """The days dated articles name, for undated articles to take their year from."""

    def __init__(self, backing: Backing) -> None:
        self.known: Table[list[KnownDay]] = Table("known_day", backing)
        self.undated: Table[list[int]] = Table("undated_day", backing)
        self._before: dict[str, DaySignature] = {}  # days dated articles changed, as they were

    def anchor(self, article_id: int, article: Article, text: str, facts: ArticleFacts) -> Anchored:
        """Where the article stands in time; remembers what it says for the articles to come."""
        if article.date.source is DateSource.STATED:
            anchored = Anchored(
                article.date, article.date.earliest.year if article.date.earliest else None
            )
            self._remember(article_id, text, facts, anchored.anchor)
            return anchored
        year, year_from = self._year(text, facts)
        written = infer_date(facts.times, year, facts, text)
        if year_from:
            written = replace(written, how=f"{written.how}; {year_from}")
        for key in _yearless_days(facts):
            self.undated.put(key, sorted({*(self.undated.get(key) or ()), article_id}))
        return Anchored(written, year)

    def forget(
        self, article_id: int, article: Article, text: str, facts: ArticleFacts, anchored: Anchored
    ) -> None:
        if article.date.source is DateSource.STATED:
            for key, _ in _days(text, facts, anchored.anchor):
                self._touch(key)
                left = [day for day in self.known.get(key) or () if day.article != article_id]
                self.known.put(key, left)
        else:
            for key in _yearless_days(facts):
                left_ids = [other for other in self.undated.get(key) or () if other != article_id]
                self.undated.put(key, left_ids)

    def touched(self) -> set[str]:
        """The days dated articles came to or left since `settled`."""
        return set(self._before)

    def undated_naming(self, days: Iterable[str], surely: Iterable[str] = ()) -> list[int]:
        """The undated articles whose year may have changed: those that name a day whose dated
        mentions (their years and the names around them) are not what they were; the days
        in `surely` (left by an update cut short) are taken as changed."""
        surely = set(surely)
        changed = {
            key
            for key in days
            if key in surely or key not in self._before or self._before[key] != self._signature(key)
        }
        return sorted({other for key in changed for other in self.undated.get(key) or ()})

    def settled(self) -> None:
        self._before.clear()

    def _touch(self, key: str) -> None:
        if key not in self._before:
            self._before[key] = self._signature(key)

    def _signature(self, key: str) -> DaySignature:
        """What an undated article's year depends on, of one day: which years it is given and
        with which names around it."""
        return frozenset((day.year, day.context) for day in self.known.get(key) or ())

    def _remember(self, article_id: int, text: str, facts: ArticleFacts, anchor: Anchor) -> None:
        for key, day in _days(text, facts, anchor):
            self._touch(key)
            self.known.put(key, [*(self.known.get(key) or ()), day._replace(article=article_id)])

    def year_of(self, text: str, facts: ArticleFacts) -> int | None:
        return self._year(text, facts)[0]

    def _year(self, text: str, facts: ArticleFacts) -> tuple[int | None, str | None]:
        contexts = sentence_contexts(text, facts)
        years: dict[int, str] = {}  # each year dated articles give, with the first evidence
        for mention in facts.times:
            expr = mention.expr
            if (
                not isinstance(expr, WrittenDate)
                or expr.start.year is not None
                or expr.start.day is None
            ):
                continue
            context = contexts.get(mention.sentence, frozenset())
            for day in self.known.get(f"{expr.start.month}-{expr.start.day}") or ():
                if day.year in years or not (shared := context & day.context):
                    continue
                if years:
                    return None, None  # two years: no telling which
                years[day.year] = f"{mention.span.of(text)} ({', '.join(sorted(shared))})"
        if not years:
            return None, None
        ((year, evidence),) = years.items()
        return year, f"year {year} from other articles that date {evidence}"


def _days(text: str, facts: ArticleFacts, anchor: Anchor) -> list[tuple[str, KnownDay]]:
    """The days a dated article names, keyed by month and day."""
    contexts = sentence_contexts(text, facts)
    found = []
    for mention in facts.times:
        if not isinstance(mention.expr, WrittenDate):
            continue
        span = resolve(mention, anchor)
        if span is not None and span.start.precision == "day":
            day = span.start
            context = contexts.get(mention.sentence, frozenset())
            found.append((f"{day.month}-{day.day}", KnownDay(day.year, context, 0)))
    return found


def _yearless_days(facts: ArticleFacts) -> set[str]:
    return {
        f"{mention.expr.start.month}-{mention.expr.start.day}"
        for mention in facts.times
        if isinstance(mention.expr, WrittenDate)
        and mention.expr.start.year is None
        and mention.expr.start.day
    }


def infer_date(
    times: Sequence[TimeMention],
    year: int | None = None,
    facts: ArticleFacts | None = None,
    text: str = "",
) -> ArticleDate:
    """The day, or the window of days, an undated article's own words put it on."""
    if facts is not None and (pictured := _pictured_today(facts, text)) is not None:
        return pictured
    loose = Anchor(year=year)
    sentences_with_today = {
        mention.sentence
        for mention in times
        if mention.expr == RelativeRef("day", 0) and not mention.quoted
    }
    earliest: tuple[date, str] | None = None
    latest: tuple[date, str] | None = None
    for mention in times:
        if not isinstance(mention.expr, WrittenDate) or mention.quoted:
            continue
        span = resolve(mention, loose)
        if span is None or span.start.precision != "day":
            continue
        if mention.sentence in sentences_with_today and span.end is None:
            day = span.start.first()
            return ArticleDate(day, day, DateSource.INFERRED, f"it calls {day.isoformat()} today")
        if mention.tense is Tense.PAST:
            last = (span.end or span.start).last()
            if earliest is None or last > earliest[0]:
                earliest = (last, span.iso())
        elif mention.tense is Tense.FUTURE:
            first = span.start.first()
            if latest is None or first < latest[0]:
                latest = (first, span.iso())
    if earliest and latest and 0 <= (latest[0] - earliest[0]).days <= WIDEST_WINDOW:
        how = f"it reports {earliest[1]} as past and {latest[1]} as coming"
        return ArticleDate(earliest[0], latest[0], DateSource.INFERRED, how)
    return ArticleDate()


SHARED_NAMES = 2  # a caption and a sentence that say "today" name at least these in common


def _pictured_today(facts: ArticleFacts, text: str) -> ArticleDate | None:
    """An article that tells of a happening "today" and shows it in a dated photo ("Meyers ...
    today during a House subcommittee hearing"; "Meyers speaks during a subcommittee hearing
    ... on September 24, 2024") was written on the photo's day."""
    today = [m for m in facts.times if m.expr == RelativeRef("day", 0) and not m.quoted]
    if not today or not facts.furniture:
        return None
    contexts = sentence_contexts(text, facts)
    for mention in facts.times:
        expr = mention.expr
        if (
            mention.sentence not in facts.furniture
            or not isinstance(expr, WrittenDate)
            or None in (expr.start.year, expr.start.month, expr.start.day)
            or expr.end is not None
            or is_marked_file_photo(facts.sentences[mention.sentence].of(text))
        ):
            continue
        pictured = contexts.get(mention.sentence, frozenset())
        for told in today:
            shared = pictured & contexts.get(told.sentence, frozenset())
            if len(shared) >= SHARED_NAMES:
                day = date(expr.start.year or 0, expr.start.month or 1, expr.start.day or 1)
                names = ", ".join(sorted(shared))
                how = f"it tells of today as of a photo dated {day.isoformat()} ({names})"
                return ArticleDate(day, day, DateSource.INFERRED, how)
    return None


_PROPER = re.compile(r"(?<=[\s(“\"'])[A-Z][\w-]{2,}")


def sentence_contexts(text: str, facts: ArticleFacts) -> dict[int, frozenset[str]]:
    """The names in each sentence: places (not countries, too common), people and other proper
    nouns ("Chandrayaan-3", "ISRO") that say which happening a date belongs to."""
    names: dict[int, set[str]] = defaultdict(set)
    countries = {fold(place.name) for place in facts.places if place.kind == "country"}
    for index, sentence in enumerate(facts.sentences):
        for word in _PROPER.findall(sentence.of(text)):
            folded = fold(word)
            if folded not in MONTH_AND_DAY_NAMES and folded not in FUNCTION_WORDS:
                names[index].add(folded)
        names[index] -= countries
    for person in facts.people:
        names[person.sentence].add(fold(person.name.split()[-1]))
    return {sentence: frozenset(found) for sentence, found in names.items()}
