"""The money thresholds (content/_data/thresholds.yml) as the rules that use them
read them: the scope check and the record of consideration apply one rule."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
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


# The scope check's choices in the browser (site_overrides/assets/javascripts/scope/check.js).
# A kind of body names its Schedule 1 row; a kind of contract names scope_answer's kind and
# its row ("body": the row of the kind of body). Nations other than England are answered
# in the page's question 1, which the script links to.
SCOPE_BODIES = (("sub-central", "A sub-central authority, such as a council"),
                ("central", "A central government authority"))
SCOPE_KINDS = (("services", "Services", "services", "body"),
               ("mixed-services", "A mix, mainly services", "mixed-services", "body"),
               ("works", "Works", "works", "works"),
               ("mixed-works", "A mix, mainly works", "works", "works"),
               ("light-touch", "Light touch services (row 8)", "services", "light-touch"))
SCOPE_NATIONS = (("england", "England, or a Welsh body that is not devolved", ""),
                 ("wales", "A devolved Welsh authority",
                  "Section 1 of the 2012 Act does not apply to a devolved Welsh authority: the Welsh duty does."),
                 ("scotland", "Scotland", "The 2012 Act does not apply in Scotland: Scotland's own rules do."),
                 ("northern-ireland", "Northern Ireland",
                  "The 2012 Act does not apply in Northern Ireland: its own rules do."))


def scope_check_data(tables: list[dict[str, Any]], table_id: str) -> dict[str, Any]:
    """What the scope check needs in the browser, written by the build: for each row and kind,
    the threshold in pounds and scope_answer's verdicts just below it and from it up, so the
    page's script applies this one rule with no figure or sentence of its own."""
    table = next(t for t in tables if t["id"] == table_id)
    rows = {r["id"]: money(r[table["columns"][0]["key"]]) for r in table["rows"] if "id" in r}
    needed = {row for row, _ in SCOPE_BODIES} | {row for *_, row in SCOPE_KINDS if row != "body"}
    answers = {
        row: {"pounds": rows[row], **{kind: {
            "below": asdict(scope_answer(tables, table_id, row, kind, rows[row] - 1)),
            "from": asdict(scope_answer(tables, table_id, row, kind, rows[row]))}
            for kind in sorted({k for _, _, k, _ in SCOPE_KINDS})}}
        for row in sorted(needed)}
    return {
        "bodies": [{"id": i, "label": label} for i, label in SCOPE_BODIES],
        "kinds": [{"id": i, "label": label, "kind": kind, "row": row} for i, label, kind, row in SCOPE_KINDS],
        "nations": [{"id": i, "label": label, "answer": answer} for i, label, answer in SCOPE_NATIONS],
        "rows": answers,
    }
