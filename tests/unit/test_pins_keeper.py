"""The keeper of the open workshop's file, as the facilitator meets it: what is saved where,
what a failed save leaves, what the listing says afterwards, and the lines that say why."""

from __future__ import annotations

import datetime as dt
import errno
import json
import shutil
from pathlib import Path

import pytest

from amk_tui.config import Config, load_content
from amk_tui.core.clock import FakeClock
from amk_tui.core.errors import SessionError
from amk_tui.core.session import Session
from amk_tui.keeper import Keeper, describe
from amk_tui.outputs import OutputRefused
from amk_tui.store import SessionStore, StoreError

DAY = dt.date(2026, 5, 4)


def workshop(store: SessionStore, config: Config, clock: FakeClock, amg: str = "AMG Lager",
             date: dt.date = DAY) -> Path:  # fmt: skip
    session = Session(amg=amg, program=config.program, clock=clock, date=date)
    session.add_group().scores["viden"] = 3
    return store.create(session)


def cached(store: SessionStore, path: Path) -> dict[str, object]:
    """The listing cache's entry of one file."""
    entry: dict[str, object] = json.loads(store.index_path.read_text())[path.name]
    return entry


def key_of(path: Path) -> list[int]:
    info = path.stat()
    return [info.st_mtime_ns, info.st_size]


@pytest.fixture
def path(store: SessionStore, config: Config, clock: FakeClock) -> Path:
    return workshop(store, config, clock)


# -- opening and letting go -------------------------------------------------------------------
def test_a_second_amk_only_looks(store: SessionStore, path: Path) -> None:
    first = Keeper.open(store, path)
    second = Keeper.open(store, path)
    try:
        assert not first.view_only and not first.locked_elsewhere
        assert second.view_only and second.locked_elsewhere
        session = store.load(path)
        session.unit = "skrevet af den anden"
        before = path.read_bytes()
        assert second.save(session) is None and second.probe() is None
        assert path.read_bytes() == before and not second.unsaved  # it wrote nothing
    finally:
        first.release()
        second.release()
    third = Keeper.open(store, path)  # let go: the next amk edits
    assert not third.view_only
    third.release()


def test_opened_to_look_at_it_takes_no_lock(store: SessionStore, path: Path) -> None:
    looking = Keeper.open(store, path, force_readonly=True)
    assert looking.view_only and looking.locked_elsewhere
    editing = Keeper.open(store, path)
    assert not editing.view_only
    editing.release()
    looking.release()


def test_a_link_is_opened_as_the_file_it_points_to(
    store: SessionStore, path: Path, tmp_path: Path
) -> None:
    link = tmp_path / "link.toml"
    link.symlink_to(path)
    keeper = Keeper.open(store, link)
    try:
        assert keeper.path == path
        assert keeper.is_own_file(link) and keeper.is_own_file(path)
        assert not keeper.is_own_file(tmp_path / "other.toml")
    finally:
        keeper.release()


def test_letting_go_after_editing_brings_the_listing_up_to_date(
    store: SessionStore, path: Path
) -> None:
    keeper = Keeper.open(store, path)
    session = store.load(path)
    session.unit = "Pakkeriet"
    assert keeper.save(session) is None
    assert cached(store, path)["key"] != key_of(path)  # the cache is behind the file now
    keeper.release()
    assert cached(store, path)["key"] == key_of(path)
    keeper.release()  # twice is harmless


def test_a_look_only_amk_leaves_the_listing_alone(store: SessionStore, path: Path) -> None:
    holder = Keeper.open(store, path)
    session = store.load(path)
    session.unit = "Ændret"
    holder.save(session)
    looking = Keeper.open(store, path, force_readonly=True)
    looking.release()
    assert cached(store, path)["key"] != key_of(path)  # not its file to list
    holder.release()


# -- saving ---------------------------------------------------------------------------------------
def test_a_save_writes_the_workshop_and_a_failed_one_is_tried_again(
    store: SessionStore, path: Path
) -> None:
    keeper = Keeper.open(store, path)
    session = store.load(path)
    session.unit = "Første"
    assert keeper.save(session) is None and not keeper.unsaved
    assert store.load(path).unit == "Første"
    shutil.rmtree(store.folder)  # the folder is gone under the console
    session.unit = "Anden"
    problem = keeper.save(session)
    assert isinstance(problem, StoreError) and problem.action == "save"
    assert keeper.unsaved and not keeper.copy_current
    store.ensure_folder()
    assert keeper.save(session) is None and not keeper.unsaved
    assert store.load(path).unit == "Anden"
    keeper.release()


def test_while_the_folder_fails_every_change_goes_to_the_copy(
    store: SessionStore, path: Path, tmp_path: Path
) -> None:
    keeper = Keeper.open(store, path)
    session = store.load(path)
    copy = tmp_path / "kopi.toml"
    assert keeper.save_copy(session, copy) is None
    assert keeper.copy == copy and keeper.copy_current and keeper.path == path
    shutil.rmtree(store.folder)
    session.unit = "Kun i kopien"
    assert isinstance(keeper.save(session), StoreError)
    assert keeper.unsaved and keeper.copy_current
    assert SessionStore(tmp_path).load(copy).unit == "Kun i kopien"
    copy.unlink()
    tmp_path.chmod(0o700)
    (tmp_path / "kopi.toml").mkdir()  # now the copy fails too
    session.unit = "Ingen steder"
    assert isinstance(keeper.save(session), StoreError)
    assert keeper.unsaved and not keeper.copy_current
    keeper.release()


def test_probing_says_whether_the_file_could_be_saved_without_writing_it(
    store: SessionStore, path: Path
) -> None:
    keeper = Keeper.open(store, path)
    before = path.stat().st_mtime_ns
    assert keeper.probe() is None and not keeper.unsaved
    assert path.stat().st_mtime_ns == before
    shutil.rmtree(store.folder)
    problem = keeper.probe()
    assert isinstance(problem, StoreError) and keeper.unsaved
    keeper.release()


def test_a_copy_into_a_folder_that_is_not_there_says_where(
    store: SessionStore, path: Path, tmp_path: Path
) -> None:
    keeper = Keeper.open(store, path)
    target = tmp_path / "nowhere" / "kopi.toml"
    problem = keeper.save_copy(store.load(path), target)
    assert isinstance(problem, StoreError) and problem.path == target
    assert keeper.copy is None and not keeper.copy_current
    loop = tmp_path / "loop.toml"
    loop.symlink_to(loop)
    problem = keeper.save_copy(store.load(path), loop)
    assert isinstance(problem, OutputRefused) and "cannot check it" in str(problem)
    assert keeper.copy is None
    keeper.release()


def test_a_path_that_cannot_be_used_is_the_stores_error_in_one_line(tmp_path: Path) -> None:
    target = tmp_path / "x.toml"
    missing = Keeper.problem_at(target, FileNotFoundError(errno.ENOENT, "No such file"))
    assert (missing.path, missing.action, missing.reason) == (target, "save", "other")
    assert missing.detail == "No such file"
    odd = Keeper.problem_at(target, ValueError("embedded null byte"))
    assert (odd.path, odd.action, odd.reason) == (target, "save", "other")
    assert odd.detail == "not a usable path"
    full = Keeper.problem_at(target, OSError(errno.ENOSPC, "No space left on device"))
    assert full.reason == "disk_full"


# -- finishing, the report, last time -------------------------------------------------------------
def test_finishing_saves_a_finished_copy_and_lists_it_finished(
    store: SessionStore, path: Path, clock: FakeClock
) -> None:
    keeper = Keeper.open(store, path)
    session = store.load(path)
    assert keeper.try_finish(session, clock) is None
    assert not session.finished  # the live workshop: the app finishes it after this
    assert store.load(path).finished
    entry = cached(store, path)
    assert entry["key"] == key_of(path)  # listed without reading the file again
    assert entry["summary"]["status"] == "finished"  # type: ignore[index]
    keeper.release()


def test_a_finish_that_cannot_be_saved_leaves_the_file_as_it_was(
    store: SessionStore, path: Path, clock: FakeClock
) -> None:
    keeper = Keeper.open(store, path)
    session = store.load(path)
    shutil.rmtree(store.folder)
    problem = keeper.try_finish(session, clock)
    assert isinstance(problem, StoreError) and keeper.unsaved and not session.finished
    keeper.release()


def test_the_report_is_written_beside_the_workshop(store: SessionStore, path: Path) -> None:
    keeper = Keeper.open(store, path)
    report = keeper.write_report()
    assert report == path.with_suffix(".md")
    assert "AMG Lager" in report.read_text("utf-8")
    assert oct(report.stat().st_mode & 0o777) == "0o600"
    report.unlink()
    report.mkdir()  # something in the way: said, not raised
    assert isinstance(keeper.write_report(), StoreError)
    keeper.release()


def test_last_time_and_the_amgs_workshops_come_from_the_listing(
    store: SessionStore, config: Config, clock: FakeClock, path: Path
) -> None:
    later = workshop(store, config, clock, "amg lager", dt.date(2026, 11, 1))
    workshop(store, config, clock, "AMG Kontor", dt.date(2026, 6, 1))
    keeper = Keeper.open(store, later)
    session = store.load(later)
    previous, trend = keeper.links(session)
    assert previous is not None and previous[1] == path
    assert previous[0].amg == "AMG Lager" and previous[0].date == DAY
    assert trend is not None and [v.session_id for v in trend.visits] == [path.stem, later.stem]
    first, trend = Keeper.open(store, path, force_readonly=True).links(store.load(path))
    assert first is None and trend is not None and len(trend.visits) == 2
    keeper.release()


# -- saying what went wrong ------------------------------------------------------------------------
def test_a_failed_save_is_said_in_the_workshops_language(tmp_path: Path) -> None:
    da, en = load_content("da"), load_content("en")
    target = tmp_path / "x.toml"
    full = StoreError(target, "save", OSError(errno.ENOSPC, "No space left on device"))
    assert describe(da, full) == f"{target}: ikke gemt – disken er fuld"
    other = StoreError(target, "save", OSError(errno.EIO, "Input/output error"))
    assert describe(da, other) == f"{target}: ikke gemt – Input/output error"
    folder = StoreError(tmp_path, "create_folder", OSError(errno.EROFS, "Read-only"))
    said = f"{tmp_path}: mappen kan ikke oprettes – skrivebeskyttet filsystem"
    assert describe(da, folder) == said
    said = describe(en, full)
    assert said.startswith(f"{target}: ") and "full" in said
    broken = describe(da, SessionError("x.toml", "no such file"))
    assert broken.startswith("x.toml: ") and "no such file" not in broken


def test_a_copy_to_a_path_that_cannot_even_be_looked_at_is_said_not_raised(
    store: SessionStore, path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import amk_tui.keeper as keeper_module

    def cannot(target: Path, *_: object) -> None:
        raise OSError(errno.ENAMETOOLONG, "File name too long")

    keeper = Keeper.open(store, path)
    monkeypatch.setattr(keeper_module, "refuse_copy", cannot)
    target = tmp_path / "kopi.toml"
    problem = keeper.save_copy(store.load(path), target)
    assert isinstance(problem, StoreError)
    assert (problem.path, problem.action, problem.detail) == (target, "save", "File name too long")
    assert keeper.copy is None and not target.exists()

    def loop(target: Path, *_: object) -> None:
        raise RuntimeError("Symlink loop")

    monkeypatch.setattr(keeper_module, "refuse_copy", loop)
    problem = keeper.save_copy(store.load(path), target)
    assert isinstance(problem, StoreError) and problem.detail == "not a usable path"
    keeper.release()
