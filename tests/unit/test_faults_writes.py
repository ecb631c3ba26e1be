"""Faults, third round: writes never follow a swapped link, two writers never overwrite each
other, a session opened through a link is one file for the console and the room."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from amk_tui.config import Config
from amk_tui.core.clock import FakeClock
from amk_tui.core.session import Session
from amk_tui.core.setup import new_session
from amk_tui.keeper import Keeper
from amk_tui.room.presence import console_alive
from amk_tui.room.watch import RoomWatch
from amk_tui.store import SessionStore


def workshop(config: Config, clock: FakeClock) -> Session:
    return new_session("AMG Skriv", config.program, groups=["", ""], clock=clock)


def test_a_link_swapped_in_for_the_live_file_is_never_followed(
    store: SessionStore, config: Config, clock: FakeClock, tmp_path: Path
) -> None:
    """Before, the next autosave replaced the link's target: a decoy became session TOML."""
    session = workshop(config, clock)
    path = store.create(session)
    keeper = Keeper.open(store, path)
    decoy = tmp_path / "decoy.txt"
    decoy.write_text("mine\n")
    path.unlink()
    path.symlink_to(decoy)
    session.groups[0].set_score("viden", 4)
    problem = keeper.save(session)
    assert problem is not None and problem.reason == "replaced"
    assert decoy.read_text() == "mine\n" and path.is_symlink()
    assert keeper.unsaved
    keeper.release()


def test_a_fifo_in_place_of_the_live_file_stays_a_fifo(
    store: SessionStore, config: Config, clock: FakeClock
) -> None:
    session = workshop(config, clock)
    path = store.create(session)
    keeper = Keeper.open(store, path)
    path.unlink()
    os.mkfifo(path)
    problem = keeper.save(session)
    assert problem is not None and problem.reason == "replaced"
    assert not path.is_file() and path.exists()  # still the FIFO, never a regular file
    keeper.release()


def test_a_sessions_folder_made_again_under_a_console_never_gives_two_writers(
    store: SessionStore, config: Config, clock: FakeClock, tmp_path: Path
) -> None:
    """Delete and recreate the folder under a running console: its lock went with it, a
    second `amk resume` opened read-write, and the two overwrote each other's scores."""
    session = workshop(config, clock)
    path = store.create(session)
    first = Keeper.open(store, path)
    kept = tmp_path / "kept.toml"
    shutil.copy(path, kept)
    shutil.rmtree(store.folder)
    store.folder.mkdir(mode=0o700)
    shutil.copy(kept, path)
    other = store.load(path)
    second = Keeper.open(store, path)
    assert not second.view_only  # the lock file was gone: the second amk may write
    other.groups[1].set_score("motivation", 5)
    assert second.save(other) is None
    session.groups[0].set_score("viden", 1)
    problem = first.save(session)  # the first notices before it writes
    assert problem is not None and problem.reason == "taken"
    assert store.load(path).groups[1].scores == {"motivation": 5}
    assert store.load(path).groups[0].scores == {}
    second.release()
    first.release()


def test_a_folder_made_again_with_nobody_else_is_written_again(
    store: SessionStore, config: Config, clock: FakeClock
) -> None:
    session = workshop(config, clock)
    path = store.create(session)
    keeper = Keeper.open(store, path)
    shutil.rmtree(store.folder)
    store.folder.mkdir(mode=0o700)
    session.groups[0].set_score("viden", 3)
    assert keeper.save(session) is None  # the lock is taken again, the file written
    assert store.load(path).groups[0].scores == {"viden": 3}
    assert store.lock(path) is None  # and held by this keeper
    keeper.release()


def test_a_session_opened_through_a_link_is_one_file_for_console_and_room(
    store: SessionStore, config: Config, clock: FakeClock
) -> None:
    """Presence looked beside the link, the lock beside the target: the room said it was
    waiting while the console ran."""
    session = workshop(config, clock)
    real = store.create(session)
    link = store.folder / "genvej.toml"
    link.symlink_to(real.name)
    keeper = Keeper.open(store, link)
    assert keeper.path == real
    room = RoomWatch(config, store.folder, link, clock=clock)
    assert room.path == real
    assert console_alive(room.path)
    session.groups[0].set_score("viden", 2)
    assert keeper.save(session) is None
    assert link.is_symlink() and store.load(link).groups[0].scores == {"viden": 2}
    keeper.release()
    room.release()
