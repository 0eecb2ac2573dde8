"""Where the sources of one event give different counts, the event says so and who says what: in
the CLI, its JSON, the dashboard's event screen and the exports of bookmarks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefing.bookmarks import Bookmarks
from briefing.cli import main
from briefing.disagreements import Disagreement, Value, disagreements
from briefing.engine import open_briefing
from briefing.export import export
from briefing.model import Briefing, Event
from briefing.tui.app import BriefingApp
from briefing.tui.screens.event import EventScreen
from briefing.tui.widgets.detail import Detail

ONE = " date 2024-05-26\n\nThe two armies exchanged 1,000 prisoners at the Sumy crossing on Saturday.\n"
OTHER = (
    " date 2024-05-26\n\nThe two armies exchanged 1,200 prisoners at the Sumy crossing on "
    "Saturday, officials said.\n"
)
PART = (
    " date 2024-05-27\n\nThe two armies exchanged 1,000 prisoners at the Sumy crossing on "
    "Saturday. Of the 1,000 prisoners, 390 prisoners were civilians.\n"
)


def corpus_of(root: Path, **files: str) -> Path:
    root.mkdir()
    for name, text in files.items():
        (root / f"{name}.txt").write_text(text, encoding="utf-8")
    return root


def the_exchange(briefing: Briefing) -> Event:
    (event,) = [event for event in briefing.events if event.when.iso() == "2024-05-25"]
    return event


def test_two_sources_that_give_two_counts_disagree(tmp_path: Path) -> None:
    briefing = open_briefing(corpus_of(tmp_path / "corpus", one=ONE, other=OTHER))
    assert disagreements(briefing, the_exchange(briefing)) == [
        Disagreement("prisoners", (Value("1,000", ("one.txt",)), Value("1,200", ("other.txt",))))
    ]


def test_a_total_and_a_part_in_one_article_are_no_quarrel(tmp_path: Path) -> None:
    briefing = open_briefing(corpus_of(tmp_path / "corpus", one=ONE, part=PART))
    assert disagreements(briefing, the_exchange(briefing)) == []


def test_two_times_of_day_in_one_zone_disagree_and_two_zones_are_not_compared(
    tmp_path: Path,
) -> None:
    told = {  # the talks opened at 10:00 GMT, 10:45 GMT, 13:00 in Istanbul (10:00 GMT)
        name: f" date 2025-06-02\n\nThe talks at Ciragan Palace in Istanbul opened at {time} on "
        "Monday.\n"
        for name, time in (("one", "10:00 GMT"), ("other", "10:45 GMT"), ("local", "13:00"))
    }
    briefing = open_briefing(corpus_of(tmp_path / "corpus", **told))
    (event,) = [event for event in briefing.events if event.when.start.iso() == "2025-06-02"]
    assert disagreements(briefing, event) == [
        Disagreement(
            "time (GMT)", (Value("10:00 GMT", ("one.txt",)), Value("10:45 GMT", ("other.txt",)))
        )
    ]


COMPLAINT = "Jenni Hermoso filed a formal complaint against Luis Rubiales with prosecutors"


def test_two_days_given_for_one_happening_once_both_are_past_disagree(tmp_path: Path) -> None:
    told = {
        "tuesday": f" date 2023-09-07\n\n{COMPLAINT} in Madrid on Tuesday, her lawyers said.\n",
        "wednesday": f" date 2023-09-07\n\nThe striker {COMPLAINT} on Wednesday.\n",
    }
    briefing = open_briefing(corpus_of(tmp_path / "corpus", **told))
    days = Disagreement(
        "date", (Value("2023-09-05", ("tuesday.txt",)), Value("2023-09-06", ("wednesday.txt",)))
    )
    assert [disagreements(briefing, event) for event in briefing.events] == [[days], [days]]
    assert days.line() == "date: Tue 5 Sep 2023 (1 article) · Wed 6 Sep 2023 (1 article)"


@pytest.mark.parametrize(
    "told",
    [
        {  # each day's search told on its day: two days of one search
            "monday": " date 2023-09-04\n\nPolice searched the woods near Pottstown on Monday.\n",
            "tuesday": " date 2023-09-05\n\nPolice searched the woods near Pottstown on Tuesday.\n",
        },
        {  # one article tells both days: it knows them for two happenings
            "both": (
                " date 2023-09-07\n\nPolice searched the woods near Pottstown on Monday. "
                "Police searched the woods near Pottstown again on Tuesday.\n"
            ),
        },
        {  # two days told in other words: two happenings
            "monday": " date 2023-09-07\n\nPolice searched the woods near Pottstown on Monday.\n",
            "tuesday": " date 2023-09-07\n\nA resident of Pottstown saw a deer on Tuesday.\n",
        },
    ],
)
def test_days_of_happenings_apart_are_no_quarrel(tmp_path: Path, told: dict[str, str]) -> None:
    briefing = open_briefing(corpus_of(tmp_path / "corpus", **told))
    assert len(briefing.events) == 2
    assert [disagreements(briefing, event) for event in briefing.events] == [[], []]


def test_the_cli_and_its_json_say_who_says_what(tmp_path: Path) -> None:
    root = str(corpus_of(tmp_path / "corpus", one=ONE, other=OTHER))
    runner = CliRunner()
    shown = runner.invoke(main, ["timeline", root], env={"COLUMNS": "160"})
    assert "sources differ on prisoners: 1,000 (1 article) · 1,200 (1 article)" in shown.output
    (event,) = json.loads(runner.invoke(main, ["timeline", root, "--json"]).output)["events"]
    assert event["disagreements"] == [
        {
            "what": "prisoners",
            "values": [
                {"value": "1,000", "articles": ["one.txt"]},
                {"value": "1,200", "articles": ["other.txt"]},
            ],
        }
    ]


def test_a_bookmark_keeps_the_disagreement_for_its_export(tmp_path: Path) -> None:
    briefing = open_briefing(corpus_of(tmp_path / "corpus", one=ONE, other=OTHER))
    bookmarks = Bookmarks()
    bookmarks.add(briefing, the_exchange(briefing))
    text = export(bookmarks, "md", "Briefing")
    assert "**Sources differ on** prisoners: 1,000 (1 article) · 1,200 (1 article)" in text
    assert "prisoners: 1,000" in export(bookmarks, "csv", "Briefing")


async def test_the_event_screen_shows_where_sources_differ(tmp_path: Path) -> None:
    app = BriefingApp(corpus_of(tmp_path / "corpus", one=ONE, other=OTHER))
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, EventScreen)
        shown = str(app.screen.query_one(Detail).render())
        assert "Sources differ on prisoners: 1,000 (1 article) · 1,200 (1 article)" in shown
