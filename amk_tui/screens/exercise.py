"""Dialogøvelse: the score round (grid + live radar) and the dialogue round (questions + notes)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.reactive import reactive
from textual.widgets import ContentSwitcher, Input, Label, Static

from amk_tui.charts import Series
from amk_tui.config.content import Question
from amk_tui.core.scores import (
    change_since,
    format_mean,
    lowest_factor,
    most_split_factor,
    stats_by_factor,
    trend_arrow,
)
from amk_tui.core.workshop import Change
from amk_tui.screens.phase import PhaseScreen
from amk_tui.series import ALL, mean_series, series_for, views
from amk_tui.widgets.radar import RadarChart
from amk_tui.widgets.score_grid import ScoreGrid, format_value

if TYPE_CHECKING:
    from amk_tui.widgets.question_panel import QuestionPanel


class ExerciseScreen(PhaseScreen):
    """Score round: grid and chart. Discuss round: one question at a time with its notes."""

    BINDINGS = [
        Binding("c", "toggle_chart", "key.chart", show=False),
        Binding("h", "toggle_reveal", "key.reveal", show=False),
        Binding("f", "toggle_full", "key.full", show=False),
        Binding("v", "cycle_view", "key.view", show=False),
        Binding("o", "toggle_overlay", "key.overlay", show=False),
        Binding("g", "add_group", "key.add_group", show=False),
        Binding("e", "rename_group", "key.rename_group", show=False),
        Binding("x", "remove_group", "key.remove_group", show=False),
        Binding("i", "rows", "key.rows", show=False),
        Binding("escape", "leave_field", "key.leave_field"),
        Binding("enter", "write", "key.write"),
    ]

    view: reactive[str] = reactive(ALL, init=False)
    """What the chart shows: all groups, the mean, or one group's letter (`v`)."""
    overlay: reactive[bool] = reactive(True, init=False)
    """Last time's mean drawn under the groups (`o`), when there is a last time."""
    CHART_MIN_WIDTH = 42
    """Below this many columns the radar's labels collide: grid and chart become tabs (`f`)."""

    def compose_body(self) -> ComposeResult:
        content = self.content
        with ContentSwitcher(id="exercise-switcher", initial="score-view"):
            with Horizontal(id="score-view"):
                with Vertical(id="grid-pane"):
                    yield Label(content.exercise.get("instruction", ""), id="instruction")
                    yield ScoreGrid(
                        content.factors,
                        self.t("grid.summary"),
                        self.t("number.decimal"),
                        id="grid",
                    )
                    yield Label(self.t("grid.hint"), id="grid-hint")
                    yield Label(self.t("grid.tabs_hint"), id="tabs-hint")
                with Vertical(id="chart-pane"):
                    yield RadarChart(empty_text=self.t("chart.empty"), id="chart")
                    yield Static(self.t("chart.hidden"), id="chart-hidden")
                    yield Label("", id="insights", classes="insights")
            # Filled when the dialogue round is first shown: start-up only builds what it shows.
            yield Horizontal(id="discuss-view")

    @property
    def discussion_built(self) -> bool:
        return bool(self.query("#question-pane"))

    async def build_discussion(self) -> None:
        """Mount the question panel and the side chart, then show the current question."""
        from amk_tui.widgets.question_panel import QuestionPanel

        if self.discussion_built:
            return
        panel = QuestionPanel(
            self.content.factors,
            self.t("priorities.hint"),
            self.t("items.placeholder"),
            (self.t("question.writing"), self.t("question.not_writing")),
            too_many=self.t("priorities.too_many"),
            id="question-pane",
        )
        side = Vertical(
            RadarChart(empty_text=self.t("chart.empty"), id="mini-chart"),
            Label("", id="side-insights", classes="insights"),
            id="side-pane",
        )
        await self.query_one("#discuss-view").mount(panel, side)
        self.step_changed()

    # -- which round ---------------------------------------------------------------------------
    @property
    def discussing(self) -> bool:
        step = self.session.agenda.current
        return step is not None and step.round is not None and step.round.kind == "discuss"

    @property
    def questions(self) -> tuple[Question, ...]:
        return self.content.questions.get(self.session.variant, ())

    def item_count(self) -> int:
        return max(1, len(self.questions)) if self.discussing else 1

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        score_only = {"add_group", "rename_group", "remove_group", "rows", "toggle_full"}
        if action == "leave_field":
            return self.discussion_built and self.question_panel.editing
        if action == "write":
            return (
                self.discussing
                and not isinstance(self.focused, Input)
                and not (self.discussion_built and self.question_panel.editing)
            )
        if action in score_only:
            return not self.discussing and not self.amk.readonly
        return True

    def on_resize(self) -> None:
        self.fit_panes()

    def fit_panes(self) -> None:
        """Side by side when the chart gets enough room, else one at a time (`f` switches)."""
        width = self.size.width
        narrow = width < 120
        grid = self.query_one("#grid", ScoreGrid)
        grid.cell_padding = 0 if narrow else 1
        groups = max(1, len(self.session.groups))
        grid_width = 16 + (3 if narrow else 5) * groups + (12 if narrow else 16)
        self.set_class(width - grid_width < self.CHART_MIN_WIDTH, "-tabs")

    def step_changed(self) -> None:
        if self.discussing and not self.discussion_built:
            self.call_next(self.build_discussion)
        self.fit_panes()
        switcher = self.query_one("#exercise-switcher", ContentSwitcher)
        switcher.current = "discuss-view" if self.discussing else "score-view"
        super().step_changed()
        self.refresh_scores()
        self.refresh_bindings()
        if not self.discussing:
            self.query_one("#grid", ScoreGrid).focus()

    def show_item(self) -> None:
        if not self.discussing or not self.questions or not self.discussion_built:
            return
        question = self.questions[self.cursor]
        panel = self.question_panel
        position = self.t("question.position", n=self.cursor + 1, of=len(self.questions))
        panel.show(position, question, self.session, self.amk.readonly)
        panel.focus_editor()

    # -- scores -------------------------------------------------------------------------------
    def refresh_scores(self) -> None:
        session = self.session
        hint = "grid.hint_readonly" if self.amk.readonly else "grid.hint"
        self.query_one("#grid-hint", Label).update(self.t(hint))
        groups = session.groups
        self.query_one("#grid", ScoreGrid).show(groups)
        labels = [f.short for f in self.content.factors]
        previous = self.previous_series()
        mean_label = self.t("chart.mean")
        series = series_for(groups, self.view, mean_label)
        hidden = not session.revealed
        for each in self.query(RadarChart):
            each.mode = "bars" if session.view.chart == "bars" else "radar"
        chart = self.query_one("#chart", RadarChart)
        chart.display = not hidden
        self.query_one("#chart-hidden").display = hidden
        chart.show(series, labels, previous if self.overlay else None)
        text = self.insights()
        insights = self.query_one("#insights", Label)
        insights.update(text)
        insights.display = not hidden  # "lowest" and "most split" would anchor the rest too
        if self.discussion_built:
            self.query_one("#mini-chart", RadarChart).show(series, labels, None)
            self.query_one("#side-insights", Label).update(text)

    def previous_series(self) -> Series | None:
        previous = self.amk.previous
        if previous is None or not previous.groups:
            return None
        return mean_series(previous.groups, self.t("chart.previous"), dim=True)

    def insights(self) -> str:
        groups = self.session.groups
        stats = stats_by_factor(groups)
        lines = []
        low = lowest_factor(stats)
        if low is None:
            return self.t("insights.none")
        f = self.content.factor(low)
        decimal = self.t("number.decimal")
        lines.append(
            self.t(
                "insights.lowest",
                factor=f"{f.number} {f.short}",
                mean=format_mean(stats[low].mean, decimal),
            )
        )
        split = most_split_factor(stats)
        if split is not None:
            s = self.content.factor(split)
            lines.append(
                self.t(
                    "insights.split",
                    factor=f"{s.number} {s.short}",
                    low=format_value(stats[split].low, decimal),
                    high=format_value(stats[split].high, decimal),
                )
            )
        previous = self.amk.previous
        if previous is not None and previous.groups:
            change = change_since(stats, stats_by_factor(previous.groups))
            parts = [
                f"{self.content.factor(fid).number}{trend_arrow(delta)}"
                for fid, delta in change.items()
                if delta is not None
            ]
            if parts:
                lines.append(self.t("insights.change", changes=" ".join(parts)))
        return "\n".join(lines)

    @on(ScoreGrid.Scored)
    def scored(self, event: ScoreGrid.Scored) -> None:
        self.workshop.score(event.group_index, event.factor, event.value)

    def redraw(self, change: Change) -> None:
        if change.what == "groups":
            self.fit_panes()
        if change.what in ("scores", "groups", "rows", "reveal", "view", "followup", "status"):
            self.refresh_scores()
        super().redraw(change)

    def watch_view(self) -> None:
        self.refresh_scores()

    def watch_overlay(self) -> None:
        self.refresh_scores()

    # -- chart keys ---------------------------------------------------------------------------
    def action_toggle_chart(self) -> None:
        self.workshop.toggle_chart()

    def action_toggle_reveal(self) -> None:
        self.workshop.toggle_reveal()

    def action_toggle_full(self) -> None:
        self.toggle_class("-full-chart")
        if not self.has_class("-full-chart"):
            self.query_one("#grid", ScoreGrid).focus()

    def action_cycle_view(self) -> None:
        order = views(self.session.groups)
        self.view = order[(order.index(self.view) + 1) % len(order)] if self.view in order else ALL
        self.notify(self.t("chart.view", view=self.view_name()), timeout=2)

    def view_name(self) -> str:
        if self.view == ALL:
            return self.t("chart.all")
        if self.view == "mean":
            return self.t("chart.mean")
        return self.t("chart.group", letter=self.view)

    def action_toggle_overlay(self) -> None:
        if self.amk.previous is None:
            self.notify(self.t("chart.no_previous"), timeout=3)
            return
        self.overlay = not self.overlay

    # -- groups ---------------------------------------------------------------------------------
    def action_add_group(self) -> None:
        self.workshop.add_group(default_name=self.t("group.default"))

    def focused_group(self) -> int | None:
        return self.query_one("#grid", ScoreGrid).group_index

    def action_rename_group(self) -> None:
        from amk_tui.screens.forms import TextPrompt

        index = self.focused_group()
        if index is None:
            return
        group = self.session.groups[index]

        def rename(name: str | None) -> None:
            if name:
                self.workshop.rename_group(index, name)

        self.app.push_screen(
            TextPrompt(self.t("group.rename", letter=group.letter), group.name), rename
        )

    def action_remove_group(self) -> None:
        from amk_tui.screens.modals import ConfirmScreen

        index = self.focused_group()
        if index is None:
            return
        group = self.session.groups[index]

        def remove(yes: bool | None) -> None:
            if yes and index < len(self.session.groups) and self.session.groups[index] is group:
                self.workshop.remove_group(index)

        question = self.t("group.remove", letter=group.letter, name=group.name)
        self.app.push_screen(ConfirmScreen(question), remove)

    def action_rows(self) -> None:
        from amk_tui.screens.rows import RowsScreen

        index = self.focused_group()
        if index is not None:
            self.app.push_screen(RowsScreen(index))

    # -- dialogue ------------------------------------------------------------------------------
    @property
    def question_panel(self) -> QuestionPanel:
        from amk_tui.widgets.question_panel import QuestionPanel

        return self.query_one(QuestionPanel)

    def flush_edits(self) -> None:
        if self.discussion_built and (pending := self.question_panel.pending()) is not None:
            self.on_question_panel_edited(pending)

    def on_question_panel_edited(self, event: QuestionPanel.Edited) -> None:
        q = event.question
        self.workshop.answer(q.id, q.kind, event.text, event.values)

    def action_write(self) -> None:
        """Start typing under the question (Escape leaves the field again)."""
        if self.discussion_built:
            self.question_panel.focus_editor()

    def action_leave_field(self) -> None:
        if self.discussion_built:
            self.question_panel.focus_card()
