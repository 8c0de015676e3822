"""Citations of the instrument register, wherever they are written: in a
content page's text and sources, and in every text value of the reference
data. A citation names a known instrument, and one that is no longer law only
inside a passage marked as history (`!!! history "Until …"`, or an entry's
`history:` field; the timeline is history by nature).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ..dates import long_date
from ..structure.instruments import CITATION, Instrument, Register
from . import frontmatter
from .dataschema import PART_PATTERN
from .frontmatter import FrontMatterError
from .instruments import real_date
from .messages import Diagnostic, Position, Report, did_you_mean

ADMONITION = re.compile(r'^(?P<indent> *)(?:!!!|\?\?\?\+?)[ \t]+(?P<type>[\w-]+)(?P<rest>.*)$')
FENCE = re.compile(r"^ *(```|~~~)")
PART = re.compile(PART_PATTERN)
# Values of the reference data that are not text a reader reads, so hold no citation.
NOT_TEXT = frozenset({"id", "url", "href", "date", "section", "history", "sources", "pages"})


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


def check_entry(entry: Any, path: tuple, history: bool, register: Register, report: Report) -> None:
    """One value of the reference data, and everything in it: its citations, its
    sources' instruments and dates, and whether it is history."""
    if isinstance(entry, dict):
        history = history or bool(entry.get("history"))
        for key, value in entry.items():
            if key == "sources":
                _check_sources(value, path + (key,), report, register)
            elif key not in NOT_TEXT:
                check_entry(value, path + (key,), history, register, report)
    elif isinstance(entry, list):
        for index, item in enumerate(entry):
            check_entry(item, path + (index,), history, register, report)
    elif isinstance(entry, str):
        check_text(entry, register, report, history=history, position=path)


def _check_sources(sources: Any, path: tuple, report: Report, register: Register) -> None:
    """A sources list the schema has checked: its instruments known, its full dates real."""
    for index, source in enumerate(sources if isinstance(sources, list) else []):
        if not isinstance(source, dict):
            continue
        where = path + (index,)
        if "instrument" in source:
            check_reference(str(source["instrument"]), str(source.get("part") or ""), where + ("instrument",),
                            report, register)
        elif len(str(source.get("date") or "")) == len("YYYY-MM-DD"):
            real_date(source["date"], where + ("date",), report)
