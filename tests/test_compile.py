"""No lock-in: the generated pages written as plain Markdown build the same
case-study pages with an engine that has none of the hub's hooks."""

from __future__ import annotations

import shutil

import yaml
from conftest import ROOT, VALID, build, make_project, run_script, soup


def test_compiled_markdown_builds_the_same_pages_without_hooks(tmp_path, fixture_site):
    project = make_project(tmp_path / "project", sorted(VALID.glob("*.md")))
    out = tmp_path / "compiled"
    compiled = run_script("compile.py", "--out", str(out), "--config-file", str(project / "mkdocs.yml"))
    assert compiled.returncode == 0, compiled.stderr

    plain = tmp_path / "plain"
    (plain / "docs").mkdir(parents=True)
    shutil.copytree(ROOT / "content", plain / "docs", dirs_exist_ok=True, ignore=shutil.ignore_patterns("_data"))
    shutil.copytree(out, plain / "docs", dirs_exist_ok=True)
    (plain / "site_overrides").symlink_to(ROOT / "site_overrides")
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text().replace("!!python/name:", ""))
    config.pop("hooks")
    # Guidance pages lose their hub directives without the hooks; only the
    # generated pages are compared, so their links are not what is checked here.
    config.update(docs_dir="docs", validation={"links": {"not_found": "info", "anchors": "info"}})
    (plain / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    result = build(plain)
    assert result.returncode == 0, result.stderr

    generated = sorted(p.relative_to(out).with_suffix("") for p in out.rglob("*.md"))
    assert len(generated) > 10
    for page in generated:
        url = str(page.parent if page.name == "index" else page) + "/"
        with_hooks = soup(fixture_site, url).select_one("article.md-content__inner")
        without = soup(plain / "site", url).select_one("article.md-content__inner")
        assert without is not None, url
        for button in [*without.select("a.md-content__button"), *with_hooks.select("a.md-content__button")]:
            button.decompose()  # the engine's own "edit this page" link: generated pages have no source file
        assert " ".join(str(without).split()) == " ".join(str(with_hooks).split()), url
