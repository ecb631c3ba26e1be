"""Session files written by earlier versions load forever, and loading never rewrites them."""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
from pathlib import Path

import pytest

from amk_tui.core.clock import FakeClock
from amk_tui.core.session import SCHEMA, Session, amg_key
from amk_tui.store import SessionStore

OLD = Path(__file__).resolve().parents[1] / "data" / "sessions"
FILES = sorted(OLD.glob("v*/*.toml"))


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_there_are_old_files_to_check() -> None:
    assert len(FILES) >= 3


@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_old_file_loads_and_is_not_changed(path: Path, tmp_path: Path) -> None:
    copy = tmp_path / path.name
    shutil.copy2(path, copy)
    before = digest(copy)
    session = SessionStore(tmp_path, clock=FakeClock()).load(copy)
    assert session.amg.strip()
    assert session.amg_id == amg_key(session.amg)
    assert digest(copy) == before
    # written again in today's schema, it reads back the same
    again = Session.from_dict(session.to_dict(), clock=FakeClock())
    assert again.to_dict() == session.to_dict()
    assert session.to_dict()["schema"] == SCHEMA


def test_v1_variant2_keeps_rows_draft_and_unknown_keys() -> None:
    session = SessionStore(OLD / "v1", clock=FakeClock()).load(
        OLD / "v1" / "2026-02-11-amg-vaerksted-co.toml"
    )
    assert session.variant == 2
    assert not session.revealed
    assert [len(g.rows) for g in session.groups] == [3, 2]
    assert session.draft["what"] == "Halvt skrevet"
    assert session.extra["future_key"]["text"] == "behold mig"
    assert session.groups[0].extra == {"colour": "teal"}
    assert session.place == "" and session.participants == [] and session.next_assessment is None


def test_v1_finished_keeps_actions_and_status() -> None:
    session = SessionStore(OLD / "v1", clock=FakeClock()).load(
        OLD / "v1" / "2025-11-03-demo-amg.toml"
    )
    assert session.finished
    assert session.language == "en"
    assert [a.status for a in session.actions] == ["open", "in-progress", "dropped"]
    assert session.actions[1].deadline == dt.date(2026, 1, 15)


@pytest.mark.parametrize(
    ("typed", "key"),
    [
        ("AMG Tendens", "amg-tendens"),
        ("amg tendens", "amg-tendens"),
        ("AMG  Tendens ", "amg-tendens"),
        ("AMG-Tendens", "amg-tendens"),
        ("Lager & Logistik / Ålborg", "lager-logistik-ålborg"),
        ("", ""),
    ],
)
def test_amg_key_folds_case_spaces_and_punctuation(typed: str, key: str) -> None:
    assert amg_key(typed) == key
