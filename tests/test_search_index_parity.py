"""The keyword index is built in Python and searched in the browser: the same
query must find the same case studies in the same order in both."""

from __future__ import annotations

from itertools import accumulate
from urllib.parse import quote, urlsplit

import pytest
from conftest import VALID, SiteServer, build, make_project, run_script
from playwright.sync_api import expect

from svhub.config import HubPaths
from svhub.engine.index import FIELDS, build_index, decoded, front_coded, index_terms, pack, query, terms_of
from svhub.finder.files import shard_path
from svhub.load.loader import casestudy_files, load_library

QUERIES = [
    "social value", "apprentice", "appren", "council's", "local-authority", "Llanfair-ym-Muallt",
    "the housing", "ap", "carbon net zero", "net zero", "(procurement)", "café suppliers", "SME",
    "housing\u2009repairs\u00a0north", "commission*", "NHS trust", "training weeks", "zzzz",
    "apprenticeships in highways contracts zzzz", "apprenticeship partnerships", "school meals", "apprentice -housing",
    "apprenticesh partnersh",
]


@pytest.fixture(scope="module")
def parity(tmp_path_factory):
    """A site of 150 synthetic case studies plus the fixtures, and the same index in Python."""
    work = tmp_path_factory.mktemp("parity")
    result = run_script("synthetic.py", "--count", "150", "--out", str(work / "synthetic"))
    assert result.returncode == 0, result.stderr
    project = make_project(work / "project", sorted(VALID.glob("*.md")) + casestudy_files(work / "synthetic"))
    result = build(project)
    assert result.returncode == 0, result.stdout + result.stderr
    library = load_library(casestudy_files(project / "casestudies"), HubPaths(project)).library
    shards = list((project / "site" / "case-studies" / "data").glob("finder-index-*.json"))
    assert len(shards) >= 2, "the browser must load an index in several shards for these tests to cover it"
    server = SiteServer(project / "site")
    yield server, library, build_index(library.case_studies, library.vocab)
    server.close()


def python_ranking(library, index, text: str) -> list[str]:
    return [library.case_studies[int(ref)].slug for ref, _score in query(index, text)]


def browser_ranking(page, server, text: str) -> list[str]:
    page.goto(f"{server.url}case-studies/?q={quote(text)}&sort=relevance")
    page.wait_for_selector(".hub-finder--ready")
    expect(page.locator("#hub-finder-count")).not_to_have_text("Loading the search index…")
    shown: list[str] = []
    while True:
        shown = [i.removeprefix("cs-") for i in page.locator("ol.hub-results > li").evaluate_all(
            "items => items.map(item => item.id)")]
        if page.is_hidden(".hub-finder__more"):
            return shown
        page.focus(".hub-finder__more")
        page.keyboard.press("Enter")
        page.wait_for_function("n => document.querySelectorAll('ol.hub-results > li').length > n", arg=len(shown))


@pytest.mark.browser
@pytest.mark.parametrize("text", QUERIES)
def test_a_query_ranks_the_same_case_studies_in_python_and_in_the_browser(page, parity, text):
    server, library, index = parity
    expected = python_ranking(library, index, text)
    assert browser_ranking(page, server, text) == expected
    # Queries that must match several case studies, so that their order is compared too. The synthetic
    # library's words come from the real case studies; since the 2026 audit, "carbon net zero" matches one.
    if text in ("social value", "apprentice", "appren", "net zero"):
        assert len(expected) > 1, "a query meant to match several case studies matched too few to compare order"


@pytest.mark.browser
def test_lunr_js_turns_every_indexed_text_into_the_terms_python_indexed(page, parity):
    server, library, _index = parity
    texts = [field.text(c, library.vocab) for c in library.case_studies for field in FIELDS]
    texts += ["Café «quoted» (brackets) o'neill – dash\u2009thin\u00a0nbsp \u3000ideographic", "ÉCOLE naïve"]
    browser_ranking(page, server, "warm")
    in_browser = page.evaluate("""texts => texts.map(text => lunr.tokenizer(text)
        .map(token => lunr.trimmer(token)).filter(token => lunr.stopWordFilter(token) !== undefined)
        .map(token => hubFinder.query.stemWord(String(token))))""", texts)
    assert in_browser == [index_terms(text) for text in texts]


def test_the_packed_index_keeps_every_posting_and_its_score(parity):
    _server, _library, index = parity
    packed = pack(index, shard_bytes=20_000)
    assert len(packed.shards) >= 3
    terms, fields = terms_of(packed), packed.head["fields"]
    ends = [*packed.head["shards"][1:], len(terms)]
    assert decoded(packed.head["shard_bounds"]) == [term for start, end in zip(packed.head["shards"], ends, strict=True)
                                                    for term in (terms[start], terms[end - 1])]
    postings = [row for shard in packed.shards for row in shard["postings"]]
    assert packed.head["shards"] == list(accumulate([0] + [len(s["postings"]) for s in packed.shards[:-1]]))
    assert terms == sorted(index.inverted_index) and len(postings) == len(terms)
    for term, row in zip(terms, postings, strict=True):
        number = index.inverted_index[term]["_index"]
        for field, text in zip(fields, row, strict=True):
            flat = [int(n) for n in text.split(",")] if text else []
            docs = list(accumulate(flat[0::2]))
            assert docs == sorted(int(ref) for ref in index.inverted_index[term][field])
            for doc, score in zip(docs, flat[1::2], strict=True):
                elements = index.field_vectors[f"{field}/{doc}"].elements
                assert score == round(dict(zip(elements[0::2], elements[1::2], strict=True))[number] * 1000)


@pytest.mark.browser
def test_a_search_fetches_only_the_shards_its_terms_are_in(page, parity):
    server, _library, index = parity
    fetched: set[str] = set()
    page.on("request", lambda request: fetched.add(urlsplit(request.url).path.rsplit("/", 1)[-1]))
    assert browser_ranking(page, server, "apprentice")
    starts = pack(index).head["shards"]
    shard_of = {n: max(k for k, start in enumerate(starts) if start <= n) for n in range(len(index.inverted_index))}
    wanted = {shard_path(shard_of[n]).rsplit("/", 1)[-1]
              for n, term in enumerate(sorted(index.inverted_index)) if term.startswith("apprentic")}
    assert {name for name in fetched if name.startswith("finder-index-")} == wanted
    assert len(wanted) < len(starts)


def test_a_shards_terms_are_front_coded_and_decode_to_every_term_in_order():
    terms = ["", "0", "appren", "apprentic", "apprentice", "apprenticeship", "b", "x" * 50, "x" * 51 + "y"]
    coded = front_coded(terms)
    assert coded.split("\n")[:7] == ["0", "00", "0appren", "6tic", "9e", "aship", "0b"]
    assert decoded(coded) == terms
    assert decoded(front_coded([])) == []
    # A long shared prefix is capped at 35 letters, and the rest is written out.
    assert coded.split("\n")[-1] == "z" + "x" * 16 + "y"
