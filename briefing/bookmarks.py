"""Bookmarks: the events an analyst chose, with their notes. The analyst's own work: never lost.

A bookmark keeps what finds its event again (its id, date, title and sources) and what shows it
without the corpus. After the corpus changes, each bookmark re-attaches to its event: by id while
the event's facts hold, else to the event of the same date most like it; one whose event is gone
stays, marked so, with its stored text.

The file (JSON, `version` 1) lives in the user's data folder, one per corpus, unless the user
names another. It is written atomically (a temporary file, flushed and synced, renamed over the
old one) under a lock, merged with what another window wrote meanwhile: bookmarks added in either
survive, an edit keeps the later of two, and a removal wins over edits made before it. A file that
cannot be read is set aside under a new name, never written over. When the disk refuses a write,
the bookmarks stay in memory and the next change tries again.

    {"version": 1, "corpus": "/path/to/articles",
     "bookmarks": [{"key", "event", "date", "time", "timezone", "title", "venues", "people",
                    "sources": [{"article", "title", "outlet", "sentence"}],
                    "note", "created", "updated", "gone"}],
     "removed": [{"key", "at"}]}
"""

from __future__ import annotations

import contextlib
import dataclasses
import fcntl
import json
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from thefuzz import fuzz

from briefing import paths
from briefing.disagreements import disagreements
from briefing.files import write_json_atomically
from briefing.model import Article, Briefing, Event, Mention

VERSION = 1
SOURCES_KEPT = 12
SAME_EVENT = 60  # score, out of 100, for an event of the same date to take a bookmark over


class BookmarksError(Exception):
    """The bookmarks file could not be read or written; the message says what and where."""


@dataclass(frozen=True)
class Source:
    article: str
    title: str
    outlet: str | None
    sentence: str


@dataclass(frozen=True)
class Bookmark:
    key: str  # stays the same for the life of the bookmark, whatever event it attaches to
    event: str  # the id of its event, when last found
    date: str  # ISO, as the event's: 2025-06-02, 2025-05, 2025-05-23/2025-05-25
    time: str | None
    timezone: str | None
    title: str
    venues: tuple[str, ...]
    people: tuple[str, ...]
    sources: tuple[Source, ...]
    note: str
    created: str  # ISO date-times, UTC
    updated: str
    gone: bool = False  # its event is no longer in the corpus
    differ: tuple[str, ...] = ()  # where its sources differ: "prisoners: 1,000 (2 articles) · ..."

    @property
    def sort_key(self) -> tuple[str, str, str]:
        return (self.date, self.time or "", self.title)

    def record(self) -> dict[str, Any]:
        record = dataclasses.asdict(self)
        record["venues"], record["people"] = list(self.venues), list(self.people)
        record["sources"] = [dataclasses.asdict(source) for source in self.sources]
        record["differ"] = list(self.differ)
        return record

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> Bookmark:
        sources = tuple(
            Source(str(s["article"]), str(s.get("title", "")), s.get("outlet"), str(s["sentence"]))
            for s in record.get("sources", [])
        )
        return cls(
            key=str(record["key"]),
            event=str(record.get("event", "")),
            date=str(record["date"]),
            time=record.get("time"),
            timezone=record.get("timezone"),
            title=str(record.get("title", "")),
            venues=tuple(str(v) for v in record.get("venues", [])),
            people=tuple(str(p) for p in record.get("people", [])),
            sources=sources,
            note=str(record.get("note", "")),
            created=str(record.get("created", "")),
            updated=str(record.get("updated", record.get("created", ""))),
            gone=bool(record.get("gone", False)),
            differ=tuple(str(line) for line in record.get("differ", [])),
        )


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def snapshot(briefing: Briefing, event: Event) -> dict[str, Any]:
    """What a bookmark keeps of an event, to find it again and to show it without the corpus."""
    mentions = briefing.mentions_of("event", event.id)  # read once, for sources and differences
    sources = [
        Source(article.path, article.title, article.outlet, sentence)
        for article, sentence in _telling_sentences(briefing, event, mentions)[:SOURCES_KEPT]
    ]
    return {
        "event": event.id,
        "date": event.when.iso(),
        "time": event.when.time,
        "timezone": event.when.timezone,
        "title": event.title,
        "venues": tuple(briefing.venue[v].name for v in event.venues if v in briefing.venue),
        "people": tuple(briefing.person[p].name for p in event.people if p in briefing.person),
        "sources": tuple(sources),
        "gone": False,
        "differ": tuple(d.line() for d in disagreements(briefing, event, mentions)),
    }


def _telling_sentences(
    briefing: Briefing, event: Event, mentions: list[Mention] | None = None
) -> list[tuple[Article, str]]:
    """Each article that reports the event, with its sentence that says the most about it."""
    best: dict[str, str] = {}
    for mention in briefing.mentions_of("event", event.id) if mentions is None else mentions:
        sentence = " ".join(briefing.text_of(mention).split())
        if len(sentence) > len(best.get(mention.article, "")):
            best[mention.article] = sentence
    return [(briefing.article[path], sentence) for path, sentence in best.items()]


# -- the set of bookmarks -------------------------------------------------------------------------


@dataclass
class Bookmarks:
    """The bookmarks of one corpus, as this window knows them."""

    items: dict[str, Bookmark] = field(default_factory=dict)  # by key
    removed: dict[str, str] = field(default_factory=dict)  # key -> when

    def of_event(self, event_id: str) -> Bookmark | None:
        return next((b for b in self.items.values() if b.event == event_id and not b.gone), None)

    def events(self) -> set[str]:
        return {bookmark.event for bookmark in self.items.values() if not bookmark.gone}

    def in_order(self) -> list[Bookmark]:
        return sorted(self.items.values(), key=lambda bookmark: bookmark.sort_key)

    def add(self, briefing: Briefing, event: Event, note: str = "") -> Bookmark:
        found = self.of_event(event.id)
        if found is not None:
            return found
        stamp = now()
        bookmark = Bookmark(key=uuid.uuid4().hex, note=note, created=stamp, updated=stamp,
                            **snapshot(briefing, event))  # fmt: skip
        self.items[bookmark.key] = bookmark
        return bookmark

    def remove(self, key: str) -> None:
        if self.items.pop(key, None) is not None:
            self.removed[key] = now()

    def toggle(self, briefing: Briefing, event: Event) -> Bookmark | None:
        """Bookmark the event, or take its bookmark away; the bookmark, if there is one now."""
        found = self.of_event(event.id)
        if found is not None:
            self.remove(found.key)
            return None
        return self.add(briefing, event)

    def set_note(self, key: str, note: str) -> Bookmark:
        bookmark = dataclasses.replace(self.items[key], note=note, updated=now())
        self.items[key] = bookmark
        return bookmark

    def attach(self, briefing: Briefing) -> list[Bookmark]:
        """Find each bookmark's event in the briefing as it is now; the bookmarks whose event is
        gone. Stored text is brought up to date from the events found."""
        gone = []
        taken: set[str] = set()
        for bookmark in self.in_order():
            event = _find_event(briefing, bookmark, taken)
            if event is None:
                bookmark = dataclasses.replace(bookmark, gone=True)
                gone.append(bookmark)
            else:
                taken.add(event.id)
                bookmark = dataclasses.replace(bookmark, **snapshot(briefing, event))
            self.items[bookmark.key] = bookmark
        return gone

    def merged(self, other: Bookmarks) -> Bookmarks:
        """Both windows' bookmarks: every one either has, the later edit of each, and no
        bookmark removed after its last edit."""
        removed = dict(self.removed)
        for key, when in other.removed.items():
            removed[key] = max(when, removed.get(key, ""))
        items: dict[str, Bookmark] = {}
        for bookmark in [*self.items.values(), *other.items.values()]:
            kept = items.get(bookmark.key)
            if kept is None or bookmark.updated > kept.updated:
                items[bookmark.key] = bookmark
        for key, when in removed.items():
            if key in items and items[key].updated <= when:
                del items[key]
        return Bookmarks(items, removed)

    def document(self, corpus: Path | None) -> dict[str, Any]:
        return {
            "version": VERSION,
            "corpus": str(corpus) if corpus else None,
            "bookmarks": [bookmark.record() for bookmark in self.in_order()],
            "removed": [{"key": key, "at": when} for key, when in sorted(self.removed.items())],
        }

    @classmethod
    def from_document(cls, document: Any) -> Bookmarks:
        if not isinstance(document, dict) or not isinstance(document.get("bookmarks"), list):
            raise ValueError("not a bookmarks file: no list of bookmarks")
        if document.get("version") != VERSION:
            raise ValueError(f"bookmarks file version {document.get('version')!r}, not {VERSION}")
        items = {b.key: b for b in map(Bookmark.from_record, document["bookmarks"])}
        removed = {str(r["key"]): str(r["at"]) for r in document.get("removed", [])}
        return cls(items, removed)


def _find_event(briefing: Briefing, bookmark: Bookmark, taken: set[str]) -> Event | None:
    """The event a bookmark marks: the same id, else the most like it on the same date."""
    event = briefing.event.get(bookmark.event)
    if event is not None and event.when.iso() == bookmark.date:
        return event
    articles = {source.article for source in bookmark.sources}
    sentences = {source.sentence for source in bookmark.sources}
    best, best_score = None, SAME_EVENT
    for candidate in briefing.events:
        if candidate.when.iso() != bookmark.date or candidate.id in taken:
            continue
        words = fuzz.token_set_ratio(candidate.title, bookmark.title)
        told = _telling_sentences(briefing, candidate)
        shared = max(_share(articles, {article.path for article, _ in told}),
                     _share(sentences, {sentence for _, sentence in told}))  # fmt: skip
        score = 0.5 * words + 50 * shared + (20 if candidate.id == bookmark.event else 0)
        if score > best_score:
            best, best_score = candidate, score
    return best


def _share(mine: set[str], theirs: set[str]) -> float:
    return len(mine & theirs) / max(1, len(mine | theirs))


# -- the file -------------------------------------------------------------------------------------


def default_location(corpus: Path) -> Path:
    """Where the bookmarks of a corpus are kept unless the user says: one file per corpus."""
    return paths.data_dir() / "bookmarks" / f"{paths.corpus_file_name(corpus)}.json"


class BookmarksFile:
    """The bookmarks file of a corpus: loaded once, then saved (merged) after every change."""

    def __init__(self, location: Path, corpus: Path | None = None) -> None:
        self.location = location
        self.corpus = corpus
        self.bookmarks = Bookmarks()
        self.unsaved = False
        self.blocked: str | None = None  # why this file must not be written, if it must not

    def load(self) -> str | None:
        """Read the file; a message for the user if it could not be read and was set aside."""
        try:
            self.bookmarks = self._read()
        except BookmarksError as error:
            try:
                return self._set_aside(str(error))
            except BookmarksError as blocked:
                return str(blocked)
        return None

    def save(self) -> str | None:
        """Write the bookmarks, merged with the file as another window may have left it; a
        message for the user if that file could not be read (and was set aside). Raises
        `BookmarksError` if the disk refused: the bookmarks stay in memory, unsaved."""
        if self.blocked:
            self.unsaved = True
            raise BookmarksError(self.blocked)
        notice = None
        try:
            self.location.parent.mkdir(parents=True, exist_ok=True)
            with self._lock():
                try:
                    on_disk = self._read()
                except BookmarksError as error:
                    self.unsaved = True
                    notice = self._set_aside(str(error))  # or BookmarksError: it must stay
                    on_disk = Bookmarks()
                self.bookmarks = self.bookmarks.merged(on_disk)
                write_json_atomically(self.location, self.bookmarks.document(self.corpus))
        except OSError as error:
            self.unsaved = True
            raise BookmarksError(
                f"the bookmarks could not be saved to {self.location} ({error.strerror or error}); "
                "they are kept in this window and saved again with the next change"
            ) from None
        self.unsaved = False
        return notice

    def _read(self) -> Bookmarks:
        try:
            text = self.location.read_text(encoding="utf-8")
        except FileNotFoundError:
            return Bookmarks()
        except (OSError, UnicodeDecodeError) as error:
            raise BookmarksError(f"{self.location} could not be read ({error})") from None
        try:
            return Bookmarks.from_document(json.loads(text))
        except (ValueError, KeyError, TypeError) as error:
            raise BookmarksError(
                f"{self.location} is not a bookmarks file we can read ({error})"
            ) from None

    def _set_aside(self, reason: str) -> str:
        """Move an unreadable file out of the way, never over anything; what was done, for the
        user. `BookmarksError` if it cannot be moved: then it is never written over either."""
        aside = self.location.with_name(f"{self.location.name}.unreadable-{time.time_ns()}")
        try:
            self.location.rename(aside)
        except OSError as error:
            self.blocked = (
                f"{reason}; it could not be set aside ({error.strerror}), so it is left as it "
                "is and bookmarks are kept in this window only"
            )
            raise BookmarksError(self.blocked) from None
        return f"{reason}: it was kept as {aside}, and a new bookmarks file begins"

    @contextlib.contextmanager
    def _lock(self) -> Iterator[None]:
        with open(self.location.with_name(self.location.name + ".lock"), "a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)
