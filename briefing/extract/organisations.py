"""Organisations named in a sentence: companies, agencies, parties, courts, armies, media.

A run of capitalised words names an organisation when the text says so: its last word is a legal
form ("CrowdStrike Holdings Inc.", "Siemens AG") or a word for a body ("Foreign Ministry", "Coast
Guard", "Delta Air Lines", "Department of Transportation"); or the words around it treat it as one
("shares of X", "X said it", "X, a cybersecurity firm", "a spokesperson for X", "X CEO George
Kurtz", "the FAA"). A bare name ("Delta") with none of that is kept as a clue: the article, then
the corpus, decide whether it names an organisation found elsewhere with evidence.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from briefing.extract.gazetteer import (
    gazetteer,
    is_demonym,
    is_regional,
    languages,
    legal_forms,
)
from briefing.extract.lexicon import (
    FUNCTION_WORDS,
    MONTH_AND_DAY_NAMES,
    ORG_KINDS,
    ROLE_WORDS,
    SAYING_VERBS,
    THING_WORDS,
    TIME_WORDS,
    VEHICLE_WORDS,
    fold,
)
from briefing.extract.runs import Run, Token
from briefing.model import OrganisationMention, PersonMention, Span

# Single words that name one body of a state wherever they are capitalised mid-sentence.
INSTITUTIONS = frozenset(
    "congress parliament senate kremlin pentagon duma rada knesset bundestag politburo".split()
)
# Titles a company or a body gives ("CrowdStrike CEO George Kurtz"): their owner is one. A
# minister's or a secretary's is a portfolio ("Transportation Secretary"), not a name.
OWNED_TITLES = frozenset(
    """ceo cfo coo cto chairman chairwoman chairperson founder co-founder spokesperson spokesman
    spokeswoman executive director analyst economist engineer strategist""".split()
)
_SAYING = "|".join(sorted(SAYING_VERBS))
_AFTER = re.compile(
    r"(?:['’]s)?\s+(?:shares|stock|share\s+price|shareholders|employees|executives|customers|"
    r"subscribers|spokesperson|spokesman|spokeswoman|board|subsidiary)\b"
    rf"|\s+(?:{_SAYING})\s+(?:in\s+a\s+statement\s+)?(?:that\s+)?its\b"
    rf"|\s+(?:{_SAYING})\s+in\s+a\s+statement\b"
    r"|\s+(?:reported|reports|has\s+reported|first\s+reported)\b(?!\s+(?:to|that\s+he|that\s+she))"
    r"|\s+(?:and|or)\s+its\b|,\s+which\b"
    r"|\s+(?:(?!and\b|or\b|but\b|the\b|a\b|an\b|that\b|who\b)[a-z]+\s+){1,3}its\b"
    r"|,\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,4}(?:company|firm|maker|provider|carrier|airline|bank|"
    r"group|start-?up|giant|retailer|manufacturer|developer|operator|agency|organi[sz]ation|"
    r"network|broadcaster|newspaper|publisher|insurer|lender|chain|conglomerate|supplier|"
    r"charity|party|union|regulator|watchdog|ministry|department|body|institute|university)\b"
)
# The words just before a name that make it a body's: "shares of X", "cybersecurity firm X"
_OWNED_OF = frozenset(
    """shares stock employees executives customers officials spokesperson spokesman spokeswoman
    ceo founder chairman head owner executive""".split()
)
_OF = frozenset({"of", "at", "for", "from"})
# A name after these words is not the subject of what follows it
_OBJECT_OF = re.compile(r"\b(?:for|of|with|to|by|against|from|on|at|in|into|about)\s+$")
_BODY_NOUNS = frozenset(
    """company firm maker provider carrier airline bank giant startup start-up group agency
    regulator watchdog insurer lender retailer manufacturer broadcaster newspaper conglomerate
    supplier developer website site app platform outlet network publisher tabloid daily""".split()
)
_OF_TAIL = re.compile(
    r"\s+(?P<link>of|on|for)\s+(?:the\s+)?"
    r"(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|"
    r"April|May|June|July|August|September|October|November|December)\b)"
    r"((?:[A-Z][\w’'&-]*)(?:\s+(?:and\s+)?[A-Z][\w’'&-]*)*)"
)
_TICKER = re.compile(r"\s*\((?:NYSE|NASDAQ|Nasdaq|LSE)?:?\s*[A-Z]{1,5}(?:[:.][A-Z]{1,5})?\)")
_TICKER_RUN = re.compile(r"\((?:(?:NYSE|NASDAQ|Nasdaq|LSE):\s*)?[A-Z]{1,5}\)")
_ACRONYM = re.compile(r"^[A-Z][A-Z&]{1,6}s?$")


def find_organisations(
    text: str, runs: list[Run], people: list[PersonMention]
) -> list[OrganisationMention]:
    """The organisations a sentence names, with evidence, and bare names that may be ones."""
    found: list[OrganisationMention] = []
    for run in runs:
        if (
            _TICKER_RUN.match(text, max(0, run.span.start - 1))
            and text[run.span.end : run.span.end + 1] == ")"
        ):
            continue  # "Microsoft (MSFT)": the share's ticker
        found.extend(_of_run(text, run, people))
    return [
        mention
        for mention in found
        if not any(
            other is not mention
            and other.span.start <= mention.span.start
            and mention.span.end <= other.span.end
            and other.span != mention.span
            for other in found
        )
    ]  # "of Transportation" is part of "Department of Transportation"


def _of_run(text: str, run: Run, people: list[PersonMention]) -> Iterator[OrganisationMention]:
    for tokens, owner_of_title, before_title in _pieces(run, people):
        tokens = _trim(tokens)
        if not tokens:
            continue
        span = Span(tokens[0].span.start, tokens[-1].span.end)
        if _word(tokens[-1]) in THING_WORDS:
            continue  # "Paris Air Show", "Worldwide Developers Conference": held, not a body
        if _a_vehicle(text, span):
            yield _mention(text, run, span, "vehicle", "thing")  # "the Titan submersible"
            continue
        kind = _kind_by_name(tokens) or of_tail_kind(text, tokens)
        if kind is not None:
            yield _mention(text, run, span, kind, "name")
            continue
        if owner_of_title:
            yield _mention(text, run, span, "company", "title")  # "CrowdStrike CEO George Kurtz"
            continue
        if before_title:
            continue  # "Defence Minister", "Transportation Secretary": a portfolio
        evidence = _context(text, span)
        if evidence:
            yield _mention(text, run, span, _kind_by_context(text, span), "context")
        elif len(tokens) == 1 and _ACRONYM.match(tokens[0].text) and _acronym_like(text, span):
            yield _mention(text, run, span, None, "acronym")
        elif _agency(text, span):
            yield _mention(text, run, span, "media", "context")  # "WASHINGTON (Reuters) -"
        elif len(tokens) == 1 and is_regional(tokens[0].text):
            continue  # "a Hawaiian island": no clue to "Hawaiian Electric"
        else:
            # a clue only: it joins a body the corpus knows by this name, or none. "Microsoft
            # Windows" may be the body's product: its first word is a clue too.
            yield _mention(text, run, span, None, "bare")
            if len(tokens) > 1 and not tokens[0].possessive and not is_regional(tokens[0].text):
                first = Span(tokens[0].span.start, tokens[0].span.end)
                yield OrganisationMention(first, first.of(text), run.sentence, None, "bare")


def _mention(
    text: str, run: Run, span: Span, kind: str | None, evidence: str
) -> OrganisationMention:
    if evidence == "name":  # only a word for a body goes on with "of": "Bank of America"
        span = _with_of_tail(text, span)
    return OrganisationMention(span, span.of(text), run.sentence, kind, evidence)


def _pieces(run: Run, people: list[PersonMention]) -> Iterator[tuple[list[Token], bool, bool]]:
    """The run cut around people's names (and the titles before them), at possessives: each
    piece, whether it owns the title after it ("CrowdStrike CEO George Kurtz"), and whether a
    title follows it at all ("Defence Minister")."""
    names = [person.span for person in people if person.evidence != "surname"]
    piece: list[Token] = []
    for token in run.tokens:
        inside = bool(names) and any(name.start <= token.span.start < name.end for name in names)
        # a title word is part of a body's name unless a person's name follows it ("Justice
        # Department"; but "Justice Anthony Mann")
        title = bool(names) and _word(token) in ROLE_WORDS and _titles_a_name(run, token, names)
        if inside or title:
            if piece:
                owns = _word(token) in OWNED_TITLES and _titles_a_name(run, token, names)
                yield piece, owns, title
            piece = []
            continue
        piece.append(token)
        if token.possessive:
            yield piece, False, False
            piece = []
    if piece:
        yield piece, False, False


def _titles_a_name(run: Run, title: Token, names: list[Span]) -> bool:
    """Whether the title words from `title` on lead to a person's name in the run."""
    after = [token for token in run.tokens if token.span.start > title.span.start]
    while after and _word(after[0]) in ROLE_WORDS:
        after = after[1:]
    return bool(after) and any(name.start == after[0].span.start for name in names)


def _word(token: Token) -> str:
    return _folded(token.text)


@functools.lru_cache(maxsize=1 << 16)
def _folded(text: str) -> str:
    return fold(text).rstrip(".")


_DAY_WORDS = MONTH_AND_DAY_NAMES | TIME_WORDS
_NO_NAME_WORDS = FUNCTION_WORDS | _DAY_WORDS


def _trim(tokens: list[Token]) -> list[Token]:
    """Leading words that are no part of a name ("The", "In", "Monday", "Russian") go."""
    while tokens and (
        _word(tokens[0]) in _NO_NAME_WORDS
        or (is_demonym(tokens[0].text) and len(tokens) > 1 and _kind_by_name(tokens) is None)
    ):
        tokens = tokens[1:]
    while tokens and _word(tokens[-1]) in _DAY_WORDS:
        tokens = tokens[:-1]
    if tokens and all(_not_an_organisation(token) for token in tokens):
        return []
    return tokens


def _not_an_organisation(token: Token) -> bool:
    return _not_an_organisation_word(token.text)


@functools.lru_cache(maxsize=1 << 16)
def _not_an_organisation_word(text: str) -> bool:
    """Words that make no organisation on their own: places, demonyms, days, "I"."""
    word = fold(text).rstrip(".")
    return (
        word in FUNCTION_WORDS
        or word in MONTH_AND_DAY_NAMES
        or word in TIME_WORDS
        or text == "I"
        or is_demonym(text)
        or word in languages()  # "Spanish", "French": a people's language and adjective
        or any(
            place.kind in ("country", "continent") or place.population >= WELL_KNOWN
            for place in gazetteer().places(text)
        )
    )


WELL_KNOWN = 500_000  # people: a city this big is meant by its name, whatever the words around


def _kind_by_name(tokens: list[Token]) -> str | None:
    """The kind its own words give: a legal form or a word for a body, last; or a state's
    institution on its own ("Congress")."""
    last = tokens[-1]
    if len(tokens) >= 2 and last.text.rstrip(",") in legal_forms():
        return "company"
    word = _word(last)
    if len(tokens) >= 2 and word in ORG_KINDS and _word(tokens[0]) not in ROLE_WORDS:
        if any(ORG_KINDS.get(_word(token)) == "media" for token in tokens[:-1]):
            return "media"  # "Podil News Agency"
        return ORG_KINDS[word]
    if len(tokens) == 1 and word in INSTITUTIONS:
        return "government"
    first = _word(tokens[0])
    if len(tokens) >= 2 and first in ORG_KINDS and ORG_KINDS[first] != "media":
        return ORG_KINDS[first]  # "Navy SEALs", "Army Rangers"
    if len(tokens) == 2 and first == "air" and tokens[1].text[:1].isupper():
        return "company"  # "Air France", "Air India": the airlines' way of naming
    return None


_VEHICLE = "|".join(sorted(VEHICLE_WORDS))
_VEHICLE_AFTER = re.compile(rf"\s+(?:{_VEHICLE})\b(?!-)")  # "the Titan submersible"
_VEHICLE_BEFORE = re.compile(rf"\b(?:{_VEHICLE})\s+(?:named\s+|called\s+)?$")  # "ship Dali"
_THE = re.compile(r"\b[Tt]he\s+$")


def _a_vehicle(text: str, span: Span) -> bool:
    """Whether a name is a vehicle's: "the Titan submersible", "the cargo ship Dali"; not a
    maker's ("a Boeing jet")."""
    if _VEHICLE_BEFORE.search(text, max(0, span.start - 30), span.start):
        return True
    return bool(
        _THE.search(text, max(0, span.start - 5), span.start)
        and _VEHICLE_AFTER.match(text, span.end)
    )


def _context(text: str, span: Span) -> bool:
    end = span.end
    ticker = _TICKER.match(text, end) if "(" in text[end : end + 3] else None
    if ticker and not _defines(span.of(text), ticker.group()) and not _a_place(span.of(text)):
        return True  # "Microsoft (MSFT)": only a company has shares ("Pennsylvania (WPVI)": a
        # dateline's place, and the station that reports from it)
    after = _AFTER.match(text, end, end + 120)
    if after and after.group().startswith(",") and span.start == 0 and _plain_word(span.of(text)):
        after = None  # "Furthermore, the company ...": an opening word, not a name
    if after and after.group().endswith("its") and _OBJECT_OF.search(text, 0, span.start):
        after = None  # "the search for X entered its 13th day": "its" is the search's
    if after and after.group().startswith(", which") and _a_place(span.of(text)):
        after = None  # "the Camp Fire in California, which killed 86": the fire killed them
    return bool(after) or _named_as_a_body(text[max(0, span.start - 32) : span.start])


def _a_place(name: str) -> bool:
    return bool(gazetteer().places(name))


def _plain_word(name: str) -> bool:
    """One word capitalised as any word opening a sentence is ("Furthermore"), unlike a name of
    several words or one with a capital inside ("OceanGate Expeditions", "CrowdStrike")."""
    return " " not in name and not any(letter.isupper() for letter in name[1:])


def _named_as_a_body(before: str) -> bool:
    """ "shares of ", "a spokesperson for ", "cybersecurity firm ": words just before a name."""
    if not before.endswith(" "):
        return False
    words = before.lower().split()
    if not words:
        return False
    if words[-1] in _BODY_NOUNS:
        return True
    return len(words) >= 2 and words[-1] in _OF and words[-2] in _OWNED_OF


def _defines(name: str, parenthesised: str) -> bool:
    """ "Blue Screen Of Death (BSOD)": an abbreviation of the words before it, not a ticker."""
    letters = "".join(word[0] for word in name.split() if word[:1].isupper())
    return parenthesised.strip(" ()").upper() == letters.upper()


def _kind_by_context(text: str, span: Span) -> str | None:
    nearby = text[max(0, span.start - 40) : span.end + 120].lower()
    if re.search(r"\b(?:shares|stock|ceo|chief executive|company|firm|maker|carrier|airline)\b",
                 nearby):  # fmt: skip
        return "company"
    return None


_AGENCY = re.compile(r"(?:^|\n)[A-Z][A-Z .,’'-]{1,40}\s+\($")


def _agency(text: str, span: Span) -> bool:
    """ "WASHINGTON (Reuters) —": the agency a dateline names."""
    if not text.startswith(")", span.end):
        return False
    return bool(_AGENCY.search(text[max(0, span.start - 44) : span.start]))


def _acronym_like(text: str, span: Span) -> bool:
    """An acronym names a body when the text treats it so: "the FAA", "FAA said"."""
    if gazetteer().places(span.of(text)):
        return False
    if text[max(0, span.start - 4) : span.start] == "the ":
        return True
    return bool(re.match(rf"\s+(?:{_SAYING})\b", text[span.end : span.end + 20]))


def of_tail_kind(text: str, tokens: list[Token]) -> str | None:
    """ "University of Adelaide", "Bank of America": a word for a body, then "of" a name."""
    word = _word(tokens[-1])
    if len(tokens) == 1 and word in ORG_KINDS and _tail(text, tokens[-1].span.end, word):
        return ORG_KINDS[word]
    return None


def _with_of_tail(text: str, span: Span) -> Span:
    """ "Department of Transportation", "Committee on Homeland Security": a body's name can go
    on after "of" (and after "on" or "for", for a committee)."""
    word = _word_at(text, span)
    tail = _tail(text, span.end, word) if word in ORG_KINDS else None
    if tail is None:
        return span
    span = Span(span.start, tail.end(2))
    # "Court for the District of Maryland", "Court of Appeals for the Ninth Circuit"
    goes_on = word == "court" or _word_at(text, span) in _JURISDICTIONS
    more = _tail(text, span.end, word) if goes_on else _OF_TAIL.match(text, span.end)
    # and "National Council for the Safeguard of the Homeland", "Government of the Economic
    # Community of West African States": a name in the tail goes on with "of" too
    if more is not None and (goes_on or more["link"] == "of"):
        span = Span(span.start, more.end(2))
    return span


_TOPICAL = frozenset(
    {"committee", "subcommittee", "council", "commission", "ministry", "office", "court"}
)
_JURISDICTIONS = frozenset({"district", "circuit", "state", "commonwealth", "county"})


def _tail(text: str, end: int, word: str) -> re.Match[str] | None:
    tail = _OF_TAIL.match(text, end)
    if tail is None or (tail["link"] != "of" and word not in _TOPICAL):
        return None
    return tail


def _word_at(text: str, span: Span) -> str:
    words = span.of(text).split()
    return fold(words[-1]).rstrip(".") if words else ""


def ticker_after(text: str, end: int) -> bool:
    """ "Microsoft (MSFT)": a share's ticker, not another name."""
    return bool(_TICKER.match(text, end))
