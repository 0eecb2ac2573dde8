"""Searching the corpus: a small query language, turned into SQLite FTS5 and the briefing's filters.

    talks istanbul          both words (in any form the index folds alike: Çırağan, Ciragan)
    "second round"          the exact phrase
    ceasefire OR truce      either word
    -drones   NOT drones    without the word
    negotiat*               words that start so
    person:Zelenskyy        articles naming that person, however spelled (Zelensky too)
    venue:Istanbul          articles naming that place, or a place within it
    date:2025-06  after:2025-05-20  before:2025-06-01   the article's own date
    outlet:Reuters          the outlet's name contains it

Results are ranked by BM25, titles weighing more than text, each with a snippet that marks the
words found. A search that finds nothing suggests the nearest names and words of the corpus.
"""

from __future__ import annotations

import functools
import re
import time
from dataclasses import dataclass, field
from datetime import date

from thefuzz import fuzz, process

from briefing.extract.lexicon import fold
from briefing.model import Briefing, PartialDate
from briefing.store import Store, search_text

MARK_START, MARK_END = "\x02", "\x03"  # around the words found, in snippets
FILTERS = ("person", "venue", "date", "after", "before", "outlet")
SUGGEST_SCORE = 75
TITLE_WEIGHT = 5.0
FEW_ARTICLES = 20  # filters that leave this few articles are ranked among those alone

_TOKEN = re.compile(
    r'(?P<field>[^\W\d_]+):(?!//)(?:"(?P<quoted>[^"]*)"|(?P<value>\S*))'  # person:Lavrov, not 13:00
    r'|(?P<minus>-)?"(?P<phrase>[^"]*)"'  # "exact phrase", -"left out"
    r'|(?P<word>[^\s"]+)'
)


class QueryError(ValueError):
    """A query that cannot be read; the message says what to change."""


@dataclass(frozen=True)
class Hit:
    article: str
    title: str
    date: str | None
    score: float
    snippet: str  # the words found between MARK_START and MARK_END


def snippet_parts(snippet: str) -> list[tuple[str, bool]]:
    """A snippet cut into its pieces, each with whether it is a word found."""
    parts = []
    for index, piece in enumerate(re.split(f"{MARK_START}|{MARK_END}", snippet)):
        if piece:
            parts.append((piece, index % 2 == 1))
    return parts


@dataclass(frozen=True)
class Results:
    query: str
    total: int
    took_ms: float
    hits: list[Hit]
    suggestions: list[str] = field(default_factory=list)


@dataclass
class Query:
    """A parsed query: the FTS5 expression for its words, and its filters."""

    match: str = ""
    words: list[str] = field(default_factory=list)  # as typed, for suggestions
    filters: list[tuple[str, str]] = field(default_factory=list)


def parse(text: str) -> Query:
    """Read a query; `QueryError` if it cannot be read."""
    if text.count('"') % 2:
        raise QueryError('a quotation mark is not closed: add the closing " or remove it')
    query = Query()
    positive: list[str] = []
    negative: list[str] = []
    pending_or = False
    pending_not = False
    for match in _TOKEN.finditer(text):
        if match["field"]:
            name = match["field"].lower()
            if name not in FILTERS:
                allowed = ", ".join(f"{name}:" for name in FILTERS)
                raise QueryError(f"there is no filter '{match['field']}:'; filters are {allowed}")
            value = (match["quoted"] if match["quoted"] is not None else match["value"]).strip()
            if not value:
                raise QueryError(f"'{name}:' needs a value, as in {name}:{_example(name)}")
            query.filters.append((name, value))
            continue
        token = match["phrase"] if match["phrase"] is not None else match["word"]
        if match["word"] in ("OR", "NOT"):
            if match["word"] == "OR":
                if not positive or pending_or or pending_not:
                    raise QueryError("OR needs a word on each side, as in: ceasefire OR truce")
                pending_or = True
            else:
                pending_not = True
            continue
        dashed = match["word"] is not None and token.startswith("-") and len(token) > 1
        negated = pending_not or dashed or match["minus"] is not None
        term = _term(token[1:] if dashed else token, phrase=match["phrase"] is not None)
        if term is None:
            continue
        if negated:
            if pending_or:
                raise QueryError("OR cannot join a word left out: write 'a OR b -c', not 'a OR -c'")
            negative.append(term)
            pending_not = False
            continue
        query.words.append(token.strip("*"))
        if pending_or:
            positive[-1] = f"{positive[-1]} OR {term}"
            pending_or = False
        else:
            positive.append(term)
    if pending_or or pending_not:
        raise QueryError(f"{'OR' if pending_or else 'NOT'} at the end needs a word after it")
    if negative and not positive:
        raise QueryError("a search needs a word to look for, not only words to leave out")
    if positive:
        query.match = " AND ".join(f"({part})" for part in positive)
        query.match += "".join(f" NOT {term}" for term in negative)
    return query


def _term(token: str, phrase: bool) -> str | None:
    """A word or phrase as FTS5 reads it, quoted so that no character of it is syntax."""
    prefix = token.endswith("*") and not phrase
    words = re.findall(r"\w+", search_text(token))
    if not words:
        return None
    quoted = '"' + " ".join(words) + '"'
    return quoted + "*" if prefix else quoted


def _example(name: str) -> str:
    return {
        "person": "Lavrov",
        "venue": "Istanbul",
        "date": "2025-06",
        "after": "2025-05-20",
        "before": "2025-06-01",
        "outlet": "Reuters",
    }[name]


# -- running a query ------------------------------------------------------------------------------


def search(
    briefing: Briefing, store: Store, text: str, limit: int = 20, offset: int = 0
) -> Results:
    """The articles that match a query, best first; `QueryError` if it cannot be read."""
    started = time.perf_counter()
    query = parse(text)
    conditions, parameters, unknown = _filters(briefing, store, query)
    if not query.match and not query.filters:
        raise QueryError("type a word to search for")
    hits: list[Hit] = []
    total = 0
    if unknown is None:
        hits, total = _run(store, query, conditions, parameters, limit, offset)
    suggestions = [] if total else _suggest(briefing, store, query, unknown)
    took = (time.perf_counter() - started) * 1000
    return Results(text, total, round(took, 2), hits, suggestions)


def _run(
    store: Store,
    query: Query,
    conditions: list[str],
    parameters: list[object],
    limit: int,
    offset: int,
) -> tuple[list[Hit], int]:
    """The page of hits and how many there are in all.

    Filters are worked out first, as a set of articles; ranking and snippets are separate steps
    (SQLite would otherwise make a snippet for every match before sorting, and plan joins of the
    index with the articles badly)."""
    connection = store.connection
    filtered = " AND ".join(conditions)
    if not query.match:
        rows = connection.execute(
            f"SELECT a.id, 0.0, substr(a.text, 1, 160) FROM articles a WHERE {filtered} "
            "ORDER BY a.date_latest DESC, a.path LIMIT ? OFFSET ?",
            [*parameters, limit, offset],
        ).fetchall()
        total = connection.execute(f"SELECT count(*) FROM articles a WHERE {filtered}", parameters)
        return _hits(store, rows), int(total.fetchone()[0])
    if not filtered:
        total = connection.execute(
            "SELECT count(*) FROM search WHERE search MATCH ?", [query.match]
        )
        page = connection.execute(
            f"SELECT rowid, {_RANK} FROM search WHERE search MATCH ? ORDER BY 2 LIMIT ? OFFSET ?",
            [query.match, limit, offset],
        ).fetchall()
        return _hits(store, _with_snippets(store, query, page)), int(total.fetchone()[0])
    allowed = {
        row[0]
        for row in connection.execute(f"SELECT a.id FROM articles a WHERE {filtered}", parameters)
    }
    few = f" AND rowid IN ({', '.join('?' * len(allowed))})" if len(allowed) <= FEW_ARTICLES else ""
    matching = connection.execute(
        f"SELECT rowid, {_RANK} FROM search WHERE search MATCH ?{few} ORDER BY 2",
        [query.match, *(sorted(allowed) if few else ())],
    )
    found = [row for row in matching if row[0] in allowed]
    page = found[offset : offset + limit]
    return _hits(store, _with_snippets(store, query, page)), len(found)


def _with_snippets(
    store: Store, query: Query, ranked: list[tuple[int, float]]
) -> list[tuple[int, float, str]]:
    """Each ranked article with its snippet: asked for one by one, which lets the index go
    straight to the article rather than through every match."""
    found = []
    for article, score in ranked:
        row = store.connection.execute(
            "SELECT snippet(search, 1, ?, ?, '…', 24) FROM search "
            "WHERE search MATCH ? AND rowid = ?",
            [MARK_START, MARK_END, query.match, article],
        ).fetchone()
        found.append((article, score, row[0] if row else ""))
    return found


_RANK = f"bm25(search, {TITLE_WEIGHT}, 1.0)"


def _hits(store: Store, rows: list[tuple[int, float, str]]) -> list[Hit]:
    """Hits for (article id, score, snippet) rows, in their order."""
    ids = [row[0] for row in rows]
    marks = ", ".join("?" * len(ids))
    articles = {
        row[0]: row[1:]
        for row in store.connection.execute(
            "SELECT id, path, title, date_earliest, date_latest FROM articles "
            f"WHERE id IN ({marks})",
            ids,
        )
    }
    hits = []
    for article_id, score, snippet in rows:
        path, title, earliest, latest = articles[article_id]
        when = earliest if earliest == latest else (f"{earliest}/{latest}" if earliest else None)
        hits.append(Hit(path, title, when, round(-float(score), 3), snippet))
    return hits


def _filters(
    briefing: Briefing, store: Store, query: Query
) -> tuple[list[str], list[object], str | None]:
    """SQL conditions for the filters; the value of a filter that names nobody, if one does."""
    conditions: list[str] = []
    parameters: list[object] = []
    for name, value in query.filters:
        if name in ("person", "venue"):
            refs = _people(briefing, value) if name == "person" else _venues(briefing, value)
            if not refs:
                return conditions, parameters, value
            marks = ", ".join("?" * len(refs))
            conditions.append(
                f"a.id IN (SELECT article FROM refs WHERE kind = ? AND ref IN ({marks}))"
            )
            parameters.extend([name, *refs])
        elif name == "outlet":
            conditions.append("a.outlet LIKE ?")
            parameters.append(f"%{value}%")
        else:
            start, end = _period(name, value)
            if name in ("date", "after"):
                conditions.append("a.date_latest >= ?")
                parameters.append(start.isoformat())
            if name in ("date", "before"):
                conditions.append("a.date_earliest <= ?")
                parameters.append(end.isoformat())
    return conditions, parameters, None


def _period(name: str, value: str) -> tuple[date, date]:
    try:
        day = PartialDate.parse(value)
        return day.first(), day.last()
    except ValueError:
        raise QueryError(
            f"'{name}:{value}' is not a date; write it as 2025, 2025-06 or 2025-06-02"
        ) from None


def _people(briefing: Briefing, value: str) -> list[str]:
    """The people a filter names: by any spelling of their name, or its last words (a surname)."""
    return sorted(_name_index(briefing)[0].get(fold(value), ()))


def _venues(briefing: Briefing, value: str) -> list[str]:
    """The venues a filter names, by any spelling, with every venue that lies in them."""
    named = _name_index(briefing)[1].get(fold(value), ())
    return sorted({inside for venue_id in named for inside in briefing.places_within(venue_id)})


@functools.lru_cache(maxsize=4)
def _name_index(briefing: Briefing) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """Folded names, and the last words of people's names, to the ids they name."""
    people: dict[str, set[str]] = {}
    for person in briefing.people:
        for form in (person.name, *person.aliases):
            words = fold(form).split()
            for start in range(len(words)):
                people.setdefault(" ".join(words[start:]), set()).add(person.id)
    venues: dict[str, set[str]] = {}
    for venue in briefing.venues:
        for form in (venue.name, *venue.aliases):
            venues.setdefault(fold(form), set()).add(venue.id)
    return people, venues


# -- suggestions ----------------------------------------------------------------------------------


def _suggest(briefing: Briefing, store: Store, query: Query, unknown: str | None) -> list[str]:
    """The names and words of the corpus nearest those of a query that found nothing."""
    names = _names(briefing)
    suggestions: dict[str, str] = {}  # by folded form: "Zelensky" and "zelensky" are one
    for word in ([unknown] if unknown else []) + query.words:
        near = [name for name, score in process.extract(word, names, scorer=fuzz.WRatio, limit=3)
                if score >= SUGGEST_SCORE]  # fmt: skip
        if not unknown:
            near.extend(_near_terms(store, word))
        for suggestion in near:
            if fold(suggestion) != fold(word):
                suggestions.setdefault(fold(suggestion), suggestion)
    return list(suggestions.values())[:6]


@functools.lru_cache(maxsize=4)
def _names(briefing: Briefing) -> list[str]:
    """Every name of the briefing, and people's surnames on their own, to suggest from."""
    forms = {form for venue in briefing.venues for form in (venue.name, *venue.aliases)}
    for person in briefing.people:
        for form in (person.name, *person.aliases):
            forms.update((form, form.split()[-1]))
    return sorted(forms)


def _near_terms(store: Store, word: str) -> list[str]:
    folded = fold(word).strip("*")
    if len(folded) < 3:
        return []
    rows = store.connection.execute(
        "SELECT term FROM search_vocab "
        "WHERE term >= ? AND term < ? AND length(term) BETWEEN ? AND ?",
        (folded[0], folded[0] + "\uffff", len(folded) - 2, len(folded) + 2),
    )
    terms = [row[0] for row in rows]
    return [
        term
        for term, score in process.extract(folded, terms, scorer=fuzz.ratio, limit=2)
        if score >= 80 and term != folded
    ]
