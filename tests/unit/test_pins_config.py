"""A facilitator's own config.toml: what a setting left out means, and the one line that
says what is wrong with one that is not right.

Issue 31: the defaults test read the shipped config, which sets every key, so a default in
the loader could change (the bell silently off) with every test green.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from amk_tui.config.loader import BUILTIN, find_config, load_config, parse_config
from amk_tui.core.anonymity import Anonymity
from amk_tui.core.errors import ConfigError

PHASES = '[[phases]]\nid = "o"\nkind = "presentation"\nminutes = 5\n'


def config_from(tmp_path: Path, text: str, name: str = "config.toml") -> Path:
    path = tmp_path / name
    path.write_text(text + "\n" + PHASES, "utf-8")
    return path


def problem(tmp_path: Path, text: str) -> str:
    path = config_from(tmp_path, text)
    with pytest.raises(ConfigError) as info:
        load_config(path)
    message = str(info.value)
    assert message.startswith(f"{path}: ") and "\n" not in message
    return message.removeprefix(f"{path}: ")


def test_a_config_that_sets_only_the_program_gets_every_default(tmp_path: Path) -> None:
    config = load_config(config_from(tmp_path, ""))
    assert config.bell is True  # the bell rings unless switched off
    assert config.warn_minutes == 2.0
    assert config.hide_until_reveal is False
    assert config.language == "da"
    assert config.sessions_dir == tmp_path / "sessions"
    assert config.next_assessment_months == 6
    assert config.anonymity == Anonymity(3, 5)
    assert config.slides_dir is None and config.factor_overrides == {}
    assert config.source == str(tmp_path / "config.toml")
    assert config.planned_minutes == 5


def test_a_timer_table_without_bell_keeps_the_bell(tmp_path: Path) -> None:
    config = load_config(config_from(tmp_path, "[timer]\nwarn_minutes = 3"))
    assert (config.bell, config.warn_minutes) == (True, 3.0)
    config = load_config(config_from(tmp_path, "[timer]\nbell = false"))
    assert (config.bell, config.warn_minutes) == (False, 2.0)


def test_each_setting_that_is_given_is_taken(tmp_path: Path) -> None:
    text = (
        'language = "en"\nsessions_dir = "/srv/amk"\nnext_assessment_months = 12\n'
        "[chart]\nhide_until_reveal = true\n[anonymity]\nmean_from = 4\nspread_from = 6\n"
        '[content.factors.viden]\nshort = "Know-how"\nname = "Knowledge"\n'
    )
    config = load_config(config_from(tmp_path, text))
    assert config.language == "en" and config.sessions_dir == Path("/srv/amk")
    assert config.next_assessment_months == 12 and config.hide_until_reveal is True
    assert config.anonymity == Anonymity(4, 6)
    assert config.factor_overrides == {"viden": {"short": "Know-how", "name": "Knowledge"}}


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("[anonymity]\nmean_from = 2", "anonymity.mean_from: at least 3 (fewer would give slips"),
        ("[anonymity]\nspread_from = 4", "anonymity.spread_from: at least 5 (and mean_from)"),
        ("[anonymity]\nmean_from = 7", "anonymity.spread_from: at least 7 (and mean_from)"),
        ("[anonymity]\nmean_from = true", "anonymity.mean_from: must be a whole number of slips"),
        (
            "[anonymity]\nspread_from = 100",
            "anonymity.spread_from: must be a whole number of slips, 1",
        ),
        ("[anonymity]\nmean_from = 0", "anonymity.mean_from: must be a whole number of slips"),
        ("[anonymity]\nmean_from = 1", "anonymity.mean_from: at least 3 (fewer would give"),
        ("[anonymity]\nspread_from = 1", "anonymity.spread_from: at least 5 (and mean_from)"),
        ('[anonymity]\nmean_from = "3"', "anonymity.mean_from: must be a whole number"),
        ("[anonymity]\nshow = 1", "anonymity.show: unknown setting (check the spelling)"),
        ("anonymity = 3", "anonymity: must be a table"),
        (
            "next_assessment_months = 0",
            "next_assessment_months: must be a whole number of months, 1–",
        ),
        ("next_assessment_months = 61", "next_assessment_months: must be a whole number of months"),
        ("next_assessment_months = true", "next_assessment_months: must be a whole number"),
        ("next_assessment_months = 6.0", "next_assessment_months: must be a whole number"),
        ('language = "de"', "language: 'de' is not one of da, en"),
        ("language = 1", "language: must be text in quotes"),
        ('sessions_dir = "  "', "sessions_dir: must not be empty"),
        ('sessions_dir = "a\\u0007b"', "sessions_dir: 'a\\x07b': control characters in a path"),
        ("[timer]\nbell = 1", "timer.bell: must be true or false"),
        ('[timer]\nbell = "yes"', "timer.bell: must be true or false"),
        ("[timer]\nwarn_minutes = -1", "timer.warn_minutes:"),
        ("[timer]\nring = true", "timer.ring: unknown setting"),
        ("[chart]\nhide_until_reveal = 1", "chart.hide_until_reveal: must be true or false"),
        ("[chart]\nhide = true", "chart.hide: unknown setting"),
        ("chart = 1", "chart: must be a table"),
        ("[content]\nslides = 1", "content.slides: unknown setting"),
        (
            "[content.factors.magi]\nshort = 1",
            "content.factors.magi: unknown factor (one of aabenhed, ",
        ),
        ("[content.factors]\nviden = 1", "content.factors.viden: must be a table"),
        ("[content.factors.viden]\ncolour = 'x'", "content.factors.viden.colour: unknown setting"),
        ("[content.factors.viden]\nshort = 1", "content.factors.viden.short: must be text in"),
        (
            "[content.factors.viden]\nshort = '123456789012345'",
            "content.factors.viden.short: at most 14 characters (it labels the chart)",
        ),
        (
            '[content]\nslides_dir = "a\\u0001"',
            "content.slides_dir: 'a\\x01': control characters in",
        ),
        ('[content]\nslides_dir = "nowhere"', "content.slides_dir: no such folder: "),
        ("colour = 1", "colour: unknown setting (check the spelling)"),
    ],
)
def test_a_wrong_setting_is_named_with_what_is_wrong(tmp_path: Path, text: str, said: str) -> None:
    assert problem(tmp_path, text).startswith(said)


def test_bounds_that_are_allowed(tmp_path: Path) -> None:
    assert (
        load_config(config_from(tmp_path, "next_assessment_months = 1")).next_assessment_months == 1
    )
    assert (
        load_config(config_from(tmp_path, "next_assessment_months = 60")).next_assessment_months
        == 60
    )
    fourteen = "[content.factors.viden]\nshort = '12345678901234'"
    assert (
        load_config(config_from(tmp_path, fourteen)).factor_overrides["viden"]["short"]
        == "12345678901234"
    )
    both = "[anonymity]\nmean_from = 5\nspread_from = 5"
    assert load_config(config_from(tmp_path, both)).anonymity == Anonymity(5, 5)
    top = "[anonymity]\nmean_from = 99\nspread_from = 99"
    assert load_config(config_from(tmp_path, top)).anonymity == Anonymity(99, 99)
    assert load_config(config_from(tmp_path, "[timer]\nwarn_minutes = 0")).warn_minutes == 0


def test_the_slides_folder_is_found_beside_the_config(tmp_path: Path) -> None:
    (tmp_path / "mine").mkdir()
    assert problem(tmp_path, '[content]\nslides_dir = "mine"').startswith(
        f"content.slides_dir: no .md slides in {tmp_path / 'mine'}"
    )
    (tmp_path / "mine" / "a.md").write_text("# A\n", "utf-8")
    config = load_config(config_from(tmp_path, '[content]\nslides_dir = "mine"'))
    assert config.slides_dir == tmp_path / "mine"


def test_a_file_that_is_not_text_or_not_toml_says_so(tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_bytes(b'language = "da"\n\xff\n')
    with pytest.raises(ConfigError, match=r"bad\.toml: not UTF-8 text \(byte 16\)$"):
        load_config(path)
    path.write_text("language = ", "utf-8")
    with pytest.raises(ConfigError, match=r"bad\.toml: not valid TOML \(Invalid value"):
        load_config(path)
    with pytest.raises(ConfigError, match=r"not valid TOML \(nested too deeply\)"):
        parse_config("x = " + "[" * 5000 + "]" * 5000, "deep.toml", tmp_path)
    path.write_bytes(b"\xef\xbb\xbf" + ('language = "en"\n' + PHASES).encode())
    assert load_config(path).language == "en"  # a BOM (Notepad's) is fine


def test_where_the_config_is_looked_for(tmp_path: Path) -> None:
    assert find_config(None, tmp_path) is None
    assert find_config("x.toml", tmp_path) == Path("x.toml")
    (tmp_path / "config.toml").mkdir()  # a folder named so is no config
    assert find_config(None, tmp_path) is None
    builtin = load_config(None, cwd=tmp_path)
    assert builtin.source == BUILTIN and builtin.sessions_dir == tmp_path / "sessions"
    assert builtin.bell is True and builtin.language == "da"
