"""The scene: what the room sees now, derived from the session (and its clock) alone.

One pure function, `derive`, turns a session into a `Scene`: the step and the item at the
cursor (resolved: `-1` from older files is the last item), the view the room shows, the
heading, the countdown's state, the reveal, the chart (kind, one group / mean, last time),
blank and the hidden notes. Every window renders this value and keeps no rule of its own:
the console's stage (its heading and countdown), the terminal room (`amk room`) and the
browser room (`amk room --web`). The room derives it from the file the console saved; a test
derives both and compares them.

A `Timer` is the countdown read at one moment (`at`, on the session's monotonic clock): a
renderer shows `timer.left(now)` as time passes, so nothing is sent while the time runs.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Literal, Protocol

from amk_tui.core.countdown import Countdown, Level, State, format_clock
from amk_tui.core.flow import DeckOutline, Item, items_for, resolve
from amk_tui.core.program import Step
from amk_tui.core.series import ALL, views
from amk_tui.core.session import Session

ViewKind = Literal[
    "waiting",
    "start",
    "followup",
    "slide",
    "groupwork",
    "discuss",
    "comparison",
    "question",
    "plan",
    "summary",
]
"""What the room shows: no workshop yet (`waiting`), the program not started (`start`), last
time's actions being followed up before it starts (`followup`), an item's view, or the
`summary` of a finished workshop."""
QUESTION_ITEMS = frozenset({"question", "answer", "share", "wrapup", "priorities", "decisions"})
"""Items shown as a plenary question with what the room says about it."""


class Words(Protocol):
    """The words a heading is made of (the content of the session's language)."""

    def t(self, key: str, /, **values: object) -> str: ...

    def phase_title(self, phase_id: str, title: str = "") -> str: ...

    def round_title(self, round_id: str, title: str = "") -> str: ...

    @property
    def exercise(self) -> Mapping[str, str]: ...

    @property
    def wrapup_heading(self) -> str: ...


@dataclass(frozen=True)
class Timer:
    """A countdown as read at one moment; a renderer moves it on with its own clock."""

    remaining: float
    """Seconds left at `at` (negative in overtime)."""
    state: State
    """running, paused or done."""
    duration: float
    """Seconds allowed now (planned, with every extension and cut)."""
    warn: float
    """Seconds before the end from which it shows amber."""
    at: float
    """The monotonic moment `remaining` was read."""

    @property
    def running(self) -> bool:
        return self.state == "running"

    def left(self, now: float) -> float:
        """Seconds left at the monotonic moment `now` (a paused timer stands still)."""
        return self.remaining - (now - self.at) if self.running else self.remaining

    def level(self, now: float) -> Level:
        left = self.left(now)
        if left <= 0:
            return "over"
        return "warn" if left <= self.warn else "normal"

    def text(self, now: float) -> str:
        """`MM:SS`, overtime `+MM:SS`."""
        return format_clock(self.left(now))


def timer_of(countdown: Countdown, warn: float, at: float) -> Timer:
    return Timer(countdown.remaining, countdown.state, countdown.duration, warn, at)


@dataclass(frozen=True)
class Scene:
    """What the room sees now. Equal scenes draw the same picture (timers read at `at`)."""

    kind: ViewKind
    title: str = ""
    """The room's heading: the step's (the deck's exercise title on the group work), the
    summary's once finished, or what the room waits for."""
    subtitle: str = ""
    """`3 / 10` on a slide, `Runde 1 af 2: Vurdér` in a round."""
    item_title: str = ""
    """The heading of the item at the cursor (the console shows it, finished or not)."""
    item_subtitle: str = ""
    session_id: str = ""
    language: str = ""
    variant: int = 1
    step: int | None = None
    """Index into the program's steps (None before it starts)."""
    step_key: str = ""
    phase: int | None = None
    item: Item | None = None
    """The item at the cursor, the cursor resolved."""
    position: int = 0
    """The cursor inside the step, within its items."""
    timer: Timer | None = None
    """The current step's countdown (None before the start and once finished)."""
    blank: bool = False
    """The facilitator blanked the room (`b`)."""
    revealed: bool = True
    """Typed scores may reach the room."""
    chart: str = "radar"
    """radar or bars (`c`)."""
    series: str = ALL
    """All groups, the mean, or one group's letter (`v`)."""
    overlay: bool = True
    """Last time's mean under the groups (`o`)."""
    notes_hidden: bool = False
    """The notes being typed are kept off the room (`m`)."""
    finished: bool = False

    def at_second(self, now: float) -> Scene:
        """The same scene with its timer read at `now` to the second, as the room shows it:
        two windows that read the time a moment apart compare equal."""
        if self.timer is None:
            return self
        left = whole_seconds(self.timer.left(now))
        return replace(self, timer=replace(self.timer, remaining=left, at=0.0))


def whole_seconds(seconds: float) -> float:
    """Seconds as `format_clock` shows them: rounded up before zero, down in overtime."""
    if seconds >= 0:
        return float(math.ceil(seconds - 1e-9))
    return -float(math.floor(-seconds))


def position(session: Session, step: Step, count: int) -> int:
    """Where the cursor stands in `step` (of `count` items)."""
    return resolve(session.cursor.get(step.key, 0), count)


def derive(
    session: Session | None, *, deck: DeckOutline, words: Words, warn_seconds: float
) -> Scene:
    """The scene of `session` now (None: the room waits for a workshop)."""
    if session is None:
        return Scene("waiting", title=words.t("room.waiting_start"))
    view = session.view
    common = dict(
        session_id=session.id,
        language=session.language,
        variant=session.variant,
        blank=view.blank,
        revealed=session.revealed,
        chart=view.chart,
        series=view.series if view.series in views(session.groups) else ALL,
        overlay=view.overlay,
        notes_hidden=view.notes_hidden,
        finished=session.finished,
    )
    agenda = session.agenda
    step = agenda.current
    if step is None and view.followup:  # the AMG reviews last time's plan together
        title = words.t("followup.room_title")
        return Scene("followup", title=title, subtitle=session.amg, **common)  # type: ignore[arg-type]
    if step is None:  # the AMG's name under "begins soon": the room knows it is the right one
        title = words.t("room.waiting_start")
        return Scene("start", title=title, subtitle=session.amg, **common)  # type: ignore[arg-type]
    items = items_for(step, session.variant, deck)
    at = position(session, step, len(items))
    item = items[at]
    title, subtitle = heading(step, item, session.variant, words)
    countdown = agenda.countdown_for(step, item.kind)
    timer = None
    if countdown is not None and not session.finished:  # a record has no time running
        timer = timer_of(countdown, warn_seconds, session.clock.monotonic())
    kind = room_kind(item, session.finished)
    room_title, room_subtitle = (
        (words.t("room.summary"), "")
        if kind == "summary"
        else (
            title,
            subtitle,
        )
    )
    return Scene(
        kind,
        title=room_title,
        subtitle=room_subtitle,
        item_title=title,
        item_subtitle=subtitle,
        step=agenda.index,
        step_key=step.key,
        phase=step.phase_index,
        item=item,
        position=at,
        timer=timer,
        **common,  # type: ignore[arg-type]
    )


def room_kind(item: Item, finished: bool) -> ViewKind:
    """The room's view of an item: the grid is the console's; the room sees the group work."""
    if finished:
        return "summary"
    if item.kind in ("groupwork", "scoring"):
        return "groupwork"
    if item.kind in QUESTION_ITEMS:
        return "question"
    if item.kind == "slide":
        return "slide"
    if item.kind == "comparison":
        return "comparison"
    if item.kind == "discuss":
        return "discuss"
    return "plan"


def heading(step: Step, item: Item, variant: int, words: Words) -> tuple[str, str]:
    """The title and subtitle of an item: the phase (the deck's exercise title on the group
    work), and the round or the slide's number."""
    title = words.phase_title(step.phase.id, step.phase.title)
    subtitle = ""
    if step.round is not None and step.round_index is not None:
        name = words.round_title(step.round.id, step.round.title)
        subtitle = words.t(
            "phase.round", n=step.round_index + 1, of=len(step.phase.rounds), title=name
        )
    elif item.kind == "slide":
        subtitle = f"{item.index + 1} / {item.of}"
    if item.kind == "groupwork":
        title = words.exercise.get(f"title{variant}", title)
    elif item.kind == "discuss":  # the deck's slide: "Opsamling: Drøft i grupperne"
        title = words.wrapup_heading or title
    return title, subtitle
