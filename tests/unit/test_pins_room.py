"""The room window's view of the file: what it shows while the console saves, breaks or
loses the file, and who it can tell is there (the console, another room, a browser room)."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from amk_tui.config import Config
from amk_tui.core.clock import FakeClock
from amk_tui.core.session import Session
from amk_tui.room.follow import Follower, Stamp, stamp
from amk_tui.room.presence import (
    RoomMark,
    console_alive,
    console_lock_path,
    room_following,
    room_lock_path,
    web_note_path,
    web_room_url,
)
from amk_tui.store import SessionStore


@pytest.fixture
def path(store: SessionStore, config: Config, clock: FakeClock) -> Path:
    session = Session(amg="AMG Rum", program=config.program, clock=clock, date=dt.date(2026, 5, 1))
    return store.create(session)


def bump(path: Path, ns: int) -> None:
    """A later mtime, as a save a moment later has."""
    info = path.stat()
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns + ns))


# -- following the file ------------------------------------------------------------------------
def test_the_room_reads_the_file_once_and_again_only_when_it_changed(
    path: Path, store: SessionStore, clock: FakeClock
) -> None:
    follower = Follower(path, clock=clock)
    assert follower.session is None and follower.problem == ""
    assert follower.poll() is True
    first = follower.session
    assert first is not None and first.amg == "AMG Rum" and follower.problem == ""
    assert follower.poll() is False and follower.session is first  # unchanged: not read
    first.unit = "Pakkeri"
    store.save(first, path)
    bump(path, 1_000_000)
    assert follower.poll() is True
    assert follower.session is not first and follower.session.unit == "Pakkeri"
    assert follower.poll() is False


def test_a_broken_or_missing_file_keeps_the_last_picture_and_says_why(
    path: Path, clock: FakeClock
) -> None:
    follower = Follower(path, clock=clock)
    follower.poll()
    shown = follower.session
    good = path.read_bytes()
    path.write_text("amg = [", "utf-8")
    assert follower.poll() is False
    assert follower.session is shown  # the last picture stays
    assert follower.problem.startswith("not valid TOML")
    assert follower.poll() is False and follower.problem.startswith("not valid TOML")
    path.unlink()
    assert follower.poll() is False and follower.problem == "missing"
    assert follower.session is shown
    path.write_bytes(good)
    bump(path, 2_000_000)
    assert follower.poll() is True and follower.problem == ""
    assert follower.session is not None and follower.session is not shown
    assert follower.session.amg == "AMG Rum"


def test_a_room_opened_on_a_broken_file_shows_it_once_it_is_mended(
    path: Path, clock: FakeClock
) -> None:
    good = path.read_bytes()
    path.write_text("amg = [", "utf-8")
    follower = Follower(path, clock=clock)
    assert follower.poll() is False and follower.session is None
    assert follower.problem.startswith("not valid TOML")
    path.write_bytes(good)
    bump(path, 3_000_000)
    assert follower.poll() is True and follower.session is not None


def test_a_stamp_is_what_stat_says(path: Path, tmp_path: Path) -> None:
    info = path.stat()
    assert stamp(path) == Stamp(info.st_ino, info.st_size, info.st_mtime_ns)
    assert stamp(tmp_path / "nothing.toml") is None


# -- who is there ---------------------------------------------------------------------------------
def test_the_room_sees_the_console_while_it_holds_the_file(path: Path, store: SessionStore) -> None:
    assert console_lock_path(path) == path.with_name(f".{path.name}.lock")
    assert not console_alive(path)  # nobody ever opened it
    lock = store.lock(path)
    assert lock is not None
    assert console_alive(path)
    lock.release()
    assert not console_alive(path)


def test_the_console_sees_a_room_while_its_mark_is_held(path: Path) -> None:
    assert room_lock_path(path) == path.with_name(f".{path.name}.room")
    assert not room_following(path)
    mark = RoomMark(path)
    other = RoomMark(path)  # a second room window: shared, both hold it
    assert mark.held and other.held
    assert room_following(path)
    assert oct(room_lock_path(path).stat().st_mode & 0o777) == "0o600"
    mark.release()
    assert not mark.held and room_following(path)
    other.release()
    other.release()  # twice is harmless
    assert not room_following(path)


def test_a_room_that_cannot_mark_itself_runs_unmarked(tmp_path: Path) -> None:
    mark = RoomMark(tmp_path / "no-such-folder" / "x.toml")
    assert not mark.held
    mark.release()


def test_a_browser_room_leaves_its_address_for_the_console(path: Path, tmp_path: Path) -> None:
    note = web_note_path(path)
    assert note == path.with_name(f".{path.name}.web")
    assert web_room_url(path) == ""
    note.write_text("http://127.0.0.1:8765/\n", "utf-8")
    assert web_room_url(path) == "http://127.0.0.1:8765/"
    note.write_text("https://example.com/", "utf-8")
    assert web_room_url(path) == ""  # only what a browser room writes: a local http address
    note.write_text("http://a/\nhttp://b/", "utf-8")
    assert web_room_url(path) == ""
    note.unlink()
    elsewhere = tmp_path / "elsewhere.txt"
    elsewhere.write_text("http://evil/", "utf-8")
    note.symlink_to(elsewhere)
    assert web_room_url(path) == ""  # never through a link


def open_files() -> int:
    return len(os.listdir("/proc/self/fd"))


def test_asking_who_is_there_a_thousand_times_leaves_no_file_open(
    path: Path, store: SessionStore
) -> None:
    """The room asks several times a second for hours: every look closes what it opened."""
    lock = store.lock(path)
    assert lock is not None
    held = RoomMark(path)
    before = open_files()
    for _ in range(200):
        console_alive(path)
        room_following(path)
    assert open_files() == before
    lock.release()
    held.release()
    # while the console asks (an exclusive look), a room that cannot mark itself closes up
    from amk_tui.oslock import try_lock, unlock

    fd = os.open(room_lock_path(path), os.O_RDONLY)
    assert try_lock(fd, shared=False)
    before = open_files()
    for _ in range(50):
        assert not RoomMark(path).held
    assert open_files() == before
    unlock(fd)
    os.close(fd)
