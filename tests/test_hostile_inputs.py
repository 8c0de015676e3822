"""Bad, edge-case and hostile inputs (issue 23): each is refused with a
path:line:col message, never a traceback, a stall, invalid JSON or a destroyed file."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from conftest import VALID, run_script

from svhub.config import HubPaths
from svhub.load.loader import load_file
from svhub.load.messages import Diagnostic, Severity

BASE = (VALID / "example-borough-housing-repairs.md").read_text(encoding="utf-8")
FRONT_MATTER = BASE.split("\n---\n", 1)[0]


def case_study(tmp_path: Path, text: str, name: str = "hostile-input.md") -> Path:
    (tmp_path / "casestudies").mkdir(exist_ok=True)
    path = tmp_path / "casestudies" / name
    path.write_text(text, encoding="utf-8")
    return path


def messages(path: Path) -> list[str]:
    started = time.monotonic()
    result = load_file(path, paths=HubPaths())
    assert time.monotonic() - started < 1.0, "validation took over a second"
    return [d.format() for d in result.diagnostics if d.severity is Severity.ERROR]


def edited(old: str, new: str) -> str:
    assert old in BASE, old
    return BASE.replace(old, new, 1)


def test_the_base_case_study_is_valid(tmp_path):
    assert messages(case_study(tmp_path, BASE)) == []


# Numbers and dates that mean something

@pytest.mark.parametrize("value", [".nan", ".NaN", ".inf", "-.inf", "1.0e+400"])
def test_a_non_finite_number_is_refused(tmp_path, value):
    text = edited("social_value_weighting_pct: 12", f"social_value_weighting_pct: {value}")
    found = messages(case_study(tmp_path, text))
    assert any("'contract.social_value_weighting_pct' is" in m and "not a number" in m for m in found), found


@pytest.mark.parametrize(("old", "new", "field"), [
    ("value_gbp: 4500000", "value_gbp: 5000000000000000", "contract.value_gbp"),
    ("figure: 11", "figure: 1.0e+15", "outcomes[0].figure"),
])
def test_a_number_beyond_sensible_bounds_is_refused(tmp_path, old, new, field):
    found = messages(case_study(tmp_path, edited(old, new)))
    assert any(field in m for m in found), found


def test_a_number_too_long_to_be_a_figure_is_refused_at_its_line(tmp_path):
    text = edited("value_gbp: 4500000", f"value_gbp: {'9' * 5000}")
    found = messages(case_study(tmp_path, text))
    assert len(found) == 1 and "error: a number 5,000 characters long" in found[0], found


def test_deep_nesting_is_refused_at_its_line(tmp_path):
    text = edited("partners: [Example Homes]", "partners: " + "[" * 5000 + "]" * 5000)
    found = messages(case_study(tmp_path, text))
    assert len(found) == 1 and "nests more than 10 levels deep" in found[0], found


@pytest.mark.parametrize("when", ["0001-01-01", "9999-12-31", "1989-12-31"])
def test_a_date_outside_the_hubs_years_is_refused(tmp_path, when):
    text = edited("awarded: 2021", f'awarded: "{when}"')
    found = messages(case_study(tmp_path, text))
    assert any("outside the years the hub covers (1990 to 2100)" in m for m in found), found


@pytest.mark.parametrize("field", ["published", "last_reviewed"])
def test_published_and_last_reviewed_cannot_be_in_the_future(tmp_path, field):
    import re
    text = re.sub(rf"^{field}: .*$", f"{field}: 2099-01-01", BASE, count=1, flags=re.M)
    text = re.sub(r"^review_by: .*$", "review_by: 2100-01-01", text, count=1, flags=re.M)
    found = messages(case_study(tmp_path, text))
    assert any(f"{field} (2099-01-01) is in the future" in m for m in found), found


def test_a_lone_surrogate_is_refused_not_a_traceback(tmp_path):
    text = edited("title: \"Example Borough", 'title: "A lone surrogate \\ud800 in Example Borough')
    found = messages(case_study(tmp_path, text))
    assert any("'title'" in m and "surrogate" in m for m in found), found


# Bounded work per input

def test_a_symlink_is_never_followed(tmp_path):
    outside = tmp_path / "secret.md"
    outside.write_text(BASE, encoding="utf-8")
    (tmp_path / "casestudies").mkdir()
    for name, target in (("linked.md", outside), ("zeros.md", Path("/dev/zero")), ("loop.md", "loop.md")):
        (tmp_path / "casestudies" / name).symlink_to(target)
        found = messages(tmp_path / "casestudies" / name)
        assert len(found) == 1 and "is a symbolic link" in found[0], found


def test_a_device_or_folder_is_not_read(tmp_path):
    folder = tmp_path / "casestudies" / "folder.md"
    folder.mkdir(parents=True)
    assert "not a regular file" in messages(folder)[0]


# Messages that are data, never commands

HOSTILE = "local-authority\n::error file=x::owned\x1b[2J\x85"


def test_control_characters_in_a_value_are_escaped_in_both_forms_of_message(tmp_path):
    path = case_study(tmp_path, edited("type: local-authority", f'type: "{HOSTILE.encode("unicode_escape").decode()}"'))
    result = load_file(path, paths=HubPaths())
    shown = [(d.format(), d.github_annotation()) for d in result.diagnostics]
    assert shown
    for human, annotation in shown:
        for line in (human.split("\n    hint: ")[0], annotation):
            assert "\n" not in line and "\x1b" not in line and "\x85" not in line, line
    assert any("\\n::error file=x::owned\\x1b[2J\\x85" in human for human, _ in shown), shown


def test_a_file_name_with_a_newline_cannot_start_a_workflow_command():
    diagnostic = Diagnostic("casestudies/a\n::add-mask::x,y.md", 1, 1, Severity.ERROR, "bad\r\n::warning::x")
    annotation = diagnostic.github_annotation()
    assert len(annotation.splitlines()) == 1 and "\r" not in annotation
    assert "file=casestudies/a\\n%3A%3Aadd-mask%3A%3Ax%2Cy.md," in annotation


def test_validate_prints_escaped_values_on_the_command_line(tmp_path):
    path = case_study(tmp_path, edited("type: local-authority", f'type: "{HOSTILE.encode("unicode_escape").decode()}"'))
    for flags in ((), ("--github",)):
        result = run_script("validate.py", *flags, str(path))
        assert result.returncode == 1
        assert not any(line.startswith("::error file=x") for line in result.stdout.splitlines())
        assert "\x1b" not in result.stdout + result.stderr


def test_every_json_file_is_written_without_nan():
    root = Path(__file__).resolve().parents[1]
    for folder in ("hooks", "scripts"):
        for path in (root / folder).rglob("*.py"):
            text = path.read_text(encoding="utf-8")
            calls = text.count("json.dump")
            assert calls == text.count("allow_nan=False"), f"{path}: a json.dump without allow_nan=False"


# Bounded work: no pattern over a narrative backtracks

BODY = BASE.split("\n---\n", 1)[1]
ADVERSARIAL = {
    "braces": "{" * 100_000,
    "angles": "<" * 100_000,
    "angle-on": "<a on" * 20_000,
    "brace-on": "{ on" * 25_000,
    "link-openers": "](" * 50_000,
    "image-openers": "![" * 50_000,
    "srcs": "<img src=" + "src=\"" * 20_000,
    "hrefs": "<a " + "href=" * 20_000,
    "ids": "{" + "#" * 100_000,
    "hashes": "## a" + " #" * 50_000 + " b",
    "spaces-heading": "# " + " " * 100_000 + "x",
    "references": "[" + "a" * 100_000,
    "reference-lines": "[a]:\n" * 20_000,
    "fences": "```\n" * 30_001,
    "closers": "]" * 100_000,
    "pairs": "[]" * 50_000,
    "escapes": "\\" * 100_000 + "[",
    "entities": "<a href=\"" + "&#0000" * 20_000 + "58;\">",
}


@pytest.mark.parametrize("name", sorted(ADVERSARIAL))
def test_a_hundred_thousand_hostile_characters_are_checked_in_under_a_second(tmp_path, name):
    text = BASE.replace(BODY, BODY + "\n\n" + ADVERSARIAL[name] + "\n")
    started = time.monotonic()
    result = load_file(case_study(tmp_path, text), paths=HubPaths())
    assert time.monotonic() - started < 1.0, name
    assert all("Traceback" not in d.message for d in result.diagnostics)


@pytest.mark.parametrize("run", ["[" * 100_000, "[a " * 9 + "b", "![" * 20])
def test_brackets_nested_past_what_markdown_handles_are_refused_before_the_build(tmp_path, run):
    found = messages(case_study(tmp_path, BASE.replace(BODY, BODY + "\n\n" + run + "\n")))
    assert any("square brackets nest more than 8 deep" in m for m in found), found


# URLs judged as a browser judges them

@pytest.mark.parametrize("image", [
    "![p](\\\\tracker.example.org/p.gif)", "![p](/\\tracker.example.org/p.gif)", "![p](HTTPS://tracker.example.org/p)",
    "<img src=\"\\\\tracker.example.org/p.gif\" alt=\"\">", "<img src=\"&#47;&#47;tracker.example.org/p\" alt=\"\">",
    "<img src=\"ht&#x09;tps://tracker.example.org/p\" alt=\"\">", "<img src=\" \t//tracker.example.org/p\" alt=\"\">",
    "<img src=\"data:image/png;base64,AAAA\" alt=\"\">", "![p](data:image/png;base64,AAAA)",
])
def test_an_image_from_another_site_is_refused_in_every_form_a_browser_repairs(tmp_path, image):
    found = messages(case_study(tmp_path, BASE.replace(BODY, BODY + "\n\n" + image + "\n")))
    assert any("an image from another website" in m or "unsafe scheme 'data:'" in m for m in found), found


@pytest.mark.parametrize("link", [
    '<a href="java\tscript:alert(1)">x</a>', '<a href="JaVaScRiPt&colon;alert(1)">x</a>',
    '<a href="&#x6A;avascript:alert(1)">x</a>', '[x](java&#x0A;script:alert(1))',
    '<a href="\x01javascript:alert(1)">x</a>',
])
def test_an_unsafe_link_is_refused_in_every_form_a_browser_repairs(tmp_path, link):
    found = messages(case_study(tmp_path, BASE.replace(BODY, BODY + "\n\n" + link + "\n")))
    assert any("unsafe scheme 'javascript:'" in m for m in found), found


def test_the_sanitiser_drops_every_form_of_a_remote_image():
    from svhub.load.narrative import sanitise_html
    for src in ("\\\\tracker.example.org/p", "/\\tracker.example.org/p", " //tracker.example.org/p",
                "HTTPS://tracker.example.org/p", "ht\ttps://tracker.example.org/p", "data:image/png;base64,AA"):
        assert "src" not in sanitise_html(f'<img src="{src}" alt="p">'), src
    assert 'src="../images/a.png"' in sanitise_html('<img src="../images/a.png" alt="p">')


# Validate and build agree

@pytest.mark.parametrize("directive", ["[[hub:record]]", "[[hub:no-such-directive]]", "[[ hub:duty s1-7]]"])
def test_hub_directives_are_refused_in_a_contributed_narrative(tmp_path, directive):
    found = messages(case_study(tmp_path, BASE.replace(BODY, BODY + "\n\n" + directive + "\n")))
    assert any("hub directives ([[hub:…]]) are for the hub's own pages" in m for m in found), found


@pytest.mark.parametrize("markup", ['<div id="hubFinder">x</div>', "A paragraph.\n{#lunr}", '<p id="module">x</p>',
                                    "## Exports"])
def test_an_id_that_would_replace_a_global_of_the_pages_scripts_is_refused(tmp_path, markup):
    found = messages(case_study(tmp_path, BASE.replace(BODY, BODY + "\n\n" + markup + "\n")))
    assert any("global name the page's scripts use" in m or "would get the id" in m for m in found), found


def test_the_reserved_globals_are_the_ones_the_pages_scripts_read():
    import re

    from svhub.load.narrative import RESERVED_GLOBAL_IDS
    root = Path(__file__).resolve().parents[1] / "site_overrides"
    browser = {"addEventListener", "fetch", "print", "matchMedia", "URLSearchParams", "requestIdleCallback",
               "confirm", "URL", "Proxy", "Promise", "location", "document", "navigator", "history"}
    names = {m for path in root.rglob("*.js") for m in re.findall(
        r"\b(?:window|globalThis)\.([A-Za-z_$][\w$]*)", path.read_text(encoding="utf-8"))}
    assert {n.lower() for n in names - browser} <= RESERVED_GLOBAL_IDS, names - browser


# The issue form reader

ISSUE = (Path(__file__).resolve().parent / "fixtures" / "issues" / "submit-case-study.md").read_text(encoding="utf-8")


def test_an_answer_holding_a_line_like_a_form_heading_keeps_it_as_text():
    from svhub.editors.issue_form import answers_from_issue, parse_issue_body
    story = "## The challenge\n\n### Title\n\nA heading in the story.\n\n### Lessons\n\nMore."
    body = ISSUE.replace("### Narrative\n", "### Narrative\n\n" + story + "\n", 1)
    sections = parse_issue_body(body)
    assert sections["Title"] == parse_issue_body(ISSUE)["Title"]
    assert story in sections["Narrative"]
    summary = "### Kind\n\nnot a heading"
    body = ISSUE.replace("### Kind\n", "### Kind\n", 1).replace(
        "### Summary\n\n", "### Summary\n\nFirst.\n### Summary\nsecond\n", 1)
    assert parse_issue_body(body)["Summary"].startswith("First.\n### Summary\nsecond")
    assert answers_from_issue(ISSUE.replace("### Narrative\n", "### Narrative\n\n" + summary + "\n", 1))[3] \
        .startswith(summary)


@pytest.mark.parametrize("raw", [b"\xff\xfe### Title\n", b"", b"### Title\n\n\xc3(\n"])
def test_an_unreadable_issue_body_is_a_message_not_a_traceback(tmp_path, raw):
    issue = tmp_path / "issue.md"
    issue.write_bytes(raw)
    result = run_script("new_casestudy.py", "--dir", str(tmp_path), "--from-issue", str(issue))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"{issue}:" in result.stderr and "error:" in result.stderr, result.stderr


# Near-duplicates

@pytest.mark.parametrize("disguise", [
    {"o": "\u043e", "e": "\u0435", "a": "\u0430"},  # Cyrillic look-alikes
    {"E": "\uff25", "B": "\uff22"},  # full-width letters
    {" ": " \u200b"},  # zero-width spaces
])
def test_a_look_alike_copy_of_a_case_study_is_flagged(tmp_path, disguise):
    from conftest import make_project

    from svhub.load.loader import load_library
    project = make_project(tmp_path / "project", [VALID / "example-borough-housing-repairs.md"])
    title = BASE.split("\n", 2)[1].removeprefix("title: ")
    copied = title
    for letter, look_alike in disguise.items():
        copied = copied.replace(letter, look_alike)
    assert copied != title
    (project / "casestudies" / "look-alike.md").write_text(BASE.replace(title, copied, 1), encoding="utf-8")
    loaded = load_library(paths=HubPaths(project))
    found = [d.format() for d in loaded.diagnostics]
    assert any("look-alike.md:" in m and "the title is the same as" in m for m in found), found


@pytest.mark.parametrize("items", ["[" + ", ".join(["{a: 1}"] * 5000) + "]", "[" + ", ".join(["x"] * 101) + "]"])
def test_a_list_longer_than_a_case_study_needs_is_refused_before_the_schema_sees_it(tmp_path, items):
    found = messages(case_study(tmp_path, edited("stages: [specification, evaluation, contract-management]",
                                                 f"stages: {items}")))
    assert len(found) == 1 and "a list or set of fields with more than 100 entries" in found[0], found


# What an editor sends before it is finished

SCAFFOLDED = """
## The challenge

<!-- What problem or need did the commissioner face? -->

## What the commissioner did

<!-- How was social value asked for? -->

### A sub-heading, still with nothing under it

## Social value delivered

<!-- What came of it? -->

## Lessons for commissioners

<!-- What could another commissioner reuse? -->
"""


def test_a_story_of_only_comments_and_headings_is_refused_at_each_sections_line(tmp_path):
    text = FRONT_MATTER + "\n---\n" + SCAFFOLDED
    found = messages(case_study(tmp_path, text))
    first = FRONT_MATTER.count("\n") + 3  # the closing '---', then the blank line before the body
    lines = [int(m.split(": error: ")[0].split(":")[-2]) for m in found]
    assert [m.split(": error: ")[1].split("\n")[0] for m in found] == [
        f"the section '## {title}' has no text yet: it holds only comments or headings"
        for title in ("The challenge", "What the commissioner did", "Social value delivered",
                      "Lessons for commissioners")], found
    assert lines == [first + 1, first + 5, first + 11, first + 15], (first, found)


def test_a_story_with_no_text_at_all_is_refused(tmp_path):
    found = messages(case_study(tmp_path, FRONT_MATTER + "\n---\n\n<!-- to do -->\n"))
    assert any("the story has no text yet" in m for m in found), found


@pytest.mark.parametrize("name", ["1", "x", "--", "A1"])
def test_a_commissioner_name_that_is_not_a_name_is_refused(tmp_path, name):
    found = messages(case_study(tmp_path, edited("  name: Example Borough Council", f"  name: '{name}'")))
    assert any("'commissioner.name'" in m and "is not the name of an organisation" in m for m in found), found


def test_did_you_mean_follows_meaning_where_the_vocabulary_gives_synonyms(tmp_path):
    found = messages(case_study(tmp_path, edited("    status: delivered", "    status: completed")))
    assert any("'completed' is not a valid value for 'outcomes[0].status' (did you mean 'delivered'?)" in m
               for m in found), found


# What the site engine's Markdown would choke on is refused first; the rest renders fast

MARKDOWN_TRAPS = {
    "unclosed-links": "[a](" * 2000, "unclosed-links-spaced": "[a](  " * 1500, "open-tags": "<a " * 3000,
    "autolinks": "<http://" * 2000, "links-per-paragraph": ("[a](" * 10 + "\n\n") * 300,
    "fences": "```\n" * 1000, "tildes": "~~~\n" * 1000, "abbreviations": "*[a]: b\n" * 1000,
    "definitions": "a\n: b\n" * 1000, "quotes": ">" * 1000, "long-paragraph": "word " * 5000,
    "links": "[a](b) " * 3000, "images": "![a](b) " * 3000,
}


def site_markdown(text: str) -> None:
    """The narrative through Python-Markdown with the site's own extensions."""
    import markdown
    import yaml as pyyaml
    config = pyyaml.safe_load((Path(__file__).resolve().parents[1] / "mkdocs.yml").read_text(encoding="utf-8")
                              .replace("!!python/name:", ""))
    extensions = [e if isinstance(e, str) else next(iter(e)) for e in config["markdown_extensions"]]
    markdown.markdown(text, extensions=extensions)


@pytest.mark.parametrize("name", sorted(MARKDOWN_TRAPS))
def test_a_narrative_the_build_would_choke_on_is_refused_or_renders_in_under_a_second(tmp_path, name):
    text = BASE.replace(BODY, BODY + "\n\n" + MARKDOWN_TRAPS[name] + "\n")
    found = messages(case_study(tmp_path, text))
    if found:
        assert all("Traceback" not in m for m in found)
        return
    started = time.monotonic()
    site_markdown(BODY + "\n\n" + MARKDOWN_TRAPS[name])
    assert time.monotonic() - started < 1.0, f"{name} passed validation but Markdown took over a second"
