"""The workshop's words in one language: factors, questions, slides and every UI string.

Built in under `content/<lang>/` (Danish from the deck, English a translation); config.toml
can point at the facilitator's own slides and override factor labels.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from amk_tui.config.loader import PACKAGE_FILES
from amk_tui.core.errors import ConfigError
from amk_tui.core.scores import FACTOR_IDS
from amk_tui.core.session import LANGUAGES
from amk_tui.core.text import echo
from amk_tui.files import SLIDE_LIMIT, FileProblem, read_regular

if TYPE_CHECKING:
    from amk_tui.config.loader import Config


class UnknownLanguage(ConfigError, ValueError):
    """No content in that language (also a ValueError: callers that fall back catch that)."""


MAX_SLIDES = 200
"""Slides in a folder: more is surely the wrong folder."""

MODEL_MARKER = "<!-- amk:model -->"
"""A line in a slide where the six-factor hexagon is drawn."""
EXAMPLE_MARKER = "<!-- amk:example -->"
"""A line in a slide where the hexagon is drawn with the content's example line."""
NOTES_MARKER = "???"
"""A line after which a slide's facilitator notes follow."""


@dataclass(frozen=True)
class Factor:
    id: str
    number: int
    short: str
    """Fits a chart label at 80 columns."""
    name: str
    text: str
    """The full wording from the slide."""
    probes: tuple[str, ...] = ()
    """The facilitator's follow-up questions on this factor (console only, not the deck's)."""


@dataclass(frozen=True)
class Question:
    id: str
    text: str
    kind: str = "notes"
    """notes | priorities | more | less: what is recorded under the question."""


@dataclass(frozen=True)
class Slide:
    name: str
    """File stem, e.g. `01-formaal`."""
    title: str
    body: str
    """Markdown after the title (the model marker, if any, left in place)."""
    notes: str = ""

    @property
    def has_model(self) -> bool:
        return MODEL_MARKER in self.body or EXAMPLE_MARKER in self.body


@dataclass(frozen=True)
class Content:
    language: str
    title: str
    factors: tuple[Factor, ...]
    questions: dict[int, tuple[Question, ...]]
    """Dialogue questions per exercise variant (1, 2)."""
    wrapup_heading: str
    wrapup: tuple[Question, ...]
    exercise: dict[str, str]
    slides: tuple[Slide, ...]
    example: tuple[str, tuple[int, ...]] = ("", ())
    """The example line of the model slide: its label and six values (made up, and says so)."""
    strings: dict[str, str] = field(default_factory=dict)
    """Flattened `ui.toml`: `"start.title"` → text."""

    def t(self, key: str, /, **values: object) -> str:
        """The UI string for `key`, with `{name}` fields filled in; the key itself if missing."""
        text = self.strings.get(key, key)
        return text.format(**values) if values else text

    def date(self, day: dt.date | None, empty: str = "–") -> str:
        """A date as the language writes it (`26.11.2026` in Danish, `26/11/2026` in English)."""
        if day is None:
            return empty
        return self.t("date.short", day=day.day, month=day.month, year=day.year)

    def key_labels(self) -> set[str]:
        """The translated labels of amk's actions (`key.*`): what help and palette list."""
        return {text for key, text in self.strings.items() if key.startswith("key.")}

    def factor(self, factor_id: str) -> Factor:
        for f in self.factors:
            if f.id == factor_id:
                return f
        raise KeyError(factor_id)

    def phase_title(self, phase_id: str, title: str = "") -> str:
        return title or self.strings.get(f"phase.{phase_id}", phase_id)

    def round_title(self, round_id: str, title: str = "") -> str:
        return title or self.strings.get(f"round.{round_id}", round_id)

    def all_questions(self) -> dict[str, Question]:
        out = {q.id: q for qs in self.questions.values() for q in qs}
        out.update({q.id: q for q in self.wrapup})
        return out


def _flatten(data: dict[str, Any], prefix: str = "") -> dict[str, str]:
    out: dict[str, str] = {}
    for key, value in data.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            out.update(_flatten(value, name + "."))
        else:
            out[name] = str(value)
    return out


def parse_slide(name: str, text: str) -> Slide:
    text = text.lstrip("\ufeff")
    body, notes = text, ""
    lines = text.splitlines()
    for i, line in enumerate(lines):
        if line.strip() == NOTES_MARKER:
            body, notes = "\n".join(lines[:i]), "\n".join(lines[i + 1 :]).strip()
            break
    title = ""
    rest = body.strip().splitlines()
    if rest and rest[0].startswith("# "):
        title, rest = rest[0][2:].strip(), rest[1:]
    return Slide(name=name, title=title, body="\n".join(rest).strip(), notes=notes)


def _read_slides(folder: Path, source: str) -> tuple[Slide, ...]:
    """Every `.md` in the folder, in file-name order.

    The facilitator's own folder is read through `read_regular`: a folder named `x.md`, a
    FIFO or a device among the slides is a ConfigError naming it, never a hang.
    """
    key = "content.slides_dir"
    try:
        files = sorted(
            (f for f in folder.iterdir() if f.name.endswith(".md")), key=lambda f: f.name
        )
    except OSError as exc:
        raise ConfigError(source, key, f"cannot read the folder ({exc.strerror})") from None
    if len(files) > MAX_SLIDES:
        raise ConfigError(source, key, f"{len(files)} slides, at most {MAX_SLIDES}")
    slides = []
    for f in files:
        try:
            raw = read_regular(f, SLIDE_LIMIT) if isinstance(f, Path) else f.read_bytes()
            slides.append(parse_slide(f.name[:-3], raw.decode("utf-8")))
        except FileProblem as exc:
            raise ConfigError(source, key, f"{f.name} {exc.problem}") from None
        except UnicodeDecodeError as exc:
            problem = f"{f.name} is not UTF-8 text (byte {exc.start})"
            raise ConfigError(source, key, problem) from None
    return tuple(slides)


def _base(language: str) -> Path:
    return PACKAGE_FILES / "content" / language


@cache
def _packaged(language: str) -> tuple[dict[str, Any], dict[str, str], tuple[Slide, ...]]:
    """The package's own content, strings and slides for `language`, read and parsed once a
    process: the command line's words and the app share them. Read-only: `load_content`
    copies what it changes."""
    base = _base(language)
    data = tomllib.loads(base.joinpath("content.toml").read_text("utf-8"))
    strings = _flatten(tomllib.loads(base.joinpath("ui.toml").read_text("utf-8")))
    report = base.joinpath("report.toml")
    if report.is_file():
        strings.update(_flatten(tomllib.loads(report.read_text("utf-8")), "report."))
    return data, strings, _read_slides(base.joinpath("slides"), "amk_tui")


def load_content(
    language: str = "da",
    slides_dir: Path | None = None,
    factor_overrides: dict[str, dict[str, str]] | None = None,
    source: str = "config.toml",
) -> Content:
    if language not in LANGUAGES:
        raise UnknownLanguage(
            source, "language", f"{echo(language)} is not one of {', '.join(LANGUAGES)}"
        )
    data, packaged_strings, packaged_slides = _packaged(language)
    strings = dict(packaged_strings)
    overrides = factor_overrides or {}
    factors = tuple(
        Factor(
            id=f["id"],
            number=int(f["number"]),
            short=overrides.get(f["id"], {}).get("short") or f["short"],
            name=overrides.get(f["id"], {}).get("name") or f["name"],
            text=overrides.get(f["id"], {}).get("text") or f["text"],
            probes=tuple(str(p) for p in f.get("probes", ())),
        )
        for f in data["factors"]
    )
    assert tuple(f.id for f in factors) == FACTOR_IDS, "content factors out of order"
    questions = {
        n: tuple(
            Question(q["id"], q["text"], q.get("kind", "notes"))
            for q in data["questions"][f"variant{n}"]
        )
        for n in (1, 2)
    }
    wrapup = tuple(Question(q["id"], q["text"]) for q in data["wrapup"]["questions"])
    slides = _read_slides(slides_dir, source) if slides_dir else packaged_slides
    return Content(
        language=language,
        title=data.get("title", "amk"),
        factors=factors,
        questions=questions,
        wrapup_heading=data["wrapup"].get("heading", ""),
        wrapup=wrapup,
        exercise={k: str(v) for k, v in data.get("exercise", {}).items()},
        slides=slides,
        example=(
            str(data.get("example", {}).get("label", "")),
            tuple(int(v) for v in data.get("example", {}).get("values", ())),
        ),
        strings=strings,
    )


def content_for(config: Config, language: str | None = None) -> Content:
    """The content a command shows with `config`: its slides folder and factor labels, in
    its language (or `language`). Raises ConfigError.

    Commands load it before they write anything: a bad slide is reported before a session
    file exists, not after.
    """
    return load_content(
        language or config.language,
        slides_dir=config.slides_dir,
        factor_overrides=config.factor_overrides,
        source=config.source,
    )
