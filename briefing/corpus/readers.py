"""One reader per file format; each turns a file's text into `RawArticle`s, or says why it can't.

Readers only read: they pull out the body and whatever metadata the format carries (title, date,
outlet, url, author). Cleaning and dating are done later, the same way for every format.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import yaml

from briefing.corpus.decode import sanitise


@dataclass(frozen=True, slots=True)
class RawArticle:
    """An article as its file gives it, before cleaning."""

    body: str
    title: str | None = None
    date: str | None = None  # as written in the file's metadata
    date_how: str = ""  # where `date` was found: "date line", "front matter", ...
    outlet: str | None = None
    url: str | None = None
    author: str | None = None
    part: int | None = None  # the article's place in a file that holds several


class Unreadable(ValueError):
    """A file, or one entry of it, that holds no article; the message says why."""


@dataclass(frozen=True, slots=True)
class Entry:
    """What one file yields: articles, and the entries of it that had to be skipped."""

    articles: list[RawArticle]
    skipped: list[tuple[str, str]]  # (where in the file, why)


def _text_field(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, list):
        value = ", ".join(str(item) for item in value if item)
    if isinstance(value, Mapping):
        value = value.get("name") or value.get("title")
    if isinstance(value, datetime | date):
        return value.isoformat()
    text = sanitise(str(value)).strip()
    return " ".join(text.split()) or None


# -- plain text -----------------------------------------------------------------------------------

_DATE_LINE = re.compile(
    r"""^\s*(?:date|dated|published|posted|updated)\s*[:\-]?\s*
    (?:(?P<iso>\d{4}-\d{1,2}-\d{1,2}(?:[T\s]\d{1,2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?)(?P<rest>.*)
      |(?P<text>[^\n]{4,40}?\d[^\n]{0,20}?))\s*$""",
    re.IGNORECASE | re.VERBOSE,
)


def read_txt(text: str) -> list[RawArticle]:
    """Plain text: an optional date line (` date 2025-06-02`, `Date: June 2, 2025`), then the body.

    Some pages put the headline on the same line as an ISO date; it stays in the body.
    """
    if (line := date_line(text)) is not None:
        stated, how, body = line
        return [RawArticle(body, date=stated, date_how=how)]
    return [RawArticle(text)]


def date_line(text: str) -> tuple[str, str, str] | None:
    """A first line that dates the text (` date 2025-06-02`, `Date: June 2, 2025`), as (the date,
    "date line", the text without it), whatever the file's format."""
    lines = text.split("\n")
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None or (match := _DATE_LINE.match(lines[first])) is None:
        return None
    stated = match["iso"] or match["text"]
    lines[first] = (match["rest"] or "").strip() if match["iso"] else ""
    return stated.strip(), "date line", "\n".join(lines[first:])


# -- Markdown -------------------------------------------------------------------------------------

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_MD_HEADING = re.compile(r"^#{1,6}\s+(.*?)\s*#*\s*$", re.MULTILINE)
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_EMPHASIS = re.compile(r"(\*\*|__|\*|_|`)(?=\S)(.+?)(?<=\S)\1")
_MD_LIST = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+", re.MULTILINE)
_MD_QUOTE = re.compile(r"^\s*>\s?", re.MULTILINE)
_MD_RULE = re.compile(r"^\s*(?:[-*_]\s*){3,}$", re.MULTILINE)


def read_markdown(text: str) -> list[RawArticle]:
    """Markdown, with optional YAML front matter (title, date, source/outlet, url, author)."""
    meta: Mapping[str, Any] = {}
    if match := _FRONT_MATTER.match(text):
        try:
            loaded = yaml.safe_load(match[1])
        except yaml.YAMLError as error:
            raise Unreadable(f"broken front matter: {_first_line(str(error))}") from None
        if isinstance(loaded, Mapping):
            meta = loaded
        text = text[match.end() :]
    body = _plain_markdown(text)
    title = _field(meta, TITLE_FIELDS)
    if title is None and (heading := _MD_HEADING.search(text)):
        title = _text_field(_plain_markdown(heading[1]))
    return [_from_fields(meta, body, title=title, date_how="front matter")]


def _plain_markdown(text: str) -> str:
    text = _MD_RULE.sub("", text)
    text = _MD_HEADING.sub(r"\1", text)
    text = _MD_LINK.sub(r"\1", text)
    text = _MD_EMPHASIS.sub(r"\2", text)
    text = _MD_LIST.sub("", text)
    return _MD_QUOTE.sub("", text)


# -- HTML -----------------------------------------------------------------------------------------


def read_html(text: str) -> list[RawArticle]:
    """A saved web page: the article's text without menus, ads, comments or related stories."""
    import trafilatura  # slow to import: only when a corpus holds web pages

    document = trafilatura.bare_extraction(
        text,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    body = getattr(document, "text", None) if document is not None else None
    if not body or not body.strip():
        raise Unreadable("no article text found in the page")
    return [
        RawArticle(
            body=body,
            title=_text_field(getattr(document, "title", None)),
            date=_text_field(getattr(document, "date", None)),
            date_how="page metadata",
            outlet=_text_field(getattr(document, "sitename", None)),
            url=_text_field(getattr(document, "url", None)),
            author=_text_field(getattr(document, "author", None)),
        )
    ]


# -- JSON and JSON Lines --------------------------------------------------------------------------

TITLE_FIELDS = ("title", "headline", "name")
DATE_FIELDS = ("date", "published", "published_at", "publishedAt", "pubDate", "datePublished",
               "date_published", "created_at", "time")  # fmt: skip
BODY_FIELDS = ("text", "body", "content", "article", "article_text", "full_text", "description")
URL_FIELDS = ("url", "link", "href", "canonical_url")
OUTLET_FIELDS = ("source", "outlet", "publisher", "site", "site_name", "sitename", "feed")
AUTHOR_FIELDS = ("author", "authors", "byline", "creator")
_LIST_FIELDS = ("articles", "items", "data", "entries", "results", "documents", "stories")
_HTML_BODY = re.compile(r"<(?:p|div|br|span|a|h\d)\b[^>]*>", re.IGNORECASE)


def _field(record: Mapping[str, Any], names: tuple[str, ...]) -> str | None:
    for name in names:
        if (value := _text_field(record.get(name))) is not None:
            return value
    return None


def _from_fields(
    record: Mapping[str, Any],
    body: str,
    *,
    title: str | None = None,
    date_how: str,
    part: int | None = None,
) -> RawArticle:
    return RawArticle(
        body=body,
        title=title if title is not None else _field(record, TITLE_FIELDS),
        date=_field(record, DATE_FIELDS),
        date_how=date_how,
        outlet=_field(record, OUTLET_FIELDS),
        url=_field(record, URL_FIELDS),
        author=_field(record, AUTHOR_FIELDS),
        part=part,
    )


def _article_from_record(record: object, part: int | None) -> RawArticle:
    if not isinstance(record, Mapping):
        raise Unreadable(f"expected an object with a text, found {type(record).__name__}")
    raw_body = next(
        (record[name] for name in BODY_FIELDS if isinstance(record.get(name), str)), None
    )
    if raw_body is None or not raw_body.strip():
        raise Unreadable(f"no text (looked for {', '.join(BODY_FIELDS[:3])})")
    body = _html_to_text(raw_body) if _HTML_BODY.search(raw_body) else raw_body
    return _from_fields(record, body, date_how="JSON field", part=part)


def _html_to_text(fragment: str) -> str:
    import lxml.html  # comes with trafilatura

    root = lxml.html.fromstring(f"<div>{fragment}</div>")
    for block in root.iter("p", "div", "br", "li", "h1", "h2", "h3", "h4", "blockquote"):
        block.tail = "\n" + (block.tail or "")
    return str(root.text_content())


def read_json(text: str) -> Entry:
    """A JSON file: one article object, a list of them, or an object that holds such a list."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise Unreadable(_json_error(error)) from None
    if isinstance(data, Mapping):
        listed = next((data[key] for key in _LIST_FIELDS if isinstance(data.get(key), list)), None)
        if listed is None:
            return Entry([_article_from_record(data, None)], [])
        data = listed
    if not isinstance(data, list):
        raise Unreadable("JSON holds neither an article nor a list of articles")
    return _collect(enumerate(data, start=1), "item")


def read_jsonl(text: str) -> Entry:
    """JSON Lines: one article object per line; a broken line is skipped, the rest are read."""

    def records() -> Iterator[tuple[int, object]]:
        for number, line in enumerate(text.split("\n"), start=1):
            if line.strip():
                try:
                    yield number, json.loads(line)
                except json.JSONDecodeError as error:
                    yield number, Unreadable(_json_error(error))

    return _collect(records(), "line")


def _collect(records: Iterator[tuple[int, object]] | enumerate[Any], unit: str) -> Entry:
    articles: list[RawArticle] = []
    skipped: list[tuple[str, str]] = []
    for number, record in records:
        try:
            if isinstance(record, Unreadable):
                raise record
            articles.append(_article_from_record(record, len(articles) + 1))
        except Unreadable as why:
            skipped.append((f"{unit} {number}", str(why)))
    if not articles and not skipped:
        raise Unreadable("no articles in the file")
    return Entry(articles, skipped)


def _json_error(error: json.JSONDecodeError) -> str:
    where = (
        f"line {error.lineno}, column {error.colno}"
        if error.lineno > 1
        else f"column {error.colno}"
    )
    return f"not valid JSON: {error.msg[:1].lower()}{error.msg[1:]} ({where})"


def _first_line(text: str) -> str:
    return text.strip().split("\n", 1)[0]


# -- dispatch -------------------------------------------------------------------------------------

_SINGLE: dict[str, Callable[[str], list[RawArticle]]] = {
    ".txt": read_txt,
    ".text": read_txt,
    ".md": read_markdown,
    ".markdown": read_markdown,
    ".html": read_html,
    ".htm": read_html,
}
_MANY: dict[str, Callable[[str], Entry]] = {
    ".json": read_json,
    ".jsonl": read_jsonl,
    ".ndjson": read_jsonl,
}
SUFFIXES = frozenset(_SINGLE) | frozenset(_MANY)


def read_text(suffix: str, text: str) -> Entry:
    """The articles in a file's decoded text, by the file's extension (lower case, with the dot)."""
    if suffix in _SINGLE:
        return Entry(_SINGLE[suffix](text), [])
    if suffix in _MANY:
        return _MANY[suffix](text)
    raise Unreadable(f"unknown file type {suffix or '(no extension)'}")
