"""What the scores say, in words: the lowest factor, the most split, the change since last time."""

from __future__ import annotations

from amk_tui.core.scores import (
    change_since,
    format_mean,
    lowest_factor,
    most_split_factor,
    stats_by_factor,
    trend_arrow,
)
from amk_tui.views.scene import Scene
from amk_tui.widgets.score_grid import format_value


def insight_lines(scene: Scene, long: bool = False) -> list[str]:
    """One line each; `long` names the factors in full (the comparison has the room for it)."""
    content = scene.content
    stats = stats_by_factor(scene.session.groups)
    low = lowest_factor(stats)
    if low is None:
        return [scene.t("insights.none")]
    decimal = scene.t("number.decimal")

    def name(factor_id: str) -> str:
        f = content.factor(factor_id)
        return f"{f.number} {f.name if long else f.short}"

    lines = [
        scene.t("insights.lowest", factor=name(low), mean=format_mean(stats[low].mean, decimal))
    ]
    split = most_split_factor(stats)
    if split is not None:
        low_v, high_v = (format_value(v, decimal) for v in (stats[split].low, stats[split].high))
        lines.append(scene.t("insights.split", factor=name(split), low=low_v, high=high_v))
    previous = scene.previous
    if previous is not None and previous.groups:
        change = change_since(stats, stats_by_factor(previous.groups))
        parts = [
            f"{content.factor(fid).number}{trend_arrow(delta)}"
            for fid, delta in change.items()
            if delta is not None
        ]
        if parts:
            lines.append(scene.t("insights.change", changes=" ".join(parts)))
    return lines
