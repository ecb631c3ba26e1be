"""The referat as HTML: standalone, well-formed, escaped, with SVG charts and the AMG's headings."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from amk_tui.core.palette import group_color, hex_color, readable
from amk_tui.core.session import Session
from amk_tui.reports.html import html_report
from tests.unit.report_support import load, referat

VOID = {"meta", "br", "hr", "img", "input", "link", "col", "area", "base", "source", "wbr"}
SVG_EMPTY = {"polygon", "polyline", "line", "circle", "rect", "path"}


class Tags(HTMLParser):
    """Checks that every element is closed in order; collects the text."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.text: list[str] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in VOID | SVG_EMPTY:
            self.errors.append(f"<{tag}/>")

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack.pop() != tag:
            self.errors.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(html: str) -> Tags:
    tags = Tags()
    tags.feed(html)
    tags.close()
    assert not tags.errors and not tags.stack, (tags.errors, tags.stack)
    return tags


@pytest.fixture
def session() -> Session:
    return load("session-v2.toml")


@pytest.fixture
def previous() -> Session:
    return load("previous.toml")


def test_the_referat_is_one_well_formed_standalone_file(
    session: Session, previous: Session
) -> None:
    html = html_report(referat(session, "da", previous))
    parse(html)
    assert html.startswith("<!DOCTYPE html>") and '<html lang="da">' in html
    for outside in ("href=", "src=", "url(", "@import", "<link", "<script", "xmlns", "@font-face"):
        assert outside not in html, outside
    # The only "http" is the one typed in a note, as text.
    assert html.count("http") == 1 and "[et link](http://example.com)" in html
    session.notes["hvorfor"] = "Uden adresser"
    assert "http" not in html_report(referat(session, "da", previous))
    assert "@page" in html and "size: A4" in html


def test_the_referat_has_what_an_amg_referat_holds(session: Session, previous: Session) -> None:
    text = " ".join(parse(html_report(referat(session, "da", previous))).text)
    for heading in (
        "Deltagere", "Vurdering af de seks faktorer", "Diagrammer", "Det siger vurderingerne",
        "Udvikling siden sidst (4. maj 2026)", "Gruppernes svar på dialogspørgsmålene",
        "Beslutninger", "Handlingsplan", "Næste opfølgning",
        "Input til den årlige arbejdsmiljødrøftelse",
    ):  # fmt: skip
        assert heading in text, heading
    for fact in ("26. november 2026", "Mødelokale 2, Lagervej 4", "Sekretær Søren",
                 "Lene Leder, Lars Lagerchef", "AMG tager modellen op igen om et halvt år",
                 "20. maj 2027", "15.01.2027"):  # fmt: skip
        assert fact in text, fact
    assert "Tidsforbrug" not in text
    assert "Tidsforbrug" in html_report(referat(session, "da", previous, timing=True))


def test_english_headings(session: Session) -> None:
    html = html_report(referat(session, "en"))
    assert '<html lang="en">' in html
    for heading in ("Participants", "Action plan", "Decisions", "Next follow-up"):
        assert f">{heading}</h2>" in html


def test_typed_text_is_text(session: Session) -> None:
    session.amg = "<img src=x onerror=alert(1)> & Co"
    session.groups[0].name = '"><script>alert(1)</script>'
    html = html_report(referat(session, "da"))
    parse(html)
    assert "<script" not in html and "<img" not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt; &amp; Co" in html
    assert "&quot;&gt;&lt;script&gt;" in html


def test_charts_are_svg_with_colours_letters_and_a_legend(session: Session) -> None:
    html = html_report(referat(session, "da"))
    assert html.count("<svg") == 2
    assert not any(0x2800 <= ord(c) <= 0x28FF for c in html)
    for index, letter in enumerate("ABC"):
        color = hex_color(readable(group_color(index), (255, 255, 255), 3.0))
        assert f'data-group="{letter}"' in html and color in html
        assert f'fill="{color}">{letter}</text>' in html  # the letter at its vertices
    assert ">A (Gruppe A)</text>" in html  # the legend
    polygons = dict(re.findall(r'<polygon class="group" data-group="(\w)" points="([^"]+)"', html))
    assert len(polygons["A"].split()) == 6
    # C's factor 3 rests on two answers: withheld, so C's line breaks there (an open line of
    # five corners, 4 → 5 → 6 → 1 → 2), never bridging factor 3 as if it were a low score.
    assert "C" not in polygons
    open_lines = dict(
        re.findall(r'<polyline class="group" data-group="(\w)" points="([^"]+)"', html)
    )
    assert len(open_lines["C"].split()) == 5
    assert len(re.findall(r'<rect class="bar" data-group="C"', html)) == 5


def test_withheld_values_show_their_count_only(session: Session) -> None:
    text = " ".join(parse(html_report(referat(session, "da"))).text)
    assert "n=2" in text and "4,0 (n=2)" not in text


def test_no_groups_no_charts(session: Session) -> None:
    session.groups = []
    html = html_report(referat(session, "da"))
    parse(html)
    assert "<svg" not in html and "Der er ingen grupper i denne workshop." in html
