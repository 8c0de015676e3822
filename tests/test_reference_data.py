"""Each legal statement and each threshold figure is written once, in
content/_data/, and rendered wherever a page needs it: two pages can no longer
give a reader two different figures or two versions of one duty."""

from __future__ import annotations

import re

import yaml
from bs4 import BeautifulSoup
from conftest import ROOT, build, soup
from test_instruments import content_project

from svhub.pages.reference import when

CONTENT = ROOT / "content"
THRESHOLDS = yaml.safe_load((CONTENT / "_data" / "thresholds.yml").read_text(encoding="utf-8"))
FIGURES = sorted({row[column["key"]] .split(" ")[0]
                  for table in THRESHOLDS for row in table["rows"] for column in table["columns"]})

TABLE = """- id: t1
  title: Thresholds of a test Act
  columns:
    - key: now
      label: From 1 January 2026
  rows:
    - contract: Services
      now: "£123,456"
      checked: not confirmed from the statute's own text
      sources:
        - title: A law firm's briefing on the thresholds
          url: https://example.org/briefings/thresholds-2026
          publisher: A Law Firm
  notes:
    - These are the test Act's own figures.
"""


def test_a_threshold_table_shows_each_figure_with_its_source_and_how_far_it_was_checked(tmp_path):
    project = content_project(tmp_path, {"guide.md": "# Thresholds\n\n[[hub:thresholds t1]]\n"},
                              data={"thresholds.yml": TABLE})
    result = build(project)
    assert result.returncode == 0, result.stderr
    article = soup(project / "site", "guide/").select_one("article")
    row = article.select("table tbody tr")[0]
    cells = [td.get_text(" ", strip=True) for td in row.select("td")]
    assert cells[:2] == ["Services", "£123,456"]
    assert row.select_one("a")["href"] == "https://example.org/briefings/thresholds-2026"
    assert "not confirmed from the statute's own text" in cells[2]
    assert "These are the test Act's own figures." in article.get_text(" ")


def test_an_unknown_threshold_table_stops_the_build_at_the_directive(tmp_path):
    project = content_project(tmp_path, {"guide.md": "# Thresholds\n\nIntro.\n\n[[hub:thresholds t2]]\n"},
                              data={"thresholds.yml": TABLE})
    result = build(project)
    assert result.returncode == 1
    assert "content/guide.md:5:1: error: no threshold table with id 't2'" in result.stderr


def test_no_page_or_other_dataset_writes_a_threshold_figure_itself():
    written = sorted(CONTENT.rglob("*.md")) + sorted((CONTENT / "_data").glob("*.yml"))
    for page in (p for p in written if p.name != "thresholds.yml"):
        text = page.read_text(encoding="utf-8")
        for figure in FIGURES:
            assert figure not in text, f"{page.relative_to(ROOT)} repeats {figure}: render [[hub:thresholds]]"


def test_every_page_that_gives_a_2026_threshold_gives_it_in_the_one_table(real_site):
    shown = 0
    for html in real_site.rglob("*.html"):
        article = BeautifulSoup(html.read_text(encoding="utf-8"), "html5lib").select_one("article")
        if article is None or "£135,018" not in article.get_text():
            continue
        shown += 1
        tables = [t for t in article.select("table") if "£135,018" in t.get_text()]
        assert tables, f"{html.relative_to(real_site)} gives £135,018 outside the threshold table"
        headings = [th.get_text(strip=True) for th in tables[0].select("th")]
        assert headings[-1] == "Source", headings
        outside = re.sub(r"\s+", " ", article.get_text(" ").replace(tables[0].get_text(" "), ""))
        assert "£135,018" not in outside, html.relative_to(real_site)
    assert shown >= 3  # who-and-which-contracts, can-and-cannot, devolved-nations


def test_a_timeline_date_reads_as_a_reader_writes_it():
    # A full date used to be shown as written in timeline.yml ("2012-03-08"), beside "January 2014".
    assert when("2012-03-08") == "8 March 2012"
    assert when("2014-01") == "January 2014"
    assert when("2014") == "2014"
