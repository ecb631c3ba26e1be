"""A real browser prints the papers: headless Chromium (Debian's package) makes PDFs of the
referat and the handout, and the PDFs are read back with pypdf.

What is checked: the page count (a front and a back per group for the handout; the referat a few
pages), the headings and questions in the PDF's text, and that the SVG was *drawn*: the
handout's pages hold the hexagon's stroked paths, and the referat holds strokes in the
groups' own colours (the radar's polygons), as vector operators in the PDF content.

`.ci/run` installs chromium; without it locally the tests are skipped, saying so.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pypdf
import pytest

from amk_tui.cli import main
from amk_tui.config import load_content
from amk_tui.core.palette import group_color, readable
from tests.unit.report_support import DATA

pytestmark = pytest.mark.browser
BROWSER = next(
    (path for name in ("chromium", "chromium-browser") if (path := shutil.which(name))), None
)
if BROWSER is None:
    pytest.skip("chromium is not installed here (.ci/run installs it)", allow_module_level=True)


def print_pdf(html: Path, tmp_path: Path) -> pypdf.PdfReader:
    pdf = html.with_suffix(".pdf")
    command = [
        str(BROWSER), "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--no-first-run", "--no-pdf-header-footer", f"--user-data-dir={tmp_path / 'profile'}",
        f"--print-to-pdf={pdf}", html.as_uri(),
    ]  # fmt: skip
    result = subprocess.run(command, capture_output=True, text=True, timeout=180)
    assert result.returncode == 0 and pdf.is_file(), result.stderr[-2000:]
    return pypdf.PdfReader(pdf)


def operators(page: pypdf.PageObject) -> tuple[Counter[bytes], set[tuple[float, ...]]]:
    """How often each path operator occurs, and the stroke colours set on the page."""
    data = page.get_contents().get_data()  # type: ignore[union-attr]
    ops = Counter(re.findall(rb"(?m)(?<=\s)(m|l|c|h|re|S|s|f|B)(?=\s)", data))
    strokes = {
        tuple(round(float(v), 2) for v in found)
        for found in re.findall(rb"([\d.]+) ([\d.]+) ([\d.]+) RG", data)
    }
    return ops, strokes


def text_of(reader: pypdf.PdfReader) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def test_the_handout_prints_one_drawn_model_per_group(tmp_path: Path) -> None:
    out = tmp_path / "handout.html"
    assert main(["handout", "--groups", "3", "-o", str(out), "--sessions", str(tmp_path)]) == 0
    reader = print_pdf(out, tmp_path)
    assert len(reader.pages) == 6  # a front and a back per group
    content = load_content("da")
    for g, letter in enumerate("ABC"):
        page, back = reader.pages[2 * g], reader.pages[2 * g + 1]
        words = " ".join(page.extract_text().split())
        assert f"Gruppe {letter}" in words and "Teknikker og viden" in words
        assert "Hvad skal vi gøre mindre af?" in " ".join(back.extract_text().split())
        ops, _ = operators(page)
        # Five rings and six spokes, stroked: at least 11 strokes and their line segments.
        assert ops[b"S"] + ops[b"s"] >= 11 and ops[b"l"] >= 30, ops
    assert all(q.text.split()[0] in text_of(reader) for q in content.questions[1])


def test_variant_2_prints_slips_after_each_group(tmp_path: Path) -> None:
    out = tmp_path / "handout.html"
    args = ["handout", "--variant", "2", "--groups", "2", "--slips", "6", "-o", str(out)]
    assert main([*args, "--sessions", str(tmp_path)]) == 0
    reader = print_pdf(out, tmp_path)
    assert len(reader.pages) == 6  # front, back and slips page, for each of two groups
    assert "Skriv ikke dit navn" in " ".join(reader.pages[2].extract_text().split())
    tally = " ".join(reader.pages[0].extract_text().split())
    assert "sæt ét kryds pr. seddel" in tally and "Jeres vurdering" not in tally


def test_the_referat_prints_with_its_charts_in_the_groups_colours(tmp_path: Path) -> None:
    sessions = tmp_path / "sessions"
    sessions.mkdir()
    shutil.copy(DATA / "session.toml", sessions / "2026-11-26-lager-logistik.toml")
    shutil.copy(DATA / "previous.toml", sessions / "2026-05-04-lager-logistik.toml")
    out = tmp_path / "referat.html"
    args = ["report", "2026-11-26-lager-logistik", "--format", "html", "-o", str(out)]
    assert main([*args, "--sessions", str(sessions)]) == 0
    reader = print_pdf(out, tmp_path)
    assert 3 <= len(reader.pages) <= 8, len(reader.pages)
    text = text_of(reader)
    for heading in ("Deltagere", "Handlingsplan", "Beslutninger", "Næste opfølgning"):
        assert heading in text, heading
    colours = set()
    for page in reader.pages:
        colours |= operators(page)[1]
    for index in range(3):  # groups A, B, C: their lines were stroked in their colours
        rgb = readable(group_color(index), (255, 255, 255), 3.0)
        assert tuple(round(v / 255, 2) for v in rgb) in colours, (index, colours)
