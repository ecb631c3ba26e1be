"""Write the README's pictures (docs/*.svg) from the demo workshop, with the clock frozen.

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
SHOTS = [
    # (file, language, step, keys, size)
    ("exercise.svg", "da", 1, (), (140, 40)),
    ("slide-model.svg", "da", 0, ("n",) * 5, (120, 36)),
    ("dialogue.svg", "en", 2, (), (120, 32)),
]


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


if __name__ == "__main__":
    asyncio.run(main())
