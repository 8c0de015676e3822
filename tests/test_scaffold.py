"""An editor who is not a developer can start a valid case study: by answering
questions, with flags in a script, or from a submitted issue form."""

from __future__ import annotations

import os
import pty
import subprocess
import time

import yaml
from conftest import FIXTURES, PYTHON, ROOT, run_script

from svhub.config import HubPaths
from svhub.load.loader import load_file

FLAGS = [
    "--no-input", "--title", "Example council school milk from local dairies",
    "--summary", "A fictional fixture made by the scaffold.", "--kind", "contract",
    "--commissioner-name", "Example Council", "--commissioner-type", "local-authority",
    "--commissioner-region", "wales", "--service", "food-and-catering",
    "--stages", "specification", "--stages", "evaluation", "--evidence", "self-reported",
    "--owner", "editorial-team",
    "--outcome", "local-spend | Local dairies supplied the milk. | delivered | 2020/21 | 12 | percent",
    "--source", "A source | https://example.org/x | Example publisher | 2020-01-02",
]


def valid_once_written(path) -> bool:
    """A new file waits only for its story: each section is refused as empty until
    written, and with a sentence under each heading the file passes validation."""
    errors = [d.message for d in load_file(path, paths=HubPaths()).diagnostics if d.severity.value == "error"]
    assert errors and all("has no text yet" in message for message in errors), errors
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("-->\n", "-->\n\nWritten by the editor.\n"), encoding="utf-8")
    try:
        return load_file(path, paths=HubPaths()).ok
    finally:
        path.write_text(text, encoding="utf-8")


def front(path):
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])


def test_flags_with_no_input_write_a_file_that_passes_validation(tmp_path):
    result = run_script("new_casestudy.py", "--dir", str(tmp_path), *FLAGS)
    assert result.returncode == 0, result.stderr
    written = tmp_path / "example-council-school-milk-from-local-dairies.md"
    assert valid_once_written(written)
    data = front(written)
    assert data["stages"] == ["specification", "evaluation"]
    assert data["outcomes"][0] == {"dimension": "economic", "theme": "local-spend",
                                   "description": "Local dairies supplied the milk.", "status": "delivered",
                                   "period": "2020/21", "figure": 12, "unit": "percent"}
    text = written.read_text(encoding="utf-8")
    for section in ("## The challenge", "## What the commissioner did", "## Social value delivered",
                    "## Lessons for commissioners"):
        assert section in text


def test_it_refuses_to_overwrite_and_suggests_a_free_slug(tmp_path):
    assert run_script("new_casestudy.py", "--dir", str(tmp_path), *FLAGS).returncode == 0
    before = (tmp_path / "example-council-school-milk-from-local-dairies.md").read_bytes()
    again = run_script("new_casestudy.py", "--dir", str(tmp_path), *FLAGS)
    assert again.returncode == 1
    assert "already exists and will not be overwritten" in again.stderr
    assert "--slug example-council-school-milk-from-local-dairies-2" in again.stderr
    assert (tmp_path / "example-council-school-milk-from-local-dairies.md").read_bytes() == before


def test_a_bad_flag_value_is_a_clean_error_and_writes_nothing(tmp_path):
    flags = [f if f != "wales" else "atlantis" for f in FLAGS]
    result = run_script("new_casestudy.py", "--dir", str(tmp_path), *flags)
    assert result.returncode == 1
    assert result.stderr.startswith("new_casestudy.py: error: --commissioner-region: 'atlantis' is not one of")
    assert "Traceback" not in result.stderr
    assert not list(tmp_path.iterdir())


def test_interactive_mode_offers_numbered_choices_and_rechecks_bad_answers(tmp_path):
    answers = [
        "Too short", "Example council school milk from local dairies", "A council bought milk locally.",
        "1", "Example Council", "1", "99", "10", "", "", "", "9", "6", "2019", "lots", "250000", "1", "", "5",
        "3, 4", "1", "", "1",
        "local-spend | Local dairies supplied the milk. | delivered | 2020/21 | 12 | percent", "n",
        # A whole source on one line with a bad address, then the same source field by field.
        "Council report | ftp://example.org/report | Example Council",
        "Council report", "ftp://example.org/report", "https://example.org/report", "Example Council", "2020-02-03",
        "n", "",  # no more sources; the review: Enter writes the file
    ]
    result = subprocess.run([PYTHON, str(ROOT / "scripts" / "new_casestudy.py"), "--dir", str(tmp_path)],
                            input="\n".join(answers) + "\n", capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    out = result.stdout
    # The validator's own messages, never raw JSON Schema text.
    assert "Sorry: 'title' is too short (at least 10 characters); write a fuller value. Try again." in out
    assert "Sorry: '99' is not one of the choices" in out
    assert "Sorry: a number, please, such as 250000, 3,000,000 or £3m. Try again." in out
    assert ("Sorry: 'sources[0].url' must be an http:// or https:// web address, not 'ftp://example.org/report'"
            in out)
    assert "should not be valid under" not in out and "does not match" not in out
    assert "  10. Wales" in out and "  6. School milk" in out
    data = front(tmp_path / "example-council-school-milk-from-local-dairies.md")
    assert data["commissioner"] == {"name": "Example Council", "type": "local-authority", "region": "wales"}
    assert data["review_example"] == "school-milk"
    assert data["contract"] == {"awarded": 2019, "value_gbp": 250000, "value_basis": "total",
                                "social_value_weighting_pct": 5}
    assert data["stages"] == ["specification", "evaluation"]


def test_interactive_mode_works_in_a_real_terminal(tmp_path):
    """Driven through a pseudo-terminal, as an editor would type."""
    pid, fd = pty.fork()
    if pid == 0:
        os.execv(PYTHON, [PYTHON, str(ROOT / "scripts" / "new_casestudy.py"), "--dir", str(tmp_path)])
    answers = iter([
        "Example council school milk from local dairies", "A council bought milk locally.", "1",
        "Example Council", "1", "10", "", "", "", "9", "", "", "", "", "", "", "3", "1", "", "1",
        "local-spend | Local dairies supplied the milk. | delivered", "n",
        "Council report | https://example.org/report | Example Council", "n", "",
    ])
    screen = b""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            chunk = os.read(fd, 4096)
        except OSError:
            break
        if not chunk:
            break
        screen += chunk
        if screen.rstrip().endswith((b">", b"[y/N]")):
            os.write(fd, (next(answers, "") + "\n").encode())
            screen += b"\n"
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0, screen.decode(errors="replace")[-2000:]
    assert b"Wrote " in screen
    assert valid_once_written(tmp_path / "example-council-school-milk-from-local-dairies.md")


def test_from_issue_turns_a_submitted_issue_form_into_a_valid_file(tmp_path):
    result = run_script("new_casestudy.py", "--dir", str(tmp_path), "--from-issue",
                        str(FIXTURES / "issues" / "submit-case-study.md"))
    assert result.returncode == 0, result.stderr
    written = tmp_path / "example-council-bought-school-milk-from-a-local-dairy-co-operative.md"
    loaded = load_file(written, paths=HubPaths())
    assert loaded.ok, [d.format() for d in loaded.diagnostics]
    case_study = loaded.case_study
    assert case_study.commissioner.region == "yorkshire-and-the-humber"
    assert case_study.partners == ("Example Purchasing Organisation", "Example Schools Trust")
    assert case_study.provider.type == "co-operative"
    assert case_study.contract.value_gbp == 250000
    assert case_study.contract.social_value_weighting_pct == 10
    assert [o.theme for o in case_study.outcomes] == ["local-spend", "young-people"]
    assert case_study.outcomes[0].figure == 40
    assert case_study.sources[0].url == "https://example.org/council-report"
    assert case_study.tags == ()
    assert "Local farms supplied the milk." in case_study.body


def scaffold(tmp_path, answers: list[str]) -> subprocess.CompletedProcess:
    return subprocess.run([PYTHON, str(ROOT / "scripts" / "new_casestudy.py"), "--dir", str(tmp_path)],
                          input="\n".join(answers) + "\n", capture_output=True, text=True, timeout=120)


EDITOR = [
    "Example council school milk from local dairies", "A council bought milk locally.",
    "1",  # kind
    "1",  # typed at the wrong question: the commissioner's name
    "<", "2",  # back to kind, changed to a framework
    "Example Council", "Local authority", "Wales", "Example Homes, Example Schools Trust", "", "",
    "Food and catering", "", "2019", "£3m", "total", "60", "10%", "3, 4", "self-reported",
    "Apprenticeships, School Food", "1",
    # The first outcome, field by field, with a word for the status the vocabulary knows by meaning.
    "Local spend", "Local dairies supplied the milk.", "completed", "2020/21", "1,200", "<", "1250", "people", "",
    "n",
    "Council report", "https://example.org/report", "Example Council", "2020-02-03", "n",
    "1", "Example council school milk bought from local dairies",  # the review: change the title
    "",  # then write the file
]


def test_an_editor_can_go_back_be_understood_answer_field_by_field_and_review(tmp_path):
    result = scaffold(tmp_path, EDITOR)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr
    out = result.stdout
    assert "Sorry: '1' is not the name of an organisation" in out
    assert "Understood: Framework or consortium arrangement" in out
    assert "Understood: £3,000,000" in out and "Understood: apprenticeships, school-food" in out
    assert "Understood: Delivered" in out and "Understood: 1,250" not in out  # taken as typed
    assert "Please check your answers:" in out and " 1. Title: Example council school milk from local dairies" in out
    data = front(tmp_path / "example-council-school-milk-bought-from-local-dairies.md")
    assert data["kind"] == "framework" and data["commissioner"]["name"] == "Example Council"
    assert data["partners"] == ["Example Homes", "Example Schools Trust"]
    assert data["contract"] == {"awarded": 2019, "value_gbp": 3_000_000, "value_basis": "total",
                                "duration_months": 60, "social_value_weighting_pct": 10}
    assert data["tags"] == ["apprenticeships", "school-food"]
    assert data["outcomes"] == [{"dimension": "economic", "theme": "local-spend",
                                 "description": "Local dairies supplied the milk.", "status": "delivered",
                                 "period": "2020/21", "figure": 1250, "unit": "people"}]
    assert data["sources"][0]["url"] == "https://example.org/report"
    assert "Still to write" in out and "scripts/validate.py" in out
