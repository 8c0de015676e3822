"""The search page, /search/?q=: a page of its own that can be shared.

Its template (site_overrides/search.html) draws the search box, the results
and, for a reader without JavaScript, the ways to the finder and the site map.
"""

from __future__ import annotations

from ..output import GeneratedPage
from .files import SEARCH_PAGE

TITLE = "Search"


def search_page() -> GeneratedPage:
    return GeneratedPage(
        SEARCH_PAGE, TITLE,
        "Search the guidance and the case studies at once.\n",
        description="Search the Social Value Hub's guidance and case studies.",
        template="search.html", hide=("toc",))
