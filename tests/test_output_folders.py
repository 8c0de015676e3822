"""build.py and compile.py replace their output folder whole, so they refuse any
folder whose loss would destroy work: the checkout, its sources, a folder holding
.git, or a non-empty folder they did not make. A failed or interrupted run leaves
no staging folder behind and the last output as it was."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest
from conftest import PYTHON, ROOT, VALID, make_project, run_script


def checkout(tmp_path: Path, git_file: bool = False) -> Path:
    """A copy of the hub that is a git checkout (.git a folder, or a worktree's .git file)."""
    project = make_project(tmp_path / "checkout", sorted(VALID.glob("*.md"))[:2])
    if git_file:
        (project / ".git").write_text("gitdir: /elsewhere/.git/worktrees/checkout\n")
    else:
        (project / ".git").mkdir()
        (project / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    (project / "uncommitted.md").write_text("work in progress\n")
    return project


def contents(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*")}


COMMANDS = {"build.py": "--site-dir", "compile.py": "--out"}


@pytest.mark.parametrize("script", sorted(COMMANDS))
@pytest.mark.parametrize(("out", "why"), [
    (".", "is or contains the checkout"),
    ("casestudies", "is, contains or lies inside the sources"),
    ("casestudies/new", "is, contains or lies inside the sources"),
    ("content", "is, contains or lies inside the sources"),
    ("hooks", "is, contains or lies inside the sources"),
    ("..", "is or contains the checkout"),
    (".git", "is, contains or lies inside the sources"),
])
@pytest.mark.parametrize("git_file", [False, True], ids=["clone", "worktree"])
def test_an_output_folder_that_is_holds_or_lies_in_the_sources_is_refused(tmp_path, script, out, why, git_file):
    project = checkout(tmp_path, git_file)
    before = contents(tmp_path)
    result = run_script(script, COMMANDS[script], out, "--config-file", str(project / "mkdocs.yml"), cwd=project)
    assert result.returncode == 2, result.stderr
    assert f"{script}: error: {out} {why}" in result.stderr, result.stderr
    assert "hint:" in result.stderr and "Traceback" not in result.stderr
    assert contents(tmp_path) == before


@pytest.mark.parametrize("script", sorted(COMMANDS))
def test_a_folder_holding_git_or_not_made_by_the_script_is_refused(tmp_path, script):
    project = make_project(tmp_path / "project", sorted(VALID.glob("*.md"))[:1])
    other = tmp_path / "other-repo"
    (other / ".git").mkdir(parents=True)
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "thesis.md").write_text("three years of work\n")
    for folder, why in ((other, f"{other} is or contains the checkout"), (notes, f"is not empty and was not made by {script}")):
        result = run_script(script, COMMANDS[script], str(folder), "--config-file", str(project / "mkdocs.yml"))
        assert result.returncode == 2 and why in result.stderr, result.stderr
    assert (notes / "thesis.md").read_text() == "three years of work\n" and (other / ".git").is_dir()


def test_a_folder_the_script_made_is_replaced_and_an_empty_one_is_used(tmp_path):
    project = make_project(tmp_path / "project", sorted(VALID.glob("*.md"))[:1])
    out = tmp_path / "compiled"
    out.mkdir()
    for _ in range(2):
        result = run_script("compile.py", "--out", str(out), "--config-file", str(project / "mkdocs.yml"))
        assert result.returncode == 0, result.stderr
        assert (out / ".svhub-output").is_file() and (out / "docs" / "index.md").is_file()
    assert oct(out.stat().st_mode & 0o777) == oct(0o777 & ~_umask())
    assert sorted(p.name for p in tmp_path.iterdir()) == ["compiled", "project"]


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


@pytest.mark.parametrize("script", sorted(COMMANDS))
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_an_interrupted_run_removes_its_staging_folder_and_keeps_the_last_output(tmp_path, script, signum):
    project = make_project(tmp_path / "project", sorted(VALID.glob("*.md")))
    out = tmp_path / "out"
    args = [COMMANDS[script], str(out), "--config-file", str(project / "mkdocs.yml")]
    assert run_script(script, *args).returncode == 0
    before = contents(out)
    env = os.environ | {"NO_MKDOCS_2_WARNING": "1"}
    process = subprocess.Popen([PYTHON, str(ROOT / "scripts" / script), *args], env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while not [p for p in tmp_path.iterdir() if p.name.startswith(".out-")] and time.monotonic() < deadline:
        time.sleep(0.02)
    assert process.poll() is None, "the run ended before its staging folder was seen"
    process.send_signal(signum)
    stderr = process.communicate(timeout=60)[1]
    assert process.returncode == 128 + signum, stderr
    assert "Traceback" not in stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out", "project"]
    assert contents(out) == before
    shutil.rmtree(out)
