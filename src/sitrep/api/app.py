"""`create_app(settings, options, store=...)`: the FastAPI application, every dependency injected.

Steps: 1. build the service (an injected store, or one opened from `options.db_url` for the
app's lifetime); 2. the FastAPI app with our own `/docs` (vendored Swagger UI, no CDN, no inline
script) and `/openapi.json`; 3. error handlers for the one error shape; 4. routes; 5. the
dashboard's static files; 6. the guards (body limit, security headers) wrapped outermost so they
also cover errors and static files.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass

from fastapi import FastAPI

from sitrep import __version__
from sitrep.api.errors import install_error_handlers
from sitrep.api.pages import mount_pages
from sitrep.api.routes import articles, exports, meta, views
from sitrep.api.security import BodyLimit, SecurityHeaders
from sitrep.api.service import Service
from sitrep.config import Settings
from sitrep.storage import Store, open_store

DESCRIPTION = """Read the article store and the cross-article views (`sitrep.analysis/1`): events, claims,
figure series, contradictions and control timelines, with filters and paging; ingest documents
with a bearer token. Every error has the body `{"error": {"code": ..., "message": ...}}`."""


@dataclass(frozen=True)
class ApiOptions:
    """How the server runs: which store, who may write, how big a request may be."""

    db_url: str | None = None  # None: $SITREP_DB, else sqlite:///sitrep.db (the store's default)
    token: str | None = None  # the bearer token for writes; None switches writes off (403)
    max_body_bytes: int = 2_000_000


def create_app(settings: Settings, options: ApiOptions | None = None, *, store: Store | None = None) -> FastAPI:
    """The API and dashboard app. Pass `store` to use an open store (tests); else one is opened."""
    opts = options or ApiOptions()
    app = FastAPI(title="sitrep", version=__version__, description=DESCRIPTION, docs_url=None, redoc_url=None,
                  lifespan=make_lifespan(settings, opts, store))
    app.state.token = opts.token
    if store is not None:
        app.state.service = Service(store, settings)
    install_error_handlers(app)
    for module in (meta, articles, views, exports):
        app.include_router(module.router)
    mount_pages(app)
    app.add_middleware(BodyLimit, max_bytes=opts.max_body_bytes)
    app.add_middleware(SecurityHeaders)
    return app


def make_lifespan(settings: Settings, opts: ApiOptions, store: Store | None):  # type: ignore[no-untyped-def]
    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if store is not None:
            yield
            return
        with open_store(opts.db_url) as opened:
            app.state.service = Service(opened, settings)
            yield

    return lifespan
