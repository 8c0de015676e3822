"""MkDocs hooks for the Social Value Hub: a thin adapter, read top to bottom.

Everything the hub knows lives in the engine-neutral `svhub` package; each
event below only hands MkDocs' objects to it.
"""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

from svhub.config import HubPaths, site_url
from svhub.engine import scripts
from svhub.exports import offline
from svhub.load.messages import UserError
from svhub.pages import csp
from svhub.pages.once import Once, nav_key
from svhub.search.files import browser_files
from svhub.site import HubBuild

CASE_STUDY_TITLE_ID = "hub-title"  # the h1's id in site_overrides/casestudy.html

_build: HubBuild | None = None
_previewing = False


def on_startup(command, dirty):
    """0. Note whether this is `mkdocs serve`, whose live reload is an inline script."""
    global _previewing
    _previewing = command == "serve"


def on_config(config):
    """1. Load and validate every case study before anything is written; for the offline
    copy (svhub.exports.offline), check it has file URLs and note its edition for the home page."""
    global _build
    config.site_url = site_url(config.site_url)
    try:
        edition = offline.edition()
    except ValueError as error:
        raise PluginError(str(error)) from None
    if edition:  # the offline copy (scripts/offline.py): its home page names the edition
        if config.use_directory_urls:
            raise PluginError("the offline copy needs file URLs: build it with --no-directory-urls")
        config.extra["hub_offline"] = {"commit": edition.commit, "date": edition.date,
                                       "date_iso": edition.iso_date, "site_url": config.site_url}
    _build = HubBuild.start(HubPaths(Path(config.config_file_path).parent), repo_url=config.repo_url or "",
                            site_url=config.site_url)
    for line in _build.messages():
        print(line, file=sys.stderr)
    if not _build.ok:
        raise PluginError(_build.failure_summary())
    return config


def on_files(files, config):
    """2. Add the generated case-study, listing and facet pages and downloads.

    The script modules in the theme (svhub.engine.scripts) are joined into the scripts,
    which are among the downloads; the modules themselves are not published."""
    from mkdocs.structure.files import File

    for module in [f for f in files if scripts.is_module(f.src_uri, f.abs_src_path, _build.paths.root)]:
        files.remove(module)
    for page in _build.pages:
        files.append(File.generated(config, page.src_uri, content=_build.engine_markdown(page)))
    for download in _build.downloads:
        files.append(File.generated(config, download.src_uri, content=download.content))
    _build.know_files([f.src_uri for f in files])
    return files


def on_env(env, config, files):
    """3. Templates can compute the Content-Security-Policy of their page (in a local preview, one that
    lets live reload run), find the site search's files,
    and draw the nav once for the pages that share it."""
    env.globals["csp_policy"] = csp.preview_policy if _previewing else csp.policy
    env.globals["hub_search"] = browser_files(config.use_directory_urls)
    env.globals["hub_once"] = Once()
    env.globals["hub_nav_key"] = lambda page, nav: nav_key(page.url, [p.url for p in nav.pages])
    return env


def on_page_markdown(markdown, page, config, files):
    """4. Give each page its data, expand reference-data directives, add glossary tooltips;
    with file URLs, its raw-HTML links to pages name their files."""
    page.meta.update(_build.page_meta(page.file.src_uri, page.meta))
    try:
        markdown = _build.expand_markdown(markdown, page.file.src_uri)
    except UserError as error:
        raise PluginError(str(error)) from None
    return markdown if config.use_directory_urls else _build.file_links(markdown, page.file.src_uri)


def on_page_content(html, page, config, files):
    """5. Clean contributed narratives against an allow-list; note a content page's sections for the site search."""
    _build.add_to_search(page.file.src_uri, page.url, page.title, html)
    return _build.clean_html(html, page.file.src_uri)


def on_page_context(context, page, config, nav):
    """6. A case study's skip link and contents start at the title its template writes.
    In the offline copy, a page's canonical address is its address online."""
    if config.extra.get("hub_offline"):
        page.canonical_url = offline.online_url(config.site_url, page.file.src_uri)
    if page.meta.get("template") == "casestudy.html":
        from mkdocs.structure.toc import AnchorLink, TableOfContents

        title = AnchorLink(page.title, CASE_STUDY_TITLE_ID, 1)
        title.children = list(page.toc)
        page.toc = TableOfContents([title])
    return context


def on_post_page(output, page, config):
    """7. With file URLs (`--no-directory-urls`), the templates' links to pages name their files too."""
    if config.use_directory_urls:
        return output
    return _build.file_links(output, page.file.src_uri, folders_only=True)


def on_post_build(config):
    """8. The site search's index, now that every content page has been rendered."""
    from mkdocs.utils import write_file

    for file in _build.search_files(config.use_directory_urls):
        write_file(file.content, str(Path(config.site_dir) / file.src_uri))


def on_serve(server, config, builder):
    """9. `make serve` rebuilds when a case study, the vocabularies or a script module change."""
    server.watch(str(_build.paths.casestudies))
    server.watch(str(scripts.modules(_build.paths.root)))
    return server
