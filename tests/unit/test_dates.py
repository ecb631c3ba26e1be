"""Dates typed in the action plan."""

from __future__ import annotations

import datetime as dt

import pytest

from amk_tui.core.dates import DateOutOfRange, parse_date

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
    with pytest.raises(DateOutOfRange):  # a real date, but no workshop's: 1900–2999 only
        parse_date("1.2.0100", TODAY)
    assert parse_date("1.2.99", TODAY) == dt.date(2099, 2, 1)


@pytest.mark.parametrize("text", ["31.12.9999", "9999-12-31", "1.1.1899", "1.1.3000"])
def test_dates_beyond_what_the_calendar_arithmetic_holds_are_refused(text: str) -> None:
    """`amk new --date 31.12.9999` was accepted and finishing then crashed every time."""
    with pytest.raises(DateOutOfRange):
        parse_date(text, TODAY)
    assert parse_date("31.12.2999", TODAY) == dt.date(2999, 12, 31)


def test_months_later_never_passes_the_last_date() -> None:
    from amk_tui.core.trend import months_later

    assert months_later(dt.date(9999, 12, 31), 6) == dt.date.max  # a file from elsewhere
    assert months_later(dt.date(2026, 8, 31), 6) == dt.date(2027, 2, 28)
