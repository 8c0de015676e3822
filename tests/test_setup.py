"""The README's set-up is two commands: `make site`, `make test`. `make test` sees to
what it needs (Chromium and Node, installed with apt when root), runs ruff first,
and otherwise stops with one line naming the command to run."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TOOLS = ROOT / "scripts" / "test_tools.sh"


def fake_machine(tmp_path: Path, uid: int, have: tuple[str, ...] = ()) -> dict[str, str]:
    """A PATH with only a fake `id`, a fake `apt-get` that 'installs' by creating the
    programs, and whichever of chromium and node the machine already has."""
    bin_ = tmp_path / "bin"
    bin_.mkdir()
    scripts = {
        "id": f"#!/bin/sh\necho {uid}\n",
        "apt-get": (f"#!/bin/sh\necho \"$@\" >> {tmp_path}/apt.log\n"
                    f"case \"$*\" in *install*chromium*) printf '#!/bin/sh\\n' > {bin_}/chromium;"
                    f" /bin/chmod +x {bin_}/chromium;; esac\n"
                    f"case \"$*\" in *install*nodejs*) printf '#!/bin/sh\\nexit 0\\n' > {bin_}/node;"
                    f" /bin/chmod +x {bin_}/node;; esac\n"),
    }
    scripts |= {name: "#!/bin/sh\nexit 0\n" for name in ("chromium", "node") if name in have}
    for name, text in scripts.items():
        (bin_ / name).write_text(text)
        (bin_ / name).chmod(0o755)
    return {"PATH": str(bin_), "CHROMIUM": str(bin_ / "chromium"), "HOME": str(tmp_path)}


def tools(env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(["/bin/sh", str(TOOLS)], env=env, capture_output=True, text=True, timeout=60)


def test_a_machine_with_chromium_and_node_goes_straight_on(tmp_path):
    result = tools(fake_machine(tmp_path, uid=1000, have=("chromium", "node")))
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")
    assert not (tmp_path / "apt.log").exists()


def test_root_with_apt_installs_what_is_missing_and_goes_on(tmp_path):
    result = tools(fake_machine(tmp_path, uid=0))
    assert result.returncode == 0, result.stderr
    log = (tmp_path / "apt.log").read_text()
    assert "update" in log and "install -y -qq chromium nodejs" in log
    assert "installing chromium nodejs" in result.stdout


@pytest.mark.parametrize("have", [(), ("chromium",), ("node",)])
def test_anyone_else_is_stopped_with_one_line_naming_the_command(tmp_path, have):
    result = tools(fake_machine(tmp_path, uid=1000, have=have))
    needed = " ".join(p for p, program in (("chromium", "chromium"), ("nodejs", "node")) if program not in have)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"make test: error: the tests need {needed}; run 'sudo apt-get install {needed}', then 'make test' again"]
    assert not (tmp_path / "apt.log").exists()


def test_make_test_checks_the_tools_then_runs_ruff_before_any_test():
    result = subprocess.run(["make", "-n", "test"], cwd=ROOT, capture_output=True, text=True,
                            env=os.environ | {"MAKEFLAGS": ""}, timeout=60)
    lines = result.stdout.splitlines()
    order = [next(i for i, line in enumerate(lines) if marker in line)
             for marker in ("scripts/test_tools.sh", "ruff check hooks scripts tests", "-m pytest")]
    assert order == sorted(order), lines


def test_ci_and_the_workflow_run_make_test_and_lint():
    assert (ROOT / ".ci" / "run").read_text().strip().endswith("make test")
    workflow = (ROOT / ".github" / "workflows" / "ci.yml").read_text()
    assert "run: make test" in workflow and "run: make lint" in workflow
