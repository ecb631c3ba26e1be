"""The scores as standard CSV: UTF-8, comma, `\\n`, one row per group × factor.

Columns (`CSV_HEADER`), the same in every language:

| column | holds |
|---|---|
| `session_id` | the session file's name without `.toml` |
| `date` | the workshop's date, `YYYY-MM-DD` |
| `amg` | the AMG's name as typed |
| `group` | the group's letter, one of A–Z (never its name) |
| `factor_id` | the factor's stable id (`aabenhed` … `viden`) |
| `factor_label` | the factor's name in the session's language |
| `score` | the group's consensus score 1–5; empty if none |
| `n_rows` | how many individual answers the group gave for the factor; empty if none |
| `mean`, `min`, `max` | over those answers, decimal point; empty below three answers |

Numbers use a decimal point, as CSV tools expect (Danish Excel: use `--format xlsx`). Any
cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage return (or those after
spaces) gets a leading `'`, so a spreadsheet never runs it as a formula; a line break inside
a cell becomes a space. There is no free text beyond the AMG's name, so
`--no-notes` gives the same file.
"""

from __future__ import annotations

import csv
import io

from amk_tui.config.content import Content
from amk_tui.core import anonymity
from amk_tui.core.scores import row_stats
from amk_tui.core.session import Session
from amk_tui.reports.model import one_line, safe_letter

CSV_HEADER = (
    "session_id",
    "date",
    "amg",
    "group",
    "factor_id",
    "factor_label",
    "score",
    "n_rows",
    "mean",
    "min",
    "max",
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: object) -> str:
    """The cell as one line of text, with a `'` in front if a spreadsheet would take it as a
    formula (also after leading spaces). Line breaks inside become spaces: one row, one line."""
    text = str(value).replace("\r\n", " ").replace("\r", " ").replace("\n", " ")
    if text.startswith(_FORMULA_START) or text.lstrip(" ").startswith(_FORMULA_START):
        return "'" + text
    return text


def csv_report(session: Session, content: Content) -> str:
    """One row per group × factor: consensus score and the individual answers' statistics."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_HEADER)
    for index, group in enumerate(session.groups):
        stats = row_stats(group)
        letter = safe_letter(group, index)
        for factor in content.factors:
            st = stats[factor.id]
            shown = anonymity.current().shows_mean(st.n)
            spread = anonymity.current().shows_spread(st.n)
            row = [
                one_line(session.id),
                session.date.isoformat(),
                one_line(session.amg),
                letter,
                factor.id,
                factor.name,
                group.scores.get(factor.id, ""),
                st.n or "",
                _number(st.mean) if shown else "",
                _number(st.low) if spread else "",
                _number(st.high) if spread else "",
            ]
            writer.writerow([neutralise(cell) for cell in row])
    return buffer.getvalue()


def _number(value: float | None) -> str:
    if value is None:
        return ""
    if float(value).is_integer():
        return str(int(value))
    return f"{value:.2f}"
