"""Drawing a part of the theme once for all the pages on which it is the same.

Material draws the whole site nav into every page, and at 2,000 case studies
that was a tenth of the build. For a page outside the nav (a case study, a
facet or listing page) nothing in the nav is marked as current, so the nav
differs between two such pages only in its relative links, and `nav_key`
says when those are the same too.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable


def _segments(url: str) -> list[str]:
    return [part for part in url.split("/")[:-1] if part]  # the page's folder


def nav_key(page_url: str, nav_urls: Iterable[str]) -> tuple[tuple[str, ...], int]:
    """Pages with the same key have the same relative link to every nav URL.

    A link from folder P to T climbs out of P to the longest prefix the two
    share. The key is P's depth and the longest prefix of P that any nav URL
    starts with: past it, no link's shared prefix can grow."""
    folder = _segments(page_url)
    kept = 0
    for url in nav_urls:
        target = _segments(url) + [url.rsplit("/", 1)[-1]]
        shared = 0
        while shared < min(len(folder), len(target)) and folder[shared] == target[shared]:
            shared += 1
        kept = max(kept, shared)
    return tuple(folder[:kept]), len(folder)


class Once:
    """A template's part, drawn the first time its key is asked for (one build's worth)."""

    def __init__(self) -> None:
        self._drawn: dict[object, str] = {}

    def __call__(self, key: object, caller: Callable[[], str]) -> str:
        if key not in self._drawn:
            self._drawn[key] = caller()
        return self._drawn[key]
