#!/usr/bin/env python3
"""Check case-study files and report every problem as path:line:col: error: …

Usage: scripts/validate.py [PATH …]   (all of casestudies/ when no path is named)
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "hooks"))

from svhub.cli import ArgumentParser, run  # noqa: E402
from svhub.config import HubPaths  # noqa: E402
from svhub.loader import casestudy_files, load_library  # noqa: E402


def parse_args() -> argparse.Namespace:  # noqa: F821
    parser = ArgumentParser(prog="validate.py", description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path, help="case-study files (default: all)")
    parser.add_argument("--github", action="store_true", default=os.environ.get("GITHUB_ACTIONS") == "true",
                        help="also print GitHub annotations (on by default when GITHUB_ACTIONS=true)")
    return parser.parse_args()


def main() -> int:
    args = parse_args()
    paths = HubPaths()
    files = [p for p in args.paths] or casestudy_files(paths.casestudies)
    loaded = load_library(files, paths)
    for result in loaded.results:
        for diagnostic in result.diagnostics:
            print(diagnostic.format())
            if args.github:
                print(diagnostic.github_annotation())
    failed = sum(1 for r in loaded.results if not r.ok)
    noun = "file" if len(files) == 1 else "files"
    print(f"{len(files)} {noun} checked, {failed} with errors")
    return 1 if failed else 0


if __name__ == "__main__":
    run(main)
