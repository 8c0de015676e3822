"""The record of consideration (issue 16), as a commissioner uses it: fill every
step with the keyboard, reload and find it all, save the file and open it in a
fresh browser, print it on at most two A4 pages, be told plainly about a bad
file, use the page without JavaScript, and see the same examples the finder
shows for the same filter."""

from __future__ import annotations

import io
import json
import re
import time
from pathlib import Path

import pytest
import yaml
from axe_playwright_python.sync_playwright import Axe
from conftest import ROOT, WCAG_TAGS, soup
from playwright.sync_api import expect

from svhub.config import HubPaths
from svhub.finder.table import CHOICES
from svhub.pages.record import RecordForm
from svhub.structure.vocabularies import load_vocabularies

URL = "guidance/record-of-consideration/"
DATA = yaml.safe_load((ROOT / "content" / "_data" / "record.yml").read_text(encoding="utf-8"))
DUTY_TEXT = {d["id"]: " ".join(d["duty"].split())
             for d in yaml.safe_load((ROOT / "content" / "_data" / "duties.yml").read_text(encoding="utf-8"))}
DUTIES = set(DUTY_TEXT)
DUTY_SOURCES = {d["id"]: d["sources"]
                for d in yaml.safe_load((ROOT / "content" / "_data" / "duties.yml").read_text(encoding="utf-8"))}
VOCAB = load_vocabularies(HubPaths().vocabularies)
STEPS = [s["id"] for s in DATA["steps"]]
REGIMES = {r["id"]: r for r in DATA["regimes"]}
MAX_PAGES = 2

# A typical procurement, as a commissioner might answer it: central government
# in England at £6 million, so PPN 002 and the Procurement Act's KPIs apply.
TYPICAL = {
    "procurement_name": "Facilities management for regional offices 2027",
    "authority": "Example Department for Regions",
    "authority_type": "central-government",
    "nation": "england",
    "service": "grounds-and-facilities",
    "value_gbp": "6000000",
    "in_scope": "yes",
    "in_scope_reason": "A services contract above the threshold; the department is a relevant authority.",
    "themes": ["local-jobs", "apprenticeships", "carbon-reduction"],
    "economic": "Entry-level jobs and two apprenticeships a year for people living near the four offices; "
                "spend with small local suppliers for cleaning materials and minor works.",
    "social": "Work placements for care leavers with the council's leaving-care team; volunteering days "
              "with two local food banks.",
    "environmental": "Cut fleet emissions by moving site vans to electric; less waste to landfill from the offices.",
    "stage_pre_procurement": "Market engagement day in March tested what suppliers of this size can offer.",
    "stage_specification": "The specification asks for an electric fleet by year two and a local recruitment plan.",
    "stage_evaluation": "Social value weighted at 10% of the total score, using the model question.",
    "stage_contract_terms": "Commitments become contract terms, with three KPIs including apprenticeship starts.",
    "stage_contract_management": "Quarterly reports to the contract manager; annual review with the supplier.",
    "relevant": "Each matter arises from delivering facilities services at these offices: staff, vans, waste.",
    "proportionate": "The asks are scaled to a £6 million, five-year contract and tested in market engagement.",
    "consult_decision": "yes",
    "consult_whom": "Office staff forums, the local councils' employment teams and two VCSE networks.",
    "consult_when": "February to March 2027",
    "consult_result": "Added care leavers' placements; dropped a target suppliers said was not achievable.",
    "ppn002_outcome": "The outcomes on good jobs and on the environment, chosen as relevant to the contract.",
    "ppn002_weighting": "10",
    "kpis": "Apprenticeship starts, fleet emissions and on-time completion of reactive repairs.",
    "decided_by": "Jo Bloggs, Commercial Director, at the Commercial Board",
    "decided_on": "2027-04-01",
    "kept_at": "The procurement file, reference FM-2027-01, in the department's records system.",
}

pytestmark = pytest.mark.browser
_axe = Axe()


# The page, as built ------------------------------------------------------------

def test_the_data_names_only_duties_values_and_regions_that_exist():
    assert len(DATA["steps"]) == 7
    for step in DATA["steps"]:
        assert step["good_answer"].strip() and set(step["duties"]) <= DUTIES
        for question in step.get("questions") or []:
            assert question.get("vocabulary") in (None, *VOCAB.by_name)
            options = question.get("options")
            # YAML reads a bare yes or no as true or false: every choice's id is text.
            assert options in (None, "nations") or all(isinstance(o["id"], str) for o in options), question["name"]
    regions = set(VOCAB["region"].values)
    assert all(set(n["regions"]) <= regions for n in DATA["nations"])
    for regime in DATA["regimes"]:
        assert re.match(r"https?://[^/]+/.+", regime["url"]) and DUTY_SOURCES[regime["duty"]]
        assert all(s.get("instrument") or re.match(r"https?://[^/]+/.+", s["url"])
                   for s in DUTY_SOURCES[regime["duty"]])


def test_the_questions_that_choose_the_examples_each_name_a_vocabulary_the_finder_filters():
    """The record's script names no facet: the page gives it the questions that choose the
    examples (`examples: true`) with their vocabularies, and the finder has a facet of each."""
    sources = RecordForm(DATA, {}, VOCAB).example_sources()
    assert [s["question"] for s in sources] == ["nation", "service", "themes"]
    assert {s["vocabulary"] for s in sources} <= {f.vocabulary for f in CHOICES}
    assert sources[0]["values"] == {n["id"]: n["regions"] for n in DATA["nations"]}
    assert all("values" not in s for s in sources[1:])


def test_each_regime_states_its_rule_from_duties_yml_with_that_entrys_deep_linked_sources(fixture_site):
    """One statement, one entry: the form holds no second copy of what a rule says."""
    html = soup(fixture_site, URL)
    for regime in DATA["regimes"]:
        assert regime["duty"] in DUTIES and "sources" not in regime, regime["id"]
        fieldset = html.select_one(f"#regime-{regime['id']}")
        text = " ".join(fieldset.get_text(" ").split())
        assert _squash(DUTY_TEXT[regime["duty"]])[:80] in _squash(text), regime["id"]
        links = [a["href"] for a in fieldset.select(".hub-record-sources a")]
        assert len(links) == len(DUTY_SOURCES[regime["duty"]]), regime["id"]
        assert all(re.match(r"https://[^/]+/.+", href) for href in links), regime["id"]


def test_each_regime_cites_an_instrument_of_the_register_and_links_into_it():
    register = ROOT / "content" / "_data" / "instruments.yml"
    assert register.is_file(), "the instrument register (content/_data/instruments.yml) is missing"
    instruments = {i["id"]: i for i in yaml.safe_load(register.read_text(encoding="utf-8"))}
    for regime in DATA["regimes"]:
        instrument = instruments[regime["instrument"]]
        base = (instrument.get("base") or instrument["url"]).split("://", 1)[1].removeprefix("www.")
        assert regime["url"].split("://", 1)[1].removeprefix("www.").startswith(base.rstrip("/")), regime["id"]


def test_every_step_links_its_clause_says_what_a_good_answer_is_and_the_page_is_not_legal_advice(fixture_site):
    html = soup(fixture_site, URL)
    assert "not legal advice" in html.get_text(" ").lower()
    for step in DATA["steps"]:
        section = html.select_one(f"#step-{step['id']}")
        assert section is not None
        assert "What a good answer looks like" in section.get_text()
        clauses = section.select("a[data-clause]")
        assert clauses and all(a["href"].startswith("https://www.legislation.gov.uk/") or "gov.uk" in a["href"]
                               for a in clauses), step["id"]
        for question in step.get("questions") or []:
            assert section.select_one(f"[data-question={question['name']}]"), question["name"]
    assert not html.select("#hub-record script"), "no inline script (the CSP forbids them)"
    assert html.select_one("script[src$='assets/javascripts/record.js']")


def test_the_page_is_in_the_guidance_nav_and_linked_from_barrier_2_and_the_duty_page():
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace("!!python", "#"))
    guidance = next(item["Guidance"] for item in config["nav"] if isinstance(item, dict) and "Guidance" in item)
    assert "guidance/record-of-consideration.md" in guidance
    barriers = yaml.safe_load((ROOT / "content" / "_data" / "barriers.yml").read_text(encoding="utf-8"))
    legal = next(b for b in barriers if b["id"] == "legal-uncertainty")
    assert "guidance/record-of-consideration.md" in [link["href"] for link in legal["links"]]
    assert "../guidance/record-of-consideration.md" in (ROOT / "content" / "the-act" / "the-duty.md").read_text(
        encoding="utf-8")


# In the browser ------------------------------------------------------------------

def _open(browser, server, **options):
    context = browser.new_context(viewport={"width": options.pop("width", 1280), "height": 900}, locale="en-GB",
                                  accept_downloads=True, **options)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(server.url + URL, wait_until="load")
    return context, page, errors


def _until(page, expression: str, timeout: float = 15.0) -> None:
    """Waits until a JavaScript expression is true. (page.wait_for_function polls by
    evaluating a string, which the page's CSP rightly refuses; evaluate does not.)"""
    deadline = time.monotonic() + timeout
    while not page.evaluate(expression):
        if time.monotonic() > deadline:
            raise AssertionError(f"still false after {timeout}s: {expression}")
        page.wait_for_timeout(50)


def _ready(page):
    _until(page, "document.getElementById('hub-record').hasAttribute('data-js')")
    _until(page, "!/Loading/.test(document.getElementById('hub-record-examples-count').textContent)")


def _snapshot(page) -> list:
    return page.evaluate("""() => [...document.querySelectorAll('[data-record]')].map(f =>
        [f.id, (f.type === 'checkbox' || f.type === 'radio') ? f.checked : f.value])""")


def _fill(page, answers: dict) -> None:
    for name, value in answers.items():
        if isinstance(value, list):
            for v in value:
                page.check(f"#rec-{name}-{v}")
        elif re.fullmatch(r"[a-z0-9-]+", value) and page.locator(f"#rec-{name}-{value}").count():
            page.check(f"#rec-{name}-{value}")
        elif page.locator(f"select#rec-{name}").count():
            page.select_option(f"#rec-{name}", value)
        else:
            page.fill(f"#rec-{name}", value)


def _keyboard_fill(page) -> None:
    """Tab through the whole page and answer every field it reaches, keys only."""
    page.keyboard.press("Tab")
    typed: set[str] = set()
    for _ in range(400):
        field = page.evaluate("""() => { const f = document.activeElement;
            return f && f.hasAttribute('data-record') ? {id: f.id, type: f.type, name: f.name, tag: f.tagName} : null; }""")
        if field and field["id"] not in typed:
            typed.add(field["id"])
            kind = field["type"]
            if kind in ("radio", "checkbox"):
                page.keyboard.press("Space")
            elif field["tag"] == "SELECT":
                page.keyboard.type({"authority_type": "Central", "service": "Grounds"}[field["name"]])
            elif kind == "number":
                page.keyboard.type("6000000" if field["name"] == "value_gbp" else "10")
            elif kind == "date":
                page.keyboard.type("01042027")
            else:
                page.keyboard.type(f"Answer to {field['name']} <b>typed</b>")
        if field and field["name"] == "kept_at":
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"never reached the last question; answered {sorted(typed)}")


def test_every_step_can_be_filled_with_the_keyboard_alone_and_a_reload_keeps_every_answer(browser, fixture_server):
    context, page, errors = _open(browser, fixture_server)
    try:
        _ready(page)
        _keyboard_fill(page)
        before = _snapshot(page)
        answered = dict(page.evaluate("() => JSON.parse(localStorage.getItem('svhub-record-draft')).answers"))
        # Every step was answered, the regimes that apply included (central government, £6m).
        for step in ("procurement_name", "economic", "stage_specification", "relevant", "consult_whom",
                     "ppn002_outcome", "kpis", "decided_by"):
            assert step in answered, step
        # (the date as typed: the order of its parts follows the browser's own locale)
        assert answered["decided_on"] in ("2027-04-01", "2027-01-04")
        assert answered["authority_type"] == "central-government"
        assert page.is_hidden("#regime-sppp-wales") and page.is_visible("#regime-ppn-002")
        page.reload(wait_until="load")
        _ready(page)
        assert _snapshot(page) == before
        assert "draft" in page.inner_text("#hub-record-status")
    finally:
        context.close()
    assert errors == []


def test_a_saved_record_opens_in_a_fresh_browser_as_the_same_record(browser, fixture_server, tmp_path):
    context, page, errors = _open(browser, fixture_server)
    try:
        _ready(page)
        _fill(page, TYPICAL)
        before = _snapshot(page)
        with page.expect_download() as download:
            page.click("[data-action=save-json]")
        saved = tmp_path / download.value.suggested_filename
        download.value.save_as(saved)
        with page.expect_download() as markdown:
            page.click("[data-action=save-markdown]")
        copy = Path(markdown.value.path()).read_text(encoding="utf-8")
    finally:
        context.close()
    data = json.loads(saved.read_text(encoding="utf-8"))
    assert data["format"] == "svhub-record-of-consideration" and data["version"] == DATA["version"]
    assert data["answers"]["themes"] == TYPICAL["themes"] and data["answers"]["kpis"] == TYPICAL["kpis"]
    assert saved.name.startswith("record-of-consideration-facilities-management") and saved.suffix == ".json"
    assert TYPICAL["consult_result"] in copy and "s.1(3)(a)" in copy and "Not legal advice" in copy
    fresh, page, more_errors = _open(browser, fixture_server)
    try:
        _ready(page)
        assert page.evaluate("localStorage.getItem('svhub-record-draft')") is None
        page.set_input_files("#hub-record-file", str(saved))
        expect(page.locator("#hub-record-status")).to_contain_text("Opened the record")
        assert _snapshot(page) == before
    finally:
        fresh.close()
    assert errors == more_errors == []


BAD_FILES = {
    "not a record": ("notes.json", b'{"title": "My notes", "items": [1, 2]}', "not a record of consideration"),
    "a picture": ("photo.json", b"\x89PNG\r\n\x1a\n\x00\x00binary", "could not be read"),
    "newer version": ("record.json", json.dumps({"format": "svhub-record-of-consideration", "version": 99,
                                                 "answers": {"authority": "Later"}}).encode(), "newer version"),
    "corrupt": ("record.json", b'{"format": "svhub-record-of-consideration", "version": 1, "answers": {"auth',
                "could not be read"),
    "over 1 MB": ("big.json", b'{"format": "svhub-record-of-consideration", "version": 1, "answers": {"a": "'
                  + b"x" * (1024 * 1024) + b'"}}', "larger than 1 MB"),
}


def test_a_bad_file_gives_a_clear_message_and_leaves_the_draft_untouched(browser, fixture_server, tmp_path):
    context, page, errors = _open(browser, fixture_server)
    try:
        _ready(page)
        _fill(page, {"procurement_name": "My draft", "nation": "wales", "themes": ["local-jobs"]})
        before = _snapshot(page)
        draft = page.evaluate("localStorage.getItem('svhub-record-draft')")
        for name, (filename, content, message) in BAD_FILES.items():
            path = tmp_path / name.replace(" ", "-") / filename
            path.parent.mkdir()
            path.write_bytes(content)
            page.evaluate("document.getElementById('hub-record-status').textContent = ''")
            page.set_input_files("#hub-record-file", str(path))
            _until(page, "document.getElementById('hub-record-status').textContent !== ''")
            status = page.inner_text("#hub-record-status")
            assert message in status and "draft is unchanged" in status, (name, status)
            assert _snapshot(page) == before, name
            assert page.evaluate("localStorage.getItem('svhub-record-draft')") == draft, name
    finally:
        context.close()
    assert errors == []


def test_a_record_too_large_to_open_again_is_neither_saved_nor_kept_and_the_page_says_so(browser, fixture_server):
    context, page, errors = _open(browser, fixture_server)
    try:
        _ready(page)
        _fill(page, {"procurement_name": "My draft"})
        draft = page.evaluate("localStorage.getItem('svhub-record-draft')")
        page.fill("#rec-procurement_name", "é" * (600 * 1024))  # under 1 MB of characters, over 1 MB of bytes
        expect(page.locator("#hub-record-status")).to_contain_text("larger than 1 MB")
        assert page.evaluate("localStorage.getItem('svhub-record-draft')") == draft
        downloads: list = []
        page.on("download", lambda download: downloads.append(download))
        page.click("[data-action=save-json]")
        expect(page.locator("#hub-record-status")).to_contain_text("Nothing was saved")
        page.wait_for_timeout(300)
        assert downloads == []
    finally:
        context.close()
    assert errors == []


def test_a_kept_draft_the_page_cannot_open_is_set_aside_with_a_message_never_dropped(browser, fixture_server):
    context, page, errors = _open(browser, fixture_server)
    try:
        _ready(page)
        damaged = '{"format": "svhub-record-of-consideration", "version": 1, "answers": {"procurement_name": "My dr'
        page.evaluate(f"localStorage.setItem('svhub-record-draft', {json.dumps(damaged)})")
        page.reload(wait_until="load")
        _ready(page)
        expect(page.locator("#hub-record-status")).to_contain_text("could not be opened, so it was set aside")
        assert page.evaluate("localStorage.getItem('svhub-record-draft-unopened')") == damaged
    finally:
        context.close()
    assert errors == []


def test_typed_text_is_shown_and_printed_as_text(browser, fixture_server):
    context, page, errors = _open(browser, fixture_server)
    try:
        _ready(page)
        hostile = '<img src=x onerror="window.hacked=1">'
        _fill(page, {"procurement_name": hostile, "economic": "<script>window.hacked=1</script>"})
        page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
        printed = page.locator("#hub-record-print")
        assert hostile in printed.inner_text() and printed.locator("img, script").count() == 0
        page.reload(wait_until="load")
        _ready(page)
        assert page.evaluate("window.hacked") is None
    finally:
        context.close()
    assert errors == []


def _pdf_text(page) -> tuple[int, str]:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(page.pdf(format="A4", print_background=True)))
    return len(reader.pages), "\n".join(p.extract_text() or "" for p in reader.pages)


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_a_typical_record_prints_on_at_most_two_a4_pages_with_its_answers_and_clauses(browser, fixture_server):
    context, page, errors = _open(browser, fixture_server)
    try:
        _ready(page)
        _fill(page, TYPICAL)
        page.emulate_media(media="print")
        pages, text = _pdf_text(page)
    finally:
        context.close()
    print(f"The typical record prints on {pages} A4 page(s)")
    assert pages <= MAX_PAGES, f"the typical record prints on {pages} pages"
    flat = _squash(text)
    for name in ("procurement_name", "economic", "stage_evaluation", "proportionate", "consult_result",
                 "ppn002_outcome", "kpis", "decided_by", "kept_at"):
        assert _squash(TYPICAL[name]) in flat, name
    for clause in ("s.1(1)", "s.1(2)", "s.1(3)(a)", "s.1(3)(b)", "s.1(6)", "s.1(7)", "PPN002,centralgovernment",
                   "legislation.gov.uk/ukpga/2012/3/section/1"):
        assert clause in flat, clause
    assert "Notlegaladvice" in flat and "Examplesfromthelibrary" not in flat
    assert "Walesthesociallyresponsible" not in flat.replace(",", "")  # a regime that does not apply is left out


def test_without_javascript_the_page_is_every_question_with_its_guidance_and_prints_blank(browser, fixture_server):
    context, page, errors = _open(browser, fixture_server, java_script_enabled=False)
    try:
        for step in DATA["steps"]:
            section = page.locator(f"#step-{step['id']}")
            assert section.is_visible()
            assert "What a good answer looks like" in section.inner_text()
        for regime in REGIMES:
            assert page.is_visible(f"#regime-{regime}")
        labels = [q["label"] for s in DATA["steps"] for q in s.get("questions") or []]
        labels += [q["label"] for r in DATA["regimes"] for q in r["questions"]]
        for label in labels:
            assert page.get_by_text(label, exact=True).count() >= 1, label
        assert page.is_hidden("#hub-record-tools")
        pages, text = _pdf_text(page)
    finally:
        context.close()
    flat = _squash(text)
    assert pages >= 2 and _squash(labels[0]) in flat and _squash(labels[-1]) in flat
    assert "Recordofconsideration:" not in flat  # the blank form, not a filled record
    # What the Act asks is printed with each step, though it is folded away on screen.
    assert _squash(DUTY_TEXT["s1-3a"])[:80] in flat and _squash(DUTY_TEXT["s1-7"])[:80] in flat


@pytest.mark.parametrize("width", [1280, 320], ids=lambda w: f"{w}px")
def test_axe_finds_no_wcag_a_or_aa_violation_on_any_step(browser, fixture_server, width):
    context, page, errors = _open(browser, fixture_server, width=width)
    problems = {}
    try:
        _ready(page)
        for answers in ({}, TYPICAL, {"nation": "wales"}, {"nation": "scotland", "value_gbp": "4000000"}):
            _fill(page, answers)
            for target in [f"#step-{s}" for s in STEPS] + ["#hub-record-tools", "#hub-record-examples"]:
                page.locator(target).scroll_into_view_if_needed()
                results = _axe.run(page, context=target, options={"runOnly": {"type": "tag", "values": WCAG_TAGS},
                                                                   "resultTypes": ["violations"]})
                found = [f"{v['id']}: {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
                         for v in results.response["violations"]]
                if found:
                    problems[target] = found
        assert page.is_visible("#regime-scotland-community-benefits")
    finally:
        context.close()
    assert problems == {}
    assert errors == []


def _finder_slugs(page, url: str) -> list[str]:
    page.goto(url, wait_until="load")
    _until(page, "document.getElementById('hub-finder-count')?.textContent.trim()")
    page.wait_for_timeout(200)
    return [href.strip("/").split("/")[-1] for href in
            page.locator("ol.hub-results > li .hub-result__title a").evaluate_all("els => els.map(a => a.href)")]


@pytest.mark.parametrize("answers", [
    {"service": "food-and-catering"},
    {"nation": "wales"},
    {"nation": "england", "themes": ["local-spend", "health-and-wellbeing"]},
    {"service": "housing-repairs", "nation": "scotland"},
], ids=lambda a: "+".join(a))
def test_the_examples_are_exactly_those_the_finder_shows_for_the_same_filter(browser, fixture_server, answers):
    context, page, errors = _open(browser, fixture_server)
    requests: list[str] = []
    page.on("request", lambda request: requests.append(f"{request.method} {request.url}"))
    try:
        _ready(page)
        _fill(page, answers)
        _until(page, "document.getElementById('hub-record-finder-link').hidden === false")
        page.wait_for_timeout(300)
        shown = [href.strip("/").split("/")[-1] for href in
                 page.locator("#hub-record-examples-list a").evaluate_all("els => els.map(a => a.href)")]
        finder = page.get_attribute("#hub-record-finder-link", "href")
        count = page.inner_text("#hub-record-examples-count")
        expected = _finder_slugs(page, page.url.split("guidance/")[0] + "case-studies/" + finder.rsplit("/", 1)[1])
    finally:
        context.close()
    assert shown == expected
    assert count.startswith(str(len(expected)) if expected else "No case study")
    # Nothing typed or chosen leaves the device: only the site's own files are fetched.
    assert all(r.startswith(f"GET {fixture_server.url}") for r in requests), requests
    assert not any("?" in r.split(" ", 1)[1].split("case-studies/")[0] for r in requests)
    assert errors == []


def test_the_printed_record_lists_the_examples_cited_and_clear_this_draft_clears_it(browser, fixture_server):
    context, page, errors = _open(browser, fixture_server)
    try:
        _ready(page)
        _fill(page, {"procurement_name": "School meals", "service": "food-and-catering", "nation": "wales"})
        _until(page, "document.querySelectorAll('#hub-record-examples-list a').length === 1")
        page.get_by_label("I used this example").check()
        page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
        printed = page.inner_text("#hub-record-print")
        assert "Examples cited" in printed and "Cyngor Enghraifft school meals with local food" in printed
        assert "case-studies/cyngor-enghraifft-welsh/" in printed
        assert page.is_visible("[data-action=clear]") and page.inner_text("[data-action=clear]") == "Clear this draft"
        page.once("dialog", lambda dialog: dialog.dismiss())
        page.click("[data-action=clear]")
        assert page.input_value("#rec-procurement_name") == "School meals"  # not without saying yes
        page.once("dialog", lambda dialog: dialog.accept())
        page.click("[data-action=clear]")
        assert page.input_value("#rec-procurement_name") == "" and not page.is_checked("#rec-nation-wales")
        assert page.evaluate("localStorage.getItem('svhub-record-draft')") is None
        page.reload(wait_until="load")
        _ready(page)
        assert page.input_value("#rec-procurement_name") == ""
    finally:
        context.close()
    assert errors == []


def test_an_english_councils_services_contract_above_threshold_shows_s12_and_the_npps_in_step_6(
        browser, fixture_server):
    """An English council letting a £3 million services contract: the Procurement Act's
    objectives (s.12) and the policy statement (s.13) apply, read against thresholds.yml."""
    council = {"authority_type": "local-authority", "nation": "england", "value_gbp": "3000000"}
    context, page, errors = _open(browser, fixture_server)
    try:
        _ready(page)
        _fill(page, council)
        for regime in ("pa-2023-objectives", "pa-2023-npps", "lga-1988-s17"):
            assert page.locator(f"#regime-{regime}").is_visible(), regime
        assert not page.locator("[data-no-regime]").is_visible()
        assert not page.locator("#regime-pa-2023-kpis").is_visible()
        page.fill("#rec-pa_objectives", "Public benefit weighed in the award criteria.")
        page.fill("#rec-npps", "The statement's social value priority shaped the criteria.")
        with page.expect_download() as markdown:
            page.click("[data-action=save-markdown]")
        copy = Path(markdown.value.path()).read_text(encoding="utf-8")
        _fill(page, {"value_gbp": "100000"})
        assert not page.locator("#regime-pa-2023-objectives").is_visible()
    finally:
        context.close()
    assert REGIMES["pa-2023-objectives"]["title"] in copy
    assert REGIMES["pa-2023-npps"]["title"] in copy
    assert "Public benefit weighed in the award criteria." in copy
    assert not errors


def _markdown(page) -> str:
    with page.expect_download() as markdown:
        page.click("[data-action=save-markdown]")
    return Path(markdown.value.path()).read_text(encoding="utf-8")


def _printed(page) -> str:
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    return page.inner_text("#hub-record-print")


def test_a_step_with_nothing_in_it_is_left_out_of_the_saved_and_printed_record(browser, fixture_server):
    """A council in Northern Ireland below the Procurement Act threshold: no other rule applies,
    so step 6 has nothing in it and must not print as an empty heading."""
    context, page, errors = _open(browser, fixture_server)
    try:
        _ready(page)
        _fill(page, {"procurement_name": "Small grounds contract", "authority_type": "local-authority",
                     "nation": "northern-ireland", "value_gbp": "20000"})
        assert page.locator("[data-no-regime]").is_visible()
        copy, printed = _markdown(page), _printed(page)
    finally:
        context.close()
    regimes_title = next(s["title"] for s in DATA["steps"] if s["id"] == "regimes")
    assert regimes_title not in copy and regimes_title not in printed
    assert "Step 6" not in copy and "Step 6" not in printed
    # the other steps still print, unanswered questions marked as such
    assert "Step 7: Decision" in copy and "Step 7: Decision" in printed and "Not answered" in copy
    assert errors == []


def test_only_the_examples_marked_as_used_are_cited_and_the_rest_are_listed_as_offered(browser, fixture_server):
    context, page, errors = _open(browser, fixture_server)
    try:
        _ready(page)
        _fill(page, {"procurement_name": "Grounds", "nation": "england"})
        _until(page, "document.querySelectorAll('#hub-record-examples-list a').length >= 2")
        items = page.locator("#hub-record-examples-list > li")
        # each example by its address, which the saved and printed record both give as it is
        titles = page.locator("#hub-record-examples-list > li > a").evaluate_all("els => els.map(a => a.href)")
        # every offered example has its own, labelled checkbox
        for i in range(items.count()):
            expect(items.nth(i).get_by_label("I used this example")).to_be_visible()
        copy, printed = _markdown(page), _printed(page)
        assert "Examples cited" not in copy and "Examples cited" not in printed
        assert all(t in copy and t in printed for t in titles)  # listed as offered
        items.nth(1).get_by_label("I used this example").check()
        copy, printed = _markdown(page), _printed(page)
        draft = page.evaluate("JSON.parse(localStorage.getItem('svhub-record-draft')).answers")
        page.reload(wait_until="load")
        _ready(page)
        _until(page, "document.querySelectorAll('#hub-record-examples-list a').length >= 2")
        kept = page.locator("#hub-record-examples-list > li").nth(1).get_by_label("I used this example").is_checked()
    finally:
        context.close()
    for text in (copy, printed):
        cited, offered = text.split("Examples cited", 1)[1].split("Examples offered", 1)
        assert titles[1] in cited and all(t not in cited for t in titles if t != titles[1])
        assert titles[1] not in offered and all(t in offered for t in titles if t != titles[1])
    assert len(draft["examples_used"]) == 1 and kept
    assert errors == []


def test_a_label_prints_only_where_it_applies(browser, fixture_server):
    question = next(q for q in DATA["steps"][0]["questions"] if q["name"] == "in_scope_reason")
    no_label = question["label"]
    context, page, errors = _open(browser, fixture_server)
    try:
        _ready(page)
        _fill(page, {"in_scope": "yes", "in_scope_reason": "Services above the threshold.",
                     "consult_decision": "no", "consult_whom": "No change to the service users see."})
        yes_copy, yes_printed = _markdown(page), _printed(page)
        _fill(page, {"in_scope": "no", "consult_decision": "yes"})
        no_copy, no_printed = _markdown(page), _printed(page)
    finally:
        context.close()
    for text in (yes_copy, yes_printed):
        assert "Services above the threshold." in text and "this is the record" not in text
        assert "What came of it" not in text and "Whom, or why not" not in text and "Why not" in text
    for text in (no_copy, no_printed):
        assert "this is the record" in text and "What came of it" in text and "Whom, or why not" not in text
    assert no_label.split(" (")[0] in yes_printed
    assert errors == []
