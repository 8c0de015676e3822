#!/usr/bin/env python3
"""Regenerate casestudies/schema.json from casestudies/vocabularies.yml.

Run it after changing a vocabulary; a test fails while the two disagree.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "hooks"))

from svhub.tools.venv import use_project_venv  # noqa: E402

use_project_venv()


from svhub.config import HubPaths  # noqa: E402
from svhub.load.schema import schema_text  # noqa: E402
from svhub.structure.vocabularies import load_vocabularies  # noqa: E402
from svhub.tools.cli import ArgumentParser, run  # noqa: E402


def main() -> int:
    ArgumentParser(prog="build_schema.py", description=__doc__.splitlines()[0]).parse_args()
    paths = HubPaths()
    paths.schema.write_text(schema_text(load_vocabularies(paths.vocabularies)), encoding="utf-8")
    print(f"Wrote {paths.display(paths.schema)}")
    return 0


if __name__ == "__main__":
    run(main)
