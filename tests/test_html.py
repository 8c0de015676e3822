"""Every page the build writes is valid HTML5 with unique ids, so browsers and
assistive technology read it the same way, and a fragment link has one target."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import html5lib
import pytest


def html_problems(file: Path) -> list[str]:
    """html5lib's parse errors and any repeated id, as 'line:col: problem'."""
    parser = html5lib.HTMLParser(strict=False, namespaceHTMLElements=False)
    document = parser.parse(file.read_bytes())
    problems = [f"{line}:{col}: {code} {data or ''}".strip() for (line, col), code, data in parser.errors]
    ids = Counter(element.get("id") for element in document.iter() if element.get("id"))
    problems += [f"id '{name}' is used {count} times" for name, count in ids.items() if count > 1]
    return problems


def site_problems(site: Path) -> dict[str, list[str]]:
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 3
    return {page.relative_to(site).as_posix(): found for page in pages if (found := html_problems(page))}


def test_every_page_of_the_site_parses_as_html5_without_errors_or_duplicate_ids(real_site):
    assert site_problems(real_site) == {}


def test_pages_built_from_hostile_case_studies_are_valid_html5_too(hostile_site):
    assert site_problems(hostile_site) == {}


def test_the_check_finds_a_parse_error_and_a_repeated_id(tmp_path):
    page = tmp_path / "page.html"
    page.write_text('<!doctype html><html lang="en"><title>x</title><p id="a">1</p><p id="a">2 &LLL=0</p></html>',
                    encoding="utf-8")
    problems = html_problems(page)
    assert "id 'a' is used 2 times" in problems
    assert any("expected-named-entity" in p for p in problems)


@pytest.mark.parametrize("strict_error", ["<p>unclosed <b>bold</p>", "<div><table><p>x</table></div>"])
def test_strict_html5lib_rejects_what_the_check_reports(tmp_path, strict_error):
    page = tmp_path / "page.html"
    page.write_text(f'<!doctype html><html lang="en"><title>x</title>{strict_error}</html>', encoding="utf-8")
    assert html_problems(page)
    with pytest.raises(html5lib.html5parser.ParseError):
        html5lib.HTMLParser(strict=True).parse(page.read_bytes())
