"""The README's map of the code ("How it fits together") names every module of
hooks/svhub in its folder's row, so a newcomer finds each one described."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "hooks" / "svhub"
ROW = re.compile(r"^\| `hooks/svhub/(?P<folder>[a-z_]*)/?(?P<top>\*\.py)?` \| (?P<text>.*) \|$")


def rows() -> dict[str, str]:
    found = {}
    for line in (ROOT / "README.md").read_text(encoding="utf-8").splitlines():
        if match := ROW.match(line):
            found["" if match.group("top") else match.group("folder")] = match.group("text")
    return found


def unnamed(modules: list[Path], table: dict[str, str]) -> list[str]:
    missing = []
    for file in modules:
        parts = file.relative_to(PACKAGE).parts
        folder = parts[0] if len(parts) > 1 else ""
        name = folder if file.name == "__init__.py" else file.stem
        if f"`{name}`" not in table.get(folder, ""):
            missing.append(file.relative_to(PACKAGE).as_posix())
    return missing


def modules() -> list[Path]:
    """Every module, a package's __init__ only where the package itself is a module (no submodules)."""
    found = []
    for file in sorted(PACKAGE.rglob("*.py")):
        if file.name == "__init__.py" and (file.parent == PACKAGE or len(list(file.parent.glob("*.py"))) > 1):
            continue
        found.append(file)
    return found


def test_the_check_sees_a_module_the_map_leaves_out():
    assert unnamed([PACKAGE / "load" / "loader.py"], {"load": "`loader`, the one loader"}) == []
    assert unnamed([PACKAGE / "load" / "deeplinks.py"], {"load": "`loader`"}) == ["load/deeplinks.py"]


def test_the_readme_map_names_every_module():
    assert unnamed(modules(), rows()) == []
