"""`amk room --web` in a real browser: headless Chromium (Debian's package) driven by
Playwright for Python, following a real console that runs in tmux.

What is checked (the issue's acceptance): the command prints a 127.0.0.1 address first; the
page shows the slide the console shows and follows PageDown within 1.5 s without a reload;
the group work shows every dialogue question and the big countdown; the comparison is an
SVG chart; no facilitator's slide note ever reaches the page; the page asks for nothing from
anywhere else; another Host gets a 4xx; nothing listens beyond 127.0.0.1 without `--lan`.
And what the back row needs, measured in the browser's layout at 1920×1080 and 1280×720:
the questions ≥ 4 % of the window's height, slide text ≥ 3 %, the group work's countdown
≥ 15 %, nothing scrolling. Screenshots go to `AMK_SCREENSHOTS` when it is set (the README's
pictures: `make screenshots`).
"""

from __future__ import annotations

import http.client
import os
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.conftest import Terminals
from tests.e2e.support import CONTENT, Ui, Workdir, content, workdir
from tests.e2e.tmux import amk_command, clean_environment

pytestmark = [pytest.mark.browser, pytest.mark.e2e]
BROWSER = next(
    (path for name in ("chromium", "chromium-browser") if (path := shutil.which(name))), None
)
if BROWSER is None or shutil.which("tmux") is None:
    pytest.skip(
        "chromium or tmux is not installed here (.ci/run installs both)", allow_module_level=True
    )
playwright = pytest.importorskip("playwright.sync_api")

UI = Ui("da")
FOLLOW = 1.5
"""Seconds the page may take to show what the console shows."""
SIZES = {"1920x1080": (1920, 1080), "1280x720": (1280, 720)}
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class WebRoom:
    """`amk room --web` as a process: its printed lines and its address."""

    def __init__(self, wd: Workdir, *args: str) -> None:
        self.port = free_port()
        argv = amk_command(
            "room", "--web", "--port", str(self.port), "--sessions", wd.sessions,
            "--config", wd.config, *args,
        )  # fmt: skip
        env = {**clean_environment(), "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}
        self.proc = subprocess.Popen(
            argv, cwd=wd.root, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env
        )
        assert self.proc.stdout is not None
        self.first = self.proc.stdout.readline().strip()
        self.url = self.first

    def stop(self) -> str:
        self.proc.terminate()
        try:
            out, err = self.proc.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            out, err = self.proc.communicate()
        return out + err


@pytest.fixture
def wd() -> Iterator[Workdir]:
    with workdir("da") as folder:
        yield folder


@pytest.fixture
def terminals() -> Iterator[Terminals]:
    made = Terminals()
    try:
        yield made
    finally:
        made.close()


@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=BROWSER, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def until(page: Any, script: str, timeout: float = 5.0) -> float:
    """Poll `script` in the page until it is true; the seconds it took. (Playwright's own
    wait_for_function evaluates a string, which the page's Content-Security-Policy refuses.)"""
    started = time.monotonic()
    while not page.evaluate(script):
        if time.monotonic() - started > timeout:
            raise AssertionError(f"not within {timeout} s: {script}")
        time.sleep(0.05)
    return time.monotonic() - started


def shots(name: str, page: Any) -> None:
    folder = os.environ.get("AMK_SCREENSHOTS")
    if folder:
        page.screenshot(path=str(Path(folder) / f"{name}.png"))


def measure(page: Any) -> dict[str, float]:
    """Sizes as fractions of the window's height, and whether anything scrolls."""
    return dict(
        page.evaluate(
            """() => {
            const h = window.innerHeight;
            const size = (sel) => {
              const el = document.querySelector(sel);
              return el ? parseFloat(getComputedStyle(el).fontSize) / h : 0;
            };
            const clock = document.querySelector(".big-clock");
            const main = document.getElementById("main");
            return {
              question: size(".questions li"),
              slide: size(".slide-body p, .slide-body li"),
              qtext: size(".q-text"),
              clock: clock ? clock.getBoundingClientRect().height / h : 0,
              clockFont: size(".big-clock"),
              scrolls: (main.scrollHeight > main.clientHeight + 1 ||
                        document.scrollingElement.scrollHeight > h + 1) ? 1 : 0,
              fit: parseFloat(getComputedStyle(document.documentElement)
                     .getPropertyValue("--fit") || "1"),
            };
        }"""
        )
    )


def test_the_browser_room_follows_the_console_live_and_is_legible_from_the_back_row(
    wd: Workdir, terminals: Terminals, chromium: Any
) -> None:
    console = terminals(wd, 100, 30)
    console.start(amk_command(*wd.new_args(groups=3)))
    console.wait_for(UI("agenda.planned"))
    web = WebRoom(wd)
    try:
        assert web.first.startswith("http://127.0.0.1:"), web.first
        requested: list[str] = []
        page = chromium.new_page(viewport={"width": 1920, "height": 1080})
        page.on("request", lambda request: requested.append(request.url))
        page.goto(web.url)
        page.evaluate("window.amkMarker = 'same page'")  # a reload would lose it
        assert UI("room.waiting_start") in page.inner_text("body")

        sent = time.monotonic()
        console.send("PageDown")
        until(
            page, "document.getElementById('main').innerText.includes('Arbejdsmiljø og Udvikling')"
        )
        assert time.monotonic() - sent < FOLLOW  # the key on the console → the page, no reload
        assert page.evaluate("window.amkMarker") == "same page"
        assert page.inner_text("#subtitle") == "1 / 10"

        notes = []  # every slide's facilitator notes: never on the page
        for slide in sorted((CONTENT / "da" / "slides").glob("*.md")):
            text = slide.read_text("utf-8")
            if "???" in text:
                notes += [line for line in text.split("???", 1)[1].splitlines() if len(line) > 12]
        for n in range(2, 11):
            console.send("PageDown")
            until(page, f"document.getElementById('subtitle').innerText === '{n} / 10'")
            body = page.inner_text("body")
            assert not [line for line in notes if line.strip() in body]
            if n == 6:  # the six factors: the hexagon beside the text, as SVG
                assert page.locator(".model svg").count() == 1
                for name, (w, h) in SIZES.items():
                    page.set_viewport_size({"width": w, "height": h})
                    sizes = measure(page)
                    assert sizes["slide"] >= 0.03, (name, sizes)
                    assert not sizes["scrolls"], (name, sizes)
                    shots(f"web-room-slide-{name}", page)
                page.set_viewport_size({"width": 1920, "height": 1080})

        console.send("PageDown")  # the group work
        page.wait_for_selector(".groupwork", timeout=5000)
        questions = [q["text"] for q in content("da")["questions"]["variant1"]]
        listed = page.locator(".questions li").all_inner_texts()
        assert listed == questions
        for name, (w, h) in SIZES.items():
            page.set_viewport_size({"width": w, "height": h})
            page.wait_for_timeout(300)
            sizes = measure(page)
            assert sizes["question"] >= 0.04, (name, sizes)
            assert sizes["clock"] >= 0.15, (name, sizes)
            assert not sizes["scrolls"], (name, sizes)
            shots(f"web-room-groupwork-{name}", page)
        clock = page.inner_text(".big-clock")
        assert clock.startswith("24:") or clock == "25:00", clock

        console.send("Space")  # paused: the page's countdown stands still
        page.wait_for_selector(".big-clock.paused", timeout=5000)
        held = page.inner_text(".big-clock")
        page.wait_for_timeout(1500)
        assert page.inner_text(".big-clock") == held

        console.type("3454324342")  # two groups' scores, then Opsamling's comparison
        console.press("Escape", "a", "3")
        page.wait_for_selector(".comparison svg", timeout=5000)
        assert page.locator(".comparison svg polygon, .comparison svg path").count() > 0
        assert "Lavest" in page.inner_text(".insights")
        page.set_viewport_size({"width": 1920, "height": 1080})
        shots("web-room-comparison-1920x1080", page)

        console.press("v")  # the mean only: the room shows what the console chose
        until(page, "!document.querySelector('.comparison svg').textContent.includes('A (')")
        assert page.evaluate("window.amkMarker") == "same page"
        base = web.url.rstrip("/")
        outside = [url for url in requested if not url.startswith(base)]
        assert outside == [], outside
        page.close()
    finally:
        said = web.stop()
    assert "Traceback" not in said


def test_the_web_room_refuses_another_host_and_listens_on_loopback_only(wd: Workdir) -> None:
    wd.sessions.mkdir(parents=True, exist_ok=True)
    web = WebRoom(wd)
    try:
        assert web.first == f"http://127.0.0.1:{web.port}/"

        def get(path: str, host: str, method: str = "GET") -> int:
            conn = http.client.HTTPConnection("127.0.0.1", web.port, timeout=5)
            conn.request(method, path, headers={"Host": host})
            status = conn.getresponse().status
            conn.close()
            return status

        ok = f"127.0.0.1:{web.port}"
        assert get("/", ok) == 200
        assert get("/", f"localhost:{web.port}") == 200
        assert 400 <= get("/", f"evil.example:{web.port}") < 500  # DNS rebinding
        assert 400 <= get("/", f"192.168.1.9:{web.port}") < 500  # not a loopback address
        assert 400 <= get("/", "127.0.0.1:1") < 500
        assert get("/nothing", ok) == 404
        assert get("/", ok, "POST") == 405
        conn = http.client.HTTPConnection("127.0.0.1", web.port, timeout=5)
        conn.request("GET", "/", headers={"Host": ok})
        response = conn.getresponse()
        csp = response.getheader("Content-Security-Policy") or ""
        assert "default-src 'none'" in csp and "script-src 'self'" in csp
        conn.close()
        for address in _other_addresses():
            with socket.socket() as s, pytest.raises(OSError):
                s.settimeout(2)
                s.connect((address, web.port))
    finally:
        web.stop()


def test_lan_needs_the_key_in_every_request(wd: Workdir) -> None:
    wd.sessions.mkdir(parents=True, exist_ok=True)
    web = WebRoom(wd, "--lan")
    try:
        assert "?k=" in web.first, web.first
        key = web.first.split("?k=", 1)[1]
        host = f"127.0.0.1:{web.port}"

        def get(path: str) -> int:
            conn = http.client.HTTPConnection("127.0.0.1", web.port, timeout=5)
            conn.request("GET", path, headers={"Host": host})
            status = conn.getresponse().status
            conn.close()
            return status

        assert get(f"/?k={key}") == 200
        assert get(f"/room.css?k={key}") == 200
        assert get("/") == 403
        assert get("/?k=wrong") == 403
        assert get("/events") == 403
    finally:
        web.stop()


def _other_addresses() -> list[str]:
    """This machine's addresses that are not loopback (where nothing may listen)."""
    found: set[str] = set()
    try:
        out = subprocess.run(["hostname", "-I"], capture_output=True, text=True, timeout=5).stdout
        found.update(a for a in out.split() if ":" not in a)
    except (OSError, subprocess.SubprocessError):
        pass
    return sorted(a for a in found if not a.startswith("127."))
