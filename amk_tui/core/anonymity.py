"""How much of the individual slips ("hver især") may be shown, in every format and window.

A group's slips are summarised only from `mean_from` slips on (fewer: only their count),
and their lowest and highest value only from `spread_from` on: with three slips the mean and
the min.–maks. together give every slip away (1, 3 and 5 → "3,0 · 1–5"). The defaults are 3
and 5; `config.toml`'s `[anonymity]` may raise them (never lower than 3 and `mean_from`).

One policy for the whole process, set from the config when a command starts (`use`), read
by the core, the views and the papers alike (`current`).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Anonymity:
    mean_from: int = 3
    """Slips from which a group's mean is shown (fewer: only the count)."""
    spread_from: int = 5
    """Slips from which their lowest and highest value (min.–maks.) are shown."""

    def shows_mean(self, n: int) -> bool:
        return n >= self.mean_from

    def shows_spread(self, n: int) -> bool:
        return n >= self.spread_from


DEFAULT = Anonymity()
_current = DEFAULT


def current() -> Anonymity:
    return _current


def use(policy: Anonymity) -> None:
    """The policy from now on (the config's `[anonymity]`)."""
    global _current
    _current = policy
