"""JSON Schema errors as messages an editor can act on: one per value, at its
line, in plain words, with a hint and a 'did you mean' where one helps.

Case studies and the reference data (content/_data/) go through the same
table of rules, one per JSON Schema keyword; a file differs only in where its
editor finds an example (`Guide`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import jsonschema
from jsonschema.exceptions import ValidationError

from ..structure.vocabularies import Vocabularies
from .dataschema import HISTORY_PATTERN, KEY_PATTERN, PART_PATTERN, PARTIAL_DATE_PATTERN
from .deeplinks import HINT as DEEP_LINK_HINT
from .deeplinks import home_page_message
from .frontmatter import Document
from .messages import Report, did_you_mean, field_name
from .schema import (
    DATE_PATTERN,
    NOTICE_ID_PATTERN,
    NOTICE_TYPE_PATTERN,
    NOUN_KEY,
    SLUG_PATTERN,
    URL_PATTERN,
    VOCABULARY_KEY,
    build_schema,
)

TYPE_WORDS = {"string": "text", "integer": "a whole number", "number": "a number",
              "array": "a list", "object": "a set of 'key: value' fields", "boolean": "true or false"}
# Each pattern the schemas use, by its constant: what a value that misses it must be, and an example.
PATTERNS: dict[str, tuple[str, str]] = {
    URL_PATTERN: ("an http:// or https:// web address",
                  "link to the public web page of the source; other schemes are refused for safety"),
    DATE_PATTERN: ("a date written YYYY-MM-DD", "for example 2026-11-24"),
    SLUG_PATTERN: ("lowercase words joined by hyphens", "for example 'school-food'"),
    NOTICE_ID_PATTERN: ("a Find a Tender notice id such as 012345-2025", "copy it from the notice's page"),
    NOTICE_TYPE_PATTERN: ("a notice type such as UK4", "the type is on the notice's page"),
    PARTIAL_DATE_PATTERN: ("a year, a month or a date: 2024, 2024-03 or 2024-03-31", "as the publisher dates it"),
    PART_PATTERN: ("a part of an instrument, such as section/1", "the path after the instrument's 'base'"),
    HISTORY_PATTERN: ("text that says when", 'for example history: "Until 24 February 2025"'),
    KEY_PATTERN: ("lowercase words joined by underscores", "for example from_2026"),
}


@dataclass(frozen=True)
class Guide:
    """Where the editor of one kind of file sees a complete, valid example."""

    example: str = "see casestudies/wakefield-school-milk.md for a complete example"
    layout: str = "check the indentation and the example file"
    vocabularies: str = "casestudies/vocabularies.yml"
    # For each vocabulary, what people mean by their words ('completed' is 'delivered'),
    # so that a did-you-mean follows meaning as well as spelling.
    meanings: Mapping[str, Mapping[str, str]] = field(default_factory=dict)


CASE_STUDY = Guide()
Rule = Callable[[ValidationError, tuple, str, Report, Guide], None]


def _unknown_field(error: ValidationError, path: tuple, name: str, report: Report, guide: Guide) -> None:
    allowed = list(error.schema.get("properties", {}))
    for key in sorted(set(error.instance) - set(allowed), key=str):
        report.at(path + (key,), f"unknown field '{key}'{did_you_mean(key, allowed)}",
                  f"allowed here: {', '.join(allowed)}", key=True)


def _required(error: ValidationError, path: tuple, name: str, report: Report, guide: Guide) -> None:
    where = f" in '{name}'" if path else ""
    for field_ in (f for f in error.validator_value if f not in error.instance):
        report.at(path, f"missing required field '{field_}'{where}", guide.example)


def _enum(error: ValidationError, path: tuple, name: str, report: Report, guide: Guide) -> None:
    value, choices = error.instance, error.validator_value
    if noun := error.schema.get(NOUN_KEY):
        report.at(path, f"'{value}' is not a valid {noun}{did_you_mean(value, choices)}",
                  f"{noun} is one of: {', '.join(map(str, choices))}")
        return
    vocabulary = error.schema.get(VOCABULARY_KEY)
    hint = f"allowed values are listed under '{vocabulary}' in {guide.vocabularies}" if vocabulary else ""
    meant = did_you_mean(value, choices, guide.meanings.get(vocabulary))
    report.at(path, f"'{value}' is not a valid value for '{name}'{meant}", hint)


def _type(error: ValidationError, path: tuple, name: str, report: Report, guide: Guide) -> None:
    wanted = error.validator_value
    words = " or ".join(TYPE_WORDS.get(t, t) for t in (wanted if isinstance(wanted, list) else [wanted]))
    report.at(path, f"'{name}' must be {words}", guide.layout)


def _pattern(error: ValidationError, path: tuple, name: str, report: Report, guide: Guide) -> None:
    what, hint = PATTERNS.get(error.validator_value, ("in the form the schema gives", guide.example))
    value = str(error.instance)
    shown = value[:60] if error.validator_value == URL_PATTERN else value
    report.at(path, f"'{name}' must be {what}, not '{shown}'", hint)


def _dependent(error: ValidationError, path: tuple, name: str, report: Report, guide: Guide) -> None:
    needs = next((f"'{k}' needs '{d}'" for k, deps in error.validator_value.items()
                  if k in error.instance for d in deps if d not in error.instance), error.message)
    report.at(path, f"in '{name or 'front matter'}': {needs}", "add the missing field")


def _bound(word: str) -> Rule:
    def rule(error: ValidationError, path: tuple, name: str, report: Report, guide: Guide) -> None:
        report.at(path, f"'{name}' must be {word} {error.validator_value}", "")
    return rule


def _not(error: ValidationError, path: tuple, name: str, report: Report, guide: Guide) -> None:
    if path and path[-1] in ("url", "href"):
        report.at(path, home_page_message(name, error.instance), DEEP_LINK_HINT)
    else:
        report.at(path, f"'{name}': {error.message}", "")


def _simple(message: str, hint: str) -> Rule:
    def rule(error: ValidationError, path: tuple, name: str, report: Report, guide: Guide) -> None:
        sized = isinstance(error.instance, str | list | dict)  # a oneOf or a bound may fail on a number
        report.at(path, message.format(name=name, limit=error.validator_value,
                                       length=len(error.instance) if sized else 0), hint)
    return rule


# One rule per JSON Schema keyword; a keyword not here is reported in the validator's words.
RULES: dict[str, Rule] = {
    "additionalProperties": _unknown_field,
    "required": _required,
    "enum": _enum,
    "type": _type,
    "pattern": _pattern,
    "dependentRequired": _dependent,
    "minimum": _bound("at least"),
    "maximum": _bound("at most"),
    "not": _not,
    "maxLength": _simple("'{name}' is {length} characters long; the limit is {limit}", "shorten it"),
    "minLength": _simple("'{name}' is too short (at least {limit} characters)", "write a fuller value"),
    "minItems": _simple("'{name}' needs at least {limit} item(s)", "add one"),
    "uniqueItems": _simple("'{name}' lists the same value twice", "remove the repeat"),
    "oneOf": _simple("'{name}' must be a year (2014) or a date (YYYY-MM-DD)", ""),
}


def report_errors(validator: jsonschema.Draft202012Validator, data: Any, report: Report,
                  guide: Guide = CASE_STUDY, prefix: tuple = ()) -> None:
    """Every schema error in `data`, one message per value, at its position. `prefix`
    is where `data` sits in its file, so that a field is named as the file names it."""
    errors = sorted(validator.iter_errors(data), key=lambda e: list(map(str, e.absolute_path)))
    wrong_type = {prefix + tuple(e.absolute_path) for e in errors if e.validator == "type"}
    seen: set[tuple] = set()
    for error in errors:
        path = prefix + tuple(error.absolute_path)
        if path in wrong_type and error.validator != "type":
            continue  # one message per value: its type is the thing to fix
        if error.validator == "required":
            if path in seen:
                continue  # `required` fails once per missing field; its rule names them all
            seen.add(path)
        name = field_name(path) or "front matter"
        rule = RULES.get(str(error.validator))
        if rule is None:
            report.at(path, f"'{name}': {error.message}", "")
        else:
            rule(error, path, name, report, guide)


@lru_cache(maxsize=4)
def _validator(vocab: Vocabularies) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(build_schema(vocab))


def _case_study_guide(vocab: Vocabularies) -> Guide:
    return Guide(meanings={name: vocabulary.meanings for name, vocabulary in vocab.by_name.items()})


def schema_problems(doc: Document, vocab: Vocabularies, report: Report) -> None:
    """A case study's front matter against the schema built from the vocabularies."""
    report_errors(_validator(vocab), doc.data, report, _case_study_guide(vocab))


def answer_problem(value: Any, schema: dict, path: tuple, vocab: Vocabularies) -> str | None:
    """The validator's own message for one answer at `path` in a case study (for the
    scaffold, which checks each answer as it is given), or None."""
    report = Report("")
    report_errors(jsonschema.Draft202012Validator(schema), value, report, _case_study_guide(vocab), path)
    if not report.items:
        return None
    first = report.items[0]
    return f"{first.message}; {first.hint}" if first.hint else first.message
