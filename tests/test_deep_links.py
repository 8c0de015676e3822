"""Every claim checkable: a source links to the page that says the thing, never
to a website's home page."""

from __future__ import annotations

import json
import re

import jsonschema
import pytest
from conftest import ROOT, VALID

from svhub.config import HubPaths
from svhub.load.deeplinks import is_home_page
from svhub.load.loader import load_file
from svhub.load.messages import UserError
from svhub.pages.reference import ReferenceData
from svhub.structure.vocabularies import load_vocabularies

CONTENT = ROOT / "content"
INLINE_LINK = re.compile(r"\]\((https?://[^)\s]+)|href=[\"'](https?://[^\"']+)")
SOURCE_URL = re.compile(r"^\s*(?:-\s+)?url:\s*[\"']?(https?://[^\s\"']+)", re.M)


@pytest.mark.parametrize("url, home", [
    ("https://example.org/", True), ("https://example.org", True), ("http://www.gov.uk/#main", True),
    ("https://www.gov.uk/government/publications/x", False), ("https://example.org/?p=78657", False),
    ("https://www.legislation.gov.uk/ukpga/2012/3/section/1", False),
])
def test_a_home_page_is_told_apart_from_a_deep_link(url, home):
    assert is_home_page(url) is home


def test_a_case_study_citing_a_home_page_is_refused_with_a_hint(tmp_path):
    text = (VALID / "example-borough-housing-repairs.md").read_text(encoding="utf-8")
    url = re.search(r"url: (\S+)", text).group(1)
    bad = tmp_path / "example-borough-housing-repairs.md"
    bad.write_text(text.replace(url, "https://www.example.org/"), encoding="utf-8")
    result = load_file(bad, paths=HubPaths())
    assert not result.ok
    [problem] = [d for d in result.diagnostics if "home page" in d.message]
    assert problem.message == "'sources[0].url' links to the home page of www.example.org, " \
                              "not to the page that supports the claim"
    assert problem.line == text[: text.index(url)].count("\n") + 1
    assert "not the site's home page" in problem.hint


def test_the_committed_schema_refuses_a_home_page_too():
    schema = json.loads((ROOT / "casestudies" / "schema.json").read_text(encoding="utf-8"))
    url = schema["properties"]["sources"]["items"]["properties"]["url"]
    jsonschema.validate("https://www.gov.uk/guidance/social-value", url)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate("https://www.gov.uk/", url)


def test_reference_data_citing_a_home_page_is_refused_at_its_line(tmp_path):
    data = tmp_path / "content" / "_data"
    data.mkdir(parents=True)
    (data / "support.yml").write_text(
        "- id: offer\n  name: An offer\n  sources:\n"
        "    - title: A briefing\n      url: https://www.lexology.com/\n      publisher: Lexology\n"
        "  what: Advice.\n  who_for: Councils.\n  status: Closed.\n  history: Until 2015\n",
        encoding="utf-8")
    paths = HubPaths(tmp_path)
    with pytest.raises(UserError) as caught:
        ReferenceData.load(paths, load_vocabularies(HubPaths().vocabularies))
    [problem] = caught.value.diagnostics
    assert problem.format().startswith(
        "content/_data/support.yml:5:12: error: '[0].sources[0].url' links to the home page of www.lexology.com")
    assert problem.hint


def home_page_links() -> list[str]:
    """Every home-page link on a guidance or content page, as file:line: url."""
    found = []
    for page in sorted(CONTENT.rglob("*.md")):
        if "_data" in page.parts:
            continue
        text = page.read_text(encoding="utf-8")
        links = [(m.start(1), m.group(1)) for m in SOURCE_URL.finditer(text)]
        links += [(m.start(m.lastindex), m.group(m.lastindex)) for m in INLINE_LINK.finditer(text)]
        for start, url in sorted(links):
            if is_home_page(url):
                line = text[:start].count("\n") + 1
                found.append(f"{page.relative_to(ROOT).as_posix()}:{line}: {url}")
    return found


def test_no_guidance_or_content_page_cites_a_home_page():
    found = home_page_links()
    assert not found, (
        f"{len(found)} link(s) to a home page; link to the page that says it instead:\n" + "\n".join(found))


def test_no_page_data_file_or_case_study_cites_a_file_inside_an_archive_or_a_temporary_path():
    """A source is a page a reader can open: not a file unpacked from a download on someone's machine."""
    found = []
    for file in sorted([*CONTENT.rglob("*.md"), *CONTENT.rglob("*.yml"), *(ROOT / "casestudies").glob("*.md")]):
        text = file.read_text(encoding="utf-8")
        urls = [(m.start(1), m.group(1)) for m in SOURCE_URL.finditer(text)]
        urls += [(m.start(m.lastindex), m.group(m.lastindex)) for m in INLINE_LINK.finditer(text)]
        for start, url in urls:
            if re.search(r"\.zip:|/tmp/", url):
                found.append(f"{file.relative_to(ROOT).as_posix()}:{text[:start].count(chr(10)) + 1}: {url}")
    assert not found, "\n".join(found)
