"""A process in a pseudo-terminal of a given size, as a real terminal would run it.

The benchmark reads everything the process writes (so it never blocks on a full pty), can
wait for texts to appear on the screen (escape sequences stripped), send keys, and read
the process's CPU time and peak memory from /proc.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import re
import select
import shutil
import signal
import struct
import subprocess
import tempfile
import termios
import time
from collections.abc import Iterable, Sequence
from pathlib import Path

_ANSI = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI: colours, cursor moves, modes
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)"  # OSC: title, colours
    r"|\x1bP[^\x1b]*\x1b\\"  # DCS
    r"|\x1b[@-Z\\-_=>()#][0-9A-Za-z]?"  # two- and three-byte escapes
)
CLK_TCK = os.sysconf("SC_CLK_TCK")


def plain(raw: bytes) -> str:
    """The text a terminal would show, without escape sequences (layout ignored)."""
    return _ANSI.sub("", raw.decode("utf-8", "replace"))


def terminal_env(tmpdir: str) -> dict[str, str]:
    """This environment as a modern terminal emulator would give it to a program.

    TMPDIR is a folder of the benchmark's own, removed after the process ends: `amk --demo`
    keeps its session in a temporary folder that a killed process could not remove.
    """
    env = {k: v for k, v in os.environ.items() if not k.startswith("TEXTUAL")}
    env.pop("NO_COLOR", None)
    env.update(TERM="xterm-256color", COLORTERM="truecolor", PYTHONUNBUFFERED="1", TMPDIR=tmpdir)
    return env


class PtyProcess:
    """`argv` running in a `cols × rows` pty; `t0` is taken just before the spawn."""

    def __init__(self, argv: Sequence[str], cols: int, rows: int, cwd: Path) -> None:
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        self.master = master
        self.output = bytearray()
        self.received = 0
        """Bytes read from the pty since the start (kept or not)."""
        self.keep = True
        """Keep what is read in `output` (off while only draining)."""
        self.tmpdir = tempfile.mkdtemp(prefix="amk-bench-pty-")
        self.ended = ""
        """How the process ended: `quit` (its own key), `SIGTERM` or `SIGKILL`."""
        self.t0 = time.perf_counter()
        self.proc = subprocess.Popen(
            list(argv),
            stdin=slave,
            stdout=slave,
            stderr=slave,
            cwd=cwd,
            env=terminal_env(self.tmpdir),
            start_new_session=True,
            close_fds=True,
        )
        os.close(slave)
        self.eof = False

    @property
    def pid(self) -> int:
        return self.proc.pid

    # -- reading -------------------------------------------------------------------------
    def read_available(self) -> int:
        """Read what is there without waiting; the number of bytes read."""
        total = 0
        while not self.eof:
            ready, _, _ = select.select([self.master], [], [], 0)
            if not ready:
                break
            total += self._read_once()
        return total

    def _read_once(self) -> int:
        try:
            chunk = os.read(self.master, 1 << 16)
        except OSError:  # EIO: the child closed the pty (exited)
            chunk = b""
        if not chunk:
            self.eof = True
            return 0
        self.received += len(chunk)
        if self.keep:
            self.output += chunk
        return len(chunk)

    def wait_for(self, texts: Iterable[str], timeout: float) -> float | None:
        """Seconds since `t0` at which every text had appeared; None on timeout or exit.

        Texts are looked for in the output since the last `clear()`, escape sequences removed.
        """
        wanted = list(texts)
        deadline = time.perf_counter() + timeout
        while not self.eof:
            left = deadline - time.perf_counter()
            if left <= 0:
                return None
            ready, _, _ = select.select([self.master], [], [], min(left, 0.5))
            if not ready:
                continue
            self._read_once()
            self.read_available()
            now = time.perf_counter()
            screen = plain(bytes(self.output))
            if all(t in screen for t in wanted):
                return now - self.t0
        return None

    def clear(self) -> None:
        self.output.clear()

    def send(self, data: bytes) -> None:
        os.write(self.master, data)

    # -- /proc -----------------------------------------------------------------------------
    def cpu_seconds(self) -> float:
        """User + system CPU time of the process so far."""
        stat = Path(f"/proc/{self.pid}/stat").read_text()
        fields = stat[stat.rindex(")") + 2 :].split()
        # fields[0] is field 3 (state): utime is field 14, stime field 15.
        return (int(fields[11]) + int(fields[12])) / CLK_TCK

    def memory_kib(self) -> dict[str, int]:
        """VmHWM (peak RSS) and VmRSS in KiB."""
        out: dict[str, int] = {}
        for line in Path(f"/proc/{self.pid}/status").read_text().splitlines():
            key, _, value = line.partition(":")
            if key in ("VmHWM", "VmRSS"):
                out[key] = int(value.split()[0])
        return out

    # -- the end ---------------------------------------------------------------------------
    def close(self, quit_keys: bytes = b"q", timeout: float = 10.0) -> None:
        """Quit as a user would (`quit_keys`), then SIGTERM, then SIGKILL; always reaped."""
        if self.proc.poll() is None and not self.eof and quit_keys:
            with contextlib.suppress(OSError):
                self.send(quit_keys)
            self._drain_until_exit(timeout)
            self.ended = "quit"
        for sig in (signal.SIGTERM, signal.SIGKILL):
            if self.proc.poll() is not None:
                break
            self.ended = sig.name
            with contextlib.suppress(ProcessLookupError):
                self.proc.send_signal(sig)
            self._drain_until_exit(timeout)
        with contextlib.suppress(OSError):
            os.close(self.master)
        shutil.rmtree(self.tmpdir, ignore_errors=True)

    def _drain_until_exit(self, timeout: float) -> None:
        deadline = time.perf_counter() + timeout
        while self.proc.poll() is None and time.perf_counter() < deadline:
            if self.eof:
                time.sleep(0.02)
                continue
            ready, _, _ = select.select([self.master], [], [], 0.05)
            if ready:
                self._read_once()
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.proc.wait(timeout=0.5)


def pump(procs: Sequence[PtyProcess], seconds: float) -> None:
    """Keep reading every process's output for `seconds` of wall time (nothing kept)."""
    deadline = time.perf_counter() + seconds
    for p in procs:
        p.keep = False
    try:
        while (left := deadline - time.perf_counter()) > 0:
            live = [p for p in procs if not p.eof]
            if not live:
                time.sleep(left)
                break
            ready, _, _ = select.select([p.master for p in live], [], [], min(left, 0.5))
            for p in live:
                if p.master in ready:
                    p._read_once()
    finally:
        for p in procs:
            p.keep = True
