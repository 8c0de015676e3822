"""Characters the hub refuses in any text it is given, front matter and
narrative alike: one check, so that the two cannot disagree.

Text-direction controls (the embeddings, overrides and isolates, and the
invisible left-to-right and right-to-left marks) make text display
differently from how it reads, the trick behind "Trojan Source".
"""

from __future__ import annotations

import re

DIRECTION_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f]")


def direction_controls(text: str) -> list[tuple[int, str]]:
    """(offset, what it is) for each text-direction control in `text`."""
    return [(m.start(), f"an invisible text-direction control character (U+{ord(m.group()):04X})")
            for m in DIRECTION_CONTROLS.finditer(text)]
