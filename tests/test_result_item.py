"""A case study in the list of results looks the same whether the page wrote it
(the listing without JavaScript, svhub.pages.listings) or the finder did
(finder.js): the same elements, classes, ids, links and text."""

from __future__ import annotations

import json
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup, NavigableString, Tag

RESULTS = "ol.hub-results > li"


def shape(node: Tag, base: str) -> tuple:
    """An element as a reader and a stylesheet see it: its tag, its attributes
    (links resolved against the page), then its children, text included."""
    attributes = tuple(sorted(
        (name, urljoin(base, value) if name == "href" else " ".join(value) if isinstance(value, list) else value)
        for name, value in node.attrs.items()
    ))
    children = []
    for child in node.children:
        if isinstance(child, Tag):
            children.append(shape(child, base))
        elif isinstance(child, NavigableString) and child.strip():
            children.append(("#text", " ".join(child.split())))
    return (node.name, attributes, tuple(children))


def items(html: str, base: str) -> dict[str, tuple]:
    document = BeautifulSoup(html, "html5lib")
    return {li["id"]: shape(li, base) for li in document.select(RESULTS)}


@pytest.mark.browser
def test_the_finders_result_item_has_the_same_markup_as_the_listings(browser, fixture_server, fixture_site):
    listing = fixture_server.url + "case-studies/"
    without_js = browser.new_context(java_script_enabled=False)
    static_page = without_js.new_page()
    static_page.goto(listing)
    written = items(static_page.content(), listing)
    without_js.close()
    assert len(written) == 3, "every fixture case study is listed without JavaScript"

    # Filtered by each service in turn, so that every item shown is one the finder rendered.
    library = json.loads((fixture_site / "case-studies" / "data" / "case-studies.json").read_text(encoding="utf-8"))
    services = sorted({c["service"] for c in library["case_studies"]})
    context = browser.new_context()
    page = context.new_page()
    rendered: dict[str, tuple] = {}
    for service in services:
        page.goto(f"{listing}?service={service}")
        page.wait_for_selector(".hub-finder--ready")
        page.wait_for_function("() => document.querySelector('#hub-finder-count').textContent.includes('match')")
        shown = items(page.content(), listing)
        expected = {f"cs-{c['slug']}" for c in library["case_studies"] if c["service"] == service}
        assert set(shown) == expected, f"the finder filtered the list to {service}"
        rendered |= shown
    context.close()

    assert set(rendered) == set(written)
    for item_id, markup in written.items():
        assert rendered[item_id] == markup, item_id
