"""What is new since last time: a visit (the dashboard, `timeline --since-last`) records the
events; the next tells which are new and which changed; `briefing changes` lists them and only
reads; a damaged record counts as no visit, with a message, never a crash."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from briefing import visits
from briefing.cli import main
from briefing.engine import open_briefing
from briefing.tui.app import BriefingApp
from briefing.tui.widgets.detail import Detail
from briefing.tui.widgets.lists import EventTable

FERRY = " date 2024-03-05\n\nFerry crews in Bergen walked out on Monday, the union said.\n"
FERRY_AGAIN = " date 2024-03-06\n\nFerry crews in Bergen walked out on Monday, the operator said.\n"
BRIDGE = " date 2024-03-08\n\nThe Askøy bridge reopened to traffic on Thursday after repairs.\n"


def corpus_of(root: Path, **files: str) -> Path:
    root.mkdir(exist_ok=True)
    for name, text in files.items():
        (root / f"{name}.txt").write_text(text, encoding="utf-8")
    return root


def test_a_new_event_and_an_event_with_a_new_article_are_told_apart(tmp_path: Path) -> None:
    root = corpus_of(tmp_path / "corpus", ferry=FERRY)
    assert visits.last_visit(root) == (None, None)
    assert visits.record_visit(open_briefing(root), root) is None
    corpus_of(root, again=FERRY_AGAIN, bridge=BRIDGE)
    briefing = open_briefing(root)
    visit, problem = visits.last_visit(root)
    assert problem is None and visit is not None
    found = {
        briefing.event[key].when.iso(): change
        for key, change in visits.changes(briefing, visit).items()
    }
    assert found["2024-03-07"].how == "new"
    assert found["2024-03-04"] == visits.Change("changed", "1 more article")


def test_nothing_has_changed_on_a_second_visit(tmp_path: Path) -> None:
    root = corpus_of(tmp_path / "corpus", ferry=FERRY, bridge=BRIDGE)
    visits.record_visit(open_briefing(root), root)
    visit, _ = visits.last_visit(root)
    assert visits.changes(open_briefing(root), visit) == {}


def test_a_damaged_record_is_no_visit_with_a_message(tmp_path: Path) -> None:
    root = corpus_of(tmp_path / "corpus", ferry=FERRY)
    record = visits.location(root)
    record.parent.mkdir(parents=True)
    record.write_text('{"at": "x", "events": [[]]}', encoding="utf-8")
    visit, problem = visits.last_visit(root)
    assert visit is None and problem is not None and "every event counts as new" in problem
    assert visits.record_visit(open_briefing(root), root) is None  # and the next visit mends it
    assert visits.last_visit(root)[0] is not None


def test_the_cli_marks_changes_since_last_and_changes_only_reads(tmp_path: Path) -> None:
    root = corpus_of(tmp_path / "corpus", ferry=FERRY)
    runner = CliRunner()
    first = runner.invoke(main, ["changes", str(root)])
    assert first.exit_code == 0 and "No earlier visit" in first.output
    runner.invoke(main, ["timeline", str(root), "--since-last"])
    corpus_of(root, bridge=BRIDGE)
    for _ in range(2):  # reading twice tells the same: `changes` records nothing
        listed = runner.invoke(main, ["changes", str(root)], env={"COLUMNS": "160"})
        assert "1 new event" in listed.output and "Askøy" in listed.output
        assert "Ferry" not in listed.output
    marked = json.loads(
        runner.invoke(main, ["timeline", str(root), "--since-last", "--json"]).output
    )
    assert [event["change"] and event["change"]["how"] for event in marked["events"]] == [
        None,
        "new",
    ]
    after = runner.invoke(main, ["changes", str(root)])
    assert "Nothing new or changed" in after.output


async def test_the_dashboard_marks_what_is_new_and_records_the_visit(tmp_path: Path) -> None:
    root = corpus_of(tmp_path / "corpus", ferry=FERRY)
    visits.record_visit(open_briefing(root), root)
    corpus_of(root, bridge=BRIDGE)
    app = BriefingApp(root)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        table = app.screen.query_one(EventTable)
        titles = [str(table.get_row_at(row)[1]) for row in range(table.row_count)]
        assert titles[0].startswith("Ferry") and titles[1].startswith("● The Askøy bridge")
        await pilot.press("j")
        await pilot.pause()
        assert "● new since the last visit" in str(app.screen.query_one(Detail).render())
    visit, _ = visits.last_visit(root)
    assert visit is not None and visits.changes(open_briefing(root), visit) == {}
