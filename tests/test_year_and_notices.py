"""Every case study has a year a reader can filter by, and a contract let under the
Procurement Act 2023 shows its notices, KPIs and latest rating on its page and in the data."""

from __future__ import annotations

import csv
import io
import json

import pytest
from conftest import FIXTURES, VALID, build, soup

from svhub.finder.table import facet_table
from svhub.load.loader import load_file, load_library
from svhub.structure.facets import AWARDED
from svhub.tools.project import make_project

NOTICES = FIXTURES / "casestudies" / "procurement-act" / "fixture-borough-care-kpis.md"


@pytest.fixture(scope="module")
def notices_site(tmp_path_factory):
    project = make_project(tmp_path_factory.mktemp("notices"), [*sorted(VALID.glob("*.md")), NOTICES])
    result = build(project)
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site"


def test_the_year_filter_uses_the_stated_year_not_only_an_award():
    case_study = load_file(NOTICES).case_study
    assert case_study.year == 2025 and case_study.year_of == "contract-awarded"
    assert AWARDED.path == ("year",) and AWARDED.label == "Year"


def test_a_year_needs_its_basis_and_a_basis_its_year(tmp_path):
    text = NOTICES.read_text(encoding="utf-8")
    broken = tmp_path / "fixture-borough-care-kpis.md"
    broken.write_text(text.replace("year_basis: contract-awarded\n", ""), encoding="utf-8")
    messages = [d.message for d in load_file(broken).diagnostics]
    assert any("year_basis" in m for m in messages), messages


def test_the_page_shows_the_notices_kpis_and_latest_rating(notices_site):
    page = soup(notices_site, "case-studies/fixture-borough-care-kpis/")
    section = page.select_one("section.hub-notices")
    text = section.get_text(" ", strip=True)
    assert "Latest performance rating: Approaching target" in text
    assert "Share of care workers who live in the borough: target at least 60%" in text
    assert "012345-2025 (UK6" in text and "054321-2026 (UK9)" in text
    glance = page.select_one("section.hub-glance").get_text(" ", strip=True)
    assert "Procurement Act 2023" in glance and "PPN 002" in glance


def test_a_copy_is_labelled_as_a_copy(notices_site):
    page = soup(notices_site, "case-studies/fixture-borough-care-kpis/")
    items = page.select("section.hub-sources li")
    assert "a copy on another site" in items[1].get_text(" ", strip=True)
    assert "a copy on another site" not in items[0].get_text(" ", strip=True)


def test_the_downloads_carry_the_year_regimes_frameworks_and_notices(notices_site):
    rows = {r["slug"]: r for r in csv.DictReader(io.StringIO(
        (notices_site / "case-studies" / "data" / "case-studies.csv").read_text(encoding="utf-8-sig")))}
    row = rows["fixture-borough-care-kpis"]
    assert (row["year"], row["year_basis"]) == ("2025", "contract-awarded")
    assert row["regimes"] == "procurement-act-2023; ppn-002"
    assert row["latest_rating"] == "approaching-target"
    assert row["notices"] == "012345-2025 (UK6); 054321-2026 (UK9)"
    assert row["source_copies"] == "https://mirror.example.net/fixture-report"
    assert rows["cyngor-enghraifft-welsh"]["wellbeing_goals"] == "a-healthier-wales; a-prosperous-wales"
    records = json.loads((notices_site / "case-studies" / "data" / "case-studies.json").read_text(encoding="utf-8"))["case_studies"]
    record = next(r for r in records if r["slug"] == "fixture-borough-care-kpis")
    assert record["procurement_act"]["kpis"][1] == {"name": "Visits on time", "target": None}


def test_the_finder_filters_by_the_stated_year_of_every_dated_case_study():
    """A case study dated only by `year` (a policy's adoption, a tender's start) is in the
    finder's year column, where the year filter reads it."""
    library = load_library().library
    columns = facet_table(library, [])["columns"]
    years = dict(zip(columns["slug"], columns[AWARDED.column], strict=True))
    policies = [c for c in library if c.stated_year and not c.contract.year]
    assert policies
    assert all(years[c.slug] == c.stated_year for c in policies)
