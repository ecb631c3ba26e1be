"""What the e2e tests share besides tmux: UI strings, session files, running `amk` commands."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import tomllib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import amk_tui
from tests.e2e.tmux import Tmux, amk_command, write_config

CONTENT = Path(amk_tui.__file__).resolve().parent / "config" / "content"
FACTORS = ("aabenhed", "innovation", "motivation", "ressourcer", "systematik", "viden")
"""The stable factor ids, in the grid's order."""


class Ui:
    """The strings the screens show, from the language's ui.toml (as the app reads them)."""

    def __init__(self, language: str) -> None:
        self.language = language
        with (CONTENT / language / "ui.toml").open("rb") as handle:
            self.data: dict[str, Any] = tomllib.load(handle)

    def __call__(self, key: str, /, **values: object) -> str:
        node: Any = self.data
        for part in key.split("."):
            node = node[part]
        assert isinstance(node, str), key
        return node.format(**values) if values else node


def content(language: str) -> dict[str, Any]:
    with (CONTENT / language / "content.toml").open("rb") as handle:
        return tomllib.load(handle)


def load_session(path: Path) -> dict[str, Any]:
    with path.open("rb") as handle:
        return tomllib.load(handle)


def essence(data: dict[str, Any]) -> dict[str, Any]:
    """What a person typed or chose (timing aside: the clock moves on by itself)."""
    keys = (
        "status",
        "groups",
        "notes",
        "priorities",
        "more_of",
        "less_of",
        "actions",
        "cursor",
        "draft",
    )
    kept = {k: data.get(k) for k in keys}
    kept["step"] = data.get("timing", {}).get("step")
    return kept


def scores_of(data: dict[str, Any]) -> dict[str, dict[str, int]]:
    return {g["letter"]: dict(g.get("scores", {})) for g in data["groups"]}


@dataclass
class Workdir:
    """A short temporary folder (paths must fit a dialog at 80 columns) with a config copy."""

    root: Path
    config: Path
    sessions: Path

    def session_files(self) -> list[Path]:
        return sorted(self.sessions.glob("*.toml"))

    def session_file(self) -> Path:
        files = self.session_files()
        assert len(files) == 1, f"expected one session in {self.sessions}, found {files}"
        return files[0]

    def tmux(self, width: int = 80, height: int = 24) -> Tmux:
        return Tmux(self.root, width, height)

    def amk(self, *args: str | Path, check: bool = True) -> subprocess.CompletedProcess[str]:
        """Run an `amk` command (not the TUI) and return what it printed."""
        done = subprocess.run(
            amk_command(*args),
            cwd=self.root,
            capture_output=True,
            text=True,
            timeout=60,
            env={**os.environ, "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"},
            check=False,
        )
        if check:
            assert done.returncode == 0, (
                f"amk {' '.join(map(str, args))} exited {done.returncode}:\n"
                f"{done.stdout}\n{done.stderr}"
            )
        return done

    def new_args(self, groups: int = 3) -> list[str | Path]:
        return [
            "new",
            "--amg",
            "Test AMG",
            "--groups",
            str(groups),
            "--sessions",
            self.sessions,
            "--config",
            self.config,
        ]


@contextmanager
def workdir(language: str = "da") -> Iterator[Workdir]:
    root = Path(tempfile.mkdtemp(prefix="amke2e-"))
    try:
        yield Workdir(root, write_config(root, language), root / "s")
    finally:
        shutil.rmtree(root, ignore_errors=True)
