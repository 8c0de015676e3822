"""A reader can follow the library, or one facet of it, in a feed reader:
every feed is valid Atom, linked from the pages it follows, and small."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from urllib.parse import urljoin

import feedparser
import pytest
from conftest import soup

from svhub.exports.feeds import FEED_LIMIT, Entry, Feed

SITE_URL = "https://www.socialvaluehub.org.uk/"


def parse(path: Path) -> feedparser.FeedParserDict:
    """The feed as a feed reader reads it; any parse problem fails the test."""
    parsed = feedparser.parse(path.read_bytes())
    assert not parsed.bozo, (path, parsed.get("bozo_exception"))
    assert parsed.version == "atom10", path
    return parsed


def site_path(site: Path, url: str) -> Path:
    """A URL on the built site (absolute, or '/'-rooted) as a file in it."""
    path = url.removeprefix(SITE_URL).lstrip("/")
    return site / path / "index.html" if path.endswith("/") or not path else site / path


def feed_link(page, page_url: str) -> str:
    """The site path of the feed a page names first in its <head>."""
    link = page.find("link", rel="alternate", type="application/atom+xml")
    assert link is not None, page_url
    return urljoin("/" + page_url, link["href"])


def test_every_feed_on_the_site_is_valid_atom(fixture_site):
    feeds = sorted(fixture_site.rglob("feed.xml"))
    assert len(feeds) > 10
    for path in feeds:
        parsed = parse(path)
        assert parsed.feed.title.startswith("Social Value Hub: ")
        assert parsed.feed.id and parsed.feed.updated_parsed
        for link in parsed.feed.links:
            assert link.href.startswith(SITE_URL)
        for entry in parsed.entries:
            assert entry.id.startswith(SITE_URL) and entry.link.startswith(SITE_URL)
            assert entry.title and entry.summary and entry.updated_parsed


def test_hostile_case_studies_come_out_of_every_feed_as_the_text_they_are(hostile_site):
    for path in sorted(hostile_site.rglob("feed.xml")):
        parse(path)
    parsed = parse(hostile_site / "case-studies" / "feed.xml")
    hostile = next(e for e in parsed.entries if e.link.endswith("/html-in-every-field/"))
    page = soup(hostile_site, "case-studies/html-in-every-field/")
    assert hostile.title == page.h1.get_text()
    assert hostile.summary == page.select_one(".hub-lede").get_text()
    assert "Commissioner: <img src=x onerror=window.__pwned=5> Council." in hostile.content[0].value
    assert hostile.summary_detail.type == "text/plain"  # a reader shows it as text, never as HTML


def test_the_case_study_feed_lists_every_case_study_newest_first(fixture_site):
    parsed = parse(fixture_site / "case-studies" / "feed.xml")
    links = [entry.link for entry in parsed.entries]
    listed = [a["href"] for a in soup(fixture_site, "case-studies/").select(".hub-result__title a")]
    assert sorted(links) == sorted(urljoin(SITE_URL + "case-studies/", href) for href in listed)
    updated = [entry.updated_parsed for entry in parsed.entries]
    assert updated == sorted(updated, reverse=True)
    nhs = next(e for e in parsed.entries if e.link.endswith("/fixture-nhs-health-advice/"))
    page = soup(fixture_site, "case-studies/fixture-nhs-health-advice/")
    assert nhs.title == page.h1.get_text()
    assert nhs.summary == page.select_one(".hub-lede").get_text()
    commissioner = page.select_one(".hub-glance dd").get_text().split(" (")[0]
    assert f"Commissioner: {commissioner}." in nhs.content[0].value
    assert nhs.updated.startswith("2026-02-01")


def test_every_case_study_page_names_the_feed_in_its_head(fixture_site):
    for path in sorted((fixture_site / "case-studies").glob("*/index.html")):
        url = path.parent.relative_to(fixture_site).as_posix() + "/"
        page = soup(fixture_site, url)
        if page.select_one(".hub-lede") is None:
            continue  # a facet folder, not a case study
        assert feed_link(page, url) == "/case-studies/feed.xml", url


@pytest.mark.parametrize("facet_page", [
    "case-studies/region/london/", "case-studies/service/food-and-catering/",
    "case-studies/theme/apprenticeships/", "case-studies/review-example/housing-repairs/",
])
def test_following_a_facet_pages_feed_gives_exactly_its_case_studies(fixture_site, facet_page):
    page = soup(fixture_site, facet_page)
    follow = page.select_one(".hub-follow a")
    assert follow.get_text() == "Follow this"
    assert "feed reader" in page.select_one(".hub-follow").get_text()
    head = feed_link(page, facet_page)
    assert urljoin("/" + facet_page, follow["href"]) == head
    parsed = parse(site_path(fixture_site, head))
    on_the_page = {urljoin(SITE_URL + facet_page, a["href"]) for a in page.select(".hub-result__title a")}
    assert on_the_page
    assert {entry.link for entry in parsed.entries} == on_the_page
    assert parsed.feed.title == f"Social Value Hub: {page.h1.get_text().rstrip('¶')}"
    assert parsed.feed.link == SITE_URL + facet_page


def test_a_facet_value_without_case_studies_still_has_a_valid_empty_feed(fixture_site):
    empty = [p for p in sorted((fixture_site / "case-studies" / "review-example").glob("*/feed.xml"))
             if not parse(p).entries]
    assert empty, "the fixture library leaves some contract types empty"
    page = soup(fixture_site, empty[0].parent.relative_to(fixture_site).as_posix() + "/")
    assert page.select_one(".hub-follow a") is not None


def test_a_feed_keeps_only_its_newest_entries():
    entries = [Entry(id=f"{SITE_URL}x/{n}/", title=f"Entry {n:03}", link=f"{SITE_URL}x/{n}/",
                     updated=date(2020, 1, 1 + n % 28), summary="s") for n in range(120)]
    from svhub.exports.feeds import newest

    kept = newest(entries)
    assert len(kept) == FEED_LIMIT
    assert min(e.updated for e in kept) >= max(e.updated for e in entries if e not in kept)
    feed = Feed("x/feed.xml", "x/", "Social Value Hub: x", "x", kept, date(2020, 1, 1))
    assert len(feedparser.parse(feed.xml(SITE_URL)).entries) == FEED_LIMIT


def test_text_no_xml_document_may_hold_is_dropped_and_the_rest_escaped():
    entry = Entry(id=f"{SITE_URL}x/", title="A \x00title\x1b with ]]> & <b>tags</b>", link=f"{SITE_URL}x/",
                  updated=date(2026, 1, 1), summary="\ufffeOdd \x08characters")
    feed = Feed("x/feed.xml", "x/", "Social Value Hub: x", "x", (entry,), date(2026, 1, 1))
    parsed = feedparser.parse(feed.xml(SITE_URL))
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.entries[0].title == "A title with ]]> & <b>tags</b>"
    assert parsed.entries[0].summary == "Odd characters"


def test_the_feed_links_make_the_browser_fetch_nothing_that_is_missing(page, fixture_server):
    """Material fetches a sitemap.xml beside every plain rel=alternate link; the feeds' links are not plain."""
    failed: list[str] = []
    page.on("response", lambda response: failed.append(response.url) if response.status >= 400 else None)
    for url in ("case-studies/region/london/", "case-studies/fixture-nhs-health-advice/", "about/whats-changed/"):
        page.goto(fixture_server.url + url)
        page.wait_for_load_state("networkidle")
    assert failed == []


# The finder ---------------------------------------------------------------------

def follow_in_the_finder(page, server, query: str):
    page.goto(server.url + "case-studies/" + query)
    page.locator(".hub-finder--ready").wait_for(timeout=15000)
    return page.locator("#hub-follow")


def test_the_listing_without_javascript_follows_every_case_study(fixture_site):
    follow = soup(fixture_site, "case-studies/").select_one("#hub-follow")
    assert follow.a.get_text() == "Follow this list" and follow.a["href"] == "feed.xml"
    assert len(follow.get_text()) < 80, "a short link, not a paragraph about feeds"


def test_the_finder_filtered_to_one_facet_value_offers_that_values_feed(page, fixture_server, fixture_site):
    follow = follow_in_the_finder(page, fixture_server, "?region=london")
    link = follow.locator("a")
    assert link.count() == 1 and link.inner_text() == "Follow this list"
    href = link.evaluate("a => a.href")
    assert href == fixture_server.url + "case-studies/region/london/feed.xml"
    assert "filed under London" in follow.inner_text()
    parsed = parse(site_path(fixture_site, href.removeprefix(fixture_server.url)))
    shown = page.locator(".hub-result__title a").evaluate_all("links => links.map(a => a.pathname)")
    assert sorted(e.link.removeprefix(SITE_URL.rstrip("/")) for e in parsed.entries) == sorted(shown)


@pytest.mark.parametrize("query, reason", [
    ("?region=london&service=advice-and-advocacy", "it has more than one filter"),
    ("?q=health&region=london", "it has keywords"),
])
def test_a_view_no_feed_follows_names_the_closest_feeds(page, fixture_server, query, reason):
    follow = follow_in_the_finder(page, fixture_server, query)
    assert f"No feed follows this view, because {reason}." in follow.inner_text()
    hrefs = follow.locator("a").evaluate_all("links => links.map(a => a.pathname)")
    assert "/case-studies/region/london/feed.xml" in hrefs
    assert hrefs[-1] == "/case-studies/feed.xml"


def test_clearing_the_filters_follows_every_case_study_again(page, fixture_server):
    follow = follow_in_the_finder(page, fixture_server, "?region=london")
    page.locator(".hub-finder__clear").click()
    page.wait_for_function("!location.search")
    assert follow.locator("a").evaluate("a => a.pathname") == "/case-studies/feed.xml"
    assert "every case study" in follow.inner_text()
