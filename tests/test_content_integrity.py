"""The hub's own content is complete, sourced, reviewed and free of known errors."""

from __future__ import annotations

import copy
import re
from collections import Counter
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import ROOT, soup

from svhub.load.instruments import load_register
from svhub.load.loader import load_library

CONTENT = ROOT / "content"
LOADED = load_library()
LIBRARY = LOADED.library
REGISTER = load_register(CONTENT / "_data" / "instruments.yml", "content/_data/instruments.yml")
GUIDANCE_PAGES = sorted(CONTENT.rglob("*.md"))


def front_matter(file: Path) -> dict:
    text = file.read_text(encoding="utf-8")
    assert text.startswith("---\n"), f"{file} has no front matter"
    return yaml.safe_load(text.split("---\n", 2)[1])


def site_pages(site: Path) -> dict[str, BeautifulSoup]:
    return {
        str(p.relative_to(site)): BeautifulSoup(p.read_text(encoding="utf-8"), "html5lib")
        for p in site.rglob("*.html")
    }


@pytest.fixture(scope="module")
def pages(real_site):
    return site_pages(real_site)


def article_text(page: BeautifulSoup) -> str:
    article = page.select_one("article") or page.body
    return " ".join(article.get_text(" ").split())


# The case-study library -----------------------------------------------------------

def test_every_case_study_in_the_repository_is_valid():
    problems = [d.format() for d in LOADED.diagnostics]
    assert LOADED.ok and not problems, "\n".join(problems)


def test_the_library_holds_at_least_35_case_studies():
    assert len(LIBRARY) >= 35


def test_the_library_covers_all_three_dimensions_eight_services_and_six_regions():
    dimensions = {d for c in LIBRARY for d in c.dimensions}
    services = {c.service for c in LIBRARY}
    regions = {c.commissioner.region for c in LIBRARY}
    assert dimensions == {"economic", "social", "environmental"}
    assert len(services) >= 8, services
    assert len(regions) >= 6 and {"wales", "scotland"} <= regions, regions


def test_the_library_covers_councils_nhs_housing_associations_and_central_government():
    types = Counter(c.commissioner.type for c in LIBRARY)
    for kind in ("local-authority", "nhs-body", "housing-association", "central-government"):
        assert types[kind] >= 1, kind


def test_policies_and_single_contracts_both_appear():
    kinds = Counter(c.kind for c in LIBRARY)
    assert kinds["policy"] >= 1 and kinds["contract"] >= 1


def test_each_of_the_six_review_contract_types_has_at_least_one_case_study():
    types = Counter(c.review_example for c in LIBRARY if c.review_example)
    assert set(types) == set(LIBRARY.vocab["review_example"].values), types


def test_every_case_study_source_is_a_web_address_with_a_host():
    for case_study in LIBRARY:
        for source in case_study.sources:
            assert re.match(r"^https?://[a-z0-9.-]+\.[a-z]{2,}(/|$)", source.url, re.I), (case_study.slug, source.url)


def test_the_library_keeps_a_balanced_record_with_an_ended_or_failed_contract():
    ended = [c for c in LIBRARY if re.search(r"\b(ended|fell short|terminated|brought back in-house)\b",
                                             c.body + c.summary, re.I)]
    assert ended, "at least one case study should be a contract that ended or fell short, with its lesson"


def test_no_case_study_claims_to_be_the_reviews_own_example():
    claim = re.compile(r"\b(is|was) (the|one of the) (review's|One Year On) (own )?examples?\b", re.I)
    for case_study in LIBRARY:
        assert not claim.search(case_study.body), case_study.slug


# Guidance pages -----------------------------------------------------------------

@pytest.mark.parametrize("file", GUIDANCE_PAGES, ids=lambda p: str(p.relative_to(CONTENT)))
def test_every_guidance_page_has_review_metadata_and_sources(file):
    meta = front_matter(file)
    for field in ("title", "owner", "last_reviewed", "review_by"):
        assert meta.get(field), f"{file.relative_to(ROOT)} has no {field}"
    assert meta["review_by"] > meta["last_reviewed"]
    assert meta["owner"] in LIBRARY.vocab["owner"].values
    sources = meta.get("sources") or []
    assert sources, f"{file.relative_to(ROOT)} cites no sources"
    for source in REGISTER.resolve_sources(sources):  # '- instrument: ID' entries through the register
        assert re.match(r"^https?://", source["url"]) and source.get("publisher"), source


def test_guidance_pages_show_their_review_dates_owner_and_sources(real_site):
    for url in ("the-act/the-duty/", "guidance/can-and-cannot/", "support/"):
        page = soup(real_site, url)
        review = page.select_one("section.hub-review")
        assert review is not None, url
        assert {dt.get_text(strip=True) for dt in review.select("dt")} >= {"Last reviewed", "Next review due", "Checked by"}
        assert page.select("section.hub-sources li a[href^='http']"), url


def test_the_six_review_contract_types_each_have_their_collection_page(real_site):
    for value in LIBRARY.vocab["review_example"].values:
        page = soup(real_site, f"case-studies/review-example/{value}/")
        assert page.select("li.hub-result"), value
        assert page.select_one("section.hub-sources") is not None


def test_every_glossary_term_is_used_on_another_page(pages):
    glossary = yaml.safe_load((CONTENT / "_data" / "glossary.yml").read_text(encoding="utf-8"))
    others = " ".join(article_text(p) for url, p in pages.items() if not url.startswith("glossary")).lower()
    for entry in glossary:
        used = entry["term"].lower() in others or (entry.get("abbr") and entry["abbr"].lower() in others)
        assert used, f"glossary term '{entry['term']}' is not used on any other page"


def test_the_home_page_starts_from_the_four_barriers(real_site):
    cards = soup(real_site, "").select(".hub-barriers > ul > li")
    assert len(cards) == 4
    for card in cards:
        assert card.select("a[href]")


def test_about_and_accessibility_pages_exist(real_site):
    about = article_text(soup(real_site, "about/"))
    assert "Open Government Licence" in about
    assert soup(real_site, "about/accessibility/").h1.get_text(strip=True)


# Known errors in secondary sources must appear nowhere -------------------------

KNOWN_ERRORS = {
    "the Act's year given as 2013": re.compile(r"Social Value\)?\s*Act\s*\(?\s*2013", re.I),
    "'goods and services' as the Act's scope": re.compile(r"goods and services", re.I),
    "'maximise' as the Act's duty": re.compile(r"\bmaximi[sz]", re.I),
}
THRESHOLD_MYTH = re.compile(r"[^.]*£100,000[^.]*", re.I)


def own_words(page: BeautifulSoup) -> str:
    """The article without its list of sources: a source's title is quoted as published
    (a council's "Maximising the value of every pound"), not the hub stating the law."""
    article = copy.copy(page.select_one("article") or page.body)
    for sources in article.select("section.hub-sources"):
        sources.decompose()
    return " ".join(article.get_text(" ").split())


QUOTED = re.compile(r"\"[^\"]*\"|\u201c[^\u201d]*\u201d")


def sentences(page: BeautifulSoup) -> list[str]:
    """A page's sentences, each ending at a full stop or at the end of its block (a
    heading, a row of the facts at a glance, a list item): a row with no full stop is
    not run into the next one."""
    article = copy.copy(page.select_one("article") or page.body)
    for sources in article.select("section.hub-sources"):
        sources.decompose()
    blocks = (" ".join(line.split()) for line in article.get_text("\n").split("\n"))
    return [s for block in blocks for s in re.split(r"(?<=[.!?])\s+", block) if s]


def test_known_errors_from_secondary_sources_appear_nowhere(pages):
    """On the hub's own pages, nowhere; in a case study's story (a council's spending "on
    goods and services"), in no sentence that speaks of the Act."""
    for url, page in pages.items():
        text = own_words(page)
        if url.startswith("case-studies/"):
            # A source's own words in quotation marks (a tender notice's "maximise social
            # value") are its words, not the hub's statement of the law.
            text = " ".join(QUOTED.sub("", s) for s in sentences(page) if re.search(r"\bAct\b", s))
        for name, pattern in KNOWN_ERRORS.items():
            assert not pattern.search(text), f"{url}: {name}: {pattern.search(text).group()}"


def test_no_page_gives_a_100000_pound_threshold_for_the_act(pages):
    for url, page in pages.items():
        for sentence in (m for s in sentences(page) for m in THRESHOLD_MYTH.findall(s)):
            if not url.startswith("case-studies/"):
                pytest.fail(f"{url}: '£100,000' outside a case study: {sentence.strip()}")
            assert not re.search(r"threshold|\bAct\b", sentence), f"{url}: {sentence.strip()}"
