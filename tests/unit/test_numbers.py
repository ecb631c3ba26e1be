"""core.numbers.bounded: the one check for numbers from outside."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from amk_tui.core.numbers import NumberError, bounded


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        (float("nan"), "nan is not a finite number"),
        (float("inf"), "inf is not a finite number"),
        (float("-inf"), "-inf is not a finite number"),
        (True, "must be a number"),
        ("5", "must be a number"),
        (None, "must be a number"),
        (10**400, "out of range (must be 0 to 600)"),
        (-(10**400), "out of range"),
        (-1, "must not be negative"),
        (601, "601 is more than 600"),
        (600.0001, "is more than 600"),
    ],
)
def test_refused(value: object, problem: str) -> None:
    with pytest.raises(NumberError) as info:
        bounded(value, low=0, high=600)
    assert problem in str(info.value)


@pytest.mark.parametrize("value", [0, 0.0, 1, 599.5, 600, 2**53 // 2**44])
def test_accepted_inclusive_bounds(value: float) -> None:
    assert bounded(value, low=0, high=600) == float(value)


def test_an_exclusive_lower_bound_and_own_words() -> None:
    with pytest.raises(NumberError, match=r"^0 must be more than 0$"):
        bounded(0, low=0, high=10, above_low=True)
    assert bounded(1e-9, low=0, high=10, above_low=True) == 1e-9
    with pytest.raises(NumberError, match=r"^11 is more than 10 hours$"):
        bounded(11, low=0, high=10, too_high="{value:g} is more than {high:g} hours")
    with pytest.raises(NumberError, match=r"^-3 is below -2$"):
        bounded(-3, low=-2, high=10)


def test_a_huge_int_just_inside_float_precision_is_still_checked_by_bounds() -> None:
    with pytest.raises(NumberError, match="is more than"):
        bounded(2**53, low=0, high=600)
    with pytest.raises(NumberError, match="out of range"):
        bounded(2**53 + 1, low=0, high=2**60)


@given(value=st.floats() | st.integers() | st.booleans())
def test_whatever_comes_in_the_result_is_finite_and_in_bounds(value: object) -> None:
    try:
        number = bounded(value, low=0, high=600)
    except NumberError:
        return
    assert math.isfinite(number) and 0 <= number <= 600
