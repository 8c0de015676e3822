"""The site also builds with ProperDocs, the maintained fork of MkDocs 1.6,
so it never depends on one unmaintained package."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import VALID, make_project

PROPERDOCS = Path(sys.executable).with_name("properdocs")


@pytest.mark.skipif(not PROPERDOCS.exists(), reason="ProperDocs is not installed (it is in requirements.txt)")
def test_properdocs_builds_the_same_pages_as_mkdocs(tmp_path, fixture_site):
    project = make_project(tmp_path / "project", sorted(VALID.glob("*.md")))
    result = subprocess.run(
        [str(PROPERDOCS), "build", "--strict", "--config-file", str(project / "mkdocs.yml"),
         "--site-dir", str(tmp_path / "out")],
        cwd=project, capture_output=True, text=True, env=os.environ | {"NO_MKDOCS_2_WARNING": "1"},
    )
    assert result.returncode == 0, result.stderr
    pages = {p.relative_to(tmp_path / "out") for p in (tmp_path / "out").rglob("*.html")}
    expected = {p.relative_to(fixture_site) for p in fixture_site.rglob("*.html")}
    assert pages == expected
