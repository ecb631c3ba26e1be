"""The report builders are pure: no Textual, Rich or plotext, no file access of their own."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPORTS = Path(__file__).resolve().parents[2] / "amk_tui" / "reports"


def test_the_reports_package_loads_without_ui_libraries() -> None:
    modules = sorted(
        f"amk_tui.reports.{p.stem}" for p in REPORTS.glob("*.py") if p.stem != "__init__"
    )
    code = (
        "import importlib, json, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('textual', 'rich', 'plotext', 'textual_plotext'))))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert json.loads(out) == []
    assert len(modules) >= 10


def test_the_builders_open_no_files() -> None:
    for path in REPORTS.glob("*.py"):
        source = path.read_text("utf-8")
        for call in ("open(", "read_text(", "write_text(", "read_bytes(", "Path("):
            assert call not in source, (path.name, call)


def test_modules_and_functions_stay_small() -> None:
    import ast

    for path in REPORTS.glob("*.py"):
        source = path.read_text("utf-8")
        assert source.count("\n") <= 400, path.name
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.FunctionDef):
                length = (node.end_lineno or node.lineno) - node.lineno + 1
                assert length <= 60, (path.name, node.name, length)
