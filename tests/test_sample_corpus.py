"""The corpus that ships with briefing: every format and mess in it reads into a useful briefing."""

from __future__ import annotations

from functools import cache

from briefing.engine import open_briefing
from briefing.model import Briefing, DateSource
from briefing.paths import sample_corpus


@cache
def sample() -> Briefing:
    return open_briefing(sample_corpus())


def test_every_format_and_encoding_is_read() -> None:
    paths = [article.path for article in sample().articles]
    for suffix in (".txt", ".md", ".html", ".json", ".jsonl"):
        assert any(path.split("#")[0].endswith(suffix) for path in paths), suffix
    assert len(paths) >= 12


def test_only_the_deliberately_bad_parts_are_skipped() -> None:
    assert {skip.path for skip in sample().skipped} == {
        "cover.png",
        "feeds/wire-updates.jsonl (line 2)",
    }


def test_dated_and_undated_articles_are_both_there() -> None:
    sources = {article.date.source for article in sample().articles}
    assert DateSource.STATED in sources
    assert sources & {DateSource.UNKNOWN, DateSource.INFERRED}


def test_the_second_round_is_one_event_with_many_sources() -> None:
    [talks] = [event for event in sample().events if event.when.iso() == "2025-06-02"]
    assert talks.sources >= 8
    assert {sample().venue[venue].name for venue in talks.venues} >= {"Istanbul", "Çırağan Palace"}


def test_the_cast_is_found_and_merged() -> None:
    names = {person.name for person in sample().people}
    assert {"Sergey Lavrov", "Vladimir Medinsky", "Volodymyr Zelenskyy", "Hakan Fidan"} <= names
    assert len({person.id for person in sample().people}) == len(sample().people)
