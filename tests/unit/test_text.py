"""core.text: whatever text comes in, what goes to a terminal holds no control sequence."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from amk_tui.core.text import BIDI_CONTROLS, ELLIPSIS, clip, echo, has_controls, one_line, visible

NASTY = st.sampled_from(
    [
        "\x1b[2J",  # clear the screen
        "\x1b]0;pwned\x07",  # OSC: set the window title
        "\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\",  # OSC 8 hyperlink
        "\x9b31m",  # C1 CSI
        "\x90q\x9c",  # C1 DCS … ST
        "\u202eevil",  # right-to-left override
        "\u2066iso\u2069",
        "\x00",
        "\x7f",
        "\r",
        "[/]",
        "[bold]x[/bold]",
        "[@click=app.quit]x[/]",
        "\ud800",  # a lone surrogate (a file name that is not UTF-8)
        "æøå 🙂",
        "\n\t",
    ]
)
TEXT = st.lists(st.text(max_size=12) | NASTY, max_size=8).map("".join)


def controls(text: str, allowed: str = "") -> list[str]:
    """Characters a terminal could take as a command, or that reorder or break the text."""
    return [
        c
        for c in text
        if c not in allowed
        and (
            unicodedata.category(c) in ("Cc", "Cs")  # C0, DEL, C1 and surrogates
            or c in BIDI_CONTROLS
        )
    ]


@settings(max_examples=400)
@given(text=TEXT)
def test_visible_leaves_no_control_but_newline_and_tab(text: str) -> None:
    shown = visible(text)
    assert controls(shown, allowed="\n\t") == []
    assert visible(shown) == shown  # idempotent
    assert shown.count("\n") == text.count("\n")  # lines stay lines


@settings(max_examples=400)
@given(text=TEXT)
def test_one_line_text_has_no_control_at_all(text: str) -> None:
    shown = visible(text, multiline=False)
    assert controls(shown) == [] and "\n" not in shown
    assert has_controls(shown) is False
    assert visible(shown, multiline=False) == shown


GLUE = (
    "\u20e3" + "".join(map(chr, range(0xFE00, 0xFE10))) + "".join(map(chr, range(0x1F3FB, 0x1F400)))
)
"""The emoji glue `visible` drops (besides the Cf joiners and tags): variation selectors,
skin tones and the keycap."""


@settings(max_examples=200)
@given(
    text=st.text(
        alphabet=st.characters(exclude_categories=["Cc", "Cs", "Cf"], exclude_characters=GLUE)
    )
)
def test_ordinary_text_is_unchanged(text: str) -> None:
    assert visible(text) == text
    assert visible(text, multiline=False) == text


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("\x1b[2J", "␛[2J"),
        ("a\x00b", "a␀b"),
        ("\x7f", "␡"),
        ("\x9b", "\ufffd"),
        ("\u202eabc", "\ufffdabc"),
        ("line\nnext\ttab", "line\nnext\ttab"),
        ("Team [/ost]", "Team [/ost]"),  # brackets are text: escaping them is the view's job
    ],
)
def test_visible_examples(text: str, shown: str) -> None:
    assert visible(text) == shown


def test_one_line_shows_newlines_and_tabs() -> None:
    assert visible("a\nb\tc", multiline=False) == "a␊b␉c"


@settings(max_examples=200)
@given(text=TEXT, limit=st.integers(1, 80))
def test_clip_cuts_with_an_ellipsis(text: str, limit: int) -> None:
    cut = clip(text, limit)
    assert len(cut) <= limit
    if len(text) <= limit:
        assert cut == text
    else:
        assert cut.endswith(ELLIPSIS) and text.startswith(cut[:-1])


def test_clip_refuses_a_limit_below_one() -> None:
    with pytest.raises(ValueError):
        clip("abc", 0)
    assert clip("abc", 1) == "…" and clip("ab", 2) == "ab"


@settings(max_examples=200)
@given(value=TEXT | st.integers() | st.floats())
def test_echo_is_short_one_line_and_harmless(value: object) -> None:
    shown = echo(value)
    assert len(shown) <= 62 and controls(shown) == [] and "\n" not in shown


def test_echo_quotes_and_cuts_a_megabyte() -> None:
    assert echo("de") == "'de'"
    long = echo("x" * 3_000_000)
    assert long.startswith("'xxx") and long.endswith("…'") and len(long) == 62
    assert echo(float("nan")) == "nan"


def test_one_line_cuts_and_cleans() -> None:
    assert one_line("a\x1b]0;t\x07" + "b" * 100, 10) == "a␛]0;t␇bb…"


@pytest.mark.parametrize("code", [*range(0x202A, 0x202F), *range(0x2066, 0x206A)])
def test_every_bidi_override_and_isolate_is_replaced(code: int) -> None:
    assert visible(f"a{chr(code)}b") == "a\ufffdb"


@pytest.mark.parametrize("code", [0x2029, 0x202F, 0x2065, 0x206A, 0x200E, 0xA0, 0x20, 0x7E, 0xA1])
def test_their_neighbours_are_left_alone(code: int) -> None:
    assert visible(f"a{chr(code)}b") == f"a{chr(code)}b"


@pytest.mark.parametrize(
    ("char", "shown"),
    [
        ("\x00", "␀"),
        ("\x1f", "␟"),
        ("\x7f", "␡"),
        ("\x80", "\ufffd"),
        ("\x9f", "\ufffd"),
        ("\ud800", "\ufffd"),
        ("\udfff", "\ufffd"),
    ],
)
def test_the_edges_of_each_control_range(char: str, shown: str) -> None:
    assert visible(char) == shown and has_controls(char)


def test_echo_cuts_inside_the_quotes_when_escapes_make_it_long() -> None:
    assert echo("\x1b" * 100, 10) == "'\\x1b\\x1b\\…'"
    assert echo("abcdefghij", 10) == "'abcdefghij'"  # exactly the limit: not cut
    assert echo("abcdefghijk", 10) == "'abcdefghi…'"
    assert echo(12345678901234, 5) == "1234…"


def test_newline_and_tab_count_as_controls_on_one_line() -> None:
    assert has_controls("a\nb") and has_controls("\t") and not has_controls("a b æ")
    assert one_line("a\nb\tc", 10) == "a␊b␉c"


def test_private_use_and_other_ordinary_characters_are_left_alone() -> None:
    for char in ("\ue000", "\ud7ff", "\ufffd", "\u241b"):
        assert visible(char) == char and not has_controls(char)


def test_emoji_glue_is_dropped_so_rich_and_the_terminal_agree_on_the_width() -> None:
    """Faults, third round: names with VS16 emoji (❤️) or ZWJ sequences (👩‍💻) shifted or
    cut the room's columns: tmux and Rich disagreed on their width. After `visible`, Rich's
    width is the sum of the C library's `wcwidth` (what tmux and most terminals use)."""
    import ctypes
    import ctypes.util
    import locale

    from rich.cells import cell_len

    names = ["❤️ AMG", "👩‍💻 IT-gruppen", "👍🏽 Team", "1️⃣ Lager", "🏴󠁧󠁢󠁥󠁮󠁧󠁿 Kontor", "Æblet ✨"]
    for name in names:
        shown = visible(name)
        assert visible(shown) == shown
        assert "\u200d" not in shown and "\ufe0f" not in shown
    libc_name = ctypes.util.find_library("c")
    if libc_name is None:
        return  # (no C library to ask: the glue is gone, which is what matters)
    libc = ctypes.CDLL(libc_name)
    libc.wcwidth.argtypes = [ctypes.c_wchar]
    old = locale.setlocale(locale.LC_CTYPE)
    try:
        locale.setlocale(locale.LC_CTYPE, "C.UTF-8")
        for name in names:
            shown = visible(name)
            terminal = sum(max(0, libc.wcwidth(c)) for c in shown)
            assert cell_len(shown) == terminal, (name, shown)
    except locale.Error:
        pass
    finally:
        locale.setlocale(locale.LC_CTYPE, old)


@settings(max_examples=300, derandomize=True)
@given(
    st.text(
        alphabet=st.sampled_from(
            [
                *"Aæøå 1-",
                *["👍", "🏽", "❤", "⭐", "👩", "💻", "🇩", "🇰", "✨"],
                *["\u200d", "\ufe0f", "\ufe0e", "\u20e3", "\U000e0067", "\U000e007f"],
            ]
        ),
        max_size=12,
    )
)
def test_any_mix_of_emoji_and_glue_is_as_wide_for_rich_as_for_the_terminal(name: str) -> None:
    import ctypes
    import ctypes.util
    import locale

    from rich.cells import cell_len

    libc_name = ctypes.util.find_library("c")
    if libc_name is None:
        return
    libc = ctypes.CDLL(libc_name)
    libc.wcwidth.argtypes = [ctypes.c_wchar]
    old = locale.setlocale(locale.LC_CTYPE)
    try:
        locale.setlocale(locale.LC_CTYPE, "C.UTF-8")
        shown = visible(name, multiline=False)
        assert cell_len(shown) == sum(max(0, libc.wcwidth(c)) for c in shown), shown
    except locale.Error:
        pass
    finally:
        locale.setlocale(locale.LC_CTYPE, old)
