"""What only a real 80×24 terminal showed: a form error and a read-only flag that were cut off.

Both were found by the tmux walk and fixed; these keep them fixed.
"""

from __future__ import annotations

import shutil

import pytest

from tests.e2e.conftest import Terminals
from tests.e2e.support import Ui, Workdir
from tests.e2e.tmux import Tmux, amk_command

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]

UI = Ui("da")


def open_wrapup(term: Tmux, wd: Workdir) -> None:
    """A new workshop, straight into Opsamling (it opens on the comparison)."""
    term.start(amk_command(*wd.new_args(groups=2)))
    term.wait_for(UI("agenda.planned"))
    term.send("3")
    term.wait_for(UI("comparison.heading"))
    term.settle()


def test_action_form_error_is_visible_at_80x24(wd: Workdir, terminals: Terminals) -> None:
    term = terminals(wd, 80, 24)
    open_wrapup(term, wd)
    term.send("End")
    term.wait_for(UI("actions.title"))
    term.settle()
    term.send("i")
    term.wait_for(UI("actions.date_hint"))
    term.settle()
    term.type("Noget")
    term.wait_for("Noget")
    term.press("Tab")
    term.type("AMR")
    term.wait_for("AMR")
    term.press("Tab")
    term.type("32/13")
    term.wait_for("32/13")
    term.send("Enter")
    term.wait_for(UI("actions.bad_date", value="32/13")[:24], timeout=5)


def test_read_only_flag_of_finished_session_at_80_columns(
    wd: Workdir, terminals: Terminals
) -> None:
    term = terminals(wd, 80, 24)
    open_wrapup(term, wd)
    term.type("F")
    term.wait_for(UI("button.yes"))
    term.type("y")
    term.wait_for(UI("confirm.next_assessment")[:20])
    term.send("Enter")
    term.wait_for(UI("minutes.title")[:20])
    term.send("Escape")  # the referat's own lines: skipped
    term.wait_for(UI("finished.title"))
    term.type("q")
    term.wait_exit()

    again = terminals(wd, 80, 24)
    again.start(amk_command("resume", wd.session_file(), "--config", wd.config))
    again.wait_for(UI("notify.finished_readonly")[:20])
    again.wait_until(
        lambda s: UI("bar.readonly") in s.splitlines()[0], "the read-only flag", timeout=3
    )
