"""A reader who follows any link on the hub lands somewhere real: internal links
and anchors resolve, external links are well formed, and the "Edit" and
"Report a problem" links open a file or form that exists in the repository."""

from __future__ import annotations

import http.server
import shutil
import threading

import pytest
import yaml
from conftest import ROOT, run_script, soup

from svhub.tools.linkcheck import Link, Repository, SiteLinks, external_problems, fetch_status, form_problem

REPO_URL = "https://github.com/social-value-hub/social-value-hub"


def test_every_internal_link_and_anchor_in_the_site_resolves(real_site):
    links = SiteLinks(real_site)
    assert len(links.pages) > 30
    assert [p.format() for p in links.internal_problems()] == []


def test_every_external_link_is_well_formed(real_site):
    problems = SiteLinks(real_site).form_problems(Repository(REPO_URL, ROOT))
    assert [p.format() for p in problems] == []


def test_links_inside_case_study_narratives_are_among_those_checked(real_site):
    narrative_links = [
        a["href"] for page in (real_site / "case-studies").glob("*/index.html")
        for a in soup(real_site, page.parent.relative_to(real_site).as_posix() + "/").select(".hub-narrative a[href]")
    ]
    checked = {link.url for link in SiteLinks(real_site).links}
    assert narrative_links, "the case-study narratives should link to their sources"
    assert set(narrative_links) <= checked


def test_a_page_that_disappears_is_reported_at_every_link_to_it(real_site, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(real_site, site)
    shutil.rmtree(site / "glossary")

    problems = SiteLinks(site).internal_problems()

    assert problems
    assert {p.message for p in problems} == {"the link leads to no page or file in the site"}
    assert all("glossary/" in p.link.url for p in problems)
    assert {p.link.page for p in problems} >= {"index.html", "about/index.html"}
    assert all(p.format().startswith(f"site/{p.link.page}:{p.link.line}:1: error: ") for p in problems)


def test_an_anchor_that_does_not_exist_on_a_real_page_is_reported(real_site, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(real_site, site)
    page = site / "about" / "index.html"
    page.write_text(page.read_text(encoding="utf-8").replace(
        "</article>", '<a href="accessibility/#no-such-heading">x</a></article>', 1), encoding="utf-8")
    problems = SiteLinks(site).internal_problems()
    assert [p.message for p in problems] == ["'about/accessibility/index.html' has no anchor '#no-such-heading'"]


def test_every_guidance_page_has_an_edit_link_to_its_own_source_file(real_site):
    repository = Repository(REPO_URL, ROOT)
    for page in ("", "guidance/", "the-act/the-duty/", "about/accessibility/"):
        edit = soup(real_site, page).select_one('a[title="Edit this page"]')
        assert edit is not None, page
        assert edit["href"].startswith(f"{REPO_URL}/edit/main/content/")
        assert repository.problem(edit["href"]) is None


def test_case_study_edit_links_open_the_case_study_file(real_site):
    repository = Repository(REPO_URL, ROOT)
    pages = sorted((real_site / "case-studies").glob("*/index.html"))
    edits = [a for p in pages for a in soup(real_site, p.parent.relative_to(real_site).as_posix() + "/")
             .find_all("a", string="Edit this case study")]
    assert edits
    for edit in edits:
        assert edit["href"].startswith(f"{REPO_URL}/edit/main/casestudies/")
        assert repository.problem(edit["href"]) is None


def test_report_a_problem_links_open_an_issue_form_that_exists(real_site):
    repository = Repository(REPO_URL, ROOT)
    reports = sorted({link.url for link in SiteLinks(real_site).links if link.url.startswith(f"{REPO_URL}/issues/new")})
    assert reports, "the site has no 'Report a problem' links (site_overrides/partials/hub-report-problem.html)"
    for href in reports:
        assert form_problem(href) is None, href
        assert repository.problem(href) is None, href


@pytest.mark.parametrize("url", ["", "about/", "case-studies/"], ids=["home page", "about", "case-study list"])
def test_the_home_about_and_case_study_list_link_the_submit_form_and_the_contributing_guide(real_site, url):
    """An editor with a case study finds the way in from the pages they start on."""
    repo = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace("!!python/name:", ""))["repo_url"]
    assert repo.rstrip("/") == REPO_URL
    links = {a["href"]: a.get_text(" ", strip=True) for a in soup(real_site, url).select("article a[href]")}
    form = f"{REPO_URL}/issues/new?template=submit-case-study.yml"
    guide = f"{REPO_URL}/blob/main/CONTRIBUTING.md"
    assert form in links and guide in links, sorted(h for h in links if h.startswith(REPO_URL))
    repository = Repository(REPO_URL, ROOT)
    assert repository.problem(form) is None and repository.problem(guide) is None
    assert form_problem(form) is None
    assert all(links[href] for href in (form, guide))


def test_edit_and_issue_links_to_files_the_repository_lacks_are_reported():
    repository = Repository(REPO_URL, ROOT)
    assert repository.problem(f"{REPO_URL}/edit/main/content/no-such-page.md") == (
        "the repository has no file 'content/no-such-page.md' to edit")
    assert repository.problem(f"{REPO_URL}/issues/new?template=no-such-form.yml") == (
        "the repository has no issue form '.github/ISSUE_TEMPLATE/no-such-form.yml'")
    assert repository.problem(f"{REPO_URL}/edit/main/mkdocs.yml") is None
    assert repository.problem("https://example.org/edit/main/nothing.md") is None


@pytest.mark.parametrize(("url", "message"), [
    ("javascript:alert(1)", "the scheme 'javascript:' is not allowed; links must be http(s) or mailto"),
    ("data:text/html,<b>x</b>", "the scheme 'data:' is not allowed; links must be http(s) or mailto"),
    ("//cdn.example.org/x.js", "the link has no scheme; write https://"),
    ("https://localhost/x", "the link has no valid host name"),
    ("https://exa mple.org/", "the link contains white space"),
    ("https://example.org/100%proof", "the link has a '%' that is not a percent-escape"),
    ("mailto:nobody", "the mailto: link has no valid address"),
])
def test_malformed_or_unsafe_external_links_are_named(url, message):
    assert form_problem(url) == message


@pytest.mark.parametrize("url", [
    "https://www.legislation.gov.uk/ukpga/2012/3/section/1",
    "https://democracy.newport.gov.uk/mgAi.aspx?ID=11570&LLL=0",
    "http://example.org/a%20b",
    "mailto:editors@example.org",
])
def test_well_formed_external_links_pass(url):
    assert form_problem(url) is None


class _Statuses(http.server.BaseHTTPRequestHandler):
    def do_HEAD(self):
        self.send_response({"/ok": 200, "/gone": 404, "/no-head": 405}.get(self.path, 500))
        self.end_headers()

    def do_GET(self):
        self.send_response(200 if self.path == "/no-head" else 404)
        self.end_headers()

    def log_message(self, *args):
        pass


def test_the_external_check_reports_links_that_do_not_answer_with_success():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Statuses)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        base = f"http://127.0.0.1:{server.server_address[1]}"
        links = {f"{base}/{path}": [Link("index.html", 7, "a", f"{base}/{path}")] for path in ("ok", "gone", "no-head")}
        problems = external_problems(links, fetch=lambda url: fetch_status(url, timeout=5))
    finally:
        server.shutdown()
        server.server_close()
    assert [(p.link.url.rsplit("/", 1)[1], p.message) for p in problems] == [("gone", "the link answered HTTP 404")]


def test_linkcheck_script_passes_on_the_built_site_and_fails_on_a_broken_one(real_site, tmp_path):
    ok = run_script("linkcheck.py", "--site-dir", str(real_site))
    assert ok.returncode == 0, ok.stdout
    assert ok.stdout.strip().endswith(", 0 problems")

    broken = tmp_path / "site"
    shutil.copytree(real_site, broken)
    shutil.rmtree(broken / "support")
    failed = run_script("linkcheck.py", "--site-dir", str(broken))
    assert failed.returncode == 1
    assert ": error: the link leads to no page or file in the site: " in failed.stdout
    assert "    hint: fix the link" in failed.stdout
    assert "Traceback" not in failed.stderr


def test_linkcheck_script_without_a_built_site_says_what_to_do(tmp_path):
    result = run_script("linkcheck.py", "--site-dir", str(tmp_path / "nothing"))
    assert result.returncode == 1
    assert "hint: run 'make site' first" in result.stderr
