"""Change notes on hand-written pages: what changed for a reader, and when.

A page's front matter may hold

    updates:
      - date: 2026-12-01
        note: Re-based on the Procurement Act 2023 …

The page shows them under "Updates to this page", the newest beside its review
dates, and each one is an entry on the "What's changed" page and its feed. A
note must have a real date, no later than the build date, and one line of text;
otherwise the build stops with a message at the line.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ..config import HubPaths
from ..dates import long_date, parse_date
from ..structure.changes import ChangeNote, ChangeNotes
from ..urls import page_url
from .frontmatter import Document, FrontMatterError, parse
from .messages import Diagnostic, Severity

FIELD = "updates"
SHAPE_HINT = "each change note is two fields: '- date: YYYY-MM-DD' and '  note: one line saying what changed'"


def _title(doc: Document, path: Path) -> str:
    if isinstance(doc.data.get("title"), str) and doc.data["title"].strip():
        return doc.data["title"].strip()
    for line in doc.body.splitlines():
        if line.startswith("# "):
            return line[2:].strip()
    return path.stem.replace("-", " ").capitalize()


def _check(doc: Document, shown: str, today: date) -> tuple[list[tuple[date, str]], list[Diagnostic]]:
    notes: list[tuple[date, str]] = []
    problems: list[Diagnostic] = []

    def error(where: tuple, message: str, hint: str, key: bool = False) -> None:
        at = doc.where((FIELD, *where), key=key)
        problems.append(Diagnostic(shown, at.line, at.col, Severity.ERROR, message, hint))

    items = doc.data[FIELD]
    if not isinstance(items, list):
        error((), f"'{FIELD}' must be a list of change notes", SHAPE_HINT)
        return notes, problems
    for index, item in enumerate(items):
        if not isinstance(item, dict):
            error((index,), "a change note must have a 'date' and a 'note'", SHAPE_HINT)
            continue
        for key in sorted(set(item) - {"date", "note"}):
            error((index, key), f"a change note has no field '{key}'", SHAPE_HINT, key=True)
        when = parse_date(item.get("date"))
        if "date" not in item:
            error((index,), "this change note has no date", "add '  date: YYYY-MM-DD', the day the change was published")
        elif when is None:
            error((index, "date"), f"'{item['date']}' is not a real date",
                  "write the date as YYYY-MM-DD, for example 2026-12-01, and check the day exists in that month")
        elif when > today:
            error((index, "date"), f"the change note is dated {long_date(when)}, after the build date, "
                  f"{long_date(today)}",
                  "date a note on the day its change was published; a change that is only planned is not a change note")
        text = item.get("note")
        if not isinstance(text, str) or not text.strip():
            error((index, "note") if "note" in item else (index,), "this change note is empty",
                  "say in one line what changed for a reader, e.g. 'Re-based on the Procurement Act 2023.'")
        elif "\n" in text.strip():
            error((index, "note"), "a change note is one line",
                  "put the whole note on one line, or use 'note: >-' so YAML joins the lines")
        elif when is not None and when <= today:
            notes.append((when, " ".join(text.split())))
    return notes, problems


def load_change_notes(paths: HubPaths, today: date) -> ChangeNotes:
    """Every page's change notes, checked. Pages without any are skipped quickly."""
    found = ChangeNotes()
    data_dir = paths.reference_data.resolve()
    for path in sorted(paths.content.rglob("*.md")):
        if data_dir in path.resolve().parents:
            continue
        raw = path.read_bytes()
        if f"\n{FIELD}:".encode() not in raw:
            continue
        try:
            doc = parse(raw)
        except FrontMatterError:
            continue  # not front matter the hub reads; the engine reports its own YAML errors
        if FIELD not in doc.data:
            continue
        src_uri = path.relative_to(paths.content).as_posix()
        notes, problems = _check(doc, paths.display(path), today)
        found.diagnostics += problems
        title = _title(doc, path)
        found.notes += [ChangeNote(src_uri, title, page_url(src_uri), when, text) for when, text in notes]
    return found
