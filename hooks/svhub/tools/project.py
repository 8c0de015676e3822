"""A copy of the hub with a library of its own, for the tests and the benchmarks.

The copy links to the repository's hooks, templates and content and has its own
casestudies/ folder, holding the vocabularies and only the case studies given
(or none, for a script to write a synthetic library into).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterable
from pathlib import Path

import yaml

from ..config import PROJECT_ROOT, HubPaths

LINKED = ("hooks", "site_overrides", "content")


def make_project(dest: Path, casestudies: Iterable[Path] = (), root: Path = PROJECT_ROOT) -> Path:
    """The project at `dest`, ready to build with `scripts/build.py --config-file dest/mkdocs.yml`."""
    dest.mkdir(parents=True, exist_ok=True)
    config = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))
    # The guidance links to the real library's case studies, which another
    # library does not have; the real site's build checks those links.
    config["validation"]["links"] = {"not_found": "info"}
    (dest / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    for folder in LINKED:
        (dest / folder).symlink_to(root / folder)
    library = HubPaths(dest).casestudies
    library.mkdir()
    shutil.copy(HubPaths(root).vocabularies, library)
    for file in casestudies:
        shutil.copy(file, library / file.name)
    return dest
