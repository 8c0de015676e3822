"""The site search's files: one index of guidance sections and case studies.

The index is the finder's kind (svhub.engine.index): built by lunr.py with the
engine's pipeline and packed into a head and shards by the same `pack`, so the
browser searches it with the engine the finder uses (engine/index.js and
engine/query.js) and the same stemmer. Documents are numbered guidance
sections first, then reference sections (the glossary, the data dictionary,
the change notes), then case studies newest first; a hit's address and the
text its result shows (its snippet's source) are in small chunks of
documents, so the first query fetches the head, the shards its words are in,
and the chunks of the hits it shows. The head also carries the facets a
query's words can name (svhub.finder.table.named_facets), so the search
offers the finder's filters. Nothing here is fetched before the reader
focuses the search box.

`hits` groups by kind as search/hits.js does: reference sections come after
guidance and case studies, unless the query names one's title.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from lunr.index import Index

from ..engine.index import FIELDS as FINDER_FIELDS
from ..engine.index import Match, build_documents, case_study_texts, distinct_terms, pack
from ..engine.lunrjs import LUNR_PATH
from ..exports.syndication import CHANGES_SRC
from ..finder.table import named_facets
from ..output import GeneratedFile
from ..pages.dictionary import SRC_URI as DICTIONARY_SRC
from ..structure.library import Library
from ..urls import SECTION, case_study_url
from ..urlstyle import file_url
from .sections import Section

SEARCH_URL = "search/"          # the search page, /search/?q=
SEARCH_PAGE = "search.md"       # its source, generated (svhub.search.page)
DATA_DIR = "search/data"
HEAD_PATH = f"{DATA_DIR}/index.json"
SCRIPT_PATH = "assets/javascripts/search.js"
# Documents to a chunk of addresses and result text. One: a first query fetches
# the text of only the hits it shows, as Pagefind fetches a fragment a result
# (`make bench` compares their bytes); the names follow DOCS_FILE, not a list.
DOCS_CHUNK = 1
DOCS_FILE = "docs-{}.json"
# Smaller shards than the finder's: a site search is one query, whose bytes
# count (`make bench` compares them with Pagefind's), not a session of them.
SHARD_BYTES = 16_000
# The finder's fields, with the finder's boosts: a section's heading is its title,
# the page's title its summary, the section's words its details.
FIELDS = tuple((f.name, f.boost) for f in FINDER_FIELDS)




def browser_files(directory_urls: bool = True) -> dict[str, str]:
    """What the search box's script loads once focused, by key (the templates' `hub_search`).
    With file URLs (the offline copy) the search page and the finder are named by their files."""
    pages = {"page": SEARCH_URL, "finder": f"{SECTION}/"} if directory_urls else {
        "page": file_url(SEARCH_PAGE), "finder": f"{SECTION}/index.html"}
    return {"index": HEAD_PATH, "lunr": LUNR_PATH, "script": SCRIPT_PATH, **pages}


# The pages whose sections are reference rather than guidance: they rank after
# guidance and case studies unless a query names one of their headings.
REFERENCE_SOURCES = frozenset({"glossary.md", DICTIONARY_SRC, CHANGES_SRC})
SNIPPET_SOURCE_CHARS = 1_200  # of a section's text, what its snippet is cut from
GROUPS = ("guidance", "caseStudies", "reference")  # the kinds of hit, each a group of results (see `hits`)


@dataclass(frozen=True)
class GuidancePage:
    """A content page as the search sees it: its URL, title and sections, and
    whether it is reference (REFERENCE_SOURCES) rather than guidance."""

    url: str
    title: str
    sections: tuple[Section, ...]
    reference: bool = False


@dataclass(frozen=True)
class Document:
    """One thing the search can find, with what its result shows: its title,
    its context (the page or the commissioner) and the text its snippet is cut from."""

    url: str
    title: str
    context: str
    text: dict[str, str]
    snippet: str = ""


def _cut(text: str) -> str:
    """A section's first SNIPPET_SOURCE_CHARS characters, ending at a word."""
    return text if len(text) <= SNIPPET_SOURCE_CHARS else text[:SNIPPET_SOURCE_CHARS].rsplit(" ", 1)[0]


def guidance_documents(pages: Sequence[GuidancePage]) -> list[Document]:
    found = []
    for page in sorted(pages, key=lambda p: p.url):
        for section in page.sections:
            url = page.url + (f"#{section.anchor}" if section.anchor else "")
            context = "" if not section.anchor else page.title
            found.append(Document(url, section.heading, context, {
                "title": section.heading, "summary": page.title if not section.anchor else "",
                "details": section.text}, _cut(section.text)))
    return found


def case_study_documents(library: Library, directory_urls: bool = True) -> list[Document]:
    """With file URLs (the offline copy) a case study is named by its file, as guidance pages are."""
    url = case_study_url if directory_urls else (lambda slug: file_url(f"{SECTION}/{slug}.md"))
    texts = case_study_texts(library.case_studies, library.vocab)
    return [Document(url(c.slug), c.title, c.commissioner.name, text, c.summary)
            for c, text in zip(library.case_studies, texts, strict=True)]


def _json(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode("utf-8")


@dataclass(frozen=True)
class SearchIndex:
    """Everything the search finds, in order, with how many are guidance and reference, and their index."""

    documents: list[Document]
    guidance: int
    reference: int
    index: Index


def search_index(pages: Sequence[GuidancePage], library: Library, directory_urls: bool = True) -> SearchIndex:
    guidance = guidance_documents([p for p in pages if not p.reference])
    reference = guidance_documents([p for p in pages if p.reference])
    documents = [*guidance, *reference, *case_study_documents(library, directory_urls)]
    return SearchIndex(documents, len(guidance), len(reference),
                       build_documents([d.text for d in documents], FIELDS))


def search_files(pages: Sequence[GuidancePage], library: Library, directory_urls: bool = True) -> list[GeneratedFile]:
    """The head (index.json), its shards, and the documents' chunks, in search/data/."""
    built = search_index(pages, library, directory_urls)
    documents, reference = built.documents, built.documents[built.guidance:built.guidance + built.reference]
    packed = pack(built.index, SHARD_BYTES)
    shards = [GeneratedFile(f"{DATA_DIR}/index-{n}.json", _json(s)) for n, s in enumerate(packed.shards)]
    chunks = [GeneratedFile(f"{DATA_DIR}/{DOCS_FILE.format(n)}",
                            _json([[d.url, d.title, d.context, d.snippet] for d in documents[start:start + DOCS_CHUNK]]))
              for n, start in enumerate(range(0, len(documents), DOCS_CHUNK))]
    head = packed.head | {
        "shard_files": [f.src_uri.rsplit("/", 1)[1] for f in shards],
        "guidance": built.guidance,
        "reference": built.reference,
        "reference_title_terms": [distinct_terms(d.title) for d in reference],
        "facets": named_facets(library.vocab),
        "docs_chunk": DOCS_CHUNK,
        "docs_file": DOCS_FILE,
    }
    return [GeneratedFile(HEAD_PATH, _json(head)), *shards, *chunks]


def hits(head: dict[str, Any], found: Sequence[Match]) -> dict[str, list[Any]]:
    """What a query found (finder.index.search, best first), grouped as the
    search shows it, under "order", the groups' names in the order shown:
    guidance and case studies in the order of their best hits (guidance on a
    tie), and reference last, unless a reference section's every title term
    was matched: the query names it, and reference comes first, led by it."""
    guidance, reference = head["guidance"], head["reference"]
    groups: dict[str, list[int]] = {name: [] for name in GROUPS}
    named: list[int] = []
    for match in found:
        ref = int(match.ref)
        if ref < guidance:
            groups["guidance"].append(ref)
        elif ref < guidance + reference:
            names = match.title_terms >= head["reference_title_terms"][ref - guidance]
            (named if names else groups["reference"]).append(ref)
        else:
            groups["caseStudies"].append(ref)
    groups["reference"][:0] = named
    best = {int(m.ref): _rank(m) for m in found}
    guides, studies = groups["guidance"], groups["caseStudies"]
    first = (["caseStudies", "guidance"] if studies and (not guides or best[studies[0]] < best[guides[0]])
             else ["guidance", "caseStudies"])
    order = ["reference", *first] if named else [*first, "reference"]
    return {"order": order, **groups}


def _rank(match: Match) -> tuple[int, int]:
    """What orders matches, the better first: more words, then a higher score to six places."""
    return (-match.words, -math.floor(match.score * 1e6 + 0.5))
