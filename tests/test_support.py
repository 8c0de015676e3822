"""The support directory (issue 27), as a commissioner reads it: routes of help that
exist today, each with where to go and a source on the body's own page, then the
2014 review's offers, each marked as history with its dates."""

from __future__ import annotations

import re
from urllib.parse import urlparse

import yaml
from conftest import ROOT, soup

OFFERS = yaml.safe_load((ROOT / "content" / "_data" / "support.yml").read_text(encoding="utf-8"))
CURRENT = [o for o in OFFERS if not o.get("history")]
PAST = [o for o in OFFERS if o.get("history")]


def _host(url: str) -> str:
    return urlparse(url).netloc.removeprefix("www.")


def _section(html, title: str) -> list:
    """The elements after the h2 called `title`, up to the next h2."""
    heading = next(h for h in html.select("h2") if h.get_text(" ", strip=True).startswith(title))
    parts = []
    for element in heading.find_next_siblings():
        if element.name == "h2":
            break
        parts.append(element)
    return parts


def test_the_directory_lists_routes_of_help_for_every_nation_and_keeps_the_past_as_history():
    assert len(CURRENT) >= 6 and len(PAST) >= 6
    for offer in CURRENT:
        assert {"body", "what", "who_for", "where", "sources"} <= set(offer), offer["id"]


def test_every_current_route_says_where_to_go_and_cites_the_bodys_own_page(fixture_site):
    html = soup(fixture_site, "support/")
    today = _section(html, "Help you can use today")
    ids = [e.get("id") for e in today if e.name == "h3"]
    assert ids == [o["id"] for o in CURRENT]
    for offer in CURRENT:
        heading = html.select_one(f"h3#{offer['id']}")
        text, links = [], []
        for element in heading.find_next_siblings():
            if element.name in ("h2", "h3"):
                break
            text.append(element.get_text(" ", strip=True))
            links += [a["href"] for a in element.select("a[href]")]
        body = " ".join(text)
        assert "What it offers:" in body and "Who it is for:" in body and "Sources:" in body, offer["id"]
        assert "not confirmed" not in body.lower(), offer["id"]
        where = offer["where"]["url"]
        assert where in links and re.match(r"https://[^/]+/.+", where), offer["id"]
        # a source on the same site as the route itself: the body's own page, not a report of it
        assert any(_host(s["url"]) == _host(where) for s in offer["sources"]), offer["id"]
        assert not heading.find_parent(class_="history"), offer["id"]
        assert not any("history" in (e.get("class") or []) for e in heading.find_next_siblings(limit=1))


def test_every_past_offer_is_marked_as_history_with_its_dates(fixture_site):
    html = soup(fixture_site, "support/")
    past = _section(html, "Offers from the 2014 review")
    assert [e.get("id") for e in past if e.name == "h3"] == [o["id"] for o in PAST]
    for offer in PAST:
        box = html.select_one(f"h3#{offer['id']}").find_next_sibling()
        assert "history" in box.get("class", []), offer["id"]
        title = box.select_one(".admonition-title").get_text(" ", strip=True)
        assert re.search(r"\b(19|20)\d\d\b", title), (offer["id"], title)
        assert "Sources:" in box.get_text(" "), offer["id"]
