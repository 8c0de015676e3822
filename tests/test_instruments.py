"""The instrument register: a reader sees at once whether an Act, regulation or
policy note a page cites is still law, and an editor cannot cite a revoked one
as if it were current."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from conftest import FIXTURES, ROOT, VALID, build, make_project, soup

from svhub.load.instruments import load_register
from svhub.load.messages import UserError

REGISTERS = FIXTURES / "instruments"
REAL = ROOT / "content" / "_data" / "instruments.yml"

GUIDE = """---
title: A guide
owner: editorial-team
last_reviewed: 2026-11-24
review_by: 2027-05-24
sources:
  - instrument: old-regs
  - instrument: new-act
    part: section/12
---

# A guide

Contracts are now advertised under [the New Act](instrument:new-act/section/12).

!!! history "Until 24 February 2025"

    Contracts were advertised under [the Old Regulations](instrument:old-regs).

The duty is in [the Amended Act](instrument:amended-act).

A citation whose words wrap onto the next line, as [the New
Act's section 12](instrument:new-act/section/12) does here, is a deep link too.

[[hub:instruments]]
"""


def content_project(tmp_path: Path, pages: dict[str, str], register: Path = REGISTERS / "register.yml",
                    data: dict[str, str] | None = None) -> Path:
    """A copy of the hub with its own small content folder and register."""
    project = make_project(tmp_path / "project", sorted(VALID.glob("*.md")))
    (project / "content").unlink()
    content = project / "content"
    (content / "_data").mkdir(parents=True)
    shutil.copy(register, content / "_data" / "instruments.yml")
    (content / "index.md").write_text("# Home\n\nA test site.\n", encoding="utf-8")
    for name, text in (data or {}).items():
        (content / "_data" / name).write_text(text, encoding="utf-8")
    for name, text in pages.items():
        (content / name).write_text(text, encoding="utf-8")
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    config.pop("nav", None)
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return project


# The register itself --------------------------------------------------------

def test_the_real_register_loads_and_holds_the_instruments_the_hub_relies_on():
    register = load_register(REAL, "content/_data/instruments.yml")
    for needed in ("sv-act-2012", "si-2025-163", "procurement-act-2023", "pcr-2015", "ppn-002", "ppn-06-20"):
        assert needed in register
    pcr = register["pcr-2015"]
    assert (pcr.status, pcr.status_date.isoformat(), pcr.replaced_by) == ("revoked", "2025-02-24",
                                                                        "procurement-act-2023")
    assert register["ppn-06-20"].replaced_by == "ppn-002"
    assert register["procurement-act-2023"].status in ("in-force", "amended")  # current law, not history


def test_a_register_with_mistakes_is_reported_at_each_mistake_with_a_hint():
    with pytest.raises(UserError) as caught:
        load_register(REGISTERS / "invalid.yml", "content/_data/instruments.yml")
    text = str(caught.value)
    path = "content/_data/instruments.yml"
    assert f"{path}:4:3: error: unknown field 'staus' (did you mean 'status'?)" in text
    assert f"{path}:5:11: error: 'in force' is not a valid status (did you mean 'in-force'?)" in text
    assert f"{path}:6:16: error: '[0].status_date' is not a real date written YYYY-MM-DD: '2025-02-30'" in text
    assert f"{path}:7:8: error: '[0].url' links to the home page of www.legislation.gov.uk" in text
    assert f"{path}:14:16: error: replaced_by 'new-akt' is not an id in the register (did you mean 'new-act'?)" \
        in text
    assert all(d.hint for d in caught.value.diagnostics)


def test_a_broken_register_fails_the_build_cleanly_and_writes_no_site(tmp_path):
    project = content_project(tmp_path, {"guide.md": GUIDE}, register=REGISTERS / "invalid.yml")
    result = build(project)
    assert result.returncode == 1
    assert "content/_data/instruments.yml:14:16: error: replaced_by 'new-akt'" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (project / "site").exists()


# Citing an instrument -----------------------------------------------------------

@pytest.fixture(scope="module")
def cited_site(tmp_path_factory) -> Path:
    project = content_project(tmp_path_factory.mktemp("cited"), {"guide.md": GUIDE})
    result = build(project)
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site"


def test_a_citation_becomes_the_deep_link_and_shows_a_status_that_is_not_simply_in_force(cited_site):
    page = soup(cited_site, "guide/")
    article = page.select_one("article")
    links: dict[str, str] = {}
    for a in article.select("p a, .admonition a"):
        links.setdefault(a.get_text(), a["href"])  # the first: a status note links its replacement too
    assert links["the New Act"] == "https://www.legislation.gov.uk/ukpga/2023/54/section/12"
    assert links["the Old Regulations"] == "https://www.legislation.gov.uk/uksi/2015/102/contents"
    old = next(a for a in article.select("a") if a.get_text() == "the Old Regulations")
    status = old.find_next_sibling("small")
    assert " ".join(status.get_text().split()) == "(revoked 24 February 2025; replaced by the New Act)"
    assert status.a["href"] == "https://www.legislation.gov.uk/ukpga/2023/54/contents"
    amended = next(a for a in article.select("a") if a.get_text() == "the Amended Act")
    assert amended.find_next_sibling("small").get_text() == "(amended 24 February 2025)"
    new = next(a for a in article.select("p a") if a.get_text() == "the New Act")
    assert new.parent.select("small") == [], "an instrument simply in force needs no note"
    assert "instrument:" not in page.decode()


def test_a_history_passage_is_labelled_as_history_with_its_dates(cited_site):
    history = soup(cited_site, "guide/").select_one(".admonition.history")
    assert history.select_one(".admonition-title").get_text() == "History: Until 24 February 2025"
    assert "the Old Regulations" in history.get_text()


def test_a_sources_list_can_cite_an_instrument_and_shows_its_status(cited_site):
    items = soup(cited_site, "guide/").select(".hub-sources li")
    texts = [" ".join(li.get_text().split()) for li in items]
    assert texts[0] == ("The Old Contracts Regulations, legislation.gov.uk "
                        "(revoked 24 February 2025; replaced by The New Procurement Act)")
    assert items[0].a["href"] == "https://www.legislation.gov.uk/uksi/2015/102/contents"
    assert items[1].a["href"] == "https://www.legislation.gov.uk/ukpga/2023/54/section/12"
    assert texts[1] == "The New Procurement Act, section 12, legislation.gov.uk"


def test_the_instruments_directive_renders_the_register_as_a_table(cited_site):
    table = soup(cited_site, "guide/").select_one(".hub-instruments table")
    assert table.caption.get_text().startswith("The Acts, regulations and policy notes")
    assert [th.get_text() for th in table.select("thead th")] == [
        "Instrument", "Status", "Since", "Replaced by", "Note"]
    assert all(th["scope"] == "col" for th in table.select("thead th"))
    rows = {tr.th.a.get_text(): [td.get_text() for td in tr.select("td")] for tr in table.select("tbody tr")}
    assert rows["The Old Contracts Regulations"][:3] == ["Revoked", "24 February 2025", "The New Procurement Act"]
    assert rows["The New Procurement Act"][:3] == ["In force", "24 February 2025", "None"]


# The build enforces it -------------------------------------------------------------

def test_citing_a_revoked_instrument_as_current_fails_the_build_with_the_file_and_line(tmp_path):
    page = GUIDE.replace("The duty is in", "Contracts are advertised under [the Old Regulations](instrument:old-regs). "
                                          "The duty is in")
    project = content_project(tmp_path, {"guide.md": page})
    result = build(project)
    assert result.returncode == 1
    line = page.split("\n").index(next(x for x in page.split("\n") if x.startswith("Contracts are advertised"))) + 1
    assert (f"content/guide.md:{line}:32: error: this passage cites old-regs, revoked on 24 February 2025, "
            "outside a history passage") in result.stderr
    assert 'hint: mark the passage as history: put the line  !!! history "Until 24 February 2025"' \
        in result.stderr
    assert "Traceback" not in result.stderr
    assert not (project / "site").exists()


def position(text: str, needle: str) -> tuple[int, int]:
    before = text[: text.index(needle)]
    return before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1


def test_an_unknown_instrument_is_reported_with_a_suggestion(tmp_path):
    page = GUIDE.replace("instrument:new-act/", "instrument:new-akt/")
    project = content_project(tmp_path, {"guide.md": page})
    result = build(project)
    assert result.returncode == 1
    line, col = position(page, "[the New Act](instrument:new-akt")
    assert f"content/guide.md:{line}:{col}: error: no instrument with id 'new-akt' (did you mean 'new-act'?)" \
        in result.stderr


def test_a_history_passage_must_give_its_dates(tmp_path):
    page = GUIDE.replace('!!! history "Until 24 February 2025"', "!!! history")
    project = content_project(tmp_path, {"guide.md": page})
    result = build(project)
    assert result.returncode == 1
    line, _ = position(page, "!!! history")
    assert f"content/guide.md:{line}:1: error: the history passage '!!! history' does not say when" in result.stderr


def test_reference_data_must_mark_history_and_only_then_renders_it_as_history(tmp_path):
    duty = ("- id: d1\n  section: \"s.1\"\n  title: Advertising\n"
            "  duty: Contracts are advertised under [the Old Regulations](instrument:old-regs).\n")
    failing = content_project(tmp_path / "a", {"guide.md": "# Duty\n\n[[hub:duty d1]]\n"}, data={"duties.yml": duty})
    result = build(failing)
    assert result.returncode == 1
    assert ("content/_data/duties.yml:4:9: error: this passage cites old-regs, revoked on 24 February 2025, "
            "outside a history passage") in result.stderr

    marked = duty + '  history: "Until 24 February 2025"\n'
    project = content_project(tmp_path / "b", {"guide.md": "# Duty\n\n[[hub:duty d1]]\n"}, data={"duties.yml": marked})
    result = build(project)
    assert result.returncode == 0, result.stderr
    history = soup(project / "site", "guide/").select_one(".admonition.history")
    assert history.select_one(".admonition-title").get_text() == "History: Until 24 February 2025"
    link = history.select_one(".admonition.duty a")
    assert link["href"] == "https://www.legislation.gov.uk/uksi/2015/102/contents"


def test_timeline_entries_are_history_and_sources_may_cite_revoked_instruments(tmp_path):
    timeline = ("- date: 2015-02-26\n  title: New regulations\n"
                "  what_changed: The [Old Regulations](instrument:old-regs) came into force.\n"
                "  sources:\n    - instrument: old-regs\n")
    project = content_project(tmp_path, {"guide.md": "# Timeline\n\n[[hub:timeline]]\n"},
                              data={"timeline.yml": timeline})
    result = build(project)
    assert result.returncode == 0, result.stderr
    text = soup(project / "site", "guide/").select_one("article").get_text(" ")
    assert "revoked 24 February 2025" in text


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_history_passages_status_notes_and_the_table_pass_axe_in_both_schemes(browser, cited_site, scheme):
    from conftest import axe_violations_on

    assert axe_violations_on(browser, cited_site, "guide/", scheme, shown=".admonition.history .admonition-title") == []
