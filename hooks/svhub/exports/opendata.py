"""Open data that describes itself: a Frictionless Data Package and CSVW
metadata for case-studies.csv, and the case-study JSON Schema at a stable URL.

Both descriptions are made from svhub.exports' columns and the vocabularies,
so they cannot drift from the CSV they describe (a test validates the package
against the built file with the frictionless library).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from ..load.schema import schema_text
from ..output import GeneratedFile
from ..structure.vocabularies import Vocabularies
from ..urls import DATA_DIR
from .downloads import COLUMNS, CSV_PATH, JSON_PATH

PACKAGE_PATH = f"{DATA_DIR}/datapackage.json"
CSVW_PATH = f"{CSV_PATH}-metadata.json"  # where CSVW's discovery looks for it
SCHEMA_PATH = f"{DATA_DIR}/case-study.schema.json"
LICENCE = {
    "name": "OGL-UK-3.0",
    "title": "Open Government Licence v3.0",
    "path": "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
}
TITLE = "Social Value Hub case studies"
DESCRIPTION = ("Real, sourced case studies of social value in UK public-sector contracts, one row per "
               "case study. Figures an organisation reported about itself are marked by the evidence column.")


@dataclass(frozen=True)
class Column:
    type: str  # a Table Schema type: string, integer, number, date
    description: str
    required: bool = False
    vocabulary: str = ""  # values must come from this vocabulary
    separator: str = ""  # a list of values joined by this


LIST = "; "
FIELDS: dict[str, Column] = {
    "slug": Column("string", "The case study's identifier: its file name and the last part of its address.", True),
    "title": Column("string", "The case study's title.", True),
    "summary": Column("string", "One or two sentences on what was done and what came of it.", True),
    "kind": Column("string", "What sort of case study it is.", True, "kind"),
    "commissioner": Column("string", "The public body that commissioned the work.", True),
    "commissioner_type": Column("string", "What kind of body the commissioner is.", True, "commissioner_type"),
    "region": Column("string", "The commissioner's region or nation.", True, "region"),
    "partners": Column("string", "Other bodies that commissioned it jointly.", separator=LIST),
    "provider": Column("string", "Who delivered the contract, when named."),
    "provider_type": Column("string", "What kind of organisation the provider is.", vocabulary="provider_type"),
    "service": Column("string", "The service area.", True, "service"),
    "review_example": Column("string", "The contract type of the 2014 review of the Act it is an example of.",
                             vocabulary="review_example"),
    "year": Column("integer", "The year the contract was let, or the service, programme or policy started, "
                   "when a source gives it."),
    "year_basis": Column("string", "What the year is the year of.", vocabulary="year_basis"),
    "awarded": Column("string", "When the contract was awarded (a year, or YYYY-MM-DD), only where a source says."),
    "started": Column("string", "When the service started (a year, or YYYY-MM-DD), only where a source says."),
    "value_gbp": Column("integer", "The contract's value in pounds, when a source gives it."),
    "value_basis": Column("string", "What the value covers.", vocabulary="value_basis"),
    "duration_months": Column("integer", "The contract's length in months."),
    "social_value_weighting_pct": Column("number", "The share of the award score given to social value, in per cent."),
    "stages": Column("string", "Where in the commissioning cycle social value was applied.", True, "stage", LIST),
    "themes": Column("string", "The themes of its outcomes.", True, "theme", LIST),
    "dimensions": Column("string", "The kinds of well-being its outcomes concern.", True, "dimension", LIST),
    "evidence": Column("string", "How the figures are evidenced overall.", True, "evidence"),
    "regimes": Column("string", "The law or policy it was run under, where a source says so.", vocabulary="regime",
                      separator=LIST),
    "ppn_06_20_themes": Column("string", "PPN 06/20 Social Value Model themes the procurement used.",
                               vocabulary="ppn_06_20_theme", separator=LIST),
    "ppn_06_20": Column("string", "PPN 06/20 Social Value Model outcomes the procurement used.",
                        vocabulary="ppn_06_20_outcome", separator=LIST),
    "wellbeing_goals": Column("string", "Welsh well-being goals it contributes to, as its sources say.",
                              vocabulary="wellbeing_goal", separator=LIST),
    "toms_themes": Column("string", "National TOMs themes it was measured against.", vocabulary="toms_theme",
                          separator=LIST),
    "outcomes": Column("string", "What came of it, one outcome after another.", True, separator=" | "),
    "outcome_statuses": Column("string", "Whether each outcome was delivered, or only planned, pledged or forecast, "
                               "in the order of the outcomes.", True, "outcome_status", " | "),
    "outcome_periods": Column("string", "The year or period each outcome refers to, in the order of the outcomes.",
                              separator=" | "),
    "outcome_reported_by": Column("string", "Whose figure each outcome is, when it is not the commissioner's.",
                                  separator=" | "),
    "outcome_evidence": Column("string", "How each outcome is evidenced, in the order of the outcomes.", True,
                               "evidence", " | "),
    "organisation_changes": Column("string", "Bodies named in it that have since been merged, renamed or "
                                   "abolished, with the date and what they are now.", separator=" | "),
    "notices": Column("string", "Its Procurement Act 2023 notices: identifier and notice type.", separator=LIST),
    "kpis": Column("string", "The key performance indicators its contract details notice publishes, with targets.",
                   separator=" | "),
    "latest_rating": Column("string", "The latest rating in a contract performance notice.",
                            vocabulary="performance_rating"),
    "sources": Column("string", "The web addresses of its public sources.", True, separator=" "),
    "source_copies": Column("string", "Those of its sources that are copies on another site, not the "
                            "publisher's own page.", separator=" "),
    "tags": Column("string", "Free keywords, for search.", separator=LIST),
    "published": Column("date", "When the case study was first published.", True),
    "last_reviewed": Column("date", "When it was last checked against its sources.", True),
    "review_by": Column("date", "When it is next due for review.", True),
    "url": Column("string", "Its page, relative to the site's address.", True),
}


def _values(vocab: Vocabularies, column: Column) -> list[str]:
    return list(vocab[column.vocabulary].values)


def _list_pattern(values: list[str], separator: str) -> str:
    one = "(?:" + "|".join(re.escape(v) for v in values) + ")"
    return f"{one}(?:{re.escape(separator)}{one})*"


def table_schema(vocab: Vocabularies) -> dict[str, Any]:
    fields = []
    for name in COLUMNS:
        column = FIELDS[name]
        spec: dict[str, Any] = {"name": name, "type": column.type, "description": column.description}
        constraints: dict[str, Any] = {}
        if column.required:
            constraints["required"] = True
        if column.vocabulary and column.separator:
            constraints["pattern"] = _list_pattern(_values(vocab, column), column.separator)
        elif column.vocabulary:
            constraints["enum"] = _values(vocab, column)
        if name == "slug":
            constraints["unique"] = True
        if column.type in ("integer", "number"):
            constraints["minimum"] = 0
        if constraints:
            spec["constraints"] = constraints
        fields.append(spec)
    return {"fields": fields, "primaryKey": ["slug"], "missingValues": [""]}


def data_package(vocab: Vocabularies, site_url: str) -> dict[str, Any]:
    package: dict[str, Any] = {
        "name": "social-value-hub-case-studies",
        "title": TITLE,
        "description": DESCRIPTION,
        "licenses": [LICENCE],
        "resources": [
            {
                "name": "case-studies",
                "path": CSV_PATH.rsplit("/", 1)[1],
                "profile": "tabular-data-resource",
                "title": "Case studies (CSV)",
                "description": "One row per case study. A cell that a spreadsheet would read as a formula "
                               "starts with an apostrophe.",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "dialect": {"delimiter": ",", "lineTerminator": "\r\n", "quoteChar": '"', "header": True},
                "schema": table_schema(vocab),
                "licenses": [LICENCE],
            },
        ],
    }
    if site_url:
        package["homepage"] = f"{site_url}about/data-dictionary/"
    return package


def csvw_metadata(vocab: Vocabularies, site_url: str) -> dict[str, Any]:
    """CSV on the Web (W3C) metadata: the same columns, for CSVW tools."""
    columns = []
    for name in COLUMNS:
        column = FIELDS[name]
        datatype: Any = {"string": "string", "integer": "integer", "number": "decimal", "date": "date"}[column.type]
        if column.vocabulary and not column.separator:
            values = _values(vocab, column)
            datatype = {"base": "string", "format": "|".join(re.escape(v) for v in values)}
        spec: dict[str, Any] = {"name": name, "titles": name, "dc:description": column.description,
                                "datatype": datatype, "required": column.required}
        if column.separator:
            spec["separator"] = column.separator.strip() or " "
        columns.append(spec)
    metadata: dict[str, Any] = {
        "@context": ["http://www.w3.org/ns/csvw", {"@language": "en"}],
        "url": CSV_PATH.rsplit("/", 1)[1],
        "dc:title": TITLE,
        "dc:description": DESCRIPTION,
        "dc:license": {"@id": LICENCE["path"]},
        "dialect": {"encoding": "utf-8", "header": True, "lineTerminators": ["\r\n"], "skipInitialSpace": False},
        "tableSchema": {"columns": columns, "primaryKey": "slug"},
    }
    if site_url:
        metadata["dc:publisher"] = {"schema:name": "Social Value Hub", "schema:url": {"@id": site_url}}
    return metadata


def _json(data: dict[str, Any]) -> bytes:
    return (json.dumps(data, indent=2, ensure_ascii=False, allow_nan=False) + "\n").encode("utf-8")


def open_data_files(vocab: Vocabularies, site_url: str) -> list[GeneratedFile]:
    return [
        GeneratedFile(PACKAGE_PATH, _json(data_package(vocab, site_url))),
        GeneratedFile(CSVW_PATH, _json(csvw_metadata(vocab, site_url))),
        GeneratedFile(SCHEMA_PATH, schema_text(vocab).encode("utf-8")),
    ]


REUSE_LINKS = (
    (CSV_PATH, "Every case study as CSV", "one row per case study, for spreadsheets"),
    (JSON_PATH, "Every case study as JSON", "every field, as the case-study files hold it"),
    (PACKAGE_PATH, "Data package", "a Frictionless Data Package describing the CSV: its columns, "
                   "types, allowed values and licence"),
    (CSVW_PATH, "CSVW metadata", "the same description as CSV on the Web (W3C) metadata"),
    (SCHEMA_PATH, "Case-study JSON Schema", "the schema every case-study file is checked against"),
)
