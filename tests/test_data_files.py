"""Every file in content/_data/ is checked as a case study is: a mistake in any
of them is reported as `path:line:col: error: …` with a hint, and the build
stops with that message, never a traceback.

Each case copies the real data folder, breaks one value in one file, and
expects the message at that value's line and column.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import ROOT, build
from test_instruments import content_project

from svhub.config import HubPaths
from svhub.load.dataschema import SCHEMAS
from svhub.load.reference import load_reference

DATA = ROOT / "content" / "_data"

# file, the text to change (its first occurrence), what it becomes, the message; the
# position is where the changed value (or key, for an unknown field) starts.
MISTAKES = [
    ("instruments.yml", "status: revoked", "status: revokd", "'revokd' is not a valid status (did you mean 'revoked'?)"),
    ("duties.yml", "  title: What triggers", "  titel: What triggers", "unknown field 'titel' (did you mean 'title'?)"),
    ("thresholds.yml", 'from_2026: "£135,018"', "from_2026: 135018", "'[0].rows[0].from_2026' must be text"),
    ("timeline.yml", "- date: 2012-03-08", "- date: 8 March 2012", "'[0].date' must be a year, a month or a date"),
    ("support.yml", "url: http://www.localgovernmentlawyer", "url: https://www.localgovernmentlawyer.co.uk/ #",
     "links to the home page of www.localgovernmentlawyer.co.uk"),
    ("barriers.yml", "href: case-studies/index.md", "hrf: case-studies/index.md", "unknown field 'hrf'"),
    ("glossary.yml", "term: Anchor institution", "term: ''", "'[0].term' is too short"),
    ("open.yml", "pages: [can-and-cannot, who-and-which-contracts", "pages: can-and-cannot #",
     "'[0].pages' must be a list"),
    ("scope.yml", "kind: works", "kind: work", "'work' is not a valid kind (did you mean 'works'?)"),
    ("collections.yml", "last_reviewed: 2026-11-24", "last_reviewed: 24 November 2026",
     "'last_reviewed' must be a date written YYYY-MM-DD"),
    ("record.yml", "kind: textarea", "kind: text-area", "'text-area' is not a valid kind of question"),
]


def broken_copy(tmp_path: Path, name: str, old: str, new: str) -> tuple[HubPaths, int, int]:
    """A project whose data folder is the real one with `old` changed to `new` in `name`;
    the line and column of the changed value (or of its key, when the key changed)."""
    folder = tmp_path / "content" / "_data"
    shutil.copytree(DATA, folder)
    text = (folder / name).read_text(encoding="utf-8")
    start = text.index(old)
    line = text.count("\n", 0, start) + 1
    key, _, value = new.partition(": ")
    changed_key = old.partition(": ")[0] != key
    col = start - (text.rfind("\n", 0, start) + 1) + 1 + (len(key) - len(key.lstrip()))
    if not changed_key:
        col += len(key) + 2
    (folder / name).write_text(text[:start] + new + text[start + len(old):], encoding="utf-8")
    return HubPaths(tmp_path), line, col


def test_every_data_file_has_a_schema_and_a_case_here():
    files = {p.name for p in DATA.glob("*.yml")}
    assert files == {f"{name}.yml" for name in SCHEMAS}
    assert files == {case[0] for case in MISTAKES}


def test_the_real_data_folder_has_no_mistakes():
    reference, problems = load_reference(HubPaths())
    assert problems == []
    assert reference.record is not None and reference.collections is not None
    assert "sv-act-2012" in reference.register


@pytest.mark.parametrize("name, old, new, message", MISTAKES, ids=[m[0] for m in MISTAKES])
def test_a_mistake_in_a_data_file_is_reported_at_its_line_and_column(tmp_path, name, old, new, message):
    paths, line, col = broken_copy(tmp_path, name, old, new)
    _, problems = load_reference(paths)
    shown = [d.format() for d in problems]
    expected = f"content/_data/{name}:{line}:{col}: error: "
    assert any(text.startswith(expected) and message in text for text in shown), "\n".join(shown)
    assert all(d.hint for d in problems), shown


def test_a_file_with_no_schema_is_refused(tmp_path):
    shutil.copytree(DATA, tmp_path / "content" / "_data")
    (tmp_path / "content" / "_data" / "dutys.yml").write_text("- id: x\n", encoding="utf-8")
    _, problems = load_reference(HubPaths(tmp_path))
    [problem] = problems
    assert problem.format().startswith(
        "content/_data/dutys.yml:1:1: error: content/_data/ holds no data file called 'dutys.yml' "
        "(did you mean 'duties'?)")


def test_a_mistake_in_record_yml_stops_the_build_with_its_message(tmp_path):
    record = (DATA / "record.yml").read_text(encoding="utf-8").replace("version: 1", "version: one", 1)
    project = content_project(tmp_path, {"guide.md": "# A guide\n\nText.\n"}, data={"record.yml": record})
    line = record[: record.index("version: one")].count("\n") + 1
    result = build(project)
    assert result.returncode == 1
    assert f"content/_data/record.yml:{line}:10: error: 'version' must be a whole number" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (project / "site").exists()
