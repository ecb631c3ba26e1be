"""`amk room --web`: the room as a web page, served from the standard library.

- **Following**: one thread looks through a `RoomWatch` (the same as the terminal room's)
  five times a second and, when the picture changed, renders the scene to HTML once and
  hands it to the `Hub`; every open tab gets it through Server-Sent Events. Nothing is sent
  while the time runs: the page ticks the countdown from the time it was sent.
- **Safe by default**: GET only; it listens on 127.0.0.1 unless `--lan`; a request whose
  Host is not an IP address or `localhost` (a page elsewhere reading the groups' answers by
  DNS rebinding) is refused; with `--lan` every request must carry the random key of the
  printed address; a Content-Security-Policy lets the page load nothing but its own files.

Why the standard library (`http.server` + SSE) and not a framework or textual-serve: the
page is a handful of GET routes and one event stream; no dependency, no process per tab, DOM
text that a test can read (see the README).
"""

from __future__ import annotations

import contextlib
import hmac
import ipaddress
import os
import secrets
import socket
import threading
from collections.abc import Callable
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from amk_tui.oslock import NOFOLLOW
from amk_tui.room.web_page import STATIC, TYPES, page, static_file
from amk_tui.room.web_render import WebPicture, to_json

POLL = 0.2
"""Seconds between two looks at the session file."""
KEEPALIVE = 25.0
"""Seconds of silence after which an event stream gets a comment (a closed tab is noticed)."""
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)
"""The page may load its own stylesheet, script and event stream, and nothing else."""
HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
    "X-Frame-Options": "DENY",
}


class Hub:
    """The current picture, and the tabs waiting for the next one."""

    def __init__(self, now: Callable[[], float]) -> None:
        self._now = now
        self._changed = threading.Condition()
        self.version = 0
        self.picture: WebPicture | None = None
        self.closed = False

    def publish(self, picture: WebPicture) -> None:
        with self._changed:
            self.picture = picture
            self.version += 1
            self._changed.notify_all()

    def close(self) -> None:
        with self._changed:
            self.closed = True
            self._changed.notify_all()

    def payload(self) -> tuple[int, str]:
        """The current picture as the page receives it (its countdown read now)."""
        with self._changed:
            picture, version = self.picture, self.version
        if picture is None:
            return version, ""
        return version, to_json(picture.payload(self._now(), version))

    def wait(self, seen: int, timeout: float) -> bool:
        """Wait until a picture newer than `seen` (True) or the timeout (False)."""
        with self._changed:
            if self.version == seen and not self.closed:
                self._changed.wait(timeout)
            return self.version != seen


class RoomServer(ThreadingHTTPServer):
    """The web room's HTTP server (a thread per request; event streams are long requests)."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(
        self, address: tuple[str, int], hub: Hub, *, key: str, title: str, lan: bool
    ) -> None:
        super().__init__(address, RoomHandler)
        self.hub = hub
        self.key = key
        """With `--lan`: every request carries it (`?k=`); empty on 127.0.0.1."""
        self.title = title
        self.lan = lan
        self.port = self.server_address[1]

    def host_allowed(self, host: str | None) -> bool:
        """Host is this server's port at an IP address (on 127.0.0.1: a loopback one) or
        `localhost`: never a name that could be re-pointed at this laptop."""
        if not host:
            return False
        name, _, port = host.rpartition(":") if not host.endswith("]") else (host, "", "")
        if not name or port != str(self.port):
            return False
        name = name.strip("[]").lower()
        if name == "localhost":
            return True
        try:
            address = ipaddress.ip_address(name)
        except ValueError:
            return False
        return self.lan or address.is_loopback

    def key_ok(self, query: str) -> bool:
        if not self.key:
            return True
        given = parse_qs(query).get("k", [""])[0]
        return hmac.compare_digest(given.encode(), self.key.encode())


class RoomHandler(BaseHTTPRequestHandler):
    """GET /, /room.css, /room.js, /events; everything else is refused."""

    server: RoomServer
    server_version = "amk-room"
    sys_version = ""

    def do_GET(self) -> None:
        if not self.server.host_allowed(self.headers.get("Host")):
            self._say(HTTPStatus.MISDIRECTED_REQUEST, "unknown host")
            return
        url = urlsplit(self.path)
        if not self.server.key_ok(url.query):
            self._say(HTTPStatus.FORBIDDEN, "forbidden")
            return
        if url.path == "/":
            self._page(url.query)
        elif url.path.lstrip("/") in STATIC:
            name = url.path.lstrip("/")
            self._send(HTTPStatus.OK, TYPES[name], static_file(name))
        elif url.path == "/events":
            self._events()
        else:
            self._say(HTTPStatus.NOT_FOUND, "not found")

    def _refuse(self) -> None:
        self._say(HTTPStatus.METHOD_NOT_ALLOWED, "GET only")

    do_POST = do_PUT = do_DELETE = do_PATCH = do_HEAD = do_OPTIONS = _refuse

    def _page(self, query: str) -> None:
        hub = self.server.hub
        _, data = hub.payload()
        if not data:
            self._say(HTTPStatus.SERVICE_UNAVAILABLE, "starting")
            return
        import json

        payload = json.loads(data)
        clock = ""
        if payload["timer"] is not None:
            from amk_tui.core.countdown import format_clock

            clock = format_clock(payload["timer"]["remaining"])
        body = page(payload, clock, self.server.title, f"?{query}" if query else "")
        self._send(HTTPStatus.OK, "text/html; charset=utf-8", body.encode("utf-8"))

    def _events(self) -> None:
        """The event stream: the current picture at once, then each new one."""
        hub = self.server.hub
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream; charset=utf-8")
        for name, value in HEADERS.items():
            self.send_header(name, value)
        self.end_headers()
        seen = -1
        try:
            self.wfile.write(b"retry: 1000\n\n")
            while not hub.closed:
                version, data = hub.payload()
                if version != seen and data:
                    self.wfile.write(f"id: {version}\ndata: {data}\n\n".encode())
                    seen = version
                else:
                    self.wfile.write(b": \n\n")
                self.wfile.flush()
                hub.wait(seen, KEEPALIVE)
        except OSError:  # the tab was closed (broken pipe, reset)
            return

    def _send(self, status: HTTPStatus, kind: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        for name, value in HEADERS.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def _say(self, status: HTTPStatus, text: str) -> None:
        self._send(status, "text/plain; charset=utf-8", f"{status.value} {text}\n".encode())

    def log_message(self, format: str, *args: object) -> None:
        """Requests are not logged (the room's screen and the terminal stay quiet)."""


def lan_address() -> str:
    """This laptop's address on its network (no packet is sent), else 127.0.0.1."""
    with contextlib.suppress(OSError), socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        s.connect(("10.255.255.255", 1))
        address = str(s.getsockname()[0])
        if address and not address.startswith("0."):
            return address
    return "127.0.0.1"


def new_key() -> str:
    return secrets.token_urlsafe(12)


def note_url(path: Path | None, url: str) -> None:
    """Leave the address beside the session (mode 0600) for the console's presenter panel."""
    if path is None:
        return
    from amk_tui.room.presence import web_note_path

    note = web_note_path(path)
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | NOFOLLOW
    with contextlib.suppress(OSError):
        fd = os.open(note, flags, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(url + "\n")


def drop_note(path: Path | None) -> None:
    if path is None:
        return
    from amk_tui.room.presence import web_note_path

    with contextlib.suppress(OSError):
        web_note_path(path).unlink()
