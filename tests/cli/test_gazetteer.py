from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.cli import build_parser, main
from tests.gazetteer.small import build_small_gazetteer


def test_lookup_prints_candidates(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = build_small_gazetteer(tmp_path / "g.sqlite")
    assert main(["gazetteer", "lookup", "--path", str(path), "Kharkov"]) == 0
    out = capsys.readouterr().out
    assert "706483\tKharkiv\tP.PPL\tKharkiv Oblast\tUA\t49.9800,36.2500\t1421125" in out


def test_lookup_unknown_name_exits_1(tmp_path: Path) -> None:
    path = build_small_gazetteer(tmp_path / "g.sqlite")
    assert main(["gazetteer", "lookup", "--path", str(path), "Nowhereville"]) == 1


def test_missing_gazetteer_is_a_clean_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["gazetteer", "lookup", "--path", str(tmp_path / "none.sqlite"), "Kyiv"]) == 1
    assert "sitrep gazetteer build" in capsys.readouterr().err


def test_import_then_lookup(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = build_small_gazetteer(tmp_path / "g.sqlite")
    dump = tmp_path / "UA.txt"
    cols = ["700000", "Pisky", "Pisky", "Peski", "48.1", "37.6", "P", "PPL", "UA", "", "05", "", "", "", "3000",
            "", "200", "Europe/Kyiv", "2023-01-01"]
    dump.write_text("\t".join(cols) + "\n", encoding="utf-8")
    assert main(["gazetteer", "import", "--path", str(path), str(dump)]) == 0
    assert main(["gazetteer", "lookup", "--path", str(path), "Peski"]) == 0
    assert "700000\tPisky" in capsys.readouterr().out


@pytest.mark.parametrize("command", ["build", "import", "lookup"])
def test_every_subcommand_is_documented_with_an_example(command: str) -> None:
    parser = build_parser()
    sub = parser._subparsers._group_actions[0].choices["gazetteer"]  # type: ignore[union-attr]
    help_text = sub._subparsers._group_actions[0].choices[command].format_help()  # type: ignore[union-attr]
    assert "example" in help_text and f"sitrep gazetteer {command}" in help_text
