"""The briefing as plain records (dicts, lists, strings, numbers): what `--json` prints.

These shapes are a contract with scripts: keys are only ever added, never renamed or removed.
"""

from __future__ import annotations

from typing import Any

from briefing.disagreements import disagreements
from briefing.model import Article, Briefing, Event, Mention, Organisation, Person, Venue
from briefing.search import Results, snippet_parts
from briefing.visits import Change

Record = dict[str, Any]


def mention_record(briefing: Briefing, mention: Mention) -> Record:
    """A sentence that mentions something: its article, its text and where it stands in the text."""
    return {
        "article": mention.article,
        "text": briefing.text_of(mention),
        "start": mention.sentence.start,
        "end": mention.sentence.end,
        "words": {
            "text": mention.span.of(briefing.text(mention.article)),
            "start": mention.span.start,
            "end": mention.span.end,
        },
        "dated": mention.dated,  # false: it tells of the event without a date ("words" say what)
    }


def event_record(briefing: Briefing, event: Event, mentions: list[Mention] | None = None) -> Record:
    if mentions is None:
        mentions = briefing.mentions_of("event", event.id)
    return {
        "id": event.id,
        "date": event.when.start.iso(),
        "end": event.when.end.iso() if event.when.end else None,
        "time": event.when.time,
        "timezone": event.when.timezone,
        "title": event.title,
        "people": [briefing.person[person].name for person in event.people],
        "venues": [briefing.venue[venue].name for venue in event.venues],
        "sources": event.sources,
        "articles": event.article_count,
        "background": event.id in briefing.background_ids,
        "disagreements": [
            {
                "what": disagreement.what,
                "values": [
                    {"value": value.value, "articles": list(value.articles)}
                    for value in disagreement.values
                ],
            }
            for disagreement in disagreements(briefing, event, mentions)
        ],
        "mentions": [mention_record(briefing, mention) for mention in mentions],
    }


def person_record(briefing: Briefing, person: Person) -> Record:
    return {
        "id": person.id,
        "name": person.name,
        "aliases": list(person.aliases),
        "roles": list(person.roles),
        "articles": briefing.articles_of("person", person.id),
        "mentions": person.mention_count,
        "events": [event.id for event in briefing.events_of_person(person.id)],
    }


def venue_record(briefing: Briefing, venue: Venue) -> Record:
    return {
        "id": venue.id,
        "name": venue.name,
        "aliases": list(venue.aliases),
        "kind": venue.kind,
        "within": briefing.venue[venue.within].name if venue.within in briefing.venue else None,
        "articles": briefing.articles_of("venue", venue.id),
        "mentions": venue.mention_count,
        "events": [event.id for event in briefing.events_of_venue(venue.id)],
    }


def organisation_record(briefing: Briefing, organisation: Organisation) -> Record:
    return {
        "id": organisation.id,
        "name": organisation.name,
        "aliases": list(organisation.aliases),
        "kind": organisation.kind,
        "articles": briefing.articles_of("organisation", organisation.id),
        "mentions": organisation.mention_count,
    }


def article_record(article: Article) -> Record:
    return {
        "path": article.path,
        "title": article.title,
        "date": article.date.iso(),
        "date_source": article.date.source.value,
        "date_how": article.date.how,
        "date_earliest": article.date.earliest.isoformat() if article.date.earliest else None,
        "date_latest": article.date.latest.isoformat() if article.date.latest else None,
        "outlet": article.outlet,
        "url": article.url,
        "author": article.author,
    }


def timeline(briefing: Briefing, changes: dict[str, Change] | None = None) -> Record:
    """Every event, those well before the story marked `"background"` (a script chooses; the
    table leaves them out unless asked); with `changes` (since the last visit), each event's
    change or None."""
    mentions = briefing.all_mentions("event")
    listed = []
    for event in briefing.events:
        record = event_record(briefing, event, mentions.get(event.id, []))
        if changes is not None:
            record["change"] = _change(changes.get(event.id))
        listed.append(record)
    story_start = briefing.story_start.isoformat() if briefing.story_start else None
    return {"story_start": story_start, "events": listed}


def changes(briefing: Briefing, since: str | None, changes: dict[str, Change]) -> Record:
    """The events new or changed since the last visit (`since`: when it was, or None)."""
    events = [event for event in briefing.events if event.id in changes]
    return {
        "last_visit": since,
        "events": [
            {**event_record(briefing, event, []), "change": _change(changes[event.id])}
            for event in events
        ],
    }


def _change(change: Change | None) -> Record | None:
    return None if change is None else {"how": change.how, "what": change.what}


def people(briefing: Briefing) -> Record:
    return {"people": [person_record(briefing, person) for person in briefing.people]}


def venues(briefing: Briefing) -> Record:
    return {"venues": [venue_record(briefing, venue) for venue in briefing.venues]}


def organisations(briefing: Briefing) -> Record:
    return {
        "organisations": [
            organisation_record(briefing, organisation) for organisation in briefing.organisations
        ]
    }


def articles(briefing: Briefing) -> Record:
    return {
        "articles": [article_record(article) for article in briefing.articles],
        "skipped": [{"path": skip.path, "reason": skip.reason} for skip in briefing.skipped],
    }


def article_with_marks(briefing: Briefing, path: str) -> Record:
    article = briefing.article[path]
    text = briefing.text(path)
    names = {
        "event": lambda ref: briefing.event[ref].title,
        "person": lambda ref: briefing.person[ref].name,
        "venue": lambda ref: briefing.venue[ref].name,
        "organisation": lambda ref: briefing.organisation[ref].name,
    }
    return {
        **article_record(article),
        "text": text,
        "mentions": [
            {
                "kind": mark.kind,
                "id": mark.ref,
                "name": names[mark.kind](mark.ref),
                "text": mark.span.of(text),
                "start": mark.span.start,
                "end": mark.span.end,
            }
            for mark in briefing.marks_in(path)
        ],
        "times": [
            {
                "text": text[timex.start : timex.end],
                "start": timex.start,
                "end": timex.end,
                "type": timex.type,
                "value": timex.value,
                **({"flag": timex.flag} if timex.flag else {}),
            }
            for timex in briefing.times_in(path)
        ],
    }


def search_results(results: Results) -> Record:
    """A search's answer; in each snippet the words found stand between `**`, as in Markdown."""
    return {
        "query": results.query,
        "total": results.total,
        "took_ms": results.took_ms,
        "hits": [
            {
                "article": hit.article,
                "title": hit.title,
                "date": hit.date,
                "score": hit.score,
                "snippet": "".join(
                    f"**{piece}**" if found else piece
                    for piece, found in snippet_parts(hit.snippet)
                ),
            }
            for hit in results.hits
        ],
        "suggestions": results.suggestions,
    }
