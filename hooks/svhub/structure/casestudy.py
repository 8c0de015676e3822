"""A validated case study, as the rest of the hub sees it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ..urls import case_study_url


@dataclass(frozen=True)
class Organisation:
    name: str
    type: str
    region: str | None = None


@dataclass(frozen=True)
class Contract:
    awarded: date | int | None = None
    started: date | int | None = None
    value_gbp: int | None = None
    value_basis: str | None = None
    duration_months: int | None = None
    social_value_weighting_pct: float | None = None

    @property
    def year(self) -> int | None:
        if isinstance(self.awarded, date):
            return self.awarded.year
        return self.awarded


@dataclass(frozen=True)
class Outcome:
    dimension: str
    theme: str
    description: str
    evidence: str
    status: str = "delivered"
    figure: float | None = None
    unit: str | None = None
    period: str | None = None
    reported_by: str | None = None

    @property
    def delivered(self) -> bool:
        return self.status == "delivered"


@dataclass(frozen=True)
class Source:
    title: str
    url: str
    publisher: str
    date: date | None = None
    copy: bool = False  # a mirror's or document-sharing site's copy, labelled so on the page


@dataclass(frozen=True)
class Notice:
    """A Procurement Act 2023 notice of the contract, as Find a Tender publishes it."""

    id: str
    type: str | None = None  # UK6, UK9...: only as the notice prints it
    url: str | None = None
    date: date | None = None


@dataclass(frozen=True)
class Kpi:
    name: str
    target: str | None = None


@dataclass(frozen=True)
class Rating:
    """A contract performance notice's rating (Procurement Act 2023 s.71)."""

    rating: str
    period: str
    notice: str | None = None
    kpi: str | None = None


@dataclass(frozen=True)
class ProcurementAct:
    """What a contract's Procurement Act 2023 notices publish: its notices, KPIs and ratings."""

    notices: tuple[Notice, ...] = ()
    kpis: tuple[Kpi, ...] = ()
    performance: tuple[Rating, ...] = ()

    @property
    def latest_rating(self) -> Rating | None:
        return self.performance[-1] if self.performance else None

    def __bool__(self) -> bool:
        return bool(self.notices or self.kpis or self.performance)


@dataclass(frozen=True)
class OrganisationChange:
    """A body named in the case study that has since changed, so that the page
    does not describe it in the present tense."""

    organisation: str
    change: str
    date: date
    now: str
    sources: tuple[Source, ...]


@dataclass(frozen=True)
class Frameworks:
    """The frameworks a case study's sources say it used (schema FRAMEWORKS)."""

    ppn_06_20_themes: tuple[str, ...] = ()
    ppn_06_20: tuple[str, ...] = ()
    wellbeing_goals: tuple[str, ...] = ()
    toms_themes: tuple[str, ...] = ()


@dataclass(frozen=True)
class CaseStudy:
    slug: str
    path: str
    title: str
    summary: str
    kind: str
    commissioner: Organisation
    service: str
    stages: tuple[str, ...]
    outcomes: tuple[Outcome, ...]
    evidence: str
    sources: tuple[Source, ...]
    owner: str
    published: date
    last_reviewed: date
    review_by: date
    body: str
    partners: tuple[str, ...] = ()
    provider: Organisation | None = None
    review_example: str | None = None
    contract: Contract = field(default_factory=Contract)
    tags: tuple[str, ...] = ()
    organisation_changes: tuple[OrganisationChange, ...] = ()
    frameworks: Frameworks = field(default_factory=Frameworks)
    # The year the reader filters by, and what it is the year of (`year`, `year_basis`);
    # without them, the year of a stated award.
    stated_year: int | None = None
    year_basis: str | None = None
    regimes: tuple[str, ...] = ()
    procurement_act: ProcurementAct = field(default_factory=ProcurementAct)

    @property
    def year(self) -> int | None:
        return self.stated_year or self.contract.year

    @property
    def year_of(self) -> str | None:
        """What the year is the year of (a year_basis value), if there is a year."""
        if self.stated_year:
            return self.year_basis
        return "contract-awarded" if self.contract.year else None

    @property
    def themes(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(o.theme for o in self.outcomes))

    @property
    def dimensions(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(o.dimension for o in self.outcomes))

    @property
    def url(self) -> str:
        """Site path, relative to the site root, with a trailing slash."""
        return case_study_url(self.slug)
