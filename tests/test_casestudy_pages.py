"""A commissioner opens a case study and sees at a glance who bought what,
how social value was weighed and what came of it."""

from __future__ import annotations

from conftest import soup


def glance(page) -> dict[str, str]:
    panel = page.select_one("section.hub-glance")
    return {
        div.dt.get_text(strip=True): div.dd.get_text(" ", strip=True)
        for div in panel.select("dl > div")
    }


def test_each_case_study_has_its_own_page_at_case_studies_slug(fixture_site):
    for slug in ("example-borough-housing-repairs", "cyngor-enghraifft-welsh", "fixture-nhs-health-advice"):
        assert (fixture_site / "case-studies" / slug / "index.html").is_file()


def test_at_a_glance_panel_shows_who_bought_what_and_how_social_value_was_weighed(fixture_site):
    page = soup(fixture_site, "case-studies/example-borough-housing-repairs/")
    values = glance(page)
    assert values["Commissioner"] == "Example Borough Council (Local authority)"
    assert values["Region"] == "North West"
    assert values["Provider"] == "Fixture Repairs Ltd (Small or medium-sized business)"
    assert values["Service"] == "Housing repairs and maintenance"
    assert values["Contract year"] == "2021"
    assert values["Contract value"] == "£4,500,000 in total"
    assert values["Social value weighting"] == "12% of the award score"
    assert values["Stages"] == "Specification, Evaluation and weighting, Contract management"
    assert values["Evidence"] == "Self-reported"


def test_annual_values_and_dates_read_naturally(fixture_site):
    values = glance(soup(fixture_site, "case-studies/fixture-nhs-health-advice/"))
    assert values["Contract value"] == "£540,000 a year"
    assert values["Contract year"] == "2019"
    assert "Contract year" not in glance(soup(fixture_site, "case-studies/cyngor-enghraifft-welsh/"))


def test_panel_links_to_the_static_facet_pages(fixture_site):
    page = soup(fixture_site, "case-studies/example-borough-housing-repairs/")
    links = {a.get_text(strip=True): a["href"] for a in page.select("section.hub-glance a")}
    assert links["North West"] == "../region/north-west/"
    assert links["Housing repairs and maintenance"] == "../service/housing-repairs/"
    assert links["Housing repairs"] == "../review-example/housing-repairs/"
    for href in links.values():
        assert (fixture_site / "case-studies" / "example-borough-housing-repairs" / href / "index.html").resolve().is_file()


def test_outcomes_are_grouped_by_the_three_kinds_of_well_being_with_self_reported_ones_marked(fixture_site):
    page = soup(fixture_site, "case-studies/example-borough-housing-repairs/")
    outcomes = page.select_one("section.hub-outcomes")
    groups = [h3.get_text(strip=True) for h3 in outcomes.find_all("h3")]
    assert groups == ["Economic well-being", "Environmental well-being"]
    economic, environmental = outcomes.find_all("ul")
    assert economic.select_one(".hub-figure").get_text(strip=True) == "11 apprenticeships"
    assert economic.select_one(".hub-badge--self").get_text(strip=True) == "Self-reported"
    assert environmental.select_one(".hub-badge--self") is None


def test_figures_keep_their_units(fixture_site):
    page = soup(fixture_site, "case-studies/cyngor-enghraifft-welsh/")
    figures = [f.get_text(strip=True) for f in page.select(".hub-figure")]
    assert figures == ["£0.59 per £1 spent"]


def test_sources_review_dates_owner_and_edit_link_are_shown(fixture_site):
    page = soup(fixture_site, "case-studies/example-borough-housing-repairs/")
    source = page.select_one("section.hub-sources li")
    assert source.a["href"] == "https://example.org/fixture-one"
    assert "Fixture Publisher" in source.get_text()
    assert source.time["datetime"] == "2022-03-01"
    review = {div.dt.get_text(strip=True): div.dd.get_text(strip=True) for div in page.select("section.hub-review dl > div")}
    assert review == {
        "Published": "10 January 2026",
        "Last reviewed": "10 January 2026",
        "Next review due": "10 January 2027",
        "Checked by": "Social Value Hub editorial team",
    }
    edit = page.find("a", string="Edit this case study")
    assert edit["href"].endswith("/edit/main/casestudies/example-borough-housing-repairs.md")


def test_the_narrative_is_rendered_with_its_sections(fixture_site):
    page = soup(fixture_site, "case-studies/example-borough-housing-repairs/")
    headings = [h2.get_text(strip=True).rstrip("¶") for h2 in page.select("section.hub-narrative h2")]
    assert headings == ["The challenge", "What the commissioner did", "Social value delivered", "Lessons for commissioners"]
    assert page.select_one("section.hub-narrative strong").get_text() == "bold"


def test_related_case_studies_share_a_service_or_theme(fixture_site):
    page = soup(fixture_site, "case-studies/fixture-nhs-health-advice/")
    related = page.select("section.hub-related li a")
    assert [a.get_text(strip=True) for a in related] == [
        "Example Borough repairs contract <script>window.__pwned = 1</script>"
    ]
    assert len(related) <= 3


def test_script_in_title_or_summary_is_shown_as_text_never_as_a_live_tag(fixture_site):
    for url in ("case-studies/example-borough-housing-repairs/", "case-studies/", "case-studies/fixture-nhs-health-advice/"):
        page = soup(fixture_site, url)
        for script in page.find_all("script"):
            assert "__pwned" not in script.get_text(), url
    page = soup(fixture_site, "case-studies/example-borough-housing-repairs/")
    assert page.h1.get_text() == "Example Borough repairs contract <script>window.__pwned = 1</script>"
    assert "<script>window.__pwned = 1</script> & more." in page.select_one(".hub-lede").get_text()
    assert "__pwned" in page.title.get_text()


def test_welsh_text_bom_and_crlf_files_build_cleanly(fixture_site):
    page = soup(fixture_site, "case-studies/cyngor-enghraifft-welsh/")
    assert page.h1.get_text() == "Cyngor Enghraifft school meals with local food"
    assert "Llanfair-ym-Muallt" in page.select_one(".hub-lede").get_text()
    assert "\ufeff" not in page.get_text()


def test_a_page_past_its_review_date_says_it_is_due_for_review(fixture_site):
    overdue = soup(fixture_site, "case-studies/cyngor-enghraifft-welsh/").select_one(".hub-due")
    assert overdue is not None and "1 November 2025" in overdue.get_text()
    assert soup(fixture_site, "case-studies/fixture-nhs-health-advice/").select_one(".hub-due") is None
