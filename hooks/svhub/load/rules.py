"""Rules JSON Schema cannot express: the file name, real dates within the hub's
years and their order, each theme's dimension, finite numbers, and no invisible
text-direction controls."""

from __future__ import annotations

import math
import re
from datetime import date
from typing import Any

from ..dates import parse_date
from ..structure.facets import RESERVED_SLUGS
from ..structure.vocabularies import Vocabularies
from .characters import direction_controls
from .messages import Position, Report, did_you_mean, field_name
from .schema import YEAR_MAX, YEAR_MIN

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
SLUG_MAX = 80
SURROGATE = re.compile("[\ud800-\udfff]")


def _parse_date(value: Any, path: tuple, report: Report) -> date | None:
    parsed = parse_date(value)
    if parsed is None:
        report.at(path, f"'{field_name(path)}' is not a real date: '{value}'", "check the month and day")
        return None
    if not YEAR_MIN <= parsed.year <= YEAR_MAX:
        report.at(path, f"'{field_name(path)}' is {parsed}, outside the years the hub covers "
                        f"({YEAR_MIN} to {YEAR_MAX})", "check the year")
        return None
    return parsed


def check_values(value: Any, path: tuple, report: Report) -> None:
    """Every value: no text-direction controls in text, no NaN or infinity in numbers
    (one would be written into the finder's JSON and break it for every visitor)."""
    if isinstance(value, float) and not math.isfinite(value):
        report.at(path, f"'{field_name(path)}' is {value}, not a number",
                  "write the number as the source gives it, e.g. 12 or 12.5")
    elif isinstance(value, str) and SURROGATE.search(value):
        report.at(path, f"'{field_name(path)}' contains a lone surrogate (half of a character), which is not text",
                  "retype the text, or remove the \\u escape")
    elif isinstance(value, str):
        found = direction_controls(value)
        if found:  # one message for the value: the first is enough to find it
            report.at(path, f"'{field_name(path)}' contains {found[0][1]}",
                      "retype the text; these characters can make text display differently from how it reads")
    elif isinstance(value, dict):
        for key, item in value.items():
            check_values(item, path + (key,), report)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            check_values(item, path + (index,), report)


def _list(value: Any) -> list:
    return value if isinstance(value, list) else []


def cross_field_rules(data: dict, vocab: Vocabularies, report: Report) -> dict[str, date | None]:
    """Rules JSON Schema cannot express: real dates, their order, themes' dimensions."""
    dates = {key: _parse_date(data[key], (key,), report) for key in ("published", "last_reviewed", "review_by")
             if isinstance(data.get(key), str)}
    published, reviewed, review_by = (dates.get(k) for k in ("published", "last_reviewed", "review_by"))
    today = date.today()
    for key, when in (("published", published), ("last_reviewed", reviewed)):
        if when and when > today:
            report.at((key,), f"{key} ({when}) is in the future", f"use today's date ({today}) or an earlier one")
    if published and reviewed and reviewed < published:
        report.at(("last_reviewed",), f"last_reviewed ({reviewed}) is before published ({published})",
                  "a case study cannot be reviewed before it is published")
    if reviewed and review_by and review_by <= reviewed:
        report.at(("review_by",), f"review_by ({review_by}) must be after last_reviewed ({reviewed})",
                  "set the next review date, usually a year after the last review")
    contract = data.get("contract")
    for key in ("awarded", "started"):
        if isinstance(contract, dict) and isinstance(contract.get(key), str):
            dates[key] = _parse_date(contract[key], ("contract", key), report)
    for index, source in enumerate(_list(data.get("sources"))):
        if isinstance(source, dict) and isinstance(source.get("date"), str):
            _parse_date(source["date"], ("sources", index, "date"), report)
    _organisation_changes(data, report)
    _names(data, report)
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


def is_name(text: str) -> bool:
    """Whether text can be an organisation's name: it has words in it, not '1' or 'x'."""
    return sum(c.isalpha() for c in text) >= 3


def _names(data: dict, report: Report) -> None:
    """An organisation's name has words in it: '1' or 'x' is an answer typed at the
    wrong question, not the name of a public body."""
    for key in ("commissioner", "provider"):
        organisation = data.get(key)
        name = organisation.get("name") if isinstance(organisation, dict) else None
        if isinstance(name, str) and not is_name(name):
            report.at((key, "name"), f"'{key}.name' ('{name}') is not the name of an organisation",
                      "write its name in full, e.g. 'Wakefield Council'")


def _organisation_changes(data: dict, report: Report) -> None:
    """A changed organisation must be one the case study names, and its dates real."""
    names = [o.get("name") for o in (data.get("commissioner"), data.get("provider")) if isinstance(o, dict)]
    names += [p for p in _list(data.get("partners")) if isinstance(p, str)]
    for index, change in enumerate(_list(data.get("organisation_changes"))):
        if not isinstance(change, dict):
            continue
        if isinstance(change.get("date"), str):
            _parse_date(change["date"], ("organisation_changes", index, "date"), report)
        for number, source in enumerate(_list(change.get("sources"))):
            if isinstance(source, dict) and isinstance(source.get("date"), str):
                _parse_date(source["date"], ("organisation_changes", index, "sources", number, "date"), report)
        name = change.get("organisation")
        if isinstance(name, str) and name not in names:
            report.at(("organisation_changes", index, "organisation"),
                      f"'{name}' is not the commissioner, the provider or a partner of this case study"
                      f"{did_you_mean(name, [n for n in names if isinstance(n, str)])}",
                      "write the name exactly as it appears under commissioner, provider or partners")


def check_slug(slug: str, report: Report) -> None:
    if not SLUG.match(slug) or len(slug) > SLUG_MAX:
        suggestion = re.sub(r"[^a-z0-9]+", "-", slug.lower()).strip("-")[:SLUG_MAX] or "my-case-study"
        report.add(Position(1, 1), f"the file name '{slug}.md' is not a valid slug",
                   f"use lowercase letters, digits and hyphens, at most {SLUG_MAX} characters, "
                   f"e.g. '{suggestion}.md'")
    elif slug in RESERVED_SLUGS:
        report.add(Position(1, 1), f"the file name '{slug}.md' is reserved for the site's own pages",
                   f"choose another name, e.g. '{slug}-case-study.md'")
