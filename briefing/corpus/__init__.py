"""Reading a corpus: a folder of article files (or one file) in, clean dated `Article`s out.

Every file is read on its own: one that cannot be read is skipped with a one-line reason, and the
rest of the corpus still loads.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from briefing.corpus.article_date import stated_date
from briefing.corpus.clean import clean
from briefing.corpus.decode import NotText, decode, sanitise
from briefing.corpus.readers import SUFFIXES, RawArticle, Unreadable, read_text
from briefing.model import Article, Skipped

MAX_FILE_BYTES = 20 * 1024 * 1024
NOT_ARTICLES = frozenset({"README", "LICENSE", "LICENCE", "CHANGELOG"})


class CorpusError(Exception):
    """The corpus as a whole cannot be read: a missing path, or no article in it."""


@dataclass(frozen=True, slots=True)
class Corpus:
    root: Path
    articles: tuple[Article, ...]
    skipped: tuple[Skipped, ...]


def corpus_files(root: Path) -> list[Path]:
    """The files of a corpus, in a stable order; hidden files and folders are not part of it."""
    if root.is_file():
        return [root]
    if not root.exists():
        raise CorpusError(f"{root}: no such file or folder")
    if not root.is_dir():
        raise CorpusError(f"{root}: not a file or a folder")
    files = [
        path
        for path in root.rglob("*")
        if path.is_file() and not any(part.startswith(".") for part in path.relative_to(root).parts)
    ]
    return sorted(files, key=lambda path: path.relative_to(root).as_posix())


def relative_name(root: Path, path: Path) -> str:
    return path.name if root.is_file() else path.relative_to(root).as_posix()


def load_corpus(root: Path) -> Corpus:
    """Read every article under `root`; `CorpusError` if it is missing or holds no article."""
    root = root.expanduser()
    articles: list[Article] = []
    skipped: list[Skipped] = []
    for path in corpus_files(root):
        found, passed = read_file(path, relative_name(root, path))
        articles.extend(found)
        skipped.extend(passed)
    return Corpus(root, tuple(articles), tuple(skipped))


def read_file(path: Path, name: str) -> tuple[list[Article], list[Skipped]]:
    """The articles in one file, and what of it had to be skipped."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        return [], [Skipped(name, f"not an article file ({suffix or 'no extension'})")]
    if path.stem.upper() in NOT_ARTICLES:
        return [], [Skipped(name, "a project file, not an article")]
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            return [], [Skipped(name, f"too large ({path.stat().st_size // 1_048_576} MB)")]
        text = sanitise(decode(path.read_bytes()))
        entry = read_text(suffix, text)
    except OSError as error:
        return [], [Skipped(name, f"cannot be read: {error.strerror or error}")]
    except (NotText, Unreadable) as why:
        return [], [Skipped(name, str(why))]
    except Exception as error:  # a parser's own bug must cost one file, not the corpus
        first_line = str(error).split("\n")[0]
        return [], [Skipped(name, f"could not be read ({type(error).__name__}: {first_line})")]
    several = len(entry.articles) + len(entry.skipped) > 1
    articles: list[Article] = []
    skipped = [Skipped(f"{name} ({where})", reason) for where, reason in entry.skipped]
    for raw in entry.articles:
        article_name = f"{name}#{raw.part}" if several and raw.part else name
        article = make_article(article_name, raw)
        if article is None:
            skipped.append(Skipped(article_name, "nothing left after removing page clutter"))
        else:
            articles.append(article)
    return articles, skipped


def make_article(path: str, raw: RawArticle) -> Article | None:
    """Clean a raw article and date it, or None if no text is left."""
    body = sanitise(raw.body)
    cleaned = clean(body, raw.title)
    if not cleaned.text.strip():
        return None
    return Article(
        path=path,
        title=cleaned.title,
        text=cleaned.text,
        date=stated_date(raw.date, raw.date_how, body),
        outlet=raw.outlet or cleaned.outlet,
        url=raw.url,
        author=raw.author or cleaned.author,
    )
