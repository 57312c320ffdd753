"""--workers, --engine and --address: the same options on every extracting command, checked."""

from __future__ import annotations

import pytest

from sitrep.cli import build_parser, main
from sitrep.cli.scaling import default_workers, settings_from_args
from sitrep.errors import ConfigError


@pytest.mark.parametrize("command", [["extract", "x.txt"], ["ingest", "x.txt"], ["reprocess"]])
def test_every_extracting_command_takes_the_scale_options(command: list[str]) -> None:
    args = build_parser().parse_args([*command, "--workers", "3", "--engine", "dask", "--address", "tcp://s:8786"])
    settings = settings_from_args(args)
    assert (settings.workers, settings.engine, settings.engine_address) == (3, "dask", "tcp://s:8786")


def test_cli_default_is_every_core_and_library_default_is_one() -> None:
    from sitrep.config import Settings

    args = build_parser().parse_args(["extract", "x.txt"])
    assert settings_from_args(args).workers == default_workers() >= 1
    assert (Settings().workers, Settings().engine) == (1, "local")


@pytest.mark.parametrize("extra, message", [
    (["--workers", "0"], "at least 1"),
    (["--address", "tcp://s:8786"], "needs --engine ray or --engine dask"),
])
def test_bad_values_are_config_errors(extra: list[str], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        settings_from_args(build_parser().parse_args(["extract", "x.txt", *extra]))


def test_bad_value_is_one_error_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", "-", "--workers", "0"]) == 1
    assert "--workers must be at least 1" in capsys.readouterr().err
