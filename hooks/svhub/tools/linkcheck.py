"""Check the links of a built site: every internal link and #anchor resolves,
and every external link is well formed.

Contributed narratives link to outside sources, and a reader who follows a
broken or malformed link loses trust in the page. Internal links are checked
on every build (by the tests); external links are only checked for form there,
because the network is not always there. `scripts/linkcheck.py --external`
fetches them for real, for a scheduled job.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qsl, unquote, urljoin, urlsplit

# Attributes that point at another resource, by element.
LINK_ATTRIBUTES = {
    "a": "href", "area": "href", "link": "href", "img": "src", "script": "src",
    "iframe": "src", "source": "src", "form": "action",
}
HOST = re.compile(r"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$", re.I)
BAD_PERCENT = re.compile(r"%(?![0-9a-fA-F]{2})")
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


@dataclass(frozen=True)
class Link:
    page: str  # the HTML file, relative to the site root
    line: int
    element: str
    url: str
    rel: str = ""  # a <link>'s relation: 'canonical', 'alternate', 'stylesheet' …


@dataclass(frozen=True)
class Problem:
    link: Link
    message: str

    def format(self, site: str = "site") -> str:
        hint = ("fix the link in the page's Markdown or the case study it comes from"
                if is_internal(self.link.url) else "check the address in a browser, then correct or remove the link")
        return (f"{site}/{self.link.page}:{self.link.line}:1: error: {self.message}: {self.link.url}\n"
                f"    hint: {hint}")


@dataclass
class _Page:
    ids: set[str] = field(default_factory=set)
    links: list[Link] = field(default_factory=list)


class _Collector(HTMLParser):
    def __init__(self, page: str):
        super().__init__(convert_charrefs=True)
        self.name = page
        self.page = _Page()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for attribute in ("id", "name") if tag in ("a", "input") else ("id",):
            if values.get(attribute):
                self.page.ids.add(values[attribute])
        attribute = LINK_ATTRIBUTES.get(tag)
        if attribute and values.get(attribute) is not None:
            rel = (values.get("rel") or "").strip().lower() if tag == "link" else ""
            self.page.links.append(Link(self.name, self.getpos()[0], tag, values[attribute].strip(), rel))

    handle_startendtag = handle_starttag


@dataclass(frozen=True)
class Repository:
    """The GitHub repository behind the site, so that "Edit this page" and
    "Report a problem" links can be checked without the network: an edit link
    must name a file that exists in the repository, an issue form link must
    name a form that exists in .github/ISSUE_TEMPLATE."""

    url: str
    root: Path
    branch: str = "main"

    def problem(self, url: str) -> str | None:
        base = self.url.rstrip("/") + "/"
        if not url.startswith(base):
            return None
        rest = url[len(base):]
        parts = urlsplit(rest)
        for action in ("edit", "blob"):
            prefix = f"{action}/{self.branch}/"
            if parts.path.startswith(prefix):
                path = unquote(parts.path[len(prefix):])
                if not (self.root / path).is_file():
                    return f"the repository has no file '{path}' to {action}"
                return None
        if parts.path == "issues/new":
            query = dict(parse_qsl(parts.query, keep_blank_values=True))
            template = query.get("template")
            if template and not (self.root / ".github" / "ISSUE_TEMPLATE" / template).is_file():
                return f"the repository has no issue form '.github/ISSUE_TEMPLATE/{template}'"
        return None


class SiteLinks:
    """Every id and every link of every HTML page in a built site."""

    def __init__(self, site: Path):
        self.site = site
        self.pages: dict[str, _Page] = {}
        for file in sorted(site.rglob("*.html")):
            name = file.relative_to(site).as_posix()
            collector = _Collector(name)
            collector.feed(file.read_text(encoding="utf-8"))
            collector.close()
            self.pages[name] = collector.page

    @property
    def links(self) -> Iterable[Link]:
        for page in self.pages.values():
            yield from page.links

    def internal_problems(self) -> list[Problem]:
        """Links within the site whose file or #anchor does not exist."""
        return [Problem(link, message) for link in self.links if is_internal(link.url)
                for message in [self._resolve(link)] if message]

    def external_links(self) -> dict[str, list[Link]]:
        found: dict[str, list[Link]] = {}
        for link in self.links:
            # A page's canonical address is the site's own, which may not be live yet (a preview build).
            if not is_internal(link.url) and link.rel != "canonical":
                found.setdefault(link.url, []).append(link)
        return found

    def form_problems(self, repository: Repository | None = None) -> list[Problem]:
        """External links that are malformed, unsafe, or (for the site's own
        repository) point at a file or form that does not exist."""
        problems = []
        for url, links in sorted(self.external_links().items()):
            message = form_problem(url) or (repository.problem(url) if repository else None)
            if message:
                problems += [Problem(link, message) for link in links]
        return problems

    def _resolve(self, link: Link) -> str | None:
        parts = urlsplit(urljoin("/" + link.page, link.url))
        path = unquote(parts.path).lstrip("/")
        target = self.site / path
        if path == "" or path.endswith("/") or target.is_dir():
            path = posixpath.join(path, "index.html")
            target = self.site / path
        if not target.is_file():
            return "the link leads to no page or file in the site"
        if parts.fragment and path in self.pages and unquote(parts.fragment) not in self.pages[path].ids:
            return f"'{path}' has no anchor '#{unquote(parts.fragment)}'"
        return None


def is_internal(url: str) -> bool:
    return not re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", url) and not url.startswith("//")


def form_problem(url: str) -> str | None:
    """What is wrong with the form of an external link, if anything."""
    if re.search(r"\s", url):
        return "the link contains white space"
    scheme = url.split(":", 1)[0].lower() if ":" in url else ""
    if scheme == "mailto":
        address = unquote(urlsplit(url).path)
        return None if EMAIL.match(address) else "the mailto: link has no valid address"
    if url.startswith("//"):
        return "the link has no scheme; write https://"
    if scheme not in ("http", "https"):
        return f"the scheme '{scheme}:' is not allowed; links must be http(s) or mailto"
    parts = urlsplit(url)
    if not parts.hostname or not HOST.match(parts.hostname):
        return "the link has no valid host name"
    if BAD_PERCENT.search(url):
        return "the link has a '%' that is not a percent-escape"
    return None


# Checking external links for real -------------------------------------------

Fetch = Callable[[str], int | str]


def fetch_status(url: str, timeout: float = 20.0) -> int | str:
    """The HTTP status of a URL (HEAD, then GET for servers that refuse HEAD),
    or the reason no answer came."""
    import requests

    headers = {"User-Agent": "social-value-hub-linkcheck/1 (+weekly link check)"}
    try:
        response = requests.head(url, allow_redirects=True, timeout=timeout, headers=headers)
        if response.status_code in (403, 404, 405, 501) or response.status_code >= 500:
            response = requests.get(url, allow_redirects=True, timeout=timeout, headers=headers, stream=True)
            response.close()
        return response.status_code
    except requests.RequestException as error:
        return type(error).__name__


def external_problems(links: dict[str, list[Link]], fetch: Fetch = fetch_status, workers: int = 8) -> list[Problem]:
    """External http(s) links that do not answer with a success status."""
    urls = sorted(url for url in links if urlsplit(url).scheme in ("http", "https"))
    with ThreadPoolExecutor(max_workers=workers) as pool:
        statuses = dict(zip(urls, pool.map(fetch, urls), strict=True))
    problems = []
    for url, status in statuses.items():
        if isinstance(status, int) and status < 400:
            continue
        message = f"the link answered HTTP {status}" if isinstance(status, int) else f"the link failed ({status})"
        problems += [Problem(link, message) for link in links[url]]
    return problems
