"""The same scores draw byte-identical screens whatever PYTHONHASHSEED is (DESIGN §6).

plotext de-duplicates points through a set; amk_tui.charts makes that order-preserving. This
renders the scoring screen in fresh processes with different hash seeds and compares the SVG.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
ALT_CONFIG = REPO / "tests" / "data" / "config" / "vurder-droeft.toml"
"""The alternative program: its step 1 is the score round, grid and chart side by side."""
SCRIPT = """
import asyncio, hashlib, sys, tempfile
from pathlib import Path
from amk_tui.app import AmkApp
from amk_tui.config import load_config
from amk_tui.core.clock import FakeClock
from amk_tui.core.demo import demo_session
from amk_tui.store import SessionStore

async def main() -> None:
    clock = FakeClock()
    config = load_config(Path(sys.argv[1]))
    with tempfile.TemporaryDirectory() as folder:
        store = SessionStore(Path(folder), clock=clock)
        session = demo_session(config.program, clock=clock)
        path = store.create(session)
        session.agenda.go(1)
        app = AmkApp(config, store, session=session, path=path, clock=clock)
        async with app.run_test(size=(120, 36)) as pilot:
            await pilot.press("c")  # the bars view too
            await pilot.pause()
            bars = app.export_screenshot()
            await pilot.press("c")
            await pilot.pause()
            radar = app.export_screenshot()
    digest = hashlib.sha256((radar + bars).encode()).hexdigest()
    print(digest)

asyncio.run(main())
"""


def render(seed: str) -> str:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(ALT_CONFIG)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=True,
    )
    return result.stdout.strip()


def test_the_charts_render_identically_under_different_hash_seeds() -> None:
    digests = {seed: render(seed) for seed in ("0", "1", "2", "12345")}
    assert len(set(digests.values())) == 1, digests
