"""Write N synthetic news articles in the style of real ones, for the speed benchmark.

    python benchmarks/generate.py 10000 benchmarks/out/corpus-10k

Stories run over weeks with a cast and places of their own. Each article reports some of its
story's events, in the many forms real pages use ("on Monday", "16 May", "May 26-27", "the 2nd of
June", "next week", ISO dates), with page clutter, repeated leads, spelling variants, syndicated
copies and the usual mix of files (mostly .txt, some .md, .jsonl, .json and .html). Given names are
real (the engine knows them); surnames, sites and outlets are invented. The same seed writes the
same corpus.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

GIVEN = """Anna Maria Olga Elena Sofia Irina Nadia Laura Sarah Emma Julia Clara Amira Leila Yasmin
Fatima Aisha Mei Yuki Priya Ana Lucia Ingrid Greta Hanna Ewa Marta Daniel David Michael Peter Paul
John James Robert Thomas Martin Pavel Ivan Sergei Dmitry Andrei Oleg Viktor Mykola Taras Stefan
Lukas Jonas Ahmed Omar Karim Hassan Mehmet Emre Kenji Hiroshi Arjun Rahul Carlos Diego Pedro Luis
Marco Paolo Jean Pierre Louis Henri Erik Lars Nils Jan Tomasz Piotr""".split()
SYLLABLES = (
    "ka lo ven mir dor tash ul ber nik sov rad pel mon vos tri gan hel zar bru kov len dan".split()
)
ROLES = ["Foreign Minister", "Defence Minister", "Prime Minister", "President", "spokesperson",
         "presidential aide", "envoy", "Interior Minister", "opposition leader", "mayor",
         "chief negotiator", "central bank governor"]  # fmt: skip
COUNTRIES = ["Russia", "Ukraine", "Turkey", "Poland", "Germany", "France", "Egypt", "Qatar", "Brazil",
             "India", "Japan", "Kenya", "Mexico", "Canada", "Norway", "Spain", "Italy", "Greece"]  # fmt: skip
CITIES = ["Istanbul", "Moscow", "Kyiv", "Warsaw", "Berlin", "Paris", "Cairo", "Doha", "Brasilia",
          "Delhi", "Tokyo", "Nairobi", "Geneva", "Vienna", "Oslo", "Madrid", "Rome", "Athens",
          "Ankara", "Lviv", "Kharkiv", "Odesa", "Gdansk", "Munich", "Lyon", "Alexandria", "Osaka"]  # fmt: skip
VARIANTS = {
    "Kyiv": ["Kiev", "kyiv"],
    "Turkey": ["Türkiye"],
    "Odesa": ["Odessa"],
    "Kharkiv": ["Kharkov"],
}
SITES = ["Palace", "Hall", "Airport", "Stadium", "Square", "Centre"]
KINDS = [
    ("talks", "held talks with"), ("meeting", "met"), ("summit", "attended a summit with"),
    ("visit", "visited"), ("call", "spoke by phone with"), ("exchange", "agreed an exchange with"),
]  # fmt: skip
WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
MONTHS = (
    "January February March April May June July August September October November December".split()
)
CLUTTER = [
    "Read us on Telegram!", "Did you find a mistake? Highlight it and press Ctrl+Enter",
    "Share: Facebook | X | Telegram", "Comments (4)", "Advertisement", "• 12 480 views",
    "All rights reserved. © 2009 — 2025", "USD 41.52 ▲ EUR 47.10 ▼",
]  # fmt: skip
SUBJECTS = [
    "Analysts",
    "Officials on both sides",
    "The delegations",
    "Diplomats",
    "Observers",
    "Negotiators",
    "Local residents",
    "Aid workers",
    "Opposition figures",
    "Business groups",
    "Military officers",
    "Independent monitors",
    "Several lawmakers",
    "Senior advisers",
]
VERBS = [
    "said",
    "warned",
    "noted",
    "argued",
    "suggested",
    "cautioned",
    "insisted",
    "believed",
    "told reporters",
    "wrote in a statement",
]
CLAIMS = [
    "the outcome would depend on what both sides were ready to give up",
    "three years of conflict had hardened positions on every side",
    "a large-scale exchange in the format of 1000 for 1000 remained the only concrete result",
    "more than 4,300 kilometres of front line made any ceasefire hard to monitor",
    "the agenda had not been published and the statements were kept short",
    "the mood in the room was cautious but businesslike",
    "any agreement would need approval by parliament within 30 days",
    "the price of grain had risen by 12 per cent since the last round",
    "the next steps would be discussed at expert level",
    "a second round was possible but far from certain",
    "the humanitarian questions should come first",
    "the two teams had exchanged written proposals",
    "security around the venue had been tightened overnight",
    "the memorandum left several key questions open",
]
QUALIFIERS = ["", " on condition of anonymity", " in a briefing", " after the session", " privately",
              " in an interview", " at a news conference"]  # fmt: skip


def filler(rng: random.Random) -> str:
    return f"{rng.choice(SUBJECTS)}{rng.choice(QUALIFIERS)} {rng.choice(VERBS)} that {rng.choice(CLAIMS)}."


@dataclass
class Person:
    given: str
    surname: str
    role: str
    country: str

    @property
    def name(self) -> str:
        return f"{self.given} {self.surname}"


@dataclass
class Event:
    day: date
    kind: str
    verb: str
    who: tuple[Person, Person]
    city: str
    site: str
    end: date | None = None


@dataclass
class Story:
    number: int
    cast: list[Person]
    events: list[Event] = field(default_factory=list)
    outlets: list[str] = field(default_factory=list)


def invented(rng: random.Random, parts: int = 2) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(parts)).capitalize()


def make_story(rng: random.Random, number: int, start: date) -> Story:
    cast = [
        Person(
            rng.choice(GIVEN),
            invented(rng, rng.choice((2, 3))),
            rng.choice(ROLES),
            rng.choice(COUNTRIES),
        )
        for _ in range(rng.randint(6, 12))
    ]
    story = Story(
        number,
        cast,
        outlets=[
            f"{invented(rng)} {rng.choice(['News', 'Herald', 'Wire', 'Post'])}" for _ in range(4)
        ],
    )
    day = start
    for _ in range(rng.randint(8, 16)):
        day += timedelta(days=rng.randint(1, 6))
        kind, verb = rng.choice(KINDS)
        city = rng.choice(CITIES)
        site = f"{invented(rng)} {rng.choice(SITES)}"
        end = day + timedelta(days=rng.randint(1, 2)) if rng.random() < 0.15 else None
        story.events.append(Event(day, kind, verb, tuple(rng.sample(cast, 2)), city, site, end))  # type: ignore[arg-type]
    return story


def spelled(rng: random.Random, place: str) -> str:
    return rng.choice(VARIANTS[place]) if place in VARIANTS and rng.random() < 0.3 else place


def date_phrase(rng: random.Random, event: Event, written: date) -> str:
    """The event's date in one of the forms real articles use, relative to the article's date."""
    day = event.day
    if event.end is not None:
        return rng.choice([
            f"on {MONTHS[day.month - 1]} {day.day}-{event.end.day}" if day.month == event.end.month else f"from {day.day} {MONTHS[day.month - 1]} to {event.end.day} {MONTHS[event.end.month - 1]}",
            f"from {MONTHS[day.month - 1]} {day.day} to {event.end.day}" if day.month == event.end.month else f"on {day.isoformat()}",
        ])  # fmt: skip
    gap = (day - written).days
    forms = [f"on {MONTHS[day.month - 1]} {day.day}", f"on {day.day} {MONTHS[day.month - 1]}",
             f"on {MONTHS[day.month - 1]} {day.day}, {day.year}"]  # fmt: skip
    if day.day in (1, 2, 3):
        forms.append(
            f"on the {day.day}{['st', 'nd', 'rd'][day.day - 1]} of {MONTHS[day.month - 1]}"
        )
    if 0 < abs(gap) <= 2:
        forms.append(f"on {WEEKDAYS[day.weekday()]}")
    if gap == 0:
        forms.append("today")
    return rng.choice(forms)


def sentence(rng: random.Random, event: Event, written: date) -> str:
    a, b = event.who
    when = date_phrase(rng, event, written)
    future = event.day > written
    verb = {"held talks with": "will hold talks with", "met": "will meet", "visited": "will visit",
            "attended a summit with": "will attend a summit with", "spoke by phone with": "will speak with",
            "agreed an exchange with": "will agree an exchange with"}[event.verb] if future else event.verb  # fmt: skip
    city = spelled(rng, event.city)
    templates = [
        f"{a.role.capitalize() if a.role[0].islower() else a.role} {a.name} {verb} {b.name} in {city} {when}.",
        f"{when[0].upper() + when[1:]}, {a.name}, {a.country}'s {a.role.lower()}, {verb} {b.name} at the {event.site} in {city}.",
        f"The {event.kind} between {a.surname} and {b.surname} {'is due to take place' if future else 'took place'} at {city}'s {event.site} {when}, officials said.",
        f"{a.surname} {'said he would travel' if future else 'travelled'} to {city} {when}, according to {b.given} {b.surname}'s office.",
    ]  # fmt: skip
    return rng.choice(templates)


def article_body(rng: random.Random, story: Story, written: date) -> tuple[str, list[str]]:
    events = [
        event for event in story.events if abs((event.day - written).days) <= 30
    ] or story.events[:3]
    picked = rng.sample(events, min(len(events), rng.randint(3, 7)))
    paragraphs = []
    for event in sorted(picked, key=lambda e: e.day):
        lines = [sentence(rng, event, written)]
        lines += [filler(rng), filler(rng)]
        if rng.random() < 0.5:
            person = rng.choice(story.cast)
            lines.append(
                f'"We remain ready to talk," {person.surname} told reporters in {spelled(rng, rng.choice(CITIES))}.'
            )
        paragraphs.append(" ".join(lines))
    if rng.random() < 0.3:
        paragraphs.append(
            "Background: the previous round in February 2022 ended without agreement, after three years of talks about talks."
        )
    while sum(len(p) for p in paragraphs) < rng.randint(2800, 4200):
        paragraphs.append(" ".join(filler(rng) for _ in range(4)))
    title = f"{picked[0].who[0].surname} and {picked[0].who[1].surname}: {picked[0].kind} in {picked[0].city}"
    if rng.random() < 0.15:
        paragraphs.insert(1, paragraphs[0])  # a page that repeats its lead
    return title, paragraphs


def render(
    rng: random.Random, title: str, paragraphs: list[str], written: date, outlet: str
) -> tuple[str, str]:
    """(suffix, file text) in one of the formats users' folders hold."""
    clutter = rng.sample(CLUTTER, rng.randint(1, 3))
    roll = rng.random()
    if roll < 0.80:
        head = f" date {written.isoformat()} {title}\n\n" if rng.random() < 0.8 else f"{title}\n\n"
        tail = "\n".join(clutter)
        return ".txt", head + "\n\n".join(paragraphs) + "\n\n" + tail + "\n"
    if roll < 0.92:
        front = f'---\ntitle: "{title}"\ndate: {written.isoformat()}\noutlet: {outlet}\n---\n\n'
        return ".md", front + "\n\n".join(paragraphs) + "\n"
    if roll < 0.99:
        record = {"title": title, "published_at": f"{written.isoformat()}T09:00:00Z", "body": "\n\n".join(paragraphs),
                  "source": outlet, "url": f"https://example.org/{rng.getrandbits(40):x}"}  # fmt: skip
        return ".json", json.dumps(record, ensure_ascii=False)
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    page = (f"<html><head><title>{title}</title><meta property='article:published_time' content='{written.isoformat()}'>"
            f"<meta property='og:site_name' content='{outlet}'></head><body><nav>Home | World</nav>"
            f"<article><h1>{title}</h1>{body}</article><footer>© 2025 {outlet}</footer></body></html>")  # fmt: skip
    return ".html", page


def generate(count: int, folder: Path, seed: int = 7) -> None:
    rng = random.Random(seed)
    stories = [
        make_story(rng, number, date(2025, 1, 1) + timedelta(days=rng.randint(0, 300)))
        for number in range(max(5, count // 40))
    ]
    folder.mkdir(parents=True, exist_ok=True)
    written_count = 0
    last: tuple[str, str] | None = None
    while written_count < count:
        story = rng.choice(stories)
        if last is not None and rng.random() < 0.05:
            suffix, text = last  # a syndicated copy: the same story under another outlet's header
            text = text.replace(
                "\n\n",
                f"\n\nThis article was first published by {rng.choice(story.outlets)}.\n\n",
                1,
            )
        else:
            written = rng.choice(story.events).day + timedelta(days=rng.randint(-3, 3))
            title, paragraphs = article_body(rng, story, written)
            suffix, text = render(rng, title, paragraphs, written, rng.choice(story.outlets))
            last = (suffix, text)
        path = folder / f"{written_count // 1000:03d}" / f"article-{written_count:06d}{suffix}"
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written_count += 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("count", type=int)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    generate(args.count, args.folder, args.seed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
