"""The referat as Markdown (CommonMark with GFM tables): `markdown_report(referat, chart)`.

Lays out a `Referat` (see `model.py`, where privacy is decided); escapes typed text with
`mdtext` (only what would break the document). `chart` is the text radar from
`amk_tui.charts.radar_text`, passed in by the command with `--chart`, else empty.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from amk_tui.core.scores import format_trend
from amk_tui.reports import mdtext
from amk_tui.reports.model import ActionLine, Answer, Cell, Referat
from amk_tui.reports.phrases import (
    annual_lines,
    change_notes,
    minutes_meta,
    next_lines,
    people_lines,
    summary_lines,
)
from amk_tui.reports.words import difference

Section = Callable[["_Doc"], None]


class _Doc:
    """The lines written so far, and the referat they come from."""

    def __init__(self, referat: Referat, chart: str) -> None:
        self.r = referat
        self.w = referat.words
        self.chart = chart
        self.lines: list[str] = []

    def t(self, key: str, /, **values: object) -> str:
        return self.w.t(key, **values)

    def add(self, *lines: str) -> None:
        self.lines.extend(lines)

    def heading(self, level: int, text: str) -> None:
        if self.lines and self.lines[-1]:
            self.add("")
        self.add(f"{'#' * level} {text}", "")

    def para(self, text: str) -> None:
        if self.lines and self.lines[-1]:
            self.add("")
        self.add(text)

    def table(self, header: Sequence[str], rows: Sequence[Sequence[str]], align: str) -> None:
        """A GFM table; `align` has one letter per column: l(eft) or r(ight)."""
        if self.lines and self.lines[-1]:
            self.add("")
        self.add("| " + " | ".join(header) + " |")
        self.add("|" + "|".join("---:" if a == "r" else "---" for a in align) + "|")
        for row in rows:
            self.add("| " + " | ".join(c or self.w.none for c in row) + " |")

    def text(self) -> str:
        return "\n".join(self.lines).rstrip("\n") + "\n"


def markdown_report(referat: Referat, chart: str = "", sections: Sequence[Section] = ()) -> str:
    """The referat as Markdown; `sections` replaces the default order (see SECTIONS)."""
    doc = _Doc(referat, chart)
    for section in sections or SECTIONS:
        section(doc)
    return doc.text()


# -- sections ------------------------------------------------------------------------------
def header(d: _Doc) -> None:
    r = d.r
    d.add(f"# {mdtext.heading(d.t('title', amg=r.amg))}", "")
    variant = d.t(f"meta.variant{r.variant}")
    meta = [
        ("date", d.w.date_long(r.date)),
        *((key, mdtext.inline(value)) for key, value in minutes_meta(r)),
        ("amg", mdtext.inline(r.amg)),
        ("unit", mdtext.inline(r.unit)),
        ("place", mdtext.inline(r.place)),
        ("facilitator", mdtext.inline(r.facilitator)),
        ("referent", mdtext.inline(r.referent)),
        ("groups", str(len(r.columns))),
        ("variant", variant),
    ]  # (no "Status: afsluttet": a referat is of a finished workshop; an unfinished one says so)
    d.add(*(f"- **{d.t(f'meta.{key}')}:** {value}" for key, value in meta if value))
    if not r.finished:
        d.para(f"_{d.t('not_finished')}_")
    if not r.options.notes:
        d.para(f"_{d.t('no_notes')}_")


def participants(d: _Doc) -> None:
    d.heading(2, d.t("participants.heading"))
    named = people_lines(d.r)
    d.add(*(f"- **{d.t(f'participants.{key}')}:** {mdtext.inline(v)}" for key, v in named))
    if named:
        d.add("")
    people = [p for p in d.r.participants if p.count or p.names]
    if not people:
        if not named:
            d.add(d.t("participants.none"))
        return
    with_names = any(p.names for p in people)
    rows = []
    for p in people:
        row = [d.t(f"participants.{p.role}"), str(p.count)]
        rows.append([*row, mdtext.cell(p.names)] if with_names else row)
    rows.append([f"**{d.t('participants.total')}**", f"**{sum(p.count for p in people)}**"])
    if with_names:
        rows[-1].append("")
    keys = ["role", "count", "names"] if with_names else ["role", "count"]
    d.table([d.t(f"participants.{k}") for k in keys], rows, "lrl"[: len(keys)])


def timing(d: _Doc) -> None:
    if not d.r.timing:
        return
    d.heading(2, d.t("program.heading"))
    rows = [
        [
            mdtext.cell(p.title),
            _mmss(p.planned),
            _mmss(p.actual) if p.actual > 0 else "",
            difference(p.actual - p.planned) if p.actual > 0 else "",
        ]
        for p in d.r.timing
    ]
    planned = sum(p.planned for p in d.r.timing)
    actual = sum(p.actual for p in d.r.timing)
    total = [d.t("program.total"), _mmss(planned), _mmss(actual), difference(actual - planned)]
    rows.append([f"**{c}**" for c in total])
    header_ = [d.t(f"program.{k}") for k in ("phase", "planned", "actual", "difference")]
    d.table(header_, rows, "lrrr")


def _mmss(seconds: int) -> str:
    return difference(seconds).lstrip("+")


def scores(d: _Doc) -> None:
    r, w = d.r, d.w
    d.heading(2, d.t("scores.heading"))
    if not r.columns:
        d.add(d.t("scores.no_groups"))
        return
    d.add(d.t("scores.scale"))
    rows = [
        [
            f"{row.factor.number}. {mdtext.cell(row.factor.name)}",
            *(_cell(d, c) for c in row.cells),
            w.num(row.stats.mean),
            w.span(row.stats.low, row.stats.high),
        ]
        for row in r.scores
    ]
    header_ = [d.t("scores.factor"), *(mdtext.cell(c.label) for c in r.columns)]
    header_ += [d.t("scores.mean"), d.t("scores.range")]
    d.table(header_, rows, "l" + "r" * (len(r.columns) + 2))
    from_rows = [c.letter for i, c in enumerate(r.columns) if any(s.cells[i].n for s in r.scores)]
    if from_rows:
        d.para(d.t("scores.rows_note", groups=", ".join(from_rows)))
    if (note := r.slips_note) is not None:
        d.para(d.t("scores.withheld_note", **note))
    for ind in r.individuals:
        d.heading(3, d.t("scores.individual_heading", group=mdtext.heading(ind.column.label)))
        one = "_one" if ind.count == 1 else ""
        d.add(d.t(f"scores.individual_count{one}", n=ind.count))
        stat_rows = [
            [f"{f.number}. {mdtext.cell(f.name)}", str(s.n), w.num(s.mean), w.span(s.low, s.high)]
            for f, s in ind.rows
        ]
        d.table([d.t(f"scores.{k}") for k in ("factor", "n", "mean", "range")], stat_rows, "lrrr")


def _cell(d: _Doc, c: Cell) -> str:
    if c.withheld:
        return d.t("scores.withheld", n=c.n)
    if c.value is None:
        return d.w.none
    if c.consensus:
        return d.w.num(c.value, trim=True)
    return f"{d.w.num(c.value)} ({d.t('scores.n')}={c.n})"


def chart(d: _Doc) -> None:
    if not d.chart.strip() or not d.r.columns:
        return
    d.heading(2, d.t("chart.text_heading"))
    d.add(d.t("chart.intro"), "")
    body = [line.rstrip() for line in d.chart.strip("\n").split("\n")]
    longest = max((len(m) for m in re.findall(r"`+", d.chart)), default=0)
    fence = "`" * max(3, longest + 1)
    d.add(f"{fence}text", *body, fence)


def summary(d: _Doc) -> None:
    if not d.r.columns:
        return
    d.heading(2, d.t("summary.heading"))
    lines = summary_lines(d.r, _strong)
    d.add(*(f"- {line}" for line in lines) if d.r.lowest else lines)


def _strong(text: str) -> str:
    return f"**{mdtext.inline(text)}**"


def change(d: _Doc) -> None:
    if d.r.previous_date is None:
        return
    w = d.w
    d.heading(2, d.t("change.heading", date=w.date_long(d.r.previous_date)))
    d.add(d.t("change.legend"))
    for note in change_notes(d.r):
        d.add("", f"_{mdtext.inline(note)}_")
    rows = []
    for c in d.r.change:
        shown = "" if c.delta is None else format_trend(c.delta, w.decimal)
        rows.append([f"{c.factor.number}. {mdtext.cell(c.factor.name)}", w.num(c.before)])
        rows[-1] += [w.num(c.now), shown]
    header_ = [d.t(f"change.{k}") for k in ("before", "now", "change")]
    d.table([d.t("scores.factor"), *header_], rows, "lrrr")


def trend(d: _Doc) -> None:
    """Extension point: "Udvikling over tid" over the AMG's earlier workshops goes here."""


def answers(d: _Doc) -> None:
    for key, items in (("dialogue", d.r.dialogue), ("wrapup", d.r.wrapup)):
        if items:
            d.heading(2, d.t(f"{key}.heading"))
            for answer in items:
                _answer(d, answer)
    if d.r.other_notes:
        d.heading(2, d.t("other_notes.heading"))
        for answer in d.r.other_notes:
            _answer(d, answer)


def _answer(d: _Doc, a: Answer) -> None:
    d.heading(3, mdtext.heading(a.title))
    shown = False
    if a.kind == "priorities":  # listed once, under Beslutninger
        d.add(f"_{d.t('priorities.see_decisions' if d.r.priorities else 'priorities.empty')}_")
        shown = True
    elif a.kind in ("more", "less"):
        d.add(*[f"- {mdtext.block(i)}" for i in a.items] or [f"_{d.t('lists.empty')}_"])
        shown = True
    if a.lines:
        if shown:
            d.add("")
        d.add(*mdtext.quote(a.lines))
    elif not shown:
        d.add(f"_{d.t('dialogue.empty')}_")


def _priorities(d: _Doc) -> list[str]:
    return [f"{i}. {mdtext.inline(f.name)}" for i, f in enumerate(d.r.priorities, 1)]


def decisions(d: _Doc) -> None:
    r = d.r
    d.heading(2, d.t("decisions.heading"))
    d.add(f"**{d.t('priorities.heading')}:**", "")
    d.add(*_priorities(d) or [f"_{d.t('priorities.empty')}_"])
    d.para(f"**{d.t('decisions.list_heading')}:**")
    d.add("")
    if r.decisions:
        d.add(*(f"- {mdtext.block(text)}" for text in r.decisions))
    elif r.decision_count and not r.options.notes:
        d.add(
            d.t(
                "decisions.hidden_one" if r.decision_count == 1 else "decisions.hidden",
                n=r.decision_count,
            )
        )
    else:
        d.add(d.t("decisions.empty"))


def actions(d: _Doc) -> None:
    d.heading(2, d.t("actions.heading"))
    if not d.r.actions:
        d.add(d.t("actions.empty"))
        return
    _action_table(d, d.r.actions, ("what", "owner", "deadline", "followup", "status"))


def followups(d: _Doc) -> None:
    if not d.r.followups:
        return
    if d.r.followup_date is not None:
        d.heading(2, d.t("followup.heading", date=d.w.date_long(d.r.followup_date)))
    else:
        d.heading(2, d.t("followup.carried_heading"))
    _action_table(d, d.r.followups, ("what", "owner", "deadline", "status"))


def _action_table(d: _Doc, lines: Sequence[ActionLine], keys: Sequence[str]) -> None:
    if not d.r.options.notes:  # the text and the owner are left out: number them instead
        keys = ("number", *(k for k in keys if k not in ("what", "owner")))
    values = {
        "number": lambda a: str(a.number),
        "what": lambda a: mdtext.cell(a.what),
        "owner": lambda a: mdtext.cell(a.owner),
        "deadline": lambda a: d.w.date_short(a.deadline),
        "followup": lambda a: d.w.date_short(a.followup),
        "status": lambda a: d.t(f"action_status.{a.status}"),
    }
    rows = [[values[k](a) for k in keys] for a in lines]
    d.table([d.t(f"actions.{k}") for k in keys], rows, "l" * len(keys))


def next_followup(d: _Doc) -> None:
    d.heading(2, d.t("next.heading"))
    d.add(*(f"- {line}" for line in next_lines(d.r)))


def annual(d: _Doc) -> None:
    d.heading(2, d.t("annual.heading"))
    d.add(d.t("annual.intro"), "")
    d.add(*(f"- {line}" for line in annual_lines(d.r, _strong)))


def approval(d: _Doc) -> None:
    """How the referat is approved, last (only when given)."""
    if d.r.minutes.approval:
        d.para(f"_{mdtext.inline(d.r.minutes.approval)}_")


SECTIONS: tuple[Section, ...] = (
    header,
    participants,
    timing,
    scores,
    chart,
    summary,
    change,
    trend,
    answers,
    decisions,
    actions,
    followups,
    next_followup,
    annual,
    approval,
)
"""The referat's order. A new section (e.g. the trend) is a function of `_Doc` put here."""
