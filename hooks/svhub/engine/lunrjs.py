"""lunr.js as the hub ships and publishes it: one copy, loaded by the finder and
the site search alike.

lunr.js ships with the hub (engine/vendor/, with its licence), so building the
site needs only the hub's own requirements; the digest pins the one release whose
index format and scoring engine/index.py reproduces. It is the release's own
minified build (lunr.min.js from the npm package lunr@2.3.9): a third of the
bytes of lunr.js, which a reader's first search waits for.
"""

from __future__ import annotations

import hashlib
from importlib import resources

from ..urls import DATA_DIR

LUNR_PATH = f"{DATA_DIR}/lunr.js"
LUNR_VERSION = "2.3.9"
LUNR_SHA256 = "0c50d9002b85780a842afffb567bb54ede402dae7c6dc5997a018614d8044fc8"


def lunr_js() -> bytes:
    """lunr.js, as the hub ships it; a changed copy is refused rather than published."""
    script = resources.files(__package__).joinpath("vendor", "lunr.min.js").read_bytes()
    if hashlib.sha256(script).hexdigest() != LUNR_SHA256:
        raise RuntimeError(f"hooks/svhub/engine/vendor/lunr.min.js is not lunr.js {LUNR_VERSION} as pinned")
    return script
