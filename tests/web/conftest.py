"""Browser fixtures: a real uvicorn server over a store holding the seed article (through the real
pipeline) and the hand-made articles, and headless Debian Chromium driven by Playwright.

Chromium is the system package (`/usr/bin/chromium`, installed by `make install` when missing);
Playwright never downloads a browser. Without it the tests skip, except under CI=true, where they fail.
Screenshots go to out/screenshots/.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import EXAMPLE_SEED, ROOT

CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOTS = ROOT / "out" / "screenshots"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-default-apps", "--disable-extensions"]


@pytest.fixture(scope="session")
def dashboard_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    from sitrep.api import ApiOptions, create_app
    from sitrep.config import Settings
    from sitrep.storage import ingest_paths, open_store
    from tests.api.builders import sample_records
    from tests.api.live import live_server

    url = f"sqlite:///{tmp_path_factory.mktemp('dashboard') / 'store.db'}"
    with open_store(url) as store:
        report = ingest_paths(store, [str(EXAMPLE_SEED)], Settings())
        assert report.failed == 0
        store.put_records(sample_records())
        with live_server(create_app(Settings(), ApiOptions(), store=store)) as base:
            yield base


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    if not CHROMIUM.exists():
        message = f"{CHROMIUM} is missing (apt-get install chromium; make install does it)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        yield launched
        launched.close()


class PageLog:
    """Everything a page said or asked for: console errors, page errors, requests."""

    def __init__(self, page, base: str) -> None:  # type: ignore[no-untyped-def]
        self.base = base
        self.errors: list[str] = []
        self.requests: list[str] = []
        page.on("console", lambda m: self.errors.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(f"page error: {e}"))
        page.on("request", lambda r: self.requests.append(r.url))

    def foreign_requests(self) -> list[str]:
        return [u for u in self.requests if not (u.startswith(self.base + "/") or u.startswith("data:"))]


@pytest.fixture
def page(browser, dashboard_url: str):  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 1366, "height": 768})  # type: ignore[attr-defined]
    opened = context.new_page()
    opened.log = PageLog(opened, dashboard_url)
    yield opened
    context.close()


def open_dashboard(page, base: str, view: str = "map") -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{base}/#/{view}")
    page.wait_for_selector("body[data-ready=true]", state="attached", timeout=30_000)


def screenshot(page, name: str) -> Path:  # type: ignore[no-untyped-def]
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path))
    print(f"screenshot: {path}")
    return path
