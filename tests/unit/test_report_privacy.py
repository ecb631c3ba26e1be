"""`--no-notes` holds in every format: a marker in every free-text field, in no output.

Each free text the session (and the previous one, whose actions are followed up) can hold
gets a unique marker; with notes the markers are there (so the test can fail), without
notes none of them is in the Markdown, the HTML, the CSV or any part of the xlsx.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile

import openpyxl
import pytest

from amk_tui.core.session import Action, Participants, Session
from amk_tui.reports import render
from amk_tui.reports.model import MIN_ANSWERS
from tests.unit.report_support import load, referat

FORMATS = ("md", "html", "csv", "xlsx")


def mark(session: Session, prefix: str) -> list[str]:
    """Put a unique marker in every free-text field; return the markers."""
    markers: list[str] = []

    def m(field: str) -> str:
        markers.append(f"{prefix}{field.upper()}Q")
        return markers[-1]

    session.facilitator, session.referent = m("facilitator"), m("referent")
    session.participants = [
        Participants("leder", 2, m("leader names")), Participants("amr", 1, m("amr names")),
    ]  # fmt: skip
    for i, group in enumerate(session.groups):
        group.name = m(f"group{i}")
    for key in ("hvorfor", "faelles", "prioriter", "mere", "mindre", "hverisaer", "tager_med",
                "behov", "naeste_skridt", "ukendt_spoergsmaal"):  # fmt: skip
        session.notes[key] = f"{m(key)}\nline two {m(key + 'two')}"
    session.more_of, session.less_of = [m("more")], [m("less")]
    session.decisions = [m("decision")]
    session.actions = [
        Action(what=m("action"), owner=m("owner")),
        Action(what=m("carried"), owner=m("carried owner"), origin="2026-05-04-lager-logistik"),
    ]
    session.draft = {"what": m("draft"), "owner": m("draft owner")}
    return markers


def outputs(session: Session, previous: Session, notes: bool) -> dict[str, str]:
    out = {}
    for fmt in FORMATS:
        data = render(fmt, session, referat(session, "da", previous, notes=notes, timing=True))
        if isinstance(data, bytes):
            parts = zipfile.ZipFile(io.BytesIO(data))
            data = "\n".join(parts.read(n).decode("utf-8") for n in parts.namelist())
        out[fmt] = data
    return out


@pytest.fixture
def marked() -> tuple[Session, Session, list[str]]:
    session, previous = load("session-v2.toml"), load("previous.toml")
    markers = mark(session, "SESSIONMARK")
    previous.actions = [Action(what="PREVMARKACTIONQ", owner="PREVMARKOWNERQ")]
    previous.notes = {"hvorfor": "PREVMARKNOTEQ"}
    return session, previous, [*markers, "PREVMARKACTIONQ", "PREVMARKOWNERQ"]


def test_no_notes_leaves_every_marker_out_of_every_format(
    marked: tuple[Session, Session, list[str]],
) -> None:
    session, previous, markers = marked
    for fmt, text in outputs(session, previous, notes=False).items():
        leaked = [m for m in markers if m in text]
        assert not leaked, (fmt, leaked)
        assert "PREVMARKNOTEQ" not in text


def test_with_notes_the_markers_are_there(marked: tuple[Session, Session, list[str]]) -> None:
    session, previous, markers = marked
    out = outputs(session, previous, notes=True)
    shown = [m for m in markers if "DRAFT" not in m]  # a half-typed action is never printed
    for fmt in ("md", "html", "xlsx"):
        missing = [m for m in shown if m not in out[fmt]]
        if fmt == "xlsx":  # the workbook has no follow-up sheet for last time's actions
            missing = [m for m in missing if "CARRIED" not in m and "PREVMARK" not in m]
        assert not missing, (fmt, missing)
    for fmt in FORMATS:
        assert "DRAFT" not in out[fmt] and "PREVMARKNOTEQ" not in out[fmt]


def test_what_stays_without_notes(marked: tuple[Session, Session, list[str]]) -> None:
    session, previous, _ = marked
    for fmt, text in outputs(session, previous, notes=False).items():
        assert "Lager &" in text, fmt  # the AMG
        if fmt != "csv":
            assert "Mødelokale 2, Lagervej 4" in text, fmt  # the place is not a person


def test_two_answers_are_never_summarised_in_any_format() -> None:
    session = load("session-v2.toml")
    session.variant = 2
    group = session.groups[2]
    group.rows = [(5, 5, 5, 5, 5, 5), (1, 1, 1, 1, 1, 1)]  # mean 3, min 1, max 5: giveaways
    assert len(group.rows) < MIN_ANSWERS
    for other in session.groups[:2]:
        other.scores = {}
        other.rows = [(2, 2, 2, 2, 2, 2)] * 3
    r = referat(session, "da", notes=True)
    md = render("md", session, r)
    assert isinstance(md, str)
    score_rows = [line for line in md.splitlines() if re.match(r"\| \d\. ", line)][:6]
    assert all(line.split(" | ")[3] == "n=2" for line in score_rows), score_rows
    assert all(line.endswith("| 2,0 | 2–2 |") for line in score_rows)  # the mean of A and B
    assert md.count("| 2 | – | – |") == 6  # C's own table: counts only
    html = render("html", session, r)
    assert isinstance(html, str)
    assert 'data-group="C"' not in html and html.count('<td class="num">n=2</td>') == 6
    csv_text = render("csv", session, r)
    assert isinstance(csv_text, str)
    c_rows = [row for row in csv.reader(io.StringIO(csv_text)) if row[3] == "C"]
    assert len(c_rows) == 6 and all(row[7:] == ["2", "", "", ""] for row in c_rows)
    data = render("xlsx", session, r)
    assert isinstance(data, bytes)
    ws = openpyxl.load_workbook(io.BytesIO(data))["Vurderinger"]
    assert [ws.cell(row, 5).value for row in range(2, 8)] == [None] * 6
    assert [ws.cell(row, 6).value for row in range(2, 8)] == [2] * 6
