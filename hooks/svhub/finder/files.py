"""The files the finder at /case-studies/ loads, written to case-studies/data/
(see finder/table.py for what they hold)."""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from typing import Any

from ..engine.index import build_index, pack
from ..engine.lunrjs import LUNR_PATH, lunr_js
from ..exports.downloads import CSV_PATH
from ..output import GeneratedFile
from ..structure.library import Library
from ..urls import DATA_DIR, SECTION
from .table import facet_table, text_chunks

FACETS_PATH = f"{DATA_DIR}/finder-facets.json"
TEXT_PATHS = (f"{DATA_DIR}/finder-text-0.json", f"{DATA_DIR}/finder-text-1.json")
INDEX_PATH = f"{DATA_DIR}/finder-index.json"
# What the finder on the listing loads, relative to /case-studies/ (the listing's page data).
FINDER_DATA = {
    name: path.removeprefix(f"{SECTION}/")
    for name, path in (("facets", FACETS_PATH), ("text", TEXT_PATHS[0]), ("older-text", TEXT_PATHS[1]),
                       ("index", INDEX_PATH), ("lunr", LUNR_PATH), ("csv", CSV_PATH))
}


def _json(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode("utf-8")


def _json_lines(rows: list[Any]) -> bytes:
    """A JSON array written one row to a line (JSON escapes any newline inside a
    string), so that the finder can parse just the rows it shows."""
    return ("[\n" + ",\n".join(_json(row).decode("utf-8") for row in rows) + "\n]").encode("utf-8")


@dataclass(frozen=True)
class FinderFiles:
    files: list[GeneratedFile]
    index_seconds: float
    # The keyword index's head, also written into the finder's page (finder.html): with
    # keywords in the URL, the finder asks for the query's shards as soon as its script
    # runs, rather than once a fetched head has come through a busy page.
    index_head: dict[str, Any]


def shard_path(number: int) -> str:
    """Where a shard of the keyword index goes: beside its head, INDEX_PATH."""
    return INDEX_PATH.removesuffix(".json") + f"-{number}.json"


def finder_files(library: Library) -> FinderFiles:
    started = time.perf_counter()
    packed = pack(build_index(library.case_studies, library.vocab))
    shards = [GeneratedFile(shard_path(n), _json(shard)) for n, shard in enumerate(packed.shards)]
    head = packed.head | {"shard_files": [shard.src_uri.rsplit("/", 1)[1] for shard in shards]}
    seconds = time.perf_counter() - started
    text = [GeneratedFile(path, _json_lines(chunk)) for path, chunk in zip(TEXT_PATHS, text_chunks(library), strict=True)]
    table = facet_table(library, [chunk.src_uri.rsplit("/", 1)[1] for chunk in text])
    return FinderFiles(
        [GeneratedFile(FACETS_PATH, _json(table)), *text, GeneratedFile(INDEX_PATH, _json(head)),
         *shards, GeneratedFile(LUNR_PATH, lunr_js())],
        seconds,
        head,
    )
