"""Sentences a referat says about its numbers, shared by the Markdown and HTML builders.

Each takes `strong`, which marks a factor's name the way the format emphasises (`**…**` in
Markdown; in HTML a marker that is replaced after escaping, see `html.py`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from amk_tui.reports.model import Referat, ScoreRow

Strong = Callable[[str], str]


def _names(r: Referat, rows: Sequence[ScoreRow], strong: Strong) -> str:
    """`**A**`, `**A** og **B**`, `**A**, **B** og **C**`."""
    names = [strong(row.factor.name) for row in rows]
    if len(names) < 2:
        return "".join(names)
    return f"{', '.join(names[:-1])} {r.words.t('and')} {names[-1]}"


def summary_lines(r: Referat, strong: Strong) -> list[str]:
    """ "Det siger vurderingerne": the lowest factor and the most split one (ties named)."""
    w = r.words
    lows = r.lowests
    if not lows:
        return [w.t("summary.no_scores")]
    mean = w.num(lows[0].stats.mean)
    lines = [w.t("summary.lowest", factor=_names(r, lows, strong), mean=mean)]
    splits = r.splits
    if not splits:
        lines.append(w.t("summary.agree"))
        return lines
    spans = {(row.stats.low, row.stats.high) for row in splits}
    if len(spans) == 1:  # "… og … (begge fra 2 til 4)"
        st = splits[0].stats
        low_, high = w.num(st.low, trim=True), w.num(st.high, trim=True)
        key = {1: "summary.split", 2: "summary.split_both"}.get(len(splits), "summary.split_all")
        lines.append(w.t(key, factor=_names(r, splits, strong), low=low_, high=high))
    else:  # the same spread from different places: each with its own
        parts = [
            w.t(
                "summary.split_part",
                factor=strong(row.factor.name),
                low=w.num(row.stats.low, trim=True),
                high=w.num(row.stats.high, trim=True),
            )
            for row in splits
        ]
        joined = f"{', '.join(parts[:-1])} {w.t('and')} {parts[-1]}"
        lines.append(w.t("summary.split_many", factors=joined))
    return lines


def change_notes(r: Referat) -> list[str]:
    """What the change since last time can and cannot say: a note when the groups scored
    differently (together / each on a slip) or were not as many, and the ±0,5 rule."""
    w = r.words
    notes = []
    if r.previous_variant is not None and r.previous_variant != r.variant:
        before = w.t(f"change.variant{r.previous_variant}")
        now = w.t(f"change.variant{r.variant}")
        notes.append(w.t("change.variant_differs", before=before, now=now))
    scored = r.scored_groups
    if r.previous_groups is not None and r.previous_groups != scored:
        notes.append(w.t("change.groups_differ", before=r.previous_groups, now=scored))
    notes.append(w.t("change.small"))
    return notes


def next_lines(r: Referat) -> list[str]:
    """ "Næste opfølgning": the next AMG meeting (if given), the next assessment and the
    first follow-up date."""
    w = r.words
    lines = []
    if r.minutes.next_meeting is not None:
        lines.append(w.t("next.meeting", date=w.date_long(r.minutes.next_meeting)))
    if r.next_assessment is not None:
        lines.append(w.t("next.assessment", date=w.date_long(r.next_assessment)))
    else:
        lines.append(w.t("next.no_assessment"))
    if r.first_followup is not None:
        lines.append(w.t("next.first_followup", date=w.date_long(r.first_followup)))
    return lines


def minutes_meta(r: Referat) -> list[tuple[str, str]]:
    """The header's lines from the referat's details: time, agenda item, purpose."""
    m = r.minutes
    return [(k, v) for k in ("time", "agenda_item", "purpose") if (v := getattr(m, k))]


def people_lines(r: Referat) -> list[tuple[str, str]]:
    """Who was there and who sent apologies, by name (only when typed)."""
    m = r.minutes
    return [(k, v) for k in ("attendees", "absent") if (v := getattr(m, k))]


def annual_lines(r: Referat, strong: Strong) -> list[str]:
    """What the annual work environment discussion can take from this workshop."""
    w = r.words
    lines = []
    if r.overall_mean is not None:  # a profile, not one average to rank by
        key = "annual.assessed_one" if r.scored_groups == 1 else "annual.assessed"
        lines.append(w.t(key, groups=r.scored_groups))
    if highs := r.highests:
        lines.append(w.t("annual.highest", factor=_names(r, highs, strong)))
    if lows := r.lowests:
        lines.append(w.t("annual.lowest", factor=_names(r, lows, strong)))
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
