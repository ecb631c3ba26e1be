"""`amk handout`: per group a front (the hexagon to draw on, the factors, the table) and a back
(the dialogue questions and the Opsamling's three, with lines to write on)."""

from __future__ import annotations

import re
import stat
from pathlib import Path

import pytest

from amk_tui.cli import main
from amk_tui.config import load_content
from amk_tui.reports.handout import HandoutOptions, handout_html, split
from tests.unit.test_report_html import parse


def test_three_groups_a_front_and_a_back_each() -> None:
    content = load_content("da")
    html = handout_html(content, HandoutOptions(variant=1, groups=("", "", "")))
    tags = parse(html)
    assert html.count('<section class="page front"') == 3 and html.count("<svg") == 3
    assert html.count('<section class="page back"') == 3
    # Each hexagon: rings 1–5 (the outer one heavier) and six spokes.
    assert html.count("<polygon points=") == 3 * 5 and html.count("<line x1=") == 3 * 6
    text = " ".join(tags.text)
    for letter in "ABC":
        assert f"Gruppe {letter}" in text
    for factor in content.factors:
        assert text.count(f"{factor.number}. {factor.name}") == 3  # the score table
        assert text.count(factor.text[len(factor.name) :].strip() or factor.text) >= 3
    for question in (*content.questions[1], *content.wrapup):
        assert text.count(question.text) == 3
    assert text.count(content.wrapup_heading) == 3
    for line in ("Forslag til de 25 minutter: ca. 8 min vurdering · 15 min dialog · 2 min",
                 "Placér jer i diagrammet", "Bliv enige om ét tal pr. faktor."):  # fmt: skip
        assert line in text, line
    assert "http" not in html and "<script" not in html


def test_backs_hold_the_questions_in_order_with_lines_to_write_on() -> None:
    content = load_content("da")
    html = handout_html(content, HandoutOptions(groups=("",)))
    back = html[html.index('<section class="page back"') :]
    order = [back.index(q.text) for q in (*content.questions[1], *content.wrapup)]
    assert order == sorted(order)
    assert back.count('class="write"') == 2 * (len(content.questions[1]) + len(content.wrapup))


@pytest.mark.parametrize(
    ("minutes", "parts"), [(25, (8, 15, 2)), (20, (6, 12, 2)), (40, (13, 24, 3)), (5, (2, 2, 1))]
)
def test_the_group_works_minutes_are_split_as_the_deck_suggests(
    minutes: float, parts: tuple[int, int, int]
) -> None:
    assert split(minutes) == parts
    assert sum(split(minutes)) == round(minutes)


def test_the_hexagon_names_every_factor_by_number() -> None:
    html = handout_html(load_content("da"), HandoutOptions(groups=("",)))
    svg = html[html.index("<svg") : html.index("</svg>")]
    words = " ".join(re.sub(r"<[^>]+>", " ", svg).split())
    for label in ("1 Åbenhed, tillid og psykologisk tryghed", "2 Innovation",
                  "3 Motivation fra ledere og medarbejdere", "6 Teknikker og viden"):  # fmt: skip
        assert label in words, label


def test_variant_2_adds_slips_without_a_name_field() -> None:
    content = load_content("da")
    html = handout_html(content, HandoutOptions(variant=2, groups=("Lager", "Kontor"), slips=8))
    parse(html)
    assert html.count('class="page slips-page"') == 4  # 8 slips a group, six to a page
    assert html.count('<div class="slip">') == 16
    assert "Navn" not in html and "Skriv ikke dit navn" in html
    assert "Drøft dialogspørgsmålene" in html and "Placér jer i diagrammet" not in html
    assert "Lager (A)" in html and "Kontor (B)" in html
    # No group score to agree on: a tally, one cross per slip, and filling in alone first.
    assert "Jeres vurdering" not in html and html.count("sæt ét kryds pr. seddel") == 2
    assert html.count("Udfyld først jeres seddel hver for sig") == 2


def test_english_and_escaped_names() -> None:
    html = handout_html(load_content("en"), HandoutOptions(groups=("<b>x</b> & co",)))
    assert '<html lang="en">' in html and "Worksheet" in html
    assert "&lt;b&gt;x&lt;/b&gt; &amp; co (A)" in html and "<b>" not in html


@pytest.mark.parametrize(
    "options", [{"groups": ()}, {"groups": ("",) * 9}, {"variant": 3}, {"slips": 0}]
)
def test_what_cannot_be_printed_is_refused(options: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        HandoutOptions(**options)  # type: ignore[arg-type]


def test_cli_writes_the_handout(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "handout.html"
    args = ["handout", "--groups", "3", "-o", str(out), "--sessions", str(tmp_path / "s")]
    assert main(args) == 0
    assert out.read_text("utf-8").count('<section class="page front"') == 3
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert main(["handout", "--group", "Lager", "--group", "Kontor", "--variant", "2"]) == 0
    assert capsys.readouterr().out.count('<div class="slip">') == 12


@pytest.mark.parametrize("args", [["--groups", "0"], ["--groups", "9"], ["--slips", "0"]])
def test_cli_refuses_in_one_line(args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    try:
        code = main(["handout", *args])
    except SystemExit as exc:  # --groups is checked by the argument parser, like `amk new`
        code = int(str(exc.code))
    assert code == 2
    err = capsys.readouterr().err
    assert err.startswith("amk: handout:") and err.count("\n") == 1


def test_made_from_a_session_it_has_the_amg_date_groups_and_variant(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`amk handout FILE`: the workshop's AMG, date, group names and variant filled in."""
    import datetime as dt

    from amk_tui.config import load_config
    from amk_tui.core.setup import new_session
    from amk_tui.store import SessionStore

    store = SessionStore(tmp_path)
    session = new_session(
        "AMG Lager & Logistik",
        load_config().program,
        groups=["Nathold", "Kontor"],
        date=dt.date(2027, 1, 14),
        variant=2,
    )
    path = store.create(session)
    assert main(["handout", path.name, "--sessions", str(tmp_path)]) == 0
    html = capsys.readouterr().out
    assert "AMG: AMG Lager &amp; Logistik" in html and "14.01.2027" in html
    assert "Nathold (A)" in html and "Kontor (B)" in html and "Gruppe C" not in html
    assert 'class="page slips-page"' in html  # variant 2, from the file
