"""Dates and counts in the words a reader expects; shared by the command line and the dashboard."""

from __future__ import annotations

from briefing.model import ArticleDate, DateSource, DateSpan, PartialDate

_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
_WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]


def human_date(day: PartialDate, weekday: bool = True) -> str:
    """`Mon 2 Jun 2025`, `May 2025` or `2022`."""
    if day.precision == "year":
        return str(day.year)
    month = _MONTHS[day.month - 1]
    if day.precision == "month":
        return f"{month} {day.year}"
    text = f"{day.day} {month} {day.year}"
    return f"{_WEEKDAYS[day.first().weekday()]} {text}" if weekday else text


def human_when(when: DateSpan, weekday: bool = True) -> str:
    """A date or a range: `Mon 2 Jun 2025`, `23–25 May 2025`, `30 May – 2 Jun 2025`."""
    start, end = when.start, when.end
    if end is None:
        return human_date(start, weekday)
    if start.precision == end.precision == "day" and start.year == end.year:
        if start.month == end.month:
            return f"{start.day}–{end.day} {_MONTHS[end.month - 1]} {end.year}"
        first, last = _MONTHS[start.month - 1], _MONTHS[end.month - 1]
        return f"{start.day} {first} – {end.day} {last} {end.year}"
    return f"{human_date(start, weekday=False)} – {human_date(end, weekday=False)}"


def human_time(when: DateSpan) -> str:
    if when.time is None:
        return ""
    return f"{when.time} {when.timezone}" if when.timezone else when.time


def human_article_date(written: ArticleDate) -> str:
    """`2 Jun 2025`, `25 May – 2 Jun 2025 (inferred)` or `undated`."""
    if written.earliest is None or written.latest is None:
        return "undated"
    span = DateSpan(
        PartialDate.of(written.earliest),
        None if written.earliest == written.latest else PartialDate.of(written.latest),
    )
    text = human_when(span) if span.end else human_date(span.start, weekday=False)
    return text if written.source is DateSource.STATED else f"{text} (inferred)"


def plural(count: int, noun: str, nouns: str | None = None) -> str:
    return f"{count} {noun if count == 1 else nouns or noun + 's'}"


# What is new (●) or changed (◐) since the last visit, as the timeline marks it
CHANGE_DOTS = {"new": "● ", "changed": "◐ "}
