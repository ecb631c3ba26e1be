"""What every amk screen shares: typed access to the app and translated key labels."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, Generic, TypeVar

from textual import events, on
from textual.screen import Screen

from amk_tui import keys

if TYPE_CHECKING:
    from amk_tui.app import AmkApp
    from amk_tui.config import Content
    from amk_tui.core.session import Session

ResultType = TypeVar("ResultType")


class AmkScreen(Screen[ResultType], Generic[ResultType]):
    """A screen of the amk app."""

    OFFERS_AGENDA: ClassVar[bool] = True
    """`a` may open the agenda over this screen (when nothing else is open on top of it)."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        keys.localize(self, self.amk.content.t)

    @on(events.Mount)
    def _localize_widgets(self) -> None:
        """Widgets declare their keys with label keys too; translate them once mounted."""
        for node in self.walk_children():
            keys.localize(node, self.amk.content.t)

    def compact_fields(self, below_rows: int = 34) -> None:
        """On a short window, inputs and selects lose their borders so a form fits."""
        from textual.widgets import Input, Select

        if self.app.size.height < below_rows:
            for field in self.query(Input):
                field.compact = True
            for select in self.query(Select):
                select.compact = True

    def flush_edits(self) -> None:
        """Take into the session what a field shows but has not reported yet (before leaving)."""

    @property
    def amk(self) -> AmkApp:
        from amk_tui.app import AmkApp

        app = self.app
        assert isinstance(app, AmkApp)
        return app

    @property
    def content(self) -> Content:
        return self.amk.content

    def t(self, key: str, /, **values: object) -> str:
        return self.amk.content.t(key, **values)

    @property
    def session(self) -> Session:
        session = self.amk.session
        assert session is not None
        return session
