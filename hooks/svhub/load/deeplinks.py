"""The deep-link rule: a source is the page that says the thing, never a
site's home page, so that a reader can check the claim where it is made."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

# A web address with nothing after the host but an optional '/' (or a fragment).
HOME_PAGE_PATTERN = r"^https?://[^\s/?#]+/?(#[^\s]*)?$"
HOME_PAGE = re.compile(HOME_PAGE_PATTERN)
HINT = ("link to the page that says it (a path beyond '/'), not the site's home page, "
        "e.g. https://www.legislation.gov.uk/ukpga/2012/3/section/1")


def is_home_page(url: str) -> bool:
    """True for 'https://example.org/' and 'https://example.org'; a path or a
    query ('https://example.org/?p=123' names one post) makes it deep."""
    return bool(HOME_PAGE.match(url.strip()))


def home_page_message(field: str, url: str) -> str:
    host = urlsplit(url.strip()).netloc or url
    return f"'{field}' links to the home page of {host}, not to the page that supports the claim"
