"""The search page, /search/?q=: a page of its own that can be shared.

Its body is the search form, the place for results, and, for a reader
without JavaScript, the ways to the finder; its template
(site_overrides/search.html) adds the site map and starts the search.
"""

from __future__ import annotations

from ..output import GeneratedPage
from ..templates import render
from ..urls import SECTION, relative
from .files import SEARCH_PAGE, SEARCH_URL

TITLE = "Search"


def search_page() -> GeneratedPage:
    body = str(render("search-page.html", finder=relative(SEARCH_URL, f"{SECTION}/")))
    return GeneratedPage(SEARCH_PAGE, TITLE, body,
                         description="Search the Social Value Hub's guidance and case studies.",
                         template="search.html", hide=("toc",))
