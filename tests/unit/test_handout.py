"""`amk handout`: a page per group with the hexagon to draw on, the table and the questions."""

from __future__ import annotations

import re
import stat
from pathlib import Path

import pytest

from amk_tui.cli import main
from amk_tui.config import load_content
from amk_tui.reports.handout import HandoutOptions, handout_html
from tests.unit.test_report_html import parse


def test_three_groups_three_pages_each_with_a_model_and_every_question() -> None:
    content = load_content("da")
    html = handout_html(content, HandoutOptions(variant=1, groups=("", "", "")))
    tags = parse(html)
    assert html.count('<section class="page"') == 3 and html.count("<svg") == 3
    # Each hexagon: rings 1–5 (the outer one heavier) and six spokes.
    assert html.count("<polygon points=") == 3 * 5 and html.count("<line x1=") == 3 * 6
    text = " ".join(tags.text)
    for letter in "ABC":
        assert f"Gruppe {letter}" in text
    for factor in content.factors:
        assert text.count(f"{factor.number}. {factor.name}") == 3  # the score table
    for question in content.questions[1]:
        assert text.count(question.text) == 3
    for line in ("Mindre grupper, 25 min til øvelsen", "Placér jer i diagrammet"):
        assert line in text
    assert "http" not in html and "<script" not in html


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
    assert out.read_text("utf-8").count('<section class="page"') == 3
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
