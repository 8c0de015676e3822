"""Start a new case study: the questions an editor answers, how each answer is
checked, and the file that results.

Every answer is checked against the same JSON Schema the loader uses, and the
finished file goes through the loader itself, so a scaffolded case study is
valid by construction. The issue form and the data dictionary are made from
the same list of questions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from ..dates import parse_date
from ..load.narrative import RECOMMENDED_SECTIONS
from ..load.schema import build_schema
from ..structure.facets import (
    COMMISSIONER_TYPE,
    EVIDENCE,
    REGION,
    REVIEW_EXAMPLE,
    SERVICE,
    STAGES,
    VALUE,
    WEIGHTING,
    Facet,
)
from ..structure.vocabularies import Vocabularies

REVIEW_INTERVAL = timedelta(days=365)


@dataclass(frozen=True)
class Question:
    """One field an editor fills in, as a path into the front matter."""

    path: tuple[str, ...]
    label: str
    help: str
    vocabulary: str | None = None
    required: bool = True
    many: bool = False

    @property
    def flag(self) -> str:
        return "--" + "-".join(self.path).replace("_", "-")

    @property
    def dest(self) -> str:
        return "_".join(self.path)


def _about(facet: Facet, help: str, **options: bool) -> Question:
    """The question for a facet's field, named as the finder and the facet pages name it."""
    return Question(facet.path, facet.label, help, facet.vocabulary, **options)


QUESTIONS: tuple[Question, ...] = (
    Question(("title",), "Title", "A headline of 10 to 120 characters."),
    Question(("summary",), "Summary", "One or two plain sentences, at most 300 characters."),
    Question(("kind",), "Kind", "Is it one contract, a framework, a policy or a programme?", "kind"),
    Question(("commissioner", "name"), "Commissioner", "The public body that bought the service."),
    _about(COMMISSIONER_TYPE, "What kind of public body it is."),
    _about(REGION, "Where the commissioner is."),
    Question(("partners",), "Partners", "Other organisations involved, separated by commas.", required=False, many=True),
    Question(("provider", "name"), "Provider", "Who delivers the service (leave blank if none).", required=False),
    Question(("provider", "type"), "Provider type", "What kind of organisation the provider is.", "provider_type",
             required=False),
    _about(SERVICE, "The kind of service bought."),
    _about(REVIEW_EXAMPLE, "Only if it is one of the six kinds of contract; leave blank otherwise.", required=False),
    Question(("contract", "awarded"), "Year or date of award", "For example 2014 or 2014-06-01.", required=False),
    Question(VALUE.path, f"{VALUE.label} in pounds", "Whole pounds, digits only.", required=False),
    Question(("contract", "value_basis"), "Value basis", "Is the value the total or a year's?", "value_basis",
             required=False),
    Question(("contract", "duration_months"), "Duration in months", "Length of the contract.", required=False),
    Question(WEIGHTING.path, f"{WEIGHTING.label} (%)",
             "Share of the award score given to social value.", required=False),
    _about(STAGES, "Where social value was applied; choose one or more.", many=True),
    Question(EVIDENCE.path, "Evidence level", "How the figures are evidenced overall.", EVIDENCE.vocabulary),
    Question(("tags",), "Tags", "Keywords in lowercase-with-hyphens, separated by commas.", required=False, many=True),
    Question(("owner",), "Owner", "Who keeps this case study current.", "owner"),
)
OUTCOME_HELP = ("theme | what happened | status (delivered, planned, pledged or forecast) | "
                "period (the year or years; needed with a figure) | figure (optional) | unit (optional) | "
                "whose figure (optional)")
SOURCE_HELP = "title | web address | publisher | date YYYY-MM-DD (optional)"


class AnswerError(ValueError):
    """An answer that cannot be used, with the reason an editor can act on."""


def _subschema(schema: dict, path: tuple[str, ...]) -> dict:
    node = schema
    for key in path:
        node = node["properties"][key]
    return node


def _schema_error(value: Any, schema: dict) -> str | None:
    errors = sorted(jsonschema.Draft202012Validator(schema).iter_errors(value), key=lambda e: e.path)
    if not errors:
        return None
    error = errors[0]
    if error.validator == "maxLength":
        return f"at most {error.validator_value} characters, please (this is {len(error.instance)})"
    if error.validator == "minLength":
        return f"at least {error.validator_value} characters, please"
    if error.validator == "pattern" and "https?" in error.validator_value:
        return "a web address starting http:// or https://, please"
    if error.validator == "pattern" and "[0-9]{4}" in error.validator_value:
        return "a date written YYYY-MM-DD, please"
    if error.validator == "pattern":
        return "lowercase words joined by hyphens, please"
    return error.message


class Scaffold:
    """Turns answers into a checked front matter mapping and a file."""

    def __init__(self, vocab: Vocabularies):
        self.vocab = vocab
        self.schema = build_schema(vocab)

    # One answer at a time ---------------------------------------------------

    def choice(self, vocabulary: str, raw: str) -> str:
        """A vocabulary value from its number, value or label."""
        terms = list(self.vocab[vocabulary])
        text = raw.strip()
        if text.isdigit() and 1 <= int(text) <= len(terms):
            return terms[int(text) - 1].value
        for term in terms:
            if text.lower() in (term.value, term.label.lower()):
                return term.value
        raise AnswerError(f"'{text}' is not one of the choices; type its number, e.g. 1")

    def answer(self, question: Question, raw: str) -> Any:
        """The checked value for one answer, or None when left blank."""
        text = raw.strip()
        if not text:
            if question.required:
                raise AnswerError("this field is required")
            return None
        if question.many:
            items = [part.strip() for part in text.split(",") if part.strip()]
            if question.vocabulary:
                items = [self.choice(question.vocabulary, item) for item in items]
            value: Any = list(dict.fromkeys(items))
        elif question.vocabulary:
            value = self.choice(question.vocabulary, text)
        else:
            value = self._typed(question.path, text)
        problem = _schema_error(value, _subschema(self.schema, question.path))
        if problem:
            raise AnswerError(problem)
        return value

    def _typed(self, path: tuple[str, ...], text: str) -> Any:
        kind = _subschema(self.schema, path)
        if path[-1] == "awarded":
            if re.fullmatch(r"\d{4}", text):
                return int(text)
            return self.date(text)
        if kind.get("type") == "integer":
            if not re.fullmatch(r"\d+", text.replace(",", "").replace("£", "")):
                raise AnswerError("a whole number, please, digits only")
            return int(text.replace(",", "").replace("£", ""))
        if kind.get("type") == "number":
            try:
                return float(text.rstrip("%")) if "." in text else int(text.rstrip("%"))
            except ValueError:
                raise AnswerError("a number, please") from None
        return text

    def date(self, text: str) -> str:
        when = parse_date(text)
        if when is None:
            raise AnswerError("a real date written YYYY-MM-DD, please")
        return when.isoformat()

    def outcome(self, raw: str) -> dict[str, Any]:
        parts = [p.strip() for p in raw.split("|")]
        if len(parts) < 2 or not parts[1]:
            raise AnswerError(f"write it as: {OUTCOME_HELP}")
        theme = self.choice("theme", parts[0])
        outcome: dict[str, Any] = {
            "dimension": self.vocab["theme"].terms[theme].dimension,
            "theme": theme,
            "description": parts[1],
        }
        parts += [""] * (7 - len(parts))
        if not parts[2]:
            raise AnswerError("say whether it was delivered, or only planned, pledged or forecast: "
                              f"write it as: {OUTCOME_HELP}")
        outcome["status"] = self.choice("outcome_status", parts[2])
        if parts[3]:
            outcome["period"] = parts[3]
        if parts[4]:
            outcome["figure"] = self._typed(("contract", "social_value_weighting_pct"), parts[4].replace(",", ""))
            if not parts[5]:
                raise AnswerError("a figure needs a unit, e.g. people or percent")
            if not parts[3]:
                raise AnswerError("a figure needs its period: the year or years it refers to, e.g. 2021/22")
            outcome["unit"] = self.choice("unit", parts[5])
        if parts[6]:
            outcome["reported_by"] = parts[6]
        problem = _schema_error(outcome, self.schema["properties"]["outcomes"]["items"])
        if problem:
            raise AnswerError(problem)
        return outcome

    def source(self, raw: str) -> dict[str, Any]:
        parts = [p.strip() for p in raw.split("|")]
        if len(parts) < 3:
            raise AnswerError(f"write it as: {SOURCE_HELP}")
        source = {"title": parts[0], "url": parts[1], "publisher": parts[2]}
        if len(parts) > 3 and parts[3]:
            source["date"] = self.date(parts[3])
        problem = _schema_error(source, self.schema["properties"]["sources"]["items"])
        if problem:
            raise AnswerError(problem)
        return source

    # The whole file -----------------------------------------------------------

    def front_matter(self, answers: dict[str, Any], outcomes: list[dict], sources: list[dict],
                     today: date) -> dict[str, Any]:
        """Nested front matter in the schema's field order, blanks left out."""
        data: dict[str, Any] = {}
        for question in QUESTIONS:
            value = answers.get(question.dest)
            if value in (None, [], ""):
                continue
            node = data
            for key in question.path[:-1]:
                node = node.setdefault(key, {})
            node[question.path[-1]] = value
        if "provider" in data and set(data["provider"]) != {"name", "type"}:
            raise AnswerError("give both the provider's name and its type, or neither")
        data["outcomes"] = outcomes
        data["sources"] = sources
        published = date.fromisoformat(answers.get("published") or today.isoformat())
        reviewed = date.fromisoformat(answers.get("last_reviewed") or published.isoformat())
        data["published"] = published.isoformat()
        data["last_reviewed"] = reviewed.isoformat()
        data["review_by"] = answers.get("review_by") or (reviewed + REVIEW_INTERVAL).isoformat()
        order = list(self.schema["properties"])
        return {key: data[key] for key in order if key in data}

    def render(self, front: dict[str, Any]) -> str:
        body = "\n\n".join(f"## {title}\n\n<!-- {prompt} -->" for title, prompt in RECOMMENDED_SECTIONS)
        yaml_text = yaml.safe_dump(_plain_dates(front), allow_unicode=True, sort_keys=False, width=88)
        header = (
            "# Field guide: /about/data-dictionary/ on the site, or casestudies/vocabularies.yml.\n"
            "# Check this file with: scripts/validate.py casestudies/<this file>\n"
        )
        return f"---\n{header}{yaml_text}---\n\n{body}\n"


DATE_KEYS = {"date", "published", "last_reviewed", "review_by", "awarded"}


def _plain_dates(value: Any, key: str = "") -> Any:
    """Dates as YAML dates, so the file shows 2026-11-24 rather than '2026-11-24'."""
    if isinstance(value, dict):
        return {k: _plain_dates(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain_dates(v) for v in value]
    if key in DATE_KEYS and isinstance(value, str):
        return date.fromisoformat(value)
    return value


def slugify(title: str) -> str:
    words = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")
    return words[:80].rstrip("-") or "case-study"


def free_slug(slug: str, folder: Path) -> str:
    """The slug itself, or the first numbered variant not taken yet."""
    if not (folder / f"{slug}.md").exists():
        return slug
    number = 2
    while (folder / f"{slug}-{number}.md").exists():
        number += 1
    return f"{slug}-{number}"
