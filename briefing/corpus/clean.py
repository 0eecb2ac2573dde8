"""Page clutter and repeats out; the article's own words in, as the reader will see them.

Each rule is named, so a test can hold each one and `briefing show --dropped` can say what went.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from briefing.extract.furniture import AGENCY_CREDIT, CREDITED_SENTENCES, ends_with_a_credit
from briefing.extract.lexicon import MONTH_AND_DAY_NAMES
from briefing.extract.sentences import split_sentences

TITLE_LIMIT = 160
LINE_RULE_WORDS = 40  # a longer line is a paragraph: its clutter is sought sentence by sentence
HEAD_LINES = 4  # an address alone on a line among the first is the page's own


@dataclass(frozen=True, slots=True)
class Cleaned:
    title: str
    text: str
    outlet: str | None = None
    author: str | None = None
    dropped: tuple[tuple[str, str], ...] = field(default=())  # (rule, the words dropped)
    published: tuple[str, str] | None = None  # the words of a byline's or "Published" line's
    # date, and which: they may date the article
    url: str | None = None  # the page's address, from a line that gives it ("URL: https://...")


def _rule(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


# Lines that are never part of an article, whole or as one sentence of a run-on paragraph.
CLUTTER: dict[str, re.Pattern[str]] = {
    "copyright": _rule(r"©|\(c\)\s*\d{4}|\bcopyright\b|all rights reserved|все права защищены"),
    "social prompt": _rule(
        r"^\W*(?:read|follow|join|subscribe|find|like)\b.{0,50}?\b(?:on|to|in|us)\b.{0,30}?"
        r"\b(?:telegram|facebook|twitter|instagram|youtube|whatsapp|viber|tiktok|google news|"
        r"x|channel|newsletter)\b\W*$"
        r"|^\W*(?:share|tweet|email|print)(?: this| the)?(?: article| story| page)?\s*(?:[:|].*)?$"
        r"|^\W*subscribe\b.{0,60}$"
    ),
    "error prompt": _rule(
        r"\b(?:did you|have you|if you) (?:find|found|notice|noticed|spot|spotted|see) an? "
        r"(?:mistake|typo|error|inaccuracy)"
        r"|^\W*found an? (?:mistake|typo|error)"
        r"|\bhighlight (?:it|the (?:text|sentence|fragment|error|mistake)).{0,60}\bctrl\b"
    ),
    "comment prompt": _rule(
        r"^\W*(?:comments?\s*\(\d+\)|\d+\s+comments?|(?:leave|add|post|write|show|view) "
        r"(?:a |your |all )?comments?|comments? (?:are )?closed|log in to comment)\W*$"
    ),
    "advertisement": _rule(r"^\W*(?:advertisement|sponsored(?: content)?|promoted|ad|реклама)\W*$"),
    "other story": _rule(
        r"^\W*(?:breaking(?: news)?|live(?: updates)?|watch|listen|just in|developing|"
        r"most popular|editor'?s picks?)\s*[:|–—-]\s*\S"
    ),
    "affiliate notice": _rule(
        r"\bwe may (?:earn|receive) (?:a )?(?:commission|compensation)\b|\baffiliate links?\b"
        r"|^\W*in this (?:story|article)\W*$"
    ),
    "age": _rule(r"^\W*\d{1,3}\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?)\s+ago\W*$"),
    "related links": _rule(
        r"^\W*(?:read (?:more|also)|see also|related(?: stories| articles| news| posts)?|"
        r"more on (?:this|the) topic|recommended(?: for you)?|you may also like|most read|"
        r"popular now|trending|latest news|more news)\b\W*(?::.*)?$"
    ),
    "view counter": _rule(r"^[\W\d]*\d[\d\s,.]*\s*(?:views?|reads?|просмотр\w*|переглядів)\W*$"),
    "photo credit": _rule(
        r"^\W*(?:photo|image|picture|video|illustration|credit)s?(?: credit)?\s*:"
        r"|\b(?:photo|picture|image)s?\s*:\s*[\w .,/&-]{1,40}$"
        r"|creativecommons\.org|\bgetty images\b|\bshutterstock\b"
    ),
    "embedded post": _rule(
        r"^[—–-]\s*[^()]{1,60}\(@\w{1,30}\)|pic\.twitter\.com/|^\s*@\w{2,30}\s*$"
    ),
    "tag header": _rule(r"^\W*(?:tags|topics|keywords|categories|filed under)\s*:"),
    "registration": _rule(
        r"\bmedia identifier\b|\bonline media\b|\bregistration certificate\b"
        r"|\bregistered as a media\b"
    ),
    "timestamp": _rule(
        r"^\W*(?:(?:published|updated|posted|last modified)(?: on)?\s*:?\s*)?"
        r"[\d./:\-\s]*(?:\d{1,2}:\d{2}|\d{4})[\d./:\-\s]*(?:am|pm|gmt|utc)?\W*$"
        r"|^\W*(?:published|updated|posted|last modified)(?: on)?\b.{0,50}$"
    ),
}
# Applied to the sentences of long paragraphs, where a page's clutter can run into the text.
SENTENCE_CLUTTER = ("copyright", "social prompt", "error prompt", "comment prompt")
_SENTENCE_CLUTTER = re.compile(
    "|".join(f"(?P<{rule.replace(' ', '_')}>{CLUTTER[rule].pattern})" for rule in SENTENCE_CLUTTER),
    re.IGNORECASE,
)
# Cleaning only needs sentences roughly (to find repeats and clutter run into a paragraph); the
# precise boundaries, initials and all, are drawn once the text is clean.
_ROUGH_SENTENCE = re.compile(r"(?:(?<=[.!?…])|(?<=[.!?…][\"”’')\]]))\s+(?=[\"“‘(\[]?[A-Z0-9])")

_MASTHEAD = _rule(
    r"^(?:information|news|press)\s+agency\s+[«\"“](?P<outlet>[^»\"”]{2,60})[»\"”]\W*$"
)
_NAME = r"[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}"
_BYLINE = re.compile(
    rf"^(?:By|BY|by)\s+(?P<author>{_NAME}(?:(?:,\s+|\s+and\s+){_NAME})*)"
    r"(?:\s*(?:[,|•·—–-]|\bon\b)\s*(?P<rest>.{6,80}))?$"
)
# "By Jo Doe The Daily Example": a byline that runs into the outlet's name
_BYLINE_OUTLET = re.compile(
    r"^(?:By|BY)\s+(?P<author>[A-Z][\w.'’-]+(?:\s+(?!The\b)[A-Z][\w.'’-]+){1,2})"
    r"\s+(?P<outlet>The(?:\s+[A-Z][\w.'’&-]+){1,4})$"
)
# "URL: https://...", "Source: https://...", or the address alone on its line
_ADDRESS = re.compile(
    r"^\W*(?P<label>(?:url|link|source|address|canonical|permalink)\s*:\s*)?"
    r"<?(?P<url>https?://\S+?)>?$",
    re.IGNORECASE,
)
# A line that is nothing but a date: "Thursday, March 4, 2021", "March 4, 2021 / 8:05 PM EST",
# "Date: 2021-03-04": the page's date, never an event of the story
_DATE_WORDS = MONTH_AND_DAY_NAMES | frozenset(
    """jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat
    sun am pm a m p gmt utc bst cet cest eet eest msk est edt et cst cdt ct mst mdt mt pst pdt
    pt ist jst aest aedt local time date dated on at updated published posted""".split()
)
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
_WORD = re.compile(r"[^\W\d_]+")
# "Published 8:05 PM, March 4, 2021", "This content was published on 4 March 2021 - 10:05",
# "Last updated: ...": a line of the page that dates it
_PUBLISHED = re.compile(
    r"^\W*(?:this (?:content|article|story|page) was )?(?:first |originally )?"
    r"(?P<which>published|updated|last updated|posted|last modified|created)(?: on| at)?\s*:?\s*"
    r"(?P<rest>.{4,80})$",
    re.IGNORECASE,
)
_INLINE_PUBLISHED = re.compile(r"\s*\((?P<which>Published|Updated|Posted)\s+(?P<rest>[^)]{6,60})\)")
# "REUTERS/Mike Segar/File Photo" at the end of a caption: who took the picture
_TRAILING_CREDIT = re.compile(rf"\s+{AGENCY_CREDIT}$")
_DATELINE_BULLET = re.compile(r"^[^.!?]{1,40}\s[•|·]\s[^.!?]{1,40}$")
# "(Abdel Kareem Hana/AP)", "(AP Photo/Dita Alangkara)": who took the picture, not the story.
_INLINE_CREDIT = re.compile(
    r"\s*\(\s*(?:[A-Z]{2,8}(?: Photo)?\s*[:/][^()]{2,40}"
    r"|[^()/]{2,40}/(?:[A-Z]{2,8}|Getty Images|Reuters|Xinhua))\s*\)"
)
_INLINE_COUNTER = re.compile(r"\s*[•·|]\s*\d[\d\s,.]*\s*(?:views?|reads?)\b", re.IGNORECASE)
_NOISE = re.compile(r"^[\W_]*$")
_MONEY = re.compile(
    r"^(?:[$€£¥₴₽]|usd|eur|gbp|rub|uah|try|btc|brent)?[+\-−]?[\d.,]+%?[$€£]?$|^[▲▼↑↓+\-−]$",
    re.IGNORECASE,
)
_CURRENCY = re.compile(r"[$€£¥₴₽▲▼↑↓%]|\b(?:usd|eur|gbp|rub|uah|btc|brent)\b", re.IGNORECASE)
_TERMINAL = re.compile(r"[.!?…:;\"”’»)]$")
_SPACE_RUN = re.compile(r"[ ]{2,}")
_NOT_IN_KEY = str.maketrans("", "", " \t.,;:!?'\"“”‘’«»()[]-–—…/")


def clean(body: str, title: str | None = None) -> Cleaned:
    """The article's paragraphs without clutter or repeats, and its title.

    `title` is the one the file's metadata gives, if any; otherwise the first meaningful line.
    """
    dropped: list[tuple[str, str]] = []
    outlet: str | None = None
    author: str | None = None
    published: tuple[str, str] | None = None
    url: str | None = None
    lines: list[str] = []
    for raw in body.split("\n"):
        line = _SPACE_RUN.sub(" ", raw.strip())
        captioned = _is_credited_caption(line)
        if stamp := _INLINE_PUBLISHED.search(line):
            published = published or (stamp["rest"], f"{stamp['which'].lower()} line")
            dropped.append(("timestamp", stamp.group().strip()))
            line = _INLINE_PUBLISHED.sub("", line)
        if not captioned and (credit := _TRAILING_CREDIT.search(line)):
            dropped.append(("photo credit", credit.group().strip()))
            line = line[: credit.start()]
        if counter := _INLINE_COUNTER.search(line):
            dropped.append(("view counter", counter.group().strip()))
            line = _INLINE_COUNTER.sub("", line)
        if not captioned and (credit := _INLINE_CREDIT.search(line)):
            dropped.append(("photo credit", credit.group().strip()))
            line = _INLINE_CREDIT.sub("", line)
        if not line:
            continue
        if masthead := _MASTHEAD.match(line):
            outlet = outlet or masthead["outlet"].strip()
            dropped.append(("masthead", line))
        elif address := _ADDRESS.match(line):
            if address["label"] or len(lines) < HEAD_LINES:  # not a link further down the page
                url = url or address["url"]
            dropped.append(("address", line))
        elif _is_date_only(line):
            published = published or (line, "date line")
            dropped.append(("timestamp", line))
        elif byline := _BYLINE_OUTLET.match(line):
            author = author or byline["author"]
            outlet = outlet or byline["outlet"]
            dropped.append(("byline", line))
        elif byline := _BYLINE.match(line):
            author = author or byline["author"]
            if byline["rest"]:
                published = published or (byline["rest"], "byline")
            dropped.append(("byline", line))
        elif len(line.split()) <= 14 and (stamp := _PUBLISHED.match(line)):
            which = stamp["which"].lower()
            if published is None or (published[1] != "published line" and which == "published"):
                published = (stamp["rest"], f"{which} line")
            dropped.append(("timestamp", line))
        elif len(line.split()) <= LINE_RULE_WORDS and (rule := _clutter_rule(line)):
            dropped.append((rule, line))
        else:
            lines.append(line)
    lines = _drop_tag_block(lines, dropped)

    seen: set[str] = set()
    if title:
        seen.add(_key(title))
    paragraphs = [kept for line in lines if (kept := _keep_new_sentences(line, seen, dropped))]
    if not title and paragraphs:
        title = _title_from(paragraphs[0])
    title = title or ""
    if title and not (paragraphs and _key(paragraphs[0]).startswith(_key(title))):
        paragraphs.insert(0, title)
    return Cleaned(title, "\n\n".join(paragraphs), outlet, author, tuple(dropped), published, url)


def _is_credited_caption(line: str) -> bool:
    """A short paragraph that ends by crediting its picture: a caption, kept whole with its credit
    so that the extraction knows it for one."""
    return ends_with_a_credit(line) and (len(_ROUGH_SENTENCE.split(line)) <= CREDITED_SENTENCES)


def _is_date_only(line: str) -> bool:
    if len(line.split()) > 10 or not _YEAR.search(line):
        return False
    return all(word.lower() in _DATE_WORDS for word in _WORD.findall(line))


def _clutter_rule(line: str) -> str | None:
    for name, pattern in CLUTTER.items():
        if pattern.search(line):
            return name
    if _NOISE.match(line):
        return "noise"
    if _is_ticker(line):
        return "price ticker"
    if _DATELINE_BULLET.match(line) and len(line.split()) <= 6:
        return "dateline"
    return None


def _is_ticker(line: str) -> bool:
    tokens = line.split()
    money = sum(1 for token in tokens if _MONEY.match(token))
    return money >= max(1, len(tokens) * 0.6) and bool(
        _CURRENCY.search(line) or money == len(tokens)
    )


def _drop_tag_block(lines: list[str], dropped: list[tuple[str, str]]) -> list[str]:
    """A page's last lines are often its tags, one per line: names, places, topics."""
    end = len(lines)
    while end > 0 and _is_tag(lines[end - 1]):
        end -= 1
    if len(lines) - end >= 3 and end > 0:
        dropped.extend(("tag list", line) for line in lines[end:])
        return lines[:end]
    return lines


def _is_tag(line: str) -> bool:
    return len(line.split()) <= 5 and not _TERMINAL.search(line)


def _keep_new_sentences(paragraph: str, seen: set[str], dropped: list[tuple[str, str]]) -> str:
    """The paragraph without sentences met before, nor clutter run into it."""
    key = _key(paragraph)
    if key in seen:
        dropped.append(("repeat", paragraph))
        return ""
    seen.add(key)
    sentences = _ROUGH_SENTENCE.split(paragraph)
    if len(sentences) == 1:
        return paragraph
    kept: list[str] = []
    for index, sentence in enumerate(sentences):
        if rule := _sentence_clutter(sentence):
            dropped.append((rule, sentence))
            tail = sentences[index + 1 :]
            if tail and not any(_TERMINAL.search(piece) for piece in tail):
                dropped.append(("page tail", " ".join(tail)))
                break
            continue
        if sentence.count(" ") >= 4:
            sentence_key = _key(sentence)
            if sentence_key in seen:
                dropped.append(("repeat", sentence))
                continue
            seen.add(sentence_key)
        kept.append(sentence)
    return " ".join(kept)


def _sentence_clutter(sentence: str) -> str | None:
    found = _SENTENCE_CLUTTER.search(sentence)
    return found.lastgroup.replace("_", " ") if found and found.lastgroup else None


def _title_from(paragraph: str) -> str:
    first = split_sentences(paragraph)[0].of(paragraph)
    if len(first) <= TITLE_LIMIT:
        return first
    return first[: first.rfind(" ", 0, TITLE_LIMIT)].rstrip(",;:") + "…"


def _key(text: str) -> str:
    return text.casefold().translate(_NOT_IN_KEY)
