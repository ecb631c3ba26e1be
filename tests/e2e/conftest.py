"""Fixtures of the e2e tests: a short work folder, and tmux servers that are always killed."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.e2e.support import Workdir, workdir
from tests.e2e.tmux import Tmux


class Terminals:
    """Makes `Tmux` terminals in a work folder and kills every one of them at the end."""

    def __init__(self) -> None:
        self.made: list[Tmux] = []

    def __call__(self, folder: Workdir, width: int = 80, height: int = 24) -> Tmux:
        terminal = folder.tmux(width, height)
        self.made.append(terminal)
        return terminal

    def close(self) -> None:
        for terminal in self.made:
            terminal.kill_server()
            terminal.conf.unlink(missing_ok=True)


@pytest.fixture
def terminals() -> Iterator[Terminals]:
    made = Terminals()
    try:
        yield made
    finally:
        made.close()


@pytest.fixture
def wd() -> Iterator[Workdir]:
    """A Danish work folder (config copy, sessions folder not yet made)."""
    with workdir("da") as folder:
        yield folder
