"""`python -m amk_tui` is the same as the `amk` command."""

from amk_tui.entry import run

raise SystemExit(run())
