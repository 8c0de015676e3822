#!/usr/bin/env python3
"""Write the generated case-study pages to a folder as plain Markdown.

The output plus content/ is a complete docs folder, so an engine without the
hub's MkDocs hooks can build the same site from it.

Usage: scripts/compile.py --out DIR [--config-file mkdocs.yml]
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "hooks"))

from svhub.config import HubPaths, site_url  # noqa: E402
from svhub.site import HubBuild  # noqa: E402
from svhub.tools.cli import ArgumentParser, run  # noqa: E402


def main() -> int:
    parser = ArgumentParser(prog="compile.py", description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True, help="folder to write the pages into")
    parser.add_argument("--config-file", type=Path, default=Path("mkdocs.yml"),
                        help="the site's configuration; its folder holds casestudies/ and content/")
    args = parser.parse_args()
    try:
        config = yaml.safe_load(args.config_file.read_text(encoding="utf-8"))
    except OSError as exc:
        print(f"{args.config_file}:1:1: error: cannot read the configuration: {exc.strerror}", file=sys.stderr)
        return 1
    build = HubBuild.start(HubPaths(args.config_file.resolve().parent), repo_url=config.get("repo_url", ""),
                           site_url=site_url(config.get("site_url")))
    for line in build.messages():
        print(line, file=sys.stderr)
    if not build.ok:
        print(f"compile.py: error: {build.failure_summary()}", file=sys.stderr)
        return 1
    for page in build.pages:
        target = args.out / page.src_uri
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(build.page_markdown(page), encoding="utf-8")
    for download in build.downloads:
        target = args.out / download.src_uri
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(download.content)
    print(f"Wrote {len(build.pages)} pages and {len(build.downloads)} downloads to {args.out}/")
    return 0


if __name__ == "__main__":
    run(main)
