"""Text from outside, shown safely: control sequences made visible, long values cut.

Every string amk did not write itself (an AMG name, a file name, a slide, a value echoed in
an error) may hold terminal escapes (ESC, OSC, C1 controls), bidi overrides that reorder
what is shown, or a megabyte of text. These helpers are pure (no UI imports) and used
wherever such text meets a terminal:

- `visible(text)`: every control character except newline and tab becomes a visible symbol,
  so nothing reaches the terminal as a command and nothing is silently hidden.
- `clip(text, limit)`: at most `limit` characters, the cut marked with "…".
- `echo(value)`: a value quoted for an error line, cut and made visible.
"""

from __future__ import annotations

import re

ELLIPSIS = "…"
ECHO_LIMIT = 60
"""Characters of a value echoed in an error line."""
REPLACEMENT = "\N{REPLACEMENT CHARACTER}"
"""Shown for a C1 control, a bidi override or an unpaired surrogate."""
BIDI_CONTROLS = frozenset(chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A)))
"""Embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): they reorder text."""
_DEL_SYMBOL = "\N{SYMBOL FOR DELETE}"
_GLUE = re.compile("[\u200d\u20e3\ufe00-\ufe0f\U0001f3fb-\U0001f3ff\U000e0020-\U000e007f]")
"""Joiners (ZWJ), variation selectors (VS16), skin tones, the keycap and tag characters: they
join characters into one picture whose width Rich (and so the layout) and the terminal count
differently, so the columns after a name like "❤️" or "👩‍💻" shifted on the projector. Shown
in a terminal they are dropped: the characters stand one by one, each as wide as the
terminal draws it."""


def _symbol(char: str, multiline: bool) -> str:
    code = ord(char)
    if char in "\n\t" and multiline:
        return char
    if code < 0x20:
        return chr(0x2400 + code)  # the Control Pictures block: ␀ … ␛ … ␟
    if code == 0x7F:
        return _DEL_SYMBOL
    return REPLACEMENT


def _unsafe(char: str, multiline: bool) -> bool:
    code = ord(char)
    if code < 0x20 or code == 0x7F:
        return not (multiline and char in "\n\t")
    return (
        0x80 <= code <= 0x9F
        or char in BIDI_CONTROLS
        or 0xD800 <= code <= 0xDFFF  # a lone surrogate (a file name that is not UTF-8)
    )


def visible(text: str, *, multiline: bool = True) -> str:
    """`text` with every terminal control made harmless and visible.

    C0 controls (except newline and tab) become their Control Pictures symbol (ESC is "␛"),
    DEL is "␡", C1 controls, bidi overrides and lone surrogates are "�"; the glue of emoji
    sequences (`_GLUE`) is dropped. With `multiline=False` newline and tab become "␊" and
    "␉" too (a one-line cell or message).
    Idempotent: `visible(visible(t)) == visible(t)`.
    """
    if text.isprintable() and not _GLUE.search(text):
        return text  # the common case: nothing to do (isprintable is False for any control)
    text = _GLUE.sub("", text)
    return "".join(_symbol(c, multiline) if _unsafe(c, multiline) else c for c in text)


def clip(text: str, limit: int) -> str:
    """At most `limit` characters; a cut text ends in "…" (which counts as one)."""
    if limit < 1:
        raise ValueError("limit must be at least 1")
    if len(text) <= limit:
        return text
    return text[: limit - 1] + ELLIPSIS


def echo(value: object, limit: int = ECHO_LIMIT) -> str:
    """A value as an error line shows it: quoted like `repr`, cut, on one line, harmless."""
    if isinstance(value, str):
        quoted = repr(clip(value, limit))  # escapes (`\x1b`) may make it longer again:
        shown = clip(quoted[:-1], limit + 1) + quoted[-1]  # cut inside the quotes
    else:
        shown = clip(repr(value), limit)
    return visible(shown, multiline=False)


NAME_WIDTH = 60
"""Characters of an AMG name a command's table or message shows (`amk list`, `amk trend` …)."""


def one_line(text: str, limit: int) -> str:
    """A name for a one-line place (a table cell, a message): cut and made visible."""
    return visible(clip(text, limit), multiline=False)


def has_controls(text: str) -> bool:
    """True if `text` holds any character `visible()` would replace (newline and tab too)."""
    return any(_unsafe(c, multiline=False) for c in text)
