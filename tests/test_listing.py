"""The listing at /case-studies/ shows every case study, without JavaScript,
and individual case studies stay out of the navigation tree."""

from __future__ import annotations

import csv
import io

from conftest import soup


def site_nav_links(page) -> list[str]:
    """Links of the site's navigation tree, leaving out the page's own contents list."""
    return [a.get("href", "") for a in page.select("nav.md-nav--primary a")
            if not a.find_parent("nav", class_="md-nav--secondary")]


def results(page) -> list:
    return page.select("ol.hub-results > li.hub-result")


def test_listing_shows_every_case_study_with_title_summary_commissioner_service_and_year(fixture_site):
    items = results(soup(fixture_site, "case-studies/"))
    by_title = {item.h2.get_text(strip=True): item for item in items}
    assert len(items) == 3
    item = by_title["Fixture NHS trust advice service"]
    meta = {d.dt.get_text(): d.dd.get_text() for d in item.select("dl > div")}
    assert meta == {
        "Commissioner": "Fixture NHS Trust",
        "Service": "Advice and advocacy",
        "Year": "2019",
        "Evidence": "Independently evaluated",
    }
    assert item.select_one(".hub-result__summary").get_text().startswith("A fictional fixture for an NHS body")
    assert item.h2.a["href"] == "fixture-nhs-health-advice/"


def test_listing_is_newest_first(fixture_site):
    titles = [item.h2.get_text(strip=True) for item in results(soup(fixture_site, "case-studies/"))]
    assert titles[0].startswith("Example Borough repairs contract")
    assert titles[1] == "Fixture NHS trust advice service"


def test_listing_is_in_the_navigation_but_case_studies_are_not(fixture_site):
    page = soup(fixture_site, "")
    nav_links = site_nav_links(page)
    assert any(href.rstrip("/").endswith("case-studies") for href in nav_links)
    assert not any("example-borough" in href for href in nav_links)
    case_page = soup(fixture_site, "case-studies/example-borough-housing-repairs/")
    assert len(site_nav_links(case_page)) == len(nav_links)


def test_facet_pages_list_only_matching_case_studies(fixture_site):
    wales = results(soup(fixture_site, "case-studies/region/wales/"))
    assert [item.h2.get_text(strip=True) for item in wales] == ["Cyngor Enghraifft school meals with local food"]
    assert wales[0].h2.a["href"] == "../../cyngor-enghraifft-welsh/"


def test_every_review_contract_type_has_a_collection_page_even_when_empty(fixture_site):
    for value in ("housing-repairs", "energy-efficiency", "river-management",
                  "troubled-families", "banking-services", "school-milk"):
        page = soup(fixture_site, f"case-studies/review-example/{value}/")
        assert page.h1 is not None
    empty = soup(fixture_site, "case-studies/review-example/banking-services/")
    assert not results(empty)
    assert empty.select_one(".hub-thin") is not None


def test_the_data_can_be_downloaded(fixture_site):
    raw = (fixture_site / "case-studies" / "data" / "case-studies.csv").read_bytes().decode("utf-8-sig")
    header, *rows = list(csv.reader(io.StringIO(raw, newline="")))
    assert header[:3] == ["slug", "title", "summary"]
    assert sorted(row[0] for row in rows) == [
        "cyngor-enghraifft-welsh", "example-borough-housing-repairs", "fixture-nhs-health-advice"]
