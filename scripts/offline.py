#!/usr/bin/env python3
"""Build the offline copy of the hub: a zip that works unzipped, from index.html, with no network.

The site is built with file URLs and the edition (this commit and its date) on
its home page; each data file gets the script the finder reads from file://
(svhub.exports.offline); the zip is the same for the same commit. Its dates come from
SOURCE_DATE_EPOCH, else the commit's date.

Usage: scripts/offline.py [--output dist/social-value-hub-offline.zip] [--config-file mkdocs.yml]
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))

from svhub.tools.venv import use_project_venv  # noqa: E402

use_project_venv()


from svhub.exports.offline import EDITION_VARIABLE, Edition, add_data_scripts, write_zip  # noqa: E402
from svhub.tools.cli import ArgumentParser, run  # noqa: E402

OUTPUT = Path("dist/social-value-hub-offline.zip")


def git(project: Path, *args: str) -> str | None:
    try:
        result = subprocess.run(["git", *args], cwd=project, capture_output=True, text=True)
    except OSError:
        return None
    return result.stdout.strip() if result.returncode == 0 else None


def this_edition(project: Path) -> Edition:
    """The commit the project's files are at, marked '-dirty' when they have changed since;
    or, for a copy made outside a clone (`make bench`'s synthetic libraries), HUB_OFFLINE_EDITION."""
    if os.environ.get(EDITION_VARIABLE, "").strip():
        return Edition.from_variable(os.environ[EDITION_VARIABLE])
    commit = git(project, "rev-parse", "HEAD")
    if commit is None:
        raise SystemExit(f"offline.py: error: {project} is not a git checkout\n"
                         "    hint: the offline copy names the commit it was made from; run it in a clone")
    if git(project, "status", "--porcelain", "--untracked-files=no"):
        commit += "-dirty"
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip() or git(project, "log", "-1", "--format=%ct") or "0"
    return Edition(commit, int(epoch))


def main() -> int:
    parser = ArgumentParser(prog="offline.py", description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=OUTPUT, help=f"the zip (default: {OUTPUT})")
    parser.add_argument("--config-file", type=Path, default=Path("mkdocs.yml"))
    args = parser.parse_args()
    project = args.config_file.resolve().parent
    try:
        edition = this_edition(project)
    except ValueError as error:
        print(f"offline.py: error: {error}\n    hint: set it as '<commit> <unix time>', or unset it", file=sys.stderr)
        return 1
    env = os.environ | {EDITION_VARIABLE: edition.variable(), "SOURCE_DATE_EPOCH": str(edition.time),
                        "NO_MKDOCS_2_WARNING": "1"}
    with tempfile.TemporaryDirectory(prefix="svhub-offline-") as temporary:
        site = Path(temporary) / "site"
        result = subprocess.run([sys.executable, str(ROOT / "scripts" / "build.py"), "--no-directory-urls",
                                 "--config-file", str(args.config_file), "--site-dir", str(site)], env=env)
        if result.returncode != 0:
            print("offline.py: error: the build failed; no zip was written", file=sys.stderr)
            return 1
        add_data_scripts(site)
        write_zip(site, args.output, edition.time)
    print(f"Wrote {args.output} ({args.output.stat().st_size / 1e6:.1f} MB) from {edition.commit}, {edition.date}")
    return 0


if __name__ == "__main__":
    run(main)
