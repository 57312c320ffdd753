"""The REST API and the dashboard host: `create_app(settings, ...)` builds the FastAPI app.

Layout: `app` wires the pieces; `errors` is the one JSON error shape; `security` holds the
headers, body-limit and token guards; `service` is what routes call (the store and the cached
cross-article views, injected through `app.state`); `routes/` are thin handlers, one module per
group; `pages` serves the dashboard and `/docs` from the vendored static files in `sitrep.web`.
"""

from sitrep.api.app import ApiOptions, create_app

__all__ = ["ApiOptions", "create_app"]
