"""The report: Markdown and CSV goldens, Markdown that parses, escaping, `--no-notes`, the CLI.

The goldens live in tests/data/report/. After an intended change, rewrite them with
`UPDATE_GOLDENS=1 pytest tests/unit/test_report.py` and read the diff before committing.
"""

from __future__ import annotations

import csv
import datetime as dt
import importlib.util
import io
import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from amk_tui.config.content import Content
from amk_tui.core.clock import FakeClock
from amk_tui.core.scores import FACTOR_IDS
from amk_tui.core.session import Session
from amk_tui.report import (
    CSV_HEADER,
    build_report,
    csv_report,
    escape_inline,
    find_previous,
    markdown_report,
    quote,
    report_content,
)
from amk_tui.store import SessionStore

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "tests" / "data" / "report"
CONTENT_DIR = REPO / "amk_tui" / "config" / "content"
RADAR = "[radar placeholder]\n   A ● B ▲ C ■\n"
"""Stands in for charts.radar_text() so the goldens don't depend on the chart."""
HAS_CHARTS = importlib.util.find_spec("amk_tui.charts") is not None


def load(name: str) -> Session:
    with (DATA / name).open("rb") as handle:
        return Session.from_dict(tomllib.load(handle), clock=FakeClock(), source=name)


@pytest.fixture
def session() -> Session:
    return load("session.toml")


@pytest.fixture
def previous() -> Session:
    return load("previous.toml")


def md() -> MarkdownIt:
    return MarkdownIt("commonmark").enable("table")


def check_golden(name: str, text: str) -> None:
    path = DATA / name
    if os.environ.get("UPDATE_GOLDENS"):
        path.write_text(text, encoding="utf-8", newline="\n")
    assert path.read_text(encoding="utf-8") == text, f"{name} differs (UPDATE_GOLDENS=1 rewrites)"


def free_texts(session: Session) -> list[str]:
    """Every line the facilitator typed as notes, more-of/less-of or group names."""
    texts = [line for note in session.notes.values() for line in note.splitlines()]
    texts += session.more_of + session.less_of + [g.name for g in session.groups]
    return [t.strip() for t in texts if len(t.strip()) > 3]


# -- goldens --------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("language", "notes", "golden"),
    [
        ("da", True, "report.da.md"),
        ("en", True, "report.en.md"),
        ("da", False, "report.da.no-notes.md"),
    ],
)
def test_markdown_matches_golden(
    session: Session, previous: Session, language: str, notes: bool, golden: str
) -> None:
    text = markdown_report(session, report_content(language), previous, notes, RADAR)
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
    tokens = md().parse(markdown_report(session, content, previous, True, RADAR))
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
    # Exactly one title, and nothing the room typed became HTML, a link or code.
    assert sum(t.type == "heading_open" and t.tag == "h1" for t in tokens) == 1
    children = [c for t in tokens if t.type == "inline" for c in t.children or []]
    assert not [t for t in tokens if t.type.startswith("html")]
    assert not [c for c in children if c.type.startswith(("html", "link", "code"))]


def test_the_action_table_keeps_pipes_inside_cells(session: Session, previous: Session) -> None:
    tokens = md().parse(markdown_report(session, report_content("da"), previous, True, RADAR))
    cells = [t.content for t in tokens if t.type == "inline"]
    assert "Fast punkt om psykisk arbejdsmiljø | på hvert AMG-møde" in cells
    html = md().render(markdown_report(session, report_content("da"), previous, True, RADAR))
    assert "<td>Fast punkt om psykisk arbejdsmiljø | på hvert AMG-møde</td>" in html
    assert "&lt;script&gt;alert('x')&lt;/script&gt;" in html
    assert "<script>" not in html
    assert "<p>Vi har *for lidt* tid | ingen faste møder.</p>" in html
    assert "<p># Det her er ikke en overskrift</p>" in html


@pytest.mark.parametrize("language", ["da", "en"])
def test_every_string_comes_from_report_toml(
    session: Session, previous: Session, language: str
) -> None:
    content = report_content(language)
    for notes in (True, False):
        assert "report." not in markdown_report(session, content, previous, notes, RADAR)


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


# -- privacy --------------------------------------------------------------------------------
def test_no_notes_leaves_every_free_text_out(session: Session, previous: Session) -> None:
    text = markdown_report(session, report_content("da"), previous, False, RADAR)
    texts = free_texts(session)
    assert len(texts) > 10
    for typed in texts:
        assert typed not in text and escape_inline(typed) not in text, typed
    for word in ("aftenholdet", "Brandslukning", "fælles sprog", "gennemstreget", "Gruppe"):
        assert word not in text
    # What stays: the decisions, the names of the AMG and unit, the priorities.
    assert "Lager & Logistik" in text and "Pakkeri og forsendelse" in text
    assert "1. Tid og ressourcer" in text
    assert r"Fast punkt om psykisk arbejdsmiljø \| på hvert AMG-møde" in text


@pytest.mark.parametrize("notes", [True, False])
def test_people_and_old_notes_are_never_in_the_report(
    session: Session, previous: Session, notes: bool
) -> None:
    text = markdown_report(session, report_content("da"), previous, notes, RADAR)
    assert "Hanne" not in text and "Facilitatorsen" not in text
    assert "TIDLIGERE" not in text


def test_notes_are_in_the_report(session: Session, previous: Session) -> None:
    text = markdown_report(session, report_content("da"), previous, True, RADAR)
    for word in ("aftenholdet", "Brandslukning", "fælles sprog", "gennemstreget"):
        assert word in text


# -- escaping (any text the facilitator types) ----------------------------------------------
TYPED = st.text(
    alphabet=st.sampled_from(
        list("abcæøå ABC 0123456789\t\n\r") + list("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~") + ["🙂"]
    ),
    max_size=80,
)


def plain(children: list[Any]) -> str:
    return "".join(c.content for c in children if c.type == "text")


@settings(max_examples=300, deadline=None)
@given(TYPED)
def test_a_note_is_quoted_text_whatever_it_contains(note: str) -> None:
    lines = [" ".join(line.split()) for line in note.replace("\r", "\n").split("\n")]
    lines = [line for line in lines if line]
    tokens = md().parse("\n".join(quote(note)))
    if not lines:
        assert tokens == []
        return
    allowed = {"blockquote_open", "blockquote_close", "paragraph_open", "paragraph_close"}
    assert {t.type for t in tokens} <= allowed | {"inline"}
    assert [t.type for t in tokens].count("blockquote_open") == 1
    inlines = [t for t in tokens if t.type == "inline"]
    assert all({c.type for c in t.children or []} <= {"text"} for t in inlines)
    got = [" ".join(plain(t.children or []).split()) for t in inlines]
    assert got == lines


@settings(max_examples=300, deadline=None)
@given(TYPED)
def test_a_table_cell_stays_one_cell_whatever_it_contains(text: str) -> None:
    cell = escape_inline(text) or "x"
    tokens = md().parse(f"| a | b |\n|---|---|\n| {cell} | end |\n")
    cells = [t for t in tokens if t.type == "inline"]
    assert [t.content for t in cells][-1] == "end" and len(cells) == 4
    children = cells[2].children or []
    assert {c.type for c in children} <= {"text"}
    assert plain(children) == (" ".join(text.split()) or "x")


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("- ikke en liste", r"\- ikke en liste"),
        ("# ikke en overskrift", r"\# ikke en overskrift"),
        ("1. ikke nummereret", r"1\. ikke nummereret"),
        ("a | b", r"a \| b"),
        ("<b>x</b>", r"\<b>x\</b>"),
        ("Lager & Logistik &amp;", r"Lager & Logistik \&amp;"),
        ("`kode`", r"\`kode\`"),
        ("linje 1\nlinje 2", "linje 1 linje 2"),
    ],
)
def test_escape_inline_examples(typed: str, expected: str) -> None:
    assert escape_inline(typed) == expected


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
    assert (c["score"], c["n_rows"], c["mean"], c["min"], c["max"]) == ("", "3", "3.33", "3", "4")
    assert by["C", "motivation"]["n_rows"] == "2"
    assert {r["session_id"] for r in rows} == {"2026-11-26-lager-logistik"}
    assert {r["amg"] for r in rows} == {"Lager & Logistik"}
    assert by["A", "aabenhed"]["factor_label"] == "Åbenhed, tillid og psykologisk tryghed"


# -- odd sessions ---------------------------------------------------------------------------
def test_an_empty_unfinished_session_still_makes_a_report(session: Session) -> None:
    empty = Session(amg="Ny AMG", program=session.program, clock=FakeClock(), date=dt.date.today())
    content = report_content("en")
    text = markdown_report(empty, content, None, True, "")
    assert content.t("report.not_finished") in text
    assert content.t("report.scores.no_groups") in text
    assert content.t("report.actions.empty") in text
    assert "```" not in text
    assert csv_report(empty, content) == ",".join(CSV_HEADER) + "\n"
    md().parse(text)


def test_notes_of_another_variant_are_kept_under_other_notes(session: Session) -> None:
    session.notes["hverisaer"] = "En note fra variant 2"
    content = report_content("da")
    text = markdown_report(session, content, None, True, RADAR)
    assert content.t("report.other_notes.heading") in text and "En note fra variant 2" in text
    assert "En note fra variant 2" not in markdown_report(session, content, None, False, RADAR)


def test_variant_2_lists_priorities_in_a_section_of_their_own(session: Session) -> None:
    session.variant = 2
    content = report_content("da")
    text = markdown_report(session, content, None, True, RADAR)
    assert f"## {content.t('report.priorities.heading')}\n\n1. Tid og ressourcer" in text
    assert content.t("report.meta.variant2") in text


def test_an_unknown_language_falls_back_to_danish() -> None:
    content: Content = report_content("xx")
    assert content.language == "da"


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
    pytest.importorskip("amk_tui.charts")
    store = SessionStore(folder, clock=FakeClock())
    path = folder / "2026-11-26-lager-logistik.toml"
    text = build_report(store, path)
    content = report_content("da")
    assert content.t("report.change.heading", date="4. maj 2026") in text
    tokens = md().parse(text)
    assert [t for t in tokens if t.type == "fence"]
    quiet = build_report(store, path, notes=False)
    for typed in free_texts(store.load(path)):
        assert typed not in quiet and escape_inline(typed) not in quiet, typed


def run_amk(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run(
        [sys.executable, "-m", "amk_tui", *args], capture_output=True, text=True, cwd=cwd, env=env
    )


def test_cli_report_writes_the_csv(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "scores.csv"
    session_file = folder / "2026-11-26-lager-logistik.toml"
    result = run_amk(
        "report",
        str(session_file),
        "--format",
        "csv",
        "-o",
        str(out),
        "--sessions",
        str(folder),
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert out.read_text("utf-8") == (DATA / "report.csv").read_text("utf-8")


@pytest.mark.skipif(not HAS_CHARTS, reason="amk_tui.charts is not there yet")
def test_cli_report_writes_markdown_without_notes(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "referat.md"
    session_file = folder / "2026-11-26-lager-logistik.toml"
    result = run_amk(
        "report",
        str(session_file),
        "--no-notes",
        "-o",
        str(out),
        "--sessions",
        str(folder),
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    text = out.read_text("utf-8")
    assert text.startswith("# Arbejdsmiljøkompetence i AMG: Lager & Logistik\n")
    assert "aftenholdet" not in text


def test_cli_report_on_a_missing_file_is_one_line(tmp_path: Path) -> None:
    result = run_amk("report", str(tmp_path / "nope.toml"), "--format", "csv", cwd=tmp_path)
    assert result.returncode == 2
    assert "nope.toml" in result.stderr and result.stderr.count("\n") == 1


@pytest.mark.parametrize(
    ("language", "expected"), [("da", "1 anonym vurdering."), ("en", "1 anonymous assessment.")]
)
def test_a_single_individual_row_is_counted_in_the_singular(
    session: Session, language: str, expected: str
) -> None:
    group = session.groups[0]
    group.rows = [(3, 2, 4, 3, 3, 2)]
    text = markdown_report(session, report_content(language), None, True, RADAR)
    assert expected in text
    group.rows.append((1, 1, 1, 1, 1, 1))
    assert expected not in markdown_report(session, report_content(language), None, True, RADAR)
