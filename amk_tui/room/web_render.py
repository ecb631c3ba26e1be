"""The scene as HTML for the browser room: the same views as the terminal room, in big type.

Pure: a `ViewContext` (the scene, the session it was derived from, the words) in, a
`WebPicture` out. Every text is escaped here, once (`_e`); the page only puts the server's
HTML into its place. The charts are the referat's own vector SVG (`reports/svg.py`), on a
white card in either theme. Nothing meant for the facilitator is drawn: no slide notes, no
next slide, no typed values before the reveal, no notes while they are hidden.
"""

from __future__ import annotations

import itertools
import json
from dataclasses import dataclass
from html import escape
from typing import Any

from rich.text import Text

from amk_tui.config.content import EXAMPLE_MARKER, MODEL_MARKER
from amk_tui.core.scene import Scene, Timer
from amk_tui.core.series import Series, chart_series
from amk_tui.core.text import visible
from amk_tui.reports.svg import Line, bars_svg, radar_svg
from amk_tui.views.context import ViewContext
from amk_tui.views.groupwork import discuss_parts, exercise_parts, filled_cells
from amk_tui.views.insights import insight_lines
from amk_tui.views.question import prompt_of, room_record
from amk_tui.views.slide_text import Block, blocks

PLAN_COLUMNS = ("what", "owner", "deadline", "followup", "status")


def _e(text: str) -> str:
    """User or content text as HTML text: controls made visible, every markup char escaped."""
    return escape(visible(text), quote=True)


@dataclass(frozen=True)
class WebPicture:
    """What the browser shows now: the heading, the main part as HTML, the countdown."""

    kind: str
    title: str
    subtitle: str
    html: str
    timer: Timer | None
    blank: bool
    language: str
    notice: str = ""
    """A discreet line at the bottom (the facilitator's amk is gone), else empty."""

    def payload(self, now: float, version: int) -> dict[str, Any]:
        """The picture as the page receives it, its countdown read at `now`."""
        timer = None
        if self.timer is not None:
            t = self.timer
            timer = {
                "remaining": round(t.left(now), 3),
                "running": t.running,
                "warn": t.warn,
            }
        return {
            "v": version,
            "kind": self.kind,
            "title": visible(self.title, multiline=False),
            "subtitle": visible(self.subtitle, multiline=False),
            "html": self.html,
            "timer": timer,
            "blank": self.blank,
            "lang": self.language,
            "notice": self.notice,
        }


def to_json(data: dict[str, Any]) -> str:
    """JSON that is safe inside a `<script type="application/json">` and an SSE line."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def picture(scene: Scene, ctx: ViewContext | None, notice: str = "") -> WebPicture:
    """The web picture of a scene (`ctx` is None while no workshop is there)."""
    main = _idle(scene) if ctx is None or scene.kind in ("waiting", "start") else _main(ctx)
    return WebPicture(
        kind=scene.kind,
        title=scene.title,
        subtitle=scene.subtitle,
        html=main,
        timer=scene.timer,
        blank=scene.blank,
        language=scene.language or (ctx.content.language if ctx else "da"),
        notice=notice,
    )


def _main(ctx: ViewContext) -> str:
    kind = ctx.scene.kind
    if kind == "slide":
        return _slide(ctx)
    if kind == "groupwork":
        return _groupwork(ctx)
    if kind == "discuss":
        return _discuss(ctx)
    if kind == "comparison":
        return _comparison(ctx)
    if kind == "question":
        return _question(ctx)
    if kind == "plan":
        return _plan(ctx)
    if kind == "followup":
        return _followup(ctx)
    return f'<div class="summary">{_comparison(ctx)}{_plan(ctx)}</div>'


def _idle(scene: Scene) -> str:
    sub = f'<p class="idle-sub">{_e(scene.subtitle)}</p>' if scene.subtitle else ""
    return f'<div class="idle"><p class="idle-title">{_e(scene.title)}</p>{sub}</div>'


# -- slides ------------------------------------------------------------------------------------
def _slide(ctx: ViewContext) -> str:
    slides = ctx.content.slides
    if not slides:
        return ""
    slide = slides[min(ctx.item.index, len(slides) - 1)]
    example = EXAMPLE_MARKER in slide.body
    body = slide.body.replace(MODEL_MARKER, "").replace(EXAMPLE_MARKER, "")
    if example:  # the made-up line says so, beside the chart
        body = f"**{ctx.content.example[0]}**\n\n{body}"
    figure = ""
    if slide.has_model:
        figure = f'<figure class="paper model">{_model_svg(ctx, example)}</figure>'
    classes = "slide" + (" has-model" if slide.has_model else "") + (" example" if example else "")
    return (
        f'<article class="{classes}"><h2 class="slide-title">{_e(slide.title)}</h2>'
        f'<div class="slide-main">{figure}<div class="slide-body">{_blocks(blocks(body))}</div>'
        "</div></article>"
    )


def _model_svg(ctx: ViewContext, example: bool) -> str:
    labels = [f"{f.number} {f.short}" for f in ctx.content.factors]
    label, values = ctx.content.example
    lines: list[Line] = []
    if example and len(values) == len(labels):
        lines = [Line("", label, 1, tuple(float(v) for v in values))]
    title = ctx.content.t("report.chart.radar")
    return radar_svg(labels, lines, title=title, radius=200, label_width=125, font=19, wrap=14)


def _blocks(items: list[Block]) -> str:
    out: list[str] = []
    listing = ""
    for block in items:
        tag = {"bullet": "ul", "number": "ol"}.get(block.kind, "")
        if tag != listing:
            if listing:
                out.append(f"</{listing}>")
            if tag:
                out.append(f"<{tag}>")
            listing = tag
        inner = _rich(block.text)
        if block.kind == "bullet":
            out.append(f"<li>{inner}</li>")
        elif block.kind == "number":
            out.append(f'<li><span class="marker">{_e(block.marker)}</span> {inner}</li>')
        elif block.kind == "heading":
            out.append(f"<h3>{inner}</h3>")
        elif block.kind == "quote":
            out.append(f"<blockquote>{inner}</blockquote>")
        elif block.kind == "source":
            out.append(f'<p class="source">{inner}</p>')
        else:
            out.append(f"<p>{inner}</p>")
    if listing:
        out.append(f"</{listing}>")
    return "".join(out)


def _rich(text: Text) -> str:
    """A slide's Rich text as HTML: its bold and italic, every character escaped."""
    plain = text.plain
    marks = sorted({0, len(plain), *(s.start for s in text.spans), *(s.end for s in text.spans)})
    out: list[str] = []
    for start, end in itertools.pairwise(marks):
        piece = escape(plain[start:end], quote=True).replace("\n", "<br>")
        styles = [str(s.style) for s in text.spans if s.start <= start and end <= s.end]
        styles.append(str(text.style))
        if any("bold" in s for s in styles):
            piece = f"<strong>{piece}</strong>"
        if any("italic" in s for s in styles):
            piece = f"<em>{piece}</em>"
        out.append(piece)
    return "".join(out)


# -- the group work ----------------------------------------------------------------------------
def _groupwork(ctx: ViewContext) -> str:
    parts, questions = [], []
    for kind, text in exercise_parts(ctx.content, ctx.session.variant):
        if kind == "question":
            questions.append(f"<li>{_e(text)}</li>")
        else:
            parts.append(f'<p class="ex-{kind}">{_e(text)}</p>')
    return (
        '<div class="groupwork"><div class="big-clock" data-clock></div>'
        f'<div class="exercise">{"".join(parts)}<ol class="questions">{"".join(questions)}</ol>'
        f"{_reported(ctx)}</div></div>"
    )


def _discuss(ctx: ViewContext) -> str:
    """Opsamling: the deck's slide with its three questions at once, under its countdown."""
    questions = "".join(f"<li>{_e(q)}</li>" for q in discuss_parts(ctx.content))
    return (
        '<div class="groupwork discuss"><div class="big-clock" data-clock></div>'
        f'<div class="exercise"><ol class="questions">{questions}</ol></div></div>'
    )


def _reported(ctx: ViewContext) -> str:
    """Which groups' cells are filled, never their values."""
    cells = [
        f'<span class="group"><b>{_e(letter)}</b> {boxes}</span>'
        for letter, boxes in filled_cells(ctx.session.groups)
    ]
    if not cells:
        return ""
    return f'<p class="reported">{_e(ctx.t("groupwork.reported"))} {"".join(cells)}</p>'


# -- the comparison ----------------------------------------------------------------------------
def _comparison(ctx: ViewContext) -> str:
    if not ctx.scene.revealed:
        return f'<div class="hidden-result">{_e(ctx.t("comparison.hidden_room"))}</div>'
    labels = [f"{f.number} {f.short}" for f in ctx.content.factors]
    series, overlay = chart_series(
        ctx.session.groups,
        ctx.scene.series,
        ctx.scene.overlay,
        ctx.previous.groups if ctx.previous is not None else (),
        ctx.t("chart.mean"),
        ctx.t("chart.previous"),
    )
    lines = _lines(ctx, series, overlay)
    if not any(s.scored for s in series):
        chart = f'<p class="empty">{_e(ctx.t("chart.empty"))}</p>'
    elif ctx.scene.chart == "bars":
        chart = bars_svg(labels, lines, title=ctx.t("report.chart.bars"), font=17)
    else:
        legend = ctx.t("report.chart.legend")
        chart = radar_svg(
            labels, lines, title=ctx.t("report.chart.radar"), font=15, legend_title=legend
        )
    insights = "".join(f"<p>{_e(line)}</p>" for line in insight_lines(ctx, long=True))
    return (
        f'<div class="comparison"><figure class="paper chart">{chart}</figure>'
        f'<aside class="insights"><h2>{_e(ctx.t("comparison.heading"))}</h2>{insights}</aside>'
        "</div>"
    )


def _lines(ctx: ViewContext, series: list[Series], overlay: Series | None) -> list[Line]:
    """The chart's series as the referat's lines: each group keeps its colour and letter."""
    index = {g.letter: i for i, g in enumerate(ctx.session.groups)}
    lines = []
    if overlay is not None:
        lines.append(Line("", overlay.name, len(index) + 1, overlay.values, ink="#8a8a8a"))
    for s in series:
        name = visible(s.name, multiline=False)
        label = f"{s.letter} ({name})" if s.letter != "*" and name != s.letter else name
        place = index.get(s.letter, len(index))
        lines.append(Line("" if s.letter == "*" else s.letter, label, place, s.values))
    return lines


# -- questions and the plan --------------------------------------------------------------------
def _question(ctx: ViewContext) -> str:
    heading, text = prompt_of(ctx)
    lines, hidden = room_record(ctx)
    if hidden:
        record = f'<p class="muted">{_e(ctx.t("question.notes_hidden"))}</p>'
    else:
        record = "".join(f"<p>{_e(line)}</p>" for line in lines)
    return (
        f'<div class="question"><p class="q-heading">{_e(heading)}</p>'
        f'<h2 class="q-text">{_e(text)}</h2><div class="record">{record}</div></div>'
    )


def _plan(ctx: ViewContext) -> str:
    actions = ctx.session.actions
    title = f"<h2>{_e(ctx.t('actions.title'))}</h2>"
    if not actions:
        none = _e(ctx.t("actions.none_readonly"))
        return f'<div class="plan">{title}<p class="muted">{none}</p></div>'
    head = "".join(f"<th>{_e(ctx.t(f'actions.{k}'))}</th>" for k in PLAN_COLUMNS)
    rows = []
    for a in actions:
        cells = (
            a.what,
            a.owner,
            ctx.content.date(a.deadline),
            ctx.content.date(a.followup),
            ctx.t(f"action_status.{a.status}"),
        )
        rows.append("<tr>" + "".join(f"<td>{_e(c)}</td>" for c in cells) + "</tr>")
    table = f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    return f'<div class="plan">{title}{table}</div>'


def _followup(ctx: ViewContext) -> str:
    """Last time's open actions and their marks, while the facilitator gives them."""
    from amk_tui.views.followup import reviewed

    previous = ctx.previous
    date = ctx.content.date(previous.date) if previous is not None else ""
    title = ctx.t("followup.title", date=date) if date else ctx.t("followup.room_title")
    keys = ("what", "owner", "deadline", "status")
    head = "".join(f"<th>{_e(ctx.t(f'actions.{k}'))}</th>" for k in keys)
    rows = "".join(
        "<tr>" + "".join(f"<td>{_e(c)}</td>" for c in row) + "</tr>" for row in reviewed(ctx)
    )
    table = f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"
    return f'<div class="plan"><h2>{_e(title)}</h2>{table}</div>'
