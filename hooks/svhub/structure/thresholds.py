"""The money thresholds (content/_data/thresholds.yml) as the rules that use them
read them: the scope check and the record of consideration apply one rule."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any


def money(text: str) -> int:
    """A threshold as written in thresholds.yml ("£207,720") as pounds."""
    digits = re.sub(r"[^0-9]", "", str(text).split("(")[0])
    return int(digits)


@dataclass(frozen=True)
class ScopeAnswer:
    """One part of a contract, answered: the threshold that applies and what follows."""

    threshold: str
    row_label: str
    public: str
    follows: str


def scope_answer(tables: list[dict[str, Any]], table_id: str, row_id: str, kind: str, value: int) -> ScopeAnswer:
    """The scope check's one rule, shared by the page and its tests.

    The Procurement Act threshold comes from the row the contract falls in; the
    2012 Act reaches only contracts that include services (s.1(1)), so a works
    contract below its threshold is outside both, and one above it turns on
    section 1(16), an open point.
    """
    table = next(t for t in tables if t["id"] == table_id)
    row = next(r for r in table["rows"] if r.get("id") == row_id)
    figure = row[table["columns"][0]["key"]]
    label = row["contract"].rsplit("(", 1)[-1].rstrip(")")
    above = value >= money(figure)
    public = "Yes" if above else "No"
    if kind == "works" and not above:
        follows = ("Below the works threshold, so not a public contract. The 2012 Act covers "
                   "services, not works only, so it does not apply. Part 6 of the Procurement "
                   "Act (below-threshold contracts) may.")
    elif kind == "works":
        follows = ("A public contract, so sections 12 and 13 of the Procurement Act apply. "
                   "Whether the 2012 Act reaches a works contract with some services is an open point.")
    elif above:
        follows = ("A public contract for services: the 2012 Act's duty to consider applies "
                   "before you start (PPN 003, paragraph 2), with sections 12 and 13 of the Procurement Act.")
    else:
        follows = ("Below the threshold, so not a public contract. Before 2025 the 2012 Act did "
                   "not reach such contracts; its current test is an open point.")
    return ScopeAnswer(figure, label, public, follows)
