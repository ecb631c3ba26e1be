"""Renaming an AMG and merging two spellings: journaled, so a stopped one always finishes;
0600, nothing lost, no copy left behind."""

from __future__ import annotations

import datetime as dt
import os
import stat
from pathlib import Path

import pytest

from amk_tui import amg_files, history
from amk_tui.amg_files import AmgFilesError, merge_amgs, rename_amg
from amk_tui.config import Config
from amk_tui.core.clock import FakeClock
from amk_tui.store import SessionStore
from tests.unit.history_support import tendens_folder, workshop


def snapshot(store: SessionStore) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(store.folder.glob("*.toml"))}


def amgs(store: SessionStore) -> dict[str, str]:
    return {p.name: store.load(p).amg for p in sorted(store.folder.glob("*.toml"))}


@pytest.fixture
def folder(store: SessionStore, config: Config, clock: FakeClock) -> SessionStore:
    tendens_folder(store, config, clock)
    return store


def test_rename_changes_every_spelling_and_nothing_else(folder: SessionStore) -> None:
    before = snapshot(folder)
    changed = rename_amg(folder, "amg tendens", "AMG Tendens og Trivsel")
    assert len(changed) == 4
    names = amgs(folder)
    assert sorted(set(names.values())) == ["AMG Kontor", "AMG Tendens og Trivsel"]
    for name, data in snapshot(folder).items():
        mode = stat.S_IMODE((folder.folder / name).stat().st_mode)
        assert mode == 0o600
        if names[name] == "AMG Kontor":
            assert data == before[name]  # the other AMG's file is not rewritten
    trend = history.trend_for(folder, "amg tendens og trivsel")
    assert trend is not None and len(trend.visits) == 4
    assert history.trend_for(folder, "AMG Tendens") is None
    assert not list(folder.folder.glob(".*.tmp"))


def test_rename_refuses_an_unknown_amg_and_a_name_taken(folder: SessionStore) -> None:
    before = snapshot(folder)
    with pytest.raises(AmgFilesError) as unknown:
        rename_amg(folder, "AMG Ingen", "X")
    assert unknown.value.reason == "unknown"
    with pytest.raises(AmgFilesError) as taken:
        rename_amg(folder, "AMG Tendens", "amg kontor")
    assert taken.value.reason == "exists"
    with pytest.raises(AmgFilesError) as empty:
        rename_amg(folder, "AMG Tendens", " - ")
    assert empty.value.reason == "empty"
    assert snapshot(folder) == before


def test_merge_two_spellings_into_one(
    folder: SessionStore, config: Config, clock: FakeClock
) -> None:
    folder.create(workshop(config, clock, "Tendens-AMG", dt.date(2026, 2, 1), (5, 4)))
    merge_amgs(folder, "Tendens AMG", "amg tendens")
    trend = history.trend_for(folder, "AMG Tendens")
    assert trend is not None and len(trend.visits) == 5
    assert set(amgs(folder).values()) == {"AMG Tendens", "AMG Kontor"}
    with pytest.raises(AmgFilesError) as same:
        merge_amgs(folder, "AMG Tendens", "amg  tendens")
    assert same.value.reason == "same"


def test_an_open_workshop_refuses_the_whole_rename(folder: SessionStore) -> None:
    before = snapshot(folder)
    path = sorted(folder.folder.glob("*tendens*.toml"))[1]
    lock = folder.lock(path)
    assert lock is not None
    try:
        with pytest.raises(AmgFilesError) as refused:
            rename_amg(folder, "AMG Tendens", "Ny")
    finally:
        lock.release()
    assert refused.value.reason == "open"
    assert snapshot(folder) == before


def test_a_failure_while_writing_leaves_each_file_whole_and_any_later_command_finishes(
    folder: SessionStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The third file fails (disk full): the first two carry the new name, every file is
    whole, the journal stays; a re-run finishes it and says how many files it renamed."""
    real = amg_files._write_temp
    calls = []

    def failing(tmp: Path, text: str) -> None:
        calls.append(tmp)
        if len(calls) == 3:
            raise OSError(28, "No space left on device")
        real(tmp, text)

    monkeypatch.setattr(amg_files, "_write_temp", failing)
    with pytest.raises(AmgFilesError) as failed:
        rename_amg(folder, "AMG Tendens", "Ny")
    assert failed.value.reason == "halfway" and failed.value.done == 2
    assert (folder.folder / amg_files.JOURNAL).exists()
    assert sorted(amgs(folder).values()).count("Ny") == 2  # every file loads: old or new
    assert not list(folder.folder.glob(".*.amg-tmp"))
    monkeypatch.setattr(amg_files, "_write_temp", real)
    with pytest.raises(AmgFilesError) as again:  # the README's "run it again": it finishes
        rename_amg(folder, "AMG Tendens", "Ny")
    assert again.value.reason == "already" and again.value.values["n"] == "4"
    assert sorted(set(amgs(folder).values())) == ["AMG Kontor", "Ny"]
    assert not (folder.folder / amg_files.JOURNAL).exists()


def test_a_failure_between_moves_is_finished_by_the_next_command(
    folder: SessionStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = os.replace
    moves = []

    def failing(src: str, dst: object) -> None:
        if str(dst).endswith(".toml"):  # a session's move (not the journal's)
            moves.append(dst)
        if len(moves) == 2:
            raise OSError(5, "Input/output error")
        real(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "replace", failing)
    with pytest.raises(AmgFilesError) as failed:
        rename_amg(folder, "AMG Tendens", "Ny AMG")
    assert failed.value.reason == "halfway" and failed.value.done == 1
    monkeypatch.setattr(os, "replace", real)
    names = amgs(folder)  # every file still loads: old or new, never half
    assert sorted(names.values()).count("Ny AMG") == 1
    assert [p.name for p in folder.folder.iterdir() if p.name.endswith("tmp")] == []
    finished = amg_files.finish_pending(folder)  # what `amk list` (any command) does first
    assert finished is not None and finished.name == "Ny AMG"
    assert sorted(set(amgs(folder).values())) == ["AMG Kontor", "Ny AMG"]
    assert amg_files.finish_pending(folder) is None


def test_a_link_to_a_session_is_the_same_session_not_an_open_one(folder: SessionStore) -> None:
    """A symbolic link alias made every rename fail with a false "is open"."""
    target = sorted(folder.folder.glob("*tendens*.toml"))[0]
    (folder.folder / "alias.toml").symlink_to(target.name)
    changed = rename_amg(folder, "AMG Tendens", "Ny")
    assert len(changed) == 4
    assert (folder.folder / "alias.toml").is_symlink()
    assert folder.load(folder.folder / "alias.toml").amg == "Ny"


def test_a_session_that_cannot_be_read_refuses_before_anything_moves(
    folder: SessionStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before, an unreadable file of the AMG was skipped and the command said it was done."""
    from amk_tui.files import FileProblem, read_regular

    hidden = sorted(folder.folder.glob("*tendens*.toml"))[0]
    before = snapshot(folder)
    real = read_regular

    def denied(path: Path, limit: int) -> bytes:  # root reads any file: a user could not
        if path.name == hidden.name:
            raise FileProblem(path, "Permission denied")
        return real(path, limit)

    monkeypatch.setattr("amk_tui.store.read_regular", denied)
    with pytest.raises(AmgFilesError) as refused:
        rename_amg(folder, "AMG Tendens", "Ny")
    assert refused.value.reason == "unreadable"
    monkeypatch.setattr("amk_tui.store.read_regular", real)
    assert snapshot(folder) == before


def test_leftover_temp_copies_are_removed_by_the_next_command(folder: SessionStore) -> None:
    """An earlier version's rename, killed while staging, left hidden copies with notes."""
    old = folder.folder / ".2026-01-05-amg-tendens.toml.abc123.tmp"
    old.write_text("notes = 'fortroligt'\n")
    fresh = folder.folder / ".2026-01-05-amg-tendens.toml.def456.tmp"
    fresh.write_text("a save under way\n")
    stale = amg_files.STALE + 60
    os.utime(old, (old.stat().st_atime - stale, old.stat().st_mtime - stale))
    (folder.folder / ".x.toml.amg-tmp").write_text("half")
    assert amg_files.finish_pending(folder) is None
    assert not old.exists() and fresh.exists()  # a save under way right now is not touched
    assert not (folder.folder / ".x.toml.amg-tmp").exists()
