"""The dashboard's remembered choices (the theme), in the user's data folder.

A settings file that cannot be read or written costs only the choice: never the app.
"""

from __future__ import annotations

import json
import os
from typing import Any

from briefing.paths import data_dir

FILE = "settings.json"


def load() -> dict[str, Any]:
    try:
        found = json.loads((data_dir() / FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return found if isinstance(found, dict) else {}


def save(settings: dict[str, Any]) -> None:
    path = data_dir() / FILE
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(FILE + ".partial")
        partial.write_text(json.dumps(settings, indent=2), encoding="utf-8")
        os.replace(partial, path)
    except OSError:
        pass
