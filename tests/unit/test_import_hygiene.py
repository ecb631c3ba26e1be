"""The core, config and store load without Textual (DESIGN §2)."""

from __future__ import annotations

import json
import subprocess
import sys


def test_core_config_and_store_do_not_import_ui_libraries() -> None:
    code = (
        "import json, sys\n"
        "import amk_tui.core.countdown, amk_tui.core.program, amk_tui.core.scores\n"
        "import amk_tui.core.session, amk_tui.core.radar\n"
        "import amk_tui.config, amk_tui.store\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('textual', 'rich', 'plotext', 'textual_plotext'))))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert json.loads(out) == []


def test_the_check_itself_sees_textual_when_it_is_imported() -> None:
    code = "import sys, amk_tui.app; print('textual' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "True"
