"""How a workshop ends: the next assessment, the referat's own lines, the slips kept as a
tally or as written — all applied in one finish, written once — and reopening on purpose.

`Closing` is the part of `Workshop` (core/workshop.py) for the end of a workshop; like every
change it goes through the workshop's rules (`_editable`) and says what changed (`_changed`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from amk_tui.core.change import Change, Refusal, What
from amk_tui.core.session import Minutes, Session
from amk_tui.core.tally import has_slips, reduce_slips


@dataclass(frozen=True)
class Finishing:
    """What finishing asks for, applied at once: the next assessment, the referat's own lines
    (None: as they were), and whether the slips are kept only as a tally."""

    next_assessment: dt.date | None
    minutes: Minutes | None = None
    tally: bool = False


def finish_session(session: Session, how: Finishing) -> None:
    """The session as finished `how` (the keeper's trial copy and the live one alike)."""
    session.next_assessment = how.next_assessment
    if how.minutes is not None:
        session.minutes = how.minutes
    if how.tally:
        reduce_slips(session.groups)
    session.finish()


class Closing:
    """The end of a workshop (changes, through the workshop's own rules)."""

    session: Session
    view_only: bool

    def _editable(self) -> bool:
        raise NotImplementedError

    def _changed(self, what: What, save: bool = True) -> Change:
        raise NotImplementedError

    def _refuse(self, reason: Refusal) -> None:
        raise NotImplementedError

    def plan_assessment(self, day: dt.date | None) -> Change | None:
        """Næste vurdering: when the AMG assesses its competence again (None: not set)."""
        if not self._editable():
            return None
        self.session.next_assessment = day
        return self._changed("meta")

    @property
    def keeps_slips(self) -> bool:
        """Some group keeps its slips as written (finishing offers to keep only the tally)."""
        return has_slips(self.session.groups)

    def finish(self, how: Finishing | None = None, *, saved: bool = False) -> Change | None:
        """Every timer stops and the session is marked finished, with what finishing asked
        for (`Finishing`); then read-only. `saved`: the file already holds exactly this (the
        keeper's trial save), so the change saves nothing again — finishing writes once."""
        if not self._editable():
            return None
        finish_session(self.session, how or Finishing(self.session.next_assessment))
        return self._changed("status", save=not saved)

    def reopen(self) -> Change | None:
        """A finished workshop made editable again, on purpose."""
        if self.view_only:
            self._refuse("readonly")
            return None
        if not self.session.finished:
            self._refuse("not_finished")
            return None
        self.session.reopen()
        return self._changed("status")
