"""The files the finder at /case-studies/ loads, written to case-studies/data/
(see finder/table.py for what they hold)."""

from __future__ import annotations

import hashlib
import json
import time
from dataclasses import dataclass
from importlib import resources
from typing import Any

from ..exports.downloads import CSV_PATH
from ..output import GeneratedFile
from ..structure.library import Library
from ..urls import DATA_DIR, SECTION
from .index import build_index, pack
from .table import facet_table, text_chunks

FACETS_PATH = f"{DATA_DIR}/finder-facets.json"
TEXT_PATHS = (f"{DATA_DIR}/finder-text-0.json", f"{DATA_DIR}/finder-text-1.json")
INDEX_PATH = f"{DATA_DIR}/finder-index.json"
LUNR_PATH = f"{DATA_DIR}/lunr.js"
# What the finder on the listing loads, relative to /case-studies/ (the listing's page data).
FINDER_DATA = {
    name: path.removeprefix(f"{SECTION}/")
    for name, path in (("facets", FACETS_PATH), ("text", TEXT_PATHS[0]), ("older-text", TEXT_PATHS[1]),
                       ("index", INDEX_PATH), ("lunr", LUNR_PATH), ("csv", CSV_PATH))
}
# lunr.js ships with the hub (finder/vendor/, with its licence), so building the
# site needs only the hub's own requirements; the digest pins the one release whose
# index format and scoring finder/index.py reproduces. It is the release's own
# minified build (lunr.min.js from the npm package lunr@2.3.9): a third of the
# bytes of lunr.js, which a reader's first search waits for.
LUNR_VERSION = "2.3.9"
LUNR_SHA256 = "0c50d9002b85780a842afffb567bb54ede402dae7c6dc5997a018614d8044fc8"


def _json(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode("utf-8")


def _json_lines(rows: list[Any]) -> bytes:
    """A JSON array written one row to a line (JSON escapes any newline inside a
    string), so that the finder can parse just the rows it shows."""
    return ("[\n" + ",\n".join(_json(row).decode("utf-8") for row in rows) + "\n]").encode("utf-8")


def lunr_js() -> bytes:
    """lunr.js, as the hub ships it; a changed copy is refused rather than published."""
    script = resources.files(__package__).joinpath("vendor", "lunr.min.js").read_bytes()
    if hashlib.sha256(script).hexdigest() != LUNR_SHA256:
        raise RuntimeError(f"hooks/svhub/finder/vendor/lunr.min.js is not lunr.js {LUNR_VERSION} as pinned")
    return script


@dataclass
class FinderFiles:
    files: list[GeneratedFile]
    index_seconds: float


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
    )
