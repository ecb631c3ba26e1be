"""The handout: what each group has on the table, as one standalone A4 HTML file.

Per group two pages, to print on both sides. The front: the deck's task for the variant and
how to agree (variant 1) or fill in alone first (variant 2), a suggested split of the group
work's minutes, the six-factor hexagon with rings 1–5 to draw the group's line on, the six
factor descriptions (the groups do not see slide 6 while they work), and the score table —
for variant 2 a tally, one cross per slip. The back: every dialogue question of the variant
with lines for notes, and the Opsamling's three questions. Variant 2 adds per group pages of
slips, six to a page, one per participant, with no name field. Prefilled with the AMG, the
date and the groups' names when made from a session (`amk handout FILE`). Words from
`content.toml` (the deck) and `report.toml` (`report.handout.*`), in the config's language.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from html import escape

from amk_tui.config.content import Content
from amk_tui.core.scores import MAX_GROUPS, letter_for
from amk_tui.reports.style import HANDOUT_CSS
from amk_tui.reports.svg import radar_svg
from amk_tui.reports.words import Words

SLIPS_PER_PAGE = 6
MAX_SLIPS = 60
SPLIT = (8, 15, 2)
"""The deck's 25 minutes as the review suggests them: scoring, dialogue, what to tell."""
NOTE_LINES = 2
"""Ruled lines under each question on the back."""


@dataclass(frozen=True)
class HandoutOptions:
    """What `amk handout` was asked for; raises ValueError for what can't be printed."""

    variant: int = 1
    groups: tuple[str, ...] = ("", "", "")
    """One entry per group: its name, or empty for "Gruppe A", "Gruppe B" …"""
    slips: int = SLIPS_PER_PAGE
    """Variant 2: slips per group."""
    minutes: float = 25.0
    """The group work's minutes in the program (the split is suggested within them)."""
    amg: str = ""
    """Prefilled from a session; empty leaves a line to write on."""
    date: dt.date | None = None

    def __post_init__(self) -> None:
        if self.variant not in (1, 2):
            raise ValueError(f"--variant: {self.variant} must be 1 or 2")
        if not 1 <= len(self.groups) <= MAX_GROUPS:
            raise ValueError(f"--groups: {len(self.groups)} is not 1–{MAX_GROUPS}")
        if not 1 <= self.slips <= MAX_SLIPS:
            raise ValueError(f"--slips: {self.slips} is not 1–{MAX_SLIPS}")


def split(minutes: float) -> tuple[int, int, int]:
    """The group work's whole minutes split as 8 : 15 : 2 (scoring, dialogue, plenary), the
    last part at least one minute and the three adding up to the whole."""
    whole = max(3, round(minutes))
    total = sum(SPLIT)
    score = max(1, round(whole * SPLIT[0] / total))
    plenary = max(1, round(whole * SPLIT[2] / total))
    return score, whole - score - plenary, plenary


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def handout_html(content: Content, options: HandoutOptions) -> str:
    """The handout as a complete HTML document."""
    pages = []
    for i, name in enumerate(options.groups):
        letter = letter_for(i)
        label = " ".join(name.split()) or content.t("report.handout.group", letter=letter)
        default = label == content.t("report.handout.group", letter=letter)
        shown = label if default else f"{label} ({letter})"
        pages.append(_front(content, options, letter, shown))
        pages.append(_back(content, options, letter, shown))
        if options.variant == 2:
            pages += _slip_pages(content, letter, shown, options.slips)
    title = content.t("report.handout.title")
    return (
        f'<!DOCTYPE html>\n<html lang="{_e(content.language)}">\n<head>\n'
        '<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_e(title)}</title>\n<style>{HANDOUT_CSS}</style>\n</head>\n<body>\n"
        + "\n".join(pages)
        + "\n</body>\n</html>\n"
    )


def _header(content: Content, options: HandoutOptions, label: str) -> str:
    t = content.t
    if options.amg or options.date:
        date = Words(content).date_short(options.date) if options.date else "____________"
        line = t("report.handout.amg_filled", amg=options.amg or "____________", date=date)
    else:
        line = t("report.handout.amg")
    return (
        f'<header><h1>{_e(t("report.handout.title"))}</h1><div class="group">{_e(label)}</div>'
        f'</header><p class="line">{_e(line)}</p>'
    )


def _front(content: Content, options: HandoutOptions, letter: str, label: str) -> str:
    t = content.t
    ex = content.exercise
    variant = options.variant
    task = [ex.get("instruction", "")]
    if variant == 1:
        task += [ex.get("draw", ""), t("report.handout.agree")]
    else:
        task.append(t("report.handout.alone_first"))
    score, dialogue, plenary = split(options.minutes)
    plan = t(
        "report.handout.split",
        minutes=score + dialogue + plenary,
        score=score,
        dialogue=dialogue,
        plenary=plenary,
    )
    labels = [f"{f.number} {f.name}" for f in content.factors]
    hexagon = radar_svg(
        labels, title=t("report.handout.title"), radius=165, label_width=140, font=12.5, wrap=17
    )
    factors = "".join(f"<li>{_described(f.name, f.text)}</li>" for f in content.factors)
    table_caption = t("report.handout.table_heading" if variant == 1 else "report.handout.tally")
    return (
        f'<section class="page front" data-group="{_e(letter)}">'
        + _header(content, options, label)
        + '<div class="task">'
        + "".join(f"<p>{_e(x)}</p>" for x in task if x)
        + f'<p class="split">{_e(plan)}</p></div>'
        f'<figure class="model">{hexagon}</figure>'
        f'<h2>{_e(t("report.handout.factors"))}</h2><ol class="factors">{factors}</ol>'
        f'<div class="fill">{_score_table(content, table_caption, tally=variant == 2)}</div>'
        "</section>"
    )


def _described(name: str, text: str) -> str:
    """The deck's description with the factor's name in bold: where the text begins with the
    name ("Innovation, fx …") the name is not said twice."""
    if not text:
        return f"<strong>{_e(name)}</strong>"
    if text.casefold().startswith(name.casefold()):
        return f"<strong>{_e(text[: len(name)])}</strong>{_e(text[len(name) :])}"
    return f"<strong>{_e(name)}</strong> – {_e(text)}"


def _back(content: Content, options: HandoutOptions, letter: str, label: str) -> str:
    ex = content.exercise
    heading = ex.get("questions_heading" if options.variant == 1 else "discuss", "")
    lines = '<span class="write"></span>' * NOTE_LINES
    questions = "".join(
        f"<li><p>{_e(q.text)}</p>{lines}</li>" for q in content.questions.get(options.variant, ())
    )
    wrapup = "".join(f"<li><p>{_e(q.text)}</p>{lines}</li>" for q in content.wrapup)
    return (
        f'<section class="page back" data-group="{_e(letter)}">'
        f'<header><h1>{_e(heading)}</h1><div class="group">{_e(label)}</div></header>'
        f'<ol class="questions">{questions}</ol>'
        f'<h2 class="wrapup">{_e(content.wrapup_heading)}</h2>'
        f'<ol class="questions">{wrapup}</ol></section>'
    )


def _score_table(content: Content, caption: str, tally: bool = False) -> str:
    """The factors with a box per score 1–5 to tick (a wider box to tally slips in)."""
    scale = "".join(f'<th class="num">{v}</th>' for v in range(1, 6))
    cell = '<td class="tally"></td>' if tally else '<td class="tick"></td>'
    rows = "".join(
        f"<tr><td>{f.number}. {_e(f.name)}</td>" + cell * 5 + "</tr>" for f in content.factors
    )
    low, high = content.exercise.get("scale_low", ""), content.exercise.get("scale_high", "")
    head = f"<th>{_e(caption)} <small>(1 {_e(low)} – 5 {_e(high)})</small></th>{scale}"
    return f'<table class="score"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>'


def _slip_pages(content: Content, letter: str, label: str, count: int) -> list[str]:
    t = content.t
    slip = (
        '<div class="slip">'
        f"<h3><span>{_e(t('report.handout.slips_title'))}</span><span>{_e(label)}</span></h3>"
        f"{_score_table(content, content.t('report.scores.factor'))}"
        f"<p>{_e(t('report.handout.slip_hint'))}</p></div>"
    )
    pages = []
    for start in range(0, count, SLIPS_PER_PAGE):
        n = min(SLIPS_PER_PAGE, count - start)
        pages.append(
            f'<section class="page slips-page" data-group="{_e(letter)}">'
            f'<p class="cut">{_e(t("report.handout.cut"))}</p>'
            f'<div class="slips">{slip * n}</div></section>'
        )
    return pages
