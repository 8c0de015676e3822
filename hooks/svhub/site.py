"""One build of the hub: the validated library, its pages, and per-page work.

This is the whole of what an engine adapter calls; it keeps the one-way flow
files -> validated model -> pages, index and exports.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from markupsafe import Markup, escape

from .config import HubPaths, SiteInfo
from .exports.downloads import downloads
from .finder.files import finder_files
from .finder_script import finder_scripts
from .load.loader import LibraryLoad, load_library
from .load.narrative import sanitise_html
from .output import GeneratedFile, GeneratedPage
from .pages.casestudies import CaseStudyPages
from .pages.dictionary import data_dictionary
from .pages.guidance import guidance_meta
from .pages.listings import CollectionText, Listings
from .pages.reference import ReferenceData
from .pages.review import build_date
from .search.files import SEARCH_PAGE, GuidancePage, search_files
from .search.page import search_page
from .search.sections import sections
from .urls import SECTION


@dataclass
class HubBuild:
    paths: HubPaths
    loaded: LibraryLoad
    site: SiteInfo
    pages: list[GeneratedPage] = field(default_factory=list)
    downloads: list[GeneratedFile] = field(default_factory=list)
    reference: ReferenceData | None = None
    guidance: dict[str, GuidancePage] = field(default_factory=dict)
    _by_uri: dict[str, GeneratedPage] = field(default_factory=dict, repr=False)

    @classmethod
    def start(cls, paths: HubPaths, repo_url: str = "", today: date | None = None) -> HubBuild:
        loaded = load_library(paths=paths)
        build = cls(paths, loaded, SiteInfo(repo_url=repo_url, today=today or build_date()))
        if loaded.ok:
            collections = CollectionText.load(paths.reference_data / "collections.yml")
            listings = Listings(loaded.library, build.site, collections)
            build.pages = [*listings.listing_pages(), *CaseStudyPages(loaded.library, build.site).pages(),
                           *listings.facet_pages()]
            build.pages.append(data_dictionary(loaded.library.vocab))
            build.pages.append(search_page())
            finder = finder_files(loaded.library)
            build.downloads = downloads(loaded.library) + finder.files + finder_scripts(paths.root)
            build.reference = ReferenceData.load(paths, loaded.library.vocab)
        build._by_uri = {p.src_uri: p for p in build.pages}
        return build

    @property
    def ok(self) -> bool:
        return self.loaded.ok

    def messages(self) -> list[str]:
        return [d.format() for d in self.loaded.diagnostics]

    def failure_summary(self) -> str:
        failed = sum(1 for r in self.loaded.results if not r.ok)
        return (f"{failed} case-study file(s) have errors; nothing was built. "
                "Fix the errors above (run scripts/validate.py to check again).")

    def page_meta(self, src_uri: str, meta: dict[str, Any]) -> dict[str, Any]:
        generated = self._by_uri.get(src_uri)
        if generated is not None:
            return ({"hub": generated.data} if generated.data else {}) | self._escaped_text(generated)
        return guidance_meta(meta, self.loaded.library.vocab, self.site.today)

    @staticmethod
    def _escaped_text(page: GeneratedPage) -> dict[str, Markup]:
        """The title and description, escaped once for the theme's templates.

        Material prints them without escaping (in <title>, the header and the
        search index), and a case study's title comes from a contributor. As
        Markup, our own autoescaping templates do not escape them twice.
        """
        meta = {"title": escape(page.title)}
        if page.description:
            meta["description"] = escape(page.description)
        return meta

    def page_markdown(self, page: GeneratedPage) -> str:
        """A generated page as a standalone Markdown file, data included."""
        return self.expand_markdown(page.markdown(), page.src_uri)

    def expand_markdown(self, markdown: str, src_uri: str) -> str:
        return self.reference.expand(markdown, src_uri) if self.reference else markdown

    def searches(self, src_uri: str) -> bool:
        """Whether the site search finds a page's sections: the content pages
        and the data dictionary, not the case studies (found from the model),
        the listing and facet pages, or the search page."""
        return not src_uri.startswith(f"{SECTION}/") and src_uri != SEARCH_PAGE

    def add_to_search(self, src_uri: str, url: str, title: str, html: str) -> None:
        """Record a rendered page's sections (a rebuild replaces them)."""
        if self.searches(src_uri):
            title = title.unescape() if isinstance(title, Markup) else str(title)  # _escaped_text's
            self.guidance[src_uri] = GuidancePage(url, title, tuple(sections(html, title)))

    def search_files(self) -> list[GeneratedFile]:
        """The site search's index, once every page has been rendered."""
        return search_files(list(self.guidance.values()), self.loaded.library)

    def engine_markdown(self, page: GeneratedPage) -> str:
        """A generated page as the engine reads it: its finished HTML set apart (see clean_html)."""
        return page.markdown(with_data=False, for_engine=True)

    def clean_html(self, html: str, src_uri: str) -> str:
        """A page's rendered HTML, finished: narratives cleaned, generated HTML put back."""
        generated = self._by_uri.get(src_uri)
        if generated is not None:
            html = generated.restore(html)
        if generated is not None and generated.template == "casestudy.html":
            return sanitise_html(html)
        return html

