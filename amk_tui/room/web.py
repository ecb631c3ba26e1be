"""Running the browser room: follow the folder, render each new scene once, serve it.

`WebRoom` ties a `RoomWatch` (what the room follows, the same as the terminal room's) to the
`Hub` the server's tabs read; `serve()` is `amk room --web`: it prints the address as the
first line of its output, then serves until Ctrl+C.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from amk_tui.config import Config
from amk_tui.core.clock import SYSTEM_CLOCK, Clock
from amk_tui.core.errors import said
from amk_tui.room.watch import RoomWatch
from amk_tui.room.web_render import WebPicture, picture
from amk_tui.room.web_server import (
    POLL,
    Hub,
    RoomServer,
    drop_note,
    lan_address,
    new_key,
    note_url,
)
from amk_tui.views.context import ViewContext

DEFAULT_PORT = 8765


def render(watch: RoomWatch) -> WebPicture:
    """The web picture of what the watch follows now."""
    scene = watch.scene()
    session = watch.session
    ctx = None
    if session is not None:
        ctx = ViewContext(
            scene,
            session,
            watch.content,
            readonly=True,
            room=True,
            previous=watch.previous,
            values_visible=scene.revealed,
        )
    notice = watch.content.t("room.waiting") if session is None or watch.console_gone else ""
    return picture(scene, ctx, notice)


class WebRoom:
    """The watch, the hub and the thread that looks (`start`/`stop`)."""

    def __init__(
        self, config: Config, folder: Path, path: Path | None, *, clock: Clock = SYSTEM_CLOCK
    ) -> None:
        self.watch = RoomWatch(config, folder, path, clock=clock)
        self.hub = Hub(clock.monotonic)
        self.url = ""
        """The address shown to the console (beside the session followed)."""
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._noted: Path | None = None

    def look(self) -> bool:
        """One look; a new picture for the tabs when it changed (True)."""
        changed = self.watch.look()
        if changed:
            self.hub.publish(render(self.watch))
            self._note()
        return changed

    def start(self) -> None:
        self.watch.start()
        self.hub.publish(render(self.watch))
        self._note()
        self._thread = threading.Thread(target=self._run, name="amk-room-look", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.wait(POLL):
            self.look()

    def _note(self) -> None:
        """The console's presenter panel says where the web room is (the followed file)."""
        if self.watch.path != self._noted:
            drop_note(self._noted)
            self._noted = self.watch.path
        if self.url:
            note_url(self._noted, self.url)

    def stop(self) -> None:
        self._stop.set()
        self.hub.close()
        if self._thread is not None:
            self._thread.join(timeout=2)
        drop_note(self._noted)
        self.watch.release()


def serve(
    config: Config,
    folder: Path,
    path: Path | None,
    *,
    port: int | None = None,
    lan: bool = False,
    out: TextIO | None = None,
    ready: Callable[[RoomServer], None] | None = None,
) -> int:
    """`amk room --web`: serve until Ctrl+C. The address is the first line printed."""
    out = out or sys.stdout
    room = WebRoom(config, folder, path)
    words = room.watch.content
    key = new_key() if lan else ""
    host = "0.0.0.0" if lan else "127.0.0.1"
    try:
        server = _bind(host, port, room, key, words.t("room.title"), lan)
    except OSError:
        raise said("port_taken", f"port {port} is taken", port=port) from None
    shown = lan_address() if lan else "127.0.0.1"
    room.url = f"http://{shown}:{server.port}/" + (f"?k={key}" if key else "")
    print(room.url, file=out, flush=True)
    print(words.t("room_web.serving"), file=out, flush=True)
    room.start()
    if ready is not None:
        ready(server)
    try:
        server.serve_forever(poll_interval=0.5)
    except KeyboardInterrupt:
        print(words.t("room_web.stopped"), file=out, flush=True)
    finally:
        room.stop()
        server.server_close()
    return 0


def _bind(
    host: str, port: int | None, room: WebRoom, key: str, title: str, lan: bool
) -> RoomServer:
    """The server on `port`, or on the default port (the next free one if it is taken)."""
    candidates = [port] if port is not None else [DEFAULT_PORT + n for n in range(10)] + [0]
    for n, candidate in enumerate(candidates):
        try:
            return RoomServer((host, candidate), room.hub, key=key, title=title, lan=lan)
        except OSError:
            if port is not None or n == len(candidates) - 1:
                raise
    raise AssertionError("unreachable")
