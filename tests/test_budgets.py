"""A commissioner on a slow connection gets a case study quickly: its page and
the scripts it needs stay within their budgets over the network (gzip), and a
page does not get heavier as the library grows. `make bench` reports the same
figures (scripts/budgets.py)."""

from __future__ import annotations

import sys

import pytest
from conftest import ROOT, run_script

sys.path.insert(0, str(ROOT / "scripts"))

import budgets  # noqa: E402


@pytest.fixture(scope="module")
def figures(real_site) -> dict[str, budgets.Figure]:
    return {figure.name: figure for figure in budgets.measure(real_site)}


def test_a_case_study_pages_own_html_is_at_most_30_kb(figures):
    figure = figures["case-study page HTML (largest page)"]
    assert figure.budget == 30_000
    assert figure.ok, figure.line()


def test_the_javascript_a_case_study_page_needs_is_at_most_150_kb(real_site, figures):
    figure = figures["JavaScript a case-study page needs"]
    assert figure.budget == 150_000
    assert figure.ok, figure.line()
    scripts = budgets.scripts_needed(real_site, budgets.case_study_pages(real_site)[0])
    assert any(name.startswith("assets/javascripts/bundle.") for name in scripts), "the theme's bundle is counted"
    assert any("/workers/search." in name for name in scripts), "the search worker is counted"


def test_the_finders_own_script_is_at_most_20_kb(figures):
    figure = figures["finder script, without its index"]
    assert figure.budget == 20_000
    assert figure.ok, figure.line()


def test_a_case_study_page_does_not_grow_with_the_library(tmp_path):
    small = budgets.synthetic_site(budgets.SMALL_LIBRARY, tmp_path)
    large = budgets.synthetic_site(budgets.LARGE_LIBRARY, tmp_path)

    figure = budgets.growth(small, large)

    assert figure.ok, figure.line()
    # The measurement can see growth: the CSV download, a row per case study, does grow.
    csv = "case-studies/data/case-studies.csv"
    assert budgets.gzipped((large / csv).read_bytes()) > budgets.gzipped((small / csv).read_bytes()) * 20


def test_the_budgets_script_reports_each_figure(real_site):
    result = run_script("budgets.py", "--site-dir", str(real_site), "--no-growth")
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "Size budgets (gzip, as sent over the network)"
    assert len(lines) == 4 and all(" KB  (budget " in line and line.split()[-1] != "BUDGET" for line in lines[1:])


def test_a_page_over_budget_is_reported_and_fails():
    figure = budgets.Figure("case-study page HTML (largest page)", 31_000, 30_000, "some-page")
    assert not figure.ok
    assert "OVER BUDGET" in figure.line()


def test_the_offline_zip_at_40_case_studies_is_at_most_three_times_the_online_site(tmp_path):
    figure = budgets.offline_size(tmp_path)
    assert figure.name.startswith(f"offline zip, {budgets.OFFLINE_LIBRARY} case studies")
    assert figure.ok, figure.line()
    assert figure.budget == budgets.OFFLINE_RATIO * budgets.folder_bytes(tmp_path / "library-40" / "site")
