"""The dashboard in real headless Chromium against a live server: offline, every view drawn,
the brush filtering, claim -> article navigation, the area series chart, and hostile article
markup shown as text. Screenshots of each view are saved to out/screenshots/."""

from __future__ import annotations

import pytest

from tests.web.conftest import open_dashboard, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.slow]
VIEWS = ["map", "claims", "figures", "contradictions", "control"]


def test_every_view_loads_offline_without_errors(page, dashboard_url: str) -> None:  # type: ignore[no-untyped-def]
    open_dashboard(page, dashboard_url)
    page.wait_for_selector(".leaflet-overlay-pane path", state="attached", timeout=10_000)
    assert page.locator(".leaflet-overlay-pane path").count() > 200  # the vendored basemap: every country
    for view in VIEWS:
        page.click(f"nav a[data-view={view}]")
        page.wait_for_selector(f"#view-{view}:not([hidden])")
        page.wait_for_timeout(400)
        screenshot(page, f"view-{view}")
    page.goto(f"{dashboard_url}/docs")
    page.wait_for_selector(".swagger-ui .opblock", timeout=20_000)
    screenshot(page, "view-docs")
    assert page.log.errors == []
    assert page.log.foreign_requests() == []
    assert len(page.log.requests) > 10


def test_map_shows_markers_for_the_seed_places(page, dashboard_url: str) -> None:  # type: ignore[no-untyped-def]
    open_dashboard(page, dashboard_url)
    assert page.locator(".marker-cluster, .event-marker").count() > 0
    items = page.locator("#event-list .event-item button", has_text="Izyum")
    assert items.count() > 0
    items.first.click()  # zooms the cluster open and shows the popup
    popup = page.wait_for_selector(".leaflet-popup-content .popup", timeout=10_000)
    assert "nos-2022-09-11-kharkiv" in (popup.query_selector("a.report-link").get_attribute("href") or "")
    screenshot(page, "map-popup")
    titles = page.eval_on_selector_all(".leaflet-marker-pane .event-marker", "els => els.map(e => e.title)")
    seed_places = ("Izyum", "Balakliya", "Kupyansk")
    assert any(place in t for t in titles for place in seed_places), titles
    assert page.log.errors == []


def claim_count(page) -> int:  # type: ignore[no-untyped-def]
    return int(page.inner_text("#claim-count").strip("()"))


def test_brush_filters_the_claims(page, dashboard_url: str) -> None:  # type: ignore[no-untyped-def]
    open_dashboard(page, dashboard_url, "claims")
    everything = claim_count(page)
    box = page.locator("#brush-chart .u-over").bounding_box()
    y = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + box["width"] * 0.02, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.45, y, steps=8)
    page.mouse.up()
    page.wait_for_function(f"Number(document.querySelector('#claim-count').textContent.replace(/[()]/g, '')) !== {everything}")
    dragged = claim_count(page)
    assert 0 < dragged < everything
    assert "2022-09-01" < page.input_value("#brush-from") < page.input_value("#brush-to") < "2022-09-21"
    screenshot(page, "claims-brushed")
    # the same with the keyboard: type the dates into From / To
    page.fill("#brush-from", "2022-09-08")
    page.fill("#brush-to", "2022-09-11")
    page.dispatch_event("#brush-to", "change")
    seed_only = claim_count(page)
    said = page.eval_on_selector_all("#claim-rows tr td:nth-child(5)", "tds => tds.map(td => td.textContent)")
    assert 0 < seed_only < everything and all("2022-09-08" <= d <= "2022-09-11" for d in said)
    page.click("#brush-reset")
    assert claim_count(page) == everything
    assert page.log.errors == []


def test_clicking_a_claim_opens_the_article_with_its_span_highlighted(page, dashboard_url: str) -> None:  # type: ignore[no-untyped-def]
    open_dashboard(page, dashboard_url, "claims")
    link = page.locator("a.claim-link", has_text="3,000").first
    claim_text = link.inner_text()
    href = link.get_attribute("href") or ""
    link.click()
    page.wait_for_selector("#view-article:not([hidden]) mark.target")
    assert page.url.endswith(href)
    highlighted = "".join(page.eval_on_selector_all("#article-text mark.target", "ms => ms.map(m => m.textContent)"))
    assert claim_text in highlighted or highlighted in claim_text
    assert page.locator("#article-text mark.hl-place").count() > 0 and page.locator("#article-text mark.hl-time").count() > 0
    place = page.locator("#article-text mark.hl-place", has_text="Izyum").first
    place.hover()
    info = page.inner_text("#span-info")
    assert "place: Izyum" in info and "49." in info  # the normalised value: name and coordinates
    screenshot(page, "view-article")
    assert page.log.errors == []


def test_area_series_chart_for_the_seed(page, dashboard_url: str) -> None:  # type: ignore[no-untyped-def]
    open_dashboard(page, dashboard_url, "figures")
    card = page.locator(".figure-card[data-measure=area_regained]").first
    card.locator("canvas").first.wait_for()
    legend = card.locator(".u-legend").inner_text()
    assert "Zelensky" in legend and "Zaluzhny" in legend
    table = card.locator("table.points").inner_text()
    assert "1,000 km2" in table and "2,000 km2" in table and "more than 3,000 km2" in table
    size = card.locator("canvas").first.bounding_box()
    assert size["width"] > 300 and size["height"] > 150
    card.scroll_into_view_if_needed()
    screenshot(page, "figures-area")
    assert page.log.errors == []


def test_hostile_article_markup_is_shown_as_text(page, dashboard_url: str) -> None:  # type: ignore[no-untyped-def]
    open_dashboard(page, dashboard_url, "article/hostile-markup")
    page.wait_for_selector("#article-text")
    text = page.inner_text("#article-text")
    assert "<script>window.__pwned = 1</script>" in text
    assert '<img src=x onerror="window.__pwned = 2">' in text
    assert '<a href="javascript:window.__pwned=3">this link</a>' in text
    assert page.inner_text("#article-title") == "<b>Board</b> <script>window.__pwned = 4</script>"
    assert page.locator("#view-article script, #view-article img, #view-article b, #article-text a").count() == 0
    assert page.locator("a[href^='javascript:']").count() == 0  # the javascript: source URL is not a link
    page.click("#article-text")
    page.wait_for_timeout(300)
    assert page.evaluate("window.__pwned") is None
    screenshot(page, "article-hostile")
    assert page.log.errors == []


def test_keyboard_reaches_the_views(page, dashboard_url: str) -> None:  # type: ignore[no-untyped-def]
    open_dashboard(page, dashboard_url)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip"
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.dataset.view") == "claims"
    page.keyboard.press("Enter")
    page.wait_for_selector("#view-claims:not([hidden])")
    page.focus("#claim-filter")
    page.keyboard.type("Zaluzhny")
    rows = page.locator("#claim-rows tr[data-claim]")
    assert rows.count() >= 1
    assert all("Zaluzhny" in r for r in rows.all_inner_texts())


def test_control_timeline_finds_a_place_in_another_spelling(page, dashboard_url: str) -> None:  # type: ignore[no-untyped-def]
    open_dashboard(page, dashboard_url, "control")
    known = page.locator("#view-control p.meta button")
    shown = next(name for name in known.all_inner_texts() if name in ("Izyum", "Izium"))
    other = "Izium" if shown == "Izyum" else "Izyum"  # the seed spells it Izyum, a test article Izium
    page.fill("#place-search", other)
    page.keyboard.press("Enter")
    page.wait_for_selector("#control-result table.timeline-table tbody tr")
    assert page.inner_text("#control-result h3").startswith(shown)
    rows = page.locator("#control-result tbody tr").all_inner_texts()
    assert any("recaptured" in r and "UKR" in r for r in rows)
    screenshot(page, "view-control")
    assert page.log.errors == []
