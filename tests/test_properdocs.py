"""The site also builds with ProperDocs, the maintained fork of MkDocs 1.6,
so it never depends on one unmaintained package: the same pages, each with the
same article a reader reads, from the hooked sources and from the compiled ones."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import VALID, make_project, run_script
from test_compile import TEMPLATE_PAGES, article_text, site_urls

PROPERDOCS = Path(sys.executable).with_name("properdocs")
needs_properdocs = pytest.mark.skipif(not PROPERDOCS.exists(),
                                      reason="ProperDocs is not installed (it is in requirements.txt)")


def properdocs_build(config: Path, site: Path, *options: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(PROPERDOCS), "build", *options, "--config-file", str(config), "--site-dir", str(site)],
        cwd=config.parent, capture_output=True, text=True, env=os.environ | {"NO_MKDOCS_2_WARNING": "1"},
    )


def different_articles(site: Path, expected: Path, skip: frozenset[str] = frozenset()) -> list[str]:
    return [url for url in site_urls(expected)
            if url not in skip and article_text(site, url) != article_text(expected, url)]


@needs_properdocs
def test_properdocs_builds_the_same_pages_as_mkdocs(tmp_path, fixture_site):
    project = make_project(tmp_path / "project", sorted(VALID.glob("*.md")))
    result = properdocs_build(project / "mkdocs.yml", tmp_path / "out", "--strict")
    assert result.returncode == 0, result.stderr
    pages = {p.relative_to(tmp_path / "out") for p in (tmp_path / "out").rglob("*.html")}
    expected = {p.relative_to(fixture_site) for p in fixture_site.rglob("*.html")}
    assert pages == expected
    assert different_articles(tmp_path / "out", fixture_site) == []


@needs_properdocs
def test_properdocs_builds_the_compiled_site_without_the_hooks(tmp_path, fixture_site):
    project = make_project(tmp_path / "project", sorted(VALID.glob("*.md")))
    out = tmp_path / "compiled"
    compiled = run_script("compile.py", "--out", str(out), "--config-file", str(project / "mkdocs.yml"))
    assert compiled.returncode == 0, compiled.stderr
    result = properdocs_build(out / "mkdocs.yml", tmp_path / "site")
    assert result.returncode == 0, result.stderr
    missing = [u for u in site_urls(fixture_site) if not (tmp_path / "site" / u / "index.html").is_file()
               and not (tmp_path / "site" / u).is_file()]
    assert missing == []
    assert different_articles(tmp_path / "site", fixture_site, TEMPLATE_PAGES) == []
