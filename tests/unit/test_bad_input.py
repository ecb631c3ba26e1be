"""Bad input corpus: broken config and session files get one clear line and change nothing.

Plus Hypothesis: any TOML document fed to the config and session loaders either loads or
raises the project's own error type — never anything else.
"""

from __future__ import annotations

import copy
import datetime as dt
import subprocess
import sys
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import tomli_w
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from amk_tui.config import load_config
from amk_tui.config.loader import parse_config
from amk_tui.core.clock import FakeClock
from amk_tui.core.errors import ConfigError, SessionError
from amk_tui.core.session import Session
from amk_tui.core.setup import new_session
from amk_tui.store import SessionStore

REPO = Path(__file__).resolve().parents[2]
BAD_CONFIGS = sorted((REPO / "tests/data/bad_config").glob("*.toml"))
# The alternative program with rounds: the cases below break its rounds too.
PROGRAM = load_config(REPO / "tests" / "data" / "config" / "vurder-droeft.toml").program


def test_at_least_thirty_broken_configs() -> None:
    assert len(BAD_CONFIGS) >= 30


def test_a_config_with_a_bom_is_fine(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_bytes(b"\xef\xbb\xbf" + (REPO / "config.toml").read_bytes())
    assert load_config(path).planned_minutes == 45


@pytest.mark.parametrize("path", BAD_CONFIGS, ids=lambda p: p.stem)
def test_broken_config_via_the_cli_is_one_line_exit_2_and_untouched(path: Path) -> None:
    before = path.read_bytes()
    result = subprocess.run(
        [sys.executable, "-m", "amk_tui", "check-config", str(path)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith(f"amk: {path}: ")
    assert path.read_bytes() == before


# -- sessions ----------------------------------------------------------------------------------
def base() -> dict[str, Any]:
    s = new_session(
        "AMG", PROGRAM, groups=["A", "B"], date=dt.date(2026, 11, 26), clock=FakeClock()
    )
    s.groups[0].scores["viden"] = 3
    s.groups[0].rows.append((1, 2, 3, 4, 5, None))
    s.notes["hvorfor"] = "tekst"
    s.actions = []
    data = tomllib.loads(tomli_w.dumps(s.to_dict()))
    data["actions"] = [{"what": "x", "owner": "AMR", "status": "open"}]
    return data


Mutation = Callable[[dict[str, Any]], None]


def setter(*path: str | int, value: Any) -> Mutation:
    def change(data: dict[str, Any]) -> None:
        target: Any = data
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value

    return change


def remover(key: str) -> Mutation:
    return lambda data: data.pop(key)


SESSION_CASES: dict[str, Mutation] = {
    "score_7": setter("groups", 0, "scores", "viden", value=7),
    "score_0": setter("groups", 0, "scores", "viden", value=0),
    "score_text": setter("groups", 0, "scores", "viden", value="3"),
    "score_float": setter("groups", 0, "scores", "viden", value=3.5),
    "unknown_factor": setter("groups", 0, "scores", "tillid", value=3),
    "row_short": setter("groups", 0, "rows", value=["123"]),
    "row_digit_9": setter("groups", 0, "rows", value=["123459"]),
    "groups_not_list": setter("groups", value={"a": 1}),
    "group_no_name": lambda d: d["groups"][0].pop("name"),
    "date_text": setter("date", value="26-11-2026"),
    "date_number": setter("date", value=20261126),
    "deadline_text": setter("actions", 0, "deadline", value="snart"),
    "action_status": setter("actions", 0, "status", value="maybe"),
    "action_no_what": lambda d: d["actions"][0].pop("what"),
    "status_unknown": setter("status", value="paused"),
    "schema_3": setter("schema", value=3),
    "participants_role": setter("participants", value=[{"role": "boss", "count": 1}]),
    "view_chart": setter("view", value={"chart": "pie"}),
    "schema_missing": remover("schema"),
    "amg_missing": remover("amg"),
    "amg_number": setter("amg", value=42),
    "program_empty": setter("program", value=[]),
    "phase_kind": setter("program", 0, "kind", value="lecture"),
    "minutes_negative": setter("program", 0, "minutes", value=-10),
    "notes_not_text": setter("notes", "hvorfor", value=["a"]),
    "priorities_unknown": setter("priorities", value=["tid"]),
    "priorities_four": setter(
        "priorities", value=["aabenhed", "innovation", "motivation", "viden"]
    ),
    "variant_3": setter("variant", value=3),
    "timing_broken": setter("timing", value={"countdowns": {"oplaeg": {"state": "running"}}}),
    # numbers: finite and bounded, a bool is no number
    "minutes_nan": setter("program", 0, "minutes", value=float("nan")),
    "minutes_inf": setter("program", 0, "minutes", value=float("inf")),
    "round_minutes_nan": setter("program", 1, "rounds", 0, "minutes", value=float("nan")),
    "minutes_not_the_sum": setter("program", 1, "minutes", value=99),
    "eleven_rounds": setter(
        "program",
        1,
        "rounds",
        value=[{"id": f"r{i}", "kind": "score", "minutes": 1} for i in range(11)],
    ),
    "elapsed_inf": setter("timing", "countdowns", "oplaeg", "elapsed", value=float("inf")),
    "duration_nan": setter("timing", "countdowns", "oplaeg", "duration", value=float("nan")),
    "planned_huge": setter("timing", "countdowns", "oplaeg", "planned", value=10**30),
    "saved_at_inf": setter("timing", "actual", "oplaeg", "saved_at", value=float("inf")),
    "elapsed_bool": setter("timing", "actual", "oplaeg", "elapsed", value=True),
    "schema_true": setter("schema", value=True),
    "variant_true": setter("variant", value=True),
    "count_true": setter("participants", value=[{"role": "amr", "count": True}]),
    "nine_groups": setter("groups", value=[{"name": f"G{i}"} for i in range(9)]),
    "ten_thousand_groups": setter("groups", value=[{"name": "G"}] * 10_000),
    "rows_201": setter("groups", 0, "rows", value=["12345-"] * 201),
    # other tracebacks
    "language_fr": setter("language", value="fr"),
    "language_path": setter("language", value="../en"),
    # a group's letter is one of A–Z, once (it reaches reports even without notes)
    "letter_formula": setter("groups", 0, "letter", value="=HYPERLINK(1)"),
    "letter_pipe": setter("groups", 0, "letter", value="|"),
    "letter_twice": setter("groups", 1, "letter", value="A"),
    # too many
    "actions_501": setter("actions", value=[{"what": "x"}] * 501),
    "notes_501": setter("notes", value={f"q{i}": "x" for i in range(501)}),
}
GOOD_CASES: dict[str, Mutation] = {
    "markup_note": setter("notes", "hvorfor", value="pause [/ris]"),
    "markup_amg": setter("amg", value="Team [/ost]"),
    "click_amg": setter("amg", value="[@click=app.quit]klik[/]"),
    "escape_amg": setter("amg", value="AMG \x1b]0;pwned\x07\x1b[2J"),
    "bidi_group": setter("groups", 0, "name", value="\u202eLager"),
    "bracket_action": setter("actions", 0, "what", value="Møder [hver uge]"),
    "longest_name": setter("amg", value="n" * 1_000),
    # too long: cut on load (Session.trimmed says so), never a workshop that won't open
    "amg_10000": setter("amg", value="x" * 10_000),
    "action_huge": setter("actions", 0, "what", value="w" * 5_000),
}
RAW_CASES: dict[str, bytes] = {
    "not_toml": b"schema = 1\namg = [\n",
    "invalid_utf8": b'schema = 1\namg = "\xff\xfe"\n',
    "deeply_nested": b"x = " + b"[" * 3000 + b"]" * 3000 + b"\n",
    "empty": b"",
    "binary": bytes(range(256)),
    "dotted_1000": b"schema = 2\n" + b"x." * 1000 + b"y = 1\n",
    "inline_1000": b"schema = 2\nx = " + b"{a = " * 1000 + b"1" + b"}" * 1000 + b"\n",
    "nul_in_text": b'schema = 2\namg = "a\x00b"\n',
}


def test_at_least_fifty_broken_session_files() -> None:
    assert len(SESSION_CASES) + len(RAW_CASES) >= 50


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "sessions"
    folder.mkdir()
    for name, change in SESSION_CASES.items():
        data = base()
        change(data)
        (folder / f"2026-01-01-{name}.toml").write_text(tomli_w.dumps(data), encoding="utf-8")
    for name, raw in RAW_CASES.items():
        (folder / f"2026-01-02-{name}.toml").write_bytes(raw)
    for name, change in GOOD_CASES.items():
        data = base()
        change(data)
        (folder / f"2026-11-25-{name}.toml").write_text(tomli_w.dumps(data), encoding="utf-8")
    good = base()
    good["notes"]["hvorfor"] = "x" * 1_000_000  # a huge note is still a good session
    (folder / "2026-11-26-good.toml").write_text(tomli_w.dumps(good), encoding="utf-8")
    bom = "\ufeff" + tomli_w.dumps(base())
    (folder / "2026-11-26-bom.toml").write_text(bom, encoding="utf-8")
    return folder


def test_every_broken_session_is_named_and_left_untouched(corpus: Path) -> None:
    before = {p.name: p.read_bytes() for p in corpus.iterdir()}
    entries, bad = SessionStore(corpus).scan()
    good = [f"2026-11-25-{name}.toml" for name in GOOD_CASES]
    expected = sorted([*good, "2026-11-26-bom.toml", "2026-11-26-good.toml"])
    assert sorted(e.path.name for e in entries) == expected
    assert len(bad) == len(SESSION_CASES) + len(RAW_CASES)
    for item in bad:
        assert item.problem and "\n" not in item.problem
    assert {p.name: p.read_bytes() for p in corpus.iterdir()} == before


def test_amk_list_over_the_corpus_has_no_traceback(corpus: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "amk_tui", "list", "--sessions", str(corpus)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0 and "Traceback" not in result.stderr
    assert result.stderr.count("\n") == len(SESSION_CASES) + len(RAW_CASES)


@pytest.mark.parametrize("name", ["score_7", "not_toml", "date_text"])
def test_resume_of_a_broken_file_is_one_line_exit_2(corpus: Path, name: str) -> None:
    path = next(corpus.glob(f"*-{name}.toml"))
    before = path.read_bytes()
    result = subprocess.run(
        [sys.executable, "-m", "amk_tui", "resume", str(path)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2 and result.stderr.startswith(f"amk: {path.name}: ")
    assert result.stderr.count("\n") == 1 and path.read_bytes() == before


# -- Hypothesis ----------------------------------------------------------------------------------
KEYS = st.sampled_from(
    [
        "language",
        "sessions_dir",
        "timer",
        "chart",
        "content",
        "phases",
        "id",
        "kind",
        "minutes",
        "rounds",
        "title",
        "warn_minutes",
        "bell",
        "schema",
        "amg",
        "groups",
        "scores",
        "status",
        "program",
        "date",
        "notes",
        "actions",
        "what",
        "x",
        "timing",
        "countdowns",
        "actual",
        "step",
        "state",
        "elapsed",
        "planned",
        "duration",
        "saved_at",
        "running",
        "cursor",
        "rows",
        "previous",
        "priorities",
        "more_of",
        "revealed",
        "variant",
        "letter",
        "oplaeg",
        "deadline",
        "origin",
        "dialog/vurder",
    ]
)
SCALARS = (
    st.booleans()
    | st.integers(-(2**63), 2**63 - 1)
    | st.floats(allow_nan=False)
    | st.text(max_size=20)
    | st.dates()
    | st.sampled_from(["da", "en", "presentation", "exercise", "score", "in-progress"])
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(KEYS, inner, max_size=5),
    max_leaves=25,
)
DOCUMENTS = st.dictionaries(KEYS, VALUES, max_size=8)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(document=DOCUMENTS)
def test_any_toml_document_is_a_config_or_a_config_error(document: dict[str, Any]) -> None:
    text = tomli_w.dumps(document)
    try:
        parse_config(text, "fuzz.toml", base=REPO)
    except ConfigError as exc:
        assert str(exc).startswith("fuzz.toml: ")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(document=DOCUMENTS, start=st.booleans(), overrides=st.dictionaries(KEYS, VALUES))
def test_any_toml_document_is_a_session_or_a_session_error(
    document: dict[str, Any], start: bool, overrides: dict[str, Any]
) -> None:
    data = base() if start else document
    if start:
        data.update(overrides)
    data = tomllib.loads(tomli_w.dumps(data))
    try:
        session = Session.from_dict(data, clock=FakeClock(), source="fuzz.toml")
    except SessionError as exc:
        assert str(exc).startswith("fuzz.toml: ")
    else:
        writes_back(session)


def writes_back(session: Session) -> None:
    """What loads can be saved and loads again the same (no crash at save time)."""
    text = tomli_w.dumps(session.to_dict())
    again = Session.from_dict(tomllib.loads(text), clock=FakeClock(), source="again.toml")
    assert again.to_dict() == session.to_dict()


def paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in a nested document where a value can be swapped."""
    out = [prefix] if prefix else []
    if isinstance(value, dict):
        for key, item in value.items():
            out += paths(item, (*prefix, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            out += paths(item, (*prefix, i))
    return out


BASE_PATHS = paths(base())


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(where=st.lists(st.sampled_from(BASE_PATHS), min_size=1, max_size=3), value=VALUES)
def test_a_session_with_any_value_anywhere_loads_or_is_a_session_error(
    where: list[tuple[Any, ...]], value: Any
) -> None:
    data = base()
    for path in where:
        target: Any = data
        try:
            for key in path[:-1]:
                target = target[key]
            target[path[-1]] = copy.deepcopy(value)
        except (KeyError, IndexError, TypeError):
            continue  # an earlier swap removed this place
    try:
        text = tomli_w.dumps(data)
    except TypeError:
        assume(False)  # e.g. a list index used as a table key: not a TOML document
    data = tomllib.loads(text)
    try:
        session = Session.from_dict(data, clock=FakeClock(), source="fuzz.toml")
    except SessionError as exc:
        assert str(exc).startswith("fuzz.toml: ")
    else:
        writes_back(session)


@settings(max_examples=200, deadline=None)
@given(raw=st.binary(max_size=200))
def test_any_bytes_are_a_config_or_a_config_error(raw: bytes, tmp_path_factory: Any) -> None:
    path = tmp_path_factory.mktemp("fuzz") / "config.toml"
    path.write_bytes(raw)
    try:
        config = load_config(path)
    except ConfigError as exc:
        assert str(exc).startswith(f"{path}: ")
    else:
        assert config.program.phases
