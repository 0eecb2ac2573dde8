"""Files written so that a reader never sees half of one: a temporary file beside it, flushed and
synced, renamed over it; a crash leaves the old file or the new, never a mix."""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path
from typing import Any


def write_json_atomically(location: Path, document: dict[str, Any]) -> None:
    partial = location.with_name(f".{location.name}.{os.getpid()}.partial")
    try:
        with open(partial, "w", encoding="utf-8") as out:
            json.dump(document, out, ensure_ascii=False, indent=2)
            out.write("\n")
            out.flush()
            os.fsync(out.fileno())
        os.replace(partial, location)
    finally:
        with contextlib.suppress(OSError):
            partial.unlink()
    with contextlib.suppress(OSError):  # the rename itself, on its way to the disk
        folder = os.open(location.parent, os.O_RDONLY)
        try:
            os.fsync(folder)
        finally:
            os.close(folder)
