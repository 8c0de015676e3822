"""The facet registry: every field the library is browsed or filtered by, written once.

A facet's name is the finder's URL parameter and its column in the facet table
(the last part of the front-matter field, except where that alone would be
ambiguous). Its label is what the finder's legend, the facet pages, the browse
links and the editors' questions call it; `short` is the row label on a case
study's page. A facet with a folder also has static pages, at
case-studies/<folder>/<value>/, the route that works without JavaScript.

The listing and facet pages, the finder's facet table, the loader's reserved
file names, the cross-check of links, the data dictionary and the scaffold's
questions all read the facets from here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from ..urls import DATA_FOLDER, LISTING_PAGES

if TYPE_CHECKING:
    from .casestudy import CaseStudy


class Kind(StrEnum):
    MULTI = "multi"  # values from a vocabulary; a case study may have several; any of the chosen ones matches
    BAND = "band"    # a number, shown and filtered as one of fixed bands (its values are the bands)
    RANGE = "range"  # a number, filtered by a range: a year from-to, or at least a percentage


@dataclass(frozen=True)
class Facet:
    name: str
    label: str
    path: tuple[str, ...]  # where it is in the front matter
    kind: Kind
    values_of: Callable[[CaseStudy], tuple[str, ...]] = lambda case_study: ()
    vocabulary: str | None = None
    folder: str | None = None
    short: str = ""
    hint: str = ""
    # A fixed set of collections, one page each even while empty, with their own
    # introduction (content/_data/collections.yml): the 2014 review's contract types.
    collections: bool = False
    column: str = ""  # its column in the finder's facet table; its name unless given
    groups: str | None = None  # the vocabulary its values are grouped under (each term's `group`), if any
    # Whether a query's words can name its values (a label or a synonym): the
    # search then offers the value as a filter, and indexes the names with each case study.
    named_in_queries: bool = False
    # A range facet with steps is filtered by "at least" one of them (a weighting of 20% or more);
    # one without is filtered from one value to another (a year from-to).
    steps: tuple[int, ...] = ()
    number_of: Callable[[CaseStudy], float | None] = lambda case_study: None  # a range facet's number

    def __post_init__(self) -> None:
        object.__setattr__(self, "column", self.column or self.name)

    @property
    def row_label(self) -> str:
        return self.short or self.label

    @property
    def field(self) -> str:
        """The field as the data dictionary names it, e.g. 'commissioner.region'."""
        return ".".join(self.path)


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


SERVICE = Facet("service", "Service area", ("service",), Kind.MULTI, lambda c: (c.service,), "service",
                folder="service", short="Service", named_in_queries=True)
THEME = Facet("theme", "Theme", ("outcomes", "theme"), Kind.MULTI, lambda c: c.themes, "theme", folder="theme",
              named_in_queries=True)
COMMISSIONER_TYPE = Facet("commissioner_type", "Commissioner type", ("commissioner", "type"), Kind.MULTI,
                          lambda c: (c.commissioner.type,), "commissioner_type", named_in_queries=True)
REGION = Facet("region", "Region", ("commissioner", "region"), Kind.MULTI, lambda c: (c.commissioner.region,),
               "region", folder="region", named_in_queries=True)
STAGES = Facet("stages", "Stages", ("stages",), Kind.MULTI, lambda c: c.stages, "stage")
EVIDENCE = Facet("evidence", "Evidence", ("evidence",), Kind.MULTI, lambda c: (c.evidence,), "evidence")
REVIEW_EXAMPLE = Facet("review_example", "Contract type named in the 2014 review", ("review_example",), Kind.MULTI,
                       lambda c: (c.review_example,) if c.review_example else (), "review_example",
                       folder="review-example", short="Contract type", collections=True)
VALUE = Facet("value_gbp", "Contract value", ("contract", "value_gbp"), Kind.BAND,
              lambda c: value_band(c.contract.value_gbp),
              hint="As published: some are a year's value, some the whole contract's.")
# The finder's year: the year the contract was let, or the service, programme or policy started
# (`year`, else a stated award). Its parameter keeps its first name, so old links still work.
AWARDED = Facet("awarded", "Year", ("year",), Kind.RANGE, column="year", number_of=lambda c: c.year,
                hint="The year the contract was let, or the programme or policy started.")
WEIGHTING = Facet("social_value_weighting_pct", "Social value weighting", ("contract", "social_value_weighting_pct"),
                  Kind.RANGE, steps=WEIGHTING_STEPS, number_of=lambda c: c.contract.social_value_weighting_pct)
# The law or policy note it was run under; current rules first (PPN 002 before the PPN 06/20 it replaced).
REGIMES = Facet("regimes", "Law or policy", ("regimes",), Kind.MULTI, lambda c: c.regimes, "regime",
                hint="Only where a source says so, or the dates make it certain.")
PPN_06_20_THEME = Facet("ppn_06_20_themes", "PPN 06/20 theme", ("frameworks", "ppn_06_20_themes"), Kind.MULTI,
                        lambda c: c.frameworks.ppn_06_20_themes, "ppn_06_20_theme",
                        hint="Only where a source says the procurement used the model.")
PPN_06_20 = Facet("ppn_06_20", "PPN 06/20 outcome", ("frameworks", "ppn_06_20"), Kind.MULTI,
                  lambda c: c.frameworks.ppn_06_20, "ppn_06_20_outcome", groups="ppn_06_20_theme",
                  hint="Only where a source says the procurement used the model.")
WELLBEING_GOAL = Facet("wellbeing_goals", "Welsh well-being goal", ("frameworks", "wellbeing_goals"), Kind.MULTI,
                       lambda c: c.frameworks.wellbeing_goals, "wellbeing_goal")
TOMS_THEME = Facet("toms_themes", "National TOMs theme", ("frameworks", "toms_themes"), Kind.MULTI,
                   lambda c: c.frameworks.toms_themes, "toms_theme")

# In the order the finder shows them (the facet table gives each its place).
FACETS: tuple[Facet, ...] = (SERVICE, THEME, COMMISSIONER_TYPE, REGION, AWARDED, STAGES, EVIDENCE, REVIEW_EXAMPLE,
                             VALUE, REGIMES, PPN_06_20_THEME, PPN_06_20, WELLBEING_GOAL, TOMS_THEME, WEIGHTING)
# What a result in the listing and the finder shows under its commissioner, each by its row label.
RESULT_FACETS: tuple[Facet, ...] = (SERVICE, AWARDED, EVIDENCE)
# The frameworks commissioners use (the case studies' optional `frameworks` field).
FRAMEWORK_FACETS: tuple[Facet, ...] = (PPN_06_20_THEME, PPN_06_20, WELLBEING_GOAL, TOMS_THEME)
# The facets with static pages, in the order the listing's "Browse by" links show them.
PAGE_FACETS: tuple[Facet, ...] = tuple(f for f in FACETS if f.folder)
# The facets whose values a query's words can name, in the order the finder shows them.
NAMED_FACETS: tuple[Facet, ...] = tuple(f for f in FACETS if f.named_in_queries)
BY_NAME = {f.name: f for f in FACETS}
# What under case-studies/ is the site's own, not a case study: a case study
# may not take one of these names, and a link to one is not a broken link.
SITE_FOLDERS = frozenset({DATA_FOLDER, LISTING_PAGES, *(f.folder for f in PAGE_FACETS if f.folder)})
RESERVED_SLUGS = SITE_FOLDERS | {"index", "assets"}
