"""The report command's file side: load a session and its AMG's previous one, then build.

The builders are pure and live in `amk_tui.reports` (one module per format); this module
only reads: the session file, the previous session beside it or in the store, the content
of the session's language. Writing is the caller's (`amk report` writes through the store;
the app writes the Markdown report beside a finished session with `build_report`).

    build_report(store, path, fmt="md", notes=True) -> str      # md, csv, html (the app's)
    build(store, path, fmt, options) -> str | bytes             # every format (the CLI's)
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from amk_tui.core.errors import AmkError, SessionError
from amk_tui.core.scores import FACTOR_IDS
from amk_tui.core.session import Session
from amk_tui.core.trend import Trend, trend_of, visit_of
from amk_tui.reports import FORMATS, TEXT_FORMATS, render
from amk_tui.reports.build import build_referat
from amk_tui.reports.csv import CSV_HEADER as CSV_HEADER
from amk_tui.reports.model import Options, Referat
from amk_tui.reports.words import report_content as report_content
from amk_tui.store import SessionStore

_SAFE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")


def build_report(store: SessionStore, path: Path, fmt: str = "md", notes: bool = True) -> str:
    """The report of the session in `path` as text: Markdown (`md`), `csv` or `html`.

    Raises SessionError (naming the file) if it does not load, AmkError for a format that is
    not text.
    """
    if fmt not in TEXT_FORMATS:
        raise AmkError(f"--format: {fmt!r} is not one of {', '.join(TEXT_FORMATS)}")
    out = build(store, path, fmt, Options(notes=notes))
    assert isinstance(out, str)
    return out


def build(store: SessionStore, path: Path, fmt: str, options: Options) -> str | bytes:
    """The report of the session in `path` in any of FORMATS (xlsx is bytes)."""
    if fmt not in FORMATS:
        raise AmkError(f"--format: {fmt!r} is not one of {', '.join(FORMATS)}")
    path = Path(path)
    session = store.load(path)
    content = report_content(session.language)
    previous = find_previous(store, path, session) if fmt != "csv" else None
    trend = find_trend(store, path, session) if fmt == "html" else None
    referat = build_referat(session, content, previous, options, trend)
    chart = _radar_text(referat) if fmt == "md" and options.chart else ""
    return render(fmt, session, referat, chart)


def markdown_of(session: Session, previous: Session | None) -> str:
    """The Markdown referat of a session held in memory (what finishing writes beside the
    file, without reading back what it has just written)."""
    content = report_content(session.language)
    out = render("md", session, build_referat(session, content, previous, Options()), "")
    assert isinstance(out, str)
    return out


def find_previous(store: SessionStore, path: Path, session: Session) -> Session | None:
    """This AMG's previous session: the one the session names, else the newest earlier one.

    Looked for next to the session's file first, then in the store's folder.
    """
    folders = [path.parent]
    if store.folder.resolve() != path.parent.resolve():
        folders.append(store.folder)
    if session.previous and _SAFE_ID.fullmatch(session.previous):
        for folder in folders:
            candidate = folder / f"{session.previous}.toml"
            if candidate.is_file() and candidate.resolve() != path.resolve():
                try:
                    return store.load(candidate)
                except SessionError:
                    break
    for folder in folders:
        entry = SessionStore(folder, clock=store.clock).previous(session)
        if entry is not None:
            return entry.session
    return None


def find_trend(store: SessionStore, path: Path, session: Session) -> Trend:
    """The AMG's workshops in the session's folder (its index), the session as it is now."""
    from amk_tui.history import visits

    now = visit_of(session)
    found = trend_of(visits(SessionStore(path.parent, clock=store.clock)), session.amg_id)
    return found.up_to(now) if found else Trend(session.amg, session.amg_id, (now,))


def _radar_text(referat: Referat) -> str:
    """`--chart`: the braille radar from the terminal's chart code (plotext)."""
    from amk_tui.charts import Series, radar_text

    series = [
        Series(letter=col.letter, name=col.name, values=values) for col, values in referat.series()
    ]
    labels = [row.factor.short for row in referat.scores]
    if not series or len(labels) != len(FACTOR_IDS):
        return ""
    return radar_text([replace(s, color=None) for s in series], labels)
