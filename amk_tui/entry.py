"""The `amk` command's first line: the collector is paused before anything is imported.

Importing amk, Textual and Rich makes most of start-up's lasting objects (modules, classes,
compiled patterns); with the cyclic collector on, CPython scans them again and again while
they are being made (~20 ms of the start screen's first frame, measured from outside). So the
command pauses the collector (`gc_pause`) before its first import of the app and the app
resumes it once its first screen is drawn. `python -m amk_tui` starts here too.
"""

from __future__ import annotations

from amk_tui import gc_pause


def run() -> int:
    """The `amk` command: `cli.main` with the collector paused until the app has started
    (or `main` has returned or failed)."""
    gc_pause.pause()
    try:
        from amk_tui.cli import main  # imported here: every import runs with the collector paused

        return main()
    finally:
        gc_pause.resume()
