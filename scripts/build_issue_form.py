#!/usr/bin/env python3
"""Regenerate .github/ISSUE_TEMPLATE/submit-case-study.yml from the vocabularies.

Run it after changing casestudies/vocabularies.yml; a test fails while the
committed form and the vocabularies disagree.
"""

from __future__ import annotations

import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT / "hooks"))

from svhub.tools.venv import use_project_venv  # noqa: E402

use_project_venv()


from svhub.config import HubPaths  # noqa: E402
from svhub.editors.issue_form import form_text  # noqa: E402
from svhub.structure.vocabularies import load_vocabularies  # noqa: E402
from svhub.tools.cli import ArgumentParser, run  # noqa: E402

FORM = PROJECT / ".github" / "ISSUE_TEMPLATE" / "submit-case-study.yml"


def main() -> int:
    ArgumentParser(prog="build_issue_form.py", description=__doc__.splitlines()[0]).parse_args()
    FORM.parent.mkdir(parents=True, exist_ok=True)
    FORM.write_text(form_text(load_vocabularies(HubPaths(PROJECT).vocabularies)), encoding="utf-8")
    print(f"Wrote {FORM.relative_to(PROJECT)}")
    return 0


if __name__ == "__main__":
    run(main)
