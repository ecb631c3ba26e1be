"""A failure of amk itself shows one line and leaves a log beside the sessions, never a
traceback on the shared screen; the workshop's last change is saved."""

from __future__ import annotations

import shutil
import stat
import sys
import time

import pytest

from tests.e2e.conftest import Terminals
from tests.e2e.support import Ui, Workdir, load_session

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]

UI = Ui("da")
BROKEN = (
    "import amk_tui.screens.workshop as w\n"
    "def boom(self): raise ZeroDivisionError('made to fail in a test')\n"
    "w.WorkshopScreen.action_toggle_notes = boom\n"
    "from amk_tui.cli import main\n"
    "raise SystemExit(main())\n"
)


def test_a_crash_is_one_line_and_a_log(wd: Workdir, terminals: Terminals) -> None:
    term = terminals(wd, 100, 30)
    term.start([sys.executable, "-c", BROKEN, *map(str, wd.new_args(groups=3))])
    term.wait_for(UI("agenda.planned"))
    term.press("PageDown", "space")  # a change (the timer paused), then the failure
    term.send("s")
    deadline = time.monotonic() + 15
    while not term.dead and time.monotonic() < deadline:
        time.sleep(0.05)
    assert term.dead and term.exit_status in ("70", "")
    screen = term.history()
    assert "Traceback" not in screen and "ZeroDivisionError" in screen
    assert UI("crash.line") in screen
    log = wd.sessions / "amk-crash.log"
    assert log.is_file() and stat.S_IMODE(log.stat().st_mode) == 0o600
    assert "made to fail in a test" in log.read_text()
    countdown = load_session(wd.session_file())["timing"]["countdowns"]["oplaeg"]
    assert countdown["state"] == "paused"  # the last change was kept
