"""The whole site as a plain Markdown docs folder, for an engine without the hub's hooks.

What the hooks add at build time is written into the pages themselves: the
generated pages, each content page's directives, instrument citations,
history passages and glossary terms (HubBuild.expand_markdown), and the parts
the theme's templates draw from page data (review panel, due notice, change
notes, sources, a case study's article) rendered by those same templates.
Titles and descriptions are escaped, because other themes print them as they
are; a case study's narrative is turned into HTML and cleaned by the
narrative sanitiser here, because no hook will clean it later.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import markdown
import yaml
from jinja2 import Environment, FileSystemLoader
from markupsafe import escape

from .load.frontmatter import FrontMatterError, parse
from .load.narrative import sanitise_html
from .output import GeneratedFile, GeneratedPage
from .site import HubBuild
from .urls import page_url, relative
from .urlstyle import as_source_links

# Theme assets a compiled site still needs; the finder's script modules are
# joined into its downloads instead.
ASSETS = "assets/stylesheets"


class SiteCompiler:
    """Writes what one HubBuild would hand an engine, page by page, as files."""

    def __init__(self, build: HubBuild, config: dict[str, Any], *, directory_urls: bool = True,
                 html_links_from_source: bool = False):
        self.build = build
        self.config = config
        self.directory_urls = directory_urls
        self.html_links_from_source = html_links_from_source
        self.templates = Environment(loader=FileSystemLoader(build.paths.root / "site_overrides"), autoescape=True)
        self.markdown_extensions, self.extension_configs = _extensions(config)

    # The docs folder -----------------------------------------------------------

    def files(self) -> Iterator[GeneratedFile]:
        content = self.build.paths.content
        sources = sorted(p for p in content.rglob("*") if p.is_file()
                         and self.build.paths.reference_data not in p.parents)
        pages = [p.relative_to(content).as_posix() for p in sources if p.suffix == ".md"]
        pages += [p.src_uri for p in self.build.pages]
        self.build.know_files(pages)
        for path in sources:
            src_uri = path.relative_to(content).as_posix()
            raw = path.read_bytes()
            if path.suffix == ".md":
                raw = self._link(self.content_page(src_uri, raw.decode("utf-8")), src_uri).encode("utf-8")
            yield GeneratedFile(src_uri, raw)
        for page in self.build.pages:
            yield GeneratedFile(page.src_uri, self._link(self.generated_page(page), page.src_uri).encode("utf-8"))
        for download in self.build.downloads:
            yield GeneratedFile(download.src_uri, download.content)
        stylesheets = self.build.paths.root / "site_overrides" / ASSETS
        for path in sorted(stylesheets.glob("*.css")):
            yield GeneratedFile(f"{ASSETS}/{path.name}", path.read_bytes())

    def mkdocs_config(self, docs_dir: str = "docs") -> str:
        """The site's configuration for plain MkDocs: no hooks, the theme without the hub's templates."""
        config = {k: v for k, v in self.config.items() if k not in {"hooks", "INHERIT"}}
        theme = dict(config.get("theme") or {})
        theme.pop("custom_dir", None)
        config.update(theme=theme, docs_dir=docs_dir, site_dir="site", use_directory_urls=self.directory_urls)
        config.pop("exclude_docs", None)  # content/_data/ is not copied
        return yaml.safe_dump(config, allow_unicode=True, sort_keys=False)

    def _link(self, text: str, src_uri: str) -> str:
        """Raw-HTML links are written for directory URLs, relative to the page's URL, which MkDocs
        leaves as they are. With file URLs they name the files; an engine that resolves them
        against the source file, as it does Markdown links, needs them relative to that."""
        if not self.directory_urls:
            return self.build.file_links(text, src_uri)
        return as_source_links(text, src_uri) if self.html_links_from_source else text

    # Pages -----------------------------------------------------------------------

    def content_page(self, src_uri: str, text: str) -> str:
        meta, body = _split(text)
        hub = self.build.page_meta(src_uri, meta).get("hub", {})
        body = self.build.expand_markdown(body, src_uri)
        # The hub's own templates (record.html) are not there: the page is its static form.
        meta = {k: v for k, v in meta.items() if k != "template"}
        return _front(meta | _escaped(meta)) + self._around(body, hub, src_uri)

    def generated_page(self, page: GeneratedPage) -> str:
        meta = {k: v for k, v in page.front_matter.items() if k != "template"} | _escaped(page.front_matter)
        if page.template == "casestudy.html":
            return _front(meta) + self.case_study_article(page) + "\n"
        # page.markdown() writes the title as the page's one h1 (escaped), the body after it.
        body = self.build.page_markdown(page).split("\n---\n\n", 1)[1]
        return _front(meta) + self._around(body, page.data, page.src_uri)

    def case_study_article(self, page: GeneratedPage) -> str:
        """The article casestudy.html would draw, its narrative built and cleaned here."""
        narrative = markdown.markdown(self.build.expand_markdown(page.body, page.src_uri), extensions=self.markdown_extensions,
                                      extension_configs=self.extension_configs)
        content = _page_links(sanitise_html(narrative), page.src_uri)
        view = {"title": page.title, "meta": {"hub": page.data}, "content": content}
        article = self.templates.get_template("partials/hub-casestudy.html").render(page=view).strip()
        return f"{article}\n\n{self._print_url(page.src_uri)}".rstrip()

    def _around(self, body: str, hub: dict[str, Any], src_uri: str) -> str:
        """The body between what main.html adds above and below it."""
        def render(name: str) -> str:
            return self.templates.get_template(f"partials/{name}.html").render(hub=hub).strip()

        # As main.html: the landing page shows no change notes, sources or review panel.
        panels = () if src_uri == "index.md" else (render("hub-updates"), render("hub-review"))
        above, below = render("hub-due-notice"), "\n\n".join(part for part in panels if part)
        below = "\n\n".join(part for part in (below, self._print_url(src_uri)) if part)
        return (f"{above}\n\n" if above else "") + body.rstrip() + "\n" + (f"\n{below}\n" if below else "")

    def _print_url(self, src_uri: str) -> str:
        """On paper, where the page lives (the theme's canonical address)."""
        site = self.build.site.site_url
        page = {"canonical_url": site + page_url(src_uri)} if site else None
        return self.templates.get_template("partials/hub-print-url.html").render(page=page).strip()


def _extensions(config: dict[str, Any]) -> tuple[list[str], dict[str, Any]]:
    names, configs = [], {}
    for item in config.get("markdown_extensions") or []:
        if isinstance(item, dict):
            (name, options), = item.items()
            names.append(name)
            configs[name] = options or {}
        else:
            names.append(item)
    return names, configs


def _split(text: str) -> tuple[dict[str, Any], str]:
    """A content page's front matter (read by the hub's own parser) and its Markdown."""
    if not text.startswith("---"):
        return {}, text
    try:
        doc = parse(text.encode("utf-8"))
    except FrontMatterError:
        return {}, text  # not front matter the hub reads: the engine reads it as it stands
    return doc.data, doc.body


def _escaped(meta: dict[str, Any]) -> dict[str, Any]:
    """Title and description as HTML text: other themes print them unescaped."""
    return {key: str(escape(meta[key])) for key in ("title", "description") if meta.get(key)}


def _front(meta: dict[str, Any]) -> str:
    if not meta:
        return ""
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000) + "---\n\n"


def write(files: Iterator[GeneratedFile], out: Path) -> int:
    count = 0
    for file in files:
        target = out / file.src_uri
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(file.content)
        count += 1
    return count


# A link in a narrative to another page's Markdown ("other-case-study.md"), now in raw HTML.
_MARKDOWN_HREF = re.compile(r'href="(?![a-z][a-z0-9+.-]*:|/|#)([^"#?]+\.md)(#[^"]*)?"', re.I)


def _page_links(html: str, src_uri: str) -> str:
    """A narrative's links to other pages' Markdown, as MkDocs resolves them in
    the hooked build: the narrative is raw HTML here, which MkDocs leaves alone,
    so each is written as the page's URL, relative to this page's."""
    def to_page(match: re.Match) -> str:
        target = posixpath.normpath(posixpath.join(posixpath.dirname(src_uri), match[1]))
        return f'href="{relative(page_url(src_uri), page_url(target))}{match[2] or ""}"'
    return _MARKDOWN_HREF.sub(to_page, html)
