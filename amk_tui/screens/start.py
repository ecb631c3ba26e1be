"""The start screen: a new workshop, go on with an unfinished one, or open a past one.

Each field is one line (its label beside it), so the whole form and its Start button fit an
80 × 24 window; earlier workshops are listed beside it (below on a narrow window) only when
there are any. The AMG field has the focus, so `q` is a letter here: the footer says Ctrl+Q.
The AMGs met before are listed above the workshops: ↓ from the AMG field (or typing, which
completes a known name) picks one, so its new workshop is linked to its last one; `t` on
the list shows its development over time.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Horizontal, Vertical
from textual.suggester import SuggestFromList
from textual.widgets import Button, Input, Label, OptionList, RadioButton, RadioSet
from textual.widgets.option_list import Option

from amk_tui.core.dates import parse_date
from amk_tui.core.session import Participants, amg_key
from amk_tui.core.setup import new_session, parse_groups
from amk_tui.core.text import visible
from amk_tui.core.trend import KnownAmg, Visit, established_name, trend_of
from amk_tui.screens.base import AmkScreen
from amk_tui.widgets.fields import Field
from amk_tui.widgets.key_footer import KeyFooter

if TYPE_CHECKING:
    from amk_tui.store import Summary, Unreadable

    Listing = tuple[list[Summary], list[Unreadable]]

ROLES = ("leder", "amr", "medarbejder")
"""The roles counted on the form (a referat names roles and counts)."""


class StartScreen(AmkScreen[None]):
    """New workshop (left), earlier workshops (right, or below when narrow)."""

    BINDINGS = [
        *AmkScreen.BINDINGS,
        Binding("down", "pick_amg", "key.pick_amg", priority=True),
        Binding("t", "trend", "key.trend"),
    ]
    AUTO_FOCUS = "#amg"
    """The AMG's name first (focused once, not the form's scroll area and then the field:
    each focus restyles what it holds)."""
    _known: dict[str, KnownAmg] = {}
    """The AMGs met before, by id."""
    _visits: list[Visit] = []

    BIG = 300
    """Session files from which the past list is read after the first frame (in a thread):
    a consultant's folder of years of workshops must not hold up the form."""
    SHOWN = 500
    """Workshops listed at most (newest first); `amk list` lists them all."""

    def compose(self) -> ComposeResult:
        files = len(self.amk.store.files())
        self._deferred = files > self.BIG
        if self._deferred:  # the columns now, their contents from a thread
            listing: Listing = ([], [])
            self.set_class(False, "-no-past", update=False)
        else:
            listing = self.amk.list_sessions()
        amgs, sessions = self._amg_options(listing), self._session_options(listing)
        yield Label(Text(self.content.title, style="bold"), id="start-title")
        with Horizontal(id="start-columns"):
            with Vertical(id="new-form"):  # scrolls by its CSS (overflow-y: auto)
                yield Label(Text(self.t("start.new"), style="bold"), classes="section")
                with Grid(id="form-grid"):  # one label and one field per row
                    yield from self._form_rows()
                yield Label("", id="form-error")
                with Horizontal(id="begin-row"):
                    yield Button(self.t("start.begin"), variant="primary", id="begin")
                    yield Label(self.t("start.keys"), classes="hint", id="start-keys")
            if not self.has_class("-no-past"):  # an empty folder has nothing to list
                with Vertical(id="past"):
                    yield Label(Text(self.t("trend.amgs")), classes="section", id="amgs-label")
                    yield OptionList(*amgs, id="amgs")
                    yield Label(Text(self.t("start.past"), style="bold"), classes="section")
                    yield self._resume_button()
                    yield OptionList(*sessions, id="sessions")
        yield KeyFooter()

    def _form_rows(self) -> ComposeResult:
        yield from self._row("amg", self.t("start.amg"), self.t("start.amg_hint"))
        yield from self._row("unit", self.t("start.unit"))
        yield from self._row("place", self.t("start.place"))
        yield from self._row("date", self.t("start.date"), value=self._today())
        yield from self._row("groups", self.t("start.groups"), value="3")
        yield Label(self.t("start.variant"), classes="form-label")
        with RadioSet(id="variant"):
            yield RadioButton(self.t("start.variant1"), value=True, id="variant-1")
            yield RadioButton(self.t("start.variant2"), id="variant-2")
        yield from self._row("facilitator", self.t("start.facilitator"))
        yield from self._row("referent", self.t("start.referent"))
        yield Label(self.t("start.participants"), classes="form-label")
        with Horizontal(id="counts"):
            for role in ROLES:
                yield Label(self.t(f"role.{role}"), classes="count-label")
                yield Field(id=f"count-{role}", classes="count", max_length=3, compact=True)

    def _row(self, name: str, label: str, hint: str = "", value: str = "") -> ComposeResult:
        yield Label(label, classes="form-label")
        yield Field(value, placeholder=hint, id=name, max_length=120, compact=True)

    def _today(self) -> str:
        return self.content.date(self.amk.today)

    def _amg_options(self, listing: Listing) -> list[Option]:
        """The AMGs met before, newest first: ↓ from the AMG field picks one. Read while the
        screen is composed: its classes are set before anything is styled."""
        known, self._visits = self.amk.amgs(listing[0])
        self._known = {k.amg_id: k for k in known}
        self.set_class(not known, "-no-amgs", update=self.is_mounted)  # (filled in later)
        options = []
        for k in known:
            key = "trend.amg_line_one" if k.workshops == 1 else "trend.amg_line"
            line = self.t(key, amg=visible(k.amg), n=k.workshops, date=self.content.date(k.last))
            options.append(Option(Text(line), id=k.amg_id))
        return options

    def on_mount(self) -> None:
        for options in self.query(OptionList):  # nothing looks chosen until ↓ or a click
            options.highlighted = None
        self._suggest()
        if self._deferred:
            self.run_worker(self._read_past, thread=True, exclusive=True, group="past")

    def _suggest(self) -> None:
        names = [k.amg for k in self._known.values()]
        self.query_one("#amg", Input).suggester = SuggestFromList(names, case_sensitive=False)

    def _read_past(self) -> None:
        """In a thread: the folder's listing (the cache makes it quick after the first)."""
        listing = self.amk.list_sessions()
        self.app.call_from_thread(self._fill_past, listing)

    def _fill_past(self, listing: Listing) -> None:
        """The past list, once read: the AMGs and the workshops."""
        if not self.is_attached:
            return
        amgs, sessions = self._amg_options(listing), self._session_options(listing)
        for options, items in (("#amgs", amgs), ("#sessions", sessions)):
            found = self.query_one(options, OptionList)
            found.set_options(items)
            found.highlighted = None
        button = self.query_one("#resume", Button)
        button.label = Text(self._resume_label)
        button.display = self._unfinished is not None
        self._suggest()
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        focused = self.focused
        if action == "trend":
            return isinstance(focused, OptionList) and focused.id == "amgs"
        if action == "pick_amg":
            return isinstance(focused, Input) and focused.id == "amg" and bool(self._known)
        return True

    def on_descendant_focus(self) -> None:
        self.refresh_bindings()

    def action_pick_amg(self) -> None:
        options = self.query_one("#amgs", OptionList)
        options.focus()
        if options.highlighted is None:
            options.highlighted = 0

    def action_trend(self) -> None:
        """Udvikling over tid for the AMG highlighted in the list."""
        from amk_tui.screens.trend import TrendScreen

        options = self.query_one("#amgs", OptionList)
        if options.highlighted is None:
            return
        amg_id = options.get_option_at_index(options.highlighted).id or ""
        if (found := trend_of(self._visits, amg_id)) is not None:
            self.app.push_screen(TrendScreen(found))

    @on(OptionList.OptionSelected, "#amgs")
    def take_amg(self, event: OptionList.OptionSelected) -> None:
        """The AMG's name as last written goes into the field; the form goes on."""
        known = self._known.get(event.option.id or "")
        if known is not None:
            self.query_one("#amg", Input).value = known.amg
            self.query_one("#unit", Input).focus()

    def _session_options(self, listing: Listing) -> list[Option]:
        """The workshops in the folder, newest first (the newest `SHOWN`), and the files
        that could not be read."""
        entries, bad = listing
        options = []
        for s in entries[: self.SHOWN]:
            status = self.t(f"status.{s.status}")
            label = Text(f"{self.content.date(s.date)}  {visible(s.amg)}  ({status})")
            options.append(Option(label, id=str(s.path)))
        if len(entries) > self.SHOWN:
            more = self.t("start.more", n=len(entries) - self.SHOWN)
            options.append(Option(Text(more, style="dim"), id="more", disabled=True))
        for item in bad:
            name = visible(item.path.name)
            label = Text(f"{name}  ({self.t('list.unreadable')})", style="dim")
            options.append(Option(label, id=f"bad:{item.path}", disabled=True))
        if not self._deferred:
            self.set_class(not entries and not bad, "-no-past", update=False)
        unfinished = next((e for e in entries if not e.finished), None)
        self._unfinished = unfinished.path if unfinished is not None else None
        self._resume_label = self.t("start.resume")
        if unfinished is not None:
            amg, date = visible(unfinished.amg), self.content.date(unfinished.date)
            self._resume_label = self.t("start.resume_named", amg=amg, date=date)
        return options

    def _resume_button(self) -> Button:
        """ "Fortsæt …" for the newest unfinished workshop; not there without one."""
        button = Button(Text(self._resume_label), id="resume")
        button.display = self._unfinished is not None
        return button

    @on(Button.Pressed, "#resume")
    def resume(self) -> None:
        if self._unfinished is not None:
            self.open(self._unfinished)

    @on(OptionList.OptionSelected, "#sessions")
    def pick(self, event: OptionList.OptionSelected) -> None:
        if event.option.id and not event.option.id.startswith("bad:"):
            self.open(Path(event.option.id))

    def open(self, path: Path) -> None:
        if (problem := self.amk.open_path(path)) is not None:
            self.notify(problem, severity="error")

    def value(self, name: str) -> str:
        return self.query_one(f"#{name}", Input).value.strip()

    def refuse(self, field: str, text: str) -> None:
        self.query_one("#form-error", Label).update(Text(text))
        self.query_one(f"#{field}", Input).focus()

    @on(Input.Submitted)
    @on(Button.Pressed, "#begin")
    def begin(self) -> None:
        amg = self.value("amg")
        if not amg:
            self.refuse("amg", self.t("start.need_amg"))
            return
        if not amg_key(amg):
            self.refuse("amg", self.t("start.amg_symbols"))
            return
        known = established_name(amg, self._known.values())  # the AMG keeps its name
        if known is not None:
            amg = known
            self.notify(self.t("start.known_amg", amg=visible(known, multiline=False)))
        try:
            date = parse_date(self.value("date"), self.amk.today) or self.amk.today
        except ValueError:
            self.refuse("date", self.t("start.bad_date", value=visible(self.value("date"))))
            return
        try:
            groups = parse_groups(self.value("groups"))
        except ValueError as exc:
            self.refuse("groups", self.t("start.bad_groups", range=str(exc)))
            return
        participants = self.participants()
        if participants is None:
            return
        app = self.amk
        session = new_session(
            amg,
            app.config.program,
            groups=groups,
            unit=self.value("unit"),
            facilitator=self.value("facilitator"),
            date=date,
            language=app.content.language,
            variant=2 if self.query_one("#variant-2", RadioButton).value else 1,
            revealed=not app.config.hide_until_reveal,
            clock=app.clock,
            default_name=self.t("group.default"),
        )
        session.place, session.referent = self.value("place"), self.value("referent")
        session.participants = participants
        if (problem := app.start_new(session)) is not None:
            self.query_one("#form-error", Label).update(Text(visible(problem)))

    def participants(self) -> list[Participants] | None:
        """The counts typed per role (empty is none); None after saying what is wrong."""
        out = []
        for role in ROLES:
            typed = self.value(f"count-{role}")
            if not typed:
                continue
            if not typed.isdigit() or int(typed) > 999:
                self.refuse(f"count-{role}", self.t("start.bad_count", value=visible(typed)))
                return None
            out.append(Participants(role, int(typed)))
        return out
