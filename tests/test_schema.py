"""The committed JSON Schema, the vocabularies and the loader agree."""

from __future__ import annotations

import json

import jsonschema
from conftest import ROOT, VALID

from svhub.load import frontmatter
from svhub.load.schema import build_schema, schema_text
from svhub.structure.vocabularies import load_vocabularies

VOCAB = load_vocabularies(ROOT / "casestudies" / "vocabularies.yml")
SCHEMA = json.loads((ROOT / "casestudies" / "schema.json").read_text(encoding="utf-8"))


def test_committed_schema_is_generated_from_the_vocabularies():
    assert (ROOT / "casestudies" / "schema.json").read_text(encoding="utf-8") == schema_text(VOCAB), (
        "casestudies/schema.json is out of date: run scripts/build_schema.py"
    )


def test_every_vocabulary_value_has_a_label_and_description():
    for name, vocabulary in VOCAB.by_name.items():
        for term in vocabulary:
            assert term.label.strip() and term.description.strip(), f"{name}.{term.value}"


def test_every_theme_belongs_to_one_of_the_three_dimensions():
    assert {t.dimension for t in VOCAB["theme"]} == set(VOCAB["dimension"].values) == {
        "economic", "social", "environmental"}


def test_schema_enums_are_exactly_the_vocabularies():
    props = SCHEMA["properties"]
    assert props["service"]["enum"] == VOCAB["service"].values
    assert props["commissioner"]["properties"]["region"]["enum"] == VOCAB["region"].values
    assert props["commissioner"]["properties"]["type"]["enum"] == VOCAB["commissioner_type"].values
    assert props["outcomes"]["items"]["properties"]["theme"]["enum"] == VOCAB["theme"].values
    assert props["stages"]["items"]["enum"] == VOCAB["stage"].values
    assert props["review_example"]["enum"] == VOCAB["review_example"].values
    assert len(VOCAB["review_example"].values) == 6


def test_every_field_in_the_schema_is_described():
    def walk(schema, path="front matter"):
        assert schema.get("description"), path
        for name, sub in schema.get("properties", {}).items():
            walk(sub, f"{path}.{name}")
        if "items" in schema and schema["items"].get("type") == "object":
            walk(schema["items"], f"{path}[]")

    walk(build_schema(VOCAB))


def test_what_the_loader_accepts_the_committed_schema_accepts():
    for file in [*VALID.glob("*.md"), *(ROOT / "casestudies").glob("*.md")]:
        data = frontmatter.parse(file.read_bytes()).data
        jsonschema.validate(data, SCHEMA)
