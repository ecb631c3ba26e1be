"""The handout: what each group has on the table, as one standalone A4 HTML file.

Per group one page: the deck's task for the variant, the six-factor hexagon with rings 1–5
and the factors numbered and named, large enough to draw the group's line on, the score
table to fill in, and every dialogue question of the variant. Variant 2 ("hver især") adds
per group pages of slips, six to a page, one per participant: the six factors with boxes
1–5 and no name field (the answers are anonymous). Words from `content.toml` (the deck)
and `report.toml` (`report.handout.*`), in the config's language.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from amk_tui.config.content import Content
from amk_tui.core.scores import MAX_GROUPS, letter_for
from amk_tui.reports.style import HANDOUT_CSS
from amk_tui.reports.svg import radar_svg

SLIPS_PER_PAGE = 6
MAX_SLIPS = 60


@dataclass(frozen=True)
class HandoutOptions:
    """What `amk handout` was asked for; raises ValueError for what can't be printed."""

    variant: int = 1
    groups: tuple[str, ...] = ("", "", "")
    """One entry per group: its name, or empty for "Gruppe A", "Gruppe B" …"""
    slips: int = SLIPS_PER_PAGE
    """Variant 2: slips per group."""

    def __post_init__(self) -> None:
        if self.variant not in (1, 2):
            raise ValueError(f"--variant: {self.variant} must be 1 or 2")
        if not 1 <= len(self.groups) <= MAX_GROUPS:
            raise ValueError(f"--groups: {len(self.groups)} is not 1–{MAX_GROUPS}")
        if not 1 <= self.slips <= MAX_SLIPS:
            raise ValueError(f"--slips: {self.slips} is not 1–{MAX_SLIPS}")


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
        pages.append(_group_page(content, options.variant, letter, shown))
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


def _group_page(content: Content, variant: int, letter: str, label: str) -> str:
    t = content.t
    ex = content.exercise
    task = [ex.get("groups", ""), ex.get("instruction", "")]
    if variant == 1:
        task.append(ex.get("draw", ""))
    heading = ex.get("questions_heading" if variant == 1 else "discuss", "")
    questions = "".join(f"<li>{_e(q.text)}</li>" for q in content.questions.get(variant, ()))
    labels = [f"{f.number} {f.name}" for f in content.factors]
    hexagon = radar_svg(
        labels, title=t("report.handout.title"), radius=175, label_width=150, font=12.5, wrap=17
    )
    return (
        f'<section class="page" data-group="{_e(letter)}">'
        f'<header><h1>{_e(t("report.handout.title"))}</h1><div class="group">{_e(label)}</div>'
        f'</header><p class="line">{_e(t("report.handout.amg"))}</p>'
        '<div class="task">' + "".join(f"<p>{_e(x)}</p>" for x in task if x) + "</div>"
        f'<figure class="model">{hexagon}</figure>'
        f'<div class="fill">{_score_table(content, t("report.handout.table_heading"))}</div>'
        f'<h2>{_e(heading)}</h2><ol class="questions">{questions}</ol></section>'
    )


def _score_table(content: Content, caption: str) -> str:
    """The factors with a box per score 1–5 to tick."""
    scale = "".join(f'<th class="num">{v}</th>' for v in range(1, 6))
    rows = "".join(
        f"<tr><td>{f.number}. {_e(f.name)}</td>" + '<td class="tick"></td>' * 5 + "</tr>"
        for f in content.factors
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
