"""What lets a reader follow the hub and a machine understand it: the feeds,
the "What's changed" page, and each generated page's links and JSON-LD.

It runs after the compiler, on its pages, so the compiler stays about pages.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from ..config import SiteInfo
from ..output import GeneratedFile, GeneratedPage
from ..pages import linkeddata
from ..pages.changes import notes_html
from ..structure.changes import ChangeNotes
from ..structure.facets import PAGE_FACETS
from ..structure.library import Library
from ..templates import render
from ..urls import SECTION, facet_index_url, page_url, relative
from .feeds import FEED_LIMIT, MEDIA_TYPE, NEVER_UPDATED, Entry, Feed, feed_path, follow_html, library_feeds, newest
from .opendata import REUSE_LINKS

CHANGES_SRC = "about/whats-changed.md"
CHANGES_URL = page_url(CHANGES_SRC)
CASE_STUDIES_FEED = feed_path(f"{SECTION}/")
CHANGES_FEED = feed_path(CHANGES_URL)
FEED_FILE_HREF = "feed.xml"  # a feed sits in the folder of the page it follows
# The feeds every page names in its <head>, as (title, path from the site root).
SITE_FEEDS = (
    {"title": "Social Value Hub: case studies", "path": CASE_STUDIES_FEED},
    {"title": "Social Value Hub: what's changed", "path": CHANGES_FEED},
)


@dataclass(frozen=True)
class Syndication:
    files: list[GeneratedFile]
    pages: list[GeneratedPage]  # pages it adds


def changes_feed(changes: ChangeNotes, site: SiteInfo) -> Feed:
    seen: dict[str, int] = {}
    entries = []
    for note in changes.newest_first():
        key = f"{note.url}#{note.date.isoformat()}"
        seen[key] = seen.get(key, 0) + 1
        suffix = f"-{seen[key]}" if seen[key] > 1 else ""
        link = site.site_url + note.url
        entries.append(Entry(id=f"{link}#update-{note.date.isoformat()}{suffix}", title=note.title,
                             link=link + note.fragment, updated=note.date, summary=note.note))
    return Feed(CHANGES_FEED, CHANGES_URL, "Social Value Hub: what's changed",
                "Significant changes to the hub's guidance, one entry per change note.",
                newest(entries, FEED_LIMIT), min((n.date for n in changes.notes), default=NEVER_UPDATED))


def changes_page(changes: ChangeNotes, with_feed: bool = True) -> GeneratedPage:
    follow = f"{follow_html(FEED_FILE_HREF, 'these changes')}\n\n" if with_feed else ""
    body = (
        "Each significant change to a guidance page, newest first, as the page's own "
        "\"Updates to this page\" records it.\n\n"
        f"{follow}{notes_html(changes.newest_first(), CHANGES_URL, relative)}\n"
    )
    return GeneratedPage(src_uri=CHANGES_SRC, title="What's changed", body=body,
                         description="Every significant change to the hub's guidance, newest first.",
                         data={"feeds": [SITE_FEEDS[1], SITE_FEEDS[0]]} if with_feed else {})


def finder_follow() -> str:
    """The listing's short "Follow this list": every case study without JavaScript; the
    finder (finder/follow.js) points it at one facet value's feed, from the paths here,
    and shows it under the results."""
    paths = {facet.name: facet_index_url(facet).removeprefix(f"{SECTION}/") for facet in PAGE_FACETS}
    return str(render("follow-list.html", feeds=json.dumps(paths, sort_keys=True, allow_nan=False),
                      href=FEED_FILE_HREF, media_type=MEDIA_TYPE))


def _after_first_paragraph(body: str, html: str) -> str:
    first, _, rest = body.partition("\n\n")
    return f"{first}\n\n{html}\n\n{rest}"


def reuse_section(here: str) -> str:
    """Links to every download, for the data dictionary."""
    items = "\n".join(f"- [{title}]({relative(here, path)}): {what}"
                      for path, title, what in REUSE_LINKS)
    feeds = (f"- [Feed of new and updated case studies]({relative(here, f'{SECTION}/')}{FEED_FILE_HREF}), "
             "and one for each service area, theme, region and contract type: see \"Follow this\" on their pages\n"
             f"- [Feed of changes to the guidance]({relative(here, CHANGES_URL)}{FEED_FILE_HREF})")
    return ("\n## Download and reuse {#download-and-reuse}\n\n"
            "The data is published under the Open Government Licence v3.0.\n\n" + items + "\n" + feeds + "\n")


def syndicate(pages: list[GeneratedPage], library: Library, changes: ChangeNotes, site: SiteInfo) -> Syndication:
    """Feeds for the library, each facet value and the change notes; links to them
    from the pages they follow; JSON-LD on every case-study page."""
    by_url = {page_url(p.src_uri): p for p in pages}
    for c in library:
        page = by_url.get(c.url)
        if page is not None:
            page.data["jsonld"] = linkeddata.case_study(c, site.site_url)
    if not site.site_url:
        return Syndication([], [changes_page(changes, with_feed=False)])  # a feed's ids must be absolute
    titles = {url: p.title for url, p in by_url.items()}
    feeds = library_feeds(library, site.site_url, titles)
    log = changes_page(changes)
    feeds.append(changes_feed(changes, site))
    for feed in feeds[1:-1]:
        page = by_url.get(feed.page_url)
        if page is not None:
            page.data["feeds"] = [{"title": feed.title, "path": feed.path}, *SITE_FEEDS]
            page.body = follow_html(FEED_FILE_HREF, "the case studies on this page") + "\n\n" + page.body
    for c in library:
        if c.url in by_url:
            by_url[c.url].data["feeds"] = list(SITE_FEEDS)
    listing = by_url.get(f"{SECTION}/")
    if listing is not None:
        listing.data["feeds"] = list(SITE_FEEDS)
        listing.body = _after_first_paragraph(listing.body, finder_follow())
    return Syndication([GeneratedFile(feed.path, feed.xml(site.site_url)) for feed in feeds], [log])
