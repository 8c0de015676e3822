"""Everyone can use the hub: every page type meets WCAG 2.2 AA as far as axe-core
can tell, in the light and dark colour schemes, on a desktop and on a 320 px
phone, and passes the checks axe cannot make on its own (one h1, no skipped
heading levels, alt text, meaningful link text, a working skip link, and a
focus order that follows the reading order on the finder)."""

from __future__ import annotations

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from conftest import PAGE_TYPES, WCAG_TAGS, describe, soup

# What the search makes of a reader's words: the filters they name, offered, and a word nothing contains.
WORDS = "apprenticeships in highways contracts in the North West xyzzyq"
SEARCHED = {"finder, words read": "case-studies/?q=" + WORDS.replace(" ", "%20"),
            "search page, words read": "search/?q=" + WORDS.replace(" ", "%20")}
STATES = [*PAGE_TYPES, "search results open", "search results open, words read", *SEARCHED, "finder, filters open"]
SCHEMES = {"light": "default", "dark": "slate"}
WIDTHS = [1280, 320]
VAGUE_LINK_TEXT = {"click here", "here", "click", "read more", "more", "link", "this link", "this page", "this"}

_axe = Axe()


def open_state(browser, server, state: str, scheme: str, width: int):
    """A fresh page in the given state, colour scheme and width."""
    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    page.goto(server.url + {**PAGE_TYPES, **SEARCHED}.get(state, PAGE_TYPES["finder, empty"] if state.startswith("finder")
                                                          else ""), wait_until="load")
    page.wait_for_load_state("networkidle")
    if state.startswith("finder"):
        page.wait_for_function("document.getElementById('hub-finder-count')?.textContent.trim()", timeout=15000)
    if state == "finder, words read":
        page.locator(".hub-finder__offer").first.wait_for(timeout=15000)
    if state == "search page, words read":
        page.locator("#hub-search-page-results .hub-search__snippet mark").first.wait_for(timeout=15000)
    if state == "finder, filters open":  # on a phone, with "Show N results" at the foot of the screen
        page.locator("#hub-finder-filters").evaluate("d => { d.open = true; }")
        page.locator("#hub-finder-filters input[type=checkbox]:not([disabled])").first.check()
    if state.startswith("search results open"):
        if width < 960:  # on a phone the header links to the search page, which has its own box
            page.locator("a.hub-search__open:visible").first.click()
            page.wait_for_url("**/search/")
            search, result = page.locator("#hub-search-page-q"), page.locator("#hub-search-page-results a")
        else:
            search, result = page.locator("#hub-search-q"), page.locator("#hub-search-results [role=option]")
        search.click()
        search.press_sequentially(WORDS if state.endswith("words read") else "social value")
        result.first.wait_for(timeout=15000)
    # axe reads colours as they are at that moment, and the theme fades the search
    # results in; mid-fade, result text measured 4.42:1 instead of 4.72:1.
    page.evaluate("() => Promise.all(document.getAnimations().map(a => a.finished.catch(() => null)))")
    return context, page


# axe-core -----------------------------------------------------------------------

@pytest.mark.browser
@pytest.mark.parametrize("width", WIDTHS, ids=lambda w: f"{w}px")
@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("state", STATES)
def test_axe_finds_no_wcag_a_or_aa_violation(browser, real_server, state, scheme, width):
    context, page = open_state(browser, real_server, state, scheme, width)
    try:
        assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == SCHEMES[scheme]
        results = _axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS},
                                          "resultTypes": ["violations"]})
    finally:
        context.close()
    assert describe(results.response["violations"]) == []


def built_pages(site) -> list[str]:
    """Every HTML page of a built site, as the URL a reader opens."""
    return [f.relative_to(site).as_posix().removesuffix("index.html") for f in sorted(site.rglob("*.html"))]


@pytest.mark.browser
@pytest.mark.parametrize("width", WIDTHS, ids=lambda w: f"{w}px")
@pytest.mark.parametrize("scheme", SCHEMES)
def test_axe_finds_no_wcag_a_or_aa_violation_on_any_built_page(browser, real_site, real_server, scheme, width):
    """Not a sample: every page the build wrote (the glossary's and support page's
    source lines once failed contrast, on pages no sample covered)."""
    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    problems = {}
    try:
        for url in built_pages(real_site):
            page.goto(real_server.url + url, wait_until="load")
            if url == "case-studies/":
                page.wait_for_function("document.getElementById('hub-finder-count')?.textContent.trim()",
                                       timeout=15000)
            page.evaluate("() => Promise.all(document.getAnimations().map(a => a.finished.catch(() => null)))")
            results = _axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS},
                                              "resultTypes": ["violations"]})
            if found := describe(results.response["violations"]):
                problems[url] = found
    finally:
        context.close()
    assert problems == {}


@pytest.mark.browser
def test_axe_would_report_a_violation(browser, real_server):
    """The check above can fail: an image without alt text and a low-contrast
    paragraph added to a real page are both reported."""
    context, page = open_state(browser, real_server, "home", "light", 1280)
    try:
        page.evaluate("""() => {
            const article = document.querySelector('article');
            article.insertAdjacentHTML('beforeend', '<img src="assets/images/favicon.png"><p id="pale">Pale text</p>');
            document.getElementById('pale').style.color = '#ccc';
        }""")
        results = _axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    finally:
        context.close()
    assert {v["id"] for v in results.response["violations"]} >= {"image-alt", "color-contrast"}


# What axe cannot check on its own ------------------------------------------------

@pytest.fixture(scope="module")
def every_page(real_site) -> list[tuple[str, object]]:
    """(name, parsed page) for every HTML page of the real site."""
    names = [file.relative_to(real_site).as_posix() for file in sorted(real_site.rglob("*.html"))]
    return [(name, soup(real_site, name)) for name in names]


def heading_problems(levels: list[int]) -> list[str]:
    problems = [] if levels[:1] == [1] else [f"the first heading is h{levels[0] if levels else '-'}, not h1"]
    if levels.count(1) != 1:
        problems.append(f"{levels.count(1)} h1 elements")
    problems += [f"h{a} is followed by h{b}" for a, b in zip(levels, levels[1:], strict=False) if b > a + 1]
    return problems


def test_every_page_has_one_h1_and_headings_that_never_skip_a_level(every_page):
    problems = {}
    for name, page in every_page:
        levels = [int(h.name[1]) for h in page.find_all(re.compile(r"^h[1-6]$"))]
        if found := heading_problems(levels):
            problems[name] = found
    assert problems == {}


def test_the_heading_rule_itself():
    assert heading_problems([1, 2, 3, 2, 3, 3, 2]) == []
    assert heading_problems([1, 3]) == ["h1 is followed by h3"]
    assert heading_problems([2, 1]) == ["the first heading is h2, not h1"]
    assert heading_problems([1, 2, 1]) == ["2 h1 elements"]


def test_every_image_has_alt_text(every_page):
    missing = [(name, str(img)[:120]) for name, page in every_page for img in page.find_all("img")
               if not img.has_attr("alt") or (not img["alt"].strip() and img.get("role") != "presentation"
                                              and not img.find_parent(attrs={"aria-hidden": "true"}))]
    assert missing == []


def link_text_problem(text: str) -> str | None:
    text = " ".join(text.split()).lower().rstrip(".")
    if re.match(r"^(https?://|www\.)", text):
        return "a bare web address"
    if text in VAGUE_LINK_TEXT:
        return "says nothing about where it leads"
    return None


def test_link_texts_say_where_they_lead(every_page):
    problems = []
    for name, page in every_page:
        for link in page.find_all("a", href=True):
            text = link.get("aria-label") or link.get_text(" ", strip=True) or link.get("title", "")
            if problem := link_text_problem(text):
                problems.append((name, text, problem))
    assert problems == []


def test_the_link_text_rule_itself():
    assert link_text_problem("https://www.gov.uk/guidance") == "a bare web address"
    assert link_text_problem(" Click  here. ") == "says nothing about where it leads"
    assert link_text_problem("Social Value Model (Cabinet Office)") is None


@pytest.mark.browser
@pytest.mark.parametrize("state", ["home", "guidance page", "finder, empty", "case study", "facet page"])
def test_the_skip_link_is_the_first_stop_and_leads_to_the_page_title(browser, real_server, state):
    context, page = open_state(browser, real_server, state, "light", 1280)
    try:
        page.keyboard.press("Tab")
        skip = page.evaluate("""() => { const a = document.activeElement;
            const box = a.getBoundingClientRect();
            return {skip: a.classList.contains('md-skip'), text: a.textContent.trim(), href: a.getAttribute('href'),
                    visible: box.width > 1 && box.height > 1}; }""")
        assert skip["skip"] and skip["text"] == "Skip to content" and skip["visible"], skip
        page.keyboard.press("Enter")
        assert page.evaluate("location.hash") == skip["href"]
        assert page.evaluate("document.querySelector(location.hash).tagName") == "H1"
        page.keyboard.press("Tab")
        after = page.evaluate("""() => { const h1 = document.querySelector('h1'), a = document.activeElement;
            return {inContent: !!a.closest('.md-content'),
                    afterTitle: h1.contains(a) || !!(h1.compareDocumentPosition(a) & Node.DOCUMENT_POSITION_FOLLOWING)}; }""")
    finally:
        context.close()
    assert after == {"inContent": True, "afterTitle": True}


def focus_stops(page, start: str, count: int) -> list[dict]:
    """Tab from `start` and note each stop inside the finder: where it is and what it is."""
    page.locator(start).focus()
    stops = []
    for _ in range(count):
        stop = page.evaluate("""() => { const a = document.activeElement, box = a.getBoundingClientRect();
            const all = [...document.querySelectorAll('#hub-finder *')];
            return {inFinder: !!a.closest('#hub-finder'), order: all.indexOf(a), tag: a.tagName.toLowerCase(),
                    type: a.type || '', top: box.top + scrollY, left: box.left, right: box.right,
                    name: (a.labels && a.labels[0] ? a.labels[0].textContent : a.textContent).trim().slice(0, 40)}; }""")
        if not stop["inFinder"]:
            break
        stops.append(stop)
        page.keyboard.press("Tab")
    return stops


@pytest.mark.browser
@pytest.mark.parametrize("width", WIDTHS, ids=lambda w: f"{w}px")
def test_focus_order_on_the_finder_follows_the_reading_order(browser, real_server, width):
    context, page = open_state(browser, real_server, "finder, filtered", "light", width)
    try:
        assert page.locator("[tabindex]:not([tabindex='0']):not([tabindex='-1'])").count() == 0
        stops = focus_stops(page, "#hub-finder-q", 400)
    finally:
        context.close()
    kinds = {(s["tag"], s["type"]) for s in stops}
    assert ("input", "search") in kinds or ("input", "text") in kinds
    assert ("a", "") in kinds and ("select", "select-one") in kinds and ("button", "button") in kinds
    if width >= 960:
        assert ("input", "checkbox") in kinds
    orders = [s["order"] for s in stops]
    assert orders == sorted(orders), "focus moves in document order"
    for before, after in zip(stops, stops[1:], strict=False):
        # In a left-to-right layout, the next stop is further down, or in a column to the right.
        assert after["top"] >= before["top"] - 2 or after["left"] >= before["right"] - 2, (before, after)
