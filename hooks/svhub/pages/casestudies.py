"""A case study's page: its narrative, and the page data its template shows
(the facts at a glance, outcomes by dimension, sources, review, related)."""

from __future__ import annotations

from dataclasses import asdict
from datetime import date
from typing import Any

from ..config import SiteInfo
from ..dates import long_date
from ..output import GeneratedPage
from ..structure.casestudy import CaseStudy, Source
from ..structure.facets import (
    EVIDENCE,
    FRAMEWORK_FACETS,
    REGION,
    REVIEW_EXAMPLE,
    SERVICE,
    STAGES,
    THEME,
    VALUE,
    WEIGHTING,
)
from ..structure.library import Library
from ..structure.vocabularies import Vocabularies
from ..urls import SECTION, facet_url, relative
from .formatting import contract_value, figure
from .review import review_info


def _source(s: Source) -> dict[str, str]:
    return {
        "title": s.title,
        "url": s.url,
        "publisher": s.publisher,
        "date": long_date(s.date) if s.date else "",
        "date_iso": s.date.isoformat() if s.date else "",
        "is_copy": s.copy,
    }


class CaseStudyPages:
    """Turns each case study of a validated Library into its page."""

    def __init__(self, library: Library, site: SiteInfo):
        self.library = library
        self.vocab: Vocabularies = library.vocab
        self.site = site

    def pages(self) -> list[GeneratedPage]:
        return [self.case_study_page(c) for c in self.library]

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
                            "theme_href": relative(here, facet_url(THEME, o.theme)),
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
            "procurement_act": self._procurement_act(case_study),
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
            "edit_url": self.site.edit_url(case_study.path),
            "listing_href": relative(here, f"{SECTION}/"),
            "related": [
                {"title": r.title, "href": relative(here, r.url), "summary": r.summary}
                for r in self.library.related(case_study)
            ],
        }

    def _procurement_act(self, c: CaseStudy) -> dict[str, Any] | None:
        act = c.procurement_act
        if not act:
            return None
        latest = act.latest_rating
        return {
            "latest": {**asdict(latest), "label": self.vocab["performance_rating"].label(latest.rating)}
            if latest else None,
            "kpis": [asdict(k) for k in act.kpis],
            "notices": [
                {**asdict(n), "date": long_date(n.date) if n.date else "",
                 "date_iso": n.date.isoformat() if n.date else ""}
                for n in act.notices
            ],
        }

    def _glance(self, c: CaseStudy, here: str) -> list[dict[str, Any]]:
        vocab = self.vocab
        rows: list[dict[str, Any]] = []

        def row(label: str, *values: tuple[str, str | None]) -> None:
            rows.append({"label": label, "values": [{"text": t, "href": h} for t, h in values]})

        row("Commissioner", (f"{c.commissioner.name} ({vocab['commissioner_type'].label(c.commissioner.type)})", None))
        row(REGION.row_label, (vocab[REGION.vocabulary].label(c.commissioner.region),
                               relative(here, facet_url(REGION, c.commissioner.region))))
        if c.partners:
            row("Partners", *[(p, None) for p in c.partners])
        if c.provider:
            row("Provider", (f"{c.provider.name} ({vocab['provider_type'].label(c.provider.type)})", None))
        row(SERVICE.row_label, (vocab[SERVICE.vocabulary].label(c.service),
                                relative(here, facet_url(SERVICE, c.service))))
        row("Type", (vocab["kind"].label(c.kind), None))
        if c.review_example:
            row(REVIEW_EXAMPLE.row_label, (vocab[REVIEW_EXAMPLE.vocabulary].label(c.review_example),
                                           relative(here, facet_url(REVIEW_EXAMPLE, c.review_example))))
        contract = c.contract
        if contract.year:
            row("Contract year", (str(contract.year), None))
        if c.stated_year and not (c.year_of == "contract-awarded" and contract.year == c.stated_year):
            row("Year", (f"{c.stated_year} ({vocab['year_basis'].label(c.year_basis).lower()})", None))
        if c.regimes:
            row("Run under", *[(vocab["regime"].label(r), None) for r in c.regimes])
        if contract.started:
            started = contract.started
            row("Service started", (long_date(started) if isinstance(started, date) else str(started), None))
        if contract.value_gbp is not None:
            row(VALUE.row_label, (contract_value(contract.value_gbp, contract.value_basis), None))
        if contract.duration_months:
            row("Duration", (f"{contract.duration_months} months", None))
        if contract.social_value_weighting_pct is not None:
            row(WEIGHTING.row_label, (f"{contract.social_value_weighting_pct:g}% of the award score", None))
        row(STAGES.row_label, *[(vocab[STAGES.vocabulary].label(s), None) for s in c.stages])
        row(EVIDENCE.row_label, (vocab[EVIDENCE.vocabulary].label(c.evidence), None))
        for facet in FRAMEWORK_FACETS:
            if values := facet.values_of(c):
                row(facet.row_label, *[(vocab[facet.vocabulary].label(v), None) for v in values])
        return rows
