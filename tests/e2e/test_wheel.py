"""Installs where facilitators are: a wheel built from a clean clone installs into a fresh
virtual environment (as `pipx install .` or `uv tool install .` do), with its content files,
stylesheet and web room inside, and `amk --version` and `amk list` work from it."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e
REPO = Path(__file__).resolve().parents[2]


def run(*argv: str | Path, cwd: Path, env: dict[str, str] | None = None) -> str:
    done = subprocess.run(
        [str(a) for a in argv], cwd=cwd, capture_output=True, text=True, timeout=600, env=env
    )
    assert done.returncode == 0, f"{argv}: {done.stdout[-2000:]}{done.stderr[-2000:]}"
    return done.stdout


def test_a_wheel_from_a_clean_clone_installs_and_runs(tmp_path: Path) -> None:
    if not (REPO / ".git").exists():
        pytest.skip("not a git checkout")
    clone = tmp_path / "clone"
    run("git", "clone", "--quiet", REPO, clone, cwd=tmp_path)
    dist = tmp_path / "dist"
    run(sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", dist, clone,
        cwd=tmp_path)  # fmt: skip
    wheel = next(dist.glob("amk-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    for inside in (
        "amk_tui/app.tcss",
        "amk_tui/config/default_config.toml",
        "amk_tui/config/content/da/ui.toml",
        "amk_tui/config/content/en/slides/06-seks-faktorer.md",
        "amk_tui/room/static/room.js",
    ):
        assert inside in names, inside
    fresh = tmp_path / "fresh"
    run(sys.executable, "-m", "venv", fresh, cwd=tmp_path)
    bin_dir = fresh / ("Scripts" if os.name == "nt" else "bin")
    run(bin_dir / "python", "-m", "pip", "install", "--quiet", wheel, cwd=tmp_path)
    env = {"PATH": f"{bin_dir}{os.pathsep}/usr/bin:/bin", "HOME": str(tmp_path),
           "AMK_CACHE_DIR": str(tmp_path / "cache"), "LANG": "C.UTF-8"}  # fmt: skip
    version = run("amk", "--version", cwd=tmp_path, env=env)
    assert version.startswith("amk ")
    listed = run("amk", "list", "--sessions", tmp_path / "sessions", cwd=tmp_path, env=env)
    assert "sessions" in listed  # an empty folder: "Ingen workshops i … endnu."
