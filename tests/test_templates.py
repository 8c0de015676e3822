"""HTML comes from small Jinja templates with autoescaping, never from Python
strings: a value put in a page's markup is escaped unless it is already markup."""

from __future__ import annotations

import ast
from pathlib import Path

from markupsafe import Markup

from svhub.templates import FOLDER, render

PACKAGE = Path(__file__).resolve().parent.parent / "hooks" / "svhub"
MOST_LINES = 10  # messages and comments that name a '<…>' placeholder, not markup


def markup_fstring_lines() -> list[str]:
    """Each line of an f-string in the package whose literal text holds '<'."""
    found = []
    for file in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(file.read_text(encoding="utf-8"))):
            if isinstance(node, ast.JoinedStr):
                text = "".join(v.value for v in node.values if isinstance(v, ast.Constant))
                if "<" in text:
                    found += [f"{file.relative_to(PACKAGE)}:{line}"
                              for line in range(node.lineno, node.end_lineno + 1)]
    return found


def test_python_builds_no_html_in_f_strings():
    found = markup_fstring_lines()
    assert len(found) <= MOST_LINES, "\n".join(found)


def test_the_count_sees_an_f_string_that_builds_markup():
    tree = ast.parse('name = "x"\nhtml = f"<p>{name}</p>"\n')
    [node] = [n for n in ast.walk(tree) if isinstance(n, ast.JoinedStr)]
    assert "<" in "".join(v.value for v in node.values if isinstance(v, ast.Constant))


def test_a_template_escapes_text_and_keeps_markup():
    text = render("paragraph.html", text='<script>alert("x")</script> & more', markdown=False, **{"class": "a"})
    assert text == '<p class="a">&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; more</p>'
    assert render("finder.html", results=Markup("<ol></ol>")) == '<div class="hub-finder" id="hub-finder">\n<ol></ol>\n</div>'


def test_every_template_is_used():
    sources = "".join(f.read_text(encoding="utf-8") for f in PACKAGE.rglob("*.py"))
    for template in sorted(FOLDER.glob("*.html")):
        assert f'"{template.name}"' in sources, f"{template.name} is not rendered anywhere"
