"""Compile the case-study library into pages: plain Markdown plus page data.

The output does not depend on MkDocs. The hook hands it to MkDocs in memory;
scripts/compile.py writes the same pages to a folder, so any engine that reads
Markdown with front matter and the site_overrides templates can build the site.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml
from markupsafe import Markup, escape

from .formatting import contract_value, figure, long_date
from .guidance import format_sources
from .review import review_info
from .structure.casestudy import CaseStudy, Source
from .structure.library import PAGE_FACETS, Library
from .vocabularies import Vocabularies

SECTION = "case-studies"
FACET_PATHS = {"service": "service", "theme": "theme", "region": "region", "review_example": "review-example"}
FACET_NAMES = {"service": "Service area", "theme": "Theme", "region": "Region",
               "review_example": "Contract type named in the 2014 review"}


@dataclass(frozen=True)
class SiteInfo:
    """What pages need to know about the site they are part of."""

    repo_url: str = ""
    site_url: str = ""  # the public address, ending in '/'; '' when unknown
    edit_branch: str = "main"
    today: date = field(default_factory=date.today)

    def edit_url(self, case_study: CaseStudy) -> str:
        if not self.repo_url:
            return ""
        return f"{self.repo_url.rstrip('/')}/edit/{self.edit_branch}/{case_study.path}"


# Templates that write the page's h1 themselves (the others show the Markdown's).
TEMPLATES_WITH_TITLE = frozenset({"casestudy.html"})


@dataclass
class GeneratedPage:
    src_uri: str
    title: str
    body: str
    description: str = ""
    template: str = ""
    data: dict[str, Any] = field(default_factory=dict)
    hide: tuple[str, ...] = ()

    @property
    def front_matter(self) -> dict[str, Any]:
        """What the engine reads before rendering; `hub` carries the page data."""
        meta: dict[str, Any] = {"title": self.title}
        if self.description:
            meta["description"] = self.description
        if self.template:
            meta["template"] = self.template
        if self.hide:
            meta["hide"] = list(self.hide)
        return meta

    def markdown(self, *, with_data: bool = True) -> str:
        meta = self.front_matter | ({"hub": self.data} if with_data and self.data else {})
        front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000)
        # A page without its own template starts with its title as its one h1,
        # so that the skip link and the contents start there.
        titled = self.template in TEMPLATES_WITH_TITLE or self.body.startswith("# ")
        heading = "" if titled else f"# {escape(self.title)}\n\n"
        return f"---\n{front}---\n\n{heading}{self.body}"


@dataclass
class GeneratedFile:
    """A download, such as the CSV of every case study."""

    src_uri: str
    content: bytes


def _source(s: Source) -> dict[str, str]:
    return {
        "title": s.title,
        "url": s.url,
        "publisher": s.publisher,
        "date": long_date(s.date) if s.date else "",
        "date_iso": s.date.isoformat() if s.date else "",
    }


def facet_url(facet: str, value: str) -> str:
    return f"{SECTION}/{FACET_PATHS[facet]}/{value}/"


def relative(from_url: str, to_url: str) -> str:
    """A link from one directory-style page URL to another, e.g. '../region/wales/'."""
    source = [p for p in from_url.split("/") if p]
    target = [p for p in to_url.split("/") if p]
    common = 0
    while common < min(len(source), len(target)) and source[common] == target[common]:
        common += 1
    parts = [".."] * (len(source) - common) + target[common:]
    return "/".join(parts) + "/" if parts else "./"


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
# What the finder on the listing loads, relative to /case-studies/ (see svhub.finder).
DATA_DIR = f"{SECTION}/data"
FINDER_DATA = {"facets": "data/finder-facets.json", "text": "data/finder-text-0.json",
               "older-text": "data/finder-text-1.json",
               "index": "data/finder-index.json", "lunr": "data/lunr.js", "csv": "data/case-studies.csv"}


def listing_url(number: int) -> str:
    """Page 1 of the listing is /case-studies/; page n is /case-studies/page/n/.

    Case-study slugs are one path segment, so these can never clash with one."""
    return f"{SECTION}/" if number == 1 else f"{SECTION}/page/{number}/"


class Compiler:
    """Turns a validated Library into the site's generated pages."""

    def __init__(self, library: Library, site: SiteInfo, collections: CollectionText | None = None):
        self.library = library
        self.vocab: Vocabularies = library.vocab
        self.site = site
        self.collections = collections

    def pages(self) -> list[GeneratedPage]:
        pages = self.listing_pages()
        pages += [self.case_study_page(c) for c in self.library]
        for facet in PAGE_FACETS:
            pages.append(self.facet_index(facet))
            groups = self.library.facet(facet)
            values = self.vocab[facet].values if facet == "review_example" else list(groups)
            pages += [self.facet_page(facet, value, groups.get(value, [])) for value in values]
        return pages

    # Case-study pages -----------------------------------------------------

    def case_study_page(self, case_study: CaseStudy) -> GeneratedPage:
        return GeneratedPage(
            src_uri=f"{SECTION}/{case_study.slug}.md",
            title=case_study.title,
            description=case_study.summary,
            template="casestudy.html",
            body=case_study.body.strip() + "\n",
            data=self.case_study_data(case_study),
        )

    def case_study_data(self, case_study: CaseStudy) -> dict[str, Any]:
        here = case_study.url
        vocab = self.vocab
        return {
            "summary": case_study.summary,
            "kind": vocab["kind"].label(case_study.kind),
            "glance": self._glance(case_study, here),
            "outcomes": [
                {
                    "dimension": vocab["dimension"].label(dimension),
                    "id": dimension,
                    "items": [
                        {
                            "description": o.description,
                            "figure": figure(o.figure, o.unit, vocab) if o.figure is not None else "",
                            "theme": vocab["theme"].label(o.theme),
                            "theme_href": relative(here, facet_url("theme", o.theme)),
                            "self_reported": o.evidence == "self-reported",
                            "evidence": vocab["evidence"].label(o.evidence),
                            "status": o.status,
                            "status_label": vocab["outcome_status"].label(o.status),
                            "delivered": o.delivered,
                            "period": o.period or "",
                            "reported_by": o.reported_by or "",
                        }
                        for o in case_study.outcomes
                        if o.dimension == dimension
                    ],
                }
                for dimension in vocab["dimension"].values
                if dimension in case_study.dimensions
            ],
            "sources": [_source(s) for s in case_study.sources],
            "changes": [
                {
                    "organisation": c.organisation,
                    "change": c.change,
                    "date": long_date(c.date),
                    "date_iso": c.date.isoformat(),
                    "now": c.now,
                    "sources": [_source(s) for s in c.sources],
                }
                for c in case_study.organisation_changes
            ],
            "review": review_info(
                case_study.owner, case_study.last_reviewed, case_study.review_by, vocab,
                self.site.today, case_study.published,
            ).as_dict(),
            "edit_url": self.site.edit_url(case_study),
            "listing_href": relative(here, f"{SECTION}/"),
            "related": [
                {"title": r.title, "href": relative(here, r.url), "summary": r.summary}
                for r in self.library.related(case_study)
            ],
        }

    def _glance(self, c: CaseStudy, here: str) -> list[dict[str, Any]]:
        vocab = self.vocab
        rows: list[dict[str, Any]] = []

        def row(label: str, *values: tuple[str, str | None]) -> None:
            rows.append({"label": label, "values": [{"text": t, "href": h} for t, h in values]})

        row("Commissioner", (f"{c.commissioner.name} ({vocab['commissioner_type'].label(c.commissioner.type)})", None))
        row("Region", (vocab["region"].label(c.commissioner.region),
                       relative(here, facet_url("region", c.commissioner.region))))
        if c.partners:
            row("Partners", *[(p, None) for p in c.partners])
        if c.provider:
            row("Provider", (f"{c.provider.name} ({vocab['provider_type'].label(c.provider.type)})", None))
        row("Service", (vocab["service"].label(c.service), relative(here, facet_url("service", c.service))))
        row("Type", (vocab["kind"].label(c.kind), None))
        if c.review_example:
            row("Contract type", (vocab["review_example"].label(c.review_example),
                                  relative(here, facet_url("review_example", c.review_example))))
        contract = c.contract
        if contract.year:
            row("Contract year", (str(contract.year), None))
        if contract.started:
            started = contract.started
            row("Service started", (long_date(started) if isinstance(started, date) else str(started), None))
        if contract.value_gbp is not None:
            row("Contract value", (contract_value(contract.value_gbp, contract.value_basis), None))
        if contract.duration_months:
            row("Duration", (f"{contract.duration_months} months", None))
        if contract.social_value_weighting_pct is not None:
            row("Social value weighting", (f"{contract.social_value_weighting_pct:g}% of the award score", None))
        row("Stages", *[(vocab["stage"].label(s), None) for s in c.stages])
        row("Evidence", (vocab["evidence"].label(c.evidence), None))
        return rows

    # Listing and facet pages ------------------------------------------------

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
            f'<a href="{escape(relative(here, f"{SECTION}/{FACET_PATHS[facet]}/"))}">'
            f"{escape(FACET_NAMES[facet])}</a>"
            for facet in PAGE_FACETS
        )
        start = (number - 1) * LISTING_PAGE_SIZE
        results = self._results(self.library.case_studies[start:start + LISTING_PAGE_SIZE], here)
        if number == 1:
            results = Markup(f'<div class="hub-finder" id="hub-finder">\n{results}\n</div>')
        body = (
            f"{escape(intro)}\n\n"
            f'<p class="hub-browse">Browse by: {browse}</p>\n\n'
            f"{results}\n{self._listing_nav(number, count)}"
        )
        title = "Case studies" if number == 1 else f"Case studies, page {number} of {count}"
        return GeneratedPage(src_uri=f"{here}index.md" if number == 1 else f"{here[:-1]}.md", title=title,
                             body=body, hide=("toc",), template="finder.html" if number == 1 else "",
                             data={"finder": dict(FINDER_DATA)} if number == 1 else {},
                             description="Search and browse real examples of social value in public contracts.")

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

    def facet_index(self, facet: str) -> GeneratedPage:
        here = f"{SECTION}/{FACET_PATHS[facet]}/"
        groups = self.library.facet(facet)
        values = self.vocab[facet].values if facet == "review_example" else list(groups)
        items = "\n".join(
            f'<li><a href="{escape(relative(here, facet_url(facet, v)))}">{escape(self.vocab[facet].label(v))}</a>'
            f" ({len(groups.get(v, []))})</li>"
            for v in values
        )
        title = f"Case studies by {FACET_NAMES[facet].lower()}"
        return GeneratedPage(src_uri=f"{SECTION}/{FACET_PATHS[facet]}/index.md", title=title,
                             body=f'<ul class="hub-facet-index">\n{items}\n</ul>\n')

    def facet_page(self, facet: str, value: str, members: list[CaseStudy]) -> GeneratedPage:
        here = facet_url(facet, value)
        term = self.vocab[facet].terms[value]
        if facet == "review_example":
            title = f"{term.label} contracts"
        else:
            title = f"Case studies: {term.label}"
        data: dict[str, Any] = {"facet": FACET_PATHS[facet], "value": value, "count": len(members)}
        parts = [f"<p>{escape(term.description)}</p>"]
        collection = self.collections if facet == "review_example" else None
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
            src_uri=f"{SECTION}/{FACET_PATHS[facet]}/{value}.md",
            title=title,
            description=term.description,
            body="\n\n".join(parts) + "\n",
            data=data,
        )

    def _results(self, members: list[CaseStudy], here: str) -> str:
        vocab = self.vocab
        items = []
        for c in members:
            meta = [
                ("Commissioner", c.commissioner.name),
                ("Service", vocab["service"].label(c.service)),
                ("Year", str(c.year) if c.year else "Not stated"),
                ("Evidence", vocab["evidence"].label(c.evidence)),
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
