"""One truth for the room: the scene the room derives from the saved file is the console's.

A Hypothesis state machine plays the facilitator: steps forward and back across the phases
(`n`, `p`, Home, End, the agenda), the time keys (␣, `+`, `-`, `>`, `r`), the reveal, `c`,
`v`, `o`, `b`, `m`, scores, time passing, finishing, and a second workshop of the same AMG
in either language. The console is the core `Workshop` saving through the app's `Keeper`;
the room is `RoomWatch`, opened without a file, as `amk room` is. After every step the room
looks at the folder and its scene must equal the console's — the countdown to the second.
No real time passes: one fake clock drives both.
"""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from amk_tui.config import Config, Content, content_for, load_config
from amk_tui.config.flow import outline, step_items
from amk_tui.core.change import Change, Refusal
from amk_tui.core.clock import FakeClock
from amk_tui.core.scene import Scene, derive
from amk_tui.core.scores import FACTOR_IDS
from amk_tui.core.setup import new_session
from amk_tui.core.workshop import Workshop
from amk_tui.keeper import Keeper
from amk_tui.room.watch import PRESENCE_EVERY, WAIT_AFTER, RoomWatch
from amk_tui.store import SessionStore

REPO = Path(__file__).resolve().parents[2]
CONFIGS = {
    "deck": REPO / "config.toml",
    "rounds": REPO / "tests" / "data" / "config" / "vurder-droeft.toml",
}
WAIT_FOR_MOVING_ON = PRESENCE_EVERY * (WAIT_AFTER + 1)
"""Looks after which a room without a file has noticed a console gone and moved on."""


def same_picture(room: Scene, console: Scene, now: float) -> None:
    """Equal scenes; their countdowns (read at different moments) within a hundredth of a
    second at `now`, with the same state and allowance.

    A finished workshop is a record: browsing it on the console (read-only) writes nothing,
    and the room shows its summary as it was filed.
    """
    if console.finished:
        assert (room.kind, room.title, room.finished) == ("summary", console.title, True)
        return
    assert (room.timer is None) == (console.timer is None), (room, console)
    if room.timer is not None and console.timer is not None:
        assert abs(room.timer.left(now) - console.timer.left(now)) < 0.01, (room, console)
        assert (room.timer.state, room.timer.duration) == (
            console.timer.state,
            console.timer.duration,
        )
        assert room.timer.text(now + 0.5) == console.timer.text(now + 0.5)
    strip = {"timer": None}
    assert room.__class__(**{**room.__dict__, **strip}) == console.__class__(
        **{**console.__dict__, **strip}
    ), (room, console)


class TwoWindows(RuleBasedStateMachine):
    """The facilitator's console and a room window on one sessions folder."""

    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="amk-truth-"))
        self.clock = FakeClock()
        self.store = SessionStore(self.folder / "sessions", clock=self.clock)
        self.config: Config = load_config(CONFIGS["deck"])
        self.keeper: Keeper | None = None
        self.workshop: Workshop | None = None
        self.content: Content | None = None
        self.room: RoomWatch | None = None
        self.day = dt.date(2026, 12, 7)

    # -- the console -------------------------------------------------------------------------
    def workshop_changed(self, change: Change) -> None:
        if change.save and self.keeper is not None and self.workshop is not None:
            assert self.keeper.save(self.workshop.session) is None

    def workshop_refused(self, reason: Refusal) -> None:
        pass

    def open_workshop(self, language: str, variant: int) -> None:
        if self.keeper is not None:
            self.keeper.release()  # the console closes the last one (its lock goes)
        session = new_session(
            "AMG Sandhed",
            self.config.program,
            groups=["", "", ""],
            date=self.day,
            language=language,
            variant=variant,
            clock=self.clock,
        )
        path = self.store.create(session)
        self.day += dt.timedelta(days=1)
        content = content_for(self.config, language)
        self.keeper = Keeper.open(self.store, path)
        previous = self.store.previous(session)
        self.content = content
        self.workshop = Workshop(
            session,
            previous=previous.session if previous else None,
            items=lambda step: step_items(content, step, session.variant),
            listener=self,
        )

    @property
    def w(self) -> Workshop:
        assert self.workshop is not None
        return self.workshop

    def console_scene(self) -> Scene:
        assert self.content is not None
        return derive(
            self.w.session,
            deck=outline(self.content),
            words=self.content,
            warn_seconds=self.config.warn_minutes * 60,
        )

    # -- the steps ---------------------------------------------------------------------------
    @initialize(
        program=st.sampled_from(sorted(CONFIGS)),
        language=st.sampled_from(["da", "en"]),
        variant=st.sampled_from([1, 2]),
        room_first=st.booleans(),
    )
    def start(self, program: str, language: str, variant: int, room_first: bool) -> None:
        self.config = load_config(CONFIGS[program])
        self.room = RoomWatch(self.config, self.store.folder, clock=self.clock)
        if room_first:  # the room is opened on the projector before the console
            self.room.start()
            assert self.room.scene().kind == "waiting"
        self.open_workshop(language, variant)
        if not room_first:
            self.room.start()
        self.look(WAIT_FOR_MOVING_ON)

    @rule()
    def next(self) -> None:
        self.w.next()

    @rule()
    def prev(self) -> None:
        self.w.prev()

    @rule(last=st.booleans())
    def home_or_end(self, last: bool) -> None:
        self.w.set_item(self.w.item_count() - 1 if last else 0)

    @rule(data=st.data())
    def agenda(self, data: st.DataObject) -> None:
        steps = len(self.w.session.agenda.steps)
        self.w.go(data.draw(st.integers(0, steps - 1)))

    @rule(key=st.sampled_from(["space", "+", "-", ">", "r"]))
    def time_key(self, key: str) -> None:
        if key == "space":
            self.w.toggle_timer()
        elif key == "r":
            self.w.reset_timer()
        else:
            self.w.extend({"+": 1, "-": -1, ">": 5}[key])

    @rule(seconds=st.sampled_from([0.25, 1.0, 7.5, 59.75, 119.0, 600.0]))
    def time_passes(self, seconds: float) -> None:
        self.clock.advance(seconds)
        self.w.take_alert()

    @rule(key=st.sampled_from(["h", "c", "v", "o", "b", "m"]))
    def view_key(self, key: str) -> None:
        actions = {
            "h": self.w.toggle_reveal,
            "c": self.w.toggle_chart,
            "v": self.w.cycle_series,
            "o": self.w.toggle_overlay,
            "b": self.w.toggle_blank,
            "m": self.w.toggle_room_notes,
        }
        actions[key]()

    @rule(
        group=st.integers(0, 2),
        factor=st.sampled_from(FACTOR_IDS),
        value=st.none() | st.integers(1, 5),
    )
    def score(self, group: int, factor: str, value: int | None) -> None:
        self.w.score(group, factor, value)

    @precondition(lambda self: self.workshop is not None and not self.w.session.finished)
    @rule()
    def finish(self) -> None:
        if self.w.session.agenda.current is not None:
            self.w.finish()

    @rule(language=st.sampled_from(["da", "en"]), variant=st.sampled_from([1, 2]))
    def next_workshop(self, language: str, variant: int) -> None:
        """Another workshop of the AMG, in either language: the room moves on to it."""
        self.open_workshop(language, variant)
        self.w.next()
        self.look(WAIT_FOR_MOVING_ON)

    # -- what the room sees ------------------------------------------------------------------
    def look(self, times: int = 1) -> None:
        assert self.room is not None
        for _ in range(times):
            self.room.look()

    @invariant()
    def the_room_shows_what_the_console_shows(self) -> None:
        if self.room is None or self.workshop is None:
            return
        self.look()
        assert self.room.session is not None
        assert self.room.session.id == self.w.session.id
        same_picture(self.room.scene(), self.console_scene(), self.clock.now)
        assert self.room.content.language == self.w.session.language
        factors = [f.name for f in self.room.content.factors]
        assert factors == [
            f.name for f in content_for(self.config, self.w.session.language).factors
        ]

    def teardown(self) -> None:
        if self.room is not None:
            self.room.release()
        if self.keeper is not None:
            self.keeper.release()
        shutil.rmtree(self.folder, ignore_errors=True)


TwoWindows.TestCase.settings = settings(
    max_examples=100,
    stateful_step_count=25,
    derandomize=True,  # the same sequences on every run and in CI
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
test_the_room_derives_the_consoles_scene_from_the_file = TwoWindows.TestCase
