"""Comments that name a module of hooks/svhub name one that exists: a reader
who follows `svhub.engine.index.query` or `svhub/exports/offline.py` from a
JavaScript header or a template finds it."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "hooks" / "svhub"
DOTTED = re.compile(r"\bsvhub(?:\.[A-Za-z_][A-Za-z0-9_]*)+")
SLASHED = re.compile(r"\b(?:hooks/)?svhub(?:/[a-z_]+)+(?:\.py|/)")


def modules() -> dict[str, set[str]]:
    """Every module of the package, with the names it defines at its top level."""
    found = {}
    for file in PACKAGE.rglob("*.py"):
        parts = ("svhub",) + file.relative_to(PACKAGE).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        names = set()
        for node in ast.parse(file.read_text(encoding="utf-8")).body:
            if isinstance(node, (ast.FunctionDef, ast.ClassDef, ast.AsyncFunctionDef)):
                names.add(node.name)
            elif isinstance(node, (ast.Assign, ast.AnnAssign)):
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                names |= {t.id for t in targets if isinstance(t, ast.Name)}
        found[name] = names
    return found


def stale(text: str, known: dict[str, set[str]]) -> list[str]:
    """The names in `text` that are no module, nor a name a module defines."""
    wrong = []
    for match in DOTTED.finditer(text):
        parts = match.group(0).split(".")
        prefix = next((k for k in range(len(parts), 0, -1) if ".".join(parts[:k]) in known), 0)
        rest = parts[prefix:]
        # a module, or one name in it (a method or attribute may follow that name)
        if prefix < 2 or (rest and rest[0] not in known[".".join(parts[:prefix])]):
            wrong.append(match.group(0))
    for match in SLASHED.finditer(text):
        path = match.group(0).removeprefix("hooks/")
        if not (ROOT / "hooks" / path).exists():
            wrong.append(match.group(0))
    return wrong


def sources() -> list[Path]:
    overrides = ROOT / "site_overrides"
    return sorted([*PACKAGE.rglob("*.py"), *overrides.rglob("*.js"), *overrides.rglob("*.html"),
                   *(ROOT / "scripts").glob("*.py"), ROOT / "README.md", ROOT / "CONTRIBUTING.md"])


def test_the_check_finds_a_module_that_does_not_exist():
    known = modules()
    assert stale("as svhub/finder.py writes it (svhub.engine.index.query)", known) == ["svhub/finder.py"]
    assert stale("svhub.record renders it; svhub.finder.masks", known) == ["svhub.record", "svhub.finder.masks"]
    assert stale("svhub.pages.record and svhub/exports/offline.py", known) == []


def test_every_module_a_comment_names_exists():
    known = modules()
    found = [f"{file.relative_to(ROOT)}:{number}: {name}"
             for file in sources()
             for number, line in enumerate(file.read_text(encoding="utf-8").splitlines(), start=1)
             for name in stale(line, known)]
    assert found == [], "\n".join(found)
