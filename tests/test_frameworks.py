"""The frameworks commissioners use (PPN 06/20 outcomes, Welsh well-being goals,
National TOMs themes): optional case-study fields with their own vocabularies,
each list traceable to where it comes from, and facets of the finder."""

from __future__ import annotations

import re

import pytest
from conftest import VALID

from svhub.config import HubPaths
from svhub.finder.table import facet_table
from svhub.load.loader import load_file, load_library
from svhub.load.schema import FRAMEWORKS
from svhub.structure.facets import BY_NAME
from svhub.structure.vocabularies import load_vocabularies

VOCAB = load_vocabularies(HubPaths().vocabularies)


def test_each_framework_has_its_full_list_and_says_where_it_comes_from():
    assert len(VOCAB["ppn_06_20_theme"].values) == 5
    assert VOCAB["ppn_06_20_theme"].about and VOCAB["ppn_06_20_outcome"].about
    assert len(VOCAB["ppn_06_20_outcome"].values) == 8
    assert len(VOCAB["wellbeing_goal"].values) == 7
    assert len(VOCAB["toms_theme"].values) == 5
    for _key, (name, _description) in FRAMEWORKS.items():
        about = VOCAB[name].about
        assert about and about.sources, name
        assert all(re.match(r"https?://[^/]+/.+", s["url"]) for s in about.sources), name
    assert "NoDerivatives" in VOCAB["toms_theme"].about.note
    # Every PPN 06/20 outcome sits under one of the five themes, and every theme has one.
    groups = [t.group for t in VOCAB["ppn_06_20_outcome"]]
    assert set(groups) == set(VOCAB["ppn_06_20_theme"].values)
    assert "PPN 002" not in VOCAB.by_name  # no partial list: see the comment in vocabularies.yml


def test_a_case_study_with_frameworks_loads_and_the_finder_has_a_facet_for_each():
    library = load_library(sorted(VALID.glob("*.md"))).library
    welsh = next(c for c in library.case_studies if c.slug == "cyngor-enghraifft-welsh")
    assert welsh.frameworks.wellbeing_goals == ("a-healthier-wales", "a-prosperous-wales")
    table = facet_table(library, ["a.json", "b.json"])
    facets = {f["param"]: f for f in table["facets"]}
    for key in FRAMEWORKS:
        assert key in facets and BY_NAME[key].field == f"frameworks.{key}"
    assert facets["ppn_06_20"]["groups"] == [t.label for t in VOCAB["ppn_06_20_theme"]]
    row = [c.slug for c in library.case_studies].index("cyngor-enghraifft-welsh")
    ids = [v["id"] for v in facets["wellbeing_goals"]["values"]]
    chosen = table["columns"]["wellbeing_goals"][0][row]
    assert {ids[i] for i in range(len(ids)) if chosen >> i & 1} == {"a-healthier-wales", "a-prosperous-wales"}


def test_a_framework_no_case_study_is_tagged_with_says_so_in_the_finder():
    table = facet_table(load_library(sorted(VALID.glob("*.md"))).library, ["a.json", "b.json"])
    hints = {f["param"]: f.get("hint", "") for f in table["facets"]}
    untagged = {f["param"] for f in table["facets"] if f.get("untagged")}
    assert "toms_themes" in untagged and "ppn_06_20" in untagged
    assert hints["ppn_06_20"].startswith("Only where a source says the procurement used the model.")
    assert "wellbeing_goals" not in untagged, "the Welsh fixture is tagged with two goals"
    assert not untagged & {"service", "theme", "region"}


@pytest.mark.parametrize("value", ["a-happier-wales", "Jobs"])
def test_a_value_outside_the_vocabulary_is_refused_with_the_file_line_and_a_hint(tmp_path, value):
    text = (VALID / "example-borough-housing-repairs.md").read_text(encoding="utf-8")
    bad = tmp_path / "bad-frameworks.md"
    bad.write_text(text.replace("owner: editorial-team", f"frameworks:\n  wellbeing_goals: [{value}]\n"
                                "owner: editorial-team", 1), encoding="utf-8")
    result = load_file(bad)
    assert not result.ok
    message = [d for d in result.diagnostics if "frameworks.wellbeing_goals" in d.message]
    assert message and message[0].line > 1 and "wellbeing_goal" in message[0].hint


def test_a_case_study_page_names_the_frameworks_its_sources_say_it_used(fixture_site):
    from conftest import soup

    glance = soup(fixture_site, "case-studies/cyngor-enghraifft-welsh/").get_text(" ")
    assert "Welsh well-being goal" in glance and "A healthier Wales" in glance and "A prosperous Wales" in glance
    assert "PPN 06/20" not in soup(fixture_site, "case-studies/example-borough-housing-repairs/").get_text(" ")
