"""Starting the app: the start screen, a new workshop, resume, or the demo.

Everything a command needs (config, content, slides, the arguments) is checked before it
writes anything: a bad slide or a bad `--groups` leaves no session file behind.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from amk_tui.app import AmkApp
from amk_tui.config import Config, content_for
from amk_tui.core.demo import demo_session
from amk_tui.core.errors import AmkError, SessionError, said
from amk_tui.core.records import Participants
from amk_tui.core.scores import MAX_GROUPS
from amk_tui.core.session import amg_key
from amk_tui.core.setup import new_session, parse_groups
from amk_tui.core.text import one_line, visible
from amk_tui.store import SessionStore
from amk_tui.terminal import require_terminal


def _run(app: AmkApp) -> int:
    """Run the app; its exit code is 1 when the facilitator quit without saving."""
    app.run()
    return app.return_code or 0


def start(config: Config, store: SessionStore) -> int:
    require_terminal()
    return _run(AmkApp(config, store, content=content_for(config)))


def new(config: Config, store: SessionStore, args: argparse.Namespace) -> int:
    """`amk new`: arguments, config and content are checked first, then the file is made."""
    if args.group is not None:
        groups = [name.strip() for name in args.group]
        if not all(groups):
            raise said("group_empty", "--group: a group's name must not be empty")
        if len(groups) > MAX_GROUPS:
            raise said(
                "too_many_groups",
                f"--group: {len(groups)} groups, at most {MAX_GROUPS}",
                n=len(groups),
                max=MAX_GROUPS,
            )
    else:
        groups = parse_groups(str(args.groups) if args.groups is not None else "")
    if args.amg is None:
        raise _amg_missing(store)
    if not args.amg.strip():
        raise said("amg_empty", "--amg: must not be empty")
    if not amg_key(args.amg):
        raise said("amg_symbols", "--amg: a name needs a letter or a digit")
    amg, notice = _established(store, args.amg)
    content = content_for(config)  # slides too: a broken one fails here, before the file
    require_terminal("amk new")
    session = new_session(
        amg,
        config.program,
        groups=groups,
        unit=args.unit,
        facilitator=args.facilitator,
        date=args.date,
        language=config.language,
        variant=args.variant,
        revealed=not config.hide_until_reveal,
        default_name=content.t("group.default"),
    )
    session.place, session.referent = args.place.strip(), args.referent.strip()
    counts = dict(args.count or ())  # the referat's participants by role (the last of a role)
    session.participants = [Participants(role, n) for role, n in counts.items()]
    path = store.create(session)
    app = AmkApp(config, store, session=session, path=path, content=content)
    if notice:
        app.opening_notice = content.t("start.known_amg", amg=visible(notice, multiline=False))
    return _run(app)


def _established(store: SessionStore, typed: str) -> tuple[str, str]:
    """The name to use for `typed` (the known AMG's own spelling), and that spelling when it
    differs from what was typed (to say so), else ""."""
    import datetime as dt

    from amk_tui.core.trend import established_name, known_amgs
    from amk_tui.history import visits

    known = known_amgs(visits(store), dt.date.today()) if store.folder.is_dir() else []
    found = established_name(typed, known)
    return (found, found) if found is not None else (typed, "")


def resume(config: Config, store: SessionStore, path: Path | None) -> int:
    if path is None:
        entry = store.newest_unfinished()
        if entry is None:
            folder = visible(str(store.folder), multiline=False)
            raise said("no_unfinished", f"{folder}: no unfinished session to resume", folder=folder)
        session, path = entry.session, entry.path
    else:
        store = SessionStore(path.parent, clock=store.clock)
        try:
            session = store.load(path)
        except SessionError as exc:
            raise AmkError(str(exc)) from None
    content = content_for(config, session.language)
    require_terminal("amk resume")
    return _run(AmkApp(config, store, session=session, path=path, content=content))


def demo(config: Config, args: argparse.Namespace) -> int:
    """A throw-away workshop in a temporary folder, opened where its scores are drawn: the
    score round of a program in rounds, else Opsamling's comparison (the deck's program)."""
    content = content_for(config)
    require_terminal("amk --demo")
    with tempfile.TemporaryDirectory(prefix="amk-demo-") as folder:
        store = SessionStore(Path(folder))
        session = demo_session(config.program, config.language)
        path = store.create(session)
        app = AmkApp(config, store, session=session, path=path, throwaway=True, content=content)
        steps = session.agenda.steps
        scores_drawn = next(
            (i for i, s in enumerate(steps) if s.round and s.round.kind == "score"),
            next((i for i, s in enumerate(steps) if s.phase.kind == "wrapup"), 0),
        )
        session.agenda.go(scores_drawn)
        store.save(session, path)
        return _run(app)


def _amg_missing(store: SessionStore) -> AmkError:
    """`amk new` without `--amg`: the AMGs this folder knows, to type one of them."""
    import datetime as dt

    from amk_tui.history import known

    names = [one_line(a.amg, 40) for a in known(store, dt.date.today())[:8]]
    if not names:
        return said("amg_missing", "--amg: the AMG's name is missing")
    listed = " · ".join(f'"{name}"' for name in names)
    english = f"--amg: the AMG's name is missing; known here: {listed}"
    return said("amg_missing_known", english, names=listed)
