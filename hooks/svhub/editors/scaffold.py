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

import yaml

from ..dates import parse_date
from ..load.narrative import RECOMMENDED_SECTIONS
from ..load.rules import is_name
from ..load.schema import build_schema
from ..load.schema_errors import answer_problem
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


@dataclass(frozen=True)
class Field:
    """One field of an outcome or a source, asked on its own."""

    key: str
    label: str
    help: str
    vocabulary: str | None = None
    required: bool = False


# In the order of OUTCOME_HELP and SOURCE_HELP, which flags and the issue form use on one line.
OUTCOME_FIELDS: tuple[Field, ...] = (
    Field("theme", "Theme", "What the outcome is about.", "theme", required=True),
    Field("description", "What happened", "One or two plain sentences.", required=True),
    Field("status", "Status", "Was it delivered, or only planned, pledged or forecast?", "outcome_status",
          required=True),
    Field("period", "Period", "The year or years it refers to, e.g. 2021/22 (needed with a figure)."),
    Field("figure", "Figure", "The number, as the source gives it, e.g. 25, 1,200 or £3m (optional)."),
    Field("unit", "Unit", "What the figure counts (needed with a figure).", "unit"),
    Field("reported_by", "Whose figure", "Who reported it, when not the commissioner (optional)."),
)
SOURCE_FIELDS: tuple[Field, ...] = (
    Field("title", "Title", "The source's title, as published.", required=True),
    Field("url", "Web address", "The page that says it: a deep link, not a home page.", required=True),
    Field("publisher", "Publisher", "Who published it.", required=True),
    Field("date", "Date", "When it was published, YYYY-MM-DD (optional)."),
)
# "£3m", "3,000,000", "2.5 million", "40k", "25%": a sum or count as people write it.
_AMOUNT = re.compile(r"£?\s*([0-9][0-9,]*(?:\.[0-9]+)?)\s*(k|m|bn|thousand|million|billion)?\s*%?", re.I)
_SCALE = {"k": 1_000, "thousand": 1_000, "m": 1_000_000, "million": 1_000_000, "bn": 1_000_000_000,
          "billion": 1_000_000_000}


class AnswerError(ValueError):
    """An answer that cannot be used, with the reason an editor can act on."""


def _subschema(schema: dict, path: tuple[str, ...]) -> dict:
    node = schema
    for key in path:
        node = node["properties"][key]
    return node


def amount(text: str) -> int | float | None:
    """A number as people write it ('£3m', '3,000,000', '2.5 million', '25%'), or None."""
    match = _AMOUNT.fullmatch(text.strip())
    if not match or (match.group(1).count(",") and not re.fullmatch(r"\d{1,3}(,\d{3})+(\.\d+)?", match.group(1))):
        return None
    number = float(match.group(1).replace(",", "")) * _SCALE.get((match.group(2) or "").lower(), 1)
    return int(number) if number == int(number) else number


class Scaffold:
    """Turns answers into a checked front matter mapping and a file."""

    def __init__(self, vocab: Vocabularies):
        self.vocab = vocab
        self.schema = build_schema(vocab)

    # One answer at a time ---------------------------------------------------

    def choice(self, vocabulary: str, raw: str) -> str:
        """A vocabulary value from its number, value, label or a synonym ('completed')."""
        terms = list(self.vocab[vocabulary])
        text = raw.strip()
        if text.isdigit() and 1 <= int(text) <= len(terms):
            return terms[int(text) - 1].value
        if text.lower() in self.vocab[vocabulary].terms:
            return text.lower()
        meant = self.vocab[vocabulary].meanings.get(" ".join(text.lower().replace("-", " ").split()))
        if meant:
            return meant
        raise AnswerError(f"'{text}' is not one of the choices; type its number, e.g. 1")

    def _problem(self, value: Any, path: tuple, schema: dict) -> None:
        """The validator's own message for an answer, as an AnswerError."""
        problem = answer_problem(value, schema, path, self.vocab)
        if problem:
            raise AnswerError(problem)

    def understood(self, vocabulary: str | None, raw: str, value: Any) -> str:
        """What an answer was taken to mean, when that is not simply what was typed."""
        if value is None:
            return ""
        if vocabulary:
            values = value if isinstance(value, list) else [value]
            shown = ", ".join(self.vocab[vocabulary].label(v) for v in values)
        elif isinstance(value, list):
            shown = ", ".join(str(v) for v in value)
        elif isinstance(value, int | float) and not isinstance(value, bool):
            if re.sub(r"[£,%\s]", "", raw) == str(value):
                return ""  # '2019', '10%', '1,200': taken as typed
            shown = ("£" if "£" in raw else "") + f"{value:,}"
        else:
            shown = str(value)
        return "" if shown == raw.strip() else shown

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
            elif question.path == ("tags",):  # 'Apprenticeships, Social Value' is meant as two tags
                items = [slugify(item, "") for item in items if slugify(item, "")]
            value: Any = list(dict.fromkeys(items))
        elif question.vocabulary:
            value = self.choice(question.vocabulary, text)
        else:
            value = self._typed(question.path, text)
        self._problem(value, question.path, _subschema(self.schema, question.path))
        if question.path[-1] == "name" and not is_name(text):
            raise AnswerError(f"'{text}' is not the name of an organisation; write its name in full, "
                              "e.g. 'Wakefield Council' (type < to go back a question)")
        return value

    def _typed(self, path: tuple[str, ...], text: str) -> Any:
        kind = _subschema(self.schema, path)
        if path[-1] == "awarded":
            if re.fullmatch(r"\d{4}", text):
                return int(text)
            return self.date(text)
        if kind.get("type") in ("integer", "number"):
            number = amount(text)
            if number is None:
                raise AnswerError("a number, please, such as 250000, 3,000,000 or £3m")
            if kind["type"] == "integer" and not isinstance(number, int):
                raise AnswerError("a whole number, please, such as 250000, 3,000,000 or £3m")
            return number
        return text

    def date(self, text: str) -> str:
        when = parse_date(text)
        if when is None:
            raise AnswerError("a real date written YYYY-MM-DD, please")
        return when.isoformat()

    def outcome(self, raw: str) -> dict[str, Any]:
        """An outcome written on one line, its fields separated by '|' (OUTCOME_HELP)."""
        parts = [p.strip() for p in raw.split("|")]
        if len(parts) < 2 or not parts[1]:
            raise AnswerError(f"write it as: {OUTCOME_HELP}")
        return self.outcome_fields(dict(zip((f.key for f in OUTCOME_FIELDS), parts, strict=False)))

    def outcome_field(self, field: Field, raw: str) -> Any:
        """One field of an outcome, checked on its own; None when left blank."""
        text = raw.strip()
        if not text:
            if field.key == "status":
                raise AnswerError("say whether it was delivered, or only planned, pledged or forecast: "
                                  f"write it as: {OUTCOME_HELP}")
            if field.required:
                raise AnswerError("this field is required")
            return None
        if field.vocabulary:
            return self.choice(field.vocabulary, text)
        if field.key == "figure":
            number = amount(text)
            if number is None:
                raise AnswerError("a number, please, such as 25, 1,200 or £3m")
            return number
        schema = self.schema["properties"]["outcomes"]["items"]["properties"][field.key]
        self._problem(text, ("outcomes", 0, field.key), schema)
        return text

    def outcome_fields(self, raw: dict[str, str]) -> dict[str, Any]:
        """An outcome from its fields' answers (OUTCOME_FIELDS keys to text)."""
        values = {f.key: self.outcome_field(f, raw.get(f.key, "")) for f in OUTCOME_FIELDS}
        theme = values["theme"]
        outcome: dict[str, Any] = {"dimension": self.vocab["theme"].terms[theme].dimension, "theme": theme,
                                   "description": values["description"], "status": values["status"]}
        if values["period"]:
            outcome["period"] = values["period"]
        if values["figure"] is not None:
            if not values["unit"]:
                raise AnswerError("a figure needs a unit, e.g. people or percent")
            if not values["period"]:
                raise AnswerError("a figure needs its period: the year or years it refers to, e.g. 2021/22")
            outcome["figure"] = values["figure"]
            outcome["unit"] = values["unit"]
        if values["reported_by"]:
            outcome["reported_by"] = values["reported_by"]
        self._problem(outcome, ("outcomes", 0), self.schema["properties"]["outcomes"]["items"])
        return outcome

    def source(self, raw: str) -> dict[str, Any]:
        """A source written on one line, its fields separated by '|' (SOURCE_HELP)."""
        parts = [p.strip() for p in raw.split("|")]
        if len(parts) < 3:
            raise AnswerError(f"write it as: {SOURCE_HELP}")
        return self.source_fields(dict(zip((f.key for f in SOURCE_FIELDS), parts, strict=False)))

    def source_field(self, field: Field, raw: str) -> Any:
        """One field of a source, checked on its own; None when left blank."""
        text = raw.strip()
        if not text:
            if field.required:
                raise AnswerError("this field is required")
            return None
        if field.key == "date":
            return self.date(text)
        schema = self.schema["properties"]["sources"]["items"]["properties"][field.key]
        self._problem(text, ("sources", 0, field.key), schema)
        return text

    def source_fields(self, raw: dict[str, str]) -> dict[str, Any]:
        """A source from its fields' answers (SOURCE_FIELDS keys to text)."""
        values = {f.key: self.source_field(f, raw.get(f.key, "")) for f in SOURCE_FIELDS}
        source = {key: value for key, value in values.items() if value is not None}
        self._problem(source, ("sources", 0), self.schema["properties"]["sources"]["items"])
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


def slugify(title: str, fallback: str = "case-study") -> str:
    words = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")
    return words[:80].rstrip("-") or fallback


def free_slug(slug: str, folder: Path) -> str:
    """The slug itself, or the first numbered variant not taken yet."""
    if not (folder / f"{slug}.md").exists():
        return slug
    number = 2
    while (folder / f"{slug}-{number}.md").exists():
        number += 1
    return f"{slug}-{number}"
