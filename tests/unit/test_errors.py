"""The project's error types: one line, harmless, cut where a value could be huge."""

from __future__ import annotations

from amk_tui.core.errors import AmkError, ConfigError, SessionError

KEY_LIMIT, PROBLEM_LIMIT = 80, 300  # what a one-line message may echo of a key and a problem


def test_a_config_error_names_file_key_and_problem() -> None:
    error = ConfigError("c.toml", "timer.bell", "must be true or false")
    assert str(error) == "c.toml: timer.bell: must be true or false"
    assert (error.file, error.key, error.problem) == (
        "c.toml",
        "timer.bell",
        "must be true or false",
    )
    assert isinstance(error, AmkError)
    assert str(ConfigError("c.toml", "", "not valid TOML")) == "c.toml: not valid TOML"


def test_a_session_error_names_file_and_problem() -> None:
    error = SessionError("s.toml", "amg: missing")
    assert str(error) == "s.toml: amg: missing" and error.problem == "amg: missing"
    assert error.file == "s.toml" and isinstance(error, AmkError)


def test_keys_and_problems_are_cut_and_made_visible() -> None:
    error = ConfigError("c\x1b.toml", "k" * 1000 + "\n", "p\x1b" * 1000)
    assert len(error.key) == KEY_LIMIT and error.key.endswith("…")
    assert len(error.problem) == PROBLEM_LIMIT and error.problem.endswith("…")
    assert "\x1b" not in str(error) and "\n" not in str(error)
    assert str(error).startswith("c␛.toml: kkk")
    assert error.file == "c\x1b.toml"  # the path itself is kept for whoever opens it
    exact = ConfigError("c", "k" * KEY_LIMIT, "p" * PROBLEM_LIMIT)
    assert exact.key == "k" * KEY_LIMIT and exact.problem == "p" * PROBLEM_LIMIT
    session = SessionError("s\n.toml", "line\nbreak" + "x" * 1000)
    assert str(session).startswith("s␊.toml: line␊break") and len(session.problem) == 300
    assert str(ConfigError("c\n.toml", "a\nb", "x")) == "c␊.toml: a␊b: x"
