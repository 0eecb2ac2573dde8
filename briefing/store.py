"""The cache: one SQLite file per corpus, holding each article's cleaned text (with a full-text
index), its extracted facts keyed by a hash of its content, and the resolved briefing.

A second run reads only what changed. The file lives in the user's cache folder; a cache that
cannot be read is set aside and rebuilt, one that cannot be written is replaced by one in memory,
and two processes building the same corpus take turns under a file lock.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import pickle
import sqlite3
import time
import zlib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any, NamedTuple

from briefing import paths
from briefing.corpus import content_hash
from briefing.extract.lexicon import fold
from briefing.model import (
    Article,
    ArticleDate,
    ArticleFacts,
    DateSource,
    DateSpan,
    Event,
    MarkedMention,
    MentionKind,
    Organisation,
    OrganisationMention,
    Person,
    PersonMention,
    PlaceMention,
    Skipped,
    TimeMention,
    Venue,
)
from briefing.resolve import Links, Resolved, Resolver
from briefing.resolve.timeml import Timex, timexes

# Bump when reading, cleaning, extraction or resolution would give other results: an older cache
# is then rebuilt from scratch rather than mixed with new facts.
ENGINE_VERSION = "63"
APPLICATION = "briefing"
COMPRESS_FROM = 1024  # bytes pickled

META = "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"
SCHEMA = """
CREATE TABLE IF NOT EXISTS files (name TEXT PRIMARY KEY, size INTEGER, mtime_ns INTEGER, hash TEXT);
CREATE TABLE IF NOT EXISTS skipped (file TEXT NOT NULL, path TEXT NOT NULL, reason TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS skipped_file ON skipped(file);
CREATE TABLE IF NOT EXISTS articles (
    id INTEGER PRIMARY KEY, file TEXT NOT NULL, path TEXT NOT NULL UNIQUE, title TEXT NOT NULL,
    stated_date TEXT, stated_how TEXT, outlet TEXT, url TEXT, author TEXT,
    date_earliest TEXT, date_latest TEXT, date_source TEXT, date_how TEXT,
    source_group INTEGER, text_hash TEXT NOT NULL, text TEXT NOT NULL, resolved BLOB);
CREATE INDEX IF NOT EXISTS articles_file ON articles(file);
CREATE INDEX IF NOT EXISTS articles_text ON articles(text_hash);
CREATE INDEX IF NOT EXISTS articles_date ON articles(date_latest, date_earliest);
CREATE INDEX IF NOT EXISTS articles_unresolved ON articles(stated_date IS NULL, id)
    WHERE resolved IS NULL;
CREATE TABLE IF NOT EXISTS facts (text_hash TEXT PRIMARY KEY, facts BLOB NOT NULL);
CREATE VIRTUAL TABLE IF NOT EXISTS search USING fts5(
    title, text, content='articles', content_rowid='id',
    tokenize='unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE IF NOT EXISTS search_vocab USING fts5vocab(search, 'row');
CREATE TABLE IF NOT EXISTS state (
    kind TEXT NOT NULL, key TEXT NOT NULL, value BLOB NOT NULL, PRIMARY KEY (kind, key)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS refs (
    kind TEXT NOT NULL, ref TEXT NOT NULL, article INTEGER NOT NULL, count INTEGER NOT NULL,
    PRIMARY KEY (kind, ref, article)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS refs_article ON refs(article);
CREATE TABLE IF NOT EXISTS events (
    id TEXT PRIMARY KEY, start TEXT NOT NULL, end TEXT, time TEXT, timezone TEXT,
    title TEXT NOT NULL,
    people TEXT NOT NULL, venues TEXT NOT NULL, mentions INTEGER NOT NULL,
    articles INTEGER NOT NULL DEFAULT 0, sources INTEGER NOT NULL DEFAULT 0,
    inferred INTEGER NOT NULL DEFAULT 0, organisations TEXT NOT NULL DEFAULT '[]');
CREATE TABLE IF NOT EXISTS people (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, aliases TEXT NOT NULL, roles TEXT NOT NULL,
    mentions INTEGER NOT NULL, articles INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS organisations (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, aliases TEXT NOT NULL, named TEXT NOT NULL, kind TEXT,
    mentions INTEGER NOT NULL, articles INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS venues (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, aliases TEXT NOT NULL, kind TEXT NOT NULL, within TEXT,
    mentions INTEGER NOT NULL, articles INTEGER NOT NULL DEFAULT 0);
"""

OUR_TABLES = (
    "files",
    "skipped",
    "articles",
    "facts",
    "state",
    "refs",
    "events",
    "people",
    "venues",
    "organisations",
)

# The Turkish dotless i and a few other letters that are not accented forms of another letter:
# the index folds them so that "Ciragan" finds "Çırağan" (same length, so highlights still land).
_SEARCH_FOLD = str.maketrans({"ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D"})


def search_text(text: str) -> str:
    return text.translate(_SEARCH_FOLD)


Located = PersonMention | PlaceMention | TimeMention | OrganisationMention


class _Bodies(NamedTuple):
    people: frozenset[str]
    venues: frozenset[str]
    vehicles: frozenset[str] = frozenset()  # organisations that are things


class FileRecord(NamedTuple):
    size: int
    mtime_ns: int
    hash: str


class Store:
    """The cache of one corpus: in a file, or in memory when it cannot or should not be kept."""

    def __init__(self, connection: sqlite3.Connection, location: Path | None) -> None:
        self.connection = connection
        self.location = location
        self.lock_fd: int | None = None  # the lock file, while this store holds it
        self._merged: dict[str, dict[str, str]] | None = None
        self._hidden: _Bodies | None = None  # people and venues that are organisations

    # -- opening ----------------------------------------------------------------------------------

    @classmethod
    def memory(cls) -> Store:
        connection = sqlite3.connect(":memory:", check_same_thread=False)
        store = cls(connection, None)
        store._create()
        return store

    @classmethod
    def open(
        cls, root: Path, location: Path | None = None, warn: Callable[[str], None] = print
    ) -> Store:
        """The cache of the corpus at `root`, made if missing; in memory if it cannot be kept."""
        location = location or cache_location(root)
        try:
            location.parent.mkdir(parents=True, exist_ok=True)
            store = cls._open_file(location, warn)
        except (OSError, sqlite3.OperationalError) as error:
            warn(
                f"cannot keep a cache at {location} ({_reason(error)}): working in memory this time"
            )
            return cls.memory()
        corpus = str(root.expanduser().resolve())
        if store.meta("corpus") != corpus:
            with store._lock():
                store.set_meta("corpus", corpus)
                store.commit()
        return store

    @classmethod
    def _open_file(cls, location: Path, warn: Callable[[str], None]) -> Store:
        for attempt in (1, 2):
            try:
                connection = sqlite3.connect(location, timeout=60, check_same_thread=False)
                store = cls(connection, location)
                with store._lock():
                    store._prepare()
                    if store.meta("application") not in (None, APPLICATION):
                        raise sqlite3.DatabaseError("not a briefing cache")
                    if store.meta("version") not in (None, ENGINE_VERSION):
                        store._clear()
                    store._create()
                return store
            except sqlite3.DatabaseError as error:
                if isinstance(error, sqlite3.OperationalError):
                    raise  # locked by another process, or the disk: not a broken cache to set aside
                with contextlib.suppress(UnboundLocalError):
                    connection.close()
                if attempt == 2:
                    raise
                aside = location.with_name(f"{location.name}.broken-{int(time.time())}")
                location.rename(aside)
                for suffix in ("-wal", "-shm"):
                    with contextlib.suppress(OSError):
                        location.with_name(location.name + suffix).unlink()
                warn(
                    f"the cache {location} could not be read ({_reason(error)}); "
                    f"set aside as {aside.name} and rebuilt"
                )
        raise AssertionError("unreachable")

    def _prepare(self) -> None:
        """What is read before anything else: the engine that wrote the cache."""
        self.connection.execute("PRAGMA journal_mode=WAL")
        self.connection.execute("PRAGMA synchronous=NORMAL")
        self.connection.execute(META)

    def _create(self) -> None:
        self._prepare()
        self.connection.executescript(SCHEMA)
        if self.meta("application") is None:
            self.set_meta("application", APPLICATION)
            self.set_meta("version", ENGINE_VERSION)
        self.connection.commit()

    def _clear(self) -> None:
        """An older engine's cache: its facts, briefing and even its tables are not ours any
        more, so they are dropped and made again."""
        for table in ("search_vocab", "search", *OUR_TABLES):
            self.connection.execute(f"DROP TABLE IF EXISTS {table}")
        self.connection.execute("DELETE FROM meta WHERE key != 'application'")  # the listing too
        self.set_meta("version", ENGINE_VERSION)
        self.connection.commit()
        self.connection.execute("VACUUM")  # give the old cache's space back

    @contextlib.contextmanager
    def _lock(self) -> Iterator[None]:
        """One process writes a cache at a time; the others wait their turn."""
        if self.location is None:
            yield
            return
        with open(self.location.with_name(self.location.name + ".lock"), "a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            self.lock_fd = lock.fileno()
            try:
                yield
            finally:
                self.lock_fd = None
                fcntl.flock(lock, fcntl.LOCK_UN)

    @contextlib.contextmanager
    def writing(self) -> Iterator[None]:
        """Hold the write lock for a whole update."""
        with self._lock():
            yield

    def close(self) -> None:
        self.connection.close()

    def meta(self, key: str) -> str | None:
        row = self.connection.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def set_meta(self, key: str, value: str) -> None:
        self.connection.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))

    def commit(self) -> None:
        self.connection.commit()

    # -- files and articles -----------------------------------------------------------------------

    def stamps(self) -> dict[str, tuple[int, int]]:
        """Each file's size and modification time, as last taken in: enough to tell a change."""
        rows = self.connection.execute("SELECT name, size, mtime_ns FROM files")
        return {name: (size, mtime) for name, size, mtime in rows}

    def file(self, name: str) -> FileRecord | None:
        row = self.connection.execute(
            "SELECT size, mtime_ns, hash FROM files WHERE name = ?", (name,)
        ).fetchone()
        return None if row is None else FileRecord(*row)

    def touch_file(self, name: str, size: int, mtime_ns: int) -> None:
        self.connection.execute(
            "UPDATE files SET size = ?, mtime_ns = ? WHERE name = ?", (size, mtime_ns, name)
        )

    def rename_file(self, old: str, new: str, size: int, mtime_ns: int) -> None:
        """The same content under a new name: its articles move with it, facts and all."""
        self.connection.execute(
            "UPDATE files SET name = ?, size = ?, mtime_ns = ? WHERE name = ?",
            (new, size, mtime_ns, old),
        )
        self.connection.execute(
            "UPDATE skipped SET file = ?, path = ? || substr(path, ?) WHERE file = ?",
            (new, new, len(old) + 1, old),
        )
        self.connection.execute(
            "UPDATE articles SET file = ?, path = ? || substr(path, ?) WHERE file = ?",
            (new, new, len(old) + 1, old),
        )

    def put_file(self, name: str, record: FileRecord, skipped: Sequence[Skipped]) -> None:
        self.connection.execute("INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?)", (name, *record))
        self.connection.execute("DELETE FROM skipped WHERE file = ?", (name,))
        self.connection.executemany(
            "INSERT INTO skipped VALUES (?, ?, ?)",
            [(name, skip.path, skip.reason) for skip in skipped],
        )

    def forget_file(self, name: str) -> None:
        self.connection.execute("DELETE FROM files WHERE name = ?", (name,))
        self.connection.execute("DELETE FROM skipped WHERE file = ?", (name,))

    def articles_of_file(self, name: str) -> list[int]:
        return [
            row[0]
            for row in self.connection.execute("SELECT id FROM articles WHERE file = ?", (name,))
        ]

    def add_article(self, file: str, article: Article, text: str, facts: ArticleFacts) -> int:
        text_hash = content_hash(text.encode())
        stated = article.date
        cursor = self.connection.execute(
            "INSERT INTO articles (file, path, title, stated_date, stated_how, outlet, url, "
            "author, "
            "text_hash, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                file,
                article.path,
                article.title,
                stated.iso() if stated.source is DateSource.STATED else None,
                stated.how,
                article.outlet,
                article.url,
                article.author,
                text_hash,
                text,
            ),
        )
        article_id = int(cursor.lastrowid or 0)
        self.connection.execute(
            "INSERT INTO search(rowid, title, text) VALUES (?, ?, ?)",
            (article_id, search_text(article.title), search_text(text)),
        )
        self.connection.execute(
            "INSERT OR IGNORE INTO facts VALUES (?, ?)",
            (text_hash, _pack(facts)),
        )
        return article_id

    def remove_article(self, article_id: int) -> None:
        row = self.connection.execute(
            "SELECT title, text, text_hash FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        if row is None:
            return
        title, text, text_hash = row
        self.connection.execute(
            "INSERT INTO search(search, rowid, title, text) VALUES ('delete', ?, ?, ?)",
            (article_id, search_text(title), search_text(text)),
        )
        self.connection.execute("DELETE FROM refs WHERE article = ?", (article_id,))
        self.connection.execute("DELETE FROM articles WHERE id = ?", (article_id,))
        self.connection.execute(  # its facts, unless another article has the same text
            "DELETE FROM facts WHERE text_hash = ? "
            "AND NOT EXISTS (SELECT 1 FROM articles WHERE text_hash = ?)",
            (text_hash, text_hash),
        )

    def facts_of_text(self, text: str) -> ArticleFacts | None:
        """Facts already extracted from this very text (a moved or copied file), if any."""
        text_hash = content_hash(text.encode())
        row = self.connection.execute(
            "SELECT facts FROM facts WHERE text_hash = ?", (text_hash,)
        ).fetchone()
        return None if row is None else _unpack(row[0])

    def loaded(self, article_id: int) -> tuple[Article, str, ArticleFacts, Resolved | None]:
        """An article as stored: its record, text, facts and what resolution made of it."""
        row = self.connection.execute(
            "SELECT a.path, a.title, a.stated_date, a.stated_how, a.outlet, a.url, a.author, "
            "a.text, f.facts, a.resolved FROM articles a JOIN facts f ON f.text_hash = a.text_hash "
            "WHERE a.id = ?",
            (article_id,),
        ).fetchone()
        path, title, stated, how, outlet, url, author, text, facts, resolved = row
        written = ArticleDate.stated(date.fromisoformat(stated), how) if stated else ArticleDate()
        article = Article(path, title, written, outlet, url, author)
        return article, text, _unpack(facts), _unpack(resolved) if resolved else None

    def unresolved(self) -> list[int]:
        """Articles read but not yet resolved, dated ones first, each in the order read."""
        rows = self.connection.execute(
            "SELECT id FROM articles WHERE resolved IS NULL ORDER BY stated_date IS NULL, id"
        )
        return [row[0] for row in rows]

    def save_resolved(self, article_id: int, resolved: Resolved) -> None:
        written = resolved.anchored.date
        self.connection.execute(
            "UPDATE articles SET date_earliest = ?, date_latest = ?, date_source = ?, "
            "date_how = ?, "
            "source_group = ?, resolved = ? WHERE id = ?",
            (
                written.earliest.isoformat() if written.earliest else None,
                written.latest.isoformat() if written.latest else None,
                written.source.value,
                written.how,
                resolved.group,
                _pack(resolved),
                article_id,
            ),
        )
        # its events' counts are the events' own (`_save_event_refs`)
        self.connection.execute(
            "DELETE FROM refs WHERE article = ? AND kind != 'event'", (article_id,)
        )
        self.connection.executemany(
            "INSERT INTO refs VALUES (?, ?, ?, ?)",
            [(kind, ref, article_id, count) for (kind, ref), count in resolved.refs().items()],
        )

    def has_article(self, article_id: int) -> bool:
        row = self.connection.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,))
        return row.fetchone() is not None

    def mark_to_redate(self, days: Iterable[str]) -> None:
        """Days (as "6-2") that dated articles came to or left, kept until the undated articles
        naming them have been looked at again."""
        self.connection.executemany(
            "INSERT OR IGNORE INTO state VALUES ('redate', ?, x'')", [(day,) for day in days]
        )

    def to_redate(self) -> list[str]:
        rows = self.connection.execute("SELECT key FROM state WHERE kind = 'redate'")
        return sorted(row[0] for row in rows)

    def forget_to_redate(self) -> None:
        self.connection.execute("DELETE FROM state WHERE kind = 'redate'")

    def unresolve(self, article_id: int) -> None:
        """An article taken out of the briefing, to be resolved again (`refs_of` first, to count
        again what it named)."""
        self.connection.execute("UPDATE articles SET resolved = NULL WHERE id = ?", (article_id,))
        # its events' counts stay the events' own, worked out again when they settle
        self.connection.execute(
            "DELETE FROM refs WHERE article = ? AND kind != 'event'", (article_id,)
        )

    def relink(self, relinked: Iterable[tuple[str, int, int, str]]) -> None:
        """Names of earlier articles that later ones took in: lone surnames a full name, bare
        names a body (as kind, article, mention index, id)."""
        for kind, article_id, index, ref in relinked:
            row = self.connection.execute(
                "SELECT resolved FROM articles WHERE id = ?", (article_id,)
            ).fetchone()
            if row is None or row[0] is None:
                continue
            resolved: Resolved = _unpack(row[0])
            field = "people" if kind == "person" else "organisations"
            refs = list(getattr(resolved.links, field))
            refs[index] = ref
            links = resolved.links._replace(**{field: tuple(refs)})
            self.save_resolved(article_id, resolved._replace(links=links))

    def unresolve_all(self) -> None:
        """Forget the resolved briefing (kept facts stay): the next update resolves it all again."""
        for table in ("state", "refs", "events", "people", "venues", "organisations"):
            self.connection.execute(f"DELETE FROM {table}")
        self.connection.execute("UPDATE articles SET resolved = NULL")
        self._merged = None  # what was merged into what went with the state

    # -- the resolver's state ---------------------------------------------------------------------

    def load(self, kind: str, key: str) -> object | None:
        row = self.connection.execute(
            "SELECT value FROM state WHERE kind = ? AND key = ?", (kind, key)
        ).fetchone()
        return None if row is None else _unpack(row[0])

    def save_state(self, resolver: Resolver) -> None:
        """Keep every row of state the resolver changed, and what the briefing shows of it."""
        self._save_event_refs(resolver.take_event_refs())
        views: dict[str, list[tuple[str, Any]]] = {kind: [] for kind, _ in _VIEWS}
        merged: list[tuple[str, str]] = []
        for table in resolver.tables():
            for key, value in table.changed():
                if value is None:
                    self.connection.execute(
                        "DELETE FROM state WHERE kind = ? AND key = ?", (table.kind, key)
                    )
                else:
                    self.connection.execute(
                        "INSERT OR REPLACE INTO state VALUES (?, ?, ?)",
                        (table.kind, key, _pack(value)),
                    )
                if table.kind in views:
                    views[table.kind].append((key, value))
                if table.kind.endswith("_merged"):
                    self._merged = None
                    if value is not None and table.kind != "event_merged":
                        merged.append((table.kind.removesuffix("_merged"), key))
        if merged:
            self._merged = None
            for kind, old in merged:
                self._move_refs(kind, old, self.current(kind, old))
        self._save_views(resolver, views)

    def _save_event_refs(self, refs: dict[str, Counter[int] | None]) -> None:
        """The articles of each event the resolver worked out again (None: the event is gone):
        events own their mentions' counts, which move between events as the corpus grows."""
        for event_id, articles in sorted(refs.items()):
            self.connection.execute(
                "DELETE FROM refs WHERE kind = 'event' AND ref = ?", (event_id,)
            )
            if articles:
                self.connection.executemany(
                    "INSERT INTO refs VALUES ('event', ?, ?, ?)",
                    [(event_id, article, count) for article, count in sorted(articles.items())],
                )

    def _move_refs(self, kind: str, old: str, new: str) -> None:
        """Mentions of an entity merged into another count for that other one."""
        self.connection.execute(
            "INSERT INTO refs SELECT kind, ?, article, count FROM refs WHERE kind = ? AND ref = ? "
            "ON CONFLICT DO UPDATE SET count = count + excluded.count",
            (new, kind, old),
        )
        self.connection.execute("DELETE FROM refs WHERE kind = ? AND ref = ?", (kind, old))

    def _save_views(self, resolver: Resolver, views: dict[str, list[tuple[str, Any]]]) -> None:
        self._hidden = None
        shows: dict[str, Callable[[Any], dict[str, object]]] = {
            "event": resolver.event_view,
            "person": resolver.person_view,
            "venue": resolver.venue_view,
            "organisation": resolver.organisation_view,
        }
        for kind, table in _VIEWS:
            show = shows[kind]
            changed = views[kind]
            self.connection.executemany(
                f"DELETE FROM {table} WHERE id = ?", [(key,) for key, _ in changed]
            )
            rows = [show(value) for _, value in changed if value is not None]
            if not rows:
                continue
            columns = list(rows[0])
            self.connection.executemany(
                f"INSERT INTO {table} ({', '.join(columns)}) "
                f"VALUES ({', '.join('?' * len(columns))})",
                [
                    [json.dumps(row[c]) if isinstance(row[c], list) else row[c] for c in columns]
                    for row in rows
                ],
            )
            self._count(kind, table, [str(row["id"]) for row in rows])

    def _count(self, kind: str, table: str, ids: list[str]) -> None:
        """How many articles name each entity, and for events how many distinct sources."""
        for chunk in _chunks(ids, 500):
            marks = ", ".join("?" * len(chunk))
            self.connection.execute(
                f"UPDATE {table} SET articles = "
                f"(SELECT count(*) FROM refs r WHERE r.kind = ? AND r.ref = {table}.id) "
                f"WHERE id IN ({marks})",
                (kind, *chunk),
            )
            if kind == "event":
                self.connection.execute(
                    # independent sources: a syndicated story once, and an outlet once
                    "UPDATE events SET sources = (SELECT min(count(DISTINCT a.source_group), "
                    "count(DISTINCT coalesce(lower(a.outlet), 'story ' || a.source_group))) "
                    "FROM refs r JOIN articles a ON a.id = r.article "
                    "WHERE r.kind = 'event' AND r.ref = events.id), "
                    "inferred = NOT EXISTS (SELECT 1 FROM refs r JOIN articles a "
                    "ON a.id = r.article WHERE r.kind = 'event' AND r.ref = events.id "
                    "AND a.date_source = 'stated') "
                    f"WHERE id IN ({marks})",
                    chunk,
                )

    def recount(self, refs: Iterable[tuple[str, str]]) -> None:
        """Count again the articles of entities an article taken out named."""
        wanted: dict[str, set[str]] = {kind: set() for kind, _ in _VIEWS}
        for kind, ref in refs:
            wanted[kind].add(self.current(kind, ref))
        for kind, table in _VIEWS:
            self._count(kind, table, sorted(wanted[kind]))

    def refs_of(self, article_id: int) -> list[tuple[str, str]]:
        """The events, people and venues an article names, as (kind, id)."""
        rows = self.connection.execute(
            "SELECT kind, ref FROM refs WHERE article = ?", (article_id,)
        )
        return [(kind, ref) for kind, ref in rows]

    def merged(self, kind: str) -> dict[str, str]:
        if self._merged is None:
            self._merged = {kind: {} for kind, _ in _VIEWS}
            rows = self.connection.execute(
                "SELECT kind, key, value FROM state "
                "WHERE kind IN ('event_merged', 'person_merged', 'venue_merged')"
            )
            for row_kind, key, value in rows:
                self._merged[row_kind.removesuffix("_merged")][key] = _unpack(value)
        return self._merged[kind]

    def current(self, kind: str, ref: str) -> str:
        merged = self.merged(kind)
        while ref in merged:
            ref = merged[ref]
        return ref

    # -- the briefing, as its faces read it (BriefingSource) --------------------------------------

    def events(self) -> list[Event]:
        rows = self.connection.execute(
            "SELECT id, start, end, time, timezone, title, people, venues, sources, mentions, "
            "articles, inferred, organisations FROM events"
        )
        hidden = self._bodies()
        events = [
            replace(
                event,
                people=tuple(ref for ref in event.people if ref not in hidden.people),
                venues=tuple(ref for ref in event.venues if ref not in hidden.venues),
                organisations=tuple(
                    ref for ref in event.organisations if ref not in hidden.vehicles
                ),
            )
            for event in (_event(*row) for row in rows)
        ]
        return sorted(
            events, key=lambda event: (event.when.sort_key, -event.sources, event.title, event.id)
        )

    def people(self) -> list[Person]:
        hidden = self._bodies().people
        rows = self.connection.execute(
            "SELECT id, name, aliases, roles, mentions, articles FROM people "
            "ORDER BY mentions DESC, name"
        )
        return [
            Person(i, name, tuple(json.loads(a)), tuple(json.loads(r)), m, n)
            for i, name, a, r, m, n in rows
            if i not in hidden
        ]

    def venues(self) -> list[Venue]:
        hidden = self._bodies().venues
        rows = self.connection.execute(
            "SELECT id, name, aliases, kind, within, mentions, articles FROM venues "
            "ORDER BY mentions DESC, name"
        )
        return [
            Venue(i, name, tuple(json.loads(a)), kind, w if w not in hidden else None, m, n)
            for i, name, a, kind, w, m, n in rows
            if i not in hidden
        ]

    def _bodies(self) -> _Bodies:
        """The people and venues that are organisations by another article's evidence: a name
        the corpus shows to be a body's ("Delta said it", "Apple Computer Inc.") is one in every
        article, whichever came first. A person's name met bare beside a body's ("Hawaiian
        Electric") is the body's too; but a place says more of itself than a bare name does
        ("flights to Maui" beside "The Maui News"), so only a name given with evidence hides
        one. Worked out again after each save."""
        if self._hidden is None:
            every_form: set[str] = set()
            forms: set[str] = set()
            for name, aliases, named in self.connection.execute(
                "SELECT name, aliases, named FROM organisations"
            ):
                every_form.update(fold(form) for form in (name, *json.loads(aliases)))
                forms.update(fold(form) for form in json.loads(named))
            people = {
                i
                for i, name in self.connection.execute("SELECT id, name FROM people")
                if fold(name) in every_form
            }
            venues = {
                i
                for i, name, kind in self.connection.execute(
                    "SELECT id, name, kind FROM venues WHERE kind NOT IN ('country', 'continent')"
                )
                if fold(name) in forms
            }
            vehicles = {
                i
                for (i,) in self.connection.execute(
                    "SELECT id FROM organisations WHERE kind = 'vehicle'"
                )
            }
            self._hidden = _Bodies(frozenset(people), frozenset(venues), frozenset(vehicles))
        return self._hidden

    def organisations(self) -> list[Organisation]:
        rows = self.connection.execute(  # a vehicle ("the Titan submersible") is a thing
            "SELECT id, name, aliases, kind, mentions, articles FROM organisations "
            "WHERE kind IS NOT 'vehicle' ORDER BY mentions DESC, name"
        )
        return [
            Organisation(i, name, tuple(json.loads(a)), kind, m, n)
            for i, name, a, kind, m, n in rows
        ]

    def articles(self) -> list[Article]:
        rows = self.connection.execute(
            "SELECT path, title, date_earliest, date_latest, date_source, date_how, outlet, url, "
            "author "
            "FROM articles ORDER BY path"
        )
        return [
            Article(path, title, _date(earliest, latest, source, how), outlet, url, author)
            for path, title, earliest, latest, source, how, outlet, url, author in rows
        ]

    def skipped(self) -> list[Skipped]:
        rows = self.connection.execute("SELECT path, reason FROM skipped ORDER BY file, path")
        return [Skipped(path, reason) for path, reason in rows]

    def text(self, path: str) -> str:
        row = self.connection.execute(
            "SELECT text FROM articles WHERE path = ?", (path,)
        ).fetchone()
        if row is None:
            raise KeyError(path)
        return str(row[0])

    def times(self, path: str) -> list[Timex]:
        row = self.connection.execute(
            "SELECT f.facts, a.resolved FROM articles a JOIN facts f ON f.text_hash = a.text_hash "
            "WHERE a.path = ?",
            (path,),
        ).fetchone()
        if row is None or row[1] is None:
            return []
        resolved: Resolved = _unpack(row[1])
        return timexes(_unpack(row[0]), resolved.anchored.anchor)

    def marks(self, path: str) -> list[MarkedMention]:
        row = self.connection.execute(
            "SELECT f.facts, a.resolved FROM articles a JOIN facts f ON f.text_hash = a.text_hash "
            "WHERE a.path = ?",
            (path,),
        ).fetchone()
        if row is None or row[1] is None:
            return []
        facts: ArticleFacts = _unpack(row[0])
        links: Links = _unpack(row[1]).links
        found: list[MarkedMention] = []

        hidden = self._bodies()

        def mark(kind: MentionKind, mention: Located, ref: str | None) -> None:
            if ref is not None and not (
                (kind == "person" and ref in hidden.people)
                or (kind == "venue" and ref in hidden.venues)
                or (kind == "organisation" and ref in hidden.vehicles)
            ):
                sentence = facts.sentences[mention.sentence]
                found.append(MarkedMention(kind, self.current(kind, ref), mention.span, sentence))

        for person, ref in zip(facts.people, links.people, strict=True):
            mark("person", person, ref)
        for place, ref in zip(facts.places, links.places, strict=True):
            mark("venue", place, ref)
        for time_mention, ref in zip(facts.times, links.times, strict=True):
            mark("event", time_mention, ref)
        linked = self.merged("event")
        for span, sentence, seed in links.echoes:
            if seed in linked:  # an undated sentence found to tell of an event
                ref = self.current("event", seed)
                found.append(MarkedMention("event", ref, span, facts.sentences[sentence], False))
        for organisation, ref in zip(facts.organisations, links.organisations, strict=True):
            mark("organisation", organisation, ref)
        return sorted(found, key=lambda mark: (mark.span.start, mark.span.end))

    def articles_of(self, kind: MentionKind, ref: str) -> list[str]:
        rows = self.connection.execute(
            "SELECT a.path FROM refs r JOIN articles a ON a.id = r.article "
            "WHERE r.kind = ? AND r.ref = ? ORDER BY a.path",
            (kind, ref),
        )
        return [row[0] for row in rows]

    def article_count(self) -> int:
        return int(self.connection.execute("SELECT count(*) FROM articles").fetchone()[0])


# The kinds of entity the briefing shows, and the tables their views are kept in.
_VIEWS = (
    ("event", "events"),
    ("person", "people"),
    ("venue", "venues"),
    ("organisation", "organisations"),
)


def cache_location(root: Path) -> Path:
    """Where the cache of a corpus lives: one file per corpus folder, named after its path."""
    return paths.cache_dir() / f"{paths.corpus_file_name(root)}.sqlite"


def _pack(value: object) -> bytes:
    """A value as the store keeps it: pickled (the store is ours alone), and compressed when
    large enough to gain (a first build writes hundreds of thousands of small rows of state)."""
    pickled = pickle.dumps(value, protocol=5)
    if len(pickled) < COMPRESS_FROM:
        return b"p" + pickled
    return b"z" + zlib.compress(pickled, 1)


def _unpack(kept: bytes) -> Any:
    body = memoryview(kept)[1:]
    # written by `_pack`, into our own cache
    return pickle.loads(zlib.decompress(body) if kept[:1] == b"z" else body)


def _event(
    event_id: str,
    start: str,
    end: str | None,
    time: str | None,
    zone: str | None,
    title: str,
    people: str,
    venues: str,
    sources: int,
    mentions: int,
    articles: int,
    inferred: int,
    organisations: str,
) -> Event:
    when = DateSpan.parse(start + (f"/{end}" if end else ""), time, zone)
    people_ids, venue_ids = tuple(json.loads(people)), tuple(json.loads(venues))
    counts = (sources, mentions, articles)
    return Event(
        event_id, when, title, people_ids, venue_ids, *counts, bool(inferred),
        tuple(json.loads(organisations)),
    )  # fmt: skip


def _date(
    earliest: str | None, latest: str | None, source: str | None, how: str | None
) -> ArticleDate:
    return ArticleDate(
        date.fromisoformat(earliest) if earliest else None,
        date.fromisoformat(latest) if latest else None,
        DateSource(source or "unknown"),
        how or "no date found",
    )


def _chunks(items: list[str], size: int) -> Iterator[list[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _reason(error: BaseException) -> str:
    return str(error).split("\n")[0] or type(error).__name__
