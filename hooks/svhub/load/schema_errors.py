"""JSON Schema errors as messages an editor can act on: one per value, at its
line, in plain words, with a hint and a 'did you mean' where one helps."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

import jsonschema

from ..structure.vocabularies import Vocabularies
from .deeplinks import HINT as DEEP_LINK_HINT
from .deeplinks import home_page_message
from .frontmatter import Document
from .messages import Report, did_you_mean, field_name
from .schema import VOCABULARY_KEY, build_schema


@lru_cache(maxsize=4)
def _validator(vocab: Vocabularies) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(build_schema(vocab))


def _describe_type(schema_type: Any) -> str:
    words = {"string": "text", "integer": "a whole number", "number": "a number",
             "array": "a list", "object": "a set of 'key: value' fields", "boolean": "true or false"}
    if isinstance(schema_type, list):
        return " or ".join(words.get(t, t) for t in schema_type)
    return words.get(schema_type, str(schema_type))


def schema_problems(doc: Document, vocab: Vocabularies, report: Report) -> None:
    errors = sorted(_validator(vocab).iter_errors(doc.data), key=lambda e: list(map(str, e.absolute_path)))
    wrong_type = {tuple(e.absolute_path) for e in errors if e.validator == "type"}
    for error in errors:
        path = tuple(error.absolute_path)
        if path in wrong_type and error.validator != "type":
            continue  # one message per value: its type is the thing to fix
        name = field_name(path) or "front matter"
        validator = error.validator
        if validator == "additionalProperties":
            allowed = list(error.schema.get("properties", {}))
            for key in sorted(set(error.instance) - set(allowed), key=str):
                report.at(
                    path + (key,),
                    f"unknown field '{key}'{did_you_mean(key, allowed)}",
                    f"allowed here: {', '.join(allowed)}",
                    key=True,
                )
        elif validator == "required":
            missing = re.findall(r"'([^']+)' is a required property", error.message)
            field_ = missing[0] if missing else error.message
            where = f" in '{name}'" if path else ""
            report.at(path, f"missing required field '{field_}'{where}",
                      "see casestudies/wakefield-school-milk.md for a complete example")
        elif validator == "enum":
            vocabulary = error.schema.get(VOCABULARY_KEY)
            value = error.instance
            hint = f"allowed values are listed under '{vocabulary}' in casestudies/vocabularies.yml" if vocabulary else ""
            meanings = vocab[vocabulary].meanings if vocabulary in vocab.by_name else None
            report.at(path, f"'{value}' is not a valid value for '{name}'"
                            f"{did_you_mean(value, error.validator_value, meanings)}", hint)
        elif validator == "type":
            report.at(path, f"'{name}' must be {_describe_type(error.validator_value)}",
                      "check the indentation and the example file")
        elif validator == "maxLength":
            report.at(path, f"'{name}' is {len(error.instance)} characters long; the limit is {error.validator_value}",
                      "shorten it")
        elif validator == "minLength":
            report.at(path, f"'{name}' is too short (at least {error.validator_value} characters)",
                      "write a fuller value")
        elif validator == "pattern":
            report.at(path, _pattern_message(name, error.instance, error.validator_value),
                      _pattern_hint(error.validator_value))
        elif validator == "minItems":
            report.at(path, f"'{name}' needs at least {error.validator_value} item(s)", "add one")
        elif validator == "uniqueItems":
            report.at(path, f"'{name}' lists the same value twice", "remove the repeat")
        elif validator == "dependentRequired":
            needs = next(
                (f"'{k}' needs '{d}'" for k, deps in error.validator_value.items()
                 if k in error.instance for d in deps if d not in error.instance),
                error.message,
            )
            report.at(path, f"in '{name or 'front matter'}': {needs}", "add the missing field")
        elif validator in ("minimum", "maximum"):
            bound = "at least" if validator == "minimum" else "at most"
            report.at(path, f"'{name}' must be {bound} {error.validator_value}", "")
        elif validator == "not" and path and path[-1] == "url":
            report.at(path, home_page_message(name, error.instance), DEEP_LINK_HINT)
        elif validator == "oneOf":
            report.at(path, f"'{name}' must be a year (2014) or a date (YYYY-MM-DD)", "")
        else:
            report.at(path, f"'{name}': {error.message}", "")


def _pattern_message(name: str, value: str, pattern: str) -> str:
    if "https?" in pattern:
        return f"'{name}' must be an http:// or https:// web address, not '{value[:60]}'"
    if "[0-9]{4}" in pattern:
        return f"'{name}' must be a date written YYYY-MM-DD, not '{value}'"
    return f"'{name}' must be lowercase words joined by hyphens, not '{value}'"


def _pattern_hint(pattern: str) -> str:
    if "https?" in pattern:
        return "link to the public web page of the source; other schemes are refused for safety"
    if "[0-9]{4}" in pattern:
        return "for example 2026-11-24"
    return "for example 'school-food'"
