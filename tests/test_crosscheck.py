"""Rules across the whole library: no repeated titles, no near-duplicates
slipping in unnoticed, no links to case studies that do not exist."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import ROOT, VALID

from svhub.config import HubPaths
from svhub.load.loader import load_library

BASE = VALID / "fixture-nhs-health-advice.md"


def library_with(tmp_path: Path, files: dict[str, str]):
    folder = tmp_path / "casestudies"
    folder.mkdir()
    shutil.copy(ROOT / "casestudies" / "vocabularies.yml", folder)
    shutil.copy(BASE, folder)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return load_library(paths=HubPaths(tmp_path))


def variant(**replacements: str) -> str:
    text = BASE.read_text(encoding="utf-8")
    for old, new in replacements.items():
        assert old in text
        text = text.replace(old, new)
    return text


def messages(loaded, name: str) -> list[str]:
    return [d.format() for r in loaded.results if r.path.endswith(name) for d in r.diagnostics]


def test_two_case_studies_with_the_same_title_fail(tmp_path):
    loaded = library_with(tmp_path, {"zz-copy.md": variant(**{"Fixture NHS Trust\n": "Another Trust\n"})})
    assert not loaded.ok
    assert messages(loaded, "zz-copy.md")[0].startswith(
        "casestudies/zz-copy.md:2:8: error: the title is the same as casestudies/fixture-nhs-health-advice.md's")
    assert len(loaded.library) == 1


def test_same_commissioner_and_service_with_a_similar_title_is_a_near_duplicate_warning(tmp_path):
    similar = variant(**{"title: Fixture NHS trust advice service": "title: Fixture NHS trust advice services"})
    loaded = library_with(tmp_path, {"zz-similar.md": similar})
    assert loaded.ok
    [message] = messages(loaded, "zz-similar.md")
    assert message.startswith("casestudies/zz-similar.md:2:8: warning: this looks like a near-duplicate of "
                              "casestudies/fixture-nhs-health-advice.md")


def test_a_different_commissioner_is_not_a_near_duplicate(tmp_path):
    other = variant(**{"title: Fixture NHS trust advice service": "title: Fixture NHS trust advice services",
                       "name: Fixture NHS Trust": "name: Another NHS Trust"})
    assert messages(library_with(tmp_path, {"zz-other.md": other}), "zz-other.md") == []


def test_a_narrative_link_to_a_missing_case_study_fails_at_its_line(tmp_path):
    linked = variant(**{"title: Fixture NHS trust advice service": "title: A linking fixture case study",
                        "Consulted people first.": "See [the other](/case-studies/fixture-nhs-health-advise/)."})
    loaded = library_with(tmp_path, {"zz-linking.md": linked})
    [message, hint] = messages(loaded, "zz-linking.md")[0].splitlines()
    assert message == ("casestudies/zz-linking.md:47:15: error: link to /case-studies/fixture-nhs-health-advise/, "
                       "which does not exist (did you mean 'fixture-nhs-health-advice'?)")
    assert "hint:" in hint


def test_links_to_existing_case_studies_and_facet_pages_pass(tmp_path):
    linked = variant(**{"title: Fixture NHS trust advice service": "title: A linking fixture case study",
                        # As the strict build resolves a relative link: by the page's file
                        # (a folder link, '../fixture-nhs-health-advice/', stops the build).
                        "Consulted people first.": "See [it](fixture-nhs-health-advice.md) and "
                                                   "[housing](/case-studies/service/housing-repairs/)."})
    assert library_with(tmp_path, {"zz-linking.md": linked}).ok


@pytest.mark.parametrize("link", ["../fixture-nhs-health-advice/", "no-such-case-study.md", "../guidance/nope.md",
                                  "../../guidance/", "images/missing.png"])
def test_a_relative_link_the_build_cannot_follow_fails_at_its_line(tmp_path, link):
    linked = variant(**{"title: Fixture NHS trust advice service": "title: A linking fixture case study",
                        "Consulted people first.": f"See [it]({link})."})
    [message, hint] = messages(library_with(tmp_path, {"zz-linking.md": linked}), "zz-linking.md")[0].splitlines()
    assert message == f"casestudies/zz-linking.md:47:8: error: the site cannot follow the relative link '{link}'"
    assert "hint: link to a case study by its file" in hint


def test_relative_links_the_build_follows_pass(tmp_path):
    linked = variant(**{"title: Fixture NHS trust advice service": "title: A linking fixture case study",
                        "Consulted people first.": "See [a](fixture-nhs-health-advice.md), [b](index.md), "
                                                   "[c](region/london.md#x), [d](#the-challenge), "
                                                   "![e](../assets/images/favicon.png)."})
    assert library_with(tmp_path, {"zz-linking.md": linked}).ok
