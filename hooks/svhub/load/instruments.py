"""The instrument register (content/_data/instruments.yml) from its checked
data: what its schema cannot say, a real date, one entry per id, and a
`replaced_by` that names an entry, reported at its line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..dates import parse_date
from ..structure.casestudy import Source
from ..structure.instruments import Instrument, Register
from .datafiles import DataFile, read_data_file
from .messages import Report, UserError, did_you_mean, field_name

TEXT_FIELDS = ("short", "citation", "extent", "replaced_by", "base", "note")


def real_date(value: Any, path: tuple, report: Report) -> None:
    """A date the schema let through by its form that is not a day of the calendar."""
    if parse_date(value) is None:
        report.at(path, f"'{field_name(path)}' is not a real date written YYYY-MM-DD: '{value}'",
                  "for example 2025-02-24")


def _instrument(entry: dict[str, Any]) -> Instrument | None:
    status_date = parse_date(entry["status_date"])
    if status_date is None:
        return None
    sources = tuple(Source(s["title"], s["url"], s["publisher"], parse_date(s.get("date")), s.get("copy") is True)
                    for s in entry.get("sources") or () if "url" in s)
    text = {key: " ".join(str(entry.get(key) or "").split()) for key in TEXT_FIELDS}
    return Instrument(id=entry["id"], title=str(entry["title"]), kind=entry["kind"], status=entry["status"],
                      status_date=status_date, url=entry["url"], sources=sources, **text)


def register_of(file: DataFile) -> Register:
    """The register from instruments.yml, its problems added to the file's report
    (these checks run beside the schema's, so that every mistake is reported at once)."""
    report = file.report
    entries = file.data if isinstance(file.data, list) else []
    ids = {str(e["id"]) for e in entries if isinstance(e, dict) and e.get("id")}
    seen: set[str] = set()
    for index, entry in enumerate(entries):
        if not isinstance(entry, dict):
            continue  # the schema has said so
        if entry.get("status_date"):
            real_date(entry["status_date"], (index, "status_date"), report)
        if entry.get("id") in seen:
            report.at((index, "id"), f"the id '{entry['id']}' appears twice", "keep one entry per instrument")
        seen.add(entry.get("id"))
        if entry.get("status") == "replaced" and not entry.get("replaced_by"):
            report.at((index, "status"), "a replaced instrument needs 'replaced_by'", "give the id of what replaced it")
        for number, source in enumerate(entry.get("sources") if isinstance(entry.get("sources"), list) else []):
            if isinstance(source, dict) and len(str(source.get("date") or "")) == len("YYYY-MM-DD"):
                real_date(source["date"], (index, "sources", number, "date"), report)
        target = entry.get("replaced_by")
        if target and target not in ids:
            report.at((index, "replaced_by"), f"replaced_by '{target}' is not an id in the register"
                                              f"{did_you_mean(target, ids)}",
                      "add the instrument that replaced it, or correct the id")
    if not file.ok:
        return Register()
    instruments = (_instrument(entry) for entry in entries)
    return Register(tuple(i for i in instruments if i is not None))


def load_register(file: Path, shown: str) -> Register:
    """The register alone, checked; a problem is a UserError with every diagnostic."""
    if not file.exists():
        return Register()
    data = read_data_file(file, shown, "instruments")
    register = register_of(data)
    if not data.ok:
        raise UserError(sorted(data.report.items))
    return register
