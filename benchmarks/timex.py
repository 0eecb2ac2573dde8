"""Time expressions scored the TempEval-3 way: found (strict and relaxed), typed and valued.

    python benchmarks/timex.py DIR [DIR ...]        TimeML files (.tml), e.g. TempEval-3's
                                                    platinum test set or TimeBank/AQUAINT
    python benchmarks/timex.py DIR -v               also every miss, false find and wrong value

Each file's TEXT is read as an article written on its creation time (DCT), and every time
expression `briefing` finds (what `briefing show --json` lists under "times") is matched against
the gold TIMEX3s. As in TempEval-3's own scorer: a relaxed match is any overlap, a strict match the
same words (here: the same characters, spaces at the ends aside); the value and type scores are
accuracy over the relaxed matches times the relaxed F1. The data sets are other people's and are
not in this repository: give the folders they are kept in.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from xml.etree import ElementTree

from briefing.extract import extract
from briefing.resolve.dates import Anchor
from briefing.resolve.timeml import timexes


@dataclass(frozen=True)
class Gold:
    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass
class Tally:
    gold: int = 0
    found: int = 0
    strict: int = 0
    relaxed: int = 0
    typed: int = 0
    valued: int = 0
    notes: list[str] = field(default_factory=list)

    def f1(self, matched: int) -> tuple[float, float, float]:
        precision = matched / self.found if self.found else 0.0
        recall = matched / self.gold if self.gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return precision, recall, f1


def read_timeml(path: Path) -> tuple[date, str, list[Gold]]:
    """A TimeML file's creation date, the plain text of its TEXT, and the gold TIMEX3s in it."""
    root = ElementTree.parse(path).getroot()
    dct = root.find("DCT/TIMEX3")
    if dct is None or not re.match(r"\d{4}-\d\d-\d\d", dct.get("value", "")):
        raise ValueError(f"{path.name}: no creation time")
    created = date.fromisoformat(dct.get("value", "")[:10])
    body = root.find("TEXT")
    if body is None:
        raise ValueError(f"{path.name}: no TEXT")
    pieces: list[str] = []
    golds: list[Gold] = []

    def walk(node: ElementTree.Element) -> None:
        start = sum(map(len, pieces))
        pieces.append(node.text or "")
        for child in node:
            walk(child)
            pieces.append(child.tail or "")
        if node.tag == "TIMEX3":
            text = "".join(pieces)[start:]
            golds.append(Gold(start, start + len(text), text, node.get("type", ""),
                              node.get("value", "")))  # fmt: skip

    walk(body)
    return created, "".join(pieces), golds


def score_file(path: Path, tally: Tally, verbose: bool) -> None:
    created, text, golds = read_timeml(path)
    facts = extract(text)
    found = timexes(facts, Anchor(created, created, created.year))
    tally.gold += len(golds)
    tally.found += len(found)
    claimed: set[int] = set()
    for gold in golds:
        match = next(
            (
                index
                for index, timex in enumerate(found)
                if index not in claimed and timex.start < gold.end and gold.start < timex.end
            ),
            None,
        )
        if match is None:
            tally.notes.append(f"{path.name}: missed '{gold.text}' {gold.type} {gold.value}")
            continue
        claimed.add(match)
        timex = found[match]
        tally.relaxed += 1
        said = text[timex.start : timex.end]
        tally.strict += said.strip() == gold.text.strip()
        tally.typed += timex.type == gold.type
        if timex.value == gold.value:
            tally.valued += 1
        else:
            tally.notes.append(
                f"{path.name}: '{gold.text}' is {gold.value}, we said '{said}' {timex.value}"
            )
    for index, timex in enumerate(found):
        if index not in claimed:
            tally.notes.append(
                f"{path.name}: false '{text[timex.start : timex.end]}' {timex.type} {timex.value}"
            )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("folders", nargs="+", type=Path, help="folders of TimeML (.tml) files")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every disagreement")
    args = parser.parse_args(argv)
    tally = Tally()
    files = sorted(path for folder in args.folders for path in folder.glob("*.tml"))
    if not files:
        print("no .tml files in " + ", ".join(map(str, args.folders)), file=sys.stderr)
        return 1
    for path in files:
        score_file(path, tally, args.verbose)
    if args.verbose:
        print("\n".join(tally.notes))
    strict = tally.f1(tally.strict)
    relaxed = tally.f1(tally.relaxed)
    accuracy = tally.valued / tally.relaxed if tally.relaxed else 0.0
    type_accuracy = tally.typed / tally.relaxed if tally.relaxed else 0.0
    print(f"{len(files)} files, {tally.gold} gold time expressions, {tally.found} found")
    print(f"strict   P {strict[0]:.3f}  R {strict[1]:.3f}  F1 {100 * strict[2]:.1f}")
    print(f"relaxed  P {relaxed[0]:.3f}  R {relaxed[1]:.3f}  F1 {100 * relaxed[2]:.1f}")
    print(f"type     accuracy {type_accuracy:.3f}  F1 {100 * type_accuracy * relaxed[2]:.1f}")
    print(f"value    accuracy {accuracy:.3f}  F1 {100 * accuracy * relaxed[2]:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
