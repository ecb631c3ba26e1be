"""Dates typed in the action plan."""

from __future__ import annotations

import datetime as dt

import pytest

from amk_tui.core.dates import parse_date

TODAY = dt.date(2026, 11, 26)


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("2026-12-15", dt.date(2026, 12, 15)),
        ("15-12-2026", dt.date(2026, 12, 15)),
        ("15.12.2026", dt.date(2026, 12, 15)),
        ("15/12/26", dt.date(2026, 12, 15)),
        ("15/12", dt.date(2026, 12, 15)),
        ("1/2", dt.date(2027, 2, 1)),  # already past this year: next year
        (" 26/11 ", dt.date(2026, 11, 26)),
        ("", None),
    ],
)
def test_accepted(text: str, date: dt.date | None) -> None:
    assert parse_date(text, TODAY) == date


@pytest.mark.parametrize("text", ["32/13", "31-02-2026", "2026-13-01", "i morgen", "15/12/2026/1"])
def test_rejected(text: str) -> None:
    with pytest.raises(ValueError):
        parse_date(text, TODAY)


def test_a_year_below_100_is_this_century_and_100_is_not() -> None:
    assert parse_date("1.2.0099", TODAY) == dt.date(2099, 2, 1)
    assert parse_date("1.2.0100", TODAY) == dt.date(100, 2, 1)
    assert parse_date("1.2.99", TODAY) == dt.date(2099, 2, 1)
