"""The real app in a real pseudo-terminal: time to first frame, peak memory, idle CPU.

Every process is spawned with its stdin/stdout/stderr on the slave side of a pty sized by
`TIOCSWINSZ`, TERM=xterm-256color and COLORTERM=truecolor, and everything it writes is read
(so it never blocks on a full pty). It is quit with its own `q` key, or signalled if that
fails, and always reaped.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.minimal_app import FOOTER_MARKER, MARKER
from benchmarks.ptyproc import PtyProcess, pump

REPO = Path(__file__).resolve().parents[1]
COLS, ROWS = 120, 36

AMK_SCREEN = [sys.executable, "-m", "amk_tui"]
AMK_SCREEN_MARKERS = ("Ny workshop", "Start workshop", "Taster")
"""`amk` with an empty sessions folder: the start screen's heading, the button under its
form and the footer: the whole screen `make run` opens on, top to bottom."""
CTRL_Q = b"\x11"
"""Quits the start screen, where the AMG field has the focus and `q` is a letter."""
AMK_DEMO = [sys.executable, "-m", "amk_tui", "--demo"]
AMK_DEMO_MARKERS = ("Opsamling", "Gruppe C", "Størst uenighed")
"""The phase bar, the chart's legend and the insight beside the chart: all of Opsamling's
comparison, where `amk --demo` opens with the deck's program, is there."""
MINIMAL = [sys.executable, "-m", "benchmarks.minimal_app"]
MINIMAL_MARKERS = (MARKER, FOOTER_MARKER)

AGENDA_MARKER = "PageDown for at starte"
"""The agenda's hint: `amk new` is on its home screen."""
PRESENTATION_MARKER = "I alt "
"""The phase bar's total clock: a phase screen (Oplæg) is showing."""
PAGE_DOWN = b"\x1b[6~"

SETTLE = 1.0
"""Seconds of reading after the first frame before memory is read."""


FORCED: list[str] = []
"""Processes that did not quit on their own `q` within 10 s and had to be signalled."""


def _close(proc: PtyProcess, label: str, quit_keys: bytes = b"q") -> None:
    proc.close(quit_keys)
    if proc.ended != "quit":
        FORCED.append(f"{label} ({proc.ended or 'exited early'})")


class BenchError(RuntimeError):
    """A process did not show what it should (the figure would be meaningless)."""


@dataclass
class StartResult:
    screen: list[float] = field(default_factory=list)
    """`amk` to its start screen (what `make run` opens on), seconds per run."""
    demo: list[float] = field(default_factory=list)
    """`amk --demo` to Opsamling's comparison with its chart, seconds per run."""
    minimal: list[float] = field(default_factory=list)
    screen_hwm_kib: list[int] = field(default_factory=list)
    demo_hwm_kib: list[int] = field(default_factory=list)
    minimal_hwm_kib: list[int] = field(default_factory=list)

    def ratios(self, runs: list[float]) -> list[float]:
        """amk ÷ minimal per interleaved round."""
        return [a / m for a, m in zip(runs, self.minimal, strict=True)]


def _first_frame(
    argv: list[str], markers: tuple[str, ...], quit_keys: bytes = b"q"
) -> tuple[float, int]:
    """Seconds from spawn until all markers are on screen; VmHWM (KiB) SETTLE s later."""
    proc = PtyProcess(argv, COLS, ROWS, REPO)
    try:
        seconds = proc.wait_for(markers, timeout=30)
        if seconds is None:
            raise BenchError(f"{argv[2:]} never showed {markers}: {proc.output[-400:]!r}")
        pump([proc], SETTLE)
        hwm = proc.memory_kib()["VmHWM"]
    finally:
        _close(proc, " ".join(argv[1:]), quit_keys)
    return seconds, hwm


def start(runs: int, warmup: int = 1) -> StartResult:
    """Rounds of amk's start screen, `amk --demo` and the minimal app, in a rotating order
    so drift on the machine hits all three alike."""
    result = StartResult()
    folder = Path(tempfile.mkdtemp(prefix="amk-bench-start-"))
    screen = [*AMK_SCREEN, "--sessions", str(folder)]
    try:
        for i in range(warmup + runs):
            order: list[tuple[list[str], tuple[str, ...]]] = [
                (screen, AMK_SCREEN_MARKERS),
                (AMK_DEMO, AMK_DEMO_MARKERS),
            ]
            order.insert(i % 3, (MINIMAL, MINIMAL_MARKERS))
            if i % 2:
                order.reverse()
            measured = {
                tuple(argv): _first_frame(argv, markers, CTRL_Q if argv is screen else b"q")
                for argv, markers in order
            }
            if i < warmup:
                continue
            for (seconds, hwm), runs_to, hwm_to in (
                (measured[tuple(screen)], result.screen, result.screen_hwm_kib),
                (measured[tuple(AMK_DEMO)], result.demo, result.demo_hwm_kib),
                (measured[tuple(MINIMAL)], result.minimal, result.minimal_hwm_kib),
            ):
                runs_to.append(seconds)
                hwm_to.append(hwm)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return result


@dataclass
class CpuResult:
    slices: dict[str, list[float]]
    """Per process: % of one core in each slice of the window."""
    total: dict[str, float]
    """Per process: % of one core over the whole window."""
    out_rate: dict[str, float]
    """Per process: bytes per second written to the terminal during the window."""
    window: float


def _oplaeg(module: str, folder: Path) -> PtyProcess:
    """`python -m MODULE new --amg Bench --groups 3`, then PageDown: Oplæg, countdown running."""
    argv = [sys.executable, "-m", module, "new", "--amg", "Bench", "--groups", "3"]
    proc = PtyProcess([*argv, "--sessions", str(folder)], COLS, ROWS, REPO)
    if proc.wait_for([AGENDA_MARKER], timeout=30) is None:
        _close(proc, module)
        raise BenchError(f"{module} new: no agenda: {proc.output[-400:]!r}")
    proc.clear()
    proc.send(PAGE_DOWN)
    if proc.wait_for([PRESENTATION_MARKER], timeout=30) is None:
        _close(proc, module)
        raise BenchError(f"{module} new: PageDown did not start Oplæg: {proc.output[-400:]!r}")
    return proc


OPLAEG = "amk new: Oplæg, countdown running"
DEMO_SCORING = "amk --demo: Opsamling's comparison, countdown running"
MINIMAL_IDLE = "minimal app (no timers)"


def idle_cpu(window: float = 30.0, slices: int = 6) -> CpuResult:
    """CPU of `amk new` on Oplæg with its countdown running, beside references.

    All run at the same time (each mostly sleeps): `amk new … --groups 3` after PageDown
    (the brief's case), `amk --demo` on Opsamling's comparison (countdown running, chart)
    and the minimal app (no timers at all).
    """
    folder = Path(tempfile.mkdtemp(prefix="amk-bench-cpu-"))
    procs: dict[str, PtyProcess] = {}
    try:
        procs[OPLAEG] = _oplaeg("amk_tui", folder / "plain")
        procs[DEMO_SCORING] = demo = PtyProcess(AMK_DEMO, COLS, ROWS, REPO)
        if demo.wait_for(AMK_DEMO_MARKERS, timeout=30) is None:
            raise BenchError("amk --demo: no first frame")
        procs[MINIMAL_IDLE] = minimal = PtyProcess(MINIMAL, COLS, ROWS, REPO)
        if minimal.wait_for(MINIMAL_MARKERS, timeout=30) is None:
            raise BenchError("minimal app: no first frame")
        everyone = list(procs.values())
        pump(everyone, 2.0)  # settle: start-up work is over
        step = window / slices
        per: dict[str, list[float]] = {name: [] for name in procs}
        cpu0 = {name: p.cpu_seconds() for name, p in procs.items()}
        bytes0 = {name: p.received for name, p in procs.items()}
        last = dict(cpu0)
        began = tick = time.perf_counter()
        for _ in range(slices):
            pump(everyone, step)
            now_wall = time.perf_counter()
            for name, p in procs.items():
                now = p.cpu_seconds()
                per[name].append(100 * (now - last[name]) / (now_wall - tick))
                last[name] = now
            tick = now_wall
        wall = tick - began
        total = {name: 100 * (last[name] - cpu0[name]) / wall for name in procs}
        rate = {name: (p.received - bytes0[name]) / wall for name, p in procs.items()}
        return CpuResult(per, total, rate, wall)
    finally:
        for name, p in procs.items():
            _close(p, name)
        shutil.rmtree(folder, ignore_errors=True)
