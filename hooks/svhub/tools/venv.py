"""Scripts run as the documents print them (`scripts/validate.py FILE`, or with
any python3): each re-runs itself with the project's .venv, made by `make site`,
so the hub's pinned packages are there. Standard library only: it runs before
any of them can be imported."""

from __future__ import annotations

import os
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[3]
VENV = PROJECT / ".venv"
_MARK = "HUB_VENV_REEXEC"


def use_project_venv() -> None:
    """Re-execute the running script with .venv's Python, unless it already is that
    Python or there is no .venv (CI installs the packages into its own Python)."""
    python = VENV / "bin" / "python"
    if not python.exists() or os.environ.get(_MARK) or Path(sys.prefix).resolve() == VENV.resolve():
        return
    os.environ[_MARK] = "1"
    os.execv(python, [str(python), *sys.argv])
