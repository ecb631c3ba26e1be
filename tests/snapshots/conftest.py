"""The snapshots build their apps like the Pilot tests do."""

from tests.ui.conftest import make_app

__all__ = ["make_app"]
