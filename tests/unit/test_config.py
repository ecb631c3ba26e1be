"""config.toml: lookup order, built-in defaults equal the repository file, bad input named."""

from __future__ import annotations

from pathlib import Path

import pytest

from amk_tui.cli import main
from amk_tui.config import load_config, load_content
from amk_tui.config.loader import BUILTIN, builtin_text
from amk_tui.core.errors import ConfigError

REPO = Path(__file__).resolve().parents[2]
BAD = sorted((REPO / "tests/data/bad_config").glob("*.toml"))


def test_builtin_defaults_equal_the_repository_config() -> None:
    assert builtin_text() == (REPO / "config.toml").read_text("utf-8")


def test_the_danish_and_the_english_config_differ_only_in_comments_and_language() -> None:
    """A Danish install reads Danish comments (config.toml, the built-in copy); config.en.toml
    is the same program with English ones."""
    import re
    import tomllib

    da = (REPO / "config.toml").read_text("utf-8")
    en = (REPO / "config.en.toml").read_text("utf-8")
    da_data, en_data = tomllib.loads(da), tomllib.loads(en)
    assert (da_data.pop("language"), en_data.pop("language")) == ("da", "en")
    assert da_data == en_data

    def settings(text: str) -> list[str]:
        return [line for line in text.splitlines() if line and not line.startswith("#")]

    assert settings(da) == [line.replace('"en"', '"da"') for line in settings(en)]
    comments = " ".join(line for line in da.splitlines() if line.startswith("# "))
    english = re.findall(r"\b(the|and|when|this|of|is|are|from|with)\b", comments)
    assert english == [], english


def test_lookup_order(tmp_path: Path) -> None:
    assert load_config(cwd=tmp_path).source == BUILTIN
    (tmp_path / "config.toml").write_text(
        (REPO / "config.toml").read_text().replace('language = "da"', 'language = "en"')
    )
    local = load_config(cwd=tmp_path)
    assert local.language == "en" and local.sessions_dir == tmp_path / "sessions"
    explicit = load_config(REPO / "config.toml", cwd=tmp_path)
    assert explicit.language == "da"


def test_default_settings() -> None:
    config = load_config(REPO / "config.toml")
    assert (config.warn_minutes, config.bell, config.hide_until_reveal) == (2, True, False)


def test_at_least_fifteen_broken_configs_are_shipped() -> None:
    assert len(BAD) >= 15


@pytest.mark.parametrize("path", BAD, ids=lambda p: p.stem)
def test_broken_config_is_one_clear_line(path: Path) -> None:
    expected = (
        path.read_bytes().decode("utf-8", "replace").split("# expect: ", 1)[1].splitlines()[0]
    )
    with pytest.raises(ConfigError) as info:
        load_config(path)
    message = str(info.value)
    assert message.startswith(f"{path}: ") and "\n" not in message
    assert expected.strip() in message


@pytest.mark.parametrize("path", BAD[:5], ids=lambda p: p.stem)
def test_check_config_exits_2_without_traceback(
    path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check-config", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err and str(path) in err


def test_check_config_ok(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check-config", str(REPO / "config.toml")]) == 0
    assert capsys.readouterr().out.startswith("ok: 3 faser, 45 min")


def test_missing_config_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="no such file"):
        load_config(tmp_path / "nope.toml")


def test_custom_slides_folder_in_file_name_order(tmp_path: Path) -> None:
    slides = tmp_path / "mine"
    slides.mkdir()
    (slides / "b.md").write_text("# Second\n\nbody b\n???\nsay this")
    (slides / "a.md").write_text("# First\n\nbody a")
    cfg = tmp_path / "config.toml"
    cfg.write_text(
        '[content]\nslides_dir = "mine"\n[[phases]]\nid="o"\nkind="presentation"\nminutes=5\n'
    )
    config = load_config(cfg)
    content = load_content(config.language, slides_dir=config.slides_dir)
    assert [s.title for s in content.slides] == ["First", "Second"]
    assert content.slides[1].notes == "say this" and content.slides[1].body == "body b"


def test_empty_slides_folder_is_a_config_error(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    cfg = tmp_path / "config.toml"
    cfg.write_text(
        '[content]\nslides_dir = "empty"\n[[phases]]\nid="o"\nkind="presentation"\nminutes=5\n'
    )
    with pytest.raises(ConfigError, match=r"content\.slides_dir: no \.md slides"):
        load_config(cfg)


def test_factor_label_override(tmp_path: Path) -> None:
    cfg = tmp_path / "config.toml"
    cfg.write_text(
        '[content.factors.viden]\nshort = "Know-how"\n'
        '[[phases]]\nid="o"\nkind="presentation"\nminutes=5\n'
    )
    config = load_config(cfg)
    content = load_content("en", factor_overrides=config.factor_overrides)
    assert content.factor("viden").short == "Know-how"


@pytest.mark.parametrize("language", ["da", "en"])
def test_ui_strings_have_the_same_keys_in_both_languages(language: str) -> None:
    other = "en" if language == "da" else "da"
    assert load_content(language).strings.keys() == load_content(other).strings.keys()
