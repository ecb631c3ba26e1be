"""The commands about an AMG's history: `amk trend`, `amk amg rename|merge`, `amk list --due`.

    amk trend [AMG] [--format text|md|html|csv] [-o OUT]   an AMG's factors over time
    amk amg rename OLD NEW                                  an AMG's name, in every file
    amk amg merge A B                                       two spellings become B
    amk list --due                                          only AMGs with something due

`add_history_commands(sub, words)` adds them to the parser (help texts in the config's
language, keys `history.*`); `run_history(args, store, config)` runs them (None: not one
of these). Reading never writes: `trend` and `list` change no file; `-o` goes through
`refuse_output`. What they do is in `history_commands`, loaded only when one of them
runs.
"""

from __future__ import annotations

import argparse
import datetime as dt
from typing import TYPE_CHECKING, Any

from amk_tui.cli_words import CliWords

if TYPE_CHECKING:
    from amk_tui.config import Config
    from amk_tui.store import SessionStore

TREND_FORMATS = ("text", "md", "html", "csv")


def add_history_commands(sub: argparse._SubParsersAction, w: CliWords) -> None:  # type: ignore[type-arg]
    """`trend` and `amg` as subcommands, and `--due` on `list` (added before this is called),
    in the command line's language (`history.*` in ui.toml)."""
    from amk_tui.cli import _common, _name

    t = w.content.t
    name = _name(w)

    def command(parent: Any, what: str, help_key: str) -> argparse.ArgumentParser:
        made: argparse.ArgumentParser = parent.add_parser(what, help=t(help_key), words=w)
        _common(made, w, top=False)
        return made

    trend = command(sub, "trend", "history.trend_help")
    trend.add_argument("amg", nargs="?", type=name, metavar="AMG", help=t("history.trend_amg"))
    trend.add_argument("--format", choices=TREND_FORMATS, default="text")
    trend.add_argument("-o", "--output", metavar=w.t("out"), help=t("history.output"))
    amg = command(sub, "amg", "history.amg_help")
    what = amg.add_subparsers(dest="amg_command", metavar="rename|merge", required=True)
    rename = command(what, "rename", "history.rename_help")
    rename.add_argument("old", type=name, help=t("history.old"))
    rename.add_argument("new", type=name, help=t("history.new"))
    merge = command(what, "merge", "history.merge_help")
    merge.add_argument("source", type=name, help=t("history.source"))
    merge.add_argument("target", type=name, help=t("history.target"))
    if "list" in sub.choices:
        sub.choices["list"].add_argument("--due", action="store_true", help=t("history.due"))


def run_history(
    args: argparse.Namespace, store: SessionStore, config: Config, today: dt.date | None = None
) -> int | None:
    """Run `trend`, `amg` or `list` (with what is due); None for any other command."""
    if args.command not in ("trend", "amg", "list"):
        return None
    from amk_tui import history_commands as run
    from amk_tui.config import content_for

    today = today or dt.date.today()
    if args.command == "trend":
        return run.trend(store, config, args, today)
    if args.command == "amg":
        return run.amg(store, config, args)
    if not getattr(args, "due", False):
        from amk_tui.commands import list_sessions

        code = list_sessions(store, config)
        run.show_due(store, content_for(config), today, only=False)
        return code
    return run.show_due(store, content_for(config), today, only=True)
