"""What a referat says about its numbers: ties are named, the annual input names the highest
and lowest factors (no single average), and the change since last time says what it cannot."""

from __future__ import annotations

import dataclasses

from amk_tui.core.scores import FACTOR_IDS
from amk_tui.core.session import Session
from amk_tui.reports.phrases import annual_lines, change_notes, summary_lines
from tests.unit.report_support import load, referat


def plain(text: str) -> str:
    return text


def scored(session: Session, *groups: tuple[int, ...]) -> Session:
    """`session` with its groups' consensus scores replaced (one tuple per group, deck order)."""
    for group, values in zip(session.groups, groups, strict=False):
        group.scores = dict(zip(FACTOR_IDS, values, strict=True))
        group.rows = []
    for group in session.groups[len(groups) :]:
        group.scores, group.rows = {}, []
    return session


def test_a_tie_for_lowest_and_most_split_names_every_factor() -> None:
    # Innovation and Tid og ressourcer both mean 2,0; Åbenhed and Viden both from 2 to 4.
    session = scored(load("session.toml"), (2, 2, 4, 2, 4, 4), (4, 2, 4, 2, 4, 2))
    lines = summary_lines(referat(session), plain)
    assert lines[0] == "Lavest vurderet: Innovation og Tid og ressourcer (gennemsnit 2,0)."
    assert lines[1] == (
        "Størst uenighed: Åbenhed, tillid og psykologisk tryghed og Teknikker og viden "
        "(begge fra 2 til 4)."
    )


def test_one_lowest_and_one_split_are_said_as_before() -> None:
    session = scored(load("session.toml"), (3, 1, 4, 3, 4, 4), (3, 2, 4, 3, 4, 2))
    lines = summary_lines(referat(session), plain)
    assert lines == [
        "Lavest vurderet: Innovation (gennemsnit 1,5).",
        "Størst uenighed: Teknikker og viden (fra 2 til 4).",
    ]


def test_the_same_spread_in_different_places_gives_each_its_own_range() -> None:
    session = scored(load("session.toml"), (2, 3, 4, 4, 4, 1), (4, 3, 4, 4, 4, 3))
    line = summary_lines(referat(session), plain)[1]
    assert line == (
        "Størst uenighed: Åbenhed, tillid og psykologisk tryghed (fra 2 til 4) og "
        "Teknikker og viden (fra 1 til 3)."
    )


def test_the_annual_input_is_a_profile_highest_and_lowest_not_one_average() -> None:
    session = scored(load("session.toml"), (3, 2, 5, 3, 3, 3), (3, 2, 5, 3, 3, 3))
    lines = annual_lines(referat(session), plain)
    assert lines[0] == (
        "AMG har vurderet de seks faktorer i arbejdsmiljøkompetencemodellen i 2 grupper "
        "(skala 1–5)."
    )
    assert "Højest vurderet: Motivation fra ledere og medarbejdere." in lines
    assert "Lavest vurderet: Innovation." in lines
    assert not any("gennemsnit" in line for line in lines)


def test_six_equal_factors_name_no_highest() -> None:
    session = scored(load("session.toml"), (3, 3, 3, 3, 3, 3))
    lines = annual_lines(referat(session), plain)
    assert not any(line.startswith("Højest") for line in lines)
    assert lines[0].endswith("i 1 gruppe (skala 1–5).")


def test_the_change_says_when_the_groups_scored_differently_and_that_small_is_small() -> None:
    now, before = load("session.toml"), load("previous.toml")
    scored(now, (3, 3, 3, 3, 3, 3), (3, 3, 3, 3, 3, 3))
    scored(before, (3, 3, 3, 3, 3, 3), (3, 3, 3, 3, 3, 3))
    same = change_notes(referat(now, previous=before))
    assert same == ["Ændringer under ±0,5 er små og kan skyldes, hvem der var med."]
    other = dataclasses.replace(now, variant=2)
    notes = change_notes(referat(other, previous=before))
    assert notes[0] == (
        "Bemærk: Sidst vurderede grupperne i fællesskab (Dialogøvelse), i dag hver for sig på "
        "sedler (Dialogøvelse 2). Ændringerne er derfor kun pejlemærker."
    )
    scored(before, (3, 3, 3, 3, 3, 3))
    fewer = change_notes(referat(now, previous=before))
    assert (
        fewer[0]
        == "Bemærk: Sidst indgik 1 grupper, i dag 2. Ændringerne er derfor kun pejlemærker."
    )


def test_the_referats_own_lines_are_printed_only_when_given_and_names_only_with_notes() -> None:
    import datetime as dt

    from amk_tui.core.records import Minutes
    from amk_tui.reports.html import html_report
    from amk_tui.reports.markdown import markdown_report

    session = load("session.toml")
    bare = markdown_report(referat(session))
    assert "Punkt på AMG-mødet" not in bare and "Afbud" not in bare and "Næste AMG-møde" not in bare
    session.minutes = Minutes(
        time="13.00–13.45",
        agenda_item="Punkt 3",
        purpose="Starte en dialog om arbejdsmiljøkompetencen i AMG'en",
        attendees="Karin (leder), Mette (AMR)",
        absent="Ole (AMR)",
        approval="Referatet godkendes på næste AMG-møde.",
        next_meeting=dt.date(2027, 1, 12),
    )
    for text in (markdown_report(referat(session)), html_report(referat(session))):
        for line in ("13.00–13.45", "Punkt 3", "Starte en dialog", "Karin (leder), Mette (AMR)",
                     "Ole (AMR)", "Næste AMG-møde: 12. januar 2027.",
                     "Referatet godkendes på næste AMG-møde."):  # fmt: skip
            assert line in text, line
    md = markdown_report(referat(session))
    assert md.rstrip().endswith("_Referatet godkendes på næste AMG-møde._")  # last
    hidden = markdown_report(referat(session, notes=False))
    assert "Karin" not in hidden and "Ole" not in hidden  # names are the notes' kind of text
    assert "13.00–13.45" in hidden and "12. januar 2027" in hidden
