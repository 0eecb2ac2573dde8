"""What a time expression means, given when its article was written.

An article's date may be one day, a window of days (an undated article that reports one event as
past and another as coming), or only a year. Each expression is resolved for every day the article
may have been written on; unless all of them give the same answer, the expression is left out:
a briefing with a wrong date is worse than one without it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from briefing.model import (
    ArticleDate,
    DateFields,
    DateSpan,
    PartialDate,
    RelativeRef,
    Tense,
    TimeMention,
    WeekdayRef,
    WrittenDate,
)

NEAR_DAYS = 120  # a date written without its year is taken in the year that puts it this close
WIDEST_WINDOW = 31  # days: an article dated more loosely than this anchors nothing by itself


@dataclass(frozen=True, slots=True)
class Anchor:
    """The days an article may have been written on, and the year it speaks of."""

    earliest: date | None = None
    latest: date | None = None
    year: int | None = None

    @classmethod
    def of(cls, written: ArticleDate, year: int | None = None) -> Anchor:
        if written.earliest is not None and written.latest is not None:
            years = {written.earliest.year, written.latest.year}
            return cls(written.earliest, written.latest, years.pop() if len(years) == 1 else year)
        return cls(year=year)

    def days(self) -> list[date]:
        if self.earliest is None or self.latest is None:
            return []
        width = (self.latest - self.earliest).days
        if width < 0 or width > WIDEST_WINDOW:
            return []
        return [self.earliest + timedelta(days=n) for n in range(width + 1)]


def dates_a_happening(mention: TimeMention) -> bool:
    """Whether an expression can put a happening on the calendar: a date, a weekday or a day
    counted from the article's; not a length, a repeat, "now", a decade or a rough time."""
    expr = mention.expr
    if isinstance(expr, WrittenDate | RelativeRef):
        return not expr.loose
    return isinstance(expr, WeekdayRef)


PAST_LEEWAY = 60  # days: a date told as past this long after the article's own is a slip


def implausible(mention: TimeMention, span: DateSpan, written: date | None) -> str | None:
    """Why a date cannot be what the article means, or None: told as past, yet months after the
    article's own date; or years after it, written in full (a caption's typo)."""
    if written is None:
        return None
    first = span.start.first()
    if mention.tense is Tense.PAST and (first - written).days > PAST_LEEWAY:
        return f"told as past, {(first - written).days} days after the article's date"
    if (
        isinstance(mention.expr, WrittenDate)
        and mention.expr.start.year is not None
        and mention.expr.start.day is not None
        and first.year > written.year + 1
        and mention.tense is not Tense.FUTURE
    ):
        return f"a day of {first.year}, in an article of {written.year}"
    return None


def resolve(mention: TimeMention, anchor: Anchor) -> DateSpan | None:
    """The dates `mention` stands for, or None when the text does not settle them or it dates
    no happening (see `dates_a_happening`)."""
    if not dates_a_happening(mention):
        return None
    span = meaning(mention.expr, mention.tense, mention.quoted, anchor)
    if span is None:
        return None
    if mention.time and span.start.precision == "day" and span.end is None:
        return DateSpan(span.start, None, mention.time, mention.timezone)
    return span


@lru_cache(maxsize=65536)
def meaning(
    expr: WrittenDate | WeekdayRef | RelativeRef, tense: Tense, quoted: bool, anchor: Anchor
) -> DateSpan | None:
    """The days a date, a weekday or a relative day stand for, written when `anchor` says."""
    if isinstance(expr, WrittenDate):
        return _written(expr, tense, anchor)
    if quoted:
        return None  # counted from when the words were spoken, which the article may not say
    days = anchor.days()
    if isinstance(expr, WeekdayRef):
        return _agreed(days, lambda day: _weekday(expr, tense, day))
    if expr.unit == "year" and not days and anchor.year is not None:
        return DateSpan(PartialDate(anchor.year + expr.offset))
    return _agreed(days, lambda day: _relative(expr, tense, day))


def _agreed(days: list[date], answer_on: Callable[[date], DateSpan | None]) -> DateSpan | None:
    """The one answer every possible writing day gives, if there is one."""
    answers = {answer_on(day) for day in days}
    if len(answers) != 1:
        return None
    answer: DateSpan | None = answers.pop()
    return answer


# -- dates written out ----------------------------------------------------------------------------


def _written(expr: WrittenDate, tense: Tense, anchor: Anchor) -> DateSpan | None:
    start = expr.start
    if expr.year_shift is not None:
        return None if anchor.year is None else _with_year(expr, anchor.year + expr.year_shift)
    if start.year is not None:
        return _with_year(expr, start.year)
    days = anchor.days()
    if expr.done and days:
        return _agreed(days, lambda day: _with_year(expr, _year_gone_by(expr, day)))
    if expr.direction and days:
        return _agreed(days, lambda day: _with_year(expr, _year_toward(expr, day)))
    if days:
        return _agreed(days, lambda day: _with_year(expr, _year_near(expr, tense, day)))
    if anchor.year is not None:
        return _with_year(expr, anchor.year)
    return None


def _with_year(expr: WrittenDate, year: int | None) -> DateSpan | None:
    if year is None:
        return None
    start = _partial(expr.start, year)
    if start is None:
        return None
    if expr.weekday is not None and (
        start.precision != "day" or start.first().weekday() != expr.weekday
    ):
        return None  # "Monday, June 2" in a year where June 2 is no Monday: not this year
    if expr.end is None:
        return DateSpan(start)
    end = _partial(expr.end, expr.end.year or year)
    if end is not None and end <= start and expr.end.year is None and not expr.start.day:
        end = _partial(expr.end, year + 1)  # "from December to February": into the next year
    return DateSpan(start, end) if end is not None and end > start else None


def _partial(fields: DateFields, year: int) -> PartialDate | None:
    try:
        day = PartialDate(year, fields.month or 0, fields.day or 0)
        day.first()
    except ValueError:
        return None  # February 29 in a common year
    return day


def _year_toward(expr: WrittenDate, anchor: date) -> int:
    """ "Last June": the latest June before the article's month; "next March", the first after."""
    month = expr.start.month or 1
    if expr.direction < 0:
        return anchor.year if month < anchor.month else anchor.year - 1
    return anchor.year if month > anchor.month else anchor.year + 1


def _year_gone_by(expr: WrittenDate, anchor: date) -> int | None:
    """The year that puts a day gone by last before the article's day, within a year."""
    month, day = expr.start.month or 1, expr.start.day or 1
    for year in (anchor.year, anchor.year - 1):
        try:
            if date(year, month, day) <= anchor:
                return year
        except ValueError:
            continue
    return None


def _year_near(expr: WrittenDate, tense: Tense, anchor: date) -> int | None:
    """The year that puts a date written without one nearest the article, or as its tense says."""
    month, day = expr.start.month or 1, expr.start.day or 15
    candidates = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            candidates.append((date(year, month, day) - anchor).days)
        except ValueError:
            continue
    if not candidates:
        return None
    nearest = min(candidates, key=abs)
    if abs(nearest) <= NEAR_DAYS:
        if (tense is Tense.PAST and nearest > 7) or (tense is Tense.FUTURE and nearest < -7):
            return None  # the tense says otherwise: the text does not settle it
        return (anchor + timedelta(days=nearest)).year
    if tense is Tense.PAST:
        past = [gap for gap in candidates if gap <= 0]
        chosen = max(past) if past else None
    elif tense is Tense.FUTURE:
        future = [gap for gap in candidates if gap >= 0]
        chosen = min(future) if future else None
    else:
        return None
    if chosen is None or abs(chosen) > 300:
        return None
    return (anchor + timedelta(days=chosen)).year


# -- weekdays and relative days -------------------------------------------------------------------


def _weekday(expr: WeekdayRef, tense: Tense, anchor: date) -> DateSpan | None:
    day = _weekday_day(expr, tense, anchor)
    if day is None or expr.until is None:
        return None if day is None else DateSpan(PartialDate.of(day))
    last = day + timedelta(days=(expr.until - expr.weekday) % 7)
    return DateSpan(PartialDate.of(day), PartialDate.of(last))


def _weekday_day(expr: WeekdayRef, tense: Tense, anchor: date) -> date | None:
    ahead = (expr.weekday - anchor.weekday()) % 7  # 0..6 days to the next such weekday
    behind = (anchor.weekday() - expr.weekday) % 7  # 0..6 days since the last one
    if expr.shift > 0:
        offset = ahead or 7
    elif expr.shift < 0:
        offset = -(behind or 7)
    elif ahead == 0:
        offset = 0  # "on Monday" in a Monday paper is that day
    elif tense is Tense.FUTURE:
        offset = ahead
    elif tense is Tense.PAST:
        offset = -behind
    elif min(ahead, behind) <= 2:
        offset = ahead if ahead < behind else -behind
    else:
        return None
    return anchor + timedelta(days=offset)


def _weekend(offset: int, tense: Tense, anchor: date) -> DateSpan | None:
    """ "Last weekend", "this weekend", "over the weekend": a Saturday and the Sunday after it."""
    weekday = anchor.weekday()
    if offset == 0 and weekday < 5:
        if tense is Tense.PAST or (tense is Tense.UNKNOWN and weekday == 0):
            offset = -1  # "over the weekend", written on a weekday about what is done
        elif not (tense is Tense.FUTURE or weekday == 4):
            return None
    saturday = anchor + timedelta(days=5 - weekday + 7 * offset)
    return DateSpan(PartialDate.of(saturday), PartialDate.of(saturday + timedelta(days=1)))


def _relative(expr: RelativeRef, tense: Tense, anchor: date) -> DateSpan | None:
    if expr.unit == "day":
        return DateSpan(PartialDate.of(anchor + timedelta(days=expr.offset)))
    if expr.unit == "weekend":
        return _weekend(expr.offset, tense, anchor)
    if expr.unit == "week":
        # from its Sunday: a week begins on Sunday in American English and on Monday elsewhere,
        # and "last week" must hold the day it meant either way
        monday = anchor - timedelta(days=anchor.weekday()) + timedelta(weeks=expr.offset)
        sunday_before = monday - timedelta(days=1)
        return DateSpan(PartialDate.of(sunday_before), PartialDate.of(monday + timedelta(days=6)))
    if expr.unit == "month":
        months = anchor.year * 12 + anchor.month - 1 + expr.offset
        return DateSpan(PartialDate(months // 12, months % 12 + 1))
    return DateSpan(PartialDate(anchor.year + expr.offset))
