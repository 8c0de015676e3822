"""Sources carry authority: no page cites a mirror or document-sharing site as if
it were the publisher.

A link to such a site is allowed only where the publisher's own page is not
available, and then it says so: a source entry (front matter or content/_data)
carries `copy: true`, which the page prints as "a copy on another site", and a
link in the text names itself a copy in its own words.
"""

from __future__ import annotations

import re
import sys

import yaml
from conftest import ROOT

CONTENT = ROOT / "content"
MIRRORS = re.compile(
    r"https?://(?:[\w-]+\.)*(?:dokumen\.tips|readkong\.com|docplayer\.\w+|fdocuments\.\w+|docslib\.org|yumpu\.com"
    r"|vdocuments\.\w+|paperzz\.com|docsbay\.net|scribd\.com|wikiwand\.com|wikimili\.com|businessdocbox\.com"
    r"|docstoc\.com|zoomlaw\.co\.uk|vlex\.co\.uk"
    # Tender aggregators and press-release and news reprints: copies of notices and articles.
    r"|d3tenders\.com|bidatlas\.co\.uk|bidstats\.uk|stotles\.com|wired-gov\.net|pressreader\.com"
    r"|slideum\.com|flipbuilder\.com|inkl\.com|docest\.com)\b", re.I)
LINK = re.compile(r"\[(?P<text>[^\]\n]*)\]\((?P<url>[^)\s]+)\)")
FRONT = re.compile(r"\A---\n(.*?)\n---\n", re.S)
# The box of open points records what was searched, including copies read: not a citation.
NOT_CITATIONS = {"open.yml"}


def _entries(data, where):
    """Every mapping with a url in parsed YAML, with where it sits."""
    if isinstance(data, dict):
        if isinstance(data.get("url"), str):
            yield where, data
        for key, value in data.items():
            yield from _entries(value, f"{where}.{key}")
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _entries(value, f"{where}[{index}]")


def _files():
    yield from sorted(CONTENT.rglob("*.md"))
    yield from sorted(p for p in (CONTENT / "_data").glob("*.yml") if p.name not in NOT_CITATIONS)


def _citations(path):
    """A content file's name, its source entries (with where each sits) and the links in its text."""
    text = path.read_text(encoding="utf-8")
    name = path.relative_to(ROOT).as_posix()
    if path.suffix == ".md":
        front = FRONT.match(text)
        data = yaml.safe_load(front.group(1)) if front else None
        body = text[front.end():] if front else text
    else:
        data, body = yaml.safe_load(text), ""
    return name, list(_entries(data, name)), list(LINK.finditer(body))


def unlabelled_mirrors() -> list[str]:
    problems = []
    for path in _files():
        name, entries, links = _citations(path)
        for where, entry in entries:
            if MIRRORS.match(entry["url"]) and entry.get("copy") is not True:
                problems.append(f"{where}: {entry['url']} is a copy site but the entry has no 'copy: true'")
        for match in links:
            if MIRRORS.match(match["url"]) and "copy" not in match["text"].lower():
                problems.append(f"{name}: link '{match['text']}' to {match['url']} does not say it is a copy")
    return problems


def test_no_content_cites_a_mirror_site_unless_it_is_labelled_a_copy():
    assert unlabelled_mirrors() == []


def copies_in_guidance() -> list[str]:
    """Every copy a guidance page cites, in its sources or its text."""
    found = []
    for path in sorted((CONTENT / "guidance").rglob("*.md")):
        name, entries, links = _citations(path)
        found += [f"{where}: {entry['url']}" for where, entry in entries
                  if entry.get("copy") is True or MIRRORS.match(entry["url"])]
        found += [f"{name}: {m['url']}" for m in links if MIRRORS.match(m["url"])]
    return found


def test_no_guidance_page_cites_a_copy():
    """Guidance tells commissioners what to do and rests on publishers' own pages
    (issue 26): a case study may cite a labelled copy where no original is stored,
    and a guidance page points to that case study instead."""
    assert copies_in_guidance() == []


def test_the_check_finds_an_unlabelled_mirror(tmp_path, monkeypatch):
    (tmp_path / "_data").mkdir()
    (tmp_path / "page.md").write_text(
        "---\nsources:\n  - title: Report\n    url: https://docplayer.net/1-report.html\n    publisher: X\n---\n"
        "See [the report](https://www.scribd.com/doc/2).\n", encoding="utf-8")
    monkeypatch.setattr(sys.modules[__name__], "CONTENT", tmp_path)
    monkeypatch.setattr(sys.modules[__name__], "ROOT", tmp_path)
    assert len(unlabelled_mirrors()) == 2
