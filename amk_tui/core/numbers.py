"""One check for every number read from outside: a real, finite number within bounds.

TOML allows `nan`, `inf` and integers far beyond a float; `true` is not a number here even
though Python's bool is an int. Config (minutes, warn threshold), session files (timing) and
command-line arguments all go through `bounded()`, which says in words what is wrong.
"""

from __future__ import annotations

import math


class NumberError(ValueError):
    """A number that can't be used; the message says why (without the key: the caller adds it)."""


def bounded(
    value: object,
    *,
    low: float,
    high: float,
    above_low: bool = False,
    too_high: str = "{value:g} is more than {high:g}",
) -> float:
    """`value` as a float when it is a number with `low <= value <= high`.

    `above_low` makes the lower bound exclusive (minutes must be more than 0); `too_high`
    words the upper bound (`{value}` and `{high}` are filled in). Raises NumberError.
    """
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise NumberError("must be a number")
    if isinstance(value, float) and not math.isfinite(value):
        raise NumberError(f"{value} is not a finite number")
    if isinstance(value, int) and abs(value) > 2**53:
        raise NumberError(f"out of range (must be {low:g} to {high:g})")
    number = float(value)
    if above_low and number <= low:
        raise NumberError(f"{number:g} must be more than {low:g}")
    if number < low:
        raise NumberError("must not be negative" if low == 0 else f"{number:g} is below {low:g}")
    if number > high:
        raise NumberError(too_high.format(value=number, high=high))
    return number
