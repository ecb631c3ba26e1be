"""The core, config and store load without Textual (DESIGN §2), module by module."""

from __future__ import annotations

import json
import pkgutil
import subprocess
import sys

import pytest

import amk_tui.core

UI = ("textual", "rich", "plotext", "textual_plotext")
CORE_MODULES = sorted(f"amk_tui.core.{m.name}" for m in pkgutil.iter_modules(amk_tui.core.__path__))
PURE = [*CORE_MODULES, "amk_tui.config", "amk_tui.store"]


def ui_loaded_by(module: str) -> list[str]:
    code = (
        f"import json, sys\nimport {module}\n"
        f"print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in {UI!r})))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    loaded: list[str] = json.loads(out)
    return loaded


def test_every_core_module_is_checked() -> None:
    assert "amk_tui.core.workshop" in CORE_MODULES and len(CORE_MODULES) >= 10


@pytest.mark.parametrize("module", PURE)
def test_module_does_not_import_ui_libraries(module: str) -> None:
    assert ui_loaded_by(module) == []


def test_the_check_itself_sees_textual_when_it_is_imported() -> None:
    assert "textual" in ui_loaded_by("amk_tui.app")
