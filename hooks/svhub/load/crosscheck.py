"""Rules that need the whole library: one file can be valid on its own and
still repeat another case study or link to one that does not exist."""

from __future__ import annotations

import difflib
import posixpath
import re
import unicodedata
from collections import defaultdict
from pathlib import Path

from ..structure.facets import SITE_FOLDERS
from ..urls import SECTION, case_study_url
from .messages import Diagnostic, Position, Severity, escape
from .narrative import markdown_destinations, url_scheme
from .result import LoadResult

NEAR_DUPLICATE_RATIO = 0.8
# An absolute link to a case study's page (the engine leaves those as they are).
CASE_STUDY_LINK = re.compile(rf"(?:\]\(|href=[\"'])[ \t]*+/{SECTION}/([a-z0-9-]++)(?:/|\.md)")


# Letters of other scripts that look like Latin ones (from Unicode's confusables list,
# for the scripts a look-alike title would use), and characters that show as nothing.
_LOOK_ALIKES = str.maketrans(
    "аАвВеЕкКмМнНоОрРсСтТуУхХѕЅіІјЈԁһӏүԝԛ" "αΑβΒεΕηΗιΙκΚνΝοΟρΡτΤυΥχΧωΖζ" "ıℓ",  # Cyrillic, Greek, other
    "aAbBeEkKmMhHoOpPcCtTyYxXsSiIjJdhlywq" "aAbBeEnHiIkKvNoOpPtTuUxXwZz" "il",
    "\u00ad\u200b\u200c\u200d\u2060\ufeff",
)


def _normalise(title: str) -> str:
    """A title reduced to what a reader sees: compatibility forms (NFKC: full-width,
    ligatures), look-alike letters of other scripts, accents and case folded away."""
    folded = unicodedata.normalize("NFKC", title).translate(_LOOK_ALIKES).casefold()
    plain = "".join(c for c in unicodedata.normalize("NFKD", folded) if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^a-z0-9 ]", " ", plain).split())


def _title_position(result: LoadResult) -> Position:
    return result.document.where(("title",)) if result.document else Position(1, 1)


def check_library(results: list[LoadResult], site_sources: tuple[Path, ...] = ()) -> None:
    """Add cross-file diagnostics to the results they concern, in place. `site_sources`
    are the folders whose files are the site's pages and files (content/, the theme's)."""
    loaded = [r for r in results if r.case_study is not None]
    slugs = {r.case_study.slug for r in loaded}
    _duplicate_titles(loaded)
    _near_duplicates(loaded)
    for result in loaded:
        _broken_case_study_links(result, slugs)
        _relative_links(result, slugs, site_sources)


def _known_target(target: str, slugs: set[str], site_sources: tuple[Path, ...]) -> bool:
    """Whether the site engine finds a relative link's target, as the page
    case-studies/<slug>.md sees it: a page's Markdown file, or a file."""
    parts = target.split("/")
    if parts[0] == SECTION and len(parts) >= 2:
        if len(parts) == 2 and parts[1].removesuffix(".md") in slugs | {"index"} and parts[1].endswith(".md"):
            return True
        if parts[1] in SITE_FOLDERS and target.endswith(".md"):
            return True  # a listing or facet page the hub generates
    return any((folder / target).is_file() for folder in site_sources)


def _relative_links(result: LoadResult, slugs: set[str], site_sources: tuple[Path, ...]) -> None:
    """Relative links as the strict build resolves them: a page by its .md file, or a
    file. What the build would stop on is reported here, at the contributor's line."""
    body = result.case_study.body
    body_line = result.document.body_line if result.document else 1
    for offset, url in markdown_destinations(body):
        path = url.split("#", 1)[0].split("?", 1)[0]
        if not path or url_scheme(url) is not None or url.startswith(("/", "\\")):
            continue
        target = posixpath.normpath(posixpath.join(SECTION, path))
        if not target.startswith("../") and _known_target(target, slugs, site_sources):
            continue
        slug = path.strip("./").removesuffix(".md").rsplit("/", 1)[-1]
        example = f"{slug}.md" if slug in slugs else "oldham-banking-services.md"
        result.diagnostics.append(Diagnostic(
            result.path, *Position.of(body, offset, body_line), Severity.ERROR,
            f"the site cannot follow the relative link '{escape(url)}'",
            f"link to a case study by its file, e.g. '{example}', to a guidance page by its file, "
            "e.g. '../guidance/index.md', or give a full address (https://…)"))


def _duplicate_titles(loaded: list[LoadResult]) -> None:
    by_title: dict[str, list[LoadResult]] = defaultdict(list)
    for result in loaded:
        by_title[_normalise(result.case_study.title)].append(result)
    for group in by_title.values():
        first, *repeats = sorted(group, key=lambda r: r.path)
        for result in repeats:
            result.diagnostics.append(Diagnostic(
                result.path, *_title_position(result), Severity.ERROR,
                f"the title is the same as {first.path}'s",
                "give each case study its own title; if both describe one contract, merge them"))


def _near_duplicates(loaded: list[LoadResult]) -> None:
    by_buyer: dict[tuple[str, str], list[LoadResult]] = defaultdict(list)
    for result in loaded:
        c = result.case_study
        by_buyer[(_normalise(c.commissioner.name), c.service)].append(result)
    for group in by_buyer.values():
        ordered = sorted(group, key=lambda r: r.path)
        for index, result in enumerate(ordered):
            for earlier in ordered[:index]:
                a, b = _normalise(earlier.case_study.title), _normalise(result.case_study.title)
                if a != b and difflib.SequenceMatcher(None, a, b).ratio() >= NEAR_DUPLICATE_RATIO:
                    result.diagnostics.append(Diagnostic(
                        result.path, *_title_position(result), Severity.WARNING,
                        f"this looks like a near-duplicate of {earlier.path} "
                        "(same commissioner and service, very similar title)",
                        "check whether both describe the same contract"))
                    break


def _broken_case_study_links(result: LoadResult, slugs: set[str]) -> None:
    body = result.case_study.body
    body_line = result.document.body_line if result.document else 1
    for match in CASE_STUDY_LINK.finditer(body):
        slug = match.group(1)
        if slug in slugs or slug in SITE_FOLDERS:
            continue
        line, col = Position.of(body, match.start(), body_line)
        suggestion = difflib.get_close_matches(slug, sorted(slugs), n=1)
        result.diagnostics.append(Diagnostic(
            result.path, line, col, Severity.ERROR,
            f"link to /{case_study_url(slug)}, which does not exist"
            + (f" (did you mean '{suggestion[0]}'?)" if suggestion else ""),
            f"link to a case study by its file name, without .md, e.g. /{case_study_url('oldham-banking-services')}"))
