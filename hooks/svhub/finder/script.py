"""The finder's two scripts, and the record page's, each joined from its modules at build time.

The modules live in the theme folder, under site_overrides/assets/javascripts/finder/:
an engine with no DOM (data, index, query, words, state, filter, csv), which Node's
unit tests load one by one (tests/js/), and the UI (controls, results, chips,
count) with main.js, which joins them. Each module adds itself to one
namespace, window.hubFinder. The page loads each script as one file: ES modules
would run after the page is parsed, too late for the first results, and one
request costs less than many. The modules are the one source; the scripts,
without the modules' comments, are written into the site as generated files,
the same on every build.
"""

from __future__ import annotations

from pathlib import Path

from ..output import GeneratedFile

THEME = "site_overrides"
SOURCE = "assets/javascripts/finder"  # the modules, in the theme folder; not published
SCRIPTS: dict[str, tuple[str, ...]] = {
    # In the page's <head>: fetches the data early.
    "assets/javascripts/finder-url.js": ("engine/base.js", "head.js"),
    # Just before Material's bundle; each module only uses those before it.
    "assets/javascripts/finder.js": (
        "engine/data.js", "engine/index.js", "engine/query.js", "engine/words.js", "engine/state.js", "engine/filter.js",
        "engine/csv.js", "ui/dom.js", "ui/controls.js", "ui/results.js", "ui/chips.js", "ui/suggest.js", "ui/count.js",
        "ui/follow.js",
        "ui/print.js", "main.js",
    ),
    # The record of consideration's page (svhub.pages.record): the finder's engine, so that its
    # examples are the finder's, with the record's own model and UI.
    "assets/javascripts/record.js": (
        "engine/base.js", "engine/data.js", "engine/state.js", "engine/filter.js", "record/model.js", "record/main.js",
    ),
    # The scope check's page (guidance/scope-check.md): answers as the reader chooses.
    "assets/javascripts/scope-check.js": ("scope/check.js",),
    # On every page: loads the site search when the reader first focuses its box.
    "assets/javascripts/search-boot.js": ("search/boot.js",),
    # The site search: the finder's engine (index, query) with the search's own UI.
    "assets/javascripts/search.js": (
        "engine/base.js", "engine/data.js", "engine/index.js", "engine/query.js", "engine/words.js", "search/hits.js",
        "ui/dom.js",
        "search/ui.js",
    ),
}


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
    header = f"/* Built by svhub/finder/script.py from {THEME}/{SOURCE}/: {', '.join(modules)}. Edit those. */\n"
    return (header + "".join(without_comments((source / name).read_text(encoding="utf-8"))
                             for name in modules)).encode("utf-8")


def modules(root: Path) -> Path:
    """The folder of the finder's modules in the project whose folder is `root`."""
    return root / THEME / SOURCE


def finder_scripts(root: Path) -> list[GeneratedFile]:
    """The finder's scripts for the project whose folder is `root`."""
    source = modules(root)
    return [GeneratedFile(path, joined(source, modules)) for path, modules in SCRIPTS.items()]
