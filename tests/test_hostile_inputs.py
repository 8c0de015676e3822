"""Bad, edge-case and hostile inputs (issue 23): each is refused with a
path:line:col message, never a traceback, a stall, invalid JSON or a destroyed file."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from conftest import VALID, run_script

from svhub.config import HubPaths
from svhub.load.loader import load_file
from svhub.load.messages import Diagnostic, Severity

BASE = (VALID / "example-borough-housing-repairs.md").read_text(encoding="utf-8")


def case_study(tmp_path: Path, text: str, name: str = "hostile-input.md") -> Path:
    (tmp_path / "casestudies").mkdir(exist_ok=True)
    path = tmp_path / "casestudies" / name
    path.write_text(text, encoding="utf-8")
    return path


def messages(path: Path) -> list[str]:
    started = time.monotonic()
    result = load_file(path, paths=HubPaths())
    assert time.monotonic() - started < 1.0, "validation took over a second"
    return [d.format() for d in result.diagnostics if d.severity is Severity.ERROR]


def edited(old: str, new: str) -> str:
    assert old in BASE, old
    return BASE.replace(old, new, 1)


def test_the_base_case_study_is_valid(tmp_path):
    assert messages(case_study(tmp_path, BASE)) == []


# Numbers and dates that mean something

@pytest.mark.parametrize("value", [".nan", ".NaN", ".inf", "-.inf", "1.0e+400"])
def test_a_non_finite_number_is_refused(tmp_path, value):
    text = edited("social_value_weighting_pct: 12", f"social_value_weighting_pct: {value}")
    found = messages(case_study(tmp_path, text))
    assert any("'contract.social_value_weighting_pct' is" in m and "not a number" in m for m in found), found


@pytest.mark.parametrize(("old", "new", "field"), [
    ("value_gbp: 4500000", "value_gbp: 5000000000000000", "contract.value_gbp"),
    ("figure: 11", "figure: 1.0e+15", "outcomes[0].figure"),
])
def test_a_number_beyond_sensible_bounds_is_refused(tmp_path, old, new, field):
    found = messages(case_study(tmp_path, edited(old, new)))
    assert any(field in m for m in found), found


def test_a_number_too_long_to_be_a_figure_is_refused_at_its_line(tmp_path):
    text = edited("value_gbp: 4500000", f"value_gbp: {'9' * 5000}")
    found = messages(case_study(tmp_path, text))
    assert len(found) == 1 and "error: a number 5,000 characters long" in found[0], found


def test_deep_nesting_is_refused_at_its_line(tmp_path):
    text = edited("partners: [Example Homes]", "partners: " + "[" * 5000 + "]" * 5000)
    found = messages(case_study(tmp_path, text))
    assert len(found) == 1 and "nests more than 10 levels deep" in found[0], found


@pytest.mark.parametrize("when", ["0001-01-01", "9999-12-31", "1989-12-31"])
def test_a_date_outside_the_hubs_years_is_refused(tmp_path, when):
    text = edited("awarded: 2021", f'awarded: "{when}"')
    found = messages(case_study(tmp_path, text))
    assert any("outside the years the hub covers (1990 to 2100)" in m for m in found), found


@pytest.mark.parametrize("field", ["published", "last_reviewed"])
def test_published_and_last_reviewed_cannot_be_in_the_future(tmp_path, field):
    import re
    text = re.sub(rf"^{field}: .*$", f"{field}: 2099-01-01", BASE, count=1, flags=re.M)
    text = re.sub(r"^review_by: .*$", "review_by: 2100-01-01", text, count=1, flags=re.M)
    found = messages(case_study(tmp_path, text))
    assert any(f"{field} (2099-01-01) is in the future" in m for m in found), found


def test_a_lone_surrogate_is_refused_not_a_traceback(tmp_path):
    text = edited("title: \"Example Borough", 'title: "A lone surrogate \\ud800 in Example Borough')
    found = messages(case_study(tmp_path, text))
    assert any("'title'" in m and "surrogate" in m for m in found), found


# Bounded work per input

def test_a_symlink_is_never_followed(tmp_path):
    outside = tmp_path / "secret.md"
    outside.write_text(BASE, encoding="utf-8")
    (tmp_path / "casestudies").mkdir()
    for name, target in (("linked.md", outside), ("zeros.md", Path("/dev/zero")), ("loop.md", "loop.md")):
        (tmp_path / "casestudies" / name).symlink_to(target)
        found = messages(tmp_path / "casestudies" / name)
        assert len(found) == 1 and "is a symbolic link" in found[0], found


def test_a_device_or_folder_is_not_read(tmp_path):
    folder = tmp_path / "casestudies" / "folder.md"
    folder.mkdir(parents=True)
    assert "not a regular file" in messages(folder)[0]


# Messages that are data, never commands

HOSTILE = "local-authority\n::error file=x::owned\x1b[2J\x85"


def test_control_characters_in_a_value_are_escaped_in_both_forms_of_message(tmp_path):
    path = case_study(tmp_path, edited("type: local-authority", f'type: "{HOSTILE.encode("unicode_escape").decode()}"'))
    result = load_file(path, paths=HubPaths())
    shown = [(d.format(), d.github_annotation()) for d in result.diagnostics]
    assert shown
    for human, annotation in shown:
        for line in (human.split("\n    hint: ")[0], annotation):
            assert "\n" not in line and "\x1b" not in line and "\x85" not in line, line
    assert any("\\n::error file=x::owned\\x1b[2J\\x85" in human for human, _ in shown), shown


def test_a_file_name_with_a_newline_cannot_start_a_workflow_command():
    diagnostic = Diagnostic("casestudies/a\n::add-mask::x,y.md", 1, 1, Severity.ERROR, "bad\r\n::warning::x")
    annotation = diagnostic.github_annotation()
    assert len(annotation.splitlines()) == 1 and "\r" not in annotation
    assert "file=casestudies/a\\n%3A%3Aadd-mask%3A%3Ax%2Cy.md," in annotation


def test_validate_prints_escaped_values_on_the_command_line(tmp_path):
    path = case_study(tmp_path, edited("type: local-authority", f'type: "{HOSTILE.encode("unicode_escape").decode()}"'))
    for flags in ((), ("--github",)):
        result = run_script("validate.py", *flags, str(path))
        assert result.returncode == 1
        assert not any(line.startswith("::error file=x") for line in result.stdout.splitlines())
        assert "\x1b" not in result.stdout + result.stderr


def test_every_json_file_is_written_without_nan():
    root = Path(__file__).resolve().parents[1]
    for folder in ("hooks", "scripts"):
        for path in (root / folder).rglob("*.py"):
            text = path.read_text(encoding="utf-8")
            calls = text.count("json.dump")
            assert calls == text.count("allow_nan=False"), f"{path}: a json.dump without allow_nan=False"
