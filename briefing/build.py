"""Taking a corpus into its store: what is new or changed is read, extracted and resolved; what is
unchanged is not read at all; what is gone is taken out.

A file is judged changed by its size and modification time first, then by a hash of its bytes (a
file touched but not edited, or renamed, is not read again). Reading and extraction are spread
over the machine's cores; resolution takes the articles in corpus order, dated ones first. The
work is committed in batches, so a build cut short leaves a store the next run goes on from.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import multiprocessing
import os
import sys
import threading
import time
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple, Protocol

from briefing.corpus import CorpusFile, read_file, scan
from briefing.extract import extract
from briefing.model import Article, ArticleFacts, DateSource, Skipped
from briefing.resolve import Resolved, Resolver
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
    listing = _listing(files)
    seen = store.meta("listing")
    if seen == listing and not store.unresolved():
        return Update(unchanged=len(files), seconds=time.perf_counter() - started)
    with store.writing():
        if store.meta("listing") != seen:  # another process updated it while we waited
            files = scan(root)
            listing = _listing(files)
            if store.meta("listing") == listing and not store.unresolved():
                return Update(unchanged=len(files), seconds=time.perf_counter() - started)
        changed, gone = _changes(store, files)
        intake = _Intake(store, Update(unchanged=len(files) - len(changed)))
        known = {file.name: record for file in changed if (record := store.file(file.name))}
        # A gone file's bytes under a new name of the same kind moved there (one that was read
        # as nothing, an image or an unreadable file, has no hash and never moves)
        moved = {
            (_kind(name), record.hash): name
            for name in gone
            if (record := store.file(name)) and record.hash
        }
        still_gone = dict.fromkeys(gone)
        known_hashes = {record.hash for record in known.values()} | {h for _, h in moved}
        progress.phase("Reading", len(changed))
        reads = _read_all(changed, frozenset(known_hashes), workers, store.lock_fd)
        for count, read in enumerate(reads, start=1):
            old = known.get(read.file.name)
            if old is None and (previous := moved.pop((_kind(read.file.name), read.hash), None)):
                del still_gone[previous]
                intake.rename(read.file, previous)
            else:
                intake.take_in(read, old)
            progress.advance()
            if count % BATCH == 0:
                intake.commit()
        for name in still_gone:
            intake.take_out(name)
            intake.result.removed += 1
        intake.resolve_waiting(progress)
        store.set_meta("listing", listing)  # the files as they are now stored
        intake.commit()
    intake.result.seconds = time.perf_counter() - started
    return intake.result


def _kind(name: str) -> str:
    """What a file is read as: its suffix (the same bytes as .json and as .txt are not alike)."""
    return Path(name).suffix.lower()


def _listing(files: Sequence[CorpusFile]) -> str:
    """A digest of the corpus as listed: names, sizes and modification times. The same digest
    as at the end of the last update means that no file came, went or changed since."""
    digest = hashlib.blake2b(digest_size=16)
    for file in files:
        digest.update(f"{file.name}\0{file.size}\0{file.mtime_ns}\n".encode())
    return digest.hexdigest()


def _changes(store: Store, files: Sequence[CorpusFile]) -> tuple[list[CorpusFile], list[str]]:
    known = store.stamps()
    changed = [file for file in files if known.get(file.name) != (file.size, file.mtime_ns)]
    names = {file.name for file in files}
    return changed, [name for name in known if name not in names]


class _Intake:
    """One update at work: files taken in and out of the store, articles resolved as they come.

    Dated articles are resolved as soon as they are read; undated ones wait for the end, when the
    dated ones they may take a year from are all in. An undated article whose year changed (the
    dated articles naming one of its days came or went, and the years they give it are not what
    they were) is taken out of the briefing and waits too. Every commit keeps the resolver's
    state with the articles it saw, and the days touched, so a build cut short leaves a store
    that the next one goes on from.
    """

    def __init__(self, store: Store, result: Update) -> None:
        self.store = store
        self.result = result
        self.resolver = Resolver(store)
        self.named: set[tuple[str, str]] = set()  # what articles taken out named: to count again
        self.cut_short = set(store.to_redate())  # days touched by a build that did not finish

    def take_in(self, read: _Read, old: FileRecord | None) -> None:
        """Store one file read: unchanged after all, or new articles for the old ones."""
        file = read.file
        if old is not None and old.hash == read.hash:
            self.store.touch_file(file.name, file.size, file.mtime_ns)
            self.result.unchanged += 1
            return
        if not read.extracted:  # a known hash, but not its old self's or a gone file's
            read = _read_one(file, frozenset())
        if old is not None:
            self.take_out(file.name)
        for article, text, facts in read.articles:
            article_id = self.store.add_article(file.name, article, text, facts)
            if article.date.source is DateSource.STATED:
                self._resolve(article_id, article, text, facts)
        self.store.put_file(
            file.name, FileRecord(file.size, file.mtime_ns, read.hash), read.skipped
        )
        self.result.read += 1

    def rename(self, file: CorpusFile, previous: str) -> None:
        """The same bytes under a new name: its articles move with it, facts and all."""
        self.store.rename_file(previous, file.name, file.size, file.mtime_ns)
        self.result.renamed += 1

    def take_out(self, name: str) -> None:
        """Take a file's articles out of the briefing and the store."""
        for article_id in self.store.articles_of_file(name):
            article, text, facts, resolved = self.store.loaded(article_id)
            if resolved is not None:
                self._unresolve(article_id, article, text, facts, resolved)
            self.store.remove_article(article_id)
        self.store.forget_file(name)

    def resolve_waiting(self, progress: Progress) -> None:
        """Resolve the articles still waiting: undated ones, those whose year changed, and any
        a cut-short build left."""
        self._redate_changed()
        waiting = self.store.unresolved()
        progress.phase("Resolving", len(waiting))
        for count, article_id in enumerate(waiting, start=1):
            article, text, facts, _ = self.store.loaded(article_id)
            self._resolve(article_id, article, text, facts)
            progress.advance()
            if count % BATCH == 0:
                self.commit()
        self.resolver.settle_events()
        self.store.recount(self.named)

    def commit(self) -> None:
        self.store.mark_to_redate(self.resolver.days_touched())
        self.store.save_state(self.resolver)
        self.store.commit()

    def _resolve(self, article_id: int, article: Article, text: str, facts: ArticleFacts) -> None:
        resolved = self.resolver.add(article_id, article, text, facts)
        self.store.save_resolved(article_id, resolved)
        self.store.relink(self.resolver.relinked())
        self.result.resolved += 1

    def _unresolve(
        self, article_id: int, article: Article, text: str, facts: ArticleFacts, resolved: Resolved
    ) -> None:
        self.resolver.remove(article_id, article, text, facts, resolved)
        self.named.update(self.store.refs_of(article_id))
        self.store.unresolve(article_id)

    def _redate_changed(self) -> None:
        """Of the undated articles naming a day that dated articles came to or left, those whose
        year is not what it was go out of the briefing, to be resolved again; the rest stay."""
        days = self.resolver.days_touched() | self.cut_short
        for article_id in self.resolver.undated_to_redate(days, surely=self.cut_short):
            if not self.store.has_article(article_id):
                continue
            article, text, facts, resolved = self.store.loaded(article_id)
            if (
                resolved is not None
                and self.resolver.year_of(text, facts) != resolved.anchored.year
            ):
                self._unresolve(article_id, article, text, facts, resolved)
        self.resolver.settled()
        self.store.forget_to_redate()
        self.cut_short = set()


# -- reading, in parallel -------------------------------------------------------------------------


def _read_all(
    files: Sequence[CorpusFile], known: frozenset[str], workers: int | None, inherited: int | None
) -> Iterator[_Read]:
    """Each file read and extracted, in the order given; by several processes for many files.
    A file whose bytes hash to one of `known` (touched, or renamed) is not extracted again."""
    read = functools.partial(_read_one, known=known)
    if len(files) < PARALLEL_FROM:
        yield from map(read, files)
        return
    count = workers or max(1, min(os.cpu_count() or 1, 8))
    _load_lexicons()  # once, before the workers fork: they share it
    # Forked workers start at once and run no caller's code; elsewhere they are spawned.
    fork = sys.platform == "linux" and "fork" in multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if fork else None)
    starting = (os.getpid(), inherited)
    with ProcessPoolExecutor(count, context, initializer=_start_worker, initargs=starting) as pool:
        yield from pool.map(read, files, chunksize=16)


def _start_worker(build: int, inherited: int | None) -> None:
    """Ready a worker: close the build's lock file it inherited (so that a killed build frees
    the lock), end it if the build that started it dies, and load what extraction needs."""
    if inherited is not None:
        with contextlib.suppress(OSError):
            os.close(inherited)

    def watch() -> None:
        while True:
            time.sleep(1)
            try:
                os.kill(build, 0)
            except ProcessLookupError:
                os._exit(1)

    threading.Thread(target=watch, daemon=True).start()
    _load_lexicons()


def _load_lexicons() -> None:
    from briefing.extract.gazetteer import reference

    reference()


def _read_one(file: CorpusFile, known: frozenset[str]) -> _Read:
    read = read_file(file.path, file.name)
    if read.hash in known:
        return _Read(file, read.hash, [], read.skipped, extracted=False)
    articles = [(article, text, extract(text)) for article, text in read.articles]
    return _Read(file, read.hash, articles, read.skipped)
