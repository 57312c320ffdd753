"""sitrep: turn conflict reporting into a sourced, verifiable record."""

__version__ = "0.1.0"
