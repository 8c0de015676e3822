"""A build with an invalid case study fails before any page is written, and
never leaves a half-written site in place of the last good one."""

from __future__ import annotations

import shutil

from conftest import INVALID, ROOT, VALID, build, make_project


def snapshot(site):
    return {p.relative_to(site): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def test_site_survives_a_failed_build_and_the_error_names_the_line(tmp_path):
    project = make_project(tmp_path / "project", sorted(VALID.glob("*.md")))
    assert build(project).returncode == 0
    before = snapshot(project / "site")
    assert before

    shutil.copy(INVALID / "misspelt-keys-and-values.md", project / "casestudies")
    failed = build(project)

    assert failed.returncode != 0
    assert "casestudies/misspelt-keys-and-values.md:3:1: error: unknown field 'sumary'" in failed.stderr
    assert "Traceback" not in failed.stderr
    assert snapshot(project / "site") == before
    assert not list(project.glob(".site-build-*"))


def test_a_failed_first_build_writes_no_site_at_all(tmp_path):
    project = make_project(tmp_path / "project", [INVALID / "bad-dates.md"])
    failed = build(project)
    assert failed.returncode != 0
    assert "bad-dates.md:36:12: error: 'published' is not a real date" in failed.stderr
    assert not (project / "site").exists()


def test_any_warning_fails_the_strict_build_and_keeps_the_last_site(tmp_path):
    project = make_project(tmp_path / "project", sorted(VALID.glob("*.md")))
    assert build(project).returncode == 0
    before = snapshot(project / "site")
    (project / "content").unlink()
    shutil.copytree(ROOT / "content", project / "content")
    (project / "content" / "stray.md").write_text("# Stray\n\nA [broken link](nowhere.md).\n", encoding="utf-8")

    failed = build(project)

    assert failed.returncode != 0
    assert "nowhere.md" in failed.stderr
    assert snapshot(project / "site") == before
