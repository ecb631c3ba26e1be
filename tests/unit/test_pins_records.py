"""What the record keeps, as a user meets it again: old files read and written back as they
were, the listing's reasons and deadlines, the trend's numbers, a purge that lost a race.

Issue 31: the round-trip tests compared the writer's output with itself; these compare what
is written with a fixed file an earlier version wrote.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tomllib
from pathlib import Path
from typing import Any

import pytest

from amk_tui.config import Config
from amk_tui.core.clock import FakeClock
from amk_tui.core.scores import FACTOR_IDS
from amk_tui.core.session import Action, Session
from amk_tui.core.trend import (
    KnownAmg,
    Trend,
    Visit,
    established_name,
    factor_series,
    known_amgs,
    months_later,
    trend_of,
    visit_of,
)
from amk_tui.store import SessionStore

OLD = Path(__file__).resolve().parents[1] / "data" / "sessions" / "v1"
NONE6: tuple[float | None, ...] = (None,) * 6


def raw(path: Path) -> dict[str, Any]:
    with path.open("rb") as handle:
        return tomllib.load(handle)


def rewritten(path: Path, tmp_path: Path) -> dict[str, Any]:
    """The old file loaded and saved by today's amk, read back as plain TOML."""
    copy = tmp_path / path.name
    shutil.copy2(path, copy)
    store = SessionStore(tmp_path, clock=FakeClock())
    session = store.load(copy)
    store.save(session, copy)
    return raw(copy)


# -- files an earlier version wrote ---------------------------------------------------------------
def test_the_slips_of_an_old_file_are_written_back_where_they_are_read_from(
    tmp_path: Path,
) -> None:
    old = OLD / "2026-02-11-amg-vaerksted-co.toml"
    before, after = raw(old), rewritten(old, tmp_path)
    for was, now in zip(before["groups"], after["groups"], strict=True):
        assert sorted(was["rows"]) == now["rows"]  # every slip, under the key it is read from
        assert (now["name"], now["letter"]) == (was["name"], was["letter"])
        assert now["scores"] == was["scores"]
    assert after["groups"][0]["colour"] == "teal"  # a key amk does not know stays
    assert after["future_key"] == before["future_key"]
    assert after["draft"]["what"] == "Halvt skrevet" and after["draft"]["owner"] == "AMR"
    # and today's amk reads its own file back with every slip
    again = SessionStore(tmp_path, clock=FakeClock()).load(tmp_path / old.name)
    assert [len(g.rows) for g in again.groups] == [3, 2]
    assert sorted(again.groups[0].row_values("aabenhed")) == [2, 3, 4]


def test_an_old_finished_workshop_keeps_its_actions_and_notes_as_filed(tmp_path: Path) -> None:
    old = OLD / "2025-11-03-demo-amg.toml"
    before, after = raw(old), rewritten(old, tmp_path)
    for key in ("amg", "unit", "facilitator", "date", "language", "variant", "status"):
        assert after[key] == before[key], key
    assert after["notes"] == before["notes"]
    assert len(after["actions"]) == len(before["actions"])
    for was, now in zip(before["actions"], after["actions"], strict=True):
        for key in ("what", "owner", "status", "deadline", "followup"):
            assert now.get(key) == was.get(key), key
    assert [g["scores"] for g in after["groups"]] == [g["scores"] for g in before["groups"]]


def test_an_action_an_earlier_version_carried_on_is_no_open_deadline(
    store: SessionStore, config: Config, clock: FakeClock
) -> None:
    """Before 2026-12 carrying an action on wrote `carried_to` into last time's file: that
    action goes on in the later workshop and is not due in the old one any more."""
    session = Session(amg="AMG Lager", program=config.program, clock=clock,
                      date=dt.date(2026, 1, 10))  # fmt: skip
    session.actions = [
        Action("Carried", deadline=dt.date(2026, 2, 1), extra={"carried_to": "2026-06-01-x"}),
        Action("Open", deadline=dt.date(2026, 3, 1)),
        Action("Going", deadline=dt.date(2026, 4, 1), status="in-progress"),
        Action("Done", deadline=dt.date(2026, 2, 2), status="done"),
        Action("Dropped", deadline=dt.date(2026, 2, 3), status="dropped"),
        Action("No date"),
    ]
    assert visit_of(session).open_deadlines == (dt.date(2026, 3, 1), dt.date(2026, 4, 1))
    store.create(session)
    for _ in range(2):  # read from the file, then from the listing's cache
        (summary,), _ = store.summaries()
        assert summary.open_deadlines == (dt.date(2026, 3, 1), dt.date(2026, 4, 1))
    (known,) = known_amgs([summary.visit()], dt.date(2026, 3, 15))
    assert known.overdue_actions == 1 and known.due(dt.date(2026, 3, 15))
    (known,) = known_amgs([summary.visit()], dt.date(2026, 2, 15))
    assert known.overdue_actions == 0 and not known.due(dt.date(2026, 2, 15))


def test_the_listing_keeps_why_a_file_cannot_be_read(store: SessionStore) -> None:
    store.ensure_folder()
    (store.folder / "2026-01-01-broken.toml").write_text("amg = [", "utf-8")
    (store.folder / "2026-01-02-nothing.toml").write_text('amg = "x"\n', "utf-8")
    first = store.summaries()[1]
    assert [u.path.name for u in first] == ["2026-01-01-broken.toml", "2026-01-02-nothing.toml"]
    assert first[0].problem.startswith("not valid TOML")
    assert first[1].problem and first[1].problem != first[0].problem
    for _ in range(2):  # from the cache now: the same reasons, not a blank
        again = store.summaries()[1]
        assert [(u.path.name, u.problem) for u in again] == [
            (u.path.name, u.problem) for u in first
        ]


def test_an_index_entry_that_lost_its_problem_still_lists_the_file(store: SessionStore) -> None:
    import json

    store.ensure_folder()
    (store.folder / "2026-01-01-broken.toml").write_text("amg = [", "utf-8")
    store.summaries()
    cache = json.loads(store.index_path.read_text())
    cache["2026-01-01-broken.toml"].pop("problem")
    store.index_path.write_text(json.dumps(cache))
    (bad,) = store.summaries()[1]
    assert bad.path.name == "2026-01-01-broken.toml" and bad.problem == ""


def test_a_second_purge_finds_the_file_gone_and_says_it_is_gone(
    store: SessionStore, config: Config, clock: FakeClock
) -> None:
    """Two `amk purge` at once: both listed the file; the first deleted it before the second
    got to it. The second must not fail (`delete(missing_ok=True)`), and says it is gone."""
    session = Session(amg="AMG", program=config.program, clock=clock, date=dt.date(2020, 1, 1))
    path = store.create(session)
    path.with_suffix(".md").write_text("referat", "utf-8")
    (summary,) = store.purgeable(30, dt.date(2026, 1, 1))
    (also,) = store.purgeable(30, dt.date(2026, 1, 1))  # the other purge's listing
    assert store.delete(summary) is True
    assert not path.exists() and not path.with_suffix(".md").exists()
    assert store.delete(also) is True  # gone already: nothing left to delete, no traceback
    assert store.summaries() == ([], [])


# -- the trend's numbers -------------------------------------------------------------------------
def visit(sid: str, date: dt.date, **kw: Any) -> Visit:
    return Visit(sid, date, "AMG " + sid, "amg", 3, kw.pop("means", NONE6), **kw)


def test_the_trend_numbers_the_factors_1_to_6_in_their_order() -> None:
    trend = Trend("AMG", "amg", (visit("a", dt.date(2026, 1, 1), means=(1.0,) * 6),))
    labels = [f"f{i}" for i in range(6)]
    series = factor_series(trend, labels)
    assert [s.letter for s in series] == ["1", "2", "3", "4", "5", "6"]
    assert [s.name for s in series] == labels
    assert [s.values for s in series] == [(1.0,)] * 6
    assert len({s.color for s in series}) == 6 and None not in {s.color for s in series}
    with pytest.raises(ValueError):  # a label short is an error, not a chart of five
        factor_series(trend, labels[:5])
    plain = factor_series(trend, labels, colored=False)
    assert [s.color for s in plain] == [None] * 6 and plain[0].letter == "1"


def test_the_trend_is_named_as_its_newest_workshop_and_knows_its_place() -> None:
    d = dt.date
    visits = [visit("2", d(2025, 1, 1)), visit("1", d(2024, 1, 1)), visit("1b", d(2024, 1, 1))]
    trend = trend_of(visits, "amg")
    assert trend is not None
    assert [v.session_id for v in trend.visits] == ["1", "1b", "2"]  # same day: by name
    assert trend.amg == "AMG 2" and trend.amg_id == "amg"
    assert trend.before("1b") == 1 and trend.before("1") == 0 and trend.before("9") == 3


def test_known_amgs_newest_first_named_as_their_newest_workshop() -> None:
    d = dt.date
    visits = [
        visit("1", d(2024, 1, 1), next_assessment=d(2024, 6, 1)),
        visit("2", d(2025, 1, 1)),  # set no next assessment: the earlier one still stands
        Visit("k", d(2025, 1, 1), "Kontor", "kontor", 2, NONE6),
        Visit("z", d(2023, 1, 1), "Zeta", "zeta", 2, NONE6),
    ]
    known = known_amgs(visits, d(2024, 3, 1))
    assert [k.amg_id for k in known] == ["kontor", "amg", "zeta"]
    amg = known[1]
    assert (amg.amg, amg.workshops, amg.last) == ("AMG 2", 2, d(2025, 1, 1))
    assert amg.next_assessment == d(2024, 6, 1)
    assert not amg.assessment_overdue(d(2024, 6, 1)) and amg.assessment_overdue(d(2024, 6, 2))
    assert not amg.due(d(2024, 6, 1)) and amg.due(d(2024, 6, 2))
    assert KnownAmg("x", "X", 1, d(2024, 1, 1), None, overdue_actions=1).due(d(2000, 1, 1))
    assert not KnownAmg("x", "X", 1, d(2024, 1, 1), None).due(d(2099, 1, 1))


def test_a_deadline_followed_up_later_counts_once_and_only_where_it_goes_on() -> None:
    d = dt.date
    old = visit("old", d(2026, 1, 1), open_deadlines=(d(2026, 2, 1), d(2026, 3, 1)))
    new = visit("new", d(2026, 6, 1), open_deadlines=(d(2026, 7, 1),), followed=("old",))
    other = visit("other", d(2026, 6, 2), open_deadlines=(d(2026, 1, 5),))
    (known,) = known_amgs([old, new, other], d(2026, 8, 1))
    assert known.overdue_actions == 2  # new's and other's; none of old's
    (known,) = known_amgs([old, other], d(2026, 8, 1))
    assert known.overdue_actions == 3


def test_a_session_as_a_visit_keeps_what_the_listing_needs(
    config: Config, clock: FakeClock
) -> None:
    session = Session(amg="AMG Lager", program=config.program, clock=clock,
                      date=dt.date(2026, 1, 10))  # fmt: skip
    session.id = "2026-01-10-amg-lager"
    group = session.add_group()
    group.scores.update({"aabenhed": 2, "viden": 4})
    session.add_group().scores.update({"aabenhed": 4})
    session.next_assessment = dt.date(2026, 7, 1)
    v = visit_of(session)
    assert (v.session_id, v.date, v.amg, v.amg_id) == (
        "2026-01-10-amg-lager",
        dt.date(2026, 1, 10),
        "AMG Lager",
        "amg-lager",
    )
    assert v.groups == 2 and not v.finished and v.next_assessment == dt.date(2026, 7, 1)
    assert v.means[FACTOR_IDS.index("aabenhed")] == 3.0
    assert v.means[FACTOR_IDS.index("viden")] == 4.0
    assert v.means[FACTOR_IDS.index("innovation")] is None
    assert v.followed == () and v.order == (dt.date(2026, 1, 10), "2026-01-10-amg-lager")


@pytest.mark.parametrize(
    ("day", "months", "then"),
    [
        (dt.date(2026, 1, 31), 1, dt.date(2026, 2, 28)),
        (dt.date(2026, 3, 31), 1, dt.date(2026, 4, 30)),
        (dt.date(2026, 12, 15), 1, dt.date(2027, 1, 15)),
        (dt.date(2026, 11, 30), 2, dt.date(2027, 1, 30)),
        (dt.date(2026, 5, 31), 7, dt.date(2026, 12, 31)),
        (dt.date(9999, 6, 1), 12, dt.date.max),
        (dt.date(9999, 11, 1), 1, dt.date(9999, 12, 1)),
    ],
)
def test_months_later_keeps_the_day_or_takes_the_months_last(
    day: dt.date, months: int, then: dt.date
) -> None:
    assert months_later(day, months) == then


def test_an_amg_typed_otherwise_keeps_the_spelling_its_workshops_use() -> None:
    known = [KnownAmg("amg-lager", "AMG Lager", 2, dt.date(2026, 1, 1), None)]
    assert established_name("amg  lager", known) == "AMG Lager"
    assert established_name("AMG Lager", known) is None  # typed exactly so
    assert established_name(" AMG   Lager ", known) is None
    assert established_name("AMG Kontor", known) is None


# -- renaming and merging AMGs (amg_files) --------------------------------------------------------
def amg_folder(store: SessionStore, config: Config, clock: FakeClock) -> dict[str, Path]:
    made = {}
    for name, day in (("AMG Lager", 1), ("amg  lager", 2), ("AMG Kontor", 3), ("Lager-AMG", 4)):
        session = Session(amg=name, program=config.program, clock=clock,
                          date=dt.date(2026, 1, day))  # fmt: skip
        made[f"{name}:{day}"] = store.create(session)
    return made


def names_in(store: SessionStore) -> dict[str, tuple[str, str]]:
    out = {}
    for p in sorted(store.folder.glob("*.toml")):
        s = store.load(p)
        out[p.name] = (s.amg, s.amg_id)
    return out


def test_a_refused_change_says_why_with_its_values() -> None:
    from amk_tui.amg_files import AmgFilesError

    error = AmgFilesError("halfway", done=2, file="x.toml", detail="disk full")
    assert (error.reason, error.done, error.values) == (
        "halfway", 2, {"file": "x.toml", "detail": "disk full"}
    )  # fmt: skip
    assert str(error) == "halfway (file=x.toml, detail=disk full)"
    assert str(AmgFilesError("empty")) == "empty" and AmgFilesError("empty").done == 0


def test_a_rename_gives_every_file_the_new_name_and_identity(
    store: SessionStore, config: Config, clock: FakeClock
) -> None:
    from amk_tui.amg_files import JOURNAL, rename_amg

    amg_folder(store, config, clock)
    changed = rename_amg(store, "AMG LAGER", "  AMG   Lager Nord ")
    assert sorted(p.name for p in changed) == [
        "2026-01-01-amg-lager.toml", "2026-01-02-amg-lager.toml"
    ]  # fmt: skip
    names = names_in(store)
    assert names["2026-01-01-amg-lager.toml"] == ("AMG Lager Nord", "amg-lager-nord")
    assert names["2026-01-02-amg-lager.toml"] == ("AMG Lager Nord", "amg-lager-nord")
    assert names["2026-01-03-amg-kontor.toml"] == ("AMG Kontor", "amg-kontor")
    assert names["2026-01-04-lager-amg.toml"] == ("Lager-AMG", "lager-amg")
    assert not (store.folder / JOURNAL).exists()
    assert not [p for p in store.folder.iterdir() if p.name.endswith(".amg-tmp")]
    # the listing knows at once (its cache was brought up to date)
    assert {s.amg for s in store.summaries()[0]} == {"AMG Lager Nord", "AMG Kontor", "Lager-AMG"}


def test_a_new_spelling_of_the_same_amg_is_a_rename_and_then_already_done(
    store: SessionStore, config: Config, clock: FakeClock
) -> None:
    from amk_tui.amg_files import AmgFilesError, rename_amg

    amg_folder(store, config, clock)
    assert len(rename_amg(store, "amg lager", "AMG LAGER")) == 2  # same identity: allowed
    assert {v for k, v in names_in(store).items() if "amg-lager" in k} == {
        ("AMG LAGER", "amg-lager")
    }
    before = {p.name: p.read_bytes() for p in store.folder.glob("*.toml")}
    assert len(rename_amg(store, "AMG Lager", "AMG LAGER")) == 2  # asked again: nothing to do
    assert {p.name: p.read_bytes() for p in store.folder.glob("*.toml")} == before
    rename_amg(store, "AMG Lager", "AMG Lager Nord")
    with pytest.raises(AmgFilesError) as done:
        rename_amg(store, "AMG Lager", "AMG Lager Nord")  # every file has that name: done
    assert done.value.reason == "already"
    assert done.value.values == {"n": "2", "amg": "AMG Lager Nord"}


def test_a_merge_takes_the_targets_name_for_every_spelling(
    store: SessionStore, config: Config, clock: FakeClock
) -> None:
    from amk_tui.amg_files import AmgFilesError, merge_amgs

    amg_folder(store, config, clock)
    with pytest.raises(AmgFilesError) as unknown:
        merge_amgs(store, "Lager-AMG", "AMG Ingen")
    assert unknown.value.reason == "unknown" and unknown.value.values == {"amg": "AMG Ingen"}
    with pytest.raises(AmgFilesError) as nothing:
        merge_amgs(store, "AMG Ingen", "AMG Kontor")  # nothing left under that name: done
    assert nothing.value.reason == "already"
    assert nothing.value.values == {"n": "1", "amg": "AMG Kontor"}
    with pytest.raises(AmgFilesError) as neither:
        merge_amgs(store, "AMG Ingen", "AMG Heller Ikke")
    assert neither.value.reason == "unknown" and neither.value.values == {"amg": "AMG Ingen"}
    changed = merge_amgs(store, "Lager-AMG", "amg lager")
    # the newest of the target's workshops names it: "amg  lager" (day 2) as typed there
    assert len(changed) == 2  # the merged file and the target's other spelling
    lager = {v for k, v in names_in(store).items() if "kontor" not in k}
    assert lager == {("amg  lager", "amg-lager")}
    with pytest.raises(AmgFilesError) as again:
        merge_amgs(store, "Lager-AMG", "amg lager")
    assert again.value.reason == "already" and again.value.values["n"] == "3"


def test_the_journal_says_what_a_stopped_change_was_doing(
    store: SessionStore, config: Config, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    from amk_tui import amg_files

    made = amg_folder(store, config, clock)
    seen: list[dict[str, Any]] = []

    def stop(store_: SessionStore, journal: amg_files.Journal) -> None:
        seen.append(tomllib.loads((store.folder / amg_files.JOURNAL).read_text("utf-8")))
        raise amg_files.AmgFilesError("halfway")

    monkeypatch.setattr(amg_files, "_apply", stop)
    with pytest.raises(amg_files.AmgFilesError):
        amg_files.rename_amg(store, "AMG Kontor", "Kontoret")
    (journal,) = seen
    assert journal == {
        "name": "Kontoret",
        "amg_id": "kontoret",
        "replaces": ["amg-kontor"],
        "files": [str(made["AMG Kontor:3"].resolve())],
    }
    monkeypatch.undo()
    assert store.lock(made["AMG Kontor:3"]) is not None  # every lock was let go
    finished = amg_files.finish_pending(store)
    assert finished is not None and finished.replaces == ("amg-kontor",)
    assert names_in(store)["2026-01-03-amg-kontor.toml"] == ("Kontoret", "kontoret")


def test_a_journal_that_is_not_amks_is_dropped_and_one_that_lists_odd_files_is_careful(
    store: SessionStore, config: Config, clock: FakeClock
) -> None:
    from amk_tui import amg_files

    made = amg_folder(store, config, clock)
    journal = store.folder / amg_files.JOURNAL
    journal.write_text("name = [", "utf-8")
    assert amg_files.finish_pending(store) is None and not journal.exists()
    journal.write_text('name = "X"\n', "utf-8")  # no amg_id, no files
    assert amg_files.finish_pending(store) is None and not journal.exists()
    kontor = str(made["AMG Kontor:3"])
    journal.write_text(
        f'name = "Kontor Syd"\namg_id = "kontor-syd"\nfiles = ["relative.toml", "/etc/passwd", '
        f'"{kontor}"]\n',
        "utf-8",
    )
    finished = amg_files.finish_pending(store)
    assert finished is not None and finished.files == (kontor,) and finished.replaces == ()
    assert names_in(store)["2026-01-03-amg-kontor.toml"] == ("Kontor Syd", "kontor-syd")


def test_a_pending_change_waits_for_a_workshop_open_in_amk(
    store: SessionStore, config: Config, clock: FakeClock
) -> None:
    from amk_tui import amg_files

    made = amg_folder(store, config, clock)
    path = made["AMG Kontor:3"]
    journal = store.folder / amg_files.JOURNAL
    journal.write_text(f'name = "K"\namg_id = "k"\nfiles = ["{path}"]\n', "utf-8")
    lock = store.lock(path)
    assert lock is not None
    with pytest.raises(amg_files.AmgFilesError) as waiting:
        amg_files.finish_pending(store)
    assert waiting.value.reason == "open" and waiting.value.values == {"file": str(path)}
    lock.release()
    assert journal.exists() and store.load(path).amg == "AMG Kontor"
    amg_files.finish_pending(store)
    assert store.load(path).amg == "K" and not journal.exists()


def test_a_journal_that_cannot_be_written_refuses_before_anything_moves(
    store: SessionStore, config: Config, clock: FakeClock
) -> None:
    from amk_tui import amg_files

    amg_folder(store, config, clock)
    before = names_in(store)
    (store.folder / amg_files.JOURNAL).mkdir()  # something in the journal's way
    with pytest.raises(amg_files.AmgFilesError) as refused:
        amg_files.relabel(store, [store.folder / "2026-01-03-amg-kontor.toml"], "K", "k")
    assert refused.value.reason == "not_written"
    assert refused.value.values == {"file": amg_files.JOURNAL, "detail": "journal"}
    (store.folder / amg_files.JOURNAL).rmdir()
    assert names_in(store) == before


def test_a_workshop_that_went_missing_meanwhile_is_skipped(
    store: SessionStore, config: Config, clock: FakeClock
) -> None:
    from amk_tui import amg_files

    made = amg_folder(store, config, clock)
    gone = made["AMG Kontor:3"]
    journal = amg_files.Journal("K", "k", ("amg-kontor",), (str(gone), str(made["Lager-AMG:4"])))
    gone.unlink()
    leftover = amg_files._temp_of(gone)
    leftover.write_text("half", "utf-8")
    amg_files._apply(store, journal)
    assert not leftover.exists()
    assert names_in(store)["2026-01-04-lager-amg.toml"] == ("K", "k")


def test_the_temp_file_is_private_and_whole(tmp_path: Path) -> None:
    from amk_tui import amg_files

    tmp = tmp_path / ".x.toml.amg-tmp"
    tmp.write_text("an older, longer text that must not stay behind", "utf-8")
    amg_files._write_temp(tmp, "kort")
    assert tmp.read_text("utf-8") == "kort"
    assert oct(tmp.stat().st_mode & 0o777) == "0o600"
    assert amg_files._temp_of(tmp_path / "a.toml") == tmp_path / ".a.toml.amg-tmp"
    assert amg_files._why(OSError(28, "No space left on device")) == "No space left on device"
    assert amg_files._why(OSError("plain")) == "plain"


def test_a_sweep_takes_only_amks_own_leftovers(store: SessionStore) -> None:
    import os

    from amk_tui import amg_files

    store.ensure_folder()
    folder = store.folder
    keep = [
        folder / "2026-01-01-a.toml",  # a session
        folder / "notes.amg-tmp",  # not hidden: not amk's
        folder / ".2026-01-01-a.toml.x1.tmp",  # a save under way (fresh)
        folder / ".other.tmp",  # hidden, but no session's copy
    ]
    gone = [folder / ".2026-01-01-a.toml.amg-tmp", folder / ".2026-01-01-a.toml.old.tmp"]
    for p in keep + gone:
        p.write_text("x", "utf-8")
    (folder / ".dir.amg-tmp").mkdir()  # a folder is never removed
    stale = amg_files.STALE + 5
    old = gone[1]
    os.utime(old, (old.stat().st_atime - stale, old.stat().st_mtime - stale))
    young = keep[2]
    os.utime(young, (young.stat().st_atime - 60, young.stat().st_mtime - 60))
    other = keep[3]  # old, but no session's copy
    os.utime(other, (other.stat().st_atime - stale, other.stat().st_mtime - stale))
    amg_files._sweep(store)
    assert all(p.exists() for p in keep) and (folder / ".dir.amg-tmp").is_dir()
    assert not any(p.exists() for p in gone)


def test_purging_a_linked_session_takes_the_links_own_lock_file_too(
    store: SessionStore, config: Config, clock: FakeClock, tmp_path: Path
) -> None:
    elsewhere = SessionStore(tmp_path / "elsewhere", clock=clock)
    session = Session(amg="AMG", program=config.program, clock=clock, date=dt.date(2020, 1, 1))
    target = elsewhere.create(session)
    store.ensure_folder()
    link = store.folder / "2020-01-01-link.toml"
    link.symlink_to(target)
    own_lock = store.folder / ".2020-01-01-link.toml.lock"
    own_lock.write_text("", "utf-8")
    (summary,) = store.purgeable(30, dt.date(2026, 1, 1))
    assert store.delete(summary) is True
    assert not link.exists() and not link.is_symlink() and not own_lock.exists()
    assert target.exists()  # what it pointed to is not ours to delete


def test_a_pending_change_holds_every_file_until_it_is_done_and_then_lists_them(
    store: SessionStore, config: Config, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    import json

    from amk_tui import amg_files

    made = amg_folder(store, config, clock)
    files = [made["AMG Lager:1"], made["amg  lager:2"]]
    (store.folder / amg_files.JOURNAL).write_text(
        'name = "Lager"\namg_id = "lager"\nfiles = [' + ", ".join(f'"{f}"' for f in files) + "]\n",
        "utf-8",
    )
    stale_copy = store.folder / ".2026-01-01-amg-lager.toml.k1.tmp"
    stale_copy.write_text("notes = 'fortroligt'", "utf-8")
    old = amg_files.STALE + 5
    os.utime(stale_copy, (stale_copy.stat().st_atime - old, stale_copy.stat().st_mtime - old))
    held: list[bool] = []
    real = amg_files._apply

    def watching(store_: SessionStore, journal: amg_files.Journal) -> None:
        for f in files:  # nobody else may open a file while it is being renamed
            lock = store.lock(f)
            held.append(lock is None)
            if lock is not None:
                lock.release()
        real(store_, journal)

    monkeypatch.setattr(amg_files, "_apply", watching)
    assert amg_files.finish_pending(store) is not None
    assert held == [True, True]
    assert not stale_copy.exists()  # the notes a killed save left behind go too
    cache = json.loads(store.index_path.read_text())
    for f in files:
        info = f.stat()
        assert cache[f.name]["key"] == [info.st_mtime_ns, info.st_size]
        assert cache[f.name]["summary"]["amg"] == "Lager"


def test_a_journal_that_is_not_amks_goes_with_the_leftovers(store: SessionStore) -> None:
    from amk_tui import amg_files

    store.ensure_folder()
    (store.folder / amg_files.JOURNAL).write_text("name = [", "utf-8")
    leftover = store.folder / ".2026-01-01-x.toml.amg-tmp"
    leftover.write_text("half", "utf-8")
    assert amg_files.finish_pending(store) is None
    assert not leftover.exists() and not (store.folder / amg_files.JOURNAL).exists()


def test_a_renamed_file_elsewhere_loses_its_temp_file_too(
    store: SessionStore, config: Config, clock: FakeClock, tmp_path: Path
) -> None:
    from amk_tui import amg_files

    elsewhere = SessionStore(tmp_path / "elsewhere", clock=clock)
    session = Session(amg="K", program=config.program, clock=clock, date=dt.date(2026, 1, 1))
    session.amg_id = "k"
    path = elsewhere.create(session)
    leftover = amg_files._temp_of(path)
    leftover.write_text("half", "utf-8")
    store.ensure_folder()
    amg_files._apply(store, amg_files.Journal("K", "k", (), (str(path),)))
    assert not leftover.exists()  # it had the name already: only its temp file was left


# -- the store's own words and files --------------------------------------------------------------
def test_a_file_that_is_not_utf8_says_at_which_byte(store: SessionStore) -> None:
    from amk_tui.core.errors import SessionError

    store.ensure_folder()
    bad = store.folder / "2026-01-01-x.toml"
    bad.write_bytes(b'amg = "\xff"\n')
    with pytest.raises(SessionError) as info:
        store.load(bad)
    assert info.value.problem == "not UTF-8 text (byte 7)"
    bad.write_text("amg = ", "utf-8")
    with pytest.raises(SessionError) as info:
        store.load(bad)
    assert info.value.problem.startswith("not valid TOML (") and info.value.problem.endswith(")")


def test_a_file_where_the_folder_should_be_says_it_is_no_folder(tmp_path: Path) -> None:
    from amk_tui.store import StoreError

    (tmp_path / "sessions").write_text("", "utf-8")
    with pytest.raises(StoreError) as info:
        SessionStore(tmp_path / "sessions").ensure_folder()
    assert (info.value.action, info.value.detail) == ("create_folder", "Not a directory")


def test_the_live_file_is_written_again_if_it_went_and_refused_if_a_link_took_its_place(
    store: SessionStore, config: Config, clock: FakeClock, tmp_path: Path
) -> None:
    from amk_tui.store import StoreError

    session = Session(amg="AMG", program=config.program, clock=clock, date=dt.date(2026, 1, 1))
    path = store.create(session)
    path.unlink()
    session.unit = "igen"
    store.save_guarded(session, path)  # gone: written anew
    assert store.load(path).unit == "igen"
    path.unlink()
    path.symlink_to(tmp_path / "elsewhere.toml")
    with pytest.raises(StoreError) as info:
        store.save_guarded(session, path)
    assert (info.value.action, info.value.reason) == ("save", "replaced")
    assert not (tmp_path / "elsewhere.toml").exists()  # never followed


def test_a_save_stages_its_copy_hidden_where_the_next_sweep_finds_it(
    store: SessionStore, config: Config, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A save killed before its rename leaves its temp copy (it holds the notes): named
    `.NAME.toml.*.tmp` so listing never shows it and amg_files' sweep removes it."""
    session = Session(amg="AMG", program=config.program, clock=clock, date=dt.date(2026, 1, 1))
    path = store.create(session)
    staged: list[str] = []
    real = os.replace

    def seeing(src: str, dst: object) -> None:
        staged.append(os.path.basename(src))
        real(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "replace", seeing)
    store.save(session, path)
    (name,) = staged
    assert name.startswith(f".{path.name}.") and name.endswith(".tmp")


def test_a_path_that_cannot_be_looked_at_is_kept_as_it_is() -> None:
    from amk_tui.store import resolved

    long = Path("/tmp/" + "x" * 5000)  # too long a name: not even a link can be told
    assert resolved(long) == long
