"""The engine's front door: a corpus path in, an open `Desk` out. Every face starts here.

A desk holds one corpus open: its store (a cache file, or memory), the briefing read from it, and
search over it. The command line and the dashboard read the same desk, so they answer alike.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from briefing import search
from briefing.build import Progress, Update, update
from briefing.corpus import CorpusError, check
from briefing.model import Briefing
from briefing.store import Store


class Desk:
    """One corpus, open: its briefing, brought up to date, and search over its articles."""

    def __init__(self, root: Path, store: Store) -> None:
        self.root = root
        self.store = store
        self.briefing = Briefing(root, store)

    def refresh(self, progress: Progress | None = None) -> Update:
        """Take in what changed in the corpus; `CorpusError` if nothing in it can be read."""
        done = update(self.store, self.root, progress)
        if self.store.article_count() == 0:
            reasons = "; ".join(f"{skip.path}: {skip.reason}" for skip in self.store.skipped()[:3])
            raise CorpusError(
                f"{self.root}: no articles found" + (f" ({reasons})" if reasons else "")
            )
        if not done.nothing:
            self.briefing = Briefing(self.root, self.store)
        return done

    def rebuild(self, progress: Progress | None = None) -> Update:
        """Resolve the whole briefing again from the facts kept, as a first build would.

        Updates take changed articles in and out one by one, so the way mentions gather into
        events can depend on the order files came in; a rebuild gives the order-free result."""
        with self.store.writing():
            self.store.unresolve_all()
            self.store.commit()
        return self.refresh(progress)

    def search(self, query: str, limit: int = 20, offset: int = 0) -> search.Results:
        """The articles that match a query, best first; `search.QueryError` if it cannot be read."""
        return search.search(self.briefing, self.store, query, limit, offset)

    def close(self) -> None:
        self.store.close()


def open_desk(
    root: Path,
    cache: bool = True,
    location: Path | None = None,
    progress: Progress | None = None,
    warn: Callable[[str], None] = print,
) -> Desk:
    """The corpus at `root`, open and up to date; `CorpusError` if it is missing or holds no
    article. With `cache`, only what changed since the last run is read; without, all of it,
    in memory."""
    root = root.expanduser()
    check(root)  # a missing corpus says so before any cache is made for it
    store = Store.open(root, location, warn) if cache else Store.memory()
    desk = Desk(root, store)
    try:
        desk.refresh(progress)
    except BaseException:
        store.close()
        raise
    return desk


def open_briefing(root: Path, cache: bool = True, warn: Callable[[str], None] = print) -> Briefing:
    """The briefing of the corpus at `root`, for a caller that only reads it."""
    return open_desk(root, cache, warn=warn).briefing
