"""Making a new session from what the facilitator typed: groups as a number or as names."""

from __future__ import annotations

import datetime as dt
import re

from amk_tui.core.clock import SYSTEM_CLOCK, Clock
from amk_tui.core.program import Program
from amk_tui.core.scores import MAX_GROUPS
from amk_tui.core.session import MAX_NAME, Session
from amk_tui.core.text import clip

DEFAULT_GROUPS = 3


def parse_groups(text: str) -> list[str]:
    """`3` → three unnamed groups; `Lager, Kontor` → named groups. Raises ValueError.

    Anything that looks like a whole number (`0`, `-1`, `+12`) is a count and must be
    1–MAX_GROUPS; the ValueError's message is that range (`1–8`).
    """
    text = text.strip()
    if not text:
        return [""] * DEFAULT_GROUPS
    if re.fullmatch(r"[+-]?\d+", text, flags=re.ASCII):
        n = int(text)
        if not 1 <= n <= MAX_GROUPS:
            raise ValueError(f"1–{MAX_GROUPS}")
        return [""] * n
    names = [name.strip() for name in text.split(",") if name.strip()]
    if len(names) > MAX_GROUPS:
        raise ValueError(f"1–{MAX_GROUPS}")
    return names


def new_session(
    amg: str,
    program: Program,
    *,
    groups: list[str],
    unit: str = "",
    facilitator: str = "",
    date: dt.date | None = None,
    language: str = "da",
    variant: int = 1,
    revealed: bool = True,
    clock: Clock = SYSTEM_CLOCK,
    default_name: str = "{letter}",
) -> Session:
    """A new workshop; groups without a name are called `default_name` ("Gruppe {letter}").

    Names are cut to MAX_NAME characters (a form's field should not take more).
    """
    if not amg.strip():
        raise ValueError("AMG")
    session = Session(
        amg=clip(amg.strip(), MAX_NAME),
        program=program,
        date=date or dt.date.today(),
        unit=clip(unit.strip(), MAX_NAME),
        facilitator=clip(facilitator.strip(), MAX_NAME),
        language=language,
        variant=variant,
        clock=clock,
        revealed=revealed,
    )
    for name in groups:
        session.add_group(name, default_name)
    return session
