"""Issue acceptance (faults, third round): `amk amg rename` of 300 files killed (SIGKILL) at
random points, then run again — every time all files carry the new name and no temp file
remains. The kill points are drawn from a fixed seed (the same on every run)."""

from __future__ import annotations

import datetime as dt
import os
import random
import signal
import subprocess
import sys
import time
import tomllib
from pathlib import Path

import pytest

from amk_tui.config import load_config
from amk_tui.core.clock import FakeClock
from amk_tui.core.setup import new_session
from amk_tui.store import SessionStore
from tests.e2e.support import Workdir
from tests.e2e.tmux import clean_environment

pytestmark = pytest.mark.e2e
FILES = 300
ROUNDS = 6


def amk(wd: Workdir, *args: str) -> subprocess.Popen[str]:
    argv = [sys.executable, "-m", "amk_tui", *args, "--sessions", str(wd.sessions)]
    argv += ["--config", str(wd.config)]
    env = {**clean_environment(), "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}
    return subprocess.Popen(
        argv, cwd=wd.root, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def names(folder: Path) -> set[str]:
    found = set()
    for path in folder.glob("*.toml"):
        if not path.name.startswith("."):
            found.add(tomllib.loads(path.read_text("utf-8"))["amg"])
    return found


def leftovers(folder: Path) -> list[str]:
    return sorted(
        p.name for p in folder.iterdir() if p.name.startswith(".amk-amg") or "tmp" in p.name
    )


def test_a_killed_rename_of_300_files_is_always_finished_by_running_it_again(wd: Workdir) -> None:
    config = load_config(wd.config)
    store = SessionStore(wd.sessions, clock=FakeClock())
    day = dt.date(2020, 1, 1)
    for n in range(FILES):
        session = new_session(
            "AMG Stor", config.program, groups=["", ""], date=day + dt.timedelta(days=n)
        )
        session.groups[0].set_score("viden", 1 + n % 5)
        session.notes["spg1"] = f"Noter {n} " * 40
        store.create(session)
    draw = random.Random(2026)
    current = "AMG Stor"
    killed_midway = 0
    for round_ in range(ROUNDS):
        new = f"AMG Stor {round_ + 1}"
        proc = amk(wd, "amg", "rename", current, new)
        time.sleep(draw.uniform(0.4, 2.5))
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
        proc.communicate()
        if len(names(wd.sessions)) > 1:
            killed_midway += 1  # the AMG is split right now: the re-run must finish it
        again = amk(wd, "amg", "rename", current, new)
        out, err = again.communicate(timeout=120)
        assert again.returncode == 0, (out, err)
        assert names(wd.sessions) == {new}, f"round {round_}: {out}{err}"
        assert leftovers(wd.sessions) == [], round_
        current = new
    assert killed_midway >= 2  # the kills did land in the middle of renames


def test_any_later_command_finishes_a_killed_rename(wd: Workdir) -> None:
    config = load_config(wd.config)
    store = SessionStore(wd.sessions, clock=FakeClock())
    for n in range(120):
        session = new_session(
            "AMG Liste", config.program, groups=[""], date=dt.date(2021, 1, 1) + dt.timedelta(n)
        )
        session.notes["spg1"] = "x" * 3000
        store.create(session)
    for delay in (0.6, 0.9, 1.2, 1.6):
        proc = amk(wd, "amg", "rename", "AMG Liste", "AMG Lister")
        time.sleep(delay)
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
        proc.communicate()
        if len(names(wd.sessions)) > 1:
            break
    listed = amk(wd, "list")
    listed.communicate(timeout=60)
    assert listed.returncode == 0
    assert names(wd.sessions) == {"AMG Lister"}
    assert leftovers(wd.sessions) == []
