"""The instrument register on a page: the history passages labelled as such,
and `[[hub:instruments]]`, the whole register as a table. The register itself
is structure.instruments; reading and checking it is load.instruments and
load.citations."""

from __future__ import annotations

import re

from ..dates import long_date
from ..structure.instruments import Register

HISTORY_TITLE = re.compile(r'^(?P<start> *(?:!!!|\?\?\?\+?)[ \t]+history\b[^"\n]*")(?!History\b)', re.M)


def label_history(markdown: str) -> str:
    """Each history passage's title starts 'History: ', so that the label is
    in the text a screen reader reads, not only in its colour."""
    return HISTORY_TITLE.sub(lambda m: m.group("start") + "History: ", markdown)


def table(register: Register) -> str:
    """The whole register as an accessible table, for `[[hub:instruments]]`."""
    from markupsafe import escape

    rows = []
    for i in register.instruments:
        new = register[i.replaced_by] if i.replaced_by in register else None
        replaced = f'<a href="{escape(new.url)}">{escape(new.title)}</a>' if new else "None"
        status = {"in-force": "In force", "amended": "In force, as amended", "revoked": "Revoked",
                  "replaced": "Replaced"}[i.status]
        rows.append(
            f'<tr class="hub-instrument hub-instrument--{escape(i.status)}">'
            f'<th scope="row"><a href="{escape(i.url)}">{escape(i.title)}</a>'
            + (f"<br><small>{escape(i.citation)}</small>" if i.citation else "") + "</th>"
            f"<td>{escape(status)}</td>"
            f'<td><time datetime="{i.status_date.isoformat()}">{escape(long_date(i.status_date))}</time></td>'
            f"<td>{replaced}</td><td>{escape(i.note)}</td></tr>"
        )
    return (
        '<div class="hub-instruments"><table>'
        "<caption>The Acts, regulations and policy notes this site cites, with their status</caption>"
        '<thead><tr><th scope="col">Instrument</th><th scope="col">Status</th>'
        '<th scope="col">Since</th><th scope="col">Replaced by</th><th scope="col">Note</th></tr></thead>'
        "<tbody>" + "".join(rows) + "</tbody></table></div>\n"
    )
