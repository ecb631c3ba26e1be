"""The `amk` command: argparse entry for the app and its helpers.

    amk [--demo]                 start screen (new / resume / open)
    amk new --amg NAME …         start a new workshop at once
    amk resume [FILE]            go on with the newest unfinished (or the given) session
    amk room [FILE]              the room's window of a live workshop (a second terminal)
    amk list                     sessions, newest first
    amk report FILE              the referat: Markdown, HTML, xlsx or CSV
    amk handout                  the A4 handout to draw on, per group
    amk check-config [PATH]      is the config valid?
    amk purge --older-than DAYS  delete old sessions

Every bad input ends as one line on stderr and exit code 2, never a traceback: argparse's
own complaints too. Should amk itself fail, the traceback goes to a log file (`crash.py`)
and the line says where.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NoReturn

from amk_tui import __version__
from amk_tui.cli_history import add_history_commands, help_text, run_history
from amk_tui.config import Config, load_config
from amk_tui.core.errors import AmkError
from amk_tui.core.scores import MAX_GROUPS
from amk_tui.core.session import MAX_NAME
from amk_tui.core.text import clip, visible
from amk_tui.store import SessionStore

EXIT_USAGE = 2
EXIT_CRASH = 70
"""amk itself failed (`EX_SOFTWARE`); the traceback is in the crash log."""
MAX_DAYS = 36_500
"""`purge --older-than` at most a hundred years."""


class _Parser(argparse.ArgumentParser):
    """argparse, but a bad argument is one line (`amk: new: --groups: …`), exit 2."""

    def error(self, message: str) -> NoReturn:
        where = self.prog.removeprefix("amk").strip()
        hint = f"(amk {where} --help)" if where else "(amk --help)"
        line = f"amk: {where + ': ' if where else ''}{clip(message, 300)} {hint}"
        sys.stderr.write(visible(line, multiline=False) + "\n")
        raise SystemExit(EXIT_USAGE)


def _whole(low: int, high: int, what: str) -> Callable[[str], int]:
    """An argparse type: a whole number from `low` to `high`."""

    def parse(text: str) -> int:
        try:
            value = int(text.strip(), 10)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{clip(text, 20)!r} is not a whole number") from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"{clip(text, 20)}: must be {low}–{high} {what}")
        return value

    return parse


def _name(text: str) -> str:
    """An argparse type: a name (AMG, unit, group …) of at most MAX_NAME characters."""
    if len(text.strip()) > MAX_NAME:
        raise argparse.ArgumentTypeError(f"{len(text.strip())} characters, at most {MAX_NAME}")
    return text


def _common(parser: argparse.ArgumentParser, top: bool) -> None:
    default = None if top else argparse.SUPPRESS
    parser.add_argument(
        "--config",
        metavar="PATH",
        default=default,
        help="config file (default: ./config.toml, else built-in)",
    )
    parser.add_argument(
        "--sessions",
        metavar="DIR",
        default=default,
        help="sessions folder (default: from the config)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="amk", description="Run an arbejdsmiljøkompetence workshop for an AMG.")
    parser.add_argument("--version", action="version", version=f"amk {__version__}")
    _common(parser, top=True)
    parser.add_argument(
        "--demo",
        action="store_true",
        help="a throw-away workshop with three groups' scores and notes",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    new = sub.add_parser("new", help="start a new workshop")
    _common(new, top=False)
    new.add_argument("--amg", required=True, type=_name, help="the AMG's name")
    new.add_argument("--unit", default="", type=_name, help="workplace or unit")
    new.add_argument("--facilitator", default="", type=_name, help="who leads the workshop")
    new.add_argument("--date", type=_date, default=None, help="YYYY-MM-DD (default: today)")
    groups = new.add_mutually_exclusive_group()
    groups.add_argument(
        "--groups",
        type=_whole(1, MAX_GROUPS, "groups"),
        metavar="N",
        help=f"number of groups, 1–{MAX_GROUPS} (A, B, C…)",
    )
    groups.add_argument(
        "--group", action="append", type=_name, metavar="NAME", help="a group's name"
    )
    new.add_argument(
        "--variant",
        type=int,
        choices=(1, 2),
        default=1,
        help="exercise variant: 1 consensus, 2 individual scores",
    )

    resume = sub.add_parser("resume", help="go on with an unfinished session")
    _common(resume, top=False)
    resume.add_argument("file", nargs="?", help="session file (default: newest unfinished)")

    room = sub.add_parser("room", help="the room's window of a live workshop (read-only)")
    _common(room, top=False)
    room.add_argument("file", nargs="?", help="session file (default: newest unfinished)")

    lst = sub.add_parser("list", help="list sessions, newest first")
    _common(lst, top=False)

    report = sub.add_parser("report", help="a report for the minutes")
    _common(report, top=False)
    _report_arguments(report)

    handout = sub.add_parser("handout", help="the A4 handout: a hexagon to draw on per group")
    _common(handout, top=False)
    _handout_arguments(handout)

    check = sub.add_parser("check-config", help="check a config file")
    check.add_argument("path", nargs="?", help="config file (default: lookup order)")

    purge = sub.add_parser("purge", help="delete old sessions")
    _common(purge, top=False)
    purge.add_argument(
        "--older-than", type=_whole(0, MAX_DAYS, "days"), required=True, metavar="DAYS"
    )
    purge.add_argument("--yes", action="store_true", help="don't ask")
    add_history_commands(sub, help_text)
    return parser


def _report_arguments(report: argparse.ArgumentParser) -> None:
    report.add_argument("file", help="session file")
    report.add_argument("--format", choices=("md", "csv", "html", "xlsx"), default="md")
    report.add_argument("--no-notes", action="store_true", help="leave every free text out")
    report.add_argument("--timing", action="store_true", help="add the time used per phase")
    report.add_argument("--chart", action="store_true", help="md: add the text (braille) chart")
    report.add_argument("-o", "--output", metavar="OUT", help="write to a file")


def _handout_arguments(handout: argparse.ArgumentParser) -> None:
    handout.add_argument("--variant", type=int, choices=(1, 2), default=1)
    groups = handout.add_mutually_exclusive_group()
    groups.add_argument(
        "--groups",
        type=_whole(1, MAX_GROUPS, "groups"),
        metavar="N",
        default=None,
        help=f"number of groups, 1–{MAX_GROUPS}",
    )
    groups.add_argument(
        "--group", action="append", type=_name, metavar="NAME", help="a group's name"
    )
    handout.add_argument("--slips", type=int, metavar="N", default=6, help="variant 2: slips/group")
    handout.add_argument("-o", "--output", metavar="OUT", help="write to a file (HTML)")


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from None


def sessions_folder(args: argparse.Namespace, config: Config) -> Path:
    return Path(args.sessions) if getattr(args, "sessions", None) else config.sessions_dir


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    where: list[Path] = []  # the sessions folder, once known: where a crash log goes
    try:
        return _dispatch(args, where)
    except AmkError as exc:
        print(visible(f"amk: {exc}", multiline=False), file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `amk list | head`: the reader left; nothing to say
        with open(os.devnull, "w") as devnull:
            os.dup2(devnull.fileno(), sys.stdout.fileno())
        return 1
    except Exception as exc:  # amk's own bug: a log file, not a traceback on the screen
        from amk_tui.crash import write_crash_log

        log = write_crash_log(exc, where[-1] if where else None)
        said = f"the details are in {log}" if log else "no log could be written"
        line = f"amk: unexpected error ({type(exc).__name__}); {said}"
        print(visible(line, multiline=False), file=sys.stderr)
        return EXIT_CRASH


def _dispatch(args: argparse.Namespace, where: list[Path]) -> int:
    from amk_tui import commands

    if args.command == "check-config":
        return commands.check_config(args.path or args.config)
    config = load_config(getattr(args, "config", None))
    store = SessionStore(sessions_folder(args, config))
    where.append(store.folder)
    if (done := run_history(args, store, config)) is not None:
        return done
    if args.command == "list":
        return commands.list_sessions(store, config)
    if args.command == "purge":
        return commands.purge(store, args.older_than, args.yes)
    if args.command == "report":
        return commands.report(store, store.resolve(args.file), args)
    if args.command == "handout":
        return commands.handout(store, config, args)
    import amk_tui.launch as launch

    if args.command == "new":
        return launch.new(config, store, args)
    if args.command == "room":
        from amk_tui.room.launch import room

        return room(config, store, store.resolve(args.file) if args.file else None)
    if args.command == "resume":
        return launch.resume(config, store, store.resolve(args.file) if args.file else None)
    if args.demo:
        return launch.demo(config, args)
    return launch.start(config, store)
