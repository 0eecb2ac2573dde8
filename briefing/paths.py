"""Where briefing keeps and finds things on disk, in one place."""

from __future__ import annotations

import hashlib
from pathlib import Path

import platformdirs

APP_NAME = "briefing"
PACKAGE_DIR = Path(__file__).resolve().parent


def _shipped(name: str) -> Path:
    """A folder shipped with the app: inside the wheel, or at the top of a source checkout."""
    installed = PACKAGE_DIR / name
    return installed if installed.is_dir() else PACKAGE_DIR.parent / name


def sample_corpus() -> Path:
    """The articles bundled with briefing, so that a new user sees a briefing at once."""
    return _shipped("sample_corpus")


def styles_dir() -> Path:
    """The dashboard's stylesheets."""
    return _shipped("styles")


def cache_dir() -> Path:
    return Path(platformdirs.user_cache_dir(APP_NAME))


def data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME))


def corpus_file_name(corpus: Path) -> str:
    """A file name for what is kept per corpus (its cache, its bookmarks): the folder's name,
    and a digest of its full path that tells two folders of the same name apart."""
    resolved = corpus.expanduser().resolve()
    digest = hashlib.blake2b(str(resolved).encode(), digest_size=8).hexdigest()
    return f"{(resolved.name or 'corpus')[:40]}-{digest}"
