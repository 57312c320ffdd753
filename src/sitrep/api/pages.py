"""The dashboard (`GET /`) and the API docs (`GET /docs`), as static files from `sitrep.web`.

Both pages are plain HTML files that load only scripts from this origin (the CSP forbids inline
scripts): `web/index.html` + `web/js/*.js` modules for the dashboard, `web/docs.html` +
`web/js/docs.js` with the vendored Swagger UI for `/docs`. Nothing is built at install time.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles


def web_dir() -> Path:
    return Path(str(files("sitrep") / "web"))


def mount_pages(app: FastAPI) -> None:
    root = web_dir()

    @app.get("/", include_in_schema=False)
    def dashboard() -> FileResponse:
        return FileResponse(root / "index.html", media_type="text/html")

    @app.get("/docs", include_in_schema=False)
    def docs() -> FileResponse:
        return FileResponse(root / "docs.html", media_type="text/html")

    app.mount("/static", StaticFiles(directory=root), name="static")
