"""The footer shows the screen's keys from its first composition (no empty first frame)."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import Footer, Label
from textual.widgets._footer import FooterKey

from amk_tui.widgets.key_footer import KeyFooter


class Keys(App[None]):
    BINDINGS = [Binding("x", "bell", "Eks")]

    def compose(self) -> ComposeResult:
        yield Label("keys")


async def test_keys_are_there_when_the_footer_is_mounted() -> None:
    app = Keys()
    async with app.run_test(size=(60, 10)):
        plain, ours = Footer(), KeyFooter()
        await app.screen.mount(plain)  # mounted and composed, no refresh in between
        await app.screen.mount(ours)
        assert not plain.query(FooterKey)  # Textual's waits for the bindings' next report
        assert [key.description for key in ours.query(FooterKey)][:1] == ["Eks"]


class Toggle(Keys):
    BINDINGS = [Binding("x", "bell", "Eks"), Binding("y", "toggle", "Why")]
    allowed = False

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return self.allowed if action == "toggle" else True


async def test_the_same_keys_are_not_composed_again() -> None:
    app = Toggle()
    async with app.run_test(size=(60, 10)) as pilot:
        footer = KeyFooter(compact=True)
        await app.screen.mount(footer)
        first = list(footer.query(FooterKey))
        app.screen.refresh_bindings()
        await pilot.pause()
        assert list(footer.query(FooterKey)) == first  # the same widgets: not composed anew
        assert footer.compact


async def test_a_key_switched_on_composes_it_again() -> None:
    app = Toggle()
    async with app.run_test(size=(60, 10)) as pilot:
        footer = KeyFooter()
        await app.screen.mount(footer)
        assert not any(
            key.disabled is False and key.action == "toggle" for key in footer.query(FooterKey)
        )
        app.allowed = True
        app.screen.refresh_bindings()
        enabled: dict[str, bool] = {}
        for _ in range(20):  # the recompose is scheduled; a loaded machine may need a few turns
            await pilot.pause()
            enabled = {key.action: not key.disabled for key in footer.query(FooterKey)}
            if enabled.get("toggle"):
                break
        assert enabled.get("toggle") is True
