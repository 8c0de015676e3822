"""The "What's changed" list of every page's change notes (read by load.changes)."""

from __future__ import annotations

from markupsafe import escape

from ..dates import long_date
from ..structure.changes import ChangeNote

ANCHOR = "updates-to-this-page"


def notes_html(notes: list[ChangeNote], here: str, relative) -> str:
    """The "What's changed" list: date, page and note, newest first."""
    if not notes:
        return '<p class="hub-thin">No page has a change note yet.</p>'
    items = "\n".join(
        f'<li><time datetime="{n.date.isoformat()}">{escape(long_date(n.date))}</time>: '
        f'<a href="{escape(relative(here, n.url))}#{ANCHOR}">{escape(n.title)}</a>. {escape(n.note)}</li>'
        for n in notes
    )
    return f'<ol class="hub-changes">\n{items}\n</ol>'
