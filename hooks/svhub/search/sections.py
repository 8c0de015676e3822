"""A content page's rendered HTML cut into the sections the site search finds.

A section runs from one h2 or h3 to the next, so a hit can link to its
heading; the text before the first of them belongs to the page's top. The
HTML is the page's own (Markdown the hub wrote or an editor did), read with
the standard library's parser, so no second Markdown parser is involved.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

SECTION_HEADINGS = frozenset({"h2", "h3"})
_SKIPPED = frozenset({"script", "style", "template"})
_VOID = frozenset({"area", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Section:
    """One searchable part of a page: its heading's id ("" for the page's top)."""

    anchor: str
    heading: str
    text: str


class _Cutter(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.sections: list[tuple[str, list[str], list[str]]] = [("", [], [])]
        self._heading: str | None = None  # the tag of the heading being read
        self._skip = 0  # depth inside script, style, or a heading's permalink

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag in _VOID:
            return
        if self._skip or tag in _SKIPPED or (tag == "a" and "headerlink" in (values.get("class") or "").split()):
            self._skip += 1
        elif tag in SECTION_HEADINGS and values.get("id"):
            self._heading = tag
            self.sections.append((values["id"] or "", [], []))

    def handle_endtag(self, tag: str) -> None:
        if self._skip:
            self._skip -= 1
        elif tag == self._heading:
            self._heading = None

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        pass  # <br/>, <img/>: no text, and no end tag to wait for

    def handle_data(self, data: str) -> None:
        if not self._skip:
            _anchor, heading, text = self.sections[-1]
            (heading if self._heading else text).append(data)


def _clean(parts: list[str]) -> str:
    return _SPACE.sub(" ", "".join(parts)).strip()


def sections(html: str, title: str) -> list[Section]:
    """The page's sections in order, starting with its top, whose heading is the page's title.

    The h1 (the title itself) is not a section heading; its text is left out
    of the top's text, which the title already stands for."""
    cutter = _Cutter()
    cutter.feed(re.sub(r"<h1\b.*?</h1>", "", html, count=1, flags=re.S | re.I))
    cutter.close()
    return [Section(anchor, _clean(heading) if anchor else title, _clean(text))
            for anchor, heading, text in cutter.sections]
