"""The listing of every case study, a page at a time, and the facet pages:
the routes to every case study that work without JavaScript.

The output does not depend on MkDocs. The hook hands it to MkDocs in memory;
scripts/compile.py writes the same pages to a folder (svhub.compiled), so an
engine without the hub's hooks or templates can build the site.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml
from markupsafe import Markup, escape

from ..config import SiteInfo
from ..finder.files import FINDER_DATA
from ..output import GeneratedPage
from ..structure.casestudy import CaseStudy
from ..structure.facets import EVIDENCE, PAGE_FACETS, SERVICE, Facet
from ..structure.library import Library
from ..structure.vocabularies import Vocabularies
from ..urls import facet_index_url, facet_url, listing_url, relative
from .guidance import format_sources
from .review import review_info


@dataclass(frozen=True)
class CollectionText:
    """What the six contract-type collection pages say, from content/_data/collections.yml."""

    intro: str
    thin: str
    owner: str
    last_reviewed: date
    review_by: date
    sources: tuple[dict[str, Any], ...] = ()

    @classmethod
    def load(cls, path: Path) -> CollectionText | None:
        if not path.exists():
            return None
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        return cls(data["intro"], data["thin"], data["owner"], data["last_reviewed"], data["review_by"],
                   tuple(data.get("sources") or ()))


THIN_COLLECTION = 2
LISTING_PAGE_SIZE = 100


class Listings:
    """Turns a validated Library into the listing and facet pages."""

    def __init__(self, library: Library, site: SiteInfo, collections: CollectionText | None = None):
        self.library = library
        self.vocab: Vocabularies = library.vocab
        self.site = site
        self.collections = collections

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
        browse = " · ".join(
            f'<a href="{escape(relative(here, facet_index_url(facet)))}">{escape(facet.label)}</a>'
            for facet in PAGE_FACETS
        )
        start = (number - 1) * LISTING_PAGE_SIZE
        results = self._results(self.library.case_studies[start:start + LISTING_PAGE_SIZE], here)
        if number == 1:
            results = Markup(f'<div class="hub-finder" id="hub-finder">\n{results}\n</div>')
        body = (
            f"{escape(intro)}\n\n"
            f'<p class="hub-browse">Browse by: {browse}</p>\n\n'
            f"{results}\n{self._listing_nav(number, count)}{self._contribute()}"
        )
        title = "Case studies" if number == 1 else f"Case studies, page {number} of {count}"
        return GeneratedPage(src_uri=f"{here}index.md" if number == 1 else f"{here[:-1]}.md", title=title,
                             body=body, hide=("toc",), template="finder.html" if number == 1 else "",
                             data={"finder": dict(FINDER_DATA)} if number == 1 else {},
                             html_blocks=(str(results),),
                             description="Search and browse real examples of social value in public contracts.")

    def _contribute(self) -> str:
        """Where a reader who knows a good example sends it: the form and the guide."""
        if not self.site.repo_url:
            return ""
        return (f'\n<p class="hub-contribute">Know a contract or policy that belongs here? '
                f'<a href="{escape(self.site.submit_url())}">Submit a case study</a> with the form on GitHub, '
                f'or read <a href="{escape(self.site.contributing_url())}">how to contribute a case study</a> '
                "(CONTRIBUTING.md).</p>\n")

    def _listing_nav(self, number: int, count: int) -> str:
        if count == 1:
            return ""
        here = listing_url(number)
        current = ' aria-current="page"'
        links = "".join(
            f'<li><a href="{escape(relative(here, listing_url(n)))}"{current if n == number else ""}>{n}</a></li>'
            for n in range(1, count + 1)
        )
        return (f'<nav class="hub-pages" aria-label="Pages of case studies">'
                f'<p>Page {number} of {count}</p><ol>{links}</ol></nav>\n')

    def facet_index(self, facet: Facet) -> GeneratedPage:
        here = facet_index_url(facet)
        groups = self.library.facet(facet)
        vocabulary = self.vocab[facet.vocabulary]
        items = "\n".join(
            f'<li><a href="{escape(relative(here, facet_url(facet, v)))}">{escape(vocabulary.label(v))}</a>'
            f" ({len(groups.get(v, []))})</li>"
            for v in self.library.page_values(facet, groups)
        )
        title = f"Case studies by {facet.label.lower()}"
        return GeneratedPage(src_uri=f"{here}index.md", title=title,
                             body=f'<ul class="hub-facet-index">\n{items}\n</ul>\n')

    def facet_page(self, facet: Facet, value: str, members: list[CaseStudy]) -> GeneratedPage:
        here = facet_url(facet, value)
        term = self.vocab[facet.vocabulary].terms[value]
        title = f"{term.label} contracts" if facet.collections else f"Case studies: {term.label}"
        data: dict[str, Any] = {"facet": facet.folder, "value": value, "count": len(members)}
        parts = [f"<p>{escape(term.description)}</p>"]
        collection = self.collections if facet.collections else None
        if collection:
            parts = [collection.intro.strip()]
            data["review"] = review_info(collection.owner, collection.last_reviewed, collection.review_by,
                                         self.vocab, self.site.today).as_dict()
            data["sources"] = format_sources(list(collection.sources))
        if len(members) < THIN_COLLECTION and collection:
            parts.append(f'<p class="hub-thin" markdown>{collection.thin.strip()}</p>')
        elif not members:
            parts.append('<p class="hub-thin">There are no case studies of this kind yet.</p>')
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
            meta = [
                ("Commissioner", c.commissioner.name),
                (SERVICE.row_label, vocab[SERVICE.vocabulary].label(c.service)),
                ("Year", str(c.year) if c.year else "Year not published"),
                (EVIDENCE.row_label, vocab[EVIDENCE.vocabulary].label(c.evidence)),
            ]
            details = "".join(
                f"<div><dt>{escape(k)}</dt><dd>{escape(v)}</dd></div>" for k, v in meta
            )
            items.append(
                f'<li class="hub-result" id="cs-{escape(c.slug)}">'
                f'<h2 class="hub-result__title"><a href="{escape(relative(here, c.url))}">{escape(c.title)}</a></h2>'
                f'<p class="hub-result__summary">{escape(c.summary)}</p>'
                f'<dl class="hub-result__meta">{details}</dl></li>'
            )
        return Markup('<ol class="hub-results">\n' + "\n".join(items) + "\n</ol>")
