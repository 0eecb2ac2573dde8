"""Runs of capitalised words: where names of people and places are to be found.

"Russian Foreign Minister Sergei Lavrov", "Istanbul’s", "V.R. Medinsky": each run is split into
tokens, and each token knows whether it is possessive and where it stands in the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing.extract.lexicon import FUNCTION_WORDS, UPPER, fold
from briefing.extract.sentences import sentence_index
from briefing.model import Span

_PARTICLES = (
    r"(?:de|da|di|del|della|der|den|van|von|bin|ibn|al|el|la|le|du|dos|das|ter|ten|bint|abu)"
)
_PREFIX = r"(?:(?:al|el|ad|ar|as|ash|at|az|bin|ibn|abu|ben|d|o)['’\-])?"
_INITIALS = rf"(?:{UPPER}\.){{2,4}}|{UPPER}\.(?=[ ]+{UPPER})"
_WORD = rf"{_PREFIX}{UPPER}(?:[\w'’\-]*\w)?"
# "St. John's", "Mt. Vernon", "Ft. Worth": a saint's, a mountain's or a fort's abbreviation
_PLACE_PREFIX = rf"(?:St|Ste|Mt|Ft)\.(?=[ ]+{UPPER})"
_TOKEN = rf"(?:{_INITIALS}|{_PLACE_PREFIX}|{_WORD})"
# A name starts after no letter and no word-joining dash ("Russian-backed"); a dash glued to it
# after a space (" -Delta Air Lines", as datelines run on) does not stop it.
RUN = re.compile(rf"(?<![\w'’])(?<!\w-){_TOKEN}(?:(?:[ ]+{_PARTICLES}){{0,2}}[ ]+{_TOKEN})*")
TOKEN = re.compile(_TOKEN)
_PLACE_PREFIX_WORD = re.compile(r"(?:St|Ste|Mt|Ft)\.")


@dataclass(frozen=True, slots=True)
class Token:
    text: str  # without a possessive ending
    span: Span
    possessive: bool = False

    @property
    def is_initial(self) -> bool:
        return (
            self.text.endswith(".")
            and len(self.text.replace(".", "")) <= 4
            and not self.is_place_prefix
        )

    @property
    def is_place_prefix(self) -> bool:
        """ "St.", "Mt.", "Ft.": the start of a place's name, not a person's initial."""
        return _PLACE_PREFIX_WORD.fullmatch(self.text) is not None

    @property
    def is_acronym(self) -> bool:
        letters = self.text.replace(".", "")
        return len(letters) >= 2 and letters.isupper()


@dataclass(frozen=True, slots=True)
class Run:
    tokens: tuple[Token, ...]
    span: Span
    sentence: int
    at_sentence_start: bool


def find_runs(text: str, sentences: list[Span]) -> list[Run]:
    runs = []
    for match in RUN.finditer(text):
        if fold(match.group()) in FUNCTION_WORDS:
            continue  # "The", "We", "But": a sentence's first word, no name
        tokens = tuple(_tokens(match))
        sentence = sentence_index(sentences, match.start())
        sentence_start = sentences[sentence].start if sentences else 0
        lead = text[sentence_start : match.start()]
        span = Span(tokens[0].span.start, tokens[-1].span.end)
        runs.append(Run(tokens, span, sentence, not lead.strip(" \"“‘'«(—–-")))
    return runs


def _tokens(match: re.Match[str]) -> list[Token]:
    tokens = []
    for token in TOKEN.finditer(match.group()):
        start = match.start() + token.start()
        word = token.group()
        possessive = len(word) > 3 and word.endswith(("'s", "’s"))
        if possessive:
            word = word[:-2]
        tokens.append(Token(word, Span(start, start + len(word)), possessive))
    return tokens
