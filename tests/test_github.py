"""The GitHub side of the editors' workflow: forms, template and workflows."""

from __future__ import annotations

import re

import yaml
from conftest import ROOT, soup

from svhub.editors.issue_form import form_text
from svhub.structure.vocabularies import load_vocabularies

GITHUB = ROOT / ".github"
ALLOWED_ACTIONS = {
    "actions/checkout", "actions/setup-python", "actions/upload-artifact",
    "actions/upload-pages-artifact", "actions/configure-pages", "actions/deploy-pages",
}


def workflows() -> dict[str, dict]:
    return {p.name: yaml.safe_load(p.read_text(encoding="utf-8")) for p in (GITHUB / "workflows").glob("*.yml")}


def test_workflows_parse_and_use_only_official_actions_with_pinned_major_versions():
    used = set()
    for name, workflow in workflows().items():
        assert workflow.get("jobs"), name
        for job in workflow["jobs"].values():
            for step in job.get("steps", []):
                if "uses" in step:
                    action, _, version = step["uses"].partition("@")
                    assert action in ALLOWED_ACTIONS, (name, action)
                    assert re.fullmatch(r"v\d+", version), (name, step["uses"])
                    used.add(action)
    assert {"actions/deploy-pages", "actions/upload-artifact"} <= used


def test_ci_validates_changed_files_runs_make_test_builds_a_preview_and_tries_properdocs():
    ci = workflows()["ci.yml"]
    triggers = ci.get("on") or ci.get(True)
    assert "pull_request" in triggers and triggers["push"]["branches"] == ["main"]
    runs = " ".join(step.get("run", "") for job in ci["jobs"].values() for step in job.get("steps", []))
    assert "scripts/validate.py --changed" in runs and "--github" in runs
    assert "make test" in runs and "make site" in runs
    assert "properdocs build --strict" in runs
    setup = [s for job in ci["jobs"].values() for s in job.get("steps", [])
             if s.get("uses", "").startswith("actions/setup-python")]
    assert setup and all(s["with"]["cache"] == "pip" for s in setup)


def test_weekly_workflow_checks_external_links():
    linkcheck = workflows()["linkcheck.yml"]
    triggers = linkcheck.get("on") or linkcheck.get(True)
    assert triggers["schedule"][0]["cron"]
    assert "make linkcheck-external" in str(linkcheck["jobs"])


def test_submit_form_is_generated_from_the_vocabularies():
    committed = (GITHUB / "ISSUE_TEMPLATE" / "submit-case-study.yml").read_text(encoding="utf-8")
    assert committed == form_text(load_vocabularies()), "run scripts/build_issue_form.py"
    form = yaml.safe_load(committed)
    dropdowns = {f["id"]: f["attributes"]["options"] for f in form["body"] if f["type"] == "dropdown"}
    vocab = load_vocabularies()
    assert dropdowns["service"] == [t.label for t in vocab["service"]]
    assert dropdowns["commissioner_region"] == [t.label for t in vocab["region"]]


def test_pull_request_template_lists_the_inclusion_criteria():
    text = (GITHUB / "PULL_REQUEST_TEMPLATE.md").read_text(encoding="utf-8").lower()
    for criterion in ("real contract or policy", "public source", "agreed to publication", "evidence level"):
        assert criterion in text


def test_every_page_links_to_report_a_problem_with_its_address_filled_in(fixture_site):
    form = yaml.safe_load((GITHUB / "ISSUE_TEMPLATE" / "report-a-problem.yml").read_text(encoding="utf-8"))
    field_ids = [f.get("id") for f in form["body"]]
    assert "page-url" in field_ids
    for url in ("", "the-act/the-duty/", "case-studies/", "case-studies/fixture-nhs-health-advice/"):
        link = soup(fixture_site, url).find("a", string="Report a problem with this page")
        assert link is not None, url
        assert link["href"].endswith(f"/issues/new?template=report-a-problem.yml&page-url=/{url}")
