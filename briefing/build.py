"""Taking a corpus into its store: what is new or changed is read, extracted and resolved; what is
unchanged is not read at all; what is gone is taken out.

A file is judged changed by its size and modification time first, then by a hash of its bytes (a
file touched but not edited, or renamed, is not read again). Reading and extraction are spread
over the machine's cores; resolution takes the articles in corpus order, dated ones first. The
work is committed in batches, so a build cut short leaves a store the next run goes on from.
"""

from __future__ import annotations

import functools
import multiprocessing
import os
import time
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple, Protocol

from briefing.corpus import CorpusFile, read_file, scan
from briefing.extract import extract
from briefing.model import Article, ArticleFacts, DateSource, Skipped
from briefing.resolve import Resolver
from briefing.store import FileRecord, Store

PARALLEL_FROM = 64  # files: fewer are read in this process (starting workers costs a second)
BATCH = 2000  # articles between commits


class Progress(Protocol):
    """What a face shows while the engine works: a phase, its size, and steps done."""

    def phase(self, name: str, total: int) -> None: ...
    def advance(self, steps: int = 1) -> None: ...


class _Quiet:
    def phase(self, name: str, total: int) -> None:
        pass

    def advance(self, steps: int = 1) -> None:
        pass


@dataclass
class Update:
    """What an update did."""

    read: int = 0  # files read (new or changed)
    unchanged: int = 0
    renamed: int = 0
    removed: int = 0  # files gone
    resolved: int = 0  # articles resolved
    seconds: float = 0.0

    @property
    def nothing(self) -> bool:
        return not (self.read or self.renamed or self.removed or self.resolved)


class _Read(NamedTuple):
    """One file read and extracted, as a worker sends it back."""

    file: CorpusFile
    hash: str
    articles: list[tuple[Article, str, ArticleFacts]]
    skipped: list[Skipped]
    extracted: bool = True  # False when its hash said it need not be


def update(
    store: Store, root: Path, progress: Progress | None = None, workers: int | None = None
) -> Update:
    """Bring the store up to date with the corpus at `root`."""
    started = time.perf_counter()
    progress = progress or _Quiet()
    files = scan(root)
    if not any(_changes(store, files)) and not store.unresolved():
        return Update(unchanged=len(files), seconds=time.perf_counter() - started)
    with store.writing():  # another process may have done the work while we waited
        changed, gone = _changes(store, files)
        result = Update(unchanged=len(files) - len(changed))
        resolver = Resolver(store)
        known = store.files()
        by_hash = {known[name].hash: name for name in gone}
        stale: set[int] = set()
        progress.phase("Reading", len(changed))
        known_hashes = frozenset(known[file.name].hash for file in changed if file.name in known)
        known_hashes |= by_hash.keys()
        for count, read in enumerate(_read_all(changed, known_hashes, workers), start=1):
            stale |= _take_in(
                store, resolver, read, known.get(read.file.name), by_hash, gone, result
            )
            progress.advance()
            if count % BATCH == 0:
                store.commit()
        for name in gone:
            stale |= _take_out(store, resolver, name)
            result.removed += 1
        _resolve(store, resolver, stale, progress, result)
        store.commit()
    result.seconds = time.perf_counter() - started
    return result


def _changes(store: Store, files: Sequence[CorpusFile]) -> tuple[list[CorpusFile], list[str]]:
    known = store.files()
    changed = [
        file
        for file in files
        if (record := known.get(file.name)) is None
        or (record.size, record.mtime_ns) != (file.size, file.mtime_ns)
    ]
    names = {file.name for file in files}
    return changed, [name for name in known if name not in names]


def _take_in(
    store: Store,
    resolver: Resolver,
    read: _Read,
    old: FileRecord | None,
    by_hash: dict[str, str],
    gone: list[str],
    result: Update,
) -> set[int]:
    """Store one file read: unchanged after all, renamed, or new articles for old ones."""
    file = read.file
    record = FileRecord(file.size, file.mtime_ns, read.hash)
    if old is not None and old.hash == read.hash:
        store.touch_file(file.name, file.size, file.mtime_ns)
        result.unchanged += 1
        return set()
    if old is None and read.hash in by_hash and by_hash[read.hash] in gone:
        previous = by_hash.pop(read.hash)
        gone.remove(previous)
        store.rename_file(previous, file.name, file.size, file.mtime_ns)
        result.renamed += 1
        return set()
    if not read.extracted:  # it had a known hash, but not that of its old self or a gone file
        read = _read_one(file, frozenset())
    stale = _take_out(store, resolver, file.name) if old is not None else set()
    for article, text, facts in read.articles:
        store.add_article(file.name, article, text, facts)
    store.put_file(file.name, record, read.skipped)
    result.read += 1
    return stale


def _take_out(store: Store, resolver: Resolver, name: str) -> set[int]:
    """Take a file's articles out of the briefing and the store; the undated articles whose year
    they gave are returned, to be dated again."""
    stale: set[int] = set()
    for article_id in store.articles_of_file(name):
        article, text, facts, resolved = store.loaded(article_id)
        if resolved is not None:
            if article.date.source is DateSource.STATED:
                stale |= resolver.undated_naming(article_id, text, facts, resolved)
            resolver.remove(article_id, article, text, facts, resolved)
        store.remove_article(article_id)
    store.forget_file(name)
    return stale


def _resolve(
    store: Store, resolver: Resolver, stale: set[int], progress: Progress, result: Update
) -> None:
    """Resolve every article not yet resolved, then date again the undated ones that need it."""
    waiting = store.unresolved()
    progress.phase("Resolving", len(waiting))
    for count, article_id in enumerate(waiting, start=1):
        article, text, facts, _ = store.loaded(article_id)
        resolved = resolver.add(article_id, article, text, facts)
        store.save_resolved(article_id, resolved)
        if article.date.source is DateSource.STATED:
            stale |= resolver.undated_naming(article_id, text, facts, resolved)
        store.relink(resolver.relinked())
        progress.advance()
        result.resolved += 1
        if count % BATCH == 0:
            store.save_state(resolver)
            store.commit()
    for article_id in sorted(stale - set(waiting)):
        _redate(store, resolver, article_id)
    store.save_state(resolver)
    if result.removed or result.read:
        store.recount()


def _redate(store: Store, resolver: Resolver, article_id: int) -> None:
    """An undated article takes its year from dated ones; when they change, it is resolved again."""
    try:
        article, text, facts, resolved = store.loaded(article_id)
    except TypeError:
        return  # gone meanwhile
    if resolved is None:
        return
    resolver.remove(article_id, article, text, facts, resolved)
    store.save_resolved(article_id, resolver.add(article_id, article, text, facts))
    store.relink(resolver.relinked())


# -- reading, in parallel -------------------------------------------------------------------------


def _read_all(
    files: Sequence[CorpusFile], known: frozenset[str], workers: int | None
) -> Iterator[_Read]:
    """Each file read and extracted, in the order given; by several processes for many files.
    A file whose bytes hash to one of `known` (touched, or renamed) is not extracted again."""
    read = functools.partial(_read_one, known=known)
    if len(files) < PARALLEL_FROM:
        yield from map(read, files)
        return
    count = workers or max(1, min(os.cpu_count() or 1, 8))
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    with ProcessPoolExecutor(max_workers=count, mp_context=context, initializer=_warm_up) as pool:
        yield from pool.map(read, files, chunksize=16)


def _warm_up() -> None:
    """Load the gazetteer once per worker, before its first file."""
    from briefing.extract.gazetteer import gazetteer, given_names, languages

    gazetteer()
    given_names()
    languages()


def _read_one(file: CorpusFile, known: frozenset[str]) -> _Read:
    read = read_file(file.path, file.name)
    if read.hash in known:
        return _Read(file, read.hash, [], read.skipped, extracted=False)
    articles = [(article, text, extract(text)) for article, text in read.articles]
    return _Read(file, read.hash, articles, read.skipped)
