"""An AMG over time: the numbers of `core.trend`, and the store finding one AMG however typed."""

from __future__ import annotations

import datetime as dt

import pytest

from amk_tui import history
from amk_tui.config import Config
from amk_tui.core.clock import FakeClock
from amk_tui.core.session import Session, amg_key
from amk_tui.core.trend import Visit, known_amgs, months_later, trend_of
from amk_tui.store import SessionStore
from tests.unit.history_support import DATES, tendens_folder, workshop

NONE6 = (None,) * 6


def visit(sid: str, date: dt.date, amg_id: str = "a", means: tuple[float | None, ...] = NONE6,
          **kw: object) -> Visit:  # fmt: skip
    return Visit(sid, date, amg_id.upper(), amg_id, 2, means, **kw)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "typed", ["AMG Tendens", "amg tendens", "AMG  Tendens ", " AMG-Tendens", "AMG.tendens!"]
)
def test_every_spelling_folds_to_one_amg(typed: str) -> None:
    assert amg_key(typed) == "amg-tendens"


def test_folding_keeps_letters_apart() -> None:
    assert amg_key("Ærø Lager") == "ærø-lager" != amg_key("Aero Lager")
    assert amg_key("Lager 2") != amg_key("Lager")


def test_trend_is_oldest_first_and_the_change_is_first_to_last() -> None:
    d = dt.date
    visits = [
        visit("3", d(2026, 1, 1), means=(4.0, None, 2.0, 3.0, None, None)),
        visit("1", d(2024, 1, 1), means=(1.0, None, None, 3.0, None, 2.0)),
        visit("2", d(2025, 1, 1), means=(2.5, 3.0, 2.0, 3.0, None, None)),
        visit("x", d(2025, 6, 1), amg_id="b", means=(5.0,) * 6),
    ]
    trend = trend_of(visits, "a")
    assert trend is not None
    assert trend.dates == (d(2024, 1, 1), d(2025, 1, 1), d(2026, 1, 1))
    assert trend.values("aabenhed") == (1.0, 2.5, 4.0)
    assert trend.change("aabenhed") == pytest.approx(3.0)
    assert trend.change("motivation") == pytest.approx(0.0)  # the two that scored it
    assert trend.change("innovation") is None  # scored once
    assert trend.change("systematik") is None
    assert trend.before("2") == 1 and trend.before("new") == 3
    assert trend_of(visits, "nobody") is None


def test_a_workshop_being_run_replaces_its_saved_self_and_later_ones_go() -> None:
    d = dt.date
    trend = trend_of([visit("1", d(2024, 1, 1)), visit("2", d(2025, 1, 1))], "a")
    assert trend is not None
    now = visit("2", d(2025, 1, 1), means=(3.0,) * 6)
    assert trend.up_to(now).visits[-1].means == (3.0,) * 6
    assert len(trend.up_to(now).visits) == 2
    assert len(trend.up_to(visit("3", d(2026, 1, 1))).visits) == 3
    back = trend.up_to(visit("0", d(2024, 6, 1)))
    assert [v.session_id for v in back.visits] == ["1", "0"]


def test_known_amgs_count_workshops_and_what_is_due() -> None:
    d = dt.date
    today = d(2026, 6, 1)
    visits = [
        visit("1", d(2024, 1, 1), next_assessment=d(2024, 7, 1)),
        visit("2", d(2025, 1, 1), next_assessment=d(2026, 7, 1), open_deadlines=(d(2026, 5, 1),)),
        visit("3", d(2026, 2, 1), amg_id="b", next_assessment=d(2026, 5, 31)),
        visit("4", d(2026, 3, 1), amg_id="c", open_deadlines=(d(2026, 6, 1),)),
    ]
    known = {k.amg_id: k for k in known_amgs(visits, today)}
    assert [k.amg_id for k in known_amgs(visits, today)] == ["c", "b", "a"]
    a, b, c = known["a"], known["b"], known["c"]
    assert (a.workshops, a.last, a.next_assessment) == (2, d(2025, 1, 1), d(2026, 7, 1))
    assert not a.assessment_overdue(today) and a.overdue_actions == 1 and a.due(today)
    assert b.assessment_overdue(today) and b.due(today)
    assert not c.due(today)  # a deadline today is not past


@pytest.mark.parametrize(
    ("day", "months", "then"),
    [
        (dt.date(2026, 11, 26), 6, dt.date(2027, 5, 26)),
        (dt.date(2026, 8, 31), 6, dt.date(2027, 2, 28)),
        (dt.date(2027, 8, 31), 6, dt.date(2028, 2, 29)),
        (dt.date(2026, 1, 15), 12, dt.date(2027, 1, 15)),
    ],
)
def test_months_later(day: dt.date, months: int, then: dt.date) -> None:
    assert months_later(day, months) == then


# -- from a folder ----------------------------------------------------------------------------
def test_the_store_finds_the_four_spellings_in_date_order(
    store: SessionStore, config: Config, clock: FakeClock
) -> None:
    tendens_folder(store, config, clock)
    trend = history.trend_for(store, "AMG Tendens")
    assert trend is not None
    assert trend.dates == DATES
    means = [f"{m:.1f}" for m in trend.values("aabenhed") if m is not None]
    assert means == ["1.3", "2.7", "3.3", "4.7"]
    assert trend.change("aabenhed") == pytest.approx(10 / 3)
    known = history.known(store, dt.date(2026, 1, 1))
    assert [(k.amg, k.workshops) for k in known] == [("AMG Tendens", 4), ("AMG Kontor", 1)]


def test_previous_links_however_the_name_is_typed(
    store: SessionStore, config: Config, clock: FakeClock
) -> None:
    tendens_folder(store, config, clock)
    new = workshop(config, clock, "amg TENDENS", dt.date(2026, 1, 1), (3,))
    store.create(new)
    previous = store.previous(new)
    assert previous is not None and previous.session.date == DATES[-1]


def test_an_index_an_older_amk_wrote_is_read_again(
    store: SessionStore, config: Config, clock: FakeClock
) -> None:
    """No `amg_id` in the entries: every file is read, the trend is right, and a refresh
    writes the new entries."""
    import json

    from amk_tui.store import INDEX

    tendens_folder(store, config, clock)
    cache = json.loads(store.index_path.read_text())
    for item in cache.values():
        for key in ("amg_id", "next", "open"):
            item["summary"].pop(key)
    old = store.folder / INDEX  # what an earlier amk kept in the sessions folder
    old.write_text(json.dumps(cache))
    store.index_path.unlink()
    trend = history.trend_for(store, "amg tendens")
    assert trend is not None and len(trend.visits) == 4
    assert "amg_id" not in old.read_text()  # the old index is only read
    assert "amg_id" in store.index_path.read_text()  # the new entries go to the cache


def test_the_index_keeps_the_next_assessment_and_open_deadlines(
    store: SessionStore, config: Config, clock: FakeClock
) -> None:
    from amk_tui.core.session import Action

    s = Session(amg="AMG", program=config.program, clock=clock, date=dt.date(2026, 1, 1))
    s.next_assessment = dt.date(2026, 7, 1)
    s.actions = [
        Action(what="a", deadline=dt.date(2026, 2, 1)),
        Action(what="b", deadline=dt.date(2026, 3, 1), status="done"),
        Action(what="c"),
    ]
    store.create(s)
    store.summaries()  # from the index now
    (summary,), _ = store.summaries()
    assert summary.next_assessment == dt.date(2026, 7, 1)
    assert summary.open_deadlines == (dt.date(2026, 2, 1),)


@pytest.mark.parametrize("value", ["0", "61", "2.5", "true", '"6"'])
def test_next_assessment_months_is_checked(tmp_path: object, value: str) -> None:
    from pathlib import Path

    from amk_tui.config import load_config
    from amk_tui.core.errors import ConfigError

    assert isinstance(tmp_path, Path)
    base = (Path(__file__).resolve().parents[2] / "config.toml").read_text("utf-8")
    path = tmp_path / "c.toml"
    path.write_text(base.replace("next_assessment_months = 6", f"next_assessment_months = {value}"))
    with pytest.raises(ConfigError) as bad:
        load_config(path)
    assert "next_assessment_months" in str(bad.value)
    path.write_text(base.replace("next_assessment_months = 6", "next_assessment_months = 12"))
    assert load_config(path).next_assessment_months == 12


def test_deadlines_followed_up_by_a_later_workshop_are_not_due_any_more() -> None:
    """A finished workshop keeps its actions open as filed; once a later workshop followed
    them up (recorded there, what goes on carried there), only the newer one counts."""
    import datetime as dt

    from amk_tui.core.trend import Visit, known_amgs

    day = dt.date(2026, 1, 1)
    means = (None,) * 6
    old = Visit("2026-01-01-a", day, "A", "a", 1, means, open_deadlines=(dt.date(2026, 2, 1),))
    new = Visit("2026-06-01-a", dt.date(2026, 6, 1), "A", "a", 1, means,
                open_deadlines=(dt.date(2026, 7, 1),), followed=("2026-01-01-a",))  # fmt: skip
    (known,) = known_amgs([old, new], dt.date(2026, 12, 1))
    assert known.overdue_actions == 1  # the carried one in the newer workshop, not twice
    (alone,) = known_amgs([old], dt.date(2026, 12, 1))
    assert alone.overdue_actions == 1
