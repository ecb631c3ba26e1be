"""The session store: atomic 0600 writes, corrupt files reported and untouched, slugs, lock."""

from __future__ import annotations

import datetime as dt
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from amk_tui.config import Config
from amk_tui.core.clock import FakeClock
from amk_tui.core.session import Session
from amk_tui.store import SessionStore, StoreError, slugify


def make(
    config: Config, clock: FakeClock, amg: str = "Lager AMG", date: dt.date = dt.date(2026, 11, 26)
) -> Session:
    s = Session(amg=amg, program=config.program, clock=clock, date=date)
    s.add_group().scores["viden"] = 2
    return s


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Lager AMG", "lager-amg"),
        ("../x", "x"),
        ("a/b\\c", "a-b-c"),
        ("Ærø Østby Å", "aeroe-oestby-aa"),
        ("   ", "amg"),
        ("..", "amg"),
        ("Café  Ü", "cafe-u"),
        ("x" * 99, "x" * 40),
    ],
)
def test_slugs_are_safe(name: str, slug: str) -> None:
    assert slugify(name) == slug


def test_create_names_files_and_keeps_the_name(
    store: SessionStore, config: Config, clock: FakeClock
) -> None:
    first = store.create(make(config, clock, "../etc/passwd"))
    second = store.create(make(config, clock, "../etc/passwd"))
    assert first.name == "2026-11-26-etc-passwd.toml"
    assert second.name == "2026-11-26-etc-passwd-2.toml"
    assert first.parent == store.folder
    assert store.load(first).amg == "../etc/passwd"


def test_modes_are_private(store: SessionStore, config: Config, clock: FakeClock) -> None:
    path = store.create(make(config, clock))
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(store.folder.stat().st_mode) == 0o700


def test_a_crash_before_replace_leaves_the_old_file(
    store: SessionStore, config: Config, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    s = make(config, clock)
    path = store.create(s)
    before = path.read_bytes()
    s.notes["hvorfor"] = "new text"

    def boom(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(StoreError, match="the disk is full"):
        store.save(s, path)
    assert path.read_bytes() == before
    assert [p.name for p in store.folder.iterdir() if p.name.endswith(".tmp")] == []


def test_corrupt_files_are_reported_and_left_untouched(
    store: SessionStore, config: Config, clock: FakeClock
) -> None:
    good = store.create(make(config, clock))
    broken = store.folder / "2026-01-01-broken.toml"
    broken.write_text("schema = 1\namg = [unclosed\n")
    seven = store.folder / "2026-01-02-seven.toml"
    text = good.read_text().replace("viden = 2", "viden = 7")
    seven.write_text(text)
    missing = store.folder / "2026-01-03-missing.toml"
    missing.write_text(good.read_text().replace('amg = "Lager AMG"\n', ""))
    snapshot = {p: p.read_bytes() for p in (broken, seven, missing)}
    entries, bad = store.scan()
    assert [e.path for e in entries] == [good]
    assert {u.path.name: u.problem.split(" ")[0] for u in bad} == {
        "2026-01-01-broken.toml": "not",
        "2026-01-02-seven.toml": "groups[0].scores.viden:",
        "2026-01-03-missing.toml": "amg:",
    }
    assert {p: p.read_bytes() for p in snapshot} == snapshot


def test_newest_first_and_previous_of_the_same_amg(
    store: SessionStore, config: Config, clock: FakeClock
) -> None:
    old = make(config, clock, "Lager AMG", dt.date(2026, 3, 1))
    other = make(config, clock, "Kontor", dt.date(2026, 6, 1))
    new = make(config, clock, "lager amg", dt.date(2026, 11, 26))
    for s in (old, other, new):
        store.create(s)
    entries, _ = store.scan()
    assert [e.session.date.month for e in entries] == [11, 6, 3]
    prev = store.previous(new)
    assert prev is not None and prev.session.id == old.id
    assert store.previous(old) is None


def test_resume_takes_the_workshop_worked_on_last_when_two_share_a_day(
    store: SessionStore, config: Config, clock: FakeClock
) -> None:
    day = dt.date(2026, 11, 26)
    warehouse, test = (make(config, clock, name, day) for name in ("Warehouse AMG", "Test AMG"))
    first, second = store.create(warehouse), store.create(test)
    os.utime(first, ns=(1_000_000_000_000, 1_000_000_000_000))
    os.utime(second, ns=(2_000_000_000_000, 2_000_000_000_000))  # "Test AMG" touched last
    entry = store.newest_unfinished()
    assert entry is not None and entry.session.amg == "Test AMG"
    os.utime(first, ns=(3_000_000_000_000, 3_000_000_000_000))  # now Warehouse was
    entry = store.newest_unfinished()
    assert entry is not None and entry.session.amg == "Warehouse AMG"


LOCK_HOLDER = """
import sys, time
from pathlib import Path
from amk_tui.store import SessionStore
lock = SessionStore(Path(sys.argv[1]).parent).lock(Path(sys.argv[1]))
print("locked" if lock else "busy", flush=True)
time.sleep(30)
"""


def test_a_second_process_gets_no_lock_until_the_first_dies(
    store: SessionStore, config: Config, clock: FakeClock
) -> None:
    path = store.create(make(config, clock))
    holder = subprocess.Popen(
        [sys.executable, "-c", LOCK_HOLDER, str(path)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        assert store.lock(path) is None
    finally:
        holder.kill()
        holder.wait()
    lock = store.lock(path)
    assert lock is not None
    lock.release()


def test_read_only_folder_reports_and_keeps_the_file(
    store: SessionStore, config: Config, clock: FakeClock
) -> None:
    if os.geteuid() == 0:
        pytest.skip("root ignores folder permissions; covered with a patched write instead")
    s = make(config, clock)
    path = store.create(s)
    store.folder.chmod(0o500)
    try:
        with pytest.raises(StoreError, match="not saved"):
            store.save(s, path)
    finally:
        store.folder.chmod(0o700)


def test_purge_deletes_only_old_readable_sessions(
    store: SessionStore, config: Config, clock: FakeClock
) -> None:
    old = store.create(make(config, clock, "A", dt.date(2025, 1, 1)))
    recent = store.create(make(config, clock, "B", dt.date(2026, 11, 1)))
    broken = store.folder / "2020-01-01-x.toml"
    broken.write_text("nope = ")
    doomed = store.purgeable(90, dt.date(2026, 11, 26))
    assert [e.path for e in doomed] == [old]
    for e in doomed:
        store.delete(e)
    assert not old.exists() and recent.exists() and broken.exists()


def test_purge_takes_the_report_and_keeps_a_session_open_in_amk(
    store: SessionStore, config: Config, clock: FakeClock
) -> None:
    done = store.create(make(config, clock, "A", dt.date(2025, 1, 1)))
    done.with_suffix(".md").write_text("# notes")
    open_now = store.create(make(config, clock, "B", dt.date(2025, 2, 1)))
    held = store.lock(open_now)
    assert held is not None
    try:
        results = {e.path: store.delete(e) for e in store.purgeable(90, dt.date(2026, 11, 26))}
    finally:
        held.release()
    assert results == {done: True, open_now: False}
    assert not done.exists() and not done.with_suffix(".md").exists()
    assert not done.with_name(f".{done.name}.lock").exists()
    assert open_now.exists()


def test_listing_an_empty_or_absent_folder(tmp_path: Path) -> None:
    assert SessionStore(tmp_path / "none").scan() == ([], [])


def test_summaries_come_from_the_index_until_a_file_changes(
    store: SessionStore, config: Config, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    s = make(config, clock, "Lager AMG")
    path = store.create(s)
    (store.folder / "2026-01-01-bad.toml").write_text("x = [")
    first, bad = store.summaries()
    assert [x.amg for x in first] == ["Lager AMG"] and [u.path.name for u in bad] == [
        "2026-01-01-bad.toml"
    ]
    assert first[0].means[-1] == 2 and first[0].groups == 1
    index = store.folder / ".amk-index.json"
    assert stat.S_IMODE(index.stat().st_mode) == 0o600
    loads: list[Path] = []
    real_load = store.load

    def counting_load(p: Path) -> Session:
        loads.append(p)
        return real_load(p)

    monkeypatch.setattr(store, "load", counting_load)
    again, bad_again = store.summaries()
    assert again == first and bad_again == bad and loads == []  # nothing parsed again
    s.amg = "Lager AMG (ny)"
    store.save(s, path)
    changed, _ = store.summaries()
    assert changed[0].amg == "Lager AMG (ny)" and loads == [path]


def test_a_damaged_index_is_rebuilt(store: SessionStore, config: Config, clock: FakeClock) -> None:
    store.create(make(config, clock))
    store.ensure_folder()
    (store.folder / ".amk-index.json").write_text("{not json")
    summaries, _ = store.summaries()
    assert len(summaries) == 1
    (store.folder / ".amk-index.json").write_text('{"2026-11-26-lager-amg.toml": {"key": 1}}')
    assert len(store.summaries()[0]) == 1


def test_previous_reads_only_files_named_for_that_amg(
    store: SessionStore, config: Config, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    old = make(config, clock, "Lager AMG", dt.date(2026, 3, 1))
    store.create(old)
    for i in range(5):
        store.create(make(config, clock, f"Andet {i}", dt.date(2026, 4, 1)))
    new = make(config, clock, "Lager AMG", dt.date(2026, 11, 26))
    store.create(new)
    loads: list[str] = []
    real_load = store.load

    def counting_load(p: Path) -> Session:
        loads.append(p.name)
        return real_load(p)

    monkeypatch.setattr(store, "load", counting_load)
    prev = store.previous(new)
    assert prev is not None and prev.session.id == old.id
    assert loads == ["2026-03-01-lager-amg.toml"]


def test_create_never_hands_out_a_name_twice(
    store: SessionStore, config: Config, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = store.create(make(config, clock))
    # another amk picked the same next name between our look and our write
    taken = first.with_name(f"{first.stem}-2.toml")
    real = store.new_path
    calls = iter([taken])

    def racing(date: dt.date, amg: str) -> Path:
        path = next(calls, None)
        if path is not None:
            path.write_text("# the other amk's session\n")
            return path
        return real(date, amg)

    monkeypatch.setattr(store, "new_path", racing)
    second = store.create(make(config, clock))
    assert second.name == f"{first.stem}-3.toml"
    assert taken.read_text() == "# the other amk's session\n"
