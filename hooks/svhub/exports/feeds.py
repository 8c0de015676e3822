"""Atom feeds (RFC 4287): a static site's answer to email alerts.

A reader follows the whole library, one facet value (a service area, theme,
region or contract type) or the guidance's change notes. Every date in a feed
comes from the files, never from the clock, so two builds of one commit give
the same bytes; each feed keeps only its newest entries, so it stays small
however large the library grows.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from ..structure.casestudy import CaseStudy
from ..structure.facets import EVIDENCE, PAGE_FACETS, SERVICE, Facet
from ..structure.library import Library
from ..structure.vocabularies import Vocabularies
from ..templates import render
from ..urls import SECTION, facet_url

ATOM = "http://www.w3.org/2005/Atom"
MEDIA_TYPE = "application/atom+xml"
FEED_FILE = "feed.xml"
FEED_LIMIT = 50
PUBLISHER = "Social Value Hub editorial team"
# The <updated> of a feed that has never had an entry: a fixed date (the Act's
# royal assent), not the build date, so that the feed stays the same until it has one.
NEVER_UPDATED = date(2012, 3, 8)
# Characters XML 1.0 does not allow, even escaped: a contributor's text that
# holds one would make the whole feed unreadable.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")

ET.register_namespace("", ATOM)


def xml_text(value: object) -> str:
    return _NOT_XML.sub("", str(value))


def timestamp(day: date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def feed_path(page_url: str) -> str:
    """The feed that follows a page: 'case-studies/region/wales/' -> '…/wales/feed.xml'."""
    return f"{page_url}{FEED_FILE}"


@dataclass(frozen=True)
class Entry:
    id: str
    title: str
    link: str
    updated: date
    summary: str
    content: str = ""
    published: date | None = None
    categories: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Feed:
    """One feed: `path` is where it is written, `page_url` the page it follows."""

    path: str
    page_url: str
    title: str
    subtitle: str
    entries: tuple[Entry, ...]
    fallback_updated: date  # the feed's <updated> while it has no entries

    @property
    def updated(self) -> date:
        return max((e.updated for e in self.entries), default=self.fallback_updated)

    def xml(self, site_url: str) -> bytes:
        feed = ET.Element(f"{{{ATOM}}}feed", {"xml:lang": "en-GB"})

        def add(parent: ET.Element, tag: str, text: str | None = None, **attributes: str) -> ET.Element:
            element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", {k: xml_text(v) for k, v in attributes.items()})
            if text is not None:
                element.text = xml_text(text)
            return element

        add(feed, "id", site_url + self.path)
        add(feed, "title", self.title)
        add(feed, "subtitle", self.subtitle)
        add(feed, "updated", timestamp(self.updated))
        add(feed, "link", rel="self", type=MEDIA_TYPE, href=site_url + self.path)
        add(feed, "link", rel="alternate", type="text/html", href=site_url + self.page_url)
        author = add(feed, "author")
        add(author, "name", PUBLISHER)
        add(feed, "rights", "Open Government Licence v3.0")
        for entry in self.entries:
            item = add(feed, "entry")
            add(item, "id", entry.id)
            add(item, "title", entry.title)
            add(item, "link", rel="alternate", type="text/html", href=entry.link)
            add(item, "updated", timestamp(entry.updated))
            if entry.published:
                add(item, "published", timestamp(entry.published))
            for term, label in entry.categories:
                add(item, "category", term=term, label=label)
            add(item, "summary", entry.summary, type="text")
            if entry.content:
                add(item, "content", entry.content, type="text")
        ET.indent(feed)
        return b'<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="utf-8",
                                                                          xml_declaration=False) + b"\n"


def newest(entries: Iterable[Entry], limit: int = FEED_LIMIT) -> tuple[Entry, ...]:
    """Newest first, ties in a fixed order, at most `limit` of them."""
    ordered = sorted(entries, key=lambda e: (e.title, e.id))
    return tuple(sorted(ordered, key=lambda e: e.updated, reverse=True)[:limit])


def case_study_updated(c: CaseStudy) -> date:
    return max(c.published, c.last_reviewed)


def case_study_entry(c: CaseStudy, vocab: Vocabularies, site_url: str,
                     facets: Iterable[tuple[Facet, str]]) -> Entry:
    """`facets` are the (facet, value) pairs with a page, named as categories."""
    content = (f"{c.summary}\n\nCommissioner: {c.commissioner.name}. "
               f"{SERVICE.label}: {vocab[SERVICE.vocabulary].label(c.service)}. "
               f"{EVIDENCE.label}: {vocab[EVIDENCE.vocabulary].label(c.evidence)}.")
    return Entry(
        id=site_url + c.url, title=c.title, link=site_url + c.url, updated=case_study_updated(c),
        published=c.published, summary=c.summary, content=content,
        categories=tuple((f"{facet.folder}/{value}", vocab[facet.vocabulary].label(value)) for facet, value in facets),
    )


def follow_html(feed_href: str, what: str) -> str:
    """The visible 'Follow this' link a facet page or the change log shows. Text, for a page's Markdown."""
    return str(render("follow.html", href=feed_href, what=what, media_type=MEDIA_TYPE))


def library_feeds(library: Library, site_url: str, page_titles: dict[str, str]) -> list[Feed]:
    """The feed of every case study, then one per facet value that has a page.

    `page_titles` maps a page's URL to its title, so a facet's feed is named
    exactly as the page it follows."""
    vocab = library.vocab
    facets_of = {c.slug: [(f, v) for f in PAGE_FACETS for v in f.values_of(c)] for c in library}
    entries = {c.slug: case_study_entry(c, vocab, site_url, facets_of[c.slug]) for c in library}
    oldest_change = min((e.updated for e in entries.values()), default=NEVER_UPDATED)
    whole = newest(entries.values())
    feeds = [Feed(feed_path(f"{SECTION}/"), f"{SECTION}/", "Social Value Hub: case studies",
                  "New and updated case studies of social value in UK public services.",
                  whole, oldest_change)]
    for facet in PAGE_FACETS:
        groups = library.facet(facet)
        for value in library.page_values(facet, groups):
            url = facet_url(facet, value)
            title = page_titles.get(url, vocab[facet.vocabulary].label(value))
            members = newest(entries[c.slug] for c in groups.get(value, []))
            feeds.append(Feed(feed_path(url), url, f"Social Value Hub: {title}",
                              f"New and updated case studies filed under {facet.label.lower()}: "
                              f"{vocab[facet.vocabulary].label(value)}.", members, oldest_change))
    return feeds
