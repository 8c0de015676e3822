#!/usr/bin/env python3
"""Write the whole site as a plain Markdown docs folder that an engine without the hub's hooks can build.

DIR gets mkdocs.yml (the site's configuration without hooks or the hub's
templates) and docs/: every generated page, every content page with what the
hooks would add written into it, the downloads and the stylesheets. Build it
with `mkdocs build -f DIR/mkdocs.yml` (or ProperDocs, or another engine that
reads Python-Markdown). With --no-directory-urls the links between pages name
the pages' files, for an engine that gives pages file URLs; with
--html-links-from-source raw-HTML links are written relative to the source
file, for an engine that resolves them that way (Zensical).

Usage: scripts/compile.py --out DIR [--config-file mkdocs.yml] [--no-directory-urls] [--html-links-from-source]
"""

from __future__ import annotations

import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT / "hooks"))

from svhub.tools.venv import use_project_venv  # noqa: E402

use_project_venv()

import yaml  # noqa: E402

from svhub.compiled import SiteCompiler, write  # noqa: E402
from svhub.config import HubPaths, site_url  # noqa: E402
from svhub.load.messages import UserError, escape  # noqa: E402
from svhub.site import HubBuild  # noqa: E402
from svhub.tools import outdir  # noqa: E402
from svhub.tools.cli import ArgumentParser, run  # noqa: E402


def main() -> int:
    parser = ArgumentParser(prog="compile.py", description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True, help="folder to write the site's sources into")
    parser.add_argument("--config-file", type=Path, default=Path("mkdocs.yml"),
                        help="the site's configuration; its folder holds casestudies/ and content/")
    parser.add_argument("--no-directory-urls", action="store_true",
                        help="write links for an engine that gives pages file URLs (page.html, not page/)")
    parser.add_argument("--html-links-from-source", action="store_true",
                        help="write raw-HTML links relative to the source file, for an engine that resolves "
                             "them as it does Markdown links (Zensical)")
    args = parser.parse_args()
    refused = outdir.refusal(args.out, (PROJECT, args.config_file.resolve().parent), "compile.py")
    if refused:
        print(f"compile.py: error: {escape(refused)}\n    hint: give --out a new folder, or one an earlier "
              "compile.py made (it holds .svhub-output)", file=sys.stderr)
        return 2
    try:
        config = yaml.safe_load(args.config_file.read_text(encoding="utf-8").replace("!!python/name:", ""))
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
    compiler = SiteCompiler(build, config, directory_urls=not args.no_directory_urls,
                             html_links_from_source=args.html_links_from_source)
    # Written beside DIR and moved into place whole: a failure never leaves half a site.
    target = args.out.resolve()
    with outdir.staging(target.parent, f".{target.name}-") as staging:
        try:
            count = write(compiler.files(), staging / "docs")
            (staging / "mkdocs.yml").write_text(compiler.mkdocs_config(), encoding="utf-8")
        except UserError as error:
            print(error, file=sys.stderr)
            return 1
        outdir.replace(staging, target, "compile.py")
    print(f"Wrote {count} files to {escape(str(args.out))}/docs/ and {escape(str(args.out))}/mkdocs.yml")
    return 0


if __name__ == "__main__":
    run(main)
