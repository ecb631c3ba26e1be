"""`amk report --format html|xlsx` through the command line, on an old (schema 1) file."""

from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path

import openpyxl
import pytest

from amk_tui.cli import main
from tests.unit.report_support import DATA, contains, free_texts, load

OLD = Path(__file__).resolve().parents[1] / "data" / "sessions" / "v1"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    sessions = tmp_path / "sessions"
    sessions.mkdir()
    shutil.copy(DATA / "session.toml", sessions / "2026-11-26-lager-logistik.toml")
    shutil.copy(DATA / "previous.toml", sessions / "2026-05-04-lager-logistik.toml")
    return sessions


def report(folder: Path, *args: str) -> int:
    return main(["report", "2026-11-26-lager-logistik", "--sessions", str(folder), *args])


def test_html_referat_of_a_schema_1_file(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "referat.html"
    before = (folder / "2026-11-26-lager-logistik.toml").read_bytes()
    assert report(folder, "--format", "html", "-o", str(out)) == 0
    html = out.read_text("utf-8")
    assert "<svg" in html and ">Handlingsplan</h2>" in html and ">Deltagere</h2>" in html
    assert not any(0x2800 <= ord(c) <= 0x28FF for c in html)
    assert "https://" not in html and "href" not in html and "src=" not in html
    assert (folder / "2026-11-26-lager-logistik.toml").read_bytes() == before


def test_xlsx_holds_a_native_radar_chart(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "referat.xlsx"
    assert report(folder, "--format", "xlsx", "-o", str(out)) == 0
    data = out.read_bytes()
    xml = zipfile.ZipFile(io.BytesIO(data)).read("xl/charts/chart1.xml").decode()
    assert "<c:radarChart>" in xml
    assert openpyxl.load_workbook(io.BytesIO(data)).sheetnames[0] == "Vurderinger"


@pytest.mark.parametrize("fmt", ["md", "html", "csv", "xlsx"])
def test_no_notes_in_every_format_through_the_cli(folder: Path, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"referat.{fmt}"
    assert report(folder, "--format", fmt, "--no-notes", "--timing", "-o", str(out)) == 0
    data = out.read_bytes()
    if fmt == "xlsx":
        parts = zipfile.ZipFile(io.BytesIO(data))
        text = "\n".join(parts.read(n).decode() for n in parts.namelist())
    else:
        text = data.decode("utf-8")
    for typed in free_texts(load("session.toml")):
        for form in {typed, typed.replace("&", "&amp;").replace("<", "&lt;")}:
            assert not contains(text, form), (fmt, typed)


@pytest.mark.parametrize("path", sorted(OLD.glob("*.toml")), ids=lambda p: p.name)
def test_every_old_file_makes_every_report_and_stays_as_it_was(path: Path, tmp_path: Path) -> None:
    copy = tmp_path / path.name
    shutil.copy2(path, copy)
    before = copy.read_bytes()
    for fmt in ("md", "html", "csv", "xlsx"):
        out = tmp_path / f"out.{fmt}"
        assert main(["report", str(copy), "--sessions", str(tmp_path), "--format", fmt,
                     "-o", str(out)]) == 0  # fmt: skip
        assert out.stat().st_size > 0
    assert copy.read_bytes() == before
