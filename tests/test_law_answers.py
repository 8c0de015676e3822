"""The law pages answer from the text: few hedges, gathered in one box per page,
and the scope check's verdicts follow the hub's own threshold and duty data."""

from __future__ import annotations

import re

import pytest
import yaml
from conftest import ROOT, soup

from svhub.structure.thresholds import money, scope_answer

HEDGE = re.compile(r"not (?:been )?confirmed|has not (?:been able|read|confirmed|found|checked)|have not read"
                   r"|could not (?:be )?confirm|not (?:fully )?checked|unconfirmed|hub has not", re.I)
DATA = ROOT / "content" / "_data"


def _pages(site, section):
    return sorted(p.parent.relative_to(site).as_posix() + "/" for p in (site / section).rglob("index.html"))


def _article(site, url):
    article = soup(site, url).find("article")
    for updates in article.select(".hub-updates"):  # dated change notes are history, not statements
        updates.decompose()
    return article


def _text(tag) -> str:
    """The tag's text with its whitespace normalised, so that a hedge wrapped across
    source lines ("has\nnot found") is still found."""
    return " ".join(tag.get_text(" ").split())


def _hedges(site, url) -> int:
    return len(HEDGE.findall(_text(_article(site, url))))


def test_the_guidance_and_the_act_carry_at_most_twenty_hedges(real_site):
    counts = {url: _hedges(real_site, url) for section in ("guidance", "the-act") for url in _pages(real_site, section)}
    assert sum(counts.values()) <= 20, {u: n for u, n in counts.items() if n}


def test_can_and_cannot_carries_at_most_three_hedges_all_in_its_one_box(real_site):
    article = _article(real_site, "guidance/can-and-cannot/")
    boxes = article.select(".admonition.open")
    assert len(boxes) == 1
    assert _hedges(real_site, "guidance/can-and-cannot/") <= 3
    assert len(HEDGE.findall(_text(boxes[0]))) == _hedges(real_site, "guidance/can-and-cannot/")


def test_every_remaining_hedge_sits_in_the_pages_one_box_with_what_was_searched(real_site):
    for section in ("guidance", "the-act"):
        for url in _pages(real_site, section):
            article = _article(real_site, url)
            boxes = article.select(".admonition.open")
            assert len(boxes) <= 1, url
            total = len(HEDGE.findall(_text(article)))
            inside = sum(len(HEDGE.findall(_text(b))) for b in boxes)
            assert total == inside, f"{url}: a hedge outside the open-points box"
            for box in boxes:
                assert _text(box).count("Searched:") == inside, url


def _thresholds():
    table = next(t for t in yaml.safe_load((DATA / "thresholds.yml").read_text()) if t["id"] == "procurement-act-2026")
    return {row["id"]: money(row["from_2026"]) for row in table["rows"] if "id" in row}


@pytest.mark.parametrize(("row", "kind", "value", "public", "act_2012"), [
    ("sub-central", "services", 3_000_000, "Yes", "duty to consider applies"),
    ("works", "works", 3_000_000, "No", "does not apply"),
    ("sub-central", "services", 100_000, "No", "open point"),
])
def test_scope_answers_follow_the_threshold_data(row, kind, value, public, act_2012):
    tables = yaml.safe_load((DATA / "thresholds.yml").read_text())
    answer = scope_answer(tables, "procurement-act-2026", row, kind, value)
    assert answer.public == public
    assert (value >= _thresholds()[row]) == (public == "Yes")
    assert act_2012 in answer.follows


def test_the_housing_repairs_example_shows_the_data_figures(real_site):
    table = soup(real_site, "guidance/scope-check/").find("article").find_all("table")[-1]
    rows = [[cell.get_text(" ", strip=True) for cell in tr.find_all("td")] for tr in table.find_all("tr")[1:]]
    figures = _thresholds()
    services = [r for r in rows if "main purpose is services" in r[0]]
    works = [r for r in rows if r[0].startswith("Planned works")]
    assert services and works
    assert f"£{figures['sub-central']:,}" in services[0][1] and services[0][2] == "Yes"
    assert f"£{figures['works']:,}" in works[0][1] and works[0][2] == "No"


def test_the_procurement_act_page_links_each_section_and_is_in_nav_and_search(real_site):
    page = soup(real_site, "guidance/procurement-act-2023/")
    hrefs = [a["href"] for a in page.find("article").find_all("a", href=True)]
    for section in ("12", "13", "19", "23", "32", "33", "52", "71"):
        assert any(re.search(rf"legislation\.gov\.uk/ukpga/2023/54/section/{section}(/|$)", h) for h in hrefs), section
    nav = soup(real_site, "guidance/").select_one("nav.md-nav--primary")
    assert any("Procurement Act 2023 and social value" in a.get_text() for a in nav.find_all("a"))
    docs = " ".join(p.read_text() for p in (real_site / "search" / "data").glob("docs-*.json"))
    assert "guidance/procurement-act-2023/" in docs
    for slug in ("westminster-homeless-health-coordination-project", "hammersmith-fulham-public-realm-climate-kpis",
                 "university-of-sheffield-first-contract-performance-notice"):
        assert any(slug in h for h in hrefs), slug


def test_the_record_links_the_scope_check(real_site):
    hrefs = [a["href"] for a in soup(real_site, "guidance/record-of-consideration/").find("article").find_all("a", href=True)]
    assert any("scope-check" in h for h in hrefs)
