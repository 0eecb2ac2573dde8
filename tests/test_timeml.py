"""Every time expression is found and valued as TimeML writes it, and only dates put happenings
on the timeline."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefing.cli import main
from briefing.extract import extract
from briefing.resolve.dates import Anchor, dates_a_happening
from briefing.resolve.timeml import timexes

THURSDAY = date(2021, 3, 4)


def values(text: str, written: date | None = THURSDAY) -> list[tuple[str, str, str | None]]:
    anchor = Anchor(written, written, written.year) if written else Anchor()
    return [
        (text[timex.start : timex.end], timex.type, timex.value)
        for timex in timexes(extract(text), anchor)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The siege lasted three years.", [("three years", "DURATION", "P3Y")]),
        ("He served a two-year term.", [("two-year", "DURATION", "P2Y")]),
        ("Talks went on for 90 minutes.", [("90 minutes", "DURATION", "PT90M")]),
        ("It took a minute and a half.", [("a minute and a half", "DURATION", "PT1M30S")]),
        ("Prices rose over the past three months.", [("the past three months", "DURATION", "P3M")]),
        ("The work could take weeks.", []),
        ("She waited for weeks.", [("weeks", "DURATION", "PXW")]),
        ("A decade of growth ended.", [("A decade", "DURATION", "P10Y")]),
        ("The ferry sails every Monday.", [("every Monday", "SET", "XXXX-WXX-1")]),
        ("Buses run daily.", [("daily", "SET", "P1D")]),
        ("Rent is paid twice a month.", [("twice a month", "SET", "P1M")]),
        ("The mayor is now in charge.", [("now", "DATE", "PRESENT_REF")]),
        ("Floods have recently hit the town.", [("recently", "DATE", "PAST_REF")]),
        ("They may meet in the future.", [("the future", "DATE", "FUTURE_REF")]),
        ("Profit will rise in the third quarter.", [("the third quarter", "DATE", "2021-Q3")]),
        ("Profit fell in the fourth quarter.", [("the fourth quarter", "DATE", "2020-Q4")]),
        ("Sales rose last summer.", [("last summer", "DATE", "2020-SU")]),
        ("Fares rise this summer.", [("this summer", "DATE", "2021-SU")]),
        ("Music of the 1990s returned.", [("the 1990s", "DATE", "199")]),
        ("A 20th century house burned.", [("20th century", "DATE", "19")]),
        ("The vote closes at 3 p.m.", [("3 p.m.", "TIME", "2021-03-04T15:00")]),
        ("Crowds gathered this evening.", [("this evening", "TIME", "2021-03-04TEV")]),
        ("Shots were heard last night.", [("last night", "TIME", "2021-03-03TNI")]),
        ("He spoke on Monday morning.", [("Monday morning", "TIME", "2021-03-01TMO")]),
        ("The bridge opened on March 1.", [("March 1", "DATE", "2021-03-01")]),
        ("Schools close next week.", [("next week", "DATE", "2021-W10")]),
        ("The flood came two weeks ago.", [("two weeks ago", "DATE", "2021-02-18")]),
        ("It was built in 1985.", [("1985", "DATE", "1985")]),
        ("A sign from 1998 says so.", [("1998", "DATE", "1998")]),
        ("Elections were held last June.", [("last June", "DATE", "2020-06")]),
    ],
)
def test_each_kind_is_found_and_valued(
    text: str, expected: list[tuple[str, str, str | None]]
) -> None:
    assert values(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "A second round of talks is planned.",
        "Three-quarters of the shares were sold.",
        "Prices fall when demand drops.",
        "The 30-year-old driver was unhurt.",
        "About 2000 people marched, up from 1500.",
        "She paid $2.50 for a coffee.",
    ],
)
def test_what_is_no_time_is_not_listed(text: str) -> None:
    assert values(text) == []


def test_without_the_articles_date_the_known_part_is_kept() -> None:
    found = values("The court sits on July 6, and again on Friday.", written=None)
    assert found == [("July 6", "DATE", "XXXX-07-06"), ("Friday", "DATE", "XXXX-WXX-5")]


def test_only_dates_put_happenings_on_the_timeline() -> None:
    facts = extract(
        "After three years of war, talks resume now; they meet every Monday. "
        "The first round was on May 16. A census was taken in 2019. "
        "Two weeks ago the envoys met."
    )
    listed = [type(mention.expr).__name__ for mention in facts.times]
    assert listed == ["Duration", "Reference", "Recurrence", "WrittenDate", "WrittenDate",
                      "RelativeRef"]  # fmt: skip
    dating = [mention for mention in facts.times if dates_a_happening(mention)]
    assert [mention.expr.start.year for mention in dating] == [None, 2019]  # May 16, "in 2019"


def test_show_lists_every_time_expression_with_spans_into_the_text(
    corpus: Callable[[dict[str, str | bytes]], Path],
) -> None:
    root = corpus(
        {
            "a.txt": " date 2021-03-04\nFerry strike\n\nThe strike began on Monday and "
            "has lasted three days; crews meet every Friday."
        }
    )
    result = CliRunner().invoke(main, ["show", "a.txt", str(root), "--json"])
    assert result.exit_code == 0, result.output
    shown = json.loads(result.output)
    times = shown["times"]
    assert [(t["text"], t["type"], t["value"]) for t in times] == [
        ("Monday", "DATE", "2021-03-01"),
        ("three days", "DURATION", "P3D"),
        ("every Friday", "SET", "XXXX-WXX-5"),
    ]
    assert all(shown["text"][t["start"] : t["end"]] == t["text"] for t in times)
