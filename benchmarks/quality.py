"""How right is the briefing? People, venues and event dates scored against hand-made gold files.

    python benchmarks/quality.py                      every gold file in benchmarks/gold/
    python benchmarks/quality.py gold/seeds.json -v   one, listing each miss and each wrong date
    python benchmarks/quality.py GOLD --corpus DIR    a gold file for a corpus kept elsewhere

The gold format and the scoring rules are in benchmarks/gold/README.md.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import per_article

from briefing.engine import open_briefing
from briefing.extract.lexicon import fold
from briefing.model import Briefing

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
GOLD_DIR = HERE / "gold"
SHARED_EVAL = REPO.parent / "shared" / "eval"  # news annotated by others, where it is kept


@dataclass
class Score:
    found: int = 0  # engine entries that match a gold entry
    extra: list[str] = field(default_factory=list)  # engine entries that match none
    missed: list[str] = field(default_factory=list)  # gold entries no engine entry matches

    @property
    def precision(self) -> float:
        total = self.found + len(self.extra)
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


def _forms(name: str, aliases: Iterable[str]) -> set[str]:
    return {fold(form) for form in (name, *aliases)}


def score_entities(engine: list[tuple[str, set[str]]], gold: list[dict[str, Any]]) -> Score:
    """One to one: each gold entry goes to the first (most mentioned) engine entry matching it."""
    gold_forms = [
        (entry["name"], _forms(entry["name"], entry.get("aliases", []))) for entry in gold
    ]
    claimed: set[int] = set()
    score = Score()
    for name, forms in engine:
        match = next(
            (i for i, (_, g) in enumerate(gold_forms) if i not in claimed and forms & g), None
        )
        if match is None:
            score.extra.append(name)
        else:
            claimed.add(match)
            score.found += 1
    score.missed = [name for i, (name, _) in enumerate(gold_forms) if i not in claimed]
    return score


@dataclass
class DateScore(Score):
    wrong: list[str] = field(default_factory=list)
    refined: list[str] = field(default_factory=list)  # right, at another precision (per_article)


def _overlaps(a: str, b: str) -> bool:
    a, b = fold(a), fold(b)
    return a in b or b in a


def score_dates(briefing: Briefing, gold: dict[str, list[dict[str, Any]]]) -> DateScore:
    gold_pairs = {(path, entry["date"]) for path, entries in gold.items() for entry in entries
                  if entry["date"] not in (None, "?")}  # fmt: skip
    engine_pairs: set[tuple[str, str]] = set()
    unsure: set[tuple[str, str]] = set()
    score = DateScore()
    mentions = briefing.all_mentions("event")
    for event in briefing.events:
        date = event.when.iso()
        for mention in mentions.get(event.id, []):
            if not mention.dated:
                continue  # told of without a date: no date to score
            words = mention.span.of(briefing.text(mention.article))
            entries = [
                entry for entry in gold.get(mention.article, []) if _overlaps(words, entry["expr"])
            ]
            pair = (mention.article, date)
            if (
                entries
                and all(entry["date"] == "?" for entry in entries)
                and pair not in gold_pairs
            ):
                unsure.add(pair)
            definite = [entry for entry in entries if entry["date"] != "?"]
            refined = [e for e in definite if e["date"] and per_article.refines(date, e["date"])]
            if definite and all(entry["date"] != date for entry in definite) and refined:
                # one happening at another precision: it meets the phrase's own date
                engine_pairs.add((mention.article, refined[0]["date"]))
                score.refined.append(f"{mention.article}: '{words}' dated {date}")
                continue
            engine_pairs.add(pair)
            if definite and all(entry["date"] != date for entry in definite):
                expected = " or ".join(str(entry["date"]) for entry in definite)
                score.wrong.append(
                    f"{mention.article}: '{words}' dated {date}, gold says {expected}"
                )
    engine_pairs -= unsure
    score.found = len(engine_pairs & gold_pairs)
    score.extra = sorted(f"{path}: {date}" for path, date in engine_pairs - gold_pairs)
    score.missed = sorted(f"{path}: {date}" for path, date in gold_pairs - engine_pairs)
    return score


def check_events(briefing: Briefing, gold: list[dict[str, Any]]) -> list[tuple[str, bool, str]]:
    """Each gold event must come out as one event on its date citing at least its articles."""
    results = []
    for entry in gold:
        wanted = set(entry["articles"])
        on_date = [event for event in briefing.events if event.when.iso() == entry["date"]]
        cited = max(
            (len(wanted & set(briefing.articles_of("event", event.id))) for event in on_date),
            default=0,
        )
        results.append(
            (
                f"{entry['date']} {entry['what']}",
                cited == len(wanted),
                f"{cited}/{len(wanted)} articles",
            )
        )
    return results


def evaluate(gold_path: Path, corpus: Path | None = None) -> dict[str, Any]:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    root = corpus or _corpus_of(gold_path, gold)
    if not root.is_dir() or not any(root.iterdir()):
        return {"gold": gold_path.name, "corpus": str(root), "missing": True}
    briefing = open_briefing(root, cache=False)
    if isinstance(gold.get("articles"), dict):
        return _by_article(gold_path, root, gold, briefing)
    people = score_entities(
        [(p.name, _forms(p.name, p.aliases)) for p in briefing.people], gold["people"]
    )
    venues = score_entities(
        [(v.name, _forms(v.name, v.aliases)) for v in briefing.venues], gold["venues"]
    )
    dates = score_dates(briefing, gold["dates"])
    return {
        "gold": gold_path.name,
        "corpus": str(root),
        "people": people,
        "venues": venues,
        "dates": dates,
        "events": check_events(briefing, gold.get("events", [])),
    }


def _corpus_of(gold_path: Path, gold: dict[str, Any]) -> Path:
    """Where a gold file's corpus is: as it says (relative to this repository), or, for the
    sets others annotated, the folder beside it of the same name."""
    if gold_path.name.endswith(".gold.json"):
        return gold_path.with_name(gold_path.name.removesuffix(".gold.json"))
    return (REPO / gold["corpus"]).resolve()


def _by_article(
    gold_path: Path, root: Path, gold: dict[str, Any], briefing: Briefing
) -> dict[str, Any]:
    """Gold made article by article (`per_article`), in the shapes the report prints."""
    found = per_article.evaluate(gold, briefing)

    def score(tally: per_article.Tally | None) -> DateScore | None:
        return (
            None
            if tally is None
            else DateScore(tally.found, tally.false, tally.missed, refined=tally.refined)
        )

    result = {key: score(tally) for key, tally in found.items()}
    dates = result["dates"]
    assert dates is not None
    return {
        "gold": gold_path.name,
        "corpus": str(root),
        **result,
        "dates": DateScore(
            dates.found, dates.extra, dates.missed, wrong=dates.extra, refined=dates.refined
        ),
        "events": [],
    }


def report(result: dict[str, Any], verbose: bool) -> None:
    print(f"== {result['gold']}  ({result['corpus']})")
    if result.get("missing"):
        print("   corpus not found: skipped")
        return
    for key in ("people", "organisations", "venues", "dates"):
        score = result.get(key)
        if score is None:
            continue
        label = "event dates" if key == "dates" else key
        print(
            f"   {label:<12} {score.line()}"
            + (
                f"  wrong dates: {len(score.wrong)}  refined: {len(score.refined)}"
                if key == "dates"
                else ""
            )
        )
        if verbose:
            for title, items in (("extra", score.extra), ("missed", score.missed),
                                 ("WRONG", getattr(score, "wrong", [])),
                                 ("refined", getattr(score, "refined", []))):  # fmt: skip
                for item in items:
                    print(f"      {title}: {item}")
    for what, ok, detail in result["events"]:
        print(f"   event {'ok ' if ok else 'BAD'} {what}: {detail}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "gold", nargs="*", type=Path, help="gold files (default: all in benchmarks/gold)"
    )
    parser.add_argument("--corpus", type=Path, help="the corpus the (single) gold file describes")
    parser.add_argument(
        "-v", "--verbose", action="store_true", help="list every miss and wrong date"
    )
    args = parser.parse_args(argv)
    # of others' news, the lead sets: the whole texts are annotated in their first lines only
    golds = args.gold or [
        *sorted(GOLD_DIR.glob("*.json")),
        *sorted(SHARED_EVAL.glob("*-lead-*.gold.json")),
    ]
    results = [evaluate(gold_path, args.corpus) for gold_path in golds]
    for result in results:
        report(result, args.verbose)
    print()
    print(markdown_table([result for result in results if not result.get("missing")]))
    return 0


def markdown_table(results: list[dict[str, Any]]) -> str:
    """The figures as the README shows them: one row a gold file, then all of them pooled."""
    lines = [
        "| gold | people F1 | organisations F1 | venues F1 | event-date F1 | wrong dates |",
        "|---|---|---|---|---|---|",
    ]
    for result in results:
        name = result["gold"].removesuffix(".json").removesuffix(".gold")
        lines.append(
            _row(
                name,
                result["people"],
                result.get("organisations"),
                result["venues"],
                result["dates"],
            )
        )
    if len(results) > 1:
        pooled = {
            key: _pool([result[key] for result in results if result.get(key) is not None])
            for key in ("people", "organisations", "venues", "dates")
        }
        lines.append(_row("**all pooled**", *pooled.values()))
    return "\n".join(lines)


def _row(name: str, people: Score, organisations: Score | None, venues: Score, dates: Score) -> str:
    wrong = len(getattr(dates, "wrong", []))
    bodies = f"{organisations.f1:.3f}" if organisations is not None and (
        organisations.found or organisations.missed or organisations.extra
    ) else "–"  # fmt: skip
    return f"| {name} | {people.f1:.3f} | {bodies} | {venues.f1:.3f} | {dates.f1:.3f} | {wrong} |"


def _pool(scores: list[Score]) -> DateScore:
    pooled = DateScore()
    for score in scores:
        pooled.found += score.found
        pooled.extra += score.extra
        pooled.missed += score.missed
        pooled.wrong += getattr(score, "wrong", [])
    return pooled


if __name__ == "__main__":
    sys.exit(main())
