"""Issue acceptance: two real terminals on one sessions folder — the console and the room.

PageDown on the console shows the next slide on the room within 1.5 s; the slide's notes
(`s`) never reach the room; typed scores reach the room only after the reveal; SIGKILL of the
console leaves the room alive with its picture, and after `amk resume` and one PageDown the
room follows again. The room has no keys footer.
"""

from __future__ import annotations

import shutil
import time

import pytest

from tests.e2e.conftest import Terminals
from tests.e2e.support import CONTENT, Ui, Workdir
from tests.e2e.tmux import amk_command

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]

UI = Ui("da")
FOLLOW = 1.5
"""Seconds the room may take to show what the console shows (the acceptance)."""


def own_slides(wd: Workdir) -> None:
    """The facilitator's own slides: two, the first with notes."""
    folder = wd.root / "mine"
    folder.mkdir()
    (folder / "01-a.md").write_text("# Velkommen til AMG\n\nDagens plan\n\n???\nHUSK KAFFEN\n")
    (folder / "02-b.md").write_text("# Andet slide\n\nEt punkt\n")
    text = wd.config.read_text(encoding="utf-8")
    text = text.replace('# slides_dir = "my-slides"', 'slides_dir = "mine"')
    text = text.replace("hide_until_reveal = false", "hide_until_reveal = true")
    wd.config.write_text(text, encoding="utf-8")


def test_the_room_follows_hides_notes_and_scores_and_survives_a_kill(
    wd: Workdir, terminals: Terminals
) -> None:
    own_slides(wd)
    console = terminals(wd, 100, 30)
    console.start(amk_command(*wd.new_args(groups=3)))
    console.wait_for(UI("agenda.planned"))
    room = terminals(wd, 120, 36)
    room.start(amk_command("room", "--sessions", wd.sessions, "--config", wd.config))
    room.wait_for(UI("room.waiting_start"))

    console.send("PageDown")
    console.wait_for("Velkommen til AMG")
    started = time.monotonic()
    room.wait_for("Velkommen til AMG", timeout=FOLLOW + 2)
    assert time.monotonic() - started < FOLLOW
    console.wait_for(UI("room.following"), timeout=5)  # the console turned presenter
    screen = console.wait_for("HUSK KAFFEN")  # its notes are on the console …
    console.send("s")
    console.settle()
    assert "HUSK KAFFEN" not in room.capture()  # … never on the room
    assert "^p" not in room.capture() and "Næste" not in room.capture()  # no keys footer
    del screen

    console.send("PageDown")
    room.wait_for("Andet slide", timeout=FOLLOW + 2)
    console.send("PageDown")  # the group work
    console.wait_for(UI("groupwork.reported"))
    room.wait_for(UI("groupwork.reported"))
    console.type("345")
    console.wait_for("3,0")  # the console's grid has them (a room window follows it)
    room.wait_for("A ■■■□□□")
    assert "3,0" not in room.capture() and "4,0" not in room.capture()

    console.press("Escape", "a", "3")  # Opsamling: the comparison, still hidden
    room.wait_for(UI("comparison.hidden_room"))
    console.send("h")
    room.wait_for("Lavest")  # revealed: the insights and the chart

    console.sigkill()
    room.wait_for(UI("room.waiting"), timeout=10)
    assert not room.dead
    assert "Lavest" in room.capture()  # the last picture stays

    again = terminals(wd, 100, 30)
    again.start(amk_command("resume", "--sessions", wd.sessions, "--config", wd.config))
    again.wait_for(UI("room.following"), timeout=10)
    again.send("PageDown")
    room.wait_for(UI("wrapup.share"), timeout=FOLLOW + 2)
    room.wait_gone(UI("room.waiting"), timeout=5)


def test_one_truth_a_room_started_first_waits_then_keeps_the_consoles_time_and_slide(
    wd: Workdir, terminals: Terminals
) -> None:
    """Issue acceptance (one truth for the room): console 100×30, room 120×36. The room is
    opened first and waits; paused, its big countdown stands still; `+` moves it at once;
    PageUp from the group work into the Oplæg shows the same `n / N` on both."""
    room = terminals(wd, 120, 36)
    room.start(amk_command("room", "--sessions", wd.sessions, "--config", wd.config))
    room.wait_for(UI("room.waiting_start"))
    time.sleep(1.5)
    assert not room.dead  # nothing to follow yet: it waits, it does not exit

    console = terminals(wd, 100, 30)
    console.start(amk_command(*wd.new_args(groups=3)))
    console.wait_for(UI("agenda.planned"))
    room.wait_for("Test AMG", timeout=10)  # the idle picture names the workshop it follows

    console.press("a", "2")  # the group work: 25:00, running
    room.wait_for(UI("groupwork.reported"), timeout=FOLLOW + 2)
    console.send("Space")
    console.wait_for(UI("timer.paused"))
    room.wait_for(UI("timer.paused"), timeout=FOLLOW + 2)
    shown = room.settle()
    time.sleep(2.2)  # two seconds pass: a paused countdown shows the same digits
    assert room.capture() == shown
    assert room.remaining() == console.remaining()

    before = room.remaining()
    console.send("+")
    room.wait_until(lambda s: room.remaining(s) == before + 60, "+1 min", timeout=FOLLOW + 2)
    assert room.capture() != shown  # the big digits moved too

    n = len(list((CONTENT / "da" / "slides").glob("*.md")))
    console.send("PageUp")
    console.wait_for(f"{n} / {n}")
    room.wait_for(f"{n} / {n}", timeout=FOLLOW + 2)


def test_a_whole_oplaeg_and_the_opsamling_as_the_deck_runs_them(
    wd: Workdir, terminals: Terminals
) -> None:
    """Issue acceptance (Opsamling as the deck runs it): console 120×36, room 160×45. Every
    slide of the Oplæg reaches the room and none says "gengives ikke"; the Opsamling's
    discussion slide shows all three wrap-up questions at once under their own countdown."""
    console = terminals(wd, 120, 36)
    console.start(amk_command(*wd.new_args(groups=3)))
    console.wait_for(UI("agenda.planned"))
    room = terminals(wd, 160, 45)
    room.start(amk_command("room", "--sessions", wd.sessions, "--config", wd.config))
    room.wait_for("Test AMG", timeout=10)

    n = len(list((CONTENT / "da" / "slides").glob("*.md")))
    for i in range(1, n + 1):
        console.send("PageDown")
        seen = room.wait_for(f"{i} / {n}", timeout=FOLLOW + 2)
        assert "gengives ikke" not in seen.lower()

    console.press("a", "3")  # Opsamling: the comparison
    room.wait_for(UI("comparison.heading"), timeout=FOLLOW + 2)
    console.send("PageDown")
    room.wait_for(UI("wrapup.share"), timeout=FOLLOW + 2)
    console.send("PageDown")
    questions = (
        "Hvad tager I med jer fra i dag?",
        "Er der behov for, at I gør en indsats",
        "Hvad ville være jeres næste skridt",
    )
    seen = room.wait_for_all(["Drøft i grupperne", *questions], timeout=FOLLOW + 2)
    assert "04:00" in seen or "03:5" in seen  # the discussion's own countdown
