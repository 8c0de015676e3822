"""The HTML fragments the hooks write into pages, one small Jinja template each.

Autoescaping is on: a value is escaped unless it is already Markup (another
rendered fragment), so no contributed text can become markup, and no Python
module builds HTML in strings.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

FOLDER = Path(__file__).resolve().parent
ENVIRONMENT = Environment(loader=FileSystemLoader(FOLDER), autoescape=True, undefined=StrictUndefined,
                          trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)


def render(name: str, **context: Any) -> Markup:
    """The template `name` (a file in this folder) filled in with `context`."""
    return Markup(ENVIRONMENT.get_template(name).render(**context))
