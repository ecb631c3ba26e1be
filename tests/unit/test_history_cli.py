"""`amk trend`, `amk amg rename|merge` and `amk list --due` from the command line."""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from amk_tui.cli import main
from amk_tui.config import Config
from amk_tui.core.clock import FakeClock
from amk_tui.core.session import Action
from amk_tui.store import SessionStore
from tests.unit.history_support import tendens_folder, workshop

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def folder(store: SessionStore, config: Config, clock: FakeClock) -> SessionStore:
    tendens_folder(store, config, clock)
    return store


def state(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in sorted(folder.iterdir())}


def test_acceptance_trend_of_one_amg_typed_four_ways(folder: SessionStore) -> None:
    before = state(folder.folder)
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    result = subprocess.run(
        [sys.executable, "-m", "amk_tui", "trend", "AMG Tendens", "--sessions", str(folder.folder)],
        capture_output=True, text=True, env=env, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    out = result.stdout
    dates = re.findall(r"\d\d\.\d\d\.\d{4}", out)
    assert dates == ["01.03.2024", "02.09.2024", "03.03.2025", "04.09.2025"]
    rows = [line.split() for line in out.splitlines() if re.match(r"\s*\d\d\.\d\d\.", line)]
    assert [row[2] for row in rows] == ["1,3", "2,7", "3,3", "4,7"]
    assert "Kontor" not in out and "5,0" not in out
    assert state(folder.folder) == before  # a read-only command


def test_trend_without_an_amg_lists_them(
    folder: SessionStore, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["trend", "--sessions", str(folder.folder)]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    tendens = next(i for i, line in enumerate(lines) if "AMG Tendens" in line)
    kontor = next(i for i, line in enumerate(lines) if "AMG Kontor" in line)
    assert tendens < kontor
    assert "4" in lines[tendens] and "04.09.2025" in lines[tendens]


@pytest.mark.parametrize("fmt", ["md", "html", "csv"])
def test_trend_formats(folder: SessionStore, fmt: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["trend", "amg tendens", "--format", fmt, "--sessions", str(folder.folder)]) == 0
    out = capsys.readouterr().out
    if fmt == "md":
        assert "| 01.03.2024 | 3 | 1,3 |" in out and "↑ +3,3" in out
    elif fmt == "html":
        assert out.startswith("<!DOCTYPE html>") and "<svg" in out and "<polyline" in out
        assert "http" not in out and "4,7" in out
    else:
        lines = out.splitlines()
        assert lines[0].startswith("amg,session_id,date")
        assert len(lines) == 1 + 4 * 6 and "1.33" in out and "Kontor" not in out


def test_trend_to_a_file_and_refusals(
    folder: SessionStore, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "trend.html"
    args = ["trend", "AMG Tendens", "--format", "html", "-o", str(out)]
    assert main([*args, "--sessions", str(folder.folder)]) == 0
    assert (out.stat().st_mode & 0o777) == 0o600 and "<svg" in out.read_text()
    assert main(["trend", "AMG Ingen", "--sessions", str(folder.folder)]) == 2
    assert capsys.readouterr().err.count("\n") == 1
    with pytest.raises(SystemExit) as bad:
        main(["trend", "x", "--format", "pdf", "--sessions", str(folder.folder)])
    assert bad.value.code == 2
    assert main(["trend", "x", "-o", str(tmp_path / "x.toml")]) == 2


def test_rename_and_merge(folder: SessionStore, capsys: pytest.CaptureFixture[str]) -> None:
    where = ["--sessions", str(folder.folder)]
    assert main(["amg", "rename", "amg tendens", "AMG Tendens Nord", *where]) == 0
    assert "4" in capsys.readouterr().out
    assert main(["amg", "rename", "AMG Tendens Nord", "amg kontor", *where]) == 2
    assert "merge" in capsys.readouterr().err
    assert main(["amg", "merge", "AMG Kontor", "AMG Tendens Nord", *where]) == 0
    capsys.readouterr()
    assert main(["trend", *where]) == 0
    out = capsys.readouterr().out
    assert "AMG Tendens Nord" in out and "Kontor" not in out
    with pytest.raises(SystemExit):
        main(["amg", *where])


def test_list_marks_what_is_due_and_due_shows_only_that(
    store: SessionStore, config: Config, clock: FakeClock, capsys: pytest.CaptureFixture[str]
) -> None:
    today = dt.date.today()
    late = workshop(config, clock, "AMG Sent", today - dt.timedelta(days=400), (3,))
    late.next_assessment = today - dt.timedelta(days=10)
    store.create(late)
    chased = workshop(config, clock, "AMG Frist", today - dt.timedelta(days=30), (3,))
    chased.next_assessment = today + dt.timedelta(days=100)
    chased.actions = [Action(what="x", deadline=today - dt.timedelta(days=1))]
    store.create(chased)
    fine = workshop(config, clock, "AMG Fin", today - dt.timedelta(days=30), (3,))
    fine.next_assessment = today + dt.timedelta(days=100)
    store.create(fine)
    where = ["--sessions", str(store.folder)]
    assert main(["list", *where]) == 0
    out = capsys.readouterr().out
    assert "AMG Fin" in out and "! AMG Sent" in out and "! AMG Frist" in out
    assert "! AMG Fin" not in out
    assert main(["list", "--due", *where]) == 0
    out = capsys.readouterr().out
    assert "AMG Sent" in out and "1 " in out and "AMG Fin" not in out
    assert "1 åben handling over fristen" in out  # one action: the singular


def test_the_html_referat_has_the_trend_from_the_third_workshop_on(
    folder: SessionStore, capsys: pytest.CaptureFixture[str]
) -> None:
    files = sorted(folder.folder.glob("*-amg-tendens*.toml"))
    assert len(files) == 4
    for n, path in enumerate(files, start=1):
        assert main(["report", str(path), "--format", "html"]) == 0
        out = capsys.readouterr().out
        assert ('id="udvikling-over-tid"' in out) == (n >= 3)
        if n >= 3:  # the workshops up to this one, none after it
            assert out.count('class="factor"') >= 1 and ("04.09.2025" in out) == (n == 4)
