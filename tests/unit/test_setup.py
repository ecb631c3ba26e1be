"""A new workshop from what was typed: groups by number or names, names cut, the demo."""

from __future__ import annotations

import datetime as dt

import pytest

from amk_tui.config import Config
from amk_tui.core.clock import FakeClock
from amk_tui.core.demo import DEMO_SCORES, demo_session
from amk_tui.core.scores import FACTOR_IDS, MAX_GROUPS
from amk_tui.core.session import MAX_NAME
from amk_tui.core.setup import DEFAULT_GROUPS, new_session, parse_groups


@pytest.mark.parametrize(
    ("typed", "groups"),
    [
        ("", [""] * DEFAULT_GROUPS),
        ("   ", [""] * DEFAULT_GROUPS),
        ("1", [""]),
        ("8", [""] * 8),
        (" 4 ", [""] * 4),
        ("+2", ["", ""]),
        ("Lager, Kontor", ["Lager", "Kontor"]),
        ("Lager,, Kontor ,", ["Lager", "Kontor"]),
        ("Hold 1", ["Hold 1"]),
        (",".join(f"G{i}" for i in range(MAX_GROUPS)), [f"G{i}" for i in range(MAX_GROUPS)]),
    ],
)
def test_parse_groups(typed: str, groups: list[str]) -> None:
    assert parse_groups(typed) == groups


@pytest.mark.parametrize("typed", ["0", "-1", "9", "100", "-0", ",".join("ABCDEFGHI")])
def test_parse_groups_refuses_with_the_range(typed: str) -> None:
    with pytest.raises(ValueError, match=r"^1–8$"):
        parse_groups(typed)


def test_new_session_cuts_names_and_names_groups(config: Config, clock: FakeClock) -> None:
    s = new_session(
        "  " + "A" * 300 + "  ",
        config.program,
        groups=["", "Lager", ""],
        unit=" Lager og logistik ",
        facilitator="f" * 121,
        date=dt.date(2026, 11, 26),
        language="en",
        variant=2,
        revealed=False,
        clock=clock,
        default_name="Gruppe {letter}",
    )
    assert len(s.amg) == MAX_NAME and s.amg.endswith("…") and s.amg.startswith("AAA")
    assert s.unit == "Lager og logistik" and len(s.facilitator) == MAX_NAME
    assert [g.name for g in s.groups] == ["Gruppe A", "Lager", "Gruppe C"]
    assert (s.language, s.variant, s.revealed, s.date) == ("en", 2, False, dt.date(2026, 11, 26))
    assert s.clock is clock and s.status == "in-progress"


def test_new_session_needs_an_amg(config: Config) -> None:
    with pytest.raises(ValueError):
        new_session("   ", config.program, groups=[])


def test_new_session_defaults_to_today(config: Config) -> None:
    assert new_session("A", config.program, groups=[]).date == dt.date.today()


@pytest.mark.parametrize("language", ["da", "en"])
def test_demo_session(config: Config, clock: FakeClock, language: str) -> None:
    s = demo_session(config.program, language, clock=clock)
    assert len(s.groups) == 3 and s.language == language
    for g, scores in zip(s.groups, DEMO_SCORES, strict=True):
        assert [g.scores[f] for f in FACTOR_IDS] == [int(c) for c in scores]
    assert s.priorities == ["ressourcer", "systematik"] and len(s.actions) == 1
    action = s.actions[0]
    assert action.deadline == s.date + dt.timedelta(days=30)
    assert action.followup == s.date + dt.timedelta(days=90)
    assert s.notes["hvorfor"] and s.more_of and s.less_of
    assert (s.amg, s.groups[0].name) == (
        ("Demo-AMG", "Gruppe A") if language == "da" else ("Demo AMG", "Group A")
    )


def test_the_defaults_of_a_new_workshop(config: Config) -> None:
    s = new_session("A", config.program, groups=parse_groups(""))
    assert len(s.groups) == 3  # three groups when nothing was typed
    assert (s.variant, s.revealed, s.language) == (1, True, "da")
    assert [g.name for g in s.groups] == ["A", "B", "C"]  # the default name is the letter


def test_names_are_cut_at_120_characters(config: Config) -> None:
    s = new_session("a" * 120, config.program, groups=["g" * 121])
    assert s.amg == "a" * 120 and s.groups[0].name == "g" * 119 + "…"


def test_the_demo_is_dated_26_november_2026(config: Config) -> None:
    assert demo_session(config.program).date == dt.date(2026, 11, 26)
