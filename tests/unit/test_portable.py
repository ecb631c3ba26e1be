"""Portable by construction: every module of amk imports with `fcntl` and `termios`
unavailable (as on Windows), and the store saves, loads and locks on the fallback path.

CI runs on Linux only; this test runs the import of every module, and the store, in a
subprocess where `fcntl`, `termios` and `msvcrt` cannot be imported (`oslock`'s third
path: locks are granted). The Windows path itself (`msvcrt.locking`) is not run here.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
BLOCK = "import sys\nfor name in ('fcntl', 'termios', 'msvcrt'):\n    sys.modules[name] = None\n"


def run(code: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", BLOCK + textwrap.dedent(code)],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=120,
        env={"PYTHONPATH": str(REPO), "HOME": str(tmp_path), "PATH": "/usr/bin:/bin"},
    )


def test_every_module_imports_without_fcntl_and_termios(tmp_path: Path) -> None:
    done = run(
        """
        import importlib, pkgutil
        import amk_tui
        failed = []
        every = pkgutil.walk_packages(amk_tui.__path__, "amk_tui.")
        names = [m.name for m in every if m.name != "amk_tui.__main__"]  # (it runs amk)
        for name in names:
            try:
                importlib.import_module(name)
            except Exception as exc:
                failed.append(f"{name}: {exc!r}")
        print(len(names))
        print("\\n".join(failed))
        """,
        tmp_path,
    )
    assert done.returncode == 0, done.stderr
    count, *failed = done.stdout.strip().splitlines()
    assert int(count) > 100
    assert failed == []


def test_the_store_saves_loads_and_locks_on_the_fallback_path(tmp_path: Path) -> None:
    done = run(
        f"""
        from pathlib import Path
        from amk_tui import oslock
        from amk_tui.config import load_config
        from amk_tui.core.setup import new_session
        from amk_tui.keeper import Keeper
        from amk_tui.room.presence import console_alive
        from amk_tui.store import SessionStore
        assert oslock.KIND == "none", oslock.KIND
        store = SessionStore(Path({str(tmp_path / "s")!r}))
        session = new_session("AMG Windows", load_config(None).program, groups=["A"])
        path = store.create(session)
        keeper = Keeper.open(store, path)
        assert not keeper.view_only
        session.groups[0].set_score("viden", 5)
        assert keeper.save(session) is None
        assert store.load(path).groups[0].scores == {{"viden": 5}}
        assert store.lock(path) is not None  # granted: no locks on this path
        console_alive(path)
        keeper.release()
        print("ok")
        """,
        tmp_path,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"


def test_every_module_imports_on_its_own(tmp_path: Path) -> None:
    """Each module first, in a fresh set of amk's modules: no import cycle that works only
    in one order (`chart_bars` could not be imported before `charts`)."""
    done = run(
        """
        import importlib, pkgutil, sys
        import amk_tui
        every = pkgutil.walk_packages(amk_tui.__path__, "amk_tui.")
        names = [m.name for m in every if m.name != "amk_tui.__main__"]
        failed = []
        for name in names:
            for loaded in [k for k in sys.modules if k.startswith("amk_tui")]:
                del sys.modules[loaded]
            try:
                importlib.import_module(name)
            except Exception as exc:
                failed.append(f"{name}: {exc!r}")
        print("\\n".join(failed))
        """,
        tmp_path,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == ""
