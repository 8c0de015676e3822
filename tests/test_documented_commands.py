"""Every command CONTRIBUTING.md and the README print runs as printed, from a shell
without the project's .venv on its PATH (as a new contributor's is): the scripts
are executable and find .venv themselves; `make` targets exist. The scaffold's and
the build's own printed commands are the same scripts/validate.py."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCS = ("README.md", "CONTRIBUTING.md")
EXAMPLE = "casestudies/wakefield-school-milk.md"
ISSUE = ROOT / "tests" / "fixtures" / "issues" / "submit-case-study.md"
# Whole-site targets with tests of their own (or that are the tests): their recipe is
# checked with make -n, not run a second time inside the suite.
DRY_RUN = {"site", "test", "serve", "bench", "offline", "linkcheck-external", "new"}
# Scripts that build the whole site or reach the network: started with --help, which
# proves what went wrong for editors (the executable bit, the .venv, the imports).
STARTED_ONLY = ("scripts/build.py", "scripts/compile.py", "scripts/offline.py", "scripts/budgets.py",
                "scripts/linkcheck.py", "scripts/build_schema.py")


def documented_commands() -> list[str]:
    commands = set()
    for name in DOCS:
        text = (ROOT / name).read_text(encoding="utf-8")
        for block in re.findall(r"```sh\n(.*?)```", text, re.S):
            commands |= {line.split("#")[0].strip() for line in block.splitlines() if line.strip()}
        commands |= set(re.findall(r"`((?:make|python3? scripts/|scripts/)[^`]*)`", text))
    return sorted(c for c in commands if c.startswith(("make", "scripts/", "python")) and c != "scripts/")


def user_shell() -> dict[str, str]:
    """A contributor's shell: the system's PATH, no virtual environment."""
    return {"PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": str(Path.home()), "LANG": "C.UTF-8"}


def as_run(command: str, tmp_path: Path) -> str:
    """The command with its placeholders filled in: a file, a folder, an issue body."""
    base = "origin/main" if subprocess.run(["git", "rev-parse", "--verify", "-q", "origin/main"], cwd=ROOT,
                                           capture_output=True).returncode == 0 else "HEAD"
    command = (command.replace("FILE…", EXAMPLE).replace("casestudies/my-case-study.md", EXAMPLE)
               .replace("origin/main", base).replace(" DIR", f" {tmp_path}/out"))
    if "--from-issue" in command:
        command = command.replace("issue.md", str(ISSUE)) + f" --dir {tmp_path}"
    if command.startswith(("scripts/", "python")) and command.split()[-1].endswith(STARTED_ONLY):
        command += " --help"
    elif any(command.startswith(f"python3 {s}") or command.startswith(s) for s in STARTED_ONLY):
        command = command.split(" --")[0] + " --help"
    return command


def test_the_documents_give_the_commands_an_editor_needs():
    commands = documented_commands()
    for expected in ("make site", "make test", "make new", "make validate", "scripts/validate.py FILE…",
                     "scripts/new_casestudy.py --from-issue issue.md"):
        assert expected in commands, commands


@pytest.mark.parametrize("command", [c for c in documented_commands() if not c.startswith("make")])
def test_each_documented_script_runs_as_written_without_the_venv_on_the_path(command, tmp_path):
    run = as_run(command, tmp_path)
    result = subprocess.run(run, shell=True, cwd=ROOT, env=user_shell(), capture_output=True, text=True,
                            timeout=600, stdin=subprocess.DEVNULL)
    output = result.stdout + result.stderr
    assert "Permission denied" not in output and "ModuleNotFoundError" not in output, output
    assert "Traceback" not in output, output
    if command == "scripts/new_casestudy.py":  # asks questions; no input means it stops, having written nothing
        assert result.returncode == 1 and "nothing was written" in result.stderr, output
    else:
        assert result.returncode == 0, (run, output)


@pytest.mark.parametrize("command", [c for c in documented_commands() if c.startswith("make")])
def test_each_documented_make_target_exists_and_the_quick_ones_pass(command):
    target = command.split()[1]
    env = user_shell() | {"MAKEFLAGS": ""}
    dry = ["-n"] if target in DRY_RUN else []
    # The .venv is taken as made (it is: the suite runs in it), even where it was made
    # for another checkout's requirements.txt and so lacks this one's stamp.
    stamp = subprocess.run("cksum < requirements.txt | cut -d' ' -f1", shell=True, cwd=ROOT,
                           capture_output=True, text=True).stdout.strip()
    result = subprocess.run(["make", "-o", f".venv/.installed-{stamp}", *dry, target], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_scaffold_and_the_build_print_the_documented_validate_command():
    printed = [(ROOT / "scripts" / "new_casestudy.py").read_text(encoding="utf-8"),
               (ROOT / "hooks" / "svhub" / "editors" / "scaffold.py").read_text(encoding="utf-8"),
               (ROOT / "hooks" / "svhub" / "site.py").read_text(encoding="utf-8")]
    for source in printed:
        assert "scripts/validate.py" in source
    assert "scripts/validate.py FILE…" in documented_commands()
