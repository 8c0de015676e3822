"""A long page's contents on every width (issue 27): Material hides its table of
contents in the drawer below 1220 px, so a phone reader of the can-and-cannot page
would never see it. The page lists its sections after its title there instead."""

from __future__ import annotations

import pytest
from conftest import soup

URL = "guidance/can-and-cannot/"
pytestmark = pytest.mark.browser


def _sections(html) -> list[str]:
    """The page's own h2s (not the updates, sources and review panels the template adds)."""
    return [h["id"] for h in html.select("article h2[id]") if not h.find_parent("section")]


def test_the_contents_list_every_section_of_the_page_in_order(fixture_site):
    html = soup(fixture_site, URL)
    contents = html.select_one("nav.hub-page-contents")
    assert contents is not None
    assert [a["href"] for a in contents.select("a")] == [f"#{i}" for i in _sections(html)]
    assert contents.find_previous("h1") is not None  # after the title, before the first section


@pytest.mark.parametrize("width", [390, 1280], ids=lambda w: f"{w}px")
def test_the_contents_are_visible_on_a_phone_and_beside_the_page_on_a_wide_screen(browser, fixture_server, width):
    context = browser.new_context(viewport={"width": width, "height": 844})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        page.goto(fixture_server.url + URL, wait_until="load")
        ours = page.locator("nav.hub-page-contents")
        materials = page.locator(".md-sidebar--secondary nav.md-nav--secondary")
        if width < 1220:
            assert ours.is_visible() and not materials.is_visible()
            # on the first screen, below the title
            box = ours.bounding_box()
            assert box is not None and box["y"] < 844 and box["width"] <= width
            link = ours.locator("a").nth(2)
            target = link.get_attribute("href")
            link.click()
            page.wait_for_timeout(300)
            assert page.locator(target).bounding_box()["y"] < 200  # it took the reader there
        else:
            assert not ours.is_visible() and materials.is_visible()  # not shown twice
    finally:
        context.close()
    assert errors == []
