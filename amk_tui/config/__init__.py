"""What the facilitator chooses: config.toml (program, language, timer) and the content files.

| file | read by | holds |
|---|---|---|
| `--config PATH` / `./config.toml` / built-in | `loader.py` | language, folder, timer, program |
| `content/<lang>/content.toml` | `content.py` | factors, questions, wrap-up |
| `content/<lang>/ui.toml` | `content.py` | every string the screens show |
| `content/<lang>/slides/*.md` (or `[content] slides_dir`) | `content.py` | the slides |
"""

from amk_tui.config.content import Content, Factor, Question, Slide, content_for, load_content
from amk_tui.config.loader import Config, load_config

__all__ = [
    "Config",
    "Content",
    "Factor",
    "Question",
    "Slide",
    "content_for",
    "load_config",
    "load_content",
]
