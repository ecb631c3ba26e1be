"""Ctrl+S's copy (`refuse_copy`, `Keeper.save_copy`): a copy never replaces a device, a FIFO,
amk's bookkeeping or another workshop; the workshop stays in its own file."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from amk_tui.config import Config
from amk_tui.core.clock import FakeClock
from amk_tui.core.setup import new_session
from amk_tui.keeper import Keeper
from amk_tui.outputs import OutputRefused, refuse_copy
from amk_tui.store import SessionStore


def workshop(store: SessionStore, config: Config, clock: FakeClock, amg: str) -> Path:
    session = new_session(amg, config.program, groups=["A"], date=dt.date(2026, 12, 2),
                          clock=clock)  # fmt: skip
    return store.create(session)


def test_a_copy_may_go_anywhere_new_or_onto_itself(tmp_path: Path, config: Config,
                                                    clock: FakeClock) -> None:  # fmt: skip
    store = SessionStore(tmp_path / "s")
    own = workshop(store, config, clock, "Lager")
    refuse_copy(tmp_path / "copy.toml", own)  # new: fine
    refuse_copy(own, own)  # its own file: fine (the app saves it in place)
    other_text = tmp_path / "notes.txt"
    other_text.write_text("not a session")
    refuse_copy(other_text, own)  # an ordinary file: the app asks before replacing it


@pytest.mark.parametrize("what", ["device", "fifo", "folder", "other", "lock", "index"])
def test_a_copy_is_refused_where_it_would_destroy(
    tmp_path: Path, config: Config, clock: FakeClock, what: str
) -> None:
    store = SessionStore(tmp_path / "s")
    own = workshop(store, config, clock, "Lager")
    other = workshop(store, config, clock, "Kantine")
    targets = {
        "device": Path("/dev/null"),
        "fifo": tmp_path / "pipe.toml",
        "folder": tmp_path,
        "other": other,
        "lock": store.folder / f".{own.name}.lock",
        "index": store.folder / ".amk-index.json",
    }
    if what == "fifo":
        os.mkfifo(targets["fifo"])
    with pytest.raises(OutputRefused):
        refuse_copy(targets[what], own)


def test_keeper_refuses_to_copy_onto_another_workshop_and_keeps_both(
    tmp_path: Path, config: Config, clock: FakeClock
) -> None:
    store = SessionStore(tmp_path / "s")
    own = workshop(store, config, clock, "Lager")
    other = workshop(store, config, clock, "Kantine")
    before = other.read_bytes()
    keeper = Keeper.open(store, own)
    try:
        session = store.load(own)
        problem = keeper.save_copy(session, other)
        assert isinstance(problem, OutputRefused) and "another workshop" in str(problem)
        assert other.read_bytes() == before and keeper.copy is None
        copy = tmp_path / "elsewhere.toml"
        assert keeper.save_copy(session, copy) is None
        assert keeper.path == own and keeper.copy == copy  # the workshop did not move
    finally:
        keeper.release()


def test_probing_a_linked_session_tries_the_target_s_folder(
    tmp_path: Path, config: Config, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tempfile

    store = SessionStore(tmp_path / "s")
    real = workshop(store, config, clock, "Lager")
    elsewhere = tmp_path / "links"
    elsewhere.mkdir()
    link = elsewhere / real.name
    link.symlink_to(real)
    tried: list[str] = []
    mkstemp = tempfile.mkstemp

    def recording(*args: object, **kwargs: object) -> tuple[int, str]:
        tried.append(str(kwargs.get("dir")))
        return mkstemp(*args, **kwargs)  # type: ignore[call-overload, no-any-return]

    monkeypatch.setattr(tempfile, "mkstemp", recording)
    keeper = Keeper.open(SessionStore(elsewhere), link)
    try:
        assert keeper.probe() is None
        assert tried == [str(store.folder)]  # where saving will write: beside the target
        assert link.is_symlink() and not list(elsewhere.glob(".*probe*"))
    finally:
        keeper.release()
