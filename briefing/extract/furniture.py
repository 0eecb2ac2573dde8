"""Page furniture the cleaning keeps: photo captions, marked as such, told as a picture, or ending
with the picture's credit. They may date the article (a photo of today's hearing, dated), but they
are not the story: no person, place, body or event of the story comes from them, and a credited
photographer is nobody in it.
"""

from __future__ import annotations

import re

from briefing.model import Span

# "FILE - ...", "FILE PHOTO: ...", "Photo: ...", "(Image: ...)": a caption says so
_MARKED = re.compile(
    r"^\W*(?:FILE\s*(?:PHOTO)?\s*[-:–—]|(?:photo|image|picture|caption|pictured)\s*:)",
    re.IGNORECASE,
)
# "... speaks during a hearing ... on September 24, 2024 in Washington, DC.": a picture told in
# the present, dated in full, often with where it was taken
_CAPTION_VERB = re.compile(
    r"\b(?:is|are)\s+(?:seen|pictured|shown|photographed)\b|\b(?:speaks|speak|looks|look|poses|pose|"
    r"attends|attend|arrives|arrive|gestures|gesture|walks|walk|stands|stand|sits|sit|listens|"
    r"listen|waves|wave|holds|hold|talks|talk|leaves|leave|delivers|testifies|prays|reacts|"
    r"react|gather|gathers|march|marches|wait|waits)\b"
)
_FULL_DATE = re.compile(
    r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},\s+(?:19|20)\d\d\b"
    r"|\b\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+(?:19|20)\d\d\b"
)
# "... (Ulysses Doe/The Daily Example)", "... Photo by Jane Doe/U.S. Navy", "REUTERS/Jo Doe/File
# Photo", "Courtesy of the state's transport department": a caption ends by crediting the picture
# "REUTERS/Mike Segar/File Photo": an agency, then who took the picture
AGENCY_CREDIT = (
    r"(?:[A-Z]{2,}(?:\s[A-Z]{2,})?|Getty Images|AP Photo)/[A-Z][\w.'’ -]{1,40}"
    r"(?:/(?:File|Pool|Handout)(?: Photo)?)?"
)
CREDIT_AT_END = re.compile(
    r"(?:\(\s*[A-Z][^()/]{1,50}/\s*[A-Z][^()]{1,50}\)"
    r"|\b(?i:photo|picture|image|video)s?\s+(?i:by|courtesy of|credit:?)\s+[^!?]{2,80}"
    r"|\b[Cc]ourtesy(?: photo)?(?: of)?\s+[^.!?]{2,60}"
    rf"|\b{AGENCY_CREDIT})\W*$"
)
# "Jo Doe / HPR Governor ... speaks ...": a caption that opens on the credit, photographer and
# outlet
CREDIT_AT_START = re.compile(r"^[A-Z][\w’'-]+(?:\s[A-Z][\w’'-]+){1,2}\s?/\s?[A-Z][\w.&’'-]*\s")
CREDITED_SENTENCES = 4  # a longer paragraph that ends with a credit is text a caption ran into
CREDIT_CHARACTERS = 160  # a credit is sought only so far back from a paragraph's end


_CREDIT_WORDS = ("/", "hoto", "HOTO", "icture", "mage", "ideo", "ourtesy")  # one in every credit


def ends_with_a_credit(paragraph: str) -> bool:
    start = max(0, len(paragraph) - CREDIT_CHARACTERS)
    tail = paragraph[start:]
    return any(word in tail for word in _CREDIT_WORDS) and bool(CREDIT_AT_END.search(tail))


_TOLD_AS_NEWS = re.compile(r"\b(?:said|says|told|will|would|has|have|had)\b")
CAPTION_WORDS = 70


def captions(text: str, sentences: list[Span]) -> frozenset[int]:
    """The sentences that belong to photo captions, and the bylines that are only names."""
    found: set[int] = set()
    paragraphs: list[list[int]] = [[]]
    previous_end = 0
    for index, span in enumerate(sentences):
        if paragraphs[-1] and "\n" in text[previous_end : span.start]:
            paragraphs.append([])
        paragraphs[-1].append(index)
        previous_end = span.end
    for number, paragraph in enumerate(paragraphs):
        if not paragraph:
            continue
        found.update(_caption(text, sentences, paragraph))
        alone = sentences[paragraph[0]].of(text) if len(paragraph) == 1 else ""
        if number < BYLINE_REACH and _NAMES_ONLY.fullmatch(alone):
            found.add(paragraph[0])  # "James Liddell, Katie Hawkinson": who wrote it
    return frozenset(found)


BYLINE_REACH = 5  # paragraphs from the top where a line of names alone is the byline
_NAME = r"[A-Z][a-z’'-]+(?:\s(?:[A-Z]\.|[A-Z][a-z’'-]+)){1,2}"
# "James Liddell, Katie Hawkinson", "From Juliana Taiwo-Obalonye, Abuja"
_NAMES_ONLY = re.compile(
    rf"(?:(?:By|From)\s)?{_NAME}(?:(?:,\s|\s(?:and|&)\s){_NAME}){{0,3}}(?:,\s[A-Z][a-z]+)?"
)
# "(Reporting by ...; Editing by ...)": who wrote and edited a wire story
_CREDITS = re.compile(
    r"^\W*(?:Additional\s+)?(?:Reporting|Writing|Editing|Compiled|Produced|Written|Edited)\s+by\b",
    re.IGNORECASE,
)


def _caption(text: str, sentences: list[Span], paragraph: list[int]) -> list[int]:
    words = text[sentences[paragraph[0]].start : sentences[paragraph[-1]].end]
    if _MARKED.match(words) or _stamp(words) or _CREDITS.match(words):
        return paragraph
    if len(paragraph) <= CREDITED_SENTENCES and (
        ends_with_a_credit(words) or CREDIT_AT_START.match(words)
    ):
        return paragraph
    if len(paragraph) > 2 or len(words.split()) > CAPTION_WORDS:
        return []
    first = sentences[paragraph[0]].of(text)
    if _FULL_DATE.search(first) and _CAPTION_VERB.search(first) and not _TOLD_AS_NEWS.search(first):
        return paragraph
    return []


# "Xinhua) 13:44, December 23, 2023", "Updated: 4:53 PM EDT, Thu August 31, 2023": when the
# page was put out, with a word or two of who or how; no news
_STAMP_PART = re.compile(
    r"\d{1,4}(?:[:.]\d\d)?|[ap]\.?m\.?|(?:GMT|UTC|[ECMP][SD]T)"
    r"|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
    r"|(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)[a-z]*\.?",
    re.IGNORECASE,
)
STAMP_WORDS = 2  # words besides the date and time: "Updated", "Xinhua)", "Published on"


def _stamp(paragraph: str) -> bool:
    """Whether a paragraph is only the date and time a page was put out."""
    if not _FULL_DATE.search(paragraph) or len(paragraph) > 80:
        return False
    rest = [word for word in re.findall(r"[^\s,|·]+", _STAMP_PART.sub(" ", paragraph))
            if any(letter.isalpha() for letter in word)]  # fmt: skip
    return len(rest) <= STAMP_WORDS


def is_marked_file_photo(sentence: str) -> bool:
    """ "FILE - ...": a picture from before, which dates nothing of today."""
    return bool(re.match(r"^\W*FILE\b", sentence))
