"""A whole workshop typed into the real app in a real terminal, then the file and the reports.

The deck's program: Oplæg (all ten slides) → Dialogøvelse (the group work: the exercise
slide with every question and the big countdown; 18 scores typed as the groups report,
a digit opens the grid) → Opsamling (the comparison, the groups' answers to the five
dialogue questions, the deck's three wrap-up questions, a decision, two actions, one with
a bad date first) → finish → quit. Then the session TOML, `amk report` (Markdown, CSV) and
`--no-notes`. And variant 2's group-work screen at projector size.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import re
import shutil
from collections.abc import Iterator

import pytest

from tests.e2e.conftest import Terminals
from tests.e2e.support import FACTORS, Ui, Workdir, content, load_session, scores_of, workdir
from tests.e2e.tmux import Tmux, amk_command

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]

GROUPS = ("A", "B", "C")


def score(group: int, factor: int) -> int:
    """The score typed for a group and factor: every value 1–5 occurs, groups differ."""
    return (group + factor) % 5 + 1


def next_such_day(day: int, month: int, today: dt.date) -> dt.date:
    """What the app makes of `15/12`: the next such day from today on."""
    date = dt.date(today.year, month, day)
    return date if date >= today else dt.date(today.year + 1, month, day)


FULL = os.environ.get("AMK_E2E_FULL") == "1"
"""All four size × language runs; by default two (80×24 da, 160×45 en) to keep the folder
under three minutes on two cores."""
RUNS = [
    pytest.param((w, h), lang, id=f"{w}x{h}-{lang}")
    for (w, h) in ((80, 24), (160, 45))
    for lang in ("da", "en")
    if FULL or (w, lang) in ((80, "da"), (160, "en"))
]


BLOCKS = frozenset("█▀▄")
"""What the big countdown is drawn with."""


def countdown_rows(screen: str) -> int:
    """How many lines of the screen the big countdown's block digits take."""
    return sum(1 for line in screen.splitlines() if BLOCKS & set(line))


def type_field(term: Tmux, text: str) -> None:
    """Type into the focused field and wait until the text shows."""
    term.type(text)
    term.wait_for(text)


@pytest.fixture
def lwd(language: str) -> Iterator[Workdir]:
    with workdir(language) as folder:
        yield folder


@pytest.mark.parametrize(("size", "language"), RUNS)
def test_workshop_walk(
    size: tuple[int, int], language: str, lwd: Workdir, terminals: Terminals
) -> None:
    ui = Ui(language)
    text = content(language)
    factors = text["factors"]
    width, height = size
    term = terminals(lwd, width, height)
    term.start(amk_command(*lwd.new_args(groups=3)))
    term.wait_for(ui("agenda.planned"))

    # -- Oplæg: ten slides, the countdown moves ----------------------------------------------
    slides = 10
    term.send("PageDown")
    screen = term.wait_for_step(f"1 / {slides}")
    assert ui("phase.oplaeg") in term.bar(screen)
    first = term.remaining(screen)
    term.wait_remaining_below(first, timeout=3.0)
    for n in range(2, slides + 1):
        term.send("PageDown")
        term.wait_for(f"{n} / {slides}")
    assert term.remaining() < first

    # -- Dialogøvelse: the group work, every question, the countdown for the room ---------------
    exercise = text["exercise"]
    questions = text["questions"]["variant1"]
    term.send("PageDown")
    screen = term.wait_for_all([exercise["groups"], exercise["questions_heading"]])
    screen = term.settle()
    for n, question in enumerate(questions, 1):
        assert f"{n}. {question['text'][:30]}" in screen, question["id"]
    if height >= 45:
        assert countdown_rows(screen) >= 11, screen  # read across a meeting room
    else:
        assert countdown_rows(screen) >= 4, screen

    # 18 digits as the groups report: the first opens the grid at the first empty cell
    for g in range(len(GROUPS)):
        for f in range(len(FACTORS)):
            term.type(str(score(g, f)))

    def grid_filled(screen: str) -> bool:
        for f, factor in enumerate(factors):
            values = r"\s+".join(str(score(g, f)) for g in range(len(GROUPS)))
            if not re.search(
                rf"{factor['number']} {re.escape(factor['short'])}\s+{values}\s", screen
            ):
                return False
        return True

    term.wait_until(grid_filled, "the 18 scores in the grid")
    term.settle()
    term.send("Escape")  # back to the group work: which cells are filled, never values
    term.wait_for(exercise["groups"])
    if height >= 30:  # (at 80×24 that line is below the fold of the exercise text)
        term.wait_for_all([f"{letter} ■■■■■■" for letter in GROUPS])

    # -- Opsamling: the comparison first ----------------------------------------------------------
    term.send("PageDown")
    screen = term.wait_for(ui("comparison.heading"))
    group_name = ui("group.default")
    for letter in GROUPS:  # the chart's legend: letter and name ("Gruppe A" / "Group A")
        assert f"{letter} {group_name.format(letter=letter)}" in screen, screen
    lowest = ui("insights.lowest", factor="", mean="").split(":")[0]
    assert lowest in screen

    # -- what the groups share from the dialogue: one screen, one note --------------------------
    assert [q["kind"] for q in questions] == ["notes", "notes", "priorities", "more", "less"]
    names = {f["id"]: f"{f['number']} {f['name']}" for f in factors}
    writing = ui("question.writing").split(" · ")[1]
    shared = f"Shared {language}"
    term.send("PageDown")
    term.wait_for(ui("wrapup.share"))
    term.settle()  # arriving leaves the keys as keys
    term.send("Enter")  # … Enter starts writing
    term.wait_for(writing)
    type_field(term, shared)

    # -- the deck's slide: the three wrap-up questions at once, under their own countdown -------
    wrapup = text["wrapup"]["questions"]
    term.send("PageDown")
    term.wait_for_all(
        [text["wrapup"]["heading"], *(f"{n}. {q['text'][:20]}" for n, q in enumerate(wrapup, 1))]
    )
    term.settle()

    # -- the deck's three wrap-up questions, then a decision ---------------------------------------
    wrap_notes = {q["id"]: f"Wrap {language} {n}" for n, q in enumerate(wrapup, 1)}
    for n, question in enumerate(wrapup, 1):
        term.send("PageDown")
        term.wait_for_all([text["wrapup"]["heading"], f"{n}. {question['text'][:20]}"])
        term.settle()
        term.send("Enter")
        term.wait_for(writing)
        type_field(term, wrap_notes[question["id"]])
    term.send("PageDown")  # the priorities: picked from the six factors
    term.wait_for(ui("wrapup.priorities"))
    term.settle()
    term.send("Enter")
    term.wait_for(ui("priorities.hint")[:20])
    term.settle()
    term.press("Space")
    term.wait_for(f"1. {names['aabenhed']}")
    term.press("Down")
    term.press("Space")
    term.wait_for(f"2. {names['innovation']}")
    decision = f"Decide {language}"
    term.send("PageDown")
    term.wait_for(ui("decisions.question"))
    term.settle()
    term.send("Enter")
    term.settle()
    type_field(term, decision)
    term.send("Enter")
    term.wait_for(f"• {decision}")

    # -- the action plan ---------------------------------------------------------------------------
    term.send("PageDown")
    term.wait_for_all([ui("actions.title"), ui("actions.hint")[:12]])
    term.settle()

    today = dt.date.today()
    first_what, second_what = f"Buy chairs {language}", f"Check noise {language}"
    # The first action: a bad deadline first.
    term.send("i")
    term.wait_for(ui("actions.date_hint"))
    term.settle()
    type_field(term, first_what)
    term.press("Tab", "C-u")
    type_field(term, "AMR")
    term.press("Tab")
    type_field(term, "32/13")
    term.press("Tab")
    type_field(term, "2027-02-15")
    term.press("Enter")
    error = ui("actions.bad_date", value="32/13")
    term.wait_for(error[:24])  # visible at 80×24 too: the form's fields are compact there
    term.press("End")
    term.press(*["BSpace"] * 6)
    term.wait_for(ui("actions.date_hint"))  # the deadline is empty: its placeholder shows
    type_field(term, "31-01-2027")
    term.send("Enter")
    shown = ui("date.short", day=31, month=1, year=2027)  # as the language writes dates
    term.wait_for_all([first_what, shown])
    term.wait_gone(ui("actions.date_hint"))
    term.settle()

    # The second action: a day and month only.
    term.send("i")
    term.wait_for(ui("actions.date_hint"))
    term.settle()
    type_field(term, second_what)
    term.press("Tab", "C-u")
    type_field(term, "Leder")
    term.press("Tab")
    type_field(term, "15/12")
    term.send("Enter")
    deadline = next_such_day(15, 12, today)
    shown = ui("date.short", day=deadline.day, month=deadline.month, year=deadline.year)
    term.wait_for_all([second_what, shown])
    term.settle()

    # -- finish ---------------------------------------------------------------------------------
    path = lwd.session_file()
    term.type("F")
    term.wait_for(ui("button.yes"))
    term.type("y")
    term.wait_for(ui("confirm.next_assessment")[:20])
    term.send("Enter")  # the proposed date: six months after the workshop
    term.wait_for(ui("minutes.title")[:20])  # the referat's own lines
    term.settle()
    type_field(term, "13.00-13.45")
    for _ in range(3):  # on to the agenda item (none), the purpose (as proposed), the names
        term.send("Enter")
        term.settle()
    type_field(term, f"Karin {language}")
    term.send("C-s")
    screen = term.wait_for(ui("finished.title"))
    assert path.name in screen and path.with_suffix(".md").name in screen, screen
    # where the file is, said as briefly as possible (relative to where amk was started)
    assert f"{lwd.sessions.name}/{path.name}" in screen, screen
    term.type("q")
    term.wait_exit()

    # -- the session file ----------------------------------------------------------------------
    data = load_session(path)
    assert data["status"] == "finished"
    assert data["minutes"]["time"] == "13.00-13.45"
    assert data["minutes"]["attendees"] == f"Karin {language}"
    assert data["language"] == language
    expected = {
        letter: {fid: score(g, f) for f, fid in enumerate(FACTORS)}
        for g, letter in enumerate(GROUPS)
    }
    assert scores_of(data) == expected
    assert data["notes"] == {"dele": shared, **wrap_notes}
    assert data["priorities"] == ["aabenhed", "innovation"]
    assert data["decisions"] == [decision]
    actions = data["actions"]
    assert [a["what"] for a in actions] == [first_what, second_what]
    assert actions[0]["owner"] == "AMR"
    assert actions[0]["deadline"] == dt.date(2027, 1, 31)
    assert actions[0]["followup"] == dt.date(2027, 2, 15)
    assert actions[1]["owner"] == "Leder"
    assert actions[1]["deadline"] == deadline
    assert "followup" not in actions[1]
    assert path.with_suffix(".md").is_file()

    # -- the reports -----------------------------------------------------------------------------
    report = lwd.amk("report", path, "--config", lwd.config).stdout
    for f, factor in enumerate(factors):
        values = " | ".join(str(score(g, f)) for g in range(len(GROUPS)))
        assert re.search(rf"\| {factor['number']}\. [^|]+\| {values} \|", report), factor
    for what in (first_what, second_what, "13.00-13.45", f"Karin {language}"):
        assert what in report
    for note in (shared, *wrap_notes.values()):
        assert note in report
    assert decision in report

    table = lwd.amk("report", path, "--format", "csv", "--config", lwd.config).stdout
    rows = list(csv.DictReader(io.StringIO(table)))
    got = {(r["group"], r["factor_id"]): r["score"] for r in rows}
    assert got == {
        (letter, fid): str(expected[letter][fid]) for letter in GROUPS for fid in FACTORS
    }

    bare = lwd.amk("report", path, "--no-notes", "--config", lwd.config).stdout
    assert bare.strip()
    for note in (shared, *wrap_notes.values()):
        assert note not in bare, note


def test_variant_2_group_work_at_projector_size(wd: Workdir, terminals: Terminals) -> None:
    ui, text = Ui("da"), content("da")
    term = terminals(wd, 160, 45)
    term.start(amk_command(*wd.new_args(groups=3), "--variant", "2"))
    term.wait_for(ui("agenda.planned"))
    term.send("2")  # straight to the Dialogøvelse
    exercise = text["exercise"]
    screen = term.wait_for_all([exercise["title2"], exercise["discuss"]])
    screen = term.settle()
    questions = text["questions"]["variant2"]
    assert len(questions) == 4
    for n, question in enumerate(questions, 1):
        assert f"{n}. {question['text'][:30]}" in screen, question["id"]
    assert "5. " not in screen and exercise["draw"][:20] not in screen
    assert countdown_rows(screen) >= 11, screen
    term.type("q")
    term.wait_exit()


def test_the_demo_opens_where_its_scores_are_drawn(wd: Workdir, terminals: Terminals) -> None:
    ui = Ui("da")
    term = terminals(wd, 100, 30)
    term.start(amk_command("--demo", "--config", wd.config))
    term.wait_for_all([ui("comparison.heading"), "Gruppe C", ui("phase.opsamling")])
    term.type("q")
    term.wait_exit()
