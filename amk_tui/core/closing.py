"""How a workshop ends: the next assessment, the referat's own lines, the slips kept as a
tally or as written, finishing, and reopening on purpose.

`Closing` is the part of `Workshop` (core/workshop.py) for the end of a workshop; like every
change it goes through the workshop's rules (`_editable`) and says what changed (`_changed`).
"""

from __future__ import annotations

import datetime as dt

from amk_tui.core.change import Change, Refusal, What
from amk_tui.core.session import Minutes, Session
from amk_tui.core.tally import has_slips, reduce_slips


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

    def set_minutes(self, minutes: Minutes) -> Change | None:
        """The referat's own lines, as typed at finish (`Minutes`)."""
        if not self._editable():
            return None
        self.session.minutes = minutes
        return self._changed("meta")

    @property
    def keeps_slips(self) -> bool:
        """Some group keeps its slips as written (finishing offers to keep only the tally)."""
        return has_slips(self.session.groups)

    def keep_only_tally(self) -> Change | None:
        """The groups' slips reduced to a tally per factor (`core.tally`): the referat, the
        charts and the trend show the same; which values stood together on a slip is gone."""
        if not self._editable() or not reduce_slips(self.session.groups):
            return None
        return self._changed("rows")

    def finish(self) -> Change | None:
        """Every timer stops and the session is marked finished (saved, then read-only)."""
        if not self._editable():
            return None
        self.session.finish()
        return self._changed("status")

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
