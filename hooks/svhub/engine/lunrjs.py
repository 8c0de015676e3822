"""lunr.js's text pipeline as the hub ships and publishes it: one copy, loaded by
the finder and the site search alike.

The browser's engine (assets/javascripts/engine/) matches and scores a query
itself, as lunr's Index.query does, so of lunr.js it needs only the text
pipeline that turns what a reader types into index terms: the tokenizer, the
trimmer, the stop word filter and the Porter stemmer. engine/vendor/lunr-text.js
holds those lines of lunr 2.3.9's lunr.js, unchanged, with its licence; the
digest pins them, so that they stay the pipeline engine/index.py's terms were
made to match. It is published without the comments that fill whole lines,
its licence header kept: a reader's first search waits for these bytes.
"""

from __future__ import annotations

import hashlib
from importlib import resources

from ..urls import DATA_DIR
from .scripts import without_comments

LUNR_PATH = f"{DATA_DIR}/lunr.js"
LUNR_VERSION = "2.3.9"
LUNR_FILE = "lunr-text.js"
LUNR_SHA256 = "01bc8747801994f28ac622fda8b93d793bdf0321adb9bcfedd64c28fdbb813ad"


def lunr_js() -> bytes:
    """lunr.js's text pipeline, as the hub ships it, without its comments but its
    licence; a changed copy is refused rather than published."""
    script = resources.files(__package__).joinpath("vendor", LUNR_FILE).read_bytes()
    if hashlib.sha256(script).hexdigest() != LUNR_SHA256:
        raise RuntimeError(f"hooks/svhub/engine/vendor/{LUNR_FILE} is not lunr.js {LUNR_VERSION}'s text pipeline as pinned")
    text = script.decode("utf-8")
    end = text.index("*/") + 2
    return (text[:end] + "\n" + without_comments(text[end:])).encode("utf-8")
