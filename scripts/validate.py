#!/usr/bin/env python3
"""Check case-study files and report every problem as path:line:col: error: …

Usage: scripts/validate.py [PATH …] [--changed BASE] [--github]
Checks the named files, the files that differ from git ref BASE, or all of
casestudies/. Cross-file rules (duplicate titles, near-duplicates, links to
missing case studies) always look at the whole library.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT / "hooks"))

from svhub.tools.venv import use_project_venv  # noqa: E402

use_project_venv()


from svhub.config import HubPaths  # noqa: E402
from svhub.load.loader import LIBRARY_FILES, casestudy_files, load_library  # noqa: E402
from svhub.load.messages import escape  # noqa: E402
from svhub.tools.cli import ArgumentParser, run  # noqa: E402


class GitError(Exception):
    pass


def parse_args() -> argparse.Namespace:
    parser = ArgumentParser(prog="validate.py", description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path, help="case-study files (default: all)")
    parser.add_argument("--changed", metavar="BASE", help="check only case studies that differ from git ref BASE")
    parser.add_argument("--github", action="store_true", default=os.environ.get("GITHUB_ACTIONS") == "true",
                        help="also print GitHub annotations (on by default when GITHUB_ACTIONS=true)")
    return parser.parse_args()


def git(*args: str, cwd: Path) -> list[str]:
    result = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True)
    if result.returncode != 0:
        raise GitError(result.stderr.strip().splitlines()[-1] if result.stderr.strip() else "git failed")
    return [line for line in result.stdout.splitlines() if line]


def changed_files(base: str, paths: HubPaths) -> list[Path]:
    """Files in casestudies/ added or modified since BASE, committed or not. BASE is
    resolved to a commit first and never reaches git as an option ('--output=…')."""
    if base.startswith("-"):
        raise GitError("a branch, tag or commit cannot start with '-'")
    commit = git("rev-parse", "--verify", "--quiet", "--end-of-options", f"{base}^{{commit}}", cwd=paths.root)
    if not commit:
        raise GitError("no such branch, tag or commit")
    folder = paths.display(paths.casestudies)
    names = git("diff", "--name-only", "--diff-filter=ACMR", commit[0], "--", f"{folder}/", cwd=paths.root)
    names += git("ls-files", "--others", "--exclude-standard", "--", f"{folder}/", cwd=paths.root)
    return sorted({paths.root / name for name in names
                   if Path(name).parent == Path(folder) and Path(name).name.lower() not in LIBRARY_FILES})


def main() -> int:
    args = parse_args()
    paths = HubPaths(PROJECT)
    everything = casestudy_files(paths.casestudies)
    try:
        selected = args.paths or (changed_files(args.changed, paths) if args.changed else everything)
    except GitError as error:
        print(f"validate.py: error: cannot compare with '{escape(args.changed)}': {escape(str(error))}\n"
              "    hint: pass a branch, tag or commit that exists, e.g. --changed origin/main", file=sys.stderr)
        return 2
    chosen = {p.resolve() for p in selected}
    loaded = load_library([*selected, *(p for p in everything if p.resolve() not in chosen)], paths)
    shown = loaded.results[: len(selected)]
    for result in shown:
        for diagnostic in sorted(result.diagnostics):
            print(diagnostic.format())
            if args.github:
                print(diagnostic.github_annotation())
    failed = sum(1 for r in shown if not r.ok)
    noun = "file" if len(shown) == 1 else "files"
    print(f"{len(shown)} {noun} checked, {failed} with errors")
    return 1 if failed else 0


if __name__ == "__main__":
    run(main)
