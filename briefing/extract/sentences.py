"""Sentence boundaries in English news prose, as spans into the text."""

from __future__ import annotations

import bisect
import functools
import operator
import re

from briefing.extract.lexicon import FUNCTION_WORDS
from briefing.model import Span

# Words that end with a full stop without ending the sentence.
ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof gen lt col sgt capt cpt maj adm cmdr sen rep gov pres st jr sr rev
    fr hon amb ft mt inc ltd co corp bros dept univ assn approx vs etc al vol fig ca cf jan feb
    mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
    a.m p.m e.g i.e""".split()
)

_START = operator.attrgetter("start")
_BOUNDARY = re.compile(r"[.!?…]+[\"”’')\]]*(?=\s)|\n")
_LAST_WORD = re.compile(r"([\w.]+)[.!?…]+[\"”’')\]]*$")
_INITIALISM = re.compile(r"^(?:\w{1,2}\.)*\w{1,2}$")


def split_sentences(text: str) -> list[Span]:
    """The sentences of `text`; a line break always ends one (headlines carry no full stop)."""
    spans: list[Span] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        end = match.end()
        if match.group() != "\n" and not _ends_sentence(text, match.start(), end):
            continue
        _add(spans, text, start, end)
        start = end
    _add(spans, text, start, len(text))
    return spans


def _ends_sentence(text: str, stop: int, end: int) -> bool:
    following = text[end : end + 3].lstrip()
    if following and following[0].islower():
        return False
    if text[stop] != ".":
        return True
    word = _LAST_WORD.search(text, max(0, stop - 30), end)
    if word is None:
        return True
    token = word.group(1)
    if token.lower() in ABBREVIATIONS:
        return False
    # "V.R. Medinsky", "U.S. President", "J. Smith": initials do not end a sentence.
    if "." in token and _INITIALISM.match(token):
        return False
    # 'wrote on X. "This was ...': no name goes on after a quotation mark
    return not (len(token) == 1 and token.isupper()) or following[:1] in '"“‘'


def _add(spans: list[Span], text: str, start: int, end: int) -> None:
    piece = text[start:end]
    stripped = piece.strip()
    if stripped:
        lead = len(piece) - len(piece.lstrip())
        spans.append(Span(start + lead, start + lead + len(stripped)))


_HEADLINE_WORD = re.compile(r"(?<![\w'’-])[^\W\d_][\w'’-]+")


@functools.lru_cache(maxsize=4096)
def headline_case(sentence: str) -> bool:
    """In A Headline Every Word Is Capitalised (the small words of grammar aside): capitals
    there say nothing of names."""
    words: list[str] = [
        word for word in _HEADLINE_WORD.findall(sentence) if word.lower() not in FUNCTION_WORDS
    ]
    capitalised = sum(1 for word in words if word[0].isupper())
    return capitalised >= 4 and capitalised == len(words)


def clause_around(text: str, sentence: Span, words: Span, breaks: re.Pattern[str]) -> Span:
    """The part of `sentence` around `words` that no clause break (as `breaks` matches) crosses."""
    start, end = sentence.start, sentence.end
    for found in breaks.finditer(text, sentence.start, sentence.end):
        if found.end() <= words.start:
            start = found.end()
        elif found.start() >= words.end:
            end = found.start()
            break
    return Span(start, end)


def sentence_index(sentences: list[Span], offset: int) -> int:
    """The index of the sentence that holds `offset` (or the last one before it)."""
    return max(0, bisect.bisect_right(sentences, offset, key=_START) - 1)
