"""Shared set-up: real builds of the site, from fixtures or from the repository."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from svhub.tools.project import make_project

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
VALID = FIXTURES / "casestudies" / "valid"
INVALID = FIXTURES / "casestudies" / "invalid"
HOSTILE = FIXTURES / "casestudies" / "hostile"
PYTHON = sys.executable


def run_script(script: str, *args: str, cwd: Path = ROOT, env: dict | None = None,
               input: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [PYTHON, str(ROOT / "scripts" / script), *args],
        cwd=cwd, capture_output=True, text=True, input=input,
        env=os.environ | {"NO_MKDOCS_2_WARNING": "1"} | (env or {}),
    )


def build(project: Path, site: Path | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    site = site or project / "site"
    return run_script("build.py", "--config-file", str(project / "mkdocs.yml"), "--site-dir", str(site),
                      cwd=project, env=env)


def soup(site: Path, url: str) -> BeautifulSoup:
    """The parsed page at a site URL such as 'case-studies/some-slug/'."""
    path = site / url / "index.html" if url.endswith("/") or url == "" else site / url
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html5lib")


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory) -> Path:
    """The real site, built from the fixture case studies."""
    project = make_project(tmp_path_factory.mktemp("fixture-project"), sorted(VALID.glob("*.md")))
    result = build(project)
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site"


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory) -> Path:
    """The fixture library plus the hostile case studies that the build neutralises."""
    files = sorted(VALID.glob("*.md")) + sorted((HOSTILE / "neutralised").glob("*.md"))
    project = make_project(tmp_path_factory.mktemp("hostile-project"), files)
    result = build(project)
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site"


@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> Path:
    """The repository's own site, built strictly as `make site` does."""
    site = tmp_path_factory.mktemp("real") / "site"
    result = run_script("build.py", "--site-dir", str(site))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return site


# Browser tests ------------------------------------------------------------------

# One page of each type the site has, in the real site; the quality gates
# (accessibility, third-party requests, CSP) run on every one of them.
PAGE_TYPES = {
    "home": "",
    "guidance page": "guidance/evaluation/",
    "section index": "guidance/",
    "finder, empty": "case-studies/",
    "finder, filtered": "case-studies/?service=food-and-catering",
    "case study": "case-studies/wakefield-school-milk/",
    "facet page": "case-studies/service/food-and-catering/",
    "facet index": "case-studies/region/",
    "404 page": "404.html",
    "record of consideration": "guidance/record-of-consideration/",
}

CHROMIUM_FLAGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-quic", "--no-first-run", "--disable-sync",
]


def chromium_path() -> str | None:
    """Debian's Chromium, or the one playwright installed itself, if any."""
    if Path("/usr/bin/chromium").exists():
        return "/usr/bin/chromium"
    try:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as p:
            path = p.chromium.executable_path
        return path if Path(path).exists() else None
    except Exception:
        return None


class SiteServer:
    """A static file server on loopback, like any static host or CDN."""

    def __init__(self, root: Path):
        import functools
        import http.server
        import threading

        handler = functools.partial(_QuietHandler, directory=str(root))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


# The one list of WCAG levels every axe test runs (WCAG 2.2 A and AA included).
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]


def describe(violations: list[dict]) -> list[str]:
    """axe-core's violations, one line each, as a failing test shows them."""
    return [f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:5]}" for v in violations]


def axe_violations_on(browser, site: Path, path: str, scheme: str, shown: str, width: int = 1280) -> list[str]:
    """The WCAG A and AA violations axe-core finds on one page of a built site, once
    the element `shown` is visible (so that what is checked is really on the page)."""
    from axe_playwright_python.sync_playwright import Axe

    server = SiteServer(site)
    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
    try:
        page = context.new_page()
        page.goto(server.url + path, wait_until="networkidle")
        assert page.locator(shown).first.is_visible(), f"{shown} is not shown on {path}"
        results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS},
                                           "resultTypes": ["violations"]})
    finally:
        context.close()
        server.close()
    return describe(results.response["violations"])


def _quiet_handler_base():
    import http.server

    return http.server.SimpleHTTPRequestHandler


class _QuietHandler(_quiet_handler_base()):
    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="session")
def browser():
    path = chromium_path()
    if path is None:
        pytest.fail(
            "No Chromium found for the browser tests. Install Debian's package with "
            "'sudo apt-get install chromium' (it provides /usr/bin/chromium); .ci/run does this in CI."
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=path, args=CHROMIUM_FLAGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def fixture_server(fixture_site):
    server = SiteServer(fixture_site)
    yield server
    server.close()


@pytest.fixture(scope="session")
def hostile_server(hostile_site):
    server = SiteServer(hostile_site)
    yield server
    server.close()


@pytest.fixture(scope="session")
def real_server(real_site):
    server = SiteServer(real_site)
    yield server
    server.close()


@pytest.fixture()
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()
