"""Typed text into Markdown that pastes cleanly: escape only what would change the document.

The Markdown report is read two ways: rendered (a Markdown viewer, `rich` in the terminal)
and pasted as it is into Word or an e-mail. A backslash that a renderer needs is noise in
Word, so only what would otherwise *break* the document is escaped:

- everywhere: `<` before a letter, `/`, `!` or `?` (it would be raw HTML, a `<script>`);
  `&name;` / `&#…;` (it would turn into another character); `![` (an image would load
  from the network when viewed); the `(` of a `javascript:`, `vbscript:`, `data:` or `file:`
  link (a viewer would run or open it); a backslash before punctuation or a code span (it would
  vanish itself); nothing inside a code span, where a backslash would show;
- in table cells: `|` (it would split the cell);
- at a block start (each note line, each list item): a leading `#`, `-`, `+`, `*`, `1.`,
  `1)`, `>`, a fence, a rule (`---`) or `[x]:` (a heading, list, quote, code block, rule
  or link definition would begin);
- in headings: a trailing ` #` (it would be eaten as the closing sequence).

Nothing else: `*for lidt*`, `_x_`, `~~x~~`, backticks and brackets stay as typed. A viewer
may show `*for lidt*` in italics, which is what the typist meant; pasted, it reads as typed.
Control characters are dropped and runs of white space become one space.
"""

from __future__ import annotations

import re

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_BACKSLASH = re.compile(r"\\(?=[!-/:-@\[-`{-~]|$)")
_TAG = re.compile(r"<(?=[A-Za-z/!?])")
_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
_IMAGE = re.compile(r"!\[")
_SCRIPT_LINK = re.compile(r"\]\((?=[\s<]*(?:javascript|vbscript|data|file):)", re.IGNORECASE)
"""`[x](javascript:…)`: a link a viewer would run or load; the `(` escaped, it reads as typed."""
_BACKTICKS = re.compile(r"`+")
_BLOCK_START = re.compile(
    r"""(
        \#{1,6}(?:\s|$)          # heading
      | [-+*](?:\s|$)           # bullet
      | \d{1,9}[.)](?:\s|$)     # ordered list
      | >                       # quote
      | `{3,} | ~{3,}           # fence
      | \[[^\]]*\]:             # link reference definition
    )""",
    re.VERBOSE,
)
_RULE = re.compile(r"([-*_])(?:\s*\1){2,}\s*$")
_DASHES = re.compile(r"-(?:\s*-)+\s*$")
"""Two dashes: after a list item's own `- ` they would make a rule (`- --`)."""
_ORDERED = re.compile(r"(\d{1,9})([.)])")
_CLOSING = re.compile(r"(\s)(#+)$")


def one_line(text: str) -> str:
    """Control characters out, white space (line breaks included) folded to single spaces."""
    return " ".join(_CONTROL.sub("", text).split())


def _escape(text: str) -> str:
    text = _BACKSLASH.sub(r"\\\\", text)
    text = _TAG.sub(r"\\<", text)
    text = _ENTITY.sub(r"\\&", text)
    text = _SCRIPT_LINK.sub(r"]\\(", text)
    return _IMAGE.sub(r"!\\[", text)


def _code_spans(text: str) -> list[tuple[int, int]]:
    """Where code spans are (CommonMark: a backtick run up to the next run as long)."""
    runs = [(m.start(), m.end()) for m in _BACKTICKS.finditer(text)]
    spans, i = [], 0
    while i < len(runs):
        start, end = runs[i]
        same = (j for j in range(i + 1, len(runs)) if runs[j][1] - runs[j][0] == end - start)
        close = next(same, None)
        if close is None:
            i += 1
            continue
        spans.append((start, runs[close][1]))
        i = close + 1
    return spans


def inline(text: str) -> str:
    """Free text as one line of inline Markdown (after a label, in a paragraph).

    Inside a code span (`` `<b>` ``) nothing is escaped: a backslash there would show."""
    text = one_line(text)
    out, at = [], 0
    for start, end in _code_spans(text):
        out += [_escape(text[at:start]), text[start:end]]
        at = end
    return "".join([*out, _escape(text[at:])])


def cell(text: str) -> str:
    """Free text as a GFM table cell: one line, pipes kept inside the cell."""
    return inline(text).replace("|", "\\|")


def block(text: str) -> str:
    """Free text that starts a block (a note line, a list item): never a new structure."""
    text = inline(text)
    if _RULE.match(text) or _DASHES.match(text) or _BLOCK_START.match(text):
        ordered = _ORDERED.match(text)
        if ordered:
            return f"{ordered.group(1)}\\{ordered.group(2)}{text[ordered.end() :]}"
        return "\\" + text
    return text


def heading(text: str) -> str:
    """Free text as the text of an ATX heading."""
    return _CLOSING.sub(r"\1\\\2", inline(text))


def quote(lines: tuple[str, ...] | list[str]) -> list[str]:
    """Typed lines as a block quote, each line its own paragraph."""
    out: list[str] = []
    for line in filter(None, (block(raw) for raw in lines)):
        if out:
            out.append(">")
        out.append(f"> {line}")
    return out
