"""amk — run an arbejdsmiljøkompetence workshop for an AMG from the terminal."""

__version__ = "0.1.0"
