"""The engine knows no screen: nothing outside the dashboard's package imports textual."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import briefing

ENGINE_MODULES = sorted(
    module.name
    for module in pkgutil.walk_packages(briefing.__path__, "briefing.")
    if not module.name.startswith("briefing.tui") and module.name != "briefing.__main__"
)


def test_there_are_engine_modules_to_check() -> None:
    assert {"briefing.engine", "briefing.cli", "briefing.resolve.events"} <= set(ENGINE_MODULES)


def test_engine_modules_do_not_import_textual() -> None:
    code = (
        "import importlib, sys\n"
        f"for name in {ENGINE_MODULES!r}:\n"
        "    importlib.import_module(name)\n"
        "print(sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
