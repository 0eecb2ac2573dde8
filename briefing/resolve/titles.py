"""Event titles: a short readable sentence from the mentions, the most typical one, cut short.

Each mention offers a candidate: the clause that holds its date if it stands on its own, else its
sentence without a leading "On June 2," or "While ...,", asides and attribution. The title is the
candidate closest to what all the mentions say, preferring one whose sentence gives only this
date and one written after the fact.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import NamedTuple

from briefing.extract.lexicon import FUNCTION_WORDS, MONTH_AND_DAY_NAMES, fold
from briefing.extract.sentences import clause_around
from briefing.model import Span

TITLE_LIMIT = 90  # characters


class Candidate(NamedTuple):
    text: str
    words: frozenset[str]  # its sentence's content words
    alone: bool  # the only date in its sentence
    reported: bool  # told after the fact: the article is dated on or after the event
    article: int

    @property
    def merit(self) -> float:
        """How good a title it makes on its own, whatever the other mentions say."""
        length = len(self.text.split())
        penalty = max(0, length - 16) + max(0, 5 - length) * 4
        penalty += 6 * ("?" in self.text) + 3 * any(mark in self.text for mark in '“”"')
        penalty += 4 * bool(_PRONOUN_START.match(self.text))
        return 3 * self.alone + 3 * self.reported - penalty


_DROP_LEAD = re.compile(
    r"^(?:(?:however|meanwhile|earlier|later|also|moreover|still|yet|but|and|so|then|now|"
    r"at the same time|in addition|it should be recalled that|recall that|as a reminder|"
    r"according to [^,]{1,60}|on the eve of [^,]{1,40}),?\s+)+",
    re.IGNORECASE,
)
_DROP_TAIL = re.compile(
    r",\s*(?:[^,]{1,60}\s(?:said|says|added|noted|told [^,]{1,30})|according to [^,]{1,60})"
    r"\s*[.!]?$"
)
_LEADING_DATE = re.compile(
    r"^(?:(?:on|in|from|by|since|as of|late|early|later|earlier)\s+)?(?:the\s+)?$", re.IGNORECASE
)
_PRONOUN_START = re.compile(r"^(?:he|she|they|it|this|that|these|those|we|i)\b", re.IGNORECASE)


_CLAUSE_EDGE = re.compile(r"[;:—–]|,(?!\d)")
_SUBORDINATE = re.compile(
    r"^(?:while|as|after|although|though|despite|following|with|since|before|when|once|"
    r"in addition to|amid|and|but)\b[^,]*,\s*",
    re.IGNORECASE,
)
_NOT_A_SUBJECT = re.compile(
    r"^(?:was|were|is|are|has|have|had|will|would|which|who|that|though|although|while|when|as|"
    r"after|before|since|because|if|in|on|at|by|from|late|early|[a-z]+ed|[a-z]+ing)\b"
)
_NOT_CONTENT = FUNCTION_WORDS | MONTH_AND_DAY_NAMES
_DATE_WORD = re.compile(r"^(?:\d.*|late|early|later|earlier|mid-\w+)$", re.IGNORECASE)


def title_text(text: str, sentence: Span, expression: Span) -> str:
    """A sentence as a title: the clause that holds the date if it stands on its own, else the
    sentence without a leading "On June 2," or "While ...,", asides and attribution."""
    words = clause_around(text, sentence, expression, _CLAUSE_EDGE).of(text).strip(" ,;:–—")
    if not _stands_alone(words):
        words = sentence.of(text)
        head = text[sentence.start : expression.start]
        if _LEADING_DATE.match(head) and text.startswith(",", expression.end):
            words = text[expression.end + 1 : sentence.end]
    words = words.strip(" ,;:–—")
    shorter = _SUBORDINATE.sub("", words)
    if len(shorter.split()) >= 5:
        words = shorter
    words = _DROP_LEAD.sub("", words)
    words = _DROP_TAIL.sub("", words).rstrip(" .,;:–—")
    return words[:1].upper() + words[1:]


def _stands_alone(clause: str) -> bool:
    """Whether a clause reads as a sentence: a subject first, and more to it than its date."""
    words = clause.split()
    content = [
        word
        for word in words
        if fold(word.strip(",.")) not in _NOT_CONTENT and not _DATE_WORD.match(word)
    ]
    return len(words) >= 5 and len(content) >= 3 and not _NOT_A_SUBJECT.match(clause)


def best_title(candidates: Sequence[Candidate], words: Counter[str]) -> str:
    """The candidate closest to what the event's mentions say (`words`: how often each occurs)."""
    shared = {
        candidate: sum(words[word] - 1 for word in candidate.words) / max(1, len(candidate.words))
        for candidate in candidates
    }
    most_shared = max(shared.values(), default=0.0) or 1.0
    best = max(
        candidates,
        key=lambda candidate: (
            shared[candidate] / most_shared * 10 + candidate.merit,
            candidate.text,
        ),
    )
    return shorten(best.text)


def shorten(title: str) -> str:
    if len(title) <= TITLE_LIMIT:
        return title
    marks = (", ", " and ", " as ", " while ", " after ")
    cut = max(title.rfind(mark, 0, TITLE_LIMIT) for mark in marks)
    if cut < TITLE_LIMIT // 2:
        cut = title.rfind(" ", 0, TITLE_LIMIT)
    return title[:cut].rstrip(" ,;:") + "…"
