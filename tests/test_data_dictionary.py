"""The data dictionary on the site is made from the schema and vocabularies."""

from __future__ import annotations

from conftest import soup

from svhub.structure.vocabularies import load_vocabularies


def test_data_dictionary_lists_every_field_and_every_vocabulary_value(fixture_site):
    page = soup(fixture_site, "about/data-dictionary/")
    fields = [row.find("td").get_text(strip=True) for row in page.select("table")[0].select("tbody tr")]
    for field in ("title", "summary", "commissioner.region", "outcomes.theme", "sources.url", "review_by"):
        assert field in fields
    vocab = load_vocabularies()
    for name, vocabulary in vocab.by_name.items():
        section = page.find(id=name.replace("_", "-"))
        assert section is not None, name
        table = section.find_next("table")
        values = [row.find("td").get_text(strip=True) for row in table.select("tbody tr")]
        assert values == vocabulary.values, name


def test_data_dictionary_is_in_the_about_section_of_the_navigation(fixture_site):
    links = [a.get_text(strip=True) for a in soup(fixture_site, "").select("nav.md-nav--primary a")]
    assert "Data dictionary" in links
