"""A filled-in workshop for `amk --demo`, the README's screenshot and the benchmarks."""

from __future__ import annotations

import datetime as dt

from amk_tui.core.clock import SYSTEM_CLOCK, Clock
from amk_tui.core.program import Program
from amk_tui.core.scores import FACTOR_IDS
from amk_tui.core.session import Action, Session
from amk_tui.core.setup import new_session

DEMO_SCORES = ("324332", "435242", "213421")
"""Three groups' consensus scores, factors 1–6."""


def demo_session(
    program: Program,
    language: str = "da",
    clock: Clock = SYSTEM_CLOCK,
    date: dt.date = dt.date(2026, 11, 26),
) -> Session:
    danish = language == "da"
    session = new_session(
        "Demo-AMG" if danish else "Demo AMG",
        program,
        groups=["Gruppe A", "Gruppe B", "Gruppe C"]
        if danish
        else ["Group A", "Group B", "Group C"],
        unit="Lager og logistik" if danish else "Warehouse and logistics",
        date=date,
        language=language,
        clock=clock,
    )
    for group, scores in zip(session.groups, DEMO_SCORES, strict=True):
        for factor, value in zip(FACTOR_IDS, scores, strict=True):
            group.set_score(factor, int(value))
    session.notes["hvorfor"] = (
        "Vi taler om arbejdsmiljø, når noget er gået galt – sjældent før."
        if danish
        else "We talk about the work environment when something has gone wrong – rarely before."
    )
    session.priorities = ["ressourcer", "systematik"]
    session.more_of = ["Faste punkter på dagsordenen"] if danish else ["Fixed agenda items"]
    session.less_of = ["Brandslukning"] if danish else ["Fire-fighting"]
    session.actions = [
        Action(
            "Fast punkt om psykisk arbejdsmiljø på AMG-møderne"
            if danish
            else "A standing item on the psychosocial work environment at AMG meetings",
            owner="AMR",
            deadline=date + dt.timedelta(days=30),
            followup=date + dt.timedelta(days=90),
        )
    ]
    return session
