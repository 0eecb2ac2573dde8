"""The command line as a user and a script see it: tables, JSON shapes, clear errors."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from briefing.cli import main

CORPUS = {
    "a.txt": " date 2025-05-28 Russia proposes talks\nRussian Foreign Minister Sergey Lavrov said the second "
    "round will take place in Istanbul on June 2.",
    "b.txt": " date 2025-06-02 Talks today\nOn June 2, the second round of negotiations takes place at "
    "the Çırağan Palace in Istanbul at 13:00. Lavrov said on Sunday that Russia is ready.",
    "broken.json": "{oops",
}


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def run_json(*args: str) -> Any:
    result = run(*args, "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


@pytest.fixture
def folder(corpus: Callable[[dict[str, str | bytes]], Path]) -> Path:
    return corpus(CORPUS)


def test_timeline_json_shape(folder: Path) -> None:
    events = run_json("timeline", str(folder))["events"]
    talks = next(event for event in events if event["date"] == "2025-06-02")
    assert {"id", "date", "end", "time", "title", "people", "venues", "mentions"} <= talks.keys()
    assert talks["end"] is None and talks["time"] == "13:00"
    assert "Istanbul" in talks["venues"] and "Sergey Lavrov" in talks["people"]
    mention = talks["mentions"][0]
    assert {"article", "text", "start", "end"} <= mention.keys()
    text = (folder / mention["article"]).read_text(encoding="utf-8")
    assert mention["article"] == "a.txt" and mention["text"] in text


def test_mention_offsets_point_into_the_cleaned_text(folder: Path) -> None:
    shown = run_json("show", str(folder / "b.txt"))
    for event in run_json("timeline", str(folder))["events"]:
        for mention in event["mentions"]:
            if mention["article"] == "b.txt":
                assert shown["text"][mention["start"] : mention["end"]] == mention["text"]


def test_people_json_shape(folder: Path) -> None:
    people = run_json("people", str(folder))["people"]
    lavrov = next(person for person in people if person["name"] == "Sergey Lavrov")
    assert {"name", "aliases", "roles", "articles", "mentions"} <= lavrov.keys()
    assert lavrov["aliases"] == ["Lavrov"] and lavrov["roles"] == ["Russian Foreign Minister"]
    assert lavrov["articles"] == ["a.txt", "b.txt"] and lavrov["mentions"] == 2


def test_venues_json_shape(folder: Path) -> None:
    venues = {venue["name"]: venue for venue in run_json("venues", str(folder))["venues"]}
    palace = venues["Çırağan Palace"]
    assert {"name", "aliases", "kind", "within", "articles", "mentions"} <= palace.keys()
    assert (palace["kind"], palace["within"], palace["articles"]) == (
        "palace",
        "Istanbul",
        ["b.txt"],
    )


def test_articles_json_shape_with_what_was_skipped(folder: Path) -> None:
    listing = run_json("articles", str(folder))
    first = listing["articles"][0]
    assert {"path", "title", "date", "date_source", "outlet", "url"} <= first.keys()
    assert (first["path"], first["date"], first["date_source"]) == ("a.txt", "2025-05-28", "stated")
    assert listing["skipped"] == [{"path": "broken.json", "reason": "not valid JSON: expecting property "
                                   "name enclosed in double quotes (column 2)"}]  # fmt: skip


def test_tables_are_readable(folder: Path) -> None:
    result = run("timeline", str(folder))
    assert result.exit_code == 0
    assert (
        "Mon 2 Jun 2025" in result.output
        and "13:00" in result.output
        and "Istanbul" in result.output
    )
    assert "2 articles" in result.output and "1 file skipped" in result.output
    assert "Skipped" in run("articles", str(folder)).output


def test_show_marks_an_article(folder: Path) -> None:
    shown = run_json("show", "b.txt", str(folder))
    kinds = {(mark["kind"], mark["text"]) for mark in shown["mentions"]}
    assert {
        ("event", "June 2"),
        ("venue", "Çırağan Palace"),
        ("venue", "Istanbul"),
        ("person", "Lavrov"),
    } <= kinds
    assert "Talks today" in run("show", str(folder / "b.txt")).output


def test_no_corpus_means_the_sample_corpus() -> None:
    listing = run_json("articles")
    assert len(listing["articles"]) >= 12
    assert run("--help").exit_code == 0


@pytest.mark.parametrize("command", ["timeline", "people", "venues", "articles"])
def test_a_missing_corpus_is_a_clear_error(command: str, tmp_path: Path) -> None:
    result = run(command, str(tmp_path / "nowhere"))
    assert result.exit_code == 1
    assert "no such file or folder" in result.output and "Traceback" not in result.output


def test_an_empty_corpus_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    result = run("timeline", str(tmp_path))
    assert result.exit_code == 1
    assert "no articles found" in result.output and "photo.png" in result.output


def test_show_of_a_skipped_or_unknown_article_says_why(folder: Path) -> None:
    assert "it was skipped: not valid JSON" in run("show", "broken.json", str(folder)).output
    assert "no such article" in run("show", "nope.txt", str(folder)).output


def test_article_text_is_never_read_as_markup(
    corpus: Callable[[dict[str, str | bytes]], Path],
) -> None:
    root = corpus(
        {
            "evil.txt": " date 2025-06-02 [bold red]Loud[/] title [link=https://x.example]click[/link]\n"
            "Talks in Istanbul on June 2 [/] went on. :smile: [blink]end[/blink]"
        }
    )
    for command in ("timeline", "articles", "people", "venues"):
        result = run(command, str(root))
        assert result.exit_code == 0, result.output
    assert "June 2 [/] went on" in run("timeline", str(root), "--sentences").output
    articles = run("articles", str(root)).output
    assert "[bold red]Loud[/]" in articles and "[link=https://x.example]click[/link]" in articles
    shown = run("show", str(root / "evil.txt")).output
    assert ":smile: [blink]end[/blink]" in shown
