"""What is new since last time: each visit of a corpus leaves what its events were in the data
dir, and the next visit tells which events are new and which have changed (more articles report
them, or their date or title moved).

A visit is recorded when the dashboard opens a corpus and by `briefing timeline --since-last`;
`briefing changes` only reads. The file is data (JSON), written atomically; one that cannot be
read is treated as no earlier visit, with a message, and written over by the next visit.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Literal, NamedTuple

from briefing import paths
from briefing.files import write_json_atomically
from briefing.formatting import human_when, plural
from briefing.model import Briefing, DateSpan, Event

VERSION = 1


@dataclass(frozen=True, slots=True)
class Seen:
    """An event as a visit saw it."""

    id: str
    when: str
    title: str
    articles: frozenset[str]


class Change(NamedTuple):
    how: Literal["new", "changed"]
    what: str  # what changed, for people: "2 more articles", "date was 2 Jun 2025"


class LastVisit(NamedTuple):
    at: str  # when, as ISO (local time, to the second)
    events: list[Seen]


def location(corpus: Path) -> Path:
    return paths.data_dir() / "visits" / f"{paths.corpus_file_name(corpus)}.json"


def last_visit(corpus: Path) -> tuple[LastVisit | None, str | None]:
    """The last recorded visit of `corpus`, if any; and a message if its record is unreadable."""
    path = location(corpus)
    try:
        document = json.loads(path.read_text(encoding="utf-8-sig"))
        visit = LastVisit(str(document["at"]), [_seen(item) for item in document["events"]])
    except FileNotFoundError:
        return None, None
    except (OSError, ValueError, KeyError, TypeError) as error:
        problem = f"the record of the last visit ({path}) could not be read ({error})"
        return None, problem + ": every event counts as new"
    return visit, None


def _seen(item: dict[str, Any]) -> Seen:
    articles = frozenset(str(article) for article in item["articles"])
    return Seen(str(item["id"]), str(item["when"]), str(item["title"]), articles)


def record_visit(briefing: Briefing, corpus: Path) -> str | None:
    """Keep what the events are now, for the next visit; a message if the disk refused."""
    document: dict[str, Any] = {
        "version": VERSION,
        "corpus": str(corpus.expanduser().resolve()),
        "at": datetime.now().isoformat(timespec="seconds"),
        "events": [
            {
                "id": event.id,
                "when": event.when.iso(),
                "title": event.title,
                "articles": briefing.articles_of("event", event.id),
            }
            for event in briefing.events
        ],
    }
    path = location(corpus)
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        write_json_atomically(path, document)
    except OSError as error:
        return f"this visit could not be recorded in {path} ({os.strerror(error.errno or 0)})"
    return None


def changes(briefing: Briefing, visit: LastVisit | None) -> dict[str, Change]:
    """The events new or changed since `visit`, by id; with no visit, none (nothing to compare)."""
    if visit is None:
        return {}
    by_id = {seen.id: seen for seen in visit.events}
    taken: set[str] = set()
    found: dict[str, Change] = {}
    for event in briefing.events:
        articles = frozenset(briefing.articles_of("event", event.id))
        seen = by_id.get(event.id) or _most_like(event, articles, visit.events, taken)
        if seen is None:
            found[event.id] = Change("new", "new since the last visit")
            continue
        taken.add(seen.id)
        what = _what_changed(event, articles, seen)
        if what:
            found[event.id] = Change("changed", what)
    return found


def _most_like(
    event: Event, articles: frozenset[str], seen: list[Seen], taken: set[str]
) -> Seen | None:
    """The event of the last visit that this one was, under another id: same date, most articles
    in common."""
    same_day = [
        old
        for old in seen
        if old.when == event.when.iso() and old.id not in taken and old.articles & articles
    ]
    return max(same_day, key=lambda old: (len(old.articles & articles), old.id), default=None)


def _what_changed(event: Event, articles: frozenset[str], seen: Seen) -> str:
    parts = []
    more = articles - seen.articles
    if more:
        parts.append(f"{plural(len(more), 'more article')}")
    if event.when.iso() != seen.when:
        parts.append(f"date was {human_when(DateSpan.parse(seen.when))}")
    if event.title != seen.title and not more:
        parts.append("new title")
    return ", ".join(parts)
