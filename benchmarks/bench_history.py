"""An AMG's history at scale: `amk trend` and the start screen's AMG list.

A folder of 2,000 sessions of 100 AMGs, one of them ("AMG 0") with 200 workshops (the
others about 18 each), every session with three groups' scores and no notes; the listing
index written once (what `create()`/`refresh_index()` leave behind). Timed with the index up
to date, each call alone (not Python's start-up): `history.trend_for()` plus the Markdown
table (`amk trend "AMG 0" --format md` without printing), and what the start screen's list
asks the app for (`history.visits()` and `known_amgs()`). For reference, `amk trend "AMG 0"`
as a whole process (Python's start-up and imports included).
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import tomli_w

from amk_tui import history
from amk_tui.config import load_config, load_content
from amk_tui.core.clock import FakeClock
from amk_tui.core.scores import FACTOR_IDS
from amk_tui.core.session import Session, amg_key
from amk_tui.core.trend import known_amgs
from amk_tui.reports.trend import trend_markdown
from amk_tui.store import SessionStore

REPO = Path(__file__).resolve().parents[1]
TODAY = dt.date(2026, 11, 26)
BIG = 200
"""Workshops of the one long-lived AMG."""


@dataclass
class HistoryResult:
    trend: list[float]
    """`trend_for("AMG 0")` and its Markdown table, index up to date."""
    amgs: list[float]
    """The start screen's AMG list: every visit from the index, then `known_amgs()`."""
    process: list[float]
    """`python -m amk_tui trend "AMG 0" --format md` as a whole process."""
    files: int
    amgs_found: int
    workshops: int


def _timed(fn: Callable[[], object], n: int, warmup: int = 2) -> list[float]:
    out = []
    for i in range(warmup + n):
        start = time.perf_counter()
        fn()
        if i >= warmup:
            out.append(time.perf_counter() - start)
    return out


def folder(path: Path, files: int = 2000, amgs: int = 100) -> SessionStore:
    """`files` sessions: `BIG` of AMG 0, the rest spread over the other AMGs."""
    clock = FakeClock()
    program = load_config(REPO / "config.toml").program
    store = SessionStore(path, clock=clock)
    store.ensure_folder()
    for i in range(files):
        n = 0 if i < BIG else 1 + (i - BIG) % (amgs - 1)
        session = Session(amg=f"AMG {n}", program=program, clock=clock)
        session.amg_id = amg_key(session.amg)
        session.date = TODAY - dt.timedelta(days=7 * (i if n == 0 else (i - BIG) // (amgs - 1)))
        for g in range(3):
            group = session.add_group()
            for k, factor in enumerate(FACTOR_IDS):
                group.scores[factor] = 1 + (i + g + k) % 5
        session.status = "finished"
        target = store.new_path(session.date, session.amg)
        session.id = target.stem
        target.write_text(tomli_w.dumps(session.to_dict()), "utf-8")
    store.refresh_index()
    return store


def run(repeats: int = 20, files: int = 2000, process_runs: int = 5) -> HistoryResult:
    content = load_content("da")
    with tempfile.TemporaryDirectory(prefix="amk-bench-history-") as tmp:
        store = folder(Path(tmp) / "sessions", files)
        found = history.trend_for(store, "AMG 0")
        if found is None or len(found.visits) != min(BIG, files):
            raise RuntimeError("the long-lived AMG was not found whole")

        def trend() -> None:
            got = history.trend_for(store, "amg 0")
            assert got is not None
            trend_markdown(got, content)

        def amgs() -> None:
            known_amgs(history.visits(store), TODAY)

        trend_times = _timed(trend, repeats)
        amg_times = _timed(amgs, repeats)
        env = {**os.environ, "PYTHONPATH": str(REPO)}
        args = [sys.executable, "-m", "amk_tui", "trend", "AMG 0", "--format", "md",
                "--sessions", str(store.folder)]  # fmt: skip

        def process() -> None:
            subprocess.run(args, check=True, capture_output=True, env=env, cwd=tmp)

        process_times = _timed(process, process_runs, warmup=1)
        known = known_amgs(history.visits(store), TODAY)
        return HistoryResult(
            trend=trend_times,
            amgs=amg_times,
            process=process_times,
            files=len(store.files()),
            amgs_found=len(known),
            workshops=len(found.visits),
        )


if __name__ == "__main__":
    r = run()
    from statistics import median

    print(r.files, r.amgs_found, r.workshops)
    for name in ("trend", "amgs", "process"):
        values = getattr(r, name)
        print(f"{name}: median {median(values) * 1e3:.1f} ms, "
              f"{min(values) * 1e3:.1f}–{max(values) * 1e3:.1f} ms, n={len(values)}")  # fmt: skip
