"""Shared helpers: corpora written into a temporary folder, briefings built from them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from briefing.engine import open_briefing
from briefing.model import Briefing

Files = dict[str, str | bytes]


def write_corpus(root: Path, files: Files) -> Path:
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return root


@pytest.fixture(autouse=True)
def own_folders(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Caches and data of each test in folders of its own, never the user's."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    return home


@pytest.fixture
def corpus(tmp_path: Path) -> Callable[[Files], Path]:
    """Write files into a fresh corpus folder and return the folder."""

    def make(files: Files) -> Path:
        return write_corpus(tmp_path / "corpus", files)

    return make


@pytest.fixture
def briefing_of(corpus: Callable[[Files], Path]) -> Callable[[Files], Briefing]:
    """The briefing of a corpus made of the given files."""

    def make(files: Files) -> Briefing:
        return open_briefing(corpus(files))

    return make
