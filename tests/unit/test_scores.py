"""Scores and what they say: statistics, lowest and most split factor, change."""

from __future__ import annotations

import pytest

from amk_tui.core.scores import (
    FACTOR_IDS,
    Group,
    change_since,
    format_row,
    lowest_factor,
    most_split_factor,
    parse_row,
    row_stats,
    stats_by_factor,
    trend_arrow,
)


def group(letter: str, values: str) -> Group:
    g = Group(name=f"Gruppe {letter}", letter=letter)
    for factor, ch in zip(FACTOR_IDS, values, strict=True):
        if ch != "-":
            g.set_score(factor, int(ch))
    return g


def test_stats_over_groups() -> None:
    groups = [group("A", "324332"), group("B", "425-31"), group("C", "315331")]
    stats = stats_by_factor(groups)
    assert stats["aabenhed"].mean == pytest.approx(10 / 3)
    assert (stats["aabenhed"].low, stats["aabenhed"].high, stats["aabenhed"].n) == (3, 4, 3)
    assert stats["ressourcer"].n == 2 and stats["ressourcer"].spread == 0
    assert stats["motivation"].spread == 1


def test_lowest_and_most_split() -> None:
    groups = [group("A", "314332"), group("B", "425131"), group("C", "355331")]
    stats = stats_by_factor(groups)
    assert lowest_factor(stats) == "viden"
    assert most_split_factor(stats) == "innovation"


def test_nothing_scored_says_nothing() -> None:
    stats = stats_by_factor([group("A", "------")])
    assert lowest_factor(stats) is None and most_split_factor(stats) is None


def test_all_agree_is_not_split() -> None:
    stats = stats_by_factor([group("A", "333333"), group("B", "333333")])
    assert most_split_factor(stats) is None and lowest_factor(stats) == "aabenhed"


def test_not_scored_is_distinct_from_any_number() -> None:
    g = group("A", "3-----")
    assert g.value("innovation") is None and g.value("aabenhed") == 3
    g.set_score("aabenhed", None)
    assert g.value("aabenhed") is None and g.scored == 0
    with pytest.raises(ValueError):
        g.set_score("aabenhed", 6)
    with pytest.raises(ValueError):
        g.set_score("aabenhed", 0)


def test_individual_rows_give_the_group_value() -> None:
    g = Group("A", "A")
    g.rows = [parse_row("324332"), parse_row("4 2 5 - 3 1"), parse_row("2,2,3,3,3,3")]
    assert g.value("aabenhed") == 3.0
    assert g.value("ressourcer") == 3.0
    stats = row_stats(g)
    assert stats["ressourcer"].n == 2 and stats["viden"].low == 1 and stats["viden"].high == 3
    g.set_score("aabenhed", 5)  # a consensus score wins over the rows
    assert g.value("aabenhed") == 5.0


@pytest.mark.parametrize("bad", ["32433", "3243321", "324362", "32433x", ""])
def test_bad_rows_are_refused(bad: str) -> None:
    with pytest.raises(ValueError):
        parse_row(bad)


def test_row_round_trip() -> None:
    assert format_row(parse_row("32-332")) == "32-332"


def test_change_since_and_arrows() -> None:
    now = stats_by_factor([group("A", "444444")])
    before = stats_by_factor([group("A", "345---")])
    change = change_since(now, before)
    assert change["aabenhed"] == 1 and change["innovation"] == 0
    assert change["motivation"] == -1 and change["ressourcer"] is None
    assert [trend_arrow(change[f]) for f in FACTOR_IDS[:4]] == ["↑", "=", "↓", ""]
