"""Downloadable data: every case study as CSV (for spreadsheets) and JSON.

CSV cells that a spreadsheet would read as a formula are escaped, because the
text comes from outside contributors.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import asdict
from datetime import date
from typing import Any

from ..output import GeneratedFile
from ..structure.casestudy import CaseStudy
from ..structure.facets import FRAMEWORK_FACETS
from ..structure.library import Library
from ..urls import DATA_DIR

CSV_PATH = f"{DATA_DIR}/case-studies.csv"
JSON_PATH = f"{DATA_DIR}/case-studies.json"
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")

FRAMEWORK_COLUMNS = tuple(facet.name for facet in FRAMEWORK_FACETS)
COLUMNS = (
    "slug", "title", "summary", "kind", "commissioner", "commissioner_type", "region",
    "partners", "provider", "provider_type", "service", "review_example", "year",
    "year_basis", "awarded", "started",
    "value_gbp", "value_basis", "duration_months", "social_value_weighting_pct", "stages",
    "themes", "dimensions", "evidence", "regimes", *FRAMEWORK_COLUMNS, "outcomes",
    # One entry per outcome, in the order of 'outcomes', joined the same way.
    "outcome_statuses", "outcome_periods", "outcome_reported_by", "outcome_evidence",
    "organisation_changes", "notices", "kpis", "latest_rating", "sources", "source_copies", "tags", "published",
    "last_reviewed", "review_by", "url",
)


def _when(value: date | int | None) -> str:
    return value.isoformat() if isinstance(value, date) else str(value or "")


def safe_cell(value: Any) -> str:
    """Text as a spreadsheet will show it, never run: '=1+1' becomes \"'=1+1\"."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_TRIGGERS) else text


def row(c: CaseStudy) -> dict[str, Any]:
    contract = c.contract
    return {
        "slug": c.slug,
        "title": c.title,
        "summary": c.summary,
        "kind": c.kind,
        "commissioner": c.commissioner.name,
        "commissioner_type": c.commissioner.type,
        "region": c.commissioner.region,
        "partners": "; ".join(c.partners),
        "provider": c.provider.name if c.provider else "",
        "provider_type": c.provider.type if c.provider else "",
        "service": c.service,
        "review_example": c.review_example or "",
        "year": c.year or "",
        "year_basis": c.year_of or "",
        "awarded": _when(contract.awarded),
        "started": _when(contract.started),
        "value_gbp": contract.value_gbp if contract.value_gbp is not None else "",
        "value_basis": contract.value_basis or "",
        "duration_months": contract.duration_months or "",
        "social_value_weighting_pct": (
            f"{contract.social_value_weighting_pct:g}" if contract.social_value_weighting_pct is not None else ""
        ),
        "stages": "; ".join(c.stages),
        "themes": "; ".join(c.themes),
        "dimensions": "; ".join(c.dimensions),
        "evidence": c.evidence,
        "regimes": "; ".join(c.regimes),
        **{facet.name: "; ".join(facet.values_of(c)) for facet in FRAMEWORK_FACETS},
        "outcomes": " | ".join(o.description for o in c.outcomes),
        "outcome_statuses": " | ".join(o.status for o in c.outcomes),
        "outcome_periods": " | ".join(o.period or "" for o in c.outcomes),
        "outcome_reported_by": " | ".join(o.reported_by or "" for o in c.outcomes),
        "outcome_evidence": " | ".join(o.evidence for o in c.outcomes),
        "organisation_changes": " | ".join(
            f"{o.organisation}: {o.change} {o.date.isoformat()}; now {o.now}" for o in c.organisation_changes),
        "notices": "; ".join(n.id + (f" ({n.type})" if n.type else "") for n in c.procurement_act.notices),
        "kpis": " | ".join(k.name + (f": {k.target}" if k.target else "") for k in c.procurement_act.kpis),
        "latest_rating": c.procurement_act.latest_rating.rating if c.procurement_act.latest_rating else "",
        "sources": " ".join(s.url for s in c.sources),
        "source_copies": " ".join(s.url for s in c.sources if s.copy),
        "tags": "; ".join(c.tags),
        "published": c.published.isoformat(),
        "last_reviewed": c.last_reviewed.isoformat(),
        "review_by": c.review_by.isoformat(),
        "url": c.url,
    }


def to_csv(case_studies: list[CaseStudy]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for c in case_studies:
        values = row(c)
        writer.writerow([safe_cell(values[column]) for column in COLUMNS])
    return buffer.getvalue()


def _jsonable(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items() if k != "body"}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    return value


def to_json(case_studies: list[CaseStudy]) -> str:
    records = [_jsonable(asdict(c)) | {"url": c.url} for c in case_studies]
    return json.dumps({"case_studies": records}, ensure_ascii=False, indent=1, sort_keys=True, allow_nan=False) + "\n"


def downloads(library: Library) -> list[GeneratedFile]:
    studies = library.case_studies
    return [
        GeneratedFile(CSV_PATH, ("\ufeff" + to_csv(studies)).encode("utf-8")),
        GeneratedFile(JSON_PATH, to_json(studies).encode("utf-8")),
    ]
