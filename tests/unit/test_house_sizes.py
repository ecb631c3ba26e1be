"""The house stays visible (issue 12): app.py at most 300 lines, no module over 400, no
function over 60, and no screen or widget changing the session or touching the store."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "amk_tui"
MODULES = sorted(PACKAGE.rglob("*.py"))


def lines(path: Path) -> int:
    return len(path.read_text("utf-8").splitlines())


def test_app_py_stays_small() -> None:
    assert lines(PACKAGE / "app.py") <= 300


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_module_over_400_lines_or_function_over_60(path: Path) -> None:
    assert lines(path) <= 400
    long = [
        f"{node.name}: {node.end_lineno - node.lineno + 1}"
        for node in ast.walk(ast.parse(path.read_text("utf-8")))
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and node.end_lineno is not None
        and node.end_lineno - node.lineno + 1 > 60
    ]
    assert not long


FORBIDDEN = re.compile(
    r"set_score\(|\.groups\.append\(|\.notes\[.*\] *=|\.store\.(save|create|load|lock)\("
)


@pytest.mark.parametrize("folder", ["screens", "widgets", "views"])
def test_screens_and_widgets_change_nothing_themselves(folder: str) -> None:
    found = [
        f"{path.name}:{n}: {line.strip()}"
        for path in sorted((PACKAGE / folder).rglob("*.py"))
        for n, line in enumerate(path.read_text("utf-8").splitlines(), 1)
        if FORBIDDEN.search(line)
    ]
    assert not found
