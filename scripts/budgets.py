#!/usr/bin/env python3
"""Check the hub's size budgets, as bytes over the network (gzip).

- a case-study page's own HTML: at most 30 KB;
- the JavaScript a case-study page needs: at most 150 KB;
- the finder's own script, without its index: at most 20 KB;
- a case-study page does not grow with the number of case studies (the same
  page in a library of 3 and of 200 synthetic case studies);
- the offline copy's zip (scripts/offline.py) at 40 synthetic case studies: at
  most 3 times the bytes of the online site/ built from the same library.

Usage: scripts/budgets.py [--site-dir DIR] [--no-growth]
(without --site-dir, the repository's site is built into a temporary folder)
"""

from __future__ import annotations

import gzip
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin, urlsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))
sys.path.insert(0, str(ROOT / "scripts"))

from svhub.tools.venv import use_project_venv  # noqa: E402

use_project_venv()


from synthetic import write_library  # noqa: E402

from svhub.tools.cli import ArgumentParser, run  # noqa: E402
from svhub.tools.project import make_project  # noqa: E402

KB = 1000
CASE_STUDY_HTML = 30 * KB
CASE_STUDY_JS = 150 * KB
FINDER_JS = 20 * KB
FINDER_SCRIPTS = "assets/javascripts"  # finder*.js: the finder's own scripts (lunr.js and the index are data)
# Between a library of 3 and of 200, a case-study page may differ by its
# related case studies (at most three, each a title and summary), no more.
GROWTH_ALLOWANCE = 1 * KB
SMALL_LIBRARY, LARGE_LIBRARY = 3, 200
OFFLINE_LIBRARY, OFFLINE_RATIO = 40, 3


@dataclass(frozen=True)
class Figure:
    name: str
    measured: int
    budget: int
    detail: str = ""

    @property
    def ok(self) -> bool:
        return self.measured <= self.budget

    def line(self) -> str:
        verdict = "ok" if self.ok else "OVER BUDGET"
        return f"{self.name:<46} {self.measured / KB:8.1f} KB  (budget {self.budget / KB:5.1f} KB)  {verdict}  {self.detail}"


def gzipped(data: bytes) -> int:
    """Bytes over the network, compressed as a static host does (gzip level 6)."""
    return len(gzip.compress(data, compresslevel=6, mtime=0))


def case_study_pages(site: Path) -> list[Path]:
    return sorted(p for p in (site / "case-studies").glob("*/index.html")
                  if 'class="hub-glance"' in p.read_text(encoding="utf-8"))


def scripts_needed(site: Path, page: Path) -> dict[str, bytes]:
    """Every script the page runs: its own inline scripts, the files it loads,
    and the search worker the theme starts, as {name: bytes}."""
    html = page.read_text(encoding="utf-8")
    here = "/" + page.relative_to(site).as_posix()
    found: dict[str, bytes] = {}
    for number, (attributes, body) in enumerate(re.findall(r"<script([^>]*)>(.*?)</script>", html, re.S)):
        source = re.search(r'\ssrc="([^"]+)"', attributes)
        if source:
            found[_site_path(here, source.group(1))] = _read(site, here, source.group(1))
        elif 'id="__config"' in attributes:
            worker = json.loads(body).get("search")
            if worker:
                found[_site_path(here, worker)] = _read(site, here, worker)
        elif "application/json" not in attributes:
            found[f"inline script {number}"] = body.encode("utf-8")
    return found


def _site_path(here: str, url: str) -> str:
    return urlsplit(urljoin(here, url)).path.lstrip("/")


def _read(site: Path, here: str, url: str) -> bytes:
    return (site / _site_path(here, url)).read_bytes()


def measure(site: Path) -> list[Figure]:
    """The three budgets that a single built site shows."""
    pages = case_study_pages(site)
    if not pages:
        raise SystemExit(f"budgets.py: error: {site} has no case-study pages\n    hint: build the site first")
    html = max(pages, key=lambda p: gzipped(p.read_bytes()))
    js = max(pages, key=lambda p: sum(gzipped(b) for b in scripts_needed(site, p).values()))
    scripts = scripts_needed(site, js)
    finder = sorted((site / FINDER_SCRIPTS).glob("finder*.js"))
    figures = [
        Figure("case-study page HTML (largest page)", gzipped(html.read_bytes()), CASE_STUDY_HTML,
               html.parent.name),
        Figure("JavaScript a case-study page needs", sum(gzipped(b) for b in scripts.values()), CASE_STUDY_JS,
               ", ".join(f"{name.rsplit('/', 1)[-1]} {gzipped(b) / KB:.1f}" for name, b in sorted(scripts.items()))),
    ]
    if finder:
        figures.append(Figure("finder script, without its index", sum(gzipped(f.read_bytes()) for f in finder),
                              FINDER_JS, ", ".join(f"{f.name} {gzipped(f.read_bytes()) / KB:.1f}" for f in finder)))
    return figures


def synthetic_site(count: int, folder: Path) -> Path:
    """The hub built from a synthetic library of `count` case studies."""
    project = make_project(folder / f"library-{count}")
    write_library(count, project / "casestudies")
    build(project / "mkdocs.yml", project / "site")
    return project / "site"


def build(config: Path, site: Path) -> None:
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "build.py"), "--config-file", str(config),
                             "--site-dir", str(site)], cwd=config.parent, capture_output=True, text=True,
                            env=os.environ | {"NO_MKDOCS_2_WARNING": "1"})
    if result.returncode != 0:
        raise SystemExit(f"budgets.py: error: the build of {config} failed\n{result.stderr[-3000:]}")


def growth(small: Path, large: Path) -> Figure:
    """How much more the same case-study page weighs in the large library."""
    page = case_study_pages(small)[0].relative_to(small)
    before, after = gzipped((small / page).read_bytes()), gzipped((large / page).read_bytes())
    return Figure(f"case-study page growth, {SMALL_LIBRARY} -> {LARGE_LIBRARY} case studies", max(after - before, 0),
                  GROWTH_ALLOWANCE, f"{page.parent.name}: {before / KB:.1f} KB -> {after / KB:.1f} KB")


def folder_bytes(folder: Path) -> int:
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file())


def offline_size(folder: Path) -> Figure:
    """The offline zip against the online site/, both of OFFLINE_LIBRARY synthetic case studies.
    The library is no clone, so the copy names 'synthetic' and now as its edition."""
    site = synthetic_site(OFFLINE_LIBRARY, folder)
    project, target = site.parent, folder / "offline.zip"
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "offline.py"), "--config-file",
                             str(project / "mkdocs.yml"), "--output", str(target)], cwd=project,
                            capture_output=True, text=True,
                            env=os.environ | {"NO_MKDOCS_2_WARNING": "1", "HUB_OFFLINE_EDITION": f"synthetic {int(time.time())}"})
    if result.returncode != 0:
        raise SystemExit(f"budgets.py: error: the offline copy of {project} failed\n{result.stderr[-3000:]}")
    zipped, online = target.stat().st_size, folder_bytes(site)
    return Figure(f"offline zip, {OFFLINE_LIBRARY} case studies (on disk)", zipped, OFFLINE_RATIO * online,
                  f"{zipped / online:.2f} x the online site/ of {online / KB:.0f} KB")


def main() -> int:
    parser = ArgumentParser(prog="budgets.py", description=__doc__.splitlines()[0])
    parser.add_argument("--site-dir", type=Path, help="a built site (default: build the repository's)")
    parser.add_argument("--no-growth", action="store_true",
                        help="skip the figures that build synthetic libraries (3 vs 200; the offline zip at 40)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="svhub-budgets-") as temporary:
        folder = Path(temporary)
        site = args.site_dir
        if site is None:
            site = folder / "site"
            build(ROOT / "mkdocs.yml", site)
        figures = measure(site)
        if not args.no_growth:
            figures.append(growth(synthetic_site(SMALL_LIBRARY, folder), synthetic_site(LARGE_LIBRARY, folder)))
            figures.append(offline_size(folder))
    print("Size budgets (gzip, as sent over the network)")
    for figure in figures:
        print(figure.line())
    return 0 if all(f.ok for f in figures) else 1


if __name__ == "__main__":
    run(main)
