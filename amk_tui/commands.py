"""The non-interactive commands: check-config, list, purge, report, handout.

What they print from outside (AMG names, file names, folder names) is text, never markup or
terminal escapes: table cells are `rich.text.Text`, names are cut and made visible
(`core.text`). `list` and `report` without `-o` write nothing; every `-o` goes through
`store.refuse_output` before anything is built or written.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import sys
from collections.abc import Sequence
from pathlib import Path

from rich import box
from rich.cells import cell_len
from rich.console import Console
from rich.markdown import Markdown
from rich.table import Table
from rich.text import Text

from amk_tui.cli_words import CliWords
from amk_tui.config import Config, content_for, load_config, load_content
from amk_tui.core.errors import AmkError
from amk_tui.core.scores import format_mean
from amk_tui.core.text import NAME_WIDTH, one_line, visible
from amk_tui.store import SessionStore, refuse_output
from amk_tui.store_index import Summary


def check_config(path: str | None, w: CliWords) -> int:
    """The config and everything it points at (the slides) load: what `amk new` will need."""
    config = load_config(path)
    content_for(config)
    minutes = f"{config.planned_minutes:g}".replace(".", w.content.t("number.decimal"))
    source = visible(config.source, multiline=False)
    print(w.t("config_ok", phases=len(config.program.phases), minutes=minutes, source=source))
    return 0


PLAIN_FROM = 300
"""Rows from which `amk list` prints a plain aligned table (5,000 rows: 3 s in Rich's)."""


def plain_table(title: str, headers: list[str], rows: list[list[str]], left: int) -> str:
    """Columns aligned by their terminal width; the first `left` columns to the left."""
    widths = [max(cell_len(r[i]) for r in [headers, *rows]) for i in range(len(headers))]

    def line(cells: list[str]) -> str:
        parts = []
        for i, (cell, width) in enumerate(zip(cells, widths, strict=True)):
            pad = " " * (width - cell_len(cell))
            parts.append(cell + pad if i < left else pad + cell)
        return "  ".join(parts).rstrip()

    rule = "  ".join("─" * w for w in widths)
    return "\n".join([title, "", line(headers), rule, *(line(r) for r in rows)])


def list_sessions(store: SessionStore, config: Config) -> int:
    # The config's factor labels, not its slides: a list shows no slide.
    content = load_content(config.language, factor_overrides=config.factor_overrides)
    from amk_tui.reading import ReadingLine

    with ReadingLine(content.t("list.reading")) as tell:
        entries, bad = store.summaries(tell)
    console = Console(width=None if sys.stdout.isatty() else 160, highlight=False)
    # The file name is what `amk report` and `amk resume` take: it is never cut. On a narrow
    # terminal the table loses its frame and the six means share one column headed 1–6 (the
    # factors' numbers on the slides).
    narrow = console.width < 120
    table = Table(
        title=Text(visible(str(store.folder), multiline=False)),
        title_justify="left",
        box=box.SIMPLE_HEAD if narrow else box.HEAVY_HEAD,
        pad_edge=not narrow,
    )
    table.add_column(Text(content.t("list.file")), no_wrap=True)
    table.add_column(Text("AMG"), overflow="fold", min_width=8)
    table.add_column(Text(content.t("list.status")), no_wrap=narrow)
    decimal = content.t("number.decimal")
    if narrow:
        heading = " ".join(f"{f.number:>3}" for f in content.factors)
        table.add_column(Text(heading), no_wrap=True)
    else:
        table.add_column(Text(content.t("list.groups")), justify="right")
        for factor in content.factors:
            table.add_column(Text(one_line(factor.short, 14)), justify="right")
    rows = []
    for s in entries:
        means = [format_mean(m, decimal) for m in s.means]
        cells = [visible(s.path.name, multiline=False), one_line(s.amg, NAME_WIDTH)]
        cells.append(content.t(f"status.{s.status}"))
        if narrow:
            cells.append(" ".join(f"{m:>3}" for m in means))
        else:
            cells.extend([str(s.groups), *means])
        rows.append(cells)
    if len(rows) > PLAIN_FROM:  # years of workshops: Rich's table measures every cell
        headers = [column.header for column in table.columns]
        left = 3 if narrow else 2  # the columns after these are numbers, right-aligned
        print(plain_table(str(table.title), [str(h) for h in headers], rows, left))
    elif entries:
        for cells in rows:
            table.add_row(*(Text(cell) for cell in cells))
        console.print(table)
    else:
        console.print(Text(content.t("list.empty", folder=visible(str(store.folder)))))
    for item in bad:
        problem = CliWords(content).problem(item.problem)
        line = f"amk: {item.path.name}: {content.t('list.unreadable')}: {problem}"
        print(visible(line, multiline=False), file=sys.stderr)
    return 0


def _listed_and_asked(
    entries: Sequence[Summary], yes: bool, ask: str, declined: str, w: CliWords
) -> int | None:
    """`purge`'s workshops listed, then asked about (unless `--yes`): None to go on, else
    the exit code (2: no terminal to ask in; 1: the answer was no)."""
    for entry in entries:
        name = visible(entry.path.name, multiline=False)
        print(f"  {name}  ({w.content.date(entry.date)}, {one_line(entry.amg, NAME_WIDTH)})")
    if yes:
        return None
    if not sys.stdin.isatty():
        print(f"amk: {w.t('add_yes')}", file=sys.stderr)
        return 2
    if input(ask).strip().lower() not in ("y", "yes", "j", "ja"):
        print(declined)
        return 1
    return None


def purge_slips(
    store: SessionStore, days: int, yes: bool, w: CliWords, today: dt.date | None = None
) -> int:
    """`amk purge --slips-only`: in workshops older than `days`, the groups' slips are reduced
    to a tally per factor (`core.tally`); the files stay, with every figure the referat shows."""
    from amk_tui.core.tally import has_slips, reduce_slips

    chosen = []
    for entry in store.purgeable(days, today or dt.date.today()):
        with contextlib.suppress(AmkError, OSError):
            if has_slips(store.load(entry.path).groups):
                chosen.append(entry)
    if not chosen:
        print(w.t("no_slips_older", days=days, folder=visible(str(store.folder), multiline=False)))
        return 0
    ask = w.t("tally_ask_one") if len(chosen) == 1 else w.t("tally_ask", n=len(chosen))
    if (refused := _listed_and_asked(chosen, yes, ask, w.t("nothing_changed"), w)) is not None:
        return refused
    done = 0
    for entry in chosen:
        lock = store.lock(entry.path)
        if lock is None:
            print(w.t("kept_open", name=visible(entry.path.name, multiline=False)))
            continue
        try:
            session = store.load(entry.path)
            if reduce_slips(session.groups):
                store.save(session, entry.path)
            done += 1
        finally:
            lock.release()
    print(w.t("tallied_one") if done == 1 else w.t("tallied", n=done))
    return 0 if done == len(chosen) else 1


def purge(
    store: SessionStore, days: int, yes: bool, w: CliWords, today: dt.date | None = None
) -> int:
    doomed = store.purgeable(days, today or dt.date.today())
    if not doomed:
        print(w.t("nothing_older", days=days, folder=visible(str(store.folder), multiline=False)))
        return 0
    ask = w.t("delete_ask_one") if len(doomed) == 1 else w.t("delete_ask", n=len(doomed))
    if (refused := _listed_and_asked(doomed, yes, ask, w.t("nothing_deleted"), w)) is not None:
        return refused
    deleted = 0
    for entry in doomed:
        if store.delete(entry):
            deleted += 1
        else:
            print(w.t("kept_open", name=visible(entry.path.name, multiline=False)))
    print(w.t("deleted_one") if deleted == 1 else w.t("deleted", n=deleted))
    return 0 if deleted == len(doomed) else 1


def report(store: SessionStore, path: Path, args: argparse.Namespace, w: CliWords) -> int:
    """`amk report FILE`: the referat in --format md|csv|html|xlsx, to -o or stdout."""
    from amk_tui.report import build
    from amk_tui.reports.model import Options

    if args.output:  # before anything is read or written: -o never replaces a session
        refuse_output(Path(args.output), sources=[path])
    options = Options(notes=not args.no_notes, timing=args.timing, chart=args.chart)
    out = build(store, path, args.format, options)
    if args.output:
        _write(store, Path(args.output), out, w)
    elif isinstance(out, bytes):
        if sys.stdout.isatty():
            print(f"amk: {w.t('xlsx_needs_output')}", file=sys.stderr)
            return 2
        sys.stdout.buffer.write(out)
    elif args.format == "md" and sys.stdout.isatty():
        Console().print(Markdown(out))
    else:
        sys.stdout.write(out)
    return 0


def handout(store: SessionStore, config: Config, args: argparse.Namespace, w: CliWords) -> int:
    """`amk handout`: the A4 handout (HTML) in the config's language, to -o or stdout."""
    from amk_tui.reports.handout import HandoutOptions, handout_html

    source = store.resolve(args.file) if args.file else None
    if args.output:
        refuse_output(Path(args.output), sources=[source] if source else [], paper="worksheet")
    content = load_content(config.language)
    names = tuple(args.group) if args.group else ("",) * (3 if args.groups is None else args.groups)
    program, variant, amg, day = config.program, args.variant, "", None
    if source is not None:  # prefilled from a planned (or held) workshop
        session = store.load(source)
        program, variant, amg, day = session.program, session.variant, session.amg, session.date
        if not args.group and args.groups is None:
            names = tuple(g.name for g in session.groups) or names
    minutes = next((p.minutes for p in program.phases if p.kind == "exercise"), 25.0)
    try:
        options = HandoutOptions(
            variant=variant, groups=names, slips=args.slips, minutes=minutes, amg=amg, date=day
        )
    except ValueError as exc:
        print(f"amk: handout: {exc}", file=sys.stderr)
        return 2
    text = handout_html(content, options)
    if args.output:
        _write(store, Path(args.output), text, w)
    else:
        sys.stdout.write(text)
    return 0


def _write(store: SessionStore, target: Path, data: str | bytes, w: CliWords) -> None:
    # Through the store: atomic and 0600, since a report holds the session's notes.
    if isinstance(data, bytes):
        store.write_bytes(target, data)
    else:
        store.write_text(target, data)
    print(w.t("wrote", path=visible(str(target), multiline=False)))
