"""Issue acceptance: a workshop killed with SIGKILL resumes where it was, timer included.

The countdown is read as the phase bar prints it (plain `MM:SS`), so this is what a person
in the room sees, not what the session file says.
"""

from __future__ import annotations

import shutil
import stat
import time

import pytest

from tests.e2e.conftest import Terminals
from tests.e2e.support import Ui, Workdir, load_session
from tests.e2e.tmux import amk_command

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]

UI = Ui("da")
PAUSED = UI("timer.paused")
DOWNTIME = 2.0
"""Seconds the app is down at least before it is resumed with its timer running."""


def test_resume_after_sigkill_paused_and_running(wd: Workdir, terminals: Terminals) -> None:
    first = terminals(wd)
    first.start(amk_command(*wd.new_args(groups=3)))
    first.wait_for(UI("agenda.planned"))

    # Into Oplæg: the countdown starts by itself and goes down.
    first.send("PageDown")
    screen = first.wait_for_step("1 / 10")
    assert UI("phase.oplaeg") in first.bar(screen)
    start = first.remaining(screen)
    later = first.wait_remaining_below(start, timeout=3.0)
    assert later < start <= 600

    # Pause, then kill: no chance to save anything at exit.
    first.send("Space")
    screen = first.wait_until(lambda s: PAUSED in s.splitlines()[0], "the paused timer")
    paused_at = first.remaining(screen)
    first.sigkill()

    path = wd.session_file()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(wd.sessions.stat().st_mode) == 0o700
    saved = load_session(path)
    assert saved["status"] == "in-progress"
    assert saved["timing"]["step"] == "oplaeg"

    # Resume (the newest unfinished session): same phase, same slide, same time, paused.
    second = terminals(wd)
    second.start(amk_command("resume", "--sessions", wd.sessions, "--config", wd.config))
    screen = second.wait_for_step("1 / 10")
    bar = second.bar(screen)
    assert UI("phase.oplaeg") in bar and PAUSED in bar, bar
    assert second.remaining(screen) == paused_at
    # Still paused a moment later (poll a little over one tick of the clock).
    deadline = time.monotonic() + 1.2
    while time.monotonic() < deadline:
        assert second.remaining() == paused_at, second.last
        time.sleep(0.1)

    # Run the timer, move one slide on, then kill with the timer running.
    second.send("Space")
    second.wait_until(lambda s: PAUSED not in s.splitlines()[0], "the timer to run")
    second.send("PageDown")
    second.wait_for("2 / 10")
    second.wait_remaining_below(paused_at, timeout=3.0)
    at_kill = second.remaining()
    killed = time.monotonic()
    second.sigkill()

    # Real time passes while the app is down: listing the sessions takes a moment, and
    # the downtime is made at least 2 s (short, bounded) so the drop is measurable.
    listing = wd.amk("list", "--sessions", wd.sessions, "--config", wd.config)
    assert "Test AMG" in listing.stdout
    assert stat.S_IMODE(wd.session_file().stat().st_mode) == 0o600
    time.sleep(max(0.0, DOWNTIME - (time.monotonic() - killed)))

    third = terminals(wd)
    third.start(amk_command("resume", str(wd.session_file()), "--config", wd.config))
    screen = third.wait_for_step("2 / 10")
    resumed = third.remaining(screen)
    passed = time.monotonic() - killed
    bar = third.bar(screen)
    assert UI("phase.oplaeg") in bar and PAUSED not in bar, bar
    expected = at_kill - passed
    assert abs(resumed - expected) <= 3, (
        f"resumed at {resumed} s, expected about {expected:.1f} s "
        f"({at_kill} s at the kill, {passed:.1f} s passed)\n{screen}"
    )
    assert resumed <= at_kill - 1
    # And it keeps running.
    third.wait_remaining_below(resumed, timeout=3.0)
    third.send("q")
    third.wait_exit()
    assert stat.S_IMODE(wd.session_file().stat().st_mode) == 0o600
    assert stat.S_IMODE(wd.sessions.stat().st_mode) == 0o700
