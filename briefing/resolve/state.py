"""The resolver's memory: rows of state by kind and key, read when first needed, written back.

A first build starts with nothing and keeps every row in memory; an update of one changed article
reads from the store only the rows it touches (the events of its dates, the people of its names),
so taking in one file costs the same in a corpus of ten articles or of a hundred thousand.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from typing import Generic, Protocol, TypeVar

V = TypeVar("V")


class Backing(Protocol):
    """Where state rows are kept between runs (the store), or nowhere at all (`Nothing`)."""

    def load(self, kind: str, key: str) -> object | None: ...


class Nothing:
    """No rows kept anywhere: for a first build, and for briefings kept in memory."""

    def load(self, kind: str, key: str) -> object | None:
        return None


class Table(Generic[V]):
    """The rows of one kind: a dictionary that reads through to the backing store."""

    def __init__(self, kind: str, backing: Backing, keep: bool = True) -> None:
        self.kind = kind
        self._backing = backing
        self._rows: dict[str, V | None] = {}
        self.dirty: set[str] = set()
        self._keep = keep  # rows stay in memory once saved; else they are read again when needed

    def get(self, key: str) -> V | None:
        if key not in self._rows:
            self._rows[key] = self._backing.load(self.kind, key)  # type: ignore[assignment]
        return self._rows[key]

    def __getitem__(self, key: str) -> V:
        value = self.get(key)
        if value is None:
            raise KeyError(f"{self.kind} {key}")
        return value

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self.get(key) is not None

    def put(self, key: str, value: V) -> None:
        self._rows[key] = value
        self.dirty.add(key)

    def touch(self, key: str) -> None:
        """Mark a row changed in place (a counter grown, a list appended to)."""
        self.dirty.add(key)

    def delete(self, key: str) -> None:
        self._rows[key] = None
        self.dirty.add(key)

    def changed(self) -> Iterator[tuple[str, V | None]]:
        """The rows changed since the last flush (None for deleted ones), then forgets them; a
        table that does not keep its rows lets them go, to be read again from the backing."""
        saved = sorted(self.dirty)
        for key in saved:
            yield key, self._rows.get(key)
        self.dirty.clear()
        if not self._keep:
            for key in saved:
                self._rows.pop(key, None)


class Index(Table[dict[str, None]]):
    """Keys to the ids of the entities they find: "s:lavrov" -> {"sergey-lavrov"}, in the order
    they were filed (a dict used as an ordered set: adding and taking out cost the same however
    many ids a key holds)."""

    def find(self, key: str) -> tuple[str, ...]:
        """The ids filed under a key, as they are now (safe to change the index meanwhile)."""
        return tuple(self.get(key) or ())

    def members(self, key: str) -> dict[str, None]:
        """The ids filed under a key, without a copy: to test or read, not to change meanwhile."""
        return self.get(key) or {}

    def add(self, key: str, ref: str) -> None:
        found = self.get(key)
        if found is None:
            self.put(key, {ref: None})
        elif ref not in found:
            found[ref] = None
            self.touch(key)

    def discard(self, key: str, ref: str) -> None:
        found = self.get(key)
        if not found or ref not in found:
            return
        del found[ref]
        if found:
            self.touch(key)
        else:
            self.delete(key)


@functools.lru_cache(maxsize=1 << 16)
def near_keys(word: str) -> tuple[str, ...]:
    """The word and the word less each of its letters, in order: two words one edit apart (a
    letter added, dropped or changed) share at least one of them."""
    return tuple(sorted({word, *(word[:i] + word[i + 1 :] for i in range(len(word)))}))
