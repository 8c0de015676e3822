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


def _array(description: str, items: dict, *, min_items: int | None = None, unique: bool = False) -> dict:
    """A list of `items`: at least `min_items` of them, and each once when `unique`."""
    return ({"description": description, "type": "array"} | ({"minItems": min_items} if min_items else {})
            | ({"uniqueItems": True} if unique else {}) | {"items": items})


def _number(description: str, minimum: int, maximum: int, kind: str = "integer") -> dict:
    return {"description": description, "type": kind, "minimum": minimum, "maximum": maximum}


def _source() -> dict:
    """A source: the page that says a fact, and who published it."""
    return _object(
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


def _outcome(vocab: Vocabularies) -> dict:
    """An outcome: what was achieved or committed to, with its figure, unit and period."""
    return _object(
        "One thing the contract or policy achieved or committed to.",
        {
            "dimension": _enum(vocab, "dimension", "Which kind of well-being the Act names it serves."),
            "theme": _enum(vocab, "theme", "The outcome's theme; it must belong to the dimension."),
            "description": _text("What happened, in one or two plain sentences.", 600),
            "figure": _number("The number, exactly as the source gives it.", -NUMBER_MAX, NUMBER_MAX, "number"),
            "unit": _enum(vocab, "unit", "The figure's unit; required with a figure."),
            "status": _enum(
                vocab, "outcome_status",
                "Whether it was delivered, or only planned, pledged or forecast; 'will create' is not delivered.",
            ),
            "period": _text(
                "The year or period the outcome or figure refers to, e.g. '2016 to 2019' or '2021/22'; "
                "required with a figure.", 120),
            "evidence": _enum(vocab, "evidence", "How this outcome is evidenced, when it differs from the case study's."),
            "reported_by": _text(
                "Whose figure it is, when it is not the commissioner's, e.g. 'Wates (the contractor)'.", 200),
        },
        ["dimension", "theme", "description", "status"],
        dependentRequired={"figure": ["unit", "period"], "unit": ["figure"]},
    )


def _organisation_change() -> dict:
    """A body named in the case study that has changed since, with the sources that say so."""
    return _object(
        "A body named in the case study that has since been merged, renamed, abolished or replaced.",
        {
            "organisation": _text("Its name, exactly as the commissioner, provider or a partner is named.", 200),
            "change": {"description": "What happened to it: " + ", ".join(CHANGES[:-1]) + " or " + CHANGES[-1] + ".",
                       "type": "string", "enum": list(CHANGES)},
            "date": _date("When the change took effect (YYYY-MM-DD)."),
            "now": _text("What it is now, e.g. the body that took over its work.", 300),
            "sources": _array("Deep links that say so; at least one.", _source(), min_items=1),
        },
        ["organisation", "change", "date", "now", "sources"],
    )


def _notice_id(description: str) -> dict:
    return {"description": description, "type": "string", "pattern": NOTICE_ID_PATTERN}


def _procurement_act(vocab: Vocabularies) -> dict:
    """What a contract's Procurement Act 2023 notices publish: the notices, KPIs and ratings."""
    notice = _object("One notice.", {
        "id": _notice_id("The notice's identifier as published, e.g. '012345-2025'."),
        "type": {"description": "The notice type's code as published, e.g. UK6 (contract award "
                                "notice) or UK9 (contract performance notice).",
                 "type": "string", "pattern": NOTICE_TYPE_PATTERN},
        "url": _url("The notice's own page."),
        "date": _date("When the notice was published (YYYY-MM-DD)."),
    }, ["id"])
    kpi = _object("One key performance indicator.", {
        "name": _text("The indicator, as published.", 300),
        "target": _text("Its target, as published.", 200),
    }, ["name"])
    rating = _object("One rating from a contract performance notice.", {
        "rating": _enum(vocab, "performance_rating", "The rating the notice gives."),
        "period": _text("The period the rating covers.", 120),
        "notice": _notice_id("The identifier of the contract performance notice."),
        "kpi": _text("The indicator rated, where the notice names one.", 300),
    }, ["rating", "period"])
    return _object(
        "What the Procurement Act 2023 notices of the contract publish, only for a contract let under that Act.",
        {
            "notices": _array("The contract's notices on Find a Tender, as published.", notice, min_items=1),
            "kpis": _array("The key performance indicators the contract details notice publishes (s.52).", kpi,
                           min_items=1),
            "performance": _array("Ratings from contract performance notices (s.71), latest last.", rating,
                                  min_items=1),
        },
        [],
    )


def _who(vocab: Vocabularies) -> dict:
    """The properties that say what it is and who took part: title to review_example."""
    name = _text("The organisation's name.", 200)
    return {
        "title": _text("The case study's headline.", TITLE_LENGTH[1], TITLE_LENGTH[0]),
        "summary": _text("One or two plain-text sentences for listings and search results.", SUMMARY_MAX),
        "kind": _enum(vocab, "kind", "Whether this is one contract, a framework, a policy or a programme."),
        "commissioner": _object(
            "The public body that bought the service or set the policy.",
            {
                "name": name,
                "type": _enum(vocab, "commissioner_type", "What kind of public body it is."),
                "region": _enum(vocab, "region", "Where it is: a UK ITL1 region, England-wide or UK-wide."),
            },
            ["name", "type", "region"],
        ),
        "partners": _array("Other organisations that bought or designed it together with the commissioner.",
                           _text("A partner organisation's name.", 200)),
        "provider": _object(
            "Who delivers the service.",
            {"name": name, "type": _enum(vocab, "provider_type", "What kind of organisation it is.")},
            ["name", "type"],
        ),
        "service": _enum(vocab, "service", "The service area."),
        "review_example": _enum(
            vocab,
            "review_example",
            "One of the six contract types the 2014 One Year On review named, when this is such a contract.",
        ),
    }


def _contract(vocab: Vocabularies) -> dict:
    """The contract's facts, each only where a source gives it."""
    return _object(
        "Facts about the contract, each only where the source gives it.",
        {
            "awarded": _year_or_date(
                "Year (2014) or date (YYYY-MM-DD) the contract was awarded, only when a source "
                "states the award; a start date goes in 'started', a publication date in the source."
            ),
            "started": _year_or_date("Year (2014) or date (YYYY-MM-DD) the service started, when a source says."),
            "value_gbp": _number("Value in whole pounds; needs value_basis.", 0, NUMBER_MAX),
            "value_basis": _enum(vocab, "value_basis", "Whether value_gbp is the total or a year's value."),
            "duration_months": _number("Length of the contract in months.", 1, 600),
            "social_value_weighting_pct": _number("Share of the award score given to social value, in percent.",
                                                  0, 100, "number"),
        },
        [],
        dependentRequired={"value_gbp": ["value_basis"], "value_basis": ["value_gbp"]},
    )


def _what_came_of_it(vocab: Vocabularies) -> dict:
    """The properties that say how and with what result: stages to tags."""
    return {
        "stages": _array("Where in the commissioning cycle social value was applied.",
                         _enum(vocab, "stage", "A commissioning stage."), min_items=1, unique=True),
        "outcomes": _array("What came of it, grouped on the page by the Act's three kinds of well-being.",
                           _outcome(vocab), min_items=1),
        "evidence": _enum(vocab, "evidence", "How the case study's figures are evidenced overall."),
        "organisation_changes": _array(
            "Bodies in the case study that have since been merged, renamed, abolished or replaced.",
            _organisation_change()),
        "sources": _array("Public sources for every fact; at least one.", _source(), min_items=1),
        "tags": _array("Free keywords in kebab-case, for search.",
                       {"type": "string", "pattern": SLUG_PATTERN, "maxLength": 40}, unique=True),
    }


def _upkeep(vocab: Vocabularies) -> dict:
    """Who keeps it and when it was published, checked and is due again."""
    return {
        "owner": _enum(vocab, "owner", "Who keeps this case study current."),
        "published": _date("When the case study was first published (YYYY-MM-DD)."),
        "last_reviewed": _date("When it was last checked against its sources; not before published."),
        "review_by": _date("When it is next due for review; after last_reviewed."),
    }


def _frameworks(vocab: Vocabularies) -> dict:
    """The frameworks the procurement used, one list of vocabulary values each (FRAMEWORKS)."""
    return _object(
        "The frameworks its sources say the procurement used: tag a value only where a source says so.",
        {key: _array(description, _enum(vocab, name, description), min_items=1, unique=True)
         for key, (name, description) in FRAMEWORKS.items()},
        [],
    )


def _when_and_under_what(vocab: Vocabularies) -> dict:
    """The finder's year, what it is the year of, and the law or policy it was run under."""
    return {
        "year": _number("The year the contract was let, or the service, programme or policy started, "
                        "as a source states it; needs year_basis. The finder's year filter uses it.",
                        YEAR_MIN, YEAR_MAX),
        "year_basis": _enum(vocab, "year_basis", "What the year is the year of; needs year."),
        "regimes": _array("The law or policy the procurement was run under, only where a source says so "
                          "or its dates make it certain.",
                          _enum(vocab, "regime", "A law or policy note."), min_items=1, unique=True),
    }


# What every case study must say.
REQUIRED = ("title", "summary", "kind", "commissioner", "service", "stages", "outcomes", "evidence", "sources",
            "owner", "published", "last_reviewed", "review_by")


def build_schema(vocab: Vocabularies) -> dict:
    """The whole schema: its properties in the order editors read them."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Social Value Hub case study",
        "description": "Front matter of one case study in casestudies/<slug>.md.",
        "type": "object",
        "additionalProperties": False,
        "required": list(REQUIRED),
        "dependentRequired": {"year": ["year_basis"], "year_basis": ["year"]},
        "properties": {
            **_who(vocab), "contract": _contract(vocab), **_what_came_of_it(vocab), **_upkeep(vocab),
            "frameworks": _frameworks(vocab), **_when_and_under_what(vocab),
            "procurement_act": _procurement_act(vocab),
        },
    }


def schema_text(vocab: Vocabularies) -> str:
    return json.dumps(build_schema(vocab), indent=2, ensure_ascii=False, allow_nan=False) + "\n"
