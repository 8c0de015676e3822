"""Commissioners can see what changed on a guidance page, and when, as GOV.UK
shows it: dated notes under "Updates to this page", the newest beside the
review dates, and every note on the "What's changed" page and its feed."""

from __future__ import annotations

import json
import shutil
from datetime import UTC, date, datetime
from pathlib import Path

import feedparser
import pytest
import yaml
from conftest import FIXTURES, ROOT, VALID, build, make_project, soup

from svhub.config import HubPaths
from svhub.load.changes import load_change_notes

PAGE = FIXTURES / "pages" / "changed-guidance.md"
SRC = "fixture-changes.md"
# Not before any change note in the real content, which these builds copy.
BUILD_DAY = datetime(2026, 12, 31, tzinfo=UTC)
EPOCH = {"SOURCE_DATE_EPOCH": str(int(BUILD_DAY.timestamp()))}


def project_with_page(dest: Path, text: str) -> Path:
    """The fixture library, the real content, and one more page in the nav."""
    project = make_project(dest, sorted(VALID.glob("*.md")))
    (project / "content").unlink()
    shutil.copytree(ROOT / "content", project / "content")
    (project / "content" / SRC).write_text(text, encoding="utf-8")
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    config["nav"].append({"Fixture": SRC})
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return project


@pytest.fixture(scope="module")
def changed_site(tmp_path_factory) -> Path:
    project = project_with_page(tmp_path_factory.mktemp("changes"), PAGE.read_text(encoding="utf-8"))
    result = build(project, env=EPOCH)
    assert result.returncode == 0, result.stderr
    return project / "site"


def test_a_page_shows_its_change_notes_newest_first_under_updates_to_this_page(changed_site):
    page = soup(changed_site, "fixture-changes/")
    section = page.select_one("#updates-to-this-page")
    assert section.h2.get_text() == "Updates to this page"
    items = section.select("li")
    assert [li.time["datetime"] for li in items] == ["2026-11-20", "2026-03-02"]
    assert items[0].get_text() == ("20 November 2026: Re-based on the Procurement Act 2023; a note with "
                                   "<script>window.__pwned=1</script> & ]]> in it.")
    assert items[1].get_text() == "2 March 2026: A folded note that YAML joins into one line."
    assert section.find("script") is None


def test_the_newest_note_is_beside_the_review_dates(changed_site):
    review = soup(changed_site, "fixture-changes/").select_one(".hub-review")
    rows = {div.dt.get_text(): div.dd for div in review.select("dl > div")}
    assert list(rows)[:2] == ["Last updated", "Last reviewed"]
    assert rows["Last updated"].time["datetime"] == "2026-11-20"
    assert rows["Last updated"].a["href"] == "#updates-to-this-page"


def test_the_page_tells_search_engines_when_it_changed_and_was_reviewed(changed_site):
    page = soup(changed_site, "fixture-changes/")
    data = json.loads(page.find("script", type="application/ld+json").string)
    assert data["@type"] == "WebPage"
    assert data["name"] == "A guidance page with change notes"
    assert data["dateModified"] == "2026-11-24"  # the review is newer than the last note
    assert data["lastReviewed"] == "2026-11-24"
    assert data["url"].endswith("/fixture-changes/")


def test_whats_changed_lists_every_note_and_links_to_its_page(changed_site):
    page = soup(changed_site, "about/whats-changed/")
    items = page.select(".hub-changes li")
    ours = [li for li in items if "A guidance page with change notes" in li.get_text()]
    assert [li.time["datetime"] for li in ours] == ["2026-11-20", "2026-03-02"]
    assert ours[0].a["href"] == "../../fixture-changes/#updates-to-this-page"
    dates = [li.time["datetime"] for li in items]
    assert dates == sorted(dates, reverse=True)
    assert page.select_one(".hub-follow a")["href"] == "feed.xml"
    assert page.find("link", rel="alternate", type="application/atom+xml")["href"] == "feed.xml"


def test_the_whats_changed_feed_has_an_entry_for_each_note(changed_site):
    parsed = feedparser.parse((changed_site / "about" / "whats-changed" / "feed.xml").read_bytes())
    assert not parsed.bozo, parsed.get("bozo_exception")
    ours = [e for e in parsed.entries if e.title == "A guidance page with change notes"]
    assert [e.summary for e in ours] == [
        "Re-based on the Procurement Act 2023; a note with <script>window.__pwned=1</script> & ]]> in it.",
        "A folded note that YAML joins into one line.",
    ]
    assert ours[0].link.endswith("/fixture-changes/#updates-to-this-page")
    assert ours[0].updated.startswith("2026-11-20")
    assert len({e.id for e in parsed.entries}) == len(parsed.entries)


BAD = """---
title: A page with bad change notes
updates:
  - date: 2026-02-30
    note: A date that does not exist.
  - date: 2026-11-01
    note: "  "
  - date: 2027-01-15
    note: A change from the future.
---

# A page with bad change notes
"""


def test_a_bad_change_note_stops_the_build_with_a_message_at_its_line(tmp_path):
    project = project_with_page(tmp_path / "project", BAD)
    result = build(project, env=EPOCH)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert not (project / "site").exists()
    where = f"content/{SRC}"
    assert f"{where}:4:11: error: '2026-02-30' is not a real date\n    hint: write the date as YYYY-MM-DD" in result.stderr
    assert f"{where}:7:11: error: this change note is empty\n    hint: say in one line what changed" in result.stderr
    assert (f"{where}:8:11: error: the change note is dated 15 January 2027, after the build date, "
            "31 December 2026\n    hint: ") in result.stderr


def check(tmp_path: Path, front: str, today: date = date(2026, 12, 1)) -> list[str]:
    (tmp_path / "content").mkdir(exist_ok=True)
    (tmp_path / "content" / "page.md").write_text(f"---\ntitle: T\n{front}---\n\n# T\n", encoding="utf-8")
    return [d.format() for d in load_change_notes(HubPaths(tmp_path), today).diagnostics]


@pytest.mark.parametrize("front, message", [
    ("updates: 2026-12-01\n", "content/page.md:3:10: error: 'updates' must be a list of change notes"),
    ("updates:\n  - 2026-12-01\n", "content/page.md:4:5: error: a change note must have a 'date' and a 'note'"),
    ("updates:\n  - note: No date.\n", "content/page.md:4:5: error: this change note has no date"),
    ("updates:\n  - date: 1 December 2026\n    note: x\n", "content/page.md:4:11: error: '1 December 2026' is not a real date"),
    ("updates:\n  - date: 2026-12-01\n", "content/page.md:4:5: error: this change note is empty"),
    ("updates:\n  - date: 2026-12-01\n    note: x\n    by: me\n", "content/page.md:6:5: error: a change note has no field 'by'"),
    ("updates:\n  - date: 2026-12-01\n    note: |\n      two\n      lines\n",
     "content/page.md:5:11: error: a change note is one line"),
])
def test_each_kind_of_mistake_is_named_at_its_position_with_a_hint(tmp_path, front, message):
    messages = check(tmp_path, front)
    assert len(messages) == 1 and messages[0].startswith(message + "\n    hint: "), messages


def test_good_notes_give_no_messages_and_a_note_dated_today_is_fine(tmp_path):
    assert check(tmp_path, "updates:\n  - date: 2026-12-01\n    note: Today's change.\n") == []
