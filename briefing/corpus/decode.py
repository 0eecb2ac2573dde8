"""Bytes to safe text: find the encoding, refuse what is not text, drop what a terminal obeys."""

from __future__ import annotations

import codecs
import re
import unicodedata

import charset_normalizer


class NotText(ValueError):
    """The bytes are not an article's text; the message says why, in a few words."""


_MAGIC = {
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a ZIP archive (or a Word/Office file)",
    b"\x1f\x8b": "a gzip archive",
    b"\x7fELF": "a program",
    b"\xd0\xcf\x11\xe0": "an old Office document",
}

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def decode(data: bytes) -> str:
    """The text in `data`, whatever its encoding; `NotText` if it holds no text."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _decode_as(data[len(bom) :], encoding)
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            raise NotText(f"binary file ({what})")
    if not data.strip():
        raise NotText("empty file")
    if b"\x00" in data:
        return _looks_like_text(_decode_as(data, _utf16_without_bom(data)))
    try:
        return _looks_like_text(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    return _looks_like_text(_legacy(data))


# Where a guess is a tie, the encodings news pages were most often saved in, first.
_COMMON = ("cp1252", "cp1251", "iso8859_1", "koi8_r", "iso8859_15", "cp1250", "iso8859_2", "cp1253")


def _legacy(data: bytes) -> str:
    """Text in a single-byte encoding such as Windows-1251, as charset-normalizer judges it."""
    guesses = list(charset_normalizer.from_bytes(data))
    if not guesses:
        raise NotText("not text in any known encoding")
    least = min(guess.chaos for guess in guesses)
    tied = [guess for guess in guesses if guess.chaos == least]
    tied.sort(key=lambda guess: _COMMON.index(guess.encoding) if guess.encoding in _COMMON else 99)
    return str(tied[0])


# Control characters (but line ends and tabs), private-use code points and lone surrogates.
_NOT_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ue000-\uf8ff\ud800-\udfff\ufffd]")


def _looks_like_text(text: str) -> str:
    """Decoded bytes that are mostly not letters, digits, spaces or punctuation are no article."""
    sample = text[:4000]
    odd = len(_NOT_TEXT.findall(sample))
    if sample and odd / len(sample) > 0.05:
        raise NotText("binary file")
    return text


def _utf16_without_bom(data: bytes) -> str:
    """UTF-16 text of a Latin script has a zero in every other byte; other binaries do not."""
    even, odd = data[0::2], data[1::2]
    if odd.count(0) > len(odd) * 0.3 and even.count(0) < len(even) * 0.05:
        return "utf-16-le"
    if even.count(0) > len(even) * 0.3 and odd.count(0) < len(odd) * 0.05:
        return "utf-16-be"
    raise NotText("binary file")


def _decode_as(data: bytes, encoding: str) -> str:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as error:
        raise NotText(f"broken {encoding.upper()} text at byte {error.start}") from None
    if not text.strip():
        raise NotText("empty file")
    return text


# Escape sequences (colours, cursor moves, window titles) and invisible or direction-changing
# characters: an article must never steer the terminal or hide words from the reader.
_ESCAPES = re.compile(r"\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b\[[0-?]*[ -/]*[@-~]|\x1b[@-_]?")
_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\u00ad]")
_SPACES = re.compile("[\t\u00a0\u2000-\u200a\u202f\u205f\u3000]")
_CONTROLS = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


def sanitise(text: str) -> str:
    """Plain, printable text: NFC, `\\n` line ends, no control characters or escape sequences."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _ESCAPES.sub("", text)
    text = _INVISIBLE.sub("", text)
    text = _SPACES.sub(" ", text)
    text = _CONTROLS.sub("", text)
    return unicodedata.normalize("NFC", text)
