"""`make bench`: every figure as a median with min–max over repeated runs, one table.

The table goes to stdout and, with a description of the machine and of how each figure is
measured, to `benchmarks/results.md`. Nothing here asserts a timing: the machines are shared
and noisy, so a verdict against a target is information, not a test.

    python -m benchmarks.run

`AMK_BENCH_QUICK=1` is a smoke run: every benchmark with few repeats and a 100-session folder
(about half a minute), the table on stdout only — `results.md` is not touched, since its figures
would not be comparable. Use it to check the suite works, not to measure.

    AMK_BENCH_QUICK=1 python -m benchmarks.run
"""

from __future__ import annotations

import asyncio
import datetime as dt
import importlib.metadata
import os
import platform
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from benchmarks import (
    bench_chart,
    bench_history,
    bench_keys,
    bench_pty,
    bench_room,
    bench_scale,
    bench_store,
    bench_web,
)
from benchmarks.stats import Summary, fmt, fmt_range

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results.md"

QUICK = os.environ.get("AMK_BENCH_QUICK", "") not in ("", "0")
"""A smoke run (see the module docstring): few repeats, nothing written to results.md."""

STORE_REPEATS = 5 if QUICK else 30
STORE_FILES = 100 if QUICK else 1000
STORE_SCANS = 2 if QUICK else 5
CHART_REPEATS = 3 if QUICK else 20
HISTORY_FILES = 300 if QUICK else 2000
HISTORY_REPEATS = 3 if QUICK else 20
KEY_PRESSES = 5 if QUICK else 30
KEY_WARMUP = 3
START_RUNS = 2 if QUICK else 20
CPU_WINDOW = 6.0 if QUICK else 30.0
CPU_SLICES = 3 if QUICK else 6


@dataclass(frozen=True)
class Row:
    item: str
    measure: str
    value: str
    spread: str
    n: str
    target: str = "—"
    verdict: str = "—"


def timing_row(
    item: str,
    measure: str,
    seconds: Sequence[float],
    *,
    unit: str = "ms",
    target: float | None = None,
    inclusive: bool = False,
) -> Row:
    """A row of times (given in seconds), shown in `unit`, with a verdict against `target`."""
    scale = {"ms": 1e3, "s": 1.0}[unit]
    s = Summary.of(seconds).scaled(scale)
    target = None if target is None else target * scale
    if target is None:
        return Row(item, measure, fmt(s.median, unit), fmt_range(s, unit), str(s.n))
    sign = "≤" if inclusive else "<"
    return Row(
        item,
        measure,
        fmt(s.median, unit),
        fmt_range(s, unit),
        str(s.n),
        f"{sign} {fmt(target, unit)}",
        verdict(s.median, target, unit, inclusive),
    )


def verdict(median: float, target: float, unit: str, inclusive: bool = False) -> str:
    """`met` (with the headroom) or `missed by …` (absolute and as a multiple of the target)."""
    ok = median <= target if inclusive else median < target
    if ok:
        return f"met ({100 * (1 - median / target):.0f} % under)"
    return f"**missed** by {fmt(median - target, unit)} ({median / target:.1f}× the target)"


def plain_row(
    item: str, measure: str, values: Sequence[float], unit: str, target: float | None = None
) -> Row:
    s = Summary.of(values)
    if target is None:
        return Row(item, measure, fmt(s.median, unit), fmt_range(s, unit), str(s.n))
    return Row(
        item,
        measure,
        fmt(s.median, unit),
        fmt_range(s, unit),
        str(s.n),
        f"< {fmt(target, unit)}",
        verdict(s.median, target, unit),
    )


# --- the benchmarks ------------------------------------------------------------------------


def store_rows(keys_digit: bench_keys.KeyResult, keys_note: bench_keys.KeyResult) -> list[Row]:
    r = bench_store.run(STORE_REPEATS, STORE_FILES, STORE_SCANS)
    kib = r.file_bytes / 1024
    n = f"{r.listed:,}"
    return [
        timing_row(
            "1 Store", f"save one session ({kib:.0f} KiB TOML, 2 fsyncs)", r.save, target=20e-3
        ),
        timing_row("1 Store", "· serialise only (to_dict + tomli_w.dumps)", r.serialize),
        timing_row("1 Store", "· write only (temp file, fsync, replace, fsync folder)", r.write),
        timing_row("1 Store", "load one session", r.load),
        timing_row(
            "1 Store",
            f"list {n} sessions: summaries() with the index up to date (`amk list`, start screen)",
            r.summaries_warm,
            target=0.5,
        ),
        cold_row(
            f"· the same, no index yet (first listing: parses all, writes the "
            f"{r.index_bytes / 1024:.0f} KiB index)",
            r.summaries_cold,
            target=0.5,
        ),
        timing_row(
            "1 Store",
            f"· reference: scan() of the {n} files (full parse, no index)",
            r.scan,
            unit="s",
        ),
        timing_row(
            "1 Store", f"· scan() of {n} files without their notes", r.scan_no_notes, unit="s"
        ),
        timing_row(
            "1 Store",
            f"previous() among {n} sessions (on opening a session; the index, then the "
            f"newest of the AMG's {r.amg_files} files)",
            r.previous,
        ),
        timing_row(
            "1 Store",
            "autosave on a digit key (AmkApp.save, in the app)",
            keys_digit.parts[bench_keys.AUTOSAVE],
        ),
        timing_row(
            "1 Store",
            "autosave on a notes keystroke (AmkApp.save, in the app)",
            keys_note.parts[bench_keys.AUTOSAVE],
        ),
        timing_row("1 Store", "notes keystroke: key queued → saved", keys_note.latency),
    ]


def cold_row(measure: str, seconds: Sequence[float], target: float) -> Row:
    """Shown against the target for information; the verdict is the warm row's."""
    row = timing_row("1 Store", measure, seconds, unit="s")
    ratio = Summary.of(seconds).median / target
    return Row(
        row.item,
        row.measure,
        row.value,
        row.spread,
        row.n,
        f"({fmt(target, 's')})",
        f"not judged: first listing only ({ratio:.1f}× the target)",
    )


def _ratio_row(name: str, r: bench_pty.StartResult, runs: list[float], judged: bool) -> Row:
    ratio = Summary.of(runs).median / Summary.of(r.minimal).median
    pairs = Summary.of(r.ratios(runs))
    if not judged:
        verdict = "not judged: start-up, then a session loaded and its chart drawn"
    elif ratio <= 1.5:
        verdict = f"met ({1.5 - ratio:.2f}× under)"
    else:
        verdict = f"**missed** by {ratio - 1.5:.2f}× ({ratio / 1.5:.1f}× the target)"
    return Row(
        "2 Start",
        f"ratio {name} ÷ minimal (medians; range over interleaved rounds)",
        f"{ratio:.2f}×",
        f"{pairs.low:.2f}–{pairs.high:.2f}×",
        str(pairs.n),
        "≤ 1.5×" if judged else "(≤ 1.5×)",
        verdict,
    )


def start_rows(r: bench_pty.StartResult) -> list[Row]:
    return [
        timing_row("2 Start", "`amk` → its start screen fully drawn (120×36 pty)", r.screen),
        timing_row(
            "2 Start", "`amk --demo` → Opsamling's comparison fully drawn (120×36 pty)", r.demo
        ),
        timing_row("2 Start", "minimal Textual app → first frame (baseline)", r.minimal),
        _ratio_row("`amk` start screen", r, r.screen, judged=True),
        _ratio_row("`amk --demo`", r, r.demo, judged=False),
    ]


def key_rows(r: bench_keys.KeyResult) -> list[Row]:
    w, h = r.chart_size
    rows = [
        timing_row(
            "3 Key→chart",
            f"digit key queued → frame with the redrawn chart ({w}×{h} chart, 120×36)",
            r.latency,
            target=30e-3,
            inclusive=True,
        )
    ]
    for name in (
        bench_keys.CHART_RENDER,
        bench_keys.CHANGE,
        bench_keys.AUTOSAVE,
        bench_keys.REST,
    ):
        if name in r.parts:
            rows.append(timing_row("3 Key→chart", f"· {name}", r.parts[name]))
    if r.misses:
        rows.append(Row("3 Key→chart", "presses with no chart redraw", str(r.misses), "", ""))
    if "hidden mini-chart render" in r.parts:
        rows.append(
            timing_row(
                "3 Key→chart", "· hidden mini-chart render", r.parts["hidden mini-chart render"]
            )
        )
    return rows


def chart_rows() -> list[Row]:
    rows = []
    for n in (3, 8):
        for size in ((80, 24), (200, 60)):
            r = bench_chart.run(size, n, CHART_REPEATS)
            label = f"{n} groups, {size[0]}×{size[1]}"
            rows.append(timing_row("4 Chart", f"radar_text, {label}", r.report))
            rows.append(
                timing_row("4 Chart", f"widget path (draw + grid build + lines), {label}", r.widget)
            )
            rows.append(timing_row("4 Chart", "· draw_radar (plotext calls)", r.draw))
            rows.append(timing_row("4 Chart", "· plotext grid build", r.build))
            rows.append(timing_row("4 Chart", "· grid_strips (grids → Textual lines)", r.lines))
    return rows


def cpu_rows(r: bench_pty.CpuResult) -> list[Row]:
    rows = []
    for name, slices in r.slices.items():
        target = 2.0 if name == bench_pty.OPLAEG else None
        total = r.total[name]
        rate = r.out_rate[name] / 1024
        measure = f"{name} — writes {rate:.2f} KiB/s to the terminal"
        s = Summary.of(slices)
        rows.append(
            Row(
                "5 Idle CPU",
                measure,
                f"{total:.2f} %",
                f"{s.low:.2f}–{s.high:.2f} %",
                f"{s.n}×{r.window / s.n:.0f} s",
                "< 2 %" if target else "—",
                verdict(total, target, "%") if target else "—",
            )
        )
    return rows


def memory_rows(r: bench_pty.StartResult) -> list[Row]:
    mib = 1 / 1024
    return [
        plain_row(
            "6 Memory",
            "`amk` peak RSS (VmHWM) after its start screen",
            [v * mib for v in r.screen_hwm_kib],
            "MiB",
        ),
        plain_row(
            "6 Memory",
            "`amk --demo` peak RSS (VmHWM) after Opsamling's comparison with chart",
            [v * mib for v in r.demo_hwm_kib],
            "MiB",
            target=80.0,
        ),
        plain_row(
            "6 Memory",
            "minimal app peak RSS (VmHWM) after first frame",
            [v * mib for v in r.minimal_hwm_kib],
            "MiB",
        ),
    ]


# --- the report ----------------------------------------------------------------------------


def room_rows(r: bench_room.RoomResult) -> list[Row]:
    """`amk room` beside `amk new`, each in a real pty on one sessions folder."""
    return [
        timing_row(
            "7 Room",
            "console PageDown → the slide on the room's terminal (two ptys)",
            r.follow,
            target=0.15,
            inclusive=True,
        ),
        plain_row(
            "7 Room",
            "room's idle CPU on a slide (% of a core)",
            r.idle_cpu,
            "%",
            target=1.0,
        ),
        plain_row("7 Room", "· the console beside it (reference)", r.console_cpu, "%"),
    ]


def web_rows(r: bench_web.WebResult) -> list[Row]:
    """`amk room --web` beside `amk new`, the page in headless Chromium."""
    if r.skipped:
        return [Row("9 Web room", f"not measured: {r.skipped}", "—", "—", "0")]
    return [
        timing_row(
            "9 Web room",
            "console PageDown → the browser's page shows the slide (pty → file → SSE → DOM)",
            r.follow,
            target=0.15,
            inclusive=True,
        ),
        timing_row(
            "9 Web room",
            "a new tab → its first picture (first contentful paint)",
            r.first_paint,
            target=1.0,
            inclusive=True,
        ),
        plain_row(
            "9 Web room",
            "the web room's CPU, 5 tabs open, a countdown running (% of a core)",
            r.cpu,
            "%",
            target=0.5,
        ),
    ]


def scale_rows(r: bench_scale.ScaleResult) -> list[Row]:
    """A consultant's folder after a few years: `amk list` and the start screen."""
    n = f"{r.files:,}"
    return [
        timing_row(
            "10 Scale",
            f"`amk list` of {n} sessions, with the listing cache (the whole process)",
            r.list_cached,
            target=1.0,
            inclusive=True,
        ),
        timing_row(
            "10 Scale",
            f"· the first `amk list` of the {n} (no cache: every file read, the cache written)",
            r.list_first,
        ),
        timing_row(
            "10 Scale",
            f"`amk` → start screen's first frame, {n} sessions with the cache (120×36 pty)",
            r.start_big,
            target=0.5,
            inclusive=True,
        ),
        timing_row(
            "10 Scale", "· the same start screen in an empty folder (alternating)", r.start_empty
        ),
    ]


def history_rows() -> list[Row]:
    """An AMG's history in a big folder: `amk trend` and the start screen's AMG list."""
    r = bench_history.run(HISTORY_REPEATS, HISTORY_FILES, 2 if QUICK else 5)
    where = f"{r.files:,} sessions, {r.amgs_found} AMGs, index up to date"
    return [
        timing_row(
            "8 History",
            f"`amk trend` of the AMG with {r.workshops} workshops ({where}): trend + table",
            r.trend,
            target=0.3,
        ),
        timing_row(
            "8 History",
            f"start screen's AMG list ({where}): every visit + known AMGs",
            r.amgs,
            target=0.3,
        ),
        timing_row(
            "8 History",
            "· `amk trend … --format md` as a whole process (Python start-up included)",
            r.process,
        ),
    ]


def table(rows: Sequence[Row]) -> str:
    head = ("#", "Measure", "Median", "Min–max", "n", "Target", "Verdict")
    lines = ["| " + " | ".join(head) + " |", "|" + "|".join("---" for _ in head) + "|"]
    for r in rows:
        cells = (r.item, r.measure, r.value, r.spread, r.n, r.target, r.verdict)
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _filesystem(path: str) -> str:
    """The type of the filesystem that holds `path` (from /proc/mounts)."""
    best, kind = "", "unknown"
    try:
        for line in Path("/proc/mounts").read_text().splitlines():
            parts = line.split()
            if len(parts) >= 3 and path.startswith(parts[1]) and len(parts[1]) >= len(best):
                best, kind = parts[1], parts[2]
    except OSError:
        pass
    return f"{kind} (mounted at {best or '?'})"


def _version(package: str) -> str:
    try:
        return importlib.metadata.version(package)
    except importlib.metadata.PackageNotFoundError:
        return "not installed"


def machine(load_before: str, load_after: str) -> str:
    affinity = len(os.sched_getaffinity(0))
    tmp = tempfile.gettempdir()
    return "\n".join(
        [
            f"- Date: {dt.datetime.now(dt.UTC).strftime('%Y-%m-%d %H:%M UTC')}",
            f"- CPU: {_cpu_model()}, {os.cpu_count()} cores ({affinity} usable by this process)",
            f"- Kernel: {platform.system()} {platform.release()}",
            f"- Python {platform.python_version()} ({sys.executable})",
            f"- textual {_version('textual')}, rich {_version('rich')}, plotext "
            f"{_version('plotext')}, textual-plotext {_version('textual-plotext')}, "
            f"tomli-w {_version('tomli-w')}",
            f"- Temp folder {tmp}: {_filesystem(tmp)}",
            f"- Load average (1/5/15 min) before: {load_before}; after: {load_after}",
            "- Shared, noisy machine: read the min–max, not only the median.",
        ]
    )


METHOD = """\
## How each figure is measured

All times are wall-clock `time.perf_counter()`. Median and min–max are over the `n`
repetitions of one run; nothing is asserted.

1. **Store** (`bench_store.py`): `demo_session(load_config("config.toml").program)` plus
   2,500 characters of notes under each of the 8 dialogue and wrap-up questions, in a temp
   folder on the machine's disk. `save` = `SessionStore.save` (serialise, temp file, fsync,
   `os.replace`, fsync of the folder); its two halves are timed apart. `load` =
   `SessionStore.load`. Listing uses a folder of 1,000 such files (40 AMGs, one date each),
   listed once first (page cache warm; the cache is not dropped on a shared machine).
   `summaries()` is what `amk list` and the start screen call (the time of the call alone:
   not Python's start-up or printing the table). It keeps `.amk-index.json` (size and mtime
   per file, with its summary) and parses only files that are new or changed. The target
   is judged on the usual case, the index up to date (20 runs); the row below it deletes
   the index before each of 5 runs, so every file is parsed and the index written: that is
   the first listing of a folder (or after the index is lost), shown against the target for
   information. A listing after a workshop re-reads just the files that changed, so it lies
   between the two. `scan()` (every file parsed to a full session; no index) is kept as a
   reference, with the same scan of 1,000 copies without their notes to show what parsing
   the notes costs. `previous()` is what opening a session pays (`AmkApp` looks up the
   AMG's last workshop by its `amg_id`): it lists the folder through the index and parses
   only the one file it returns — here for the newest session of an AMG with 25 sessions.
   *Autosave* rows are measured inside the running app (item 3's method): the time spent in
   `AmkApp.save` per key press, for a digit in the grid and for a letter typed in the
   notes of a question in Opsamling (each keystroke saves the whole file).
2. **Start** (`bench_pty.py`, `ptyproc.py`): `python -m amk_tui --sessions EMPTY_FOLDER`,
   `python -m amk_tui --demo` and `python -m benchmarks.minimal_app` (a Label and a Footer)
   are spawned in a 120×36 pty (`TIOCSWINSZ`, TERM=xterm-256color, COLORTERM=truecolor) from
   the repository folder, as the `amk` command starts (`amk_tui.entry`: the collector paused
   from before the first import until the first frame). Time runs from just before `Popen`
   until the output, with escape sequences stripped, holds every marker: for `amk` the start
   screen's heading (`Ny workshop`), the button under its form (`Start workshop`) and the
   footer (`Taster`) — the screen `make run` opens on, and the start-up the ≤ 1.5× target
   judges; for `amk --demo` the phase bar (`Opsamling`), the chart's legend (`Gruppe C`) and
   the insight beside the chart (`Størst uenighed`) — start-up, then a demo session made,
   saved and Opsamling's comparison drawn with its chart (reported beside it, not judged: it
   is more than start-up); for the minimal app its label and footer key. Each round runs all
   three in a rotating order after one discarded warm-up round (20 rounds: on this shared
   machine one run of 10 rounds gave anything from 1.35× to 1.71× for the same code); a
   ratio is of the medians, its range over the rounds. Each process is quit with `q` (the
   start screen, where the AMG field has the focus, with Ctrl+Q).
3. **Key → chart** (`bench_keys.py`): the app built as in `tests/ui/conftest.py` (FakeClock,
   temp `SessionStore`, demo session at the group work, where a first untimed digit opens
   the grid with the chart beside it) in `App.run_test(size=(120, 36))`.
   `pilot.press()` sleeps ≥ 40 ms by itself (`wait_for_idle`), so its return is not used.
   Methods on the live objects are wrapped instead: t0 just before `pilot.press(digit)`
   (the key event is queued at once); the end is the first `Screen._compositor_refresh`
   that finishes after the `#chart` RadarChart's `render()` built a new figure (a repaint
   that returns the kept figure does not count) — the frame's lines are ready for the
   driver (the headless driver then writes nothing, so terminal output is not included).
   Digits 1–5 in turn, after 3 warm-up presses. The rows below it are the time
   spent inside each wrapped method during a press (the autosave is part of the change, so
   it is not added twice); "everything else" is the latency minus the change and the chart
   (Textual's key dispatch, layout, the compositor, and the wait for the screen's next
   update tick).
4. **Chart** (`bench_chart.py`): `radar_text` (the report's chart: draw + build, no colour),
   and the widget's path when its data, size, mode or theme changed: `draw_radar` with theme
   colours on a plotext figure, plotext's grid build (no ANSI text), then `grid_strips`
   turning the grids straight into Textual lines — the widget skips textual-plotext's
   ANSI → `Text.from_ansi` round trip (a repaint with nothing changed reuses the lines).
   20 calls each after 2 warm-ups, 3 and 8 groups, 80×24 and 200×60 cells.
5. **Idle CPU** (`bench_pty.py`): `amk new --amg Bench --groups 3 --sessions TMP` in a
   120×36 pty; when the agenda shows, PageDown starts Oplæg and its countdown (the countdown
   and phase bar redraw only when their text changes). Alongside, at the same time:
   `amk --demo` (Opsamling's comparison, countdown running) and the minimal app. After 2 s of
   settling, utime+stime from `/proc/PID/stat` over 30 s of wall time in six 5-s slices,
   while all output is read; the median column is the whole 30 s, the range the slices.
   Resolution: 1 clock tick (10 ms) per 5-s slice = 0.2 %.
6. **Memory**: `VmHWM` (peak resident set) from `/proc/PID/status`, read 1 s after the first
   frame of each start-up run of item 2.
7. **Room** (`bench_room.py`): `amk new` (100×30) and `amk room` (120×36) in two ptys on one
   sessions folder. Each of the ten PageDowns is written to the console's pty; the sample
   ends when the room's pty shows that slide's title (console key → save → the room's next
   look, every 0.2 s → read → scene → draw → terminal). Then both rest on a slide and the
   room's CPU is read from `/proc` over 30 s in six slices (its countdown ticks; it stats
   the file five times a second).
8. **History** (`bench_history.py`): a folder of 2,000 sessions of 100 AMGs, one AMG with
   200 workshops, three groups' scores each and no notes, its index written once. Timed
   with the index up to date, the call alone (not Python's start-up), 20 runs after 2
   warm-ups: `history.trend_for()` of the 200-workshop AMG plus its Markdown table (what
   `amk trend` computes before printing), and the start screen's AMG list (`AmkApp.amgs()`:
   every visit from the index, then `known_amgs()`). The whole `amk trend` process
   (5 runs) is a reference: most of it is Python's start-up and imports.
9. **Web room** (`bench_web.py`): `amk new` in a pty, `amk room --web --port N` as a process,
   Debian's Chromium (headless, driven by Playwright) at 1920×1080. Key → page: a
   MutationObserver in the page notes `Date.now()` when the slide number changes; the sample
   is that minus the wall-clock moment PageDown was written to the console's pty (ten
   slides). First picture: 10 new tabs, each's `first-contentful-paint` (Paint Timing) from
   its navigation start; the page carries its first picture, so this is one round trip and
   a render. CPU: the web room's process (`/proc/PID/stat`) over 30 s in six slices while 5
   tabs (1280×720) show the group work with its countdown running (the pages tick by
   themselves; the server only looks at the file and sends nothing while time runs).
10. **Scale** (`bench_scale.py`): a folder of 5,000 sessions (item 8's generator, 200 AMGs).
   `amk list` as a whole process with its output to a pipe (the plain table it prints above
   300 rows), 5 runs with the listing cache in place, and 2 first listings with the cache
   deleted. `amk` to its start screen's first frame in a 120×36 pty (item 2's markers) in
   that folder and in an empty one, alternating, 5 each; the past list is read in a thread
   after the first frame.
"""


def main() -> int:
    # The listing caches of the benchmark's folders go to a folder of its own, never the
    # user's cache (children inherit it: the ptys' amk processes too).
    os.environ.setdefault("AMK_CACHE_DIR", tempfile.mkdtemp(prefix="amk-bench-cache-"))
    began = time.perf_counter()
    load_before = " ".join(Path("/proc/loadavg").read_text().split()[:3])

    def log(text: str) -> None:
        print(f"[{time.perf_counter() - began:6.1f} s] {text}", file=sys.stderr, flush=True)

    log("3 key → chart (in-process, Pilot)")
    digit = asyncio.run(bench_keys.digit_to_chart(KEY_PRESSES, KEY_WARMUP))
    log("1 notes keystroke autosave (in-process, Pilot)")
    note = asyncio.run(bench_keys.note_keystroke(KEY_PRESSES, KEY_WARMUP))
    log(f"1 store: save, load, list {STORE_FILES:,} (summaries cold/warm, scan), previous")
    store = store_rows(digit, note)
    log("4 chart draw times")
    charts = chart_rows()
    log(f"2 + 6 start to first frame and memory ({START_RUNS} interleaved pairs)")
    start = bench_pty.start(START_RUNS)
    log(f"5 idle CPU over {CPU_WINDOW:.0f} s")
    cpu = bench_pty.idle_cpu(CPU_WINDOW, CPU_SLICES)
    log(f"8 history: trend and the AMG list among {HISTORY_FILES:,} sessions")
    history = history_rows()
    log(f"7 the room's window: console key → room frame, idle CPU over {CPU_WINDOW:.0f} s")
    room = bench_room.run(CPU_WINDOW, CPU_SLICES)
    log(f"9 the browser room: key → page, first picture, CPU with 5 tabs over {CPU_WINDOW:.0f} s")
    web = bench_web.run(5, 3 if QUICK else 10, CPU_WINDOW, CPU_SLICES)
    log("10 scale: amk list and the start screen with 5,000 sessions")
    scale = bench_scale.run(1000 if QUICK else 5000, 2 if QUICK else 5)
    load_after = " ".join(Path("/proc/loadavg").read_text().split()[:3])

    rows = [
        *store,
        *start_rows(start),
        *key_rows(digit),
        *charts,
        *cpu_rows(cpu),
        *memory_rows(start),
        *room_rows(room),
        *web_rows(web),
        *scale_rows(scale),
        *history,
    ]
    text = table(rows)
    if bench_pty.FORCED:
        text += "\n\nSignalled because `q` did not end them within 10 s: " + "; ".join(
            bench_pty.FORCED
        )
    print(text)
    elapsed = time.perf_counter() - began
    if QUICK:
        log(f"AMK_BENCH_QUICK: smoke run done in {elapsed:.0f} s; results.md not written")
        return 0
    RESULTS.write_text(
        "# amk benchmarks\n\n"
        "Written by `make bench` (`python -m benchmarks.run`); "
        f"this run took {elapsed:.0f} s.\n\n"
        "## Machine\n\n"
        f"{machine(load_before, load_after)}\n\n"
        "## Results\n\n"
        f"{text}\n\n"
        f"{METHOD}",
        "utf-8",
    )
    log(f"wrote {RESULTS.relative_to(HERE.parent)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
