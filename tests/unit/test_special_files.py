"""A FIFO, a folder, a device and a link, as config, session, slide or `-o`: never a hang.

Each case runs the real `amk` in a subprocess with a timeout, so a command that blocks on a
FIFO fails the test instead of hanging the suite. Every refusal is one line and exit 2, and
nothing is written.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import stat
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from amk_tui.config import Config
from amk_tui.core.clock import FakeClock
from amk_tui.core.session import Session
from amk_tui.store import SessionStore

REPO = Path(__file__).resolve().parents[2]
TIMEOUT = 30
ROOT = os.geteuid() == 0


def amk(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "amk_tui", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        cwd=cwd,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        stdin=subprocess.DEVNULL,
    )


def one_line(result: subprocess.CompletedProcess[str], *says: str) -> None:
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith("amk: ") and result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr
    for text in says:
        assert text in result.stderr


def fifo(folder: Path, name: str) -> Path:
    path = folder / name
    os.mkfifo(path)
    return path


def folder_named(folder: Path, name: str) -> Path:
    path = folder / name
    path.mkdir()
    return path


SPECIAL: dict[str, tuple[Callable[[Path, str], Path], str]] = {
    "fifo": (fifo, "er en FIFO (navngivet rør), ikke en fil"),
    "folder": (folder_named, "er en mappe, ikke en fil"),
    "device": (lambda folder, name: Path("/dev/zero"), "er en enhed, ikke en fil"),
}


@pytest.fixture
def session_file(tmp_path: Path, config: Config) -> Path:
    store = SessionStore(tmp_path / "sessions", clock=FakeClock())
    session = Session(
        amg="Lager", program=config.program, clock=FakeClock(), date=dt.date(2026, 5, 4)
    )
    session.add_group().scores["viden"] = 3
    return store.create(session)


@pytest.mark.parametrize("kind", SPECIAL)
def test_special_config(tmp_path: Path, kind: str) -> None:
    make, problem = SPECIAL[kind]
    path = make(tmp_path, "config.toml")
    one_line(amk("check-config", path, cwd=tmp_path), problem)
    one_line(amk("list", "--config", path, cwd=tmp_path), problem)
    one_line(amk("new", "--amg", "A", "--config", path, cwd=tmp_path), problem)
    assert not (tmp_path / "sessions").exists()


@pytest.mark.parametrize("kind", SPECIAL)
def test_special_session(tmp_path: Path, kind: str) -> None:
    make, problem = SPECIAL[kind]
    path = make(tmp_path, "2026-01-01-x.toml")
    one_line(amk("report", path, cwd=tmp_path), problem)
    one_line(amk("resume", path, cwd=tmp_path), problem)


def test_special_files_in_the_sessions_folder_are_skipped(
    tmp_path: Path, session_file: Path
) -> None:
    folder = session_file.parent
    fifo(folder, "2026-01-01-fifo.toml")
    folder_named(folder, "2026-01-02-dir.toml")
    (folder / "2026-01-03-null.toml").symlink_to("/dev/null")
    result = amk("list", "--sessions", folder, cwd=tmp_path)
    assert result.returncode == 0 and session_file.name in result.stdout
    assert result.stderr == ""


@pytest.mark.parametrize("kind", SPECIAL)
def test_special_slide(tmp_path: Path, kind: str) -> None:
    make, problem = SPECIAL[kind]
    slides = folder_named(tmp_path, "slides")
    (slides / "01-first.md").write_text("# First\n")
    if kind == "device":
        (slides / "02-x.md").symlink_to("/dev/zero")
    else:
        make(slides, "02-x.md")
    config = tmp_path / "config.toml"
    config.write_text(
        '[content]\nslides_dir = "slides"\n[[phases]]\nid = "o"\nkind = "presentation"\n'
        "minutes = 5\n"
    )
    one_line(amk("check-config", config, cwd=tmp_path), f"02-x.md {problem}")
    one_line(amk("new", "--amg", "A", "--config", config, cwd=tmp_path), "02-x.md")
    assert not (tmp_path / "sessions").exists()  # validated before anything was written


@pytest.mark.parametrize("kind", SPECIAL)
def test_special_output(tmp_path: Path, session_file: Path, kind: str) -> None:
    make, problem = SPECIAL[kind]
    target = make(tmp_path, "out.md")
    one_line(amk("report", session_file, "-o", target, cwd=tmp_path), problem)


@pytest.mark.skipif(not ROOT, reason="only root can make a device node")
def test_output_onto_a_device_node_keeps_the_node(tmp_path: Path, session_file: Path) -> None:
    node = tmp_path / "null.md"
    os.mknod(node, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    one_line(amk("report", session_file, "-o", node, cwd=tmp_path), "er en enhed")
    assert stat.S_ISCHR(node.lstat().st_mode)


def test_output_onto_the_session_itself_keeps_it(tmp_path: Path, session_file: Path) -> None:
    before = session_file.read_bytes()
    one_line(amk("report", session_file, "-o", session_file, cwd=tmp_path), ".toml")
    assert session_file.read_bytes() == before


# -- links to regular files are fine -----------------------------------------------------------
def test_a_linked_config_slide_and_session_work(tmp_path: Path, session_file: Path) -> None:
    real = tmp_path / "real"
    real.mkdir()
    (real / "01-a.md").write_text("# A\n")
    (real / "config.toml").write_text(
        '[content]\nslides_dir = "."\n[[phases]]\nid = "o"\nkind = "presentation"\nminutes = 5\n'
    )
    slides = folder_named(tmp_path, "slides")
    (slides / "01-a.md").symlink_to(real / "01-a.md")
    link = tmp_path / "config.toml"
    link.symlink_to(real / "config.toml")
    result = amk("check-config", link, cwd=tmp_path)
    assert result.returncode == 0 and result.stdout.startswith("ok: 1 faser, 5 min")
    session_link = tmp_path / "linked.toml"
    session_link.symlink_to(session_file)
    result = amk("report", session_link, "--format", "csv", cwd=tmp_path)
    assert result.returncode == 0 and "Lager" in result.stdout


def test_a_copied_session_is_still_reported(tmp_path: Path, session_file: Path) -> None:
    copy = tmp_path / "copy.toml"
    shutil.copy(session_file, copy)
    assert amk("report", copy, cwd=tmp_path).returncode == 0
