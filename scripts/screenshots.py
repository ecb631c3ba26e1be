"""Write the README's pictures (docs/*.svg) from the demo workshop in the default program
(the deck's: Oplæg → Dialogøvelse → Opsamling), with the clock frozen.

Run with `make screenshots`.
"""

from __future__ import annotations

import asyncio
import tempfile
from pathlib import Path

from amk_tui.app import AmkApp
from amk_tui.config import load_config
from amk_tui.core.clock import FakeClock
from amk_tui.core.demo import demo_session
from amk_tui.store import SessionStore

ROOT = Path(__file__).resolve().parents[1]
OPLAEG, DIALOG, OPSAMLING = 0, 1, 2
"""The steps of the default program."""
SHOTS = [
    # (file, language, step, keys, size)
    ("groupwork.svg", "da", DIALOG, (), (140, 40)),
    ("comparison.svg", "da", OPSAMLING, (), (140, 40)),
    ("slide-model.svg", "da", OPLAEG, ("n",) * 5, (120, 36)),
    ("discuss.svg", "da", OPSAMLING, ("pagedown",) * 2, (140, 40)),
    ("question.svg", "en", OPSAMLING, ("pagedown",) * 3, (120, 32)),
]
STALE = ("exercise.svg", "dialogue.svg")
"""Pictures of the old program (Vurdér + Drøft), removed when the new ones are written."""


async def shoot(
    name: str, language: str, step: int, keys: tuple[str, ...], size: tuple[int, int]
) -> None:
    clock = FakeClock()
    config = load_config(ROOT / "config.toml")
    with tempfile.TemporaryDirectory() as folder:
        store = SessionStore(Path(folder), clock=clock)
        session = demo_session(config.program, language, clock=clock)
        path = store.create(session)
        session.agenda.go(step)
        clock.advance(200)
        app = AmkApp(config, store, session=session, path=path, clock=clock)
        async with app.run_test(size=size) as pilot:
            await pilot.press(*keys)
            await pilot.pause()
            app.save_screenshot(str(ROOT / "docs" / name))
    print(f"wrote docs/{name}")


async def main() -> None:
    (ROOT / "docs").mkdir(exist_ok=True)
    for shot in SHOTS:
        await shoot(*shot)
    for name in STALE:
        (ROOT / "docs" / name).unlink(missing_ok=True)


if __name__ == "__main__":
    asyncio.run(main())
