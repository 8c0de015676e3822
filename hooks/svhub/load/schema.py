"""The JSON Schema for case-study front matter, made from the vocabularies.

The committed casestudies/schema.json is this function's output, so editors'
tools and the loader can never disagree (a test checks the file is current).
"""

from __future__ import annotations

import json

from ..structure.vocabularies import Vocabularies
from .deeplinks import HOME_PAGE_PATTERN

DATE_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
# The years the hub covers, for every form of a date (a year or YYYY-MM-DD).
YEAR_MIN, YEAR_MAX = 1990, 2100
# No figure or contract value in public services comes near a trillion.
NUMBER_MAX = 1_000_000_000_000
SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
URL_PATTERN = r"^https?://[^\s/?#]+\.[^\s]+$"
TITLE_LENGTH = (10, 120)
SUMMARY_MAX = 300
NOTICE_ID_PATTERN = r"^[0-9]{6}-[0-9]{4}$"  # Find a Tender's notice identifiers, e.g. 012345-2025
NOTICE_TYPE_PATTERN = r"^UK[0-9]{1,2}$"
CHANGES = ("merged", "renamed", "abolished", "replaced")


# Which vocabulary in casestudies/vocabularies.yml a field's values come from, so that
# messages and the data dictionary can point to it (an annotation validators ignore).
VOCABULARY_KEY = "x-vocabulary"
# What a reference-data file calls a field with fixed values ("status"), for its messages.
NOUN_KEY = "x-noun"


# The optional `frameworks` fields: their key, and the vocabulary each takes its values from.
FRAMEWORKS: dict[str, tuple[str, str]] = {
    "ppn_06_20_themes": ("ppn_06_20_theme", "PPN 06/20 Social Value Model themes the procurement used."),
    "ppn_06_20": ("ppn_06_20_outcome", "PPN 06/20 Social Value Model policy outcomes the procurement used."),
    "wellbeing_goals": ("wellbeing_goal", "Welsh well-being goals the procurement contributes to, as its sources say."),
    "toms_themes": ("toms_theme", "National TOMs themes the procurement measured social value against."),
}


def _enum(vocab: Vocabularies, name: str, description: str) -> dict:
    return {"description": description, "type": "string", "enum": vocab[name].values, VOCABULARY_KEY: name}


def _text(description: str, max_length: int = 500, min_length: int = 1) -> dict:
    return {
        "description": description,
        "type": "string",
        "minLength": min_length,
        "maxLength": max_length,
    }


def _date(description: str) -> dict:
    return {"description": description, "type": "string", "pattern": DATE_PATTERN}


def _object(description: str, properties: dict, required: list[str], **extra) -> dict:
    return {
        "description": description,
        "type": "object",
        "properties": properties,
        "required": required,
        "additionalProperties": False,
        **extra,
    }


def _url(description: str) -> dict:
    return {"description": description, "type": "string", "pattern": URL_PATTERN,
            "not": {"pattern": HOME_PAGE_PATTERN}, "maxLength": 2000}


def _year_or_date(description: str) -> dict:
    return {
        "description": description,
        "oneOf": [
            {"type": "integer", "minimum": YEAR_MIN, "maximum": YEAR_MAX},
            {"type": "string", "pattern": DATE_PATTERN},
        ],
    }


def build_schema(vocab: Vocabularies) -> dict:
    source = _object(
        "A public source for the case study's facts.",
        {
            "title": _text("The source's title, as published.", 300),
            "url": _url("Web address of the page that says it (a deep link, never a home page); "
                        "http or https only."),
            "publisher": _text("Who published the source.", 200),
            "date": _date("When the source was published (YYYY-MM-DD), if it says."),
            "copy": {
                "description": "True when the link is a copy on a mirror or document-sharing site, used only "
                               "where the publisher's own page is not available; the page labels it a copy.",
                "type": "boolean",
            },
        },
        ["title", "url", "publisher"],
    )
    outcome = _object(
        "One thing the contract or policy achieved or committed to.",
        {
            "dimension": _enum(
                vocab, "dimension", "Which kind of well-being the Act names it serves."
            ),
            "theme": _enum(vocab, "theme", "The outcome's theme; it must belong to the dimension."),
            "description": _text("What happened, in one or two plain sentences.", 600),
            "figure": {"description": "The number, exactly as the source gives it.", "type": "number",
                       "minimum": -NUMBER_MAX, "maximum": NUMBER_MAX},
            "unit": _enum(vocab, "unit", "The figure's unit; required with a figure."),
            "status": _enum(
                vocab, "outcome_status",
                "Whether it was delivered, or only planned, pledged or forecast; 'will create' is not delivered.",
            ),
            "period": _text(
                "The year or period the outcome or figure refers to, e.g. '2016 to 2019' or '2021/22'; "
                "required with a figure.", 120),
            "evidence": _enum(
                vocab, "evidence", "How this outcome is evidenced, when it differs from the case study's."
            ),
            "reported_by": _text(
                "Whose figure it is, when it is not the commissioner's, e.g. 'Wates (the contractor)'.", 200),
        },
        ["dimension", "theme", "description", "status"],
        dependentRequired={"figure": ["unit", "period"], "unit": ["figure"]},
    )
    organisation_change = _object(
        "A body named in the case study that has since been merged, renamed, abolished or replaced.",
        {
            "organisation": _text("Its name, exactly as the commissioner, provider or a partner is named.", 200),
            "change": {"description": "What happened to it: " + ", ".join(CHANGES[:-1]) + " or " + CHANGES[-1] + ".",
                       "type": "string", "enum": list(CHANGES)},
            "date": _date("When the change took effect (YYYY-MM-DD)."),
            "now": _text("What it is now, e.g. the body that took over its work.", 300),
            "sources": {
                "description": "Deep links that say so; at least one.",
                "type": "array",
                "minItems": 1,
                "items": source,
            },
        },
        ["organisation", "change", "date", "now", "sources"],
    )
    organisation = {
        "name": _text("The organisation's name.", 200),
    }
    procurement_act = _object(
        "What the Procurement Act 2023 notices of the contract publish, only for a contract let under that Act.",
        {
            "notices": {
                "description": "The contract's notices on Find a Tender, as published.",
                "type": "array",
                "minItems": 1,
                "items": _object(
                    "One notice.",
                    {
                        "id": {"description": "The notice's identifier as published, e.g. '012345-2025'.",
                               "type": "string", "pattern": NOTICE_ID_PATTERN},
                        "type": {"description": "The notice type's code as published, e.g. UK6 (contract award "
                                                "notice) or UK9 (contract performance notice).",
                                 "type": "string", "pattern": NOTICE_TYPE_PATTERN},
                        "url": _url("The notice's own page."),
                        "date": _date("When the notice was published (YYYY-MM-DD)."),
                    },
                    ["id"],
                ),
            },
            "kpis": {
                "description": "The key performance indicators the contract details notice publishes (s.52).",
                "type": "array",
                "minItems": 1,
                "items": _object(
                    "One key performance indicator.",
                    {
                        "name": _text("The indicator, as published.", 300),
                        "target": _text("Its target, as published.", 200),
                    },
                    ["name"],
                ),
            },
            "performance": {
                "description": "Ratings from contract performance notices (s.71), latest last.",
                "type": "array",
                "minItems": 1,
                "items": _object(
                    "One rating from a contract performance notice.",
                    {
                        "rating": _enum(vocab, "performance_rating", "The rating the notice gives."),
                        "period": _text("The period the rating covers.", 120),
                        "notice": {"description": "The identifier of the contract performance notice.",
                                   "type": "string", "pattern": NOTICE_ID_PATTERN},
                        "kpi": _text("The indicator rated, where the notice names one.", 300),
                    },
                    ["rating", "period"],
                ),
            },
        },
        [],
    )
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Social Value Hub case study",
        "description": "Front matter of one case study in casestudies/<slug>.md.",
        "type": "object",
        "additionalProperties": False,
        "required": [
            "title", "summary", "kind", "commissioner", "service", "stages",
            "outcomes", "evidence", "sources", "owner", "published",
            "last_reviewed", "review_by",
        ],
        "dependentRequired": {"year": ["year_basis"], "year_basis": ["year"]},
        "properties": {
            "title": _text("The case study's headline.", TITLE_LENGTH[1], TITLE_LENGTH[0]),
            "summary": _text(
                "One or two plain-text sentences for listings and search results.", SUMMARY_MAX
            ),
            "kind": _enum(vocab, "kind", "Whether this is one contract, a framework, a policy or a programme."),
            "commissioner": _object(
                "The public body that bought the service or set the policy.",
                {
                    **organisation,
                    "type": _enum(vocab, "commissioner_type", "What kind of public body it is."),
                    "region": _enum(vocab, "region", "Where it is: a UK ITL1 region, England-wide or UK-wide."),
                },
                ["name", "type", "region"],
            ),
            "partners": {
                "description": "Other organisations that bought or designed it together with the commissioner.",
                "type": "array",
                "items": _text("A partner organisation's name.", 200),
            },
            "provider": _object(
                "Who delivers the service.",
                {**organisation, "type": _enum(vocab, "provider_type", "What kind of organisation it is.")},
                ["name", "type"],
            ),
            "service": _enum(vocab, "service", "The service area."),
            "review_example": _enum(
                vocab,
                "review_example",
                "One of the six contract types the 2014 One Year On review named, when this is such a contract.",
            ),
            "contract": _object(
                "Facts about the contract, each only where the source gives it.",
                {
                    "awarded": _year_or_date(
                        "Year (2014) or date (YYYY-MM-DD) the contract was awarded, only when a source "
                        "states the award; a start date goes in 'started', a publication date in the source."
                    ),
                    "started": _year_or_date(
                        "Year (2014) or date (YYYY-MM-DD) the service started, when a source says."
                    ),
                    "value_gbp": {
                        "description": "Value in whole pounds; needs value_basis.",
                        "type": "integer",
                        "minimum": 0,
                        "maximum": NUMBER_MAX,
                    },
                    "value_basis": _enum(vocab, "value_basis", "Whether value_gbp is the total or a year's value."),
                    "duration_months": {
                        "description": "Length of the contract in months.",
                        "type": "integer",
                        "minimum": 1,
                        "maximum": 600,
                    },
                    "social_value_weighting_pct": {
                        "description": "Share of the award score given to social value, in percent.",
                        "type": "number",
                        "minimum": 0,
                        "maximum": 100,
                    },
                },
                [],
                dependentRequired={"value_gbp": ["value_basis"], "value_basis": ["value_gbp"]},
            ),
            "stages": {
                "description": "Where in the commissioning cycle social value was applied.",
                "type": "array",
                "minItems": 1,
                "uniqueItems": True,
                "items": _enum(vocab, "stage", "A commissioning stage."),
            },
            "outcomes": {
                "description": "What came of it, grouped on the page by the Act's three kinds of well-being.",
                "type": "array",
                "minItems": 1,
                "items": outcome,
            },
            "evidence": _enum(vocab, "evidence", "How the case study's figures are evidenced overall."),
            "organisation_changes": {
                "description": "Bodies in the case study that have since been merged, renamed, abolished or replaced.",
                "type": "array",
                "items": organisation_change,
            },
            "sources": {
                "description": "Public sources for every fact; at least one.",
                "type": "array",
                "minItems": 1,
                "items": source,
            },
            "tags": {
                "description": "Free keywords in kebab-case, for search.",
                "type": "array",
                "uniqueItems": True,
                "items": {"type": "string", "pattern": SLUG_PATTERN, "maxLength": 40},
            },
            "owner": _enum(vocab, "owner", "Who keeps this case study current."),
            "published": _date("When the case study was first published (YYYY-MM-DD)."),
            "last_reviewed": _date("When it was last checked against its sources; not before published."),
            "review_by": _date("When it is next due for review; after last_reviewed."),
            "frameworks": _object(
                "The frameworks its sources say the procurement used: tag a value only where a source says so.",
                {
                    key: {
                        "description": description,
                        "type": "array",
                        "minItems": 1,
                        "uniqueItems": True,
                        "items": _enum(vocab, name, description),
                    }
                    for key, (name, description) in FRAMEWORKS.items()
                },
                [],
            ),
            "year": {
                "description": "The year the contract was let, or the service, programme or policy started, "
                               "as a source states it; needs year_basis. The finder's year filter uses it.",
                "type": "integer",
                "minimum": YEAR_MIN,
                "maximum": YEAR_MAX,
            },
            "year_basis": _enum(vocab, "year_basis", "What the year is the year of; needs year."),
            "regimes": {
                "description": "The law or policy the procurement was run under, only where a source says so "
                               "or its dates make it certain.",
                "type": "array",
                "minItems": 1,
                "uniqueItems": True,
                "items": _enum(vocab, "regime", "A law or policy note."),
            },
            "procurement_act": procurement_act,
        },
    }


def schema_text(vocab: Vocabularies) -> str:
    return json.dumps(build_schema(vocab), indent=2, ensure_ascii=False, allow_nan=False) + "\n"
