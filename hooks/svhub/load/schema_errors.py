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
    for path, message, hint, key in schema_messages(_validator(vocab), doc.data, vocab):
        report.at(path, message, hint, key=key)


def answer_problem(value: Any, schema: dict, path: tuple, vocab: Vocabularies) -> str | None:
    """The validator's own message for one answer at `path` (for the scaffold), or None."""
    for _path, message, hint, _key in schema_messages(jsonschema.Draft202012Validator(schema), value, vocab, path):
        return f"{message}; {hint}" if hint else message
    return None


Message = tuple[tuple, str, str, bool]  # (path, message, hint, whether it is about the key)


def schema_messages(validator: jsonschema.Draft202012Validator, instance: Any, vocab: Vocabularies,
                    prefix: tuple = ()) -> list[Message]:
    """Each JSON Schema error as a message an editor can act on; `prefix` is where
    `instance` sits in the front matter, so that fields are named as the file names them."""
    found: list[Message] = []
    errors = sorted(validator.iter_errors(instance), key=lambda e: list(map(str, e.absolute_path)))
    wrong_type = {tuple(e.absolute_path) for e in errors if e.validator == "type"}
    for error in errors:
        path = prefix + tuple(error.absolute_path)
        if path[len(prefix):] in wrong_type and error.validator != "type":
            continue  # one message per value: its type is the thing to fix
        name = field_name(path) or "front matter"
        validator = error.validator
        if validator == "additionalProperties":
            allowed = list(error.schema.get("properties", {}))
            for key in sorted(set(error.instance) - set(allowed), key=str):
                found.append((path + (key,), f"unknown field '{key}'{did_you_mean(key, allowed)}",
                              f"allowed here: {', '.join(allowed)}", True))
        elif validator == "required":
            missing = re.findall(r"'([^']+)' is a required property", error.message)
            field_ = missing[0] if missing else error.message
            where = f" in '{name}'" if path else ""
            found.append((path, f"missing required field '{field_}'{where}",
                          "see casestudies/wakefield-school-milk.md for a complete example", False))
        elif validator == "enum":
            vocabulary = error.schema.get(VOCABULARY_KEY)
            value = error.instance
            hint = f"allowed values are listed under '{vocabulary}' in casestudies/vocabularies.yml" if vocabulary else ""
            meanings = vocab[vocabulary].meanings if vocabulary in vocab.by_name else None
            found.append((path, f"'{value}' is not a valid value for '{name}'"
                            f"{did_you_mean(value, error.validator_value, meanings)}", hint, False))
        elif validator == "type":
            found.append((path, f"'{name}' must be {_describe_type(error.validator_value)}",
                          "check the indentation and the example file", False))
        elif validator == "maxLength":
            found.append((path, f"'{name}' is {len(error.instance)} characters long; "
                                f"the limit is {error.validator_value}",
                          "shorten it", False))
        elif validator == "minLength":
            found.append((path, f"'{name}' is too short (at least {error.validator_value} characters)",
                          "write a fuller value", False))
        elif validator == "pattern":
            found.append((path, _pattern_message(name, error.instance, error.validator_value),
                          _pattern_hint(error.validator_value), False))
        elif validator == "minItems":
            found.append((path, f"'{name}' needs at least {error.validator_value} item(s)", "add one", False))
        elif validator == "uniqueItems":
            found.append((path, f"'{name}' lists the same value twice", "remove the repeat", False))
        elif validator == "dependentRequired":
            needs = next(
                (f"'{k}' needs '{d}'" for k, deps in error.validator_value.items()
                 if k in error.instance for d in deps if d not in error.instance),
                error.message,
            )
            found.append((path, f"in '{name or 'front matter'}': {needs}", "add the missing field", False))
        elif validator in ("minimum", "maximum"):
            bound = "at least" if validator == "minimum" else "at most"
            found.append((path, f"'{name}' must be {bound} {error.validator_value}", "", False))
        elif validator == "not" and path and path[-1] == "url":
            found.append((path, home_page_message(name, error.instance), DEEP_LINK_HINT, False))
        elif validator == "oneOf":
            found.append((path, f"'{name}' must be a year (2014) or a date (YYYY-MM-DD)", "", False))
        else:
            found.append((path, f"'{name}': {error.message}", "", False))
    return found


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
