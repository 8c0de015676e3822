"""The pull-request validator: annotations on the diff, and only changed files."""

from __future__ import annotations

import shutil
import subprocess

from conftest import INVALID, PYTHON, ROOT, VALID, run_script


def test_github_annotations_point_at_the_offending_line():
    result = run_script("validate.py", str(INVALID / "bad-dates.md"), env={"GITHUB_ACTIONS": "true"})
    annotations = [line for line in result.stdout.splitlines() if line.startswith("::")]
    assert annotations == [
        "::error file=tests/fixtures/casestudies/invalid/bad-dates.md,line=36,col=12::"
        "'published' is not a real date: '2026-02-30' (hint: check the month and day)",
        "::error file=tests/fixtures/casestudies/invalid/bad-dates.md,line=38,col=12::"
        "review_by (2025-01-01) must be after last_reviewed (2026-02-01) "
        "(hint: set the next review date, usually a year after the last review)",
    ]


def test_no_annotations_outside_github_actions():
    result = run_script("validate.py", str(INVALID / "bad-dates.md"), env={"GITHUB_ACTIONS": ""})
    assert not [line for line in result.stdout.splitlines() if line.startswith("::")]


def project_repo(tmp_path):
    """A git checkout of the hub with two case studies committed."""
    repo = tmp_path / "repo"
    (repo / "casestudies").mkdir(parents=True)
    shutil.copytree(ROOT / "scripts", repo / "scripts")
    (repo / "hooks").symlink_to(ROOT / "hooks")
    shutil.copy(ROOT / "casestudies" / "vocabularies.yml", repo / "casestudies")
    for name in ("fixture-nhs-health-advice.md", "example-borough-housing-repairs.md"):
        shutil.copy(VALID / name, repo / "casestudies")
    git = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org"]
    subprocess.run([*git, "init", "-q", "-b", "main"], cwd=repo, check=True)
    subprocess.run([*git, "add", "."], cwd=repo, check=True)
    subprocess.run([*git, "commit", "-qm", "start"], cwd=repo, check=True)
    return repo


def validate_in(repo, *args):
    return subprocess.run([PYTHON, "scripts/validate.py", *args], cwd=repo, capture_output=True, text=True)


def test_changed_checks_only_added_and_modified_case_studies(tmp_path):
    repo = project_repo(tmp_path)
    unchanged = validate_in(repo, "--changed", "main")
    assert unchanged.stdout.strip() == "0 files checked, 0 with errors"

    edited = repo / "casestudies" / "fixture-nhs-health-advice.md"
    edited.write_text(edited.read_text().replace("tags:", "tagz:") if "tags:" in edited.read_text()
                      else edited.read_text().replace("owner:", "ownr:"), encoding="utf-8")
    shutil.copy(VALID / "cyngor-enghraifft-welsh.md", repo / "casestudies")
    (repo / "casestudies" / "example-borough-housing-repairs.md").unlink()

    result = validate_in(repo, "--changed", "main")
    lines = result.stdout.splitlines()
    assert lines[-1] == "2 files checked, 1 with errors"
    assert any(line.startswith("casestudies/fixture-nhs-health-advice.md:") for line in lines)
    assert not any("example-borough" in line for line in lines)
    assert result.returncode == 1


def test_changed_with_an_unknown_ref_is_a_clean_error(tmp_path):
    result = validate_in(project_repo(tmp_path), "--changed", "no-such-branch")
    assert result.returncode == 2
    assert result.stderr.startswith("validate.py: error: cannot compare with 'no-such-branch'")
    assert "Traceback" not in result.stderr


def test_a_changed_value_is_never_passed_to_git_as_an_option(tmp_path):
    repo = project_repo(tmp_path)
    for base in ("--output=owned.txt", "-p", "--no-index"):
        result = validate_in(repo, f"--changed={base}")
        assert result.returncode == 2 and "cannot compare with" in result.stderr, result.stderr
        assert "Traceback" not in result.stderr
    assert not (repo / "owned.txt").exists()


def test_a_file_in_casestudies_that_is_not_a_case_study_is_reported_not_ignored(tmp_path):
    repo = project_repo(tmp_path)
    text = (VALID / "cyngor-enghraifft-welsh.md").read_bytes()
    for name in ("shouting.MD", "long-form.markdown", "notes.txt"):
        (repo / "casestudies" / name).write_bytes(text)
    for args in ((), ("--changed", "main")):
        result = validate_in(repo, *args)
        assert result.returncode == 1, result.stdout
        for name in ("shouting.MD", "long-form.markdown", "notes.txt"):
            assert f"casestudies/{name}:1:1: error: case-study files must end in '.md'" in result.stdout, args
