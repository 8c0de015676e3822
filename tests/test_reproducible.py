"""Two builds of the same commit give byte-identical sites, wherever and
whenever they run, so that a published site can be checked against its source
and a deploy changes only what a commit changed."""

from __future__ import annotations

import gzip
import shutil
import struct
import time
from datetime import UTC, datetime
from pathlib import Path

from conftest import ROOT, VALID, build, make_project, run_script, soup

# Now, as `git log -1 --format=%ct` would give just after a commit: a fixed date in
# the past would fail the build once a page has a change note dated after it.
COMMIT_TIME = str(int(time.time()))


def tree(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def copy_of_the_project(dest: Path) -> Path:
    dest.mkdir(parents=True)
    shutil.copy(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    for folder in ("hooks", "site_overrides", "content", "casestudies"):
        shutil.copytree(ROOT / folder, dest / folder, ignore=shutil.ignore_patterns("__pycache__"))
    return dest


def test_two_builds_of_the_same_commit_are_byte_identical(tmp_path):
    first = run_script("build.py", "--site-dir", str(tmp_path / "first"),
                       env={"SOURCE_DATE_EPOCH": COMMIT_TIME, "PYTHONHASHSEED": "1", "TZ": "UTC"})
    assert first.returncode == 0, first.stderr
    elsewhere = copy_of_the_project(tmp_path / "another" / "clone")
    second = run_script("build.py", "--config-file", str(elsewhere / "mkdocs.yml"),
                        "--site-dir", str(tmp_path / "second"), cwd=elsewhere,
                        env={"SOURCE_DATE_EPOCH": COMMIT_TIME, "PYTHONHASHSEED": "2", "TZ": "Pacific/Auckland"})
    assert second.returncode == 0, second.stderr

    a, b = tree(tmp_path / "first"), tree(tmp_path / "second")
    assert sorted(a) == sorted(b)
    assert [name for name in a if a[name] != b[name]] == []
    assert len(a) > 100


def test_the_build_takes_its_dates_from_source_date_epoch(tmp_path):
    project = make_project(tmp_path / "project", sorted(VALID.glob("*.md")))
    epoch = int(datetime(2031, 6, 1, tzinfo=UTC).timestamp())
    assert build(project, env={"SOURCE_DATE_EPOCH": str(epoch)}).returncode == 0
    site = project / "site"

    gzip_mtime = struct.unpack("<I", (site / "sitemap.xml.gz").read_bytes()[4:8])[0]
    assert gzip_mtime == epoch
    assert gzip.decompress((site / "sitemap.xml.gz").read_bytes()) == (site / "sitemap.xml").read_bytes()
    # Every fixture is due for review by mid-2031, as seen from that date.
    for slug in ("fixture-nhs-health-advice", "example-borough-housing-repairs"):
        assert soup(site, f"case-studies/{slug}/").select_one(".hub-due") is not None
