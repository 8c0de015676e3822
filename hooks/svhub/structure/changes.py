"""Change notes on hand-written pages (a page's `updates:` front matter, read by
load.changes): what changed for a reader, and when."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ..dates import long_date
from ..load.messages import Diagnostic, Severity

ANCHOR = "updates-to-this-page"  # the list of updates on a page


@dataclass(frozen=True)
class ChangeNote:
    page: str  # the page's source path in content/, e.g. 'guidance/evaluation.md'
    title: str
    url: str  # the page's site URL, e.g. 'guidance/evaluation/'
    date: date
    note: str

    @property
    def fragment(self) -> str:
        """Where on its page the note is shown: the list of updates, except on the home
        page, which lists none (its notes are in this list and the feed only)."""
        return f"#{ANCHOR}" if self.url else ""

    def as_dict(self) -> dict[str, str]:
        return {"date": long_date(self.date), "date_iso": self.date.isoformat(), "note": self.note}


@dataclass
class ChangeNotes:
    notes: list[ChangeNote] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not any(d.severity is Severity.ERROR for d in self.diagnostics)

    def for_page(self, src_uri: str) -> list[ChangeNote]:
        return [n for n in self.notes if n.page == src_uri]

    def newest_first(self) -> list[ChangeNote]:
        ordered = sorted(self.notes, key=lambda n: (n.page, n.note))
        return sorted(ordered, key=lambda n: n.date, reverse=True)
