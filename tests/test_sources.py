"""Sources counted and explained: an event says how many independent sources report it (copies of
one syndicated story, and the articles of one outlet, count once) and how many articles; a single
source is marked as such, and the timeline's header says what the numbers mean."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from click.testing import CliRunner

from briefing.cli import main
from briefing.model import Briefing

Make = Callable[[dict[str, str | bytes]], Briefing]


def article(outlet: str, title: str, text: str) -> str:
    return json.dumps({"title": title, "date": "2021-03-05", "source": outlet, "text": text})


STRIKE = "Ferry crews in Bergen walked out on Thursday, union leader Kari Dahl said."
UPDATE = STRIKE + " Talks resume next month."
OWN_WORDS = "Ferry crews in Bergen walked out on Thursday, Kari Dahl of the union said."


def strike_event(briefing: Briefing) -> tuple[int, int]:
    (event,) = [event for event in briefing.events if event.when.iso() == "2021-03-04"]
    return event.sources, event.article_count


def test_two_stories_of_one_outlet_are_one_source(briefing_of: Make) -> None:
    briefing = briefing_of(
        {
            "a.json": article("Harbour Times", "Strike", STRIKE),
            "b.json": article("Harbour Times", "Strike update", UPDATE),
        }
    )
    assert strike_event(briefing) == (1, 2)


def test_two_outlets_in_their_own_words_are_two_sources(briefing_of: Make) -> None:
    briefing = briefing_of(
        {
            "a.json": article("Harbour Times", "Strike", STRIKE),
            "b.json": article("Fjord Post", "Ferries stop", OWN_WORDS),
        }
    )
    assert strike_event(briefing) == (2, 2)


def test_the_timeline_explains_its_counts_and_marks_a_single_source(
    corpus: Callable[[dict[str, str | bytes]], Path],
) -> None:
    folder = corpus({"a.json": article("Harbour Times", "Strike", STRIKE)})
    result = CliRunner().invoke(main, ["timeline", str(folder)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "independent sources" in result.output
    assert "1 only" in result.output
