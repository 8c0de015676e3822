"""Dates, read and written one way everywhere: the loaders, the pages and the exports."""

from __future__ import annotations

import re
from datetime import date

ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def parse_date(value: object) -> date | None:
    """A date, or a real date written YYYY-MM-DD; None for anything else
    (a year, '2025-02-30', a typo), for the caller to report in its own words."""
    if isinstance(value, date):
        return value
    text = str(value).strip() if value is not None else ""
    if not ISO_DATE.match(text):
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def long_date(value: date) -> str:
    """As GOV.UK writes a date: '24 February 2025'."""
    return f"{value.day} {value:%B %Y}"
