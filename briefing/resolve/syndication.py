"""Syndicated copies: the same article republished under another title or by another outlet.

An event reported by one wire story and its three reprints has one source, not four. An article
is compared only with those filed under one of its longest paragraphs, by the overlap of their
five-word phrases, estimated from their fingerprints.
"""

from __future__ import annotations

from briefing.extract.fingerprint import similarity
from briefing.model import Fingerprint
from briefing.resolve.state import Backing, Table

SAME_TEXT = 0.6  # estimated share of phrases in common that makes two articles copies
COMMON_PARAGRAPH = 64  # articles under one paragraph: past this it is boilerplate, not a copy


class Copies:
    def __init__(self, backing: Backing) -> None:
        self.filed: Table[list[int]] = Table("copy_key", backing)
        self.sketches: Table[bytes] = Table("copy_sketch", backing)
        self.groups: Table[int] = Table("copy_group", backing)

    def add(self, article: int, fingerprint: Fingerprint) -> int:
        """The group of copies the article belongs to: the id of its first article."""
        group = article
        for key in fingerprint.keys:
            others = self.filed.get(key) or []
            if len(others) >= COMMON_PARAGRAPH:
                continue
            if group == article:
                for other in others:
                    other_sketch = self.sketches.get(str(other))
                    if other_sketch is not None and (
                        similarity(fingerprint.sketch, other_sketch) >= SAME_TEXT
                    ):
                        group = self.groups.get(str(other)) or other
                        break
            others.append(article)
            self.filed.put(key, others)
        self.sketches.put(str(article), fingerprint.sketch)
        self.groups.put(str(article), group)
        return group

    def remove(self, article: int, fingerprint: Fingerprint) -> None:
        for key in fingerprint.keys:
            left = [other for other in self.filed.get(key) or () if other != article]
            if left:
                self.filed.put(key, left)
            else:
                self.filed.delete(key)
        self.sketches.delete(str(article))
        self.groups.delete(str(article))
