"""The pure workshop domain: timers, program, scores, session record, report text.

Nothing in this package imports textual, rich or plotext (tests/unit/test_import_hygiene.py).
"""
