"""Scoring against gold made article by article: what each article names and dates.

The format is that of `../shared/eval` (MEANTIME, converted by others) and of the stories this
project annotates by hand: `people`, `places` and, where annotated, `organisations` map each
canonical name to every form the texts use; `articles` says, per file, which of them it names
(`people`, `places`, `organisations`, each with an `_optional` list) and the dates of what it
reports (`dates`, `dates_optional`: `YYYY-MM-DD`, `YYYY-MM`, a range `start/end`).

An engine entry counts for an article when it cites the article and one of its forms matches a
gold form (case, accents, a possessive and punctuation at the ends aside). A gold entry of the
article that no such entry matches is missed; an engine entry that matches nothing the article
lists (nor anything optional) is a false find. An event date counts for each article its
mentions cite; a gold range is met by its start, its end or the range. A date that meets no gold
date, nor an optional one, is a false date: the worst error a briefing can make.

One happening told at two precisions is one date, "refined": an "earlier this month" that the
engine found to be the day other articles give it (a day inside the gold's month, year or week),
or a day of a happening that lasts, cited with the span it lies in (the last day of a three-day
exchange, in the event of the three days). Refined dates are counted apart, never as false.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from briefing.model import Briefing, DateSpan

_ENDS = " \t\r\n\u00a0\"'“”‘’«».,;:!?()[]{}•–—-*"


def norm(name: str) -> str:
    name = "".join(
        c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)
    ).strip(_ENDS)
    name = re.sub(r"(['’]s|['’])$", "", name).strip(_ENDS)
    name = re.sub(r"^the\s+", "", name, flags=re.IGNORECASE)  # "The Washington Post": one name
    return re.sub(r"\s+", " ", name).casefold()


@dataclass
class Tally:
    found: int = 0
    false: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    refined: list[str] = field(default_factory=list)  # found, at another precision

    @property
    def precision(self) -> float:
        total = self.found + len(self.false)
        return self.found / total if total else 1.0

    @property
    def recall(self) -> float:
        total = self.found + len(self.missed)
        return self.found / total if total else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def line(self) -> str:
        return f"P {self.precision:.3f}  R {self.recall:.3f}  F1 {self.f1:.3f}"

    def add(self, other: Tally) -> None:
        self.found += other.found
        self.false += other.false
        self.missed += other.missed


def _name(path: str) -> str:
    return Path(path.split("#", 1)[0]).name


def score_kind(
    gold: dict[str, Any],
    kind: str,
    engine: Iterable[tuple[str, tuple[str, ...], list[str]]],
) -> Tally:
    """`engine`: (name, aliases, articles cited) of every entity the briefing lists."""
    forms: dict[str, str] = {}
    for canonical, aliases in gold[kind].items():
        for form in (canonical, *aliases):
            forms[norm(form)] = canonical
    optional_anywhere = {norm(form) for form in gold.get(f"{kind}_optional", [])}
    cited: dict[str, list[tuple[str, set[str], bool]]] = {}
    for name, aliases, articles in engine:
        matched = {forms[norm(form)] for form in (name, *aliases) if norm(form) in forms}
        optional = any(norm(form) in optional_anywhere for form in (name, *aliases))
        for article in {_name(path) for path in articles}:
            cited.setdefault(article, []).append((name, matched, optional))
    tally = Tally()
    for article, wanted in gold["articles"].items():
        listed = set(wanted.get(kind, []))
        allowed = listed | set(wanted.get(f"{kind}_optional", []))
        found: set[str] = set()
        for name, matched, optional in cited.get(article, []):
            if matched & listed:
                found |= matched & listed
            elif not (optional or matched & allowed):
                tally.false.append(f"{article}: {name}")
        tally.found += len(found)
        tally.missed += [f"{article}: {name}" for name in sorted(listed - found)]
    return tally


def _meets(value: str, golds: Iterable[str]) -> bool:
    for gold in golds:
        if value == gold:
            return True
        if "/" in gold:
            start, end = gold.split("/")
            if value in (start, end) or (
                "/" in value and (value.split("/")[0] == start or value.split("/")[1] == end)
            ):
                return True
    return False


SHORT_SPAN = 4  # days: a span this short is one happening that lasts; a longer one is vague


def _days(iso: str) -> tuple[date, date]:
    span = DateSpan.parse(iso)
    return span.start.first(), (span.end or span.start).last()


def refines(value: str, gold: str) -> bool:
    """Whether an engine date and a gold date tell one happening at two precisions."""
    (v0, v1), (g0, g1) = _days(value), _days(gold)
    if (g1 - g0).days >= SHORT_SPAN and g0 <= v0 and v1 <= g1 and (v1 - v0).days < SHORT_SPAN:
        return True  # the day of a month, a year or a week
    return "/" in value and (v1 - v0).days < SHORT_SPAN and v0 <= g0 and g1 <= v1


def score_dates(gold: dict[str, Any], briefing: Briefing) -> Tally:
    cited: dict[str, set[str]] = {}
    mentions = briefing.all_mentions("event")
    for event in briefing.events:
        for mention in mentions.get(event.id, []):
            if not mention.dated:
                continue  # told of without a date: no date to score
            cited.setdefault(_name(mention.article), set()).add(event.when.iso())
    tally = Tally()
    for article, wanted in gold["articles"].items():
        golds = set(wanted.get("dates", []))
        optional = set(wanted.get("dates_optional", []))
        met: set[str] = set()
        for value in sorted(cited.get(article, ())):
            hit = {gold for gold in golds if _meets(value, [gold])}
            refined = {gold for gold in golds if refines(value, gold)}
            if hit:
                met |= hit
                tally.found += 1
            elif refined:
                met |= refined
                tally.found += 1
                tally.refined.append(f"{article}: {value} for {', '.join(sorted(refined))}")
            elif not (
                _meets(value, optional)
                or value[:7] in optional
                or value[:4] in optional
                or any(refines(value, option) for option in optional)  # "last week": its day
            ):
                tally.false.append(f"{article}: {value}")
        tally.missed += [f"{article}: {value}" for value in sorted(golds - met)]
    return tally


def in_corpus(gold: dict[str, Any], briefing: Briefing) -> dict[str, Any]:
    """The gold of the articles the corpus holds: a page no longer to be had (the texts are
    gathered again on a new machine) is neither found nor missed."""
    held = {article.path for article in briefing.articles} | {s.path for s in briefing.skipped}
    articles = {name: facts for name, facts in gold["articles"].items() if name in held}
    events = [
        {**entry, "articles": [name for name in entry["articles"] if name in held]}
        for entry in gold.get("events", [])
    ]
    return {**gold, "articles": articles, "events": events}


def evaluate(gold: dict[str, Any], briefing: Briefing) -> dict[str, Tally | None]:
    """People, places, organisations (None where the gold has none) and event dates."""
    gold = in_corpus(gold, briefing)
    results: dict[str, Tally | None] = {
        "people": score_kind(
            gold,
            "people",
            [(p.name, p.aliases, briefing.articles_of("person", p.id)) for p in briefing.people],
        ),
        "venues": score_kind(
            gold,
            "places",
            [(v.name, v.aliases, briefing.articles_of("venue", v.id)) for v in briefing.venues],
        ),
        "organisations": None,
        "dates": score_dates(gold, briefing),
    }
    if "organisations" in gold:
        results["organisations"] = score_kind(
            gold,
            "organisations",
            [
                (o.name, o.aliases, briefing.articles_of("organisation", o.id))
                for o in briefing.organisations
            ],
        )
    return results
