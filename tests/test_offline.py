"""The offline copy: the whole hub in a zip, opened from index.html with no network.

A commissioner in a room without Wi-Fi unzips `make offline`'s zip and opens
index.html: every page and link works from file://, the finder works with its
facets, counts, keywords and CSV, and nothing is fetched from anywhere."""

from __future__ import annotations

import csv
import io
import json
import posixpath
import re
import subprocess
import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from conftest import ROOT, run_script, soup

from svhub.exports.offline import FOLDER, data_files
from svhub.tools.linkcheck import SiteLinks, is_internal

ZIP_NAME = "social-value-hub-offline.zip"
SITE_URL = "https://www.socialvaluehub.org.uk/"
FINDER_VIEW = "?service=housing-repairs"  # then the keyword below is typed, as a person would
KEYWORD = "residents"


def make_offline(output: Path, env: dict | None = None) -> Path:
    result = run_script("offline.py", "--output", str(output), env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    return output


@pytest.fixture(scope="session")
def offline_zip(tmp_path_factory) -> Path:
    return make_offline(tmp_path_factory.mktemp("offline") / ZIP_NAME)


@pytest.fixture(scope="session")
def offline_site(offline_zip, tmp_path_factory) -> Path:
    """The zip, unzipped as a person would, to a folder of their own."""
    folder = tmp_path_factory.mktemp("unzipped")
    with zipfile.ZipFile(offline_zip) as archive:
        archive.extractall(folder)
    return folder / FOLDER


def head_commit() -> str:
    return subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()


# The zip -------------------------------------------------------------------------


def test_the_zip_holds_the_whole_hub_in_one_folder_with_file_urls(offline_zip, offline_site):
    with zipfile.ZipFile(offline_zip) as archive:
        names = archive.namelist()
    assert all(name.startswith(FOLDER + "/") for name in names)
    for page in ("index.html", "guidance/evaluation.html", "case-studies/index.html",
                 "case-studies/wakefield-school-milk.html", "case-studies/data/case-studies.csv",
                 "case-studies/data/case-studies.json"):
        assert (offline_site / page).is_file(), page
    assert not (offline_site / "guidance" / "evaluation").exists()


def test_every_internal_link_names_a_file_that_the_zip_has(offline_site):
    """From file:// a folder is a directory listing, not its index.html, so
    every link must name a file."""
    links = SiteLinks(offline_site)
    problems = []
    for link in links.links:
        if not is_internal(link.url) or link.url.startswith("#"):
            continue
        parts = urlsplit(urljoin("/" + link.page, link.url))
        target = offline_site / unquote(parts.path).lstrip("/")
        if not target.is_file():
            problems.append(f"{link.page}: {link.url}")
        elif parts.fragment and target.suffix == ".html":
            page = links.pages[posixpath.normpath(unquote(parts.path).lstrip("/"))]
            if unquote(parts.fragment) not in page.ids:
                problems.append(f"{link.page}: {link.url} (no such anchor)")
    assert len(links.pages) > 100
    assert problems == []


def test_each_data_file_has_a_script_that_hands_the_engine_the_same_text(offline_site):
    files = data_files(offline_site)
    assert {f.name for f in files} >= {"finder-facets.json", "finder-text-0.json", "finder-index.json",
                                       "case-studies.csv", "case-studies.json"}
    for file in files:
        script = (file.parent / (file.name + ".js")).read_text(encoding="ascii")
        match = re.fullmatch(r'window\.hubFinder\.deliver\((".*")\);\n', script, re.S)
        assert match, file.name
        assert json.loads(match[1]) == file.read_bytes().decode("utf-8-sig"), file.name


def test_only_the_offline_copy_has_the_data_scripts(real_site):
    assert list(real_site.rglob("*.json.js")) == [] and list(real_site.rglob("*.csv.js")) == []
    # The finder links its results from the listing's own address, a folder online and a file in the copy.
    assert 'data-listing="./"' in (real_site / "case-studies" / "index.html").read_text(encoding="utf-8")


def test_the_copys_finder_links_its_results_from_the_listings_file(offline_site):
    assert 'data-listing="index.html"' in (offline_site / "case-studies" / "index.html").read_text(encoding="utf-8")


def test_the_home_page_names_the_commit_and_date_and_the_online_hub(offline_site):
    notice = soup(offline_site, "index.html").select_one(".hub-offline-edition")
    assert notice is not None
    text = " ".join(notice.get_text().split())
    commit = head_commit()
    assert commit and commit in text
    date = subprocess.run(["git", "log", "-1", "--format=%cs"], cwd=ROOT, capture_output=True, text=True).stdout
    assert notice.time["datetime"] == date.strip()
    assert "Newer guidance" in text
    assert notice.select_one(f'a[href="{SITE_URL}"]') is not None
    # Only the home page, and only the offline copy.
    assert soup(offline_site, "guidance/evaluation.html").select_one(".hub-offline-edition") is None


@pytest.mark.parametrize(("file", "online"), [("index.html", ""), ("guidance/evaluation.html", "guidance/evaluation/"),
                                              ("case-studies/index.html", "case-studies/"),
                                              ("case-studies/wakefield-school-milk.html",
                                               "case-studies/wakefield-school-milk/")])
def test_a_page_names_and_prints_its_address_online_not_its_file_in_the_copy(offline_site, file, online):
    html = soup(offline_site, file)
    assert html.select_one('link[rel="canonical"]')["href"] == SITE_URL + online
    assert f"{SITE_URL + online}." in html.select_one(".hub-print-url").get_text()


def test_the_copy_keeps_the_sites_content_security_policy(offline_site):
    """Chromium counts a file:// script as the page's 'self', so the copy needs no
    looser policy; the browser tests below check that nothing is refused."""
    for file in ("index.html", "case-studies/index.html"):
        policy = soup(offline_site, file).select_one('meta[http-equiv="Content-Security-Policy"]')["content"]
        assert policy.startswith("default-src 'none'; script-src 'self'")
        assert "file:" not in policy and "unsafe" not in policy and "*" not in policy


def test_the_online_site_has_no_offline_notice(real_site):
    assert soup(real_site, "").select_one(".hub-offline-edition") is None


def test_two_runs_make_the_same_zip_with_sorted_entries_dated_by_the_commit(offline_zip, tmp_path):
    again = make_offline(tmp_path / ZIP_NAME, env={"PYTHONHASHSEED": "7", "TZ": "Pacific/Auckland"})
    assert again.read_bytes() == offline_zip.read_bytes()
    with zipfile.ZipFile(again) as archive:
        infos = archive.infolist()
    assert [i.filename for i in infos] == sorted(i.filename for i in infos)
    assert len({i.date_time for i in infos}) == 1


def test_the_zip_takes_its_dates_from_source_date_epoch(tmp_path):
    # Tomorrow at midnight: an earlier date would fail the build, as change notes would postdate it.
    tomorrow = datetime.now(UTC).date() + timedelta(days=1)
    epoch = int(datetime(tomorrow.year, tomorrow.month, tomorrow.day, tzinfo=UTC).timestamp())
    made = make_offline(tmp_path / ZIP_NAME, env={"SOURCE_DATE_EPOCH": str(epoch)})
    with zipfile.ZipFile(made) as archive:
        assert {i.date_time for i in archive.infolist()} == {(tomorrow.year, tomorrow.month, tomorrow.day, 0, 0, 0)}
        home = archive.read(f"{FOLDER}/index.html").decode("utf-8")
    assert f"{tomorrow.day} {tomorrow:%B %Y}" in home


def test_an_offline_build_with_directory_urls_fails_with_a_message(tmp_path):
    result = run_script("build.py", "--site-dir", str(tmp_path / "site"),
                        env={"HUB_OFFLINE_EDITION": "abc123 1764547200"})
    assert result.returncode != 0
    assert "the offline copy needs file URLs" in result.stderr
    assert "Traceback" not in result.stderr


# In Chromium, from file://, with the network cut off ----------------------------------


class Offline:
    """A browser context in which every http and https request is refused, and
    every request that fails, and every CSP violation, is recorded."""

    def __init__(self, browser):
        self.context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
        self.network: list[str] = []
        self.failed: list[str] = []
        self.console: list[str] = []

        def refuse(route):
            self.network.append(route.request.url)
            route.abort()

        self.context.route(re.compile(r"^https?://"), refuse)
        self.page = self.context.new_page()
        self.page.on("requestfailed", lambda r: self.failed.append(f"{r.url} {r.failure}"))
        self.page.on("console", lambda m: self.console.append(m.text) if m.type == "error" else None)

    def close(self) -> None:
        self.context.close()


@pytest.fixture()
def offline(browser):
    session = Offline(browser)
    yield session
    session.close()


def wait_for_finder(page) -> None:
    page.wait_for_selector(".hub-finder--ready")


def search(page) -> None:
    """A facet from the URL, then a keyword typed into the box."""
    from playwright.sync_api import expect

    wait_for_finder(page)
    page.fill("#hub-finder-q", KEYWORD)
    expect(page.locator("#hub-finder-q")).to_have_value(KEYWORD)
    expect(page.locator("#hub-finder-count")).to_contain_text("match")
    expect(page.locator("#hub-finder-count")).not_to_contain_text("Loading")


def shown(page) -> list[tuple[str, str]]:
    """The results as (title, the case study's file or folder name)."""
    return [(link.inner_text().strip(), link.get_attribute("href").removesuffix(".html").removesuffix("/"))
            for link in page.locator("ol.hub-results > li .hub-result__title a").all()]


@pytest.mark.browser
def test_from_index_html_a_person_reaches_guidance_and_a_case_study_with_no_network(offline, offline_site):
    page = offline.page
    page.goto((offline_site / "index.html").as_uri())
    assert "An offline copy" in page.inner_text(".hub-offline-edition")
    page.click(".md-nav--primary a[href$='guidance/index.html']")
    page.wait_for_url(re.compile(r"/guidance/index\.html$"))
    page.click("article a[href$='evaluation.html']")
    page.wait_for_url(re.compile(r"/guidance/evaluation\.html$"))
    assert page.locator("article h1").count() == 1
    page.click(".md-nav--primary a[href$='case-studies/index.html']")
    page.wait_for_url(re.compile(r"/case-studies/index\.html"))
    wait_for_finder(page)
    title = page.locator("ol.hub-results > li .hub-result__title a").first
    expected = title.inner_text().strip()
    title.click()
    page.wait_for_url(re.compile(r"/case-studies/[a-z0-9-]+\.html$"))
    assert " ".join(page.inner_text("h1").split()) == " ".join(expected.split())
    assert offline.failed == [] and offline.network == []
    assert [m for m in offline.console if "Content Security Policy" in m] == []


@pytest.mark.browser
def test_the_offline_finder_finds_what_the_online_one_does_and_downloads_the_csv(
        offline, offline_site, page, real_server):
    page.goto(real_server.url + "case-studies/" + FINDER_VIEW)
    search(page)
    online = shown(page)
    online_count = page.inner_text("#hub-finder-count")
    online_facet = page.inner_text("label[for=hub-f-service-construction] .hub-facet__count")
    with page.expect_download() as info:
        page.click(".hub-finder__download")
    online_csv = Path(info.value.path()).read_bytes()

    there = offline.page
    there.goto((offline_site / "case-studies" / "index.html").as_uri() + FINDER_VIEW)
    search(there)
    assert shown(there) == online and online
    assert there.inner_text("#hub-finder-count") == online_count
    assert there.inner_text("label[for=hub-f-service-construction] .hub-facet__count") == online_facet
    with there.expect_download() as info:
        there.click(".hub-finder__download")
    offline_csv = Path(info.value.path()).read_bytes()
    assert offline_csv == online_csv
    rows = list(csv.DictReader(io.StringIO(offline_csv.decode("utf-8-sig"))))
    assert [r["slug"] for r in rows] == [slug for _, slug in online]
    # A result's link opens its page from the zip.
    there.locator("ol.hub-results > li .hub-result__title a").first.click()
    there.wait_for_url(re.compile(r"/case-studies/[a-z0-9-]+\.html$"))
    assert offline.failed == [] and offline.network == []
    assert [m for m in offline.console if "Content Security Policy" in m] == []


@pytest.mark.browser
def test_the_offline_site_search_finds_what_the_online_one_does(offline, offline_site, page, real_server):
    def found(tab) -> list[str]:
        tab.click("#hub-search-q")
        tab.fill("#hub-search-q", "apprentices")
        tab.wait_for_selector("#hub-search-results [role=option]", timeout=30000)
        return [a.inner_text().strip() for a in tab.locator("#hub-search-results [role=option]").all()]

    page.goto(real_server.url + "guidance/evaluation/")
    online = found(page)
    offline.page.goto((offline_site / "guidance" / "evaluation.html").as_uri())
    assert found(offline.page) == online and online
    # A case study found offline opens its page from the copy, not a folder listing.
    target = offline.page.locator("#hub-search-results [role=option][data-href*='case-studies/']").first
    href = target.get_attribute("data-href")
    assert re.search(r"/case-studies/[a-z0-9-]+\.html$", href), href
    offline.page.goto(href)
    assert offline.page.locator("h1").count() == 1
    assert offline.failed == [] and offline.network == []
    assert [m for m in offline.console if "Content Security Policy" in m] == []


@pytest.mark.browser
def test_the_record_of_consideration_works_offline_with_the_same_examples(offline, offline_site, page, real_server):
    from test_record import _ready

    def examples(tab) -> tuple[str, list[str]]:
        _ready(tab)
        names = [a.inner_text().strip() for a in tab.locator("#hub-record-examples-list a").all()]
        return tab.inner_text("#hub-record-examples-count"), names

    page.goto(real_server.url + "guidance/record-of-consideration/")
    online = examples(page)
    offline.page.goto((offline_site / "guidance" / "record-of-consideration.html").as_uri())
    assert examples(offline.page) == online
    # An example opens its case study's file in the copy, as the finder's results do.
    offline.page.select_option("#rec-service", "health-and-care")
    first = offline.page.locator("#hub-record-examples-list a").first
    name = first.inner_text().strip()
    assert first.get_attribute("href").endswith(".html")
    first.click()
    offline.page.wait_for_load_state("load")
    assert offline.page.url.endswith(".html") and offline.page.locator("h1").inner_text().strip() == name
    assert offline.failed == [] and offline.network == []
    assert [m for m in offline.console if "Content Security Policy" in m] == []


def _page_file(site: Path, url: str, base: str) -> Path:
    """The file in `site` that `url` opens, `base` being the address `site` is served from
    (file:// or a loopback server's, or the online hub's): a folder is its index.html."""
    assert url.startswith(base), f"{url} is not in the site at {base}"
    path = unquote(urlsplit(url).path.removeprefix(urlsplit(base).path))
    return site / (path + "index.html" if path.endswith("/") or not path else path)


def _case_study_links(tab, listing: str, record: str) -> dict[str, list[str]]:
    """The case-study addresses the scripts make, absolute: the finder's results, the
    addresses its printed list gives, and the record's examples."""
    from test_record import _ready, _until

    tab.goto(listing)
    wait_for_finder(tab)
    tab.evaluate("() => { window.print = () => { document.documentElement.dataset.printed = 'yes'; }; }")
    tab.click("text=Print these results")
    tab.wait_for_selector("html[data-printed]", state="attached")
    results = tab.locator(".hub-result__title a").evaluate_all("links => links.map(a => a.href)")
    printed = [" ".join(p.split()) for p in tab.locator(".hub-result__address").all_text_contents()]
    tab.goto(record)
    _ready(tab)
    tab.select_option("#rec-service", "health-and-care")
    _until(tab, "document.querySelectorAll('#hub-record-examples-list a').length > 0")
    examples = tab.locator("#hub-record-examples-list a").evaluate_all("links => links.map(a => a.href)")
    return {"finder": results, "print": printed, "record": examples}


@pytest.mark.browser
def test_every_case_study_link_the_scripts_make_opens_a_page_online_and_in_the_copy(
        offline, offline_site, page, real_server, real_site):
    """The finder's results, its printed addresses and the record's examples are made by one
    builder (hubFinder.caseStudyHref): online they open the case studies' folders, in the copy
    their files, and on paper both name the online hub's pages."""
    slugs = {p.stem for p in (ROOT / "casestudies").glob("*.md")}
    online = _case_study_links(page, real_server.url + "case-studies/",
                               real_server.url + "guidance/record-of-consideration/")
    there = offline.page
    copy = _case_study_links(there, (offline_site / "case-studies" / "index.html").as_uri(),
                             (offline_site / "guidance" / "record-of-consideration.html").as_uri())
    assert len(online["finder"]) == len(online["print"]) == len(copy["finder"]) == len(copy["print"]) > 10
    assert online["record"] and len(copy["record"]) == len(online["record"])
    for kind in ("finder", "record"):
        for url in online[kind]:
            target = _page_file(real_site, url, real_server.url)
            assert re.fullmatch(r"case-studies/[a-z0-9-]+/", urlsplit(url).path.lstrip("/")), url
            assert target.parent.name in slugs and target.is_file(), url
        for url in copy[kind]:
            target = _page_file(offline_site, url, offline_site.as_uri() + "/")
            assert url.endswith(".html") and target.is_file(), url
            assert target.stem in slugs, url
    assert online["print"] == copy["print"], "paper names the online hub's pages, even from the copy"
    for url in online["print"]:
        assert _page_file(real_site, url, SITE_URL).is_file(), url
    assert offline.failed == [] and offline.network == []
