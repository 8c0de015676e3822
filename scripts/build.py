#!/usr/bin/env python3
"""Build the site strictly into a fresh folder, then swap it into place.

A failed build leaves the last good site/ untouched: nothing is ever written
over it until the new one is complete.

Usage: scripts/build.py [--site-dir DIR] [--config-file mkdocs.yml] [--no-directory-urls]
(--no-directory-urls: pages as file URLs, page.html, for the offline copy)
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "hooks"))

from svhub.tools.venv import use_project_venv  # noqa: E402

use_project_venv()


from svhub.tools.cli import ArgumentParser, run  # noqa: E402


def swap_into_place(fresh: Path, target: Path) -> None:
    old = target.with_name(f".site-old-{os.getpid()}")
    if target.exists():
        target.rename(old)
    fresh.rename(target)
    shutil.rmtree(old, ignore_errors=True)


def main() -> int:
    parser = ArgumentParser(prog="build.py", description=__doc__.splitlines()[0])
    parser.add_argument("--site-dir", type=Path, default=Path("site"))
    parser.add_argument("--config-file", type=Path, default=Path("mkdocs.yml"))
    parser.add_argument("--no-directory-urls", action="store_true", help="pages as page.html, for file://")
    args = parser.parse_args()
    target = args.site_dir.resolve()
    fresh = target.with_name(f".site-build-{os.getpid()}")
    shutil.rmtree(fresh, ignore_errors=True)
    env = os.environ | {"NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict",
               "--config-file", str(args.config_file), "--site-dir", str(fresh)]
    if args.no_directory_urls:
        command.append("--no-directory-urls")
    result = subprocess.run(command, env=env)
    if result.returncode != 0:
        shutil.rmtree(fresh, ignore_errors=True)
        print(f"build.py: error: the build failed; {args.site_dir} was left as it was", file=sys.stderr)
        return 1
    swap_into_place(fresh, target)
    print(f"Built {args.site_dir}/")
    return 0


if __name__ == "__main__":
    run(main)
