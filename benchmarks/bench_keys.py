"""In-process latency of a key press, with Textual's Pilot on the real AmkApp.

`pilot.press()` itself sleeps (Textual's `wait_for_idle` waits ≥ 2 × 20 ms for the CPU to go
quiet), so its return time is not the app's latency. Instead the benchmark wraps methods on
the live objects (no app code changes) and records `time.perf_counter()`:

- t0: just before `pilot.press(key)` (the key event is queued at once, before any sleep);
- the change's path: `AmkApp.workshop_changed` (the autosave, `AmkApp.save`, inside it,
  then the workshop screen redrawing the grid and handing the chart its new series);
- `RadarChart.render` of the `#chart` widget (the plotext figure is drawn and built; a
  repaint that returns the kept figure does not count as the new chart);
- the end of the first `Screen._compositor_refresh` after that render: the frame's lines are
  ready for the driver (the headless driver then writes nothing).

Latency = frame end − t0. Includes the wait for the screen's next update tick (≤ 1/60 s).

The digits are typed as a facilitator types the groups' scores in the deck's program: on the
group work, where the first digit opens the grid (the chart beside it, revealed) and every
further digit goes into it.
"""

from __future__ import annotations

import datetime as dt
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from amk_tui.app import AmkApp
from amk_tui.config import Config, load_config
from amk_tui.core.clock import FakeClock
from amk_tui.core.demo import demo_session
from amk_tui.core.session import Session
from amk_tui.store import SessionStore
from amk_tui.widgets.radar import RadarChart

REPO = Path(__file__).resolve().parents[1]
CHART_RENDER = "chart drawn again (plotext draw + grid build + lines)"
CHANGE = "the change handled (AmkApp.workshop_changed: autosave + grid + chart series)"
AUTOSAVE = "autosave (AmkApp.save)"
REST = "everything else (dispatch, layout, compositor, wait for the update tick)"
TODAY = dt.date(2026, 11, 26)


@dataclass
class Marks:
    """Timestamps and durations of one key press (seconds, perf_counter)."""

    durations: dict[str, float] = field(default_factory=dict)
    calls: dict[str, int] = field(default_factory=dict)
    ends: dict[str, float] = field(default_factory=dict)
    render_end: float | None = None
    frame_end: float | None = None

    def add(self, name: str, seconds: float) -> None:
        self.durations[name] = self.durations.get(name, 0.0) + seconds
        self.calls[name] = self.calls.get(name, 0) + 1
        self.ends[name] = time.perf_counter()


@dataclass
class KeyResult:
    latency: list[float]
    """Key queued → frame with the redrawn chart (s), per press."""
    parts: dict[str, list[float]]
    """Time inside each wrapped method per press (s)."""
    misses: int = 0
    """Presses after which the chart did not redraw within the wait."""
    chart_size: tuple[int, int] = (0, 0)
    """The `#chart` widget's size in cells."""


def _timed(obj: object, name: str, marks: Callable[[], Marks], label: str) -> None:
    """Replace `obj.name` by a wrapper that adds its duration to the current marks."""
    original: Callable[..., Any] = getattr(obj, name)

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            marks().add(label, time.perf_counter() - start)

    setattr(obj, name, wrapper)


def make_app(folder: Path, *, step: str, config: Config | None = None) -> tuple[AmkApp, Session]:
    """The demo workshop (as in the tests) at the first step whose key starts with `step`."""
    config = config or load_config(REPO / "config.toml")
    clock = FakeClock()
    store = SessionStore(folder / "sessions", clock=clock)
    session = demo_session(config.program, "da", clock=clock, date=TODAY)
    path = store.create(session)
    index = next(i for i, s in enumerate(session.agenda.steps) if s.key.startswith(step))
    session.agenda.go(index)
    store.save(session, path)
    app = AmkApp(config, store, session=session, path=path, clock=clock, today=TODAY)
    return app, session


async def digit_to_chart(presses: int, warmup: int, size: tuple[int, int] = (120, 36)) -> KeyResult:
    """Type digits into the score grid opened from the group work; time each until the
    chart's new frame is ready."""
    with tempfile.TemporaryDirectory(prefix="amk-bench-") as tmp:
        app, _ = make_app(Path(tmp), step="dialog")
        result = KeyResult([], {})
        current = Marks()

        def marks() -> Marks:
            return current

        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            await pilot.press("escape")  # (nothing open yet: the group work stays)
            await pilot.press("3")  # the first digit opens the grid; not timed
            await pilot.pause()
            screen = app.screen
            chart = screen.query_one("#chart", RadarChart)
            result.chart_size = (chart.size.width, chart.size.height)
            _timed(app, "workshop_changed", marks, CHANGE)
            _timed(app, "save", marks, AUTOSAVE)

            original_build: Callable[[int, int], Any] = chart._build

            def chart_build(width: int, height: int) -> Any:
                # Runs only when the figure must be drawn again (data, size, mode or theme).
                start = time.perf_counter()
                out = original_build(width, height)
                end = time.perf_counter()
                current.add(CHART_RENDER, end - start)
                if current.render_end is None:
                    current.render_end = end
                return out

            setattr(chart, "_build", chart_build)  # noqa: B010 (a method on the instance)

            original_refresh: Callable[[], None] = screen._compositor_refresh

            def compositor_refresh() -> None:
                original_refresh()
                if current.render_end is not None and current.frame_end is None:
                    current.frame_end = time.perf_counter()

            setattr(screen, "_compositor_refresh", compositor_refresh)  # noqa: B010

            for i in range(warmup + presses):
                current = Marks()
                digit = "12345"[i % 5]
                t0 = time.perf_counter()
                await pilot.press(digit)
                for _ in range(50):
                    if current.frame_end is not None:
                        break
                    await pilot.pause(0.01)
                if i < warmup:
                    continue
                if current.frame_end is None:
                    result.misses += 1
                    continue
                latency = current.frame_end - t0
                result.latency.append(latency)
                for name, seconds in current.durations.items():
                    result.parts.setdefault(name, []).append(seconds)
                rest = latency - sum(  # the autosave is inside the change
                    current.durations.get(name, 0.0) for name in (CHART_RENDER, CHANGE)
                )
                result.parts.setdefault(REST, []).append(rest)
            await pilot.press("q")
        return result


async def note_keystroke(presses: int, warmup: int, size: tuple[int, int] = (120, 36)) -> KeyResult:
    """Type letters into the notes of a question in Opsamling (the groups' answers): each one
    autosaves the session."""
    with tempfile.TemporaryDirectory(prefix="amk-bench-") as tmp:
        app, _ = make_app(Path(tmp), step="opsamling")
        result = KeyResult([], {})
        current = Marks()

        def marks() -> Marks:
            return current

        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            await pilot.press("pagedown", "enter")  # the first answer; Enter starts writing
            await pilot.pause()
            _timed(app, "save", marks, AUTOSAVE)
            _timed(app.store, "save", marks, "SessionStore.save")
            for i in range(warmup + presses):
                current = Marks()
                t0 = time.perf_counter()
                await pilot.press("abcdefghij"[i % 10])
                for _ in range(50):
                    if current.calls.get(AUTOSAVE):
                        break
                    await pilot.pause(0.01)
                if i < warmup:
                    continue
                if not current.calls.get(AUTOSAVE):
                    result.misses += 1
                    continue
                result.latency.append(current.ends[AUTOSAVE] - t0)
                for name, seconds in current.durations.items():
                    result.parts.setdefault(name, []).append(seconds)
        return result
