"""The report's words in the session's language: labels, numbers, dates, differences.

Every heading and label of every format comes through `Words.t()` from
`content/<lang>/report.toml` (keys `report.…`); numbers get the language's decimal mark.
Format-neutral: each format escapes what it gets from here as it needs to.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from amk_tui.config.content import Content, load_content
from amk_tui.core.countdown import format_elapsed
from amk_tui.core.scores import format_change

FALLBACK_LANGUAGE = "da"


def report_content(language: str) -> Content:
    """The content in the session's language; Danish if that language is not built in."""
    try:
        return load_content(language)
    except (OSError, ValueError):
        return load_content(FALLBACK_LANGUAGE)


@dataclass(frozen=True)
class Words:
    """Report strings and number/date formatting for one language."""

    content: Content

    def t(self, key: str, /, **values: object) -> str:
        """`report.<key>` with `{name}` fields filled in."""
        return self.content.t(f"report.{key}", **values)

    @property
    def none(self) -> str:
        return self.t("none")

    @property
    def decimal(self) -> str:
        return self.t("number.decimal")

    def num(self, value: float | None, places: int = 1, trim: bool = False) -> str:
        """`2,8` (one decimal, the language's mark); `trim` writes whole numbers bare."""
        if value is None:
            return self.none
        if trim and float(value).is_integer():
            return str(int(value))
        return f"{value:.{places}f}".replace(".", self.decimal)

    def span(self, low: float | None, high: float | None) -> str:
        """`1–3,3`, or the none mark."""
        if low is None or high is None:
            return self.none
        return f"{self.num(low, trim=True)}–{self.num(high, trim=True)}"

    def signed(self, value: float | None) -> str:
        """`+0,3`, `−0,2`, `±0,0`; the none mark if unknown."""
        return self.none if value is None else format_change(value, self.decimal)

    def date_long(self, day: dt.date) -> str:
        """`26. november 2026`."""
        months = self.t("date.months").split(",")
        name = months[day.month - 1].strip() if len(months) == 12 else str(day.month)
        return self.t("date.long", day=day.day, month=day.month, month_name=name, year=day.year)

    def date_short(self, day: dt.date | None) -> str:
        """`15.01.2027`, or the none mark."""
        if day is None:
            return self.none
        return self.t("date.short", day=day.day, month=day.month, year=day.year)


def difference(seconds: int) -> str:
    """`+MM:SS` over plan, `−MM:SS` under it, `±00:00` on time."""
    if seconds == 0:
        return "±00:00"
    return ("+" if seconds > 0 else "−") + format_elapsed(abs(seconds))
