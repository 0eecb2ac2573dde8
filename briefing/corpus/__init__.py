"""Reading a corpus: a folder of article files (or one file) in, clean dated `Article`s out.

Every file is read on its own: one that cannot be read is skipped with a one-line reason, and the
rest of the corpus still loads.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from briefing.corpus.article_date import stated_date
from briefing.corpus.clean import clean
from briefing.corpus.decode import NotText, decode, sanitise
from briefing.corpus.readers import SUFFIXES, RawArticle, Unreadable, date_line, read_text
from briefing.model import Article, Skipped

MAX_FILE_BYTES = 20 * 1024 * 1024
NOT_ARTICLES = frozenset({"README", "LICENSE", "LICENCE", "CHANGELOG"})


class CorpusError(Exception):
    """The corpus as a whole cannot be read: a missing path, or no article in it."""


class CorpusFile(NamedTuple):
    """A file of the corpus as the folder lists it: enough to tell whether it changed."""

    name: str  # relative to the corpus, with / between folders
    path: str
    size: int
    mtime_ns: int


class ReadFile(NamedTuple):
    """What one file holds: its articles with their cleaned texts, what was skipped, its hash."""

    articles: list[tuple[Article, str]]
    skipped: list[Skipped]
    hash: str


@dataclass(frozen=True, slots=True)
class Corpus:
    """A whole corpus read into memory: for small folders, tests and the quality benchmark."""

    root: Path
    articles: tuple[Article, ...]
    texts: dict[str, str]
    skipped: tuple[Skipped, ...]


def check(root: Path) -> None:
    """`CorpusError` unless `root` is a file or a folder."""
    root = root.expanduser()
    if not root.exists():
        raise CorpusError(f"{root}: no such file or folder")
    if not (root.is_dir() or root.is_file()):
        raise CorpusError(f"{root}: not a file or a folder")


def scan(root: Path) -> list[CorpusFile]:
    """The files of a corpus, in a stable order; hidden files and folders are not part of it."""
    root = root.expanduser()
    check(root)
    if root.is_file():
        stat = root.stat()
        return [CorpusFile(root.name, str(root), stat.st_size, stat.st_mtime_ns)]
    found: list[CorpusFile] = []
    folders = [(str(root), "")]
    while folders:
        folder, prefix = folders.pop()
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue  # an unreadable folder holds nothing we can read
        for entry in entries:
            if entry.name.startswith("."):
                continue
            name = prefix + entry.name
            if entry.is_dir(follow_symlinks=False):
                folders.append((entry.path, name + "/"))
            elif entry.is_file():
                stat = entry.stat()
                found.append(CorpusFile(name, entry.path, stat.st_size, stat.st_mtime_ns))
    return sorted(found, key=lambda file: file.name)


def load_corpus(root: Path) -> Corpus:
    """Read every article under `root` into memory; `CorpusError` if `root` is missing."""
    articles: list[Article] = []
    texts: dict[str, str] = {}
    skipped: list[Skipped] = []
    for file in scan(root):
        read = read_file(file.path, file.name)
        for article, text in read.articles:
            articles.append(article)
            texts[article.path] = text
        skipped.extend(read.skipped)
    return Corpus(root.expanduser(), tuple(articles), texts, tuple(skipped))


def content_hash(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def read_file(path: str | Path, name: str) -> ReadFile:
    """The articles in one file, and what of it had to be skipped."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        return ReadFile(
            [], [Skipped(name, f"not an article file ({suffix or 'no extension'})")], ""
        )
    if path.stem.upper() in NOT_ARTICLES:
        return ReadFile([], [Skipped(name, "a project file, not an article")], "")
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            return ReadFile(
                [], [Skipped(name, f"too large ({path.stat().st_size // 1_048_576} MB)")], ""
            )
        data = path.read_bytes()
    except OSError as error:
        return ReadFile([], [Skipped(name, f"cannot be read: {error.strerror or error}")], "")
    return read_bytes(data, suffix, name)


def read_bytes(data: bytes, suffix: str, name: str) -> ReadFile:
    """The articles in a file's bytes; `name` is the file's name in the corpus."""
    digest = content_hash(data)
    try:
        entry = read_text(suffix, sanitise(decode(data)))
    except (NotText, Unreadable) as why:
        return ReadFile([], [Skipped(name, str(why))], digest)
    except Exception as error:  # a parser's own bug must cost one file, not the corpus
        first_line = str(error).split("\n")[0]
        return ReadFile(
            [], [Skipped(name, f"could not be read ({type(error).__name__}: {first_line})")], digest
        )
    several = len(entry.articles) + len(entry.skipped) > 1
    articles: list[tuple[Article, str]] = []
    skipped = [Skipped(f"{name} ({where})", reason) for where, reason in entry.skipped]
    for raw in entry.articles:
        article_name = f"{name}#{raw.part}" if several and raw.part else name
        made = make_article(article_name, raw)
        if made is None:
            skipped.append(Skipped(article_name, "nothing left after removing page clutter"))
        else:
            articles.append(made)
    return ReadFile(articles, skipped, digest)


def make_article(path: str, raw: RawArticle) -> tuple[Article, str] | None:
    """Clean a raw article and date it: the article and its cleaned text, or None if no text
    is left."""
    body = sanitise(raw.body)
    written, how = raw.date, raw.date_how
    if written is None and (line := date_line(body)) is not None:
        written, how, body = line  # " date 2024-12-17 ..." before the text, in any format
    cleaned = clean(body, raw.title)
    if not cleaned.text.strip():
        return None
    article = Article(
        path=path,
        title=cleaned.title,
        date=stated_date(written, how, body, cleaned.published, raw.url or cleaned.url),
        outlet=raw.outlet or cleaned.outlet,
        url=raw.url or cleaned.url,
        author=raw.author or cleaned.author,
    )
    return article, cleaned.text
