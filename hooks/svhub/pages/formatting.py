"""How values read on a page: money and figures in GOV.UK style (dates: svhub.dates)."""

from __future__ import annotations

from ..structure.vocabularies import Vocabularies


def money(pounds: float) -> str:
    return f"£{pounds:,.0f}" if float(pounds).is_integer() else f"£{pounds:,.2f}"


def number(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,}"


def figure(value: float, unit: str, vocab: Vocabularies) -> str:
    if unit == "percent":
        return f"{number(value)}%"
    if unit == "gbp":
        return money(value)
    if unit == "gbp-per-gbp":
        return f"{money(value)} per £1 spent"
    return f"{number(value)} {vocab['unit'].label(unit)}"


def contract_value(pounds: int, basis: str) -> str:
    return money(pounds) + (" a year" if basis == "annual" else " in total")
