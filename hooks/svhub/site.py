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
from .engine.scripts import browser_scripts
from .exports.downloads import downloads
from .exports.opendata import open_data_files
from .exports.syndication import SITE_FEEDS, reuse_section, syndicate
from .finder.files import finder_files
from .load.changes import load_change_notes
from .load.citations import check_page
from .load.loader import LibraryLoad, load_library
from .load.messages import Diagnostic, Severity, has_errors
from .load.narrative import sanitise_html
from .load.reference import load_reference
from .output import GeneratedFile, GeneratedPage
from .pages import linkeddata
from .pages.casestudies import CaseStudyPages
from .pages.dictionary import data_dictionary
from .pages.guidance import guidance_meta
from .pages.listings import Listings
from .pages.reference import ReferenceData
from .pages.review import build_date
from .search.files import REFERENCE_SOURCES, SEARCH_PAGE, GuidancePage, search_files
from .search.page import search_page
from .search.sections import sections
from .structure.changes import ChangeNotes
from .structure.instruments import Register
from .structure.reference import CollectionText
from .urls import SECTION, page_url
from .urlstyle import as_file_links, file_urls


@dataclass
class HubBuild:
    paths: HubPaths
    loaded: LibraryLoad
    site: SiteInfo
    pages: list[GeneratedPage] = field(default_factory=list)
    downloads: list[GeneratedFile] = field(default_factory=list)
    reference: ReferenceData | None = None
    collections: CollectionText | None = None
    register: Register = field(default_factory=Register)
    content_diagnostics: list[Diagnostic] = field(default_factory=list)
    changes: ChangeNotes = field(default_factory=ChangeNotes)
    guidance: dict[str, GuidancePage] = field(default_factory=dict)
    _by_uri: dict[str, GeneratedPage] = field(default_factory=dict, repr=False)
    _file_urls: dict[str, str] = field(default_factory=dict, repr=False)

    @classmethod
    def start(cls, paths: HubPaths, repo_url: str = "", today: date | None = None, site_url: str = "") -> HubBuild:
        loaded = load_library(paths=paths)
        build = cls(paths, loaded, SiteInfo(repo_url=repo_url, site_url=site_url, today=today or build_date()))
        build._check_content()
        build.changes = load_change_notes(paths, build.site.today)
        if build.ok:
            finder = finder_files(loaded.library)
            listings = Listings(loaded.library, build.site, finder.index_head, build.collections)
            build.pages = [*listings.listing_pages(), *CaseStudyPages(loaded.library, build.site).pages(),
                           *listings.facet_pages()]
            dictionary = data_dictionary(loaded.library.vocab)
            dictionary.body += reuse_section("about/")  # Markdown links are relative to the file
            build.pages.append(dictionary)
            build.pages.append(search_page())
            syndication = syndicate(build.pages, loaded.library, build.changes, build.site)
            build.pages += syndication.pages
            build.downloads = (downloads(loaded.library) + finder.files + browser_scripts(paths.root)
                               + open_data_files(loaded.library.vocab, site_url) + syndication.files)
        build._by_uri = {p.src_uri: p for p in build.pages}
        return build

    def _check_content(self) -> None:
        """The reference data (the instrument register first) and every content
        page's citations, checked before anything is built, so that all the
        problems are reported together."""
        paths = self.paths
        reference, problems = load_reference(paths)
        self.register = reference.register
        self.collections = reference.collections
        if not has_errors(problems):
            self.reference = ReferenceData.of(reference, self.loaded.library.vocab)
        for page in sorted(paths.content.rglob("*.md")):
            if paths.reference_data not in page.parents:
                problems += check_page(page, paths.display(page), self.register)
        self.content_diagnostics = sorted(problems)

    @property
    def ok(self) -> bool:
        return self.loaded.ok and not has_errors(self.content_diagnostics) and self.changes.ok

    def messages(self) -> list[str]:
        return [d.format() for d in self.loaded.diagnostics + self.content_diagnostics
                + sorted(self.changes.diagnostics)]

    def failure_summary(self) -> str:
        failed = sum(1 for r in self.loaded.results if not r.ok)
        content = len({d.path for d in self.content_diagnostics if d.severity is Severity.ERROR})
        notes = len({d.path for d in self.changes.diagnostics if d.severity is Severity.ERROR})
        parts = [f"{failed} case-study file(s)"] if failed else []
        parts += [f"{content} content or reference-data file(s)"] if content else []
        parts += [f"{notes} page(s) with change notes"] if notes else []
        return (f"{' and '.join(parts)} have errors; nothing was built. "
                "Fix the errors above (run scripts/validate.py to check the case studies again).")

    def page_meta(self, src_uri: str, meta: dict[str, Any]) -> dict[str, Any]:
        generated = self._by_uri.get(src_uri)
        if generated is not None:
            return ({"hub": generated.data} if generated.data else {}) | self._escaped_text(generated)
        if isinstance(meta.get("sources"), list):
            meta = meta | {"sources": self.register.resolve_sources(meta["sources"])}
        hub = guidance_meta(meta, self.loaded.library.vocab, self.site.today).get("hub", {})
        return {"hub": hub | self._page_extras(src_uri, meta, hub)}

    def _page_extras(self, src_uri: str, meta: dict[str, Any], hub: dict[str, Any]) -> dict[str, Any]:
        """A hand-written page's change notes, feed links and JSON-LD."""
        notes = sorted(self.changes.for_page(src_uri), key=lambda n: n.date, reverse=True)
        extras: dict[str, Any] = {"feeds": list(SITE_FEEDS)} if self.site.site_url else {}
        if notes:
            extras["updates"] = [n.as_dict() for n in notes]
        review = hub.get("review")
        if review or notes:
            reviewed = date.fromisoformat(review["last_reviewed_iso"]) if review else None
            extras["jsonld"] = linkeddata.guidance_page(
                str(meta.get("title", "")), str(meta.get("description", "")), page_url(src_uri),
                self.site.site_url, reviewed, review["owner"] if review else "", notes)
        return extras

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
            self.guidance[src_uri] = GuidancePage(url, title, tuple(sections(html, title)),
                                                  src_uri in REFERENCE_SOURCES)

    def search_files(self, directory_urls: bool = True) -> list[GeneratedFile]:
        """The site search's index, once every page has been rendered."""
        return search_files(list(self.guidance.values()), self.loaded.library, directory_urls)

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

    def know_files(self, src_uris: list[str]) -> None:
        """Every page of the site, hand-written or generated, by its source path."""
        self._file_urls = file_urls(src_uris)

    def file_links(self, text: str, src_uri: str, *, folders_only: bool = False) -> str:
        """The page's links between pages, for an engine that gives pages file URLs
        (see svhub.urlstyle): a page's Markdown, or with `folders_only` its rendered HTML."""
        return as_file_links(text, src_uri, self._file_urls, folders_only=folders_only)
