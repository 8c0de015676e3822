"""An editor with a broken file gets every problem at once, at the line to fix."""

from __future__ import annotations

import pytest
from conftest import INVALID, VALID, run_script

INVALID_FILES = sorted(INVALID.glob("*.md"))


@pytest.mark.parametrize("file", INVALID_FILES, ids=lambda p: p.stem)
def test_invalid_file_gives_its_exact_messages_and_exit_code_1(file):
    result = run_script("validate.py", str(file.relative_to(file.parents[4])))
    expected = file.with_suffix(".expected").read_text(encoding="utf-8")
    assert result.stdout == expected
    assert result.returncode == 1
    assert "Traceback" not in result.stderr


def test_each_expected_file_reports_real_positions():
    for expected in INVALID.glob("*.expected"):
        first = expected.read_text(encoding="utf-8").splitlines()[0]
        path, line, col, severity, _ = first.split(":", 4)
        assert path.endswith(expected.stem + ".md")
        assert int(line) >= 1 and int(col) >= 1
        assert severity.strip() == "error"


def test_valid_files_pass_with_a_summary_line():
    files = [str(p) for p in sorted(VALID.glob("*.md"))]
    result = run_script("validate.py", *files)
    assert result.returncode == 0, result.stdout
    assert result.stdout.strip().splitlines()[-1] == "3 files checked, 0 with errors"


def test_summary_counts_files_with_errors():
    result = run_script("validate.py", str(VALID / "fixture-nhs-health-advice.md"), str(INVALID / "tab-indent.md"))
    assert result.stdout.strip().splitlines()[-1] == "2 files checked, 1 with errors"
    assert result.returncode == 1


def test_misspelt_keys_and_values_get_did_you_mean_hints():
    result = run_script("validate.py", str(INVALID / "misspelt-keys-and-values.md"))
    assert "unknown field 'sumary' (did you mean 'summary'?)" in result.stdout
    assert "'nhs-bdy' is not a valid value for 'commissioner.type' (did you mean 'nhs-body'?)" in result.stdout


def test_a_shortened_value_suggests_the_one_value_it_starts(tmp_path):
    text = (VALID / "fixture-nhs-health-advice.md").read_text(encoding="utf-8")
    region = next(line.split(":", 1)[1].strip() for line in text.splitlines() if line.strip().startswith("region:"))
    assert region == "london"
    file = tmp_path / "short-region.md"
    file.write_text(text.replace("region: london", "region: yorkshire"), encoding="utf-8")
    result = run_script("validate.py", str(file))
    assert "'yorkshire' is not a valid value for 'commissioner.region' " \
           "(did you mean 'yorkshire-and-the-humber'?)" in result.stdout
    file.write_text(text.replace("region: london", "region: north"), encoding="utf-8")
    assert "(did you mean 'north-east', 'north-west' or 'northern-ireland'?)" in run_script("validate.py", str(file)).stdout


def test_a_wrong_flag_is_a_clean_error_not_a_traceback():
    result = run_script("validate.py", "--no-such-flag")
    assert result.returncode == 2
    assert "validate.py: error: unrecognized arguments: --no-such-flag" in result.stderr
    assert "hint:" in result.stderr
    assert "Traceback" not in result.stderr


def test_missing_recommended_section_is_a_warning_not_an_error(tmp_path):
    text = (VALID / "fixture-nhs-health-advice.md").read_text(encoding="utf-8")
    file = tmp_path / "no-lessons.md"
    file.write_text(text.replace("## Lessons for commissioners", "## Afterword"), encoding="utf-8")
    result = run_script("validate.py", str(file))
    assert result.returncode == 0
    assert ": warning: recommended section '## Lessons for commissioners' is missing" in result.stdout
