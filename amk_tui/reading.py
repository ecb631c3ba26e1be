"""A progress line while a listing reads many files it had no cache for (Rich, on stderr).

The first `amk list` of a folder with years of workshops reads every file once (thousands:
several seconds); after that the listing cache answers. Only a terminal sees the line, and
only when at least `FROM` files are read; it is gone when the listing is printed.
"""

from __future__ import annotations

import sys
from types import TracebackType

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

FROM = 300
"""Files to read from which a progress line is shown."""


class ReadingLine:
    """Use as `with ReadingLine(label) as tell: store.summaries(tell)`."""

    def __init__(self, label: str) -> None:
        self.label = label
        self._progress: Progress | None = None
        self._task = 0

    def __enter__(self) -> ReadingLine:
        return self

    def __call__(self, done: int, total: int) -> None:
        if total < FROM or not sys.stderr.isatty():
            return
        if self._progress is None:
            console = Console(stderr=True, highlight=False)
            self._progress = Progress(
                TextColumn(self.label),
                BarColumn(),
                MofNCompleteColumn(),
                console=console,
                transient=True,
            )
            self._progress.start()
            self._task = self._progress.add_task("", total=total)
        self._progress.update(self._task, completed=done)  # type: ignore[arg-type]

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if self._progress is not None:
            self._progress.stop()
