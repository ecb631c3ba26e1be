"""The `amk` command line: list, purge, version; errors are one line and exit 2."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

from amk_tui import commands
from amk_tui.cli import main
from amk_tui.config import Config
from amk_tui.core.clock import FakeClock
from amk_tui.core.session import Session
from amk_tui.store import SessionStore


def test_version() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "amk_tui", "--version"], capture_output=True, text=True, check=True
    )
    assert out.stdout.startswith("amk 0.")


def test_list_shows_sessions_and_names_unreadable_files(
    tmp_path: Path, config: Config, clock: FakeClock, capsys: pytest.CaptureFixture[str]
) -> None:
    store = SessionStore(tmp_path)
    s = Session(amg="Lager AMG", program=config.program, clock=clock, date=dt.date(2026, 5, 4))
    s.add_group().scores["viden"] = 2
    s.add_group().scores["viden"] = 5
    store.create(s)
    (tmp_path / "2026-01-01-bad.toml").write_text("x = [")
    assert main(["list", "--sessions", str(tmp_path)]) == 0
    out, err = capsys.readouterr()
    assert "Lager AMG" in out and "2026-05-04" in out and "3,5" in out
    assert "2026-01-01-bad.toml" in err and err.count("\n") == 1


def test_purge_with_yes(
    tmp_path: Path, config: Config, clock: FakeClock, capsys: pytest.CaptureFixture[str]
) -> None:
    store = SessionStore(tmp_path)
    store.create(Session(amg="A", program=config.program, clock=clock, date=dt.date(2020, 1, 1)))
    assert commands.purge(store, 30, yes=True, today=dt.date(2026, 11, 26)) == 0
    assert "deleted 1" in capsys.readouterr().out
    assert list(tmp_path.glob("*.toml")) == []


def test_bad_config_via_any_command_exits_2(tmp_path: Path) -> None:
    cfg = tmp_path / "c.toml"
    cfg.write_text("language = 'xx'\n")
    result = subprocess.run(
        [sys.executable, "-m", "amk_tui", "list", "--config", str(cfg)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 2
    assert result.stderr.strip() == f"amk: {cfg}: language: 'xx' is not one of da, en"


def test_report_finds_a_bare_file_name_in_the_sessions_folder(
    tmp_path: Path,
    config: Config,
    clock: FakeClock,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    folder = tmp_path / "sessions"
    store = SessionStore(folder)
    date = dt.date(2026, 5, 4)
    session = Session(amg="Lager AMG", program=config.program, clock=clock, date=date)
    session.add_group().scores["viden"] = 2
    path = store.create(session)
    monkeypatch.chdir(tmp_path)  # not the sessions folder: the name alone must do
    assert main(["list", "--sessions", str(folder)]) == 0
    assert path.name in capsys.readouterr().out  # the name `list` shows …
    for name in (path.name, path.stem):  # … is what report takes, with or without .toml
        assert main(["report", name, "--sessions", str(folder), "--format", "csv"]) == 0
        assert "Lager AMG" in capsys.readouterr().out
    assert main(["report", "nope.toml", "--sessions", str(folder)]) == 2
    assert "nope.toml" in capsys.readouterr().err


def test_check_config_takes_the_top_level_config_option(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cfg = tmp_path / "c.toml"
    cfg.write_text("language = 'xx'\n")
    assert main(["--config", str(cfg), "check-config"]) == 2  # not the built-in "ok"
    assert "c.toml" in capsys.readouterr().err
