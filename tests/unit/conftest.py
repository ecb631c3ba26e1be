"""Unit tests only: a Hypothesis profile for `make mutants`.

A mutant is killed at its first counterexample; shrinking it to the smallest one can take
longer than the run's timeout and adds nothing there. `scripts/mutants.py` selects the
profile with `--hypothesis-profile=mutants`; ordinary runs keep Hypothesis's defaults.
"""

from __future__ import annotations

from hypothesis import Phase, settings

settings.register_profile("mutants", phases=[Phase.explicit, Phase.reuse, Phase.generate])
