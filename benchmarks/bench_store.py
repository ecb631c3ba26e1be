"""The session store: save, load and list, on a real folder of the machine's disk.

The session is the demo workshop (`demo_session`) with long notes under every dialogue and
wrap-up question, as after a real workshop. Saving is what the app does on every change:
`tomli_w` serialisation, then a temp file, fsync, `os.replace` and an fsync of the folder.

Listing is timed in a folder of 1,000 such sessions three ways: with no index
(`refresh_index()`, the listing cache deleted before each run: every file is parsed and
the cache written), `summaries()` (what `amk list` and the start screen call) with an up-to-date
index; and `scan()` (every file
parsed to a full session, no index) as a reference. `previous()` — what opening a session
pays — is timed there too: it reads only the files named for that session's AMG.
"""

from __future__ import annotations

import datetime as dt
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import tomli_w

from amk_tui.config import load_config, load_content
from amk_tui.core.clock import FakeClock
from amk_tui.core.demo import demo_session
from amk_tui.core.session import Session, amg_key
from amk_tui.store import SessionStore, slugify

REPO = Path(__file__).resolve().parents[1]
TODAY = dt.date(2026, 11, 26)
NOTE = (
    "Vi taler om arbejdsmiljø, når noget er gået galt – sjældent før. Lederen tager det op på "
    "personalemøderne, men der er ikke tid til at gå i dybden, og AMR føler sig alene med det. "
    "Gruppe B mener, at vi er gode til at opdage problemerne, men dårlige til at følge op. "
)
NOTE_CHARS = 2500
"""About one screen of notes per question: what a facilitator types in a 15-minute round."""


def realistic_session(clock: FakeClock) -> Session:
    """The demo workshop with long notes under every question (variant 1 and the wrap-up)."""
    config = load_config(REPO / "config.toml")
    session = demo_session(config.program, "da", clock=clock, date=TODAY)
    content = load_content("da")
    for qid in content.all_questions():
        text = "\n\n".join([NOTE] * (NOTE_CHARS // len(NOTE) + 1))[:NOTE_CHARS]
        session.notes[qid] = text
    return session


@dataclass
class StoreResult:
    save: list[float]
    serialize: list[float]
    write: list[float]
    load: list[float]
    summaries_cold: list[float]
    """`summaries()` with no index: every file parsed, then the index written."""
    summaries_warm: list[float]
    """`summaries()` with the index present and no file changed."""
    scan: list[float]
    """`scan()`: every file parsed to a full session (the reference; no index)."""
    scan_no_notes: list[float]
    """The same files with the notes left out: what the notes cost a parse."""
    previous: list[float]
    """`previous()` for the newest session of one AMG in the same folder."""
    file_bytes: int
    listed: int
    """Sessions in the folder (all readable, as `summaries()` found)."""
    index_bytes: int
    amg_files: int
    """Files named for the AMG that `previous()` looks at (it reads them all)."""


def _repeat(
    fn: Callable[[], object],
    n: int,
    warmup: int = 2,
    before: Callable[[], object] | None = None,
) -> list[float]:
    """`n` timings of `fn` after `warmup` untimed calls; `before` runs untimed before each."""
    out = []
    for i in range(warmup + n):
        if before is not None:
            before()
        start = time.perf_counter()
        fn()
        elapsed = time.perf_counter() - start
        if i >= warmup:
            out.append(elapsed)
    return out


def run(repeats: int = 30, files: int = 1000, scans: int = 5) -> StoreResult:
    clock = FakeClock()
    with tempfile.TemporaryDirectory(prefix="amk-bench-store-") as tmp:
        store = SessionStore(Path(tmp) / "one", clock=clock)
        session = realistic_session(clock)
        path = store.create(session)

        save = _repeat(lambda: store.save(session, path), repeats)
        serialize = _repeat(lambda: tomli_w.dumps(session.to_dict()), repeats)
        text = tomli_w.dumps(session.to_dict())
        write = _repeat(lambda: store.write_text(path, text), repeats)
        load = _repeat(lambda: store.load(path), repeats)
        file_bytes = path.stat().st_size

        many = _folder_of(Path(tmp) / "many", session, files, clock)
        index = many.index_path  # the listing cache, in the (benchmark's) user cache folder
        # also warms the page cache (it is never dropped); any listing writes the cache
        listed, bad = many.summaries()
        if len(listed) != files or bad:
            raise RuntimeError(f"{files} sessions written, {len(listed)} listed, {len(bad)} bad")

        def drop_index() -> None:
            index.unlink(missing_ok=True)

        cold = _repeat(many.refresh_index, scans, warmup=0, before=drop_index)
        index_bytes = index.stat().st_size
        mtime = index.stat().st_mtime_ns
        warm = _repeat(many.summaries, scans * 4, warmup=1)
        if index.stat().st_mtime_ns != mtime:
            raise RuntimeError("summaries() rewrote an up-to-date index")
        scan = _repeat(many.scan, scans, warmup=1)

        newest = listed[0]  # newest first: TODAY, "AMG 0"
        current = many.load(newest.path)
        entry = many.previous(current)
        if entry is None:
            raise RuntimeError(f"previous() found nothing for {current.amg}")
        amg_files = sum(1 for p in many.files() if p.stem[11:] == slugify(current.amg))
        previous = _repeat(lambda: many.previous(current), repeats)

        session.notes = {}
        bare = _folder_of(Path(tmp) / "bare", session, files, clock)
        scan_no_notes = _repeat(bare.scan, scans, warmup=1)
        return StoreResult(
            save=save,
            serialize=serialize,
            write=write,
            load=load,
            summaries_cold=cold,
            summaries_warm=warm,
            scan=scan,
            scan_no_notes=scan_no_notes,
            previous=previous,
            file_bytes=file_bytes,
            listed=len(listed),
            index_bytes=index_bytes,
            amg_files=amg_files,
        )


def _folder_of(folder: Path, session: Session, files: int, clock: FakeClock) -> SessionStore:
    """`files` copies of `session` (40 AMGs, one day apart) in a new folder."""
    store = SessionStore(folder, clock=clock)
    store.ensure_folder()
    for i in range(files):
        session.amg = f"AMG {i % 40}"
        session.amg_id = amg_key(session.amg)
        session.date = TODAY - dt.timedelta(days=i)
        target = store.new_path(session.date, session.amg)
        target.write_text(tomli_w.dumps(session.to_dict()), "utf-8")
    return store
