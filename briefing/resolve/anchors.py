"""When each article was written, as far as the corpus can tell: the anchor of its relative dates.

An article that states its date is anchored on it. One that does not may say it: "Today, June 2";
or imply it: it reports the exchange of May 23-25 as done and announces the talks of June 2, so it
was written between the two. An article that names days without their year ("on June 2") takes the
year from the corpus when other, dated articles give that day to the same event (the same place or
person in the sentence).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date

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


@dataclass(frozen=True, slots=True)
class Anchored:
    """An article's date as shown to the reader, and the anchor its expressions resolve on."""

    date: ArticleDate
    anchor: Anchor


def anchor_articles(
    articles: Sequence[Article], facts: Mapping[str, ArticleFacts]
) -> dict[str, Anchored]:
    anchored = {
        article.path: Anchored(article.date, Anchor.of(article.date))
        for article in articles
        if article.date.source is DateSource.STATED
    }
    known_days = _known_days(articles, facts, anchored)
    for article in articles:
        if article.path in anchored:
            continue
        article_facts = facts[article.path]
        year, year_from = _year_from_corpus(article.text, article_facts, known_days)
        written = infer_date(article_facts.times, year)
        if year_from:
            written = replace(written, how=f"{written.how}; {year_from}")
        anchored[article.path] = Anchored(written, Anchor.of(written, year))
    return anchored


def infer_date(times: Sequence[TimeMention], year: int | None = None) -> ArticleDate:
    """The day, or the window of days, an undated article's own words put it on."""
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


# -- years from the corpus ------------------------------------------------------------------------

_Day = tuple[int, int]  # (month, day)


@dataclass(frozen=True, slots=True)
class _KnownDay:
    year: int
    context: frozenset[str]  # folded names of the places and people in its sentence


def _known_days(
    articles: Sequence[Article], facts: Mapping[str, ArticleFacts], anchored: Mapping[str, Anchored]
) -> dict[_Day, list[_KnownDay]]:
    """Every day the dated articles name, with the names around it."""
    known: dict[_Day, list[_KnownDay]] = defaultdict(list)
    for article in articles:
        if article.path not in anchored:
            continue
        article_facts = facts[article.path]
        contexts = _sentence_contexts(article.text, article_facts)
        for mention in article_facts.times:
            if not isinstance(mention.expr, WrittenDate):
                continue
            span = resolve(mention, anchored[article.path].anchor)
            if span is not None and span.start.precision == "day":
                day = span.start
                known[(day.month, day.day)].append(
                    _KnownDay(day.year, contexts.get(mention.sentence, frozenset()))
                )
    return known


def _year_from_corpus(
    text: str, facts: ArticleFacts, known: Mapping[_Day, list[_KnownDay]]
) -> tuple[int | None, str | None]:
    contexts = _sentence_contexts(text, facts)
    years: dict[int, list[str]] = defaultdict(list)
    for mention in facts.times:
        expr = mention.expr
        if (
            not isinstance(expr, WrittenDate)
            or expr.start.year is not None
            or expr.start.day is None
        ):
            continue
        context = contexts.get(mention.sentence, frozenset())
        for day in known.get((expr.start.month or 0, expr.start.day), ()):
            shared = context & day.context
            if shared:
                years[day.year].append(f"{mention.span.of(text)} ({', '.join(sorted(shared))})")
    if len(years) != 1:
        return None, None
    ((year, evidence),) = years.items()
    return year, f"year {year} from other articles that date {evidence[0]}"


_PROPER = re.compile(r"(?<=[\s(“\"'])[A-Z][\w-]{2,}")


def _sentence_contexts(text: str, facts: ArticleFacts) -> dict[int, frozenset[str]]:
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
