"""Shared by the report tests: the fixture sessions, their free texts, a Markdown parser."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from markdown_it import MarkdownIt

from amk_tui.core.clock import FakeClock
from amk_tui.core.session import Session
from amk_tui.reports.build import build_referat
from amk_tui.reports.model import Options, Referat
from amk_tui.reports.words import report_content

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "tests" / "data" / "report"
CONTENT_DIR = REPO / "amk_tui" / "config" / "content"


def load(name: str) -> Session:
    with (DATA / name).open("rb") as handle:
        return Session.from_dict(tomllib.load(handle), clock=FakeClock(), source=name)


def referat(
    session: Session, language: str = "da", previous: Session | None = None, **options: bool
) -> Referat:
    return build_referat(session, report_content(language), previous, Options(**options))


def md() -> MarkdownIt:
    return MarkdownIt("commonmark").enable("table")


def free_texts(session: Session) -> list[str]:
    """Every text a person typed: notes, lists, decisions, actions, names of groups and people."""
    texts = [line for note in session.notes.values() for line in note.splitlines()]
    texts += session.more_of + session.less_of + session.decisions
    texts += [g.name for g in session.groups]
    texts += [a.what for a in session.actions] + [a.owner for a in session.actions]
    texts += [session.facilitator, session.referent]
    texts += [p.names for p in session.participants]
    return [t.strip() for t in texts if len(t.strip()) > 3]


def contains(text: str, typed: str) -> bool:
    """`typed` occurs in `text` as itself (not as part of a longer word: "Leder" ≠ "Ledere")."""
    return re.search(rf"(?<!\w){re.escape(typed)}(?!\w)", text) is not None
