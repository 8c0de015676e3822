"""The search page, /search/?q=: a page of its own that can be shared.

Its body is the search form, the place for results, and, for a reader
without JavaScript, the ways to the finder; its template
(site_overrides/search.html) adds the site map and starts the search.
"""

from __future__ import annotations

from markupsafe import escape

from ..output import GeneratedPage
from ..urls import SECTION, relative
from .files import SEARCH_PAGE, SEARCH_URL

TITLE = "Search"


def search_page() -> GeneratedPage:
    finder = escape(relative(SEARCH_URL, f"{SECTION}/"))
    body = (
        "Search the guidance and the case studies at once.\n\n"
        '<form class="hub-search-page" id="hub-search-page" role="search" method="get">'
        '<label for="hub-search-page-q">Search guidance and case studies</label>'
        '<input class="hub-search-page__input" id="hub-search-page-q" type="search" name="q"'
        ' autocomplete="off" spellcheck="false">'
        '<button class="md-button" type="submit">Search</button></form>\n\n'
        '<div class="hub-search-page__results" id="hub-search-page-results"></div>\n\n'
        '<p class="hub-search-nojs">The search needs JavaScript, which is off or could not load here. '
        f'Everything is still within reach: the <a href="{finder}">case-study finder</a> lists every '
        "case study, 100 to a page, and its region, sector and theme pages narrow them down; the site "
        "map below lists every page of guidance.</p>\n"
    )
    return GeneratedPage(SEARCH_PAGE, TITLE, body,
                         description="Search the Social Value Hub's guidance and case studies.",
                         template="search.html", hide=("toc",))
