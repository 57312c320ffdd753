"""`sitrep serve`: the REST API and the dashboard on one local port (uvicorn)."""

from __future__ import annotations

import argparse
import os
import sys

from sitrep.cli.db import add_db_argument, open_db
from sitrep.config import Settings

HELP = """Serve the REST API (/api/..., docs at /docs) and the offline dashboard (/) over the store.

Binds 127.0.0.1 unless --host says otherwise. Reads are open; writes (POST /api/articles)
need `Authorization: Bearer $SITREP_TOKEN`, and are switched off (403) when SITREP_TOKEN is
not set. Stops on Ctrl-C.

examples:
  sitrep serve --db sqlite:///out/sitrep.db
  SITREP_TOKEN=s3cret sitrep serve --host 0.0.0.0 --port 9000
"""


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("serve", help="serve the API and the dashboard", description=HELP,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    add_db_argument(p)
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=8765, help="port (default 8765)")
    p.set_defaults(handler=run_serve)


def run_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from sitrep.api import ApiOptions, create_app

    token = os.environ.get("SITREP_TOKEN") or None
    with open_db(args) as store:
        app = create_app(Settings(), ApiOptions(token=token), store=store)
        print(f"sitrep: dashboard at http://{args.host}:{args.port}/  (API docs at /docs; "
              f"writes {'need the bearer token' if token else 'off: SITREP_TOKEN not set'})", file=sys.stderr)
        uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return 0
