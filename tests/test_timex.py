"""Time expressions: each form is found and anchored right, and what is no date stays no date."""

from __future__ import annotations

from datetime import date

import pytest

from briefing.extract.sentences import split_sentences
from briefing.extract.timex import find_times
from briefing.resolve.dates import Anchor, resolve

MONDAY = date(2025, 6, 2)  # the day of the second round
FRIDAY = date(2025, 5, 30)
WEDNESDAY = date(2025, 5, 28)


def dates_in(
    text: str, written: date | None = MONDAY, anchor: Anchor | None = None
) -> list[tuple[str, str]]:
    """(words, ISO date [time zone]) for every expression in `text` that resolves."""
    anchor = anchor or (Anchor(written, written, written.year) if written else Anchor())
    found = []
    for mention in find_times(text, split_sentences(text)):
        span = resolve(mention, anchor)
        if span is not None:
            when = (
                span.iso()
                + (f" {span.time}" if span.time else "")
                + (f" {span.timezone}" if span.timezone else "")
            )
            found.append((mention.span.of(text), when))
    return found


@pytest.mark.parametrize(
    ("text", "written", "expected"),
    [
        ("The talks were held on May 16.", MONDAY, [("May 16", "2025-05-16")]),
        ("The talks were held on 16 May at the palace.", MONDAY, [("16 May", "2025-05-16")]),
        ("Talks are scheduled for the 2nd of June.", FRIDAY, [("2nd of June", "2025-06-02")]),
        (
            "Talks between the two sides are scheduled for Monday.",
            MONDAY,
            [("Monday", "2025-06-02")],
        ),
        (
            "A senior official said on Sunday that the memo arrived.",
            MONDAY,
            [("Sunday", "2025-06-01")],
        ),
        ("The delegations will meet on Monday in Istanbul.", FRIDAY, [("Monday", "2025-06-02")]),
        (
            "The talks are expected to take place next week in Istanbul.",
            FRIDAY,
            [("next week", "2025-06-01/2025-06-08")],  # from its Sunday: weeks begin on either
        ),
        (
            "News emerged of violent attacks late Saturday.",
            MONDAY,
            [("late Saturday", "2025-05-31")],
        ),
        ("Fidan visited Moscow on May 26-27.", MONDAY, [("May 26-27", "2025-05-26/2025-05-27")]),
        (
            "The exchange took place from May 23 to 25.",
            MONDAY,
            [("May 23 to 25", "2025-05-23/2025-05-25")],
        ),
        ("Russia invaded in February 2022.", MONDAY, [("February 2022", "2022-02")]),
        (
            "They will meet on June 2 at 13:00 in the palace.",
            FRIDAY,
            [("June 2", "2025-06-02 13:00")],
        ),
        ("The round opens at 1000 GMT on Monday.", MONDAY, [("Monday", "2025-06-02 10:00 GMT")]),
        (
            "The quake struck at 1:14 p.m. local time on Tuesday.",
            date(2025, 6, 4),  # a Wednesday: "struck on Tuesday" is the day before
            [("Tuesday", "2025-06-03 13:14 local time")],
        ),
        (
            "The hearing starts on Friday at 9 am, then at noon.",
            FRIDAY,
            [("Friday", "2025-05-30 09:00")],
        ),
        (
            "In May this year, Türkiye hosted the two parties.",
            MONDAY,
            [("May this year", "2025-05")],
        ),
        ("The war began in 2022.", MONDAY, [("2022", "2022")]),
        ("Why did the 2022 talks fail?", MONDAY, [("2022", "2022")]),
        (
            "The talks in Istanbul on the upcoming Monday, June 2, will go ahead.",
            WEDNESDAY,
            [("Monday, June 2", "2025-06-02")],
        ),
        ("The talks were held on Sunday, June 2.", MONDAY, []),  # June 2, 2025 is no Sunday
        (
            "It happened yesterday, and the next meeting is tomorrow.",
            MONDAY,
            [("yesterday", "2025-06-01"), ("tomorrow", "2025-06-03")],
        ),
        ("The memo arrived two days ago.", MONDAY, [("two days ago", "2025-05-31")]),
        ("Fighting intensified last week.", MONDAY, [("last week", "2025-05-25/2025-06-01")]),
        (
            "Prices rose this month and fell last year.",
            MONDAY,
            [("this month", "2025-06"), ("last year", "2024")],
        ),
        (
            "Fidan was in Moscow on Monday and Tuesday.",
            FRIDAY,
            [("Monday and Tuesday", "2025-05-26/2025-05-27")],
        ),
        (
            "Drones struck airfields over the weekend.",
            MONDAY,
            [("over the weekend", "2025-05-31/2025-06-01")],
        ),
        ("He visited on May 26 and 27.", MONDAY, [("May 26 and 27", "2025-05-26/2025-05-27")]),
        (
            "He visited on May 23 and 25.",
            MONDAY,
            [("May 23", "2025-05-23"), ("25", "2025-05-25")],
        ),
        (
            "The truce held from 30 May - 2 June.",
            MONDAY,
            [("30 May - 2 June", "2025-05-30/2025-06-02")],
        ),
        (
            "Filed 2025-06-02, updated 02.06.2025.",
            None,
            [("2025-06-02", "2025-06-02"), ("02.06.2025", "2025-06-02")],
        ),
        ("The decree was signed on June 2, 2025.", None, [("June 2, 2025", "2025-06-02")]),
        (
            "The swap began on Friday and ended on Sunday.",
            date(2025, 5, 25),
            [("Friday", "2025-05-23"), ("Sunday", "2025-05-25")],
        ),
        ("It was agreed on May 16 this year.", MONDAY, [("May 16 this year", "2025-05-16")]),
        # a day counted back in years: one date, in the year counted
        (
            "Nearly a year ago on May 30, fires swept the island.",
            MONDAY,
            [("a year ago on May 30", "2024-05-30")],
        ),
        ("The fire began on May 30 last year.", MONDAY, [("May 30 last year", "2024-05-30")]),
        # a month or a year after a preposition that opens the sentence
        ("In April, the mayor closed the ferry.", MONDAY, [("April", "2025-04")]),
        ("In 2022, the talks failed.", MONDAY, [("2022", "2022")]),
    ],
)
def test_expressions_are_anchored_right(
    text: str, written: date | None, expected: list[tuple[str, str]]
) -> None:
    assert dates_in(text, written) == expected


def test_monday_told_of_in_a_past_sentence_is_still_the_coming_monday() -> None:
    text = "Zelenskyy has signed a decree on the delegation for Monday's talks."
    assert dates_in(text, date(2025, 6, 1)) == [("Monday", "2025-06-02")]


def test_weekday_in_a_sentence_of_unknown_tense_is_dated_only_when_near() -> None:
    assert dates_in("A meeting on Tuesday.", MONDAY) == [("Tuesday", "2025-06-03")]
    assert dates_in("A meeting on Thursday.", MONDAY) == []


def test_date_without_year_far_from_the_article_needs_a_tense() -> None:
    assert dates_in("A meeting on December 12.", MONDAY) == []
    assert dates_in("They met on December 12.", MONDAY) == [("December 12", "2024-12-12")]


def test_relative_expressions_in_quotes_are_left_out() -> None:
    text = 'The White House said: "We hope they will meet next week in Istanbul."'
    assert dates_in(text, MONDAY) == []


@pytest.mark.parametrize(
    "text",
    [
        "A large-scale exchange of prisoners in the format of 1000 for 1000 took place.",
        "Format 1000 by 1000: historical exchanges.",
        "The meeting is at 1000 GMT.",
        "We hope the talks succeed.",
        "Russian officials suggested the statements may be a result of overload.",
        "A second round is planned.",
        "After three years of war, and a three-year break in talks, they met again.",
        "All rights reserved. © 2007 — 2025",
        "The article has 17257 views.",
        "Bread costs $20.25 now and 2020 dollars later.",
        "The two sides agreed to exchange 1,000 prisoners each.",
        "Irkutsk is more than 4,300 kilometres (2,671 miles) from the border.",
        "Over 2000 soldiers and 2021 civilians were released.",
        "Churches were full on Good Friday.",
        "The market is closed on Mondays.",
        "Under the May 2 people were arrested.",
    ],
)
def test_what_is_no_date_is_not_dated(text: str) -> None:
    assert dates_in(text, MONDAY) == []


def test_undated_article_dates_only_what_every_possible_day_agrees_on() -> None:
    window = Anchor(date(2025, 5, 25), date(2025, 6, 2), 2025)
    text = "The talks were held on May 16. The delegations will meet on Monday."
    assert dates_in(text, anchor=window) == [("May 16", "2025-05-16")]


def test_a_year_alone_dates_what_carries_its_own_day_and_month() -> None:
    text = "The round is scheduled for the 2nd of June. It will open on Monday."
    assert dates_in(text, anchor=Anchor(year=2025)) == [("2nd of June", "2025-06-02")]


def test_nothing_is_dated_without_any_anchor() -> None:
    assert dates_in("The talks were held on May 16 and resume on Monday.", None) == []


def test_a_day_that_names_a_disaster_is_a_day_gone_by() -> None:
    """ "the Aug. 8 wildfires" four days before 8 August is last year's fire; but the talks of a
    day still to come are the coming day's."""
    written = date(2024, 8, 4)
    assert dates_in("Claims over the Aug. 8 Maui wildfires were settled.", written) == [
        ("Aug. 8", "2023-08-08")
    ]
    assert dates_in("It follows the Aug. 2 attack on the base.", written) == [
        ("Aug. 2", "2024-08-02")
    ]
    assert dates_in("Delegates prepared for the Aug. 8 summit.", written) == [
        ("Aug. 8", "2024-08-08")
    ]
