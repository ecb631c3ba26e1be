"""The session store: atomic 0600 writes, corrupt files reported and untouched, slugs, lock."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import socket
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from amk_tui.config import Config
from amk_tui.core.clock import FakeClock
from amk_tui.core.errors import SessionError
from amk_tui.core.session import Session
from amk_tui.files import SESSION_LIMIT
from amk_tui.store import OutputRefused, SessionStore, StoreError, refuse_output, slugify


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
    store.refresh_index()
    first, bad = store.summaries()
    assert [x.amg for x in first] == ["Lager AMG"] and [u.path.name for u in bad] == [
        "2026-01-01-bad.toml"
    ]
    assert first[0].means[-1] == 2 and first[0].groups == 1
    index = store.index_path
    assert stat.S_IMODE(index.stat().st_mode) == 0o600
    assert stat.S_IMODE(index.parent.stat().st_mode) == 0o700
    assert not (store.folder / ".amk-index.json").exists()  # not in the sessions folder
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


def test_listing_writes_nothing_in_the_folder_and_keeps_its_cache_elsewhere(
    store: SessionStore, config: Config, clock: FakeClock
) -> None:
    """`amk list` in any folder holding .toml files (a project folder) leaves it as it was;
    what it read is kept in the user's cache folder, so the next listing reads nothing."""
    path = store.create(make(config, clock))
    store.index_path.unlink()
    before = sorted(p.name for p in store.folder.iterdir())
    assert [s.path for s in store.summaries()[0]] == [path]
    store.scan()
    store.purgeable(30, dt.date(2026, 11, 26))
    store.newest_unfinished()
    assert sorted(p.name for p in store.folder.iterdir()) == before
    assert store.index_path.is_file()  # a read-only listing keeps what it read


def test_a_damaged_index_is_rebuilt(store: SessionStore, config: Config, clock: FakeClock) -> None:
    store.create(make(config, clock))
    store.ensure_folder()
    store.index_path.write_text("{not json")
    summaries, _ = store.summaries()
    assert len(summaries) == 1
    store.index_path.write_text('{"2026-11-26-lager-amg.toml": {"key": 1}}')
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


# -- links, probes and what -o refuses ---------------------------------------------------------
def test_a_symlinked_session_stays_a_link_and_its_target_is_saved(
    store: SessionStore, config: Config, clock: FakeClock, tmp_path: Path
) -> None:
    s = make(config, clock)
    real = store.create(s)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    link = elsewhere / real.name
    link.symlink_to(real)
    s.notes["hvorfor"] = "saved through the link"
    store.save(s, link)
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert 'hvorfor = "saved through the link"' in real.read_text()
    assert stat.S_IMODE(real.stat().st_mode) == 0o600
    assert [p.name for p in elsewhere.iterdir()] == [real.name]  # no temp file left there
    lock = store.lock(link)
    assert lock is not None and (real.parent / f".{real.name}.lock").exists()
    lock.release()


def test_probe_checks_the_folder_without_touching_the_file(
    store: SessionStore, config: Config, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = store.create(make(config, clock))
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    names = sorted(p.name for p in store.folder.iterdir())
    store.probe(path)
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before
    assert sorted(p.name for p in store.folder.iterdir()) == names

    def read_only(*args: object, **kwargs: object) -> tuple[int, str]:
        raise OSError(30, "Read-only file system")

    monkeypatch.setattr("tempfile.mkstemp", read_only)
    with pytest.raises(StoreError) as info:
        store.probe(path)
    assert info.value.reason == "read_only" and info.value.action == "save"


def test_probe_of_a_missing_folder_fails(store: SessionStore) -> None:
    with pytest.raises(StoreError, match="not saved"):
        store.probe(store.folder / "nope" / "x.toml")


@pytest.fixture
def report_folder(store: SessionStore, config: Config, clock: FakeClock) -> Path:
    store.create(make(config, clock))
    return store.folder


def refused(target: Path, sources: list[Path] | None = None) -> str:
    with pytest.raises(OutputRefused) as info:
        refuse_output(target, sources or [])
    return info.value.problem


def test_output_onto_the_session_itself_or_any_session_is_refused(
    report_folder: Path, tmp_path: Path
) -> None:
    session = next(report_folder.glob("*.toml"))
    assert "session or a config" in refused(session, [session])
    copy = tmp_path / "minutes.md"
    shutil.copy(session, copy)  # a session under a report's name
    assert "holds an amk session" in refused(copy)
    hard = tmp_path / "hard.md"
    os.link(session, hard)
    assert "the session the report is made from" in refused(hard, [session])
    link = tmp_path / "link.md"
    link.symlink_to(session)
    assert "session or a config" in refused(link)
    assert "session or a config" in refused(tmp_path / "new.TOML")
    assert "bookkeeping" in refused(report_folder / ".amk-index.json")
    assert "bookkeeping" in refused(report_folder / f".{session.name}.lock")


def test_output_onto_a_folder_fifo_device_or_socket_is_refused(tmp_path: Path) -> None:
    assert "is a folder" in refused(tmp_path)
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    assert "is a FIFO" in refused(fifo)
    assert "is a device" in refused(Path("/dev/null"))
    link = tmp_path / "null.md"
    link.symlink_to("/dev/null")
    assert "is a device" in refused(link)
    sock_path = tmp_path / "s.md"
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(sock_path))
        assert "is a socket" in refused(sock_path)


def test_output_to_a_new_or_an_ordinary_file_is_fine(tmp_path: Path) -> None:
    refuse_output(tmp_path / "minutes.md")
    old = tmp_path / "old.md"
    old.write_text("# an older report\nschema = 1\n")
    refuse_output(old, [tmp_path / "nope.toml"])
    binary = tmp_path / "old.csv"
    binary.write_bytes(b"\xff\xfe")
    refuse_output(binary)


# -- folders, locks and modes under umask 000 --------------------------------------------------
@pytest.fixture
def open_umask() -> Iterator[None]:
    old = os.umask(0)
    try:
        yield
    finally:
        os.umask(old)


def test_missing_parents_are_made_0700_and_existing_ones_left_alone(
    tmp_path: Path, open_umask: None
) -> None:
    tmp_path.chmod(0o755)
    store = SessionStore(tmp_path / "a" / "b" / "c")
    store.ensure_folder()
    for folder in (tmp_path / "a", tmp_path / "a" / "b", tmp_path / "a" / "b" / "c"):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder
    assert stat.S_IMODE(tmp_path.stat().st_mode) == 0o755
    store.ensure_folder()  # again: nothing to make, still fine


def test_a_file_where_the_folder_should_be_is_a_store_error(tmp_path: Path) -> None:
    (tmp_path / "sessions").write_text("not a folder")
    with pytest.raises(StoreError, match="cannot create the folder"):
        SessionStore(tmp_path / "sessions").ensure_folder()
    with pytest.raises(StoreError, match="cannot create the folder"):
        SessionStore(tmp_path / "sessions" / "below").ensure_folder()


def test_lock_files_are_0600_even_under_umask_000(
    store: SessionStore, config: Config, clock: FakeClock, open_umask: None
) -> None:
    path = store.create(make(config, clock))
    lock_file = path.with_name(f".{path.name}.lock")
    lock_file.write_text("")
    lock_file.chmod(0o644)  # left by an older amk
    lock = store.lock(path)
    assert lock is not None
    assert stat.S_IMODE(lock_file.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    lock.release()


def test_where_no_lock_file_can_be_made_the_lock_is_granted(
    store: SessionStore, config: Config, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = store.create(make(config, clock))
    real_open = os.open

    def read_only(name: str | Path, flags: int, mode: int = 0o777) -> int:
        if str(name).endswith(".lock"):
            raise OSError(30, "Read-only file system")
        return real_open(name, flags, mode)

    monkeypatch.setattr(os, "open", read_only)
    first, second = store.lock(path), store.lock(path)
    assert first is not None and second is not None  # saving will report the folder itself
    assert not path.with_name(f".{path.name}.lock").exists()
    first.release()
    second.release()


def test_create_without_hard_links_claims_the_name_then_replaces_it(
    store: SessionStore, config: Config, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_links(src: str, dst: Path) -> None:
        raise OSError(1, "Operation not permitted")  # e.g. FAT or some network shares

    monkeypatch.setattr(os, "link", no_links)
    first = store.create(make(config, clock, "Lager"))
    second = store.create(make(config, clock, "Lager"))
    assert (first.name, second.name) == ("2026-11-26-lager.toml", "2026-11-26-lager-2.toml")
    assert store.load(second).amg == "Lager"
    assert stat.S_IMODE(second.stat().st_mode) == 0o600
    assert [p.name for p in store.folder.iterdir() if p.name.endswith(".tmp")] == []
    # another amk takes the next name between our look and our claim: the claim fails
    taken = first.with_name("2026-11-26-lager-3.toml")
    real = store.new_path
    calls = iter([taken])

    def racing(date: dt.date, amg: str) -> Path:
        path = next(calls, None)
        if path is not None:
            path.write_text("# the other amk's session\n")
            return path
        return real(date, amg)

    monkeypatch.setattr(store, "new_path", racing)
    third = store.create(make(config, clock, "Lager"))
    assert third.name == "2026-11-26-lager-4.toml"
    assert taken.read_text() == "# the other amk's session\n"


def test_a_failed_create_leaves_no_temp_file(
    store: SessionStore, config: Config, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.ensure_folder()
    monkeypatch.setattr(os, "fsync", lambda fd: (_ for _ in ()).throw(OSError(28, "full")))
    with pytest.raises(StoreError) as info:
        store.create(make(config, clock))
    assert info.value.reason == "disk_full"
    assert list(store.folder.iterdir()) == []


# -- purge's cut-off, resume's choice ----------------------------------------------------------
def test_purge_cut_off_is_exclusive(store: SessionStore, config: Config, clock: FakeClock) -> None:
    today = dt.date(2026, 11, 26)
    on_the_day = store.create(make(config, clock, "A", today - dt.timedelta(days=30)))
    older = store.create(make(config, clock, "B", today - dt.timedelta(days=31)))
    assert [s.path for s in store.purgeable(30, today)] == [older]
    assert {s.path for s in store.purgeable(29, today)} == {older, on_the_day}
    assert store.purgeable(10_000_000, today) == []  # before the year 1: nothing that old
    assert store.purgeable(0, today) != []


def test_resume_never_picks_a_finished_workshop(
    store: SessionStore, config: Config, clock: FakeClock
) -> None:
    older = make(config, clock, "Open", dt.date(2026, 3, 1))
    newer = make(config, clock, "Done", dt.date(2026, 11, 1))
    newer.finish()
    store.create(older)
    store.create(newer)
    entry = store.newest_unfinished()
    assert entry is not None and entry.session.amg == "Open"
    older.finish()
    store.save(older, store.folder / f"{older.id}.toml")
    assert store.newest_unfinished() is None


# -- special files are never opened as sessions ------------------------------------------------
def test_special_files_among_the_sessions_are_skipped_or_refused(
    store: SessionStore, config: Config, clock: FakeClock
) -> None:
    good = store.create(make(config, clock))
    os.mkfifo(store.folder / "2026-01-01-fifo.toml")
    (store.folder / "2026-01-02-dir.toml").mkdir()
    os.mkfifo(store.folder / ".amk-index.json.fifo")
    os.mkfifo(store.folder / ".amk-index.json")  # a FIFO where an old amk's index was
    store.index_path.unlink()
    os.mkfifo(store.index_path)  # and where the cache should be
    summaries, bad = store.summaries()
    assert [s.path for s in summaries] == [good] and bad == []
    for special, problem in (
        (store.folder / "2026-01-01-fifo.toml", "is a FIFO (named pipe), not a file"),
        (store.folder / "2026-01-02-dir.toml", "is a folder, not a file"),
        (Path("/dev/null"), "is a device, not a file"),
        (store.folder / "missing.toml", "no such file"),
    ):
        with pytest.raises(SessionError) as info:
            store.load(special)
        assert info.value.problem == problem


def test_a_session_file_larger_than_the_cap_is_refused(store: SessionStore) -> None:
    store.ensure_folder()
    big = store.folder / "2026-01-01-big.toml"
    big.write_bytes(b"#" * (SESSION_LIMIT + 1))
    with pytest.raises(SessionError, match="larger than 5 MB"):
        store.load(big)


def test_purge_deletes_a_link_not_what_it_points_to(
    store: SessionStore, config: Config, clock: FakeClock, tmp_path: Path
) -> None:
    keep = tmp_path / "keep"
    keep.mkdir()
    target = SessionStore(keep, clock=clock).create(
        make(config, clock, "Kept", dt.date(2020, 1, 1))
    )
    store.ensure_folder()
    link = store.folder / target.name
    link.symlink_to(target)
    doomed = store.purgeable(30, dt.date(2026, 11, 26))
    assert [s.path for s in doomed] == [link]
    assert store.delete(doomed[0])
    assert not link.is_symlink() and target.exists()


# -- what the mutation run found untested ------------------------------------------------------
def test_store_error_reasons_and_details(tmp_path: Path) -> None:
    plain = StoreError(tmp_path, "save", OSError("weird"))
    assert (plain.reason, plain.detail) == ("other", "weird")
    assert str(plain) == f"{tmp_path}: not saved (weird)"
    denied = StoreError(tmp_path, "create_folder", OSError(13, "Permission denied"))
    assert (denied.reason, denied.detail) == ("no_access", "Permission denied")
    assert str(denied) == f"{tmp_path}: cannot create the folder (Permission denied)"
    full = StoreError(tmp_path, "save", OSError(28, "No space left on device"))
    assert str(full) == f"{tmp_path}: not saved (the disk is full)"


def test_output_refused_says_path_and_problem(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    error = OutputRefused(tmp_path / "x.md", "is a folder")
    assert str(error) == f"{tmp_path / 'x.md'}: is a folder" and error.problem == "is a folder"
    assert "not a usable file name" in refused(Path("a\0b.md"))
    refuse_output(tmp_path / ".hidden.md")  # a dot file is fine, only amk's .lock files are not
    refuse_output(tmp_path / "notes.lock")

    def odd(path: object) -> os.stat_result:
        raise OSError("no words")

    monkeypatch.setattr(os, "stat", odd)
    assert refused(tmp_path / "x.md") == "cannot check it (no words)"
    monkeypatch.setattr(os, "stat", lambda p: (_ for _ in ()).throw(OSError(13, "Denied")))
    assert refused(tmp_path / "x.md") == "cannot check it (Denied)"


def open_fds() -> int:
    return len(os.listdir("/proc/self/fd"))


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc")
def test_no_file_handle_is_left_open(store: SessionStore, config: Config, clock: FakeClock) -> None:
    s = make(config, clock)
    path = store.create(s)
    before = open_fds()
    store.save(s, path)
    store.probe(path)
    held = store.lock(path)
    assert held is not None and open_fds() == before + 1
    assert store.lock(path) is None  # busy: its handle is closed again
    assert open_fds() == before + 1
    held.release()
    assert open_fds() == before
    other = store.lock(path)
    assert other is not None
    other.release()
    assert store.delete(store.summaries()[0][0])
    assert open_fds() == before


def test_folders_made_under_a_strict_umask_are_0700(tmp_path: Path) -> None:
    old = os.umask(0o277)  # mkdir alone would make them 0500
    try:
        SessionStore(tmp_path / "a" / "b").ensure_folder()
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "a").stat().st_mode) == 0o700
    assert stat.S_IMODE((tmp_path / "a" / "b").stat().st_mode) == 0o700


def test_an_existing_sessions_folder_is_made_private(tmp_path: Path) -> None:
    folder = tmp_path / "sessions"
    folder.mkdir(mode=0o755)
    folder.chmod(0o755)
    SessionStore(folder).ensure_folder()
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700


def test_resolve_prefers_a_path_that_exists(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "sessions"
    folder.mkdir()
    (folder / "x.toml").write_text("")
    (folder / "y.toml").write_text("")
    here = tmp_path / "here"
    here.mkdir()
    (here / "x.toml").write_text("")
    monkeypatch.chdir(here)
    store = SessionStore(folder)
    assert store.resolve("x.toml") == Path("x.toml")  # the one in the working folder
    assert store.resolve("y.toml") == folder / "y.toml"
    assert store.resolve("y") == folder / "y.toml"
    assert store.resolve("/nowhere/y.toml") == Path("/nowhere/y.toml")
    assert store.resolve("nowhere") == Path("nowhere")


def test_scan_and_summaries_are_sorted_whatever_the_folder_order(
    store: SessionStore, config: Config, clock: FakeClock
) -> None:
    for month in (6, 3, 11, 1):
        store.create(make(config, clock, f"AMG {month}", dt.date(2026, month, 1)))
    for name in ("2026-01-05-c.toml", "2026-01-01-a.toml", "2026-01-03-b.toml"):
        (store.folder / name).write_text("x = [")
    entries, bad = store.scan()
    assert [e.session.date.month for e in entries] == [11, 6, 3, 1]
    assert [u.path.name[11] for u in bad] == ["a", "b", "c"]
    summaries, bad = store.summaries()
    assert [s.date.month for s in summaries] == [11, 6, 3, 1]
    assert [u.path.name[11] for u in bad] == ["a", "b", "c"]


def test_a_damaged_index_entry_does_not_hide_the_session(
    store: SessionStore, config: Config, clock: FakeClock
) -> None:
    path = store.create(make(config, clock))
    info = path.stat()
    index = {path.name: {"key": [info.st_mtime_ns, info.st_size], "summary": {"date": "x"}}}
    store.index_path.write_text(json.dumps(index))
    summaries, bad = store.summaries()
    assert [s.path for s in summaries] == [path] and bad == []
    repaired = json.loads(store.index_path.read_text())
    assert repaired[path.name]["summary"]["amg"] == "Lager AMG"


def test_previous_is_the_newest_earlier_one(
    store: SessionStore, config: Config, clock: FakeClock
) -> None:
    for month in (1, 5, 3):
        store.create(make(config, clock, "Lager AMG", dt.date(2026, month, 1)))
    now = make(config, clock, "Lager AMG", dt.date(2026, 11, 26))
    store.create(now)
    prev = store.previous(now)
    assert prev is not None and prev.session.date == dt.date(2026, 5, 1)


def test_lists_are_sorted_even_when_the_folder_lists_files_backwards(
    store: SessionStore, config: Config, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    for month in (1, 3, 6, 11):
        store.create(make(config, clock, f"AMG {month}", dt.date(2026, month, 1)))
    for name in ("2026-01-01-a.toml", "2026-01-03-b.toml", "2026-01-05-c.toml"):
        (store.folder / name).write_text("x = [")
    real = store.files
    monkeypatch.setattr(store, "files", lambda: sorted(real(), reverse=True))
    entries, bad = store.scan()
    assert [e.session.date.month for e in entries] == [11, 6, 3, 1]
    assert [u.path.name[11] for u in bad] == ["a", "b", "c"]
    monkeypatch.setattr(store, "files", lambda: sorted(real()))
    entries, bad = store.scan()
    assert [e.session.date.month for e in entries] == [11, 6, 3, 1]
    summaries, bad = store.summaries()
    assert [s.date.month for s in summaries] == [11, 6, 3, 1]
    monkeypatch.setattr(store, "files", lambda: sorted(real(), reverse=True))
    summaries, bad = store.summaries()
    assert [u.path.name[11] for u in bad] == ["a", "b", "c"]


def test_write_bytes_is_atomic_and_private(store: SessionStore) -> None:
    store.ensure_folder()
    target = store.folder / "referat.xlsx"
    store.write_bytes(target, b"PK\x03\x04 binary")
    assert target.read_bytes() == b"PK\x03\x04 binary"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_a_saved_file_is_0600_even_under_a_strict_umask(
    store: SessionStore, config: Config, clock: FakeClock
) -> None:
    s = make(config, clock)
    path = store.create(s)
    old = os.umask(0o277)  # a temp file would be made 0400
    try:
        store.save(s, path)
        store.write_text(store.folder / "report.md", "# x")
    finally:
        os.umask(old)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE((store.folder / "report.md").stat().st_mode) == 0o600


def test_the_data_and_the_folder_are_on_disk_before_save_returns(
    store: SessionStore, config: Config, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    s = make(config, clock)
    path = store.create(s)
    synced: list[tuple[str, int]] = []
    real_fsync = os.fsync

    def recording(fd: int) -> None:
        info = os.fstat(fd)
        synced.append(("folder" if stat.S_ISDIR(info.st_mode) else "file", info.st_size))
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", recording)
    s.notes["hvorfor"] = "small enough to sit in the write buffer until flushed"
    store.save(s, path)
    size = path.stat().st_size
    assert size < 8192
    assert synced[0] == ("file", size)  # flushed, then synced: the whole file
    assert synced[-1][0] == "folder" and len(synced) == 2  # then the rename itself
