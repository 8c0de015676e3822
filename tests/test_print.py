"""Printing: what a commissioner takes into a meeting on paper (A4, Chromium's PDF)."""

from __future__ import annotations

import io
import re

import pytest
from conftest import ROOT, soup

pytestmark = pytest.mark.browser

CASE_STUDIES = sorted(p.stem for p in (ROOT / "casestudies").glob("*.md"))
MAX_PAGES = 2


def _pdf(page, url: str, scheme: str = "default") -> tuple[int, str]:
    from pypdf import PdfReader

    page.emulate_media(color_scheme="dark" if scheme == "slate" else "light")
    page.goto(url)
    page.evaluate(f"document.body.setAttribute('data-md-color-scheme', '{scheme}')")
    reader = PdfReader(io.BytesIO(page.pdf(format="A4", print_background=True)))
    text = "\n".join(p.extract_text() or "" for p in reader.pages)
    return len(reader.pages), re.sub(r"\s+", "", text)


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("slug", CASE_STUDIES)
def test_every_case_study_prints_on_two_a4_pages_with_its_sources_addresses(slug, page, real_site, real_server):
    url = f"case-studies/{slug}/"
    html = soup(real_site, url)
    pages, text = _pdf(page, real_server.url + url)
    assert pages <= MAX_PAGES, f"{slug} prints on {pages} pages"
    assert _squash(html.h1.get_text()) in text
    for link in html.select(".hub-sources a[href^=http]"):
        assert _squash(link["href"]) in text, f"{slug}: the source {link['href']} is not printed"
    review_by = html.select_one(".hub-review time[datetime]:last-of-type")
    assert review_by is not None and _squash(review_by.get_text()) in text
    assert "Skiptocontent" not in text and "Editthiscasestudy" not in text


def test_a_guidance_page_prints_its_headings_tables_and_source_addresses(page, real_site, real_server):
    url = "guidance/can-and-cannot/"
    html = soup(real_site, url)
    _, text = _pdf(page, real_server.url + url)
    for heading in html.select("article h2"):
        assert _squash(heading.get_text()).replace("¶", "") in text
    for link in html.select(".hub-sources a[href^=http]"):
        assert _squash(link["href"]) in text


def test_the_dark_scheme_prints_dark_on_light(page, real_server):
    page.emulate_media(color_scheme="dark", media="print")
    page.goto(real_server.url + "guidance/evaluation/")
    page.evaluate("document.body.setAttribute('data-md-color-scheme', 'slate')")
    colours = page.evaluate("""() => {
        const body = getComputedStyle(document.body), text = getComputedStyle(document.querySelector('article p'));
        return [body.backgroundColor, text.color];
    }""")
    assert colours == ["rgb(255, 255, 255)", "rgb(0, 0, 0)"]


def test_the_sites_chrome_does_not_print(page, real_server):
    page.emulate_media(media="print")
    page.goto(real_server.url + "guidance/evaluation/")
    hidden = page.evaluate("""() => ['.md-header', '.md-sidebar--primary', '.md-footer', '.md-search']
        .map(s => document.querySelector(s)).filter(Boolean).map(e => getComputedStyle(e).display)""")
    assert hidden and set(hidden) == {"none"}


def test_print_these_results_prints_the_whole_list_with_its_filters_facts_and_addresses(page, real_site, real_server):
    """The finder's button prints every result of the current list (not only the
    first twenty shown), each with its summary, key facts and address online,
    under a line that names the keywords and filters that made the list."""
    from playwright.sync_api import expect

    page.goto(real_server.url + "case-studies/?service=housing-repairs")
    page.wait_for_selector(".hub-finder--ready")
    page.fill("#hub-finder-q", "residents")
    expect(page.locator("#hub-finder-count")).to_contain_text("match")
    expect(page.locator("#hub-finder-count")).not_to_contain_text("Loading")
    # The print dialog itself cannot be driven headless: the button's call is recorded, then the page is printed.
    page.evaluate("() => { window.print = () => { document.documentElement.dataset.printed = 'yes'; }; }")
    page.click("text=Print these results")
    page.wait_for_selector("html[data-printed]", state="attached")
    slugs = [a.get_attribute("href").removesuffix("/") for a in page.locator(".hub-result__title a").all()]
    assert slugs
    listing = soup(real_site, "case-studies/")
    from pypdf import PdfReader

    text = _squash("\n".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(page.pdf(format="A4"))).pages))
    assert _squash(f"{len(slugs)} case studies from the Social Value Hub's case-study finder, found with "
                   "Keywords: residents; Service area: Housing repairs and maintenance.") in text
    for slug in slugs:
        item = listing.select_one(f"#cs-{slug}")
        assert _squash(item.select_one(".hub-result__title").get_text()) in text
        assert _squash(item.select_one(".hub-result__summary").get_text()) in text
        assert _squash(f"https://www.socialvaluehub.org.uk/case-studies/{slug}/") in text
        for fact in item.select(".hub-result__meta dd"):
            assert _squash(fact.get_text()) in text
    assert "Searchcasestudies" not in text and "Downloadtheseresults" not in text


def test_print_these_results_prints_every_result_not_only_those_shown(page, real_server):
    page.goto(real_server.url + "case-studies/")
    page.wait_for_selector(".hub-finder--ready")
    total = int(page.inner_text("#hub-finder-count").split()[0])
    assert page.locator(".hub-result").count() < total  # "Show more" holds the rest
    page.evaluate("() => { window.print = () => { document.documentElement.dataset.printed = 'yes'; }; }")
    page.click("text=Print these results")
    page.wait_for_selector("html[data-printed]", state="attached")
    assert page.locator(".hub-result").count() == total
    assert page.locator(".hub-result__address").count() == total
    line = page.locator(".hub-finder__printed").text_content()
    assert line.startswith(f"All {total} case studies in the Social Value Hub's case-study finder, with no filters")
