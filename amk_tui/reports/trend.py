"""`amk trend` on paper: an AMG's factor means per workshop as Markdown, CSV or HTML.

Pure builders from a `core.trend.Trend` and the content's words (`report.trend.*`): one row
per factor, one column per workshop (oldest first), the change from the first to the last.
The HTML is standalone (the referat's print CSS, the line chart as inline SVG); the CSV is
the referat's kind of CSV (UTF-8, comma, decimal point, formula-safe, one row per workshop
× factor). `trend_section()` is the referat's "Udvikling over tid".
"""

from __future__ import annotations

import csv
import io
from html import escape

from amk_tui.config.content import Content
from amk_tui.core.scores import format_trend
from amk_tui.core.trend import Trend
from amk_tui.reports import mdtext
from amk_tui.reports.csv import neutralise
from amk_tui.reports.model import one_line
from amk_tui.reports.style import REFERAT_CSS
from amk_tui.reports.svg import Line
from amk_tui.reports.svg_trend import trend_svg
from amk_tui.reports.words import Words

TREND_CSV_HEADER = ("amg", "session_id", "date", "groups", "factor_id", "factor_label", "mean")


def _table(trend: Trend, w: Words) -> tuple[list[str], list[list[str]]]:
    """The header and rows every format lays out: a row per workshop (date, groups, a mean
    per factor), oldest first, and the change from the first to the last."""
    factors = w.content.factors
    header = [w.t("meta.date"), w.t("trend.groups"), *(f"{f.number}. {f.short}" for f in factors)]
    rows = [
        [w.date_short(v.date), str(v.groups), *(w.num(m) for m in v.means)] for v in trend.visits
    ]
    changes = []
    for f in factors:
        delta = trend.change(f.id)
        changes.append("" if delta is None else format_trend(delta, w.decimal))
    rows.append([w.t("trend.change"), "", *changes])
    return header, rows


def trend_markdown(trend: Trend, content: Content) -> str:
    w = Words(content)
    header, rows = _table(trend, w)
    out = [f"# {mdtext.heading(w.t('trend.title', amg=one_line(trend.amg)))}", ""]
    out += [mdtext.inline(w.t("trend.legend", n=len(trend.visits))), ""]
    out.append("| " + " | ".join(mdtext.cell(c) for c in header) + " |")
    out.append("|---|" + "---:|" * (len(header) - 1))
    out += ["| " + " | ".join(mdtext.cell(c) for c in row) + " |" for row in rows]
    return "\n".join(out) + "\n"


def trend_csv(trend: Trend, content: Content) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(TREND_CSV_HEADER)
    for v in trend.visits:
        for f, mean in zip(content.factors, v.means, strict=True):
            number = "" if mean is None else f"{mean:.2f}"
            row = [one_line(trend.amg), v.session_id, v.date.isoformat(), v.groups, f.id,
                   f.name, number]  # fmt: skip
            writer.writerow([neutralise(c) for c in row])
    return buffer.getvalue()


def trend_chart(trend: Trend, w: Words) -> str:
    lines = [
        Line(str(f.number), f"{f.number}. {f.name}", i, trend.values(f.id))
        for i, f in enumerate(w.content.factors)
    ]
    dates = [w.date_short(d) for d in trend.dates]
    return trend_svg(dates, lines, title=w.t("trend.title", amg=one_line(trend.amg)))


def trend_section(trend: Trend, w: Words) -> str:
    """The body of "Udvikling over tid": the chart, the legend and the table."""
    header, rows = _table(trend, w)
    head = "".join(f'<th{"" if i == 0 else " class=num"}>{escape(c)}</th>'
                   for i, c in enumerate(header))  # fmt: skip
    body = "".join(
        "<tr>"
        + "".join(f"<td{'' if i == 0 else ' class=num'}>{escape(c)}</td>" for i, c in enumerate(r))
        + "</tr>"
        for r in rows
    )
    legend = escape(w.t("trend.legend", n=len(trend.visits)))
    return (
        f'<figure class="trend">{trend_chart(trend, w)}</figure><p>{legend}</p>'
        f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    )


def trend_html(trend: Trend, content: Content) -> str:
    """A standalone HTML page: the AMG's trend, readable on screen, printable on A4."""
    w = Words(content)
    title = escape(w.t("trend.title", amg=one_line(trend.amg)))
    return (
        f'<!DOCTYPE html>\n<html lang="{escape(content.language)}">\n<head>\n'
        '<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{title}</title>\n<style>{REFERAT_CSS}</style>\n</head>\n"
        f'<body>\n<main class="referat">\n<h1>{title}</h1>\n'
        f'<section id="udvikling-over-tid">{trend_section(trend, w)}</section>\n'
        "</main>\n</body>\n</html>\n"
    )
