"""The browser's scripts, each joined at build time from the modules of the engine and of its user.

The modules live in the theme folder, in the subfolders of site_overrides/assets/javascripts/:
engine/, which the finder, the site search and the record share (fetching, the data, the
index and query, the words a query names, the URL state and filtering; no DOM but the one
way to make an element), and one folder for each user: finder/ (its UI, with main.js, which
joins them), search/, record/ and scope/ (the scope check). Node's unit tests load them one
by one (tests/js/). Each module adds itself to one namespace, window.hubFinder. The page
loads each script as one file: ES modules would run after the page is parsed, too late for
the first results, and one request costs less than many. The modules are the one source;
the scripts, without the modules' comments, are written into the site as generated files,
the same on every build, and the modules themselves are not published.
"""

from __future__ import annotations

from pathlib import Path

from ..output import GeneratedFile

THEME = "site_overrides"
SOURCE = "assets/javascripts"  # the modules are in its subfolders, in the theme folder; not published
SCRIPTS: dict[str, tuple[str, ...]] = {
    # In the page's <head>: fetches the data early.
    "assets/javascripts/finder-url.js": ("engine/base.js", "finder/head.js"),
    # Just before Material's bundle; each module only uses those before it.
    "assets/javascripts/finder.js": (
        "engine/data.js", "engine/index.js", "engine/query.js", "engine/words.js", "engine/state.js",
        "engine/filter.js", "engine/dom.js", "finder/csv.js", "finder/controls.js", "finder/results.js",
        "finder/chips.js", "finder/suggest.js", "finder/count.js", "finder/follow.js", "finder/print.js",
        "finder/main.js",
    ),
    # The record of consideration's page (svhub.pages.record): the engine, so that its
    # examples are the finder's, with the record's own model and UI.
    "assets/javascripts/record.js": (
        "engine/base.js", "engine/data.js", "engine/state.js", "engine/filter.js",
        "record/model.js", "record/main.js",
    ),
    # The scope check's page (guidance/scope-check.md): answers as the reader chooses.
    "assets/javascripts/scope-check.js": ("scope/check.js",),
    # On every page: loads the site search when the reader first focuses its box.
    "assets/javascripts/search-boot.js": ("search/boot.js",),
    # The site search: the engine (index, query, words) with the search's own UI.
    "assets/javascripts/search.js": (
        "engine/base.js", "engine/data.js", "engine/index.js", "engine/query.js", "engine/words.js",
        "engine/dom.js", "search/hits.js", "search/ui.js",
    ),
}


def is_module(src_uri: str, path: str | None, root: Path) -> bool:
    """Whether a theme file (its URI in the site, its path on disk) is one of the modules,
    in a subfolder of SOURCE in the hub's theme folder of the project at `root`: those are
    joined into the scripts rather than published. The theme's own scripts in subfolders
    of the same URI (Material's workers/ and lunr/) are published as they are."""
    if not path or not src_uri.startswith(SOURCE + "/"):
        return False
    folder, file = modules(root).resolve(), Path(path).resolve()
    return file.is_relative_to(folder) and file.parent != folder


def without_comments(script: str) -> str:
    """A module without the comments that fill whole lines, which are a third of
    its bytes over the network: a line that starts with `//`, or lines from one
    that starts with `/*` to one that ends with `*/`. Comments after code stay."""
    kept, inside = [], False
    for line in script.splitlines():
        text = line.strip()
        if inside or text.startswith("/*"):
            end = text.find("*/", 0 if inside else 2)
            if end >= 0 and end != len(text) - 2:
                raise ValueError(f"code after a comment on one line: {line!r}")
            inside = end < 0
        elif not text.startswith("//"):
            kept.append(line)
    return "\n".join(kept) + "\n"


def joined(source: Path, modules: tuple[str, ...]) -> bytes:
    """The modules one after another, under a line that says where they come from."""
    header = f"/* Built by svhub/engine/scripts.py from {THEME}/{SOURCE}/: {', '.join(modules)}. Edit those. */\n"
    return (header + "".join(without_comments((source / name).read_text(encoding="utf-8"))
                             for name in modules)).encode("utf-8")


def modules(root: Path) -> Path:
    """The folder whose subfolders hold the modules, in the project whose folder is `root`."""
    return root / THEME / SOURCE


def browser_scripts(root: Path) -> list[GeneratedFile]:
    """Every script joined from the modules, for the project whose folder is `root`."""
    source = modules(root)
    return [GeneratedFile(path, joined(source, modules)) for path, modules in SCRIPTS.items()]
