"""A JSON Schema for every file in content/_data/, written once here.

The reference data is checked as the case studies are: the loader
(load.datafiles) validates each file against its schema and reports each
mistake at its line through load.schema_errors. A source is the same shape
everywhere: a deep link with a title and a publisher, or `instrument: <id>`
with an optional `part`, resolved from the register.
"""

from __future__ import annotations

from typing import Any

from .deeplinks import HOME_PAGE_PATTERN
from .schema import DATE_PATTERN, NOUN_KEY, SLUG_PATTERN, URL_PATTERN

Schema = dict[str, Any]
# A source's date, as a publisher gives it: a year, a year and month, or a day.
PARTIAL_DATE_PATTERN = r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"
PART_PATTERN = r"^[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*$"
HISTORY_PATTERN = r"\S"
KEY_PATTERN = r"^[a-z][a-z0-9_]*$"  # a column of a threshold table, a question's name, a vocabulary
INSTRUMENT_KINDS = ("act", "statutory-instrument", "policy-note", "guidance")
INSTRUMENT_STATUSES = ("in-force", "amended", "revoked", "replaced")
QUESTION_KINDS = ("text", "textarea", "number", "money", "date", "select", "radio", "checkboxes")
CONTRACT_KINDS = ("services", "works", "mixed-services")

TEXT: Schema = {"type": "string", "minLength": 1}
ID: Schema = {"type": "string", "pattern": SLUG_PATTERN}
DATE: Schema = {"type": "string", "pattern": DATE_PATTERN}
URL: Schema = {"type": "string", "pattern": URL_PATTERN, "not": {"pattern": HOME_PAGE_PATTERN}}
# A link within the site, written from its root (`case-studies/…/x.md`), or a web address.
HREF: Schema = {"type": "string", "minLength": 1}
HISTORY: Schema = {"type": "string", "pattern": HISTORY_PATTERN,
                   "description": 'when the passage stopped being current law, e.g. "Until 24 February 2025"'}


def record(properties: dict[str, Schema], required: tuple[str, ...] = (), **extra: Any) -> Schema:
    """A set of 'key: value' fields: these and no others."""
    return {"type": "object", "properties": properties, "required": list(required),
            "additionalProperties": False, **extra}


def listing(items: Schema, **extra: Any) -> Schema:
    return {"type": "array", "items": items, **extra}


def choice(noun: str, values: tuple[str, ...]) -> Schema:
    return {"type": "string", "enum": list(values), NOUN_KEY: noun}


WEB_SOURCE = record({"title": TEXT, "url": URL, "publisher": TEXT,
                     "date": {"type": "string", "pattern": PARTIAL_DATE_PATTERN},
                     "copy": {"type": "boolean"}}, ("title", "url", "publisher"))
INSTRUMENT_SOURCE = record({"instrument": ID, "part": {"type": "string", "pattern": PART_PATTERN}}, ("instrument",))
SOURCE: Schema = {"type": "object", "if": {"required": ["instrument"]},
                  "then": INSTRUMENT_SOURCE, "else": WEB_SOURCE}
SOURCES = listing(SOURCE)
LINK = record({"title": TEXT, "href": HREF}, ("title", "href"))


def entries(properties: dict[str, Schema], required: tuple[str, ...]) -> Schema:
    """A file that is a list of entries, each an id with its fields."""
    return listing(record(properties, required), minItems=1)


SCHEMAS: dict[str, Schema] = {
    "instruments": entries({
        "id": ID, "title": TEXT, "short": TEXT, "kind": choice("kind", INSTRUMENT_KINDS), "citation": TEXT,
        "extent": TEXT, "status": choice("status", INSTRUMENT_STATUSES), "status_date": DATE, "replaced_by": ID,
        "url": URL, "base": URL, "note": TEXT, "sources": SOURCES,
    }, ("id", "title", "kind", "status", "status_date", "url")),
    "duties": entries({
        "id": ID, "section": TEXT, "title": TEXT, "duty": TEXT, "does_not_require": TEXT, "sources": SOURCES,
        "history": HISTORY,
    }, ("id", "section", "title", "duty")),
    "thresholds": entries({
        "id": ID, "title": TEXT, "row_heading": TEXT, "intro": TEXT,
        "columns": listing(record({"key": {"type": "string", "pattern": KEY_PATTERN}, "label": TEXT}, ("key", "label")),
                           minItems=1),
        # A row gives a figure under each column's key, beside these fields.
        "rows": listing({"type": "object", "required": ["contract"],
                         "properties": {"id": ID, "contract": TEXT, "checked": TEXT, "sources": SOURCES},
                         "additionalProperties": {"type": "string"}}, minItems=1),
        "notes": listing(TEXT), "sources": SOURCES, "history": HISTORY,
    }, ("id", "title", "columns", "rows")),
    "timeline": entries({
        "date": {"type": "string", "pattern": PARTIAL_DATE_PATTERN},
        "title": TEXT, "what_changed": TEXT, "applies_to": TEXT, "sources": SOURCES,
    }, ("date", "title", "what_changed")),
    # A route of help today says who runs it and where; a past offer (history) what became of it.
    "support": listing(record({
        "id": ID, "name": TEXT, "body": TEXT, "what": TEXT, "who_for": TEXT, "status": TEXT,
        "where": record({"title": TEXT, "url": URL}, ("title", "url")), "sources": SOURCES, "history": HISTORY,
    }, ("id", "name", "what", "who_for"), **{"if": {"required": ["history"]}, "then": {"required": ["status"]},
                                             "else": {"required": ["body", "where"]}}), minItems=1),
    "barriers": entries({
        "id": ID, "barrier": TEXT, "answer": TEXT, "links": listing(LINK), "sources": SOURCES, "history": HISTORY,
    }, ("id", "barrier", "answer", "links")),
    "glossary": entries({
        "id": ID, "term": TEXT, "abbr": TEXT, "definition": TEXT, "see": HREF, "sources": SOURCES,
        "history": HISTORY,
    }, ("id", "term", "definition")),
    "open": entries({
        "id": ID, "pages": listing(ID, minItems=1), "question": TEXT, "detail": TEXT, "searched": TEXT,
        "check": record({"title": TEXT, "url": URL}, ("title", "url")),
    }, ("id", "pages", "question", "detail", "searched", "check")),
    "scope": entries({
        "id": ID, "title": TEXT, "table": ID, "authority": TEXT, "value": {"type": "integer", "minimum": 0},
        "parts": listing(record({"name": TEXT, "why": TEXT, "kind": choice("kind", CONTRACT_KINDS), "row": ID},
                                ("name", "why", "kind", "row")), minItems=1),
    }, ("id", "title", "table", "authority", "value", "parts")),
    "collections": record({
        "owner": ID, "last_reviewed": DATE, "review_by": DATE, "intro": TEXT, "thin": TEXT, "sources": SOURCES,
    }, ("owner", "last_reviewed", "review_by", "intro", "thin")),
}

# Answers a part of the record needs: a question's name, and the values that match.
ANSWERS: Schema = {"type": "object", "additionalProperties": listing(ID, minItems=1)}
_QUESTION = record({
    "name": {"type": "string", "pattern": KEY_PATTERN}, "label": TEXT,
    "kind": choice("kind of question", QUESTION_KINDS), "vocabulary": {"type": "string", "pattern": KEY_PATTERN},
    "options": {"oneOf": [{"const": "nations"},
                          listing(record({"id": TEXT, "label": TEXT}, ("id", "label")), minItems=1)]},
    "help": listing(LINK), "guide": HREF,
    # Its answers choose the examples from the library (the values of its vocabulary, or a nation's regions).
    "examples": {"type": "boolean"},
    # Shown only when the answers match, as a regime's `when`; and what the record calls it then.
    "when": ANSWERS,
    "record_labels": listing(record({"when": ANSWERS, "label": TEXT}, ("label",)), minItems=1),
}, ("name", "label", "kind"))
SCHEMAS["record"] = record({
    "version": {"type": "integer", "minimum": 1},
    "nations": listing(record({"id": ID, "label": TEXT, "regions": listing(ID, minItems=1)},
                              ("id", "label", "regions")), minItems=1),
    "steps": listing(record({
        "id": ID, "title": TEXT, "good_answer": TEXT, "duties": listing(ID), "regimes": listing(ID),
        "clauses": listing(record({"label": TEXT, "url": URL, "instrument": ID}, ("label", "url"))),
        "questions": listing(_QUESTION, minItems=1),
    }, ("id", "title")), minItems=1),
    "regimes": listing(record({
        "id": ID, "duty": ID, "provision": TEXT, "title": TEXT, "instrument": ID,
        "part": {"type": "string", "pattern": PART_PATTERN}, "url": URL, "applies": TEXT, "note": TEXT,
        "when": ANSWERS,
        "at_threshold": record({"table": ID, "rows": {"type": "object", "additionalProperties": ID}},
                               ("table", "rows")),
        "value_at_least": {"type": "integer", "minimum": 0}, "value_over": {"type": "integer", "minimum": 0},
        "questions": listing(_QUESTION, minItems=1),
    }, ("id", "title", "questions"))),
}, ("version", "nations", "steps"))
