"""The Markdown and CSV reports: goldens, Markdown that parses and pastes, `--no-notes`, CLI.

The goldens live in tests/data/report/. After an intended change, rewrite them with
`UPDATE_GOLDENS=1 pytest tests/unit/test_report.py` and read the diff before committing.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest

from amk_tui.core.clock import FakeClock
from amk_tui.core.scores import FACTOR_IDS
from amk_tui.core.session import Session
from amk_tui.report import CSV_HEADER, build_report, find_previous, report_content
from amk_tui.reports.csv import csv_report
from amk_tui.reports.markdown import markdown_report
from amk_tui.store import SessionStore
from tests.unit.report_support import (
    CONTENT_DIR,
    DATA,
    REPO,
    contains,
    free_texts,
    load,
    md,
    referat,
)

RADAR = "[radar placeholder]\n   A ● B ▲ C ■\n"
"""Stands in for charts.radar_text() so the goldens don't depend on the chart."""


@pytest.fixture
def session() -> Session:
    return load("session.toml")


@pytest.fixture
def previous() -> Session:
    return load("previous.toml")


def report(
    session: Session,
    previous: Session | None = None,
    language: str = "da",
    notes: bool = True,
    chart: str = "",
    timing: bool = False,
) -> str:
    return markdown_report(
        referat(session, language, previous, notes=notes, timing=timing, chart=bool(chart)),
        chart,
    )


def check_golden(name: str, text: str) -> None:
    path = DATA / name
    if os.environ.get("UPDATE_GOLDENS"):
        path.write_text(text, encoding="utf-8", newline="\n")
    assert path.read_text(encoding="utf-8") == text, f"{name} differs (UPDATE_GOLDENS=1 rewrites)"


# -- goldens --------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("file", "language", "notes", "golden"),
    [
        ("session.toml", "da", True, "report.da.md"),
        ("session.toml", "en", True, "report.en.md"),
        ("session.toml", "da", False, "report.da.no-notes.md"),
        ("session-v2.toml", "da", True, "report.v2.da.md"),
    ],
)
def test_markdown_matches_golden(
    previous: Session, file: str, language: str, notes: bool, golden: str
) -> None:
    # The full goldens show every optional section (--timing, --chart); no-notes the default.
    chart = RADAR if notes else ""
    text = report(load(file), previous, language, notes, chart=chart, timing=notes)
    check_golden(golden, text)


def test_csv_matches_golden(session: Session) -> None:
    check_golden("report.csv", csv_report(session, report_content("da")))


# -- the Markdown is well-formed -------------------------------------------------------------
def table_headers(tokens: list[Any]) -> list[list[str]]:
    """The header cells of every table, in order."""
    headers: list[list[str]] = []
    in_head = False
    for tok in tokens:
        if tok.type == "thead_open":
            in_head = True
            headers.append([])
        elif tok.type == "thead_close":
            in_head = False
        elif in_head and tok.type == "inline":
            headers[-1].append(tok.content)
    return headers


@pytest.mark.parametrize("language", ["da", "en"])
def test_markdown_parses_with_tables_and_a_fence(
    session: Session, previous: Session, language: str
) -> None:
    content = report_content(language)
    tokens = md().parse(report(session, previous, language, chart=RADAR))
    headers = table_headers(tokens)
    score_header = [
        content.t("report.scores.factor"),
        "A (Gruppe A)",
        "B (Gruppe B)",
        "C (Gruppe C)",
        content.t("report.scores.mean"),
        content.t("report.scores.range"),
    ]
    assert score_header in headers
    action_header = [
        content.t(f"report.actions.{k}")
        for k in ("what", "owner", "deadline", "followup", "status")
    ]
    assert action_header in headers
    fences = [t for t in tokens if t.type == "fence"]
    assert len(fences) == 1 and fences[0].content == RADAR
    # Exactly one title, and nothing the room typed became HTML.
    assert sum(t.type == "heading_open" and t.tag == "h1" for t in tokens) == 1
    children = [c for t in tokens if t.type == "inline" for c in t.children or []]
    assert not [t for t in tokens if t.type.startswith("html")]
    assert not [c for c in children if c.type.startswith(("html", "image"))]


def test_no_braille_chart_unless_asked(session: Session, previous: Session) -> None:
    text = report(session, previous)
    assert "```" not in text and not any(0x2800 <= ord(c) <= 0x28FF for c in text)
    assert "```text" in report(session, previous, chart=RADAR)


def test_time_per_phase_only_with_timing(session: Session) -> None:
    content = report_content("da")
    assert content.t("report.program.heading") not in report(session)
    assert "| Oplæg | 10:00 | 10:52 | +00:52 |" in report(session, timing=True)


def test_typed_text_reads_as_typed_and_breaks_nothing(session: Session, previous: Session) -> None:
    text = report(session, previous)
    # Ordinary punctuation is left alone: this is what is pasted into Word.
    assert "> Vi har *for lidt* tid | ingen faste møder." in text
    assert "Ros *når* det går godt | også fra ledelsen" in text
    assert "> Ja – især om tid og ressourcer. ~~ikke gennemstreget~~" in text
    assert "entity_her_" in text and "`kode`" in text
    # Only what would change the document is escaped.
    assert "> \\# Det her er ikke en overskrift" in text
    assert "> 1\\. Mødes hver måned" in text and "> 2\\) Lederen deltager" in text
    assert "- \\- Mails efter kl. 22" in text
    assert "| Fast punkt om psykisk arbejdsmiljø \\| på hvert AMG-møde |" in text
    html = md().render(text)
    assert "<td>Fast punkt om psykisk arbejdsmiljø | på hvert AMG-møde</td>" in html
    assert "&lt;script&gt;alert('x')&lt;/script&gt;" in html and "<script>" not in html
    assert "<p># Det her er ikke en overskrift</p>" in html
    assert "<p>- og det her er ikke en liste</p>" in html


@pytest.mark.parametrize("language", ["da", "en"])
def test_every_string_comes_from_report_toml(
    session: Session, previous: Session, language: str
) -> None:
    for notes in (True, False):
        assert "report." not in report(session, previous, language, notes, timing=True)
        assert "report." not in report(load("session-v2.toml"), previous, language, notes)


def test_report_toml_has_the_same_keys_in_every_language() -> None:
    def keys(data: dict[str, Any], prefix: str = "") -> set[str]:
        out: set[str] = set()
        for key, value in data.items():
            out |= keys(value, f"{prefix}{key}.") if isinstance(value, dict) else {prefix + key}
        return out

    da, en = (
        keys(tomllib.loads((CONTENT_DIR / lang / "report.toml").read_text("utf-8")))
        for lang in ("da", "en")
    )
    assert da == en


# -- the referat's parts ---------------------------------------------------------------------
def test_schema_2_fields_are_in_the_referat(previous: Session) -> None:
    text = report(load("session-v2.toml"), previous)
    assert "- **Sted:** Mødelokale 2, Lagervej 4" in text
    assert "- **Referent:** Sekretær Søren" in text
    assert "| Ledere | 2 | Lene Leder, Lars Lagerchef |" in text
    assert "| **I alt** | **10** |" in text
    assert "## Beslutninger" in text and "- AMG tager modellen op igen om et halvt år" in text
    assert "- 1\\. Psykisk arbejdsmiljø | fast punkt på dagsordenen" in text
    assert "Næste vurdering af arbejdsmiljøkompetencen: 20. maj 2027." in text
    assert "## Input til den årlige arbejdsmiljødrøftelse" in text


def test_a_schema_1_file_has_every_heading_and_says_what_is_missing(session: Session) -> None:
    content = report_content("da")
    text = report(session)
    for key in ("participants", "decisions", "actions", "next", "annual"):
        assert f"## {content.t(f'report.{key}.heading')}" in text
    assert content.t("report.participants.none") in text
    assert content.t("report.next.no_assessment") in text
    assert "Første opfølgning på handlingsplanen: 1. marts 2027." in text


# -- privacy --------------------------------------------------------------------------------
@pytest.mark.parametrize("file", ["session.toml", "session-v2.toml"])
def test_no_notes_leaves_every_free_text_out(previous: Session, file: str) -> None:
    session = load(file)
    text = report(session, previous, notes=False, timing=True)
    texts = free_texts(session)
    assert len(texts) > 10
    for typed in texts:
        assert not contains(text, typed), typed
    for word in ("aftenholdet", "Brandslukning", "fælles sprog", "Gruppe", "Fast punkt"):
        assert word not in text
    # What stays: the AMG, unit and place, the priorities, the actions' dates and status.
    assert "Lager & Logistik" in text and "Pakkeri og forsendelse" in text
    assert "1. Tid og ressourcer" in text
    assert "| 1 | 15.01.2027 | 01.03.2027 | åben |" in text


def test_people_are_named_only_with_notes_and_old_notes_never(
    session: Session, previous: Session
) -> None:
    assert "Hanne Facilitatorsen" in report(session, previous)
    assert "Hanne" not in report(session, previous, notes=False)
    for notes in (True, False):
        assert "TIDLIGERE" not in report(session, previous, notes=notes)


def test_fewer_than_three_answers_show_their_count_only(session: Session) -> None:
    text = report(session)
    # C's factor 3 rests on two answers: no mean, no min–max, and out of the group mean.
    assert "| 3. Motivation fra ledere og medarbejdere | 4 | 4 | n=2 | 4,0 | 4–4 |" in text
    assert "| 3. Motivation fra ledere og medarbejdere | 2 | – | – |" in text
    assert "Under 3 sedler vises kun antallet" in text and "under 5 sedler" in text
    session.groups[2].rows = session.groups[2].rows[:2]
    text = report(session)
    assert "4,0 (n=" not in text and "3,5" not in text
    assert "| 1. Åbenhed, tillid og psykologisk tryghed | 3 | 2 | n=2 |" in text


# -- CSV ------------------------------------------------------------------------------------
def test_csv_has_a_row_per_group_and_factor(session: Session) -> None:
    text = csv_report(session, report_content("da"))
    assert "\r" not in text and text.endswith("\n")
    reader = csv.DictReader(io.StringIO(text))
    assert tuple(reader.fieldnames or ()) == CSV_HEADER
    rows = list(reader)
    assert len(rows) == 3 * 6
    assert [(r["group"], r["factor_id"]) for r in rows] == [
        (g, f) for g in "ABC" for f in FACTOR_IDS
    ]
    by = {(r["group"], r["factor_id"]): r for r in rows}
    assert by["A", "systematik"]["score"] == "1" and by["A", "systematik"]["n_rows"] == ""
    assert by["B", "innovation"]["score"] == ""
    c = by["C", "aabenhed"]
    # three slips: their mean, never their lowest and highest (that would give all three away)
    assert (c["score"], c["n_rows"], c["mean"], c["min"], c["max"]) == ("", "3", "3.33", "", "")
    m = by["C", "motivation"]
    assert (m["n_rows"], m["mean"], m["min"], m["max"]) == ("2", "", "", "")
    assert {r["session_id"] for r in rows} == {"2026-11-26-lager-logistik"}
    assert {r["amg"] for r in rows} == {"Lager & Logistik"}
    assert by["A", "aabenhed"]["factor_label"] == "Åbenhed, tillid og psykologisk tryghed"


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_csv_cells_never_start_a_formula(session: Session, start: str) -> None:
    session.amg = f'{start}HYPERLINK("x")'
    session.id = f"{start}1+1"
    session.groups[0].letter = f"{start}cmd|' /C calc'!A0"
    rows = list(csv.reader(io.StringIO(csv_report(session, report_content("da")))))[1:]
    for row in rows:
        assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in row), row
    if start in "\t\r":  # white space around typed text is dropped: nothing left to run
        assert rows[0][2] == 'HYPERLINK("x")' and rows[0][0] == "1+1"
    else:
        assert rows[0][2] == f'\'{start}HYPERLINK("x")' and rows[0][0] == f"'{start}1+1"
    assert {r[3] for r in rows} == {"A", "B", "C"}  # a "letter" that is not one is replaced


# -- odd sessions ---------------------------------------------------------------------------
def test_an_empty_unfinished_session_still_makes_a_report(session: Session) -> None:
    empty = Session(amg="Ny AMG", program=session.program, clock=FakeClock(), date=dt.date.today())
    content = report_content("en")
    text = report(empty, language="en", chart=RADAR)
    assert content.t("report.not_finished") in text
    assert content.t("report.scores.no_groups") in text
    assert content.t("report.actions.empty") in text
    assert "```" not in text
    assert csv_report(empty, content) == ",".join(CSV_HEADER) + "\n"
    md().parse(text)


def test_notes_of_another_variant_are_kept_under_other_notes(session: Session) -> None:
    session.notes["hverisaer"] = "En note fra variant 2"
    content = report_content("da")
    text = report(session)
    assert content.t("report.other_notes.heading") in text and "En note fra variant 2" in text
    assert "En note fra variant 2" not in report(session, notes=False)


def test_variant_2_lists_priorities_under_decisions(session: Session) -> None:
    session.variant = 2
    content = report_content("da")
    text = report(session)
    assert "**Prioriterede faktorer:**\n\n1. Tid og ressourcer" in text
    assert content.t("report.meta.variant2") in text


def test_an_unknown_language_falls_back_to_danish() -> None:
    assert report_content("xx").language == "da"


@pytest.mark.parametrize(("language", "expected"), [("da", "1 seddel."), ("en", "1 slip.")])
def test_a_single_individual_row_is_counted_in_the_singular(
    session: Session, language: str, expected: str
) -> None:
    group = session.groups[0]
    group.rows = [(3, 2, 4, 3, 3, 2)]
    assert expected in report(session, language=language)
    group.rows.append((1, 1, 1, 1, 1, 1))
    assert expected not in report(session, language=language)


# -- through the store and the command line ------------------------------------------------
@pytest.fixture
def folder(tmp_path: Path) -> Path:
    sessions = tmp_path / "sessions"
    sessions.mkdir()
    shutil.copy(DATA / "session.toml", sessions / "2026-11-26-lager-logistik.toml")
    shutil.copy(DATA / "previous.toml", sessions / "2026-05-04-lager-logistik.toml")
    return sessions


def test_build_report_csv_through_the_store(folder: Path) -> None:
    store = SessionStore(folder, clock=FakeClock())
    text = build_report(store, folder / "2026-11-26-lager-logistik.toml", fmt="csv")
    assert text == (DATA / "report.csv").read_text("utf-8")


def test_the_previous_session_is_found_by_amg_without_a_link(folder: Path) -> None:
    store = SessionStore(folder, clock=FakeClock())
    path = folder / "2026-11-26-lager-logistik.toml"
    session = store.load(path)
    session.previous = ""
    found = find_previous(SessionStore(folder.parent / "elsewhere"), path, session)
    assert found is not None and found.id == "2026-05-04-lager-logistik"
    older = store.load(folder / "2026-05-04-lager-logistik.toml")
    assert find_previous(store, folder / "2026-05-04-lager-logistik.toml", older) is None


def test_build_report_markdown_through_the_store(folder: Path) -> None:
    store = SessionStore(folder, clock=FakeClock())
    path = folder / "2026-11-26-lager-logistik.toml"
    text = build_report(store, path)
    content = report_content("da")
    assert content.t("report.change.heading", date="4. maj 2026") in text
    assert not [t for t in md().parse(text) if t.type == "fence"]
    quiet = build_report(store, path, notes=False)
    for typed in free_texts(store.load(path)):
        assert not contains(quiet, typed), typed


def run_amk(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run(
        [sys.executable, "-m", "amk_tui", *args], capture_output=True, text=True, cwd=cwd, env=env
    )


def test_cli_report_writes_the_csv(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "scores.csv"
    session_file = folder / "2026-11-26-lager-logistik.toml"
    result = run_amk(
        "report", str(session_file), "--format", "csv", "-o", str(out), "--sessions", str(folder),
        cwd=tmp_path,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert out.read_text("utf-8") == (DATA / "report.csv").read_text("utf-8")


def test_cli_report_writes_markdown_without_notes_and_with_the_text_chart(
    folder: Path, tmp_path: Path
) -> None:
    out = tmp_path / "referat.md"
    session_file = folder / "2026-11-26-lager-logistik.toml"
    args = ("report", str(session_file), "--sessions", str(folder), "-o", str(out))
    result = run_amk(*args, "--no-notes", "--chart", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    text = out.read_text("utf-8")
    assert text.startswith("# Workshop om arbejdsmiljøkompetence – Lager & Logistik\n")
    assert "aftenholdet" not in text and "```text" in text
    assert any(0x2800 <= ord(c) <= 0x28FF for c in text)


def test_cli_report_on_a_missing_file_is_one_line(tmp_path: Path) -> None:
    result = run_amk("report", str(tmp_path / "nope.toml"), "--format", "csv", cwd=tmp_path)
    assert result.returncode == 2
    assert "nope.toml" in result.stderr and result.stderr.count("\n") == 1


def test_three_slips_show_the_mean_and_five_also_the_range_in_every_format(
    session: Session,
) -> None:
    """Issue acceptance (the record): three slips 1, 5 and 3 printed "3,0 · 1–5": each of
    the three knew the others' scores. Now the mean from 3, min.–maks. from 5 slips."""
    from amk_tui.core import anonymity

    group = session.groups[2]
    group.rows = [(1, 2, 3, 4, 5, 1), (5, 2, 3, 4, 5, 1), (3, 2, 3, 4, 5, 1)]
    md = report(session)
    csv_text = csv_report(session, report_content("da"))
    assert "| 1. Åbenhed, tillid og psykologisk tryghed | 3 | 3,0 | – |" in md  # C's slips
    row = next(csv.DictReader(io.StringIO(csv_text)))  # (A, aabenhed) first
    rows = list(csv.DictReader(io.StringIO(csv_text)))
    c = next(r for r in rows if r["group"] == "C" and r["factor_id"] == "aabenhed")
    assert (c["mean"], c["min"], c["max"]) == ("3", "", "")
    assert row["group"] == "A"
    group.rows += [(2, 2, 3, 4, 5, 1), (4, 2, 3, 4, 5, 1)]
    md = report(session)
    assert "| 1. Åbenhed, tillid og psykologisk tryghed | 5 | 3,0 | 1–5 |" in md
    anonymity.use(anonymity.Anonymity(5, 7))  # a config that raised both
    try:
        assert "| 1. Åbenhed, tillid og psykologisk tryghed | 5 | 3,0 | – |" in report(session)
        group.rows = group.rows[:4]
        assert "| 1. Åbenhed, tillid og psykologisk tryghed | 4 | – | – |" in report(session)
    finally:
        anonymity.use(anonymity.DEFAULT)
