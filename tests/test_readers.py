"""Each reader: what it takes from a file, and what it refuses with a reason."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from briefing.corpus import load_corpus
from briefing.model import Article, DateSource

BODY = "The delegations met in Istanbul on Monday. Both sides agreed to exchange prisoners."


def only(root: Path) -> tuple[Article, str]:
    """The one article of a corpus, and its cleaned text."""
    corpus = load_corpus(root)
    assert len(corpus.articles) == 1, corpus.skipped
    article = corpus.articles[0]
    return article, corpus.texts[article.path]


def test_txt_iso_date_line_with_headline_on_the_same_line(corpus: Callable[..., Path]) -> None:
    article, text = only(
        corpus({"a.txt": f" date 2025-06-02 Talks resume in Istanbul\n\n{BODY}\n"})
    )
    assert article.date.earliest == date(2025, 6, 2)
    assert article.date.source is DateSource.STATED
    assert article.date.how == "date line"
    assert article.title == "Talks resume in Istanbul"
    assert text.startswith("Talks resume in Istanbul\n\nThe delegations met")


def test_txt_written_date_line(corpus: Callable[..., Path]) -> None:
    article, text = only(corpus({"a.txt": f"Date: June 2, 2025\nTalks resume\n\n{BODY}"}))
    assert article.date.earliest == date(2025, 6, 2)
    assert article.title == "Talks resume"
    assert "Date:" not in text


def test_txt_without_date_line_is_undated_and_titled_by_its_first_line(
    corpus: Callable[..., Path],
) -> None:
    article, _ = only(corpus({"a.txt": f"\n\n  Talks resume  \n{BODY}"}))
    assert article.date.source is DateSource.UNKNOWN
    assert article.title == "Talks resume"


def test_txt_long_first_line_gives_its_first_sentence_as_title(corpus: Callable[..., Path]) -> None:
    article, _ = only(corpus({"a.txt": BODY + " " + BODY.replace("Monday", "Tuesday")}))
    assert article.title == "The delegations met in Istanbul on Monday."


def test_modification_time_is_never_a_date(corpus: Callable[..., Path]) -> None:
    root = corpus({"a.txt": BODY})
    old = 1_600_000_000
    import os

    os.utime(root / "a.txt", (old, old))
    assert only(root)[0].date.source is DateSource.UNKNOWN


def test_markdown_front_matter(corpus: Callable[..., Path]) -> None:
    source = (
        "---\ntitle: Round two\ndate: 2025-06-03\noutlet: Northline\n"
        "url: https://example.org/r2\nauthor: T. Wren\n---\n\n"
        f"## What was agreed\n\n{BODY} See *the* [statement](https://example.org/s).\n\n- one\n- two\n"
    )
    article, text = only(corpus({"a.md": source}))
    assert (article.title, article.outlet, article.url, article.author) == (
        "Round two",
        "Northline",
        "https://example.org/r2",
        "T. Wren",
    )
    assert article.date.earliest == date(2025, 6, 3)
    assert article.date.how == "front matter"
    assert "See the statement." in text
    assert "##" not in text and "](" not in text and "- one" not in text


def test_markdown_heading_is_the_title_without_front_matter(corpus: Callable[..., Path]) -> None:
    assert only(corpus({"a.md": f"# Round two\n\n{BODY}"}))[0].title == "Round two"


def test_markdown_with_broken_front_matter_is_skipped(corpus: Callable[..., Path]) -> None:
    result = load_corpus(corpus({"a.md": "---\ntitle: [unclosed\n---\nBody text here."}))
    assert not result.articles
    assert result.skipped[0].reason.startswith("broken front matter")


PAGE = """<!doctype html><html><head><title>Round two | Harbor Line</title>
<meta property="og:title" content="Russia and Ukraine return to the table">
<meta property="article:published_time" content="2025-06-02T09:15:00+03:00">
<meta property="og:site_name" content="Harbor Line News"><meta name="author" content="Daniel Kovac">
</head><body><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>
<div class="ad">Advertisement</div>
<article><h1>Russia and Ukraine return to the table</h1>
<p>Russian and Ukrainian delegations met at Çırağan Palace in Istanbul on Monday for a second round of
direct talks, the Turkish foreign ministry said, after weeks of preparation by both sides.</p>
<p>The meeting began at 1000 GMT and was chaired by the Turkish foreign minister, who urged both sides to
agree on a ceasefire and on further exchanges of prisoners of war.</p></article>
<section class="related"><h3>Related stories</h3><ul><li><a href="/a">Markets fall</a></li></ul></section>
<div class="comments"><h3>Comments</h3><p>reader1: [bold]fake news[/bold]</p></div>
<footer>© 2025 Harbor Line News. All rights reserved.</footer></body></html>"""


def test_html_takes_the_article_and_its_metadata(corpus: Callable[..., Path]) -> None:
    article, text = only(corpus({"page.html": PAGE}))
    assert article.title == "Russia and Ukraine return to the table"
    assert article.date.earliest == date(2025, 6, 2)
    assert article.date.how == "page metadata"
    assert article.outlet == "Harbor Line News"
    assert article.author == "Daniel Kovac"
    assert "Çırağan Palace" in text
    for clutter in (
        "Home",
        "Advertisement",
        "Related stories",
        "Markets fall",
        "fake news",
        "rights",
    ):
        assert clutter not in text


def test_json_one_article(corpus: Callable[..., Path]) -> None:
    record = {"title": "T", "published_at": "2025-05-29T08:00:00Z", "body": BODY, "url": "u",
              "source": {"name": "Eastbridge"}, "author": ["A", "B"]}  # fmt: skip
    article, _ = only(corpus({"a.json": json.dumps(record)}))
    assert (article.title, article.outlet, article.url, article.author) == (
        "T",
        "Eastbridge",
        "u",
        "A, B",
    )
    assert article.date.earliest == date(2025, 5, 29)
    assert article.path == "a.json"


def test_json_list_and_wrapped_list_number_their_articles(corpus: Callable[..., Path]) -> None:
    records = [
        {"title": f"T{n}", "date": "2025-06-01", "content": BODY + f" Item {n}."} for n in (1, 2)
    ]
    root = corpus(
        {"list.json": json.dumps(records), "wrapped.json": json.dumps({"articles": records})}
    )
    paths = [article.path for article in load_corpus(root).articles]
    assert paths == ["list.json#1", "list.json#2", "wrapped.json#1", "wrapped.json#2"]


def test_json_html_body_is_read_as_text(corpus: Callable[..., Path]) -> None:
    record = {"title": "T", "content": "<p>First paragraph here.</p><p>Second <b>bold</b> one.</p>"}
    _, text = only(corpus({"a.json": json.dumps(record)}))
    assert "First paragraph here." in text and "Second bold one." in text
    assert "<p>" not in text


def test_jsonl_skips_a_broken_line_and_reads_the_rest(corpus: Callable[..., Path]) -> None:
    lines = [
        json.dumps({"title": "One", "published": "2025-05-16", "text": BODY}),
        '{"title": "Broken", "text": "cut off',
        json.dumps({"title": "Two", "published": "2025-05-25", "text": BODY + " More."}),
        json.dumps({"title": "No text"}),
        "",
    ]
    result = load_corpus(corpus({"feed.jsonl": "\n".join(lines)}))
    assert [article.title for article in result.articles] == ["One", "Two"]
    assert [article.path for article in result.articles] == ["feed.jsonl#1", "feed.jsonl#2"]
    reasons = {skip.path: skip.reason for skip in result.skipped}
    assert reasons["feed.jsonl (line 2)"].startswith("not valid JSON")
    assert reasons["feed.jsonl (line 4)"].startswith("no text")


def test_json_escapes_cannot_smuggle_terminal_controls(corpus: Callable[..., Path]) -> None:
    record = {"title": "Evil \u001b[31mred", "text": "Body \u001b]0;owned\u0007 text goes here."}
    article, text = only(corpus({"a.json": json.dumps(record)}))
    assert "\x1b" not in article.title + text and "\x07" not in text


def test_unknown_binary_empty_and_project_files_are_skipped_with_reasons(
    corpus: Callable[..., Path],
) -> None:
    root = corpus(
        {
            "good.txt": BODY,
            "photo.png": b"\x89PNG\r\n\x1a\n" + bytes(40),
            "notes.docx": b"PK\x03\x04" + bytes(30),
            "empty.txt": "",
            "fake.txt": b"\x89PNG\r\n\x1a\n" + bytes(40),
            "bad.json": "{not json",
            "README.md": "# About this folder",
            ".hidden/secret.txt": BODY,
        }
    )
    result = load_corpus(root)
    assert [article.path for article in result.articles] == ["good.txt"]
    assert {skip.path: skip.reason for skip in result.skipped} == {
        "README.md": "a project file, not an article",
        "bad.json": "not valid JSON: expecting property name enclosed in double quotes (column 2)",
        "empty.txt": "empty file",
        "fake.txt": "binary file (a PNG image)",
        "notes.docx": "not an article file (.docx)",
        "photo.png": "not an article file (.png)",
    }


def test_unreadable_file_is_skipped(corpus: Callable[..., Path]) -> None:
    import os

    root = corpus({"good.txt": BODY, "locked.txt": BODY})
    os.chmod(root / "locked.txt", 0)
    try:
        if os.access(root / "locked.txt", os.R_OK):  # running as root: nothing is unreadable
            return
        result = load_corpus(root)
        assert [skip.path for skip in result.skipped] == ["locked.txt"]
        assert result.skipped[0].reason.startswith("cannot be read")
    finally:
        os.chmod(root / "locked.txt", 0o644)


def test_a_single_file_is_a_corpus(corpus: Callable[..., Path]) -> None:
    root = corpus({"a.txt": BODY})
    result = load_corpus(root / "a.txt")
    assert [article.path for article in result.articles] == ["a.txt"]


def test_a_reader_that_fails_costs_one_file_not_the_corpus(
    corpus: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    import briefing.corpus.readers as readers

    def broken(text: str) -> list[readers.RawArticle]:
        raise RuntimeError("parser exploded\nwith a traceback")

    monkeypatch.setitem(readers._SINGLE, ".html", broken)
    result = load_corpus(corpus({"good.txt": BODY, "page.html": PAGE}))
    assert [article.path for article in result.articles] == ["good.txt"]
    assert result.skipped[0].reason == "could not be read (RuntimeError: parser exploded)"
