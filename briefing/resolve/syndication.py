"""Syndicated copies: the same article republished under another title or by another outlet.

An event reported by one wire story and its three reprints has one source, not four. An article
is compared only with those that share one of its longest paragraphs (copies share their body,
not their header), by the overlap of their five-word phrases, estimated from a small sketch.
"""

from __future__ import annotations

import re
import zlib

from briefing.resolve.state import Backing, Table

SHINGLE_WORDS = 5
SKETCH_SIZE = 64
KEY_PARAGRAPHS = 3  # the longest paragraphs an article is filed under
KEY_LENGTH = 120  # characters: shorter paragraphs are too common to tell copies apart
SAME_TEXT = 0.6  # estimated share of phrases in common that makes two articles copies

_WORD = re.compile(r"\w+")


def sketch(text: str) -> tuple[int, ...]:
    """The smallest hashes of the text's five-word phrases, its first paragraph (the title)
    left out."""
    body = text.split("\n\n", 1)[1] if "\n\n" in text else text
    words = _WORD.findall(body.casefold())
    phrases = {
        zlib.crc32(" ".join(words[i : i + SHINGLE_WORDS]).encode())
        for i in range(max(0, len(words) - SHINGLE_WORDS + 1))
    }
    return tuple(sorted(phrases)[:SKETCH_SIZE])


def similarity(a: tuple[int, ...], b: tuple[int, ...]) -> float:
    """Estimated Jaccard similarity of two texts from their sketches."""
    if not a or not b:
        return 0.0
    union = sorted(set(a) | set(b))[:SKETCH_SIZE]
    both = set(a) & set(b)
    return sum(1 for value in union if value in both) / len(union)


def keys(text: str) -> list[str]:
    paragraphs = sorted(text.split("\n\n")[1:], key=len, reverse=True)[:KEY_PARAGRAPHS]
    return [f"{zlib.crc32(p.casefold().encode()):08x}" for p in paragraphs if len(p) >= KEY_LENGTH]


class Copies:
    def __init__(self, backing: Backing) -> None:
        self.filed: Table[list[int]] = Table("copy_key", backing)
        self.sketches: Table[tuple[int, ...]] = Table("copy_sketch", backing)
        self.groups: Table[int] = Table("copy_group", backing)

    def add(self, article: int, text: str) -> int:
        """The group of copies the article belongs to: the id of its first article."""
        mine = sketch(text)
        group = article
        for key in keys(text):
            others = self.filed.get(key) or []
            if group == article:
                for other in others:
                    other_sketch = self.sketches.get(str(other))
                    if other_sketch is not None and similarity(mine, other_sketch) >= SAME_TEXT:
                        group = self.groups.get(str(other)) or other
                        break
            self.filed.put(key, [*others, article])
        self.sketches.put(str(article), mine)
        self.groups.put(str(article), group)
        return group

    def remove(self, article: int, text: str) -> None:
        for key in keys(text):
            left = [other for other in self.filed.get(key) or () if other != article]
            if left:
                self.filed.put(key, left)
            else:
                self.filed.delete(key)
        self.sketches.delete(str(article))
        self.groups.delete(str(article))
