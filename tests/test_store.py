"""The cache: a second run reads only what changed, and a broken, foreign, shared or interrupted
cache never costs the user a briefing."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from briefing import build
from briefing.corpus import load_corpus
from briefing.engine import Desk, open_desk
from briefing.extract import extract
from briefing.model import Briefing
from briefing.paths import sample_corpus
from briefing.store import Store, cache_location

Make = Callable[[dict[str, str | bytes]], Path]

ARTICLES = {
    "a.txt": " date 2025-05-28 Russia proposes talks\nRussian Foreign Minister Sergey Lavrov said "
    "the second round will take place in Istanbul on June 2.",
    "b.txt": " date 2025-06-02 Talks today\nOn June 2, the second round of negotiations takes "
    "place at the Çırağan Palace in Istanbul. On May 16, the first round was held in Istanbul.",
    "c.txt": " date 2025-06-02 Drones strike airfields\nOn Sunday, Ukrainian drones struck "
    "bombers at airfields in Russia. Talks are scheduled for Monday in Istanbul.",
    "d.txt": "Background\nThe second round is due on the 2nd of June in Istanbul, where Sergei "
    "Lavrov will not lead the delegation.",
}
EDITED_B = (
    " date 2025-06-02 Talks today\nOn June 2, the second round of negotiations takes place at "
    "the Çırağan Palace in Istanbul. Foreign Minister Hakan Fidan opened it."
)


def view(briefing: Briefing) -> dict[str, Any]:
    """What a user sees of a briefing, in a form two briefings can be compared by."""
    return {
        "events": sorted(
            (e.when.iso(), e.title, tuple(briefing.articles_of("event", e.id)), e.sources)
            for e in briefing.events
        ),
        "people": sorted(
            (p.name, tuple(sorted(p.aliases)), p.mention_count, p.article_count)
            for p in briefing.people
        ),
        "venues": sorted(
            (v.name, v.kind, v.mention_count, v.article_count) for v in briefing.venues
        ),
        "articles": sorted(
            (a.path, a.title, a.date.earliest, a.date.latest, a.date.source)
            for a in briefing.articles
        ),
        "marks": sorted(
            (a.path, m.kind, m.span) for a in briefing.articles for m in briefing.marks_in(a.path)
        ),
    }


def fresh(root: Path) -> dict[str, Any]:
    return view(open_desk(root, cache=False).briefing)


@pytest.fixture
def no_reading(monkeypatch: pytest.MonkeyPatch) -> Callable[[], None]:
    """Call to make any further reading of an article file fail the test."""

    def forbid() -> None:
        def fail(*args: object) -> None:
            raise AssertionError(f"an article was read again: {args}")

        monkeypatch.setattr(build, "read_file", fail)

    return forbid


@pytest.fixture
def no_extracting(monkeypatch: pytest.MonkeyPatch) -> Callable[[], None]:
    """Call to make any further extraction fail the test."""

    def forbid() -> None:
        def fail(*args: object) -> None:
            raise AssertionError("an article was extracted again")

        monkeypatch.setattr(build, "extract", fail)

    return forbid


# -- a second run reads only what changed -------------------------------------------------------


def test_an_unchanged_corpus_opens_without_reading_any_article(
    corpus: Make, no_reading: Callable[[], None]
) -> None:
    root = corpus(ARTICLES)
    expected = fresh(root)
    assert view(open_desk(root).briefing) == expected
    no_reading()
    desk = open_desk(root)
    assert desk.refresh().nothing
    assert view(desk.briefing) == expected


def test_a_touched_but_unchanged_file_is_hashed_not_taken_in_again(
    corpus: Make, no_reading: Callable[[], None], no_extracting: Callable[[], None]
) -> None:
    root = corpus(ARTICLES)
    desk = open_desk(root)
    before = view(desk.briefing)
    os.utime(root / "a.txt", (time.time() + 5, time.time() + 5))
    no_extracting()
    done = desk.refresh()
    assert (done.read, done.unchanged) == (0, 4) and done.nothing
    no_reading()
    assert desk.refresh().nothing  # its new time is kept: not even hashed again
    assert view(desk.briefing) == before


def test_a_new_file_is_added(corpus: Make) -> None:
    root = corpus({name: ARTICLES[name] for name in ("a.txt", "b.txt")})
    desk = open_desk(root)
    (root / "c.txt").write_text(ARTICLES["c.txt"], encoding="utf-8")
    done = desk.refresh()
    assert (done.read, done.unchanged) == (1, 2)
    assert "c.txt" in desk.briefing.article
    assert view(desk.briefing) == fresh(root)


def test_an_edited_file_replaces_its_facts(corpus: Make) -> None:
    root = corpus(ARTICLES)
    desk = open_desk(root)
    assert "Hakan Fidan" not in {p.name for p in desk.briefing.people}
    (root / "b.txt").write_text(EDITED_B, encoding="utf-8")
    assert desk.refresh().read == 1
    assert "Hakan Fidan" in {p.name for p in desk.briefing.people}
    assert not any("first round" in e.title for e in desk.briefing.events)
    assert view(desk.briefing) == fresh(root)
    kept = desk.store.connection.execute("SELECT count(*) FROM facts").fetchone()[0]
    assert kept == len(ARTICLES)  # the old text's facts went with it: edits do not pile up


def test_a_deleted_file_leaves_the_briefing(corpus: Make) -> None:
    root = corpus(ARTICLES)
    desk = open_desk(root)
    (root / "c.txt").unlink()
    assert desk.refresh().removed == 1
    assert "c.txt" not in desk.briefing.article
    assert not any(e.when.iso() == "2025-06-01" for e in desk.briefing.events)
    assert view(desk.briefing) == fresh(root)


def test_a_renamed_file_is_moved_not_extracted_again(
    corpus: Make, no_extracting: Callable[[], None]
) -> None:
    root = corpus(ARTICLES)
    desk = open_desk(root)
    (root / "b.txt").rename(root / "renamed.txt")
    expected = fresh(root)
    no_extracting()
    done = desk.refresh()
    assert (done.renamed, done.read, done.removed) == (1, 0, 0)
    assert "renamed.txt" in desk.briefing.article and "b.txt" not in desk.briefing.article
    assert desk.briefing.marks_in("renamed.txt")
    assert view(desk.briefing) == expected


def test_a_rename_to_another_kind_or_of_a_skipped_file_is_read_afresh(corpus: Make) -> None:
    article = (
        '{"title": "Talks", "text": "Talks open in Istanbul on June 2.", "date": "2025-06-01"}'
    )
    root = corpus({**ARTICLES, "e.json": article, "x.png": b"\x89PNG\r\n"})
    desk = open_desk(root)
    (root / "e.json").rename(root / "e.txt")  # the same bytes, read as text now
    (root / "x.png").unlink()
    (root / "y.pdf").write_bytes(b"%PDF-1.4")  # skipped too, but not as a .png
    done = desk.refresh()
    assert done.renamed == 0
    assert "e.txt" in desk.briefing.article and "e.json" not in desk.briefing.article
    assert view(desk.briefing) == fresh(root)
    reasons = {skipped.path: skipped.reason for skipped in desk.briefing.skipped}
    assert "y.pdf" in reasons and ".pdf" in reasons["y.pdf"] and "x.png" not in reasons


def test_a_file_that_takes_the_content_of_a_deleted_one_is_read(corpus: Make) -> None:
    root = corpus(ARTICLES)
    desk = open_desk(root)
    (root / "c.txt").unlink()
    (root / "a.txt").write_text(ARTICLES["c.txt"], encoding="utf-8")
    (root / "e.txt").write_text(ARTICLES["c.txt"], encoding="utf-8")
    desk.refresh()
    assert view(desk.briefing) == fresh(root)


def test_an_undated_article_is_dated_again_when_the_articles_it_leans_on_change(
    corpus: Make,
) -> None:
    root = corpus(ARTICLES)
    desk = open_desk(root)
    talks = [e for e in desk.briefing.events if e.when.iso() == "2025-06-02"]
    assert "d.txt" in desk.briefing.articles_of("event", talks[0].id)
    for name in ("a.txt", "b.txt", "c.txt"):
        (root / name).unlink()
    (root / "e.txt").write_text("Other\nA festival opens in Vienna.", encoding="utf-8")
    desk.refresh()
    assert not desk.briefing.events  # d.txt lost the year it borrowed: its June 2 is no date
    assert view(desk.briefing) == fresh(root)


def test_an_edit_that_leaves_the_dates_as_they_were_redates_no_undated_article(
    corpus: Make, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = corpus(ARTICLES)
    desk = open_desk(root)
    looked_at = []
    real = build.Resolver.year_of

    def year_of(self: build.Resolver, text: str, facts: Any) -> int | None:
        looked_at.append(text)
        return real(self, text, facts)

    monkeypatch.setattr(build.Resolver, "year_of", year_of)
    (root / "a.txt").write_text(ARTICLES["a.txt"] + " Nothing else was said.", encoding="utf-8")
    assert desk.refresh().read == 1
    assert looked_at == []  # d.txt names June 2, but what June 2 is did not change
    (root / "b.txt").write_text(ARTICLES["b.txt"].replace("2025", "2024"), encoding="utf-8")
    desk.refresh()
    assert len(looked_at) == 1  # now it did: d.txt is looked at again
    assert view(desk.briefing) == fresh(root)


@pytest.mark.parametrize("touched_again", [False, True])
def test_a_build_cut_short_after_a_day_changed_dates_its_undated_articles_next_time(
    corpus: Make, monkeypatch: pytest.MonkeyPatch, touched_again: bool
) -> None:
    root = corpus(ARTICLES)
    open_desk(root).close()
    for name in ("a.txt", "b.txt", "c.txt"):  # the year d.txt borrows becomes 2024
        (root / name).write_text(ARTICLES[name].replace("2025", "2024"), encoding="utf-8")
    monkeypatch.setattr(build, "BATCH", 1)  # each file committed as it is taken in
    real = build.Resolver.year_of

    def cut(*args: Any) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(build.Resolver, "year_of", cut)
    with pytest.raises(KeyboardInterrupt):
        open_desk(root)
    monkeypatch.setattr(build.Resolver, "year_of", real)
    if touched_again:  # June 2 touched again, and left as it is: what the cut did still counts
        edited = ARTICLES["a.txt"].replace("2025", "2024") + " No more was said."
        (root / "a.txt").write_text(edited, encoding="utf-8")
    desk = open_desk(root)  # else nothing is left to read, but the cut build's days are
    assert view(desk.briefing) == fresh(root)
    assert any(e.when.iso() == "2024-06-02" for e in desk.briefing.events)


def test_taking_out_an_article_whose_lone_name_was_taken_in_later_keeps_the_others(
    corpus: Make,
) -> None:
    root = corpus(
        {
            "a.txt": " date 2025-06-01 Talks\nLavrov met the Turkish side in Istanbul on June 2.",
            "b.txt": " date 2025-06-01 Talks\nSergey Lavrov met the Turkish side in Istanbul "
            "on June 2.",
        }
    )
    desk = open_desk(root)  # a's "Lavrov" waits, then joins b's Sergey Lavrov: relinked
    (root / "a.txt").unlink()
    desk.refresh()
    assert view(desk.briefing) == fresh(root)
    [talks] = desk.briefing.events
    assert [desk.briefing.person[p].name for p in talks.people] == ["Sergey Lavrov"]


def test_cached_and_fresh_extraction_agree_for_a_changed_article(corpus: Make) -> None:
    root = corpus(ARTICLES)
    desk = open_desk(root)
    (root / "b.txt").write_text(EDITED_B, encoding="utf-8")
    desk.refresh()
    text = desk.briefing.text("b.txt")
    kept = desk.store.facts_of_text(text)
    assert kept is not None
    assert kept == extract(text)
    assert text == load_corpus(root).texts["b.txt"]


def test_the_sample_corpus_from_the_cache_is_the_sample_corpus_read_afresh(
    no_reading: Callable[[], None],
) -> None:
    sample = sample_corpus()
    expected = fresh(sample)
    open_desk(sample).close()
    no_reading()
    assert view(open_desk(sample).briefing) == expected


def test_a_rebuild_is_a_first_build(corpus: Make) -> None:
    root = corpus({name: ARTICLES[name] for name in ("c.txt", "d.txt")})
    desk = open_desk(root)
    for name in ("a.txt", "b.txt"):
        (root / name).write_text(ARTICLES[name], encoding="utf-8")
    desk.refresh()
    (root / "c.txt").write_text(ARTICLES["c.txt"] + " Talks resumed on Monday.", encoding="utf-8")
    desk.refresh()
    desk.rebuild()
    assert view(desk.briefing) == fresh(root)


# -- a cache that cannot be used ----------------------------------------------------------------


def warnings_of(root: Path) -> tuple[Desk, list[str]]:
    said: list[str] = []
    return open_desk(root, warn=said.append), said


def test_a_corrupt_cache_is_set_aside_and_rebuilt(corpus: Make) -> None:
    root = corpus(ARTICLES)
    open_desk(root).close()
    location = cache_location(root)
    location.write_bytes(b"this is not a database" * 100)
    desk, said = warnings_of(root)
    assert len(said) == 1 and "set aside" in said[0]
    assert list(location.parent.glob(location.name + ".broken-*"))
    assert view(desk.briefing) == fresh(root)
    desk.close()
    _, said = warnings_of(root)
    assert said == []


def test_a_foreign_sqlite_file_is_set_aside_not_emptied(corpus: Make) -> None:
    root = corpus(ARTICLES)
    location = cache_location(root)
    location.parent.mkdir(parents=True)
    with sqlite3.connect(location) as other:
        other.execute("CREATE TABLE meta (key TEXT, value TEXT)")
        other.execute("INSERT INTO meta VALUES ('application', 'someone else')")
    desk, said = warnings_of(root)
    assert "set aside" in said[0]
    [aside] = location.parent.glob(location.name + ".broken-*")
    with sqlite3.connect(aside) as other:
        assert other.execute("SELECT value FROM meta").fetchone() == ("someone else",)
    assert view(desk.briefing) == fresh(root)


def test_an_unwritable_cache_folder_falls_back_to_memory(
    corpus: Make, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if os.geteuid() == 0:
        blocked = tmp_path / "a-file"  # root may write anywhere: a file where a folder must be
        blocked.write_text("", encoding="utf-8")
    else:
        blocked = tmp_path / "locked"
        blocked.mkdir(mode=0o500)
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    root = corpus(ARTICLES)
    desk, said = warnings_of(root)
    assert len(said) == 1 and "working in memory" in said[0]
    assert desk.store.location is None
    assert view(desk.briefing) == fresh(root)


def test_a_cache_of_an_older_engine_with_other_tables_is_rebuilt(corpus: Make) -> None:
    root = corpus(ARTICLES)
    location = cache_location(root)
    location.parent.mkdir(parents=True)
    with sqlite3.connect(location) as old:
        old.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
        old.executemany(
            "INSERT INTO meta VALUES (?, ?)", [("application", "briefing"), ("version", "0")]
        )
        old.execute(
            "CREATE TABLE events (id TEXT PRIMARY KEY, title TEXT)"
        )  # no column we need now
        old.execute("INSERT INTO events VALUES ('old', 'an event of another engine')")
        old.execute("CREATE TABLE articles (id INTEGER PRIMARY KEY, path TEXT)")  # nor indexed
    desk, said = warnings_of(root)
    assert said == []
    assert view(desk.briefing) == fresh(root)
    assert "old" not in desk.briefing.event


def test_a_cache_of_an_older_engine_is_rebuilt(
    corpus: Make, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = corpus(ARTICLES)
    open_desk(root).close()
    monkeypatch.setattr("briefing.store.ENGINE_VERSION", "older")
    desk = open_desk(root)
    assert desk.store.meta("version") == "older"
    assert view(desk.briefing) == fresh(root)


# -- two processes, and a build cut short -------------------------------------------------------


def many_articles(root: Path, count: int) -> Path:
    """A corpus of `count` short dated articles on a few days, each with people and places."""
    cities = ["Istanbul", "Ankara", "Vienna", "Geneva", "Doha", "Oslo"]
    root.mkdir()
    for number in range(count):
        day = 1 + number % 20
        city = cities[number % len(cities)]
        text = (
            f" date 2025-06-{day:02d} Talks in {city}, part {number}\n"
            f"Foreign Minister Hakan Fidan met envoy Steve Witkoff in {city} on June {day}. "
            f"Talks will resume in {cities[(number + 1) % len(cities)]} on July {1 + number % 9}. "
            f"Negotiator Rustem Umerov said article {number} was the {number}th report.\n"
        )
        (root / f"{number:04d}.txt").write_text(text, encoding="utf-8")
    return root


OPEN_IN_A_CHILD = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from briefing import build
    from briefing.engine import open_desk
    build.BATCH = int(sys.argv[2])
    desk = open_desk(Path(sys.argv[1]))
    print(len(desk.briefing.articles))
    """
)


def child(root: Path, batch: int = 2000) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", OPEN_IN_A_CHILD, str(root), str(batch)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_two_processes_opening_one_corpus_both_work_and_leave_one_good_cache(
    tmp_path: Path, no_reading: Callable[[], None]
) -> None:
    root = many_articles(tmp_path / "many", 80)
    first, second = child(root), child(root)
    for process in (first, second):
        out, err = process.communicate(timeout=300)
        assert process.returncode == 0, err
        assert out.strip() == "80"
        assert "warning" not in err
    assert len(list(cache_location(root).parent.glob("*.sqlite"))) == 1
    no_reading()
    desk = open_desk(root)
    assert desk.refresh().nothing
    assert len(desk.briefing.articles) == 80


def test_an_interrupted_build_leaves_a_cache_the_next_run_goes_on_from(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = many_articles(tmp_path / "many", 30)
    monkeypatch.setattr(build, "BATCH", 4)
    resolved = 0
    real = build.Resolver.add

    def add_then_fail(self: build.Resolver, *args: Any) -> Any:
        nonlocal resolved
        resolved += 1
        if resolved > 10:
            raise KeyboardInterrupt
        return real(self, *args)

    monkeypatch.setattr(build.Resolver, "add", add_then_fail)
    with pytest.raises(KeyboardInterrupt):
        open_desk(root)
    monkeypatch.setattr(build.Resolver, "add", real)
    store = Store.open(root)
    kept = store.connection.execute("SELECT count(*) FROM articles WHERE resolved IS NOT NULL")
    assert kept.fetchone()[0] == 8  # two batches of four committed, the rest rolled back
    store.close()
    desk = open_desk(root)
    assert view(desk.briefing) == fresh(root)


def test_a_killed_build_leaves_a_cache_the_next_run_goes_on_from(tmp_path: Path) -> None:
    root = many_articles(tmp_path / "many", 400)
    process = child(root, batch=5)
    location = cache_location(root)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        if location.exists() and _resolved_in(location) >= 5:
            break
        time.sleep(0.02)
    if process.poll() is not None:
        pytest.fail("the build ended before it could be killed: give it more articles")
    process.send_signal(signal.SIGKILL)
    process.wait()
    desk = open_desk(root)
    assert len(desk.briefing.articles) == 400
    assert view(desk.briefing) == fresh(root)


def _resolved_in(location: Path) -> int:
    try:
        with sqlite3.connect(location, timeout=1) as peek:
            row = peek.execute("SELECT count(*) FROM articles WHERE resolved IS NOT NULL")
            return int(row.fetchone()[0])
    except sqlite3.Error:
        return 0
