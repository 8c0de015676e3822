"""All valid case studies, with the views the site needs: order, facets, related."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from .casestudy import CaseStudy
from .facets import SERVICE, THEME, Facet
from .vocabularies import Vocabularies

RELATED_LIMIT = 3
RELATED_CANDIDATES = 40


@dataclass
class Library:
    case_studies: list[CaseStudy]
    vocab: Vocabularies
    _by_slug: dict[str, CaseStudy] = field(init=False, repr=False)
    _position: dict[str, int] = field(init=False, repr=False)
    _facet_cache: dict[str, dict[str, list[CaseStudy]]] = field(init=False, repr=False, default_factory=dict)

    def __post_init__(self) -> None:
        # Newest first, then by title: the order of the listing and facet pages.
        self.case_studies = sorted(
            self.case_studies, key=lambda c: (-(c.year or 0), c.title.lower(), c.slug)
        )
        self._by_slug = {c.slug: c for c in self.case_studies}
        self._position = {c.slug: i for i, c in enumerate(self.case_studies)}

    def __iter__(self):
        return iter(self.case_studies)

    def __len__(self) -> int:
        return len(self.case_studies)

    def get(self, slug: str) -> CaseStudy | None:
        return self._by_slug.get(slug)

    def facet(self, facet: Facet) -> dict[str, list[CaseStudy]]:
        """Value -> case studies, in vocabulary order, for values in use."""
        groups: dict[str, list[CaseStudy]] = defaultdict(list)
        for case_study in self.case_studies:
            for value in facet.values_of(case_study):
                groups[value].append(case_study)
        return {value: groups[value] for value in self.vocab[facet.vocabulary].values if value in groups}

    def page_values(self, facet: Facet, groups: dict[str, list[CaseStudy]] | None = None) -> list[str]:
        """The values that get a page (and a feed): those in use, or, for a facet of
        collections, every one, even while it is empty. `groups` is `self.facet(facet)`."""
        if facet.collections:
            return self.vocab[facet.vocabulary].values
        return list(self.facet(facet) if groups is None else groups)

    def related(self, case_study: CaseStudy) -> list[CaseStudy]:
        """Up to three others sharing the service (worth 2) or themes (1 each).

        Only the newest few of each group are scored, so the cost per page stays
        flat as the library grows to thousands of case studies.
        """
        scores: Counter[str] = Counter()
        groups = [(2, self._groups(SERVICE).get(case_study.service, []))]
        groups += [(1, self._groups(THEME).get(theme, [])) for theme in case_study.themes]
        for weight, members in groups:
            for other in members[:RELATED_CANDIDATES]:
                if other.slug != case_study.slug:
                    scores[other.slug] += weight
        best = sorted(scores, key=lambda slug: (-scores[slug], self._position[slug]))
        return [self._by_slug[slug] for slug in best[:RELATED_LIMIT]]

    def _groups(self, facet: Facet) -> dict[str, list[CaseStudy]]:
        if facet.name not in self._facet_cache:
            self._facet_cache[facet.name] = self.facet(facet)
        return self._facet_cache[facet.name]
