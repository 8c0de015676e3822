"""The front-matter rules and the narrative rules refuse the same invisible
characters, through one check (svhub.load.characters)."""

from __future__ import annotations

import pytest

from svhub.load.characters import DIRECTION_CONTROLS
from svhub.load.messages import Report, Severity
from svhub.load.narrative import check_narrative
from svhub.load.rules import check_values

CONTROLS = ["\u202a", "\u202e", "\u2066", "\u2069", "\u200e", "\u200f"]


@pytest.mark.parametrize("char", CONTROLS, ids=[f"U+{ord(c):04X}" for c in CONTROLS])
def test_a_direction_control_is_refused_in_the_narrative_as_in_the_front_matter(char):
    body = f"## What happened\n\nThe council{char} paid the Living Wage.\n"
    [problem] = [d for d in check_narrative("casestudies/x.md", body, 10) if d.severity is Severity.ERROR]
    assert (problem.line, problem.col) == (12, 12)
    assert problem.message == f"an invisible text-direction control character (U+{ord(char):04X})"
    report = Report("casestudies/x.md")
    check_values({"title": f"The council{char} paid"}, (), report)
    [value_problem] = report.items
    assert value_problem.message == f"'title' contains an invisible text-direction control character (U+{ord(char):04X})"


def test_the_left_to_right_mark_is_in_the_one_check():
    # A narrative holding U+200E used to load: the narrative had its own, shorter list.
    assert DIRECTION_CONTROLS.search("\u200e") and DIRECTION_CONTROLS.search("\u200f")
