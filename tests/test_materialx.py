"""The decided route past Material for MkDocs' end of life (5 May 2027): the hub,
hooks, templates and all, builds with ProperDocs and mkdocs-materialx, the
maintained fork of Material 9, to the same pages with the same article text and
the same Content-Security-Policy as today's Material build (README: "After 5 May 2027").

mkdocs-materialx ships a `material` package of its own, so it cannot share the
hub's virtualenv: the test makes one from tests/engines/materialx.txt, once,
and keeps it in .venv-engines/ until those pins change."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT
from test_compile import article_text, site_urls

PINS = ROOT / "tests" / "engines" / "materialx.txt"


def engine_venv() -> Path:
    """ProperDocs and mkdocs-materialx in their own virtualenv, made when the pins change."""
    digest = hashlib.sha256(PINS.read_bytes()).hexdigest()[:12]
    venv = ROOT / ".venv-engines" / f"materialx-{digest}"
    if not (venv / "ready").exists():
        shutil.rmtree(venv, ignore_errors=True)
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        pip = subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet",
                              "--disable-pip-version-check", "-r", str(PINS)], capture_output=True, text=True)
        assert pip.returncode == 0, "could not install tests/engines/materialx.txt:\n" + pip.stderr[-3000:]
        (venv / "ready").touch()
    return venv


@pytest.fixture(scope="module")
def materialx_site(tmp_path_factory) -> Path:
    venv = engine_venv()
    project = tmp_path_factory.mktemp("materialx-project")
    for name in ("mkdocs.yml", "content", "casestudies", "hooks", "site_overrides"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, project / name)
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "\n  name: material\n" in text
    config.write_text(text.replace("\n  name: material\n", "\n  name: materialx\n"), encoding="utf-8")
    site = project / "site"
    result = subprocess.run([str(venv / "bin" / "properdocs"), "build", "--strict", "--config-file", str(config),
                             "--site-dir", str(site)], cwd=project, capture_output=True, text=True,
                            env=os.environ | {"NO_MKDOCS_2_WARNING": "1"})
    assert result.returncode == 0, result.stderr[-3000:]
    return site


def csp(site: Path, url: str) -> str:
    html = (site / url / "index.html").read_text(encoding="utf-8")
    return re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html).group(1)


def test_materialx_builds_every_page_of_the_hub_with_the_same_articles(materialx_site, real_site):
    pages = {p.relative_to(materialx_site) for p in materialx_site.rglob("*.html")}
    expected = {p.relative_to(real_site) for p in real_site.rglob("*.html")}
    assert pages == expected
    assert [url for url in site_urls(real_site) if article_text(materialx_site, url) != article_text(real_site, url)] \
        == []


def test_materialx_keeps_the_hubs_content_security_policy_and_finder(materialx_site, real_site):
    for url in ("", "case-studies/", "search/"):
        assert csp(materialx_site, url) == csp(real_site, url)
    finder = (materialx_site / "case-studies" / "index.html").read_text(encoding="utf-8")
    assert 'id="hub-finder"' in finder or "hub-finder" in finder
