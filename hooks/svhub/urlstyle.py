"""Links between the hub's pages in either URL style.

The page compiler and the templates write links between pages relative and
directory-style ('../theme/local-spend/'), the engine's default. An engine
that gives pages file URLs (`mkdocs build --no-directory-urls`, or a copy read
from disk) puts that page at '../theme/local-spend.html', and an index page at
'.../index.html'. This turns the one into the other, for every relative link
that ends in '/', so that the site has no broken links in either style.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable, Mapping

from .urls import page_url

# A relative href in raw HTML: not 'scheme:', '/…' or '#…'. Markdown links are the engine's to resolve.
_HREF = re.compile(r"""(?P<lead>\bhref=(?P<q>["']))(?P<path>(?![a-z][a-z0-9+.-]*:|/|#)[^"'#?]+)"""
                   r"""(?P<rest>[#?][^"']*)?(?P=q)""", re.I)
# A data attribute that a script reads as an address (the record's data files and finder link): a
# relative path to a folder or a data file, so that words in other data attributes are left alone.
_DATA_PATH = re.compile(r"""(?P<lead>\bdata-[a-z-]+=(?P<q>["']))"""
                        r"""(?P<path>(?![a-z][a-z0-9+.-]*:|/|#)[^"'#?\s]+(?:/|\.json|\.js|\.csv))"""
                        r"""(?P<rest>[#?][^"']*)?(?P=q)""", re.I)


def file_url(src_uri: str) -> str:
    """'guidance/evaluation.md' -> 'guidance/evaluation.html'; 'about/index.md' -> 'about/index.html'."""
    return src_uri.removesuffix(".md") + ".html"


def file_urls(src_uris: Iterable[str]) -> dict[str, str]:
    """Each page's directory-style URL mapped to its file URL."""
    return {page_url(src): file_url(src) for src in src_uris if src.endswith(".md")}


def as_file_links(text: str, src_uri: str, pages: Mapping[str, str], *, folders_only: bool = False) -> str:
    """The page's raw-HTML links, written relative to its directory-style URL,
    rewritten relative to its file URL: a page's folder becomes its file.

    `folders_only` is for a whole rendered page, where the theme's own links
    (to files) are already right and only the hub's folder links need it."""
    here_dir = page_url(src_uri)
    here_file = posixpath.dirname(file_url(src_uri)) or "."

    def rewrite(match: re.Match) -> str:
        path = match.group("path")
        folder = path.endswith("/")
        if folders_only and not folder:
            return match.group(0)
        target = posixpath.normpath(posixpath.join(here_dir, path))
        if target.startswith("../"):
            return match.group(0)
        page = "" if target == "." else target + "/"
        if page in pages:
            target = pages[page]
        elif folder:
            return match.group(0)  # a folder that is no page: nothing to say where it is
        href = posixpath.relpath(target, here_file)
        return f"{match.group('lead')}{href}{match.group('rest') or ''}{match.group('q')}"

    text = _HREF.sub(rewrite, text)
    # The templates' data attributes come from the engine's own URL filter, already right for files.
    return text if folders_only else _DATA_PATH.sub(rewrite, text)


def as_source_links(text: str, src_uri: str) -> str:
    """The page's raw-HTML links, written relative to its directory-style URL,
    rewritten relative to its source file, for an engine that resolves raw-HTML
    links against the source file as it does Markdown links (Zensical does)."""
    here_dir = page_url(src_uri)
    source_dir = posixpath.dirname(src_uri) or "."

    def rewrite(match: re.Match) -> str:
        path = match.group("path")
        target = posixpath.normpath(posixpath.join(here_dir, path))
        if target.startswith("../"):
            return match.group(0)
        href = posixpath.relpath(target, source_dir)
        href = "./" if href == "." and path.endswith("/") else href + ("/" if path.endswith("/") and href != "." else "")
        return f"{match.group('lead')}{href}{match.group('rest') or ''}{match.group('q')}"

    return _HREF.sub(rewrite, text)
