#!/usr/bin/env python3
"""Benchmark the case-study finder at 1,000 and 10,000 synthetic case studies.

For each size: write a schema-valid synthetic library (scripts/synthetic.py),
build the site as `make site` does, time the build and the finder's index,
then measure in headless Chromium, on a loopback server that sends gzip as a
static host would: the finder's compressed payload, the time from navigation
to first results for a query, and the time from a keystroke or a facet click
to updated results. Material's own search on the same site, in the same run,
is the baseline; Pagefind, run over the same built site, is the reference for
payload. Results go to bench/out/ (git-ignored) and a table is printed.

Usage: scripts/bench.py [--sizes 1000 10000] [--out bench/out] [--runs 5]
"""

from __future__ import annotations

import functools
import gzip
import http.server
import io
import json
import os
import shutil
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))
sys.path.insert(0, str(ROOT / "scripts"))

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
TARGETS = {"first_results_ms": 300, "keystroke_ms": 50, "facet_click_ms": 50, "index_share": 0.25}


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
    finder_first_shared_ms: float = 0.0
    finder_first_facets_ms: float = 0.0
    first_paint_ms: float = 0.0
    index_shards: int = 0
    text_chunks: int = 0
    finder_page_transfer: int = 0
    index_ready_ms: float = 0.0
    keystroke_ms: list[float] = field(default_factory=list)
    facet_click_ms: list[float] = field(default_factory=list)
    material_first_ms: float = 0.0
    material_page_transfer: int = 0
    pagefind_s: float = 0.0
    pagefind_bundle_bytes: int = 0
    pagefind_query_transfer: int = 0
    pagefind_first_ms: float = 0.0

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
    material = site / "search" / "search_index.json"
    figures.material_index_bytes, figures.material_index_raw = gz(material), material.stat().st_size
    return site


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
        f"const search = await pagefind.search({json.dumps(QUERY)});\n"
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
  const focused = performance.now();
  box.focus();  // fetches the keyword index; keystrokes are timed once it is loaded
  const indexMark = () => performance.getEntriesByName('hub-finder-index')[0];
  await new Promise(r => { const wait = () => indexMark() ? r() : setTimeout(wait, 5); wait(); });
  const indexReady = indexMark().startTime - focused;
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
  return {keys, clicks, indexReady};
}"""

FIRST_PAINT = """() => performance.getEntriesByName('first-contentful-paint')[0].startTime"""

MATERIAL_FIRST = """() => new Promise(resolve => {
  const done = () => {
    if (document.querySelector('.md-search-result__list > li')) resolve(performance.now());
    else requestAnimationFrame(done);
  };
  done();
})"""


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def measure(site: Path, figures: Figures, runs: int) -> None:
    from playwright.sync_api import sync_playwright

    server = Server(site)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)

            def fresh(alone: bool = False):
                """A cold browser. `alone`: without Material's search index, which Material
                fetches and indexes in a worker on every page, the finder's included."""
                context = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True)
                if alone:
                    context.route("**/search/search_index.json", lambda route: route.abort())
                return context, context.new_page()

            def warm(path: str) -> None:  # the server compresses each file once, as a CDN would have
                context, page = fresh()
                page.goto(server.url + path, wait_until="load")
                page.wait_for_timeout(500)
                context.close()

            warm(f"case-studies/?q={QUERY}")
            warm(f"?q={QUERY}")
            first, first_shared, first_facets, finder_transfer, keys, clicks, index_ready = [], [], [], [], [], [], []
            first_paint = []
            for _ in range(runs):
                context, page = fresh(alone=True)
                page.goto(f"{server.url}case-studies/?q={QUERY}")
                first.append(page.evaluate(FIRST_RESULTS))
                page.wait_for_load_state("networkidle")
                finder_transfer.append(page.evaluate(TRANSFER))
                context.close()
                context, page = fresh()
                page.goto(f"{server.url}case-studies/?q={QUERY}")
                first_shared.append(page.evaluate(FIRST_RESULTS))
                context.close()
                context, page = fresh(alone=True)
                page.goto(f"{server.url}case-studies/?region=north-west")
                first_facets.append(page.evaluate(FIRST_RESULTS))
                first_paint.append(page.evaluate(FIRST_PAINT))
                page.goto(f"{server.url}case-studies/")
                page.wait_for_selector(".hub-finder--ready")
                timings = page.evaluate(TYPE_AND_TIME, {"query": QUERY, "facet": FACET})
                keys += timings["keys"]
                clicks += timings["clicks"]
                index_ready.append(timings["indexReady"])
                context.close()
            figures.finder_first_ms = median(first)
            figures.finder_first_shared_ms = median(first_shared)
            figures.finder_first_facets_ms = median(first_facets)
            figures.first_paint_ms = median(first_paint)
            figures.finder_page_transfer = int(median(finder_transfer))
            figures.keystroke_ms = [round(median(keys), 1), round(max(keys), 1)]
            figures.index_ready_ms = median(index_ready)
            figures.facet_click_ms = [round(median(clicks), 1), round(max(clicks), 1)]

            material, material_transfer = [], []
            for _ in range(runs):
                context, page = fresh()
                page.goto(f"{server.url}?q={QUERY}")
                material.append(page.evaluate(MATERIAL_FIRST))
                page.wait_for_load_state("networkidle")
                material_transfer.append(page.evaluate(TRANSFER))
                context.close()
            figures.material_first_ms = median(material)
            figures.material_page_transfer = int(median(material_transfer))

            if (site / "pagefind-bench.html").exists():
                warm("pagefind-bench.html")
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


# Report -------------------------------------------------------------------------------

def kb(n: int) -> str:
    return f"{n / 1024:,.0f} KB"


def verdict(ok: bool) -> str:
    return "met" if ok else "MISSED"


def report(all_figures: list[Figures]) -> str:
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
    add("  same, Material's index loading too (ms)", lambda f: f"{f.finder_first_shared_ms:.0f}")
    add("first results, facets only (ms)", lambda f: f"{f.finder_first_facets_ms:.0f}")
    add("  the page's first paint, before the finder (ms)", lambda f: f"{f.first_paint_ms:.0f}")
    add("Material search first results (ms)", lambda f: f"{f.material_first_ms:.0f}")
    add("finder / Material, first results", lambda f: f"{f.finder_first_ms / f.material_first_ms:.2f}")
    add("keyword index ready, from focus (ms)", lambda f: f"{f.index_ready_ms:.0f}")
    add("keystroke to results (ms, median/max)", lambda f: "{} / {}".format(*f.keystroke_ms))
    add("facet click to results (ms, median/max)", lambda f: "{} / {}".format(*f.facet_click_ms))
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
    lines += [f"  {verdict(ok):6} {text}" for text, ok in checks]
    return "\n".join(lines)


def main() -> int:
    parser = ArgumentParser(prog="bench.py", description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out")
    parser.add_argument("--runs", type=int, default=5, help="browser runs per measurement (median)")
    parser.add_argument("--no-pagefind", action="store_true", help="skip the Pagefind reference")
    args = parser.parse_args()
    if not Path(CHROMIUM).exists():
        parser.error(f"{CHROMIUM} is missing; install Debian's 'chromium' package")
    args.out.mkdir(parents=True, exist_ok=True)
    results = []
    for size in args.sizes:
        figures = Figures(size)
        print(f"bench: {size:,} case studies: generating and building…", file=sys.stderr, flush=True)
        site = build(synthetic_project(args.out, size), figures)
        if not args.no_pagefind:
            print(f"bench: {size:,}: running Pagefind…", file=sys.stderr, flush=True)
            pagefind(site, figures)
        print(f"bench: {size:,}: measuring in Chromium…", file=sys.stderr, flush=True)
        measure(site, figures, args.runs)
        results.append(figures)
        (args.out / f"figures-{size}.json").write_text(json.dumps(asdict(figures), indent=1) + "\n", encoding="utf-8")
    table = report(results)
    (args.out / "report.txt").write_text(table + "\n", encoding="utf-8")
    print(table)
    return 0


if __name__ == "__main__":
    run(main)
