"""What a build produces, independent of the site engine: pages and files.

Everything that writes output (pages, the finder's data, exports, the data
dictionary) imports these from here, never from the page compiler.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

import yaml
from markupsafe import escape

# Templates that write the page's h1 themselves (the others show the Markdown's).
TEMPLATES_WITH_TITLE = frozenset({"casestudy.html"})


@dataclass
class GeneratedPage:
    src_uri: str
    title: str
    body: str
    description: str = ""
    template: str = ""
    data: dict[str, Any] = field(default_factory=dict)
    hide: tuple[str, ...] = ()
    # Parts of `body` that are finished HTML (a listing's results): the engine's
    # Markdown need not read them. See markdown(for_engine=True) and restore().
    html_blocks: tuple[str, ...] = ()

    @property
    def front_matter(self) -> dict[str, Any]:
        """What the engine reads before rendering; `hub` carries the page data."""
        meta: dict[str, Any] = {"title": self.title}
        if self.description:
            meta["description"] = self.description
        if self.template:
            meta["template"] = self.template
        if self.hide:
            meta["hide"] = list(self.hide)
        return meta

    def markdown(self, *, with_data: bool = True, for_engine: bool = False) -> str:
        """The page as a Markdown file. `for_engine` is the file the hub's own
        build hands the engine, quick to write and to read at 2,000 pages and
        more: each of html_blocks is a placeholder comment, for restore() to put
        back into the rendered HTML (a facet page's hundreds of results cost
        Markdown, and md_in_html, which parses every raw HTML block, most of the
        build's conversion time, and Markdown leaves raw HTML as it is anyway);
        and the front matter is JSON, which is YAML, ASCII-escaped (PyYAML's
        dump took as long as Markdown for a case study)."""
        body = self.body
        if for_engine:
            for number, block in enumerate(self.html_blocks):
                body = body.replace(block, _placeholder(number), 1)
        meta = self.front_matter | ({"hub": self.data} if with_data and self.data else {})
        if for_engine:
            front = json.dumps(meta, allow_nan=False) + "\n"
        else:
            front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000)
        # A page without its own template starts with its title as its one h1,
        # so that the skip link and the contents start there.
        titled = self.template in TEMPLATES_WITH_TITLE or self.body.startswith("# ")
        heading = "" if titled else f"# {escape(self.title)}\n\n"
        return f"---\n{front}---\n\n{heading}{body}"

    def restore(self, html: str) -> str:
        """The rendered HTML of markdown(for_engine=True), with its HTML blocks back in place."""
        for number, block in enumerate(self.html_blocks):
            html = html.replace(_placeholder(number), block, 1)
        return html


def _placeholder(number: int) -> str:
    return f"<!-- svhub:html-block:{number} -->"


@dataclass
class GeneratedFile:
    """A file written as it is: a download, such as the CSV of every case study,
    or a file of the docs folder that scripts/compile.py writes (src_uri is relative to it)."""

    src_uri: str
    content: bytes
