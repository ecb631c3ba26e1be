"""How much a session may hold: what is typed is cut to these, what is read is checked."""

from __future__ import annotations

MAX_PRIORITIES = 3
"""Factors the AMG prioritises (Opsamling's question 3)."""
MAX_NAME = 120
"""Characters of a name typed for a new workshop or group (AMG, unit, facilitator, group):
longer ones are cut. Screens show names cut further where space is short."""
MAX_STORED_NAME = 1_000
"""Characters of a name read from a file; a longer one is cut on load (`Session.trimmed`)."""
MAX_STORED_LINE = 4_000
"""Characters of an action's text, a decision or a more-of/less-of item read from a file."""
MAX_ROWS = 200
"""Individual rows ("hver især") per group."""
MAX_ITEMS = 500
"""Actions, decisions, notes, list items and cursor entries per session."""
