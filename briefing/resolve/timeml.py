"""Every time expression of an article as TimeML values it: a type and a TIMEX3 value.

The timeline uses only the expressions that date a happening (`dates.dates_a_happening`); this is
the full list, for `briefing show --json` and for scoring against news annotated the TempEval
way: `2021-03-04`, `2021-03`, `2021-W09`, `2021-Q1`, `2021-SU`, `2021-03-04T10:00`,
`2021-03-04TEV`, `P3Y`, `XXXX-WXX-1`, `PRESENT_REF`, and `XXXX-03-04` when the year is unknown.
Each value is what the words mean counted from the article's date; where that date is unknown or
too loose to tell, what is known is kept and the rest is X.
"""

from __future__ import annotations

import contextlib
from datetime import date, timedelta
from typing import Literal, NamedTuple

from briefing.model import (
    ArticleFacts,
    Clock,
    Duration,
    Era,
    PartOfYear,
    Recurrence,
    Reference,
    RelativeRef,
    Tense,
    TimeMention,
    WeekdayRef,
    WrittenDate,
)
from briefing.resolve.dates import Anchor, implausible, meaning, resolve

TimexType = Literal["DATE", "TIME", "DURATION", "SET"]


class Timex(NamedTuple):
    start: int
    end: int
    type: TimexType
    value: str | None  # None: nothing of its value is known (an undated "tomorrow")
    flag: str | None = None  # why the timeline leaves a date out that it would otherwise use


def timexes(facts: ArticleFacts, anchor: Anchor) -> list[Timex]:
    """Every time expression of an article, valued as from the days it may have been written
    on (`anchor`), in reading order."""
    days: dict[int, date] = {}  # the day each dated expression stands for, for clocks to join
    found: list[Timex] = []
    written = anchor.latest if anchor.days() else None
    for index, mention in enumerate(facts.times):
        if isinstance(mention.expr, Clock):
            continue
        timex = _timex(mention, anchor)
        if timex is None:
            continue
        if (span := resolve(mention, anchor)) is not None:
            timex = timex._replace(flag=implausible(mention, span, written))
        found.append(timex)
        if timex.type in ("DATE", "TIME") and timex.value and len(timex.value) >= 10:
            with contextlib.suppress(ValueError):  # "XXXX-07-06"
                days[index] = date.fromisoformat(timex.value[:10])
    for index, mention in enumerate(facts.times):
        if isinstance(mention.expr, Clock):
            found.append(_clock(index, mention, mention.expr, facts, days, anchor))
    return sorted(found)


def _timex(mention: TimeMention, anchor: Anchor) -> Timex | None:
    expr = mention.expr
    start, end = mention.span
    if isinstance(expr, Duration):
        return Timex(start, end, "DURATION", expr.value)
    if isinstance(expr, Recurrence):
        return Timex(start, end, "SET", expr.value)
    if isinstance(expr, Reference | Era):
        return Timex(start, end, "DATE", expr.value)
    if isinstance(expr, PartOfYear):
        return Timex(start, end, "DATE", _part_of_year(expr, mention.tense, anchor))
    if isinstance(expr, WrittenDate | WeekdayRef | RelativeRef):
        value = _date_value(expr, mention.tense, anchor)
        if mention.part and value and len(value) == 10:
            return Timex(start, end, "TIME", f"{value}T{mention.part}")
        return Timex(start, end, "DATE", value)
    return None


def _date_value(
    expr: WrittenDate | WeekdayRef | RelativeRef, tense: Tense, anchor: Anchor
) -> str | None:
    span = meaning(expr, tense, False, anchor)
    if span is None and len(anchor.days()) == 1:
        # The timeline needs the tense to agree; a listed value takes, as annotators do, the
        # nearest reading, and a weekday of news the one just past ("said Friday").
        span = meaning(expr, Tense.UNKNOWN, False, anchor) or (
            meaning(expr, Tense.PAST, False, anchor) if isinstance(expr, WeekdayRef) else None
        )
    if span is None:
        return _unknown_year(expr)
    if isinstance(expr, RelativeRef) and expr.unit in ("week", "weekend") and span.end:
        year, week, _ = span.end.last().isocalendar()  # its Sunday: the ISO week ends on it
        return f"{year}-W{week:02d}" + ("-WE" if expr.unit == "weekend" else "")
    return span.start.iso()


def _unknown_year(expr: WrittenDate | WeekdayRef | RelativeRef) -> str | None:
    """What an expression says without the article's date: "XXXX-07-06", "XXXX-WXX-5"."""
    if isinstance(expr, WeekdayRef):
        return f"XXXX-WXX-{expr.weekday + 1}"
    if isinstance(expr, WrittenDate) and expr.start.month:
        month = f"XXXX-{expr.start.month:02d}"
        return f"{month}-{expr.start.day:02d}" if expr.start.day else month
    return None


_QUARTER_MONTHS = {"Q1": 1, "Q2": 4, "Q3": 7, "Q4": 10, "H1": 1, "H2": 7}
_SEASON_MONTHS = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def _part_of_year(expr: PartOfYear, tense: Tense, anchor: Anchor) -> str | None:
    """ "2024-Q3", "2024-SU": the year written, else counted from the article's day."""
    day = anchor.earliest if anchor.days() else None
    if expr.part == "Q":
        if day is None:
            return None
        shift = expr.shift if expr.shift is not None else -(tense is Tense.PAST)
        quarter = (day.month - 1) // 3 + shift
        return f"{day.year + quarter // 4}-Q{quarter % 4 + 1}"
    if expr.year is not None:
        return f"{expr.year}-{expr.part}"
    year = anchor.year if day is None else day.year
    if year is None:
        return f"XXXX-{expr.part}"
    if expr.year_shift is not None:
        return f"{year + expr.year_shift}-{expr.part}"
    if day is None:
        return f"{year}-{expr.part}" if expr.shift in (None, 0) else None
    first_month = _QUARTER_MONTHS.get(expr.part) or _SEASON_MONTHS[expr.part]
    length = 6 if expr.part.startswith("H") else 3
    begins = date(year, first_month, 1)
    ends = _add_months(begins, length) - timedelta(days=1)
    if expr.shift is not None and expr.shift < 0:
        year -= ends >= day  # "last summer" in July is last year's
    elif expr.shift is not None and expr.shift > 0:
        year += begins <= day  # "next summer" in July is next year's
    elif expr.shift is None and tense is Tense.PAST and begins > day:
        year -= 1  # "third-quarter profit rose", told in May: last year's third quarter
    elif expr.shift is None and tense is Tense.FUTURE and ends < day:
        year += 1
    return f"{year}-{expr.part}"


def _add_months(day: date, months: int) -> date:
    count = day.year * 12 + day.month - 1 + months
    return date(count // 12, count % 12 + 1, 1)


def _clock(
    index: int,
    mention: TimeMention,
    clock: Clock,
    facts: ArticleFacts,
    days: dict[int, date],
    anchor: Anchor,
) -> Timex:
    """A time of day, on the day of the date beside it in its sentence, else counted from the
    article's day ("this evening", "at 3 p.m.")."""
    start, end = mention.span
    near = [
        (abs(other.span.start - mention.span.start), days[number])
        for number, other in enumerate(facts.times)
        if number in days and other.sentence == mention.sentence and number != index
    ]
    if near and clock.day is None:
        day: date | None = min(near)[1]
    else:
        written = anchor.earliest if len(anchor.days()) == 1 else None
        day = written + timedelta(days=clock.day or 0) if written else None
    return Timex(start, end, "TIME", f"{day.isoformat() if day else 'XXXX-XX-XX'}T{clock.time}")
