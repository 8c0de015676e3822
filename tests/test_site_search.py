"""The header's site search: one lazily loaded index of guidance sections and
case studies (svhub.search), used as a reader would use it in Chromium: with
the keyboard alone, with a screen reader told the count, through a shared
/search/?q= link, and without JavaScript."""

from __future__ import annotations

import json
from urllib.parse import quote

import pytest
from conftest import VALID, soup

# A query that finds guidance and case studies and names no reference section's
# title ("social value" names the glossary's entry, which then comes first).
QUERY = "apprentices"
SEARCH_DATA = "/search/data/"
BOX = "#hub-search-q"


def results(page) -> list[dict]:
    return page.evaluate("""() => [...document.querySelectorAll('#hub-search-results [role=option]')].map(o => ({
        group: document.getElementById(o.closest('[role=group]').getAttribute('aria-labelledby')).textContent,
        title: o.querySelector('.hub-search__title').textContent, href: o.dataset.href}))""")


# wait_for_function is given functions, not expressions: Playwright polls an
# expression with eval, which the hub's Content-Security-Policy refuses.


def type_query(page, text: str = QUERY) -> None:
    page.focus(BOX)
    page.keyboard.type(text)
    page.wait_for_selector("#hub-search-results [role=option]", timeout=30000)


def docs_files(head: dict) -> list[str]:
    """The names of the documents' chunks, as the head gives them: a pattern, and so many documents to a file."""
    return [head["docs_file"].format(n) for n in range(-(-head["documents"] // head["docs_chunk"]))]


# The index ----------------------------------------------------------------------

def test_the_index_holds_guidance_sections_then_reference_sections_then_case_studies(fixture_site):
    data = fixture_site / "search" / "data"
    head = json.loads((data / "index.json").read_text())
    rows = [row for name in docs_files(head) for row in json.loads((data / name).read_text())]
    guidance, reference = head["guidance"], head["reference"]
    assert len(rows) == head["documents"] == guidance + reference + len(list(VALID.glob("*.md")))
    assert {row[0].split("#")[0] for row in rows[guidance:guidance + reference]} == {
        "glossary/", "about/data-dictionary/", "about/whats-changed/"}
    assert len(head["reference_title_terms"]) == reference
    guidance, case_studies = rows[:guidance], rows[guidance + reference:]
    urls = [row[0] for row in guidance]
    assert "guidance/evaluation/" in urls, "a page's top is a section of its own"
    assert any(url.startswith("guidance/evaluation/#") for url in urls), "its headings are sections"
    assert all(not url.startswith("case-studies/") for url in urls), "no listing or facet page"
    assert all(row[0].startswith("case-studies/") and row[0].endswith("/") for row in case_studies)


def test_material_search_index_is_neither_built_nor_linked(fixture_site):
    assert not (fixture_site / "search" / "search_index.json").exists()
    page = soup(fixture_site, "guidance/evaluation/")
    assert page.select_one("[data-md-component=search]") is None
    form = page.select_one("header form[role=search]")
    assert form is not None and form["action"] == "../../search/"
    assert form.select_one("input[name=q]")["id"] == "hub-search-q"
    assert page.select_one("label[for=hub-search-q]").get_text(strip=True)


# In Chromium --------------------------------------------------------------------

@pytest.mark.browser
def test_a_guidance_page_fetches_no_search_data_until_the_box_is_focused(page, fixture_server):
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(fixture_server.url + "guidance/evaluation/", wait_until="load")
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(300)
    assert [u for u in requests if SEARCH_DATA in u or "lunr" in u or "search.js" in u] == []
    with page.expect_response(lambda r: r.url.endswith("/search/data/index.json"), timeout=30000):
        page.focus(BOX)
    page.wait_for_timeout(300)
    fetched = [u.split("/search/data/", 1)[1] for u in requests if SEARCH_DATA in u]
    assert fetched == ["index.json"], "focus fetches the head only"
    page.keyboard.type("apprentices")
    page.wait_for_selector("#hub-search-results [role=option]", timeout=30000)
    head = json.loads(page.evaluate("fetch('/search/data/index.json').then(r => r.text())"))
    shards = [u for u in requests if "/search/data/index-" in u]
    assert 1 <= len(set(shards)) < len(head["shard_files"]), "a query fetches only the shards it needs"
    chunks = {u for u in requests if "/search/data/docs-" in u}
    assert len(chunks) < len(docs_files(head))


@pytest.mark.browser
def test_results_are_grouped_and_a_guidance_hit_links_to_its_section(page, fixture_server):
    page.goto(fixture_server.url + "guidance/evaluation/", wait_until="load")
    type_query(page)
    found = results(page)
    groups = [r["group"] for r in found]
    assert "Guidance" in groups and "Case studies" in groups
    order = list(dict.fromkeys(groups))
    assert sorted(order[:2]) == ["Case studies", "Guidance"] and order[2:] in ([], ["Glossary and reference"]), \
        "guidance and case studies (in the order of their best hits), then reference sections (the query names none)"
    assert any("#" in r["href"] for r in found if r["group"] == "Guidance"), "a section links to its heading"
    assert all("/case-studies/" in r["href"] for r in found if r["group"] == "Case studies")
    assert page.get_attribute(BOX, "aria-expanded") == "true"
    assert page.get_attribute(BOX, "role") == "combobox"
    assert page.get_attribute("#hub-search-results", "aria-label") == "Search results"


@pytest.mark.browser
def test_the_search_works_with_the_keyboard_alone(page, fixture_server):
    page.goto(fixture_server.url + "guidance/", wait_until="load")
    page.keyboard.press("Tab")  # the skip link, then through the header to the box
    for _ in range(15):
        if page.evaluate("document.activeElement.id") == "hub-search-q":
            break
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "hub-search-q", "the box is reached with Tab"
    page.keyboard.type(QUERY)
    page.wait_for_selector("#hub-search-results [role=option]", timeout=30000)
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    active = page.get_attribute(BOX, "aria-activedescendant")
    assert active == "hub-search-o-1"
    assert page.get_attribute(f"#{active}", "aria-selected") == "true"
    target = page.get_attribute(f"#{active}", "data-href")
    page.keyboard.press("Escape")
    assert page.get_attribute(BOX, "aria-expanded") == "false"
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == target
    # Enter with no result chosen opens the search page for the words typed.
    page.focus(BOX)
    page.keyboard.type("evaluation")
    page.wait_for_selector("#hub-search-results [role=option]", timeout=30000)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith("/search/?q=evaluation")


@pytest.mark.browser
def test_the_result_count_is_announced(page, fixture_server):
    page.goto(fixture_server.url + "guidance/evaluation/", wait_until="load")
    type_query(page)
    status = page.locator("#hub-search-status")
    assert status.get_attribute("role") == "status" and status.get_attribute("aria-live") == "polite"
    page.wait_for_function("() => /match\\.$/.test(document.getElementById('hub-search-status').textContent)")
    text = status.text_content()
    counts = page.evaluate("""() => ['Guidance', 'Case studies'].map(g => [...document.querySelectorAll('#hub-search-results [role=group]')]
        .some(x => x.textContent.startsWith(g)))""")
    assert counts == [True, True]
    assert "guidance section" in text and "case stud" in text
    page.fill(BOX, "zzzzqqq")
    page.wait_for_function("() => document.getElementById('hub-search-status').textContent.startsWith('Nothing matches')")


@pytest.mark.browser
def test_a_shared_search_link_shows_every_result(page, fixture_server):
    page.goto(fixture_server.url + "search/?q=" + quote(QUERY), wait_until="load")
    page.wait_for_selector("#hub-search-page-results a", timeout=30000)
    assert page.input_value("#hub-search-page-q") == QUERY
    headings = page.locator("#hub-search-page-results h2").all_text_contents()
    groups = [h.split(" (")[0] for h in headings]
    assert sorted(groups[:2]) == ["Case studies", "Guidance"] and groups[2:] in ([], ["Glossary and reference"])
    assert page.locator(".hub-search-nojs").count() == 2
    assert all(page.locator(".hub-search-nojs").nth(i).is_hidden() for i in range(2))
    assert "match" in page.locator("#hub-search-page-status").text_content()
    page.fill("#hub-search-page-q", "apprentices")
    page.wait_for_function("() => location.search === '?q=apprentices'")
    page.wait_for_function("() => document.getElementById('hub-search-page-status').textContent.includes('match')")


@pytest.mark.browser
def test_without_javascript_the_search_page_points_to_the_finder_and_the_site_map(browser, fixture_server):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(fixture_server.url + "guidance/evaluation/")
        page.fill(BOX, "social value")
        with page.expect_navigation():
            page.press(BOX, "Enter")
        assert "/search/?q=social+value" in page.url
        text = page.locator("article").inner_text()
        assert "needs JavaScript" in text
        assert page.locator(".hub-search-nojs a", has_text="case-study finder").get_attribute("href") == "../case-studies/"
        site_map = page.locator(".hub-site-map a")
        assert site_map.count() >= 10
        assert "../guidance/evaluation/" in [site_map.nth(i).get_attribute("href") for i in range(site_map.count())]
    finally:
        context.close()


@pytest.mark.browser
def test_a_narrow_screen_links_to_the_search_page(browser, fixture_server):
    context = browser.new_context(viewport={"width": 320, "height": 800})
    try:
        page = context.new_page()
        page.goto(fixture_server.url + "guidance/evaluation/", wait_until="load")
        assert page.locator(BOX).is_hidden()
        link = page.locator("a.hub-search__open")
        assert link.is_visible() and link.get_attribute("aria-label") == "Search"
        link.click()
        page.wait_for_url("**/search/")
        page.fill("#hub-search-page-q", QUERY)
        page.wait_for_selector("#hub-search-page-results a", timeout=30000)
    finally:
        context.close()


@pytest.mark.browser
def test_results_come_for_the_last_words_typed_while_shards_were_loading(page, fixture_server):
    """The index calls back once for all the searches waiting on shards; the
    results must then be those of the words typed last (they stayed empty)."""
    held, released = [], []

    def hold(route):
        if released:
            route.continue_()
        else:
            held.append(route)

    page.route("**/search/data/index-*.json", hold)
    page.goto(fixture_server.url + "guidance/evaluation/", wait_until="load")
    page.focus(BOX)
    page.keyboard.type("apprentices")
    page.wait_for_function("() => document.getElementById('hub-search-status')?.textContent === 'Searching…'")
    released.append(True)
    for route in held:
        route.continue_()
    page.wait_for_selector("#hub-search-results [role=option]", timeout=30000)
    assert page.get_attribute("#hub-search-results ~ .hub-search__more a", "href").endswith("?q=apprentices")
