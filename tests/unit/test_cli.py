"""The `amk` command line: list, purge, version; errors are one line and exit 2."""

from __future__ import annotations

import datetime as dt
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from amk_tui import commands
from amk_tui.cli import EXIT_CRASH, main
from amk_tui.cli_words import words_for
from amk_tui.config import Config
from amk_tui.core.clock import FakeClock
from amk_tui.core.session import Session
from amk_tui.crash import CRASH_LOG, write_crash_log
from amk_tui.store import SessionStore


def test_version() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "amk_tui", "--version"], capture_output=True, text=True, check=True
    )
    assert out.stdout.startswith("amk 0.")


def test_list_shows_sessions_and_names_unreadable_files(
    tmp_path: Path, config: Config, clock: FakeClock, capsys: pytest.CaptureFixture[str]
) -> None:
    store = SessionStore(tmp_path)
    s = Session(amg="Lager AMG", program=config.program, clock=clock, date=dt.date(2026, 5, 4))
    s.add_group().scores["viden"] = 2
    s.add_group().scores["viden"] = 5
    store.create(s)
    (tmp_path / "2026-01-01-bad.toml").write_text("x = [")
    assert main(["list", "--sessions", str(tmp_path)]) == 0
    out, err = capsys.readouterr()
    assert "Lager AMG" in out and "2026-05-04" in out and "3,5" in out
    assert "2026-01-01-bad.toml" in err and err.count("\n") == 1


def test_purge_with_yes(
    tmp_path: Path, config: Config, clock: FakeClock, capsys: pytest.CaptureFixture[str]
) -> None:
    store = SessionStore(tmp_path)
    store.create(Session(amg="A", program=config.program, clock=clock, date=dt.date(2020, 1, 1)))
    assert commands.purge(store, 30, yes=True, w=words_for("en"), today=dt.date(2026, 11, 26)) == 0
    assert "deleted 1" in capsys.readouterr().out
    assert list(tmp_path.glob("*.toml")) == []


def test_purge_slips_only_keeps_the_files_and_their_figures_but_not_the_slips(
    tmp_path: Path, config: Config, clock: FakeClock, capsys: pytest.CaptureFixture[str]
) -> None:
    """`amk purge --slips-only --older-than DAYS`: an old workshop's slips become a tally;
    a newer one and the file's referat figures stay as they were."""
    import tomllib

    from amk_tui.core.scores import row_stats

    store = SessionStore(tmp_path)
    old = Session(amg="A", program=config.program, clock=clock, date=dt.date(2020, 1, 1))
    old.add_group().rows = [(1, 5, 1, 1, 1, 1), (5, 1, 5, 5, 5, 5), (3, 3, 3, 3, 3, 3)]
    new = Session(amg="A", program=config.program, clock=clock, date=dt.date.today())
    new.add_group().rows = [(2, 2, 2, 2, 2, 2), (4, 4, 4, 4, 4, 4), (3, 3, 3, 3, 3, 3)]
    old_path, new_path = store.create(old), store.create(new)
    before = row_stats(store.load(old_path).groups[0])
    untouched = new_path.read_bytes()
    args = ["purge", "--slips-only", "--older-than", "30", "--yes", "--sessions", str(tmp_path)]
    assert main(args) == 0
    assert "1 workshop" in capsys.readouterr().out
    data = tomllib.loads(old_path.read_text("utf-8"))
    assert "rows" not in data["groups"][0] and data["groups"][0]["slips"] == 3
    assert row_stats(store.load(old_path).groups[0]) == before
    assert new_path.read_bytes() == untouched  # newer than 30 days: as it was
    assert main(args) == 0  # a second run finds nothing left to reduce
    assert "ingen workshops" in capsys.readouterr().out


def test_bad_config_via_any_command_exits_2(tmp_path: Path) -> None:
    cfg = tmp_path / "c.toml"
    cfg.write_text("language = 'xx'\n")
    result = subprocess.run(
        [sys.executable, "-m", "amk_tui", "list", "--config", str(cfg)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 2
    assert result.stderr.strip() == f"amk: {cfg}: language: 'xx' skal være da eller en"


def test_report_finds_a_bare_file_name_in_the_sessions_folder(
    tmp_path: Path,
    config: Config,
    clock: FakeClock,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    folder = tmp_path / "sessions"
    store = SessionStore(folder)
    date = dt.date(2026, 5, 4)
    session = Session(amg="Lager AMG", program=config.program, clock=clock, date=date)
    session.add_group().scores["viden"] = 2
    path = store.create(session)
    monkeypatch.chdir(tmp_path)  # not the sessions folder: the name alone must do
    assert main(["list", "--sessions", str(folder)]) == 0
    assert path.name in capsys.readouterr().out  # the name `list` shows …
    for name in (path.name, path.stem):  # … is what report takes, with or without .toml
        assert main(["report", name, "--sessions", str(folder), "--format", "csv"]) == 0
        assert "Lager AMG" in capsys.readouterr().out
    assert main(["report", "nope.toml", "--sessions", str(folder)]) == 2
    assert "nope.toml" in capsys.readouterr().err


def test_check_config_takes_the_top_level_config_option(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cfg = tmp_path / "c.toml"
    cfg.write_text("language = 'xx'\n")
    assert main(["--config", str(cfg), "check-config"]) == 2  # not the built-in "ok"
    assert "c.toml" in capsys.readouterr().err


# -- arguments: one line, exit 2, nothing written ----------------------------------------------
@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["new", "--amg", "A", "--groups", "0"], "--groups: 0: skal være 1–8 grupper"),
        (["new", "--amg", "A", "--groups", "-1"], "--groups: -1: skal være 1–8 grupper"),
        (["new", "--amg", "A", "--groups", "9"], "--groups: 9: skal være 1–8 grupper"),
        (["new", "--amg", "A", "--groups", "tre"], "'tre' er ikke et helt tal"),
        (["new", "--amg", "x" * 121], "--amg: 121 tegn, højst 120"),
        (["new", "--amg", "A", "--group", "g" * 200], "--group: 200 tegn"),
        (["new", "--amg", "A", "--unit", "u" * 500], "--unit: 500 tegn"),
        (["new", "--amg", "A", "--count", "chef=2"], "chef=2: skriv ROLLE=ANTAL"),
        (["new", "--amg", "A", "--count", "amr=1000"], "1000: skal være 0–999 personer"),
        (["purge", "--older-than", "10000000"], "--older-than: 10000000: skal være 0–36500 dage"),
        (["purge", "--older-than", "-1"], "--older-than: -1: skal være 0–36500 dage"),
        (["report", "x.toml", "--format", "pdf"], "--format: ugyldigt valg"),
        (["nonsense"], "ugyldigt valg"),
    ],
)
def test_bad_arguments_are_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], says: str
) -> None:
    folder = tmp_path / "sessions"
    with pytest.raises(SystemExit) as info:
        main([*args, "--sessions", str(folder)] if args[0] != "nonsense" else args)
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("amk: ") and err.count("\n") == 1 and says in err
    assert not folder.exists()


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--amg", "   "], "--amg: må ikke være tomt"),
        (["--amg", "A", "--group", "Lager", "--group", " "], "--group: en gruppes navn"),
        (["--amg", "A", *[a for i in range(9) for a in ("--group", f"G{i}")]], "9 grupper"),
    ],
)
def test_bad_new_workshops_write_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], says: str
) -> None:
    folder = tmp_path / "sessions"
    assert main(["new", *args, "--sessions", str(folder)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and says in err
    assert not folder.exists()


def test_a_broken_slide_fails_check_config_and_new_before_any_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    slides = tmp_path / "slides"
    slides.mkdir()
    (slides / "01.md").write_text("# One")
    (slides / "02.md").write_bytes(b"# Two \xff\xfe")
    cfg = tmp_path / "config.toml"
    cfg.write_text(
        '[content]\nslides_dir = "slides"\n[[phases]]\nid="o"\nkind="presentation"\nminutes=5\n'
    )
    assert main(["check-config", str(cfg)]) == 2
    assert "02.md er ikke UTF-8-tekst (byte 6)" in capsys.readouterr().err
    folder = tmp_path / "sessions"
    assert main(["new", "--amg", "A", "--config", str(cfg), "--sessions", str(folder)]) == 2
    assert "02.md er ikke UTF-8" in capsys.readouterr().err
    assert not folder.exists()
    (slides / "02.md").unlink()
    (slides / "03.md").mkdir()
    assert main(["check-config", str(cfg)]) == 2
    assert "03.md er en mappe, ikke en fil" in capsys.readouterr().err


# -- what amk list prints is text ---------------------------------------------------------------
HOSTILE_NAMES = [
    "Team [/ost]",
    "[bold red]Alarm[/]",
    "[@click=app.quit]klik[/]",
    "Møder [hver uge]",
    "Titel \x1b]0;pwned\x07 \x1b[2J",
    "\u202eevil",
]


def test_list_prints_hostile_names_as_harmless_text(
    tmp_path: Path, config: Config, clock: FakeClock, capsys: pytest.CaptureFixture[str]
) -> None:
    store = SessionStore(tmp_path)
    for name in HOSTILE_NAMES:
        store.create(Session(amg=name, program=config.program, clock=clock))
    (tmp_path / "2026-01-01-\x1b[31mred.toml").write_text("x = [")
    assert main(["list", "--sessions", str(tmp_path)]) == 0
    out, err = capsys.readouterr()
    for text in (out, err):
        assert "\x1b" not in text and "\u202e" not in text and "\x07" not in text
    flat = " ".join(out.split())
    for shown in ("Team [/ost]", "[bold red]Alarm[/]", "[@click=app.quit]klik[/]", "Møder"):
        assert shown in flat
    assert "[hver uge]" in flat  # the bracket is not swallowed as markup
    assert "␛]0;pwned␇" in flat
    assert "␛[31mred.toml" in err and err.count("\n") == 1


def test_list_cuts_a_long_name(
    tmp_path: Path, config: Config, clock: FakeClock, capsys: pytest.CaptureFixture[str]
) -> None:
    longest = "x" * 1_000  # the longest a file may hold
    SessionStore(tmp_path).create(Session(amg=longest, program=config.program, clock=clock))
    assert main(["list", "--sessions", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert out.count("x") == 59 + 40 and "…" in out  # the name cut to 60, the slug of 40


def test_a_ten_thousand_character_name_is_listed_cut(
    tmp_path: Path, config: Config, clock: FakeClock, capsys: pytest.CaptureFixture[str]
) -> None:
    SessionStore(tmp_path).create(Session(amg="x" * 10_000, program=config.program, clock=clock))
    assert main(["list", "--sessions", str(tmp_path)]) == 0
    out, err = capsys.readouterr()
    assert err == "" and out.count("x") == 59 + 40


def test_purge_lists_hostile_names_harmlessly(
    tmp_path: Path, config: Config, clock: FakeClock, capsys: pytest.CaptureFixture[str]
) -> None:
    store = SessionStore(tmp_path)
    store.create(
        Session(
            amg="\x1b[2J" + "y" * 500, program=config.program, clock=clock, date=dt.date(2020, 1, 1)
        )
    )
    assert commands.purge(store, 30, yes=True, w=words_for("en"), today=dt.date(2026, 11, 26)) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "␛[2J" in out and "y" * 500 not in out


# -- report -o refuses what it must not replace ------------------------------------------------
@pytest.fixture
def session_file(tmp_path: Path, config: Config, clock: FakeClock) -> Path:
    store = SessionStore(tmp_path / "sessions")
    session = Session(
        amg="Lager AMG", program=config.program, clock=clock, date=dt.date(2026, 5, 4)
    )
    session.add_group().scores["viden"] = 2
    return store.create(session)


def test_report_onto_its_own_session_is_refused(
    session_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = session_file.read_bytes()
    folder = str(session_file.parent)
    for target in (str(session_file), session_file.name, str(session_file.parent)):
        code = main(["report", str(session_file), "-o", target, "--sessions", folder])
        assert code == 2
        err = capsys.readouterr().err
        assert err.startswith("amk: ") and err.count("\n") == 1
    assert session_file.read_bytes() == before


def test_report_onto_another_session_under_a_report_name_is_refused(
    session_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "last-time.md"
    other.write_bytes(session_file.read_bytes())
    assert main(["report", str(session_file), "-o", str(other)]) == 2
    assert "indeholder en amk-workshop" in capsys.readouterr().err
    assert other.read_bytes() == session_file.read_bytes()


def test_report_to_a_new_file_is_written_0600(
    session_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "referat.md"
    assert main(["report", str(session_file), "-o", str(out)]) == 0
    assert "Lager AMG" in out.read_text() and stat.S_IMODE(out.stat().st_mode) == 0o600
    assert "skrev" in capsys.readouterr().out


# -- a crash is a log file and one line --------------------------------------------------------
def test_an_unexpected_error_is_logged_not_shown(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "sessions"
    folder.mkdir()

    def broken(*args: object) -> int:
        raise RuntimeError("a bug in amk, with \x1b[2J in its message")

    monkeypatch.setattr(commands, "list_sessions", broken)
    assert main(["list", "--sessions", str(folder)]) == EXIT_CRASH
    err = capsys.readouterr().err
    log = folder / CRASH_LOG
    assert err == f"amk: uventet fejl (RuntimeError); detaljerne står i {log}\n"
    text = log.read_text()
    assert "Traceback" in text and "a bug in amk" in text and "def broken" not in err
    assert stat.S_IMODE(log.stat().st_mode) == 0o600
    assert main(["list", "--sessions", str(folder)]) == EXIT_CRASH  # appended, not replaced
    assert log.read_text().count("Traceback") == 2


def test_a_crash_before_the_folder_is_known_logs_to_a_temp_file(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(path: str | None, words: object) -> int:
        raise KeyError("oops")

    monkeypatch.setattr(commands, "check_config", broken)
    assert main(["check-config"]) == EXIT_CRASH
    err = capsys.readouterr().err
    assert err.startswith("amk: uventet fejl (KeyError); detaljerne står i ")
    log = Path(err.rsplit(" ", 1)[1].strip())
    try:
        assert "KeyError: 'oops'" in log.read_text()
        assert stat.S_IMODE(log.stat().st_mode) == 0o600
    finally:
        log.unlink()


def test_the_crash_log_never_follows_a_link(tmp_path: Path) -> None:
    folder = tmp_path / "sessions"
    folder.mkdir()
    victim = tmp_path / "victim"
    victim.write_text("keep")
    (folder / CRASH_LOG).symlink_to(victim)
    log = write_crash_log(ValueError("x"), folder)
    assert log is not None and log.parent != folder
    assert victim.read_text() == "keep"
    log.unlink()


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--groups", "10000000000"], "--groups: 10000000000: skal være 1–8 grupper"),
        (["--groups", "0"], "--groups: 0: skal være 1–8 grupper"),
        (["--group", "g" * 121], "--group: 121 tegn, højst 120"),
    ],
)
def test_handout_arguments_are_checked_like_new(
    capsys: pytest.CaptureFixture[str], args: list[str], says: str
) -> None:
    with pytest.raises(SystemExit) as info:
        main(["handout", *args])
    err = capsys.readouterr().err
    assert info.value.code == 2 and err.count("\n") == 1 and says in err


def test_handout_output_goes_through_the_refusal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["handout", "-o", str(tmp_path)]) == 2
    assert "er en mappe" in capsys.readouterr().err
    assert main(["handout", "-o", str(tmp_path / "x.toml")]) == 2
    assert not (tmp_path / "x.toml").exists()


@pytest.mark.parametrize(
    "argv", [[], ["new", "--amg", "AMG Cron"], ["room"], ["--demo"], ["resume", "x.toml"]]
)
def test_without_a_terminal_the_full_screen_commands_say_so_and_write_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    """From cron, a script or `ssh -T` they never ended and kept 30–80 % of a core busy."""
    from amk_tui.config import load_config
    from amk_tui.core.setup import new_session
    from amk_tui.store import SessionStore

    folder = tmp_path / "s"
    if argv[:1] == ["resume"]:
        program = load_config(None).program
        SessionStore(folder).create(new_session("AMG Cron", program, groups=["A"]))
        argv = ["resume", SessionStore(folder).files()[0].name]
    before = sorted(p.name for p in folder.iterdir()) if folder.exists() else []
    assert main([*argv, "--sessions", str(folder)]) == 2  # pytest's stdin is no terminal
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "skal køres i en terminal" in err
    after = sorted(p.name for p in folder.iterdir()) if folder.exists() else []
    assert after == before


def test_a_new_workshop_of_a_known_amg_keeps_its_established_spelling(tmp_path: Path) -> None:
    """`amk new --amg 'amg lager og logistik'` beside "AMG Lager og Logistik" made the
    referat read "… AMG: amg lager og logistik" and renamed the AMG on the start screen."""
    from amk_tui.config import load_config
    from amk_tui.core.setup import new_session
    from amk_tui.launch import _established
    from amk_tui.store import SessionStore

    store = SessionStore(tmp_path / "s")
    program = load_config(None).program
    store.create(new_session("AMG Lager og Logistik", program, groups=["A"]))
    assert _established(store, "amg lager og logistik") == (
        "AMG Lager og Logistik",
        "AMG Lager og Logistik",
    )
    assert _established(store, "AMG Lager og Logistik") == ("AMG Lager og Logistik", "")
    assert _established(store, "AMG Kantine") == ("AMG Kantine", "")


@pytest.mark.parametrize("name", ["!!!", "★★★", "  --  "])
def test_a_name_of_symbols_only_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    """Names of symbols only all folded to one empty identity and became one AMG."""
    folder = tmp_path / "s"
    assert main(["new", "--amg", name, "--sessions", str(folder)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "mindst ét bogstav eller tal" in err
    assert not folder.exists()


def test_new_takes_the_referats_place_referent_and_counts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`amk new --place … --referent … --count leder=2 --count amr=3`: in the file, as the
    start form would have put them."""
    import amk_tui.launch as launch

    monkeypatch.setattr(launch, "require_terminal", lambda command: None)
    monkeypatch.setattr(launch, "_run", lambda app: 0)
    args = ["new", "--amg", "AMG Lager", "--place", "Mødelokale 2", "--referent", "AMR"]
    args += ["--count", "leder=2", "--count", "AMR=3", "--sessions", str(tmp_path)]
    assert main(args) == 0
    (path,) = tmp_path.glob("*.toml")
    session = SessionStore(tmp_path).load(path)
    assert (session.place, session.referent) == ("Mødelokale 2", "AMR")
    assert [(p.role, p.count) for p in session.participants] == [("leder", 2), ("amr", 3)]
