"""Is a dated thing told as past or as coming, and is it somebody's quoted words?

Both matter for anchoring: "on Monday" in a past-tense clause is the Monday before the article,
in a future one the Monday after; and "next week" inside a quotation counts from the day the
words were spoken, which the article may not say.
"""

from __future__ import annotations

import re

from briefing.extract.sentences import clause_around
from briefing.model import Span, Tense

_FUTURE = re.compile(
    r"\b(?:(?:to|will|would|shall|may|might|could|should)\s+(?:not\s+|now\s+|also\s+)?be\s+"
    r"[a-z]+\b|will|shall|won['’]t|going to|would|upcoming|forthcoming|ahead of|scheduled|slated|"
    r"to be held|to take place|to hold|plans? to|planned|intends? to|"
    r"(?:ready|prepared|set|expected|planning|hoping|about|poised|likely|agreed)\s+to|"
    r"(?:is|are|was|were|be)\s+due\b)"
    r"|['’]ll\b",
    re.IGNORECASE,
)
_PAST = re.compile(
    r"\b(?:was|were|had|did|took|held|said|met|began|begun|ended|came|went|spoke|told|sent|saw|"
    r"made|gave|ago|earlier|previous|previously|last|recalled|former|fell|rose|won|lost|struck|"
    r"left|led|fled|sold|bought|paid|grew|ran|broke|brought|built|caught|chose|drove|fought|"
    r"found|heard|kept|knew|meant|sat|shot|spent|stood|swore|taught|thought|threw|wrote|became|"
    r"flew|drew|felt|froze|hung|hid|laid|rode|rang|sank|sang|slept|stole|stuck|swam|tore|woke|"
    r"withdrew|overtook|sought|wore|ate|[a-z]\w{2,}ed)\b"
)
# "had been scheduled for Friday": a plan told as past, about a day that is past too
_PLUPERFECT = re.compile(r"\bhad\s+(?:been\s+|already\s+|previously\s+)*$", re.IGNORECASE)
_PRESENT = re.compile(r"\b(?:is|are|am)\s+(?:now\s+|still\s+)?[a-z]+ing\b")
_CLAUSE_BREAK = re.compile(
    r"[,;:()\u2014\u2013\"“”«»]|\s-\s|\b(?:that|which|while|whereas|but|because|although|though|"
    r"when|where|as|so)\b"
)


def tense_at(text: str, sentence: Span, expression: Span) -> Tense:
    """The tense of the verb nearest before `expression` in its clause ("said it is calling a
    vote on Dec. 7": the calling); failing that, of its whole clause, then of its sentence."""
    clause = clause_around(text, sentence, expression, _CLAUSE_BREAK)
    nearest = _nearest_before(text, Span(clause.start, expression.start))
    if nearest is not None:
        return nearest
    for scope in (clause.of(text), sentence.of(text)):
        if _FUTURE.search(scope):
            return Tense.FUTURE
        if _PAST.search(scope):
            return Tense.PAST
    return Tense.UNKNOWN


def _nearest_before(text: str, before: Span) -> Tense | None:
    """The tense of the last verb form in `before`, if one says it."""
    words = before.of(text)
    found: list[tuple[int, Tense]] = []
    for pattern, tense in ((_FUTURE, Tense.FUTURE), (_PAST, Tense.PAST), (_PRESENT, Tense.PRESENT)):
        for match in pattern.finditer(words):
            if tense is Tense.FUTURE and _PLUPERFECT.search(words, 0, match.start()):
                tense = Tense.PAST
            found.append((match.end(), tense))
    if not found:
        return None
    return max(found, key=lambda item: item[0])[1]


_OPEN = "“«„"
_CLOSE = "”»"
_QUOTES = re.compile('[“«„”»"]')


def is_quoted(text: str, offset: int, inside: bool = False) -> bool:
    """Whether `offset` falls inside quotation marks in its paragraph; `inside` says whether the
    text itself starts inside a quotation (a sentence cut from a quoted passage)."""
    paragraph_start = text.rfind("\n", 0, offset) + 1
    return quoted_after(text[paragraph_start:offset], inside and paragraph_start == 0)


def quoted_after(text: str, inside: bool = False) -> bool:
    """Whether the end of `text` is inside quotation marks, if its start is as `inside` says."""
    for quote in _QUOTES.findall(text):
        if quote in _OPEN:
            inside = True
        elif quote in _CLOSE:
            inside = False
        else:
            inside = not inside
    return inside
