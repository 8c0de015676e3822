"""The one loader: a case-study file in, a typed CaseStudy or diagnostics out.

The MkDocs hooks, scripts/validate.py, scripts/compile.py and the tests all
come through here, so there is exactly one definition of a valid case study.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

import jsonschema

from ..config import HubPaths
from ..structure.casestudy import CaseStudy, Contract, Organisation, Outcome, Source
from ..structure.library import Library
from ..structure.vocabularies import Vocabularies, load_vocabularies
from . import frontmatter
from .crosscheck import check_library
from .frontmatter import Document, FrontMatterError, Position
from .messages import Diagnostic, Severity, did_you_mean, has_errors
from .narrative import check_narrative
from .schema import build_schema

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
SLUG_MAX = 80
RESERVED_SLUGS = {"index", "service", "theme", "region", "review-example", "assets", "data"}
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f]")

# Which vocabulary a schema enum comes from, by the field's last path element.
VOCABULARY_OF = {
    "type": None,  # commissioner_type or provider_type, decided by the parent
    "region": "region",
    "service": "service",
    "kind": "kind",
    "theme": "theme",
    "dimension": "dimension",
    "stages": "stage",
    "evidence": "evidence",
    "review_example": "review_example",
    "unit": "unit",
    "value_basis": "value_basis",
    "owner": "owner",
}


@dataclass
class LoadResult:
    path: str
    case_study: CaseStudy | None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    document: Document | None = field(default=None, repr=False)

    @property
    def ok(self) -> bool:
        return self.case_study is not None and not has_errors(self.diagnostics)


@lru_cache(maxsize=4)
def _validator(vocab: Vocabularies) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(build_schema(vocab))


class _Report:
    """Collects every problem in one file, so an editor fixes them in one go."""

    def __init__(self, path: str, doc: Document | None = None):
        self.path = path
        self.doc = doc
        self.items: list[Diagnostic] = []

    def add(self, position: Position, message: str, hint: str = "", severity=Severity.ERROR):
        self.items.append(Diagnostic(self.path, position.line, position.col, severity, message, hint))

    def at(self, path: tuple, message: str, hint: str = "", *, key: bool = False, severity=Severity.ERROR):
        assert self.doc is not None
        self.add(self.doc.where(path, key=key), message, hint, severity)


def _field_name(path: tuple) -> str:
    return ".".join(str(p) if isinstance(p, str) else f"[{p}]" for p in path).replace(".[", "[")


def _vocabulary_for(path: tuple) -> str | None:
    names = [p for p in path if isinstance(p, str)]
    if not names:
        return None
    if names[-1] == "type":
        return "provider_type" if "provider" in names else "commissioner_type"
    return VOCABULARY_OF.get(names[-1])


def _describe_type(schema_type: Any) -> str:
    words = {"string": "text", "integer": "a whole number", "number": "a number",
             "array": "a list", "object": "a set of 'key: value' fields", "boolean": "true or false"}
    if isinstance(schema_type, list):
        return " or ".join(words.get(t, t) for t in schema_type)
    return words.get(schema_type, str(schema_type))


def _schema_problems(doc: Document, vocab: Vocabularies, report: _Report) -> None:
    errors = sorted(_validator(vocab).iter_errors(doc.data), key=lambda e: list(map(str, e.absolute_path)))
    wrong_type = {tuple(e.absolute_path) for e in errors if e.validator == "type"}
    for error in errors:
        path = tuple(error.absolute_path)
        if path in wrong_type and error.validator != "type":
            continue  # one message per value: its type is the thing to fix
        name = _field_name(path) or "front matter"
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
            vocabulary = _vocabulary_for(path)
            value = error.instance
            hint = f"allowed values are listed under '{vocabulary}' in casestudies/vocabularies.yml" if vocabulary else ""
            report.at(path, f"'{value}' is not a valid value for '{name}'{did_you_mean(value, error.validator_value)}", hint)
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


def _parse_date(value: Any, path: tuple, report: _Report) -> date | None:
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError):
        report.at(path, f"'{_field_name(path)}' is not a real date: '{value}'", "check the month and day")
        return None


def _check_strings(value: Any, path: tuple, report: _Report) -> None:
    if isinstance(value, str):
        found = BIDI_CONTROLS.search(value)
        if found:
            report.at(path, f"'{_field_name(path)}' contains an invisible text-direction control character "
                            f"(U+{ord(found.group()):04X})",
                      "retype the text; these characters can make text display differently from how it reads")
    elif isinstance(value, dict):
        for key, item in value.items():
            _check_strings(item, path + (key,), report)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _check_strings(item, path + (index,), report)


def _list(value: Any) -> list:
    return value if isinstance(value, list) else []


def _cross_field_rules(data: dict, vocab: Vocabularies, report: _Report) -> dict[str, date | None]:
    """Rules JSON Schema cannot express: real dates, their order, themes' dimensions."""
    dates = {key: _parse_date(data[key], (key,), report) for key in ("published", "last_reviewed", "review_by")
             if isinstance(data.get(key), str)}
    published, reviewed, review_by = (dates.get(k) for k in ("published", "last_reviewed", "review_by"))
    if published and reviewed and reviewed < published:
        report.at(("last_reviewed",), f"last_reviewed ({reviewed}) is before published ({published})",
                  "a case study cannot be reviewed before it is published")
    if reviewed and review_by and review_by <= reviewed:
        report.at(("review_by",), f"review_by ({review_by}) must be after last_reviewed ({reviewed})",
                  "set the next review date, usually a year after the last review")
    contract = data.get("contract")
    if isinstance(contract, dict) and isinstance(contract.get("awarded"), str):
        dates["awarded"] = _parse_date(contract["awarded"], ("contract", "awarded"), report)
    for index, source in enumerate(_list(data.get("sources"))):
        if isinstance(source, dict) and isinstance(source.get("date"), str):
            _parse_date(source["date"], ("sources", index, "date"), report)
    for index, outcome in enumerate(_list(data.get("outcomes"))):
        if not isinstance(outcome, dict):
            continue
        theme, dimension = outcome.get("theme"), outcome.get("dimension")
        if isinstance(theme, str) and isinstance(dimension, str) and theme in vocab["theme"] \
                and dimension in vocab["dimension"]:
            expected = vocab["theme"].terms[theme].dimension
            if expected != dimension:
                report.at(("outcomes", index, "dimension"),
                          f"theme '{theme}' belongs to the '{expected}' dimension, not '{dimension}'",
                          f"set dimension: {expected}, or choose a theme from the {dimension} dimension")
    return dates


def _build(slug: str, path: str, doc: Document, dates: dict) -> CaseStudy:
    data = doc.data
    contract = dict(data.get("contract") or {})
    if "awarded" in dates:
        contract["awarded"] = dates["awarded"]
    provider = data.get("provider")
    return CaseStudy(
        slug=slug,
        path=path,
        title=data["title"].strip(),
        summary=" ".join(data["summary"].split()),
        kind=data["kind"],
        commissioner=Organisation(**data["commissioner"]),
        partners=tuple(data.get("partners") or ()),
        provider=Organisation(**provider) if provider else None,
        service=data["service"],
        review_example=data.get("review_example"),
        contract=Contract(**contract),
        stages=tuple(data["stages"]),
        outcomes=tuple(
            Outcome(
                dimension=o["dimension"],
                theme=o["theme"],
                description=" ".join(o["description"].split()),
                evidence=o.get("evidence", data["evidence"]),
                figure=o.get("figure"),
                unit=o.get("unit"),
            )
            for o in data["outcomes"]
        ),
        evidence=data["evidence"],
        sources=tuple(
            Source(s["title"], s["url"], s["publisher"], date.fromisoformat(s["date"]) if s.get("date") else None)
            for s in data["sources"]
        ),
        tags=tuple(data.get("tags") or ()),
        owner=data["owner"],
        published=dates["published"],
        last_reviewed=dates["last_reviewed"],
        review_by=dates["review_by"],
        body=doc.body,
    )


def _check_slug(slug: str, report: _Report) -> None:
    if not SLUG.match(slug) or len(slug) > SLUG_MAX:
        suggestion = re.sub(r"[^a-z0-9]+", "-", slug.lower()).strip("-")[:SLUG_MAX] or "my-case-study"
        report.add(Position(1, 1), f"the file name '{slug}.md' is not a valid slug",
                   f"use lowercase letters, digits and hyphens, at most {SLUG_MAX} characters, "
                   f"e.g. '{suggestion}.md'")
    elif slug in RESERVED_SLUGS:
        report.add(Position(1, 1), f"the file name '{slug}.md' is reserved for the site's own pages",
                   f"choose another name, e.g. '{slug}-case-study.md'")


def load_file(file: Path, vocab: Vocabularies | None = None, paths: HubPaths | None = None) -> LoadResult:
    paths = paths or HubPaths()
    vocab = vocab or load_vocabularies(paths.vocabularies)
    shown = paths.display(file)
    report = _Report(shown)
    slug = file.stem
    if file.suffix != ".md":
        report.add(Position(1, 1), "case-study files must end in '.md'", f"rename it to '{slug}.md'")
        return LoadResult(shown, None, report.items)
    _check_slug(slug, report)
    try:
        doc = frontmatter.parse(file.read_bytes())
    except FrontMatterError as exc:
        report.add(exc.position, exc.message, exc.hint)
        return LoadResult(shown, None, report.items)
    except OSError as exc:
        report.add(Position(1, 1), f"cannot read the file: {exc.strerror}", "check that it exists")
        return LoadResult(shown, None, report.items)
    report.doc = doc
    _schema_problems(doc, vocab, report)
    _check_strings(doc.data, (), report)
    dates = _cross_field_rules(doc.data, vocab, report)
    report.items.extend(check_narrative(shown, doc.body, doc.body_line))
    if has_errors(report.items):
        return LoadResult(shown, None, sorted(report.items), doc)
    return LoadResult(shown, _build(slug, shown, doc, dates), sorted(report.items), doc)


def casestudy_files(directory: Path) -> list[Path]:
    return sorted(p for p in directory.glob("*.md") if p.name.lower() != "readme.md")


@dataclass
class LibraryLoad:
    library: Library
    results: list[LoadResult]

    @property
    def diagnostics(self) -> list[Diagnostic]:
        return [d for r in self.results for d in r.diagnostics]

    @property
    def ok(self) -> bool:
        return not has_errors(self.diagnostics)


def load_library(files: Iterable[Path] | None = None, paths: HubPaths | None = None) -> LibraryLoad:
    paths = paths or HubPaths()
    vocab = load_vocabularies(paths.vocabularies)
    files = list(files) if files is not None else casestudy_files(paths.casestudies)
    results = [load_file(f, vocab, paths) for f in files]
    check_library(results)
    library = Library([r.case_study for r in results if r.ok], vocab)
    return LibraryLoad(library, results)
