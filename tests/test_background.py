"""Story and background: events well before the span the corpus's articles are written in are what
the story recalls; they are kept in their own group, never mixed with the story's days: last in
the CLI (`--background` lists them), folded in the dashboard."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from briefing.cli import main
from briefing.engine import open_briefing
from briefing.tui.app import BriefingApp
from briefing.tui.screens.main import MainScreen
from briefing.tui.widgets.lists import BACKGROUND_ROW, EventTable

RESCUE = (
    " date 2024-06-12\n\nDivers reached the stranded walkers in the Arnside caves on Tuesday, "
    "the coastguard said. The same team rescued two climbers at Kilnsey Crag in 2012.\n"
)
FOLLOW_UP = (
    " date 2024-06-14\n\nThe walkers left hospital in Lancaster on Thursday, their families said.\n"
)


def story_corpus(root: Path, *extra: tuple[str, str]) -> Path:
    root.mkdir()
    (root / "rescue.txt").write_text(RESCUE, encoding="utf-8")
    (root / "follow-up.txt").write_text(FOLLOW_UP, encoding="utf-8")
    for name, text in extra:
        (root / name).write_text(text, encoding="utf-8")
    return root


def test_an_event_years_before_the_articles_is_background(tmp_path: Path) -> None:
    briefing = open_briefing(story_corpus(tmp_path / "corpus"))
    assert [event.when.iso() for event in briefing.background] == ["2012"]
    assert [event.when.iso() for event in briefing.story] == ["2024-06-11", "2024-06-13"]
    assert str(briefing.story_start) == "2024-06-12"


def test_a_stray_old_article_does_not_move_the_story(tmp_path: Path) -> None:
    old = (" date 2012-05-02\n\nThe team rescued two climbers at Kilnsey Crag on Tuesday.\n",)
    corpus = story_corpus(tmp_path / "corpus", ("old.txt", old[0]))
    for number in range(8):  # enough of this year's articles for one old one to stand apart
        text = f" date 2024-06-{15 + number}\n\nThe inquiry in Lancaster met on Monday.\n"
        (corpus / f"inquiry-{number}.txt").write_text(text, encoding="utf-8")
    briefing = open_briefing(corpus)
    assert str(briefing.story_start) == "2024-06-12"
    assert "2012-05-01" in [event.when.iso() for event in briefing.background]


def test_an_undated_corpus_has_no_background(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("The team rescued two climbers in 2012.\n", encoding="utf-8")
    briefing = open_briefing(corpus)
    assert briefing.story_start is None and briefing.background == ()


def test_the_cli_lists_the_background_last_and_only_when_asked(tmp_path: Path) -> None:
    corpus = str(story_corpus(tmp_path / "corpus"))
    runner = CliRunner()
    plain = runner.invoke(main, ["timeline", corpus], env={"COLUMNS": "160"})
    assert plain.exit_code == 0, plain.output
    assert "Kilnsey" not in plain.output and "2012" not in plain.output.split("Background")[0]
    assert "Background: 1 event well before the story" in plain.output
    assert "--background shows them" in plain.output
    full = runner.invoke(main, ["timeline", corpus, "--background"], env={"COLUMNS": "160"})
    story, _, background = full.output.partition("Background: 1 event")
    assert "Arnside" in story and "Kilnsey" not in story and "Kilnsey" in background
    records = json.loads(runner.invoke(main, ["timeline", corpus, "--json"]).output)
    assert [event["background"] for event in records["events"]] == [True, False, False]
    records = json.loads(runner.invoke(main, ["timeline", corpus, "--json", "--background"]).output)
    assert [event["background"] for event in records["events"]] == [True, False, False]


async def test_the_dashboard_folds_the_background_and_enter_unfolds_it(tmp_path: Path) -> None:
    app = BriefingApp(story_corpus(tmp_path / "corpus"))
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MainScreen)
        table = screen.query_one(EventTable)
        keys = [str(key.value) for key in table.rows]
        assert keys[-1] == BACKGROUND_ROW and len(keys) == len(app.briefing.story) + 1
        await pilot.press("G")
        assert table.selected_key == BACKGROUND_ROW
        assert screen.selected_event() is None  # nothing to bookmark on the group's row
        await pilot.press("enter")
        keys = [str(key.value) for key in table.rows]
        assert keys[-2:] == [BACKGROUND_ROW, app.briefing.background[0].id]
        assert table.selected_key == BACKGROUND_ROW
        await pilot.press("enter")
        assert [str(key.value) for key in table.rows][-1] == BACKGROUND_ROW
