"""Starting the app: the start screen, a new workshop, resume, or the demo."""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from amk_tui.app import AmkApp
from amk_tui.config import Config, load_content
from amk_tui.core.demo import demo_session
from amk_tui.core.errors import AmkError, SessionError
from amk_tui.core.setup import new_session, parse_groups
from amk_tui.store import SessionStore


def _run(app: AmkApp) -> int:
    """Run the app; its exit code is 1 when the facilitator quit without saving."""
    app.run()
    return app.return_code or 0


def start(config: Config, store: SessionStore) -> int:
    return _run(AmkApp(config, store))


def new(config: Config, store: SessionStore, args: argparse.Namespace) -> int:
    try:
        groups = args.group or parse_groups(str(args.groups or ""))
    except ValueError as exc:
        raise AmkError(f"--groups: must be {exc}") from None
    try:
        session = new_session(
            args.amg,
            config.program,
            groups=groups,
            unit=args.unit,
            facilitator=args.facilitator,
            date=args.date,
            language=config.language,
            variant=args.variant,
            revealed=not config.hide_until_reveal,
            default_name=load_content(config.language).t("group.default"),
        )
    except ValueError:
        raise AmkError("--amg: must not be empty") from None
    path = store.create(session)
    return _run(AmkApp(config, store, session=session, path=path))


def resume(config: Config, store: SessionStore, path: Path | None) -> int:
    if path is None:
        entry = store.newest_unfinished()
        if entry is None:
            raise AmkError(f"{store.folder}: no unfinished session to resume")
        session, path = entry.session, entry.path
    else:
        store = SessionStore(path.parent, clock=store.clock)
        try:
            session = store.load(path)
        except SessionError as exc:
            raise AmkError(str(exc)) from None
    return _run(AmkApp(config, store, session=session, path=path))


def demo(config: Config, args: argparse.Namespace) -> int:
    """A throw-away workshop in a temporary folder, opened at the scoring round."""
    with tempfile.TemporaryDirectory(prefix="amk-demo-") as folder:
        store = SessionStore(Path(folder))
        session = demo_session(config.program, config.language)
        path = store.create(session)
        app = AmkApp(config, store, session=session, path=path, throwaway=True)
        score_round = next(
            (i for i, s in enumerate(session.agenda.steps) if s.round and s.round.kind == "score"),
            0,
        )
        session.agenda.go(score_round)
        store.save(session, path)
        return _run(app)
