"""The register of the Acts, statutory instruments and policy notes the hub
cites (content/_data/instruments.yml), and how pages cite them.

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
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from ..load import frontmatter
from ..load.deeplinks import HINT as DEEP_LINK_HINT
from ..load.deeplinks import home_page_message, is_home_page
from ..load.frontmatter import FrontMatterError
from ..load.messages import Diagnostic, Position, Report, Severity, UserError, did_you_mean, field_name
from ..structure.casestudy import Source
from .formatting import long_date

KINDS = ("act", "statutory-instrument", "policy-note", "guidance")
STATUSES = ("in-force", "amended", "revoked", "replaced")
SUPERSEDED = frozenset({"revoked", "replaced"})
FIELDS = ("id", "title", "short", "kind", "citation", "extent", "status", "status_date", "replaced_by",
          "url", "base", "note", "sources")
REQUIRED = ("id", "title", "kind", "status", "status_date", "url")
SOURCE_FIELDS = ("title", "url", "publisher", "date", "copy")  # copy: as a case study's source
ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
WEB = re.compile(r"^https?://[^\s/?#]+\.[^\s]+$")
PART = re.compile(r"^[A-Za-z0-9._-]+(?:/[A-Za-z0-9._-]+)*$")
# [text](instrument:pcr-2015) or [text](instrument:sv-act-2012/section/1)
CITATION = re.compile(r"\[(?P<text>[^\]\n]*)\]\(instrument:(?P<ref>[^)\s]*)\)")
ADMONITION = re.compile(r'^(?P<indent> *)(?:!!!|\?\?\?\+?)[ \t]+(?P<type>[\w-]+)(?P<rest>.*)$')
FENCE = re.compile(r"^ *(```|~~~)")
PUBLISHERS = {"legislation.gov.uk": "legislation.gov.uk", "gov.uk": "GOV.UK"}


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
        return f'{link} <small class="hub-instrument-status">({note})</small>' if note else link

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


# Checking ---------------------------------------------------------------------

def check_url(value: Any, path: tuple, report: Report) -> None:
    if not isinstance(value, str) or not WEB.match(value):
        report.at(path, f"'{field_name(path)}' must be an http:// or https:// web address, not '{str(value)[:60]}'",
                  "link to the public web page of the source")
    elif is_home_page(value):
        report.at(path, home_page_message(field_name(path), value), DEEP_LINK_HINT)


def as_date(value: Any, path: tuple, report: Report) -> date | None:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        report.at(path, f"'{field_name(path)}' is not a real date written YYYY-MM-DD: '{value}'",
                  "for example 2025-02-24")
        return None


def check_sources(sources: Any, path: tuple, report: Report, register: Register | None) -> None:
    """A sources list: each entry a deep link, or `instrument: id` (with an optional `part`)."""
    if sources is None:
        return
    if not isinstance(sources, list):
        report.at(path, f"'{field_name(path)}' must be a list of sources", "start each source with '- '")
        return
    allowed = SOURCE_FIELDS
    for index, source in enumerate(sources):
        where = path + (index,)
        if not isinstance(source, dict):
            report.at(where, f"'{field_name(where)}' must be a source with title, url and publisher", "")
            continue
        if "instrument" in source and register is not None:
            unknown = set(source) - {"instrument", "part"}
            for key in sorted(unknown):
                report.at(where + (key,), f"unknown field '{key}' in a source that cites an instrument",
                          "an instrument source has only 'instrument' and, optionally, 'part'", key=True)
            check_reference(str(source["instrument"]), str(source.get("part") or ""), where + ("instrument",),
                            report, register)
            continue
        for key in sorted(set(source) - set(allowed), key=str):
            report.at(where + (key,), f"unknown field '{key}' in '{field_name(where)}'{did_you_mean(key, allowed)}",
                      f"a source has: {', '.join(allowed)}; or write '- instrument: <id>'", key=True)
        for key in ("title", "url", "publisher"):
            if not source.get(key):
                report.at(where, f"'{field_name(where)}' has no '{key}'",
                          "a source needs a title, a url and a publisher; or write '- instrument: <id>'")
        if source.get("url"):
            check_url(source["url"], where + ("url",), report)
        if source.get("date") and not re.fullmatch(r"\d{4}(-\d{2})?", str(source["date"])):
            as_date(source["date"], where + ("date",), report)


def check_reference(instrument_id: str, part: str, path: tuple, report: Report, register: Register) -> None:
    if instrument_id not in register:
        report.at(path, f"no instrument with id '{instrument_id}' in content/_data/instruments.yml"
                        f"{did_you_mean(instrument_id, register.by_id)}",
                  "add it to the register first, or use one of its ids")
    elif part and not register[instrument_id].base:
        report.at(path, f"'{instrument_id}' has no 'base' in the register, so '{part}' cannot be linked to",
                  "add base: to the instrument's entry, or cite the whole instrument")
    elif part and not PART.match(part):
        report.at(path, f"'{part}' is not a part of an instrument, such as section/1", "")


def _instrument(entry: dict, index: int, report: Report) -> Instrument | None:
    path = (index,)
    for key in sorted(set(entry) - set(FIELDS), key=str):
        report.at(path + (key,), f"unknown field '{key}'{did_you_mean(key, FIELDS)}",
                  f"an instrument has: {', '.join(FIELDS)}", key=True)
    missing = [key for key in REQUIRED if entry.get(key) in (None, "")]
    for key in missing:
        report.at(path, f"instrument {entry.get('id') or f'[{index}]'} has no '{key}'",
                  "see the format at the top of content/_data/instruments.yml")
    if isinstance(entry.get("id"), str) and not ID.match(entry["id"]):
        report.at(path + ("id",), f"the id '{entry['id']}' is not lowercase words joined by hyphens",
                  "for example pcr-2015")
    for key, choices in (("kind", KINDS), ("status", STATUSES)):
        if entry.get(key) not in (None, "") and entry[key] not in choices:
            report.at(path + (key,), f"'{entry[key]}' is not a valid {key}{did_you_mean(entry[key], choices)}",
                      f"{key} is one of: {', '.join(choices)}")
    status_date = as_date(entry["status_date"], path + ("status_date",), report) if entry.get("status_date") else None
    for key in ("url", "base"):
        if entry.get(key):
            check_url(entry[key], path + (key,), report)
    check_sources(entry.get("sources"), path + ("sources",), report, None)
    if entry.get("status") == "replaced" and not entry.get("replaced_by"):
        report.at(path + ("status",), "a replaced instrument needs 'replaced_by'", "give the id of what replaced it")
    if missing or status_date is None:
        return None
    sources = tuple(
        Source(str(s.get("title", "")), str(s.get("url", "")), str(s.get("publisher", "")),
                       as_date(s["date"], (), Report("")) if s.get("date") else None, s.get("copy") is True)
        for s in entry.get("sources") or () if isinstance(s, dict)
    )
    text = {key: " ".join(str(entry.get(key) or "").split()) for key in
            ("short", "citation", "extent", "replaced_by", "base", "note")}
    return Instrument(id=entry["id"], title=str(entry["title"]), kind=entry["kind"], status=entry["status"],
                      status_date=status_date, url=entry["url"], sources=sources, **text)


def load_register(file: Path, shown: str) -> Register:
    """The register, checked; a problem is a UserError with every diagnostic."""
    if not file.exists():
        return Register()
    report = Report(shown)
    try:
        doc = frontmatter.parse_data(file.read_bytes())
    except FrontMatterError as exc:
        raise UserError([Diagnostic(shown, exc.position.line, exc.position.col, Severity.ERROR,
                                    exc.message, exc.hint)]) from None
    report.doc = doc
    if not isinstance(doc.data, list):
        report.add(Position(1, 1), "the register must be a list of instruments", "start each entry with '- id: …'")
        raise UserError(report.items)
    instruments: list[Instrument] = []
    seen: set[str] = set()
    for index, entry in enumerate(doc.data):
        if not isinstance(entry, dict):
            report.at((index,), "each instrument must be a set of 'key: value' fields", "")
            continue
        if entry.get("id") in seen:
            report.at((index, "id"), f"the id '{entry['id']}' appears twice", "keep one entry per instrument")
        seen.add(entry.get("id"))
        instrument = _instrument(entry, index, report)
        if instrument:
            instruments.append(instrument)
    ids = {str(e["id"]) for e in doc.data if isinstance(e, dict) and e.get("id")}
    for index, entry in enumerate(doc.data):
        target = entry.get("replaced_by") if isinstance(entry, dict) else None
        if target and target not in ids:
            report.at((index, "replaced_by"), f"replaced_by '{target}' is not an id in the register"
                                              f"{did_you_mean(target, ids)}",
                      "add the instrument that replaced it, or correct the id")
    if report.items:
        raise UserError(sorted(report.items))
    return Register(tuple(instruments))


# Citations and history in Markdown -------------------------------------------

def history_lines(markdown: str) -> tuple[set[int], set[int], list[tuple[int, int, str]]]:
    """Lines (1-based) inside a history admonition, lines inside code, and
    history admonitions that give no dates (line, col, marker)."""
    lines = markdown.split("\n")
    history: set[int] = set()
    code: set[int] = set()
    untitled: list[tuple[int, int, str]] = []
    fence = ""
    for number, line in enumerate(lines, start=1):
        opened = FENCE.match(line)
        if fence:
            code.add(number)
            if opened and opened.group(1) == fence:
                fence = ""
            continue
        if opened:
            fence = opened.group(1)
            code.add(number)
            continue
        match = ADMONITION.match(line)
        if not match or match.group("type") != "history":
            continue
        if not re.search(r'"[^"]*\S[^"]*"', match.group("rest")):
            untitled.append((number, len(match.group("indent")) + 1, line.strip()))
        indent = len(match.group("indent"))
        for inner in range(number, len(lines)):
            text = lines[inner]
            if text.strip() and len(text) - len(text.lstrip(" ")) <= indent:
                break
            history.add(inner + 1)
    return history, code, untitled


HISTORY_TITLE = re.compile(r'^(?P<start> *(?:!!!|\?\?\?\+?)[ \t]+history\b[^"\n]*")(?!History\b)', re.M)


def label_history(markdown: str) -> str:
    """Each history passage's title starts 'History: ', so that the label is
    in the text a screen reader reads, not only in its colour."""
    return HISTORY_TITLE.sub(lambda m: m.group("start") + "History: ", markdown)


def _marking_hint(instrument: Instrument) -> str:
    until = f'Until {long_date(instrument.status_date)}'
    hint = (f'mark the passage as history: put the line  !!! history "{until}"  before it and indent the '
            'passage by four spaces')
    if instrument.replaced_by:
        hint += f"; or cite what replaced it, {instrument.replaced_by}, for the law as it stands"
    return hint


def superseded_message(instrument: Instrument) -> str:
    how = f"{instrument.status} on {long_date(instrument.status_date)}"
    return f"this passage cites {instrument.id}, {how}, outside a history passage"


def check_text(text: str, register: Register, report: Report, *, line: int = 1,
               history: bool = False, position: tuple | None = None) -> None:
    """Every citation in one piece of Markdown: a known instrument, and one that
    is still law unless the passage is history.

    A page passes its own text (line numbers count from `line`); reference data
    passes each value with its `position` in the YAML file."""
    inside, code, untitled = history_lines(text)
    for number, col, marker in untitled:
        report.add(Position(line + number - 1, col), f"the history passage '{marker}' does not say when",
                   'give its dates as the title, e.g. !!! history "Until 24 February 2025"')
    for match in CITATION.finditer(text):
        number, col = Position.of(text, match.start())
        if number in code:
            continue
        instrument_id, _, part = match.group("ref").partition("/")
        where = position if position is not None else Position(line + number - 1, col)
        if instrument_id not in register:
            _problem(report, where, f"no instrument with id '{instrument_id}'"
                                    f"{did_you_mean(instrument_id, register.by_id)}",
                     "cite an id from content/_data/instruments.yml, e.g. [the Act](instrument:sv-act-2012)")
            continue
        instrument = register[instrument_id]
        if part and not instrument.base:
            _problem(report, where, f"'{instrument_id}' has no 'base' in the register, so '{part}' cannot be linked to",
                     "add base: to its entry in content/_data/instruments.yml, or cite the whole instrument")
        elif instrument.superseded and not history and number not in inside:
            _problem(report, where, superseded_message(instrument), _marking_hint(instrument))


def _problem(report: Report, where: tuple | Position, message: str, hint: str) -> None:
    """At a line and column of a page, or at a YAML value's path."""
    if isinstance(where, Position):
        report.add(where, message, hint)
    else:
        report.at(where, message, hint)


def check_page(file: Path, shown: str, register: Register) -> list[Diagnostic]:
    """A content page's citations, its history passages and its sources list."""
    raw = file.read_bytes()
    report = Report(shown)
    try:
        doc = frontmatter.parse(raw)
    except FrontMatterError:
        text = raw.decode("utf-8", errors="replace")
        check_text(text, register, report)
        return report.items
    report.doc = doc
    check_sources_instruments(doc.data.get("sources"), ("sources",), report, register)
    check_text(doc.body, register, report, line=doc.body_line)
    return report.items


def check_sources_instruments(sources: Any, path: tuple, report: Report, register: Register) -> None:
    """On a content page, only the `instrument:` entries are the build's to check;
    the deep-link rule for its other sources is a test (tests/test_deep_links.py)."""
    for index, source in enumerate(sources if isinstance(sources, list) else []):
        if isinstance(source, dict) and "instrument" in source:
            check_reference(str(source["instrument"]), str(source.get("part") or ""),
                            path + (index, "instrument"), report, register)


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
