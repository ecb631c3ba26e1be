"""Scores and what they say: statistics, lowest and most split factor, change."""

from __future__ import annotations

import pytest

from amk_tui.core.scores import (
    FACTOR_IDS,
    Group,
    change_since,
    fmean,
    format_change,
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


def test_one_factor_scored_has_no_lowest() -> None:
    """The lowest of one factor is no finding: nothing is named until two have a mean."""
    assert lowest_factor(stats_by_factor([group("A", "4-----")])) is None
    assert lowest_factor(stats_by_factor([group("A", "45----")])) == "aabenhed"


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
    assert g.value("ressourcer") is None  # two answers: their mean would give both away
    assert g.withheld("ressourcer") == 2 and g.withheld("aabenhed") == 0
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


# -- edges the mutation run found untested ----------------------------------------------------
def test_two_groups_that_disagree_are_found() -> None:
    groups = [group("A", "111111"), group("B", "151111")]
    assert most_split_factor(stats_by_factor(groups)) == "innovation"


def test_one_group_alone_is_never_split() -> None:
    assert most_split_factor(stats_by_factor([group("A", "151111")])) is None


def test_ties_go_to_the_first_factor_in_deck_order() -> None:
    groups = [group("A", "151515"), group("B", "515151")]
    stats = stats_by_factor(groups)
    assert most_split_factor(stats) == "aabenhed"
    assert lowest_factor(stats_by_factor([group("A", "223222")])) == "aabenhed"
    assert lowest_factor(stats_by_factor([group("A", "323212")])) == "systematik"


def test_set_score_refuses_what_is_not_a_score() -> None:
    g = Group(name="A", letter="A")
    for bad in (0, 6, True, 2.5):
        with pytest.raises(ValueError):
            g.set_score("viden", bad)  # type: ignore[arg-type]
    with pytest.raises(KeyError):
        g.set_score("tillid", 3)
    g.set_score("viden", 5)
    g.set_score("viden", None)
    assert g.scores == {}
    g.set_score("viden", 1)
    assert g.scores == {"viden": 1} and g.scored == 1


def test_spread_and_stats_of_individual_rows() -> None:
    g = Group(name="A", letter="A", rows=[(1, 2, None, 4, 5, 3), (3, 2, None, 4, 1, 3)])
    stats = row_stats(g)
    assert (stats["aabenhed"].n, stats["aabenhed"].mean) == (2, 2.0)
    assert (stats["aabenhed"].low, stats["aabenhed"].high, stats["aabenhed"].spread) == (1, 3, 2)
    assert stats["motivation"].n == 0 and stats["motivation"].spread == 0
    assert g.scored == 0  # two answers: a mean would give both away (MIN_ANSWERS)
    g.rows.append((2, 2, None, 4, 3, 3))
    assert g.scored == 5


@pytest.mark.parametrize(
    ("delta", "arrow"),
    [(None, ""), (0.05, "="), (0.051, "↑"), (-0.05, "="), (-0.051, "↓"), (0.0, "=")],
)
def test_trend_arrow_edges(delta: float | None, arrow: str) -> None:
    assert trend_arrow(delta) == arrow


def test_format_mean_uses_the_decimal_mark() -> None:
    from amk_tui.core.scores import format_mean

    assert (format_mean(3.25, ","), format_mean(None), format_mean(2.0)) == ("3,2", "–", "2.0")


def test_letters_wrap_after_z() -> None:
    from amk_tui.core.scores import letter_for

    assert (letter_for(0), letter_for(25), letter_for(26)) == ("A", "Z", "A")


def test_row_errors_say_what_is_wrong() -> None:
    from amk_tui.core.scores import RowError

    with pytest.raises(RowError) as count:
        parse_row("1234")
    assert (count.value.kind, count.value.value, str(count.value)) == (
        "count",
        "4",
        "need 6 values, got 4",
    )
    with pytest.raises(RowError) as char:
        parse_row("12345x")
    assert (char.value.kind, char.value.value) == ("char", "x")
    assert parse_row("1 2,3;4 5 -") == (1, 2, 3, 4, 5, None)
    with pytest.raises(RowError):
        parse_row("123450")


def test_a_difference_of_one_point_is_a_split() -> None:
    assert most_split_factor(stats_by_factor([group("A", "311111"), group("B", "411111")])) == (
        "aabenhed"
    )


def test_spread_needs_both_ends() -> None:
    from amk_tui.core.scores import FactorStats

    assert FactorStats("viden", 1, 3.0, None, 4.0).spread == 0.0
    assert FactorStats("viden", 1, 3.0, 2.0, None).spread == 0.0
    assert FactorStats("viden", 2, 3.0, 2.0, 4.5).spread == 2.5


def test_a_change_is_signed_and_an_unchanged_mean_is_plus_minus_zero() -> None:
    """One writing for the app's insights and the referat: never "+0,0" or "−0,0"."""
    shown = [format_change(d, ",") for d in (1.0, -1.0, 0.0, -0.04, 0.04, -0.06, 0.3)]
    assert shown == ["+1,0", "−1,0", "±0,0", "±0,0", "±0,0", "−0,1", "+0,3"]


def test_fmean_is_the_arithmetic_mean() -> None:
    assert fmean([1, 2, 2]) == 5 / 3
    assert fmean([0.1] * 10) == 0.1  # fsum: no drift from adding tenths
