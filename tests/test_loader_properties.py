"""Whatever an editor saves, the loader answers with clean diagnostics, never a crash."""

from __future__ import annotations

import yaml
from conftest import VALID
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from svhub.config import HubPaths
from svhub.load.loader import load_file
from svhub.load.messages import Severity

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

yaml_scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=40),
    st.dates().map(str),
)
yaml_values = st.recursive(
    yaml_scalars,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4),
    max_leaves=20,
)
FIELDS = ["title", "summary", "kind", "commissioner", "service", "stages", "outcomes", "evidence",
          "sources", "owner", "published", "last_reviewed", "review_by", "contract", "provider", "tags"]


def check(tmp_path, raw: bytes, name: str = "some-case-study.md"):
    file = tmp_path / name
    file.write_bytes(raw)
    result = load_file(file, paths=HubPaths())
    for diagnostic in result.diagnostics:
        assert diagnostic.line >= 1 and diagnostic.col >= 1
        assert diagnostic.message
        assert diagnostic.format().startswith(f"{result.path}:{diagnostic.line}:{diagnostic.col}: ")
    if result.case_study is None:
        assert any(d.severity is Severity.ERROR for d in result.diagnostics)
    return result


@SETTINGS
@given(st.binary(max_size=400))
def test_arbitrary_bytes_give_clean_errors(tmp_path, raw):
    check(tmp_path, raw)


@SETTINGS
@given(st.text(max_size=400))
def test_arbitrary_text_after_a_front_matter_fence_gives_clean_errors(tmp_path, text):
    check(tmp_path, ("---\n" + text + "\n---\nbody\n").encode("utf-8", "surrogatepass"))


@SETTINGS
@given(st.dictionaries(st.sampled_from(FIELDS) | st.text(max_size=10), yaml_values, max_size=12))
def test_arbitrary_yaml_front_matter_gives_clean_errors(tmp_path, data):
    front = yaml.safe_dump(data, allow_unicode=True)
    check(tmp_path, f"---\n{front}---\n\n## The challenge\n".encode())


@SETTINGS
@given(st.sampled_from(FIELDS), yaml_values)
def test_any_single_field_replaced_in_a_valid_file_gives_clean_errors(tmp_path, field, value):
    data = yaml.safe_load((VALID / "fixture-nhs-health-advice.md").read_text(encoding="utf-8").split("---")[1])
    data[field] = value
    body = (VALID / "fixture-nhs-health-advice.md").read_text(encoding="utf-8").split("---", 2)[2]
    check(tmp_path, f"---\n{yaml.safe_dump(data, allow_unicode=True)}---{body}".encode())


def test_a_valid_file_loads_into_the_typed_model(tmp_path):
    result = check(tmp_path, (VALID / "fixture-nhs-health-advice.md").read_bytes(), "fixture-nhs-health-advice.md")
    assert result.ok
    case_study = result.case_study
    assert case_study.slug == "fixture-nhs-health-advice"
    assert case_study.contract.value_gbp == 540000
    assert case_study.year == 2019
    assert case_study.themes == ("health-and-wellbeing", "apprenticeships")


def test_lists_where_words_belong_are_clean_errors(tmp_path):
    text = (VALID / "fixture-nhs-health-advice.md").read_text(encoding="utf-8")
    broken = text.replace("theme: health-and-wellbeing", "theme: [health-and-wellbeing]")
    result = check(tmp_path, broken.encode())
    assert [d.message for d in result.diagnostics] == ["'outcomes[0].theme' must be text"]
