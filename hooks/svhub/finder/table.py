"""What the case-study finder at /case-studies/ loads: a compact facet table,
the text of the results in chunks, the prebuilt keyword index (a head and
shards) and lunr.js.

The facet table is enough for filtering, counts and sorting. The text a result
shows (title, summary, commissioner) comes in two chunks: the NEWEST_ROWS
newest case studies, which is what a first view without keywords shows, and
the older ones, which results ranked by keywords may be anywhere in. Each is
one request, because a request costs more than its bytes. The keyword index is
only fetched once someone searches. Each facet's URL parameter is
named after the front-matter field it filters on (the last part of its path):

    q                           the keywords
    service, region, evidence,  front-matter fields of the same name
    stages, review_example
    theme                       outcomes[].theme
    commissioner_type           commissioner.type ("type" alone would be ambiguous)
    value_gbp                   contract.value_gbp, as bands (see VALUE_BANDS)
    awarded                     contract.awarded, as a year range "2015-2020"
    social_value_weighting_pct  contract.social_value_weighting_pct, at least N
    sort                        relevance, newest or value

Several values of one parameter are comma-separated and mean "any of these";
different parameters must all match.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..structure.casestudy import CaseStudy
from ..structure.library import Library
from ..structure.vocabularies import Vocabularies

# (id, label, lowest value in pounds); each band runs up to the next one's lowest.
VALUE_BANDS: tuple[tuple[str, str, int], ...] = (
    ("under-100k", "Under £100,000", 0),
    ("100k-1m", "£100,000 to £1 million", 100_000),
    ("1m-10m", "£1 million to £10 million", 1_000_000),
    ("10m-100m", "£10 million to £100 million", 10_000_000),
    ("100m-plus", "£100 million or more", 100_000_000),
)
WEIGHTING_STEPS = (5, 10, 15, 20, 30)


def value_band(value: int | None) -> tuple[str, ...]:
    if value is None:
        return ()
    return (next(band for band, _label, low in reversed(VALUE_BANDS) if value >= low),)


@dataclass(frozen=True)
class Facet:
    """A group of checkboxes in the finder."""

    param: str
    legend: str
    vocabulary: str | None
    values_of: Callable[[CaseStudy], tuple[str, ...]]
    hint: str = ""


FACETS: tuple[Facet, ...] = (
    Facet("service", "Service area", "service", lambda c: (c.service,)),
    Facet("theme", "Theme", "theme", lambda c: c.themes),
    Facet("commissioner_type", "Commissioner type", "commissioner_type", lambda c: (c.commissioner.type,)),
    Facet("region", "Region", "region", lambda c: (c.commissioner.region,)),
    Facet("stages", "Stage", "stage", lambda c: c.stages),
    Facet("evidence", "Evidence", "evidence", lambda c: (c.evidence,)),
    Facet("review_example", "Contract type named in the 2014 review", "review_example",
          lambda c: (c.review_example,) if c.review_example else ()),
    Facet("value_gbp", "Contract value", None, lambda c: value_band(c.contract.value_gbp),
          hint="As published: some are a year's value, some the whole contract's."),
)
# The data columns come first; each facet's column is named after its URL parameter.
COLUMNS = ("slug", "year", "contract_value", "social_value_weighting_pct", *(f.param for f in FACETS))
MASK_BITS = 31  # a facet's values are bits in whole numbers that JavaScript's bitwise operators keep positive
TEXT_COLUMNS = ("title", "summary", "commissioner")
NEWEST_ROWS = 500


def _facet_values(facet: Facet, vocab: Vocabularies) -> tuple[list[dict[str, Any]], list[str]]:
    if facet.vocabulary is None:
        return [{"id": band, "label": label} for band, label, _low in VALUE_BANDS], []
    vocabulary = vocab[facet.vocabulary]
    if facet.vocabulary != "theme":
        return [{"id": v, "label": vocabulary.label(v)} for v in vocabulary.values], []
    dimensions = vocab["dimension"].values
    values = [{"id": v, "label": vocabulary.label(v), "group": dimensions.index(vocabulary.terms[v].dimension)}
              for v in vocabulary.values]
    return values, [vocab["dimension"].label(d) for d in dimensions]


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
    columns (see `masks`), one for up to MASK_BITS values. `text_files` hold the
    rows' text, the first from row 0 and the second from row NEWEST_ROWS."""
    studies = library.case_studies
    columns: dict[str, list] = {
        "slug": [c.slug for c in studies],
        "year": [c.year for c in studies],
        "contract_value": [c.contract.value_gbp for c in studies],
        "social_value_weighting_pct": [c.contract.social_value_weighting_pct for c in studies],
    }
    facets = []
    for facet in FACETS:
        values, groups = _facet_values(facet, library.vocab)
        facets.append({"param": facet.param, "legend": facet.legend, "values": values}
                      | ({"groups": groups} if groups else {}) | ({"hint": facet.hint} if facet.hint else {}))
        where = {v["id"]: i for i, v in enumerate(values)}
        rows = [masks([where[v] for v in facet.values_of(c)], len(values)) for c in studies]
        columns[facet.param] = [[row[w] for row in rows] for w in range(mask_count(len(values)))]
    return {
        "rows": len(studies),
        "columns": {name: columns[name] for name in COLUMNS},
        "facets": facets,
        "weighting_steps": list(WEIGHTING_STEPS),
        "text": {"columns": list(TEXT_COLUMNS), "starts": [0, NEWEST_ROWS], "files": text_files},
    }


def text_chunks(library: Library) -> tuple[list[list[str]], list[list[str]]]:
    """What each result shows as text, for the facet table's rows: the newest, then the rest
    (empty in a small library)."""
    rows = [[c.title, c.summary, c.commissioner.name] for c in library.case_studies]
    return rows[:NEWEST_ROWS], rows[NEWEST_ROWS:]
