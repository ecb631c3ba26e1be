"""Dates as a facilitator types them: `2026-12-15`, `15-12-2026`, `15.12.2026`, `15/12`."""

from __future__ import annotations

import datetime as dt
import re

FIRST_YEAR, LAST_YEAR = 1900, 2999
"""The years a typed date may have: the calendar arithmetic after it (a next assessment
months later, deadlines) always stays within what dates can hold."""


class DateOutOfRange(ValueError):
    """A real date, but outside FIRST_YEAR–LAST_YEAR."""


_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DMY = re.compile(r"^(\d{1,2})[-./](\d{1,2})[-./](\d{2}|\d{4})$")
_DM = re.compile(r"^(\d{1,2})[-./](\d{1,2})$")


def parse_date(text: str, today: dt.date) -> dt.date | None:
    """The date typed, or None for an empty field. Raises ValueError for anything else.

    A day and month without a year (`15/12`) means the next such day from today on.
    """
    text = text.strip()
    if not text:
        return None
    if m := _ISO.match(text):
        year, month, day = (int(g) for g in m.groups())
    elif m := _DMY.match(text):
        day, month, year = (int(g) for g in m.groups())
        if year < 100:
            year += 2000
    elif m := _DM.match(text):
        day, month = (int(g) for g in m.groups())
        year = today.year
        try:
            if dt.date(year, month, day) < today:
                year += 1
        except ValueError:
            pass
    else:
        raise ValueError(text)
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise DateOutOfRange(text)
    return dt.date(year, month, day)
