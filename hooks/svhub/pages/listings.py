"""The listing of every case study, a page at a time, and the facet pages:
the routes to every case study that work without JavaScript.

The output does not depend on MkDocs. The hook hands it to MkDocs in memory;
scripts/compile.py writes the same pages to a folder (svhub.compiled), so an
engine without the hub's hooks or templates can build the site.
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup, escape

from ..config import SiteInfo
from ..finder.files import FINDER_DATA
from ..output import GeneratedPage
from ..structure.casestudy import CaseStudy
from ..structure.facets import PAGE_FACETS, RESULT_FACETS, Facet, Kind
from ..structure.library import Library
from ..structure.reference import CollectionText
from ..structure.vocabularies import Vocabularies
from ..templates import render
from ..urls import facet_index_url, facet_url, listing_url, relative
from .guidance import format_sources
from .review import review_info

THIN_COLLECTION = 2
LISTING_PAGE_SIZE = 100


class Listings:
    """Turns a validated Library into the listing and facet pages."""

    def __init__(self, library: Library, site: SiteInfo, index_head: dict[str, Any],
                 collections: CollectionText | None = None):
        self.library = library
        self.vocab: Vocabularies = library.vocab
        self.site = site
        self.collections = collections
        self.index_head = index_head  # the finder's keyword index head (svhub.finder.files), for its page

    def facet_pages(self) -> list[GeneratedPage]:
        """Each page facet's index, and a page for each of its values."""
        pages = []
        for facet in PAGE_FACETS:
            pages.append(self.facet_index(facet))
            groups = self.library.facet(facet)
            pages += [self.facet_page(facet, value, groups.get(value, []))
                      for value in self.library.page_values(facet, groups)]
        return pages

    def listing_pages(self) -> list[GeneratedPage]:
        """The listing, LISTING_PAGE_SIZE at a time, so that /case-studies/ stays quick to
        load however large the library grows; the pages link to each other and, with
        the facet pages, reach every case study without JavaScript."""
        studies = self.library.case_studies
        count = max(1, -(-len(studies) // LISTING_PAGE_SIZE))
        return [self.listing(number, count) for number in range(1, count + 1)]

    def listing(self, number: int = 1, count: int = 1) -> GeneratedPage:
        here = listing_url(number)
        total = len(self.library)
        intro = (
            f"{total} case studies of social value in UK public services, newest first. "
            "Each one names its sources; figures that an organisation reported about itself "
            "are marked as self-reported."
        )
        browse = render("browse.html", links=[(relative(here, facet_index_url(f)), f.label) for f in PAGE_FACETS])
        start = (number - 1) * LISTING_PAGE_SIZE
        results = self._results(self.library.case_studies[start:start + LISTING_PAGE_SIZE], here)
        if number == 1:
            results = render("finder.html", results=results)
        body = f"{escape(intro)}\n\n{browse}\n\n{results}\n{self._listing_nav(number, count)}{self._contribute()}"
        title = "Case studies" if number == 1 else f"Case studies, page {number} of {count}"
        return GeneratedPage(src_uri=f"{here}index.md" if number == 1 else f"{here[:-1]}.md", title=title,
                             body=body, hide=("toc",), template="finder.html" if number == 1 else "",
                             data={"finder": dict(FINDER_DATA), "index_head": self.index_head} if number == 1 else {},
                             html_blocks=(str(results),),
                             description="Search and browse real examples of social value in public contracts.")

    def _contribute(self) -> str:
        """Where a reader who knows a good example sends it: the form and the guide."""
        if not self.site.repo_url:
            return ""
        return "\n" + render("contribute.html", form=self.site.submit_url(), guide=self.site.contributing_url())

    def _listing_nav(self, number: int, count: int) -> str:
        if count == 1:
            return ""
        here = listing_url(number)
        links = [(relative(here, listing_url(n)), n) for n in range(1, count + 1)]
        return render("listing-nav.html", number=number, count=count, links=links)

    def facet_index(self, facet: Facet) -> GeneratedPage:
        here = facet_index_url(facet)
        groups = self.library.facet(facet)
        vocabulary = self.vocab[facet.vocabulary]
        items = [(relative(here, facet_url(facet, v)), vocabulary.label(v), len(groups.get(v, [])))
                 for v in self.library.page_values(facet, groups)]
        title = f"Case studies by {facet.label.lower()}"
        return GeneratedPage(src_uri=f"{here}index.md", title=title, body=str(render("facet-index.html", items=items)))

    def facet_page(self, facet: Facet, value: str, members: list[CaseStudy]) -> GeneratedPage:
        here = facet_url(facet, value)
        term = self.vocab[facet.vocabulary].terms[value]
        title = f"{term.label} contracts" if facet.collections else f"Case studies: {term.label}"
        data: dict[str, Any] = {"facet": facet.folder, "value": value, "count": len(members)}
        parts = [render("paragraph.html", text=term.description, markdown=False, **{"class": ""})]
        collection = self.collections if facet.collections else None
        if collection:
            parts = [collection.intro.strip()]
            data["review"] = review_info(collection.owner, collection.last_reviewed, collection.review_by,
                                         self.vocab, self.site.today).as_dict()
            data["sources"] = format_sources(list(collection.sources))
        if len(members) < THIN_COLLECTION and collection:
            # the collection's text is the hub's own Markdown, read inside the paragraph
            parts.append(render("paragraph.html", text=Markup(collection.thin.strip()), markdown=True,
                                **{"class": "hub-thin"}))
        elif not members:
            parts.append(render("paragraph.html", text="There are no case studies of this kind yet.", markdown=False,
                                **{"class": "hub-thin"}))
        if members:
            parts.append(self._results(members, here))
        return GeneratedPage(
            src_uri=f"{here[:-1]}.md",
            title=title,
            description=term.description,
            body="\n\n".join(parts) + "\n",
            data=data,
            html_blocks=(str(parts[-1]),) if members else (),
        )

    def _results(self, members: list[CaseStudy], here: str) -> str:
        vocab = self.vocab
        items = []
        for c in members:
            meta = [("Commissioner", c.commissioner.name),
                    *((f.row_label, _shown(f, c, vocab)) for f in RESULT_FACETS)]
            items.append({"slug": c.slug, "href": relative(here, c.url), "title": c.title, "summary": c.summary,
                          "meta": meta})
        return render("results.html", items=items)


def _shown(facet: Facet, case_study: CaseStudy, vocab: Vocabularies) -> str:
    """A facet's value as a result shows it (the finder's finder/results.js shows it the same way):
    a range facet's number, else the label of its first value."""
    if facet.kind is Kind.RANGE:
        number = facet.number_of(case_study)
        return str(number) if number else f"{facet.row_label} not published"
    assert facet.vocabulary
    return vocab[facet.vocabulary].label(facet.values_of(case_study)[0])
