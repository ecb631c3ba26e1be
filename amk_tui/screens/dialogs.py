"""The app's conversations: confirm a reset, a reopen, finishing; where to save a copy.

Each asks with a dialog and then calls the workshop (a change) or the app's keeper (a file):
the asking lives here, what happens lives in the core and the keeper.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from amk_tui.core.closing import Finishing
from amk_tui.core.dates import parse_date
from amk_tui.core.session import Action, Minutes, Session
from amk_tui.core.text import visible
from amk_tui.core.trend import months_later
from amk_tui.screens.forms import TextPrompt
from amk_tui.screens.modals import ConfirmScreen, FinishedScreen

if TYPE_CHECKING:
    from amk_tui.app import AmkApp


def confirm_reset(app: AmkApp) -> None:
    def reset(yes: bool | None) -> None:
        if yes and app.workshop is not None:
            app.workshop.reset_timer()

    app.push_screen(ConfirmScreen(app.content.t("confirm.reset")), reset)


def confirm_reopen(app: AmkApp) -> None:
    """A finished workshop opens read-only; this makes it editable again, on purpose."""

    def reopen(yes: bool | None) -> None:
        if yes and app.workshop is not None and app.workshop.reopen() is not None:
            app.notify(app.content.t("notify.reopened"))

    app.push_screen(ConfirmScreen(app.content.t("confirm.reopen"), default=True), reopen)


def confirm_finish(app: AmkApp) -> None:
    """Ask, then the next assessment's date, then finish (`finish_now`)."""

    def finish(yes: bool | None) -> None:
        if yes:
            ask_next_assessment(app)

    app.push_screen(ConfirmScreen(app.content.t("confirm.finish"), default=True), finish)


def ask_next_assessment(app: AmkApp, typed: str | None = None) -> None:
    """Næste vurdering: proposed `next_assessment_months` after the workshop (or as set
    before); empty leaves it open, Esc does not finish. A date that isn't one asks again."""
    workshop = app.workshop
    if workshop is None:
        return
    session = workshop.session
    planned = session.next_assessment or months_later(
        session.date, app.config.next_assessment_months
    )
    proposal = app.content.date(planned) if typed is None else typed

    def answer(text: str | None) -> None:
        if text is None or app.workshop is None:
            return
        try:
            day = parse_date(text, app.today)
        except ValueError:
            problem = app.content.t("confirm.bad_next", value=visible(text.strip()))
            app.notify(problem, severity="error")
            ask_next_assessment(app, text)
            return
        ask_minutes(app, Finishing(day))

    question = app.content.t("confirm.next_assessment")
    app.push_screen(TextPrompt(question, proposal, ask_id="next-assessment"), answer)


def ask_minutes(app: AmkApp, how: Finishing) -> None:
    """The referat's own lines (time, agenda item, names, next meeting …); Esc skips them."""
    from amk_tui.screens.minutes import MinutesForm

    workshop = app.workshop
    if workshop is None:
        return

    def answer(minutes: Minutes | None) -> None:
        if app.workshop is not None:
            ask_tally(app, dataclasses.replace(how, minutes=minutes))

    app.push_screen(MinutesForm(workshop.session.minutes, app.today), answer)


def ask_tally(app: AmkApp, how: Finishing) -> None:
    """Variant 2: keep only the count of each score per factor (default yes), then finish;
    no (or Esc) keeps the slips as typed and finishes all the same."""
    workshop = app.workshop
    if workshop is None or not workshop.keeps_slips:
        finish_now(app, how)
        return

    def answer(yes: bool | None) -> None:
        if app.workshop is not None:
            finish_now(app, dataclasses.replace(how, tally=bool(yes)))

    question = app.content.t("confirm.keep_tally")
    app.push_screen(ConfirmScreen(question, default=True), answer)


def finish_now(app: AmkApp, how: Finishing | None = None) -> None:
    """Finish, written once: a finished copy is saved first (a failed save changes nothing),
    then the live workshop is marked alike and the referat written from memory."""
    workshop, keeper = app.workshop, app.keeper
    if workshop is None or keeper is None:
        return
    app.flush_edits()
    how = how or Finishing(workshop.session.next_assessment)
    problem = keeper.try_finish(workshop.session, app.clock, how)
    if problem is not None:
        app.notify(app.describe_problem(problem), severity="error", timeout=15)
        app.notify(app.content.t("notify.not_finished"), severity="error", timeout=15)
        app.refresh_bindings()
        return
    workshop.finish(how, saved=True)
    report = write_report(app, workshop.session, workshop.previous)
    app.push_screen(FinishedScreen(keeper.path, report, throwaway=app.throwaway))


def write_report(
    app: AmkApp, session: Session | None = None, previous: Session | None = None
) -> Path | None:
    """The Markdown report next to the session file (of `session` in memory, if given)."""
    assert app.keeper is not None
    result = app.keeper.write_report(session, previous)
    if isinstance(result, Path):
        return result
    app.notify(app.describe_problem(result), severity="error")
    return None


def ask_save_as(app: AmkApp, quit_after: bool = False, typed: str = "") -> None:
    """Save a copy where the facilitator chooses (the workshop stays where it is). A path
    that cannot even be looked at (a folder without access, a name too long) is said in one
    line and asked again: this is the rescue when the sessions folder fails."""
    keeper = app.keeper
    if keeper is None or app.session is None:
        return
    default = typed or str(Path.home() / keeper.path.name)

    def save_to(answer: str | None) -> None:
        if not answer:
            return
        try:
            target = Path(answer).expanduser()
            taken = target.exists() and not keeper.is_own_file(target)
        except (OSError, RuntimeError, ValueError) as exc:  # EACCES, ENAMETOOLONG, a loop, NUL
            problem = keeper.problem_at(Path(answer), exc)
            app.notify(app.describe_problem(problem), severity="error", timeout=15)
            ask_save_as(app, quit_after, typed=answer)
            return
        if taken:
            question = app.content.t("save_as.overwrite", path=str(target))
            app.push_screen(
                ConfirmScreen(question),
                lambda yes: save_copy(app, target, quit_after) if yes else None,
            )
        else:
            save_copy(app, target, quit_after)

    app.push_screen(
        TextPrompt(app.content.t("save_as.question"), default, ask_id="save-as"), save_to
    )


def save_copy(app: AmkApp, target: Path, quit_after: bool = False) -> None:
    """A copy at `target`; never onto the workshop's own file (that is saved as it is)."""
    keeper, session = app.keeper, app.session
    if keeper is None or session is None:
        return
    if keeper.is_own_file(target):
        if not keeper.view_only:
            app.save()
        return
    problem = keeper.save_copy(session, target)
    if problem is not None:
        app.notify(app.describe_problem(problem), severity="error", timeout=15)
        if keeper.unsaved:  # the rescue failed too: ask again (nothing is lost yet)
            ask_save_as(app, quit_after, typed=str(target))
        return
    if quit_after:
        app.exit()
        return
    app.refresh_bindings()
    app.notify(app.content.t("notify.copy_saved", path=str(target), own=str(keeper.path)))


def ask_before_losing(app: AmkApp) -> None:
    """Quitting while saving fails: where to save instead, and from there a way out."""
    if isinstance(app.screen, ConfirmScreen):
        return
    if isinstance(app.screen, TextPrompt) and app.screen.ask_id == "save-as":
        question = app.content.t("confirm.quit_unsaved")
        app.push_screen(
            ConfirmScreen(question), lambda yes: app.exit(return_code=1) if yes else None
        )
        return
    ask_save_as(app, quit_after=True)


def follow_up(app: AmkApp, actions: Sequence[Action], marks: Sequence[str]) -> None:
    """Last time's open actions marked: the follow-up is recorded in this workshop and the
    actions in progress or carried join its plan. Last time's file is a record: nothing is
    written into it."""
    workshop = app.workshop
    if workshop is None or workshop.previous is None:
        return
    workshop.follow_up(list(zip(actions, marks, strict=True)), workshop.previous.id)
