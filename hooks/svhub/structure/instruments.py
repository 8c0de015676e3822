"""The register of the Acts, statutory instruments and policy notes the hub
cites (content/_data/instruments.yml, read by load.instruments), and how a
citation of one reads on a page.

One entry per instrument holds its status, the date of that status, what
replaced it and a deep link, so that every page citing it shows the same
status, and the build can refuse a passage that cites a revoked instrument
as if it were current law.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from typing import Any
from urllib.parse import urlsplit

from markupsafe import Markup

from ..dates import long_date
from ..templates import render
from .casestudy import Source

SUPERSEDED = frozenset({"revoked", "replaced"})
PUBLISHERS = {"legislation.gov.uk": "legislation.gov.uk", "gov.uk": "GOV.UK"}
# [text](instrument:pcr-2015) or [text](instrument:sv-act-2012/section/1)
# The link text may wrap onto the next line, as Markdown allows (never across a blank line).
CITATION = re.compile(r"\[(?P<text>(?:[^\]\n]|\n(?![ \t]*\n))*)\]\(instrument:(?P<ref>[^)\s]*)\)")


@dataclass(frozen=True)
class Instrument:
    id: str
    title: str
    kind: str
    status: str
    status_date: date
    url: str
    short: str = ""
    citation: str = ""
    extent: str = ""
    replaced_by: str = ""
    base: str = ""
    note: str = ""
    sources: tuple[Source, ...] = ()

    @property
    def superseded(self) -> bool:
        return self.status in SUPERSEDED

    @property
    def status_words(self) -> str:
        """'revoked 24 February 2025', or nothing when it is simply in force."""
        if self.status == "in-force":
            return ""
        return f"{self.status} {long_date(self.status_date)}"

    @property
    def publisher(self) -> str:
        host = urlsplit(self.url).netloc.removeprefix("www.")
        return PUBLISHERS.get(host, host)

    def link(self, part: str = "") -> str:
        return f"{self.base.rstrip('/')}/{part}" if part else self.url


@dataclass(frozen=True)
class Register:
    instruments: tuple[Instrument, ...] = ()

    @cached_property
    def by_id(self) -> dict[str, Instrument]:
        """Built once: every citation on every page looks an instrument up here."""
        return {i.id: i for i in self.instruments}

    def __contains__(self, instrument_id: object) -> bool:
        return instrument_id in self.by_id

    def __getitem__(self, instrument_id: str) -> Instrument:
        return self.by_id[instrument_id]

    def status_note(self, instrument: Instrument) -> str:
        """What a reader sees beside a citation: '(revoked 24 February 2025; replaced by …)'."""
        if not instrument.status_words:
            return ""
        words = instrument.status_words
        if instrument.replaced_by in self:
            new = self[instrument.replaced_by]
            words += f"; replaced by [{new.short or new.title}]({new.url})"
        return words

    def cite(self, text: str, instrument_id: str, part: str = "") -> str:
        """The Markdown a citation becomes: the deep link, and its status when it matters."""
        instrument = self[instrument_id]
        link = f"[{text}]({instrument.link(part)})"
        note = self.status_note(instrument)
        # Both are Markdown from the hub's own pages and register, read inside the HTML by the page.
        return render("instrument-status.html", link=Markup(link), note=Markup(note)) if note else link

    def rewrite(self, markdown: str) -> str:
        """Every known `instrument:` link as its deep link (unknown ones are reported by check_text)."""
        def replace(match: re.Match) -> str:
            instrument_id, _, part = match.group("ref").partition("/")
            return self.cite(match.group("text"), instrument_id, part) if instrument_id in self else match.group(0)

        return CITATION.sub(replace, markdown)

    def source(self, instrument_id: str, part: str = "") -> dict[str, str]:
        """A `- instrument: id` entry of a sources list, as the other entries read."""
        instrument = self[instrument_id]
        title = instrument.title + (f", {part.replace('/', ' ')}" if part else "")
        return {"title": title, "url": instrument.link(part), "publisher": instrument.publisher,
                "date": "", "date_iso": "", "status": instrument.status_words,
                "replaced_by": self[instrument.replaced_by].title if instrument.replaced_by in self else ""}

    def resolve_sources(self, sources: list[Any]) -> list[Any]:
        return [self.source(s["instrument"], str(s.get("part") or ""))
                if isinstance(s, dict) and s.get("instrument") in self else s for s in sources]
