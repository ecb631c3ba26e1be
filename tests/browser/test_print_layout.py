"""The papers on A4, measured in a real browser's layout: nothing crosses the page edge.

Headless Chromium lays the referat and the handout out for print (`media: print`) in a
window exactly as wide as an A4 page's printable area (the page width less the `@page`
margins of `reports/style.py`), with three groups of 25-character names. Then every element
must lie within that width, no table cell's text may stick out of its cell, a date or a
number must stay on one line, and each page of the handout must fit the page's height. The
handout is also printed to PDF: two sheets per group, the front with the factor
descriptions and the back with the Opsamling's three questions.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from amk_tui.cli import main
from amk_tui.config import load_content
from tests.browser.test_print import print_pdf
from tests.unit.report_support import DATA

pytestmark = pytest.mark.browser
BROWSER = next(
    (path for name in ("chromium", "chromium-browser") if (path := shutil.which(name))), None
)
if BROWSER is None:
    pytest.skip("chromium is not installed here (.ci/run installs it)", allow_module_level=True)
playwright = pytest.importorskip("playwright.sync_api")

MM = 96 / 25.4
"""CSS pixels per millimetre."""
A4 = (210, 297)
REFERAT_MARGINS = (15 + 15, 15 + 17)  # `@page { margin: 15mm 15mm 17mm }`
HANDOUT_MARGINS = (28, 24)  # `@page { margin: 12mm 14mm }`
LONG_NAMES = (
    "Lager og logistik, nathold",
    "Kontor og administration A",
    "Værksted og vedligehold AB",
)
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"]

OUTSIDE = """(limit) => {
  const out = [];
  for (const el of document.querySelectorAll('body *')) {
    const r = el.getBoundingClientRect();
    if (r.width > 0 && (r.right > limit + 0.5 || r.left < -0.5)) {
      out.push(`${el.tagName}.${el.className.baseVal ?? el.className} right=${r.right.toFixed(1)} `
        + (el.textContent || '').trim().slice(0, 40));
    }
    if ((el.tagName === 'TD' || el.tagName === 'TH') && el.scrollWidth > el.clientWidth + 1) {
      out.push(`${el.tagName} overflows its cell: ` + (el.textContent || '').trim().slice(0, 40));
    }
  }
  return out;
}"""

WRAPPED = r"""() => {
  // A date (15.01.2027) or a number with a decimal comma in a table cell: on one line?
  const out = [];
  const pattern = /^(\d{2}\.\d{2}\.\d{4}|[−+±-]?\d+,\d)$/;
  for (const cell of document.querySelectorAll('td, th')) {
    for (const node of cell.childNodes) {
      if (node.nodeType !== Node.TEXT_NODE) continue;
      for (const word of node.textContent.split(/\s+/)) {
        if (!pattern.test(word)) continue;
        const at = node.textContent.indexOf(word);
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + word.length);
        const lines = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
        if (lines.size > 1) out.push(word);
      }
    }
  }
  return out;
}"""


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with playwright.sync_playwright() as p:
        launched = p.chromium.launch(executable_path=BROWSER, args=ARGS)
        try:
            yield launched
        finally:
            launched.close()


def printed_layout(browser: Any, html: Path, margins: tuple[int, int]) -> Any:
    """A page laid out as Chromium prints it, as wide as A4's printable area."""
    width = (A4[0] - margins[0]) * MM
    page = browser.new_page(viewport={"width": round(width), "height": 1100})
    page.emulate_media(media="print")
    page.goto(html.as_uri())
    return page, width


def long_named(source: Path, target: Path) -> Path:
    """A copy of a session file whose three groups have 25-character names."""
    text = source.read_text(encoding="utf-8")
    for letter, name in zip("ABC", LONG_NAMES, strict=True):
        text = text.replace(f'name = "Gruppe {letter}"', f'name = "{name}"')
    assert all(name in text for name in LONG_NAMES)
    target.write_text(text, encoding="utf-8")
    return target


@pytest.mark.parametrize("source", ["session.toml", "session-v2.toml"])
def test_the_referat_stays_within_the_page_with_three_long_group_names(
    browser: Any, tmp_path: Path, source: str
) -> None:
    sessions = tmp_path / "sessions"
    sessions.mkdir()
    long_named(DATA / source, sessions / "2026-11-26-lager-logistik.toml")
    shutil.copy(DATA / "previous.toml", sessions / "2026-05-04-lager-logistik.toml")
    out = tmp_path / "referat.html"
    args = ["report", "2026-11-26-lager-logistik", "--format", "html", "-o", str(out)]
    assert main([*args, "--sessions", str(sessions)]) == 0
    page, width = printed_layout(browser, out, REFERAT_MARGINS)
    try:
        assert all(name in page.inner_text("body") for name in LONG_NAMES)
        assert page.evaluate(OUTSIDE, width) == []
        assert page.evaluate(WRAPPED) == []
    finally:
        page.close()


@pytest.mark.parametrize("variant", ["1", "2"])
def test_the_handout_stays_within_the_page_and_each_side_fits_one_sheet(
    browser: Any, tmp_path: Path, variant: str
) -> None:
    out = tmp_path / "handout.html"
    groups = [arg for name in LONG_NAMES for arg in ("--group", name)]
    args = ["handout", "--variant", variant, *groups, "-o", str(out)]
    assert main([*args, "--sessions", str(tmp_path)]) == 0
    page, width = printed_layout(browser, out, HANDOUT_MARGINS)
    try:
        assert page.evaluate(OUTSIDE, width) == []
        height = (A4[1] - HANDOUT_MARGINS[1]) * MM
        sides = page.evaluate(
            "() => [...document.querySelectorAll('section.page')]"
            ".map(s => s.getBoundingClientRect().height)"
        )
        assert len(sides) == 3 * (2 if variant == "1" else 3)
        assert max(sides) <= height, (sides, height)
    finally:
        page.close()


def test_the_handout_prints_the_factors_in_front_and_the_opsamling_on_the_back(
    tmp_path: Path,
) -> None:
    out = tmp_path / "handout.html"
    groups = [arg for name in LONG_NAMES for arg in ("--group", name)]
    assert main(["handout", *groups, "-o", str(out), "--sessions", str(tmp_path)]) == 0
    reader = print_pdf(out, tmp_path)
    assert len(reader.pages) == 6  # a front and a back per group
    content = load_content("da")
    for g, name in enumerate(LONG_NAMES):
        front = " ".join(reader.pages[2 * g].extract_text().split())
        back = " ".join(reader.pages[2 * g + 1].extract_text().split())
        assert name in front and name in back
        for factor in content.factors:  # the description, not only the name
            assert " ".join(factor.text.split()[-4:]) in front, factor.id
        assert "Bliv enige om ét tal pr. faktor" in front
        assert content.wrapup_heading in back
        for question in content.wrapup:
            assert question.text[:30] in back
        assert all(q.text[:25] in back for q in content.questions[1])


def test_the_charts_heading_never_stands_alone_at_a_page_foot(tmp_path: Path) -> None:
    """Printed, "Diagrammer" and its intro are on the same page as the radar they introduce,
    wherever the page break falls: the text above the charts is made longer step by step
    (the names of those present), so the heading meets the foot of a page at some step."""
    sessions = tmp_path / "sessions"
    sessions.mkdir()
    shutil.copy(DATA / "previous.toml", sessions / "2026-05-04-lager-logistik.toml")
    base = long_named(DATA / "session.toml", tmp_path / "base.toml").read_text("utf-8")
    for step in range(0, 26, 2):
        names = ", ".join(f"Deltager nummer {n} (medarbejder)" for n in range(step * 3))
        text = base + f'\n[minutes]\nattendees = "{names}"\n' if names else base
        (sessions / "2026-11-26-lager-logistik.toml").write_text(text, encoding="utf-8")
        out = tmp_path / f"referat-{step}.html"
        args = ["report", "2026-11-26-lager-logistik", "--format", "html", "-o", str(out)]
        assert main([*args, "--sessions", str(sessions)]) == 0
        reader = print_pdf(out, tmp_path)
        pages = [" ".join(page.extract_text().split()) for page in reader.pages]
        (where,) = [i for i, page in enumerate(pages) if "Diagrammer" in page]
        assert "Radar over de seks faktorer" in pages[where], (step, pages[where][-200:])
