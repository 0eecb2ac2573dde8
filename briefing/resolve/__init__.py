"""Across the corpus: one person per human, one venue per place, dated mentions made events.

Resolution reads every article's facts together; it is the only step that needs the whole corpus.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from briefing.corpus import Corpus
from briefing.model import ArticleFacts, Briefing
from briefing.resolve.anchors import anchor_articles
from briefing.resolve.entities import resolve_people, resolve_venues
from briefing.resolve.events import build_events
from briefing.resolve.syndication import source_groups


def resolve_briefing(corpus: Corpus, facts: Mapping[str, ArticleFacts]) -> Briefing:
    """The briefing of a corpus, from each article's extracted facts."""
    anchored = anchor_articles(corpus.articles, facts)
    articles = tuple(
        replace(article, date=anchored[article.path].date) for article in corpus.articles
    )
    texts = {article.path: article.text for article in articles}
    people = resolve_people(facts)
    venues = resolve_venues(facts)
    events = build_events(facts, texts, anchored, people, venues, source_groups(articles))
    return Briefing(
        root=corpus.root,
        articles=articles,
        skipped=corpus.skipped,
        events=tuple(events),
        people=tuple(people),
        venues=tuple(venues),
    )
