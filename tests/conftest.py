"""Shared fixtures: a frozen clock, a temporary sessions folder, the default program."""

from __future__ import annotations

from pathlib import Path

import pytest

from amk_tui.config import Config, load_config
from amk_tui.core.clock import FakeClock
from amk_tui.store import SessionStore

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def _private_cache(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The listing cache of every test in a folder of its own: never the user's cache."""
    monkeypatch.setenv("AMK_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def config(tmp_path: Path) -> Config:
    """The built-in config, with sessions in a temporary folder (never the user's)."""
    return load_config(REPO / "config.toml")


@pytest.fixture
def store(tmp_path: Path, clock: FakeClock) -> SessionStore:
    return SessionStore(tmp_path / "sessions", clock=clock)
