"""What the case-study finder at /case-studies/ loads: a compact facet table,
the text of the results in chunks, the prebuilt keyword index (a head and
shards) and lunr.js.

The facet table is enough for filtering, counts and sorting. The text a result
shows (title, summary, commissioner) comes in two chunks: the NEWEST_ROWS
newest case studies, which is what a first view without keywords shows, and
the older ones, which results ranked by keywords may be anywhere in. Each is
one request, because a request costs more than its bytes. The keyword index is
only fetched once someone searches (see finder/files.py for the files).

The URL holds the finder's state: `q` for the keywords, `sort` (relevance,
newest or value), and a parameter for each facet, named as in the facet
registry (structure/facets.py): a checkbox facet's values, a year range
"2015-2020" for `awarded`, or "at least N" for the weighting.
Several values of one parameter are comma-separated and mean "any of these";
different parameters must all match.
"""

from __future__ import annotations

from typing import Any

from ..structure.facets import (
    AWARDED,
    FACETS,
    NAMED_FACETS,
    RESULT_FACETS,
    VALUE_BANDS,
    WEIGHTING,
    Facet,
    Kind,
)
from ..structure.library import Library
from ..structure.vocabularies import Vocabularies

# The checkbox groups; the range facets have a column of their own numbers.
CHOICES: tuple[Facet, ...] = tuple(f for f in FACETS if f.kind is not Kind.RANGE)
RANGES: tuple[Facet, ...] = tuple(f for f in FACETS if f.kind is Kind.RANGE)
# The data columns come first; each checkbox facet's column is named after its URL parameter.
COLUMNS = ("slug", AWARDED.column, "contract_value", WEIGHTING.column, *(f.column for f in CHOICES))
MASK_BITS = 31  # a facet's values are bits in whole numbers that JavaScript's bitwise operators keep positive
TEXT_COLUMNS = ("title", "summary", "commissioner")
NEWEST_ROWS = 500


def _facet_values(facet: Facet, vocab: Vocabularies) -> tuple[list[dict[str, Any]], list[str]]:
    """A checkbox facet's values, and the headings they are grouped under when the
    facet names a vocabulary of groups (a framework's themes) or its vocabulary
    places each in a dimension (the themes). A value of a facet that a query can
    name carries its names (label and synonyms), which the search recognises."""
    if facet.kind is Kind.BAND:
        return [{"id": band, "label": label} for band, label, _low in VALUE_BANDS], []
    vocabulary = vocab[facet.vocabulary]

    def value(v: str, group: int | None = None) -> dict[str, Any]:
        term = vocabulary.terms[v]
        return ({"id": v, "label": term.label} | ({"group": group} if group is not None else {})
                | ({"names": list(term.names)} if facet.named_in_queries else {}))

    if facet.groups:
        groups = vocab[facet.groups].values
        return ([value(v, groups.index(vocabulary.terms[v].group)) for v in vocabulary.values],
                [vocab[facet.groups].label(g) for g in groups])
    if not any(term.dimension for term in vocabulary):
        return [value(v) for v in vocabulary.values], []
    dimensions = vocab["dimension"].values
    values = [value(v, dimensions.index(vocabulary.terms[v].dimension)) for v in vocabulary.values]
    return values, [vocab["dimension"].label(d) for d in dimensions]


def named_facets(vocab: Vocabularies) -> list[dict[str, Any]]:
    """The facets a query's words can name, as the facet table gives them (param,
    legend, values with their names): what the site search recognises."""
    return [{"param": f.name, "legend": f.label, "values": _facet_values(f, vocab)[0]} for f in NAMED_FACETS]


def mask_count(size: int) -> int:
    """How many masks hold a facet of `size` values."""
    return -(-size // MASK_BITS)


def masks(positions: list[int], size: int) -> list[int]:
    """A case study's values of one facet (their positions among the facet's `size`
    values) as bit masks, MASK_BITS values to a mask."""
    words = [0] * mask_count(size)
    for position in positions:
        words[position // MASK_BITS] |= 1 << (position % MASK_BITS)
    return words


def facet_table(library: Library, text_files: list[str]) -> dict[str, Any]:
    """What the finder filters, counts and sorts on, a column of numbers for each of
    COLUMNS, with a row per case study, newest first. Numbers parse fast, and
    filtering tests a mask rather than a list. A facet's column is a list of mask
    columns (see `masks`), one for up to MASK_BITS values. A facet whose values no
    case study holds is `untagged` (a framework not tagged yet): the finder names
    it in one line rather than showing its zeros. `text_files` hold the
    rows' text, the first from row 0 and the second from row NEWEST_ROWS.

    The registry reaches the browser here: `facets` are the facets filtered by
    their values (checkboxes) and `ranges` those filtered by a range of their
    column's numbers, from-to or, with `steps`, at least one of them. Each
    carries its URL parameter, its legend and its place (`order`) among the
    finder's filters, and a checkbox facet the vocabulary its values come from
    (the record's questions name vocabularies), so the JavaScript names no facet itself; `result` names the
    facets a result shows, with their row labels."""
    studies = library.case_studies
    columns: dict[str, list] = {
        "slug": [c.slug for c in studies],
        "contract_value": [c.contract.value_gbp for c in studies],
    } | {f.column: [f.number_of(c) for c in studies] for f in RANGES}
    facets = []
    for facet in CHOICES:
        values, groups = _facet_values(facet, library.vocab)
        untagged = not any(facet.values_of(c) for c in studies)
        facets.append({"param": facet.name, "legend": facet.label, "order": FACETS.index(facet), "values": values}
                      | ({"vocabulary": facet.vocabulary} if facet.vocabulary else {})
                      | ({"groups": groups} if groups else {}) | ({"hint": facet.hint} if facet.hint else {})
                      | ({"untagged": True} if untagged else {}))
        where = {v["id"]: i for i, v in enumerate(values)}
        rows = [masks([where[v] for v in facet.values_of(c)], len(values)) for c in studies]
        columns[facet.column] = [[row[w] for row in rows] for w in range(mask_count(len(values)))]
    return {
        "rows": len(studies),
        "columns": {name: columns[name] for name in COLUMNS},
        "facets": facets,
        "ranges": [{"param": f.name, "legend": f.label, "order": FACETS.index(f), "column": f.column}
                   | ({"steps": list(f.steps)} if f.steps else {}) for f in RANGES],
        "result": [{"param": f.name, "label": f.row_label} for f in RESULT_FACETS],
        "text": {"columns": list(TEXT_COLUMNS), "starts": [0, NEWEST_ROWS], "files": text_files},
    }


def text_chunks(library: Library) -> tuple[list[list[str]], list[list[str]]]:
    """What each result shows as text, for the facet table's rows: the newest, then the rest
    (empty in a small library)."""
    rows = [[c.title, c.summary, c.commissioner.name] for c in library.case_studies]
    return rows[:NEWEST_ROWS], rows[NEWEST_ROWS:]
