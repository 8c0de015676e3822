"""The home page leads with what people come to do, in today's law and today's names.

Tests read the real site as built: the page a reader lands on, and every page
that names a programme.
"""

from __future__ import annotations

import re

from conftest import soup

REPO = "https://github.com/social-value-hub/social-value-hub"
# A programme's former name, and the name it has had since (Commons Library CBP-7585).
RENAMED = {"Troubled Families": "Supporting Families"}


def _heading(tag) -> str:
    return tag.get_text(" ", strip=True).removesuffix("¶").strip()  # less the permalink


def _section_links(heading) -> list[str]:
    """The links between an h2 and the next one."""
    links = []
    for sibling in heading.find_next_siblings():
        if sibling.name == "h2":
            break
        links += [a["href"] for a in sibling.find_all("a", href=True)]
    return links


def test_the_home_page_leads_with_todays_law_and_links_the_four_actions(real_site):
    page = soup(real_site, "")
    article = page.find("article")
    text = " ".join(article.get_text(" ").split())
    assert "Procurement Act 2023" in text
    first_h2 = _heading(article.find("h2"))
    assert first_h2 == "What do you want to do?", first_h2
    actions = article.find("h2").find_next("ul")
    hrefs = [a["href"] for a in actions.find_all("a")]
    wanted = {
        "the law now": lambda h: h.startswith("#what-the-law-requires-now"),
        "find examples": lambda h: h.rstrip("/").endswith("case-studies"),
        "record a decision": lambda h: "guidance/record-of-consideration" in h,
        "the case-study form": lambda h: h == f"{REPO}/issues/new?template=submit-case-study.yml",
        "the contributing guide": lambda h: h == f"{REPO}/blob/main/CONTRIBUTING.md",
    }
    missing = [name for name, match in wanted.items() if not any(match(h) for h in hrefs)]
    assert not missing, (missing, hrefs)
    law = _section_links(article.find(id="what-the-law-requires-now"))
    for page in ("guidance/procurement-act-2023", "the-act/the-duty", "guidance/scope-check"):
        assert any(page in h for h in law), (page, law)


def test_the_2014_review_comes_after_the_actions_as_history(real_site):
    headings = [_heading(h) for h in soup(real_site, "").find("article").find_all("h2")]
    assert headings.index("Why the hub exists") > headings.index("What the law requires now"), headings


def test_the_home_page_has_no_updates_sources_or_review_panel_but_other_pages_keep_theirs(real_site):
    home = soup(real_site, "")
    assert not home.select(".hub-updates, .hub-sources, .hub-review"), "landing page shows page-furniture blocks"
    guidance = soup(real_site, "guidance/procurement-act-2023/")
    assert guidance.select(".hub-sources") and guidance.select(".hub-review")


def test_no_page_names_a_programme_by_its_former_name_alone(real_site):
    offenders = []
    for path in sorted(real_site.rglob("index.html")):
        url = path.parent.relative_to(real_site).as_posix()
        url = "" if url == "." else url + "/"
        article = soup(real_site, url).find("article")
        if article is None:
            continue
        for sources in article.select(".hub-sources, .hub-updates"):  # titles of old sources, dated notes
            sources.decompose()
        text = " ".join(article.get_text(" ").split())
        for former, current in RENAMED.items():
            if re.search(former, text, re.I) and current not in text:
                offenders.append(f"{url}: '{former}' without '{current}'")
    assert not offenders, offenders
