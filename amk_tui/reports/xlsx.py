"""The referat as an Excel workbook (XlsxWriter): opens in Danish Excel with no import step.

Sheets, headers in the session's language:

- scores ("Vurderinger"): one row per factor (number, name), one column per group (its
  letter, and name with notes), then mean, min. and max. over the groups — numbers as
  numbers. A value withheld because it rests on fewer than three answers is an empty cell
  with a comment `n=2`. Below the table a native Excel **radar chart** of the groups.
- actions ("Handlingsplan"): what, owner, deadline, follow-up (real dates), status.
- notes ("Noter"): question and what was said, one line per row; decisions.
- info ("Referat"): date, AMG, unit, place, people, the next follow-up.

Privacy is the `Referat`'s (model.py): without notes the free-text columns and the notes
are simply not there. Every text goes in with `write_string`, so a note beginning with `=`
is text, never a formula or a link. The file's creation time is the workshop's date, so the
same session gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from typing import Any

import xlsxwriter
from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from amk_tui.reports.model import Referat
from amk_tui.reports.phrases import minutes_meta, next_lines, people_lines
from amk_tui.reports.svg import Line

MAX_CELL = 32_000
"""Excel holds at most 32,767 characters in a cell."""


def xlsx_report(referat: Referat) -> bytes:
    """The workbook's bytes."""
    buffer = io.BytesIO()
    options = {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False}
    book = xlsxwriter.Workbook(buffer, options)
    w = referat.words
    book.set_properties(
        {
            "title": w.t("title", amg=referat.amg),
            "created": dt.datetime.combine(referat.date, dt.time(12, 0)),
        }
    )
    styles = _Styles(book)
    _scores(book, referat, styles)
    _actions(book, referat, styles)
    _notes(book, referat, styles)
    _info(book, referat, styles)
    book.close()
    return buffer.getvalue()


class _Styles:
    """The workbook's cell formats."""

    def __init__(self, book: Workbook) -> None:
        self.head = book.add_format(
            {"bold": True, "bg_color": "#ECECEC", "border": 1, "text_wrap": True, "valign": "top"}
        )
        self.text = book.add_format({"text_wrap": True, "valign": "top"})
        self.number = book.add_format({"num_format": "0.0"})
        self.whole = book.add_format({"num_format": "0"})
        self.date = book.add_format({"num_format": "dd.mm.yyyy", "align": "left"})
        self.italic = book.add_format({"italic": True})


def _s(ws: Worksheet, row: int, col: int, text: str, fmt: Any = None) -> None:
    ws.write_string(row, col, str(text)[:MAX_CELL], fmt)


def _header(ws: Worksheet, texts: Sequence[str], styles: _Styles) -> None:
    """The sheet's header row (long group names wrap), frozen; printed one page wide."""
    for col, text in enumerate(texts):
        _s(ws, 0, col, text, styles.head)
    ws.freeze_panes(1, 0)
    ws.set_paper(9)  # A4
    ws.fit_to_pages(1, 0)  # as wide as one page, as long as it takes
    ws.repeat_rows(0)


def _scores(book: Workbook, r: Referat, styles: _Styles) -> None:
    w = r.words
    name = _sheet_name(w.t("xlsx.scores_sheet"))
    ws = book.add_worksheet(name)
    groups = [c.label for c in r.columns]
    keys = ("mean", "min", "max")
    _header(ws, ["#", w.t("scores.factor"), *groups, *(w.t(f"scores.{k}") for k in keys)], styles)
    ws.set_column(0, 0, 4)
    ws.set_column(1, 1, 42)
    ws.set_column(2, 2 + len(groups) + 2, 12)
    for i, row in enumerate(r.scores, 1):
        ws.write_number(i, 0, row.factor.number, styles.whole)
        _s(ws, i, 1, row.factor.name)
        for j, cell in enumerate(row.cells):
            if cell.value is not None:  # a group's own score is whole; a mean of slips not
                fmt = styles.whole if cell.consensus else styles.number
                ws.write_number(i, 2 + j, round(cell.value, 2), fmt)
            elif cell.withheld:
                ws.write_comment(i, 2 + j, w.t("scores.withheld", n=cell.n))
        for k, value in enumerate((row.stats.mean, row.stats.low, row.stats.high)):
            if value is not None:
                ws.write_number(i, 2 + len(groups) + k, round(value, 2), styles.number)
    last = len(r.scores)
    note_row = last + 2
    _s(ws, note_row, 1, w.t("scores.scale"), styles.italic)
    if (note := r.slips_note) is not None:
        _s(ws, note_row + 1, 1, w.t("scores.withheld_note", **note), styles.italic)
    if r.columns:
        chart = _radar(book, r, name, last)
        ws.insert_chart(note_row + 3, 1, chart, {"x_scale": 1.5, "y_scale": 1.7})


def _radar(book: Workbook, r: Referat, sheet: str, last: int) -> Any:
    """A native Excel radar chart: one series per group, in its colour and dash."""
    chart = book.add_chart({"type": "radar", "subtype": "with_markers"})
    dashes = ("solid", "dash", "round_dot", "long_dash_dot", "long_dash", "square_dot")
    for j, col in enumerate(r.columns):
        color = Line(col.letter, col.label, col.index, ()).color
        line = {"color": color, "width": 2.25, "dash_type": dashes[j % len(dashes)]}
        marker = {"type": "circle", "size": 6, "fill": {"color": color}, "border": {"color": color}}
        chart.add_series(
            {
                "name": [sheet, 0, 2 + j],
                "categories": [sheet, 1, 1, last, 1],
                "values": [sheet, 1, 2 + j, last, 2 + j],
                "line": line,
                "marker": marker,
            }
        )
    chart.set_title({"name": r.words.t("xlsx.radar")})
    chart.set_y_axis({"min": 0, "max": 5, "major_unit": 1})
    chart.set_legend({"position": "bottom"})
    chart.show_blanks_as("gap")
    return chart


def _actions(book: Workbook, r: Referat, styles: _Styles) -> None:
    w = r.words
    ws = book.add_worksheet(_sheet_name(w.t("xlsx.actions_sheet")))
    keys = ["number", "what", "owner", "deadline", "followup", "status"]
    if not r.options.notes:
        keys = [k for k in keys if k not in ("what", "owner")]
    _header(ws, [w.t(f"actions.{k}") for k in keys], styles)
    widths = {"number": 5, "what": 50, "owner": 18, "deadline": 12, "followup": 12}
    for col, key in enumerate(keys):
        ws.set_column(col, col, widths.get(key, 12))
    for i, action in enumerate(r.actions, 1):
        for col, key in enumerate(keys):
            value = getattr(action, key)
            if key == "number":
                ws.write_number(i, col, value)
            elif key in ("deadline", "followup"):
                if value is not None:
                    ws.write_datetime(i, col, dt.datetime.combine(value, dt.time()), styles.date)
            elif key == "status":
                _s(ws, i, col, w.t(f"action_status.{value}"))
            else:
                _s(ws, i, col, value, styles.text)


def _notes(book: Workbook, r: Referat, styles: _Styles) -> None:
    w = r.words
    ws = book.add_worksheet(_sheet_name(w.t("xlsx.notes_sheet")))
    _header(ws, [w.t("xlsx.question"), w.t("xlsx.note")], styles)
    ws.set_column(0, 0, 45)
    ws.set_column(1, 1, 80)
    rows: list[tuple[str, str]] = []
    for answer in (*r.dialogue, *r.wrapup, *r.other_notes):
        said = [*(f.name for f in answer.factors), *answer.items, *answer.lines]
        rows += [(answer.title, text) for text in said]
    rows += [(w.t("decisions.heading"), text) for text in r.decisions]
    if not r.options.notes:
        rows = [("", w.t("no_notes"))]
    for i, (question, text) in enumerate(rows, 1):
        _s(ws, i, 0, question, styles.text)
        _s(ws, i, 1, text, styles.text)


def _info(book: Workbook, r: Referat, styles: _Styles) -> None:
    w = r.words
    ws = book.add_worksheet(_sheet_name(w.t("xlsx.info_sheet")))
    _header(ws, [w.t("xlsx.field"), w.t("xlsx.value")], styles)
    ws.set_column(0, 0, 34)
    ws.set_column(1, 1, 70)
    rows: list[tuple[str, str]] = [
        (w.t("meta.date"), w.date_long(r.date)),
        *((w.t(f"meta.{key}"), value) for key, value in minutes_meta(r)),
        (w.t("meta.amg"), r.amg),
        (w.t("meta.unit"), r.unit),
        (w.t("meta.place"), r.place),
        (w.t("meta.facilitator"), r.facilitator),
        (w.t("meta.referent"), r.referent),
        (w.t("meta.variant"), w.t(f"meta.variant{r.variant}")),
    ]
    counts = [(w.t(f"participants.{p.role}"), p.count, p.names) for p in r.participants]
    rows += [(w.t(f"participants.{key}"), value) for key, value in people_lines(r)]
    rows += [(w.t("next.heading"), line) for line in next_lines(r)]
    rows.append(("", r.minutes.approval))
    if not r.options.notes:
        rows.append(("", w.t("no_notes")))
    i = 0
    for i, (field, value) in enumerate((row for row in rows if row[1]), 1):
        _s(ws, i, 0, field, styles.text)
        _s(ws, i, 1, value, styles.text)
    for j, (role, count, names) in enumerate(counts, i + 1):  # a count is a number (sums work)
        _s(ws, j, 0, role, styles.text)
        ws.write_number(j, 1, count, styles.whole)
        if names:
            _s(ws, j, 2, names, styles.text)
    if counts:
        ws.set_column(2, 2, 40)


def _sheet_name(text: str) -> str:
    """A valid sheet name: at most 31 characters, none of `[]:*?/\\`."""
    cleaned = "".join(" " if c in "[]:*?/\\" else c for c in text).strip("' ")
    return (cleaned or "Ark")[:31]
