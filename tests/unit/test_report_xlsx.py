"""The referat as an Excel workbook, read back with openpyxl and as the zip it is."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import openpyxl
import pytest

from amk_tui.core.session import Action, Session
from amk_tui.reports.xlsx import xlsx_report
from tests.unit.report_support import load, referat


@pytest.fixture
def session() -> Session:
    return load("session-v2.toml")


def workbook(data: bytes) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(data))


def test_scores_are_numbers_under_danish_headers(session: Session) -> None:
    book = workbook(xlsx_report(referat(session, "da")))
    assert book.sheetnames == ["Vurderinger", "Handlingsplan", "Noter", "Referat"]
    ws = book["Vurderinger"]
    rows = list(ws.iter_rows(min_row=1, max_row=7, values_only=True))
    assert rows[0] == (
        "#", "Faktor", "A (Gruppe A)", "B (Gruppe B)", "C (Gruppe C)",
        "Gennemsnit", "Min.", "Maks.",
    )  # fmt: skip
    assert rows[1][:5] == (1, "Åbenhed, tillid og psykologisk tryghed", 3, 2, 3.33)
    assert rows[2][3] is None  # B did not score innovation
    assert all(isinstance(v, int | float) for v in rows[4][2:])
    # C's factor 3 rests on two answers: an empty cell that says n=2 in its comment.
    assert rows[3][4] is None and ws["E4"].comment is not None
    assert ws["E4"].comment.text.startswith("n=2")


def test_a_native_radar_chart_of_the_groups(session: Session) -> None:
    data = xlsx_report(referat(session, "da"))
    charts = workbook(data)["Vurderinger"]._charts
    assert len(charts) == 1 and charts[0].tagname == "radarChart"
    assert len(charts[0].series) == 3
    xml = zipfile.ZipFile(io.BytesIO(data)).read("xl/charts/chart1.xml").decode()
    assert "<c:radarChart>" in xml and "Vurderinger!$C$2:$C$7" in xml


def test_actions_notes_and_info(session: Session) -> None:
    book = workbook(xlsx_report(referat(session, "da")))
    actions = list(book["Handlingsplan"].iter_rows(values_only=True))
    assert actions[0] == ("Nr.", "Hvad", "Ansvarlig", "Frist", "Opfølgning", "Status")
    assert actions[1][1] == "Fast punkt om psykisk arbejdsmiljø | på hvert AMG-møde"
    assert actions[1][3] == dt.datetime(2027, 1, 15) and actions[1][5] == "åben"
    notes = [row[1] for row in book["Noter"].iter_rows(min_row=2, values_only=True)]
    assert "Vi har *for lidt* tid | ingen faste møder." in notes
    assert "AMG tager modellen op igen om et halvt år" in notes
    rows = {row[0]: row[1:] for row in book["Referat"].iter_rows(min_row=2, values_only=True)}
    assert rows["Sted"][0] == "Mødelokale 2, Lagervej 4"
    count, names = rows["Ledere"][:2]
    assert count == 2 and isinstance(count, int) and names  # a number to sum, names beside
    # A4, one page wide; dates as dd.mm.åååå (the Danish way, as everywhere else in amk).
    scores = book.worksheets[0]
    setup = scores.page_setup
    assert scores.sheet_properties.pageSetUpPr.fitToPage and setup.paperSize == 9
    assert setup.fitToWidth in (None, 1) and setup.fitToHeight == 0  # (1 is the file's default)
    assert book["Handlingsplan"]["D2"].number_format == "dd.mm.yyyy"
    assert scores["C2"].number_format == "0"  # a group's own score: 4, not 4,0


def test_typed_text_is_never_a_formula_or_a_link(session: Session) -> None:
    session.notes["hvorfor"] = '=HYPERLINK("http://x","klik")\n+1+1\n@SUM(A1)'
    session.actions.append(Action(what="=1+1", owner="-2"))
    data = xlsx_report(referat(session, "da"))
    parts = zipfile.ZipFile(io.BytesIO(data))
    sheets = [n for n in parts.namelist() if n.startswith("xl/worksheets/sheet")]
    assert not any("<f>" in parts.read(n).decode() for n in sheets)
    assert "hyperlink" not in "".join(parts.read(n).decode().lower() for n in sheets)
    notes = [row[1] for row in workbook(data)["Noter"].iter_rows(min_row=2, values_only=True)]
    assert '=HYPERLINK("http://x","klik")' in notes


def test_the_same_session_gives_the_same_bytes(session: Session) -> None:
    assert xlsx_report(referat(session, "da")) == xlsx_report(referat(session, "da"))


def test_an_empty_workshop_still_opens(session: Session) -> None:
    session.groups, session.actions = [], []
    book = workbook(xlsx_report(referat(session, "en")))
    assert book.sheetnames == ["Assessments", "Action plan", "Notes", "Minutes"]
    assert book["Assessments"]._charts == []
