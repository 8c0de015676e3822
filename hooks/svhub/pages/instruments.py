"""The instrument register on a page: the history passages labelled as such,
and `[[hub:instruments]]`, the whole register as a table. The register itself
is structure.instruments; reading and checking it is load.instruments and
load.citations."""

from __future__ import annotations

import re

from markupsafe import Markup

from ..dates import long_date
from ..structure.instruments import Register
from ..templates import render

HISTORY_TITLE = re.compile(r'^(?P<start> *(?:!!!|\?\?\?\+?)[ \t]+history\b[^"\n]*")(?!History\b)', re.M)


def label_history(markdown: str) -> str:
    """Each history passage's title starts 'History: ', so that the label is
    in the text a screen reader reads, not only in its colour."""
    return HISTORY_TITLE.sub(lambda m: m.group("start") + "History: ", markdown)


STATUS_LABELS = {"in-force": "In force", "amended": "In force, as amended", "revoked": "Revoked",
                 "replaced": "Replaced"}


def table(register: Register) -> Markup:
    """The whole register as an accessible table, for `[[hub:instruments]]`."""
    rows = [{"status": i.status, "url": i.url, "title": i.title, "citation": i.citation, "note": i.note,
             "status_label": STATUS_LABELS[i.status], "since_iso": i.status_date.isoformat(),
             "since": long_date(i.status_date),
             "new": register[i.replaced_by] if i.replaced_by in register else None}
            for i in register.instruments]
    return render("instruments.html", rows=rows)
