"""`amk room --web` beside the console: key → the browser's page, a new tab's first picture,
and the server's CPU with five tabs open while a countdown runs.

The console (`amk new`) runs in a pty; `amk room --web` runs as a process on the same
sessions folder; headless Chromium (Debian's, driven by Playwright) opens the page.
- **key → page**: a MutationObserver in the page notes `Date.now()` when the slide's number
  changes; the sample is that moment minus the wall-clock moment PageDown was written to the
  console's pty (one clock for both: the same machine).
- **first picture**: a new tab's first contentful paint (the browser's own Paint Timing),
  measured from the navigation's start; the page carries its first picture.
- **CPU**: the web room's process over a window, five tabs open on the group work while its
  countdown runs (the pages tick by themselves; the server only looks at the file).
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from benchmarks.ptyproc import CLK_TCK, PtyProcess, pump

REPO = Path(__file__).resolve().parents[1]
PAGE_DOWN = b"\x1b[6~"
AGENDA_MARKER = "PageDown for at starte"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
OBSERVE = """() => {
  window.amkChanges = [];
  new MutationObserver(() => window.amkChanges.push(
      [Date.now(), document.getElementById('subtitle').textContent]))
    .observe(document.getElementById('subtitle'), {childList: true, characterData: true,
                                                   subtree: true});
}"""


class WebBenchError(RuntimeError):
    """Something did not show what it should (the figure would be meaningless)."""


@dataclass
class WebResult:
    follow: list[float] = field(default_factory=list)
    """Seconds from PageDown on the console to the page's new slide number."""
    first_paint: list[float] = field(default_factory=list)
    """Seconds from a new tab's navigation to its first contentful paint."""
    cpu: list[float] = field(default_factory=list)
    """The web room's CPU (% of a core) per slice, five tabs open, a countdown running."""
    skipped: str = ""
    """Why nothing was measured (no Chromium or Playwright here), else empty."""


def _amk(*args: str | Path) -> list[str]:
    return [sys.executable, "-m", "amk_tui", *(str(a) for a in args)]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLK_TCK


def run(tabs: int = 5, paints: int = 10, cpu_window: float = 30.0, slices: int = 6) -> WebResult:
    result = WebResult()
    browser_path = shutil.which("chromium") or shutil.which("chromium-browser")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        result.skipped = "Playwright is not installed"
        return result
    if browser_path is None:
        result.skipped = "chromium is not installed"
        return result
    folder = Path(tempfile.mkdtemp(prefix="amk-bench-web-"))
    sessions, config = folder / "s", REPO / "config.toml"
    console: PtyProcess | None = None
    web: subprocess.Popen[str] | None = None
    try:
        console = PtyProcess(
            _amk("new", "--amg", "Bench AMG", "--groups", "3", "--sessions", sessions,
                 "--config", config),
            100, 30, folder,
        )  # fmt: skip
        if console.wait_for([AGENDA_MARKER], timeout=30) is None:
            raise WebBenchError(f"console: no agenda: {console.output[-300:]!r}")
        port = _free_port()
        web = subprocess.Popen(
            _amk("room", "--web", "--port", str(port), "--sessions", sessions, "--config", config),
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        assert web.stdout is not None
        url = web.stdout.readline().strip()
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=browser_path, args=CHROMIUM_ARGS)
            try:
                _measure(browser, url, console, web.pid, result, tabs, paints, cpu_window, slices)
            finally:
                browser.close()
        return result
    finally:
        if web is not None:
            web.terminate()
            web.wait(timeout=10)
        if console is not None:
            console.close()
        shutil.rmtree(folder, ignore_errors=True)


def _measure(
    browser: Any,
    url: str,
    console: PtyProcess,
    pid: int,
    result: WebResult,
    tabs: int,
    paints: int,
    cpu_window: float,
    slices: int,
) -> None:
    page = browser.new_page(viewport={"width": 1920, "height": 1080})
    page.goto(url)
    page.evaluate(OBSERVE)
    for n in range(1, 11):  # the ten slides of the Oplæg
        before = len(page.evaluate("window.amkChanges"))
        sent = time.time()
        console.send(PAGE_DOWN)
        deadline = time.monotonic() + 10
        while True:
            changes = page.evaluate("window.amkChanges")
            done = [c for c in changes[before:] if c[1] == f"{n} / 10"]
            if done:
                result.follow.append(done[0][0] / 1000 - sent)
                break
            if time.monotonic() > deadline:
                raise WebBenchError(f"the page never showed slide {n}")
            pump([console], 0.01)
        pump([console], 0.3)
    for _ in range(paints):
        tab = browser.new_page(viewport={"width": 1920, "height": 1080})
        tab.goto(url, wait_until="load")
        tab.wait_for_timeout(100)
        paint = tab.evaluate(
            "() => (performance.getEntriesByName('first-contentful-paint')[0] || {}).startTime"
        )
        if paint:
            result.first_paint.append(float(paint) / 1000)
        tab.close()
    console.send(PAGE_DOWN)  # the group work: a countdown runs
    pump([console], 1.0)
    opened = [browser.new_page(viewport={"width": 1280, "height": 720}) for _ in range(tabs)]
    for tab in opened:
        tab.goto(url)
    pump([console], 2.0)
    step = cpu_window / slices
    last, tick = _cpu_seconds(pid), time.perf_counter()
    for _ in range(slices):
        pump([console], step)
        now, cpu = time.perf_counter(), _cpu_seconds(pid)
        result.cpu.append(100 * (cpu - last) / (now - tick))
        last, tick = cpu, now
    for tab in opened:
        tab.close()
    page.close()
