#!/usr/bin/env python3
"""Check the links of the built site: internal links and anchors, and the form of external links.

Usage: scripts/linkcheck.py [--site-dir site] [--external]

With --external it also fetches every external link (for the weekly job);
without it, it never touches the network.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "hooks"))

from svhub.tools.venv import use_project_venv  # noqa: E402

use_project_venv()


import yaml  # noqa: E402

from svhub.config import HubPaths  # noqa: E402
from svhub.tools.cli import ArgumentParser, run  # noqa: E402
from svhub.tools.linkcheck import Repository, SiteLinks, external_problems  # noqa: E402


def repository(paths: HubPaths) -> Repository | None:
    """The repository named in mkdocs.yml, whose files the edit links name."""
    config = yaml.load((paths.root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    url = config.get("repo_url") if isinstance(config, dict) else None
    return Repository(url, paths.root) if url else None


def main() -> int:
    parser = ArgumentParser(prog="linkcheck.py", description=__doc__.splitlines()[0])
    parser.add_argument("--site-dir", type=Path, default=Path("site"), help="the built site (default: site)")
    parser.add_argument("--external", action="store_true", help="also fetch every external link")
    args = parser.parse_args()
    if not (args.site_dir / "index.html").is_file():
        print(f"linkcheck.py: error: {args.site_dir}/index.html not found\n    hint: run 'make site' first",
              file=sys.stderr)
        return 1
    links = SiteLinks(args.site_dir)
    problems = links.internal_problems() + links.form_problems(repository(HubPaths()))
    external = links.external_links()
    if args.external:
        problems += external_problems(external)
    for problem in problems:
        print(problem.format(args.site_dir.as_posix().rstrip("/")))
    checked = "checked" if args.external else "checked for form"
    print(f"{len(links.pages)} pages, {sum(1 for _ in links.links)} links "
          f"({len(external)} external addresses {checked}), {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    run(main)
