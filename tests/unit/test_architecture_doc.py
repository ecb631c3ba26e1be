"""docs/ARCHITECTURE.md stays true: every package and module it names exists."""

from __future__ import annotations

import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def test_every_path_the_architecture_names_exists() -> None:
    text = (REPO / "docs" / "ARCHITECTURE.md").read_text("utf-8")
    named = set(re.findall(r"`((?:amk_tui|tests|docs)/[\w/.]+|[\w]+/[\w]+\.py)`", text))
    assert len(named) >= 10
    missing = []
    for name in sorted(named):
        candidates = [REPO / name, REPO / "amk_tui" / name]
        if not any(c.exists() for c in candidates):
            missing.append(name)
    assert missing == [], f"docs/ARCHITECTURE.md names what does not exist: {missing}"
