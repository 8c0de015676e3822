"""The scope check answering as the reader chooses (issue 27): with JavaScript, a form at
the top of the page gives the verdict for the reader's nation, kind of body, kind of
contract and value, from the data the build wrote with the page's one rule
(svhub.pages.reference.scope_answer). Its answers must be the no-JS page's answers."""

from __future__ import annotations

import re

import pytest
import yaml
from axe_playwright_python.sync_playwright import Axe
from conftest import ROOT, soup

from svhub.structure.thresholds import money

URL = "guidance/scope-check/"
EXAMPLE = next(e for e in yaml.safe_load((ROOT / "content" / "_data" / "scope.yml").read_text(encoding="utf-8"))
               if e["id"] == "housing-repairs")
THRESHOLDS = yaml.safe_load((ROOT / "content" / "_data" / "thresholds.yml").read_text(encoding="utf-8"))
SCRIPT = ROOT / "site_overrides" / "assets" / "javascripts" / "scope" / "check.js"
# A part of the worked example as the reader would choose it: its kind of contract, by row.
CHOICE = {("works", "works"): "works", ("services", "sub-central"): "services",
          ("mixed-services", "sub-central"): "mixed-services"}


def _no_js_rows(html) -> list[list[str]]:
    table = html.find("article").find_all("table")[-1]
    return [[" ".join(td.get_text().split()) for td in tr.find_all("td")]
            for tr in table.find_all("tr")[1:]]


def test_the_script_holds_no_figure_of_its_own():
    script = SCRIPT.read_text(encoding="utf-8")
    table = next(t for t in THRESHOLDS if t["id"] == EXAMPLE["table"])
    for row in table["rows"]:
        for key in (c["key"] for c in table["columns"]):
            if row.get(key):
                pounds = money(row[key])
                assert f"{pounds:,}" not in script and str(pounds) not in script, row.get("id")
    assert "£" not in script.replace("[£,", "")  # only the pattern that reads a typed amount


@pytest.mark.browser
def test_the_housing_repairs_answers_match_the_no_js_page(browser, fixture_site, fixture_server):
    rows = _no_js_rows(soup(fixture_site, URL))
    assert len(rows) == len(EXAMPLE["parts"])
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    answers = []
    try:
        page.goto(fixture_server.url + URL, wait_until="load")
        form = page.locator("#check-your-contract")
        assert form.is_visible()
        # at the top: before the first of the page's questions
        assert form.evaluate("s => s.nextElementSibling.tagName") == "H2"
        page.get_by_label("England, or a Welsh body that is not devolved").check()
        page.get_by_label("A sub-central authority, such as a council").check()
        page.get_by_label("Estimated value in pounds, including VAT").fill(f"£{int(EXAMPLE['value']):,}")
        for part in EXAMPLE["parts"]:
            page.check(f"#scope-kind-{CHOICE[(part['kind'], part['row'])]}")
            text = " ".join(page.inner_text("#scope-answer").split())
            answers.append(text)
        tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
        found = Axe().run(page, context="#check-your-contract", options={
            "runOnly": {"type": "tag", "values": tags}, "resultTypes": ["violations"]}).response["violations"]
        assert found == [], [v["id"] for v in found]
        page.check("#scope-nation-scotland")
        scotland = page.inner_text("#scope-answer")
        page.check("#scope-nation-england")
        page.get_by_label("Estimated value in pounds, including VAT").fill("3m")
        unreadable = page.inner_text("#scope-answer")
    finally:
        context.close()
    for row, text in zip(rows, answers, strict=True):
        _part, threshold, public, follows = row
        assert f"Threshold that applies: {threshold}" in text, (row, text)
        assert f"Public contract at this value? {public}" in text, (row, text)
        assert f"What follows: {follows}" in text, (row, text)
    assert "does not apply in Scotland" in scotland and not re.search(r"£\d", scotland)
    assert "Answer the questions above" in unreadable
    assert errors == []


@pytest.mark.browser
def test_without_javascript_the_page_is_its_questions_and_answers(browser, fixture_server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(fixture_server.url + URL, wait_until="load")
        assert page.locator("#check-your-contract").count() == 0
        assert page.locator("#hub-scope-check-data").is_hidden()
        assert page.get_by_role("heading", name=re.compile("Worked example")).is_visible()
    finally:
        context.close()
