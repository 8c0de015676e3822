"""A reader's words, as the search reads them: a facet value's names (its label
and the synonyms in vocabularies.yml) are offered as a filter when a query
names them, and find every case study tagged with the value; a snippet shows
the words a result matched. The browser's engine gives the same answers
(tests/js/words.test.js)."""

from __future__ import annotations

import pytest
from conftest import FIXTURES, VALID, run_script

from svhub.config import HubPaths
from svhub.engine.index import build_index, query, query_words, search, unmatched
from svhub.engine.words import recognise, snippet
from svhub.finder.table import facet_table, named_facets
from svhub.load.loader import casestudy_files, load_library
from svhub.structure.facets import NAMED_FACETS, THEME
from svhub.structure.vocabularies import load_vocabularies, parse_vocabularies


@pytest.fixture(scope="module")
def library(tmp_path_factory):
    """The fixtures and 80 synthetic case studies, between them tagged with every theme."""
    out = tmp_path_factory.mktemp("words") / "synthetic"
    result = run_script("synthetic.py", "--count", "80", "--out", str(out))
    assert result.returncode == 0, result.stderr
    files = sorted(VALID.glob("*.md")) + sorted((FIXTURES / "casestudies" / "finder").glob("*.md"))
    return load_library(files + casestudy_files(out), HubPaths()).library


def test_every_themes_label_and_synonyms_find_every_case_study_tagged_with_it(library):
    index = build_index(library.case_studies, library.vocab)
    themes = library.vocab[THEME.vocabulary]
    for term in themes:
        tagged = {str(i) for i, c in enumerate(library.case_studies) if term.value in c.themes}
        assert tagged, f"no case study in the test library is tagged {term.value}, so the test would prove nothing"
        for name in term.names:
            found = {m.ref: m.words for m in search(index, name)}
            assert tagged <= set(found), f"{name!r} misses case studies tagged {term.label!r}"
            assert all(found[ref] == len(query_words(name)) for ref in tagged), f"{name!r}: not every word matched"


def test_the_readers_words_from_the_issue_name_the_values_they_mean():
    facets = named_facets(load_vocabularies())
    expected = {
        "NHS": ("commissioner_type", "nhs-body"), "highways": ("service", "transport-and-highways"),
        "North West": ("region", "north-west"), "Scotland": ("region", "scotland"),
        "councils": ("commissioner_type", "local-authority"), "carbon": ("theme", "carbon-reduction"),
        "school meals": ("service", "food-and-catering"), "apprenticeships": ("theme", "apprenticeships"),
    }
    for words, (param, value) in expected.items():
        assert [(n.param, n.id, n.phrase) for n in recognise(facets, f"what {words} did")] == [(param, value, words)]
    sentence = "apprenticeships in highways contracts in the North West"
    assert [(n.id, n.phrase) for n in recognise(facets, sentence)] == [
        ("apprenticeships", "apprenticeships"), ("transport-and-highways", "highways"), ("north-west", "North West")]
    # The longest name wins: "Welsh Government" is the devolved government, not Wales.
    assert [n.id for n in recognise(facets, "the Welsh Government's fleet")] == ["devolved-government"]
    assert recognise(facets, "social value in contracts") == []


def test_only_the_named_facets_values_carry_their_names_to_the_browser(library):
    table = facet_table(library, ["t-0.json", "t-1.json"])
    named = {f.name for f in NAMED_FACETS}
    assert named == {"service", "theme", "commissioner_type", "region"}
    for facet in table["facets"]:
        has_names = [("names" in value) for value in facet["values"]]
        assert all(has_names) if facet["param"] in named else not any(has_names), facet["param"]
    theme = next(f for f in table["facets"] if f["param"] == "theme")
    carbon = next(v for v in theme["values"] if v["id"] == "carbon-reduction")
    assert carbon["names"][0] == carbon["label"] and "carbon" in carbon["names"]
    assert [f["param"] for f in named_facets(library.vocab)] == [f.name for f in NAMED_FACETS]


def test_a_vocabulary_term_may_list_synonyms_and_needs_none():
    vocab = parse_vocabularies({"region": {
        "wales": {"label": "Wales", "description": "Wales.", "synonyms": ["Cymru", "Welsh"]},
        "london": {"label": "London", "description": "London."},
        "scotland": {"label": "Scotland", "description": "Scotland.", "synonyms": "Scottish"}}})
    assert vocab["region"].terms["wales"].names == ("Wales", "Cymru", "Welsh")
    assert vocab["region"].terms["london"].synonyms == ()
    assert vocab["region"].terms["scotland"].synonyms == ("Scottish",), "one name on its own is one synonym"


def test_a_word_no_case_study_contains_is_reported_and_the_rest_still_find_results(library):
    index = build_index(library.case_studies, library.vocab)
    assert unmatched(index, "apprenticeships xyzzyq") == ["xyzzyq"]
    assert query(index, "apprenticeships xyzzyq") == query(index, "apprenticeships")
    ranked = query(index, "apprenticeships housing")
    both = [ref for ref, _ in ranked if ref in dict(query(index, "housing")) and ref in dict(query(index, "apprenticeships"))]
    assert both and [ref for ref, _ in ranked[:len(both)]] == both, "results with every word come first"


@pytest.mark.parametrize("typed", ["apprenticesh", "apprenticeshi", "partnersh"])
def test_results_stay_while_a_word_ending_in_ship_is_typed(library, typed):
    """The index holds "apprentic" for "apprenticeship": the letters typed on the way
    ("apprenticesh") find what the whole word finds, never "nothing mentions"."""
    index = build_index(library.case_studies, library.vocab)
    whole = typed.rstrip("hi").removesuffix("s") + "ship"
    assert query(index, whole), f"the fixture library must mention {whole!r}"
    assert unmatched(index, typed) == []
    assert [ref for ref, _ in query(index, typed)] == [ref for ref, _ in query(index, whole)]


def test_a_whole_word_ending_in_sh_is_searched_as_it_stands(library):
    index = build_index(library.case_studies, library.vocab)
    assert unmatched(index, "publish") == [] and unmatched(index, "xyzzyish") == ["xyzzyish"]
    assert query(index, "publish") and set(dict(query(index, "publish"))) < set(dict(query(index, "publi")))


def test_a_snippet_marks_the_matched_words_around_the_first_of_them():
    text = ("The council set out its aims early. Over three years the contractor trained forty apprentices "
            "in highways work, and more apprenticeships followed across the county's depots and offices.")
    cut = snippet(text, {"apprentic"}, 12)
    assert [piece for piece, marked in cut.pieces if marked] == ["apprentices", "apprenticeships"]
    assert cut.before and cut.after
    assert "".join(piece for piece, _ in cut.pieces).startswith("the contractor trained forty apprentices")
    marked = snippet("Schools, and (school) meals.", {"school"}).pieces
    assert marked == (("Schools", True), (", and (", False), ("school", True), (") meals.", False)), "not the punctuation"
    whole = snippet("Carbon-neutral fleet.", {"carbon"})
    assert whole.pieces == (("Carbon", True), ("-neutral fleet.", False)) and not whole.before and not whole.after
