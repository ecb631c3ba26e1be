"""The `amk` command: argparse entry for the app and its helpers.

    amk [--demo]                 start screen (new / resume / open)
    amk new --amg NAME …         start a new workshop at once
    amk resume [FILE]            go on with the newest unfinished (or the given) session
    amk list                     sessions, newest first
    amk report FILE              the referat: Markdown, HTML, xlsx or CSV
    amk handout                  the A4 handout to draw on, per group
    amk check-config [PATH]      is the config valid?
    amk purge --older-than DAYS  delete old sessions

Every bad input ends as one line on stderr and exit code 2, never a traceback.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Sequence
from pathlib import Path

from amk_tui import __version__
from amk_tui.config import Config, load_config
from amk_tui.core.errors import AmkError
from amk_tui.store import SessionStore

EXIT_USAGE = 2


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
    parser = argparse.ArgumentParser(
        prog="amk", description="Run an arbejdsmiljøkompetence workshop for an AMG."
    )
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
    new.add_argument("--amg", required=True, help="the AMG's name")
    new.add_argument("--unit", default="", help="workplace or unit")
    new.add_argument("--facilitator", default="", help="who leads the workshop")
    new.add_argument("--date", type=_date, default=None, help="YYYY-MM-DD (default: today)")
    groups = new.add_mutually_exclusive_group()
    groups.add_argument("--groups", type=int, metavar="N", help="number of groups (A, B, C…)")
    groups.add_argument("--group", action="append", metavar="NAME", help="a group's name")
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
    purge.add_argument("--older-than", type=int, required=True, metavar="DAYS")
    purge.add_argument("--yes", action="store_true", help="don't ask")
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
    groups.add_argument("--groups", type=int, metavar="N", default=None, help="number of groups")
    groups.add_argument("--group", action="append", metavar="NAME", help="a group's name")
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
    try:
        return _dispatch(args)
    except AmkError as exc:
        print(f"amk: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130


def _dispatch(args: argparse.Namespace) -> int:
    from amk_tui import commands

    if args.command == "check-config":
        return commands.check_config(args.path or args.config)
    config = load_config(getattr(args, "config", None))
    store = SessionStore(sessions_folder(args, config))
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
    if args.command == "resume":
        return launch.resume(config, store, store.resolve(args.file) if args.file else None)
    if args.demo:
        return launch.demo(config, args)
    return launch.start(config, store)
