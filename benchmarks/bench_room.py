"""`amk room` in a real pty beside the console in another: key → room frame, and idle CPU.

The console (`amk new`) and the room (`amk room`) run in two pseudo-terminals on one sessions
folder. For each PageDown sent to the console, the time until the room's terminal shows the
new slide's title is one sample: console key → save → the room's next look (every 0.2 s) →
read → draw → written to the terminal. Then both stay on a slide, and the room's CPU is read
from /proc over a window (its countdown ticks, it looks at the file 5 times a second).
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from amk_tui.config import load_content
from benchmarks.ptyproc import PtyProcess, pump

REPO = Path(__file__).resolve().parents[1]
PAGE_DOWN = b"\x1b[6~"
AGENDA_MARKER = "PageDown for at starte"
ROOM_MARKER = "Workshoppen begynder om lidt"


class RoomBenchError(RuntimeError):
    """A process did not show what it should (the figure would be meaningless)."""


@dataclass
class RoomResult:
    follow: list[float] = field(default_factory=list)
    """Seconds from PageDown on the console to the slide's title on the room's terminal."""
    idle_cpu: list[float] = field(default_factory=list)
    """The room's CPU (% of one core) per slice, both windows resting on a slide."""
    console_cpu: list[float] = field(default_factory=list)
    """The console's CPU over the same slices (the reference beside it)."""


def _amk(*args: str | Path) -> list[str]:
    return [sys.executable, "-m", "amk_tui", *(str(a) for a in args)]


def run(cpu_window: float = 20.0, slices: int = 4) -> RoomResult:
    folder = Path(tempfile.mkdtemp(prefix="amk-bench-room-"))
    config = REPO / "config.toml"
    sessions = folder / "s"
    titles = [s.title for s in load_content("da").slides]
    result = RoomResult()
    console = room = None
    try:
        console = PtyProcess(
            _amk("new", "--amg", "Bench AMG", "--groups", "3", "--sessions", sessions,
                 "--config", config),
            100, 30, folder,
        )  # fmt: skip
        if console.wait_for([AGENDA_MARKER], timeout=30) is None:
            raise RoomBenchError(f"console: no agenda: {console.output[-300:]!r}")
        room = PtyProcess(_amk("room", "--sessions", sessions, "--config", config), 120, 36, folder)
        if room.wait_for([ROOM_MARKER], timeout=30) is None:
            raise RoomBenchError(f"room: no first frame: {room.output[-300:]!r}")
        for title in titles:
            room.clear()
            sent = time.perf_counter()
            console.send(PAGE_DOWN)
            seen = room.wait_for([title], timeout=10)
            if seen is None:
                raise RoomBenchError(f"room never showed {title!r}")
            result.follow.append(room.t0 + seen - sent)
            pump([console, room], 0.3)
        both = [console, room]
        pump(both, 2.0)
        step = cpu_window / slices
        last = {"room": room.cpu_seconds(), "console": console.cpu_seconds()}
        tick = time.perf_counter()
        for _ in range(slices):
            pump(both, step)
            now = time.perf_counter()
            for name, proc, out in (
                ("room", room, result.idle_cpu),
                ("console", console, result.console_cpu),
            ):
                cpu = proc.cpu_seconds()
                out.append(100 * (cpu - last[name]) / (now - tick))
                last[name] = cpu
            tick = now
        return result
    finally:
        for running in (room, console):
            if running is not None:
                running.close()
        shutil.rmtree(folder, ignore_errors=True)
