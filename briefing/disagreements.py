"""Where the sources of one event disagree: the counts they give ("1,000 prisoners" against
"1,200 prisoners"), the times of day ("10:00 GMT" against "10:45 GMT") and the day itself ("filed
her complaint on Tuesday" against "on Wednesday"), each with the articles that give it.

Read from the paragraphs that report the event (a count is seldom in the sentence that holds the
date), when the event is shown. Two values disagree when
some article gives one and not the other: an article that says "1,000 prisoners, 390 of them on
the first day" tells a total and a part, not a quarrel.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from typing import NamedTuple

from briefing.extract.lexicon import FUNCTION_WORDS
from briefing.formatting import human_date
from briefing.model import Briefing, Event, Mention, PartialDate, TimexLike

NUMBER_WORDS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "hundred": 100,
}  # fmt: skip
SCALES = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_COUNT = re.compile(
    r"(?<![\w.,$€£])(?P<number>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|"
    + "|".join(NUMBER_WORDS)
    + r")(?:\s(?P<scale>thousand|million|billion))?"
    r"\s(?P<words>(?:[a-z][a-z-]*\s){0,2}?)(?P<noun>[a-z]{3,}s)\b",
    re.IGNORECASE,
)
# What is counted that no two sources quarrel over: spans of time, shares, sums of money
_NOT_COUNTED = frozenset(
    """seconds minutes hours days weeks months years decades centuries times percent points
    dollars euros pounds cents""".split()
)


class Value(NamedTuple):
    value: str  # as the first article that gives it writes it
    articles: tuple[str, ...]


class Disagreement(NamedTuple):
    what: str  # what is counted: "prisoners"
    values: tuple[Value, ...]  # most articles first

    def line(self) -> str:
        """'prisoners: 1,000 (2 articles) · 1,200 (1 article)', 'date: Tue 5 Sep 2023 (1
        article) · Wed 6 Sep 2023 (1 article)'"""
        told = " · ".join(
            f"{self._shown(value.value)} "
            f"({len(value.articles)} article{'s' * (len(value.articles) > 1)})"
            for value in self.values
        )
        return f"{self.what}: {told}"

    def _shown(self, value: str) -> str:
        return human_date(PartialDate.parse(value)) if self.what == "date" else value


def disagreements(
    briefing: Briefing, event: Event, mentions: Sequence[Mention] | None = None
) -> list[Disagreement]:
    """What the sources of an event tell differently, each with who tells what."""
    if mentions is None:
        mentions = briefing.mentions_of("event", event.id)
    told: dict[str, dict[float, tuple[str, set[str]]]] = {}
    for mention in mentions:
        paragraph = _paragraph(briefing.text(mention.article), mention)
        for found in _COUNT.finditer(paragraph):
            noun = found["noun"].lower()
            if noun in _NOT_COUNTED or _is_a_date(paragraph, found.start()):
                continue
            amount = _amount(found["number"], found["scale"])
            written = found.group()[: found.start("words") - found.start()].strip()
            _tell(told, noun, amount, written, mention.article)
    _tell_times(briefing, event, mentions, told)
    _tell_days(briefing, event, mentions, told)
    return sorted(
        (
            Disagreement(what, tuple(sorted(values, key=lambda v: (-len(v.articles), v.value))))
            for what, found in told.items()
            if len(values := [Value(v, tuple(sorted(a))) for v, a in found.values()]) > 1
            and _quarrel(values)
        ),
        key=lambda disagreement: disagreement.what,
    )


def _tell(
    told: dict[str, dict[float, tuple[str, set[str]]]],
    what: str,
    amount: float,
    written: str,
    article: str,
) -> None:
    values = told.setdefault(what, {})
    _, articles = values.setdefault(amount, (written, set()))
    articles.add(article)


def _tell_times(
    briefing: Briefing,
    event: Event,
    mentions: Sequence[Mention],
    told: dict[str, dict[float, tuple[str, set[str]]]],
) -> None:
    """The times of the event's day its mentions give, by the zone they are given in ("time"
    when none is said): "13:00 local time" and "10:00 GMT" may be one moment, and are not
    compared."""
    if event.when.end is not None or event.when.start.precision != "day":
        return
    day = event.when.start.iso()
    times: dict[str, Sequence[TimexLike]] = {}  # by article, read once
    for mention in mentions:
        text = briefing.text(mention.article)
        if not mention.dated or not _A_CLOCK.search(text, *mention.sentence):
            continue  # (an article's times are read only where its sentence gives one)
        if mention.article not in times:
            times[mention.article] = briefing.times_in(mention.article)
        for timex in times[mention.article]:
            clock = _CLOCK.fullmatch(timex.value or "") if timex.type == "TIME" else None
            if clock is None or clock["day"] != day:
                continue  # ("2024-03-26TMO": a part of the day, no time)
            if not mention.sentence.start <= timex.start < mention.sentence.end:
                continue
            zone = _ZONE.search(text, timex.start, timex.end + ZONE_REACH)
            what = f"time ({zone['zone']})" if zone else "time"
            minutes = int(clock["hours"]) * 60 + int(clock["minutes"])
            _tell(told, what, minutes, text[timex.start : timex.end], mention.article)
    for what in [what for what in told if what.startswith("time")]:
        values = told[what]
        if values and max(values) - min(values) < TIMES_APART:
            del told[what]  # "1:28 a.m." and "about 1:30 a.m.": one moment, told as near


def _tell_days(
    briefing: Briefing,
    event: Event,
    mentions: Sequence[Mention],
    told: dict[str, dict[float, tuple[str, set[str]]]],
) -> None:
    """Another day some sources give for the same happening: an event a day or two apart, told
    by other articles in the same words, of the same people or places, where each side has an
    article written when both days were past. (A search told "on Monday" on Monday and "on
    Tuesday" on Tuesday is two days of one search; told so on Wednesday, a quarrel.)"""
    day = _single_day(event)
    if day is None:
        return
    ours = {mention.article for mention in mentions if mention.dated}
    for other in briefing.events_near(day, DAYS_APART):
        theirs_day = _single_day(other)
        if other.id == event.id or theirs_day is None or theirs_day == day:
            continue
        if not (set(event.people) & set(other.people) or set(event.venues) & set(other.venues)):
            continue
        theirs = set(briefing.articles_of("event", other.id))
        later = max(day, theirs_day)
        if ours & theirs or not (
            _written_since(briefing, ours, later) and _written_since(briefing, theirs, later)
        ):
            continue
        other_mentions = [m for m in briefing.mentions_of("event", other.id) if m.dated]
        if not _told_alike(briefing, mentions, other_mentions):
            continue
        for value, articles in ((day, ours), (theirs_day, {m.article for m in other_mentions})):
            for article in sorted(articles):
                _tell(told, "date", value.toordinal(), value.isoformat(), article)


DAYS_APART = 2  # how far apart two days may be that sources quarrel over
WORDS_ALIKE = 3  # telling words two sentences share to tell one happening
SHARE_ALIKE = 0.4  # and their share of the shorter sentence's telling words
_TELLING = re.compile(r"(?<![\w'’])[a-z][a-z-]{2,}\b")


def _single_day(event: Event) -> date | None:
    start = event.when.start
    return start.first() if event.when.end is None and start.precision == "day" else None


def _written_since(briefing: Briefing, articles: set[str], day: date) -> bool:
    return any(
        (written := briefing.article[path].date.day) is not None and written >= day
        for path in articles
        if path in briefing.article
    )


def _told_alike(briefing: Briefing, ours: Sequence[Mention], theirs: Sequence[Mention]) -> bool:
    """Whether a sentence of one side and one of the other tell the same thing: most of the
    lower-case words of the shorter are in the longer (names and dates aside)."""
    our_words = [_telling(briefing.text_of(mention)) for mention in ours if mention.dated]
    for mention in theirs:
        words = _telling(briefing.text_of(mention))
        for mine in our_words:
            shared = len(words & mine)
            shortest = min(len(words), len(mine))
            if shared >= WORDS_ALIKE and shared >= SHARE_ALIKE * shortest:
                return True
    return False


def _telling(sentence: str) -> frozenset[str]:
    return frozenset(_TELLING.findall(sentence)) - FUNCTION_WORDS


TIMES_APART = 30  # minutes: times of one happening closer than this are one moment, told
_A_CLOCK = re.compile(r"\d(?::\d\d|\d\d\s?(?:GMT|UTC)|\s?[ap]\.?m\b)", re.IGNORECASE)
ZONE_REACH = 14  # characters after a time its zone may stand in: "10:00 a.m. (GMT)"
_ZONE = re.compile(r"\b(?P<zone>GMT|UTC|[A-Z][DS]T|local time)\b")
_CLOCK = re.compile(r"(?P<day>\d{4}-\d\d-\d\d)T(?P<hours>\d\d):(?P<minutes>\d\d)")


def _quarrel(values: list[Value]) -> bool:
    """Whether two values come from articles apart: one says this, another that."""
    return any(
        not set(one.articles) & set(other.articles)
        for index, one in enumerate(values)
        for other in values[index + 1 :]
    )


def _paragraph(text: str, mention: Mention) -> str:
    start = text.rfind("\n\n", 0, mention.sentence.start) + 1
    end = text.find("\n\n", mention.sentence.end)
    return text[start : end if end >= 0 else len(text)]


def _amount(number: str, scale: str | None) -> float:
    word = number.lower()
    value = float(NUMBER_WORDS[word]) if word in NUMBER_WORDS else float(number.replace(",", ""))
    return value * SCALES.get((scale or "").lower(), 1)


def _is_a_date(text: str, start: int) -> bool:
    """'May 23 prisoners' is no count: a number that ends a date."""
    before = text[max(0, start - 10) : start].split()
    return bool(before) and before[-1].rstrip(",").lower()[:3] in _MONTHS


_MONTHS = frozenset("jan feb mar apr may jun jul aug sep oct nov dec".split())
