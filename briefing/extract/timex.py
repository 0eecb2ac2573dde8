"""Time expressions: find every phrase that dates something, and write down what it says.

Only patterns made for dates are matched, so "1000 for 1000", "1000 GMT", "We", the verb "may",
"a second round" or "three years of war" never become dates. What a phrase *means* ("on Monday" is
which Monday?) depends on the article's date and is decided later, in `briefing.resolve.dates`.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from briefing.extract.lexicon import EVENT_WORDS
from briefing.extract.sentences import sentence_index
from briefing.extract.tense import is_quoted, tense_at
from briefing.extract.timespans import find_spans
from briefing.model import (
    Clock,
    DateFields,
    DatingExpr,
    PartOfYear,
    RelativeRef,
    Span,
    Tense,
    TimeExpr,
    TimeMention,
    WeekdayRef,
    WrittenDate,
)

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
            "sunday": 6}  # fmt: skip
NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
           "seven": 7, "eight": 8, "nine": 9, "ten": 10}  # fmt: skip


def _names(words: list[str], abbreviated: bool = False) -> str:
    forms = []
    for word in sorted(words, key=len, reverse=True):
        forms.append(word.capitalize() + (r"\.?" if abbreviated and len(word) <= 4 else ""))
    return "(?:" + "|".join(forms) + ")"


# "May" only in full: the abbreviations are all other months.
_MONTH = _names([name for name in MONTHS if len(name) > 3 or name == "may"])
_MONTH_ABBR = _names(
    [name for name in MONTHS if len(name) <= 4 and name != "may"], abbreviated=True
)
MONTH = f"(?:{_MONTH}|{_MONTH_ABBR})"
WEEKDAY = _names(list(WEEKDAYS))
DAY = r"(?<!\d)(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d|[,.]\d{3}(?!\d))"
YEAR = r"(?:19|20)\d{2}(?!\d)"
DASH = r"\s*(?:-|–|—|to|through|until|till)\s*"
# Words after a number that make it a count, a size or a price, never a year.
NOT_A_YEAR_AFTER = re.compile(
    r"\s*(?:GMT|UTC|hours|hrs|h\b|people|persons|prisoners|soldiers|troops|civilians|"
    r"kilomet|km|miles|metres|meters|dollars|euros|usd|eur|tonnes|tons|%|[$€£]|views)",
    re.IGNORECASE,
)

_WRITTEN_PATTERNS = [
    # 2025-06-02
    re.compile(
        r"(?<![\d-])(?P<year>(?:19|20)\d{2})-(?P<month>0[1-9]|1[0-2])-(?P<day>[0-3]\d)(?![\d-])"
    ),
    # 02.06.2025 (day first, as written outside the US)
    re.compile(
        r"(?<![\d.])(?P<day>[0-3]?\d)\.(?P<month>[01]?\d)\.(?P<year>(?:19|20)\d{2})(?!\d|\.\d)"
    ),
    # Monday, June 2 / May 26-27 / May 23 to 25 / May 30 - June 2 / June 2nd, 2025
    re.compile(
        rf"(?:(?P<weekday>{WEEKDAY}),?\s+(?:the\s+)?)?(?P<month>{MONTH})\s+(?:the\s+)?(?P<day>{DAY})"
        rf"(?:(?P<dash>{DASH}|\s+and\s+)(?:(?P<month2>{MONTH})\s+)?(?P<day2>{DAY}))?"
        rf"(?:,?\s+(?P<year>{YEAR})|\s+(?P<shift>this|last|next)\s+year\b)?"
    ),
    # 16 May / the 2nd of June / 23-25 May 2025 / 30 May - 2 June
    re.compile(
        rf"(?:(?P<weekday>{WEEKDAY}),?\s+)?(?:the\s+)?(?P<day>{DAY})"
        rf"(?:\s+(?:of\s+)?(?P<month1>{MONTH}))?(?:(?P<dash>{DASH}|\s+and\s+)(?:the\s+)?(?P<day2>{DAY}))?"
        rf"\s+(?:of\s+)?(?P<month>{MONTH})(?:,?\s+(?P<year>{YEAR})|\s+(?P<shift>this|last|next)\s+year\b)?"
    ),
    # February 2022 / mid-May 2025
    re.compile(rf"(?P<month>{MONTH}),?\s+(?P<year>{YEAR})"),
    # in May this year / May of last year
    re.compile(rf"(?P<month>{MONTH})\s+(?:of\s+)?(?P<shift>this|last|next)\s+year\b"),
    # in May / since March / early June (a bare month only after a word that makes it a time)
    re.compile(
        rf"\b(?i:in|since|until|till|by|during|through|throughout|from|of|before|after|early|late|"
        rf"mid|end of|beginning of|start of|middle of)[\s-]+(?:early\s+|late\s+|mid-?)?"
        rf"(?P<month>{_MONTH}|"
        rf"{_MONTH_ABBR})\b(?![\s.]*\d)"
    ),
    # in 2022 / since 2014 / the 2022 talks / from 2014 to 2022
    re.compile(
        rf"\b(?i:in|since|by|until|till|from|during|throughout|before|after|of|early|late|mid|"
        rf"spring|summer|autumn|fall|winter|end of|start of|beginning of|year)[\s-]+"
        rf"(?P<year>{YEAR})(?:(?P<dash>{DASH}|\s+and\s+)(?P<year2>{YEAR}))?"
        rf"|\b(?:the|a|its|their|his|her)\s+(?P<year3>{YEAR})(?=\s+\w)"
    ),
    # "2019" on its own (listed, but it dates no happening: it may be a count) is tried at each
    # year, as `_BARE_YEAR`, not here
]
# Patterns only some sentences can hold, and the words (in lower case) one of which they hold.
_GUARDED_PATTERNS = [
    # last June / this September / next March
    (
        re.compile(
            rf"\b(?P<direction>[Ll]ast|[Tt]his|[Nn]ext|[Pp]ast|[Cc]oming)\s+"
            rf"(?P<month>{_MONTH}|{_MONTH_ABBR})\b(?![\s.]*\d)"
        ),
        ("last ", "this ", "next ", "past ", "coming "),
    ),
    # from late May to early June / between March and May 2024
    (
        re.compile(
            rf"\b(?:from|between)\s+(?:(?:early|late|mid)[\s-]+)?(?P<month>{_MONTH}|{_MONTH_ABBR})"
            rf"(?:\s+(?P<year>{YEAR}))?\s+(?:to|and|until|till|through)\s+"
            rf"(?:(?:early|late|mid)[\s-]+)?(?P<month2>{_MONTH}|{_MONTH_ABBR})\b"
            rf"(?![\s.]*\d{{1,2}}\b)(?:,?\s+(?P<year2>{YEAR}))?"
        ),
        ("from ", "between "),
    ),
]
_YEAR_PATTERNS = frozenset({0, 1, 7})  # the ones that hold a year, not a month's name
_BARE_YEAR = re.compile(rf"(?<![\w$€£#.,/-])(?P<bare>{YEAR})(?![\w%]|[.,]\d|-\d)")
_COUNTED_AFTER = re.compile(r"\s+(?!was\b|is\b|has\b|as\b|this\b|its\b|his\b)[a-z]+s\b")
_COUNTED_BEFORE = re.compile(
    r"(?:\b(?:about|some|nearly|almost|over|under|than|around|roughly|only|just|least|most|"
    r"No|no|number|page|pages|room|flight|route|model|version|windows|Windows)|[\d+×x])\s+$"
)

_WEEKDAY_PATTERN = re.compile(
    rf"(?:\b(?P<modifier>last|next|this|coming|past|previous|late|early|later|earlier)\s+)?(?P<weekday>{WEEKDAY})\b"
    rf"(?:(?P<dash>\s*(?:-|–|to|through|until|till|and)\s*)(?P<until>{WEEKDAY})\b)?"
    rf"(?P<possessive>['’]s)?(?:\s+(?:morning|afternoon|evening|night)\b)?"
)
_RELATIVE_PATTERN = re.compile(
    r"\b(?P<day>[Tt]oday|[Tt]onight|[Yy]esterday|[Tt]omorrow)\b"
    r"|\b(?P<which>[Tt]his|[Nn]ext|[Ll]ast|(?:the\s+)?[Cc]urrent)\s+(?:fiscal\s+)?(?P<unit>week|month|year|weekend)\b"
    r"|(?:\b(?:[Oo]ver|[Dd]uring|[Tt]hrough|[Aa]t)\s+)?\b(?P<the_weekend>[Tt]he weekend)\b"
    r"|\b(?P<count>(?i:an?|one|two|three|four|five|six|seven|eight|nine|ten)|\d{1,2})\s+"
    r"(?P<ago_unit>day|week|month|year)s?\s+ago\b"
    r"|\b(?P<earlier_count>(?i:an?|one|two|three|four|five)|\d)\s+(?P<earlier_unit>year|month)s?\s+"
    r"(?:earlier|before)\b"
)
_UNITS: dict[str, Literal["week", "weekend", "month", "year", "day"]] = {
    "week": "week", "weekend": "weekend", "month": "month", "year": "year", "day": "day"
}  # fmt: skip
_VAGUE_BEFORE = re.compile(r"(?:earlier|later|late|early|past|the)\s+$", re.IGNORECASE)
_ROUGH_BEFORE = re.compile(r"(?:earlier|later|late|early)\s+$", re.IGNORECASE)
_NAMED_DAY_BEFORE = re.compile(r"(?:Good|Black|Cyber|Super|Bloody|Holy|Easter|Palm|Ash)\s+$")


@dataclass(frozen=True, slots=True)
class _Found:
    span: Span
    expr: TimeExpr


def find_times(
    text: str, sentences: list[Span], quoted_at_start: bool = False
) -> list[TimeMention]:
    """Every time expression in `text`, in reading order, each with its sentence and tense.
    `quoted_at_start` says whether `text` begins inside a quotation."""
    anchors = _all_anchors(text)
    found = _without_overlaps(
        [
            *_written(text, anchors["month"], anchors["year"]),
            *_weekdays(text, anchors["weekday"]),
            *_relatives(text, anchors["relative"]),
            *_spans(text),
        ]
    )
    found = _years_ago_on(text, found)
    found = [_done(text, item) for item in found]
    placed = [(item, sentence_index(sentences, item.span.start)) for item in found]
    clocks = _clocks_of(placed, sentences)
    mentions = []
    for index, (item, sentence) in enumerate(placed):
        if not isinstance(item.expr, _TOLD_IN_TIME):
            # a length, a repeat, "now", an era, a clock: no tense or quotation changes them
            mentions.append(TimeMention(item.span, item.expr, sentence))
            continue
        where = sentences[sentence] if sentences else Span(0, len(text))
        tense = tense_at(text, where, item.span)
        if isinstance(item.expr, WeekdayRef) and text.startswith(("'s", "’s"), item.span.end):
            # "Monday's talks": the sentence's tense is not the talks', but "after"/"since" or
            # "before"/"ahead of" just before them says which way they lie
            tense = _told_by_a_preposition(text, where.start, item.span.start)
        elif isinstance(item.expr, WeekdayRef) and _UNTIL_BEFORE.search(
            text, max(0, item.span.start - 8), item.span.start
        ):
            tense = Tense.FUTURE if tense is not Tense.PAST else tense  # "until Friday"
        clock = clocks.get(index)
        mentions.append(
            TimeMention(
                span=item.span,
                expr=item.expr,
                sentence=sentence,
                tense=tense,
                quoted=is_quoted(text, item.span.start, quoted_at_start),
                time=clock.time if clock else None,
                timezone=clock.zone if clock else None,
                part=_part_of_day(item.span.of(text)),
            )
        )
    return mentions


def _done(text: str, item: _Found) -> _Found:
    """ "the Aug. 8 wildfires", "the March 26 bridge collapse": a day that names a disaster, an
    attack or a death, which nobody schedules, is a day gone by."""
    expr = item.expr
    if not (isinstance(expr, WrittenDate) and expr.start.year is None and expr.start.day):
        return item
    if not text.endswith(("the ", "The "), 0, item.span.start):
        return item
    named = _NAMED_AFTER.match(text, item.span.end)
    if named is None or not any(
        EVENT_WORDS.get(word) in _UNSCHEDULED for word in named.group().lower().split()
    ):
        return item
    return _Found(item.span, expr._replace(done=True))


# the words after an attributive day, up to the noun: "Maui wildfires", "bridge collapse"
_NAMED_AFTER = re.compile(r"(?:,?\s+[\w’'-]+){1,3}")
_UNSCHEDULED = frozenset({"disaster", "attack", "death", "war"})


def _years_ago_on(text: str, found: list[_Found]) -> list[_Found]:
    """ "a year ago on Aug. 8", "on Aug. 8 last year": one date, the day in the year counted."""
    joined: list[_Found] = []
    for item in found:
        last = joined[-1] if joined else None
        if last is not None:
            gap = text[last.span.end : item.span.start]
            pair = (last.expr, item.expr)
            if _YEARS_BACK_ON.fullmatch(gap) and (ago := _years_back(pair[0])) is not None:
                day = _day_without_year(pair[1])
            elif _YEARS_BACK_AFTER.fullmatch(gap) and (ago := _years_back(pair[1])) is not None:
                day = _day_without_year(pair[0])
            else:
                day = None
            if day is not None:
                joined[-1] = _Found(
                    Span(last.span.start, item.span.end), day._replace(year_shift=ago)
                )
                continue
        joined.append(item)
    return joined


_YEARS_BACK_ON = re.compile(r",?\s+(?:on|in)\s+")
_YEARS_BACK_AFTER = re.compile(r",?\s+")


def _years_back(expr: object) -> int | None:
    if isinstance(expr, RelativeRef) and expr.unit == "year" and expr.offset < 0 and not expr.loose:
        return expr.offset
    return None


def _day_without_year(expr: object) -> WrittenDate | None:
    if (
        isinstance(expr, WrittenDate)
        and expr.start.year is None
        and expr.start.month is not None
        and expr.year_shift is None
        and expr.end is None
        and not expr.direction
    ):
        return expr
    return None


_TOLD_IN_TIME = (WrittenDate, WeekdayRef, RelativeRef, PartOfYear)  # what tense can move
_PREPOSITION_OF_TIME = re.compile(
    r"\b(?:(?P<past>after|since|following)|(?P<future>before|ahead of))\b(?!.*\b(?:after|since|"
    r"following|before|ahead of)\b)[^,;.]{0,50}$",
    re.IGNORECASE,
)


def _told_by_a_preposition(text: str, sentence_start: int, start: int) -> Tense:
    match = _PREPOSITION_OF_TIME.search(text, max(sentence_start, start - 70), start)
    if match is None:
        return Tense.UNKNOWN
    return Tense.PAST if match["past"] else Tense.FUTURE


_UNTIL_BEFORE = re.compile(r"\b(?:until|till|through|by)\s+$", re.IGNORECASE)
_PART_OF_DAY = re.compile(r"\b(morning|afternoon|evening|night)$", re.IGNORECASE)
_PART_CODES = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}


def _part_of_day(words: str) -> str | None:
    """ "Friday morning": the day, in the morning (MO)."""
    found = _PART_OF_DAY.search(words)
    return _PART_CODES[found.group(1).lower()] if found else None


def _spans(text: str) -> Iterator[_Found]:
    for found in find_spans(text):
        yield _Found(found.span, found.expr)


# Every written date holds a month's name, a year or a dotted day: the patterns are tried only
# around those, not at every character of the article.
# Plain alternatives of words are what Python's regex engine scans fastest.
_MONTH_ANCHOR = re.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\b"
)  # whole words: "Market" and "Decision" hold no month
_YEAR_ANCHOR = re.compile(r"(?:19|20)\d\d")
_WEEKDAY_ANCHOR = re.compile(WEEKDAY)
_RELATIVE_ANCHOR = re.compile(
    "Today|today|Tonight|tonight|Yesterday|yesterday|Tomorrow|tomorrow|week|month|year|ago"
)


def _near(
    pattern: re.Pattern[str], text: str, anchors: list[tuple[int, int]], before: int, after: int
) -> Iterator[re.Match[str]]:
    """The matches of `pattern` that hold one of the anchors (sorted by start)."""
    starts = [start for start, _ in anchors]
    for low, high in _windows(text, anchors, before, after):
        for match in pattern.finditer(text, low, high):
            first = bisect.bisect_left(starts, match.start())
            if first < len(anchors) and anchors[first][1] <= match.end():
                yield match


def _windows(
    text: str, anchors: list[tuple[int, int]], before: int, after: int
) -> list[tuple[int, int]]:
    """The text around the anchors, overlapping stretches merged, each from a word's start."""
    windows: list[tuple[int, int]] = []
    for start, end in anchors:
        low = max(0, start - before)
        low = text.rfind(" ", 0, low) + 1 if low else 0
        high = min(len(text), end + after)
        if windows and low <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(windows[-1][1], high))
        else:
            windows.append((low, high))
    return windows


def _anchors(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [match.span() for match in pattern.finditer(text)]


_ANCHOR = re.compile(
    "|".join(
        f"(?P<{kind}>{pattern.pattern})"
        for kind, pattern in (
            ("month", _MONTH_ANCHOR),
            ("year", _YEAR_ANCHOR),
            ("weekday", _WEEKDAY_ANCHOR),
            ("relative", _RELATIVE_ANCHOR),
        )
    )
)


def _all_anchors(text: str) -> dict[str, list[tuple[int, int]]]:
    """Where each kind of written time can be (its months, years, weekdays, relative words),
    in one scan of the text."""
    found: dict[str, list[tuple[int, int]]] = {
        "month": [], "year": [], "weekday": [], "relative": []
    }  # fmt: skip
    for match in _ANCHOR.finditer(text):
        found[match.lastgroup or ""].append(match.span())
    return found


def _written(
    text: str, months: list[tuple[int, int]], years: list[tuple[int, int]]
) -> Iterator[_Found]:
    anchors = sorted(months + years)
    if not anchors:
        return
    lower = text.lower()
    patterns = [
        *((pattern, years if index in _YEAR_PATTERNS else months)
          for index, pattern in enumerate(_WRITTEN_PATTERNS)),
        *((pattern, months) for pattern, words in _GUARDED_PATTERNS
          if any(w in lower for w in words)),
    ]  # fmt: skip
    for pattern, near in patterns:
        if not near:
            continue  # each pattern holds a year or a month's name: none here
        for match in _near(pattern, text, near, before=48, after=64):
            if (expr := _written_expr(match, text)) is not None:
                start, end = match.span()
                core = text[start:end]
                lead = _leading_preposition(core)
                yield _Found(Span(start + lead, end), expr)
    for start, _ in years:
        if (bare := _BARE_YEAR.match(text, start)) and (year := _bare_year(bare, text)):
            yield _Found(Span(*bare.span()), year)
    if months and (" and " in text or " or " in text):
        yield from _lists(text, months)


_LISTED_DAY = re.compile(DAY)
_LISTS = [
    # 8, 9 and 10 July / 8 and 10 July 2025
    re.compile(
        rf"(?P<days>{DAY}(?:\s*,\s*{DAY})*,?\s+(?:and|or)\s+{DAY})\s+(?:of\s+)?(?P<month>{MONTH})"
        rf"(?:,?\s+(?P<year>{YEAR}))?"
    ),
    # July 8, 9 and 10 / March 15th and 16th, 2025
    re.compile(
        rf"(?P<month>{MONTH})\s+(?P<days>{DAY}(?:\s*,\s*{DAY})*,?\s+(?:and|or)\s+{DAY})"
        rf"(?:,?\s+(?P<year>{YEAR}))?"
    ),
]


def _lists(text: str, anchors: list[tuple[int, int]]) -> Iterator[_Found]:
    """Days listed under one month: a run of days is one stretch ("15th and 16th"), other lists
    are each day on its own ("on 8 and 10 July")."""
    for pattern in _LISTS:
        for match in _near(pattern, text, anchors, before=48, after=64):
            if _between_before(text, match.start()):
                continue  # "between 8 and 10 July": a stretch, read as one
            month = _month(match["month"])
            year = int(match["year"]) if match["year"] else None
            days = [
                (day, int(re.sub(r"\D", "", day.group())))
                for day in _LISTED_DAY.finditer(match["days"])
            ]
            numbers = [number for _, number in days]
            if month is None or not all(_valid(year, month, n) for n in numbers):
                continue
            if numbers != sorted(set(numbers)):
                continue
            if numbers == list(range(numbers[0], numbers[-1] + 1)):
                expr = WrittenDate(
                    DateFields(year, month, numbers[0]), DateFields(year, month, numbers[-1])
                )
                yield _Found(Span(*match.span()), expr)
                continue
            offset = match.start("days")
            for day, number in days:
                span = Span(offset + day.start(), offset + day.end())
                if day is days[0][0] and match.start("month") < offset:
                    span = Span(match.start(), span.end)  # "July 8": the month goes with the first
                elif day is days[-1][0] and match.start("month") > offset:
                    span = Span(span.start, match.end())  # "10 July": and with the last
                yield _Found(span, WrittenDate(DateFields(year, month, number)))


_PREPOSITION = re.compile(
    r"^(?:in|since|until|till|by|during|through|throughout|from|of|before|after|the|a|its|their|"
    r"his|her|year|end of|beginning of|start of)\s+",
    re.IGNORECASE,
)


def _leading_preposition(core: str) -> int:
    match = _PREPOSITION.match(core)
    return match.end() if match else 0


def _month(name: str | None) -> int | None:
    if not name:
        return None
    if name.isdigit():
        return int(name) if 1 <= int(name) <= 12 else None
    return MONTHS.get(name.rstrip(".").lower())


def _day(text: str | None) -> int | None:
    return int(re.sub(r"\D", "", text)) if text else None


def _written_expr(match: re.Match[str], text: str) -> WrittenDate | None:
    groups = {key: value for key, value in match.groupdict().items() if value is not None}
    if "month2" in groups and "day" not in groups:
        return _month_range(groups)
    if "direction" in groups:
        direction = groups["direction"].lower()
        fields = DateFields(None, _month(groups["month"]))
        if direction == "this":
            return WrittenDate(fields, year_shift=0)
        return WrittenDate(fields, direction=-1 if direction in ("last", "past") else 1)
    shift = {"this": 0, "last": -1, "next": 1}.get(groups.get("shift", ""))
    if shift is not None and "day" not in groups:
        return WrittenDate(DateFields(None, _month(groups["month"]), None), year_shift=shift)
    if NOT_A_YEAR_AFTER.match(text, match.end()):
        return None
    if "year3" in groups or ("year" in groups and "month" not in groups):
        return _year_expr(groups, text, match)
    month = _month(groups.get("month"))
    year = int(groups["year"]) if "year" in groups else None
    day = _day(groups.get("day"))
    if month is None or (day is not None and not _valid(year, month, day)):
        return None
    weekday = WEEKDAYS[groups["weekday"].lower()] if "weekday" in groups else None
    start = DateFields(year, month, day)
    end = None
    if "day2" in groups:
        month2 = _month(groups.get("month2")) or month
        if "month1" in groups:  # "30 May - 2 June": the first month is month1
            start = DateFields(year, _month(groups["month1"]), day)
            month2 = month
        day2 = _day(groups["day2"])
        if (
            day2 is None
            or not _valid(year, month2, day2)
            or (month2, day2) <= (start.month or 0, day or 0)
        ):
            return None
        listed = groups.get("dash", "").strip() == "and" and not _between_before(
            text, match.start()
        )
        if listed and not (month2 == start.month and day2 == (day or 0) + 1):
            return None  # "May 23 and 25": two days, each its own (see `_lists`)
        end = DateFields(year, month2, day2)
    return WrittenDate(start, end, weekday, shift)


def _bare_year(match: re.Match[str], text: str) -> WrittenDate | None:
    """ "2019" on its own is a year unless the words around it count something ("2000 troops",
    "about 2000", "flight 2019")."""
    if (
        NOT_A_YEAR_AFTER.match(text, match.end())
        or _COUNTED_AFTER.match(text, match.end())
        or _COUNTED_BEFORE.search(text, max(0, match.start() - 12), match.start())
        or "©" in text[max(0, match.start() - 12) : match.start()]
    ):
        return None
    return WrittenDate(DateFields(int(match["bare"])), loose=True)


def _month_range(groups: dict[str, str]) -> WrittenDate | None:
    """ "From late May to early June": two months and what lies between."""
    month, month2 = _month(groups["month"]), _month(groups["month2"])
    if month is None or month2 is None or month == month2:
        return None
    year = int(groups["year"]) if "year" in groups else None
    year2 = int(groups["year2"]) if "year2" in groups else None
    if year is None and year2 is not None:
        year = year2 if month < month2 else year2 - 1
    if year2 is None and year is not None:
        year2 = year if month < month2 else year + 1
    return WrittenDate(DateFields(year, month), DateFields(year2, month2))


def _year_expr(groups: dict[str, str], text: str, match: re.Match[str]) -> WrittenDate | None:
    year = int(groups.get("year") or groups["year3"])
    before = text[max(0, match.start() - 12) : match.start()]
    if "©" in before or "copyright" in before.lower():
        return None
    end = None
    if "year2" in groups:
        year2 = int(groups["year2"])
        if groups.get("dash", "").strip() == "and" and not _between_before(text, match.start()):
            return WrittenDate(DateFields(year))
        if year2 <= year:
            return None
        end = DateFields(year2)
    return WrittenDate(DateFields(year), end)


def _between_before(text: str, start: int) -> bool:
    return text[max(0, start - 9) : start].lower().rstrip().endswith("between")


def _valid(year: int | None, month: int, day: int) -> bool:
    import calendar

    if not 1 <= month <= 12:
        return False
    last = calendar.monthrange(year or 2024, month)[1]  # a leap year when the year is unknown
    return 1 <= day <= last


def _weekdays(text: str, anchors: list[tuple[int, int]]) -> Iterator[_Found]:
    for match in _near(_WEEKDAY_PATTERN, text, anchors, before=16, after=40):
        before = text[max(0, match.start() - 12) : match.start()]
        if _NAMED_DAY_BEFORE.search(before):
            continue  # "Good Friday", "Black Friday": names, not days of this week
        modifier = (match["modifier"] or "").lower()
        shift = {"last": -1, "next": 1, "coming": 1, "past": -1, "previous": -1}.get(modifier, 0)
        first = WEEKDAYS[match["weekday"].lower()]
        until = WEEKDAYS[match["until"].lower()] if match["until"] else None
        if until is not None and match["dash"].strip() == "and" and until != (first + 1) % 7:
            until = None  # "Monday and Thursday": two days, not a stretch of them
        end = (
            match.end("until" if until is not None else "weekday")
            if match["possessive"]
            else match.end()
        )
        yield _Found(Span(match.start(), end), WeekdayRef(first, shift, until))


def _relatives(text: str, anchors: list[tuple[int, int]]) -> Iterator[_Found]:
    for match in _near(_RELATIVE_PATTERN, text, anchors, before=24, after=8):
        expr: RelativeRef | None
        if match["the_weekend"]:
            expr = RelativeRef("weekend", 0)
        elif match["day"]:
            word = match["day"].lower()
            expr = RelativeRef(
                "day", {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[word]
            )
        elif match["which"]:
            before = text[max(0, match.start() - 9) : match.start()]
            offset = {"this": 0, "next": 1, "last": -1}.get(match["which"].lower(), 0)
            unit = _UNITS[match["unit"]]
            if _ROUGH_BEFORE.search(before) and (offset == 0 or unit in ("month", "year")):
                # "earlier this month", "early next year": that month, that year; "earlier
                # this week", no telling which days
                expr = RelativeRef(unit, offset, loose=unit in ("week", "weekend"))
            elif _VAGUE_BEFORE.search(before):
                continue  # "the next week", "the past month": a stretch, not a date
            else:
                expr = RelativeRef(unit, offset)
        elif match["earlier_unit"]:
            # "a year earlier": counted from a time the text is telling of, not from the
            # article's; as TimeML values it, from the article's, but never on the timeline
            count = NUMBERS.get(match["earlier_count"].lower()) or int(match["earlier_count"])
            expr = RelativeRef(_UNITS[match["earlier_unit"]], -count, loose=True)
        else:
            count = NUMBERS.get(match["count"].lower()) or int(match["count"])
            if match["ago_unit"] == "week":  # "two weeks ago": a day, roughly
                expr = RelativeRef("day", -7 * count, loose=True)
            else:
                expr = RelativeRef(_UNITS[match["ago_unit"]], -count)
        if expr is not None:
            yield _Found(Span(*match.span()), expr)


def _without_overlaps(found: list[_Found]) -> list[_Found]:
    """Where two expressions overlap, the longer one says more ("Monday, June 2" over "Monday")."""
    chosen: list[_Found] = []
    for item in sorted(found, key=lambda f: (-(f.span.end - f.span.start), f.span.start)):
        if all(
            item.span.end <= other.span.start or item.span.start >= other.span.end
            for other in chosen
        ):
            chosen.append(item)
    return sorted(chosen, key=lambda f: f.span.start)


@dataclass(frozen=True, slots=True)
class _Clock:
    span: Span
    time: str
    zone: str | None


def _clocks_of(placed: list[tuple[_Found, int]], sentences: list[Span]) -> dict[int, _Clock]:
    """Each clock time goes with the nearest date in its sentence ("on June 2 ... at 13:00")."""
    chosen: dict[int, tuple[int, _Clock]] = {}
    for clock_item, sentence in placed:
        clock = clock_item.expr
        if not isinstance(clock, Clock) or ":" not in clock.time:
            continue
        gaps = [
            (
                max(clock_item.span.start - item.span.end, item.span.start - clock_item.span.end),
                index,
            )
            for index, (item, where) in enumerate(placed)
            if where == sentence and isinstance(item.expr, DatingExpr)
        ]
        if gaps:
            gap, index = min(gaps)
            if index not in chosen or gap < chosen[index][0]:
                chosen[index] = (gap, _Clock(clock_item.span, clock.time, clock.zone))
    return {index: clock for index, (_, clock) in chosen.items()}
