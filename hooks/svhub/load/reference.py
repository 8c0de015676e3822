"""The whole of content/_data/ in, the reference model (structure.reference)
out: each file read once by load.datafiles, the register built first, then
every other file's citations checked against it and resolved to deep links."""

from __future__ import annotations

from typing import Any

from ..config import HubPaths
from ..dates import parse_date
from ..structure.instruments import Register
from ..structure.reference import CollectionText, Reference
from .citations import NOT_TEXT, check_entry
from .datafiles import read_data_folder
from .instruments import register_of
from .messages import Diagnostic

REGISTER = "instruments"
AS_WRITTEN = frozenset({REGISTER, "record"})  # not text with citations: read as written
HISTORY_BY_NATURE = frozenset({"timeline"})


def resolved(value: Any, register: Register, key: str = "") -> Any:
    """The data with its citations rewritten to deep links and its instrument sources filled in."""
    if isinstance(value, dict):
        if "instrument" in value and value.get("instrument") in register:
            return register.source(value["instrument"], str(value.get("part") or ""))
        return {k: resolved(v, register, k) for k, v in value.items()}
    if isinstance(value, list):
        return [resolved(v, register, key) for v in value]
    if isinstance(value, str) and key not in NOT_TEXT:
        return register.rewrite(value)
    return value


def _collections(data: dict[str, Any] | None) -> CollectionText | None:
    if not data:
        return None
    return CollectionText(data["intro"], data["thin"], data["owner"], parse_date(data["last_reviewed"]),
                          parse_date(data["review_by"]), tuple(data.get("sources") or ()))


def load_reference(paths: HubPaths) -> tuple[Reference, list[Diagnostic]]:
    """Every data file, checked: the model, and every problem in every file at once."""
    files = read_data_folder(paths)
    register = register_of(files[REGISTER]) if REGISTER in files else Register()
    data: dict[str, Any] = {}
    for name, file in files.items():
        if name in AS_WRITTEN or not file.ok:
            continue
        check_entry(file.data, (), name in HISTORY_BY_NATURE, register, file.report)
        data[name] = resolved(file.data, register)
    problems = sorted(d for file in files.values() for d in file.report.items)
    record = files["record"].data if "record" in files and files["record"].ok else None
    return Reference(data, register, record, _collections(data.get("collections"))), problems

