"""Load and check config.toml: every problem is one `ConfigError` naming file, key and what.

Lookup order: `--config PATH`, then `./config.toml`, then the built-in defaults (a copy of
the repository's config.toml, shipped in the package).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

from amk_tui.core.anonymity import DEFAULT, Anonymity
from amk_tui.core.errors import ConfigError
from amk_tui.core.numbers import NumberError, bounded
from amk_tui.core.program import MAX_MINUTES, Program, ProgramError, parse_program
from amk_tui.core.scores import FACTOR_IDS
from amk_tui.core.session import LANGUAGES
from amk_tui.core.text import echo, has_controls
from amk_tui.files import CONFIG_LIMIT, FileProblem, read_regular

PACKAGE_FILES = Path(__file__).parent
"""The built-in config and content, installed beside this module (a wheel or an editable
install: always files on disk). Read as paths: `importlib.resources` costs ~5 ms of imports
(tempfile, zipfile) at every start for nothing a folder on disk needs."""

BUILTIN = "<built-in config>"
__all__ = ["BUILTIN", "LANGUAGES", "Config", "load_config", "parse_config"]


@dataclass(frozen=True)
class Config:
    """What the facilitator chose."""

    source: str
    """Path of the file read, or BUILTIN."""
    program: Program
    language: str = "da"
    sessions_dir: Path = Path("sessions")
    """Absolute, or relative to the working folder for the built-in config."""
    warn_minutes: float = 2.0
    bell: bool = True
    hide_until_reveal: bool = False
    slides_dir: Path | None = None
    """A folder of the facilitator's own Markdown slides, if set."""
    factor_overrides: dict[str, dict[str, str]] = field(default_factory=dict)
    """Per factor id: short/name/text replacing the content file's wording."""
    next_assessment_months: int = 6
    anonymity: Anonymity = field(default_factory=Anonymity)
    """How much of the individual slips may be shown (`core.anonymity`)."""
    """Finishing proposes the next assessment this many months after the workshop."""

    @property
    def planned_minutes(self) -> float:
        return self.program.planned_minutes


def builtin_text() -> str:
    return (PACKAGE_FILES / "default_config.toml").read_text("utf-8")


def find_config(path: str | Path | None, cwd: Path | None = None) -> Path | None:
    """The config file to read, by the lookup order; None means the built-in defaults."""
    if path is not None:
        return Path(path)
    local = (cwd or Path.cwd()) / "config.toml"
    return local if local.is_file() else None


def load_config(path: str | Path | None = None, cwd: Path | None = None) -> Config:
    """Find, read and check the config. Raises ConfigError."""
    found = find_config(path, cwd)
    if found is None:
        return parse_config(builtin_text(), BUILTIN, base=cwd or Path.cwd())
    name = str(found)
    try:
        raw = read_regular(found, CONFIG_LIMIT)
    except FileProblem as exc:
        raise ConfigError(name, "", exc.problem) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ConfigError(name, "", f"not UTF-8 text (byte {exc.start})") from None
    return parse_config(text, name, base=found.resolve().parent)


def parse_config(text: str, source: str, base: Path) -> Config:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(source, "", f"not valid TOML ({exc})") from None
    except RecursionError:
        raise ConfigError(source, "", "not valid TOML (nested too deeply)") from None
    return _Checker(source, base).config(data)


class _Checker:
    """Turns parsed TOML into a Config, or raises ConfigError at the first problem."""

    TOP: ClassVar[set[str]] = {
        "language",
        "sessions_dir",
        "next_assessment_months",
        "timer",
        "chart",
        "anonymity",
        "content",
        "phases",
    }

    def __init__(self, source: str, base: Path) -> None:
        self.source = source
        self.base = base

    def fail(self, key: str, problem: str) -> ConfigError:
        return ConfigError(self.source, key, problem)

    def table(self, data: dict[str, Any], key: str) -> dict[str, Any]:
        value = data.get(key, {})
        if not isinstance(value, dict):
            raise self.fail(key, "must be a table")
        return value

    def text(self, data: dict[str, Any], key: str, name: str, default: str) -> str:
        value = data.get(key, default)
        if not isinstance(value, str):
            raise self.fail(name, "must be text in quotes")
        return value

    def number(
        self, data: dict[str, Any], key: str, name: str, default: float, high: float
    ) -> float:
        """A finite number from 0 to `high`."""
        try:
            return bounded(data.get(key, default), low=0, high=high)
        except NumberError as exc:
            raise self.fail(name, str(exc)) from None

    def flag(self, data: dict[str, Any], key: str, name: str, default: bool) -> bool:
        value = data.get(key, default)
        if not isinstance(value, bool):
            raise self.fail(name, "must be true or false")
        return value

    def unknown(self, data: dict[str, Any], known: set[str], prefix: str) -> None:
        for key in data:
            if key not in known:
                raise self.fail(f"{prefix}{key}", "unknown setting (check the spelling)")

    def config(self, data: dict[str, Any]) -> Config:
        self.unknown(data, self.TOP, "")
        language = self.text(data, "language", "language", "da")
        if language not in LANGUAGES:
            raise self.fail("language", f"{echo(language)} is not one of {', '.join(LANGUAGES)}")
        sessions = self.text(data, "sessions_dir", "sessions_dir", "sessions")
        if not sessions.strip():
            raise self.fail("sessions_dir", "must not be empty")
        if has_controls(sessions):
            raise self.fail("sessions_dir", f"{echo(sessions)}: control characters in a path")
        timer = self.table(data, "timer")
        self.unknown(timer, {"warn_minutes", "bell"}, "timer.")
        warn = self.number(timer, "warn_minutes", "timer.warn_minutes", 2.0, MAX_MINUTES)
        chart = self.table(data, "chart")
        self.unknown(chart, {"hide_until_reveal"}, "chart.")
        content = self.table(data, "content")
        self.unknown(content, {"slides_dir", "factors"}, "content.")
        slides_dir = None
        if "slides_dir" in content:
            text = self.text(content, "slides_dir", "content.slides_dir", "")
            if has_controls(text):
                raise self.fail("content.slides_dir", f"{echo(text)}: control characters in a path")
            folder = self.base / text
            if not folder.is_dir():
                raise self.fail("content.slides_dir", f"no such folder: {folder}")
            if not any(folder.glob("*.md")):
                raise self.fail("content.slides_dir", f"no .md slides in {folder}")
            slides_dir = folder
        return Config(
            source=self.source,
            program=self.program(data),
            language=language,
            sessions_dir=self.base / sessions,
            warn_minutes=warn,
            bell=self.flag(timer, "bell", "timer.bell", True),
            hide_until_reveal=self.flag(
                chart, "hide_until_reveal", "chart.hide_until_reveal", False
            ),
            slides_dir=slides_dir,
            factor_overrides=self.factors(self.table(content, "factors")),
            next_assessment_months=self.months(data),
            anonymity=self.anonymity(self.table(data, "anonymity")),
        )

    def anonymity(self, data: dict[str, Any]) -> Anonymity:
        """`[anonymity]`: never lower than the defaults (3 and 5), `spread_from` not below
        `mean_from`."""
        self.unknown(data, {"mean_from", "spread_from"}, "anonymity.")
        values = {}
        for key, least in (("mean_from", DEFAULT.mean_from), ("spread_from", 0)):
            value = data.get(key, getattr(DEFAULT, key))
            name = f"anonymity.{key}"
            if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 99:
                raise self.fail(name, "must be a whole number of slips, 1–99")
            if value < least:
                raise self.fail(name, f"at least {least} (fewer would give slips away)")
            values[key] = value
        mean_from, spread_from = values["mean_from"], values["spread_from"]
        if spread_from < max(mean_from, DEFAULT.spread_from):
            least = max(mean_from, DEFAULT.spread_from)
            raise self.fail("anonymity.spread_from", f"at least {least} (and mean_from)")
        return Anonymity(mean_from, spread_from)

    def months(self, data: dict[str, Any]) -> int:
        value = data.get("next_assessment_months", 6)
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 60:
            raise self.fail("next_assessment_months", "must be a whole number of months, 1–60")
        return value

    def factors(self, data: dict[str, Any]) -> dict[str, dict[str, str]]:
        out: dict[str, dict[str, str]] = {}
        for fid, item in data.items():
            key = f"content.factors.{fid}"
            if fid not in FACTOR_IDS:
                raise self.fail(key, f"unknown factor (one of {', '.join(FACTOR_IDS)})")
            if not isinstance(item, dict):
                raise self.fail(key, "must be a table")
            self.unknown(item, {"short", "name", "text"}, key + ".")
            out[fid] = {k: self.text(item, k, f"{key}.{k}", "") for k in item}
            if len(out[fid].get("short", "")) > 14:
                raise self.fail(f"{key}.short", "at most 14 characters (it labels the chart)")
        return out

    def program(self, data: dict[str, Any]) -> Program:
        try:
            return parse_program(data.get("phases"), "phases", strict=True)
        except ProgramError as exc:
            raise self.fail(exc.key, exc.problem) from None
