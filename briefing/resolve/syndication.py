"""Syndicated copies: the same article republished under another title or by another outlet.

An event reported by one wire story and its three reprints has one source, not four. Articles are
compared by the overlap of their five-word phrases (title left out), estimated from a small sketch
of each text so that a large corpus is compared in one pass, not pair by pair.
"""

from __future__ import annotations

import re
import zlib
from collections import defaultdict
from collections.abc import Sequence

from briefing.model import Article

SHINGLE_WORDS = 5
SKETCH_SIZE = 64
BUCKET_KEYS = 8  # an article is compared with those sharing one of its smallest phrase hashes
SAME_TEXT = 0.6  # estimated share of phrases in common that makes two articles copies

_WORD = re.compile(r"\w+")


def sketch(text: str) -> tuple[int, ...]:
    """The smallest hashes of the text's five-word phrases, title left out."""
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


def source_groups(articles: Sequence[Article]) -> dict[str, str]:
    """Each article's path mapped to the path of the first article of its group of copies."""
    sketches = {article.path: sketch(article.text) for article in articles}
    leader = {article.path: article.path for article in articles}
    position = {article.path: index for index, article in enumerate(articles)}.__getitem__

    def find(path: str) -> str:
        while leader[path] != path:
            leader[path] = leader[leader[path]]
            path = leader[path]
        return path

    buckets: dict[int, list[str]] = defaultdict(list)
    for article in articles:
        mine = sketches[article.path]
        candidates = {other for key in mine[:BUCKET_KEYS] for other in buckets[key]}
        for other in candidates:
            if similarity(mine, sketches[other]) >= SAME_TEXT:
                a, b = find(article.path), find(other)
                if a != b:
                    leader[max(a, b, key=position)] = min(a, b, key=position)
        for key in mine[:BUCKET_KEYS]:
            buckets[key].append(article.path)
    return {path: find(path) for path in leader}
