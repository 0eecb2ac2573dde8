"""The date an article states for itself: a date line, its metadata, or a dateline in the text.

A file's modification time is never a publication date, and is never read. Dates the article only
implies (an event it reports as past, another it announces) are inferred later, by
`briefing.resolve.anchors`, once its time expressions are known.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from functools import lru_cache

from briefing.model import UNKNOWN_DATE, ArticleDate

_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[T\s].*)?$")
_DOTTED = re.compile(r"^\s*(\d{1,2})\.(\d{1,2})\.(\d{4})(?:\s.*)?$")
_DATELINE = re.compile(
    r"^\s*(?:(?:published|updated|posted|date)\s*(?:on)?\s*:?\s*)?"
    r"(?P<date>\d{1,2}\.\d{1,2}\.\d{4}|\d{4}-\d{2}-\d{2}|"
    r"(?:[A-Z][a-z]+\.?\s+\d{1,2},?\s+\d{4})|(?:\d{1,2}\s+[A-Z][a-z]+\.?,?\s+\d{4}))"
    r"(?:[\s,]+\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?)?\s*(?:[|•·—–-].*)?$",
    re.IGNORECASE,
)
_CITY_DATELINE = re.compile(
    r"^[A-Z][A-Za-z .'’-]{1,40},\s+(?P<date>[A-Z][a-z]+\.?\s+\d{1,2},?\s+\d{4})"
    r"\s*(?:\([^)]{1,40}\))?\s*[—–-]"
)
HEAD_LINES = 8


def stated_date(
    written: str | None,
    how: str,
    body: str,
    published: tuple[str, str] | None = None,
    url: str | None = None,
) -> ArticleDate:
    """The date the article gives itself: in the file's metadata (`written`), in a byline or a
    "Published" line of the page (`published`: the words and what line they were on), in its
    first lines, or in its address (`/2021/03/04/`)."""
    if written and (day := parse_date(written)) is not None:
        return ArticleDate.stated(day, how)
    if published and (day := date_in(published[0])) is not None:
        return ArticleDate.stated(day, published[1])
    for line in [line for line in body.split("\n") if line.strip()][:HEAD_LINES]:
        for pattern, where in ((_DATELINE, "date line"), (_CITY_DATELINE, "dateline")):
            if (match := pattern.match(line.strip())) and (day := parse_date(match["date"])):
                return ArticleDate.stated(day, where)
    if url and (day := url_date(url)) is not None:
        return ArticleDate.stated(day, "date in its address")
    return UNKNOWN_DATE


_URL_DATE = re.compile(
    r"[/_-](?P<year>(?:19|20)\d\d)[/_-]?(?P<month>0[1-9]|1[0-2])[/_-]?(?P<day>0[1-9]|[12]\d|3[01])"
    r"(?=[/_.-]|$)"
)


_URL_NAMED_MONTH = re.compile(
    r"/(?P<year>(?:19|20)\d\d)/(?P<month>[a-z]{3})[a-z]*/(?P<day>0?[1-9]|[12]\d|3[01])/",
    re.IGNORECASE,
)


def url_date(url: str) -> date | None:
    """The day a news address carries, as most sites write it: /2021/03/04/, -20210304-,
    /2021/mar/04/."""
    path = url.split("?", 1)[0].split("#", 1)[0]
    if match := _URL_DATE.search(path):
        return _date(int(match["year"]), int(match["month"]), int(match["day"]))
    if match := _URL_NAMED_MONTH.search(path):
        return parse_date(f"{match['day']} {match['month']} {match['year']}")
    return None


_FULL_DATE = re.compile(
    r"\b(?:\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{4}"
    r"|[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}"
    r"|\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]{2,8}\.?,?\s+\d{4})\b"
)


def date_in(words: str) -> date | None:
    """The first full date in a short line: "By A. Writer, March 4, 2021 8:05 PM · 2 min"."""
    match = _FULL_DATE.search(words)
    return parse_date(match.group()) if match else None


@lru_cache(maxsize=4096)
def parse_date(text: str) -> date | None:
    """A date written in full (day, month and year), in any common form; None otherwise."""
    text = text.strip()
    if match := _ISO.match(text):
        return _date(int(match[1]), int(match[2]), int(match[3]))
    if match := _DOTTED.match(text):
        return _date(int(match[3]), int(match[2]), int(match[1]))
    try:
        return parsedate_to_datetime(text).date()  # "Mon, 02 Jun 2025 10:00:00 +0300"
    except (TypeError, ValueError, IndexError):
        pass
    return _dateparser(text)


def _date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _dateparser(text: str) -> date | None:
    import dateparser  # slow to import; most corpora never need it

    settings = {
        "STRICT_PARSING": True,
        "REQUIRE_PARTS": ["day", "month", "year"],
        "PREFER_DATES_FROM": "past",
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    parsed: datetime | None = dateparser.parse(text, settings=settings)
    return parsed.date() if parsed is not None else None
