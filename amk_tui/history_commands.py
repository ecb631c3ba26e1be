"""What `amk trend`, `amk amg rename|merge` and `amk list --due` do and print.

`cli_history` adds them to the parser and calls these; they load Rich's tables and the
trend only when one of them runs, not on every start of the app. Reading never writes:
`trend` and `list` change no file; `-o` goes through `refuse_output`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from amk_tui.config import Config, Content, content_for
from amk_tui.core.errors import AmkError
from amk_tui.core.scores import format_mean
from amk_tui.core.text import NAME_WIDTH, one_line, visible
from amk_tui.core.trend import KnownAmg, Trend
from amk_tui.store import SessionStore, refuse_output


# -- amk trend ------------------------------------------------------------------------------
def trend(store: SessionStore, config: Config, args: argparse.Namespace, today: dt.date) -> int:
    from amk_tui import history

    if args.output:
        refuse_output(Path(args.output))
    content = content_for(config)
    if not args.amg:
        return _known_table(store, content, today)
    found = history.trend_for(store, args.amg)
    if found is None:
        name, folder = one_line(args.amg, NAME_WIDTH), visible(str(store.folder), multiline=False)
        raise AmkError(content.t("history.unknown", amg=name, folder=folder))
    text = _trend_text(found, content, args.format)
    if args.output:
        store.write_text(Path(args.output), text)
        print(content.t("history.wrote", path=visible(str(args.output), multiline=False)))
    elif args.format == "text":
        _print_trend(found, content)
    else:
        sys.stdout.write(text)
    return 0


def _trend_text(found: Trend, content: Content, fmt: str) -> str:
    from amk_tui.reports import trend as paper

    if fmt == "html":
        return paper.trend_html(found, content)
    if fmt == "csv":
        return paper.trend_csv(found, content)
    return paper.trend_markdown(found, content)  # md, and text written to a file


def _print_trend(found: Trend, content: Content) -> None:
    """The table (a row per workshop), and the line chart when stdout is a terminal."""
    console = Console(width=None if sys.stdout.isatty() else 160, highlight=False)
    decimal = content.t("number.decimal")
    table = Table(title=Text(content.t("history.title", amg=one_line(found.amg, NAME_WIDTH))),
                  title_justify="left", box=box.SIMPLE_HEAD)  # fmt: skip
    table.add_column(Text(content.t("history.date")), no_wrap=True)
    table.add_column(Text(content.t("history.groups")), justify="right")
    for f in content.factors:
        table.add_column(Text(f"{f.number} {f.short}"), justify="right")
    for v in found.visits:
        means = [format_mean(m, decimal) for m in v.means]
        table.add_row(Text(content.date(v.date)), Text(str(v.groups)), *map(Text, means))
    changes = [_signed(found.change(f.id), decimal) for f in content.factors]
    table.add_row(Text(content.t("history.change"), style="bold"), Text(""), *map(Text, changes))
    console.print(table)
    if sys.stdout.isatty() and len(found.visits) >= 2:
        console.print(Text.from_ansi(_chart(found, content, min(console.width, 120))))


def _chart(found: Trend, content: Content, width: int) -> str:
    from amk_tui.chart_trend import draw_trend
    from amk_tui.charts import text_figure
    from amk_tui.core.trend import factor_series

    fig = text_figure()
    series = factor_series(found, [f.short for f in content.factors])
    dates = [content.date(d) for d in found.dates]
    draw_trend(fig, series, dates, width, 20)
    fig.plotsize(width, 20)
    built: str = fig.build()
    return built


def _signed(value: float | None, decimal: str) -> str:
    if value is None:
        return "–"
    text = f"{abs(value):.1f}".replace(".", decimal)
    return ("±" if text.strip("0,.") == "" else "+" if value > 0 else "−") + text


def _known_table(store: SessionStore, content: Content, today: dt.date) -> int:
    from amk_tui import history

    known = history.known(store, today)
    console = Console(width=None if sys.stdout.isatty() else 160, highlight=False)
    if not known:
        console.print(Text(content.t("list.empty", folder=visible(str(store.folder)))))
        return 0
    table = Table(title=Text(content.t("history.amgs")), title_justify="left",
                  box=box.SIMPLE_HEAD)  # fmt: skip
    for key, justify in (("amg", "left"), ("workshops", "right"), ("last", "left"),
                         ("next", "left")):  # fmt: skip
        table.add_column(Text(content.t(f"history.{key}")), justify=justify)  # type: ignore[arg-type]
    for k in known:
        table.add_row(Text(one_line(k.amg, NAME_WIDTH)), Text(str(k.workshops)),
                      Text(content.date(k.last)), Text(_next(k, content, today)))  # fmt: skip
    console.print(table)
    return 0


def _next(k: KnownAmg, content: Content, today: dt.date) -> str:
    text = content.date(k.next_assessment, "–")
    return text + (f"  {content.t('history.overdue')}" if k.assessment_overdue(today) else "")


# -- amk list (--due) --------------------------------------------------------------------------
def show_due(store: SessionStore, content: Content, today: dt.date, only: bool) -> int:
    """The AMGs whose next assessment has passed or whose open actions are past their
    deadline: after `amk list`, or alone with `--due`."""
    from amk_tui import history

    due = [k for k in history.known(store, today) if k.due(today)]
    console = Console(width=None if sys.stdout.isatty() else 160, highlight=False)
    if not due:
        if only:
            console.print(Text(content.t("history.nothing_due")))
        return 0
    console.print(Text(content.t("history.due_heading"), style="bold"))
    for k in due:
        parts = []
        if k.assessment_overdue(today):
            parts.append(content.t("history.assessment_due", date=content.date(k.next_assessment)))
        if k.overdue_actions:
            n = k.overdue_actions
            parts.append(content.t("history.action_due" if n == 1 else "history.actions_due", n=n))
        line = f"  ! {one_line(k.amg, NAME_WIDTH)}: {'; '.join(parts)}"
        console.print(Text(line))
    return 0


# -- amk amg rename | merge ---------------------------------------------------------------------
def amg(store: SessionStore, config: Config, args: argparse.Namespace) -> int:
    from amk_tui.amg_files import AmgFilesError, merge_amgs, rename_amg

    content = content_for(config)
    try:
        if args.amg_command == "rename":
            changed = rename_amg(store, args.old, args.new)
            said = content.t("amg.renamed", n=len(changed), amg=one_line(args.new, NAME_WIDTH))
        else:
            changed = merge_amgs(store, args.source, args.target)
            said = content.t("amg.merged", n=len(changed), amg=one_line(args.target, NAME_WIDTH))
    except AmgFilesError as exc:
        values = {k: one_line(v, NAME_WIDTH) for k, v in exc.values.items()}
        if exc.reason == "already":  # done before (a re-run after a kill finished it)
            print(visible(content.t("amg.already", **values), multiline=False))
            return 0
        line = f"amk: amg {args.amg_command}: {content.t(f'amg.{exc.reason}', **values)}"
        print(visible(line, multiline=False), file=sys.stderr)
        return 1 if exc.reason == "halfway" else 2
    print(visible(said, multiline=False))
    return 0
