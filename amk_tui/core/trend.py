"""An AMG over time: the groups' mean per factor at each of its workshops, oldest first.

Pure numbers from what the listing index keeps of each session (`Visit`): `trend_of()`
gathers one AMG's workshops in date order, `known_amgs()` lists the AMGs of a folder with
their number of workshops, the last date and what is due. Drawing and words live elsewhere
(`chart_trend.py`, `reports/trend.py`); this module only counts.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from amk_tui.core.palette import factor_color
from amk_tui.core.scores import FACTOR_IDS, stats_by_factor
from amk_tui.core.series import Series
from amk_tui.core.session import Session


@dataclass(frozen=True)
class Visit:
    """One workshop as a point of its AMG's history (from the listing index)."""

    session_id: str
    """The session file's stem: a tie-breaker on the same day, and how a session is named."""
    date: dt.date
    amg: str
    """The AMG's name as typed in that file."""
    amg_id: str
    """The AMG's stable identity (`session.amg_key` unless renamed or merged)."""
    groups: int
    means: tuple[float | None, ...]
    """The groups' mean per factor, in FACTOR_IDS order; None = no group scored it."""
    finished: bool = True
    next_assessment: dt.date | None = None
    open_deadlines: tuple[dt.date, ...] = ()
    """Deadlines of the actions still open or in progress (not carried to a later workshop)."""
    followed: tuple[str, ...] = ()
    """The earlier workshops whose open actions this one followed up: their deadlines count
    no more (the newest status is this one's, and what goes on was carried here)."""

    @property
    def order(self) -> tuple[dt.date, str]:
        return (self.date, self.session_id)


@dataclass(frozen=True)
class Trend:
    """One AMG's workshops, oldest first."""

    amg: str
    """The name as written in its newest workshop."""
    amg_id: str
    visits: tuple[Visit, ...]

    @property
    def dates(self) -> tuple[dt.date, ...]:
        return tuple(v.date for v in self.visits)

    def values(self, factor: str) -> tuple[float | None, ...]:
        """The groups' mean of one factor at each workshop."""
        i = FACTOR_IDS.index(factor)
        return tuple(v.means[i] for v in self.visits)

    def change(self, factor: str) -> float | None:
        """From the first workshop that scored the factor to the last one (None: fewer than
        two did)."""
        scored = [m for m in self.values(factor) if m is not None]
        return scored[-1] - scored[0] if len(scored) >= 2 else None

    def before(self, session_id: str) -> int:
        """How many workshops of this AMG came before the session named `session_id`."""
        ids = [v.session_id for v in self.visits]
        return ids.index(session_id) if session_id in ids else len(ids)

    def up_to(self, visit: Visit) -> Trend:
        """The workshops up to `visit`, with `visit` in its place (a workshop being run
        replaces its saved self; later workshops are left out)."""
        earlier = [
            v for v in self.visits if v.session_id != visit.session_id and v.order < visit.order
        ]
        return Trend(self.amg, self.amg_id, (*sorted(earlier, key=_order), visit))


@dataclass(frozen=True)
class KnownAmg:
    """One AMG of a sessions folder, as the start screen and `amk trend` list it."""

    amg_id: str
    amg: str
    """The name as written in its newest workshop."""
    workshops: int
    last: dt.date
    next_assessment: dt.date | None
    """The next assessment set at its newest workshop that set one."""
    overdue_actions: int = 0
    """Actions still open whose deadline has passed (as of the `today` asked about)."""

    def assessment_overdue(self, today: dt.date) -> bool:
        return self.next_assessment is not None and self.next_assessment < today

    def due(self, today: dt.date) -> bool:
        """Something to chase: the next assessment passed, or an open action's deadline."""
        return self.assessment_overdue(today) or self.overdue_actions > 0


def visit_of(session: Session) -> Visit:
    """A session as a point of its AMG's history, with its scores as they are now."""
    stats = stats_by_factor(session.groups)
    deadlines = tuple(
        a.deadline
        for a in session.actions
        if a.deadline is not None
        and a.status in ("open", "in-progress")
        and "carried_to" not in a.extra
    )
    means = tuple(stats[f].mean for f in FACTOR_IDS)
    followed = tuple(sorted({f.session for f in session.followups}))
    return Visit(session.id, session.date, session.amg, session.amg_id, len(session.groups),
                 means, session.finished, session.next_assessment, deadlines,
                 followed)  # fmt: skip


def factor_series(trend: Trend, labels: Sequence[str], colored: bool = True) -> list[Series]:
    """One line per factor over the workshops: its number as the letter, `labels` (short,
    in FACTOR_IDS order) as the names, the palette's colours in factor order."""
    return [
        Series(str(i + 1), label, trend.values(f), factor_color(i) if colored else None)
        for i, (f, label) in enumerate(zip(FACTOR_IDS, labels, strict=True))
    ]


def _order(v: Visit) -> tuple[dt.date, str]:
    return v.order


def trend_of(visits: Iterable[Visit], amg_id: str) -> Trend | None:
    """The workshops of the AMG `amg_id`, oldest first; None if it has none."""
    mine = sorted((v for v in visits if v.amg_id == amg_id), key=_order)
    if not mine:
        return None
    return Trend(mine[-1].amg, amg_id, tuple(mine))


def known_amgs(visits: Iterable[Visit], today: dt.date) -> list[KnownAmg]:
    """Every AMG with its workshops counted, the newest first (by its last workshop)."""
    by_id: dict[str, list[Visit]] = {}
    for v in visits:
        by_id.setdefault(v.amg_id, []).append(v)
    out = [_known(amg_id, sorted(vs, key=_order), today) for amg_id, vs in by_id.items()]
    out.sort(key=lambda k: (k.last, k.amg_id), reverse=True)
    return out


def _known(amg_id: str, visits: Sequence[Visit], today: dt.date) -> KnownAmg:
    newest = visits[-1]
    planned = [v.next_assessment for v in visits if v.next_assessment is not None]
    settled = {s for v in visits for s in v.followed}  # followed up by a later workshop
    overdue = sum(
        1 for v in visits if v.session_id not in settled for d in v.open_deadlines if d < today
    )
    return KnownAmg(
        amg_id=amg_id,
        amg=newest.amg,
        workshops=len(visits),
        last=newest.date,
        next_assessment=planned[-1] if planned else None,
        overdue_actions=overdue,
    )


def months_later(day: dt.date, months: int) -> dt.date:
    """The same day `months` later (the month's last day where it is shorter); never past
    the last day a date can hold (a file that claims the year 9999)."""
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    if year > dt.MAXYEAR:
        return dt.date.max
    for d in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month, d)
        except ValueError:
            continue
    raise ValueError(day)  # pragma: no cover  (every month has a 28th)


def established_name(name: str, known: Iterable[KnownAmg]) -> str | None:
    """The spelling an AMG's workshops already use, if `name` is that AMG however typed
    (None: a new AMG, or typed exactly so). An AMG keeps its name until `amk amg rename`."""
    from amk_tui.core.session import amg_key

    wanted = amg_key(name)
    for k in known:
        if k.amg_id == wanted and k.amg != " ".join(name.split()):
            return k.amg
    return None
