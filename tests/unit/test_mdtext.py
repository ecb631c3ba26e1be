"""Typed text in the Markdown report: it reads as typed and never changes the document.

Only what would break is escaped (see `amk_tui.reports.mdtext`); Hypothesis feeds any mix of
punctuation, brackets, escapes and line breaks through the markdown-it round trip.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from amk_tui.reports import mdtext
from tests.unit.report_support import md

TYPED = st.text(
    alphabet=st.sampled_from(
        list("abcæøå ABC 0123456789\t\n\r") + list("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~") + ["🙂"]
    ),
    max_size=80,
)
INLINE_ALLOWED = {
    "text", "softbreak", "code_inline", "em_open", "em_close", "strong_open", "strong_close",
    "link_open", "link_close",
}  # fmt: skip


def visible(children: list[Any]) -> str:
    """What a reader sees of an inline, with emphasis and code marks put back, spaces out."""
    out = []
    for c in children:
        if c.type == "text":
            out.append(c.content)
        elif c.type == "code_inline":
            out.append(c.markup + c.content + c.markup)
        elif c.type.endswith(("_open", "_close")) and c.type.startswith(("em", "strong")):
            out.append(c.markup)
    return "".join("".join(out).split())


def parser() -> Any:
    # Links are left as typed (a typist's link is theirs); the parser here keeps their text.
    return md().disable(["link"])


@settings(max_examples=300, deadline=None)
@given(TYPED)
def test_a_note_is_one_quote_of_paragraphs_whatever_it_contains(note: str) -> None:
    lines = [line for line in note.replace("\r", "\n").split("\n") if mdtext.one_line(line)]
    tokens = parser().parse("\n".join(mdtext.quote(lines)))
    if not lines:
        assert tokens == []
        return
    allowed = {"blockquote_open", "blockquote_close", "paragraph_open", "paragraph_close"}
    assert {t.type for t in tokens} <= allowed | {"inline"}
    assert [t.type for t in tokens].count("blockquote_open") == 1
    inlines = [t for t in tokens if t.type == "inline"]
    assert len(inlines) == len(lines)
    for token, line in zip(inlines, lines, strict=True):
        assert {c.type for c in token.children or []} <= INLINE_ALLOWED
        assert visible(token.children or []) == "".join(line.split())


@settings(max_examples=300, deadline=None)
@given(TYPED)
def test_a_table_cell_stays_one_cell_whatever_it_contains(text: str) -> None:
    cell = mdtext.cell(text) or "x"
    tokens = parser().parse(f"| a | b |\n|---|---|\n| {cell} | end |\n")
    cells = [t for t in tokens if t.type == "inline"]
    assert [t.content for t in cells][-1] == "end" and len(cells) == 4
    children = cells[2].children or []
    assert {c.type for c in children} <= INLINE_ALLOWED
    assert visible(children) == ("".join(text.split()) or "x")


@settings(max_examples=200, deadline=None)
@given(TYPED)
def test_a_list_item_stays_one_item(text: str) -> None:
    item = mdtext.block(text) or "x"
    tokens = parser().parse(f"- {item}\n- end\n")
    assert [t.type for t in tokens].count("list_item_open") == 2
    assert [t.type for t in tokens].count("bullet_list_open") == 1
    assert not [t for t in tokens if t.type.startswith(("heading", "html", "fence", "hr"))]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Vi har *for lidt* tid", "Vi har *for lidt* tid"),  # punctuation stays as typed
        ("snake_case og ~~x~~ og `kode`", "snake_case og ~~x~~ og `kode`"),
        ("a | b", "a | b"),  # a pipe breaks only a table
        ("1. ikke nummereret", "1. ikke nummereret"),  # not at a block start here
        ("<b>x</b>", r"\<b>x\</b>"),
        ("<5 min", "<5 min"),
        ("Lager & Logistik &amp;", r"Lager & Logistik \&amp;"),
        ("![spor](http://x/y.png)", r"!\[spor](http://x/y.png)"),
        ("C:\\mappe\\*", "C:\\mappe\\\\*"),
        ("linje 1\nlinje 2", "linje 1 linje 2"),
    ],
)
def test_inline_examples(typed: str, expected: str) -> None:
    assert mdtext.inline(typed) == expected


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("- ikke en liste", r"\- ikke en liste"),
        ("# ikke en overskrift", r"\# ikke en overskrift"),
        ("#hashtag", "#hashtag"),
        ("1. ikke nummereret", r"1\. ikke nummereret"),
        ("2) heller ikke", r"2\) heller ikke"),
        ("> ikke et citat", r"\> ikke et citat"),
        ("---", r"\---"),
        ("* * *", r"\* * *"),
        ("```python", r"\```python"),
        ("[a]: http://x", r"\[a]: http://x"),
        ("-5 grader", "-5 grader"),
    ],
)
def test_block_examples(typed: str, expected: str) -> None:
    assert mdtext.block(typed) == expected


def test_cells_and_headings() -> None:
    assert mdtext.cell("a | b") == r"a \| b"
    assert mdtext.cell("a \\| b") == r"a \\\| b"
    assert mdtext.heading("C# og F #") == r"C# og F \#"


def test_nothing_is_escaped_inside_a_code_span() -> None:
    assert mdtext.inline("`<?` og <b>") == r"`<?` og \<b>"
    assert mdtext.inline("``a ` <b>`` <i>") == r"``a ` <b>`` \<i>"
    assert mdtext.inline("` <b>") == r"` \<b>"  # an unclosed backtick is text
    assert mdtext.cell("`a | b`") == r"`a \| b`"  # a table still needs its pipes kept
    assert mdtext.inline("\\`0`") == "\\\\`0`"  # a backslash before a code span stays visible


def test_two_dashes_as_a_list_item_stay_an_item() -> None:
    """Found by Hypothesis: `- --` is a rule in CommonMark, not an item holding `--`."""
    for typed in ("--", "- -", "-- "):
        tokens = parser().parse(f"- {mdtext.block(typed)}\n")
        assert [t.type for t in tokens].count("list_item_open") == 1
        assert not [t for t in tokens if t.type == "hr"]


def test_a_script_or_data_link_never_becomes_a_live_link() -> None:
    """Even a viewer that validates no link (some Markdown previews) gets text, not a link."""
    from markdown_it import MarkdownIt

    from amk_tui.reports import mdtext

    viewer = MarkdownIt("commonmark")
    viewer.validateLink = lambda url: True  # type: ignore[method-assign]
    for typed in ("[klik](javascript:alert(1))", "[x]( JavaScript:x)", "[x](data:text/html,hi)",
                  "[x](vbscript:x)", "[x](file:///etc/passwd)"):  # fmt: skip
        for text in (mdtext.inline(typed), mdtext.block(typed)):
            assert "<a " not in viewer.render(text), typed
            assert viewer.render(text).count(typed.split("](")[1][:5]) == 1  # still reads as typed
    assert '<a href="https://nfa.dk">' in viewer.render(mdtext.inline("[NFA](https://nfa.dk)"))
