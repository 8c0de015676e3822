"""The data dictionary page, generated from the JSON Schema and the vocabularies
so that it can never drift from what the loader accepts."""

from __future__ import annotations

from typing import Any

from markupsafe import escape

from ..load.schema import VOCABULARY_KEY, build_schema
from ..output import GeneratedPage
from ..structure.vocabularies import About, Vocabularies

SRC_URI = "about/data-dictionary.md"


def _cell(text: str) -> str:
    return str(escape(text)).replace("|", "&#124;")


def _rows(schema: dict[str, Any], prefix: str = "") -> list[tuple[str, bool, str, str | None]]:
    """(field, required, description, vocabulary) for each field, nested ones included."""
    rows = []
    required = set(schema.get("required", []))
    for name, sub in schema.get("properties", {}).items():
        field = f"{prefix}{name}"
        nested = sub.get("items", sub) if sub.get("type") == "array" else sub
        rows.append((field, name in required, sub.get("description", ""), nested.get(VOCABULARY_KEY)))
        if nested.get("type") == "object":
            rows += _rows(nested, f"{field}.")
    return rows


def _about(about: About) -> str:
    """Where a framework's list comes from, with its sources as links."""
    sources = "; ".join(f"[{escape(s['title'])}]({s['url']}) ({escape(s['publisher'])})" for s in about.sources)
    return str(escape(about.note)) + (f" Sources: {sources}." if sources else "")


def data_dictionary(vocab: Vocabularies) -> GeneratedPage:
    schema = build_schema(vocab)
    lines = [
        "Every field a case study can have, and every value a controlled field accepts. "
        "This page is generated from the same schema and vocabularies that check each "
        "case study, so it is always current.",
        "",
        "## Fields",
        "",
        "| Field | Required | What it holds | Values |",
        "| --- | --- | --- | --- |",
    ]
    for field, required, description, values in _rows(schema):
        link = f"[{values.replace('_', ' ')}](#{values.replace('_', '-')})" if values else ""
        lines.append(f"| `{field}` | {'Yes' if required else 'No'} | {_cell(description)} | {link} |")
    for name, vocabulary in vocab.by_name.items():
        lines += ["", f"## {name.replace('_', ' ').capitalize()} {{#{name.replace('_', '-')}}}", ""]
        if vocabulary.about:
            lines += [_about(vocabulary.about), ""]
        lines += ["| Value | Label | Meaning |", "| --- | --- | --- |"]
        lines += [f"| `{t.value}` | {_cell(t.label)} | {_cell(t.description)}"
                  + (f" ({_cell(vocab['dimension'].label(t.dimension))})" if t.dimension else "")
                  + (f" (theme: `{t.group}`)" if t.group else "") + " |"
                  for t in vocabulary]
    return GeneratedPage(
        src_uri=SRC_URI,
        title="Data dictionary",
        description="Every case-study field and the values each controlled field accepts.",
        body="# Data dictionary\n\n" + "\n".join(lines) + "\n",
    )
