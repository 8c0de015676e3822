"""The site knows its own address, so search engines can list every page and
each page names its canonical URL; another host sets HUB_SITE_URL."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import yaml
from conftest import ROOT, VALID, build, make_project, soup

SITE_URL = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["site_url"]
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def built_pages(site) -> list[str]:
    """Every page of the site, as its URL path ('' for the home page)."""
    return sorted(p.parent.relative_to(site).as_posix().removeprefix(".") + "/" for p in site.rglob("index.html"))


def sitemap(site) -> list[str]:
    root = ET.parse(site / "sitemap.xml").getroot()
    return [loc.text for loc in root.iter(f"{SITEMAP}loc")]


def test_the_canonical_address_is_an_https_site_root():
    assert SITE_URL.startswith("https://") and SITE_URL.endswith("/")


def test_the_sitemap_lists_every_built_page_and_each_names_itself_as_canonical(real_site):
    pages = built_pages(real_site)
    assert len(pages) > 50
    expected = sorted(SITE_URL + page.lstrip("/") for page in pages)
    assert sorted(sitemap(real_site)) == expected
    for page in pages:
        url = page.lstrip("/")
        canonical = soup(real_site, url).find("link", rel="canonical")
        assert canonical is not None and canonical["href"] == SITE_URL + url, url


def test_another_host_sets_its_address_with_an_environment_variable(tmp_path):
    project = make_project(tmp_path / "project", sorted(VALID.glob("*.md")))
    mirror = "https://mirror.example.net/social-value"
    assert build(project, env={"HUB_SITE_URL": mirror}).returncode == 0
    site = project / "site"
    assert all(loc.startswith(mirror + "/") for loc in sitemap(site))
    page = soup(site, "guidance/evaluation/")
    assert page.find("link", rel="canonical")["href"] == f"{mirror}/guidance/evaluation/"
    assert page.find("meta", property="og:url")["content"] == f"{mirror}/guidance/evaluation/"
    assert f"<id>{mirror}/case-studies/feed.xml</id>" in (site / "case-studies" / "feed.xml").read_text()
