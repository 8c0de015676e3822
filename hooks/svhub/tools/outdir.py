"""Output folders that can never destroy inputs.

build.py and compile.py replace their output folder whole. Before they do, the
folder is checked: never the checkout, its sources or a folder holding .git, and
never a non-empty folder they did not make themselves (a marker file says they
did). The new output is written into a staging folder beside it, which is
removed whatever ends the run: an error, Ctrl-C or SIGTERM.
"""

from __future__ import annotations

import os
import shutil
import signal
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

MARKER = ".svhub-output"
# A checkout's own folders, which no output may be, hold or lie inside.
SOURCES = (".git", "casestudies", "content", "hooks", "site_overrides", "scripts", "tests", ".github")


def _checkouts(target: Path, projects: tuple[Path, ...]) -> set[Path]:
    """The hub's checkouts that matter: the given ones and any git checkout around target."""
    found = {p.resolve() for p in projects}
    found |= {folder for folder in (target, *target.parents) if (folder / ".git").exists()}
    return found


def refusal(out: Path, projects: tuple[Path, ...], maker: str) -> str | None:
    """Why `out` must not be replaced by `maker`'s output, or None when it may be."""
    target = out.resolve()
    for root in _checkouts(target, projects):
        if target == root or root.is_relative_to(target):
            return f"{out} is or contains the checkout {root}; its sources would be deleted"
        for name in SOURCES:
            source = (root / name).resolve()
            if source.is_relative_to(target) or target.is_relative_to(source):
                return f"{out} is, contains or lies inside the sources ({source})"
    if (target / ".git").exists():
        return f"{out} holds .git: it is a checkout, not an output folder"
    if target.is_dir() and any(target.iterdir()) and not (target / MARKER).is_file():
        return f"{out} is not empty and was not made by {maker}; it would be deleted"
    if target.exists() and not target.is_dir():
        return f"{out} is a file, not a folder"
    return None


def _mark(folder: Path, maker: str) -> None:
    """Say that `maker` made this folder, so that the next run may replace it."""
    (folder / MARKER).write_text(f"Made by {maker}; the next run replaces this folder whole.\n", encoding="utf-8")


def _terminate(signum: int, frame: object) -> None:
    raise SystemExit(128 + signum)


@contextmanager
def staging(beside: Path, prefix: str) -> Iterator[Path]:
    """A fresh folder beside the output, removed unless it was moved into place,
    however the run ends (SIGTERM is turned into an exit that runs this cleanup)."""
    previous = signal.signal(signal.SIGTERM, _terminate)
    beside.mkdir(parents=True, exist_ok=True)
    umask = os.umask(0o022)
    os.umask(umask)
    path: Path | None = None
    try:
        # A signal between making the folder and knowing its name would leave it behind.
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
        try:
            path = Path(tempfile.mkdtemp(prefix=prefix, dir=beside))
        finally:
            signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT, signal.SIGTERM})
        path.chmod(0o777 & ~umask)  # mkdtemp's 0700 would hide the published site from a web server
        yield path
    finally:
        if path is not None:
            shutil.rmtree(path, ignore_errors=True)
        signal.signal(signal.SIGTERM, previous)


def replace(fresh: Path, target: Path, maker: str) -> None:
    """Mark the finished output as `maker`'s, move it into place, then delete the old one it replaces."""
    _mark(fresh, maker)
    old = target.with_name(f".{target.name}-old-{os.getpid()}")
    if target.exists():
        target.rename(old)
    fresh.rename(target)
    shutil.rmtree(old, ignore_errors=True)
