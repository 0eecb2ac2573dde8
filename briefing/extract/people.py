"""People named in an article, with the roles the article gives them.

A run of capitalised words is a person's name when the text says so: a known given name or
initials before a surname ("Hakan Fidan", "V.R. Medinsky"), a title ("Foreign Minister Sergei
Lavrov", "aide Vladimir Medinsky"), an apposition ("Dmitry Peskov, the Kremlin's spokesman") or a
verb of saying next to it. A lone surname ("Lavrov said") is kept as a clue; the corpus decides
later whether it matches somebody's fuller name.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from briefing.extract.gazetteer import gazetteer, given_names, is_demonym, languages
from briefing.extract.lexicon import (
    FUNCTION_WORDS,
    HONORIFICS,
    LOCATIVE,
    MONTH_AND_DAY_NAMES,
    ORG_WORDS,
    PLACE_CUES,
    ROLE_MODIFIERS,
    ROLE_WORDS,
    SAYING_VERBS,
    SITE_WORDS,
    THING_WORDS,
    TIME_WORDS,
    fold,
)
from briefing.extract.runs import Run, Token
from briefing.extract.sentences import headline_case as is_headline
from briefing.model import PersonMention, Span

_SAYING = "|".join(sorted(SAYING_VERBS))
_SPEECH_AFTER = re.compile(
    rf"(?:,[^,.;]{{1,90}},)?\s+(?:has\s+|had\s+|also\s+|then\s+|later\s+|previously\s+|once\s+)?"
    rf"(?:{_SAYING})\b"
)
_SPEECH_BEFORE = re.compile(rf"(?:\b(?:{_SAYING})|according to)\s+$", re.IGNORECASE)
_APPOSITION_AFTER = re.compile(
    r",\s+(?:(?:aged\s+)?\d{1,3},\s+)?(?:the\s+|a\s+|an\s+)?(?P<role>[^,.;:()“”\"|]{3,110}?)"
    r"(?=[,.;:)]|\s+who\b|\s+\|)"  # "Jo Doe, Deputy Mayor | https://...": a caption's link
)
_BOUNDARY_BEFORE = re.compile(
    r"(?:^|[,;:(“\"]\s*|[.!?]\s+|\bthat\s+|\bsaid\s+|\bwhile\s+|\band\s+)(?=[^,;:(“\"]*$)"
)
_WORD = re.compile(r"[\w’'.\-()]+")
_VERBS = (
    frozenset(
        "is are was were has have had will would met led took gave made went came saw held".split()
    )
    | SAYING_VERBS
)
_DIRECTLY_BEFORE = re.compile(r"[\w.’']\s$")
_AGE_AFTER = re.compile(r",\s+(?:aged\s+)?\d{1,3},")


def find_people(text: str, sentences: list[Span], runs: list[Run]) -> list[PersonMention]:
    """Every person's name the article gives, strong clues and lone surnames alike."""
    headline_case: dict[int, bool] = {}
    found: list[PersonMention] = []
    for run in runs:
        if _whole_run_a_place(text, run):
            continue  # "Mexico City", "New York": the whole run is a place
        for prefix, name in _segments(run):
            mention = _person(text, run, prefix, name)
            if mention is None:
                continue
            if mention.evidence != "name":
                if run.sentence not in headline_case:
                    headline_case[run.sentence] = is_headline(sentences[run.sentence].of(text))
                if headline_case[run.sentence]:
                    continue  # In A Headline Every Word Is Capitalised: only a given name counts
            found.append(mention)
    return found


def _whole_run_a_place(text: str, run: Run) -> bool:
    """A run of several words the gazetteer knows, or one word that names a country or a
    great city; not a village some surname shares ("Johnson", Vermont), nor a small town named
    like a person ("Pedro Sánchez", a town of the Dominican Republic) but where the text puts
    something in it ("in Mae Sai")."""
    if len(run.tokens) == 1:
        return _is_place(run.tokens[0])
    places = gazetteer().places(" ".join(token.text for token in run.tokens))
    if not places:
        return False
    if len(run.tokens) == 2 and _is_given(run.tokens[0]):
        start = run.tokens[0].span.start
        return bool(LOCATIVE.search(text, max(0, start - 16), start)) or any(
            place.kind != "city" or place.population >= 100_000 for place in places
        )
    return True


def _segments(run: Run) -> Iterator[tuple[list[Token], list[Token]]]:
    """Split a run into (title words, name words): a title word or a possessive ends a part."""
    prefix: list[Token] = []
    current: list[Token] = []
    for token in run.tokens:
        if _word(token) in ROLE_WORDS and not token.possessive:
            prefix = [*prefix, *current, token]
            current = []
            continue
        current.append(token)
        if token.possessive:
            yield prefix, current
            prefix, current = [token], []
    if current:
        yield prefix, current


def _word(token: Token) -> str:
    return fold(token.text).rstrip(".")


def _person(text: str, run: Run, prefix: list[Token], name: list[Token]) -> PersonMention | None:
    name = _trim(name, text[max(0, name[0].span.start - 4) : name[0].span.start] == " of ")
    if not name or any(_not_a_name(token) for token in name) or name[0].is_place_prefix:
        return None  # ("St. John's": a place)
    if any(token.is_acronym and not token.is_initial for token in name[:1]):
        return None
    capitalised_surname = (  # "Vladimir PUTIN": a given name, then the surname in capitals
        len(name) >= 2 and _is_given(name[0]) and not name[0].is_acronym
        and all(token.text.isalpha() and len(token.text) >= 4 for token in name[1:])
    )  # fmt: skip
    if not capitalised_surname and any(
        token.is_acronym and not token.is_initial and len(token.text) > 2 for token in name
    ):
        return None  # "NATO", "FTX"; but "Mahfud MD" keeps its initials
    if any(token.is_acronym and not token.is_initial for token in name[:-1]) or (
        len(name[-1].text) == 1 and not text.startswith(".", name[-1].span.end)
    ):
        return None  # "Mac OS X": a product's name, not a person's
    span = Span(name[0].span.start, name[-1].span.end)
    written = span.of(text)
    title = _title(text, prefix, span)
    apposition = _apposition_after(text, span) or _apposition_before(text, span)
    role = title or apposition
    if len(name) >= 2 and (name[0].is_initial or _is_given(name[0])):
        evidence = "name"
    elif title:
        evidence = "title"
    elif apposition:
        evidence = "apposition"
    elif len(name) >= 2 and (speaks(text, span) or _AGE_AFTER.match(text, span.end)):
        evidence = "name"  # "said Anupong Paochinda", "Ekapol Chanthawong, 25,"
    elif len(name) == 1 and not _is_place(name[0]) and _word(name[0]) not in SAYING_VERBS:
        evidence = "surname"  # (not "Asked about it, ...")
    else:
        return None
    if evidence != "name" and _is_place(name[-1]):
        return None
    return PersonMention(span, written, run.sentence, role, evidence)


def _trim(name: list[Token], of_before: bool = False) -> list[Token]:
    """Drop words before a name that are not part of it: "The", "In", "Ukraine", "Russian";
    with `of_before`, the end of a title ("Secretary of State Antony Blinken")."""
    while name:
        word = _word(name[0])
        if (
            (
                _compound_of_places(word)
                or word in FUNCTION_WORDS
                or word in MONTH_AND_DAY_NAMES
                or word in languages()
                or is_demonym(name[0].text)
            )
            or (
                len(name) >= 2
                and _is_place(name[0])
                and not (_is_given(name[0]) and not _is_place(name[1]) and len(name) < 4)
            )  # ("Ambassador in Paris Aichatou Boulama Kane": three names after it are hers)
            or (
                # "(Secretary of) State Antony Blinken": a title's end before a given name
                len(name) >= 3 and _is_given(name[1]) and not _is_given(name[0]) and of_before
            )
        ):
            name = name[1:]
            of_before = False
        else:
            break
    while name and (_word(name[-1]) in MONTH_AND_DAY_NAMES or _word(name[-1]) in HONORIFICS):
        name = name[:-1]  # "Somnath Ji": a name, then a courtesy
    return name


def _not_a_name(token: Token) -> bool:
    return _not_a_name_word(token.text)


@functools.lru_cache(maxsize=1 << 16)
def _not_a_name_word(text: str) -> bool:
    """Words no name holds: organisations, sites, things held or made, "Today", the pronoun
    "I", "Palestinians"."""
    word = fold(text).rstrip(".")
    return (
        word in ORG_WORDS
        or word in SITE_WORDS
        or word in THING_WORDS
        or word in PLACE_CUES
        or word in TIME_WORDS
        or text == "I"
        or (word.endswith("s") and is_demonym(text[:-1]) and not given_names()(text))
    )


def _compound_of_places(word: str) -> bool:
    """ "Russia-Ukraine", "Russian-Ukrainian", "Russian-backed": adjectives, not names."""
    parts = word.split("-")
    return len(parts) > 1 and (is_demonym(parts[0]) or bool(gazetteer().places(parts[0])))


def _is_given(token: Token) -> bool:
    return not token.is_initial and given_names()(token.text)


def _is_place(token: Token) -> bool:
    return _is_place_word(token.text)


@functools.lru_cache(maxsize=1 << 16)
def _is_place_word(text: str) -> bool:
    return any(
        place.kind in ("country", "continent") or place.population >= 100_000
        for place in gazetteer().places(text)
    )


def speaks(text: str, span: Span) -> bool:
    return bool(_SPEECH_AFTER.match(text, span.end, span.end + 120)) or bool(
        _SPEECH_BEFORE.search(text, max(0, span.start - 20), span.start)
    )


def _sentence_stop(before: str) -> int:
    """Where the last sentence before a name ended: at ". ", unless the dot is a title's
    ("Rear Adm. John Kirby", "Mr. Wanchai")."""
    stop = before.rfind(". ")
    while stop > 0:
        word = _WORD.findall(before[:stop])
        if not word or fold(word[-1]).rstrip(".") not in ROLE_WORDS:
            return stop
        stop = before.rfind(". ", 0, stop)
    return stop


def _title(text: str, prefix: list[Token], span: Span) -> str | None:
    """The title before a name, in its run ("Foreign Minister") or in lower case ("aide")."""
    if prefix:
        if not any(_word(token) in ROLE_WORDS for token in prefix):
            return None  # "Mexico's Save the Children": an owner, not a title
        start = prefix[0].span.start
        possessives = [token for token in prefix if token.possessive]
        if possessives:
            start = possessives[-1].span.start
        return text[start : prefix[-1].span.end]
    if span.start < 2 or (not text[span.start - 2].isalnum() and text[span.start - 2] != "."):
        return None  # at a sentence's start, or after punctuation: no title in lower case
    before = text[max(0, span.start - 80) : span.start]
    before = before[max(before.rfind("\n"), _sentence_stop(before)) + 1 :]
    words = _WORD.findall(before)
    if len(words) >= 3 and fold(words[-2]) == "of" and fold(words[-3]).rstrip(".") in ROLE_WORDS:
        words = [*words[:-3], f"{words[-3]} of {words[-1]}"]  # "Secretary of State"
    if (
        not words
        or fold(words[-1].split()[0]).rstrip(".") not in ROLE_WORDS
        or not _DIRECTLY_BEFORE.search(before)
    ):
        return None
    taken = [words[-1]]
    for word in reversed(words[:-1]):
        folded = fold(word).rstrip(".")
        if (
            folded in ROLE_WORDS | ROLE_MODIFIERS
            or word[:1].isupper()
            or word.endswith(("’s", "'s"))
        ):
            taken.insert(0, word)
            if word.endswith(("’s", "'s")):
                break
        else:
            break
    return " ".join(taken)


def _apposition_after(text: str, span: Span) -> str | None:
    """A title set off by commas after the name: "Dmitry Peskov, the Kremlin's spokesman,"."""
    if not text.startswith(",", span.end):
        return None
    after = _APPOSITION_AFTER.match(text, span.end, span.end + 130)
    if after is None:
        return None
    words = after["role"].split()
    if _has_role(words[:4]) and not _is_clause(words):
        return _from_owner(words)
    return None


def _apposition_before(text: str, span: Span) -> str | None:
    """A title set off by a comma before the name: "Trump's envoy to Ukraine, Keith Kellogg"."""
    before_text = text[max(0, span.start - 140) : span.start]
    if not before_text.endswith(", "):
        return None
    chunk_text = before_text[:-2]
    boundary = list(_BOUNDARY_BEFORE.finditer(chunk_text))
    chunk = chunk_text[boundary[-1].end() :] if boundary else chunk_text
    words = chunk.split()
    verbs = [i for i, word in enumerate(words) if _is_clause([word]) or word == "by"]
    if verbs:  # "It was stated by Ukraine's Foreign Minister," -> the title after the verb
        words = words[verbs[-1] + 1 :]
    if (
        not words
        or len(words) > 14
        or not _has_role(words)
        or _is_clause(words)
        or not (words[0][:1].isupper() or words[0] in ("the", "a"))
    ):
        return None
    return _from_owner(words)


def _from_owner(words: list[str]) -> str:
    """A title from its owner on: "US President Donald Trump's special envoy" -> "Trump's ..."."""
    owners = [i for i, word in enumerate(words) if word.endswith(("’s", "'s"))]
    return " ".join(words[owners[-1] :] if owners else words).removeprefix("the ")


def _is_clause(words: list[str]) -> bool:
    """A title is a noun phrase; words that hold a verb are a clause ("Lavrov met his ...")."""
    return any(
        word in _VERBS or (word.islower() and len(word) > 4 and word.endswith("ed"))
        for word in (word.strip(",.;:") for word in words)
    )


def _has_role(words: list[str]) -> bool:
    return any(fold(word).strip(".,") in ROLE_WORDS for word in words)
