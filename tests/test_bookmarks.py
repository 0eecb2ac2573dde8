"""Bookmarks are the analyst's own work: kept, found again, never lost, and written out in forms
that real parsers read back."""

from __future__ import annotations

import csv
import dataclasses
import errno
import io
import json
import subprocess
import sys
import textwrap
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

import icalendar
import pytest
from click.testing import CliRunner, Result

from briefing import bookmarks as bookmarks_module
from briefing.bookmarks import Bookmark, Bookmarks, BookmarksError, BookmarksFile, Source
from briefing.cli import main
from briefing.engine import open_desk
from briefing.export import calendar, export, markdown, spreadsheet
from briefing.model import Briefing, Event

Make = Callable[[dict[str, str | bytes]], Path]

ARTICLES: dict[str, str | bytes] = {
    "a.txt": " date 2025-05-28 Russia proposes talks\nRussian Foreign Minister Sergey Lavrov said "
    "the second round of talks will take place in Istanbul on June 2.",
    "b.txt": " date 2025-06-02 Talks today\nOn June 2, the second round of negotiations takes "
    "place at the Çırağan Palace in Istanbul at 13:00 GMT. On May 16, the first round was held "
    "in Istanbul.",
    "c.txt": " date 2025-06-02 Drones strike airfields\nOn Sunday, Ukrainian drones struck "
    "bombers at airfields in Russia.",
}


def event_on(briefing: Briefing, day: str) -> Event:
    return next(event for event in briefing.events if event.when.iso() == day)


@pytest.fixture
def folder(corpus: Make) -> Path:
    return corpus(ARTICLES)


# -- toggling, notes, keeping ---------------------------------------------------------------------


def test_toggle_note_save_and_load_again(folder: Path, tmp_path: Path) -> None:
    briefing = open_desk(folder).briefing
    talks = event_on(briefing, "2025-06-02")
    kept = BookmarksFile(tmp_path / "marks.json", folder)
    bookmark = kept.bookmarks.toggle(briefing, talks)
    assert bookmark is not None and bookmark.event == talks.id
    assert bookmark.time == "13:00" and bookmark.timezone == "GMT"
    assert {s.article for s in bookmark.sources} == {"a.txt", "b.txt"}
    assert "Çırağan Palace" in " ".join(s.sentence for s in bookmark.sources)
    kept.bookmarks.set_note(bookmark.key, "Watch the prisoner list.\nAsk the embassy.")
    kept.save()

    again = BookmarksFile(tmp_path / "marks.json", folder)
    assert again.load() is None
    [loaded] = again.bookmarks.in_order()
    assert loaded.note == "Watch the prisoner list.\nAsk the embassy."
    assert loaded.title == talks.title and loaded.key == bookmark.key
    assert again.bookmarks.toggle(briefing, talks) is None  # a second toggle takes it away
    again.save()
    assert BookmarksFile(tmp_path / "marks.json").load() is None
    document = json.loads((tmp_path / "marks.json").read_text(encoding="utf-8"))
    assert document["version"] == 1 and document["bookmarks"] == []
    assert document["removed"][0]["key"] == bookmark.key


def test_the_file_is_readable_json_with_everything_to_show_an_event(
    folder: Path, tmp_path: Path
) -> None:
    briefing = open_desk(folder).briefing
    kept = BookmarksFile(tmp_path / "marks.json", folder)
    kept.bookmarks.add(briefing, event_on(briefing, "2025-06-02"), note="first")
    kept.save()
    text = (tmp_path / "marks.json").read_text(encoding="utf-8")
    assert "\n  " in text  # indented, for people
    [record] = json.loads(text)["bookmarks"]
    assert set(record) == {"key", "event", "date", "time", "timezone", "title", "venues", "people",
                           "sources", "note", "created", "updated", "gone", "differ"}  # fmt: skip
    assert set(record["sources"][0]) == {"article", "title", "outlet", "sentence"}
    assert "Istanbul" in record["venues"] and "Sergey Lavrov" in record["people"]


# -- after the corpus changes ---------------------------------------------------------------------


def test_a_bookmark_finds_its_event_again_under_a_new_id(folder: Path, tmp_path: Path) -> None:
    briefing = open_desk(folder, cache=False).briefing
    kept = BookmarksFile(tmp_path / "marks.json", folder)
    talks = event_on(briefing, "2025-06-02")
    kept.bookmarks.add(briefing, talks, note="keep me")
    kept.save()
    for name in ("a.txt", "b.txt"):  # the same articles under new names: new event ids
        (folder / name).rename(folder / f"renamed-{name}")
    changed = open_desk(folder, cache=False).briefing
    again = BookmarksFile(tmp_path / "marks.json", folder)
    again.load()
    assert again.bookmarks.attach(changed) == []
    [bookmark] = again.bookmarks.in_order()
    moved = event_on(changed, "2025-06-02")
    assert moved.id != talks.id and bookmark.event == moved.id
    assert not bookmark.gone and bookmark.note == "keep me"
    assert {s.article for s in bookmark.sources} == {"renamed-a.txt", "renamed-b.txt"}


def test_a_bookmark_whose_event_is_gone_stays_with_its_text(folder: Path, tmp_path: Path) -> None:
    briefing = open_desk(folder).briefing
    kept = BookmarksFile(tmp_path / "marks.json", folder)
    drones = event_on(briefing, "2025-06-01")
    kept.bookmarks.add(briefing, drones, note="check the satellite images")
    kept.save()
    (folder / "c.txt").unlink()
    again = BookmarksFile(tmp_path / "marks.json", folder)
    again.load()
    [gone] = again.bookmarks.attach(open_desk(folder).briefing)
    again.save()
    assert gone.gone and gone.title == drones.title and gone.note == "check the satellite images"
    assert gone.sources and "drones struck bombers" in gone.sources[0].sentence
    [record] = json.loads((tmp_path / "marks.json").read_text(encoding="utf-8"))["bookmarks"]
    assert record["gone"] is True and record["note"] == "check the satellite images"


# -- never lost -----------------------------------------------------------------------------------


def test_an_unreadable_file_is_set_aside_and_never_written_over(
    folder: Path, tmp_path: Path
) -> None:
    location = tmp_path / "marks.json"
    location.write_text('{"version": 1, "bookmarks": [{"broken', encoding="utf-8")
    kept = BookmarksFile(location, folder)
    notice = kept.load()
    assert notice is not None and "kept as" in notice
    [aside] = tmp_path.glob("marks.json.unreadable-*")
    assert str(aside) in notice
    assert aside.read_text(encoding="utf-8") == '{"version": 1, "bookmarks": [{"broken'
    briefing = open_desk(folder).briefing
    kept.bookmarks.add(briefing, event_on(briefing, "2025-06-02"))
    kept.save()
    assert aside.read_text(encoding="utf-8") == '{"version": 1, "bookmarks": [{"broken'
    assert len(json.loads(location.read_text(encoding="utf-8"))["bookmarks"]) == 1


def test_a_file_that_cannot_be_set_aside_is_left_alone(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    location = tmp_path / "marks.json"
    location.write_text("not json at all", encoding="utf-8")

    def refuse(self: Path, target: Path) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(Path, "rename", refuse)
    kept = BookmarksFile(location, folder)
    assert "left as it is" in (kept.load() or "")
    briefing = open_desk(folder).briefing
    kept.bookmarks.add(briefing, event_on(briefing, "2025-06-02"))
    with pytest.raises(BookmarksError):
        kept.save()
    assert location.read_text(encoding="utf-8") == "not json at all"
    assert kept.unsaved and len(kept.bookmarks.items) == 1


def test_a_full_disk_keeps_bookmarks_in_memory_until_a_save_succeeds(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    briefing = open_desk(folder).briefing
    kept = BookmarksFile(tmp_path / "marks.json", folder)
    kept.bookmarks.add(briefing, event_on(briefing, "2025-05-16"))
    kept.save()
    real = bookmarks_module.write_json_atomically

    def full(location: Path, document: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(bookmarks_module, "write_json_atomically", full)
    kept.bookmarks.add(briefing, event_on(briefing, "2025-06-02"), note="not lost")
    with pytest.raises(BookmarksError, match="No space left on device"):
        kept.save()
    assert kept.unsaved
    on_disk = json.loads((tmp_path / "marks.json").read_text(encoding="utf-8"))
    assert len(on_disk["bookmarks"]) == 1  # the old file is whole
    monkeypatch.setattr(bookmarks_module, "write_json_atomically", real)
    kept.save()
    assert not kept.unsaved
    assert len(json.loads((tmp_path / "marks.json").read_text(encoding="utf-8"))["bookmarks"]) == 2


def test_a_read_only_place_gives_a_clear_message(folder: Path, tmp_path: Path) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("", encoding="utf-8")
    kept = BookmarksFile(blocked / "marks.json", folder)  # a file where a folder must be
    briefing = open_desk(folder).briefing
    kept.bookmarks.add(briefing, event_on(briefing, "2025-06-02"))
    with pytest.raises(BookmarksError, match=r"could not be saved to .*kept in this window"):
        kept.save()
    assert len(kept.bookmarks.items) == 1


def bookmark(key: str, updated: str, note: str = "") -> Bookmark:
    return Bookmark(key, f"event-{key}", "2025-06-02", None, None, f"Event {key}", (), (),
                    (Source("a.txt", "A", None, "It happened."),), note, updated, updated)  # fmt: skip


def test_merging_two_windows_keeps_every_bookmark_and_the_later_edit() -> None:
    mine = Bookmarks(
        {"a": bookmark("a", "2025-06-02T10:00"), "b": bookmark("b", "2025-06-02T10:00", "old")}
    )
    theirs = Bookmarks(
        {"c": bookmark("c", "2025-06-02T10:05"), "b": bookmark("b", "2025-06-02T10:09", "new")}
    )
    merged = mine.merged(theirs)
    assert set(merged.items) == {"a", "b", "c"} and merged.items["b"].note == "new"
    theirs_removed = Bookmarks({}, {"a": "2025-06-02T10:10"})
    assert set(mine.merged(theirs_removed).items) == {"b"}  # removed after its last edit
    edited_later = Bookmarks({"a": bookmark("a", "2025-06-02T10:20", "still wanted")})
    assert "a" in edited_later.merged(theirs_removed).items


WRITER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from briefing.bookmarks import Bookmark, BookmarksFile, Source, now
    location, window = Path(sys.argv[1]), sys.argv[2]
    for number in range(15):
        kept = BookmarksFile(location)
        kept.load()
        key = f"{window}-{number}"
        kept.bookmarks.items[key] = Bookmark(key, key, "2025-06-02", None, None, key, (), (),
                                             (Source("a.txt", "A", None, "S."),), "", now(), now())
        kept.save()
    """
)


def test_two_writers_at_once_lose_nothing(tmp_path: Path) -> None:
    location = tmp_path / "marks.json"
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(location), window], stderr=subprocess.PIPE, text=True
        )
        for window in ("left", "right")
    ]
    for writer in writers:
        _, errors = writer.communicate(timeout=120)
        assert writer.returncode == 0, errors
    kept = BookmarksFile(location)
    assert kept.load() is None
    assert set(kept.bookmarks.items) == {f"{w}-{n}" for w in ("left", "right") for n in range(15)}


# -- written out, read back by real parsers -------------------------------------------------------


@pytest.fixture
def chosen(folder: Path) -> Bookmarks:
    briefing = open_desk(folder).briefing
    chosen = Bookmarks()
    chosen.add(
        briefing, event_on(briefing, "2025-06-02"), note='Agenda: "prisoners; bodies", then more.'
    )
    chosen.add(briefing, event_on(briefing, "2025-05-16"))
    drones = chosen.add(briefing, event_on(briefing, "2025-06-01"), note="=SUM(A1:A9)")
    chosen.items[drones.key] = dataclasses.replace(drones, title="[bold]Drones[/] *hit* #1")
    return chosen


def test_ics_loads_in_a_calendar_parser(chosen: Bookmarks) -> None:
    text = calendar(chosen.in_order(), "Briefing: test")
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    events = {str(event["UID"]).removesuffix("@briefing"): event
              for event in icalendar.Calendar.from_ical(text).walk("VEVENT")}  # fmt: skip
    assert set(events) == set(chosen.items)  # one each, known by the bookmark's key
    by_date = {chosen.items[key].date: event for key, event in events.items()}
    talks = by_date["2025-06-02"]
    assert talks.decoded("DTSTART") == datetime(2025, 6, 2, 13, 0, tzinfo=UTC)  # 13:00 GMT
    assert str(talks["SUMMARY"]) == chosen.items[next(iter(chosen.items))].title
    assert 'Agenda: "prisoners; bodies", then more.' in str(talks["DESCRIPTION"])
    assert "Çırağan Palace" in str(talks["DESCRIPTION"])
    first_round = by_date["2025-05-16"]
    assert (first_round.decoded("DTSTART"), first_round.decoded("DTEND")) == (
        date(2025, 5, 16),
        date(2025, 5, 17),
    )
    assert str(by_date["2025-06-01"]["SUMMARY"]) == "[bold]Drones[/] *hit* #1"
    uids = set(events)
    again = icalendar.Calendar.from_ical(calendar(chosen.in_order(), "Briefing: test"))
    assert {str(event["UID"]).removesuffix("@briefing") for event in again.walk("VEVENT")} == uids


def test_csv_reads_back_one_row_per_event(chosen: Bookmarks) -> None:
    rows = list(csv.DictReader(io.StringIO(spreadsheet(chosen.in_order(), "t"))))
    assert len(rows) == 3
    assert [row["date"] for row in rows] == ["2025-05-16", "2025-06-01", "2025-06-02"]
    assert rows[2]["note"] == 'Agenda: "prisoners; bodies", then more.'
    assert rows[2]["time"] == "13:00" and "Istanbul" in rows[2]["venues"]
    assert rows[1]["note"] == "'=SUM(A1:A9)"  # never a formula in a spreadsheet


def test_json_reads_back_as_the_same_bookmarks(chosen: Bookmarks) -> None:
    document = json.loads(export(chosen, "json", "t"))
    assert Bookmarks.from_document(document).items == chosen.items


def test_markdown_is_a_briefing_with_sources_and_untrusted_text_escaped(chosen: Bookmarks) -> None:
    text = markdown(chosen.in_order(), "Briefing: test")
    assert text.startswith("# Briefing: test\n")
    assert text.index("16 May 2025") < text.index("1 Jun 2025") < text.index("2 Jun 2025")
    assert r"\[bold\]Drones\[/\] \*hit\* \#1" in text
    assert "> On June 2, the second round" in text and "Agenda:" in text


def test_a_note_keeps_its_lines_and_paragraphs_in_markdown(chosen: Bookmarks) -> None:
    marked = chosen.in_order()[0]
    noted = dataclasses.replace(marked, note="First line\nsecond line\n\nA new paragraph\n")
    text = markdown([noted], "Briefing: test")
    assert "First line\\\nsecond line\n\nA new paragraph\n" in text


# -- the command line -----------------------------------------------------------------------------


def test_cli_lists_and_exports_without_writing_over_a_file(folder: Path, tmp_path: Path) -> None:
    briefing = open_desk(folder).briefing
    location = tmp_path / "marks.json"
    kept = BookmarksFile(location, folder)
    kept.bookmarks.add(briefing, event_on(briefing, "2025-06-02"), note="the main event")
    kept.save()
    saved = location.stat().st_mtime_ns
    runner = CliRunner()

    def bookmarks(command: str, *more: str) -> Result:
        return runner.invoke(
            main, ["bookmarks", command, str(folder), "--bookmarks", str(location), *more]
        )

    listed = bookmarks("list")
    assert (
        listed.exit_code == 0
        and "the main event" in listed.output
        and "1 bookmarked event" in listed.output
    )
    assert location.stat().st_mtime_ns == saved  # listing is reading: the file is not rewritten
    out = tmp_path / "briefing.ics"
    done = bookmarks("export", "--format", "ics", "-o", str(out))
    assert done.exit_code == 0, done.output
    assert (
        len(list(icalendar.Calendar.from_ical(out.read_text(encoding="utf-8")).walk("VEVENT"))) == 1
    )
    first = out.read_text(encoding="utf-8")
    again = bookmarks("export", "--format", "ics", "-o", str(out))
    assert again.exit_code == 1 and "--force" in again.output
    assert out.read_text(encoding="utf-8") == first
    forced = bookmarks("export", "--format", "md", "-o", str(out), "--force")
    assert forced.exit_code == 0 and out.read_text(encoding="utf-8").startswith("# Briefing:")
    assert "\n1 event, in date order." in out.read_text(encoding="utf-8")
