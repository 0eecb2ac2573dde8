"""Where briefing keeps and finds things on disk, in one place."""

from __future__ import annotations

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
