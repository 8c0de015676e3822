#!/usr/bin/env python3
"""Benchmark the hub at 2,000 and 10,000 synthetic case studies.

For each size: write a schema-valid synthetic library (scripts/synthetic.py),
build the site as `make site` does, time the build and the finder's index,
then measure in headless Chromium, on a loopback server that sends gzip as a
static host would: the finder's compressed payload, the time from navigation
to first results for a query, and the time from a keystroke or a facet click
to updated results; what a guidance page transfers on first load, and the
site search's bytes and time from focus to first results. The baseline, in
the same run, is a plain Material site of the same pages (the generated pages
compiled by scripts/compile.py, kept out of the nav, with Material's search
and no hooks): its build time and its search. Pagefind, run over the built
site, is the reference for payload. At 2,000 and fewer, `make serve` is timed
from the save of a case study to the reloaded page; Lighthouse 12.2.3 (from
npm, into a cache folder, run against the system Chromium) scores four pages
when it can run, and says why when it cannot. Results go to bench/out/
(git-ignored) and a table is printed.

A guidance page is also measured at 40 case studies, for reference.

Usage: scripts/bench.py [--sizes 2000 10000] [--out bench/out] [--runs 5]
                        [--no-pagefind] [--no-lighthouse] [--no-serve]
"""

from __future__ import annotations

import functools
import gzip
import http.server
import io
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))
sys.path.insert(0, str(ROOT / "scripts"))

from svhub.tools.venv import use_project_venv  # noqa: E402

use_project_venv()


from synthetic import write_library  # noqa: E402

from svhub.config import HubPaths  # noqa: E402
from svhub.finder.files import finder_files  # noqa: E402
from svhub.load.loader import casestudy_files, load_library  # noqa: E402
from svhub.tools.cli import ArgumentParser, run  # noqa: E402
from svhub.tools.project import make_project  # noqa: E402

QUERY = "apprenticeships"      # typed a key at a time, and used for first results
FACET = "hub-f-region-north-west"
CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run",
         "--disable-component-update", "--disable-sync"]
FINDER_FILES = ("case-studies/", "assets/javascripts/finder.js", "assets/stylesheets/finder.css",
                "case-studies/data/finder-facets.json", "case-studies/data/finder-index.json",
                "case-studies/data/lunr.js")
TARGETS = {"first_results_ms": 300, "keystroke_ms": 50, "facet_click_ms": 50, "index_share": 0.25,
           "guidance_kb": 200, "search_vs_pagefind": 1.5, "search_first_ms": 300, "build_ratio": 1.5,
           "lighthouse_accessibility": 100, "lighthouse_performance": 95, "lighthouse_cls": 0.05}
GUIDANCE = "guidance/can-and-cannot/"
LIGHTHOUSE_VERSION = "12.2.3"
LIGHTHOUSE_PAGES = {"home": "", "guidance": GUIDANCE, "finder": "case-studies/", "case study": None}
SERVE_MAX = 2000  # `make serve` is timed up to this size
REFERENCE = 40  # a guidance page at this many case studies is what it should weigh at any size


@dataclass
class Figures:
    size: int
    build_s: float = 0.0
    load_s: float = 0.0
    index_s: float = 0.0
    finder_bytes: dict[str, int] = field(default_factory=dict)
    material_index_bytes: int = 0
    material_index_raw: int = 0
    finder_first_ms: float = 0.0
    finder_first_facets_ms: float = 0.0
    first_paint_ms: float = 0.0
    index_shards: int = 0
    text_chunks: int = 0
    finder_page_transfer: int = 0
    keystroke_ms: list[float] = field(default_factory=list)
    facet_click_ms: list[float] = field(default_factory=list)
    material_first_ms: float | None = 0.0  # None: no results within MATERIAL_LIMIT_MS
    material_page_transfer: int = 0
    pagefind_s: float = 0.0
    pagefind_bundle_bytes: int = 0
    pagefind_query_transfer: int = 0
    pagefind_first_ms: float = 0.0
    plain_build_s: float = 0.0
    guidance_transfer: int = 0
    search_query_transfer: int = 0
    search_first_ms: float = 0.0
    serve_reload_s: float | None = None
    lighthouse: dict[str, dict[str, float]] = field(default_factory=dict)
    lighthouse_note: str = ""

    @property
    def finder_payload(self) -> int:
        return sum(self.finder_bytes.values())


# Serving, as a static host with compression would --------------------------------

class GzipHandler(http.server.SimpleHTTPRequestHandler):
    cache: dict[str, bytes] = {}
    compressible = (".html", ".js", ".css", ".json", ".svg", ".csv", "/")

    def log_message(self, *args) -> None:
        pass

    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            path = os.path.join(path, "index.html")
        wants = "gzip" in self.headers.get("Accept-Encoding", "")
        if not wants or not os.path.isfile(path) or not path.endswith(self.compressible):
            return super().send_head()
        body = self.cache.get(path)
        if body is None:
            body = self.cache[path] = gzip.compress(Path(path).read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


class QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:
        """A browser that closes a connection early (a page left, a request aborted) is not news."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class Server:
    def __init__(self, root: Path):
        handler = functools.partial(GzipHandler, directory=str(root))
        self.httpd = QuietServer(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def gz(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), 6))


# Building ---------------------------------------------------------------------------

def synthetic_project(out: Path, size: int) -> Path:
    project = out / f"project-{size}"
    if project.exists():
        shutil.rmtree(project)
    make_project(project)
    write_library(size, project / "casestudies")
    return project


def build(project: Path, figures: Figures) -> Path:
    site = project / "site"
    started = time.perf_counter()
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "build.py"), "--config-file",
                             str(project / "mkdocs.yml"), "--site-dir", str(site)],
                            cwd=project, capture_output=True, text=True, env=os.environ | {"NO_MKDOCS_2_WARNING": "1"})
    figures.build_s = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"bench.py: error: the {figures.size} build failed\n{result.stderr[-2000:]}")
    started = time.perf_counter()
    library = load_library(casestudy_files(project / "casestudies"), HubPaths(project)).library
    figures.load_s = time.perf_counter() - started
    figures.index_s = finder_files(library).index_seconds
    figures.finder_bytes = {name: gz(site / name / "index.html" if name.endswith("/") else site / name)
                            for name in FINDER_FILES}
    shards = sorted((site / "case-studies" / "data").glob("finder-index-*.json"))
    figures.index_shards = len(shards)
    figures.finder_bytes["case-studies/data/finder-index.json"] += sum(gz(shard) for shard in shards)
    chunks = sorted((site / "case-studies" / "data").glob("finder-text-*.json"))
    figures.text_chunks = len(chunks)
    figures.finder_bytes["case-studies/data/finder-text"] = sum(gz(chunk) for chunk in chunks)
    return site


def plain_material(project: Path, figures: Figures) -> Path:
    """The baseline: the same pages built by plain Material with its search and no hooks.

    scripts/compile.py writes every page, the generated ones included, as a plain
    docs folder with its mkdocs.yml; the case studies are out of the nav, as in the
    hub. Material's search plugin is turned on. The compile step is not timed: it
    is the hub's, not Material's."""
    import yaml

    plain = project.parent / f"plain-{figures.size}"
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "compile.py"), "--out", str(plain),
                             "--config-file", str(project / "mkdocs.yml")], capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"bench.py: error: compiling the {figures.size} pages failed\n{result.stderr[-2000:]}")
    config = yaml.safe_load((plain / "mkdocs.yml").read_text(encoding="utf-8"))
    config.update(plugins=["search"], strict=False,
                  validation={"links": {"not_found": "info", "anchors": "info", "unrecognized_links": "info"},
                              "nav": {"omitted_files": "info"}})
    (plain / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--quiet"], cwd=plain, capture_output=True,
                            text=True, env=os.environ | {"NO_MKDOCS_2_WARNING": "1"})
    figures.plain_build_s = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"bench.py: error: the plain Material build of {figures.size} failed\n{result.stderr[-2000:]}")
    material = plain / "site" / "search" / "search_index.json"
    figures.material_index_bytes, figures.material_index_raw = gz(material), material.stat().st_size
    return plain / "site"


def pagefind(site: Path, figures: Figures) -> None:
    shutil.rmtree(site / "pagefind", ignore_errors=True)
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "pagefind", "--site", str(site), "--silent"],
                            capture_output=True, text=True)
    figures.pagefind_s = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"bench.py: error: pagefind failed\n{result.stderr[-2000:]}")
    figures.pagefind_bundle_bytes = sum(p.stat().st_size for p in (site / "pagefind").rglob("*") if p.is_file())
    (site / "pagefind-bench.html").write_text(
        "<!doctype html><html lang=en><title>Pagefind bench</title><body>"
        "<script type=module src=pagefind-bench.js></script></body></html>\n", encoding="utf-8")
    (site / "pagefind-bench.js").write_text(
        "const pagefind = await import('./pagefind/pagefind.js');\n"
        f"const search = await pagefind.search({json.dumps(QUERY, allow_nan=False)});\n"
        "await Promise.all(search.results.slice(0, 10).map(r => r.data()));\n"
        "window.benchDone = performance.now();\n", encoding="utf-8")


# Measuring in Chromium -----------------------------------------------------------------

FIRST_RESULTS = """() => new Promise(resolve => {
  const done = () => {
    const mark = performance.getEntriesByName('hub-finder-results')[0];
    if (mark) resolve(mark.startTime); else setTimeout(done, 5);
  };
  done();
})"""

TRANSFER = """() => performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))
  .reduce((sum, e) => sum + e.transferSize, 0)"""

TYPE_AND_TIME = """async ({query, facet}) => {
  // Results may wait for data (a shard, a chunk of text): wait for them to be shown, then for the frame that paints them.
  const renders = () => performance.getEntriesByName('hub-finder-render').length;
  const frame = before => new Promise(r => {
    const wait = () => renders() > before ? requestAnimationFrame(() => setTimeout(r, 0)) : setTimeout(wait, 0);
    wait();
  });
  const keys = [];
  await new Promise(r => { const wait = () => document.querySelector('.hub-finder--ready') ? r() : setTimeout(wait, 10); wait(); });
  const box = document.getElementById('hub-finder-q');
  box.focus();  // the keyword index's head is in the page; its shards come as the words need them
  await new Promise(r => setTimeout(r, 300));
  for (let i = 1; i <= query.length; i++) {
    const t0 = performance.now(), before = renders();
    box.value = query.slice(0, i);
    box.dispatchEvent(new Event('input', {bubbles: true}));
    await frame(before);
    keys.push(performance.now() - t0);
  }
  const clicks = [];
  for (let i = 0; i < 4; i++) {
    const t0 = performance.now(), before = renders();
    document.getElementById(facet).click();
    await frame(before);
    clicks.push(performance.now() - t0);
  }
  return {keys, clicks};
}"""

SITE_SEARCH = """async (query) => {
  // Cold: nothing of the search is loaded until the box is focused. Timed to the first result drawn.
  const box = document.getElementById('hub-search-q'), before = performance.getEntriesByType('resource').length;
  const t0 = performance.now();
  box.focus();
  box.value = query;
  box.dispatchEvent(new Event('input', {bubbles: true}));
  await new Promise(r => { const wait = () => document.querySelector('#hub-search-results [role=option]') ? r() : requestAnimationFrame(wait); wait(); });
  const ms = performance.now() - t0;
  await new Promise(r => setTimeout(r, 500));
  const bytes = performance.getEntriesByType('resource').slice(before).reduce((sum, e) => sum + e.transferSize, 0);
  return {ms, bytes};
}"""

FIRST_PAINT = """() => performance.getEntriesByName('first-contentful-paint')[0].startTime"""

MATERIAL_FIRST = """(limit) => new Promise(resolve => {
  // At 10,000 pages Material's worker may never finish building its index: give up after `limit` ms.
  const done = () => {
    if (document.querySelector('.md-search-result__list > li')) resolve(performance.now());
    else if (performance.now() > limit) resolve(null);
    else requestAnimationFrame(done);
  };
  done();
})"""
MATERIAL_LIMIT_MS = 60_000


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def measure(site: Path, plain_site: Path, figures: Figures, runs: int) -> None:
    from playwright.sync_api import sync_playwright

    server, plain = Server(site), Server(plain_site)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)

            def fresh():
                """A cold browser."""
                context = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True)
                return context, context.new_page()

            def warm(url: str) -> None:  # the server compresses each file once, as a CDN would have
                context, page = fresh()
                page.goto(url, wait_until="load")
                page.wait_for_timeout(500)
                context.close()

            warm(f"{server.url}case-studies/?q={QUERY}")
            warm(f"{server.url}{GUIDANCE}")
            warm(f"{plain.url}?q={QUERY}")
            first, first_facets, finder_transfer, keys, clicks = [], [], [], [], []
            first_paint, guidance, search_first, search_bytes = [], [], [], []
            for _ in range(runs):
                context, page = fresh()
                page.goto(f"{server.url}case-studies/?q={QUERY}")
                first.append(page.evaluate(FIRST_RESULTS))
                page.wait_for_load_state("networkidle")
                finder_transfer.append(page.evaluate(TRANSFER))
                context.close()
                context, page = fresh()
                page.goto(f"{server.url}{GUIDANCE}", wait_until="load")
                page.wait_for_load_state("networkidle")
                guidance.append(page.evaluate(TRANSFER))
                searched = page.evaluate(SITE_SEARCH, QUERY)
                search_first.append(searched["ms"])
                search_bytes.append(searched["bytes"])
                context.close()
                context, page = fresh()
                page.goto(f"{server.url}case-studies/?region=north-west")
                first_facets.append(page.evaluate(FIRST_RESULTS))
                first_paint.append(page.evaluate(FIRST_PAINT))
                page.goto(f"{server.url}case-studies/")
                page.wait_for_selector(".hub-finder--ready")
                timings = page.evaluate(TYPE_AND_TIME, {"query": QUERY, "facet": FACET})
                keys += timings["keys"]
                clicks += timings["clicks"]
                context.close()
            figures.finder_first_ms = median(first)
            figures.guidance_transfer = int(median(guidance))
            figures.search_first_ms = median(search_first)
            figures.search_query_transfer = int(median(search_bytes))
            figures.finder_first_facets_ms = median(first_facets)
            figures.first_paint_ms = median(first_paint)
            figures.finder_page_transfer = int(median(finder_transfer))
            figures.keystroke_ms = [round(median(keys), 1), round(max(keys), 1)]
            figures.facet_click_ms = [round(median(clicks), 1), round(max(clicks), 1)]

            material, material_transfer = [], []
            for _ in range(runs):
                context, page = fresh()
                page.goto(f"{plain.url}?q={QUERY}")
                shown = page.evaluate(MATERIAL_FIRST, MATERIAL_LIMIT_MS)
                if shown is None:  # one give-up is enough: the next run would wait as long
                    context.close()
                    break
                material.append(shown)
                page.wait_for_load_state("networkidle")
                material_transfer.append(page.evaluate(TRANSFER))
                context.close()
            figures.material_first_ms = median(material) if material else None
            figures.material_page_transfer = int(median(material_transfer)) if material_transfer else 0

            if (site / "pagefind-bench.html").exists():
                warm(server.url + "pagefind-bench.html")
                pf_first, pf_transfer = [], []
                for _ in range(runs):
                    context, page = fresh()
                    page.goto(server.url + "pagefind-bench.html")
                    page.wait_for_function("window.benchDone !== undefined", timeout=120_000)
                    pf_first.append(page.evaluate("window.benchDone"))
                    pf_transfer.append(page.evaluate(TRANSFER))
                    context.close()
                figures.pagefind_first_ms = median(pf_first)
                figures.pagefind_query_transfer = int(median(pf_transfer))
            browser.close()
    finally:
        server.close()
        plain.close()


def guidance_only(site: Path, figures: Figures) -> None:
    """What a guidance page transfers on first load, cold, gzip (the reference size's one figure)."""
    from playwright.sync_api import sync_playwright

    server = Server(site)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(server.url + GUIDANCE, wait_until="load")
            page.wait_for_load_state("networkidle")
            figures.guidance_transfer = page.evaluate(TRANSFER)
            browser.close()
    finally:
        server.close()


# `make serve` and Lighthouse ------------------------------------------------------------

def serve_reload(project: Path, figures: Figures) -> None:
    """Seconds from saving one case study to `make serve` serving its page changed.

    The page is fetched until it shows the edit, as a reader's reload would."""
    port = free_port()
    command = [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}",
               "--config-file", str(project / "mkdocs.yml")]
    server = subprocess.Popen(command, cwd=project, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              env=os.environ | {"NO_MKDOCS_2_WARNING": "1"})
    study = sorted((project / "casestudies").glob("*.md"))[0]
    url = f"http://127.0.0.1:{port}/case-studies/{study.stem}/"
    original = study.read_text(encoding="utf-8")
    try:
        wait_for(url, lambda text: True, timeout=1800)
        token = f"Bench edit {time.time_ns()}."
        started = time.perf_counter()
        study.write_text(original.rstrip("\n") + f"\n\n{token}\n", encoding="utf-8")
        wait_for(url, lambda text: token in text, timeout=1800)
        figures.serve_reload_s = time.perf_counter() - started
    finally:
        study.write_text(original, encoding="utf-8")
        server.terminate()
        server.wait(timeout=60)


def free_port() -> int:
    """A loopback port that nothing listens on."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(url: str, ok, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=30) as response:
                if ok(response.read().decode("utf-8", "replace")):
                    return
        except OSError:
            pass
        time.sleep(0.1)
    raise SystemExit(f"bench.py: error: {url} did not come within {timeout:.0f} s")


def lighthouse(site: Path, out: Path, figures: Figures) -> None:
    """Lighthouse's mobile scores for four pages, or the reason it could not run."""
    cache = out / "npm" / f"lighthouse-{LIGHTHOUSE_VERSION}"
    cli = cache / "node_modules" / "lighthouse" / "cli" / "index.js"
    node, npm = shutil.which("node"), shutil.which("npm")
    if not node or not npm:
        figures.lighthouse_note = "Lighthouse needs Node.js and npm, which are not installed"
        return
    if not cli.exists():
        installed = subprocess.run([npm, "install", "--prefix", str(cache), "--no-audit", "--no-fund",
                                    "--no-save", f"lighthouse@{LIGHTHOUSE_VERSION}"], capture_output=True, text=True)
        if installed.returncode != 0 or not cli.exists():
            figures.lighthouse_note = f"npm could not install lighthouse@{LIGHTHOUSE_VERSION}: " + (
                installed.stderr.strip().splitlines() or ["no message"])[-1]
            return
    study = next(p.parent.name for p in sorted((site / "case-studies").glob("*/index.html"))
                 if (p.parent / "index.html").read_text(encoding="utf-8").count('id="hub-title"'))
    server = Server(site)
    try:
        for name, path in LIGHTHOUSE_PAGES.items():
            report = out / f"lighthouse-{figures.size}-{name.replace(' ', '-')}.json"
            result = subprocess.run(
                [node, str(cli), server.url + (path if path is not None else f"case-studies/{study}/"),
                 f"--chrome-path={CHROMIUM}", "--chrome-flags=--headless=new " + " ".join(FLAGS),
                 "--only-categories=performance,accessibility", "--output=json", f"--output-path={report}",
                 "--quiet"], capture_output=True, text=True, timeout=600)
            if result.returncode != 0 or not report.exists():
                figures.lighthouse_note = f"Lighthouse failed on {name}: " + (
                    result.stderr.strip().splitlines() or ["no message"])[-1]
                return
            data = json.loads(report.read_text(encoding="utf-8"))
            figures.lighthouse[name] = {
                "performance": round(data["categories"]["performance"]["score"] * 100),
                "accessibility": round(data["categories"]["accessibility"]["score"] * 100),
                "cls": round(data["audits"]["cumulative-layout-shift"]["numericValue"], 3),
            }
    finally:
        server.close()


# Report -------------------------------------------------------------------------------

def kb(n: int) -> str:
    return f"{n / 1024:,.0f} KB"


def verdict(ok: bool) -> str:
    return "met" if ok else "MISSED"


def report(all_figures: list[Figures], reference: Figures) -> str:
    rows = [("", *(f"{f.size:,} case studies" for f in all_figures))]

    def add(label: str, fn) -> None:
        rows.append((label, *(fn(f) for f in all_figures)))

    add("whole build (s)", lambda f: f"{f.build_s:.1f}")
    add("finder index build (s)", lambda f: f"{f.index_s:.1f} ({f.index_s / f.build_s:.0%} of build)")
    add("finder payload, gzip", lambda f: kb(f.finder_payload))
    add("  of which lunr index, head and shards", lambda f: f"{kb(f.finder_bytes['case-studies/data/finder-index.json'])}"
                                                          f" ({f.index_shards} shards)")
    add("  of which facet table", lambda f: kb(f.finder_bytes["case-studies/data/finder-facets.json"]))
    add("  of which results' text", lambda f: f"{kb(f.finder_bytes['case-studies/data/finder-text'])}"
                                              f" ({f.text_chunks} chunks)")
    add("  of which listing HTML", lambda f: kb(f.finder_bytes["case-studies/"]))
    add("Material search_index.json, gzip", lambda f: f"{kb(f.material_index_bytes)} ({kb(f.material_index_raw)} raw)")
    add("finder payload / Material index", lambda f: f"{f.finder_payload / f.material_index_bytes:.2f}")
    add("finder page, all bytes (no Material index)", lambda f: kb(f.finder_page_transfer))
    add("first results, query in URL (ms)", lambda f: f"{f.finder_first_ms:.0f}")
    add("first results, facets only (ms)", lambda f: f"{f.finder_first_facets_ms:.0f}")
    add("  the page's first paint, before the finder (ms)", lambda f: f"{f.first_paint_ms:.0f}")
    add("Material search first results (ms)", lambda f: f"{f.material_first_ms:.0f}" if f.material_first_ms
        else f"none in {MATERIAL_LIMIT_MS // 1000} s")
    add("finder / Material, first results", lambda f: f"{f.finder_first_ms / f.material_first_ms:.2f}"
        if f.material_first_ms else "n/a")
    add("finder / Pagefind's first 10 results, same run", lambda f: ratio(f.finder_first_ms, f.pagefind_first_ms))
    add("keystroke to results (ms, median/max)", lambda f: "{} / {}".format(*f.keystroke_ms))
    add("facet click to results (ms, median/max)", lambda f: "{} / {}".format(*f.facet_click_ms))
    add(f"guidance page first load, gzip (no search; {kb(reference.guidance_transfer)} at {REFERENCE})",
        lambda f: kb(f.guidance_transfer))
    add("site search: bytes for the first query", lambda f: kb(f.search_query_transfer))
    add("  / Pagefind's for the same query", lambda f: ratio(f.search_query_transfer, f.pagefind_query_transfer))
    add("site search: focus to first results, cold (ms)", lambda f: f"{f.search_first_ms:.0f}")
    add("plain Material build, same pages (s)", lambda f: f"{f.plain_build_s:.1f}")
    add("build / plain Material", lambda f: ratio(f.build_s, f.plain_build_s))
    add("make serve: save to changed page (s)",
        lambda f: "not timed" if f.serve_reload_s is None else f"{f.serve_reload_s:.1f}")
    for name in LIGHTHOUSE_PAGES:
        add(f"Lighthouse {name}: perf / a11y / CLS",
            lambda f, name=name: "{performance} / {accessibility} / {cls}".format(**f.lighthouse[name])
            if name in f.lighthouse else "not run")
    add("Pagefind indexing (s)", lambda f: f"{f.pagefind_s:.1f}")
    add("Pagefind bundle on disk", lambda f: kb(f.pagefind_bundle_bytes))
    add("Pagefind bytes for one query", lambda f: kb(f.pagefind_query_transfer))
    add("Pagefind first 10 results (ms)", lambda f: f"{f.pagefind_first_ms:.0f}")
    widths = [max(len(str(r[i])) for r in rows) for i in range(len(rows[0]))]
    lines = [" | ".join(str(c).ljust(w) for c, w in zip(r, widths, strict=True)) for r in rows]
    lines.insert(1, "-+-".join("-" * w for w in widths))
    largest = max(all_figures, key=lambda f: f.size)
    lines += ["", f"Targets at {largest.size:,} case studies:"]
    checks = [
        (f"first results within {TARGETS['first_results_ms']} ms", largest.finder_first_ms <= TARGETS["first_results_ms"]),
        (f"keystroke within {TARGETS['keystroke_ms']} ms (max)", largest.keystroke_ms[1] <= TARGETS["keystroke_ms"]),
        (f"facet click within {TARGETS['facet_click_ms']} ms (max)",
         largest.facet_click_ms[1] <= TARGETS["facet_click_ms"]),
        ("finder payload below Material's search_index.json", largest.finder_payload < largest.material_index_bytes),
        ("index build at most 1/4 of the build", largest.index_s <= TARGETS["index_share"] * largest.build_s),
    ]
    smallest = reference
    checks += [
        (f"guidance page within {TARGETS['guidance_kb']} KB", largest.guidance_transfer <= TARGETS["guidance_kb"] * 1024),
        (f"guidance page the same as at {smallest.size:,} (within 1 KB)",
         abs(largest.guidance_transfer - smallest.guidance_transfer) <= 1024),
        (f"site search first query within {TARGETS['search_vs_pagefind']}x Pagefind's bytes",
         bool(largest.pagefind_query_transfer)
         and largest.search_query_transfer <= TARGETS["search_vs_pagefind"] * largest.pagefind_query_transfer),
        (f"site search first results within {TARGETS['search_first_ms']} ms",
         largest.search_first_ms <= TARGETS["search_first_ms"]),
    ]
    checks += [(f"build within {TARGETS['build_ratio']}x plain Material at {f.size:,}",
                f.plain_build_s > 0 and f.build_s <= TARGETS["build_ratio"] * f.plain_build_s)
               for f in all_figures if f.size >= 2000]
    for f in all_figures:
        for name, scores in f.lighthouse.items():
            checks.append((f"Lighthouse {name} at {f.size:,}: accessibility 100, performance 95+, CLS 0.05 or less",
                           scores["accessibility"] >= TARGETS["lighthouse_accessibility"]
                           and scores["performance"] >= TARGETS["lighthouse_performance"]
                           and scores["cls"] <= TARGETS["lighthouse_cls"]))
        if f.lighthouse_note:
            lines.append(f"Lighthouse at {f.size:,} did not run: {f.lighthouse_note}")
    lines += [f"  {verdict(ok):6} {text}" for text, ok in checks]
    return "\n".join(lines)


def ratio(a: float, b: float) -> str:
    return f"{a / b:.2f}" if b else "n/a"


def main() -> int:
    parser = ArgumentParser(prog="bench.py", description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000, 10000])
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out")
    parser.add_argument("--runs", type=int, default=5, help="browser runs per measurement (median)")
    parser.add_argument("--no-pagefind", action="store_true", help="skip the Pagefind reference")
    parser.add_argument("--no-lighthouse", action="store_true", help="skip Lighthouse")
    parser.add_argument("--no-serve", action="store_true", help="skip timing `make serve`")
    args = parser.parse_args()
    if not Path(CHROMIUM).exists():
        parser.error(f"{CHROMIUM} is missing; install Debian's 'chromium' package")
    args.out.mkdir(parents=True, exist_ok=True)
    results = []
    print(f"bench: {REFERENCE:,} case studies: a guidance page, for reference…", file=sys.stderr, flush=True)
    reference = Figures(REFERENCE)
    guidance_only(build(synthetic_project(args.out, REFERENCE), reference), reference)
    for size in args.sizes:
        figures = Figures(size)
        print(f"bench: {size:,} case studies: generating and building…", file=sys.stderr, flush=True)
        project = synthetic_project(args.out, size)
        site = build(project, figures)
        print(f"bench: {size:,}: building plain Material of the same pages…", file=sys.stderr, flush=True)
        plain = plain_material(project, figures)
        if not args.no_pagefind:
            print(f"bench: {size:,}: running Pagefind…", file=sys.stderr, flush=True)
            pagefind(site, figures)
        print(f"bench: {size:,}: measuring in Chromium…", file=sys.stderr, flush=True)
        measure(site, plain, figures, args.runs)
        if not args.no_serve and size <= SERVE_MAX:
            print(f"bench: {size:,}: timing `make serve` after a save…", file=sys.stderr, flush=True)
            serve_reload(project, figures)
        if not args.no_lighthouse:
            print(f"bench: {size:,}: Lighthouse {LIGHTHOUSE_VERSION}…", file=sys.stderr, flush=True)
            lighthouse(site, args.out, figures)
            if figures.lighthouse_note:
                print(f"bench: {size:,}: Lighthouse did not run: {figures.lighthouse_note}", file=sys.stderr)
        results.append(figures)
        (args.out / f"figures-{size}.json").write_text(json.dumps(asdict(figures), indent=1, allow_nan=False) + "\n", encoding="utf-8")
    table = report(results, reference)
    (args.out / "report.txt").write_text(table + "\n", encoding="utf-8")
    print(table)
    return 0


if __name__ == "__main__":
    run(main)
