"""A slide's Markdown as text for the room: paragraphs, lists, sub-headings, quotes, emphasis.

The built-in slides and a facilitator's own use a small part of Markdown; this draws that part
with generous spacing and nothing else. Every character the author typed stays text: it is
never parsed as Rich or Textual markup, and control characters are made visible.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from rich.style import Style
from rich.text import Text

from amk_tui.core.text import visible

BlockKind = Literal["para", "bullet", "number", "heading", "quote", "source"]
_BULLET = re.compile(r"^\s*[-*+]\s+(.*)$")
_NUMBER = re.compile(r"^\s*(\d{1,3})[.)]\s+(.*)$")
_HEADING = re.compile(r"^#{2,6}\s+(.*)$")
_QUOTE = re.compile(r"^>\s?(.*)$")
_INLINE = re.compile(r"(\*\*[^*]+\*\*|__[^_]+__|\*[^*\s][^*]*\*|_[^_\s][^_]*_|`[^`]+`)")


@dataclass(frozen=True)
class Block:
    """One paragraph, list item, heading or quote of a slide."""

    kind: BlockKind
    text: Text
    marker: str = ""
    """The bullet or number in front of a list item."""


def inline(source: str, base: Style | None = None) -> Text:
    """`**bold**`, `*italic*` and `` `code` `` as styles; everything else as typed."""
    text = Text(style=base or Style())
    for part in _INLINE.split(visible(source)):
        if not part:
            continue
        if part[:2] in ("**", "__") and part[-2:] == part[:2] and len(part) > 4:
            text.append(part[2:-2], Style(bold=True))
        elif part[0] in "*_" and part[-1] == part[0] and len(part) > 2:
            text.append(part[1:-1], Style(italic=True))
        elif part[0] == "`" and part[-1] == "`" and len(part) > 2:
            text.append(part[1:-1], Style(bold=True))
        else:
            text.append(part)
    return text


def blocks(body: str) -> list[Block]:
    """The slide body as blocks; a line break inside a paragraph is kept (slides are set
    line by line), blank lines separate blocks."""
    out: list[Block] = []
    para: list[str] = []

    def flush() -> None:
        if para:
            joined = "\n".join(para)
            kind: BlockKind = "source" if _is_source(joined) else "para"
            out.append(Block(kind, inline(joined)))
            para.clear()

    for raw in body.splitlines():
        line = raw.rstrip()
        if not line.strip() or line.strip().startswith("<!--"):
            flush()
        elif m := _BULLET.match(line):
            flush()
            out.append(Block("bullet", inline(m.group(1)), "•"))
        elif m := _NUMBER.match(line):
            flush()
            out.append(Block("number", inline(m.group(2)), f"{m.group(1)}."))
        elif m := _HEADING.match(line):
            flush()
            out.append(Block("heading", inline(m.group(1), Style(bold=True))))
        elif m := _QUOTE.match(line):
            flush()
            out.append(Block("quote", inline(m.group(1), Style(italic=True))))
        else:
            para.append(line.strip())
    flush()
    return out


def _is_source(text: str) -> bool:
    """A closing reference in italics, like `*(Det Nationale Forskningscenter …, 2024)*`."""
    t = text.strip()
    return len(t) > 2 and t[0] == t[-1] == "*" and not t.startswith("**")


def compose_text(items: list[Block], roomy: bool) -> Text:
    """The blocks as one text; `roomy` puts a blank line between list items too."""
    out = Text()
    previous: BlockKind | None = None
    for block in items:
        listed = block.kind in ("bullet", "number")
        if previous is not None:
            tight = listed and previous in ("bullet", "number") and not roomy
            out.append("\n" if tight else "\n\n")
        if listed:
            out.append(f"{block.marker} ", Style(bold=True))
            out.append_text(block.text)
        elif block.kind == "source":
            out.append_text(block.text)
            out.stylize(Style(dim=True), len(out) - len(block.text))
        else:
            out.append_text(block.text)
        previous = block.kind
    return out
