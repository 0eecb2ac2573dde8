"""An article's fingerprint, to tell syndicated copies: the same story under another title.

Copies share their body, not their header. The fingerprint files an article under its longest
paragraphs (a copy shares at least one) and sketches its five-word phrases: the smallest of their
hashes estimate how much two texts have in common.
"""

from __future__ import annotations

import re
import zlib
from array import array

from briefing.model import Fingerprint

SHINGLE_WORDS = 5
SKETCH_SIZE = 64
SKETCHED_CHARACTERS = 1_200  # of the body: copies share their first paragraphs, if any
KEY_PARAGRAPHS = 3  # the longest paragraphs an article is filed under
KEY_LENGTH = 120  # characters: shorter paragraphs are too common to tell copies apart

_WORD = re.compile(r"\w+")


def sketch(text: str) -> bytes:
    """The smallest hashes of the text's five-word phrases, its first paragraph (the title)
    left out; packed as 32-bit numbers, a tenth of the memory of a tuple of ints."""
    body = text.split("\n\n", 1)[1] if "\n\n" in text else text
    words = _WORD.findall(body[:SKETCHED_CHARACTERS].casefold())
    phrases = {
        zlib.crc32(" ".join(words[i : i + SHINGLE_WORDS]).encode())
        for i in range(max(0, len(words) - SHINGLE_WORDS + 1))
    }
    return array("I", sorted(phrases)[:SKETCH_SIZE]).tobytes()


def similarity(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity of two texts from their sketches."""
    if not a or not b:
        return 0.0
    mine, theirs = set(array("I", a)), set(array("I", b))
    union = sorted(mine | theirs)[:SKETCH_SIZE]
    both = mine & theirs
    return sum(1 for value in union if value in both) / len(union)


def keys(text: str) -> list[str]:
    paragraphs = sorted(text.split("\n\n")[1:], key=len, reverse=True)[:KEY_PARAGRAPHS]
    return [f"{zlib.crc32(p.casefold().encode()):08x}" for p in paragraphs if len(p) >= KEY_LENGTH]


def fingerprint(text: str) -> Fingerprint:
    return Fingerprint(tuple(keys(text)), sketch(text))
