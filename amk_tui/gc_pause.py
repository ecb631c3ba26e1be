"""The cyclic garbage collector waits while the `amk` command starts.

Start-up creates tens of thousands of objects that live as long as the process (modules,
classes, parsed CSS, the first screen's widgets). With the collector on, CPython scans them
again and again while they are being made: a full collection alone took ~25 ms before the
start screen's first frame. So the `amk` command pauses the collector (`pause`) and the app
resumes it once its first screen is drawn (`resume`), after `gc.freeze()` has moved the
start-up objects out of every later collection (CPython's documented use of freeze). Textual
pauses the collector the same way while a scroll animates (`App.PAUSE_GC_ON_SCROLL`).

Only the real command pauses: an app made by a test or a script never does, so `resume` is a
no-op there and nothing of theirs is frozen.
"""

from __future__ import annotations

import gc

_paused = False


def pause() -> None:
    """Stop cyclic collections until `resume` (reference counting frees as always)."""
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True


def resume() -> None:
    """Freeze what start-up made and collect again; does nothing unless `pause` paused."""
    global _paused
    if _paused:
        _paused = False
        gc.freeze()
        gc.enable()
