"""The case-study finder at /case-studies/: keywords, facets with live counts,
state in the URL, CSV of the results, accessibility, and the listing without
JavaScript. Built from the fixture case studies plus tests/fixtures/casestudies/finder/."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import subprocess
from dataclasses import replace
from datetime import date
from urllib.parse import parse_qs, urlsplit

import pytest
from conftest import FIXTURES, PYTHON, ROOT, VALID, WCAG_TAGS, SiteServer, build, make_project, soup
from playwright.sync_api import expect

from svhub.config import HubPaths, SiteInfo
from svhub.engine.lunrjs import LUNR_FILE, LUNR_SHA256, lunr_js
from svhub.finder.files import finder_files
from svhub.finder.table import COLUMNS, MASK_BITS, NEWEST_ROWS, facet_table, masks
from svhub.load.loader import load_library
from svhub.pages.listings import LISTING_PAGE_SIZE, Listings
from svhub.structure.library import Library

FINDER = FIXTURES / "casestudies" / "finder"
ALL = 11  # three fixtures in valid/ and eight in finder/


@pytest.fixture(scope="session")
def finder_site(tmp_path_factory):
    project = make_project(tmp_path_factory.mktemp("finder-project"),
                           sorted(VALID.glob("*.md")) + sorted(FINDER.glob("*.md")))
    result = build(project)
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site"


@pytest.fixture(scope="session")
def finder_server(finder_site):
    server = SiteServer(finder_site)
    yield server
    server.close()


def open_finder(page, server, query: str = ""):
    page.goto(server.url + "case-studies/" + query)
    page.wait_for_selector(".hub-finder--ready")
    return page


def titles(page) -> list[str]:
    return [t.strip() for t in page.locator("ol.hub-results > li .hub-result__title").all_inner_texts()]


def label_count(page, box_id: str) -> int:
    text = page.inner_text(f"label[for={box_id}] .hub-facet__count")
    return int(text.strip("()"))


def params(page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


# Built files ----------------------------------------------------------------------


def test_the_finder_loads_the_lunr_js_the_hub_ships(finder_site):
    built = (finder_site / "case-studies" / "data" / "lunr.js").read_bytes()
    assert built == lunr_js()
    assert b"lunr - http://lunrjs.com" in built and b"2.3.9" in built[:200]


def test_lunr_js_is_pinned_and_licensed_and_needs_no_mkdocs():
    vendor = ROOT / "hooks" / "svhub" / "engine" / "vendor"
    assert hashlib.sha256((vendor / LUNR_FILE).read_bytes()).hexdigest() == LUNR_SHA256
    licence = (vendor / "LICENSE-lunr.txt").read_text(encoding="utf-8")
    assert "lunr.js 2.3.9" in licence and "Permission is hereby granted" in licence
    # The finder's data is made without the mkdocs package (as scripts/compile.py is run for another engine).
    blocked = ("import sys; sys.modules['mkdocs'] = None; import svhub.finder.files; "
               "from svhub.engine.lunrjs import lunr_js; print(len(lunr_js()))")
    result = subprocess.run([PYTHON, "-c", blocked], cwd=ROOT / "hooks", capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert int(result.stdout) == len(lunr_js())


def test_the_facet_table_has_one_row_per_case_study_newest_first(finder_site):
    table = json.loads((finder_site / "case-studies" / "data" / "finder-facets.json").read_text(encoding="utf-8"))
    columns = table["columns"]
    assert table["rows"] == ALL and len(columns["slug"]) == len(columns["year"]) == ALL
    years = [year or 0 for year in columns["year"]]
    assert years == sorted(years, reverse=True)
    assert {f["param"] for f in table["facets"]} == {
        "service", "theme", "commissioner_type", "region", "stages", "evidence", "review_example", "value_gbp",
        "regimes", "ppn_06_20_themes", "ppn_06_20", "wellbeing_goals", "toms_themes"}
    assert columns["slug"][0] == "fixture-nhs-catering"
    assert set(columns) == set(COLUMNS), "the finder looks columns up by name"


def test_a_facet_column_holds_each_case_studys_values_as_bits():
    assert masks([], 5) == [0]
    assert masks([0, 2], 5) == [0b101]
    assert masks([1, MASK_BITS + 1], MASK_BITS + 3) == [0b10, 0b10], "more values than one mask holds"
    loaded = load_library(sorted(VALID.glob("*.md")), HubPaths())
    table = facet_table(loaded.library, [])
    themes = next(f for f in table["facets"] if f["param"] == "theme")["values"]
    for row, study in enumerate(loaded.library.case_studies):
        bits = table["columns"]["theme"][0][row]
        assert {v["id"] for n, v in enumerate(themes) if bits & (1 << n)} == set(study.themes)


def test_the_listing_hands_the_finder_its_files_through_data_attributes(finder_site):
    listing = soup(finder_site, "case-studies/")
    starter = listing.select_one("head script[src$='finder-url.js']")
    for key in ("facets", "text", "older-text", "index", "lunr", "csv"):
        assert (finder_site / "case-studies" / starter[f"data-{key}"]).is_file()
    scripts = [s["src"].rsplit("/", 1)[-1] for s in listing.select("body script[src]")
               if not s["src"].endswith("search-boot.js")]  # the header's site search, deferred
    assert scripts[:3] == ["lunr.js", "finder.js", scripts[2]] and scripts[2].startswith("bundle."), (
        "lunr.js and the finder come just before Material's bundle")
    assert not listing.select_one("#hub-finder").select("script"), "no inline script (the CSP forbids them)"


def test_the_listing_carries_the_keyword_index_head_so_the_query_shards_are_asked_for_at_once(finder_site):
    """With keywords in the URL, finder.js asks for the query's shards as soon as it runs:
    the index's head is in the page, as data the CSP does not run, the same as its file."""
    listing = soup(finder_site, "case-studies/")
    head = listing.select_one("head script#hub-finder-index")
    assert head["type"] == "application/json"
    published = json.loads((finder_site / "case-studies" / "data" / "finder-index.json").read_text(encoding="utf-8"))
    assert json.loads(head.string) == published and published["shard_files"]


def test_the_results_text_comes_in_two_files_the_newest_case_studies_and_the_rest():
    loaded = load_library(sorted(VALID.glob("*.md")), HubPaths())
    base = loaded.library.case_studies[0]
    tricky = 'Zed: a title with "quotes", a line\nbreak and a line separator \u2028 in it'  # sorted last
    many = [replace(base, slug=f"copy-{n:03d}", title=tricky if n == 600 else f"Copy {n:03d}")
            for n in range(NEWEST_ROWS + 150)]
    library = Library(many, loaded.library.vocab)
    files = {f.src_uri.rsplit("/", 1)[-1]: f.content.decode("utf-8") for f in finder_files(library).files}
    table = json.loads(files["finder-facets.json"])
    assert table["text"]["files"] == ["finder-text-0.json", "finder-text-1.json"]
    assert table["text"]["starts"] == [0, NEWEST_ROWS]
    newest, older = json.loads(files["finder-text-0.json"]), json.loads(files["finder-text-1.json"])
    in_order = [c.title for c in library.case_studies]
    assert [row[0] for row in newest + older] == in_order, "one text row per facet-table row"
    lines = files["finder-text-1.json"].split("\n")
    assert lines[0] == "[" and lines[-1] == "]" and len(lines) == 150 + 2, "one row to a line, as finder.js reads it"
    row = in_order.index(tricky)
    assert row >= NEWEST_ROWS and json.loads(lines[row - NEWEST_ROWS + 1].rstrip(","))[0] == tricky


def test_a_large_library_is_listed_a_hundred_at_a_time_and_every_page_is_linked():
    loaded = load_library(sorted(VALID.glob("*.md")), HubPaths())
    base = loaded.library.case_studies[0]
    many = [replace(base, slug=f"copy-{n:03d}", title=f"Copy {n:03d} of a fixture") for n in range(250)]
    library = Library(many, loaded.library.vocab)
    pages = Listings(library, SiteInfo(today=date(2026, 1, 1)), finder_files(library).index_head).listing_pages()
    assert [p.src_uri for p in pages] == ["case-studies/index.md", "case-studies/page/2.md", "case-studies/page/3.md"]
    listed = [p.body.count('class="hub-result"') for p in pages]
    assert listed == [LISTING_PAGE_SIZE, LISTING_PAGE_SIZE, 50]
    assert 'href="page/2/"' in pages[0].body and 'href="page/3/"' in pages[0].body
    assert 'href="../../"' in pages[2].body and 'id="hub-finder"' not in pages[2].body


# In the browser ---------------------------------------------------------------------


@pytest.mark.browser
def test_typing_a_query_shows_matching_case_studies_with_the_words_highlighted(page, finder_server):
    open_finder(page, finder_server)
    expect(page.locator("#hub-finder-count")).to_have_text(f"{ALL} case studies")
    page.fill("#hub-finder-q", "apprentices")
    expect(page.locator("#hub-finder-count")).to_have_text("4 case studies match")
    # The two with the word in their title and summary come first ("apprenticeship" is the same word).
    assert set(titles(page)[:2]) == {"Fixture Town housing repairs apprentices", "Fixture London construction apprentices"}
    assert page.locator("ol.hub-results mark").first.inner_text().lower().startswith("apprentice")
    page.fill("#hub-finder-q", "appren")
    expect(page.locator("#hub-finder-count")).to_have_text("4 case studies match")
    page.fill("#hub-finder-q", "zebra crossings")
    expect(page.locator("#hub-finder-count")).to_contain_text("No case studies match")
    assert titles(page) == []


@pytest.mark.browser
def test_a_word_of_stop_words_alone_keeps_every_case_study(page, finder_server):
    """Typing "apprentices" starts with "a", a stop word: it searches for nothing,
    so the results stay, never "No case studies match"."""
    open_finder(page, finder_server)
    for typed in ("a", "the", "a the"):
        page.fill("#hub-finder-q", typed)
        expect(page.locator("#hub-finder-count")).to_have_text(f"{ALL} case studies")
        assert len(titles(page)) == min(ALL, 20)
    page.fill("#hub-finder-q", "a apprentices")
    expect(page.locator("#hub-finder-count")).to_have_text("4 case studies match")


@pytest.mark.browser
def test_the_keyword_index_loads_only_for_keywords_and_each_file_once(page, finder_server):
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(urlsplit(request.url).path.rsplit("/", 1)[-1]))
    page.route("**/finder-text-1.json", lambda route: route.abort())  # the older case studies' text
    open_finder(page, finder_server, "?region=north-west")
    expect(page.locator("#hub-finder-count")).to_have_text("4 case studies match")
    assert len(titles(page)) == 4, "the newest case studies' text is enough"
    assert fetched.count("finder-facets.json") == 1 and fetched.count("finder-text-0.json") == 1
    assert not [f for f in fetched if f.startswith("finder-index")], "no keywords yet: no index"
    page.unroute("**/finder-text-1.json")
    fetched.clear()
    open_finder(page, finder_server, "?q=apprentices")
    expect(page.locator("#hub-finder-count")).to_have_text("4 case studies match")
    files = ("finder-facets.json", "finder-text-0.json", "finder-text-1.json", "lunr.js")
    assert sorted(f for f in fetched if f in files) == sorted(files), "each file is fetched once, whoever starts it"
    shards = [f for f in fetched if f.startswith("finder-index-")]
    assert shards and len(set(shards)) == len(shards), "the query's shards, each once"
    assert "finder-index.json" not in fetched, "the index's head comes in the page"


@pytest.mark.browser
def test_the_first_results_for_a_link_are_worked_out_once(page, finder_server):
    """While the page loads, the finder works out the first results to fetch the text they
    show; building the controls shows those, rather than filtering and sorting every case
    study again (at 10,000 case studies, about 7 ms more before the first results)."""
    page.add_init_script("""(() => {
      const hub = window.hubFinder = window.hubFinder || {};
      let filter = null;
      window.__filterRuns = 0;
      Object.defineProperty(hub, "filter", { configurable: true, get: () => filter, set: (engine) => {
        filter = Object.assign({}, engine, { run: function () { window.__filterRuns++; return engine.run.apply(this, arguments); } });
      } });
    })()""")
    open_finder(page, finder_server, "?q=apprentices")
    expect(page.locator("#hub-finder-count")).to_have_text("4 case studies match")
    assert page.evaluate("window.__filterRuns") == 1
    page.check("#hub-f-region-north-west")
    expect(page.locator("#hub-finder-count")).not_to_have_text("4 case studies match")
    assert page.evaluate("window.__filterRuns") == 2, "each change filters once"


@pytest.mark.browser
def test_values_in_one_facet_are_ored_and_facets_are_anded(page, finder_server):
    open_finder(page, finder_server)
    page.check("#hub-f-region-north-west")
    expect(page.locator("#hub-finder-count")).to_have_text("4 case studies match")
    page.check("#hub-f-region-london")
    expect(page.locator("#hub-finder-count")).to_have_text("6 case studies match")
    page.check("#hub-f-service-housing-repairs")
    expect(page.locator("#hub-finder-count")).to_have_text("2 case studies match")
    assert sorted(titles(page)) == ["Example Borough repairs contract <script>window.__pwned = 1</script>",
                                    "Fixture Town housing repairs apprentices"]
    assert page.evaluate("window.__pwned") is None


@pytest.mark.browser
def test_counts_say_how_many_results_a_value_gives_and_empty_values_are_disabled(page, finder_server):
    open_finder(page, finder_server)
    assert label_count(page, "hub-f-region-north-west") == 4
    assert label_count(page, "hub-f-region-wales") == 2
    assert page.is_disabled("#hub-f-region-north-east")
    assert page.is_visible("#hub-f-region-north-east")
    page.check("#hub-f-service-energy-efficiency")
    # Other facets count within the results; the facet's own values still show their totals.
    expect(page.locator("label[for=hub-f-region-north-west] .hub-facet__count")).to_have_text("(1)")
    expect(page.locator("#hub-f-region-wales")).to_be_disabled()
    assert label_count(page, "hub-f-service-housing-repairs") == 2
    page.check("#hub-f-service-housing-repairs")
    expect(page.locator("#hub-finder-count")).to_have_text("3 case studies match")
    page.select_option("#hub-f-social_value_weighting_pct", "20")
    expect(page.locator("#hub-finder-count")).to_have_text("1 case study match")


@pytest.mark.browser
def test_sorting_by_contract_value_puts_the_largest_first_and_those_without_a_value_last(page, finder_server):
    open_finder(page, finder_server, "?sort=value")
    expect(page.locator("#hub-finder-count")).to_have_text(f"{ALL} case studies")
    assert titles(page)[:10] == [
        "Fixture London construction apprentices",  # £85 million
        "Fixture Town housing repairs apprentices",  # £12 million
        "Example Borough repairs contract <script>window.__pwned = 1</script>",  # £4.5 million
        "Fixture retrofit for warm homes",  # £3 million
        "Fixture hospital catering with local food",  # £2.5 million
        "Fixture police fleet maintenance",  # £700,000
        "Fixture NHS trust advice service",  # £540,000
        "Fixture river stewardship",  # £450,000
        "Fixture family support service",  # £60,000
        "Cyngor Enghraifft school meals with local food",  # no value: newest first, then as listed
    ]


@pytest.mark.browser
def test_the_url_holds_the_state_and_reproduces_the_view(page, finder_server, browser):
    open_finder(page, finder_server)
    page.fill("#hub-finder-q", "apprentices")
    page.check("#hub-f-region-north-west")
    page.check("#hub-f-region-london")
    page.select_option("#hub-f-awarded-from", "2021")
    page.select_option("#hub-finder-sort", "value")
    page.wait_for_url(lambda u: "sort=value" in u)
    assert params(page) == {"q": ["apprentices"], "region": ["north-west,london"], "awarded": ["2021-"],
                            "sort": ["value"]}
    shown = titles(page)
    assert len(shown) == 3
    other = browser.new_context().new_page()
    open_finder(other, finder_server, "?" + urlsplit(page.url).query)
    expect(other.locator("#hub-finder-count")).to_contain_text("match")
    assert titles(other) == shown
    assert other.input_value("#hub-finder-q") == "apprentices"
    assert other.is_checked("#hub-f-region-london") and other.is_checked("#hub-f-region-north-west")
    assert other.input_value("#hub-finder-sort") == "value"
    assert not other.is_checked("#__search"), "Material's own search must not take the finder's ?q="
    assert params(other)["q"] == ["apprentices"]
    other.reload()
    expect(other.locator("#hub-finder-count")).to_contain_text("match")
    assert titles(other) == shown
    other.context.close()


@pytest.mark.browser
def test_back_and_forward_step_through_the_filters(page, finder_server):
    open_finder(page, finder_server)
    page.check("#hub-f-region-north-west")
    page.check("#hub-f-service-housing-repairs")
    expect(page.locator("#hub-finder-count")).to_have_text("2 case studies match")
    page.go_back()
    page.wait_for_url(lambda u: "service" not in u)
    expect(page.locator("#hub-finder-count")).to_have_text("4 case studies match")
    assert not page.is_checked("#hub-f-service-housing-repairs")
    page.go_back()
    page.wait_for_url(lambda u: urlsplit(u).query == "")
    expect(page.locator("#hub-finder-count")).to_have_text(f"{ALL} case studies")
    page.go_forward()
    page.wait_for_url(lambda u: "region" in u)
    assert page.is_checked("#hub-f-region-north-west")


@pytest.mark.browser
def test_chips_remove_one_filter_and_clear_all_removes_every_filter(page, finder_server):
    open_finder(page, finder_server, "?region=north-west&evidence=commissioner-reported")
    chips = page.locator(".hub-finder__chip")
    assert chips.all_inner_texts() == ["Region: North West ×", "Evidence: Commissioner-reported ×"]
    chips.first.click()
    assert params(page) == {"evidence": ["commissioner-reported"]}
    page.click(".hub-finder__clear")
    assert params(page) == {}
    expect(page.locator("#hub-finder-count")).to_have_text(f"{ALL} case studies")
    assert page.is_hidden(".hub-finder__active")


@pytest.mark.browser
def test_the_finder_works_with_the_keyboard_alone_and_focus_stays_visible(page, finder_server):
    open_finder(page, finder_server)
    page.focus("#hub-finder-q")
    page.keyboard.type("retrofit")
    expect(page.locator("#hub-finder-count")).to_have_text("1 case study match")
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "hub-f-region-north-west":
            break
    else:
        pytest.fail("Tab never reached the North West checkbox")
    page.keyboard.press("Space")
    assert page.is_checked("#hub-f-region-north-west")
    assert "region=north-west" in page.url
    header = page.locator("header.md-header").bounding_box()
    focused = page.evaluate("(() => { const r = document.activeElement.getBoundingClientRect(); return r.top; })()")
    assert focused >= header["y"] + header["height"], "focused control is hidden under the sticky header"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"


@pytest.mark.browser
def test_download_these_results_exports_exactly_the_filtered_set_with_formulas_escaped(page, finder_server):
    open_finder(page, finder_server, "?commissioner_type=police-and-fire,local-authority&region=south-west,wales")
    expect(page.locator("#hub-finder-count")).to_have_text("3 case studies match")
    with page.expect_download() as info:
        page.click(".hub-finder__download")
    text = open(info.value.path(), encoding="utf-8-sig").read()
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [r["title"] for r in rows] == titles(page)
    police = next(r for r in rows if r["slug"] == "fixture-police-fleet")
    assert police["partners"] == "'=1+1 Fixture Partner"


@pytest.mark.browser
@pytest.mark.parametrize("query", ["", "?q=apprentices&region=north-west,london&sort=value"])
def test_the_finder_has_no_wcag_violations_empty_or_filtered(page, finder_server, query):
    from axe_playwright_python.sync_playwright import Axe

    open_finder(page, finder_server, query)
    if query:
        expect(page.locator("#hub-finder-count")).to_contain_text("match")
    results = Axe().run(page, context={"include": [["#hub-finder"]]},
                        options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    assert results.violations_count == 0, results.generate_report()


@pytest.mark.browser
def test_the_finder_fits_a_320_pixel_screen(browser, finder_server):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = open_finder(context.new_page(), finder_server)
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    assert not page.evaluate("document.querySelector('.hub-finder__filters').open")
    page.click(".hub-finder__filters > summary")
    page.check("#hub-f-region-wales")
    expect(page.locator("#hub-finder-count")).to_have_text("2 case studies match")
    box = page.locator("label[for=hub-f-region-wales]").bounding_box()
    assert box["height"] >= 24
    context.close()


@pytest.mark.browser
def test_without_javascript_the_listing_shows_every_case_study_and_the_browse_links(browser, finder_server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(finder_server.url + "case-studies/")
    assert page.locator("ol.hub-results > li.hub-result").count() == ALL
    assert page.locator("#hub-finder-q").count() == 0
    browse = page.locator(".hub-browse a").all_inner_texts()
    assert browse == ["Service area", "Theme", "Region", "Contract type named in the 2014 review"]
    page.click("text=Fixture river stewardship")
    glance = page.locator(".hub-glance")
    glance.locator("a", has_text="Scotland").click()
    assert page.url.endswith("/case-studies/region/scotland/")
    assert "Fixture river stewardship" in page.locator("ol.hub-results").inner_text()
    context.close()


@pytest.mark.browser
def test_when_the_finder_cannot_load_its_data_the_listing_without_javascript_is_shown(page, finder_server):
    page.route("**/finder-facets.json", lambda route: route.abort())
    page.goto(finder_server.url + "case-studies/")
    expect(page.locator("ol.hub-results > li.hub-result").first).to_be_visible()
    assert page.locator("ol.hub-results > li.hub-result").count() == ALL
    assert page.locator("#hub-finder-q").count() == 0


@pytest.mark.browser
def test_results_from_the_older_case_studies_show_their_own_text(page, finder_site, finder_server):
    """The fixture library fits in the newest case studies' file; here it is split after four rows."""
    data = finder_site / "case-studies" / "data"
    table = json.loads((data / "finder-facets.json").read_text(encoding="utf-8"))
    lines = (data / "finder-text-0.json").read_text(encoding="utf-8").split("\n")[1:-1]
    table["text"]["starts"] = [0, 4]
    split = {"finder-facets.json": json.dumps(table),
             "finder-text-0.json": "[\n" + "\n".join(lines[:4]).rstrip(",") + "\n]",
             "finder-text-1.json": "[\n" + "\n".join(lines[4:]) + "\n]"}
    page.route("**/data/finder-*.json", lambda route: route.fulfill(
        body=split[urlsplit(route.request.url).path.rsplit("/", 1)[-1]], content_type="application/json")
        if urlsplit(route.request.url).path.rsplit("/", 1)[-1] in split else route.continue_())
    listed = [t.get_text(" ", strip=True) for t in soup(finder_site, "case-studies/").select(".hub-result__title")]
    open_finder(page, finder_server)
    expect(page.locator("ol.hub-results > li")).to_have_count(ALL)
    assert titles(page) == listed, "every row with its own title, newest first, across the two files"
    open_finder(page, finder_server, "?q=apprentices")
    expect(page.locator("#hub-finder-count")).to_have_text("4 case studies match")
    # The two with the word in their title and summary come first ("apprenticeship" is the same word).
    assert set(titles(page)[:2]) == {"Fixture Town housing repairs apprentices", "Fixture London construction apprentices"}
    assert all(t in listed for t in titles(page))


@pytest.mark.browser
def test_when_the_results_text_cannot_load_the_finder_says_so(page, finder_server):
    page.route("**/finder-text-*.json", lambda route: route.abort())
    page.goto(finder_server.url + "case-studies/")
    expect(page.locator("#hub-finder-count")).to_have_text(
        "The case studies could not be loaded. Check your connection and reload the page.")


@pytest.mark.browser
def test_when_the_search_index_cannot_load_the_finder_says_so_and_tries_again_on_the_next_search(
        page, finder_server):
    part = "**/finder-index-*.json"  # a shard: the index's head comes in the page
    page.route(part, lambda route: route.abort())
    open_finder(page, finder_server)
    page.fill("#hub-finder-q", "apprentices")
    expect(page.locator("#hub-finder-count")).to_have_text(
        "The search index could not be loaded. Check your connection, then search again.")
    page.unroute(part)
    page.fill("#hub-finder-q", "apprentice")
    expect(page.locator("#hub-finder-count")).to_have_text("4 case studies match")


@pytest.mark.browser
def test_setting_the_year_and_the_weighting_back_to_any_shows_every_case_study_again(page, finder_server):
    open_finder(page, finder_server)
    page.select_option("#hub-f-awarded-from", "2021")
    expect(page.locator("#hub-finder-count")).not_to_have_text(f"{ALL} case studies")
    page.select_option("#hub-f-awarded-from", "")
    expect(page.locator("#hub-finder-count")).to_have_text(f"{ALL} case studies")
    page.select_option("#hub-f-social_value_weighting_pct", "20")
    expect(page.locator("#hub-finder-count")).not_to_have_text(f"{ALL} case studies")
    page.select_option("#hub-f-social_value_weighting_pct", "")
    expect(page.locator("#hub-finder-count")).to_have_text(f"{ALL} case studies")
    assert params(page) == {}


@pytest.mark.browser
def test_the_year_and_weighting_filters_are_built_from_the_facet_table_alone(page, finder_server, finder_site):
    """Renamed in the facet table (parameter, legend, column and place), the range
    facets still make their controls, chips and URL: the finder names none itself."""
    table = json.loads((finder_site / "case-studies" / "data" / "finder-facets.json").read_text(encoding="utf-8"))
    between, at_least = table["ranges"]
    assert (between["param"], between["legend"], "steps" in between) == ("awarded", "Year", False)
    assert at_least["steps"] == [5, 10, 15, 20, 30]
    table["columns"]["let"] = table["columns"].pop(between["column"])
    between |= {"param": "let_in", "legend": "Year let", "column": "let"}
    at_least |= {"param": "weight", "legend": "Weighting", "order": -1}
    table["result"] = [r | {"param": "let_in"} if r["param"] == "awarded" else r for r in table["result"]]
    page.route("**/data/finder-facets.json", lambda route: route.fulfill(body=json.dumps(table),
                                                                        content_type="application/json"))
    open_finder(page, finder_server, "?let_in=2021-")
    legends = page.locator(".hub-finder__groups > fieldset.hub-facet > legend").all_inner_texts()
    assert legends[0] == "Weighting" and "Year let" in legends and "Year" not in legends
    expect(page.locator(".hub-finder__chip")).to_have_attribute("aria-label", "Remove Year let: 2021 to any")
    expect(page.locator("#hub-finder-count")).not_to_have_text(f"{ALL} case studies")
    assert page.input_value("#hub-f-let_in-from") == "2021"
    page.select_option("#hub-f-let_in-from", "")
    expect(page.locator("#hub-finder-count")).to_have_text(f"{ALL} case studies")
    page.select_option("#hub-f-weight", "20")
    expect(page.locator("#hub-finder-count")).not_to_have_text(f"{ALL} case studies")
    assert params(page) == {"weight": ["20"]}
    expect(page.locator(".hub-finder__chip")).to_have_attribute("aria-label", "Remove Weighting: 20% or more")


@pytest.mark.browser
def test_a_link_with_a_sort_year_or_weighting_the_finder_cannot_read_says_they_are_not_applied(page, finder_server):
    open_finder(page, finder_server, "?sort=bogus&awarded=abc&social_value_weighting_pct=lots")
    expect(page.locator("#hub-finder-count")).to_have_text(f"{ALL} case studies")
    assert page.input_value("#hub-finder-sort") == "newest"
    expect(page.locator(".hub-finder__ignored")).to_have_text(
        "Not applied, because the finder does not know them: Year \u201cabc\u201d; "
        "Social value weighting \u201clots\u201d; Sort \u201cbogus\u201d.")
    assert page.locator(".hub-finder__chip").count() == 0
    page.check("#hub-f-region-wales")
    expect(page.locator(".hub-finder__ignored")).to_be_hidden()
    assert params(page) == {"region": ["wales"]}


@pytest.mark.browser
def test_keywords_without_a_letter_or_digit_get_no_chip(page, finder_server):
    open_finder(page, finder_server, "?q=%20%3F%3F%20")
    expect(page.locator("#hub-finder-count")).to_have_text(f"{ALL} case studies")
    assert page.locator(".hub-finder__chip").count() == 0


@pytest.mark.browser
def test_a_link_with_a_value_the_finder_does_not_know_says_it_is_not_applied(page, finder_server):
    open_finder(page, finder_server, "?region=nowhere,london,constructor")
    expect(page.locator("#hub-finder-count")).to_have_text("2 case studies match")
    expect(page.locator(".hub-finder__ignored")).to_have_text(
        "Not applied, because the finder does not know them: Region \u201cnowhere\u201d; Region \u201cconstructor\u201d.")
    assert page.locator(".hub-finder__chip").all_inner_texts() == ["Region: London ×"]
    page.check("#hub-f-region-wales")
    expect(page.locator(".hub-finder__ignored")).to_be_hidden()
    assert params(page)["region"] == ["london,wales"]


# The finder's scripts -----------------------------------------------------------------


def test_the_finder_scripts_are_joined_from_its_modules_which_are_not_published(finder_site):
    from svhub.engine.scripts import SOURCE, browser_scripts, modules

    for script in browser_scripts(HubPaths().root):
        assert (finder_site / script.src_uri).read_bytes() == script.content
    for folder in (path for path in modules(HubPaths().root).iterdir() if path.is_dir()):
        assert not (finder_site / SOURCE / folder.name).exists(), "the modules are joined into the scripts, not served"
    # The theme's own scripts in subfolders of the same folder are served as they are.
    assert list((finder_site / SOURCE / "workers").glob("search.*.min.js")), "Material's search worker"


@pytest.mark.browser
def test_the_finders_result_items_are_the_listings_result_items(browser, finder_server):
    """The same markup with and without JavaScript: svhub.pages writes one, the finder's ui/results.js the other."""
    def items(page) -> list[str]:
        return page.locator("ol.hub-results > li").evaluate_all(
            "items => items.map(item => item.outerHTML.replace(/>\\s+</g, '><').trim())")

    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(finder_server.url + "case-studies/")
    without = items(page)
    context.close()
    page = open_finder(browser.new_page(), finder_server)
    expect(page.locator("ol.hub-results > li")).to_have_count(ALL)
    assert items(page) == without
    page.close()
