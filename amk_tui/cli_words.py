"""What the command line says, in the config's language: its help, its messages, and
argparse's own words ("usage:", "the following arguments are required …").

The words come from the same content files as the app (`ui.toml`, tables `cli`,
`cli.argparse`, `cli.problem`). The language is the config's: `peek_language()` reads it
before the arguments are parsed (a broken config falls back to Danish, and is reported when
the command loads it). argparse's messages and the few file problems amk's lower layers name
in English (`no such file`, `not saved (the disk is full)`) are matched here, one pattern
each, and said again in the language; anything else passes through unchanged.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from amk_tui.config import Config, Content, load_config, load_content
from amk_tui.core.errors import AmkError

DEFAULT_LANGUAGE = "da"

_ARGPARSE: tuple[tuple[str, str], ...] = (
    (r"the following arguments are required: (?P<names>.+)", "required"),
    (r"unrecognized arguments: (?P<args>.+)", "unrecognized"),
    (r"one of the arguments (?P<names>.+) is required", "one_required"),
    (r"ambiguous option: (?P<option>\S+) could match (?P<matches>.+)", "ambiguous"),
    (r"invalid choice: (?P<value>.+) \(choose from (?P<choices>.+)\)", "invalid_choice"),
    (r"invalid \S+ value: (?P<value>.+)", "invalid_value"),
    (r"expected one argument", "expected_one"),
    (r"expected at least one argument", "expected_at_least_one"),
    (r"expected at most one argument", "expected_at_most_one"),
    (r"not allowed with argument (?P<other>.+)", "not_allowed"),
    (r"ignored explicit argument (?P<value>.+)", "ignored"),
)
"""argparse's messages (Python 3.11–3.13) and the key in `cli.argparse` for each."""

_PROBLEMS: tuple[tuple[str, str], ...] = (
    (r"no such file", "no_such_file"),
    (r"cannot read \((?P<why>[^)]*)\)", "cannot_read"),
    (r"is a folder, not a file", "folder"),
    (r"is a FIFO \(named pipe\), not a file", "fifo"),
    (r"is a device, not a file", "device"),
    (r"is a socket, not a file", "socket"),
    (r"is not a regular file, not a file", "not_regular"),
    (r"larger than (?P<size>\d+ (?:MB|bytes))", "larger"),
    (r"not saved \(the disk is full\)", "disk_full_saved"),
    (r"not saved \((?P<why>[^)]*)\)", "not_saved"),
    (r"cannot create the folder \((?P<why>[^)]*)\)", "cannot_create_folder"),
    (r"not valid TOML \((?P<why>.*)\)$", "not_toml"),
    (r"is not UTF-8 text \(byte (?P<byte>\d+)\)", "is_not_utf8"),
    (r"not UTF-8 text \(byte (?P<byte>\d+)\)", "not_utf8"),
    (r"is the session the report is made from", "report_source"),
    (r"holds an amk session; it would be overwritten", "holds_session"),
    (r"a \.toml file is a session or a config; name the report [^;]+$", "toml_output"),
    (r"is amk's own bookkeeping file", "bookkeeping"),
    (r"holds another workshop; choose another name", "holds_other"),
    (r"give a file name for the report", "give_file_name"),
    (r"give a file name for the worksheet", "give_file_name_handout"),
    (r"cannot check it \((?P<why>[^)]*)\)", "cannot_check"),
    (r"is not a usable file name", "bad_file_name"),
    (r"is in the sessions folder; save the copy elsewhere \(a USB stick\)", "copy_in_sessions"),
    # The validators' words (config, program, session files), most specific first:
    (r"missing: the program needs at least one phase", "no_phases"),
    (r"empty: the program needs at least one phase", "no_phases"),
    (r"must be a list of \[\[(?P<key>[^\]]+)\]\] tables", "list_of_tables"),
    (r"(?P<n>\d+) phases, at most (?P<max>\d+)", "too_many_phases"),
    (r"(?P<n>\d+) rounds, at most (?P<max>\d+)", "too_many_rounds"),
    (r"(?P<n>\d+) items, at most (?P<max>\d+)", "too_many_items"),
    (r"(?P<n>\d+) characters, at most (?P<max>\d+)", "too_long"),
    (r"only an exercise phase has rounds", "rounds_exercise"),
    (r"duplicate id (?P<value>.+)$", "duplicate_id"),
    (r"unknown setting \(check the spelling\)", "unknown_setting"),
    (r"unknown factor \(one of (?P<choices>[^)]+)\)", "unknown_factor"),
    (r"at most 14 characters \(it labels the chart\)", "short_label"),
    (r"must be a whole number of months, 1–60", "months"),
    (r"must be a whole number of slips, 1–99", "slips"),
    (r"at least (?P<n>\d+) \(fewer would give slips away\)", "slips_least"),
    (r"at least (?P<n>\d+) \(and mean_from\)", "slips_spread"),
    (r"a group has either rows or a tally, not both", "rows_and_tally"),
    (r"expected five counts, for the scores 1 to 5", "five_counts"),
    (r"(?P<n>\d+) values from (?P<slips>\d+) slips", "tally_slips"),
    (r"(?P<value>\S+) is not 0–(?P<max>\d+)", "not_0_to"),
    (r"no such folder: (?P<folder>.+)$", "no_folder"),
    (r"no \.md slides in (?P<folder>.+)$", "no_slides"),
    (r"control characters in a path", "controls"),
    (r"must not be empty", "not_empty"),
    (r"must be a table", "table"),
    (r"must be text in quotes", "text"),
    (r"must be true or false", "flag"),
    (r"must be a number", "number"),
    (r"(?P<value>\S+) is not a finite number", "finite"),
    (r"out of range \(must be (?P<low>\S+) to (?P<high>\S+)\)", "range"),
    (r"must not be negative", "negative"),
    (r"(?P<value>\S+) is more than 10 hours", "ten_hours"),
    (r"(?P<value>\S+) is more than (?P<high>\S+)", "more_than"),
    (r"(?P<value>\S+) must be more than (?P<low>\S+)", "above"),
    (r"(?P<value>'[^']*'|\S+) is not one of (?P<choices>[^;]+)$", "one_of"),
    (r"(?<=: )missing$", "missing"),
)
"""Problems named in English below the command line, and the key in `cli.problem`."""


@dataclass(frozen=True)
class CliWords:
    """The command line's words in one language."""

    content: Content

    @property
    def language(self) -> str:
        return self.content.language

    def t(self, key: str, /, **values: object) -> str:
        """`cli.<key>` filled in."""
        return self.content.t(f"cli.{key}", **values)

    def argparse_message(self, message: str) -> str:
        """argparse's complaint (`argument --groups: invalid choice: …`) in the language."""
        argument = re.fullmatch(r"argument (?P<name>[^:]+): (?P<message>.*)", message, re.S)
        if argument:
            inner = self._match(argument["message"], _ARGPARSE, "cli.argparse.")
            return self.content.t("cli.argparse.argument", name=argument["name"], message=inner)
        return self._match(message, _ARGPARSE, "cli.argparse.")

    def problem(self, message: str) -> str:
        """An error line from below (`NAME: no such file`) with its problems in the language."""
        for pattern, key in _PROBLEMS:
            found = re.search(pattern, message)
            if found:
                said = self._problem(key, found.groupdict())
                message = message[: found.start()] + said + message[found.end() :]
        return message

    def _problem(self, key: str, values: dict[str, str]) -> str:
        if key == "disk_full_saved":
            return self.content.t("cli.problem.not_saved", why=self.t("problem.disk_full"))
        if key == "not_toml":  # tomllib's own words are English: where, not what
            why = values.get("why", "")
            where = re.search(r"at line (\d+), column (\d+)", why)
            if where is not None:
                values = {"why": self.t("problem.at", line=where[1], column=where[2])}
            elif "at end of document" in why:
                values = {"why": self.t("problem.at_end")}
        if "choices" in values:  # "da, en" → "da eller en"
            first, _, last = values["choices"].rpartition(", ")
            values["choices"] = f"{first} {self.t('problem.or')} {last}" if first else last
        return self.content.t(f"cli.problem.{key}", **values)

    def _match(self, message: str, table: Sequence[tuple[str, str]], prefix: str) -> str:
        for pattern, key in table:
            found = re.fullmatch(pattern, message, re.S)
            if found:
                return self.content.t(prefix + key, **found.groupdict())
        return message


def words_for(language: str) -> CliWords:
    return CliWords(load_content(language))


def peek_config(argv: Sequence[str]) -> tuple[str | None, Config | None]:
    """The config named before the arguments are parsed (`--config PATH`, or `check-config
    PATH`; None: the lookup order) and, if it loads, the config itself — read once: the
    command goes on with it (a broken one is read again there, to be reported)."""
    path: str | None = None
    args = list(argv)
    for i, arg in enumerate(args):
        if arg == "--config" and i + 1 < len(args):
            path = args[i + 1]
        elif arg.startswith("--config="):
            path = arg.split("=", 1)[1]
    if path is None and args[:1] == ["check-config"] and len(args) > 1:
        path = args[1] if not args[1].startswith("-") else None
    try:
        return path, load_config(path)
    except (AmkError, OSError, ValueError):
        return path, None


def peek_language(argv: Sequence[str]) -> str:
    """The config's language (Danish if the config is broken)."""
    _, config = peek_config(argv)
    return DEFAULT_LANGUAGE if config is None else config.language
