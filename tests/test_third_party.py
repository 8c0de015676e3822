"""Reading the hub tells no one else about it: a page and everything it loads
come from the site's own host. No font CDN, no analytics, no external scripts,
and no call to GitHub's API for the repository widget."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from conftest import PAGE_TYPES

from svhub.tools.linkcheck import SiteLinks

# Elements that make the browser fetch something as the page loads (links the
# reader clicks are not requests).
LOADED = {"script", "img", "iframe", "source", "link"}
NOT_FETCHED_LINK_RELS = {"canonical", "prev", "next", "alternate"}


def test_no_page_loads_anything_from_another_host(real_site):
    loaded_elsewhere = [
        (link.page, link.element, link.url) for link in SiteLinks(real_site).links
        if link.element in LOADED and link.rel not in NOT_FETCHED_LINK_RELS
        and (urlsplit(link.url).scheme or link.url.startswith("//"))
    ]
    assert loaded_elsewhere == []


def test_no_page_has_analytics_or_a_font_cdn(real_site):
    for page in real_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        for marker in ("googletagmanager", "google-analytics", "gtag(", "fonts.googleapis", "fonts.gstatic",
                       "plausible", "matomo", "data-md-component=\"source\""):
            assert marker not in html, (page, marker)


def record_requests(context) -> list[str]:
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    return requests


def elsewhere(requests: list[str], origin: str) -> list[str]:
    return [url for url in requests if not url.startswith(origin) and urlsplit(url).scheme not in ("data", "blob")]


def use_the_page(page, name: str) -> None:
    """What a reader does there: toggle the colour scheme, search, filter."""
    page.locator("form[data-md-component=palette] label:visible").first.click()
    if name.startswith("finder"):
        page.locator("#hub-finder input[value=food-and-catering]").check()
        page.locator("#hub-finder-q").fill("milk")
        page.locator(".hub-result", has_text="milk").first.wait_for(timeout=15000)
    else:
        search = page.locator("#hub-search-q")
        search.click()
        search.press_sequentially("social value")
        page.locator("#hub-search-results [role=option]").first.wait_for(timeout=15000)
    page.wait_for_load_state("networkidle")


@pytest.mark.browser
@pytest.mark.parametrize("name", PAGE_TYPES)
def test_every_page_type_makes_requests_only_to_the_sites_own_host(browser, real_server, name):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    requests = record_requests(context)
    page = context.new_page()
    try:
        page.goto(real_server.url + PAGE_TYPES[name], wait_until="load")
        page.wait_for_load_state("networkidle")
        use_the_page(page, name)
    finally:
        context.close()
    assert requests, "the recorder saw no requests at all"
    assert elsewhere(requests, real_server.url) == []


@pytest.mark.browser
def test_the_recorder_sees_a_request_to_another_host(browser, real_server):
    """The check above can fail: a page that fetches from elsewhere is caught."""
    context = browser.new_context(bypass_csp=True)
    requests = record_requests(context)
    context.route("http://third-party.invalid/**", lambda route: route.fulfill(status=204))
    page = context.new_page()
    try:
        page.goto(real_server.url, wait_until="load")
        page.evaluate("fetch('http://third-party.invalid/pixel').catch(() => null)")
        page.wait_for_load_state("networkidle")
    finally:
        context.close()
    assert elsewhere(requests, real_server.url) == ["http://third-party.invalid/pixel"]
