"""Renaming an AMG and merging two spellings: every file or none, 0600, nothing lost."""

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


def test_a_failure_while_writing_loses_nothing(
    folder: SessionStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The third temp file fails (disk full): no session changed, no temp file left."""
    before = snapshot(folder)
    real = amg_files.write_temp
    calls = []

    def failing(target: Path, text: str) -> str:
        calls.append(target)
        if len(calls) == 3:
            raise OSError(28, "No space left on device")
        return real(target, text)

    monkeypatch.setattr(amg_files, "write_temp", failing)
    with pytest.raises(AmgFilesError) as failed:
        rename_amg(folder, "AMG Tendens", "Ny")
    assert failed.value.reason == "not_written" and failed.value.done == 0
    assert snapshot(folder) == before
    assert [p.name for p in folder.folder.iterdir() if p.name.endswith(".tmp")] == []


def test_a_failure_between_moves_leaves_each_file_whole_and_a_rerun_finishes(
    folder: SessionStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = os.replace
    moves = []

    def failing(src: str, dst: object) -> None:
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
    assert [p.name for p in folder.folder.iterdir() if p.name.endswith(".tmp")] == []
    # Run again: the rest follows (the renamed one is another AMG now: merge it in)
    rename_amg(folder, "AMG Tendens", "Ny AMG X")
    merge_amgs(folder, "Ny AMG", "Ny AMG X")
    assert sorted(set(amgs(folder).values())) == ["AMG Kontor", "Ny AMG X"]
