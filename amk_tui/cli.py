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
import contextlib
import datetime as dt
import os
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, NoReturn

from amk_tui import __version__
from amk_tui.cli_history import add_history_commands, run_history
from amk_tui.cli_words import DEFAULT_LANGUAGE, CliWords, peek_config, words_for
from amk_tui.config import Config, load_config
from amk_tui.core import anonymity
from amk_tui.core.dates import FIRST_YEAR, LAST_YEAR, DateOutOfRange, parse_date
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
    """argparse in the config's language; a bad argument is one line
    (`amk: new: --groups: …`), exit 2."""

    def __init__(self, *args: Any, words: CliWords, **kwargs: Any) -> None:
        self.words = words
        usage = words.t("usage")

        class Formatter(argparse.HelpFormatter):
            def add_usage(
                self,
                text: str | None,
                actions: Iterable[argparse.Action],
                groups: Iterable[argparse._MutuallyExclusiveGroup],
                prefix: str | None = None,
            ) -> None:
                super().add_usage(text, actions, groups, usage if prefix is None else prefix)

        kwargs.setdefault("formatter_class", Formatter)
        kwargs["add_help"] = False  # our own -h, with help in the language
        super().__init__(*args, **kwargs)
        # argparse names its two default groups in English; these are its documented
        # titles' attributes since Python 3.2.
        self._positionals.title = words.t("positionals")
        self._optionals.title = words.t("options")
        self.add_argument("-h", "--help", action="help", help=words.t("help"))

    def error(self, message: str) -> NoReturn:
        where = self.prog.removeprefix("amk").strip()
        hint = self.words.t("see_help", where=f"{where} " if where else "")
        said = clip(self.words.argparse_message(message), 300)
        line = f"amk: {where + ': ' if where else ''}{said} {hint}"
        sys.stderr.write(visible(line, multiline=False) + "\n")
        raise SystemExit(EXIT_USAGE)


def _whole(low: int, high: int, what: str, w: CliWords) -> Callable[[str], int]:
    """An argparse type: a whole number from `low` to `high`."""

    def parse(text: str) -> int:
        try:
            value = int(text.strip(), 10)
        except ValueError:
            raise argparse.ArgumentTypeError(w.t("not_whole", text=repr(clip(text, 20)))) from None
        if not low <= value <= high:
            said = w.t("out_of_range", text=clip(text, 20), low=low, high=high, what=what)
            raise argparse.ArgumentTypeError(said)
        return value

    return parse


def _name(w: CliWords) -> Callable[[str], str]:
    """An argparse type: a name (AMG, unit, group …) of at most MAX_NAME characters."""

    def parse(text: str) -> str:
        if len(text.strip()) > MAX_NAME:
            raise argparse.ArgumentTypeError(
                w.t("name_too_long", n=len(text.strip()), max=MAX_NAME)
            )
        return text

    return parse


def _count(w: CliWords) -> Callable[[str], tuple[str, int]]:
    """An argparse type: `ROLE=N`, how many of a role took part (leder, amr, medarbejder,
    andre), 0–999."""
    from amk_tui.core.records import PARTICIPANT_ROLES

    def parse(text: str) -> tuple[str, int]:
        role, sep, number = text.partition("=")
        role = role.strip().lower()
        if not sep or role not in PARTICIPANT_ROLES:
            roles = ", ".join(PARTICIPANT_ROLES)
            raise argparse.ArgumentTypeError(w.t("bad_count", text=clip(text, 30), roles=roles))
        return role, _whole(0, 999, w.t("people_word"), w)(number)

    return parse


def _date(w: CliWords) -> Callable[[str], dt.date]:
    """An argparse type: a date as the app takes it (`31.12.2026`, `2026-12-31`, `31/12`)."""

    def parse(text: str) -> dt.date:
        try:
            day = parse_date(text, dt.date.today())
        except DateOutOfRange:
            said = w.t("date_range", text=clip(text, 20), low=FIRST_YEAR, high=LAST_YEAR)
            raise argparse.ArgumentTypeError(said) from None
        except ValueError:
            day = None
        if day is None:
            raise argparse.ArgumentTypeError(w.t("not_a_date", text=repr(clip(text, 20))))
        return day

    return parse


def _common(parser: argparse.ArgumentParser, w: CliWords, top: bool) -> None:
    default = None if top else argparse.SUPPRESS
    parser.add_argument("--config", metavar=w.t("path"), default=default, help=w.t("config"))
    parser.add_argument("--sessions", metavar=w.t("folder"), default=default, help=w.t("sessions"))


def _room_arguments(room: argparse.ArgumentParser, w: CliWords) -> None:
    """`amk room --web [--port N] [--lan]`: the room as a web page."""
    room.add_argument("--web", action="store_true", help=w.t("room_web"))
    room.add_argument("--port", type=_whole(1, 65535, "", w), metavar="N", help=w.t("room_port"))
    room.add_argument("--lan", action="store_true", help=w.t("room_lan"))


def build_parser(words: CliWords | None = None) -> argparse.ArgumentParser:
    w = words or words_for(DEFAULT_LANGUAGE)
    parser = _Parser(prog="amk", description=w.t("description"), words=w)
    parser.add_argument(
        "--version", action="version", version=f"amk {__version__}", help=w.t("version")
    )
    _common(parser, w, top=True)
    parser.add_argument("--demo", action="store_true", help=w.t("demo"))
    sub = parser.add_subparsers(dest="command", metavar=w.t("command"))

    def command(name: str, key: str, common: bool = True) -> argparse.ArgumentParser:
        made: argparse.ArgumentParser = sub.add_parser(
            name, help=w.t(key), description=w.t(key), words=w
        )
        if common:
            _common(made, w, top=False)
        return made

    _new_arguments(command("new", "new"), w)
    for name in ("resume", "room"):
        command(name, name).add_argument(
            "file", nargs="?", metavar=w.t("file"), help=w.t("resume_file")
        )
    _room_arguments(sub.choices["room"], w)
    command("list", "list")
    _report_arguments(command("report", "report"), w)
    _handout_arguments(command("handout", "handout"), w)
    check = command("check-config", "check", common=False)
    check.add_argument("path", nargs="?", metavar=w.t("path"), help=w.t("check_path"))
    purge = command("purge", "purge")
    purge.add_argument(
        "--older-than",
        type=_whole(0, MAX_DAYS, w.t("days_word"), w),
        required=True,
        metavar=w.t("days"),
        help=w.t("purge_older"),
    )
    purge.add_argument("--yes", action="store_true", help=w.t("purge_yes"))
    purge.add_argument("--slips-only", action="store_true", help=w.t("purge_slips_only"))
    add_history_commands(sub, w)
    return parser


def _groups(parser: argparse.ArgumentParser, w: CliWords, help_key: str) -> None:
    groups = parser.add_mutually_exclusive_group()
    groups.add_argument(
        "--groups",
        type=_whole(1, MAX_GROUPS, w.t("groups_word"), w),
        metavar="N",
        default=None,
        help=w.t(help_key, max=MAX_GROUPS),
    )
    groups.add_argument(
        "--group", action="append", type=_name(w), metavar=w.t("name"), help=w.t("new_group")
    )


def _new_arguments(new: argparse.ArgumentParser, w: CliWords) -> None:
    name = _name(w)
    # Not required by argparse: without it, amk says which AMGs the folder knows.
    new.add_argument("--amg", type=name, metavar=w.t("name"), help=w.t("new_amg"))
    new.add_argument("--unit", default="", type=name, metavar=w.t("name"), help=w.t("new_unit"))
    new.add_argument(
        "--facilitator", default="", type=name, metavar=w.t("name"), help=w.t("new_facilitator")
    )
    new.add_argument("--date", type=_date(w), default=None, metavar=w.t("date"),
                     help=w.t("new_date"))  # fmt: skip
    _groups(new, w, "new_groups")
    new.add_argument("--variant", type=int, choices=(1, 2), default=1, help=w.t("new_variant"))
    new.add_argument("--place", default="", type=name, metavar=w.t("name"), help=w.t("new_place"))
    new.add_argument(
        "--referent", default="", type=name, metavar=w.t("name"), help=w.t("new_referent")
    )
    new.add_argument(
        "--count",
        action="append",
        type=_count(w),
        metavar=w.t("count_meta"),
        help=w.t("new_count"),
    )


def _report_arguments(report: argparse.ArgumentParser, w: CliWords) -> None:
    report.add_argument("file", metavar=w.t("file"), help=w.t("report_file"))
    report.add_argument(
        "--format", choices=("md", "csv", "html", "xlsx"), default="md", help=w.t("report_format")
    )
    report.add_argument("--no-notes", action="store_true", help=w.t("report_no_notes"))
    report.add_argument("--timing", action="store_true", help=w.t("report_timing"))
    report.add_argument("--chart", action="store_true", help=w.t("report_chart"))
    report.add_argument("-o", "--output", metavar=w.t("out"), help=w.t("report_output"))


def _handout_arguments(handout: argparse.ArgumentParser, w: CliWords) -> None:
    handout.add_argument("file", nargs="?", metavar=w.t("file"), help=w.t("handout_file"))
    handout.add_argument(
        "--variant", type=int, choices=(1, 2), default=1, help=w.t("handout_variant")
    )
    _groups(handout, w, "handout_groups")
    handout.add_argument("--slips", type=int, metavar="N", default=6, help=w.t("handout_slips"))
    handout.add_argument("-o", "--output", metavar=w.t("out"), help=w.t("handout_output"))


def sessions_folder(args: argparse.Namespace, config: Config) -> Path:
    return Path(args.sessions) if getattr(args, "sessions", None) else config.sessions_dir


def main(argv: Sequence[str] | None = None) -> int:
    arguments = sys.argv[1:] if argv is None else list(argv)
    named, peeked = peek_config(arguments)
    words = words_for(peeked.language if peeked is not None else DEFAULT_LANGUAGE)
    args = build_parser(words).parse_args(arguments)
    where: list[Path] = []  # the sessions folder, once known: where a crash log goes
    try:
        same = peeked is not None and named == getattr(args, "config", None)
        return _dispatch(args, where, words, peeked if same else None)
    except AmkError as exc:
        said = words.t(exc.said, **exc.said_values) if exc.said else words.problem(str(exc))
        print(visible(f"amk: {said}", multiline=False), file=sys.stderr)
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
        kind = type(exc).__name__
        said = words.t("crash", kind=kind, log=log) if log else words.t("crash_no_log", kind=kind)
        line = f"amk: {said}"
        print(visible(line, multiline=False), file=sys.stderr)
        return EXIT_CRASH


def _dispatch(
    args: argparse.Namespace, where: list[Path], words: CliWords, config: Config | None
) -> int:
    if args.command == "check-config":
        from amk_tui.commands import check_config

        return check_config(args.path or args.config, words)
    config = config or load_config(getattr(args, "config", None))
    anonymity.use(config.anonymity)  # every format and window shows the slips alike
    store = SessionStore(sessions_folder(args, config))
    where.append(store.folder)
    if args.command not in ("room", "amg"):  # (a room never writes; amg finishes it itself)
        _finish_pending(store)
    if (done := run_history(args, store, config)) is not None:
        return done
    if args.command in ("purge", "report", "handout"):
        return _paper_command(args, store, config, words)
    import amk_tui.launch as launch

    if args.command == "new":
        return launch.new(config, store, args)
    if args.command == "room":
        from amk_tui.room.launch import room

        path = store.resolve(args.file) if args.file else None
        if args.web or args.lan or args.port is not None:
            from amk_tui.room.launch import web_room

            return web_room(config, store, path, port=args.port, lan=args.lan)
        return room(config, store, path)
    if args.command == "resume":
        return launch.resume(config, store, store.resolve(args.file) if args.file else None)
    if args.demo:
        return launch.demo(config, args)
    return launch.start(config, store)


def _finish_pending(store: SessionStore) -> None:
    """An AMG rename that was stopped (killed) is finished by whichever command comes next
    in the folder; if one of its files is open in amk right now, a later one does it."""
    if not store.folder.is_dir():
        return
    from amk_tui.amg_files import AmgFilesError, finish_pending

    with contextlib.suppress(AmgFilesError):
        finish_pending(store)


def _paper_command(
    args: argparse.Namespace, store: SessionStore, config: Config, words: CliWords
) -> int:
    """`purge`, `report` and `handout`: Rich's tables and Markdown are loaded for these only,
    not on the app's way in."""
    from amk_tui import commands

    if args.command == "purge":
        if args.slips_only:
            return commands.purge_slips(store, args.older_than, args.yes, words)
        return commands.purge(store, args.older_than, args.yes, words)
    if args.command == "report":
        return commands.report(store, store.resolve(args.file), args, words)
    return commands.handout(store, config, args, words)
