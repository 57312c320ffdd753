"""Thin route handlers, one module per group: meta (health, stats), articles (read and ingest),
views (the cross-article views, GeoJSON) and exports. Each handler parses its query, calls the
service and returns a model; errors are raised as `ApiError` or `SitrepError`."""
