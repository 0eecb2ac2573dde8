"""Time expressions that are not a day on the calendar: lengths, repeats, now, eras, parts of a
year and times of day.

"Three years", "every Monday", "recently", "the 1990s", "the third quarter", "last summer", "at
3 p.m.", "this evening": each is found and written down as TimeML would value it, so that
`briefing show` can list every time expression an article holds. Only some of them (parts of a
year, times of day) depend on when the article was written; none of them dates an event on the
timeline by itself.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from briefing.model import Clock, Duration, Era, PartOfYear, Recurrence, Reference, Span, TimeExpr

_UNITS = {
    "second": "S", "minute": "M", "hour": "H", "day": "D", "week": "W", "fortnight": "W2",
    "month": "M", "year": "Y", "decade": "DE", "century": "CE", "centurie": "CE", "quarter": "Q",
}  # fmt: skip
_CLOCK_UNITS = frozenset("SMH")
_ONES = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}  # fmt: skip
_VAGUE = ("several", "few", "a few", "many", "some", "a couple of", "couple of")
_NUMBER_WORD = "|".join(
    sorted([*(word for word in _ONES if word not in ("a", "an")), *_TENS, "hundred", "thousand",
            "dozen"], key=len)[::-1]
)  # fmt: skip
_NUMBER = (
    rf"(?:\d{{1,3}}(?:,\d{{3}})*(?:\.\d+)?(?:\s+1/2)?|(?:an?\s+)?(?:(?:{_NUMBER_WORD})[\s-]?)+"
    rf"|an?|a\s+couple\s+of|several|(?:a\s+)?few|many|couple\s+of)"
)
_UNIT = (
    r"(?:seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|years?|decades?|centur(?:y|ies))"
)
_LEAD = (
    r"(?:(?:the\s+)?(?:past|last|next|coming|first|latest|previous|final|following)\s+"
    r"|(?:more\s+than|less\s+than|nearly|almost|about|around|over|under|up\s+to|at\s+least|"
    r"at\s+most|some|roughly|within|no\s+more\s+than)\s+)?"
)
_DURATION = re.compile(
    rf"\b{_LEAD}(?P<number>{_NUMBER})[\s-]+(?:more\s+|additional\s+|straight\s+|consecutive\s+)?"
    rf"(?P<unit>{_UNIT})\b(?!-old|\s+old\b|\s+ago\b|\s+(?:earlier|later|before|after)\b)"
    r"(?:\s+and\s+a\s+half\b)?",
    re.IGNORECASE,
)
_QUARTERS = re.compile(
    rf"\b(?:the\s+)?(?:past|last|next|coming|first|previous|following)\s+(?P<number>{_NUMBER})\s+"
    r"(?:consecutive\s+|straight\s+)?quarters\b"
    rf"|\b(?P<count>{_NUMBER})\s+(?:consecutive|straight)\s+quarters\b",
    re.IGNORECASE,
)
_BARE_UNITS = re.compile(
    r"\b(?P<lead>for|in|within|over|after|several|few|many|recent|coming|the\s+past|the\s+next|"
    r"the\s+coming|the\s+last|the\s+first)\s+(?P<unit>seconds|minutes|hours|days|weeks|months|"
    r"years|decades|centuries)\b(?!\s+ago\b)",
    re.IGNORECASE,
)
_REFERENCES = {
    "now": "PRESENT_REF", "right now": "PRESENT_REF", "currently": "PRESENT_REF",
    "at present": "PRESENT_REF", "these days": "PRESENT_REF", "nowadays": "PRESENT_REF",
    "at the moment": "PRESENT_REF", "current": "PRESENT_REF", "recently": "PAST_REF",
    "more recently": "PAST_REF", "lately": "PAST_REF", "the past": "PAST_REF", "recent": "PAST_REF",
    "recent years": "PAST_REF", "recent days": "PAST_REF", "recent weeks": "PAST_REF",
    "recent months": "PAST_REF", "the future": "FUTURE_REF", "the near future": "FUTURE_REF",
    "the near term": "FUTURE_REF", "the short term": "FUTURE_REF", "the long term": "FUTURE_REF",
    "future": "FUTURE_REF",
}  # fmt: skip
_REFERENCE = re.compile(
    r"(?<![\w'’-])(?:" + "|".join(re.escape(key) for key in sorted(_REFERENCES, key=len)[::-1])
    + r")(?![\w'’-])"
    # "the past year", "the current quarter": a stretch or a date, not the past or the present
    r"(?!\s+(?:\w+\s+)?(?:years?|months?|weeks?|days?|decades?|quarters?|summers?|winters?|"
    r"springs?|autumns?|falls?|century|centuries|fiscal)\b)",
    re.IGNORECASE,
)  # fmt: skip
_DAYS = {"monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6,
         "sunday": 7}  # fmt: skip
_MONTHS = ("january february march april may june july august september october november "
           "december").split()  # fmt: skip
_PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "nights": "NI",
          "mornings": "MO", "afternoons": "AF", "evenings": "EV"}  # fmt: skip
_RECURRENCE = re.compile(
    r"\b(?P<adverb>daily|weekly|monthly|annually|yearly|hourly|nightly)\b"
    r"|\b(?:every|each)\s+(?:(?P<count>other|second|two|three|four|five|six|\d+)\s+)?"
    r"(?P<what>day|week|month|year|quarter|hour|morning|afternoon|evening|night|weekend|summer|"
    r"winter|spring|autumn|fall|season|monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"january|february|march|april|may|june|july|august|september|october|november|december)s?\b"
    r"|\b(?P<days>mondays|tuesdays|wednesdays|thursdays|fridays|saturdays|sundays)\b"
    r"|\b(?P<day>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\s+(?P<nights>nights|"
    r"mornings|afternoons|evenings)\b"
    r"|\b(?:once|twice|three\s+times)\s+(?:a|per|each)\s+(?P<per>day|week|month|year)\b",
    re.IGNORECASE,
)
_ADVERB_VALUES = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y",
                  "yearly": "P1Y", "hourly": "PT1H", "nightly": "P1D"}  # fmt: skip
_SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3,
             "4th": 4}  # fmt: skip
_YEAR = r"(?:19|20)\d{2}(?!\d)"
_PART_OF_YEAR = re.compile(
    rf"\b(?:(?P<shift>this|last|next|past|coming|the)\s+)?(?:(?:fiscal)\s+)?"
    rf"(?:(?P<ordinal>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+(?P<kind>quarter|half)"
    rf"|(?P<season>spring|summer|autumn|fall|winter))\b"
    rf"(?:\s+(?:of\s+)?(?:(?:fiscal\s+)?(?P<year>{_YEAR})|(?P<year_shift>this|last|next)\s+year))?"
    rf"|\b(?:the\s+)?(?P<year_first>{_YEAR}|this\s+year['’]s|last\s+year['’]s|next\s+year['’]s)"
    rf"\s+(?:fiscal\s+)?(?P<ordinal2>first|second|third|fourth)[\s-]+quarter\b"
    rf"|\b(?P<q>Q[1-4])\s+(?P<qyear>{_YEAR})"
    rf"|\b(?P<h>H[12])\s+(?P<hyear>{_YEAR})"
    rf"|\b(?:the\s+)?(?P<which>this|last|latest|previous|recent|most\s+recent|next|current)\s+"
    rf"(?:fiscal\s+)?quarter\b"
    rf"|\b(?P<the_quarter>[Tt]he\s+quarter)\b(?!\s+of\b)",
    re.IGNORECASE,
)
_ERA = re.compile(
    r"\b(?:the\s+)?(?:(?:early|late|mid)[\s-]+)?(?P<decade>(?:19|20)\d0)['’]?s\b"
    r"|\b(?:the\s+)?['’](?P<short>\d0)s\b"
    r"|\b(?:the\s+)?(?P<ordinal>1\d|2[01])(?:st|nd|rd|th)[\s-]+century\b"
    r"|\b(?:the\s+)?(?P<word>twentieth|twenty-first|nineteenth)[\s-]+century\b"
    r"|\b(?:the\s+)(?P<tens>twenties|thirties|forties|fifties|sixties|seventies|eighties|"
    r"nineties)\b",
    re.IGNORECASE,
)
_DECADE_WORDS = frozenset(
    "twenties thirties forties fifties sixties seventies eighties nineties".split()
)
_ORDINAL_CENTURIES = {"nineteenth": 19, "twentieth": 20, "twenty-first": 21}
_ZONE = (
    r"\s*\(?(?:GMT|UTC|CET|CEST|EET|EEST|MSK|[ECMP][SD]T|BST|IST|JST|AEST|AEDT|local time|"
    r"[A-Z][a-z]+ time)\)?"
)
_CLOCK = re.compile(
    rf"(?<![\w:.$€£])(?P<hour>[01]?\d|2[0-3])(?:[:.](?P<minute>[0-5]\d))?\s*"
    rf"(?P<ampm>[ap]\.\s?m\.?|[ap]m\b|[AP]M\b)(?P<zone>{_ZONE})?"
    rf"|(?<![\w:.$€£])(?P<h24>[01]?\d|2[0-3]):(?P<m24>[0-5]\d)(?![\d:])(?P<zone24>{_ZONE}|\s*hours|\s*hrs)?"
    rf"|(?<=\bat\s)(?P<hdot>[01]?\d|2[0-3])\.(?P<mdot>[0-5]\d)(?!\d)(?P<zonedot>{_ZONE})?"
    rf"|(?<![\w:.$€£])(?P<mil>[01]\d|2[0-3])(?P<milm>[0-5]\d)\s*"
    r"(?P<milzone>GMT|UTC|hours|hrs|local time|[A-Z][a-z]+ time)\b"
    r"|\b(?P<noon>noon|midday|midnight)\b",
    re.IGNORECASE,
)
_DAY_PART = re.compile(
    r"\b(?P<which>this|tomorrow|yesterday|last|tonight|overnight|later\s+this|earlier\s+this)"
    r"(?:\s+(?P<part>morning|afternoon|evening|night))?\b",
    re.IGNORECASE,
)
# Each kind of expression holds one of its words: a kind is sought only in sentences that hold
# one (a set of the sentence's words is many times quicker to make than any scan for them all).
_LETTERS = re.compile(r"[a-z]+")
_KINDS = {
    "duration": frozenset(
        """second seconds minute minutes hour hours day days week weeks fortnight fortnights
        month months year years decade decades century centuries quarters""".split()
    ),
    "reference": frozenset(
        """now nowadays currently current recent recently lately
        past future present term moment""".split()
    ),
    "recurrence": frozenset(
        """daily weekly monthly annually yearly hourly nightly every each once twice mondays
        tuesdays wednesdays thursdays fridays saturdays sundays nights mornings afternoons
        evenings""".split()
    ),
    "part of year": frozenset("quarter half spring summer autumn fall winter q h".split()),
    "clock": frozenset("am pm noon midday midnight gmt utc hrs hours time".split()),
    "part of day": frozenset("morning afternoon evening night tonight overnight".split()),
}


class Found(NamedTuple):
    span: Span
    expr: TimeExpr


def find_spans(text: str) -> Iterator[Found]:
    """Every length, repeat, reference, era, part of a year and time of day in `text`."""
    lower = text.lower()
    words = set(_LETTERS.findall(lower))
    if ":" in text or "a.m" in lower or "p.m" in lower:
        words.add("am")  # "10:35", "3 p.m." are clocks too
    for kind, finder in _FINDERS:
        if kind == "era":
            if "0s" in lower or "centur" in lower or not words.isdisjoint(_DECADE_WORDS):
                yield from finder(text)
        elif kind == "clock":
            if (not words.isdisjoint(_KINDS[kind]) and any(c.isdigit() for c in text)) or (
                "noon" in words or "midnight" in words or "midday" in words
            ):
                yield from finder(text)
        elif not words.isdisjoint(_KINDS[kind]):
            yield from finder(text)


def _number(words: str) -> str:
    """A count as TimeML writes it: "three" 3, "twenty four" 24, "several" X, "2 1/2" 2.5."""
    words = words.lower().strip()
    if any(words == vague or words.endswith(vague) for vague in _VAGUE):
        return "2" if "couple" in words else "X"
    half = words.endswith("and a half") or words.endswith("1/2")
    words = words.removesuffix("and a half").removesuffix("1/2").strip()
    if words not in ("a", "an"):
        words = re.sub(r"^an?\s+", "", words)  # "a two-year term": two
    if re.fullmatch(r"[\d,.]+", words):
        value = float(words.replace(",", ""))
    else:
        value, current = 0.0, 0.0
        for word in re.split(r"[\s-]+", words):
            if word in _ONES:
                current += _ONES[word]
            elif word in _TENS:
                current += _TENS[word]
            elif word == "dozen":
                current = (current or 1) * 12
            elif word == "hundred":
                current = (current or 1) * 100
            elif word == "thousand":
                value += (current or 1) * 1000
                current = 0
            elif word:
                return "X"
        value += current
    if half:
        value += 0.5
    return str(int(value)) if value == int(value) else str(value)


def duration_value(number: str, unit: str) -> str:
    """P3Y, PT2H, P10Y for a decade, PXW for "weeks"."""
    unit = unit.lower().rstrip("s") if unit.lower() != "hours" else "hour"
    code = _UNITS.get(unit, _UNITS.get(unit.removesuffix("ie") + "y", "D"))
    if code == "W2":
        number, code = (str(int(float(number)) * 2) if number != "X" else "X"), "W"
    if code in ("DE", "CE") and number != "X":
        size = 10 if code == "DE" else 100
        return f"P{int(float(number) * size)}Y"
    if number != "X" and "." in number:
        whole, _, fraction = number.partition(".")
        if code == "Y":
            return f"P{whole}Y6M" if fraction == "5" else f"P{number}Y"
        if code == "M" and unit == "minute":
            return f"PT{whole}M30S" if fraction == "5" else f"PT{number}M"
    if unit in ("second", "minute", "hour"):
        return f"PT{number}{code}"
    return f"P{number}{code}"


def _durations(text: str) -> Iterator[Found]:
    for unit in _UNIT_WORD.finditer(text.lower()):
        starts = [
            word.start()
            for word in _WORD_START.finditer(text, max(0, unit.start() - 60), unit.start())
        ]
        found = _duration_at(text, unit, starts)
        if found is not None:
            yield found


_WORD_START = re.compile(r"(?<![\w'’.,])\w")


def _duration_at(text: str, unit: re.Match[str], starts: list[int]) -> Found | None:
    """The length of time that ends with this unit's word, tried from the earliest word before
    it that can begin one (the patterns are tried at a few places, not at every character)."""
    for start in starts:
        match = _DURATION.match(text, start)
        if match is None or match.start("unit") != unit.start():
            continue
        number = _number(match["number"])
        unit_word = match["unit"]
        if number == "X" and not unit_word.lower().endswith("s"):
            return None  # "a few day": not English, likely a misreading
        if unit_word.lower() == "second" and not _ENDS.match(text, match.end()):
            return None  # "a second round": the ordinal
        if match.group().rstrip().lower().endswith("and a half"):
            number = str(float(number) + 0.5) if number != "X" else number
        begin = match.start()
        if match["number"][:2].lower() in ("a ", "an") and number not in ("1", "X"):
            begin = match.start("number") + match["number"].index(" ") + 1  # "a two-year"
        return Found(Span(begin, match.end()), Duration(duration_value(number, unit_word)))
    for start in starts:
        match = _QUARTERS.match(text, start)
        if match is not None and match.end() == unit.end():
            number = _number(match["number"] or match["count"])
            return Found(Span(*match.span()), Duration(f"P{number}Q"))
    for start in starts[-3:]:
        match = _BARE_UNITS.match(text, start)
        if match is None or match.start("unit") != unit.start():
            continue
        lead = match["lead"].lower()
        if lead == "recent":
            return None  # "recent years" is the recent past, among the references
        at_unit = lead in ("for", "in", "within", "over", "after")
        begin = match.start("unit") if at_unit else match.start()
        return Found(Span(begin, match.end()), Duration(duration_value("X", match["unit"])))
    return None


_ENDS = re.compile(r"\s*(?:[.,;:!?)]|$|later|ago|before|after|of)")
_UNIT_WORD = re.compile(
    r"\b(?:seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|years?|decades?|centur(?:y|ies)"
    r"|quarters)\b"
)  # whole words: "Monday", "today" hold no length of time


def _references(text: str) -> Iterator[Found]:
    for match in _REFERENCE.finditer(text):
        yield Found(Span(*match.span()), Reference(_REFERENCES[match.group().lower()]))


def _recurrences(text: str) -> Iterator[Found]:
    for match in _RECURRENCE.finditer(text):
        if match["adverb"]:
            value = _ADVERB_VALUES[match["adverb"].lower()]
        elif match["per"]:
            value = f"P1{_UNITS[match['per'].lower()]}"
        elif match["days"]:
            value = f"XXXX-WXX-{_DAYS[match['days'].lower().rstrip('s')]}"
        elif match["nights"]:
            part = _PARTS[match["nights"].lower()]
            value = f"XXXX-WXX-{_DAYS[match['day'].lower()]}T{part}"
        else:
            what = match["what"].lower()
            count = match["count"]
            every = (
                "2"
                if count and count.lower() in ("other", "second")
                else _number(count)
                if count
                else "1"
            )
            if what in _DAYS:
                value = f"XXXX-WXX-{_DAYS[what]}"
            elif what in _MONTHS:
                value = f"XXXX-{_MONTHS.index(what) + 1:02d}"
            elif what in _SEASONS:
                value = f"XXXX-{_SEASONS[what]}"
            elif what in _PARTS:
                value = f"XXXX-XX-XXT{_PARTS[what]}"
            elif what == "weekend":
                value = "XXXX-WXX-WE"
            elif what == "season":
                value = "XXXX-XX"
            else:
                value = duration_value(every, what)
        yield Found(Span(*match.span()), Recurrence(value))


def _parts_of_year(text: str) -> Iterator[Found]:
    for match in _PART_OF_YEAR.finditer(text):
        if match["q"]:
            expr = PartOfYear(match["q"].upper(), int(match["qyear"]))
        elif match["h"]:
            expr = PartOfYear(match["h"].upper(), int(match["hyear"]))
        elif match["year_first"]:
            first = match["year_first"].lower()
            part = f"Q{_ORDINALS[match['ordinal2'].lower()]}"
            if first[:4].isdigit():
                expr = PartOfYear(part, int(first[:4]))
            else:
                expr = PartOfYear(part, year_shift=_YEAR_SHIFTS[first.split()[0]])
        elif match["the_quarter"]:
            expr = PartOfYear("Q")  # the one the tense points to
        elif match["which"]:
            which = match["which"].lower()
            expr = PartOfYear("Q", shift=-1 if which in _BEFORE else 1 if which == "next" else 0)
        else:
            if match["ordinal"]:
                number = _ORDINALS[match["ordinal"].lower()]
                kind = match["kind"].lower()
                if kind == "half" and number > 2:
                    continue
                part = f"{'Q' if kind == 'quarter' else 'H'}{number}"
            else:
                part = _SEASONS[match["season"].lower()]
                if match["season"].lower() == "fall" and not (match["shift"] or match["year"]):
                    continue  # "prices fall": the verb, as often as the season
            shift_word = (match["shift"] or "").lower()
            expr = PartOfYear(
                part,
                int(match["year"]) if match["year"] else None,
                shift=-1 if shift_word in _BEFORE else 1 if shift_word in ("next", "coming")
                else 0 if shift_word == "this" else None,
                year_shift=_YEAR_SHIFTS.get((match["year_shift"] or "").lower()),
            )  # fmt: skip
        yield Found(Span(*match.span()), expr)


_BEFORE = frozenset({"last", "past", "latest", "previous", "recent", "most recent"})
_YEAR_SHIFTS = {"this": 0, "last": -1, "next": 1}


def _eras(text: str) -> Iterator[Found]:
    for match in _ERA.finditer(text):
        if match["decade"]:
            value = match["decade"][:3]
        elif match["short"]:
            value = "19" + match["short"][0]
        elif match["ordinal"]:
            value = f"{int(match['ordinal']) - 1:02d}"
        elif match["tens"]:
            value = "19" + str(_TENS[match["tens"].lower().removesuffix("ies") + "y"] // 10)
        else:
            value = f"{_ORDINAL_CENTURIES[match['word'].lower()] - 1:02d}"
        yield Found(Span(*match.span()), Era(value))


def clocks(text: str) -> Iterator[Found]:
    """Clock times: "3 p.m.", "10:35", "1000 GMT", "noon"."""
    for match in _CLOCK.finditer(text):
        if match["noon"]:
            time = "00:00" if match["noon"].lower() == "midnight" else "12:00"
            yield Found(Span(*match.span()), Clock(time))
            continue
        if match["h24"]:
            hour, minute, zone = int(match["h24"]), int(match["m24"]), match["zone24"]
        elif match["hdot"]:
            hour, minute, zone = int(match["hdot"]), int(match["mdot"]), match["zonedot"]
        elif match["mil"]:
            hour, minute, zone = int(match["mil"]), int(match["milm"]), match["milzone"]
        else:
            hour, minute, zone = int(match["hour"]), int(match["minute"] or 0), match["zone"]
            if hour > 12:
                continue
            if match["ampm"][0].lower() == "p" and hour < 12:
                hour += 12
            elif match["ampm"][0].lower() == "a" and hour == 12:
                hour = 0
        zone = (zone or "").strip(" ()") or None
        if zone and zone.lower() in ("hours", "hrs"):
            zone = None
        yield Found(Span(*match.span()), Clock(f"{hour:02d}:{minute:02d}", zone))


def _day_parts(text: str) -> Iterator[Found]:
    for match in _DAY_PART.finditer(text):
        which = match["which"].lower()
        part = (match["part"] or "").lower()
        if which == "tonight":
            yield Found(Span(*match.span()), Clock("NI", day=0))
        elif which == "overnight" and not part:
            yield Found(Span(*match.span()), Clock("NI", day=-1))
        elif part:
            day = {"yesterday": -1, "tomorrow": 1, "last": -1}.get(which, 0)
            if which == "last" and part != "night":
                continue  # "last morning" is no English
            yield Found(Span(*match.span()), Clock(_PARTS[part], day=day))


_FINDERS = (
    ("duration", _durations),
    ("reference", _references),
    ("recurrence", _recurrences),
    ("part of year", _parts_of_year),
    ("era", _eras),
    ("clock", clocks),
    ("part of day", _day_parts),
)
