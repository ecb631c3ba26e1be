"""The `amk` command pauses the garbage collector while it starts, and only the command does."""

from __future__ import annotations

import gc
import subprocess
import sys
from collections.abc import Iterator

import pytest

from amk_tui import cli, entry, gc_pause


@pytest.fixture
def collector_on() -> Iterator[None]:
    """Each test starts with the collector on and leaves it as it found it."""
    was_enabled = gc.isenabled()
    gc.enable()
    yield
    gc_pause._paused = False
    gc.unfreeze()
    if was_enabled:
        gc.enable()
    else:
        gc.disable()


@pytest.mark.usefixtures("collector_on")
def test_resume_without_pause_changes_nothing() -> None:
    frozen = gc.get_freeze_count()
    gc_pause.resume()
    assert gc.isenabled()
    assert gc.get_freeze_count() == frozen


@pytest.mark.usefixtures("collector_on")
def test_pause_then_resume_freezes_and_collects_again() -> None:
    gc_pause.pause()
    assert not gc.isenabled()
    kept = [[n] for n in range(1000)]  # objects made while paused ...
    gc_pause.resume()
    assert gc.isenabled()
    assert gc.get_freeze_count() >= len(kept)  # ... are out of later collections
    gc_pause.resume()  # a second resume is harmless
    assert gc.isenabled()


@pytest.mark.usefixtures("collector_on")
def test_pause_leaves_a_collector_switched_off_elsewhere_alone() -> None:
    gc.disable()
    gc_pause.pause()
    gc_pause.resume()
    assert not gc.isenabled()  # the command did not switch it off, so it does not switch it on


@pytest.mark.usefixtures("collector_on")
def test_the_command_collects_again_even_when_it_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[bool] = []

    def failing_main() -> int:
        seen.append(gc.isenabled())
        raise RuntimeError("boom")

    monkeypatch.setattr(cli, "main", failing_main)
    with pytest.raises(RuntimeError):
        entry.run()
    assert seen == [False]
    assert gc.isenabled()


@pytest.mark.usefixtures("collector_on")
def test_the_command_returns_mains_exit_code(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli, "main", lambda: 2)
    assert entry.run() == 2
    assert gc.isenabled()


def test_the_command_pauses_before_it_imports_the_app() -> None:
    """`amk_tui.entry` imports nothing of the app or Textual itself: `run` pauses the
    collector first, so every import of the start-up runs paused."""
    code = "import sys, amk_tui.entry; "
    code += "print('amk_tui.cli' in sys.modules, 'textual' in sys.modules)"
    shown = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert shown.stdout.split() == ["False", "False"]
