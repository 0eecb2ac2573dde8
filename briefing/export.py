"""The bookmarks written out: a Markdown briefing to send, a calendar (ICS), a spreadsheet (CSV),
or the bookmarks file itself (JSON). Each reads only the bookmarks, so it needs no corpus."""

from __future__ import annotations

import csv
import io
import json
import os
import re
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from briefing.bookmarks import Bookmark, Bookmarks
from briefing.formatting import human_when, plural
from briefing.model import DateSpan

FORMATS = ("md", "json", "csv", "ics")

# Offsets of the time zones articles name by abbreviation; any other ("local time", "Kyiv
# time") leaves a time as written, without a zone.
ZONE_HOURS = {"GMT": 0, "UTC": 0, "CET": 1, "CEST": 2, "EET": 2, "EEST": 3, "MSK": 3,
              "EST": -5, "EDT": -4, "PST": -8, "PDT": -7}  # fmt: skip


class ExportError(Exception):
    """The file could not be written; the message says why."""


def export(bookmarks: Bookmarks, form: str, title: str, corpus: Path | None = None) -> str:
    """The bookmarks in one of FORMATS."""
    writers: dict[str, Callable[[Sequence[Bookmark], str], str]] = {
        "md": markdown,
        "csv": spreadsheet,
        "ics": calendar,
    }
    if form == "json":
        return json.dumps(bookmarks.document(corpus), ensure_ascii=False, indent=2) + "\n"
    return writers[form](bookmarks.in_order(), title)


def write(path: Path, text: str, force: bool = False) -> None:
    """Write a file; an existing one only with `force`. `ExportError` says why not."""
    try:
        with open(path, "w" if force else "x", encoding="utf-8", newline="") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
    except FileExistsError:
        raise ExportError(f"{path} exists already; --force writes over it") from None
    except OSError as error:
        raise ExportError(f"{path} could not be written ({error.strerror or error})") from None


# -- Markdown -------------------------------------------------------------------------------------

_MARKDOWN = re.compile(r"([\\`*\[\]<>#|]|(?<!\w)_|_(?!\w))")  # not the _ inside a word


def _plain(text: str) -> str:
    """Text from an article, shown as written by a Markdown reader."""
    return _MARKDOWN.sub(r"\\\1", " ".join(text.split()))


def markdown(bookmarks: Sequence[Bookmark], title: str) -> str:
    lines = [f"# {_plain(title)}", "", f"{plural(len(bookmarks), 'event')}, in date order.", ""]
    for bookmark in bookmarks:
        when = _when(bookmark)
        lines += [f"## {when}: {_plain(bookmark.title)}", ""]
        if bookmark.gone:
            lines += ["*No longer found in the corpus; as it was when bookmarked.*", ""]
        if bookmark.venues:
            lines.append(f"- **Where:** {_plain(', '.join(bookmark.venues))}")
        if bookmark.people:
            lines.append(f"- **Who:** {_plain(', '.join(bookmark.people))}")
        if bookmark.venues or bookmark.people:
            lines.append("")
        for line in bookmark.differ:
            lines += [f"**Sources differ on** {_plain(line)}", ""]
        if bookmark.note.strip():
            lines += [_plain_lines(bookmark.note), ""]
        if bookmark.sources:
            lines += ["Sources:", ""]
            for source in bookmark.sources:
                outlet = f"*{_plain(source.outlet)}*, " if source.outlet else ""
                lines.append(f"- {outlet}“{_plain(source.title)}” ({_plain(source.article)})")
                lines.append(f"  > {_plain(source.sentence)}")
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _plain_lines(note: str) -> str:
    """A note keeps its lines (a backslash at the end of one is a line break in Markdown, where a
    lone newline is not) and its paragraphs."""
    lines = [_MARKDOWN.sub(r"\\\1", line.rstrip()) for line in note.strip().splitlines()]
    return "\n".join(
        line + "\\" if line and following else line
        for line, following in zip(lines, [*lines[1:], ""], strict=True)
    )


def _when(bookmark: Bookmark) -> str:
    when = human_when(DateSpan.parse(bookmark.date))
    if bookmark.time:
        when += f", {bookmark.time}" + (f" {bookmark.timezone}" if bookmark.timezone else "")
    return when


# -- CSV ------------------------------------------------------------------------------------------

CSV_COLUMNS = ["date", "time", "timezone", "title", "venues", "people", "note", "sources",
               "first_sentence", "status", "event", "created", "updated",
               "sources_differ"]  # fmt: skip


def spreadsheet(bookmarks: Sequence[Bookmark], title: str) -> str:
    """One row per event; every cell quoted, and none that a spreadsheet would run as a formula."""
    out = io.StringIO()
    writer = csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for bookmark in bookmarks:
        sources = "; ".join(
            f"{source.outlet + ': ' if source.outlet else ''}{source.title} ({source.article})"
            for source in bookmark.sources
        )
        row = [bookmark.date, bookmark.time or "", bookmark.timezone or "", bookmark.title,
               "; ".join(bookmark.venues), "; ".join(bookmark.people), bookmark.note, sources,
               bookmark.sources[0].sentence if bookmark.sources else "",
               "gone" if bookmark.gone else "found", bookmark.event, bookmark.created,
               bookmark.updated, "; ".join(bookmark.differ)]  # fmt: skip
        writer.writerow([_not_a_formula(cell) for cell in row])
    return out.getvalue()


def _not_a_formula(cell: str) -> str:
    return "'" + cell if cell[:1] in ("=", "+", "-", "@", "\t", "\r") else cell


# -- iCalendar ------------------------------------------------------------------------------------


def calendar(bookmarks: Sequence[Bookmark], title: str) -> str:
    """One VEVENT per bookmark (RFC 5545): all-day, or timed when the time and its zone are
    known; its UID stays the same from one export to the next."""
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//briefing//bookmarks//EN",
             "CALSCALE:GREGORIAN", f"X-WR-CALNAME:{_escape(title)}"]  # fmt: skip
    for bookmark in bookmarks:
        lines += [
            "BEGIN:VEVENT",
            f"UID:{bookmark.key}@briefing",
            f"DTSTAMP:{_stamp(bookmark.updated)}",
        ]
        lines += _dates(bookmark)
        lines.append(f"SUMMARY:{_escape(bookmark.title)}")
        if bookmark.venues:
            lines.append(f"LOCATION:{_escape(', '.join(bookmark.venues))}")
        lines.append(f"DESCRIPTION:{_escape(_description(bookmark))}")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "".join(_fold(line) + "\r\n" for line in lines)


def _dates(bookmark: Bookmark) -> list[str]:
    span = DateSpan.parse(bookmark.date)
    first, last = span.start.first(), (span.end or span.start).last()
    if bookmark.time and span.end is None and span.start.precision == "day":
        hour, minute = (int(part) for part in bookmark.time.split(":"))
        start = datetime(first.year, first.month, first.day, hour, minute)
        if bookmark.timezone in ZONE_HOURS:
            start = (start - timedelta(hours=ZONE_HOURS[bookmark.timezone])).replace(tzinfo=UTC)
            stamp = "%Y%m%dT%H%M%SZ"
        else:
            stamp = "%Y%m%dT%H%M%S"  # floating: the time as the article gives it
        end = start + timedelta(hours=1)
        return [f"DTSTART:{start.strftime(stamp)}", f"DTEND:{end.strftime(stamp)}"]
    return [
        f"DTSTART;VALUE=DATE:{_day(first)}",
        f"DTEND;VALUE=DATE:{_day(last + timedelta(days=1))}",
    ]


def _description(bookmark: Bookmark) -> str:
    parts = []
    if bookmark.note.strip():
        parts.append(bookmark.note.strip())
    if bookmark.people:
        parts.append("Who: " + ", ".join(bookmark.people))
    parts += [f"Sources differ on {line}" for line in bookmark.differ]
    for source in bookmark.sources:
        outlet = f"{source.outlet}, " if source.outlet else ""
        parts.append(f"{outlet}“{source.title}”: {source.sentence}")
    if bookmark.gone:
        parts.append("(No longer found in the corpus.)")
    return "\n\n".join(parts)


def _day(day: date) -> str:
    return day.strftime("%Y%m%d")


def _stamp(iso: str) -> str:
    try:
        moment = datetime.fromisoformat(iso)
    except ValueError:
        moment = datetime.now(UTC)
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def _escape(text: str) -> str:
    text = "".join(ch for ch in text if ch == "\n" or ch >= " ")
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> str:
    """Lines of at most 75 octets, continued with a space (RFC 5545, 3.1), whole characters."""
    parts: list[str] = []
    current = ""
    for ch in line:
        if len((current + ch).encode()) > (75 if not parts else 74):
            parts.append(current)
            current = ""
        current += ch
    parts.append(current)
    return "\r\n ".join(parts)
