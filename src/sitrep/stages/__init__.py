"""Extraction stages: one module per stage; each exposes a make_*_stage factory."""
