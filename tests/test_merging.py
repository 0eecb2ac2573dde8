"""One event per happening: mentions join when their dates agree (a day inside a span, a month
that holds the day) and what they tell agrees; mentions of one day that tell different
happenings stay apart; and however the files came in, the events are the same."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from briefing.engine import open_desk
from briefing.model import Briefing
from briefing.paths import sample_corpus

Make = Callable[[dict[str, str | bytes]], Briefing]


def dated(day: str, text: str) -> str:
    return f" date {day}\n\n{text}\n"


def events_on(briefing: Briefing, iso: str) -> list[tuple[str, list[str]]]:
    return [
        (event.title, briefing.articles_of("event", event.id))
        for event in briefing.events
        if event.when.iso() == iso
    ]


def test_a_day_inside_a_span_is_the_happening_of_the_span(briefing_of: Make) -> None:
    briefing = briefing_of(
        {
            "a.txt": dated("2024-05-26", "The prisoner exchange between the two armies took place "
                           "from May 23 to 25 at the Sumy crossing, officials said."),
            "b.txt": dated("2024-05-25", "The two armies completed the prisoner exchange at the "
                           "Sumy crossing on Saturday."),
        }
    )  # fmt: skip
    assert [articles for _, articles in events_on(briefing, "2024-05-23/2024-05-25")] == [
        ["a.txt", "b.txt"]
    ]
    assert events_on(briefing, "2024-05-25") == []


def test_a_month_a_later_article_names_is_the_day_it_agrees_with(briefing_of: Make) -> None:
    briefing = briefing_of(
        {
            "a.txt": dated("2024-06-04", "Ferry crews in Bergen walked out on Monday over pay, "
                           "the union said."),
            "b.txt": dated("2024-06-20", "Ferry crews in Bergen, who walked out over pay earlier "
                           "this month, returned to work."),
            # the rest of the story, that tells which words are telling
            "c.txt": dated("2024-06-12", "The Askøy bridge reopened to traffic on Tuesday."),
            "d.txt": dated("2024-06-14", "The council in Oslo voted on the new harbour budget on "
                           "Thursday."),
        }
    )  # fmt: skip
    (walkout,) = events_on(briefing, "2024-06-03")
    assert walkout[1] == ["a.txt", "b.txt"]
    assert walkout[0].startswith(
        "Ferry crews in Bergen walked out"
    )  # the day's words, not the month's
    assert events_on(briefing, "2024-06") == []


def test_one_day_two_happenings_stay_two_events(briefing_of: Make) -> None:
    briefing = briefing_of(
        {
            "a.txt": dated("2024-06-04", "Ferry crews in Bergen walked out on Monday over pay."),
            "b.txt": dated("2024-06-04", "The Askøy bridge reopened to traffic on Monday after "
                           "repairs."),
            "c.txt": dated("2024-06-04", "Mayor Dana Whitfield resigned on Monday."),
            "d.txt": dated("2024-06-04", "Dana Whitfield was arrested in Oslo on Monday."),
        }
    )  # fmt: skip
    assert sorted(articles for _, articles in events_on(briefing, "2024-06-03")) == [
        ["a.txt"], ["b.txt"], ["c.txt"], ["d.txt"]
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("files", "day", "groups"),
    [
        pytest.param(  # what a fire destroyed is the fire, not an attack
            {
                "a.txt": dated("2023-08-09", "A wind-driven wildfire swept through Tolbana on "
                               "Tuesday."),
                "b.txt": dated("2023-08-10", "The blaze that destroyed most of Tolbana on Tuesday "
                               "killed 40 people."),
                "c.txt": dated("2023-08-11", "At least 55 people died in the Tuesday fire, "
                               "officials said."),
            },
            "2023-08-08", [["a.txt", "b.txt", "c.txt"]], id="a fire destroyed",
        ),
        pytest.param(  # a sinking told as "sank" and as "a sinking" is one
            {
                "a.txt": dated("2023-06-19", "The ferry Nordlys sank off Moss on Sunday."),
                "b.txt": dated("2023-06-20", "Crews searched for the ferry Nordlys, lost in a "
                               "sinking on Sunday."),
                "c.txt": dated("2023-06-20", "Harbour master Ole Berg opened an inquiry on "
                               "Sunday."),
            },
            "2023-06-18", [["a.txt", "b.txt"], ["c.txt"]], id="a sinking",
        ),
        pytest.param(  # days after, "after the fires" tells what followed them, not the fires
            {
                "a.txt": dated("2023-08-11", "President Ana Ruiz approved a disaster declaration "
                               "on Thursday after the fires."),
                "b.txt": dated("2023-08-11", "Mayor Kai Lono said at a news conference on "
                               "Thursday that the fires had killed 55 people."),
                "c.txt": dated("2023-08-11", "A spreadsheet by the volunteer Lani Kahale listed "
                               "1,500 people missing since the fires on Thursday."),
            },
            "2023-08-10", [["a.txt"], ["b.txt"], ["c.txt"]], id="after the fires",
        ),
    ],
)  # fmt: skip
def test_disasters_are_one_happening_and_what_follows_them_another(
    briefing_of: Make, files: dict[str, str | bytes], day: str, groups: list[list[str]]
) -> None:
    assert sorted(articles for _, articles in events_on(briefing_of(files), day)) == groups


def test_one_place_one_day_two_times_of_day_are_two_happenings(briefing_of: Make) -> None:
    briefing = briefing_of(
        {
            "a.txt": dated("2024-09-12", "A motorist spotted the fugitive near Fairview Road in "
                           "Pottstown at 8 p.m. on Monday."),
            "b.txt": dated("2024-09-12", "The fugitive stole a rifle from a garage in Pottstown at "
                           "10:10 p.m. on Monday."),
            "c.txt": dated("2024-09-12", "Searchers in Pottstown worked through Monday night."),
        }
    )  # fmt: skip
    timed = sorted(
        (event.when.time, [a for a in briefing.articles_of("event", event.id) if a != "c.txt"])
        for event in briefing.events
        if event.when.iso() == "2024-09-09" and event.when.time
    )  # c.txt, at no time of day, may go with either
    assert timed == [("20:00", ["a.txt"]), ("22:10", ["b.txt"])]


def test_a_month_that_agrees_with_two_days_as_well_is_left_a_month(briefing_of: Make) -> None:
    briefing = briefing_of(
        {
            "a.txt": dated("2024-06-04", "Ferry crews in Bergen walked out on Monday over pay."),
            "b.txt": dated("2024-06-18", "Ferry crews in Bergen walked out on Monday over pay."),
            "c.txt": dated("2024-06-30", "Ferry crews in Bergen walked out over pay this month."),
        }
    )
    assert [articles for _, articles in events_on(briefing, "2024-06")] == [["c.txt"]]


def view(briefing: Briefing) -> list[tuple[str, str, tuple[str, ...]]]:
    return sorted(
        (event.when.iso(), event.title, tuple(briefing.articles_of("event", event.id)))
        for event in briefing.events
    )


def take_in(source: Path, name: Path, root: Path) -> None:
    (root / name).parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(source / name, root / name)


def test_an_undated_sentence_that_tells_the_happening_cites_its_article(
    briefing_of: Make,
) -> None:
    briefing = briefing_of(
        {
            "a.txt": dated("2024-06-04", "Mayor Dana Whitfield resigned on Monday after an audit "
                           "of the harbour budget found missing funds."),
            "b.txt": dated("2024-06-12", "The harbour board met in Bergen on Tuesday to choose a "
                           "new chair.\n\nDana Whitfield resigned after the audit of the harbour "
                           "budget found missing funds."),
        }
    )  # fmt: skip
    ((_, articles),) = events_on(briefing, "2024-06-03")
    assert articles == ["a.txt", "b.txt"]
    (event,) = [event for event in briefing.events if event.when.iso() == "2024-06-03"]
    mentions = briefing.mentions_of("event", event.id)
    assert briefing.text_of(mentions[1]).startswith("Dana Whitfield resigned after the audit")
    assert [mention.dated for mention in mentions] == [True, False]  # told of without a date
    assert event.sources == 2


def test_an_undated_sentence_finds_its_event_whichever_came_first(tmp_path: Path) -> None:
    texts = {
        "a.txt": dated("2024-06-04", "Mayor Dana Whitfield resigned on Monday after an audit of "
                       "the harbour budget found missing funds."),
        "b.txt": dated("2024-06-12", "Dana Whitfield resigned after the audit of the harbour "
                       "budget found missing funds."),
    }  # fmt: skip
    (tmp_path / "b.txt").write_text(texts["b.txt"], encoding="utf-8")
    desk = open_desk(tmp_path)
    assert desk.briefing.events == ()  # nothing dated yet: the sentence waits
    (tmp_path / "a.txt").write_text(texts["a.txt"], encoding="utf-8")
    desk.refresh()
    assert [articles for _, articles in events_on(desk.briefing, "2024-06-03")] == [
        ["a.txt", "b.txt"]
    ]
    (tmp_path / "a.txt").unlink()
    desk.refresh()
    assert desk.briefing.events == ()
    assert [mark.kind for mark in desk.briefing.marks_in("b.txt")].count("event") == 0
    desk.close()


@pytest.mark.parametrize(
    ("day", "dated_text", "later", "undated_text", "event_day"),
    [
        # a body's penalty, told again without its date
        ("2024-06-04", "The league suspended striker Ole Berg on Monday for 90 days after the "
         "brawl at the Bergen derby.", "2024-06-20", "Ole Berg, whom the league has suspended "
         "for 90 days after the brawl at the derby, trained alone in Bergen.", "2024-06-03"),
        # a coup, told as the ousting it was
        ("2023-07-27", "Soldiers ousted President Ana Dahl in Moss on Wednesday and closed the "
         "borders.", "2023-08-10", "The soldiers who toppled Ana Dahl in a coup closed the "
         "borders and hold her in Moss.", "2023-07-26"),
    ],
)  # fmt: skip
def test_a_happening_told_again_in_other_words_and_no_date_is_one_event(
    briefing_of: Make, day: str, dated_text: str, later: str, undated_text: str, event_day: str
) -> None:
    briefing = briefing_of({"a.txt": dated(day, dated_text), "b.txt": dated(later, undated_text)})
    assert [articles for _, articles in events_on(briefing, event_day)] == [["a.txt", "b.txt"]]


def test_undated_sentences_that_tell_no_such_happening_cite_nothing(briefing_of: Make) -> None:
    briefing = briefing_of(
        {
            "a.txt": dated("2024-06-04", "Mayor Dana Whitfield resigned on Monday after an audit "
                           "of the harbour budget found missing funds."),
            # who is who; a happening still to come; the same kind, another happening
            "b.txt": dated("2024-06-12", "Dana Whitfield is the mayor of Bergen and chairs the "
                           "harbour budget committee."),
            "c.txt": dated("2024-06-12", "Dana Whitfield will offer her resignation if the "
                           "audit of the harbour budget finds missing funds."),
            "d.txt": dated("2024-06-12", "Dana Whitfield once resigned from a football club "
                           "over its ticket prices."),
        }
    )  # fmt: skip
    assert [articles for _, articles in events_on(briefing, "2024-06-03")] == [["a.txt"]]


def test_a_chain_of_updates_gives_the_events_of_a_first_build(tmp_path: Path) -> None:
    """The sample corpus taken in at once, and file by file in two orders, gives one timeline."""
    sample = sample_corpus()
    files = sorted(path.relative_to(sample) for path in sample.rglob("*") if path.is_file())
    first = view(open_desk(sample, cache=False).briefing)
    for order, listed in (("forwards", files), ("backwards", files[::-1])):
        root = tmp_path / order
        root.mkdir()
        take_in(sample, listed[0], root)
        desk = open_desk(root)
        for count, path in enumerate(listed[1:], start=2):
            take_in(sample, path, root)
            if count % 3 == 0 or count == len(listed):
                desk.refresh()
        assert view(desk.briefing) == first, order
        desk.close()


def test_no_hash_seed_reaches_the_timeline() -> None:
    """Sets are ordered by a hash seed that changes from run to run; the timeline must not."""
    runs = [
        subprocess.run(
            [sys.executable, "-m", "briefing", "timeline", str(sample_corpus()), "--json",
             "--no-cache", "--background"],
            capture_output=True, check=True, env={**os.environ, "PYTHONHASHSEED": seed},
        ).stdout
        for seed in ("1", "2", "3")
    ]  # fmt: skip
    assert runs[0] == runs[1] == runs[2] and b'"events"' in runs[0]
