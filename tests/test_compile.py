"""No lock-in: scripts/compile.py writes the whole site as plain Markdown, and an
engine with none of the hub's hooks or templates (here plain MkDocs with the
stock Material theme) builds from it the same site, as safe as the hooked one."""

from __future__ import annotations

import os
import posixpath
import shutil
import subprocess
import sys

import pytest
import yaml
from conftest import HOSTILE, ROOT, VALID, SiteServer, make_project, run_script, soup

from svhub.tools.linkcheck import SiteLinks

# Zensical's current releases cannot be installed from the package registry here (a theme
# package they pin is missing), so it is not in requirements.txt; point HUB_ZENSICAL at one
# that installs (0.0.73 did) to run its test.
ZENSICAL = os.environ.get("HUB_ZENSICAL") or shutil.which("zensical")
NEUTRALISED = sorted((HOSTILE / "neutralised").glob("*.md"))
CANARY = "typeof window.__pwned === 'undefined' ? 'safe' : 'ran: ' + String(window.__pwned)"


def compile_and_build(tmp_path, casestudies, *compile_args: str):
    """(compiled folder, its site built by plain MkDocs)."""
    project = make_project(tmp_path / "project", casestudies)
    out = tmp_path / "compiled"
    compiled = run_script("compile.py", "--out", str(out), "--config-file", str(project / "mkdocs.yml"), *compile_args)
    assert compiled.returncode == 0, compiled.stderr
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--config-file", str(out / "mkdocs.yml")],
                            cwd=out, capture_output=True, text=True, env=os.environ | {"NO_MKDOCS_2_WARNING": "1"})
    assert result.returncode == 0, result.stderr
    return out, out / "site"


@pytest.fixture(scope="module")
def compiled(tmp_path_factory):
    return compile_and_build(tmp_path_factory.mktemp("compiled"), sorted(VALID.glob("*.md")))


@pytest.fixture(scope="module")
def compiled_hostile(tmp_path_factory):
    files = sorted(VALID.glob("*.md")) + NEUTRALISED
    return compile_and_build(tmp_path_factory.mktemp("compiled-hostile"), files)[1]


# The hub's search page (/search/) is its template's work: the site map and the search itself
# come from site_overrides/search.html and its script. The compiled site has the page, whose
# form and links work without JavaScript, and leaves searching to the engine's own search.
TEMPLATE_PAGES = frozenset({"search/"})


ENGINE_PARTS = "a.md-content__button, a.headerlink, nav.hub-page-contents"


def article_text(site, url: str) -> str | None:
    """The page's main content as a reader reads it, without the engine's own buttons and permalinks,
    nor the hub theme's list of the page's sections for narrow screens (another engine has its own)."""
    article = soup(site, url).select_one("article.md-content__inner")
    if article is None:
        return None
    for part in article.select(ENGINE_PARTS):
        part.decompose()
    return " ".join(article.get_text(" ").split())


def article_links(site, url: str) -> list[str]:
    """Where the article's links lead, each resolved from the page's own address, so
    that a link written another way to the same place still compares equal."""
    article = soup(site, url).select_one("article.md-content__inner")
    if article is None:
        return []
    for part in article.select(ENGINE_PARTS):
        part.decompose()
    return [posixpath.normpath(posixpath.join(url, a["href"])) if "://" not in a["href"] and not
            a["href"].startswith(("#", "mailto:")) else a["href"] for a in article.select("a[href]")]


def site_urls(site) -> list[str]:
    return sorted(p.relative_to(site).as_posix().removesuffix("index.html") for p in site.rglob("*.html"))


def content_links_to_absent_case_studies(problem) -> bool:
    """The guidance cites the real library's case studies, which the fixture library lacks;
    the engine reports those when it builds, and the real site's build checks them."""
    return problem.link.url.endswith(".md") and "case-studies/" in problem.link.url


def test_the_compiled_folder_is_a_site_configuration_without_hooks_or_hub_templates(compiled):
    out, _ = compiled
    config = yaml.safe_load((out / "mkdocs.yml").read_text(encoding="utf-8"))
    assert "hooks" not in config and "custom_dir" not in config["theme"]
    assert config["docs_dir"] == "docs"
    generated = sorted(p.relative_to(out / "docs").with_suffix("") for p in (out / "docs").rglob("*.md"))
    assert len(generated) > 10
    assert not (out / "docs" / "_data").exists()


def test_every_page_of_the_hooked_site_is_built_with_the_same_article(compiled, fixture_site):
    _, plain = compiled
    urls = [u for u in site_urls(fixture_site) if u != "404.html"]
    assert len(urls) > 40
    missing = [u for u in urls if not (plain / u / "index.html").is_file()]
    assert missing == []
    different = [u for u in urls if u not in TEMPLATE_PAGES and article_text(plain, u) != article_text(fixture_site, u)]
    assert different == []
    # The text alone would not show a link that leads somewhere else: every article's links lead where the hooked one's do.
    relinked = [u for u in urls if u not in TEMPLATE_PAGES and article_links(plain, u) != article_links(fixture_site, u)]
    assert relinked == []


def test_the_real_library_compiles_to_the_same_site(tmp_path, real_site):
    """Its narratives use the glossary's abbreviations, cite instruments and link to each other."""
    out = tmp_path / "compiled"
    compiled = run_script("compile.py", "--out", str(out))
    assert compiled.returncode == 0, compiled.stderr
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file",
                             str(out / "mkdocs.yml")], cwd=out, capture_output=True, text=True,
                            env=os.environ | {"NO_MKDOCS_2_WARNING": "1"})
    assert result.returncode == 0, result.stderr
    urls = site_urls(real_site)
    assert [u for u in urls if not (out / "site" / u / "index.html").is_file() and not (out / "site" / u).is_file()] == []
    assert [u for u in urls if u not in TEMPLATE_PAGES and article_text(out / "site", u) != article_text(real_site, u)] == []
    assert [p.format() for p in SiteLinks(out / "site").internal_problems()] == []


def test_what_the_hooks_add_to_a_content_page_is_in_the_compiled_page(compiled):
    out, plain = compiled
    glossary = (out / "docs" / "glossary.md").read_text(encoding="utf-8")
    assert "[[hub:" not in glossary and "instrument:" not in glossary
    assert "*[" in glossary  # the glossary's abbreviations, for tooltips on every page that uses them
    page = soup(plain, "the-act/timeline/")
    assert page.select("a[href^='https://www.legislation.gov.uk/']")  # instrument citations, resolved
    for url in ("guidance/evaluation/", "the-act/the-duty/"):
        article = soup(plain, url).select_one("article")
        assert article.select_one(".hub-review dl"), url  # the review panel
        assert article.select_one(".hub-sources li a[href^='https://']"), url
    assert soup(plain, "guidance/evaluation/").select_one(".hub-updates li time")  # change notes


def test_a_case_study_narrative_is_cleaned_as_the_hooks_clean_it(compiled_hostile):
    page = soup(compiled_hostile, "case-studies/markdown-tricks/")
    narrative = page.select_one(".hub-narrative")
    assert narrative is not None and narrative.get_text().strip()
    assert not page.select(".hub-narrative script, .hub-narrative [onerror], .hub-narrative iframe")


def test_hostile_titles_and_summaries_are_text_in_the_compiled_site(compiled_hostile):
    page = soup(compiled_hostile, "case-studies/html-in-every-field/")
    assert page.h1.get_text() == ("<img src=x onerror=window.__pwned=1> Hostile <b>title</b> "
                                  "</title><script>window.__pwned=2</script>")
    assert page.title.get_text().startswith("<img src=x onerror=window.__pwned=1> Hostile")
    assert 'an "><svg onload=window.__pwned=4>' in page.find("meta", attrs={"name": "description"})["content"]
    for script in page.select("script"):
        assert "__pwned" not in script.get_text()
    assert not page.select("[onerror], [onload], iframe")


def test_the_compiled_site_has_no_broken_links(compiled):
    _, plain = compiled
    problems = [p.format() for p in SiteLinks(plain).internal_problems() if not content_links_to_absent_case_studies(p)]
    assert problems == []


def test_compiled_for_file_urls_the_site_has_no_broken_links(tmp_path):
    out, plain = compile_and_build(tmp_path, sorted(VALID.glob("*.md")), "--no-directory-urls")
    assert yaml.safe_load((out / "mkdocs.yml").read_text(encoding="utf-8"))["use_directory_urls"] is False
    assert (plain / "case-studies" / "theme" / "local-spend.html").is_file()
    problems = [p.format() for p in SiteLinks(plain).internal_problems() if not content_links_to_absent_case_studies(p)]
    assert problems == []


@pytest.mark.parametrize("style", [[], ["--no-directory-urls"]], ids=["directory-urls", "file-urls"])
def test_a_case_study_linking_to_another_leads_to_its_page(tmp_path, style):
    """An editor links one case study's narrative to another's Markdown file, as the
    hooked build resolves it; the compiled site, whose narratives are raw HTML, does too."""
    first, second = sorted(VALID.glob("*.md"))[:2]
    linking = tmp_path / first.name
    linking.write_text(first.read_text(encoding="utf-8").rstrip() + f"\n\nSee [the other case study]({second.name}).\n",
                       encoding="utf-8")
    _out, plain = compile_and_build(tmp_path / "build", [linking, second], *style)
    page, target = (f"case-studies/{first.stem}.html", f"{second.stem}.html") if style else \
        (f"case-studies/{first.stem}/", f"../{second.stem}/")
    assert [a["href"] for a in soup(plain, page).select("article a") if a.get_text() == "the other case study"] == [target]
    problems = [p.format() for p in SiteLinks(plain).internal_problems() if not content_links_to_absent_case_studies(p)]
    assert problems == []


def test_compiling_needs_no_site_engine(tmp_path):
    """Only the hub's own code: the mkdocs package is never imported."""
    project = make_project(tmp_path / "project", sorted(VALID.glob("*.md"))[:1])
    blocker = "import sys; sys.modules['mkdocs'] = None; import runpy; sys.argv = sys.argv[1:]; " \
              "runpy.run_path(sys.argv[0], run_name='__main__')"
    result = subprocess.run([sys.executable, "-c", blocker, str(ROOT / "scripts" / "compile.py"),
                             "--out", str(tmp_path / "out"), "--config-file", str(project / "mkdocs.yml")],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out" / "docs" / "case-studies" / "index.md").is_file()


def test_a_library_with_errors_writes_nothing(tmp_path):
    project = make_project(tmp_path / "project", sorted(VALID.glob("*.md"))[:1])
    (project / "casestudies" / "broken.md").write_text("---\ntitle: [\n---\n", encoding="utf-8")
    result = run_script("compile.py", "--out", str(tmp_path / "out"), "--config-file", str(project / "mkdocs.yml"))
    assert result.returncode == 1
    assert "broken.md:" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()


def assert_no_script_runs(browser, site, url: str) -> None:
    server = SiteServer(site)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        dialogs = []
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        page.goto(server.url + url, wait_until="load")
        page.wait_for_load_state("networkidle")
        for link in page.locator("article a[href]").all()[:40]:
            link.hover(timeout=2000, force=True)
        assert page.evaluate(CANARY) == "safe", url
        assert dialogs == [], url
    finally:
        context.close()
        server.close()


@pytest.mark.browser
@pytest.mark.parametrize("url", [f"case-studies/{f.stem}/" for f in NEUTRALISED]
                         + ["case-studies/", "case-studies/region/london/", "case-studies/theme/health-and-wellbeing/"])
def test_no_script_from_a_hostile_case_study_runs_in_the_compiled_site(browser, compiled_hostile, url):
    assert_no_script_runs(browser, compiled_hostile, url)


@pytest.mark.skipif(not ZENSICAL, reason="Zensical is not installed (set HUB_ZENSICAL to its command)")
@pytest.mark.browser
def test_zensical_builds_the_compiled_site_with_the_same_articles_and_no_broken_links(tmp_path, hostile_site,
                                                                                     browser):
    project = make_project(tmp_path / "project", sorted(VALID.glob("*.md")) + NEUTRALISED)
    out = tmp_path / "compiled"
    compiled = run_script("compile.py", "--out", str(out), "--config-file", str(project / "mkdocs.yml"),
                          "--html-links-from-source")
    assert compiled.returncode == 0, compiled.stderr
    result = subprocess.run([ZENSICAL, "build", "-f", str(out / "mkdocs.yml")], cwd=out, capture_output=True,
                            text=True, env=os.environ | {"NO_COLOR": "1"})
    site = out / "site"
    assert (site / "index.html").is_file(), result.stdout + result.stderr  # strict: it reports the fixtures' absent case studies
    urls = [u for u in site_urls(hostile_site) if u != "404.html"]
    assert [u for u in urls if not (site / u / "index.html").is_file()] == []
    assert [u for u in urls if u not in TEMPLATE_PAGES and article_text(site, u) != article_text(hostile_site, u)] == []
    # Zensical turns a Markdown link to an absent page into a folder link, so those are the
    # guidance's links into case-studies/ (see content_links_to_absent_case_studies).
    problems = [p.format() for p in SiteLinks(site).internal_problems()
                if not ("case-studies/" in p.link.url and not p.link.page.startswith("case-studies/"))]
    assert problems == []
    page = soup(site, "case-studies/html-in-every-field/")
    assert not page.select("[onerror], [onload], iframe")
    assert all("__pwned" not in script.get_text() for script in page.select("script"))
    for url in [f"case-studies/{f.stem}/" for f in NEUTRALISED] + ["case-studies/", "case-studies/region/london/"]:
        assert_no_script_runs(browser, site, url)
