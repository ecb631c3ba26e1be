"""The referat as one standalone HTML file: readable on screen, printed on A4.

`html_report(referat)` lays out a `Referat` (privacy is decided in `model.py`) with the
print CSS of `style.py` inline and the charts as inline SVG (`svg.py`): no link, font,
image or script from outside, no http(s) reference at all. Every typed text is escaped
here, once, by `_e()`; the report's own sentences are escaped too, and a factor name they
emphasise is marked before escaping and turned into `<strong>` after (`_marked`).

Sections run in `SECTIONS` order; `trend` is the extension point for "Udvikling over tid".
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape

from amk_tui.core.scores import format_trend
from amk_tui.reports.model import ActionLine, Answer, Cell, Referat
from amk_tui.reports.phrases import (
    annual_lines,
    change_notes,
    minutes_meta,
    next_lines,
    people_lines,
    summary_lines,
)
from amk_tui.reports.style import REFERAT_CSS
from amk_tui.reports.svg import Line, bars_svg, radar_svg
from amk_tui.reports.words import difference

Section = Callable[[Referat], str]
_OPEN, _CLOSE = "\x01", "\x02"


def _e(text: object) -> str:
    """Text (typed or ours) as HTML text: `<script>` stays text."""
    return escape(str(text).replace(_OPEN, "").replace(_CLOSE, ""), quote=True)


def _strong(text: str) -> str:
    return f"{_OPEN}{text.replace(_OPEN, '').replace(_CLOSE, '')}{_CLOSE}"


def _marked(text: str) -> str:
    """A sentence with `_strong` marks: escaped, then the marks become `<strong>`."""
    safe = escape(text, quote=True)
    return safe.replace(_OPEN, "<strong>").replace(_CLOSE, "</strong>")


def _table(
    header: Sequence[str], rows: Sequence[Sequence[str]], align: str = "", cls: str = ""
) -> str:
    """A table of already-escaped cells; `align` has l/r/d per column (r = numbers, right;
    d = dates: neither wraps on paper)."""

    kinds = {"r": ' class="num"', "d": ' class="date"'}

    def td(tag: str, i: int, cell: str) -> str:
        kind = kinds.get(align[i], "") if i < len(align) else ""
        return f"<{tag}{kind}>{cell}</{tag}>"

    head = "".join(td("th", i, c) for i, c in enumerate(header))
    body = "".join(
        "<tr>" + "".join(td("td", i, c) for i, c in enumerate(row)) + "</tr>" for row in rows
    )
    klass = f' class="{cls}"' if cls else ""
    return f"<table{klass}><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _section(key: str, title: str, body: str) -> str:
    return f'<section id="{key}"><h2>{_e(title)}</h2>{body}</section>'


def html_report(referat: Referat, sections: Sequence[Section] = ()) -> str:
    """The referat as a complete HTML document; `sections` replaces SECTIONS."""
    w = referat.words
    title = f"{w.t('kind')}: {w.t('title', amg=referat.amg)}"
    body = "".join(section(referat) for section in sections or SECTIONS)
    return (
        f'<!DOCTYPE html>\n<html lang="{_e(w.content.language)}">\n<head>\n'
        '<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_e(title)}</title>\n<style>{REFERAT_CSS}</style>\n</head>\n"
        f'<body>\n<main class="referat">\n{body}\n</main>\n</body>\n</html>\n'
    )


# -- sections ------------------------------------------------------------------------------
def header(r: Referat) -> str:
    w = r.words
    meta = [
        ("date", w.date_long(r.date)),
        *minutes_meta(r),
        ("amg", r.amg),
        ("unit", r.unit),
        ("place", r.place),
        ("facilitator", r.facilitator),
        ("referent", r.referent),
        ("groups", str(len(r.columns))),
        ("variant", w.t(f"meta.variant{r.variant}")),
    ]
    rows = "".join(
        f"<dt>{_e(w.t(f'meta.{key}'))}</dt><dd>{_e(value)}</dd>" for key, value in meta if value
    )
    remarks = "" if r.finished else f'<p class="remark">{_e(w.t("not_finished"))}</p>'
    if not r.options.notes:
        remarks += f'<p class="remark">{_e(w.t("no_notes"))}</p>'
    return (
        f'<header><p class="kicker">{_e(w.t("kind"))}</p>'
        f"<h1>{_e(w.t('title', amg=r.amg))}</h1>"
        f'<dl class="meta">{rows}</dl>{remarks}</header>'
    )


def participants(r: Referat) -> str:
    w = r.words
    named = "".join(
        f"<dt>{_e(w.t(f'participants.{key}'))}</dt><dd>{_e(value)}</dd>"
        for key, value in people_lines(r)
    )
    named = f'<dl class="meta">{named}</dl>' if named else ""
    people = [p for p in r.participants if p.count or p.names]
    if not people:
        body = named or f"<p>{_e(w.t('participants.none'))}</p>"
        return _section("deltagere", w.t("participants.heading"), body)
    names = any(p.names for p in people)
    keys = ["role", "count", *(["names"] if names else [])]
    rows = [
        [_e(w.t(f"participants.{p.role}")), str(p.count), *([_e(p.names)] if names else [])]
        for p in people
    ]
    total = [f"<strong>{_e(w.t('participants.total'))}</strong>"]
    rows.append([*total, f"<strong>{sum(p.count for p in people)}</strong>", *([""] * names)])
    table = _table([_e(w.t(f"participants.{k}")) for k in keys], rows, "lrl")
    return _section("deltagere", w.t("participants.heading"), named + table)


def timing(r: Referat) -> str:
    if not r.timing:
        return ""
    w = r.words

    def mmss(seconds: int) -> str:
        return difference(seconds).lstrip("+")

    rows = [
        [_e(p.title), mmss(p.planned), mmss(p.actual) if p.actual > 0 else w.none,
         _e(difference(p.actual - p.planned)) if p.actual > 0 else w.none]
        for p in r.timing
    ]  # fmt: skip
    planned, actual = sum(p.planned for p in r.timing), sum(p.actual for p in r.timing)
    total = [w.t("program.total"), mmss(planned), mmss(actual), difference(actual - planned)]
    rows.append([f"<strong>{_e(c)}</strong>" for c in total])
    keys = ("phase", "planned", "actual", "difference")
    table = _table([_e(w.t(f"program.{k}")) for k in keys], rows, "lrrr")
    return _section("tid", w.t("program.heading"), table)


def _swatch(r: Referat, index: int) -> str:
    col = r.columns[index]
    color = Line(col.letter, col.label, col.index, ()).color
    label = f" {_e(col.name)}" if col.name else ""
    return f'<span class="swatch" style="background:{color}">{_e(col.letter)}</span>{label}'


def _cell(r: Referat, c: Cell) -> str:
    w = r.words
    if c.withheld:
        return _e(w.t("scores.withheld", n=c.n))
    if c.value is None:
        return w.none
    if c.consensus:
        return _e(w.num(c.value, trim=True))
    return _e(f"{w.num(c.value)} ({w.t('scores.n')}={c.n})")


def scores(r: Referat) -> str:
    w = r.words
    if not r.columns:
        body = f"<p>{_e(w.t('scores.no_groups'))}</p>"
        return _section("vurdering", w.t("scores.heading"), body)
    header_ = [_e(w.t("scores.factor")), *(_swatch(r, i) for i in range(len(r.columns)))]
    header_ += [_e(w.t("scores.mean")), _e(w.t("scores.range"))]
    rows = [
        [_e(f"{row.factor.number}. {row.factor.name}"), *(_cell(r, c) for c in row.cells),
         _e(w.num(row.stats.mean)), _e(w.span(row.stats.low, row.stats.high))]
        for row in r.scores
    ]  # fmt: skip
    parts = [f"<p>{_e(w.t('scores.scale'))}</p>"]
    parts.append(_table(header_, rows, "l" + "r" * (len(r.columns) + 2), "scores"))
    letters = [c.letter for i, c in enumerate(r.columns) if any(s.cells[i].n for s in r.scores)]
    if letters:
        parts.append(f"<p>{_e(w.t('scores.rows_note', groups=', '.join(letters)))}</p>")
    if (note := r.slips_note) is not None:
        parts.append(f'<p class="remark">{_e(w.t("scores.withheld_note", **note))}</p>')
    for ind in r.individuals:
        parts.append(f"<h3>{_e(w.t('scores.individual_heading', group=ind.column.label))}</h3>")
        one = "_one" if ind.count == 1 else ""
        parts.append(f"<p>{_e(w.t(f'scores.individual_count{one}', n=ind.count))}</p>")
        stat_rows = [
            [_e(f"{f.number}. {f.name}"), str(s.n), _e(w.num(s.mean)), _e(w.span(s.low, s.high))]
            for f, s in ind.rows
        ]
        keys = ("factor", "n", "mean", "range")
        parts.append(_table([_e(w.t(f"scores.{k}")) for k in keys], stat_rows, "lrrr"))
    return _section("vurdering", w.t("scores.heading"), "".join(parts))


def charts(r: Referat) -> str:
    w = r.words
    lines = [Line(col.letter, _legend_label(r, i), col.index, values)
             for i, (col, values) in enumerate(r.series())]  # fmt: skip
    if not lines:
        return ""
    labels = [f"{row.factor.number} {row.factor.short}" for row in r.scores]
    radar = radar_svg(labels, lines, title=w.t("chart.radar"), legend_title=w.t("chart.legend"))
    bars = bars_svg(labels, lines, title=w.t("chart.bars"))
    first = (  # the heading, its line and the radar on one page: never a heading alone
        f'<div class="keep"><h2>{_e(w.t("chart.heading"))}</h2>'
        f"<p>{_e(w.t('chart.intro'))}</p>"
        f'<figure class="radar"><figcaption>{_e(w.t("chart.radar"))}</figcaption>{radar}</figure>'
        "</div>"
    )
    bars_figure = (
        f'<figure class="bars"><figcaption>{_e(w.t("chart.bars"))}</figcaption>{bars}</figure>'
    )
    return f'<section id="diagrammer">{first}{bars_figure}</section>'


def _legend_label(r: Referat, index: int) -> str:
    """A group's name in the legend, saying so when too few slips keep its line off."""
    cells = [row.cells[index] for row in r.scores if index < len(row.cells)]
    label = r.columns[index].label
    withheld = [c.n for c in cells if c.withheld]
    if not withheld:
        return label
    if all(c.value is None for c in cells):
        return r.words.t("chart.withheld_all", label=label, n=max(withheld))
    return r.words.t("chart.withheld_some", label=label)


def summary(r: Referat) -> str:
    if not r.columns:
        return ""
    items = "".join(f"<li>{_marked(line)}</li>" for line in summary_lines(r, _strong))
    return _section("vurderingerne", r.words.t("summary.heading"), f"<ul>{items}</ul>")


def change(r: Referat) -> str:
    if r.previous_date is None:
        return ""
    w = r.words
    rows = [
        [_e(f"{c.factor.number}. {c.factor.name}"), _e(w.num(c.before)), _e(w.num(c.now)),
         "" if c.delta is None else _e(format_trend(c.delta, w.decimal))]
        for c in r.change
    ]  # fmt: skip
    keys = ("before", "now", "change")
    header_ = [_e(w.t("scores.factor")), *(_e(w.t(f"change.{k}")) for k in keys)]
    notes = "".join(f'<p class="remark">{_e(note)}</p>' for note in change_notes(r))
    body = f"<p>{_e(w.t('change.legend'))}</p>{notes}" + _table(header_, rows, "lrrr")
    return _section("udvikling", w.t("change.heading", date=w.date_long(r.previous_date)), body)


def trend(r: Referat) -> str:
    """Udvikling over tid: the AMG's workshops up to this one (from three on)."""
    if r.trend is None:
        return ""
    from amk_tui.reports.trend import trend_section

    return _section(
        "udvikling-over-tid", r.words.t("trend.heading"), trend_section(r.trend, r.words)
    )


def answers(r: Referat) -> str:
    out = []
    parts = (("dialogue", r.dialogue), ("wrapup", r.wrapup), ("other_notes", r.other_notes))
    for key, items in parts:
        if items:
            body = "".join(_answer(r, a) for a in items)
            out.append(_section(key.replace("_", "-"), r.words.t(f"{key}.heading"), body))
    return "".join(out)


def _answer(r: Referat, a: Answer) -> str:
    w = r.words
    parts = [f"<h3>{_e(a.title)}</h3>"]
    if a.kind == "priorities":  # listed once, under Beslutninger
        key = "priorities.see_decisions" if r.priorities else "priorities.empty"
        parts.append(f'<p class="remark">{_e(r.words.t(key))}</p>')
    elif a.kind in ("more", "less"):
        items = "".join(f"<li>{_e(i)}</li>" for i in a.items)
        empty = f'<p class="remark">{_e(w.t("lists.empty"))}</p>'
        parts.append(f"<ul>{items}</ul>" if items else empty)
    if a.lines:
        parts.append('<div class="note">' + "".join(f"<p>{_e(x)}</p>" for x in a.lines) + "</div>")
    elif a.kind not in ("priorities", "more", "less"):
        parts.append(f'<p class="remark">{_e(w.t("dialogue.empty"))}</p>')
    return "".join(parts)


def _priorities(r: Referat) -> str:
    if not r.priorities:
        return f'<p class="remark">{_e(r.words.t("priorities.empty"))}</p>'
    return "<ol>" + "".join(f"<li>{_e(f.name)}</li>" for f in r.priorities) + "</ol>"


def decisions(r: Referat) -> str:
    w = r.words
    parts = [f"<h3>{_e(w.t('priorities.heading'))}</h3>", _priorities(r)]
    parts.append(f"<h3>{_e(w.t('decisions.list_heading'))}</h3>")
    if r.decisions:
        parts.append("<ul>" + "".join(f"<li>{_e(d)}</li>" for d in r.decisions) + "</ul>")
    elif r.decision_count and not r.options.notes:
        key = "decisions.hidden_one" if r.decision_count == 1 else "decisions.hidden"
        parts.append(f"<p>{_e(w.t(key, n=r.decision_count))}</p>")
    else:
        parts.append(f"<p>{_e(w.t('decisions.empty'))}</p>")
    return _section("beslutninger", w.t("decisions.heading"), "".join(parts))


def actions(r: Referat) -> str:
    w = r.words
    if not r.actions:
        body = f"<p>{_e(w.t('actions.empty'))}</p>"
    else:
        body = _actions(r, r.actions, ("what", "owner", "deadline", "followup", "status"))
    return _section("handlingsplan", w.t("actions.heading"), body)


def followups(r: Referat) -> str:
    if not r.followups:
        return ""
    w = r.words
    if r.followup_date is not None:
        title = w.t("followup.heading", date=w.date_long(r.followup_date))
    else:
        title = w.t("followup.carried_heading")
    body = _actions(r, r.followups, ("what", "owner", "deadline", "status"))
    return _section("opfoelgning-sidst", title, body)


def _actions(r: Referat, lines: Sequence[ActionLine], keys: Sequence[str]) -> str:
    w = r.words
    if not r.options.notes:  # the text and the owner are left out: number them instead
        keys = ("number", *(k for k in keys if k not in ("what", "owner")))
    values: dict[str, Callable[[ActionLine], str]] = {
        "number": lambda a: str(a.number),
        "what": lambda a: a.what,
        "owner": lambda a: a.owner or w.none,
        "deadline": lambda a: w.date_short(a.deadline),
        "followup": lambda a: w.date_short(a.followup),
        "status": lambda a: w.t(f"action_status.{a.status}"),
    }
    rows = [[_e(values[k](a)) for k in keys] for a in lines]
    align = "".join("d" if k in ("deadline", "followup") else "l" for k in keys)
    return _table([_e(w.t(f"actions.{k}")) for k in keys], rows, align)


def next_followup(r: Referat) -> str:
    items = "".join(f"<li>{_e(line)}</li>" for line in next_lines(r))
    return _section("naeste-opfoelgning", r.words.t("next.heading"), f"<ul>{items}</ul>")


def annual(r: Referat) -> str:
    w = r.words
    items = "".join(f"<li>{_marked(line)}</li>" for line in annual_lines(r, _strong))
    body = f"<p>{_e(w.t('annual.intro'))}</p><ul>{items}</ul>"
    return _section("aarlig-droeftelse", w.t("annual.heading"), body)


def approval(r: Referat) -> str:
    """How the referat is approved, last (only when given)."""
    if not r.minutes.approval:
        return ""
    return f'<p class="remark approval">{_e(r.minutes.approval)}</p>'


SECTIONS: tuple[Section, ...] = (
    header,
    participants,
    timing,
    scores,
    charts,
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
"""The referat's order. A new section (e.g. the trend) is a function of `Referat` put here."""
