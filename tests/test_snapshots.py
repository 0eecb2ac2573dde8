"""What the main screens show, fixed as pictures: a change to any of them must be looked at.

Update the pictures after a change meant to alter them: `pytest tests/test_snapshots.py
--snapshot-update`, then look at `snapshot_report.html` before committing.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from textual.pilot import Pilot

from briefing.paths import sample_corpus
from briefing.tui.app import BriefingApp

Compare = Callable[..., bool]


def opened_then(*keys: str) -> Callable[[Pilot[Any]], Awaitable[None]]:
    async def run_before(pilot: Pilot[Any]) -> None:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        await pilot.pause(0.3)

    return run_before


def test_timeline_at_120_by_40(snap_compare: Compare) -> None:
    assert snap_compare(
        BriefingApp(sample_corpus()), terminal_size=(120, 40), run_before=opened_then("j", "j")
    )


def test_timeline_at_80_by_24(snap_compare: Compare) -> None:
    assert snap_compare(
        BriefingApp(sample_corpus()), terminal_size=(80, 24), run_before=opened_then("j", "j")
    )


def test_people_pane_at_80_by_24(snap_compare: Compare) -> None:
    assert snap_compare(
        BriefingApp(sample_corpus()), terminal_size=(80, 24), run_before=opened_then("2")
    )


def test_sources_of_an_event(snap_compare: Compare) -> None:
    keys = ("j",) * 8 + ("enter",)
    assert snap_compare(
        BriefingApp(sample_corpus()), terminal_size=(120, 40), run_before=opened_then(*keys)
    )


def test_article_at_the_sentence_of_an_event(snap_compare: Compare) -> None:
    keys = ("j",) * 8 + ("enter", "enter")
    assert snap_compare(
        BriefingApp(sample_corpus()), terminal_size=(120, 40), run_before=opened_then(*keys)
    )


def test_help(snap_compare: Compare) -> None:
    assert snap_compare(
        BriefingApp(sample_corpus()),
        terminal_size=(120, 40),
        run_before=opened_then("question_mark"),
    )
