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
