"""What the build does to stay close to plain Material's speed changes nothing
a reader sees: the listing's and facet pages' results, set apart from
Markdown, come back whole; the nav drawn once for pages outside it has the
links each of those pages needs; lunr's index is the one lunr.py builds."""

from __future__ import annotations

import itertools

from conftest import VALID
from lunr.builder import Builder

from svhub.engine.index import FIELDS, build_index, index_pipeline, js_stemmer, js_text
from svhub.load.loader import load_library
from svhub.output import GeneratedPage
from svhub.pages.once import nav_key
from svhub.urls import relative


def test_html_set_apart_from_markdown_comes_back_whole():
    results = '<ol class="hub-results"><li id="cs-a"><h2><a href="a/">A &amp; B</a></h2></li></ol>'
    page = GeneratedPage("case-studies/region/wales.md", "Wales", f"<p>Intro</p>\n\n{results}\n",
                         html_blocks=(results,))
    engine = page.markdown(with_data=False, for_engine=True)
    assert results not in engine and "hub-results" not in engine
    assert page.restore(f"<h1>Wales</h1>\n{engine.split('---', 2)[2]}").count(results) == 1
    assert results in page.markdown(), "the standalone Markdown (scripts/compile.py) keeps it inline"


def test_built_pages_hold_no_placeholder_and_every_result(fixture_site):
    for path in fixture_site.rglob("*.html"):
        assert "svhub:html-block" not in path.read_text(encoding="utf-8"), path
    listing = (fixture_site / "case-studies" / "index.html").read_text(encoding="utf-8")
    assert listing.count('class="hub-result"') == len(list(VALID.glob("*.md")))


def test_pages_with_one_nav_key_have_the_same_link_to_every_nav_page():
    nav = ["", "the-act/", "the-act/the-duty/", "guidance/", "guidance/evaluation/", "case-studies/", "glossary/",
           "about/data-dictionary/"]
    pages = ["case-studies/a/", "case-studies/b/", "case-studies/region/", "case-studies/region/wales/",
             "case-studies/page/2/", "search/", "guidance/evaluation/", "guidance/other/", "the-act/x/y/", "404.html"]
    for one, other in itertools.combinations(pages, 2):
        if nav_key(one, nav) == nav_key(other, nav):
            assert [relative(one, url) for url in nav] == [relative(other, url) for url in nav], (one, other)
    assert nav_key("case-studies/a/", nav) == nav_key("case-studies/b/", nav), "the case studies share one nav"


def test_the_index_is_the_one_lunr_py_builds():
    library = load_library(sorted(VALID.glob("*.md"))).library
    builder = Builder()
    builder.pipeline = index_pipeline()
    builder.search_pipeline.add(js_stemmer)
    builder.ref("ref")
    for field in FIELDS:
        builder.field(field.name, boost=field.boost)
    for position, case_study in enumerate(library.case_studies):
        builder.add({"ref": str(position)} | {f.name: js_text(f.text(case_study, library.vocab)) for f in FIELDS})
    theirs, ours = builder.build(), build_index(library.case_studies, library.vocab)
    assert ours.serialize() == theirs.serialize()
