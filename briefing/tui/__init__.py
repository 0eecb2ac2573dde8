"""The dashboard, in Textual: the only package of briefing that imports textual."""

from __future__ import annotations

from pathlib import Path


def run(root: Path, cache: bool = True, bookmarks: Path | None = None) -> str | None:
    """Open the dashboard on a corpus until the user quits; why it could not open, if so."""
    from briefing.tui.app import BriefingApp

    app = BriefingApp(root, cache=cache, bookmarks=bookmarks)
    app.run()
    return app.problem
