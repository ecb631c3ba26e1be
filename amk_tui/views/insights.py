"""What the scores say, in words: the lowest factor, the most split, the change since last time."""

from __future__ import annotations

from amk_tui.config.content import Factor
from amk_tui.core.scores import (
    change_since,
    format_mean,
    format_trend,
    lowest_factor,
    most_split_factor,
    stats_by_factor,
    trend_arrow,
)
from amk_tui.views.context import ViewContext
from amk_tui.widgets.score_grid import format_value


def insight_lines(ctx: ViewContext, long: bool = False) -> list[str]:
    """One line each; `long` names the factors in full (the comparison has the room for it)."""
    content = ctx.content
    stats = stats_by_factor(ctx.session.groups)
    low = lowest_factor(stats)
    if low is None:
        return [ctx.t("insights.none")]
    decimal = ctx.t("number.decimal")

    def name(factor_id: str) -> str:
        f = content.factor(factor_id)
        return f"{f.number} {f.name if long else f.short}"

    lines = [ctx.t("insights.lowest", factor=name(low), mean=format_mean(stats[low].mean, decimal))]
    split = most_split_factor(stats)
    if split is not None:
        low_v, high_v = (format_value(v, decimal) for v in (stats[split].low, stats[split].high))
        lines.append(ctx.t("insights.split", factor=name(split), low=low_v, high=high_v))
    previous = ctx.previous
    if previous is not None and previous.groups:
        change = change_since(stats, stats_by_factor(previous.groups))
        parts = [
            _change_part(content.factor(fid), delta, decimal, long)
            for fid, delta in change.items()
            if delta is not None
        ]
        if parts:
            joined = (" · " if long else " ").join(parts)
            lines.append(ctx.t("insights.change", changes=joined))
    return lines


def _change_part(factor: Factor, delta: float, decimal: str, long: bool) -> str:
    """`Åbenhed ↑ +0,5` where the room reads it (long), `1↑` in a narrow panel."""
    if not long:
        return f"{factor.number}{trend_arrow(delta)}"
    return f"{factor.short} {format_trend(delta, decimal)}"


def probe_lines(ctx: ViewContext) -> list[str]:
    """The facilitator's follow-up questions for the comparison (the console's notes, never the
    room's): one for the lowest factor and one for the most split, each with its own probes."""
    stats = stats_by_factor(ctx.session.groups)
    low = lowest_factor(stats)
    if low is None:
        return []
    lines: list[str] = []
    split = most_split_factor(stats)
    for key, factor_id in (("insights.probe_lowest", low), ("insights.probe_split", split)):
        if factor_id is None:
            continue
        factor = ctx.content.factor(factor_id)
        lines.append(ctx.t(key, factor=factor.short))
        lines += [f"  · {probe}" for probe in factor.probes]
    return lines
