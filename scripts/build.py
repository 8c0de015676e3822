#!/usr/bin/env python3
"""Build the site strictly into a fresh folder, then swap it into place.

A failed build leaves the last good site/ untouched: nothing is ever written
over it until the new one is complete.

Usage: scripts/build.py [--site-dir DIR] [--config-file mkdocs.yml] [--no-directory-urls]
(--no-directory-urls: pages as file URLs, page.html, for the offline copy)
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "hooks"))

from svhub.tools.venv import use_project_venv  # noqa: E402

use_project_venv()


from svhub.load.messages import escape  # noqa: E402
from svhub.tools import outdir  # noqa: E402
from svhub.tools.cli import ArgumentParser, run  # noqa: E402

PROJECT = Path(__file__).resolve().parents[1]


def main() -> int:
    parser = ArgumentParser(prog="build.py", description=__doc__.splitlines()[0])
    parser.add_argument("--site-dir", type=Path, default=Path("site"))
    parser.add_argument("--config-file", type=Path, default=Path("mkdocs.yml"))
    parser.add_argument("--no-directory-urls", action="store_true", help="pages as page.html, for file://")
    args = parser.parse_args()
    refused = outdir.refusal(args.site_dir, (PROJECT, args.config_file.resolve().parent), "build.py")
    if refused:
        print(f"build.py: error: {escape(refused)}\n    hint: give --site-dir a new folder, or one an earlier "
              "build.py made (it holds .svhub-output)", file=sys.stderr)
        return 2
    target = args.site_dir.resolve()
    env = os.environ | {"NO_MKDOCS_2_WARNING": "1"}
    with outdir.staging(target.parent, f".{target.name}-build-") as fresh:
        command = [sys.executable, "-m", "mkdocs", "build", "--strict",
                   "--config-file", str(args.config_file), "--site-dir", str(fresh)]
        if args.no_directory_urls:
            command.append("--no-directory-urls")
        result = subprocess.run(command, env=env)
        if result.returncode != 0:
            print(f"build.py: error: the build failed; {escape(str(args.site_dir))} was left as it was",
                  file=sys.stderr)
            return 1
        outdir.replace(fresh, target, "build.py")
    print(f"Built {escape(str(args.site_dir))}/")
    return 0


if __name__ == "__main__":
    run(main)
