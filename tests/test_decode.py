"""Bytes to text: every encoding a user's folder holds, and nothing a terminal would obey."""

from __future__ import annotations

import codecs

import pytest

from briefing.corpus.decode import NotText, decode, sanitise

TEXT = "Talks in Çırağan Palace – “Kyiv” and Київ"


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        codecs.BOM_UTF8 + TEXT.encode("utf-8"),
        codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
        TEXT.encode("utf-16-le"),
    ],
    ids=["utf-8", "utf-8 with BOM", "utf-16 LE", "utf-16 BE", "utf-16 without BOM"],
)
def test_unicode_encodings_are_read(data: bytes) -> None:
    assert decode(data) == TEXT


def test_windows_1251_is_read() -> None:
    text = (
        "Міністр оборони України Рустем Умєров очолить делегацію на переговорах у Стамбулі. "
        "Переговори відбудуться в понеділок, другого червня, у палаці Чираган."
    )
    assert decode(text.encode("cp1251")) == text


def test_latin_1_is_read() -> None:
    text = "Le président a rencontré le ministre à Genève, où la délégation était arrivée."
    assert decode(text.encode("latin-1")) == text


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file (a PNG image)"),
        (b"%PDF-1.7\n", "binary file (a PDF document)"),
        (b"\x00\x01\x02\x03\xff\xfe\x00\x07" * 20, "binary file"),
        (b"", "empty file"),
        (b"  \n\t\n", "empty file"),
    ],
)
def test_what_is_not_text_says_why(data: bytes, reason: str) -> None:
    with pytest.raises(NotText, match=reason.replace("(", r"\(").replace(")", r"\)")):
        decode(data)


def test_sanitise_removes_terminal_escapes_and_controls() -> None:
    dirty = "Red \x1b[31malert\x1b[0m\x07 and \x1b]0;title\x07 bell\x00 zero\u200bwidth\u202etxt"
    assert sanitise(dirty) == "Red alert and  bell zerowidthtxt"


def test_sanitise_keeps_lines_and_normalises_line_ends() -> None:
    assert sanitise("one\r\ntwo\rthree\n\tfour\u00a0five") == "one\ntwo\nthree\n four five"


def test_sanitise_composes_accents() -> None:
    assert sanitise("C\u0327ırag\u0306an") == "Çırağan"
