"""Fuzzing what contributors send (issue 23): front matter, narratives and issue
bodies. Whatever arrives, the answer is path:line:col messages (or the scaffold's
own refusal), never a traceback, and never more than a second of work."""

from __future__ import annotations

import time

from conftest import VALID
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from svhub.config import HubPaths
from svhub.editors.issue_form import answers_from_issue, form_labels
from svhub.editors.scaffold import QUESTIONS, AnswerError, Scaffold
from svhub.load.loader import load_file
from svhub.structure.vocabularies import load_vocabularies

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
BASE = (VALID / "example-borough-housing-repairs.md").read_text(encoding="utf-8")
FRONT, BODY = BASE.split("\n---\n", 1)
LIMIT = 1.0  # seconds for one input, on a loaded two-core machine

# What breaks parsers: Markdown and HTML syntax, YAML indicators, controls, look-alikes.
SYNTAX = "[]()<>{}!#*_`\\&;:/=\"'|-+.~^%@ \t\n\r\x00\x1b\x85\u2028\u202e\u200b\u0430\ufeff\ud800"
fragments = st.text(alphabet=st.sampled_from(SYNTAX) | st.characters(), min_size=1, max_size=12)
# A fragment repeated up to 20,000 times: runs are what make a pattern backtrack.
runs = st.builds(lambda fragment, times: fragment * times, fragments, st.integers(1, 20_000))
texts = st.lists(runs | fragments, max_size=6).map("".join)
scalars = st.one_of(
    st.sampled_from([".nan", ".inf", "-.inf", "1e999", "9" * 5000, "0x" + "f" * 60, "2099-01-01", "0001-01-01",
                     "'\\ud800'", "*alias", "&anchor x", "!!python/object:os.system", "[" * 500, "{" * 500, "~"]),
    st.integers().map(str), st.floats().map(str), texts.map(lambda t: '"' + t.replace('"', "") + '"'),
)


def timed(action):
    started = time.monotonic()
    result = action()
    assert time.monotonic() - started < LIMIT, "over a second"
    return result


def check(tmp_path, text: str):
    path = tmp_path / "fuzzed-case-study.md"
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    result = timed(lambda: load_file(path, paths=HubPaths()))
    for diagnostic in result.diagnostics:
        assert diagnostic.format().startswith(f"{result.path}:{diagnostic.line}:{diagnostic.col}: ")
        assert "\n" not in diagnostic.format().split("\n    hint: ")[0]


@SETTINGS
@given(line=st.integers(1, FRONT.count("\n")), value=scalars)
def test_any_value_in_any_field_of_the_front_matter(tmp_path, line, value):
    lines = FRONT.split("\n")
    key, colon, _old = lines[line].partition(":")
    lines[line] = f"{key}: {value}" if colon else f"{lines[line]} {value}"
    check(tmp_path, "\n".join(lines) + "\n---\n" + BODY)


@SETTINGS
@given(narrative=texts)
def test_any_narrative(tmp_path, narrative):
    check(tmp_path, FRONT + "\n---\n" + BODY + "\n" + narrative + "\n")


VOCAB = load_vocabularies(HubPaths().vocabularies)
headings = st.sampled_from([f"### {label}" for label in form_labels()] + ["### ", "###", "## Title", "### Title "])


@SETTINGS
@given(parts=st.lists(headings | texts | st.sampled_from(["_No response_", "£3m", "a | b | c", "\n\n"]),
                      max_size=30))
def test_any_issue_body(parts):
    body = "\n".join(parts)

    def read() -> None:
        answers, outcomes, sources, _story = answers_from_issue(body)
        scaffold = Scaffold(VOCAB)
        for question in QUESTIONS:
            try:
                scaffold.answer(question, answers.get(question.dest) or "")
            except AnswerError:
                pass
        for line in outcomes:
            try:
                scaffold.outcome(line)
            except AnswerError:
                pass
        for line in sources:
            try:
                scaffold.source(line)
            except AnswerError:
                pass

    timed(read)
