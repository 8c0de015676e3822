"""The URL scheme of the generated pages, written once.

Every generated page lives under SECTION: a case study at
case-studies/<slug>/, the listing at case-studies/ and case-studies/page/<n>/,
a facet's pages at case-studies/<facet folder>/<value>/ and the downloads and
the finder's data in case-studies/data/. URLs are relative to the site root,
directory-style, with a trailing slash; `page_url` gives any page's URL from
its source file, in the same style.
"""

from __future__ import annotations

import posixpath
from typing import Protocol

SECTION = "case-studies"
DATA_FOLDER = "data"
DATA_DIR = f"{SECTION}/{DATA_FOLDER}"
LISTING_PAGES = "page"


class Foldered(Protocol):
    """A facet with static pages (structure.facets.Facet), named by its folder:
    a protocol, so that the URL scheme depends on no other module."""

    @property
    def folder(self) -> str | None: ...


def case_study_url(slug: str) -> str:
    return f"{SECTION}/{slug}/"


def listing_url(number: int) -> str:
    """Page 1 of the listing is /case-studies/; page n is /case-studies/page/n/.

    Case-study slugs are one path segment, so these can never clash with one."""
    return f"{SECTION}/" if number == 1 else f"{SECTION}/{LISTING_PAGES}/{number}/"


def facet_index_url(facet: Foldered) -> str:
    return f"{SECTION}/{facet.folder}/"


def facet_url(facet: Foldered, value: str) -> str:
    return f"{facet_index_url(facet)}{value}/"


def page_url(src_uri: str) -> str:
    """'guidance/evaluation.md' -> 'guidance/evaluation/'; 'about/index.md' -> 'about/'."""
    stem = src_uri.removesuffix(".md")
    if stem == "index":
        return ""
    return stem.removesuffix("/index") + "/"


def relative(from_url: str, to_url: str) -> str:
    """The one link between pages: from a directory-style page URL (or a source
    file's folder) to another URL, e.g. '../region/wales/', or to a file, e.g.
    '../data/case-studies.csv' (a target without a trailing slash is a file)."""
    source = [p for p in from_url.split("/") if p]
    target = [p for p in to_url.split("/") if p]
    common = 0
    while common < min(len(source), len(target)) and source[common] == target[common]:
        common += 1
    parts = [".."] * (len(source) - common) + target[common:]
    folder = to_url == "" or to_url.endswith("/")
    if not parts:
        return "./" if folder else posixpath.basename(to_url)
    return "/".join(parts) + ("/" if folder else "")
