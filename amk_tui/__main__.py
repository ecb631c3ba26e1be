"""`python -m amk_tui` is the same as the `amk` command."""

from amk_tui.cli import entry

raise SystemExit(entry())
