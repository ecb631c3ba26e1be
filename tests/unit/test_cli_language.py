"""The command line speaks the config's language (issue 15.6): help, messages, argparse's
own words and the file problems named below it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from amk_tui.cli import main
from amk_tui.cli_words import peek_language, words_for

REPO = Path(__file__).resolve().parents[2]
ENGLISH = ("no unfinished", "cannot", "wrote", "nothing older", "phases", "usage:", "error:")


def english_config(tmp_path: Path) -> Path:
    path = tmp_path / "en.toml"
    path.write_text(
        (REPO / "config.toml").read_text("utf-8").replace('language = "da"', 'language = "en"')
    )
    return path


def said(capsys: pytest.CaptureFixture[str]) -> str:
    out = capsys.readouterr()
    return out.out + out.err


def test_the_issue_s_four_commands_answer_in_danish(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = str(tmp_path / "s")
    (tmp_path / "s").mkdir()
    answers = []
    assert main(["resume", "--sessions", folder]) == 2
    answers.append(said(capsys))
    assert main(["report", "NONEXISTENT", "--sessions", folder]) == 2
    answers.append(said(capsys))
    assert main(["purge", "--older-than", "0", "--sessions", folder]) == 0
    answers.append(said(capsys))
    assert main(["check-config", str(REPO / "config.toml")]) == 0
    answers.append(said(capsys))
    assert "ingen uafsluttet workshop" in answers[0]
    assert "NONEXISTENT: filen findes ikke" in answers[1]
    assert answers[2].startswith("intet ældre end 0 dage i ")
    assert answers[3].startswith("ok: 3 faser, 45 min")
    for answer in answers:
        assert not [word for word in ENGLISH if word in answer], answer


def test_help_and_argparse_s_words_in_danish(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["new", "--help"])
    assert done.value.code == 0
    text = said(capsys)
    assert text.startswith("brug: amk new")
    assert "tilvalg:" in text and "AMG'ens navn" in text and "vis denne hjælp" in text
    assert "usage" not in text and "show this help" not in text
    with pytest.raises(SystemExit):
        main(["report"])
    line = said(capsys)
    assert line == "amk: report: disse skal angives: FIL (amk report --help)\n"
    with pytest.raises(SystemExit):
        main(["--bogus"])
    assert said(capsys) == "amk: ukendte argumenter: --bogus (amk --help)\n"


def test_an_english_config_gets_english(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = english_config(tmp_path)
    assert main(["check-config", str(config)]) == 0
    assert said(capsys).startswith("ok: 3 phases, 45 min")
    folder = str(tmp_path / "s")
    assert main(["resume", "--config", str(config), "--sessions", folder]) == 2
    assert "no unfinished workshop to resume" in said(capsys)
    with pytest.raises(SystemExit):
        main(["report", f"--config={config}"])
    line = said(capsys)
    assert line == "amk: report: the following arguments are required: FILE (amk report --help)\n"


def test_the_language_is_peeked_before_parsing(tmp_path: Path) -> None:
    config = english_config(tmp_path)
    assert peek_language(["--config", str(config), "list"]) == "en"
    assert peek_language(["check-config", str(config)]) == "en"
    assert peek_language(["list", f"--config={config}"]) == "en"
    broken = tmp_path / "broken.toml"
    broken.write_text("language = [")
    assert peek_language(["--config", str(broken)]) == "da"  # reported later, in Danish


@pytest.mark.parametrize(
    ("english", "danish"),
    [
        ("x.toml: no such file", "x.toml: filen findes ikke"),
        ("out.md: is a folder, not a file: give a file name for the report",
         "out.md: er en mappe, ikke en fil: angiv et filnavn til referatet"),
        ("/s/a.toml: not saved (the disk is full)", "/s/a.toml: ikke gemt (disken er fuld)"),
        ("s: cannot create the folder (Permission denied)",
         "s: kan ikke oprette mappen (Permission denied)"),
        ("a.toml: not valid TOML (Expected '=' (at line 1, column 3))",
         "a.toml: ikke gyldig TOML (linje 1, kolonne 3)"),
        ("r.md: holds an amk session; it would be overwritten",
         "r.md: indeholder en amk-workshop; den ville blive overskrevet"),
        ("config.toml: phases[0].minutes: nan is not a finite number",
         "config.toml: phases[0].minutes: nan er ikke et endeligt tal"),
    ],
)  # fmt: skip
def test_problems_from_below_are_said_in_danish(english: str, danish: str) -> None:
    assert words_for("da").problem(english) == danish
    plain = english.replace("Expected '=' (at line 1, column 3)", "line 1, column 3")
    assert words_for("en").problem(english) == plain  # (TOML's own words: only where)


def test_new_without_an_amg_names_the_ones_the_folder_knows(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = str(tmp_path / "s")
    assert main(["new", "--sessions", folder]) == 2
    assert said(capsys) == "amk: --amg: AMG'ens navn mangler\n"
    from amk_tui.config import load_config
    from amk_tui.core.setup import new_session
    from amk_tui.store import SessionStore

    store = SessionStore(tmp_path / "s")
    program = load_config(REPO / "config.toml").program
    for name in ("AMG Lager", "amg  lager", "Kantinen"):
        store.create(new_session(name, program, groups=["A"]))
    assert main(["new", "--sessions", folder]) == 2
    line = said(capsys)
    assert line.startswith("amk: --amg: AMG'ens navn mangler; kendte her: ")
    assert line.count('"') == 4 and "Kantinen" in line and "lager" in line.lower()
    assert len(list((tmp_path / "s").glob("*.toml"))) == 3  # nothing written


def test_dates_on_the_command_line_as_the_app_takes_them() -> None:
    import datetime as dt

    from amk_tui.cli import build_parser

    parser = build_parser(words_for("da"))
    for typed in ("31.12.2026", "2026-12-31", "31-12-2026"):
        args = parser.parse_args(["new", "--amg", "A", "--date", typed])
        assert args.date == dt.date(2026, 12, 31)


ENGLISH_WORDS = re.compile(r"\b(must|missing|not|valid|line|column|one|of|is|number|empty|table)\b")
"""Words that gave English away in a Danish message."""


@pytest.mark.parametrize(
    ("toml", "said"),
    [
        ('[timer]\nwarn_minutes = "to"\n', "timer.warn_minutes: skal være et tal"),
        ('language = "de"\n', "language: 'de' skal være da eller en"),
        ("[chart]\nhide = true\n", "chart.hide: ukendt indstilling (tjek stavemåden)"),
        ("phases = 3\n", "phases: skal være en liste af [[phases]]-tabeller"),
        ("[timer\n", "ikke gyldig TOML (linje 1, kolonne 7)"),
    ],
)
def test_check_config_says_what_is_wrong_in_danish_without_english_words(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], toml: str, said: str
) -> None:
    """Issue acceptance (Danish): `amk check-config` on `warn_minutes = "to"` or
    `language = "de"`: the message is Danish, no English words."""
    cfg = tmp_path / "config.toml"
    cfg.write_text(toml, "utf-8")
    assert main(["check-config", str(cfg)]) == 2
    line = capsys.readouterr().err.strip()
    assert said in line, line
    message = line.split(str(cfg), 1)[1]
    assert not ENGLISH_WORDS.search(message), line


def test_list_says_why_a_file_cannot_be_read_in_danish(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "s"
    folder.mkdir()
    (folder / "2026-01-01-bad.toml").write_text("schema = 2\namg = [\n", "utf-8")
    assert main(["list", "--sessions", str(folder)]) == 0
    err = capsys.readouterr().err.strip()
    assert err.startswith("amk: 2026-01-01-bad.toml: kan ikke læses: ikke gyldig TOML (")
    assert not ENGLISH_WORDS.search(err.split("kan ikke læses", 1)[1]), err
