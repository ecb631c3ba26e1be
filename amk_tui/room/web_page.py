"""The browser room's page: the first picture is in the page itself, the rest comes live.

The page links only to itself (its stylesheet, its script and its event stream, each with
the `--lan` key when there is one); everything else is inline SVG and text.
"""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import Any

from amk_tui.room.web_render import to_json

STATIC = ("room.css", "room.js")
"""The page's own files, served from `amk_tui/room/static`."""
TYPES = {"room.css": "text/css; charset=utf-8", "room.js": "text/javascript; charset=utf-8"}


def static_file(name: str) -> bytes:
    return (Path(__file__).resolve().parent / "static" / name).read_bytes()


def page(payload: dict[str, Any], clock_text: str, title: str, query: str) -> str:
    """The whole page with `payload` (a `WebPicture.payload`) drawn in it."""
    kind = payload["kind"]
    idle = kind in ("waiting", "start")
    classes = [f"kind-{kind}"]
    if payload["blank"]:
        classes.append("blank")
    if idle:
        classes.append("idle")
    if payload["timer"] is None:
        classes.append("no-timer")
    html = payload["html"].replace("data-clock></div>", f"data-clock>{clock_text}</div>", 1)
    q = escape(query, quote=True)
    return (
        "<!doctype html>"
        f'<html lang="{escape(payload["lang"], quote=True)}" data-theme="dark">'
        '<head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta name="referrer" content="no-referrer">'
        f"<title>{escape(title)}</title>"
        f'<link rel="stylesheet" href="/room.css{q}">'
        f'<script src="/room.js{q}" defer></script></head>'
        f'<body class="{" ".join(classes)}">'
        '<header><div class="titles">'
        f'<h1 id="title">{escape(payload["title"])}</h1>'
        f'<p id="subtitle">{escape(payload["subtitle"])}</p></div>'
        f'<div id="clock" class="clock" data-clock>{clock_text}</div></header>'
        f'<main id="main">{html}</main>'
        f'<footer id="notice">{escape(payload["notice"])}</footer>'
        f'<script type="application/json" id="first">{to_json(payload)}</script>'
        "</body></html>"
    )
