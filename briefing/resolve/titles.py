"""Event titles: a short, whole headline made from the sentences that report the event.

Each mention offers a candidate, its sentence made a headline: the date left out (the timeline
shows it), the lead-ins ("On June 2,", "While ...,", "According to ...,"), asides in brackets and
attribution tails ("..., the ministry said") dropped, a pronoun that says something ("They
announced that ...") left out with its verb, and a sentence longer than a headline cut where a
clause or a phrase ends, never inside one. The title is the whole candidate closest to what all
the mentions say, preferring one that names its actors, gives only this date and was written after
the fact.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Sequence
from typing import NamedTuple

from briefing.extract.gazetteer import given_name_sex
from briefing.extract.lexicon import FUNCTION_WORDS, MONTH_AND_DAY_NAMES, SAYING_VERBS
from briefing.extract.sentences import clause_around
from briefing.model import Span

HEADLINE_WORDS = 14  # a headline a person reads at a glance
ASIDE_WORDS = 20  # the longest aside between commas left out: "the former president of ..."


class Candidate(NamedTuple):
    text: str
    words: frozenset[str]  # its sentence's content words
    alone: bool  # the only date in its sentence
    reported: bool  # told after the fact and soon: the article is of the event's days or after
    article: int

    @property
    def merit(self) -> float:
        """How good a title it makes on its own, whatever the other mentions say."""
        return _merit(self.text, self.alone, self.reported)


@functools.lru_cache(maxsize=1 << 14)
def _merit(text: str, alone: bool, reported: bool) -> float:
    """A candidate's merit, worked out once per text (whole() is many patterns)."""
    length = len(text.split())
    penalty = max(0, 5 - length) * 4 + 6 * ("?" in text)
    penalty += 3 * any(mark in text for mark in '“”"')
    penalty += 8 * text.startswith(('"', "“", "‘", "'"))  # somebody's words, not news
    named = any(word[:1].isupper() for word in text.split()[1:])
    return 10 * whole(text) + 2 * named + 3 * alone + 3 * reported - penalty


# -- a sentence made a headline -------------------------------------------------------------------

_SAYING = "|".join(sorted(SAYING_VERBS))
_PRONOUN = r"(?:he|she|they|it|we|i|this|that|these|those)"
_SUBORDINATORS = (
    r"while|as|after|although|though|despite|following|with|since|before|when|once|because|if|"
    r"in addition to|amid|and|but|even though|until|whether|thanks to|due to|in response to"
)
# The words before a date that go with it: "on", "later on", "from" (of "from May 23 to 25").
_DATE_LEAD = re.compile(
    r"(?:\b(?:later|earlier|late|early|also)\s+)?(?:\b(?:on|in|from|during|at|as of|of)\s+)?"
    r"(?:\bthe\s+)?$",
    re.IGNORECASE,
)
# Prepositions that give a date its meaning: "until June", "by Friday", "since 2014" keep it.
_MEANING_LEAD = re.compile(
    r"\b(?:until|till|by|since|before|after|ahead of|between|through|throughout|past|"
    r"(?:end|start|beginning|middle|rest|close)\s+of(?:\s+the)?)\s+$",
    re.I,
)  # ("at the end of 2024" too)
_ASIDE = re.compile(r"\s*\([^()]{0,80}\)")
_LEAD = re.compile(
    r"^(?:(?:however|meanwhile|earlier|later|also|moreover|still|yet|but|and|so|then|now|"
    r"separately|in a statement|at the same time|in addition|it should be recalled that|"
    r"recall that|as a reminder|according to [^,]{1,60}|on the eve of [^,]{1,40}),?\s+)+",
    re.IGNORECASE,
)
_LEAD_CLAUSE = re.compile(
    rf"^(?:(?i:(?:immediately\s+|shortly\s+|just\s+)?(?:{_SUBORDINATORS}))\b|[A-Z][a-z]+ing\b)"
    r"[^,]*,\s*"
    # where it was said or done: "At a press conference, ...", "In a statement, ..."
    r"|^(?i:At|In|On|During|From|Via|Through)\s(?:a|an|the|his|her|their|its)\s[^,]{1,40},\s*",
)
_INNER_CLAUSE = re.compile(rf"\bthat\s+(?:{_SUBORDINATORS})\b[^,]{{1,80}},\s*", re.IGNORECASE)
_TAIL = re.compile(
    rf",\s*(?:[^,]{{1,60}}\s(?:{_SAYING})(?:\s[^,]{{1,30}})?|according to [^,]{{1,60}})\s*[.!]?$",
    re.IGNORECASE,
)
_PRONOUN_SAYS = re.compile(
    rf"^{_PRONOUN}\s+(?:(?:also|later|then)\s+)?(?:{_SAYING})(?:,\s*|\s+that\s+|\s+(?=[A-Z]))",
    re.IGNORECASE,
)
# A dateline's parts: a day ("Dec. 22", "March 8, 2024"), a city, an agency ("(IANS)")
_MONTH_DAY = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.?\s\d{1,2}(?:,\s\d{4})?"
_CITY = r"(?-i:[A-Z][\w’'.-]+(?:\s[A-Z][\w’'.-]+){0,2})"
_AGENCY = r"\((?-i:[A-Z][A-Za-z]{1,14})\)"
# A date of another mention leading the sentence: "On Sunday, ...", "Late on Friday, ...".
_LEAD_DATE = re.compile(
    r"^(?:(?-i:[A-Z][A-Z.' -]{2,40}(?:,\s[A-Z][A-Za-z.‘’ʻ']+)?)\s(?:\([^)]{1,30}\)\s)?"
    r"(?:--|[—–-])\s*"
    # "NIAMEY, Dec. 22 (Xinhua) --": a city in capitals, the day, the agency
    rf"|(?-i:[A-Z][A-Z.' -]{{2,40}}),\s{_MONTH_DAY}\s*(?:\([^)]{{1,30}}\)\s*)?(?:--|[—–-])\s*"
    # "Sunday afternoon in the capital Niamey,": when and where, before what happened
    r"|(?:mon|tues|wednes|thurs|fri|satur|sun)day(?:\s(?:morning|afternoon|evening|night))?"
    r"(?:\s(?:in|at)\s[^,]{1,40})?,\s+"
    rf"|{_MONTH_DAY}\s*(?:--|[—–-])\s*"
    r"|(?:(?:about|around|at|shortly\s(?:after|before)|just\s(?:after|before)|by)\s)?"
    r"\d{1,2}(?:[:.]\d\d)?\s?[ap]\.?m\.?,\s+"
    # "Seoul, March 8 (IANS)", "Seoul [South Korea], January 3 :": a city, its country, the
    # day, the agency or a colon
    rf"|{_CITY}\s\[[^\]]{{2,30}}\],\s(?:{_MONTH_DAY}\s*)?(?:{_AGENCY}|:)?\s*"
    rf"|{_CITY},\s{_MONTH_DAY}(?:\s*(?:{_AGENCY}|:)\s*|\s+(?=(?-i:[A-Z])))"
    # a news agency's dateline, its date gone: "Madrid, Sep 8 (EFE).-" is "Madrid,.-"
    r"|[A-Z][\w’'. -]{1,30},?\s*(?:\([A-Za-z ]{2,15}\)\s*)?\.-\s*"
    # "Less than a week earlier,", "Two days later,"
    r"|(?:(?:just|only|about|nearly|almost|less\s+than|more\s+than|some)\s+)?"
    r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|a\s+few|several|\d+)\s+"
    r"(?:minutes?|hours?|days?|weeks?|months?|years?)\s+(?:earlier|later|before|after|ago|on),\s+"
    r"|(?:(?:on|by|late|early|last|this|earlier|later|in)\s+)+(?:the\s+)?(?:[\w-]+\s+){0,2}?"
    rf"(?:{'|'.join(sorted(MONTH_AND_DAY_NAMES))}|\d{{1,4}}|week|month|year|weekend|night|morning)"
    r"\w*,\s+)",
    re.IGNORECASE,
)
# An aside that says more about somebody: "Trump, who has promised to end the war quickly, said".
_RELATIVE_ASIDE = re.compile(
    r",\s(?:(?i:who|which|whose|whom|with|including|along with|together with)\s[^,]{1,90}"
    r"|the\s[A-Z][\w.-]*(?:\s[A-Z][\w.-]*){0,3}),\s"
)
# A quotation and who said it: '"We will not leave," the mayor said' is 'The mayor: "We will not
# leave"', as headlines give them
_SAID_QUOTE = re.compile(
    r"^[“\"](?P<quote>[^”\"]{8,100}?)[,.!?]?[”\"],?\s"
    rf"(?:(?P<who>(?:the\s)?[A-Z]?[^,.“”\"]{{1,40}}?)\s(?:{_SAYING})"
    rf"|(?:{_SAYING})\s(?P<who_>[A-Z][^,.]{{1,40}}))"
    r"(?:[\s,][^.“”\"]{0,100})?$"  # "… in a post on X, adding that …": not what was said
)


def _quoted(found: re.Match[str]) -> str:
    who = found["who"] or found["who_"]
    return f"{who[:1].upper()}{who[1:]}: “{found['quote']}”"


# "said in a statement on his platform that ...": what was said matters, not where.
_SAID_ASIDE = re.compile(
    rf"^([^,]{{2,70}}?\s(?:{_SAYING}))\s+(?:in|on|at|during|after|following|to|via|through)\s"
    r"[^\"“”]{1,90}?\s+that\s+",
    re.IGNORECASE,
)
_SPEAKER_SAYS = re.compile(rf"^(?P<who>[^,]{{3,70}}?)\s(?:{_SAYING})\s+that\s+", re.IGNORECASE)
# What was said, opening on the speaker's own pronoun: "(the President stated that) his
# government aims ..." is "the President's government aims ..."
_OWN_PRONOUN = re.compile(r"(?P<pronoun>his|her|their|he|she|they)\s", re.IGNORECASE)
# Asides between commas: who somebody is, not what happened ("the recently ousted CEO")
_ASIDE_START = re.compile(r"(?:(?:the|a|an|former|then)\s)?[a-z]|(?:A|An|The)\s[a-z]")
_FINITE = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|can|could|said|says|did|does)\b"
)
# A capitalised word inside a run with no full stop before it: a heading glued to its paragraph
# ("Trump and the return to negotiations After Donald Trump returned ...").
_GLUED_START = re.compile(
    r"(?<=[a-z0-9])\s+(?=(?:After|Before|When|While|As|Since|In|On|The|But|However|Meanwhile)\s)"
)
# Where a long sentence may end early: before a clause or a phrase, never inside one.
_CUTS = re.compile(
    r",\s|\s(?=(?:and|as|while|after|following|amid|with|before|because|but|which|who|where|that|"
    r"in|at|for|on|during|from|over|into|near|under|across|despite|by)\s|to\s(?=[a-z])|(?=“)"
    r"|(?=(?:[a-z]+ed|led|run|held|known)\sby\s))"
)  # (and before a quotation that goes on too long to keep, and "a board chaired by ...")

# A cut that leaves an aside open: "Trump, who had a call with Putin", "in Istanbul, weeks".
_OPEN_ASIDE = re.compile(
    r",\s(?:(?:who|which|whose|where|whom|[a-z]+ed|[a-z]+ing)\b[^,]*|\S+(?:\s\S+){0,2})$"
)
_A_PLACE_GOES_ON = re.compile(r"[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*){0,2}|in\s\d{4}")
_GOES_ON = re.compile(r"(?:that|and|but|or|so|because)\s")
_NAME_BETWEEN = re.compile(r",\s[A-Z][\w’'-]*(?:\s[A-Z][\w’'-]*){0,3},\s[^,]+$")
_A_LIST_GOES_ON = re.compile(r"[\w-]+(?:\s[\w-]+)?(?:,\s|\s(?:and|or)\s)")
_NEEDS_AN_INFINITIVE = frozenset(
    "able unable ready willing poised due set expected going about likely unlikely bound".split()
)
_OPENERS = FUNCTION_WORDS - {"the", "a", "an", "no", "our", "my", "your", "after", "before"}
# verbs that want what follows them: "The delegations met and agreed (that ...)"
_WANTING = frozenset(
    "agreed decided ruled found ordered learned showed feared hoped believed".split()
)
_DANGLING = FUNCTION_WORDS | SAYING_VERBS | _WANTING
_THIRD_PERSON = re.compile(r"\b[a-z]{2,}[^s ]s\b")  # "names", "says"; but "talks" too
_VERB = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|can|could|may|might|must|should|did|does|"
    r"[a-z]{2,}ed|met|took|held|made|began|won|lost|left|went|came|saw|gave|fell|"
    r"hit|sent|set|put|led|ran|told|spoke|struck|broke|found|got|kept|paid|brought|built|"
    r"bought|caught|chose|drew|drove|flew|fought|grew|knew|meant|rose|sold|shot|shut|sat|stood|"
    r"threw|wrote|said|struck|sank|swept|fled|bore|overtook|withdrew|began|beat|cut|quit|"
    r"hung|lay|laid|sought|spent|stole|swore|tore|woke|wore|won|arrived|died)\b"
)


def title_text(
    text: str,
    sentence: Span,
    expression: Span,
    speakers: Sequence[str] = (),
    segment: Span | None = None,
) -> str:
    """A mention's sentence as a headline of at most `HEADLINE_WORDS` words when it can be cut
    where a clause or phrase ends; the first of `speakers` (who the article says a pronoun may
    be, likeliest first) that may be a "He" or a "She" stands for it. In a sentence of several
    dates (`segment`: the part that belongs to this one), the last clause, when it is this
    date's and a sentence of its own, says what happened on it ("filed a lawsuit Thursday,
    alleging the utility did not shut off power on August 7")."""
    clause = _last_clause(text, sentence, segment) if segment is not None else None
    if clause is not None and whole(own := _title_of(text, clause, expression, speakers)):
        return own
    return _title_of(text, sentence, expression, speakers)


def _last_clause(text: str, sentence: Span, segment: Span) -> Span | None:
    """A date's part of a sentence that ends it, without the word that joins it to the rest
    ("and", "that", "alleging that"), when it reads as a sentence: a subject first (not a date),
    and short enough to need no cut."""
    if not (sentence.start < segment.start and segment.end == sentence.end):
        return None
    joint = _JOINT.match(text, segment.start, segment.end)
    start = joint.end() if joint else segment.start
    words = text[start : segment.end].split()
    if not words or len(words) > CLAUSE_WORDS or words[0].lower() in MONTH_AND_DAY_NAMES:
        return None
    return Span(start, segment.end) if _A_SUBJECT.match(text, start) else None


CLAUSE_WORDS = 16  # a clause this long, its date dropped, is a headline with no cut
_JOINT = re.compile(
    r"[\s,;—–]*(?:(?:and|but|while|whereas)\s+)?"
    r"(?:(?:alleging|saying|claiming|arguing|adding|noting|warning)\s+)?(?:that\s+)?"
)


def _title_of(text: str, sentence: Span, expression: Span, speakers: Sequence[str]) -> str:
    """`title_text` of one span of the text."""
    # the sentence, or the part of it that holds the date when a heading is glued to it
    start, end = clause_around(text, sentence, expression, _GLUED_START)
    start, end = _coordinated_clause(text, start, end, expression)
    words = _tidy(
        _drop_date(text[start : expression.start], expression.of(text), text[expression.end : end])
    )
    words = _ASIDE.sub("", words).strip()  # ("(Reuters) - The ...": then the dash leads)
    words = _without_lead(words)
    while len((shorter := _LEAD_CLAUSE.sub("", words)).split()) >= 5 and shorter != words:
        words = shorter  # "At a meeting, when reporting ..., he said": what he said
    words = _INNER_CLAUSE.sub("that ", words)
    if words[:1] in '"“':  # '"...," Shear, who joined OpenAI on Monday, wrote': who wrote it
        words = _tidy(_RELATIVE_ASIDE.sub(" ", words))
    words = _SAID_QUOTE.sub(_quoted, words.rstrip(" ."))
    words = _without_lead(_TAIL.sub("", words).rstrip(" .,;:–—"))
    pronoun = re.match(r"(he|she|his|her)\s", words, re.IGNORECASE)
    speaker = next((who for who in speakers if pronoun and _may_be(who, pronoun[1].lower())), None)
    if speaker and pronoun:
        possessive = "’s" if pronoun[1].lower() in ("his", "her") else ""
        words = speaker + possessive + words[words.index(" ") :]
    words = _SAID_ASIDE.sub(r"\1 ", words)
    spoken = _PRONOUN_SAYS.sub("", words)
    if spoken != words and len(spoken.split()) >= 4:
        words = spoken
    if len(words.split()) > HEADLINE_WORDS:
        words = _tidy(_without_asides(_RELATIVE_ASIDE.sub(" ", words)))
    if len(words.split()) > HEADLINE_WORDS:
        words = _without_subjects_clause(words)
    said = _SPEAKER_SAYS.match(words) if len(words.split()) > HEADLINE_WORDS else None
    if said is not None:
        reported = _speaker_for_pronoun(said["who"], words[said.end() :])
        # what was said, unless only who said it makes it whole: "Officials said that 1,000
        # were missing (after ...)"
        if len(reported.split()) >= 5 and (_fits_whole(reported) or not _fits_whole(words)):
            words = reported
    words = _tidy(words)
    return _fit(words[:1].upper() + words[1:])


def _coordinated_clause(text: str, start: int, end: int, expression: Span) -> tuple[int, int]:
    """Of a long sentence of clauses joined by ", and", ", but" or ";", the clause that holds
    the date: "115 died in the disaster, and officials said Tuesday that 1,000 were missing" is,
    for Tuesday, "officials said Tuesday that 1,000 were missing"."""
    if len(text[start:end].split()) <= HEADLINE_WORDS:
        return start, end
    bounds = [start]
    for joint in _CLAUSE_JOINT.finditer(text, start, end):
        if _A_SUBJECT.match(text, joint.end()):
            bounds += [joint.start(), joint.end()]
    bounds.append(end)
    clauses = list(zip(bounds[::2], bounds[1::2], strict=True))
    if len(clauses) < 2:
        return start, end
    for first, last in clauses:
        if first <= expression.start < last:
            clause = text[first:last]
            if len(clause.split()) >= 5 and _VERB.search(clause):
                return first, last
    return start, end


_CLAUSE_JOINT = re.compile(r",\s(?:and|but)\s|;\s")
# what opens a clause of its own: a name, or "the"/"a" and a noun ("and said" goes on; "the
# estimated" and "the rest of" are no subject)
_A_SUBJECT = re.compile(
    r"(?:[A-Z][\w’'.-]*|(?:the|a|an|its|his|her|their)\s(?![a-z]+ed\b)[\w-]+)\s(?!of\b)"
)


def _without_subjects_clause(words: str) -> str:
    """Without the clause that tells which thing the subject is, when the title is long: "The
    wildfires that leveled Lahaina and killed 102 people were caused by ..." is "The wildfires
    were caused by ..."."""
    found = _SUBJECTS_CLAUSE.match(words)
    if found is None or _VERB.search(found["subject"]):
        return words
    if found["subject"].split()[-1].lower() in _DANGLING:
        return words
    shorter = found["subject"] + words[found.end() :]
    return shorter if len(shorter.split()) >= 5 else words


_SUBJECTS_CLAUSE = re.compile(
    r"(?P<subject>(?:\S+\s){1,6}?)(?:that|who|which)\s[^,]{3,80}?"
    r"(?=\s(?:was|were|is|are|has|have|had|will)\s)"
)


def _fits_whole(words: str) -> bool:
    return whole(_fit(words[:1].upper() + words[1:]))


def _speaker_for_pronoun(who: str, reported: str) -> str:
    """What was reported, with who reported it for a pronoun it opens on: "his government aims"
    after "Ukrainian President stated that" is "Ukrainian President's government aims"."""
    pronoun = _OWN_PRONOUN.match(reported)
    if pronoun is None or not who[:1].isupper():
        return reported
    possessive = "’s" if pronoun["pronoun"].lower() in ("his", "her", "their") else ""
    return who + possessive + reported[pronoun.end() - 1 :]


def _may_be(person: str, pronoun: str) -> bool:
    """Whether "he" or "she" may stand for a person: not a woman's name for "he"."""
    sex = given_name_sex(person)
    return sex is None or sex == ("m" if pronoun in ("he", "his") else "f")


def _without_asides(words: str) -> str:
    """Without what stands between commas and only says who somebody is: "Sam Altman, the
    recently ousted CEO, arrived" is "Sam Altman arrived"; and without a lead that only says who
    ("A computer science graduate, D'Angelo was ...")."""
    parts = words.split(", ")
    if len(parts) < 2:
        return words
    kept = parts[0]
    if _ASIDE_START.match(parts[0]) and not _VERB.search(parts[0]) and parts[1][:1].isupper():
        kept = ""  # (but "a jury found him guilty, ..." is what happened)
    joint, dropped = ", ", False
    for index, part in enumerate(parts[1:], start=1):
        inner = index < len(parts) - 1
        if inner and kept and (_aside(part) or (dropped and _A_PLACE_GOES_ON.fullmatch(part))):
            joint, dropped = " ", True  # ", superintendent for the state police," goes, with
            continue  # both its commas; ", born in Bamako, Mali, in 1959," with its country
        if dropped and not inner and _OF_THEM.match(part):
            continue  # ", destroying 2,200 structures, many of them homes": what told of it too
        kept, joint, dropped = (kept + joint + part if kept else part), ", ", False
    return kept


_OF_THEM = re.compile(r"(?:many|most|some|all|several|few|none|each|one|two|three)\sof\sthem\b")


def _aside(part: str) -> bool:
    if any(mark in part for mark in '"“”'):
        return False  # part of a quotation, which stays whole
    if _GOES_ON.match(part):
        return False  # "..., that the nation's President, ...": what was reported, not who
    return (
        bool(_ASIDE_START.match(part))
        and len(part.split()) <= ASIDE_WORDS
        and not _FINITE.search(part)
    )


def _without_lead(words: str) -> str:
    """Without what leads into the sentence: "However,", "According to ...,", "On Sunday,", a
    list's bullet; and "This explosion" is "The explosion" to a reader who has not the sentence
    before."""
    while (shorter := _LEAD.sub("", _LEAD_DATE.sub("", _BULLET.sub("", words)))) != words:
        words = shorter
    return _DEMONSTRATIVE.sub("The ", words)


_BULLET = re.compile(r"^[-–—•*·]\s+")
_DEMONSTRATIVE = re.compile(
    r"^(?:This|That|These|Those)\s(?=[a-z])(?!(?:is|was|are|were|has|had|have|will|would|could|can|"
    r"may|might|should|must|means|meant|comes|came)\b)"
)  # "This explosion", not "This is"


def _drop_date(head: str, expression: str, tail: str) -> str:
    """The sentence without the date it is a candidate for, where the date is an adverb
    ("held on 16 May", "On Sunday, ..."); with it where the date carries meaning ("until June"),
    is the subject ("The weekend did nothing") or something hangs on it ("as in May")."""
    kept = head + expression + tail
    if _MEANING_LEAD.search(head) or re.match(r"[’']s\b", tail):
        return kept
    lead = _DATE_LEAD.search(head)
    if lead and lead.group().strip().lower() == "the" and re.match(r"\s[a-z]", tail):
        return kept  # "The December 3 coup was ...": the date names which coup
    rest = head[: lead.start()] if lead else head
    if not rest.strip():
        tail = _DATES_WORD.sub("", tail)  # "On Jan. 18 alone, police ...": "alone" was the day's
        opening = tail.lstrip()
        if (lead and lead.group().strip()) or opening[:1] in (",", "") or opening[:1].isupper():
            return tail.lstrip(" ,")
        return kept
    last = rest.split()[-1].lower().strip(",;:")
    if last in FUNCTION_WORDS:
        return kept
    return rest + tail


_DATES_WORD = re.compile(r"^\s+(?:alone|again|too|also|itself)(?=,)")


def _tidy(words: str) -> str:
    words = re.sub(r"\s+", " ", words)
    words = re.sub(r"\s+([,.;:!?])", r"\1", words)
    words = re.sub(r"([,;:])(?:\s*[,;:])+", r"\1", words)
    return words.strip(" ,;:–—.")


def _fit(words: str) -> str:
    """A headline cut to `HEADLINE_WORDS` where a clause or phrase ends, the longest that reads
    whole; the words as they are when no such cut exists."""
    if len(words.split()) <= HEADLINE_WORDS:
        return words
    for found in reversed(list(_CUTS.finditer(words))):
        left = words[: found.start()].rstrip(" ,;:")
        if words.startswith(" to ", found.start()) and not _ends_on_a_noun(left):
            continue  # "led to", "was likely to": the sentence goes on in what follows
        if words.startswith(", ", found.start()) and _A_LIST_GOES_ON.match(words, found.end()):
            continue  # "local, state and federal officials": a list, not a clause
        if (opened := _RELATIVE_LEFT_OPEN.search(left)) and opened.group().split()[-1] in (
            _UNFINISHED
        ):
            continue  # "the office which is now (investigating ...)": a clause begun, not done
        if words.startswith(" by ", found.start()) and _BY_WHOM.search(left):
            continue  # "a board chaired (by ...)": cut before what it was done by, or not;
            # but "he was briefed (by ...)" is whole

        if len(left.split()) <= HEADLINE_WORDS and whole(left) and not _open_aside(left):
            return left
    return words


_UNFINISHED = FUNCTION_WORDS | frozenset("now being been".split())  # "which is now", "who has"
_RELATIVE_LEFT_OPEN = re.compile(r"\s(?:which|who|whom|whose|that)(?:\s\S+){0,2}$")
_BY_WHOM = re.compile(
    r"\s(?!(?:was|were|is|are|be|been|being|has|have|had|got|get)\s)[a-z]+\s(?:[a-z]+ed|led|run|"
    r"held|known)$"
)


def _ends_on_a_noun(words: str) -> bool:
    """Whether the last word may be a noun an infinitive tells more of: "an investigation (to
    determine ...)"; not a verb or an adjective that needs it ("led", "likely", "expected")."""
    last = words.split()[-1].lower() if words.split() else ""
    return not (
        _VERB.fullmatch(last)
        or last.endswith(("ly", "ing"))
        or last in _NEEDS_AN_INFINITIVE
        or last in _DANGLING
    )


def _open_aside(words: str) -> bool:
    """Whether a cut leaves an aside open: "Trump, who had a call with Putin", "in Istanbul,
    weeks", "The first round of talks, held in Istanbul" (a subject and no verb before it). The
    comma of a date ("Aug. 8, 2023") opens nothing."""
    words = _DATE_COMMA.sub(r"\1 \2", words)
    tail = words.rpartition(", ")[2]
    if (
        _OPEN_ASIDE.search(words)
        and not re.search(r"\s(?:and|or)\s", tail)
        and (words.count(", ") % 2 == 1 or not _NAME_BETWEEN.search(words))
    ):
        return True  # (a list's last items, "drones and dogs", close it; and a name between
        # two commas: "his ex-girlfriend, Deborah Brandao, to death")
    subject, comma, _ = words.partition(", ")
    return bool(comma) and words.count(", ") % 2 == 1 and not _VERB.search(subject)


_DATE_COMMA = re.compile(r"\b(\d{1,2}),\s(\d{4})\b")


def whole(title: str) -> bool:
    """Whether a title reads as a whole headline: short, a subject first (not a pronoun, a
    conjunction or lower case), a verb, nothing left hanging, quotes and brackets closed."""
    words = title.split()
    if not 4 <= len(words) <= HEADLINE_WORDS or "…" in title:
        return False
    first, last = words[0].strip("“\"'(‘"), words[-1].strip(".,;:!?”\"')’").lower()
    quoted = title.endswith(("”", '"'))  # a quotation closed: whole as its speaker said it
    if not first[:1].isupper() or first.lower() in _OPENERS | SAYING_VERBS:
        return False
    if last in _DANGLING and not quoted:
        return False
    _, that, said = title.rpartition(" that ")
    if that and not (_VERB.search(said) or _THIRD_PERSON.search(said)):
        return False  # "Kyiv confirmed that its delegation"
    if title.count('"') % 2 or title.count("“") != title.count("”"):
        return False
    if title.count("(") != title.count(")"):
        return False
    verb = _VERB.search(title) or _THIRD_PERSON.search(title)
    return bool(verb) and not _is_date(last)


def _is_date(word: str) -> bool:
    return word in MONTH_AND_DAY_NAMES or word.isdigit()


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
    """A title no candidate could make whole, cut at a word with a mark that says so."""
    words = title.split()
    if len(words) <= HEADLINE_WORDS + 4:
        return title
    return " ".join(words[:HEADLINE_WORDS]).rstrip(" ,;:") + "…"
