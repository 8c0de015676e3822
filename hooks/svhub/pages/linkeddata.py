"""schema.org JSON-LD, so that search engines and link previews know what a page is.

These are plain dicts; the template serialises them with Jinja's `tojson`,
which escapes '<', '>', '&' and "'" so that no contributor's text can close
the <script type="application/ld+json"> element or open a comment. A data
block is never executed, so the Content-Security-Policy needs no hash for it.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from ..structure.casestudy import CaseStudy
from ..structure.changes import ChangeNote

CONTEXT = "https://schema.org"
SITE_NAME = "Social Value Hub"


def publisher(site_url: str) -> dict[str, Any]:
    return {"@type": "Organization", "name": SITE_NAME} | ({"url": site_url} if site_url else {})


def _with_url(data: dict[str, Any], url: str) -> dict[str, Any]:
    return data | ({"url": url, "mainEntityOfPage": url} if url else {})


def case_study(c: CaseStudy, site_url: str) -> dict[str, Any]:
    """An Article: its headline is the page's h1, `about` the commissioner."""
    citations = []
    for s in c.sources:
        citation: dict[str, Any] = {"@type": "CreativeWork", "name": s.title, "url": s.url,
                                    "publisher": {"@type": "Organization", "name": s.publisher}}
        if s.date:
            citation["datePublished"] = s.date.isoformat()
        citations.append(citation)
    return _with_url({
        "@context": CONTEXT,
        "@type": "Article",
        "headline": c.title,
        "description": c.summary,
        "datePublished": c.published.isoformat(),
        "dateModified": max(c.published, c.last_reviewed).isoformat(),
        "inLanguage": "en-GB",
        "publisher": publisher(site_url),
        "about": {"@type": "Organization", "name": c.commissioner.name},
        "citation": citations,
    }, site_url + c.url if site_url else "")


def guidance_page(title: str, description: str, url: str, site_url: str, last_reviewed: date | None,
                  reviewed_by: str, updates: list[ChangeNote]) -> dict[str, Any]:
    """A WebPage with its last review and who did it, and its latest change as dateModified.

    The next review date is shown on the page but not here: schema.org's
    nearest term, `expires`, would tell search engines to drop the page."""
    data: dict[str, Any] = {"@context": CONTEXT, "@type": "WebPage", "name": title, "inLanguage": "en-GB",
                            "publisher": publisher(site_url)}
    if description:
        data["description"] = description
    if last_reviewed:
        data["lastReviewed"] = last_reviewed.isoformat()
    modified = max([n.date for n in updates] + ([last_reviewed] if last_reviewed else []), default=None)
    if modified:
        data["dateModified"] = modified.isoformat()
    if reviewed_by:
        data["reviewedBy"] = {"@type": "Organization", "name": reviewed_by}
    return _with_url(data, site_url + url if site_url else "")
