"""One JSON error shape for the whole API: `{"error": {"code": str, "message": str}}`.

Every failure a client can see goes through here: routing errors (404, 405), request
validation (422), the guards in `sitrep.api.security` (401, 403, 413), `SitrepError`s from the
store or the views (their stable `E...` code; 400 for bad input, 503 for a store that cannot
answer) and anything unexpected (500, logged, message kept generic).
"""

from __future__ import annotations

import logging
from http import HTTPStatus

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import compile_path

from sitrep.errors import ConfigError, InputError, SitrepError, StoreError

log = logging.getLogger(__name__)

HTTP_CODES = {
    400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found", 405: "method_not_allowed",
    413: "payload_too_large", 415: "unsupported_media_type", 422: "validation_error", 500: "internal_error",
    503: "unavailable",
}


class ErrorDetail(BaseModel):
    code: str
    message: str


class ErrorBody(BaseModel):
    """The body of every error response."""

    error: ErrorDetail


class ApiError(Exception):
    """An error a route raises on purpose: HTTP status, stable code, one-line message."""

    def __init__(self, status: int, message: str, code: str | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.code = code or HTTP_CODES.get(status, "error")


def error_response(status: int, message: str, code: str | None = None,
                   headers: dict[str, str] | None = None) -> JSONResponse:
    body = {"error": {"code": code or HTTP_CODES.get(status, "error"), "message": message}}
    return JSONResponse(body, status_code=status, headers=headers)


def status_of(exc: SitrepError) -> int:
    if isinstance(exc, InputError | ConfigError):
        return 400
    return 503 if isinstance(exc, StoreError) else 500


def validation_message(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors()[:5]:
        where = ".".join(str(p) for p in err.get("loc", ()))
        parts.append(f"{where}: {err.get('msg', 'invalid')}")
    return "; ".join(parts) or "invalid request"


async def on_api_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ApiError)
    headers = {"WWW-Authenticate": "Bearer"} if exc.status == 401 else None
    return error_response(exc.status, exc.message, exc.code, headers)


async def on_http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    message = exc.detail if isinstance(exc.detail, str) else HTTPStatus(exc.status_code).phrase
    headers = dict(exc.headers or {})
    if exc.status_code == 405:
        headers["Allow"] = ", ".join(allowed_methods(request))
    return error_response(exc.status_code, message, headers=headers or None)


def allowed_methods(request: Request) -> list[str]:
    """Every documented method of this path (Starlette's own 405 names only the first route's)."""
    methods: set[str] = set()
    for template, operations in request.app.openapi().get("paths", {}).items():
        regex, _, _ = compile_path(template)
        if regex.match(request.url.path):
            methods |= {m.upper() for m in operations}
    return sorted(methods) or ["GET"]


async def on_validation_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    return error_response(422, validation_message(exc))


async def on_sitrep_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, SitrepError)
    return error_response(status_of(exc), exc.message, exc.code)


async def on_unexpected_error(request: Request, exc: Exception) -> JSONResponse:
    log.exception("unhandled error on %s %s", request.method, request.url.path)
    return error_response(500, "internal server error")


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(ApiError, on_api_error)
    app.add_exception_handler(StarletteHTTPException, on_http_error)
    app.add_exception_handler(RequestValidationError, on_validation_error)
    app.add_exception_handler(SitrepError, on_sitrep_error)
    app.add_exception_handler(Exception, on_unexpected_error)
