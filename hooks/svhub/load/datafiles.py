"""Files in content/_data/ in, checked data with positions out: the one reader
of the reference data.

Each file is read once, parsed with the positions of its values (as front
matter is) and validated against its schema (load.dataschema), so a mistake in
any of them is reported as `path:line:col: error: …` with a hint, exactly as
one in a case study is. A file with no schema is itself a mistake: nothing in
content/_data/ goes unchecked.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema

from ..config import HubPaths
from . import frontmatter
from .dataschema import SCHEMAS
from .frontmatter import FrontMatterError
from .messages import Position, Report, did_you_mean, has_errors
from .schema_errors import Guide, report_errors


@dataclass(frozen=True)
class DataFile:
    """One data file: its name (the file's stem), and the report that holds
    its parsed document (None when it could not be parsed) and its problems."""

    name: str
    report: Report

    @property
    def data(self) -> Any:
        return self.report.doc.data if self.report.doc is not None else None

    @property
    def ok(self) -> bool:
        return self.report.doc is not None and not has_errors(self.report.items)


@cache
def _validator(name: str) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(SCHEMAS[name])


def guide(shown: str) -> Guide:
    """Where the editor of a data file looks: its own comments and its other entries."""
    return Guide(example=f"see the format at the top of {shown}, and the entries around this one",
                 layout=f"check the indentation against the other entries in {shown}")


def read_data_file(file: Path, shown: str, name: str = "") -> DataFile:
    """One file of content/_data/, parsed with positions and checked against the
    schema of `name` (the file's stem unless given)."""
    name = name or file.stem
    report = Report(shown)
    if name not in SCHEMAS:
        report.add(Position(1, 1), f"content/_data/ holds no data file called '{file.name}'"
                                   f"{did_you_mean(name, SCHEMAS)}",
                   f"the data files are: {', '.join(f'{n}.yml' for n in SCHEMAS)}; a new one needs a schema in "
                   "hooks/svhub/load/dataschema.py")
        return DataFile(name, report)
    try:
        report.doc = frontmatter.parse_data(frontmatter.read(file))
    except FrontMatterError as exc:
        report.add(exc.position, exc.message, exc.hint)
        return DataFile(name, report)
    report_errors(_validator(name), report.doc.data, report, guide(shown))
    return DataFile(name, report)


def read_data_folder(paths: HubPaths) -> dict[str, DataFile]:
    """Every data file there is, by name; a missing file is simply absent."""
    folder = paths.reference_data
    files = sorted(folder.glob("*.yml")) if folder.is_dir() else []
    return {file.stem: read_data_file(file, paths.display(file)) for file in files}
