"""The workshop being run: the one place a session changes.

Every change a person makes — a score, a group, a paper slip, an answer, an action, a step,
a timer key, finishing — is a `Workshop` method. It enforces the rules (read-only, limits)
and then tells its `Listener` about exactly one `Change` (the app saves and the views redraw)
or about one refusal (the app says why, in the session's language). It never touches files:
saving is the app's keeper's job, and screens and widgets only call these methods.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from amk_tui.core.change import Change, Listener, Nobody, Refusal, What
from amk_tui.core.closing import Closing
from amk_tui.core.flow import Item
from amk_tui.core.limits import MAX_ITEMS, MAX_NAME, MAX_ROWS
from amk_tui.core.scores import FACTOR_IDS, MAX_GROUPS
from amk_tui.core.series import cycle, views
from amk_tui.core.session import CHART_KINDS, Action, ActionStatus, FollowUp, Session
from amk_tui.core.stepping import ItemsOf, Stepping
from amk_tui.core.text import clip
from amk_tui.core.trend import Trend, visit_of


class Workshop(Stepping, Closing):
    """A session with its rules: what may change, and one `Change` for each change."""

    def __init__(
        self,
        session: Session,
        *,
        view_only: bool = False,
        previous: Session | None = None,
        history: Trend | None = None,
        items: ItemsOf | None = None,
        listener: Listener | None = None,
    ) -> None:
        self.session = session
        self.view_only = view_only
        """Opened to look at: another amk holds the file, or it is a room's view."""
        self.previous = previous
        """This AMG's previous workshop (change per factor, follow-up), if any."""
        self.history = history
        """This AMG's workshops as saved in the folder (its listing index), if any."""
        self._items = items or (lambda step: (Item("slide"),))
        self.listener: Listener = listener or Nobody()
        self.revision = 0

    # -- state ---------------------------------------------------------------------------
    @property
    def readonly(self) -> bool:
        """Nothing may change: view-only, or the workshop is finished (Ctrl+R reopens)."""
        return self.view_only or self.session.finished

    @property
    def needs_followup(self) -> bool:
        """A new workshop whose AMG left open actions last time, not yet followed up."""
        previous, session = self.previous, self.session
        if previous is None or self.readonly or session.agenda.index is not None:
            return False
        if session.previous == previous.id:
            return False
        return any(a.status in ("open", "in-progress") for a in previous.actions)

    @property
    def earlier_workshops(self) -> int:
        """How many workshops of this AMG came before this one."""
        return 0 if self.history is None else self.history.before(self.session.id)

    def trend(self) -> Trend | None:
        """The AMG's workshops up to this one, this one with its scores as they are now."""
        now = visit_of(self.session)
        if self.history is None:
            return Trend(self.session.amg, self.session.amg_id, (now,))
        return self.history.up_to(now)

    # -- listening -----------------------------------------------------------------------
    def _changed(self, what: What, save: bool = True) -> Change:
        self.revision += 1
        change = Change(what, self.revision, save)
        self.listener.workshop_changed(change)
        return change

    def _refuse(self, reason: Refusal) -> None:
        self.listener.workshop_refused(reason)

    def _editable(self) -> bool:
        if self.readonly:
            self._refuse("readonly")
            return False
        return True

    # -- stepping ------------------------------------------------------------------------
    def go(self, index: int, *, at_end: bool = False) -> Change:
        """Enter a step of the program (its countdown starts by itself, unless read-only)."""
        self._leave_item()
        step = self.session.agenda.go(index, run=not self.readonly)
        if at_end:  # saved as the index itself: every window and a resume read the same item
            self.session.cursor[step.key] = self.item_count(step) - 1
        self._enter_item()
        return self._changed("position", save=not self.readonly)

    def set_item(self, index: int) -> Change | None:
        step = self.step
        if step is None:
            return None
        self._leave_item()
        self.session.cursor[step.key] = max(0, min(index, self.item_count(step) - 1))
        self._enter_item()
        return self._changed("position", save=not self.readonly)

    def _leave_item(self) -> None:
        """An item with a countdown of its own (the discussion slide) pauses it on leaving."""
        countdown, step = self.countdown, self.step
        own = step is not None and countdown is not self.session.agenda.countdowns.get(step.key)
        if own and countdown is not None and not self.readonly:
            countdown.pause()

    def _enter_item(self) -> None:
        """… and starts it on arriving (the phase's countdown goes on meanwhile)."""
        countdown, step = self.countdown, self.step
        own = step is not None and countdown is not self.session.agenda.countdowns.get(step.key)
        if own and countdown is not None and not self.readonly:
            countdown.start()

    def next(self) -> Change | None:
        """The next item, else the next step; at the very end a refusal (`end`)."""
        agenda = self.session.agenda
        if agenda.index is not None and self.item < self.item_count() - 1:
            return self.set_item(self.item + 1)
        following = 0 if agenda.index is None else agenda.index + 1
        if following < len(agenda.steps):
            return self.go(following)
        self._refuse("end")
        return None

    def prev(self) -> Change | None:
        """The previous item, else the previous step at its last item."""
        agenda = self.session.agenda
        if agenda.index is None:
            return None
        if self.item > 0:
            return self.set_item(self.item - 1)
        if agenda.index > 0:
            return self.go(agenda.index - 1, at_end=True)
        return None

    # -- timer ---------------------------------------------------------------------------
    def _countdown_editable(self) -> bool:
        if not self._editable():
            return False
        if self.countdown is None:
            self._refuse("no_timer")
            return False
        return True

    def toggle_timer(self) -> Change | None:
        if not self._countdown_editable():
            return None
        countdown = self.countdown
        assert countdown is not None
        countdown.toggle()
        return self._changed("timer")

    def extend(self, minutes: float) -> Change | None:
        if not self._countdown_editable():
            return None
        countdown = self.countdown
        assert countdown is not None
        countdown.extend(minutes)
        return self._changed("timer")

    def reset_timer(self) -> Change | None:
        if not self._countdown_editable():
            return None
        countdown = self.countdown
        assert countdown is not None
        countdown.reset()
        return self._changed("timer")

    def take_alert(self) -> bool:
        """True exactly once when the current countdown reaches zero (the bell rings)."""
        countdown = self.countdown
        if countdown is None or self.readonly or not countdown.take_alert():
            return False
        self._changed("timer")
        return True

    # -- scores and groups ---------------------------------------------------------------
    def score(self, group_index: int, factor: str, value: int | None) -> Change | None:
        """A group's score for a factor (None = not scored)."""
        if not self._editable():
            return None
        if not 0 <= group_index < len(self.session.groups) or factor not in FACTOR_IDS:
            self._refuse("no_group")
            return None
        self.session.groups[group_index].set_score(factor, value)
        return self._changed("scores")

    def add_group(self, default_name: str = "{letter}") -> Change | None:
        if not self._editable():
            return None
        if len(self.session.groups) >= MAX_GROUPS:
            self._refuse("max_groups")
            return None
        self.session.add_group(default_name=default_name)
        return self._changed("groups")

    def rename_group(self, index: int, name: str) -> Change | None:
        if not self._editable() or not name.strip():
            return None
        if not 0 <= index < len(self.session.groups):
            self._refuse("no_group")
            return None
        self.session.groups[index].name = clip(name.strip(), MAX_NAME)
        return self._changed("groups")

    def remove_group(self, index: int) -> Change | None:
        if not self._editable():
            return None
        if not 0 <= index < len(self.session.groups):
            self._refuse("no_group")
            return None
        del self.session.groups[index]
        return self._changed("groups")

    def add_row(self, group_index: int, row: tuple[int | None, ...]) -> Change | None:
        """One paper slip of a group ("hver især")."""
        if not self._editable():
            return None
        if not 0 <= group_index < len(self.session.groups):
            self._refuse("no_group")
            return None
        if len(self.session.groups[group_index].rows) >= MAX_ROWS:
            self._refuse("full")
            return None
        self.session.groups[group_index].rows.append(row)
        return self._changed("rows")

    def set_row(self, group_index: int, index: int, row: tuple[int | None, ...]) -> Change | None:
        if not self._editable():
            return None
        rows = self._rows(group_index)
        if rows is None or not 0 <= index < len(rows):
            return None
        rows[index] = row
        return self._changed("rows")

    def remove_row(self, group_index: int, index: int) -> Change | None:
        if not self._editable():
            return None
        rows = self._rows(group_index)
        if rows is None or not 0 <= index < len(rows):
            return None
        del rows[index]
        return self._changed("rows")

    def _rows(self, group_index: int) -> list[tuple[int | None, ...]] | None:
        if not 0 <= group_index < len(self.session.groups):
            self._refuse("no_group")
            return None
        return self.session.groups[group_index].rows

    def toggle_reveal(self) -> Change | None:
        """Show the chart to the room (or hide it again)."""
        if not self._editable():
            return None
        self.session.revealed = not self.session.revealed
        return self._changed("reveal")

    # -- what the room says ----------------------------------------------------------------
    def answer(
        self, question_id: str, kind: str, text: str = "", values: Sequence[str] = ()
    ) -> Change | None:
        """What was said under a question; a change only if something changed."""
        if self.readonly:  # a field that reports late on a read-only screen: not a refusal
            return None
        if not self.session.answer(question_id, kind, text, values):
            return None
        return self._changed("answers")

    def keep_draft(self, fields: dict[str, str], index: int | None) -> Change | None:
        """An action being typed, kept so a crash loses at most a key."""
        if self.readonly:
            return None
        self.session.draft = {**fields, "index": "" if index is None else str(index)}
        return self._changed("draft")

    def draft_index(self) -> int | None:
        """The action a kept draft edits (None: a new one)."""
        raw = self.session.draft.get("index", "")
        ok = raw.isdigit() and int(raw) < len(self.session.actions)
        return int(raw) if ok else None

    def save_action(self, index: int | None, action: Action | None) -> Change | None:
        """The form closed: the draft goes; `action` (if any) is added or replaces `index`."""
        if self.readonly:
            return None
        self.session.draft = {}
        if action is not None:
            if index is None and len(self.session.actions) >= MAX_ITEMS:
                self._refuse("full")
            elif index is None:
                self.session.actions.append(action)
            elif 0 <= index < len(self.session.actions):
                self.session.actions[index] = action
        return self._changed("actions")

    def remove_action(self, index: int) -> Change | None:
        if not self._editable() or not 0 <= index < len(self.session.actions):
            return None
        del self.session.actions[index]
        return self._changed("actions")

    def follow_up(self, marked: Sequence[tuple[Action, str]], previous_id: str) -> Change | None:
        """Last time's open actions followed up, each with its mark (`core.records.
        FOLLOWUP_MARKS`): the follow-up is recorded in this workshop (last time's file is a
        record and never changes); `in-progress` and `carry` carry the action into this
        plan ("videreført": in progress, or as it was)."""
        if not self._editable():
            return None
        for action, mark in marked:
            self.session.followups.append(
                FollowUp(previous_id, action.what, action.owner, action.deadline, mark)
            )
            if mark in ("in-progress", "carry"):  # `carry`: as it was (open or in progress)
                status: ActionStatus = "in-progress" if mark == "in-progress" else action.status
                carried = dataclasses.replace(action, status=status, origin=previous_id, extra={})
                self.session.actions.append(carried)
        self.session.previous = previous_id
        self.session.view.followup = []  # reviewed: the room moves on with the program
        return self._changed("followup")

    def review_followup(self, marks: Sequence[str]) -> Change | None:
        """Last time's open actions on the room while they are marked (before the start)."""
        if not self._editable() or list(marks) == self.session.view.followup:
            return None
        self.session.view.followup = list(marks)
        return self._changed("view")

    # -- the room's screen: ways of looking, allowed read-only too (saved when writable) ------
    def _looked(self) -> Change:
        return self._changed("view", save=not self.readonly)

    def toggle_blank(self) -> Change:
        """Black out the room's screen (or bring it back)."""
        self.session.view.blank = not self.session.view.blank
        return self._looked()

    def toggle_room_notes(self) -> Change | None:
        if not self._editable():
            return None
        self.session.view.notes_hidden = not self.session.view.notes_hidden
        return self._changed("view")

    def toggle_chart(self) -> Change:
        """`c`: radar ↔ bars."""
        self.session.view.chart = cycle(CHART_KINDS, self.session.view.chart)
        return self._looked()

    def cycle_series(self) -> Change:
        """`v`: all groups → their mean → each group → all again."""
        self.session.view.series = cycle(views(self.session.groups), self.session.view.series)
        return self._looked()

    def toggle_overlay(self) -> Change | None:
        """`o`: last time's mean under the groups, or not; refused without a last time."""
        if self.previous is None:
            self._refuse("no_previous")
            return None
        self.session.view.overlay = not self.session.view.overlay
        return self._looked()
