"""The finder's engine, tested in Node without a site build (tests/js/): the
URL state, filtering and counting with masks, the keyword query over the
index in shards, the results' text and the CSV. Its data is what the build's
Python writes for the fixture case studies, and the rankings Python's query
gives, so the two can be compared without a browser."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from dataclasses import asdict
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT, VALID

from svhub.config import HubPaths
from svhub.engine.index import build_index, pack, query, search, unmatched
from svhub.engine.lunrjs import lunr_js
from svhub.engine.scripts import SCRIPTS, browser_scripts, is_module, modules, without_comments
from svhub.engine.words import recognise, snippet
from svhub.exports.downloads import CSV_PATH, downloads
from svhub.finder.files import finder_files
from svhub.finder.table import CHOICES
from svhub.load.loader import load_library
from svhub.search.files import GuidancePage, hits, search_files, search_index
from svhub.search.sections import Section
from svhub.structure.facets import FACETS

RECORD_SCRIPT = "assets/javascripts/record.js"
# Queries that name facet values, by a label or a synonym, in any case, across a hyphen, in the plural.
NAMING_QUERIES = ["apprenticeships in highways contracts in the North West", "NHS carbon Scotland councils",
                  "school meals", "Yorkshire and the Humber housing repairs", "north-west retrofit", "Welsh Government",
                  "social value", "", "  NHS   trust!", "(North) West, Wales; nhs-body", "the council's school meals",
                  "-nhs councils -North West", "carbon -school meals"]
SNIPPETS = [
    ("The council trained forty apprentices in highways work, and more apprenticeships followed in the region "
     "over three years, with local firms taking part.", ["apprentic"], 10),
    ("No word here is matched at all, so the snippet is the start of the text.", ["zzz"], 6),
    ("Short text with carbon.", ["carbon"], 24),
    ("  Leading space; carbon-neutral fleet\u2009and  café «quoted» carbon", ["carbon", "caf"], 5),
    ("", ["a"], 24),
    ("one two three four five six seven eight nine ten match", ["match"], 4),
    ("Schools, and (school) meals: «schools»!", ["school"], 24),
]
NODE = shutil.which("node") or "/usr/bin/node"
MODULES = modules(ROOT)
QUERIES = ["social value", "apprentices", "apprentice", "appren", "housing repairs", "council's", "café",
           "local-authority", "ap", "carbon net zero", "(procurement)", "NHS trust", "zzzz",
           "apprenticeships in housing repairs zzzz", "apprenticeship", "apprentices -housing", "-nhs trust",
           "local-authority -repair", "-zzzz apprentices", "apprentices -", "apprenticesh",
           "partnershi working", "publish",
           # More than 32 words: the engine counts each result's words in bits, 32 to a lane.
           " ".join(f"zq{a}{b}" for a in "abcd" for b in "abcdefgh") + " apprentices housing repairs"]


def node(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    if not Path(NODE).is_file():
        pytest.fail("Node.js 18 or later is needed for the finder's unit tests: install Debian's 'nodejs' package")
    return subprocess.run([NODE, *args], capture_output=True, text=True, cwd=ROOT, env=env, timeout=120)


@pytest.fixture(scope="module")
def engine_data(tmp_path_factory) -> Path:
    """The fixture library's finder data, an index in several shards, Python's rankings and the CSV."""
    folder = tmp_path_factory.mktemp("finder-engine")
    files = sorted(VALID.glob("*.md")) + sorted((FIXTURES / "casestudies" / "finder").glob("*.md"))
    library = load_library(files, HubPaths()).library
    for generated in finder_files(library).files + downloads(library):
        if generated.src_uri.endswith((".json", ".js", ".csv")) and "finder-index" not in generated.src_uri:
            (folder / generated.src_uri.rsplit("/", 1)[1]).write_bytes(generated.content)
    index = build_index(library.case_studies, library.vocab)
    packed = pack(index, shard_bytes=1_200)
    names = [f"finder-index-{n}.json" for n in range(len(packed.shards))]
    for name, shard in zip(names, packed.shards, strict=True):
        (folder / name).write_text(json.dumps(shard), encoding="utf-8")
    (folder / "finder-index.json").write_text(json.dumps(packed.head | {"shard_files": names}), encoding="utf-8")
    (folder / "terms.json").write_text(json.dumps(sorted(index.inverted_index)), encoding="utf-8")
    rankings = {text: [ref for ref, _score in query(index, text)] for text in QUERIES}
    (folder / "rankings.json").write_text(json.dumps(rankings), encoding="utf-8")
    unmatched_words = {text: unmatched(index, text) for text in QUERIES}
    (folder / "unmatched.json").write_text(json.dumps(unmatched_words), encoding="utf-8")
    facets = json.loads((folder / "finder-facets.json").read_text(encoding="utf-8"))["facets"]
    named = {text: [[n.param, n.id, n.phrase] for n in recognise(facets, text)] for text in NAMING_QUERIES}
    (folder / "recognised.json").write_text(json.dumps(named), encoding="utf-8")
    snippets = [[text, terms, size, asdict(snippet(text, terms, size))] for text, terms, size in SNIPPETS]
    (folder / "snippets.json").write_text(json.dumps(snippets), encoding="utf-8")
    site_search(folder / "search", library)
    assert (folder / "lunr.js").read_bytes() == lunr_js() and (folder / CSV_PATH.rsplit("/", 1)[1]).is_file()
    return folder


# Pages for the site search's index: guidance, and a glossary (reference) with an entry
# whose title a query can name.
PAGES = [
    GuidancePage("guidance/evaluation/", "Evaluation", (
        Section("", "Evaluation", "How to weigh social value, with apprentices and school meals as examples."),
        Section("weighting", "Weighting", "Most councils weight social value at ten per cent; some NHS trusts at five."))),
    GuidancePage("glossary/", "Glossary", (
        Section("school-meals", "School meals", "Meals served in schools, which councils buy as a catering contract."),
        Section("apprenticeship-levy", "Apprenticeship levy", "A levy on large employers that pays for apprentices.")),
        reference=True),
]
SEARCHES = ["school meals", "apprentices", "apprenticeship levy", "councils weighting", "zzzz qqqq", "NHS catering"]


def site_search(folder: Path, library) -> None:
    """The site search's files for PAGES and the library, and what Python's `hits` makes of SEARCHES."""
    folder.mkdir()
    for generated in search_files(PAGES, library):
        (folder / generated.src_uri.rsplit("/", 1)[1]).write_bytes(generated.content)
    built = search_index(PAGES, library)
    head = json.loads((folder / "index.json").read_text(encoding="utf-8"))
    expected = {}
    for text in SEARCHES:
        found = search(built.index, text)
        grouped = hits(head, found)
        terms = {int(m.ref): list(m.terms) for m in found}
        expected[text] = {"hits": grouped, "unmatched": unmatched(built.index, text),
                          "snippets": {ref: asdict(snippet(built.documents[ref].snippet, terms[ref]))
                                       for ref in terms}}
    (folder / "expected.json").write_text(json.dumps(expected), encoding="utf-8")


def test_the_finder_engine_passes_its_unit_tests_in_node(engine_data):
    result = node("--test", "tests/js/", env=os.environ | {"HUB_FINDER_DATA": str(engine_data)})
    assert result.returncode == 0, result.stdout + result.stderr
    summary = dict(line.removeprefix("# ").split(" ", 1) for line in result.stdout.splitlines()
                   if line.startswith(("# pass ", "# fail ")))
    assert int(summary["pass"]) >= 40 and summary["fail"] == "0", result.stdout
    assert "case studies rank above a glossary entry" in result.stdout, "the site search's tests ran"


def test_the_javascript_names_no_facet():
    """The facets reach the browser in the facet table (svhub.finder.table), each with its
    parameter, legend, column, place and vocabulary: no module names one, as a string or as
    a property, the record's included (its questions name vocabularies, svhub.pages.record)."""
    names = {f.name for f in FACETS} | {f.column for f in FACETS}
    found = set()
    for path in sorted(MODULES.rglob("*.js")):
        code = without_comments(path.read_text(encoding="utf-8"))
        module = path.relative_to(MODULES).as_posix()
        found |= {(module, name) for name in names
                  if re.search(rf"""["']{re.escape(name)}["']|\.{re.escape(name)}\b""", code)}
    assert found == set()


def test_the_facet_table_names_each_checkbox_facets_vocabulary_and_no_two_share_one(engine_data):
    """The record finds the facet its questions filter by their vocabulary, in the table."""
    facets = json.loads((engine_data / "finder-facets.json").read_text(encoding="utf-8"))["facets"]
    assert {f["param"]: f.get("vocabulary") for f in facets} == {f.name: f.vocabulary for f in CHOICES}
    vocabularies = [f["vocabulary"] for f in facets if "vocabulary" in f]
    assert len(vocabularies) == len(set(vocabularies)) > 5


def test_every_finder_module_is_in_one_script_once():
    """Each module is in a script, and in each script once. The finder, the site search
    and the record of consideration are joined from one engine's modules (one index
    format, one query, one stemmer), so those are in several scripts."""
    modules = sorted(path.relative_to(MODULES).as_posix() for path in MODULES.rglob("*.js"))
    shared = {"engine/base.js", "engine/data.js", "engine/index.js", "engine/query.js", "engine/dom.js"}
    listed = [name for names in SCRIPTS.values() for name in names]
    assert sorted(set(listed)) == modules
    assert all(len(set(names)) == len(names) for names in SCRIPTS.values())
    finder = [name for path, names in SCRIPTS.items() if "search" not in path and path != RECORD_SCRIPT
              for name in names]
    assert sorted(finder) == sorted(m for m in modules if not m.startswith(("search/", "record/"))), "the finder's, once"
    assert shared <= set(SCRIPTS["assets/javascripts/search.js"])


def test_the_record_page_reuses_the_finder_engine_and_adds_only_its_own_modules():
    record = SCRIPTS[RECORD_SCRIPT]
    own = sorted(path.relative_to(MODULES).as_posix() for path in (MODULES / "record").glob("*.js"))
    assert [m for m in record if m.startswith("engine/")] == ["engine/base.js", "engine/data.js", "engine/state.js",
                                                              "engine/filter.js"]
    assert sorted(m for m in record if not m.startswith("engine/")) == own


def test_the_engine_folder_holds_what_its_users_share_and_each_user_has_its_own():
    """engine/ is what the finder, the site search and the record share: each of its
    modules is in the scripts of two users or more; a user's own modules are in its
    folder, and in no other user's script."""
    users = {"finder": ("assets/javascripts/finder-url.js", "assets/javascripts/finder.js"),
             "search": ("assets/javascripts/search-boot.js", "assets/javascripts/search.js"),
             "record": (RECORD_SCRIPT,), "scope": ("assets/javascripts/scope-check.js",)}
    assert sorted(path for paths in users.values() for path in paths) == sorted(SCRIPTS)
    using = {user: {m for path in paths for m in SCRIPTS[path]} for user, paths in users.items()}
    for module in sorted(path.relative_to(MODULES).as_posix() for path in MODULES.rglob("*.js")):
        folder = module.split("/")[0]
        users_of = sorted(user for user, names in using.items() if module in names)
        if folder == "engine":
            assert len(users_of) >= 2, f"{module} is used by {users_of} only: it belongs to that user's folder"
        else:
            assert users_of == [folder], f"{module} is used by {users_of}"


def test_only_the_hubs_own_modules_are_held_back_from_the_site():
    """The modules are the hub's theme folder's subfolders of assets/javascripts/; the theme's
    own scripts in subfolders there (Material's search worker) are published."""
    assert is_module("assets/javascripts/engine/base.js", str(MODULES / "engine" / "base.js"), ROOT)
    assert is_module("assets/javascripts/record/main.js", str(MODULES / "record" / "main.js"), ROOT)
    worker = "assets/javascripts/workers/search.a7633da7.min.js"
    assert not is_module(worker, f"/usr/lib/python3/site-packages/material/templates/{worker}", ROOT)
    assert not is_module("assets/javascripts/finder.js", None, ROOT)
    assert not is_module("assets/stylesheets/finder.css", str(ROOT / "site_overrides/assets/stylesheets/finder.css"), ROOT)


def test_the_finder_scripts_are_valid_javascript_and_the_same_on_every_build(tmp_path):
    first, second = browser_scripts(ROOT), browser_scripts(ROOT)
    assert [(f.src_uri, f.content) for f in first] == [(f.src_uri, f.content) for f in second]
    for script in first:
        path = tmp_path / script.src_uri.rsplit("/", 1)[1]
        path.write_bytes(script.content)
        result = node("--check", str(path))
        assert result.returncode == 0, result.stderr
        text = script.content.decode("utf-8")
        assert "eval(" not in text and "innerHTML" not in text and "new Function" not in text


def test_the_scripts_leave_out_comments_that_fill_whole_lines_and_keep_the_code():
    module = '/* A module.\n * Two lines. */\n(function () {\n  // a note\n  var a = 1;  // kept\n  /* one line */\n})();\n'
    assert without_comments(module) == "(function () {\n  var a = 1;  // kept\n})();\n"
    with pytest.raises(ValueError, match="code after a comment"):
        without_comments("/* a */ var b = 2;\n")
