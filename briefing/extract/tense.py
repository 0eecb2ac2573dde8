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
    r"\b(?:will|shall|won['’]t|going to|would|upcoming|forthcoming|ahead of|scheduled|slated|"
    r"to be held|to take place|to hold|plans? to|planned|intends? to|"
    r"(?:ready|prepared|set|due|expected|planning|hoping|about|poised|likely|agreed)\s+to)\b"
    r"|['’]ll\b",
    re.IGNORECASE,
)
_PAST = re.compile(
    r"\b(?:was|were|had|did|took|held|said|met|began|begun|ended|came|went|spoke|told|sent|saw|"
    r"made|gave|ago|earlier|previous|previously|last|recalled|former|[a-z]\w{2,}ed)\b"
)
_CLAUSE_BREAK = re.compile(
    r"[,;:()\u2014\u2013\"“”«»]|\s-\s|\b(?:that|which|while|whereas|but|because|although|though|"
    r"when|where|as|so)\b"
)


def tense_at(text: str, sentence: Span, expression: Span) -> Tense:
    """The tense of the clause that holds `expression`; failing that, of its sentence."""
    clause = clause_around(text, sentence, expression, _CLAUSE_BREAK).of(text)
    for scope in (clause, sentence.of(text)):
        if _FUTURE.search(scope):
            return Tense.FUTURE
        if _PAST.search(scope):
            return Tense.PAST
    return Tense.UNKNOWN


_OPEN = "“«„"
_CLOSE = "”»"


def is_quoted(text: str, offset: int) -> bool:
    """Whether `offset` falls inside quotation marks in its paragraph."""
    paragraph_start = text.rfind("\n", 0, offset) + 1
    inside = False
    for char in text[paragraph_start:offset]:
        if char in _OPEN:
            inside = True
        elif char in _CLOSE:
            inside = False
        elif char == '"':
            inside = not inside
    return inside
