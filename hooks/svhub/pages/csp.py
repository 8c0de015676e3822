"""The Content-Security-Policy every page carries, as a <meta> element.

Contributed text is escaped and sanitised before it reaches a page; the policy
is the second line of defence, so that a script that slipped through anyway
would not run. Scripts run only from the site's own files, plus the few small
inline scripts of the theme, allowed by their SHA-256 hashes. Those hashes are
computed from the theme's own templates, rendered for the page, never from the
finished page, which could contain an injected script.
"""

from __future__ import annotations

import base64
import hashlib
import re

_SCRIPT = re.compile(r"<script(?P<attributes>[^>]*)>(?P<body>.*?)</script>", re.S | re.I)
_DATA_BLOCK = re.compile(r"""\btype\s*=\s*["']?application/(?:ld\+)?json""", re.I)

# Everything the hub needs, and nothing else. 'none' unless a page needs it:
# styles, fonts and images come from the site (Material's icons are data: SVG
# in its stylesheet), and search and the finder fetch JSON from the site.
DIRECTIVES: tuple[tuple[str, str], ...] = (
    ("default-src", "'none'"),
    ("script-src", "'self'"),
    ("style-src", "'self'"),
    ("img-src", "'self' data:"),
    ("font-src", "'self'"),
    ("connect-src", "'self'"),
    ("worker-src", "'self'"),
    ("manifest-src", "'self'"),
    ("form-action", "'self'"),
    ("base-uri", "'none'"),
    ("object-src", "'none'"),
)


def script_hashes(trusted_html: str) -> list[str]:
    """'sha256-…' sources for the inline scripts in trusted HTML, in order."""
    hashes = []
    for match in _SCRIPT.finditer(trusted_html):
        if "src" in re.findall(r"([\w-]+)\s*=", match["attributes"]) or _DATA_BLOCK.search(match["attributes"]):
            continue
        digest = base64.b64encode(hashlib.sha256(match["body"].encode("utf-8")).digest()).decode("ascii")
        hashes.append(f"'sha256-{digest}'")
    return list(dict.fromkeys(hashes))


def policy(trusted_html: str = "") -> str:
    """The policy, allowing the inline scripts found in `trusted_html`."""
    extra = {"script-src": " ".join(script_hashes(trusted_html))}
    return "; ".join(f"{name} {sources} {extra.get(name, '')}".strip() for name, sources in DIRECTIVES)


def preview_policy(trusted_html: str = "") -> str:
    """The policy for an editor's local preview (`make serve`) only: the preview
    server adds an inline live-reload script to every page as it sends it, which no
    hash can name, so inline scripts may run there. A built site never has this."""
    return "; ".join(f"{name} {sources} 'unsafe-inline'" if name == "script-src" else f"{name} {sources}"
                     for name, sources in DIRECTIVES)
