"""A small driver for the real app in a real terminal: tmux on a socket of its own.

Each `Tmux` is one tmux server (``-L <unique socket>``) holding one pane that runs
``sys.executable -m amk_tui …`` through ``exec``, so the pane's pid *is* the app's pid and
a SIGKILL hits the app itself. ``remain-on-exit`` keeps a dead pane on screen, so a crash's
traceback can still be captured and shown in an assertion message.

Nothing here sleeps to let the app's time pass: every wait polls ``capture-pane`` until a
condition holds or a deadline is reached.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Sequence
from pathlib import Path

TMUX = shutil.which("tmux")
REPO = Path(__file__).resolve().parents[2]
CONFIG = REPO / "config.toml"

POLL = 0.05
"""Seconds between two captures while waiting."""
TIMEOUT = 15.0
"""Default deadline of a wait: generous, because CI machines are slow and shared."""

CLOCK = re.compile(r"(?<![\d:+])(\d{2}):(\d{2})(?![\d:])")
"""A countdown as the phase bar prints it: `MM:SS` (overtime has a leading `+`)."""


class TmuxError(AssertionError):
    """A wait ran out, or the app died; the message holds the last capture."""


def write_config(folder: Path, language: str = "da") -> Path:
    """A copy of the repository's config.toml in `folder`, in the given language."""
    text = CONFIG.read_text(encoding="utf-8")
    text, n = re.subn(r'(?m)^language = "\w+"', f'language = "{language}"', text)
    assert n == 1, "config.toml has no top-level language key"
    target = folder / "config.toml"
    target.write_text(text, encoding="utf-8")
    return target


def clean_environment() -> dict[str, str]:
    """The environment for tmux and the app: none of pytest's or Textual's own variables.

    Under pytest, `COLUMNS=80` and `LINES=24` are set (by a plugin); Textual would then take
    the terminal for 80×24 whatever the pane's size, so they must not reach the app.
    """
    return {
        k: v
        for k, v in os.environ.items()
        if k not in {"COLUMNS", "LINES", "TMUX", "TMUX_PANE"}
        and not k.startswith(("TEXTUAL", "PYTEST"))
    }


def amk_command(*args: str | Path) -> list[str]:
    """The argv that runs the app with this interpreter."""
    return [sys.executable, "-m", "amk_tui", *(str(a) for a in args)]


class Tmux:
    """One tmux server with one window of `width` × `height` running one command."""

    def __init__(self, workdir: Path, width: int = 80, height: int = 24) -> None:
        if TMUX is None:  # pragma: no cover - the module is skipped then
            raise RuntimeError("tmux is not installed")
        self.tmux = TMUX
        self.workdir = workdir
        self.width = width
        self.height = height
        self.socket = f"amk-e2e-{os.getpid()}-{uuid.uuid4().hex[:8]}"
        self.conf = workdir / f"{self.socket}.conf"
        self.conf.write_text(
            "set -g remain-on-exit on\nset -g history-limit 2000\nset -g status off\n"
            "set -sg escape-time 0\n",
            encoding="utf-8",
        )
        self.last = ""
        """The last capture (shown when an assertion fails)."""
        self.started = False

    # -- tmux ---------------------------------------------------------------------------------
    def run(self, *args: str, check: bool = True) -> str:
        done = subprocess.run(
            [self.tmux, "-L", self.socket, "-f", str(self.conf), *args],
            capture_output=True,
            text=True,
            timeout=20,
            check=False,
            env=clean_environment(),
        )
        if check and done.returncode != 0:
            raise TmuxError(f"tmux {' '.join(args)} failed: {done.stderr.strip()}")
        return done.stdout

    def start(self, argv: Sequence[str], env: dict[str, str] | None = None) -> None:
        """Run `argv` in a new detached session (a second call kills the first)."""
        if self.started:
            self.kill_server()
        values = {"TERM": "xterm-256color", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}
        values.update(env or {})
        assignments = " ".join(f"{k}={shlex.quote(v)}" for k, v in values.items())
        shell = (
            f"cd {shlex.quote(str(self.workdir))} && exec env -u COLUMNS -u LINES {assignments} "
        )
        shell += " ".join(shlex.quote(a) for a in argv)
        self.run(
            "new-session", "-d", "-x", str(self.width), "-y", str(self.height), "-s", "amk", shell
        )
        self.started = True

    def kill_server(self) -> None:
        self.run("kill-server", check=False)
        self.started = False

    def send(self, *keys: str) -> None:
        """Key names as tmux knows them: PageDown, Escape, Space, Enter, BSpace, Tab, Up …"""
        self.run("send-keys", "-t", "amk", *keys)

    def type(self, text: str) -> None:
        """Literal text, character by character as a person types it."""
        self.run("send-keys", "-t", "amk", "-l", text)

    def capture(self) -> str:
        self.last = self.run("capture-pane", "-p", "-t", "amk")
        return self.last

    def resize(self, width: int, height: int) -> None:
        self.run("resize-window", "-t", "amk", "-x", str(width), "-y", str(height))
        self.width, self.height = width, height

    @property
    def pid(self) -> int:
        return int(self.run("display-message", "-p", "-t", "amk", "#{pane_pid}").strip())

    @property
    def dead(self) -> bool:
        return self.run("display-message", "-p", "-t", "amk", "#{pane_dead}").strip() == "1"

    @property
    def exit_status(self) -> str:
        return self.run("display-message", "-p", "-t", "amk", "#{pane_dead_status}").strip()

    def history(self) -> str:
        """The whole pane including scroll-back (where a traceback ends up)."""
        return self.run("capture-pane", "-p", "-S", "-", "-t", "amk", check=False)

    # -- waiting --------------------------------------------------------------------------------
    def fail(self, message: str) -> TmuxError:
        screen = self.last
        extra = ""
        if self.started and self.dead:
            extra = f"\n--- the app exited ({self.exit_status}); scroll-back:\n{self.history()}"
        size = self.run(
            "display-message", "-p", "-t", "amk", "#{pane_width}×#{pane_height}", check=False
        )
        return TmuxError(f"{message}\n--- last capture ({size.strip()}):\n{screen}{extra}")

    def wait_until(
        self, condition: Callable[[str], bool], what: str, timeout: float = TIMEOUT
    ) -> str:
        """Poll the screen until `condition(screen)` holds; fail fast if the app died."""
        deadline = time.monotonic() + timeout
        while True:
            screen = self.capture()
            if condition(screen):
                return screen
            if self.dead:
                raise self.fail(f"the app died while waiting for {what}")
            if time.monotonic() > deadline:
                raise self.fail(f"timed out after {timeout:g} s waiting for {what}")
            time.sleep(POLL)

    def wait_for(self, text: str, timeout: float = TIMEOUT) -> str:
        return self.wait_until(lambda s: text in s, repr(text), timeout)

    def wait_for_step(self, text: str, timeout: float = TIMEOUT) -> str:
        """Wait for `text` and a drawn phase bar (its `MM:SS`): a starting app may draw the view
        a frame before the bar, and the bar is what `bar()` and `remaining()` read."""

        def drawn(screen: str) -> bool:
            top = screen.splitlines()[0] if screen else ""
            return text in screen and CLOCK.search(top) is not None

        return self.wait_until(drawn, f"{text!r} with the phase bar", timeout)

    def wait_for_all(self, texts: Sequence[str], timeout: float = TIMEOUT) -> str:
        return self.wait_until(lambda s: all(t in s for t in texts), repr(list(texts)), timeout)

    def wait_gone(self, text: str, timeout: float = TIMEOUT) -> str:
        return self.wait_until(lambda s: text not in s, f"{text!r} to go", timeout)

    def wait_change(self, before: str, timeout: float = TIMEOUT) -> str:
        return self.wait_until(lambda s: s != before, "the screen to change", timeout)

    def wait_exit(self, timeout: float = TIMEOUT) -> str:
        """Wait until the app has ended cleanly: status 0 (or unknown) and no traceback."""
        deadline = time.monotonic() + timeout
        while not self.dead:
            if time.monotonic() > deadline:
                self.capture()
                raise self.fail(f"the app did not exit within {timeout:g} s")
            time.sleep(POLL)
        # tmux records the status when it reaps the process; now and then (tmux 3.3a) it
        # leaves the exited process a zombie for a long while and the status stays empty.
        status_deadline = time.monotonic() + 2.0
        while not self.exit_status and time.monotonic() < status_deadline:
            time.sleep(POLL)
        status = self.exit_status
        screen = self.history()
        if status not in ("0", "") or "Traceback" in screen:
            self.last = screen
            raise self.fail(f"the app ended badly (status {status!r})")
        return status

    # -- the phase bar ----------------------------------------------------------------------------
    def bar(self, screen: str | None = None) -> str:
        """The top line: phases, the time left as MM:SS, the total."""
        text = self.capture() if screen is None else screen
        return text.splitlines()[0] if text.strip() else ""

    def remaining(self, screen: str | None = None) -> int:
        """Seconds left on the phase bar's countdown (the first MM:SS on the top line)."""
        text = self.capture() if screen is None else screen
        top = text.splitlines()[0] if text else ""
        match = CLOCK.search(top)
        if match is None:
            raise self.fail("no MM:SS countdown in the phase bar")
        return int(match.group(1)) * 60 + int(match.group(2))

    def wait_remaining_below(self, seconds: int, timeout: float = TIMEOUT) -> int:
        """Wait until the countdown shows less than `seconds`; what it shows then."""

        def below(screen: str) -> bool:
            top = screen.splitlines()[0] if screen else ""
            match = CLOCK.search(top)
            return match is not None and int(match.group(1)) * 60 + int(match.group(2)) < seconds

        return self.remaining(self.wait_until(below, f"the countdown below {seconds} s", timeout))

    def sigkill(self) -> None:
        """Kill the app hard (no cleanup, no last save) and wait until it is gone."""
        pid = self.pid
        os.kill(pid, signal.SIGKILL)
        self.wait_pid_gone(pid)
        deadline = time.monotonic() + TIMEOUT
        while not self.dead:
            if time.monotonic() > deadline:
                raise self.fail("the pane did not notice the kill")
            time.sleep(POLL)

    def settle(self, quiet: float = 0.2, timeout: float = 5.0) -> str:
        """Wait until the screen, colours included, stays the same for `quiet` seconds.

        Textual moves focus a moment after the key that asks for it (`Widget.focus` is
        deferred), and a key that arrives in the same burst as the key before it can go to
        the old widget. A focus change shows only in colours, so this compares captures
        with escape sequences (`capture-pane -e`). Best effort: a blinking cursor or a
        ticking clock may keep it from ever being quiet, so it gives up after `timeout`.
        """
        deadline = time.monotonic() + timeout
        previous = self.run("capture-pane", "-p", "-e", "-t", "amk")
        stable_since = time.monotonic()
        while time.monotonic() < deadline:
            time.sleep(POLL)
            screen = self.run("capture-pane", "-p", "-e", "-t", "amk")
            now = time.monotonic()
            if screen != previous:
                previous, stable_since = screen, now
            elif now - stable_since >= quiet:
                break
        if self.dead:
            self.capture()
            raise self.fail("the app died")
        return self.capture()

    def press(self, *keys: str) -> str:
        """Send keys (tmux names) one at a time, letting the app settle after each."""
        for key in keys:
            self.send(key)
            self.settle()
        return self.last

    def wait_pid_gone(self, pid: int, timeout: float = TIMEOUT) -> None:
        deadline = time.monotonic() + timeout
        while _alive(pid):
            if time.monotonic() > deadline:
                raise self.fail(f"process {pid} still alive")
            time.sleep(POLL)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    # A zombie counts as gone: tmux reaps it soon.
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return True
    return state != "Z"
