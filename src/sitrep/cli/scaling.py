"""Shared command-line options for how extraction runs: --workers, --engine, --address.

Any command that extracts (extract, ingest, reprocess) calls `add_scale_arguments(parser)`
when it builds its parser and `settings_from_args(args)` when it runs; not a command group
of its own, so it registers nothing.
"""

from __future__ import annotations

import argparse
import os
from dataclasses import replace

from sitrep.config import Settings
from sitrep.errors import ConfigError

ENGINES = ("local", "ray", "dask")  # the same names as sitrep.scale.ENGINES (not imported: keep --help light)


def default_workers() -> int:
    """The number of cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def add_scale_arguments(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("scale (see README: Scale and speed)")
    group.add_argument("--workers", type=int, metavar="N", default=None,
                       help=f"worker processes, or actors for ray/dask (default: the number of cores, here {default_workers()})")
    group.add_argument("--engine", choices=ENGINES, default="local",
                       help="local process pool (default), Ray Data (pip install 'sitrep[ray]') or Dask (sitrep[dask])")
    group.add_argument("--address", metavar="URL", default=None,
                       help="an existing cluster: ray://head:10001 or tcp://scheduler:8786 (default: start a local one)")


def settings_from_args(args: argparse.Namespace, base: Settings | None = None) -> Settings:
    """Settings with the scale options of `args` applied (checked: a bad value is a ConfigError)."""
    workers = default_workers() if args.workers is None else args.workers
    if workers < 1:
        raise ConfigError(f"--workers must be at least 1, got {workers}")
    if args.address and args.engine == "local":
        raise ConfigError("--address needs --engine ray or --engine dask")
    return replace(base or Settings(), workers=workers, engine=args.engine, engine_address=args.address)
