"""The papers of a workshop: the referat in every format, and the handout to draw on.

Pure builders, one concern per module; no file is read or written here and nothing from
Textual, Rich or plotext is imported (`amk_tui.report` loads, the commands write).

| module | builds |
|---|---|
| `words.py` | the report's words: labels from `report.toml`, numbers, dates |
| `model.py` | `Referat`: what a referat may show, with every privacy rule in one place |
| `build.py` | `build_referat()`: a session (and the previous one) into a `Referat` |
| `phrases.py` | the sentences about the numbers (summary, next follow-up, annual input) |
| `mdtext.py` | typed text into Markdown, escaping only what would break |
| `markdown.py` | the referat as Markdown |
| `csv.py` | the scores as standard CSV, formula-safe |
| `svg.py` | the radar and the bars as SVG (geometry from `core/radar.py`) |
| `style.py` | the print CSS (A4) shared by the referat and the handout |
| `html.py` | the referat as one standalone HTML file |
| `xlsx.py` | the workbook: scores, a native radar chart, actions, notes |
| `handout.py` | the A4 handout: a hexagon to draw on per group, slips for variant 2 |
"""

from __future__ import annotations

from amk_tui.core.session import Session
from amk_tui.reports.model import Referat

FORMATS = ("md", "csv", "html", "xlsx")
TEXT_FORMATS = ("md", "csv", "html")


def render(fmt: str, session: Session, referat: Referat, chart: str = "") -> str | bytes:
    """The report in `fmt` (one of FORMATS); `chart` is the text radar for Markdown."""
    if fmt == "csv":
        from amk_tui.reports.csv import csv_report

        return csv_report(session, referat.words.content)
    if fmt == "html":
        from amk_tui.reports.html import html_report

        return html_report(referat)
    if fmt == "xlsx":
        from amk_tui.reports.xlsx import xlsx_report

        return xlsx_report(referat)
    from amk_tui.reports.markdown import markdown_report

    return markdown_report(referat, chart)
