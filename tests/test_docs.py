"""Docs are checked: every CLI command and setting appears in the README, every command has help."""

from __future__ import annotations

import argparse

from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def commands() -> list[tuple[str, argparse.ArgumentParser]]:
    from sitrep.cli import build_parser

    found = []
    top = build_parser()
    for action in top._subparsers._group_actions:  # type: ignore[union-attr]
        for name, parser in action.choices.items():
            found.append((f"sitrep {name}", parser))
            for sub in parser._subparsers._group_actions if parser._subparsers else []:
                found.extend((f"sitrep {name} {n}", p) for n, p in sub.choices.items())
    return found


def test_readme_starts_with_the_two_commands() -> None:
    head = README.split("```", 2)[1]
    assert "make run" in head and "make test" in head


def test_every_command_is_documented_with_help() -> None:
    cmds = commands()
    assert len(cmds) >= 4
    for name, parser in cmds:
        assert f"`{name}" in README, f"{name} is not in the README"
        assert parser.description or parser.format_help(), name


def test_every_setting_is_documented() -> None:
    import re

    source = (ROOT / "src" / "sitrep" / "config.py").read_text(encoding="utf-8")
    for var in set(re.findall(r"\"(SITREP_[A-Z_]+)\"", source)):
        assert var in README, f"{var} is not in the README"
