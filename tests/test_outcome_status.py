"""Figures carry their time and their status: each outcome says its period,
whether it was delivered or only planned, pledged or forecast, and whose figure
it is; and a body that has since changed is flagged on the page."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest
from conftest import FIXTURES, build, run_script, soup
from test_instruments import content_project

from svhub.config import HubPaths
from svhub.load.loader import load_file

CURRENCY = FIXTURES / "casestudies" / "currency"
CASE = CURRENCY / "fixture-ccg-community-transport.md"
SLUG = CASE.stem


@pytest.fixture(scope="module")
def currency_site(tmp_path_factory) -> Path:
    # Its own small content folder, so that these pages do not wait on the guidance.
    project = content_project(tmp_path_factory.mktemp("currency"), {})
    shutil.copy(CASE, project / "casestudies")
    result = build(project)
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site"



def test_each_outcome_says_its_status_period_whose_figure_and_evidence(currency_site):
    items = [" ".join(li.get_text().split()) for li in
             soup(currency_site, f"case-studies/{SLUG}/").select(".hub-outcomes li")]
    delivered = next(i for i in items if "volunteer drivers" in i)
    assert "Delivered · Period: 2018/19 · Figure from Fixture Transport CIC (the provider)" in delivered
    assert "Self-reported" in delivered
    pledged = next(i for i in items if "driving jobs" in i)
    assert pledged.startswith("12 jobs")
    assert "Pledged · Period: first three years from April 2018" in pledged
    assert "Evidence: Commissioner-reported" in pledged, "an outcome falls back to the case study's evidence"
    planned = next(i for i in items if "Young volunteers" in i)
    assert "Planned" in planned and "Period" not in planned


def test_a_changed_organisation_gets_a_notice_with_its_date_what_it_is_now_and_a_source(currency_site):
    page = soup(currency_site, f"case-studies/{SLUG}/")
    notice = page.select_one(".hub-changed")
    assert notice["role"] == "note"
    text = " ".join(notice.get_text().split())
    assert text.startswith("Fixture Clinical Commissioning Group has since been abolished")
    assert "On 1 July 2022 Fixture Clinical Commissioning Group was abolished." in text
    assert "It is now: Fixture Integrated Care Board, which took over its work." in text
    assert notice.select_one("time")["datetime"] == "2022-07-01"
    assert notice.a["href"] == "https://example.org/icb/history"
    assert page.select_one(".hub-changed").find_previous("h1")["id"] == "hub-title"


def test_the_service_start_is_its_own_fact_beside_the_award_year(currency_site):
    rows = {dt.get_text(): dt.find_next_sibling("dd").get_text()
            for dt in soup(currency_site, f"case-studies/{SLUG}/").select(".hub-glance dt")}
    assert rows["Contract year"] == "2018"
    assert rows["Service started"] == "1 April 2018"


def test_the_downloads_carry_status_period_and_changes(currency_site):
    raw = (currency_site / "case-studies" / "data" / "case-studies.csv").read_bytes().decode("utf-8-sig")
    row = next(r for r in csv.DictReader(io.StringIO(raw, newline="")) if r["slug"] == SLUG)
    assert row["outcome_statuses"] == "delivered | pledged | planned"
    assert row["outcome_periods"] == "2018/19 | first three years from April 2018 | "
    assert row["outcome_reported_by"] == "Fixture Transport CIC (the provider) |  | "
    assert row["started"] == "2018-04-01" and row["awarded"] == "2018"
    assert row["organisation_changes"].startswith("Fixture Clinical Commissioning Group: abolished 2022-07-01")
    data = json.loads((currency_site / "case-studies" / "data" / "case-studies.json").read_text(encoding="utf-8"))
    record = next(r for r in data["case_studies"] if r["slug"] == SLUG)
    assert [o["status"] for o in record["outcomes"]] == ["delivered", "pledged", "planned"]
    assert record["organisation_changes"][0]["date"] == "2022-07-01"


def test_the_data_dictionary_explains_outcome_status(currency_site):
    page = soup(currency_site, "about/data-dictionary/")
    cells = [[td.get_text() for td in tr.select("td")] for tr in page.select("tr")]
    status_row = next(c for c in cells if c and c[0] == "outcomes.status")
    assert status_row[1] == "Yes"
    assert page.select_one("#outcome-status") is not None
    labels = [c[1] for c in cells if c and c[0] in ("delivered", "planned", "pledged", "forecast")]
    assert labels == ["Delivered", "Planned", "Pledged", "Forecast"]
    assert any(c and c[0] == "organisation_changes.organisation" for c in cells)


def test_the_finder_still_lists_it(currency_site):
    facets = json.loads((currency_site / "case-studies" / "data" / "finder-facets.json").read_text(encoding="utf-8"))
    assert SLUG in json.dumps(facets)


def variant(tmp_path: Path, old: str, new: str) -> list[str]:
    text = CASE.read_text(encoding="utf-8")
    assert old in text
    file = tmp_path / CASE.name
    file.write_text(text.replace(old, new, 1), encoding="utf-8")
    result = load_file(file, paths=HubPaths())
    assert not result.ok
    return [d.format() for d in result.diagnostics if d.severity == "error"]


def test_an_outcome_without_a_status_is_refused(tmp_path):
    [problem] = variant(tmp_path, "    status: delivered\n", "")
    assert ":19:5: error: missing required field 'status' in 'outcomes[0]'" in problem


def test_a_figure_without_its_period_is_refused(tmp_path):
    [problem] = variant(tmp_path, "    period: 2018/19\n", "")
    assert ":19:5: error: in 'outcomes[0]': 'figure' needs 'period'" in problem


def test_a_status_outside_the_vocabulary_is_refused_with_a_suggestion(tmp_path):
    [problem] = variant(tmp_path, "status: pledged", "status: promised")
    assert "'promised' is not a valid value for 'outcomes[1].status'" in problem
    assert "listed under 'outcome_status' in casestudies/vocabularies.yml" in problem


def test_a_changed_organisation_must_be_one_the_case_study_names(tmp_path):
    [problem] = variant(tmp_path, "  - organisation: Fixture Clinical Commissioning Group",
                        "  - organisation: Fixture Clinical Comissioning Group")
    assert ("error: 'Fixture Clinical Comissioning Group' is not the commissioner, the provider or a partner of "
            "this case study (did you mean 'Fixture Clinical Commissioning Group'?)") in problem


def test_a_changed_organisation_needs_a_deep_link_source(tmp_path):
    [problem] = variant(tmp_path, "https://example.org/icb/history", "https://example.org/")
    assert "'organisation_changes[0].sources[0].url' links to the home page of example.org" in problem


def test_the_scaffold_asks_whether_an_outcome_was_delivered(tmp_path):
    flags = ["--no-input", "--title", "Example council school milk from local dairies",
             "--summary", "A fictional fixture made by the scaffold.", "--kind", "contract",
             "--commissioner-name", "Example Council", "--commissioner-type", "local-authority",
             "--commissioner-region", "wales", "--service", "food-and-catering", "--stages", "evaluation",
             "--evidence", "self-reported", "--owner", "editorial-team",
             "--source", "A source | https://example.org/x | Example publisher"]
    missing = run_script("new_casestudy.py", "--dir", str(tmp_path), *flags,
                         "--outcome", "local-spend | Local dairies supplied the milk. | | | 12 | percent")
    assert missing.returncode == 1
    assert "say whether it was delivered, or only planned, pledged or forecast" in missing.stderr
    assert "Traceback" not in missing.stderr
    no_period = run_script("new_casestudy.py", "--dir", str(tmp_path), *flags,
                           "--outcome", "local-spend | Local dairies supplied the milk. | pledged | | 12 | percent")
    assert no_period.returncode == 1
    assert "a figure needs its period" in no_period.stderr
    written = run_script("new_casestudy.py", "--dir", str(tmp_path), *flags, "--outcome",
                         "local-spend | Dairies will supply the milk. | Pledged | 2026/27 | 12 | percent | Example Dairy")
    assert written.returncode == 0, written.stderr
    file = tmp_path / "example-council-school-milk-from-local-dairies.md"
    text = file.read_text(encoding="utf-8")
    # Valid once the story is written (a new file's empty sections are the editor's next step).
    file.write_text(text.replace("-->\n", "-->\n\nWritten.\n"), encoding="utf-8")
    assert load_file(file, paths=HubPaths()).ok
    assert "status: pledged" in text and "period: 2026/27" in text and "reported_by: Example Dairy" in text


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_status_badges_and_the_change_notice_pass_axe_in_both_schemes(browser, currency_site, scheme):
    from conftest import axe_violations_on

    assert axe_violations_on(browser, currency_site, f"case-studies/{SLUG}/", scheme, shown=".hub-changed") == []
