"""Can a person who has not read the articles read the timeline? Titles, corroboration, merging.

    python benchmarks/timeline.py                       seeds, sample corpus, every gold corpus here
    python benchmarks/timeline.py DIR [--gold GOLD] -v  one corpus, listing each failing title

For each corpus:
- headlines: the share of event titles that are whole headlines: at most 14 words, not clipped
  (no "…", not ending on a function word), not opening on a pronoun, a conjunction, a
  subordinating word or lower case, quotes balanced, and not a byline, dateline or caption;
- corroboration (with a gold file's events): of the gold events several articles report, the share
  of their articles that the engine's event for it cites (the event on an overlapping date citing
  most of them);
- shared: pairs of gold happenings of one day that the engine put in one event (the engine's
  event for a happening: one citing most of its articles; of several citing as many, the one whose
  title says most of what the gold says happened).

The judge here is written apart from the engine's own title rules, so that it can disagree.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from itertools import combinations
from pathlib import Path
from typing import Any

from per_article import in_corpus

from briefing.engine import open_briefing
from briefing.model import Briefing, DateSpan, Event

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
HEADLINE_WORDS = 14

_OPENERS = {
    # pronouns: a person the reader cannot know
    "he", "she", "they", "it", "its", "his", "her", "their", "them", "this", "that", "these",
    "those", "we", "i", "you", "there", "who", "which", "what",
    # conjunctions and subordinating words: a clause that hangs on another
    "and", "but", "or", "so", "yet", "nor", "while", "as", "after", "before", "when", "since",
    "because", "although", "though", "if", "until", "once", "whether", "where", "despite",
    "following", "amid", "with", "immediately", "also", "meanwhile", "however", "said", "says",
    # a verb with no subject
    "did", "does", "do", "is", "was", "were", "are", "has", "had", "have", "will", "would",
}  # fmt: skip
_DANGLING = {
    "a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "from", "with", "and", "or",
    "but", "that", "which", "who", "as", "than", "its", "their", "his", "her", "is", "was",
    "were", "are", "be", "has", "have", "had", "will", "would", "said", "says", "announced",
    "confirmed", "told", "stated",
}  # fmt: skip
_FURNITURE = re.compile(
    r"^(?:by\s+[A-Z]|published|updated|posted|photo|image|file photo|credit|copyright|©|"
    r"\(?[A-Z][a-z]+\s+\d{1,2}\)?\s*(?:AP|AFP|Reuters)\b)",
    re.IGNORECASE,
)
_OPEN_ASIDE = re.compile(r",\s(?:who|which|whose|where)\s[^,]*$")  # "Trump, who had a call"
_WORD = re.compile(r"[\w’'-]+")


def headline_fault(title: str) -> str | None:
    """Why a title is not a whole headline, or None when it is one."""
    words = _WORD.findall(title)
    if not words:
        return "empty"
    if len(title.split()) > HEADLINE_WORDS:
        return "long"
    if "…" in title or title.endswith("..."):
        return "clipped"
    if _FURNITURE.match(title):
        return "furniture"
    first, last = words[0], words[-1]
    if first[:1].islower():
        return "lower case"
    if first.lower() in _OPENERS:
        return f"opens on {first!r}"
    if last.lower() in _DANGLING:
        return f"ends on {last!r}"
    if (
        title.count('"') % 2
        or title.count("“") != title.count("”")
        or title.count("(") != title.count(")")
    ):
        return "unbalanced"
    if len(words) < 4:
        return "too short"
    if _OPEN_ASIDE.search(title):
        return "open aside"
    return None


def _overlap(a: DateSpan, b: DateSpan) -> bool:
    return (
        a.start.first() <= (b.end or b.start).last()
        and b.start.first() <= (a.end or a.start).last()
    )


def _best_event(briefing: Briefing, entry: dict[str, Any]) -> tuple[Event | None, int]:
    """The engine's event for a gold one: on an overlapping date, citing most of its articles;
    of those citing as many, the one on its very date, then the one whose title shares most
    words with what the gold says happened."""
    wanted = set(entry["articles"])
    gold_when = DateSpan.parse(entry["date"])
    said = {word.lower() for word in _WORD.findall(entry["what"]) if len(word) > 3}
    best: tuple[tuple[int, bool, int], Event | None] = ((0, False, 0), None)
    for event in briefing.events:
        if not _overlap(event.when, gold_when):
            continue
        cited = len(wanted & set(briefing.articles_of("event", event.id)))
        exact = event.when.iso() == entry["date"]
        shared = len(said & {word.lower() for word in _WORD.findall(event.title)})
        if (cited, exact, shared) > best[0]:
            best = ((cited, exact, shared), event)
    return best[1], best[0][0]


def measure(root: Path, gold: dict[str, Any] | None, verbose: bool) -> dict[str, Any]:
    briefing = open_briefing(root, cache=False)
    if gold is not None and isinstance(gold.get("articles"), dict):
        gold = in_corpus(gold, briefing)
    faults = {event.title: headline_fault(event.title) for event in briefing.events}
    result: dict[str, Any] = {
        "corpus": str(root),
        "events": len(briefing.events),
        "headlines": sum(fault is None for fault in faults.values()) / max(1, len(faults)),
        "furniture": sum(fault == "furniture" for fault in faults.values()),
    }
    if verbose:
        for title, fault in sorted(faults.items()):
            if fault:
                print(f"    {fault:>16}: {title}")
    events = [entry for entry in (gold or {}).get("events", []) if not entry.get("background")]
    several = [entry for entry in events if len(entry["articles"]) > 1]
    if several:
        cited = wanted = 0
        for entry in several:
            _, found = _best_event(briefing, entry)
            cited, wanted = cited + found, wanted + len(entry["articles"])
            if verbose and found < len(entry["articles"]):
                print(
                    f"    cites {found}/{len(entry['articles'])}: {entry['date']} {entry['what']}"
                )
        result["corroboration"] = cited / wanted
    if events:
        chosen = {
            id(entry): event
            for entry in events
            for event, cited in [_best_event(briefing, entry)]
            if cited
        }
        shared = [  # (an event is the engine's for a happening only if it cites its articles)
            (a["what"], b["what"])
            for a, b in combinations(events, 2)
            if a["date"] == b["date"]
            and (event := chosen.get(id(a))) is not None
            and event is chosen.get(id(b))
            and event.when.iso() == a["date"]
        ]
        result["shared"] = len(shared)
        if verbose:
            for a, b in shared:
                print(f"    one event for: {a!r} and {b!r}")
    return result


def _targets(args: argparse.Namespace) -> list[tuple[Path, dict[str, Any] | None]]:
    if args.corpus:
        gold = json.loads(Path(args.gold).read_text(encoding="utf-8")) if args.gold else None
        return [(Path(args.corpus), gold)]
    found = []
    for path in sorted((HERE / "gold").glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        root = (REPO / gold["corpus"]).resolve()
        if root.is_dir() and any(root.iterdir()):  # a story not gathered here yet is left out
            found.append((root, gold))
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?")
    parser.add_argument("--gold")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    print(
        f"{'corpus':<40} {'events':>6} {'headlines':>9} {'corrob.':>7} {'shared':>6} {'furn.':>5}"
    )
    for root, gold in _targets(args):
        result = measure(root, gold, args.verbose)
        corroboration = result.get("corroboration")
        print(
            f"{Path(result['corpus']).name:<40} {result['events']:>6} {result['headlines']:>9.0%} "
            f"{'-' if corroboration is None else f'{corroboration:.0%}':>7} "
            f"{result.get('shared', '-'):>6} {result['furniture']:>5}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
