"""A link to the hub pasted into an email or a chat shows the page's title and
summary, and search engines read each case study as an article: Open Graph,
Twitter card and schema.org JSON-LD, with contributors' text escaped."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import soup
from test_hostile import HOSTILE_PAGES


def pages(site: Path) -> list[str]:
    """Every page's URL path: '' for the home page, 'guidance/' and so on."""
    folders = (p.parent.relative_to(site).as_posix() for p in site.rglob("index.html"))
    return sorted("" if folder == "." else folder + "/" for folder in folders)


def case_studies(site: Path) -> list[str]:
    return [url for url in pages(site) if soup(site, url).select_one(".hub-lede") is not None]


def meta(page, name: str) -> str:
    tag = page.find("meta", property=name) or page.find("meta", attrs={"name": name})
    assert tag is not None, name
    return tag["content"]


def json_ld(page) -> dict:
    scripts = page.find_all("script", type="application/ld+json")
    assert len(scripts) == 1
    return json.loads(scripts[0].string)


def title(page) -> str:
    return page.h1.get_text().removesuffix("¶")


def test_every_page_has_a_link_preview(fixture_site):
    for url in pages(fixture_site):
        page = soup(fixture_site, url)
        canonical = page.find("link", rel="canonical")["href"]
        assert meta(page, "og:url") == canonical, url
        assert meta(page, "og:site_name") == "Social Value Hub"
        assert meta(page, "og:title") == meta(page, "twitter:title") != ""
        assert meta(page, "og:description") == meta(page, "twitter:description") != ""
        assert meta(page, "twitter:card") == "summary"
        assert page.find("meta", property="og:image") is None  # nothing fetched from anywhere


def test_a_case_studys_preview_is_its_own_title_and_summary(fixture_site):
    page = soup(fixture_site, "case-studies/fixture-nhs-health-advice/")
    assert meta(page, "og:title") == title(page)
    assert meta(page, "og:description") == page.select_one(".hub-lede").get_text()
    assert meta(page, "og:type") == "article"


def test_every_case_study_is_an_article_whose_headline_is_its_h1(real_site):
    urls = case_studies(real_site)
    assert len(urls) > 20
    for url in urls:
        page = soup(real_site, url)
        data = json_ld(page)
        assert data["@context"] == "https://schema.org" and data["@type"] == "Article", url
        assert data["headline"] == title(page), url
        assert data["description"] == page.select_one(".hub-lede").get_text()
        assert data["url"] == page.find("link", rel="canonical")["href"]
        review = {div.dt.get_text(): div.dd.time["datetime"] for div in page.select(".hub-review dl > div")
                  if div.dd.time}
        assert data["datePublished"] == review["Published"]
        assert data["dateModified"] == max(review["Published"], review["Last reviewed"])
        assert data["publisher"]["name"] == "Social Value Hub"
        commissioner = page.select_one(".hub-glance dd").get_text()
        assert data["about"] == {"@type": "Organization", "name": commissioner.rsplit(" (", 1)[0]}
        sources = [a["href"] for a in page.select(".hub-sources li a")]
        assert [c["url"] for c in data["citation"]] == sources


def test_guidance_pages_carry_their_review_dates(real_site):
    page = soup(real_site, "guidance/evaluation/")
    data = json_ld(page)
    assert data["@type"] == "WebPage"
    reviewed = page.select_one(".hub-review dl").find("dt", string="Last reviewed").find_next("time")
    assert data["lastReviewed"] == reviewed["datetime"]
    assert data["reviewedBy"]["name"] == page.select_one(".hub-review").find("dt", string="Checked by").find_next("dd").get_text()


@pytest.mark.parametrize("url", HOSTILE_PAGES)
def test_hostile_text_is_escaped_in_previews_and_structured_data(hostile_site, url):
    path = hostile_site / url / "index.html"
    html = path.read_text(encoding="utf-8")
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(blocks) == 1
    assert "<" not in blocks[0]  # so no '</script' and no '<!--'
    page = soup(hostile_site, url)
    data = json_ld(page)
    assert data["headline"] == title(page)
    assert data["description"] == page.select_one(".hub-lede").get_text()
    assert meta(page, "og:title") == title(page)
    assert meta(page, "og:description") == page.select_one(".hub-lede").get_text()
    # Nothing a contributor wrote became an element of the head.
    head = page.head
    assert [s for s in head.find_all("script") if "__pwned" in str(s) and s.get("type") != "application/ld+json"] == []
    assert head.find("svg") is None and head.find("img") is None and head.find("iframe") is None
