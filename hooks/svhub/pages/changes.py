"""The "What's changed" list of every page's change notes (read by load.changes)."""

from __future__ import annotations

from ..dates import long_date
from ..structure.changes import ChangeNote
from ..templates import render


def notes_html(notes: list[ChangeNote], here: str, relative) -> str:
    """The "What's changed" list: date, page and note, newest first."""
    rows = [{"date": n.date, "when": long_date(n.date), "href": relative(here, n.url) + n.fragment,
             "title": n.title, "note": n.note} for n in notes]
    return str(render("changes.html", notes=rows))
