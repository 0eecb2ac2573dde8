"""Each cleaning rule drops what real pages add, and keeps the article's own words."""

from __future__ import annotations

import pytest

from briefing.corpus.clean import clean

LEAD = "The second round of talks will take place in Istanbul on June 2, officials said."
MORE = "Both delegations are expected to present memorandums on a possible ceasefire."


def rules(text: str) -> set[str]:
    return {rule for rule, _ in clean(text).dropped}


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("All rights reserved. © 2007 — 2025", "copyright"),
        ("Copyright 2025 Example Media", "copyright"),
        ("Read us on Telegram!", "social prompt"),
        ("Follow us on Facebook", "social prompt"),
        ("Share: Facebook | X | Telegram", "social prompt"),
        ("Did you find a mistake? Highlight it and press Ctrl+Enter", "error prompt"),
        ("Comments (3)", "comment prompt"),
        ("Leave a comment", "comment prompt"),
        ("Advertisement", "advertisement"),
        ("Read more: Markets fall as talks stall", "related links"),
        ("Related stories", "related links"),
        ("• 17257 views", "view counter"),
        ("Photo: Jane Doe / Example Agency", "photo credit"),
        (
            "Photo: web.archive.org by Someone, https://creativecommons.org/licenses/by/3.0/",
            "photo credit",
        ),
        ("Tags: war, politics", "tag header"),
        ("Subject in the field of online media; media identifier - R40-05926", "registration"),
        ("Published: 02.06.2025 14:35", "timestamp"),
        ("02.06.2025 14:35", "timestamp"),
        ("$41.530.00", "price ticker"),
        ("USD 41.52 ▲ EUR 47.10 ▼", "price ticker"),
        ("Kyiv • UNN", "dateline"),
        ("* * *", "noise"),
    ],
)
def test_clutter_lines_are_dropped(line: str, rule: str) -> None:
    cleaned = clean(f"{LEAD}\n{line}\n{MORE}")
    assert line not in cleaned.text
    assert (rule, line) in cleaned.dropped
    assert LEAD in cleaned.text and MORE in cleaned.text


def test_masthead_gives_the_outlet() -> None:
    cleaned = clean(f"Information agency «Ukrainian National News»\n{LEAD}\n{MORE}")
    assert cleaned.outlet == "Ukrainian National News"
    assert "agency" not in cleaned.text


def test_byline_gives_the_author() -> None:
    cleaned = clean(f"{LEAD}\nBy Jane Doe\n{MORE}")
    assert cleaned.author == "Jane Doe"
    assert "By Jane" not in cleaned.text


def test_inline_view_counter_is_cut_from_its_line() -> None:
    cleaned = clean(f"Kyiv report • 17257 views\n{LEAD}")
    assert "views" not in cleaned.text


def test_trailing_tag_list_is_dropped() -> None:
    tags = "Yana Example\nYana Example\nWarPolitics\nRustem Umerov\nIstanbul\nTurkey\nUkraine"
    cleaned = clean(f"{LEAD}\n{MORE}\n{tags}")
    assert cleaned.text.endswith(MORE)
    assert ("tag list", "WarPolitics") in cleaned.dropped


def test_short_lines_inside_the_article_stay() -> None:
    body = f"{LEAD}\nWho is in the delegation?\n{MORE}\nWhat comes next\nThe talks are due to last a day."
    cleaned = clean(body)
    assert "Who is in the delegation?" in cleaned.text and "What comes next" in cleaned.text


def test_repeated_paragraph_is_dropped() -> None:
    cleaned = clean(
        f"Headline of the day\n{LEAD}\n{MORE}\nHeadline of the day\nThe end of it all, they said."
    )
    assert cleaned.text.count("Headline of the day") == 1
    assert "repeat" in rules(f"Headline of the day\n{LEAD}\nHeadline of the day")


def test_repeated_lead_inside_one_paragraph_is_dropped() -> None:
    cleaned = clean(f"{LEAD} {MORE} {LEAD} {MORE} The meeting ends tonight.")
    assert cleaned.text.count(LEAD) == 1 and cleaned.text.count(MORE) == 1
    assert cleaned.text.endswith("The meeting ends tonight.")


def test_short_repeated_sentences_stay() -> None:
    cleaned = clean("He said no. They asked again. He said no. It was over.")
    assert cleaned.text.count("He said no.") == 2


def test_clutter_run_into_a_paragraph_and_the_page_tail_after_it_are_dropped() -> None:
    tail = (
        "Read “Zamin” on Telegram! Did you find a MIstake? Highlight the sentence and press "
        "CTRL + Entrance News World Moscow and kyiv are back at the table"
    )
    cleaned = clean(f"{LEAD} {MORE} {tail}")
    assert cleaned.text == f"{LEAD} {MORE}"
    assert {"social prompt", "error prompt"} <= rules(f"{LEAD} {MORE} {tail}")


def test_title_is_the_first_meaningful_line_after_clutter() -> None:
    cleaned = clean(
        f"$41.530.00\nAll rights reserved. © 2025\nToday is the second round: latest news\n{LEAD}"
    )
    assert cleaned.title == "Today is the second round: latest news"
    assert cleaned.text.startswith("Today is the second round")


def test_a_given_title_leads_the_text_once() -> None:
    assert clean(f"{LEAD}\n{MORE}", title="Talks resume").text.startswith("Talks resume\n\n")
    assert clean(f"Talks resume\n{LEAD}", title="Talks resume").text.count("Talks resume") == 1


def test_a_page_of_nothing_but_clutter_leaves_nothing() -> None:
    assert clean("Advertisement\nComments (3)\n© 2025 Example").text == ""


def test_cleaning_keeps_a_paragraph_word_for_word() -> None:
    paragraph = (
        '"Our delegation, headed by V.R. Medinsky, is ready," his statement said. The U.S. envoy '
        "agreed (at 10 a.m.). Talks resume on June 2! Will they? “Yes,” said Lavrov."
    )
    assert clean(paragraph).text == paragraph
