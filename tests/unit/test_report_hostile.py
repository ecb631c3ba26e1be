"""Any text in any free-text field: every format still builds and keeps its shape.

Hypothesis puts arbitrary text (brackets, markup, escapes, bidi overrides, NUL, line
breaks, emoji) into every free-text field of a session at once; the Markdown keeps its
tables and headings, the HTML stays well-formed with no element from the text, the CSV has
its rows and no formula, the workbook opens.
"""

from __future__ import annotations

import csv
import io
import re

import openpyxl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from amk_tui.core.session import Action, Participants, Session
from amk_tui.reports import render
from amk_tui.reports.csv import neutralise
from tests.unit.report_support import load, md, referat
from tests.unit.test_report_html import parse

PIECES = st.one_of(
    st.sampled_from(list("<>&\"'|#*_`[]()!-+=@\\/\t\n\r\x00\x1b\u202e\u2066\ufeff ")),
    st.sampled_from(["[/]", "<script>", "&amp;", "```", "\x1b]0;x\x07", "🙂", "æøå", "1. "]),
    st.characters(codec="utf-8"),  # any character but a lone surrogate
)
HOSTILE = st.lists(PIECES, max_size=20).map("".join)


def fill(session: Session, text: str) -> None:
    session.amg = session.unit = session.place = text or "x"
    session.facilitator = session.referent = text
    session.participants = [Participants("leder", 1, text)]
    for group in session.groups:
        group.name = text
    session.groups[0].letter = text or "A"
    for key in ("hvorfor", "faelles", "tager_med", text[:10] or "k"):
        session.notes[key] = text
    session.more_of = session.less_of = session.decisions = [text, text]
    session.actions = [Action(what=text, owner=text), Action(what=text, origin="x")]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(HOSTILE)
def test_every_format_survives_any_text(text: str) -> None:
    session = load("session-v2.toml")
    baseline = referat(session, "da", timing=True)
    tables = [t.type for t in md().parse(str(render("md", session, baseline)))].count("table_open")
    fill(session, text)
    r = referat(session, "da", timing=True)

    tokens = md().parse(str(render("md", session, r)))
    assert [t.type for t in tokens].count("table_open") == tables
    assert sum(t.type == "heading_open" and t.tag == "h1" for t in tokens) == 1
    assert not [t for t in tokens if t.type.startswith("html")]

    html = str(render("html", session, r))
    parse(html)
    assert "<script" not in html and "\x00" not in html and "\u202e" not in html

    rows = list(csv.reader(io.StringIO(str(render("csv", session, r)))))
    assert len(rows) == 1 + 3 * 6 and all(len(row) == 11 for row in rows)
    assert all(re.fullmatch("[A-Z]", row[3]) for row in rows[1:])
    assert not any(
        cell.startswith(("=", "+", "-", "@", "\t", "\r")) for row in rows for cell in row
    )

    data = render("xlsx", session, r)
    assert isinstance(data, bytes)
    assert openpyxl.load_workbook(io.BytesIO(data)).sheetnames[0] == "Vurderinger"


def test_neutralise_examples() -> None:
    assert neutralise("=1+1") == "'=1+1"
    assert neutralise("  @SUM(A1)") == "'  @SUM(A1)"
    assert neutralise("\t-2") == "'\t-2"
    assert neutralise("a\r\nb") == "a b"
    assert neutralise("Lager & Logistik") == "Lager & Logistik"
    assert neutralise(3) == "3"
