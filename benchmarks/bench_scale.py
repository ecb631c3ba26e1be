"""A consultant's folder after a few years: 5,000 sessions.

- `amk list` as a whole process (Python's start-up included), output to a pipe: with the
  listing cache (the usual case) and, as a reference, the first listing (no cache: every
  file read and the cache written).
- `amk` → its start screen's first frame (120×36 pty, the markers of item 2) with the 5,000
  sessions and the cache, beside the same start in an empty folder, in alternating rounds;
  the past list fills in from a thread after the first frame.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.bench_history import folder as history_folder
from benchmarks.ptyproc import PtyProcess

START_MARKERS = ["Ny workshop", "Start workshop", "Taster"]


@dataclass
class ScaleResult:
    files: int = 0
    list_cached: list[float] = field(default_factory=list)
    list_first: list[float] = field(default_factory=list)
    start_big: list[float] = field(default_factory=list)
    start_empty: list[float] = field(default_factory=list)


def _amk(*args: str | Path) -> list[str]:
    return [sys.executable, "-m", "amk_tui", *(str(a) for a in args)]


def _list(folder: Path, env: dict[str, str]) -> float:
    began = time.perf_counter()
    done = subprocess.run(
        _amk("list", "--sessions", folder), capture_output=True, env=env, timeout=300
    )
    took = time.perf_counter() - began
    if done.returncode != 0:
        raise RuntimeError(f"amk list failed: {done.stderr[-300:]!r}")
    return took


def _start(folder: Path, cwd: Path) -> float:
    proc = PtyProcess(_amk("--sessions", folder), 120, 36, cwd)
    try:
        seen = proc.wait_for(START_MARKERS, timeout=60)
        if seen is None:
            raise RuntimeError(f"no start screen: {proc.output[-300:]!r}")
        return seen
    finally:
        proc.close(quit_keys=b"\x11")


def run(files: int = 5000, rounds: int = 5) -> ScaleResult:
    result = ScaleResult(files=files)
    root = Path(tempfile.mkdtemp(prefix="amk-bench-scale-"))
    env = dict(os.environ, AMK_CACHE_DIR=str(root / "cache"))
    old = os.environ.get("AMK_CACHE_DIR")
    os.environ["AMK_CACHE_DIR"] = env["AMK_CACHE_DIR"]  # the ptys inherit it
    try:
        big = history_folder(root / "big", files=files, amgs=200).folder
        empty = root / "empty"
        empty.mkdir()
        cache = Path(env["AMK_CACHE_DIR"])
        for _ in range(2):
            shutil.rmtree(cache, ignore_errors=True)
            result.list_first.append(_list(big, env))
        _list(big, env)  # warm
        for _ in range(rounds):
            result.list_cached.append(_list(big, env))
        _start(empty, root)  # warm-up
        for n in range(rounds):
            first, second = (big, empty) if n % 2 == 0 else (empty, big)
            for where in (first, second):
                took = _start(where, root)
                (result.start_big if where == big else result.start_empty).append(took)
        return result
    finally:
        if old is None:
            os.environ.pop("AMK_CACHE_DIR", None)
        else:
            os.environ["AMK_CACHE_DIR"] = old
        shutil.rmtree(root, ignore_errors=True)
