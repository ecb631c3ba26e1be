"""The minutes-ready report of one workshop: Markdown for the AMG's minutes, CSV of the scores.

`build_report(store, path, fmt, notes)` loads a session (and this AMG's previous one) and
returns the text; `markdown_report()` and `csv_report()` are pure string building from a
`Session` and the `Content` of the session's language, so they are tested against goldens.
No textual or rich here: the radar comes from `amk_tui.charts.radar_text` (imported inside
`build_report` only) and is handed to `markdown_report()` as a string.

Every heading and label comes from `content/<lang>/report.toml` (keys `report.…`).

Privacy (DESIGN §5):

- People are never named: the facilitator field is not printed; the report says how many
  groups there were. The AMG and unit are printed as the facilitator typed them.
- Everything typed by the facilitator is escaped, so a note with `|`, `#`, `<script>`,
  backticks, a leading `- ` or `1. ` … reads as the text it is and cannot break the document.
- `notes=False` (`amk report --no-notes`) leaves out every free text the room said: the notes
  of the dialogue and wrap-up questions (and any other notes), the more-of / less-of items,
  and the group names (groups are shown by letter only). What stays: AMG and unit, the
  program and times, the scores, the priorities (factor names from the content), and the
  action plan with its "what" and "owner" (a role) — the action plan is what the AMG decided,
  which the minutes need, not what somebody said.
- The CSV has no free text apart from the AMG name and factor labels (groups by letter), so
  it is the same with and without notes.

Actions carried over from an earlier workshop (`Action.origin` set) are shown in the
follow-up table with their status now, not again in this workshop's action plan.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Sequence
from pathlib import Path

from amk_tui.config.content import Content, Question, load_content
from amk_tui.core.countdown import format_elapsed
from amk_tui.core.errors import AmkError, SessionError
from amk_tui.core.scores import (
    FACTOR_IDS,
    FactorStats,
    Group,
    change_since,
    lowest_factor,
    most_split_factor,
    row_stats,
    stats_by_factor,
    trend_arrow,
)
from amk_tui.core.session import Action, Session
from amk_tui.store import SessionStore

FORMATS = ("md", "csv")
CSV_HEADER = (
    "session_id",
    "date",
    "amg",
    "group",
    "factor_id",
    "factor_label",
    "score",
    "n_rows",
    "mean",
    "min",
    "max",
)
FALLBACK_LANGUAGE = "da"
_SAFE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")


# -- entry point ----------------------------------------------------------------------------
def build_report(store: SessionStore, path: Path, fmt: str = "md", notes: bool = True) -> str:
    """The report of the session in `path` as Markdown (`md`) or CSV (`csv`).

    Raises SessionError (naming the file) if it does not load, AmkError for an unknown format.
    """
    if fmt not in FORMATS:
        raise AmkError(f"--format: {fmt!r} is not one of {', '.join(FORMATS)}")
    path = Path(path)
    session = store.load(path)
    content = report_content(session.language)
    if fmt == "csv":
        return csv_report(session, content)
    previous = find_previous(store, path, session)
    return markdown_report(session, content, previous, notes, _radar(session, content, notes))


def report_content(language: str) -> Content:
    """The content in the session's language; Danish if that language is not built in."""
    try:
        return load_content(language)
    except (OSError, ValueError):
        return load_content(FALLBACK_LANGUAGE)


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


def _radar(session: Session, content: Content, notes: bool) -> str:
    from amk_tui.charts import Series, radar_text
    from amk_tui.core.palette import group_color

    series = [
        Series(
            letter=g.letter,
            name=g.name.strip() if notes and g.name.strip() != g.letter else "",
            values=tuple(g.value(f) for f in FACTOR_IDS),
            color=group_color(i),
        )
        for i, g in enumerate(session.groups)
    ]
    labels = [f.short for f in content.factors]
    return radar_text(series, labels)


# -- Markdown -------------------------------------------------------------------------------
def markdown_report(
    session: Session, content: Content, previous: Session | None, notes: bool, radar: str
) -> str:
    """The report as CommonMark with GFM tables; `radar` goes in a fenced block as it is."""
    r = _Markdown(session, content, previous, notes)
    r.header()
    r.program()
    r.scores()
    r.chart(radar)
    r.summary()
    r.change()
    if notes:
        r.dialogue()
        r.wrapup()
        r.other_notes()
    r.leftover_lists()
    r.actions()
    r.followup()
    return r.text()


class _Markdown:
    """Builds the Markdown report section by section."""

    def __init__(
        self, session: Session, content: Content, previous: Session | None, notes: bool
    ) -> None:
        self.s = session
        self.c = content
        self.previous = previous
        self.notes = notes
        self.lines: list[str] = []
        self.shown_kinds: set[str] = set()
        self.decimal = content.t("report.number.decimal")
        self.none = content.t("report.none")

    # -- helpers ---------------------------------------------------------------------------
    def t(self, key: str, **values: object) -> str:
        return self.c.t(f"report.{key}", **values)

    def add(self, *lines: str) -> None:
        self.lines.extend(lines)

    def heading(self, level: int, text: str) -> None:
        if self.lines and self.lines[-1]:
            self.add("")
        self.add(f"{'#' * level} {text}", "")

    def table(self, header: Sequence[str], rows: Sequence[Sequence[str]], align: str) -> None:
        """A GFM table; `align` has one letter per column: l(eft) or r(ight)."""
        self.add("| " + " | ".join(header) + " |")
        self.add("|" + "|".join("---:" if a == "r" else "---" for a in align) + "|")
        for row in rows:
            self.add("| " + " | ".join(cell or self.none for cell in row) + " |")

    def num(self, value: float | None, places: int = 1, trim: bool = False) -> str:
        if value is None:
            return self.none
        if trim and float(value).is_integer():
            return str(int(value))
        return f"{value:.{places}f}".replace(".", self.decimal)

    def date_long(self, day: dt.date) -> str:
        months = self.t("date.months").split(",")
        name = months[day.month - 1].strip() if len(months) == 12 else str(day.month)
        return self.t("date.long", day=day.day, month=day.month, month_name=name, year=day.year)

    def date_short(self, day: dt.date | None) -> str:
        if day is None:
            return self.none
        return self.t("date.short", day=day.day, month=day.month, year=day.year)

    def factor_name(self, factor_id: str) -> str:
        return escape_inline(self.c.factor(factor_id).name)

    def group_label(self, group: Group) -> str:
        name = group.name.strip()
        if self.notes and name and name != group.letter:
            return f"{group.letter} ({escape_inline(name)})"
        return group.letter

    def text(self) -> str:
        return "\n".join(self.lines).rstrip("\n") + "\n"

    # -- sections --------------------------------------------------------------------------
    def header(self) -> None:
        s = self.s
        self.add(f"# {self.t('title', amg=escape_inline(s.amg))}", "")
        variant = self.t(f"meta.variant{s.variant}")
        meta = [
            (self.t("meta.date"), self.date_long(s.date)),
            (self.t("meta.amg"), escape_inline(s.amg)),
            (self.t("meta.unit"), escape_inline(s.unit)),
            (self.t("meta.groups"), str(len(s.groups))),
            (self.t("meta.variant"), variant),
            (self.t("meta.status"), self.t(f"status.{s.status}")),
        ]
        self.add(*(f"- **{label}:** {value}" for label, value in meta if value))
        if not s.finished:
            self.add("", self.t("not_finished"))
        if not self.notes:
            self.add("", self.t("no_notes"))

    def program(self) -> None:
        agenda = self.s.agenda
        self.heading(2, self.t("program.heading"))
        rows = []
        total_planned = total_actual = 0
        for phase in self.s.program.phases:
            # Whole seconds, so that the rows, their differences and the total agree.
            planned = round(phase.minutes * 60.0)
            actual = int(agenda.actual_seconds(phase.id))
            total_planned += planned
            total_actual += actual
            rows.append(
                [
                    escape_inline(self.c.phase_title(phase.id, phase.title)),
                    format_elapsed(planned),
                    format_elapsed(actual) if actual > 0 else "",
                    _difference(actual - planned) if actual > 0 else "",
                ]
            )
        planned, actual = total_planned, total_actual
        rows.append(
            [
                f"**{self.t('program.total')}**",
                f"**{format_elapsed(planned)}**",
                f"**{format_elapsed(actual)}**",
                f"**{_difference(actual - planned)}**",
            ]
        )
        header = [self.t(f"program.{k}") for k in ("phase", "planned", "actual", "difference")]
        self.table(header, rows, "lrrr")

    def scores(self) -> None:
        groups = self.s.groups
        self.heading(2, self.t("scores.heading"))
        if not groups:
            self.add(self.t("scores.no_groups"))
            return
        self.add(self.t("scores.scale"), "")
        stats = stats_by_factor(groups)
        rows = []
        for factor in self.c.factors:
            st = stats[factor.id]
            cells = [f"{factor.number}. {escape_inline(factor.name)}"]
            cells += [self.score_cell(g, factor.id) for g in groups]
            cells += [self.num(st.mean), self.range(st)]
            rows.append(cells)
        header = [self.t("scores.factor"), *(self.group_label(g) for g in groups)]
        header += [self.t("scores.mean"), self.t("scores.range")]
        self.table(header, rows, "l" + "r" * (len(groups) + 2))
        from_rows = [g for g in groups if any(self.from_rows(g, f) for f in FACTOR_IDS)]
        if from_rows:
            self.add("", self.t("scores.rows_note", groups=", ".join(g.letter for g in from_rows)))
        for group in (g for g in groups if g.rows):
            self.individual(group)

    def from_rows(self, group: Group, factor: str) -> bool:
        return factor not in group.scores and bool(group.row_values(factor))

    def score_cell(self, group: Group, factor: str) -> str:
        if factor in group.scores:
            return str(group.scores[factor])
        values = group.row_values(factor)
        if not values:
            return self.none
        mean = sum(values) / len(values)
        return f"{self.num(mean)} ({self.t('scores.n')}={len(values)})"

    def range(self, st: FactorStats) -> str:
        if st.low is None or st.high is None:
            return self.none
        return f"{self.num(st.low, trim=True)}–{self.num(st.high, trim=True)}"

    def individual(self, group: Group) -> None:
        self.heading(3, self.t("scores.individual_heading", group=self.group_label(group)))
        one = len(group.rows) == 1
        self.add(self.t(f"scores.individual_count{'_one' if one else ''}", n=len(group.rows)), "")
        stats = row_stats(group)
        rows = [
            [
                f"{f.number}. {escape_inline(f.name)}",
                str(stats[f.id].n),
                self.num(stats[f.id].mean),
                self.range(stats[f.id]),
            ]
            for f in self.c.factors
        ]
        header = [self.t(f"scores.{k}") for k in ("factor", "n", "mean", "range")]
        self.table(header, rows, "lrrr")

    def chart(self, radar: str) -> None:
        if not radar.strip() or not self.s.groups:
            return
        self.heading(2, self.t("chart.heading"))
        self.add(self.t("chart.intro"), "")
        body = [line.rstrip() for line in radar.strip("\n").split("\n")]
        longest = max((len(m) for m in re.findall(r"`+", radar)), default=0)
        fence = "`" * max(3, longest + 1)
        self.add(f"{fence}text", *body, fence)

    def summary(self) -> None:
        if not self.s.groups:
            return
        stats = stats_by_factor(self.s.groups)
        self.heading(2, self.t("summary.heading"))
        low = lowest_factor(stats)
        if low is None:
            self.add(self.t("summary.no_scores"))
            return
        lines = [
            self.t("summary.lowest", factor=self.factor_name(low), mean=self.num(stats[low].mean))
        ]
        split = most_split_factor(stats)
        if split is None:
            lines.append(self.t("summary.agree"))
        else:
            st = stats[split]
            lines.append(
                self.t(
                    "summary.split",
                    factor=self.factor_name(split),
                    low=self.num(st.low, trim=True),
                    high=self.num(st.high, trim=True),
                )
            )
        self.add(*(f"- {line}" for line in lines))

    def change(self) -> None:
        if self.previous is None:
            return
        now = stats_by_factor(self.s.groups)
        before = stats_by_factor(self.previous.groups)
        delta = change_since(now, before)
        self.heading(2, self.t("change.heading", date=self.date_long(self.previous.date)))
        self.add(self.t("change.legend"), "")
        rows = []
        for factor in self.c.factors:
            d = delta[factor.id]
            arrow = trend_arrow(d)
            shown = "" if d is None else f"{arrow} {_signed(d, self.decimal)}"
            rows.append(
                [
                    f"{factor.number}. {escape_inline(factor.name)}",
                    self.num(before[factor.id].mean),
                    self.num(now[factor.id].mean),
                    shown,
                ]
            )
        header = [self.t(f"change.{k}") for k in ("before", "now", "change")]
        self.table([self.t("scores.factor"), *header], rows, "lrrr")

    def dialogue(self) -> None:
        questions = self.c.questions.get(self.s.variant, ())
        if not questions:
            return
        self.heading(2, self.t("dialogue.heading"))
        for q in questions:
            self.question(q)

    def question(self, q: Question) -> None:
        self.heading(3, escape_inline(q.text))
        note = self.s.notes.get(q.id, "").strip()
        shown_list = False
        if q.kind in ("priorities", "more", "less"):
            self.shown_kinds.add(q.kind)
            self.kind_list(q.kind)
            shown_list = True
        if note:
            if shown_list:
                self.add("")
            self.add(*quote(note))
        elif not shown_list:
            self.add(self.t("dialogue.empty"))

    def kind_list(self, kind: str) -> None:
        if kind == "priorities":
            if not self.s.priorities:
                self.add(self.t("priorities.empty"))
            for i, factor in enumerate(self.s.priorities, 1):
                self.add(f"{i}. {self.factor_name(factor)}")
            return
        items = [i for i in (self.s.more_of if kind == "more" else self.s.less_of) if i.strip()]
        if not items:
            self.add(self.t("lists.empty"))
        self.add(*(f"- {escape_inline(item)}" for item in items))

    def wrapup(self) -> None:
        if not self.c.wrapup:
            return
        self.heading(2, self.t("wrapup.heading"))
        for q in self.c.wrapup:
            self.question(q)

    def other_notes(self) -> None:
        shown = {q.id for q in self.c.questions.get(self.s.variant, ())}
        shown |= {q.id for q in self.c.wrapup}
        known = self.c.all_questions()
        rest = [(k, v) for k, v in self.s.notes.items() if k not in shown and v.strip()]
        if not rest:
            return
        self.heading(2, self.t("other_notes.heading"))
        for key, note in rest:
            self.heading(3, escape_inline(known[key].text if key in known else key))
            self.add(*quote(note.strip()))

    def leftover_lists(self) -> None:
        """Priorities (and, with notes, more/less) that no question of the variant showed."""
        if "priorities" not in self.shown_kinds and self.s.priorities:
            self.heading(2, self.t("priorities.heading"))
            self.kind_list("priorities")
        if not self.notes:
            return
        for kind in ("more", "less"):
            items = self.s.more_of if kind == "more" else self.s.less_of
            if kind not in self.shown_kinds and any(i.strip() for i in items):
                self.heading(2, self.t(f"{kind}.heading"))
                self.kind_list(kind)

    def actions(self) -> None:
        here = [a for a in self.s.actions if not a.origin]
        self.heading(2, self.t("actions.heading"))
        if not here:
            self.add(self.t("actions.empty"))
            return
        keys = ("what", "owner", "deadline", "followup", "status")
        rows = [
            [
                escape_inline(a.what),
                escape_inline(a.owner),
                self.date_short(a.deadline),
                self.date_short(a.followup),
                self.t(f"action_status.{a.status}"),
            ]
            for a in here
        ]
        self.table([self.t(f"actions.{k}") for k in keys], rows, "lllll")

    def followup(self) -> None:
        carried = [a for a in self.s.actions if a.origin]
        items: list[Action] = []
        if self.previous is not None:
            for old in self.previous.actions:
                match = next(
                    (
                        a
                        for a in carried
                        if a.origin == self.previous.id and a.what.strip() == old.what.strip()
                    ),
                    None,
                )
                if match is not None:
                    carried.remove(match)
                items.append(match or old)
        items += carried
        if not items:
            return
        if self.previous is not None and self.previous.actions:
            self.heading(2, self.t("followup.heading", date=self.date_long(self.previous.date)))
        else:
            self.heading(2, self.t("followup.carried_heading"))
        keys = ("what", "owner", "deadline", "status")
        rows = [
            [
                escape_inline(a.what),
                escape_inline(a.owner),
                self.date_short(a.deadline),
                self.t(f"action_status.{a.status}"),
            ]
            for a in items
        ]
        self.table([self.t(f"actions.{k}") for k in keys], rows, "llll")


def _difference(seconds: int) -> str:
    """`+MM:SS` over plan, `−MM:SS` under it, `±00:00` on time."""
    if seconds == 0:
        return "±00:00"
    return ("+" if seconds > 0 else "−") + format_elapsed(abs(seconds))


def _signed(value: float, decimal: str) -> str:
    text = f"{abs(value):.1f}".replace(".", decimal)
    if text.strip("0,.") == "":
        return "±" + text
    return ("+" if value > 0 else "−") + text


# -- escaping -------------------------------------------------------------------------------
_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<|~])")
_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
_ORDERED = re.compile(r"(\d{1,9})([.)])")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def _escape_line(line: str) -> str:
    """One line of free text, safe as Markdown inline text at the start of a block."""
    line = _CONTROL.sub("", line).strip()
    line = _ENTITY.sub(r"\\&", _INLINE_SPECIAL.sub(r"\\\1", line))
    if line[:1] in ("#", ">", "+", "-", "="):
        return "\\" + line
    m = _ORDERED.match(line)
    if m:
        return f"{m.group(1)}\\{m.group(2)}{line[m.end() :]}"
    return line


def escape_inline(text: str) -> str:
    """Free text as one line of Markdown (table cell, list item, heading): escaped, joined."""
    return _escape_line(" ".join(text.split()))


def quote(text: str) -> list[str]:
    """Free text as an escaped Markdown block quote; each typed line its own paragraph."""
    lines = [
        _escape_line(raw) for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    ]
    out: list[str] = []
    for line in filter(None, lines):
        if out:
            out.append(">")
        out.append(f"> {line}")
    return out


# -- CSV ------------------------------------------------------------------------------------
def csv_report(session: Session, content: Content) -> str:
    """One row per group × factor: consensus score and the individual rows' n, mean, min, max."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_HEADER)
    for group in session.groups:
        stats = row_stats(group)
        for factor in content.factors:
            st = stats[factor.id]
            writer.writerow(
                [
                    session.id,
                    session.date.isoformat(),
                    session.amg,
                    group.letter,
                    factor.id,
                    factor.name,
                    group.scores.get(factor.id, ""),
                    st.n or "",
                    _csv_number(st.mean),
                    _csv_number(st.low),
                    _csv_number(st.high),
                ]
            )
    return buffer.getvalue()


def _csv_number(value: float | None) -> str:
    if value is None:
        return ""
    if float(value).is_integer():
        return str(int(value))
    return f"{value:.2f}"
