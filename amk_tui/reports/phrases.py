"""Sentences a referat says about its numbers, shared by the Markdown and HTML builders.

Each takes `strong`, which marks a factor's name the way the format emphasises (`**…**` in
Markdown; in HTML a marker that is replaced after escaping, see `html.py`).
"""

from __future__ import annotations

from collections.abc import Callable

from amk_tui.reports.model import Referat

Strong = Callable[[str], str]


def summary_lines(r: Referat, strong: Strong) -> list[str]:
    """ "Det siger vurderingerne": the lowest factor and the most split one."""
    w = r.words
    low = r.lowest
    if low is None:
        return [w.t("summary.no_scores")]
    lines = [w.t("summary.lowest", factor=strong(low.factor.name), mean=w.num(low.stats.mean))]
    split = r.split
    if split is None:
        lines.append(w.t("summary.agree"))
    else:
        st = split.stats
        low_, high = w.num(st.low, trim=True), w.num(st.high, trim=True)
        lines.append(w.t("summary.split", factor=strong(split.factor.name), low=low_, high=high))
    return lines


def next_lines(r: Referat) -> list[str]:
    """ "Næste opfølgning": the next assessment and the first follow-up date."""
    w = r.words
    if r.next_assessment is not None:
        lines = [w.t("next.assessment", date=w.date_long(r.next_assessment))]
    else:
        lines = [w.t("next.no_assessment")]
    if r.first_followup is not None:
        lines.append(w.t("next.first_followup", date=w.date_long(r.first_followup)))
    return lines


def annual_lines(r: Referat, strong: Strong) -> list[str]:
    """What the annual work environment discussion can take from this workshop."""
    w = r.words
    lines = []
    if r.overall_mean is not None:
        lines.append(w.t("annual.assessed", groups=len(r.columns), mean=w.num(r.overall_mean)))
    if (low := r.lowest) is not None:
        lines.append(w.t("annual.lowest", factor=strong(low.factor.name)))
    if r.priorities:
        names = ", ".join(strong(f.name) for f in r.priorities)
        lines.append(w.t("annual.priorities", factors=names))
    open_ = sum(a.status in ("open", "in-progress") for a in r.actions)
    if len(r.actions) == 1:
        state = w.t("annual.one_open" if open_ else "annual.one_done")
        lines.append(w.t("annual.action", state=state))
    else:
        lines.append(w.t("annual.actions", n=len(r.actions), open=open_))
    if r.next_assessment is not None:
        lines.append(w.t("annual.next", date=w.date_long(r.next_assessment)))
    return lines
