"""Queries as readers type them, in Chromium: a sentence naming a place, a
service and a theme finds ranked results, offers the facets it names as
filters, names the words nothing contains, and shows snippets, in the finder
and in the site search."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, quote, urlsplit

import pytest
from conftest import FIXTURES, VALID, SiteServer, build, make_project
from playwright.sync_api import expect

FINDER = FIXTURES / "casestudies" / "finder"
SENTENCE = "apprentices in housing repairs contracts in the North West"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    project = make_project(tmp_path_factory.mktemp("queries"), sorted(VALID.glob("*.md")) + sorted(FINDER.glob("*.md")))
    result = build(project)
    assert result.returncode == 0, result.stdout + result.stderr
    site = SiteServer(project / "site")
    yield site
    site.close()


def finder(page, server, q: str) -> None:
    page.goto(server.url + "case-studies/?q=" + quote(q))
    page.wait_for_selector(".hub-finder--ready")
    expect(page.locator("#hub-finder-count")).not_to_have_text("Loading the search index…")


def titles(page) -> list[str]:
    return page.locator("ol.hub-results .hub-result__title").all_inner_texts()


def offers(page) -> list[str]:
    return page.locator(".hub-finder__offer").all_inner_texts()


@pytest.mark.browser
def test_a_sentence_naming_a_place_a_service_and_a_theme_finds_ranked_results_and_offers_its_filters(page, server):
    page.goto(server.url + "case-studies/?region=north-west")
    page.wait_for_selector(".hub-finder--ready")
    north_west = set(titles(page))
    finder(page, server, SENTENCE)
    assert titles(page)[0] == "Fixture Town housing repairs apprentices", "the one with every word ranks first"
    assert len(titles(page)) > 3, "results with some of the words follow"
    assert offers(page) == ["Filter by Theme: Apprenticeships", "Filter by Service area: Housing repairs and maintenance",
                            "Filter by Region: North West"]
    page.get_by_role("button", name="Filter by Region: North West").click()
    expect(page.locator(".hub-finder__chip", has_text="Region: North West")).to_be_visible()
    params = parse_qs(urlsplit(page.url).query)
    assert params["region"] == ["north-west"] and params["q"] == ["apprentices in housing repairs contracts in the"]
    assert page.input_value("#hub-finder-q") == "apprentices in housing repairs contracts in the"
    assert titles(page)[0] == "Fixture Town housing repairs apprentices"
    assert set(titles(page)) <= north_west, "only North West case studies"
    assert page.evaluate("document.activeElement.className") == "hub-finder__offer", "focus moves to the next offer"
    # Dismissing an offer leaves the words searched as text, and the filters alone.
    page.get_by_role("button", name="Dismiss Theme: Apprenticeships").click()
    assert offers(page) == ["Filter by Service area: Housing repairs and maintenance"]
    assert "theme" not in parse_qs(urlsplit(page.url).query)


@pytest.mark.browser
def test_a_word_no_case_study_mentions_is_named_and_does_not_empty_the_results(page, server):
    finder(page, server, "apprentices xyzzyq")
    expect(page.locator(".hub-finder__unmatched")).to_contain_text("No case study mentions \u2018xyzzyq\u2019")
    assert "Fixture Town housing repairs apprentices" in titles(page)
    finder(page, server, "xyzzyq qqqqz carbon")
    assert len(titles(page)) >= 2
    finder(page, server, "xyzzyq qqqqz")
    expect(page.locator("#hub-finder-count")).to_contain_text("No case studies match")
    line = page.locator(".hub-finder__unmatched")
    expect(line).to_contain_text("No case study mentions \u2018xyzzyq\u2019 or \u2018qqqqz\u2019")
    line.get_by_role("link", name="Browse by the filters instead").click()
    assert page.locator("#hub-finder-filters").evaluate("d => d.open")


@pytest.mark.browser
def test_when_nothing_matches_the_query_without_the_missing_words_is_offered(page, server):
    page.goto(server.url + "case-studies/?region=scotland")  # no case study in Scotland has apprentices
    page.wait_for_selector(".hub-finder--ready")
    page.fill("#hub-finder-q", "zzyzx apprentices")
    expect(page.locator("#hub-finder-count")).to_contain_text("No case studies match")
    retry = page.locator(".hub-finder__unmatched").get_by_role("link", name="Search for \u201capprentices\u201d")
    retry.click()
    assert page.input_value("#hub-finder-q") == "apprentices"


@pytest.mark.browser
def test_a_themes_word_finds_at_least_the_case_studies_its_filter_finds(page, server):
    page.goto(server.url + "case-studies/?theme=carbon-reduction")
    page.wait_for_selector(".hub-finder--ready")
    tagged = set(titles(page))
    finder(page, server, "carbon")
    assert tagged and tagged <= set(titles(page))


@pytest.mark.browser
def test_the_site_search_finds_the_sentence_with_snippets_and_links_the_filters_it_names(page, server):
    page.goto(server.url + "search/?q=" + quote(SENTENCE), wait_until="load")
    page.wait_for_selector("#hub-search-page-results li a", timeout=30000)
    results = page.locator("#hub-search-page-results")
    headings = [h.split(" (")[0] for h in results.locator("h2").all_inner_texts()]
    assert headings.index("Case studies") < headings.index("Glossary and reference"), "reference sections come last"
    studies = results.locator("section", has=page.locator("h2", has_text="Case studies")).locator("li")
    assert studies.first.locator("a").inner_text() == "Fixture Town housing repairs apprentices"
    assert studies.first.locator(".hub-search__snippet mark").count() >= 1
    assert all(m.lower().startswith(("apprentice", "repair", "housing", "contract", "north", "west"))
               for m in studies.first.locator("mark").all_inner_texts())
    offer = results.locator(".hub-search__offers").get_by_role("link", name="Region: North West")
    params = parse_qs(urlsplit(offer.get_attribute("href")).query)
    assert params == {"q": ["apprentices in housing repairs contracts in the"], "region": ["north-west"]}
    offer.click()
    page.wait_for_selector(".hub-finder--ready")
    expect(page.locator(".hub-finder__chip", has_text="Region: North West")).to_be_visible()


@pytest.mark.browser
def test_the_header_search_shows_snippets_and_names_words_nothing_contains(page, server):
    page.goto(server.url + "guidance/", wait_until="load")
    page.focus("#hub-search-q")
    page.keyboard.type("apprentices xyzzyq")
    page.wait_for_selector("#hub-search-results [role=option]", timeout=30000)
    assert page.locator("#hub-search-results .hub-search__snippet mark").count() >= 1
    expect(page.locator(".hub-search__unmatched")).to_contain_text("Nothing on the hub mentions \u2018xyzzyq\u2019")
    snippet_html = page.locator("#hub-search-results .hub-search__snippet").first.evaluate("s => s.innerHTML")
    assert "<script" not in snippet_html


# The finder on a phone ------------------------------------------------------------

def in_view(page, selector: str) -> bool:
    return page.locator(selector).evaluate(
        "e => { const r = e.getBoundingClientRect(); return r.bottom > 0 && r.top < innerHeight && r.height > 0; }")


@pytest.mark.browser
def test_on_a_phone_after_ticking_a_filter_a_button_shows_the_results(browser, server):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    try:
        page = context.new_page()
        page.goto(server.url + "case-studies/")
        page.wait_for_selector(".hub-finder--ready")
        page.locator(".hub-finder__filters summary").click()
        box = page.locator("#hub-f-region-north-west")
        box.scroll_into_view_if_needed()
        box.check()
        expect(page.locator("#hub-finder-count")).to_contain_text("match")
        assert not in_view(page, "#hub-finder-count"), "the count is out of sight, below the filters"
        show = page.locator(".hub-finder__show")
        expect(show).to_have_text(re.compile(r"^Show \d+ results?$"))
        assert in_view(page, ".hub-finder__show"), "the button stays on screen while the filters are open"
        count = int(show.inner_text().split()[1])
        show.click()
        assert in_view(page, "#hub-finder-count") and page.locator(".hub-result").first.is_visible()
        assert not page.locator("#hub-finder-filters").evaluate("d => d.open")
        assert page.locator(".hub-result").count() == min(count, 20)
        assert page.evaluate("!!document.activeElement.closest('.hub-result')"), "focus goes to the first result"
    finally:
        context.close()


@pytest.mark.browser
def test_the_keyword_box_comes_first_and_untagged_frameworks_are_one_line(page, server):
    page.goto(server.url + "case-studies/")
    page.wait_for_selector(".hub-finder--ready")
    order = page.evaluate("""() => [...document.querySelectorAll('#hub-finder-q, .hub-browse, .hub-finder__filters, #hub-follow')]
        .map(e => e.id || e.className)""")
    assert order == ["hub-finder-q", "hub-browse", "hub-finder-filters", "hub-follow"], order
    assert page.locator("#hub-follow").inner_text().startswith("Follow this list")
    groups = page.locator(".hub-facet:not(.hub-facet--group) > legend").all_inner_texts()
    note = page.locator(".hub-finder__untagged").inner_text()
    assert note.startswith("No case study is tagged yet with:") and "National TOMs theme" in note
    assert "National TOMs theme" not in groups and "Region" in groups
    for legend in groups:  # every group shown has a value some case study holds
        counts = page.locator(".hub-facet", has=page.locator(f"legend:text-is('{legend}')")).first.locator(
            ".hub-facet__count").all_inner_texts()
        assert not counts or any(c != "(0)" for c in counts), legend
